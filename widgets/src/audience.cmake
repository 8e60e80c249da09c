# Audience panel: segmentation runs, segment cards, charts, interest rules, recommendations, saved runs.
target_sources(herald_widgets PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/../include/herald/widgets/AudienceData.h
    ${CMAKE_CURRENT_LIST_DIR}/../include/herald/widgets/AudiencePanel.h
    ${CMAKE_CURRENT_LIST_DIR}/../include/herald/widgets/AudienceText.h
    ${CMAKE_CURRENT_LIST_DIR}/AudienceData.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AudiencePanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AudienceResults.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AudienceRulesTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AudienceRulesTab.h
    ${CMAKE_CURRENT_LIST_DIR}/AudienceText.cpp
)
list(APPEND HERALD_WIDGETS_TR_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/AudiencePanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AudienceResults.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AudienceRulesTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/AudienceText.cpp
)
