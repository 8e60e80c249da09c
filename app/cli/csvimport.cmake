# heraldctl import-csv.
target_sources(heraldctl PRIVATE ${CMAKE_CURRENT_LIST_DIR}/ImportCsvCommand.cpp)
