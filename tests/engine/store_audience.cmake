herald_add_test(tst_audiencefeatures LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_audiencefeatures.cpp LIBS herald::engine)
herald_add_test(tst_segmentation LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_segmentation.cpp LIBS herald::engine)
