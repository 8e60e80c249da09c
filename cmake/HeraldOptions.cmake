# One INTERFACE target carries every compile option; every Herald target links it.
option(HERALD_WERROR "Treat warnings as errors" OFF)
option(HERALD_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_library(herald_options INTERFACE)
add_library(herald::options ALIAS herald_options)
target_compile_features(herald_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(herald_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast)
if(HERALD_WERROR)
    # GCC 12's flow-sensitive warnings misfire inside libstdc++ at -O2 (std::string copies);
    # they stay visible as warnings but do not fail the build.
    target_compile_options(herald_options INTERFACE -Werror
        -Wno-error=restrict -Wno-error=maybe-uninitialized -Wno-error=stringop-overflow
        -Wno-error=array-bounds)
endif()
if(HERALD_SANITIZE)
    target_compile_options(herald_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(herald_options INTERFACE -fsanitize=address,undefined)
endif()

# Qt targets get the strict string and URL conversions.
add_library(herald_qt_options INTERFACE)
target_link_libraries(herald_qt_options INTERFACE herald_options)
target_compile_definitions(herald_qt_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
