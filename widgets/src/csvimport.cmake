# Import CSV dialog.
target_sources(herald_widgets PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/../include/herald/widgets/ImportCsvDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/ImportCsvDialog.cpp)
list(APPEND HERALD_WIDGETS_TR_SOURCES ${CMAKE_CURRENT_LIST_DIR}/ImportCsvDialog.cpp)
