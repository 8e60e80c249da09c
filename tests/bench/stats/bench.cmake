# Stats benchmarks: small timed programs printing "<name> <median seconds>"; compare-peers-stats runs
# them against scikit-learn / statsmodels / scipy and the stored arules timings.
foreach(bench IN ITEMS assoc_rules regression lttb abstats)
    add_executable(bench_${bench} ${CMAKE_CURRENT_LIST_DIR}/bench_${bench}.cpp)
    target_link_libraries(bench_${bench} PRIVATE herald_analytics_stats herald_options Eigen3::Eigen)
    target_compile_definitions(bench_${bench} PRIVATE HERALD_SHARED_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/datasets")
endforeach()
