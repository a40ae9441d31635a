//===- SemcomPasses.cpp - the SemcomPasses.so entry point for opt and clang
//-===//
//
// Only the entry point lives here; the passes and their registration are in
// libsemcom_fixup, which semcom-fix links too (one source, no copy).
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/SemcomPasses.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"

extern "C" LLVM_ATTRIBUTE_WEAK ::llvm::PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {
      LLVM_PLUGIN_API_VERSION, "SemcomPasses", "0.1.0",
      [](llvm::PassBuilder &PB) { semcom::fixup::registerSemcomPasses(PB); }};
}
