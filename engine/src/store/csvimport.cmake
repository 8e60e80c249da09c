# CSV import of platform analytics exports: reader, formats, importer.
target_sources(herald_engine PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/../import/CsvReader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../import/CsvValues.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../import/CsvFormats.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../import/CsvImporter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../import/CsvImportWriter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../import/CsvImportWriter.h)
# SHA-256 of imported files, to recognise a file imported before.
target_link_libraries(herald_engine PRIVATE OpenSSL::Crypto)
