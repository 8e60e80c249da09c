# herald_add_test(name [GUI] SOURCES ... LIBS ... [LABEL layer])
# One executable per unit; labels per layer; UTF-8 locale; offscreen platform for GUI tests.
function(herald_add_test name)
    cmake_parse_arguments(T "GUI" "LABEL;TIMEOUT" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE herald_test_support Qt6::Test ${T_LIBS})
    target_compile_definitions(${name} PRIVATE
        HERALD_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
        HERALD_SHARED_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/datasets")
    add_test(NAME ${name} COMMAND ${name})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set(env "LC_ALL=C.UTF-8" "HERALD_NO_KEYCHAIN=1")
    if(T_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABEL}" TIMEOUT ${T_TIMEOUT} ENVIRONMENT "${env}")
endfunction()
