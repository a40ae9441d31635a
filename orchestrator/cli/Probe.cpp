//===- Probe.cpp - `semcom probe`: the client beside a server in the sandbox -===//
//
// Internal. The sandbox has its own loopback, so a server under test can only be reached from
// inside it: `semcom check-program` and `semcom build` run this binary there as `semcom probe`,
// which starts the server, drives it with Semcom's own client and prints the outcomes as JSON.
//
//===----------------------------------------------------------------------===//
#include "Subcommand.h"

#include "semcom/Core/ProgramChecks.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace {

int runProbeCommand(const std::vector<std::string> &Args) {
  if (!Args.empty() && (Args[0] == "--help" || Args[0] == "-h")) {
    outs() << "usage: semcom probe < REQUEST.json\n\n"
              "Internal: run inside the sandbox by check-program and build. Reads {\"checks\": "
              "CHECKS, \"server\": [ARGV…]}, starts the server once per check, waits for its port,\n"
              "runs the tcp exchanges or http requests and prints {\"results\": […]}.\n";
    return 0;
  }
  if (!Args.empty()) {
    errs() << "semcom probe: takes no arguments (the request comes on stdin)\n";
    return 2;
  }
  auto In = MemoryBuffer::getSTDIN();
  if (!In) {
    errs() << "semcom probe: cannot read stdin: " << In.getError().message() << "\n";
    return 2;
  }
  return semcom::core::runProbe((*In)->getBuffer(), outs(), errs());
}

semcom::cli::SubcommandRegistration
    Probe("probe", "(internal) drive a server under test from inside the sandbox",
          runProbeCommand);

} // namespace
