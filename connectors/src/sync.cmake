target_sources(herald_connectors PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/sync/AccountSetup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sync/SyncPages.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sync/SyncPages.h
    ${CMAKE_CURRENT_LIST_DIR}/sync/Synchronizer.cpp
)
