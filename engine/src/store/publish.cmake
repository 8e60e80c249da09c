# Publishing: calendar queries, post edits, posting slots and the publish queue.
target_sources(herald_engine PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ZoneConverter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PublishSql.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PublishQueue.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CalendarQuery.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PostEditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PostThread.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PostingSlots.cpp
)
