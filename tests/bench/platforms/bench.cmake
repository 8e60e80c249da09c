# Response parsing (Bluesky author feed, X posts page), facet detection and PKCE: items per second.
add_executable(bench_platforms ${CMAKE_CURRENT_LIST_DIR}/bench_platforms.cpp)
target_link_libraries(bench_platforms PRIVATE herald::connectors nlohmann_json::nlohmann_json herald_options)
