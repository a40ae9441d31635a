//===- Options.cpp - the one translation unit that defines -semcom-* options
//-===//
//
// Options live in one place so the plugin and semcom-fix, which link the same
// library, register each exactly once; passes receive a FixupConfig instead of
// reading them.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/Config.h"

#include "llvm/Support/CommandLine.h"

using namespace llvm;

namespace {
cl::OptionCategory SemcomCategory("Semcom fixup options");

cl::opt<std::string> ManifestPath(
    "semcom-manifest",
    cl::desc("Manifest file (name|file|visibility|line|signature)"),
    cl::value_desc("file"), cl::cat(SemcomCategory));
cl::opt<std::string> MissingOut(
    "semcom-missing-out",
    cl::desc("Write the names DoesNotUnderstand reports to this JSON file"),
    cl::value_desc("file"), cl::cat(SemcomCategory));
cl::opt<std::string>
    TargetTriple("semcom-target-triple",
                 cl::desc("Syscall numbering for modules without a target "
                          "triple (x86_64 or aarch64)"),
                 cl::value_desc("triple"), cl::cat(SemcomCategory));
cl::opt<double>
    FuzzyThreshold("semcom-fuzzy-threshold",
                   cl::desc("Least name similarity for a fuzzy rename (0..1)"),
                   cl::init(0.8), cl::Hidden, cl::cat(SemcomCategory));
cl::opt<bool>
    AtPipelineStart("semcom-at-pipeline-start",
                    cl::desc("Run semcom-fixup at the start of default "
                             "pipelines (clang -fpass-plugin)"),
                    cl::init(true), cl::Hidden, cl::cat(SemcomCategory));
} // namespace

namespace semcom {
namespace fixup {

FixupConfig configFromCommandLine() {
  FixupConfig C;
  C.ManifestPath = ManifestPath;
  C.MissingOut = MissingOut;
  C.TargetTriple = TargetTriple;
  C.FuzzyThreshold = FuzzyThreshold;
  C.AtPipelineStart = AtPipelineStart;
  return C;
}

} // namespace fixup
} // namespace semcom
