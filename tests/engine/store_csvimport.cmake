# CSV import: reader, values, formats and the importer.
herald_add_test(tst_csvreader LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_csvreader.cpp LIBS herald::engine)
herald_add_test(tst_csvimport LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_csvimport.cpp
    LIBS herald::engine SQLite::SQLite3)
include(${CMAKE_CURRENT_LIST_DIR}/fuzz/csvimport_fuzz.cmake)
