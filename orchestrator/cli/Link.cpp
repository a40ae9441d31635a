//===- Link.cpp - `semcom link`: IR and objects to a static program ------===//
//
// The command-line face of semcom_link, used by the build (examples/) and by
// hand:
//   semcom link a.ll b.o ... -o prog [--target x86_64|aarch64] [--strip]
//   [-O0..3] [--runtime DIR]
//
//===----------------------------------------------------------------------===//
#include "Subcommand.h"

#include "semcom/Link/Link.h"

#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace semcom;

namespace {

const char *const LinkUsage =
    "usage: semcom link INPUT... -o OUTPUT [--target x86_64|aarch64] [--strip] "
    "[-O0|-O1|-O2|-O3]\n"
    "                   [--runtime DIR]\n\n"
    "Compiles .ll/.bc inputs in-process and links them, with any .o/.a inputs "
    "and the Semcom\n"
    "runtime, into a static executable with no libc and no dynamic loader.\n\n"
    "  -o OUTPUT        the program to write (only written if the link "
    "succeeds)\n"
    "  --target ARCH    x86_64 or aarch64 (default: this machine's)\n"
    "  --strip          drop symbols (smallest binary)\n"
    "  -O0..-O3         optimisation before code generation (default -O2)\n"
    "  --runtime DIR    directory holding libsemcom_rt_<arch>.a (default: "
    "$SEMCOM_RUNTIME_DIR, else\n"
    "                   ../lib beside the semcom executable)\n"
    "  --no-runtime     link only the inputs (they must define _start)\n";

int usageError(const Twine &Message) {
  errs() << "semcom link: " << Message << "\n" << LinkUsage;
  return 2;
}

int runLink(const std::vector<std::string> &Args) {
  link::BuildOptions Options;
  Options.Target = link::hostArch();
  std::vector<std::string> Inputs;
  std::string RuntimeDir;
  bool UseRuntime = true;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    auto Value = [&](std::string &Into) { return cli::optionValue(Args, I, Into); };
    if (A == "--help" || A == "-h") {
      outs() << LinkUsage;
      return 0;
    }
    if (A == "-o") {
      if (!Value(Options.OutputPath))
        return usageError("-o needs a path");
    } else if (A == "--target" || A.starts_with("--target=")) {
      std::string Name;
      if (A.consume_front("--target="))
        Name = A.str();
      else if (!Value(Name))
        return usageError("--target needs x86_64 or aarch64");
      Expected<link::Arch> Arch = link::parseArch(Name);
      if (!Arch)
        return usageError(toString(Arch.takeError()));
      Options.Target = *Arch;
    } else if (A == "--strip" || A == "-s") {
      Options.Strip = true;
    } else if (A.size() == 3 && A.starts_with("-O") && A[2] >= '0' &&
               A[2] <= '3') {
      Options.OptLevel = A[2] - '0';
    } else if (A == "--runtime" || A.starts_with("--runtime=")) {
      if (A.consume_front("--runtime="))
        RuntimeDir = A.str();
      else if (!Value(RuntimeDir))
        return usageError("--runtime needs a directory");
    } else if (A == "--no-runtime") {
      UseRuntime = false;
    } else if (A.starts_with("-") && A != "-") {
      return usageError("unknown option '" + A + "'");
    } else {
      Inputs.push_back(A.str());
    }
  }
  if (Inputs.empty())
    return usageError("no inputs");
  if (Options.OutputPath.empty())
    return usageError("no output (-o)");

  if (UseRuntime) {
    Expected<std::string> Archive =
        link::findRuntimeArchive(Options.Target, RuntimeDir);
    if (!Archive) {
      errs() << "semcom link: " << toString(Archive.takeError()) << "\n";
      return 1;
    }
    Options.RuntimeArchive = *Archive;
  }
  int ExitCode = 0;
  handleAllErrors(
      link::buildExecutable(Inputs, Options),
      [&](const link::InputError &E) {
        errs() << "semcom link: " << E.message() << "\n";
        ExitCode = 2;
      },
      [&](const ErrorInfoBase &E) {
        errs() << "semcom link: " << E.message() << "\n";
        ExitCode = 1;
      });
  return ExitCode;
}

cli::SubcommandRegistration
    LinkRegistration("link", "compile IR and link a static, libc-free program",
                     runLink);

} // namespace
