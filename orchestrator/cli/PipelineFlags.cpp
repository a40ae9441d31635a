//===- PipelineFlags.cpp - parse the shared pipeline options --------------===//
#include "PipelineFlags.h"
#include "Subcommand.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace semcom {
namespace cli {

const char *PipelineFlagsHelp =
    "  --tree DIR          the module tree (default: the current directory)\n"
    "  --target ARCH       x86_64 or aarch64 (default: this machine's)\n"
    "  --max-rounds N      repair rounds per step after the first answer (default 5)\n"
    "  --max-output-tokens N  answer length limit per call (default 16000)\n"
    "  -j N                model calls in flight for independent steps (default 4)\n"
    "  --dry-run           validate and show the diff; write nothing to the tree\n"
    "  -v                  show every fixup remark\n";

Error consumePipelineFlags(std::vector<std::string> &Args, core::PipelineOptions &O,
                           bool *TreeGiven) {
  std::vector<std::string> Rest;
  auto Bad = [](const Twine &Msg) { return createStringError(inconvertibleErrorCode(), Msg); };
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    auto Value = [&] { return cli::optionValue(Args, I); };
    auto Number = [&](unsigned &Into, unsigned Min) {
      return cli::optionNumber(Args, I, Into, 1000000) && Into >= Min;
    };
    if (A == "--") {
      Rest.insert(Rest.end(), Args.begin() + I, Args.end());
      break;
    } else if (A == "--tree") {
      auto V = Value();
      if (!V)
        return Bad("--tree needs a directory");
      O.TreeRoot = *V;
      if (TreeGiven)
        *TreeGiven = true;
    } else if (A == "--target") {
      auto V = Value();
      if (!V)
        return Bad("--target needs x86_64 or aarch64");
      auto Arch = link::parseArch(*V);
      if (!Arch)
        return Arch.takeError();
      O.Target = *Arch;
    } else if (A == "--max-rounds") {
      if (!Number(O.MaxRepairRounds, 0))
        return Bad("--max-rounds needs a whole number");
    } else if (A == "--max-output-tokens") {
      if (!Number(O.MaxTokens, 1))
        return Bad("--max-output-tokens needs a positive whole number");
    } else if (A == "-j" || A == "--jobs") {
      if (!Number(O.Jobs, 1))
        return Bad("-j needs a positive whole number");
    } else if (A == "--dry-run") {
      O.DryRun = true;
    } else if (A == "-v" || A == "--verbose") {
      O.Verbose = true;
    } else {
      Rest.push_back(Args[I]);
    }
  }
  Args = std::move(Rest);
  return Error::success();
}

} // namespace cli
} // namespace semcom
