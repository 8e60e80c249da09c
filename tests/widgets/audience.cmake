herald_add_test(tst_audiencepanel GUI LABEL widgets SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_audiencepanel.cpp
    LIBS herald::widgets Qt6::Charts)
target_include_directories(tst_audiencepanel PRIVATE ${PROJECT_SOURCE_DIR}/widgets/src)
