herald_add_test(tst_synchronizer LABEL connectors SOURCES ${CMAKE_CURRENT_LIST_DIR}/sync/tst_synchronizer.cpp
    LIBS herald::connectors herald_fixture_server)
target_include_directories(tst_synchronizer PRIVATE ${CMAKE_CURRENT_LIST_DIR}/sync)
