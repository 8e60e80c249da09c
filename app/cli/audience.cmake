target_sources(heraldctl PRIVATE ${CMAKE_CURRENT_LIST_DIR}/SegmentCommand.cpp)
