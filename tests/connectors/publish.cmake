# Publisher (DESIGN.md flow 2) and post validation, against the Mastodon, Bluesky and X fixture server.
herald_add_test(tst_publisher LABEL connectors SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_publisher.cpp
    LIBS herald::connectors herald_fixture_server SQLite::SQLite3 nlohmann_json::nlohmann_json)
herald_add_test(tst_postvalidation LABEL connectors SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_postvalidation.cpp
    LIBS herald::connectors)
# Bulk import of posts from CSV (all rows checked, all or nothing).
herald_add_test(tst_postimport LABEL connectors SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_postimport.cpp
    LIBS herald::connectors herald::widgets)
