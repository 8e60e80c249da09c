# libFuzzer target for the CSV reader and format detector; needs clang (-fsanitize=fuzzer), so it is
# not part of the default GCC build. ctest -L fuzz runs it for 30 seconds from the fixtures.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    add_executable(fuzz_csvimport
        ${CMAKE_CURRENT_LIST_DIR}/fuzz_csvimport.cpp
        ${PROJECT_SOURCE_DIR}/engine/src/import/CsvReader.cpp
        ${PROJECT_SOURCE_DIR}/engine/src/import/CsvValues.cpp
        ${PROJECT_SOURCE_DIR}/engine/src/import/CsvFormats.cpp)
    target_include_directories(fuzz_csvimport PRIVATE ${PROJECT_SOURCE_DIR}/engine/include)
    target_compile_options(fuzz_csvimport PRIVATE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all)
    target_link_options(fuzz_csvimport PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_csvimport PRIVATE herald_options tl::expected)
    set(corpus ${CMAKE_CURRENT_BINARY_DIR}/fuzz_csvimport_corpus)
    file(MAKE_DIRECTORY ${corpus})
    # New inputs go to the build tree's corpus; the fixtures are read-only seeds.
    add_test(NAME fuzz_csvimport
        COMMAND fuzz_csvimport -max_total_time=30 -max_len=65536 -timeout=10 ${corpus}
                ${PROJECT_SOURCE_DIR}/tests/fixtures/csv)
    set_tests_properties(fuzz_csvimport PROPERTIES LABELS fuzz TIMEOUT 120)
endif()
