herald_add_test(tst_cli_sync LABEL app SOURCES ${CMAKE_CURRENT_LIST_DIR}/sync/tst_cli_sync.cpp
    LIBS herald::engine herald_fixture_server)
target_include_directories(tst_cli_sync PRIVATE ${PROJECT_SOURCE_DIR}/tests/connectors/sync)
target_compile_definitions(tst_cli_sync PRIVATE HERALDCTL_PATH="$<TARGET_FILE:heraldctl>")
add_dependencies(tst_cli_sync heraldctl)

herald_add_test(tst_secretstore LABEL app SOURCES ${CMAKE_CURRENT_LIST_DIR}/sync/tst_secretstore.cpp
    LIBS herald_app_common)
