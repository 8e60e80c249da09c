target_sources(herald_engine PRIVATE ${CMAKE_CURRENT_LIST_DIR}/SyncStateRepository.cpp)
