# SPDX-License-Identifier: GPL-3.0-or-later
# The one options target every Concierge target links: language level, warnings, Qt hygiene.
add_library(concierge_options INTERFACE)
target_compile_features(concierge_options INTERFACE cxx_std_20)
target_compile_definitions(concierge_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(concierge_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
        -Wnon-virtual-dtor -Woverloaded-virtual)
    if(CONCIERGE_WERROR)
        target_compile_options(concierge_options INTERFACE -Werror)
    endif()
elseif(MSVC)
    target_compile_options(concierge_options INTERFACE /W4 /permissive-)
    if(CONCIERGE_WERROR)
        target_compile_options(concierge_options INTERFACE /WX)
    endif()
endif()
