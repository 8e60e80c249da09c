# Calendar panel: load and paint a month of a 100,000-post workspace, switch months, open the queue.
add_executable(bench_calendar ${CMAKE_CURRENT_LIST_DIR}/calendar_bench.cpp)
target_include_directories(bench_calendar PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(bench_calendar PRIVATE herald::widgets herald_qt_options)
