#===- SemcomBuildOptions.cmake - compiler flags shared by every target ----===#
# LLVM's include paths, definitions and RTTI setting, warnings, ccache and sanitizers, in one place so
# that every library, the plugin and the tools are compiled alike.

find_program(SEMCOM_CCACHE ccache)
if(SEMCOM_CCACHE)
  set(CMAKE_C_COMPILER_LAUNCHER ${SEMCOM_CCACHE})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${SEMCOM_CCACHE})
endif()

include_directories(SYSTEM ${LLVM_INCLUDE_DIRS})
separate_arguments(SEMCOM_LLVM_DEFINITIONS NATIVE_COMMAND "${LLVM_DEFINITIONS}")
add_definitions(${SEMCOM_LLVM_DEFINITIONS})
link_directories(${LLVM_LIBRARY_DIR})

# Debian builds LLVM with RTTI; match it so typeinfo of LLVM classes links.
if(NOT LLVM_ENABLE_RTTI)
  add_compile_options($<$<COMPILE_LANGUAGE:CXX>:-fno-rtti>)
endif()

add_compile_options(-Wall -Wextra -Wno-unused-parameter)

if(SEMCOM_SANITIZE)
  string(REPLACE ";" "," _semcom_san "${SEMCOM_SANITIZE}")
  add_compile_options(-fsanitize=${_semcom_san} -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${_semcom_san})
endif()

# LLVM as one shared library (Debian: LLVM_LINK_LLVM_DYLIB=ON). Executables and tests link it; the
# opt plugin does not, so exactly one copy of LLVM's global state exists per process.
set(SEMCOM_LLVM_LIBS LLVM)

# semcom_add_library(name SOURCES...): a static, PIC library of Semcom code. It names LLVM as a
# usage requirement for executables only, so the plugin can embed it without linking LLVM.
function(semcom_add_library name)
  add_library(${name} STATIC ${ARGN})
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
