# Ads area: audiences and targeting, custom-audience hashing, Ads Manager import, ad-set statistics and
# budget planning, A/B tests.
foreach(unit IN ITEMS adaudiences customaudience adsimport adsetstats abtests)
    herald_add_test(tst_${unit} LABEL engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/ads/tst_${unit}.cpp
        LIBS herald::engine nlohmann_json::nlohmann_json)
    target_include_directories(tst_${unit} PRIVATE ${CMAKE_CURRENT_LIST_DIR}/ads)
endforeach()
