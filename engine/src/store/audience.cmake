# Audience segmentation: features from the store, segmentation runs, saved segments, recommendations.
target_sources(herald_engine PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/AudienceFeatures.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AudienceSegmentation.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AudienceRecommendations.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SegmentStore.cpp
)
target_link_libraries(herald_engine PRIVATE nlohmann_json::nlohmann_json)
