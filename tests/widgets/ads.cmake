# The Ads panel offscreen.
herald_add_test(tst_adspanel GUI LABEL widgets SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_adspanel.cpp LIBS herald::widgets)
target_include_directories(tst_adspanel PRIVATE ${PROJECT_SOURCE_DIR}/widgets/src)
