# CSV import of a 100,000-row post-level file: rows per second.
add_executable(bench_csvimport ${CMAKE_CURRENT_LIST_DIR}/bench_csvimport.cpp)
target_link_libraries(bench_csvimport PRIVATE herald::engine herald_options)
