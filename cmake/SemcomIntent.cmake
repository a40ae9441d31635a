#===- SemcomIntent.cmake - modules and programs from intent files in CMake -===#
# The rules of semcom.mk as CMake functions, installed with find_package(Semcom):
#
#   semcom_add_intent_module(greet INTENT greet.intent)
#   semcom_add_intent_module(main INTENT main.intent DEPENDS greet)  # main's prompt sees greet's
#   semcom_add_intent_program(greeter MODULES main greet)             # signature in the manifest
#
# semcom_add_intent_module(NAME INTENT FILE [TREE DIR] [TARGET ARCH] [DEPENDS MODULE...]
#                          [FLAGS ARG...])
#   NAME.ll        `semcom create NAME.ll "<the intent>"` in the module tree TREE (default:
#                  ${CMAKE_CURRENT_BINARY_DIR}/semcom-tree). The answer is cached in
#                  TREE/.semcom/cache, so a changed intent reuses what it can, and an unchanged one
#                  is up to date (no model call at all).
#   NAME.fixed.ll  the semcom-fixup passes with the tree's manifest (semcom-fix -m), beside the tree
#   NAME.o         (in ${CMAKE_CURRENT_BINARY_DIR}) compiled by llc for ARCH (default x86_64), static relocation model
#   Variables set: SEMCOM_<NAME>_LL, SEMCOM_<NAME>_FIXED_LL, SEMCOM_<NAME>_OBJECT.
#   FLAGS (default ${SEMCOM_INTENT_FLAGS}) are the model flags (--provider, --model, ...); keys
#   come from the environment of the build, as for `semcom` itself.
#
# semcom_add_intent_program(NAME MODULES MODULE... [TARGET ARCH] [STRIP])
#   target NAME: the modules' objects linked with the libc-free runtime into a static program
#   (semcom link), built by default (ALL), written to ${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/NAME or
#   else ${CMAKE_CURRENT_BINARY_DIR}/bin/NAME (variable SEMCOM_<NAME>_PROGRAM).
#
# Tools: SEMCOM_EXECUTABLE, SEMCOM_FIX_EXECUTABLE, SEMCOM_LLC (cache variables).
include_guard(GLOBAL)

set(SEMCOM_EXECUTABLE "${Semcom_BINARY_DIR}/semcom" CACHE FILEPATH "the semcom driver")
set(SEMCOM_FIX_EXECUTABLE "${Semcom_BINARY_DIR}/semcom-fix" CACHE FILEPATH "semcom-fix")
set(SEMCOM_LLC "/usr/lib/llvm-19/bin/llc" CACHE FILEPATH "llc of LLVM 19")
set(SEMCOM_INTENT_FLAGS "" CACHE STRING "model flags for semcom create (a ;-list)")

