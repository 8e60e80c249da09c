# Publishing: the Publisher and the post validation shared by composer and CLI.
target_sources(herald_connectors PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/publish/PostImport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/publish/PostValidation.cpp
    ${CMAKE_CURRENT_LIST_DIR}/publish/Publisher.cpp
)
target_link_libraries(herald_connectors PRIVATE OpenSSL::Crypto)
