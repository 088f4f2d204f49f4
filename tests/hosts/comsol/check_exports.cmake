# The dynamic symbols libfilmtherm_comsol.so defines must be exactly COMSOL's
# init, getLastError and eval: anything more could clash inside COMSOL.
execute_process(COMMAND "${NM}" -D --defined-only "${LIBRARY}" OUTPUT_VARIABLE symbols
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIBRARY}")
endif()
string(REGEX MATCHALL "[0-9a-f]+ [TDBRVW] [^\n]+" exported "${symbols}")
list(TRANSFORM exported REPLACE "^[0-9a-f]+ [A-Za-z] " "")
list(SORT exported)
if(NOT exported STREQUAL "eval;getLastError;init")
  message(FATAL_ERROR "exported: ${exported}; expected eval;getLastError;init")
endif()
