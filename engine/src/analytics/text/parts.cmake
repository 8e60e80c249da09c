# Text analytics: lexicon sentiment (English, Simplified Chinese, emoji) and the engagement model.
add_library(herald_analytics_text OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/Utf8.h
    ${CMAKE_CURRENT_LIST_DIR}/SentimentLexicon.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Sentiment.cpp
    ${CMAKE_CURRENT_LIST_DIR}/EngagementModel.cpp
)
target_include_directories(herald_analytics_text PUBLIC ${PROJECT_SOURCE_DIR}/engine/include)
target_link_libraries(herald_analytics_text PUBLIC herald_options tl::expected Eigen3::Eigen)
list(APPEND HERALD_ANALYTICS_PARTS herald_analytics_text)
