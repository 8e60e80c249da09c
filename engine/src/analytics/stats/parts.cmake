# Statistics: A/B tests, regression, association rules, LTTB downsampling, anomaly detection.
add_library(herald_analytics_stats OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/SpecialFunctions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AbStats.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AbSampleSize.cpp
    ${CMAKE_CURRENT_LIST_DIR}/BestVariant.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Ols.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Logistic.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AssociationRules.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Lttb.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Anomalies.cpp
)
target_include_directories(herald_analytics_stats PUBLIC ${PROJECT_SOURCE_DIR}/engine/include)
target_link_libraries(herald_analytics_stats PUBLIC herald_options tl::expected Eigen3::Eigen)
list(APPEND HERALD_ANALYTICS_PARTS herald_analytics_stats)
