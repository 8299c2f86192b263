# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11 (hardening): fuzz targets (tests/fuzz/fuzz_*.cpp, each defining LLVMFuzzerTestOneInput).
#
# Every build: each target is also a plain executable that replays its seed corpus
# (tests/fuzz/corpus/<target>/) and the crash reproducers (tests/fuzz/crashes/<target>/), as the
# ctest suite fuzz_<target>_replay.
#
# -DZAW_FUZZ=ON (clang only; scripts/fuzz.sh configures build-fuzz so): the libFuzzer binaries
# fuzz_<target>, built with -fsanitize=fuzzer,address,undefined; the core libraries get
# -fsanitize=fuzzer-no-link for coverage (with -DZAW_SANITIZE=address,undefined they are under
# ASan/UBSan as well).
option(ZAW_FUZZ "Build the libFuzzer targets (clang)" OFF)

set(ZAW_FUZZ_TARGETS
    redirect endpoints zoho_token zoho_crm adobe schedule profile sync_state csv zip_csv)
set(ZAW_FUZZ_DIR ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)

foreach(target ${ZAW_FUZZ_TARGETS})
    # '|'-separated; the crashes folder may not exist (yet).
    set(corpus "${ZAW_FUZZ_DIR}/corpus/${target}|${ZAW_FUZZ_DIR}/crashes/${target}")
    zaw_add_test(fuzz_${target}_replay
        SOURCES fuzz/fuzz_${target}.cpp fuzz/replay_main.cpp fuzz/FuzzCommon.h
        LIBS zaw_core TIMEOUT 60)
    target_compile_definitions(fuzz_${target}_replay PRIVATE "ZAW_FUZZ_CORPUS=\"${corpus}\"")
endforeach()

if(ZAW_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "ZAW_FUZZ=ON needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
    endif()
    foreach(lib zaw_endpoints zaw_net zaw_store zaw_zoho zaw_adobe zaw_catalogue zaw_setup zaw_sync)
        target_compile_options(${lib} PRIVATE -fsanitize=fuzzer-no-link)
    endforeach()
    foreach(target ${ZAW_FUZZ_TARGETS})
        add_executable(fuzz_${target} fuzz/fuzz_${target}.cpp fuzz/FuzzCommon.h)
        target_link_libraries(fuzz_${target} PRIVATE zaw_sync)
        target_compile_options(fuzz_${target} PRIVATE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
            -fno-omit-frame-pointer)
        target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all)
    endforeach()
    add_custom_target(fuzz_all)
    foreach(target ${ZAW_FUZZ_TARGETS})
        add_dependencies(fuzz_all fuzz_${target})
    endforeach()
endif()
