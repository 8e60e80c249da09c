# heraldctl post and publish-due end to end, against the Mastodon fixture server.
herald_add_test(tst_cli_publish LABEL app SOURCES ${CMAKE_CURRENT_LIST_DIR}/publish/tst_cli_publish.cpp
    LIBS herald_app_common herald_fixture_server SQLite::SQLite3)
target_compile_definitions(tst_cli_publish PRIVATE HERALDCTL_PATH="$<TARGET_FILE:heraldctl>")
add_dependencies(tst_cli_publish heraldctl)