function(semcom_add_intent_module name)
  cmake_parse_arguments(ARG "" "INTENT;TREE;TARGET" "DEPENDS;FLAGS" ${ARGN})
  if(NOT ARG_INTENT)
    message(FATAL_ERROR "semcom_add_intent_module(${name}): INTENT FILE is required")
  endif()
  get_filename_component(intent "${ARG_INTENT}" ABSOLUTE)
  if(NOT EXISTS "${intent}")
    message(FATAL_ERROR "semcom_add_intent_module(${name}): ${intent} does not exist")
  endif()
  if(NOT ARG_TREE)
    set(ARG_TREE "${CMAKE_CURRENT_BINARY_DIR}/semcom-tree")
  endif()
  if(NOT ARG_TARGET)
    set(ARG_TARGET x86_64)
  endif()
  if(NOT DEFINED ARG_FLAGS)
    set(ARG_FLAGS ${SEMCOM_INTENT_FLAGS})
  endif()
  # The intent is read at configure time (one line; a changed file reconfigures), so the command
  # line carries it exactly and ninja/make rerun the step when it changes.
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${intent}")
  file(READ "${intent}" text)
  string(REGEX REPLACE "[\r\n\t ]+" " " text "${text}")
  string(STRIP "${text}" text)
  if(text STREQUAL "")
    message(FATAL_ERROR "semcom_add_intent_module(${name}): ${intent} is empty")
  endif()

  set(ll "${ARG_TREE}/${name}.ll")
  # Outside the tree: a second definition of the module's functions there would clash.
  set(fixed "${CMAKE_CURRENT_BINARY_DIR}/${name}.fixed.ll")
  set(obj "${CMAKE_CURRENT_BINARY_DIR}/${name}.o")
  set(deps)
  foreach(dep ${ARG_DEPENDS})
    list(APPEND deps "${ARG_TREE}/${dep}.ll")
  endforeach()
  file(MAKE_DIRECTORY "${ARG_TREE}")
  # An older module is replaced: the step runs because the intent changed. semcom writes nothing
  # unless the new module validates, so a failed step leaves no stale output behind.
  add_custom_command(OUTPUT "${ll}"
    COMMAND ${CMAKE_COMMAND} -E rm -f "${ll}"
    COMMAND "${SEMCOM_EXECUTABLE}" create "${name}.ll" "${text}" --tree . --target ${ARG_TARGET}
            ${ARG_FLAGS}
    DEPENDS "${intent}" ${deps}
    WORKING_DIRECTORY "${ARG_TREE}"
    COMMENT "semcom create ${name}.ll"
    VERBATIM)
  add_custom_command(OUTPUT "${fixed}"
    COMMAND "${SEMCOM_FIX_EXECUTABLE}" "${ll}" -o "${fixed}" -m "${ARG_TREE}/.semcom/manifest.txt"
    DEPENDS "${ll}"
    COMMENT "semcom-fix ${name}.ll"
    VERBATIM)
  add_custom_command(OUTPUT "${obj}"
    COMMAND "${SEMCOM_LLC}" -O2 -filetype=obj -relocation-model=static -function-sections
            -data-sections -mtriple=${ARG_TARGET}-unknown-linux-gnu "${fixed}" -o "${obj}"
    DEPENDS "${fixed}"
    COMMENT "llc ${name}.fixed.ll"
    VERBATIM)
  set(SEMCOM_${name}_LL "${ll}" PARENT_SCOPE)
  set(SEMCOM_${name}_FIXED_LL "${fixed}" PARENT_SCOPE)
  set(SEMCOM_${name}_OBJECT "${obj}" PARENT_SCOPE)
  set_property(GLOBAL PROPERTY SEMCOM_INTENT_OBJECT_${name} "${obj}")
  set_property(GLOBAL PROPERTY SEMCOM_INTENT_TARGET_${name} "${ARG_TARGET}")
endfunction()

function(semcom_add_intent_program name)
  cmake_parse_arguments(ARG "STRIP" "TARGET" "MODULES" ${ARGN})
  if(NOT ARG_MODULES)
    message(FATAL_ERROR "semcom_add_intent_program(${name}): MODULES is required")
  endif()
  set(objects)
  foreach(module ${ARG_MODULES})
    get_property(obj GLOBAL PROPERTY SEMCOM_INTENT_OBJECT_${module})
    if(NOT obj)
      message(FATAL_ERROR "semcom_add_intent_program(${name}): no semcom_add_intent_module(${module})")
    endif()
    list(APPEND objects "${obj}")
    if(NOT ARG_TARGET)
      get_property(ARG_TARGET GLOBAL PROPERTY SEMCOM_INTENT_TARGET_${module})
    endif()
  endforeach()
  set(strip)
  if(ARG_STRIP)
    set(strip --strip)
  endif()
  # Not ${CMAKE_CURRENT_BINARY_DIR}/NAME: the target is called NAME, and Ninja refuses a file and
  # a phony target of one name.
  if(CMAKE_RUNTIME_OUTPUT_DIRECTORY)
    set(out "${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/${name}")
  else()
    set(out "${CMAKE_CURRENT_BINARY_DIR}/bin/${name}")
  endif()
  get_filename_component(outdir "${out}" DIRECTORY)
  file(MAKE_DIRECTORY "${outdir}")
  add_custom_command(OUTPUT "${out}"
    COMMAND "${SEMCOM_EXECUTABLE}" link ${objects} -o "${out}" --target ${ARG_TARGET} ${strip}
    DEPENDS ${objects}
    COMMENT "semcom link ${name}"
    VERBATIM)
  add_custom_target(${name} ALL DEPENDS "${out}")
  set_target_properties(${name} PROPERTIES SEMCOM_PROGRAM "${out}")
  set(SEMCOM_${name}_PROGRAM "${out}" PARENT_SCOPE)
endfunction()
