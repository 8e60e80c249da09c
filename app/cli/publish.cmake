# heraldctl post (add, list, cancel) and publish-due.
target_sources(heraldctl PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/PostCommand.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PublishCommand.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PublishCommon.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PublishCommon.h
)
