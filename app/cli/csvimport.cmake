# heraldctl import-csv (issue 4).
target_sources(heraldctl PRIVATE ${CMAKE_CURRENT_LIST_DIR}/ImportCsvCommand.cpp)
