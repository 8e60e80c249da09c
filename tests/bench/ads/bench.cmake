# Ads area timings (not a ctest test): audience counting and hashing, Ads Manager import, statistics, budget, A/B.
add_executable(bench_ads ${CMAKE_CURRENT_LIST_DIR}/bench_ads.cpp)
target_link_libraries(bench_ads PRIVATE herald::engine)
target_include_directories(bench_ads PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
