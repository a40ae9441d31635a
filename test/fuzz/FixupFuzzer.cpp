//===- FixupFuzzer.cpp - libFuzzer target: pre-parse repair + semcom-fixup
//-===//
//
// Model output is untrusted input: whatever bytes arrive, repair either parses
// them or returns a diagnostic, and the pipeline on what parsed must not crash.
// Built by run-fixup-fuzzer.sh with clang's
// -fsanitize=fuzzer,address,undefined; not part of the CMake build or CI.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/FixupDriver.h"
#include "semcom/Fixup/ManifestQuery.h"
#include "semcom/Fixup/PreParseRepair.h"
#include "semcom/Fixup/SemcomPasses.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"

#include <cstdint>
#include <cstdlib>

using namespace llvm;
using namespace semcom::fixup;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size > (1 << 16))
    return 0;
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  LLVMContext Ctx;
  Ctx.setDiagnosticHandlerCallBack([](const DiagnosticInfo *, void *) {});
  RepairOptions O;
  O.MaxIterations = 8;
  Expected<RepairResult> R = parseWithRepair(Text, Ctx, O);
  if (!R) {
    consumeError(R.takeError());
    return 0;
  }
  // The parser accepts modules the verifier rejects; the passes only ever see
  // verified input.
  if (verifyModule(*R->M, nullptr))
    return 0;
  FixupConfig C;
  C.TargetTriple = (Size & 1) ? "x86_64-linux-gnu" : "aarch64-linux-gnu";
  C.Query = cantFail(ManifestQuery::getShared(""));
  // The same in-process driver semcom-fix and the orchestrator use.
  runFixupPipeline(*R->M, C);
  // What the pipeline produced from verified input must verify: a broken module
  // here is a bug.
  if (verifyModule(*R->M, &errs()))
    abort();
  return 0;
}
