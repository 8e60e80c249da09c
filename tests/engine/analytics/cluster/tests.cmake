# Tests of herald_analytics_cluster (k-means, PCA, recommendations, budget allocation).
herald_add_test(tst_kmeans LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kmeans.cpp
    LIBS herald_analytics_cluster Eigen3::Eigen)
herald_add_test(tst_silhouette LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_silhouette.cpp
    LIBS herald_analytics_cluster Eigen3::Eigen)
herald_add_test(tst_pca LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pca.cpp
    LIBS herald_analytics_cluster Eigen3::Eigen)
herald_add_test(tst_recommend LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_recommend.cpp
    LIBS herald_analytics_cluster Eigen3::Eigen)
herald_add_test(tst_budget LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_budget.cpp
    LIBS herald_analytics_cluster)
