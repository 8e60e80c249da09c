herald_add_test(tst_calendarpanel GUI LABEL widgets SOURCES ${CMAKE_CURRENT_LIST_DIR}/publish/tst_calendarpanel.cpp
    LIBS herald::widgets)
target_include_directories(tst_calendarpanel PRIVATE ${PROJECT_SOURCE_DIR}/widgets/src ${CMAKE_CURRENT_LIST_DIR})
# Composer, in-app publishing service, failed-post and background-publisher dialogs.
herald_add_test(tst_composerdialog GUI LABEL widgets SOURCES ${CMAKE_CURRENT_LIST_DIR}/composer/tst_composerdialog.cpp
    LIBS herald::widgets)
target_include_directories(tst_composerdialog PRIVATE ${PROJECT_SOURCE_DIR}/widgets/src)
herald_add_test(tst_publishingservice GUI LABEL widgets SOURCES ${CMAKE_CURRENT_LIST_DIR}/composer/tst_publishingservice.cpp
    LIBS herald::widgets herald_fixture_server)
# Compose, schedule, see it on the calendar, move it and undo: the whole round trip.
herald_add_test(tst_composeandplan GUI LABEL widgets SOURCES ${CMAKE_CURRENT_LIST_DIR}/publish/tst_composeandplan.cpp
    LIBS herald::widgets)
target_include_directories(tst_composeandplan PRIVATE ${PROJECT_SOURCE_DIR}/widgets/src ${CMAKE_CURRENT_LIST_DIR})
# "Import Posts…" on the calendar (CSV bulk import, all or nothing).
herald_add_test(tst_calendarimport GUI LABEL widgets SOURCES ${CMAKE_CURRENT_LIST_DIR}/publish/tst_calendarimport.cpp
    LIBS herald::widgets)
