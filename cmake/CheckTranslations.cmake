# cmake -DLUPDATE=... -DTS=... -DPROJECT_IN=... -DGENERATOR=... -DWORK=dir -P CheckTranslations.cmake
# Fails when the sources hold a string that the committed translation lacks or leaves unfinished.
# The sources and include paths are the ones the update_translations target uses (the lupdate
# project file CMake generates), so the contexts match exactly; only the .ts is a scratch copy.
get_filename_component(name "${TS}" NAME)
set(copy "${WORK}/check_${name}")
configure_file("${TS}" "${copy}" COPYONLY)
set(project_json "${WORK}/check_project.json")
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${project_json} -P "${GENERATOR}"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the lupdate project could not be generated (${rc}): ${err}")
endif()
file(READ "${project_json}" project)
string(JSON project SET "${project}" translations "[\"${copy}\"]")
file(WRITE "${project_json}" "${project}")
execute_process(COMMAND "${LUPDATE}" -silent -locations none -no-obsolete -project "${project_json}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc}): ${out}${err}")
endif()
file(READ "${copy}" text)
string(REGEX MATCHALL "<translation type=\"unfinished\"" unfinished "${text}")
list(LENGTH unfinished n)
if(n GREATER 0)
    string(REGEX MATCHALL "<source>[^<]*</source>\n[ \t]*<translation type=\"unfinished\"" rows "${text}")
    message(FATAL_ERROR "${name}: ${n} unfinished translations:\n${rows}")
endif()
string(REGEX MATCHALL "<message>" all "${text}")
list(LENGTH all total)
message(STATUS "${name}: all ${total} messages translated")
