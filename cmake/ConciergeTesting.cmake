# SPDX-License-Identifier: GPL-3.0-or-later
# concierge_add_test(NAME SOURCES ... [LIBS ...] [LABELS ...] [ENV ...])
# One Qt Test executable per test, registered with ctest. Tests find their data and the built
# binaries through TestPaths.h (tests/support), never through guessed relative paths.
function(concierge_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE concierge_options concierge_test_support Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set(env QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES=qt.qpa.*=false ${ARG_ENV})
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 300)
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()
