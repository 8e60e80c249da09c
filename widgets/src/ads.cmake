# Ads area: the Ads panel (audiences, ad sets, budget planner, A/B tests).
target_sources(herald_widgets PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/../include/herald/widgets/AdsPanel.h
    ${CMAKE_CURRENT_LIST_DIR}/AdsPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/AdsWorker.h
    ${CMAKE_CURRENT_LIST_DIR}/ads/AdAudiencesTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/AdAudiencesTab.h
    ${CMAKE_CURRENT_LIST_DIR}/ads/AdSetsTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/AdSetsTab.h
    ${CMAKE_CURRENT_LIST_DIR}/ads/BudgetTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/BudgetTab.h
    ${CMAKE_CURRENT_LIST_DIR}/ads/AbTestsTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/AbTestsTab.h
)
list(APPEND HERALD_WIDGETS_TR_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/AdsPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/AdAudiencesTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/AdSetsTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/BudgetTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ads/AbTestsTab.cpp
)
