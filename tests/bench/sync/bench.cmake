add_executable(bench_sync ${CMAKE_CURRENT_LIST_DIR}/bench_sync.cpp)
target_include_directories(bench_sync PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(bench_sync PRIVATE herald::connectors herald_fixture_server nlohmann_json::nlohmann_json herald_options)
