# Segmentation, projection, recommendation and budget allocation (herald_analytics_cluster).
add_library(herald_analytics_cluster OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/Standardize.cpp
    ${CMAKE_CURRENT_LIST_DIR}/KMeans.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Silhouette.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Pca.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Recommendations.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Als.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ItemNeighbors.cpp
    ${CMAKE_CURRENT_LIST_DIR}/BudgetAllocation.cpp
)
target_include_directories(herald_analytics_cluster PUBLIC ${PROJECT_SOURCE_DIR}/engine/include)
target_link_libraries(herald_analytics_cluster PUBLIC herald_options tl::expected Eigen3::Eigen)
list(APPEND HERALD_ANALYTICS_PARTS herald_analytics_cluster)
