# Import CSV dialog, offscreen.
herald_add_test(tst_importcsvdialog GUI LABEL widgets SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_importcsvdialog.cpp
    LIBS herald::widgets)
