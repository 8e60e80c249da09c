target_sources(herald_connectors PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/platforms/ConnectorFactory.cpp
)
