# Cluster benchmarks: small timed programs printing medians; compare-peers-cluster runs them beside scikit-learn.
foreach(bench IN ITEMS kmeans choosek als)
    add_executable(bench_${bench} ${CMAKE_CURRENT_LIST_DIR}/bench_${bench}.cpp)
    target_link_libraries(bench_${bench} PRIVATE herald_analytics_cluster herald_options nlohmann_json::nlohmann_json)
    # The blob generator must round every product and sum as the Python original does.
    target_compile_options(bench_${bench} PRIVATE -ffp-contract=off)
    target_compile_definitions(bench_${bench} PRIVATE
        HERALD_SHARED_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/datasets")
endforeach()
