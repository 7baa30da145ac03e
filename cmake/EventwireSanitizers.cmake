# eventwire_sanitize(target): builds `target` with the sanitizers named in EVENTWIRE_SANITIZE
# (e.g. "address,undefined" or "thread"), failing hard on the first report.
function(eventwire_sanitize target)
  if(NOT EVENTWIRE_SANITIZE)
    return()
  endif()
  set(flags -fsanitize=${EVENTWIRE_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  get_target_property(type ${target} TYPE)
  target_compile_options(${target} PRIVATE ${flags})
  if(NOT type STREQUAL "OBJECT_LIBRARY" AND NOT type STREQUAL "STATIC_LIBRARY")
    target_link_options(${target} PRIVATE ${flags})
  endif()
endfunction()
