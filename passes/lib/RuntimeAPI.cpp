//===- RuntimeAPI.cpp - the runtime's functions, read from its IR ---------===//
//
// The passes and the prompts must know exactly what the runtime defines; the table is generated
// from the runtime's own modules, so it cannot drift from them.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/RuntimeAPI.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace semcom {
namespace fixup {

// Generated from runtime/*.ll at build time (cmake/RuntimeTable.cmake), so this table is exactly
// what the runtime defines. @semcom_main is the one name the runtime declares and the program
// defines: _start calls it.
static const RuntimeFunction RuntimeTable[] = {
#include "RuntimeFunctions.inc"
    {"semcom_main", "i64 @semcom_main(i64 %argc, ptr %argv)", "start.ll"},
};

ArrayRef<RuntimeFunction> runtimeFunctions() { return RuntimeTable; }

const RuntimeFunction *lookupRuntimeFunction(StringRef Name) {
  for (const RuntimeFunction &F : RuntimeTable)
    if (F.Name == Name)
      return &F;
  return nullptr;
}

static const KnownBufferFunction BufferTable[] = {
    {"write", 1, 2, true},    {"send", 1, 2, true},
    {"read", 1, 2, false},    {"recv", 1, 2, false},
    {"memcpy", 0, 2, false},  {"memcpy", 1, 2, false},
    {"memmove", 0, 2, false}, {"memmove", 1, 2, false},
    {"memcmp", 0, 2, false},  {"memcmp", 1, 2, false},
    {"strncmp", 0, 2, false}, {"strncmp", 1, 2, false},
};

ArrayRef<KnownBufferFunction> knownBufferFunctions() { return BufferTable; }

} // namespace fixup
} // namespace semcom
