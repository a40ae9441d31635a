#===- SemcomPackage.cmake - install rules and find_package(Semcom) --------===#
include(CMakePackageConfigHelpers)

# Libraries join the export set SemcomTargets with install(TARGETS ... EXPORT SemcomTargets).
set(_semcom_exported FALSE)
foreach(lib semcom_support semcom_manifest semcom_fixup semcom_core semcom_llm semcom_link)
  if(TARGET ${lib})
    set(_semcom_exported TRUE)
  endif()
endforeach()
if(_semcom_exported)
  install(EXPORT SemcomTargets NAMESPACE Semcom::
          DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Semcom)
endif()
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/SemcomConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/SemcomConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Semcom
  PATH_VARS CMAKE_INSTALL_BINDIR CMAKE_INSTALL_LIBDIR)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/SemcomConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/SemcomConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/SemcomConfigVersion.cmake
              ${CMAKE_CURRENT_LIST_DIR}/SemcomIntent.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Semcom)
