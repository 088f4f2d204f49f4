# Turns CSV tables of a measured phonon heat capacity into embedded_tables.h,
# the data of the table plugin. Run in script mode:
#   cmake -DTABLE_CSV_FILES="a.csv;b.csv" -DOUTPUT=embedded_tables.h -P embed_tables.cmake
# Each CSV becomes one model, named after the file (nbtin-6nm-table.csv gives
# model "nbtin-6nm-table"). CSV format, checked here with the line number of
# any fault:
#   # description: one or two sentences for `filmtherm plugins`   (optional)
#   # reference: where the numbers come from                       (optional)
#   # film_thickness_m: 6e-9   the film the data belong to (optional; when
#                              given, other thicknesses are refused)
#   # any other line starting with '#' is a comment
#   temperature [K],heat_capacity [J m^-3 K^-1]     <- header naming the units
#   1,0.286130692435925                              <- T, C_ph; T increasing
cmake_minimum_required(VERSION 3.20)

if(NOT DEFINED TABLE_CSV_FILES OR NOT DEFINED OUTPUT)
  message(FATAL_ERROR "usage: cmake -DTABLE_CSV_FILES=\"a.csv;b.csv\" -DOUTPUT=embedded_tables.h "
                      "-P embed_tables.cmake")
endif()

set(number_regex "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$")
set(temperature_unit_regex "\\[K\\]")
set(capacity_unit_regex "\\[(J m\\^-3 K\\^-1|J/\\(m\\^3 K\\))\\]")

# A C string literal: escape backslashes, quotes, and '?' (no trigraphs).
function(c_string_literal text out)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  string(REPLACE "?" "\\?" text "${text}")
  set(${out} "\"${text}\"" PARENT_SCOPE)
endfunction()

# Reads one CSV; sets <prefix>_temperatures, _capacities (lists of number
# texts), _description, _reference, _thickness (empty when not given).
function(read_table csv prefix)
  file(READ "${csv}" content)
  string(REPLACE "\r" "" content "${content}")
  set(line_number 0)
  set(header "")
  set(temperatures "")
  set(capacities "")
  set(description "")
  set(reference "")
  set(thickness "")
  set(previous_temperature "")
  # Walk line by line with string(FIND): a CMake list would mangle ';' and '['.
  while(NOT content STREQUAL "")
    string(FIND "${content}" "\n" newline)
    if(newline EQUAL -1)
      set(line "${content}")
      set(content "")
    else()
      string(SUBSTRING "${content}" 0 ${newline} line)
      math(EXPR next "${newline} + 1")
      string(SUBSTRING "${content}" ${next} -1 content)
    endif()
    math(EXPR line_number "${line_number} + 1")
    string(STRIP "${line}" line)
    set(where "${csv}:${line_number}")
    if(line STREQUAL "")
      continue()
    endif()
    if(line MATCHES "^#[ \t]*(description|reference|film_thickness_m)[ \t]*:[ \t]*(.*)$")
      set(key "${CMAKE_MATCH_1}")
      string(STRIP "${CMAKE_MATCH_2}" value)
      if(key STREQUAL "film_thickness_m")
        if(NOT value MATCHES "${number_regex}" OR NOT value GREATER 0)
          message(FATAL_ERROR "${where}: film_thickness_m must be a positive number in metres "
                              "(e.g. 6e-9), got '${value}'")
        endif()
        set(thickness "${value}")
      elseif(key STREQUAL "description")
        set(description "${value}")
      else()
        set(reference "${value}")
      endif()
      continue()
    endif()
    if(line MATCHES "^#")
      continue()
    endif()
    if(header STREQUAL "")
      set(header "${line}")
      if(NOT line MATCHES "^([^,]*),([^,]*)$")
        message(FATAL_ERROR "${where}: expected a header of two columns, "
                            "'temperature [K],heat_capacity [J m^-3 K^-1]', got '${line}'")
      endif()
      set(first "${CMAKE_MATCH_1}")
      set(second "${CMAKE_MATCH_2}")
      if(NOT first MATCHES "${temperature_unit_regex}" OR NOT second MATCHES "${capacity_unit_regex}")
        message(FATAL_ERROR "${where}: the header must name the units, temperature in [K] and "
                            "heat capacity per volume in [J m^-3 K^-1] (or [J/(m^3 K)]); got "
                            "'${line}'. Convert the data to these units first.")
      endif()
      continue()
    endif()
    if(NOT line MATCHES "^([^,]+),([^,]+)$")
      message(FATAL_ERROR "${where}: expected 'T,C' (two numbers), got '${line}'")
    endif()
    string(STRIP "${CMAKE_MATCH_1}" temperature)
    string(STRIP "${CMAKE_MATCH_2}" capacity)
    if(NOT temperature MATCHES "${number_regex}" OR NOT capacity MATCHES "${number_regex}")
      message(FATAL_ERROR "${where}: expected two decimal numbers, got '${line}'")
    endif()
    # if(LESS/GREATER) compare as doubles.
    if(NOT temperature GREATER 0 OR NOT capacity GREATER 0)
      message(FATAL_ERROR "${where}: temperature and heat capacity must be positive, got '${line}'")
    endif()
    if(NOT previous_temperature STREQUAL "" AND NOT temperature GREATER previous_temperature)
      message(FATAL_ERROR "${where}: temperatures must increase strictly, "
                          "${temperature} K follows ${previous_temperature} K")
    endif()
    set(previous_temperature "${temperature}")
    list(APPEND temperatures "${temperature}")
    list(APPEND capacities "${capacity}")
  endwhile()
  list(LENGTH temperatures count)
  if(count LESS 2)
    message(FATAL_ERROR "${csv}: a table needs at least two data rows, found ${count}")
  endif()
  foreach(name IN ITEMS temperatures capacities description reference thickness)
    set(${prefix}_${name} "${${name}}" PARENT_SCOPE)
  endforeach()
