# Tests of herald_analytics_forecast against R forecast 8.20 (../shared/datasets/forecasting).
herald_add_test(tst_arima LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_arima.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ForecastTestData.h LIBS herald_analytics_forecast Eigen3::Eigen)
herald_add_test(tst_autoarima LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_autoarima.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ForecastTestData.h LIBS herald_analytics_forecast Eigen3::Eigen)
herald_add_test(tst_ets LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ForecastTestData.h LIBS herald_analytics_forecast Eigen3::Eigen)
herald_add_test(tst_accuracy LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_accuracy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ForecastTestData.h LIBS herald_analytics_forecast Eigen3::Eigen)
