# Installation: headers, libraries, CMake package (find_package(eventwire)) and pkg-config file.
include(CMakePackageConfigHelpers)

install(FILES
  "${PROJECT_SOURCE_DIR}/include/eventwire/eventwire.h"
  "${PROJECT_SOURCE_DIR}/include/eventwire/eventwire.hpp"
  "${PROJECT_SOURCE_DIR}/include/eventwire/export.h"
  "${PROJECT_BINARY_DIR}/include/eventwire/version.h"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/eventwire")

set(EW_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/eventwire")

install(TARGETS eventwire EXPORT eventwireTargets
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(EXPORT eventwireTargets NAMESPACE eventwire:: DESTINATION "${EW_CMAKE_DIR}")

if(TARGET eventwire_static)
  install(TARGETS eventwire_static EXPORT eventwireStaticTargets ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}")
  install(EXPORT eventwireStaticTargets NAMESPACE eventwire:: DESTINATION "${EW_CMAKE_DIR}")
endif()

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/eventwireConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/eventwireConfig.cmake" INSTALL_DESTINATION "${EW_CMAKE_DIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/eventwireConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/eventwireConfig.cmake" "${PROJECT_BINARY_DIR}/eventwireConfigVersion.cmake"
  DESTINATION "${EW_CMAKE_DIR}")

# The .pc file finds its prefix relative to itself, so the installed tree can move.
file(RELATIVE_PATH EW_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" EW_PC_TO_PREFIX "${EW_PC_TO_PREFIX}")
configure_file("${PROJECT_SOURCE_DIR}/cmake/eventwire.pc.in" "${PROJECT_BINARY_DIR}/eventwire.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/eventwire.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

# The Python bindings, with a note of where the library was installed so that they find it.
set(EVENTWIRE_PYTHON_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/python3/dist-packages"
    CACHE STRING "Where to install the Python package, relative to the prefix")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/bindings/python/eventwire" DESTINATION "${EVENTWIRE_PYTHON_INSTALL_DIR}"
        PATTERN "__pycache__" EXCLUDE)
install(CODE "
  set(pkg \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${EVENTWIRE_PYTHON_INSTALL_DIR}/eventwire\")
  file(WRITE \"\${pkg}/_installed.py\"
       \"# Written at installation: where libeventwire was installed.\\nLIBRARY = '\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/libeventwire.so.${PROJECT_VERSION_MAJOR}'\\n\")
")
