# Install rules and the package files that let others find filmtherm with
# find_package(filmtherm) or pkg-config. A plugin author needs the C ABI header
# (target filmtherm::plugin_abi) and the plugin folder; a host needs
# libfilmtherm with its C API (filmtherm.h) and the C++ API of every stage
# (target filmtherm::filmtherm); everyone may want the filmtherm executable.
include(CMakePackageConfigHelpers)

set(FILMTHERM_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/filmtherm")

install(TARGETS filmtherm RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
if(TARGET filmtherm-mpi)
  # Beside filmtherm: `filmtherm sweep` under mpirun execs its sibling.
  install(TARGETS filmtherm-mpi RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
endif()
install(TARGETS filmtherm_builtin LIBRARY DESTINATION "${FILMTHERM_PLUGIN_SUBDIR}")
install(TARGETS filmtherm_library EXPORT filmthermTargets
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" NAMELINK_COMPONENT Development)
# The headers of every stage: plugin.h for plugin authors, filmtherm.h for C
# hosts, the rest for C++ hosts (they need Boost's headers, nothing else).
foreach(stage models plugin device solver output study api)
  install(DIRECTORY ${stage}/include/filmtherm DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
    FILES_MATCHING PATTERN "*.h")
endforeach()
install(TARGETS filmtherm_plugin_abi EXPORT filmthermTargets)
install(EXPORT filmthermTargets NAMESPACE filmtherm:: DESTINATION "${FILMTHERM_CMAKE_DIR}")

configure_package_config_file(cmake/filmthermConfig.cmake.in
  "${PROJECT_BINARY_DIR}/filmthermConfig.cmake"
  INSTALL_DESTINATION "${FILMTHERM_CMAKE_DIR}"
  PATH_VARS FILMTHERM_PLUGIN_SUBDIR CMAKE_INSTALL_BINDIR CMAKE_INSTALL_INCLUDEDIR)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/filmthermConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/filmthermConfig.cmake"
              "${PROJECT_BINARY_DIR}/filmthermConfigVersion.cmake"
        DESTINATION "${FILMTHERM_CMAKE_DIR}")

file(RELATIVE_PATH FILMTHERM_PC_PREFIX_FROM_PCFILEDIR "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig"
  "${CMAKE_INSTALL_PREFIX}")
configure_file(cmake/filmtherm.pc.in "${PROJECT_BINARY_DIR}/filmtherm.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/filmtherm.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
