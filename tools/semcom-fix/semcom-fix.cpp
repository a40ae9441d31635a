//===- semcom-fix.cpp - repair and fix up model-written IR in one process -===//
//
// The orchestrator's path without the process chain: read IR, repair what does
// not parse, run semcom-fixup (the same pass library the opt plugin loads),
// verify, write. Prints each change. Exit status: 0 the output verifies, 1 the
// input could not be repaired, 2 usage or input error.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/Config.h"
#include "semcom/Fixup/DoesNotUnderstand.h"
#include "semcom/Fixup/FixupDriver.h"
#include "semcom/Fixup/ManifestQuery.h"
#include "semcom/Fixup/PreParseRepair.h"
#include "semcom/Fixup/SyscallTable.h"
#include "semcom/Support/AtomicFile.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Triple.h"

using namespace llvm;
using namespace semcom::fixup;

namespace {
cl::OptionCategory FixCategory("semcom-fix options");
cl::opt<std::string> InputFilename(cl::Positional, cl::desc("<input.ll>"),
                                   cl::init("-"), cl::cat(FixCategory));
cl::opt<std::string> OutputFilename("o",
                                    cl::desc("Output file (default: stdout)"),
                                    cl::value_desc("file"), cl::init("-"),
                                    cl::cat(FixCategory));
cl::opt<std::string> ManifestFile("m", cl::desc("Manifest file"),
                                  cl::value_desc("manifest.txt"),
                                  cl::cat(FixCategory));
cl::alias ManifestAlias("manifest", cl::desc("Alias for -m"),
                        cl::aliasopt(ManifestFile), cl::cat(FixCategory));
cl::opt<std::string>
    MissingFile("missing-out",
                cl::desc("Write unknown external names as JSON to this file"),
                cl::value_desc("missing.json"), cl::cat(FixCategory));
cl::opt<std::string>
    TripleOpt("target-triple",
              cl::desc("Target of the module (x86_64-… or aarch64-…)"),
              cl::value_desc("triple"), cl::cat(FixCategory));
cl::opt<bool>
    JSONOut("json",
            cl::desc("Print the changes as JSON on stdout (needs -o FILE)"),
            cl::cat(FixCategory));
cl::opt<bool> Quiet("quiet", cl::desc("Do not print the changes"),
                    cl::cat(FixCategory));
cl::opt<unsigned> MaxInputMiB("max-input-mib",
                              cl::desc("Largest input accepted, in MiB"),
                              cl::init(64), cl::cat(FixCategory));

/// What semcom-fix reports: one line per change or problem, in the order they
/// happened.
struct Report {
  std::string File;
  json::Array Changes;
  std::vector<std::string> Notes; ///< `; NOTE:` comments for the output text
  unsigned Errors = 0;

  void add(StringRef Kind, StringRef Pass, const Twine &Msg) {
    std::string M = Msg.str();
    if (!Quiet && !JSONOut)
      errs() << File << ": " << Kind << ": " << Pass << ": " << M << "\n";
    Changes.push_back(
        json::Object{{"kind", Kind.str()}, {"pass", Pass.str()}, {"message", M}});
  }

  /// With --json, the report on stdout: the file, whether it verified, and every change.
  void printJSON(bool Verified) {
    if (JSONOut)
      outs() << formatv("{0:2}", json::Value(json::Object{{"file", File},
                                                          {"verified", Verified},
                                                          {"changes", std::move(Changes)}}))
             << "\n";
  }
};

int fail(int Code, const Twine &Msg) {
  errs() << Msg << "\n";
  return Code;
}
} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(FixCategory);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "semcom-fix: repair model-written LLVM IR and run the "
          "semcom-fixup pipeline in one process\n",
          &errs()))
    return 2;
  if (JSONOut && OutputFilename == "-")
    return fail(2, "semcom-fix: --json prints on stdout; give the IR an output "
                   "file with -o");

  ErrorOr<std::unique_ptr<MemoryBuffer>> In =
      MemoryBuffer::getFileOrSTDIN(InputFilename);
  if (!In)
    return fail(2, InputFilename + ": error: " + In.getError().message());
  if ((*In)->getBufferSize() > uint64_t(MaxInputMiB) << 20)
    return fail(1, InputFilename + ": error: input is " +
                       Twine((*In)->getBufferSize()) +
                       " bytes; semcom-fix accepts at most " +
                       Twine(MaxInputMiB) + " MiB");

  FixupConfig Config;
  Config.MissingOut = MissingFile;
  Config.TargetTriple = TripleOpt;
  Config.AtPipelineStart = false;
  Expected<std::shared_ptr<const ManifestQuery>> Q =
      ManifestQuery::getShared(ManifestFile);
  if (!Q)
    return fail(2, ManifestFile + ": error: " + toString(Q.takeError()));
  Config.Query = *Q;

  Report R;
  R.File = InputFilename == "-" ? std::string("<stdin>")
                                : std::string(InputFilename);
  LLVMContext Ctx;

  RepairOptions RO;
  RO.FileName = R.File;
  Expected<RepairResult> Parsed = parseWithRepair((*In)->getBuffer(), Ctx, RO);
  if (!Parsed) {
    int Code = 1;
    handleAllErrors(Parsed.takeError(), [&](const ParseFailure &F) {
      for (const RepairNote &N : F.Notes)
        R.add("repaired", "pre-parse", N.str());
      errs() << F.File;
      if (F.Line)
        errs() << ":" << F.Line << ":" << F.Column;
      errs() << ": error: " << F.Message << "\n";
    });
    R.printJSON(false);
    return Code;
  }
  Module &M = *Parsed->M;
  for (const RepairNote &N : Parsed->Notes)
    R.add("repaired", "pre-parse", N.str());

  // The module's target decides the syscall numbering: a disagreement is an
  // input error.
  if (!TripleOpt.empty()) {
    Triple Want(Triple::normalize(TripleOpt));
    if (!syscallArchOf(Want.str()))
      return fail(2, "semcom-fix: --target-triple " + TripleOpt +
                         ": semcom targets x86_64 and aarch64 only");
    if (M.getTargetTriple().empty()) {
      M.setTargetTriple(Want.str());
    } else if (Triple(M.getTargetTriple()).getArch() != Want.getArch()) {
      return fail(1, R.File + ": error: the module targets " +
                         M.getTargetTriple() + " but --target-triple is " +
                         TripleOpt);
    }
  }
  if (!M.getTargetTriple().empty() && !syscallArchOf(M.getTargetTriple()))
    return fail(1, R.File + ": error: the module targets " +
                       M.getTargetTriple() +
                       "; semcom targets x86_64 and aarch64 only");

  // The same in-process driver the orchestrator uses; it collects what the passes say.
  FixupReport FR = runFixupPipeline(M, Config);
  for (const FixupChange &C : FR.Changes)
    R.add(C.Kind, C.Kind == "error" || C.Kind == "warning" ? "semcom-fix" : C.Pass, C.Message);
  R.Notes = FR.Notes;
  R.Errors = FR.Errors.size();

  if (R.Errors) {
    R.printJSON(false);
    return 1;
  }

  std::string Text = printWithNotes(M, R.Notes);
  if (OutputFilename == "-") {
    outs() << Text;
  } else if (Error E = semcom::writeFileAtomically(OutputFilename, Text)) {
    return fail(2, OutputFilename + ": error: " + toString(std::move(E)));
  }
  R.printJSON(true);
  return 0;
}
