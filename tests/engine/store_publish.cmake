# Publishing store: calendar query, post edits, posting slots, recurrence, evergreen, publish queue.
herald_add_test(tst_publishstore LABEL engine
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_publishstore.cpp
    LIBS herald::engine herald::widgets herald_qt_options)
