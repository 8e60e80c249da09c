# Publishing store: calendar query, post edits, posting slots, recurrence, evergreen, publish queue.
herald_add_test(tst_publishstore LABEL engine
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_publishstore.cpp ${PROJECT_SOURCE_DIR}/app/cli/QtZoneConverter.cpp
    LIBS herald::engine herald_qt_options)
target_include_directories(tst_publishstore PRIVATE ${PROJECT_SOURCE_DIR}/app/cli)
