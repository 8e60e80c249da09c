# Ads area: heraldctl audience, abtest and import-ads.
target_sources(heraldctl PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AudienceExportCommand.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AbTestCommand.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ImportAdsCommand.cpp
)
