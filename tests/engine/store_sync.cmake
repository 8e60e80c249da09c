herald_add_test(tst_syncstate LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/sync/tst_syncstate.cpp LIBS herald::engine)
