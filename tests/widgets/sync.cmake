herald_add_test(tst_accountspanel GUI LABEL widgets SOURCES ${CMAKE_CURRENT_LIST_DIR}/sync/tst_accountspanel.cpp
    LIBS herald::widgets herald_fixture_server)
target_include_directories(tst_accountspanel PRIVATE ${PROJECT_SOURCE_DIR}/tests/connectors/sync)
