# Ads area: ad audiences and targeting exports, custom-audience files, Ads Manager imports, ad-set
# statistics and budget planning, A/B tests.
target_sources(herald_engine PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ads/AdAudiences.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/AdTargeting.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/AdSetStats.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/AdsImport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/AbTests.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/CustomAudience.cpp
)
target_link_libraries(herald_engine PRIVATE OpenSSL::Crypto nlohmann_json::nlohmann_json)
