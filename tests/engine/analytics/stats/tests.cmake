herald_add_test(tst_abstats LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_abstats.cpp
    LIBS herald_analytics_stats Eigen3::Eigen)
herald_add_test(tst_regression LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_regression.cpp
    LIBS herald_analytics_stats Eigen3::Eigen)
herald_add_test(tst_associationrules LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_associationrules.cpp
    LIBS herald_analytics_stats)
herald_add_test(tst_lttb LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_lttb.cpp
    LIBS herald_analytics_stats Eigen3::Eigen)
herald_add_test(tst_anomalies LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_anomalies.cpp
    LIBS herald_analytics_stats Eigen3::Eigen)
