target_sources(heraldctl PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AccountCommand.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncCommand.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncCommon.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SyncCommon.h
)
