# Fails when docs/detectors.md differs from `ajar detectors --markdown`.
execute_process(COMMAND ${AJAR} detectors --markdown OUTPUT_VARIABLE now
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ajar detectors --markdown failed: ${rc}")
endif()
file(READ ${DOC} saved)
if(NOT now STREQUAL saved)
  message(FATAL_ERROR "docs/detectors.md is stale: run `build/ajar detectors --markdown > docs/detectors.md`")
endif()
