# Benchmarks of herald_analytics_text (no peer exists for these; they print Herald's own figures).
add_executable(bench_sentiment ${CMAKE_CURRENT_LIST_DIR}/bench_sentiment.cpp)
target_link_libraries(bench_sentiment PRIVATE herald_analytics_text herald_options)
target_compile_definitions(bench_sentiment PRIVATE
    HERALD_LEXICON_DIR="${PROJECT_SOURCE_DIR}/resources/lexicons"
    HERALD_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures")

add_executable(bench_engagement ${CMAKE_CURRENT_LIST_DIR}/bench_engagement.cpp)
target_include_directories(bench_engagement PRIVATE ${PROJECT_SOURCE_DIR}/tests/engine/analytics/text)
target_link_libraries(bench_engagement PRIVATE herald_analytics_text herald_options)
