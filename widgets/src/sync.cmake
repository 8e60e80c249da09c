target_sources(herald_widgets PRIVATE
    ${PROJECT_SOURCE_DIR}/widgets/include/herald/widgets/AccountSecrets.h
    ${CMAKE_CURRENT_LIST_DIR}/sync/AccountJobs.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sync/AccountJobs.h
    ${CMAKE_CURRENT_LIST_DIR}/sync/AccountStatusModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sync/AccountStatusModel.h
    ${CMAKE_CURRENT_LIST_DIR}/sync/AddAccountDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sync/AddAccountDialog.h
)
# The Accounts panel connects and syncs accounts through the connectors' public API.
target_link_libraries(herald_widgets PUBLIC herald::connectors)
list(APPEND HERALD_WIDGETS_TR_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/sync/AccountStatusModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sync/AddAccountDialog.cpp)
