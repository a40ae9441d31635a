//===- CheckProgram.cpp - `semcom check-program`: a binary against checks --===//
//
// The program half of the semantic loop on any binary: a checks file (cli: args + stdin → stdout
// and exit; tcp: send/expect; http: request → status, body, headers), optionally cross-checked by
// a Python reference, run in the sandbox. `semcom check` already names the IR checker.
//
//===----------------------------------------------------------------------===//
#include "Subcommand.h"

#include "semcom/Core/FunctionMode.h"
#include "semcom/Core/Pipeline.h"
#include "semcom/Core/ProgramChecks.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace semcom;

namespace {

const char *Help =
    "usage: semcom check-program PROGRAM --checks FILE.json [--reference REF.py] [--json]\n\n"
    "Runs PROGRAM in the sandbox against behavioural checks and reports each one. With a Python\n"
    "reference the checks are cross-checked first: a check the reference fails is disputed,\n"
    "dropped and reported, never used to blame the program; for command-line programs Semcom\n"
    "also adds edge-case inputs the file lacks (empty input, a last line without a newline, NUL\n"
    "bytes, 3 MB), expecting what the reference prints. Servers (tcp, http) are started inside\n"
    "the sandbox on its own loopback and driven by Semcom's own client (`semcom probe`).\n\n"
    "checks file:\n"
    "  {\"kind\": \"cli\"|\"tcp\"|\"http\", \"port\": N, \"args\": [SERVER ARGS], \"checks\": [\n"
    "    {\"name\", \"args\", \"stdin\"|\"stdin_base64\"|\"stdin_repeat\": {\"text\", \"times\"},\n"
    "     \"stdout\"|\"stdout_base64\"|\"stdout_repeat\", \"stdout_contains\": [...],\n"
    "     \"exit\": 0 (the default)}                                             cli\n"
    "    {\"name\", \"exchanges\": [{\"send\", \"expect\"} (or *_base64, *_repeat)]}    tcp\n"
    "    {\"name\", \"request\": {\"method\", \"path\", \"headers\", \"body\"}, \"status\",\n"
    "     \"body_contains\": [...], \"headers_contain\": {NAME: TEXT}}             http\n"
    "  ]}   every check may set \"timeout\" (seconds, default 5)\n\n"
    "options:\n"
    "  --checks FILE       the checks (required)\n"
    "  --reference FILE    a Python 3 program doing the same, to cross-check the checks\n"
    "  --no-edge-cases     do not add edge-case inputs\n"
    "  --report-dir DIR    write summary.json and report.html there\n"
    "  --json              print the report as JSON on stdout\n"
    "Exit status: 0 when every check passes, 1 when one fails, 2 on usage or input errors.\n";

int run(const std::vector<std::string> &Args) {
  auto Fail = [](int Code, const Twine &Msg) {
    WithColor::error(errs(), "semcom check-program") << Msg << "\n";
    return Code;
  };
  std::string Program, Checks, Reference, ReportDir;
  bool Json = false, EdgeCases = true;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    auto Value = [&](std::string &Into) { return cli::optionValue(Args, I, Into); };
    if (A == "--help" || A == "-h") {
      outs() << Help;
      return 0;
    } else if (A == "--checks") {
      if (!Value(Checks))
        return Fail(2, "--checks needs a file");
    } else if (A == "--reference") {
      if (!Value(Reference))
        return Fail(2, "--reference needs a Python file");
    } else if (A == "--report-dir") {
      if (!Value(ReportDir))
        return Fail(2, "--report-dir needs a directory");
    } else if (A == "--json") {
      Json = true;
    } else if (A == "--no-edge-cases") {
      EdgeCases = false;
    } else if (A.starts_with("-")) {
      return Fail(2, "unknown option '" + A + "'; see 'semcom check-program --help'");
    } else if (Program.empty()) {
      Program = A.str();
    } else {
      return Fail(2, "one PROGRAM only; see 'semcom check-program --help'");
    }
  }
  if (Program.empty() || Checks.empty())
    return Fail(2, "expected PROGRAM and --checks FILE; see 'semcom check-program --help'");
  if (!sys::fs::can_execute(Program))
    return Fail(2, Program + ": not an executable file");
  if (!Reference.empty() && !sys::fs::is_regular_file(Reference))
    return Fail(2, Reference + ": no such file");
  auto C = core::loadProgramChecks(Checks);
  if (!C)
    return Fail(2, toString(C.takeError()));

  core::ProgramModeOptions O;
  SmallString<256> Abs(Program);
  sys::fs::make_absolute(Abs);
  O.Program.Program = std::string(Abs);
  O.Program.SemcomExe = sys::fs::getMainExecutable("semcom", reinterpret_cast<void *>(&run));
  if (!Reference.empty()) {
    SmallString<256> Ref(Reference);
    sys::fs::make_absolute(Ref);
    O.ReferencePath = std::string(Ref);
  }
  O.EdgeCases = EdgeCases;
  core::ProgramReport R;
  R.Name = sys::path::filename(Program).str();
  R.Path = O.Program.Program;
  sys::fs::file_size(Program, R.Size);
  R.ChecksSource = "file " + Checks;
  raw_ostream &Progress = Json ? errs() : outs();
  if (Error E = core::checkProgram(std::move(*C), O, R, Progress))
    return Fail(2, toString(std::move(E)));
  core::printProgramTable({R}, Progress);
  if (!ReportDir.empty())
    if (Error E = core::writeReports({}, {R}, ReportDir, sys::path::filename(ReportDir)))
      return Fail(2, toString(std::move(E)));
  if (Json)
    outs() << formatv("{0:2}", core::programReportJSON(R)) << "\n";
  return R.passed() ? 0 : 1;
}

cli::SubcommandRegistration
    CheckProgram("check-program",
                 "check a program against behavioural checks (args/stdin, tcp, http) in the sandbox",
                 run);

} // namespace
