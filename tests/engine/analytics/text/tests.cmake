# Tests of herald_analytics_text: lexicon sentiment and the engagement model (no peer: own fixtures and
# seeded simulations with a designed pattern).
herald_add_test(tst_sentiment LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sentiment.cpp
    LIBS herald_analytics_text Eigen3::Eigen)
target_compile_definitions(tst_sentiment PRIVATE HERALD_LEXICON_DIR="${PROJECT_SOURCE_DIR}/resources/lexicons")
herald_add_test(tst_engagement LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_engagement.cpp
    ${CMAKE_CURRENT_LIST_DIR}/EngagementSimulation.h LIBS herald_analytics_text Eigen3::Eigen)
