# heraldctl audience, abtest and import-ads end to end.
herald_add_test(tst_cli_ads LABEL app SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli_ads.cpp LIBS herald::engine)
target_compile_definitions(tst_cli_ads PRIVATE HERALDCTL_PATH="$<TARGET_FILE:heraldctl>")
add_dependencies(tst_cli_ads heraldctl)
