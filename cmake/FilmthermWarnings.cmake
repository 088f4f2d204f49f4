# Warning and sanitizer flags, applied per target with filmtherm_set_warnings().
add_library(filmtherm_compile_options INTERFACE)
target_compile_options(filmtherm_compile_options INTERFACE
  $<$<COMPILE_LANGUAGE:CXX,C>:-Wall -Wextra -Wpedantic>
  $<$<BOOL:${FILMTHERM_WERROR}>:-Werror>)
# GCC 12 reports a false -Wrestrict inside libstdc++'s std::string operator+ at
# -O2/-O3 (GCC bug 105329, fixed in GCC 13); it fires on ordinary string code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(filmtherm_compile_options INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-Wno-restrict>)
endif()
if(FILMTHERM_SANITIZE)
  target_compile_options(filmtherm_compile_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(filmtherm_compile_options INTERFACE -fsanitize=address,undefined)
endif()

function(filmtherm_set_warnings target)
  target_link_libraries(${target} PRIVATE filmtherm_compile_options)
endfunction()
