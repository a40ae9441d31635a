//===- Help.cpp - `semcom help` and `semcom check` -------------------------===//
//
// `help` prints the directives; `check` parses and validates a task file without any model call, so
// a broken task is caught before it costs anything.
//
//===----------------------------------------------------------------------===//
#include "Subcommand.h"

#include "semcom/Core/Task.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace semcom;

namespace {

int runHelp(const std::vector<std::string> &Args) {
  outs() << core::directiveHelp();
  return 0;
}

int runCheck(const std::vector<std::string> &Args) {
  bool Json = false;
  std::string Path;
  for (const std::string &A : Args) {
    if (A == "--help" || A == "-h") {
      outs() << "usage: semcom check [--json] TASKFILE\n\n"
                "Parses and validates a task file (directives, steps split by `---`) without\n"
                "calling a model. Exit 0 if valid, 2 with FILE:LINE: error otherwise.\n";
      return 0;
    }
    if (A == "--json")
      Json = true;
    else if (!A.empty() && A[0] == '-' && A != "-") {
      WithColor::error(errs(), "semcom check") << "unknown option '" << A << "'\n";
      return 2;
    } else if (Path.empty())
      Path = A;
    else {
      WithColor::error(errs(), "semcom check") << "one task file at a time\n";
      return 2;
    }
  }
  if (Path.empty()) {
    WithColor::error(errs(), "semcom check") << "missing TASKFILE; see --help\n";
    return 2;
  }
  auto Buffer = MemoryBuffer::getFileOrSTDIN(Path);
  if (!Buffer) {
    WithColor::error(errs(), "semcom check")
        << Path << ": " << Buffer.getError().message() << "\n";
    return 2;
  }
  auto Task = core::parseTask((*Buffer)->getBuffer(), Path == "-" ? "<stdin>" : Path);
  if (!Task) {
    errs() << toString(Task.takeError()) << "\n";
    return 2;
  }
  if (Json) {
    json::Array Steps;
    for (const core::Step &S : Task->Steps)
      Steps.push_back(json::Object{{"directive", core::directiveName(S.Kind)},
                                   {"target", S.Target},
                                   {"append", S.Append},
                                   {"function", S.Function},
                                   {"intent", S.Intent},
                                   {"line", S.Line}});
    outs() << formatv("{0:2}", json::Value(json::Object{{"file", Task->Source},
                                                         {"steps", std::move(Steps)}}))
           << "\n";
    return 0;
  }
  unsigned N = 0;
  for (const core::Step &S : Task->Steps) {
    outs() << "step " << ++N << "/" << Task->Steps.size() << " (line " << S.Line << "): @"
           << core::directiveName(S.Kind);
    if (!S.Target.empty())
      outs() << " " << S.Target;
    if (S.Append)
      outs() << " append";
    if (!S.Function.empty())
      outs() << " " << S.Function;
    outs() << "\n";
  }
  return 0;
}

cli::SubcommandRegistration Help("help", "list the task directives with examples", runHelp);
cli::SubcommandRegistration Check("check", "validate a task file without calling a model",
                                  runCheck);

} // namespace
