# Feature area "platforms": Bluesky and X connectors, OAuth building blocks, the connector factory.
target_sources(herald_connectors PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/platforms/ConnectorFactory.cpp
    ${CMAKE_CURRENT_LIST_DIR}/platforms/OAuth.cpp
    ${CMAKE_CURRENT_LIST_DIR}/platforms/bluesky/BlueskyFacets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/platforms/bluesky/BlueskyParsers.cpp
    ${CMAKE_CURRENT_LIST_DIR}/platforms/bluesky/BlueskyConnector.cpp
)
target_link_libraries(herald_connectors PRIVATE OpenSSL::Crypto)
target_sources(herald_connectors PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/platforms/x/XParsers.cpp
    ${CMAKE_CURRENT_LIST_DIR}/platforms/x/XConnector.cpp
)
