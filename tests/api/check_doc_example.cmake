# docs/c-api.md quotes examples/c-api/c_api_host.c whole; fails when the two
# differ, so the documented host is the compiled and tested one.
#   cmake -DDOC=docs/c-api.md -DEXAMPLE=examples/c-api/c_api_host.c -P check_doc_example.cmake
file(READ "${DOC}" doc)
file(READ "${EXAMPLE}" example)
string(FIND "${doc}" "```c\n${example}```\n" position)
if(position EQUAL -1)
  message(FATAL_ERROR "${DOC} does not quote ${EXAMPLE} as it is: copy the file into the "
                      "code block under 'A complete host'")
endif()