endfunction()

set(body "")
set(list_entries "")
set(model_names "")
set(index 0)
foreach(csv IN LISTS TABLE_CSV_FILES)
  if(NOT EXISTS "${csv}")
    message(FATAL_ERROR "table ${csv} does not exist")
  endif()
  get_filename_component(file_name "${csv}" NAME)
  get_filename_component(model_name "${csv}" NAME_WLE)
  if(NOT model_name MATCHES "^[A-Za-z0-9][A-Za-z0-9._+-]*$")
    message(FATAL_ERROR "${csv}: the model is named after the file, so the name '${model_name}' "
                        "may use only letters, digits and . _ + -")
  endif()
  if(model_name IN_LIST model_names)
    message(FATAL_ERROR "two tables would both define model '${model_name}': rename one file")
  endif()
  list(APPEND model_names "${model_name}")
  read_table("${csv}" t)

  list(LENGTH t_temperatures count)
  list(GET t_temperatures 0 first_K)
  list(GET t_temperatures -1 last_K)
  if(t_description STREQUAL "")
    set(t_description "Phonon heat capacity from the table ${file_name}.")
  endif()
  if(t_reference STREQUAL "")
    set(t_reference "${file_name} (no reference line in the file)")
  endif()
  set(range "${count} points from ${first_K} K to ${last_K} K")
  if(NOT t_thickness STREQUAL "")
    string(APPEND range ", for a ${t_thickness} m film only")
  endif()
  string(APPEND t_description " Table: ${range}; monotone cubic (Steffen) in ln C vs ln T, "
         "no extrapolation; energy below ${first_K} K from the first segment's power law.")
  if(t_thickness STREQUAL "")
    set(t_thickness "NAN")
  endif()

  set(table "table_${index}")
  string(REPLACE ";" ", " temperature_values "${t_temperatures}")
  string(REPLACE ";" ", " capacity_values "${t_capacities}")
  c_string_literal("${model_name}" name_literal)
  c_string_literal("${file_name}" file_literal)
  c_string_literal("${t_description}" description_literal)
  c_string_literal("${t_reference}" reference_literal)
  string(REPLACE "*/" "* /" file_comment "${file_name}")
  string(APPEND body
    "/* ${file_comment} */\n"
    "static const double ${table}_temperature_K[] = {${temperature_values}};\n"
    "static const double ${table}_heat_capacity_J_m3_K[] = {${capacity_values}};\n"
    "static const heat_capacity_table ${table} = {${name_literal}, ${file_literal}, ${t_thickness}, "
    "${count},\n  ${table}_temperature_K, ${table}_heat_capacity_J_m3_K};\n\n")
  string(APPEND list_entries " \\\n  X(${table}, ${name_literal}, \\\n    ${description_literal}, \\\n"
         "    ${reference_literal})")
  math(EXPR index "${index} + 1")
endforeach()
if(index EQUAL 0)
  message(FATAL_ERROR "TABLE_CSV_FILES names no table")
endif()

set(text "/* Generated by embed_tables.cmake from ${index} CSV table(s); do not edit. */
#ifndef EMBEDDED_TABLES_H
#define EMBEDDED_TABLES_H

#include <math.h>

#include \"table_heat_capacity.h\"

${body}#define EMBEDDED_TABLES(X)${list_entries}

#endif
")
# Rewrite only on change, so a rebuild does not recompile needlessly.
set(old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUTPUT}" "${text}")
endif()
