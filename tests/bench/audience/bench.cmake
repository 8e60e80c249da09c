# Audience segmentation from the store to segment cards, and interest rules (see bench_audience.cpp).
add_executable(bench_audience ${CMAKE_CURRENT_LIST_DIR}/bench_audience.cpp)
target_include_directories(bench_audience PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(bench_audience PRIVATE herald::engine herald_options)
