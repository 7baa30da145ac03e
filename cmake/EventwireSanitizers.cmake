# eventwire_sanitize(target): builds `target` with the sanitizers named in EVENTWIRE_SANITIZE
# (e.g. "address,undefined" or "thread"), failing hard on the first report, and with libFuzzer's
# coverage instrumentation when EVENTWIRE_FUZZ is on.
if(EVENTWIRE_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "EVENTWIRE_FUZZ needs clang (e.g. the sanitize preset)")
endif()

function(eventwire_sanitize target)
  if(EVENTWIRE_FUZZ)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
  if(NOT EVENTWIRE_SANITIZE)
    return()
  endif()
  set(flags -fsanitize=${EVENTWIRE_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  get_target_property(type ${target} TYPE)
  target_compile_options(${target} PRIVATE ${flags})
  if(NOT type STREQUAL "OBJECT_LIBRARY" AND NOT type STREQUAL "STATIC_LIBRARY")
    target_link_options(${target} PRIVATE ${flags})
    # A C program linked with the C++ library needs the C++ part of the sanitizer runtime, which
    # the C++ driver links.
    set_target_properties(${target} PROPERTIES LINKER_LANGUAGE CXX)
  endif()
endfunction()
