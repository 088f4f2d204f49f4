# Install rules and the package files that let others find filmtherm with
# find_package(filmtherm) or pkg-config. What a third party needs is the C ABI
# header (target filmtherm::plugin_abi), the plugin folder, and the filmtherm
# executable to try a plugin with.
include(CMakePackageConfigHelpers)

set(FILMTHERM_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/filmtherm")

install(TARGETS filmtherm RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
if(TARGET filmtherm-mpi)
  # Beside filmtherm: `filmtherm sweep` under mpirun execs its sibling.
  install(TARGETS filmtherm-mpi RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
endif()
install(TARGETS filmtherm_builtin LIBRARY DESTINATION "${FILMTHERM_PLUGIN_SUBDIR}")
install(FILES plugin/include/filmtherm/plugin.h DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/filmtherm")
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
