# heraldctl import-csv end to end.
herald_add_test(tst_cli_csvimport LABEL app SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli_csvimport.cpp LIBS herald::engine)
target_compile_definitions(tst_cli_csvimport PRIVATE HERALDCTL_PATH="$<TARGET_FILE:heraldctl>")
add_dependencies(tst_cli_csvimport heraldctl)
