# Forecasting benchmarks (herald_analytics_forecast) against R forecast 8.20: see compare-peers-forecast.
add_executable(bench_forecast ${CMAKE_CURRENT_LIST_DIR}/bench_forecast.cpp)
target_link_libraries(bench_forecast PRIVATE herald_analytics_forecast herald_options Eigen3::Eigen)
target_compile_definitions(bench_forecast PRIVATE
    HERALD_FORECAST_DATA="${PROJECT_SOURCE_DIR}/../shared/datasets/forecasting")
