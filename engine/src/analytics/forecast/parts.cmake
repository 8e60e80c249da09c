# Forecasting of engagement series: ARIMA, auto-ARIMA, ETS, seasonal naive, holdout accuracy
# (herald_analytics_forecast).
add_library(herald_analytics_forecast OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/Optimizers.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ArimaKernel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Arima.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Stl.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AutoArima.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SeasonalNaive.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Ets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Accuracy.cpp
)
target_include_directories(herald_analytics_forecast PUBLIC ${PROJECT_SOURCE_DIR}/engine/include)
target_link_libraries(herald_analytics_forecast PUBLIC herald_options tl::expected Eigen3::Eigen)
list(APPEND HERALD_ANALYTICS_PARTS herald_analytics_forecast)
