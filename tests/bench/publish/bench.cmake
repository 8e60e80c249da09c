# Publishing: the calendar month query over 100,000 posts, and publish-due against the fixture server.
add_executable(bench_publish ${CMAKE_CURRENT_LIST_DIR}/bench_publish.cpp)
target_include_directories(bench_publish PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(bench_publish PRIVATE herald::engine herald::connectors herald_fixture_server herald_options)
target_compile_definitions(bench_publish PRIVATE HERALD_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures")
include(${CMAKE_CURRENT_LIST_DIR}/calendar.cmake)
