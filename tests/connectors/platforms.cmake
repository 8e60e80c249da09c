# Feature area "platforms": Bluesky, X and OAuth against the fixture server.
find_package(nlohmann_json 3.10 REQUIRED)
herald_add_test(tst_bluesky LABEL connectors SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_bluesky.cpp
    LIBS herald::connectors herald_fixture_server nlohmann_json::nlohmann_json)
herald_add_test(tst_x LABEL connectors SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_x.cpp
    LIBS herald::connectors herald_fixture_server nlohmann_json::nlohmann_json)
herald_add_test(tst_oauth LABEL connectors SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_oauth.cpp
    LIBS herald::connectors herald_fixture_server)

# libFuzzer targets for the response parsers (clang only; ctest label "fuzz", 20 s each). They compile the
# parsers and their few dependencies with the fuzzing instrumentation instead of linking the libraries.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    set(herald_fuzz_sanitizers -fsanitize=fuzzer-no-link,address,undefined)
    add_library(herald_fuzz_parsers STATIC
        ${PROJECT_SOURCE_DIR}/connectors/src/DateTime.cpp
        ${PROJECT_SOURCE_DIR}/connectors/src/TextLength.cpp
        ${PROJECT_SOURCE_DIR}/connectors/src/Connector.cpp
        ${PROJECT_SOURCE_DIR}/connectors/src/http/HttpMessage.cpp
        ${PROJECT_SOURCE_DIR}/connectors/src/http/RateLimiter.cpp
        ${PROJECT_SOURCE_DIR}/connectors/src/http/HttpClient.cpp
        ${PROJECT_SOURCE_DIR}/connectors/src/mastodon/MastodonConnector.cpp
        ${PROJECT_SOURCE_DIR}/connectors/src/platforms/bluesky/BlueskyFacets.cpp
        ${PROJECT_SOURCE_DIR}/connectors/src/platforms/bluesky/BlueskyParsers.cpp
        ${PROJECT_SOURCE_DIR}/connectors/src/platforms/x/XParsers.cpp
        ${PROJECT_SOURCE_DIR}/engine/src/model/Enums.cpp
        ${PROJECT_SOURCE_DIR}/engine/src/Result.cpp)
    target_include_directories(herald_fuzz_parsers PUBLIC
        ${PROJECT_SOURCE_DIR}/connectors/include ${PROJECT_SOURCE_DIR}/engine/include)
    target_compile_features(herald_fuzz_parsers PUBLIC cxx_std_20)
    target_compile_options(herald_fuzz_parsers PUBLIC -g -O1 ${herald_fuzz_sanitizers} -fno-sanitize-recover=undefined)
    target_link_libraries(herald_fuzz_parsers PUBLIC CURL::libcurl nlohmann_json::nlohmann_json tl::expected)
    set_target_properties(herald_fuzz_parsers PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
    foreach(platform IN ITEMS bluesky x mastodon)
        add_executable(fuzz_${platform} ${CMAKE_CURRENT_LIST_DIR}/fuzz/fuzz_${platform}.cpp)
        target_link_libraries(fuzz_${platform} PRIVATE herald_fuzz_parsers)
        target_link_options(fuzz_${platform} PRIVATE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined)
        set_target_properties(fuzz_${platform} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
        # New inputs go to the build tree; the fixtures are read as seeds only.
        set(corpus ${CMAKE_CURRENT_BINARY_DIR}/fuzz-corpus-${platform})
        file(MAKE_DIRECTORY ${corpus})
        add_test(NAME fuzz_${platform}
                 COMMAND fuzz_${platform} -max_total_time=20 -max_len=65536 -timeout=10 -rss_limit_mb=2048
                         ${corpus} ${PROJECT_SOURCE_DIR}/tests/fixtures/${platform})
        set_tests_properties(fuzz_${platform} PROPERTIES LABELS fuzz TIMEOUT 120)
    endforeach()
endif()
