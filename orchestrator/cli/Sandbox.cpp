//===- Sandbox.cpp - `semcom sandbox`: run any program the way Semcom runs generated code -===//
#include "Subcommand.h"

#include "semcom/Core/Sandbox.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace semcom;

namespace {

void printHelp() {
  outs() << "usage: semcom sandbox [OPTIONS] -- PROGRAM [ARGS...]\n\n"
            "Runs PROGRAM isolated, exactly as Semcom runs generated code, and exits with its\n"
            "status: the program's own, 124 on timeout, 128+N when killed by signal N.\n\n"
            "options:\n"
            "  --timeout S            wall-clock limit in seconds (default 10)\n"
            "  --mem MB               address-space limit (default 1024)\n"
            "  --scratch MB           size of the scratch directory and /tmp; max file size (default 64)\n"
            "  --procs N              processes it may run (default 64)\n"
            "  --net loopback|none    network: both give a private namespace whose only interface\n"
            "                         is its own loopback; the host is never reachable (default)\n"
            "  --ro PATH              also show host PATH read-only (repeatable)\n"
            "  --stdin FILE           feed FILE on standard input (default: empty input)\n"
            "  --output-cap BYTES     capture at most this much of stdout and of stderr (default 1 MiB)\n"
            "  --json                 print the outcome as JSON on stdout instead of the output\n"
            "  --unsafe-no-sandbox    run without isolation (rlimits and timeout only)\n\n"
         << core::sandboxDescription();
}

bool parseNumber(StringRef Flag, StringRef Text, double &Out) {
  if (!to_float(Text, Out) || Out <= 0) {
    WithColor::error(errs(), "semcom sandbox")
        << Flag << " expects a positive number, got '" << Text << "'\n";
    return false;
  }
  return true;
}

int runSandbox(const std::vector<std::string> &Args) {
  core::SandboxOptions O;
  bool Json = false;
  size_t I = 0;
  auto Value = [&](const std::string &Flag) -> const std::string * {
    if (I + 1 >= Args.size()) {
      WithColor::error(errs(), "semcom sandbox") << Flag << " needs a value\n";
      return nullptr;
    }
    return &Args[++I];
  };
  for (; I < Args.size(); ++I) {
    const std::string &A = Args[I];
    double N;
    if (A == "--") {
      ++I;
      break;
    }
    if (A == "--help" || A == "-h") {
      printHelp();
      return 0;
    } else if (A == "--json") {
      Json = true;
    } else if (A == "--unsafe-no-sandbox") {
      O.UnsafeNoSandbox = true;
    } else if (A == "--timeout" || A == "--mem" || A == "--scratch" || A == "--procs" ||
               A == "--output-cap") {
      const std::string *V = Value(A);
      if (!V || !parseNumber(A, *V, N))
        return 2;
      if (A == "--timeout")
        O.TimeoutSeconds = N;
      else if (A == "--mem")
        O.MemoryMB = static_cast<uint64_t>(N);
      else if (A == "--scratch")
        O.ScratchMB = static_cast<uint64_t>(N);
      else if (A == "--procs")
        O.MaxProcesses = static_cast<unsigned>(N);
      else
        O.OutputCapBytes = static_cast<uint64_t>(N);
    } else if (A == "--net") {
      const std::string *V = Value(A);
      if (!V)
        return 2;
      if (*V != "loopback" && *V != "none") {
        WithColor::error(errs(), "semcom sandbox")
            << "--net expects loopback or none, got '" << *V << "'\n";
        return 2;
      }
    } else if (A == "--ro") {
      const std::string *V = Value(A);
      if (!V)
        return 2;
      O.ReadOnlyPaths.push_back(*V);
    } else if (A == "--stdin") {
      const std::string *V = Value(A);
      if (!V)
        return 2;
      auto Buffer = MemoryBuffer::getFileOrSTDIN(*V);
      if (!Buffer) {
        WithColor::error(errs(), "semcom sandbox")
            << *V << ": " << Buffer.getError().message() << "\n";
        return 2;
      }
      O.Stdin = (*Buffer)->getBuffer().str();
    } else if (!A.empty() && A[0] == '-') {
      WithColor::error(errs(), "semcom sandbox") << "unknown option '" << A << "'\n";
      return 2;
    } else {
      break;
    }
  }
  O.Argv.assign(Args.begin() + I, Args.end());
  if (O.Argv.empty()) {
    WithColor::error(errs(), "semcom sandbox") << "missing PROGRAM; see --help\n";
    return 2;
  }

  auto R = core::runSandboxed(O);
  if (!R) {
    WithColor::error(errs(), "semcom sandbox") << toString(R.takeError()) << "\n";
    return 2;
  }
  if (Json) {
    outs() << formatv("{0:2}",
                      json::Value(json::Object{
                          {"exit_status", R->ExitStatus},
                          {"signal", R->Signal},
                          {"timed_out", R->TimedOut},
                          {"reason", R->Reason},
                          {"wall_seconds", R->WallSeconds},
                          {"stdout", json::fixUTF8(R->Stdout)},
                          {"stderr", json::fixUTF8(R->Stderr)},
                          {"stdout_truncated", R->StdoutTruncated},
                          {"stderr_truncated", R->StderrTruncated},
                          {"sandboxed", !O.UnsafeNoSandbox}}))
           << "\n";
  } else {
    outs() << R->Stdout;
    outs().flush();
    errs() << R->Stderr;
    if (R->StdoutTruncated || R->StderrTruncated)
      errs() << "semcom sandbox: output truncated at " << O.OutputCapBytes << " bytes\n";
    if (!R->ok())
      errs() << "semcom sandbox: " << R->Reason << formatv(" ({0:f2} s)", R->WallSeconds)
             << "\n";
  }
  return R->ExitStatus;
}

cli::SubcommandRegistration Sandbox("sandbox", "run a program isolated, as generated code runs",
                                    runSandbox);

} // namespace
