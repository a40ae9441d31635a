//===- ProgramChecks.h - behavioural checks of whole programs, as data ----===//
//
// A program is judged the way a function is: by data checked before it is trusted. A checks
// document says what kind of program it is (a command-line tool, a TCP server, an HTTP server) and
// lists checks: arguments and stdin bytes → stdout bytes and exit status; send/expect exchanges;
// requests → status, body and header text. An independent Python reference runs the same checks;
// a check the reference fails is disputed and never used to blame the program. Servers run in the
// sandbox with Semcom's own client beside them (`semcom probe`), since the sandbox has its own
// loopback.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CORE_PROGRAMCHECKS_H
#define SEMCOM_CORE_PROGRAMCHECKS_H

#include "semcom/Core/Support.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace semcom {
namespace llm {
class Provider;
}
namespace core {

enum class ProgramKind { Cli, Tcp, Http };
llvm::StringRef programKindName(ProgramKind K);

/// One TCP exchange: bytes sent, then exactly Expect's bytes must come back.
struct Exchange {
  std::string Send, Expect;
};

struct HttpRequestSpec {
  std::string Method = "GET", Path = "/";
  std::vector<std::pair<std::string, std::string>> Headers;
  std::string Body;
};

struct ProgramCheck {
  unsigned Index = 0; ///< 1-based, as listed
  std::string Name;
  double TimeoutSeconds = 5;
  // cli
  std::vector<std::string> Args;
  std::string Stdin;
  std::optional<std::string> Stdout;       ///< exact bytes
  std::vector<std::string> StdoutContains; ///< each must occur in stdout
  std::optional<int> Exit;                 ///< exit status (default 0 when nothing else is said)
  // tcp
  std::vector<Exchange> Exchanges;
  // http
  HttpRequestSpec Request;
  std::optional<int> Status;
  std::vector<std::string> BodyContains;
  std::vector<std::pair<std::string, std::string>> HeadersContain; ///< name → text in its value
  /// Added by Semcom (edge-case inputs), not by the model or the user.
  bool Generated = false;
};

struct ProgramChecks {
  ProgramKind Kind = ProgramKind::Cli;
  int Port = 8080;                      ///< servers: where the program listens (its own loopback)
  std::vector<std::string> ServerArgs;  ///< servers: arguments it is started with
  std::string Description;              ///< what the program does, for prompts and reports
  std::vector<ProgramCheck> Checks;
};

/// Largest stdin a check may ask for (stdin_repeat), so a typo cannot eat the machine.
constexpr uint64_t MaxCheckInputBytes = 64ull << 20;

/// Validates a checks document; every problem is listed, one per line.
llvm::Expected<ProgramChecks> parseProgramChecks(const llvm::json::Value &Doc);
/// Reads and validates a checks file ("FILE: …" in errors).
llvm::Expected<ProgramChecks> loadProgramChecks(llvm::StringRef Path);
/// The document again (inputs as base64 where they are not plain text): what `semcom probe` reads.
llvm::json::Value programChecksToJSON(const ProgramChecks &C);

/// For a cli program whose checks give no such inputs: empty stdin, a last line without a newline,
/// NUL bytes and a multi-megabyte input, each expecting what the reference prints (so they are only
/// kept when a reference ran). Returns how many were added.
unsigned addEdgeCaseChecks(ProgramChecks &C);

/// What one check did.
struct CheckOutcome {
  unsigned Index = 0;
  std::string Name;
  bool Passed = false;
  std::string Got, Want; ///< as a person reads them (quoted, escaped, shortened)
  std::string Reason;    ///< a crash, a hang, a server that never listened…
  /// cli: what the program printed and its status, so the reference's output can become an
  /// expectation of an edge-case check.
  std::string RawStdout;
  int RawExit = 0;
};

/// How checks run a subject: the program, or the Python reference.
struct SubjectOptions {
  std::string Program;   ///< a binary (run directly) — or, with Python, a .py file
  bool Python = false;   ///< run `python3 Program ARGS…`
  std::string SemcomExe; ///< this semcom binary (servers: the probe runs inside the sandbox)
  uint64_t MemoryMB = 1024;
  bool UnsafeNoSandbox = false;
};

/// Runs every check against the subject, in the sandbox. An Error when the sandbox or the probe
/// could not run at all; anything the subject does is an outcome.
llvm::Expected<std::vector<CheckOutcome>> runProgramChecks(const ProgramChecks &C,
                                                          const SubjectOptions &S);

/// The probe, run inside the sandbox by `semcom probe`: reads a probe request (the checks plus
/// "server": argv) from In, starts the server once per check, waits for its port, drives it with
/// a plain-socket client, kills it, and prints {"results":[…]} to Out.
int runProbe(llvm::StringRef Request, llvm::raw_ostream &Out, llvm::raw_ostream &Err);

/// The report of a checked program.
struct ProgramReport {
  std::string Name, Path;
  uint64_t Size = 0;
  std::string Status = "failed"; ///< passed | failed
  std::string Error;
  unsigned Passed = 0, Total = 0; ///< checks passing / checks kept after the cross-check
  std::vector<CheckOutcome> Outcomes;
  struct Disputed {
    unsigned Index = 0;
    std::string Name, Expected, Reference;
  };
  std::vector<Disputed> DisputedChecks;
  std::vector<std::string> Rejected; ///< repairs rejected, with the checks they broke
  unsigned RepairRounds = 0;
  unsigned ModelCalls = 0;
  std::string ChecksSource; ///< "file PATH", "model", "none"
  double Seconds = 0;
  bool passed() const { return Status == "passed"; }
};

/// Cross-checks C against the reference's outcomes: checks the reference fails are moved to
/// R.DisputedChecks and dropped from C. Generated edge-case checks take the reference's output as
/// their expectation instead.
void applyCrossCheck(ProgramChecks &C, llvm::ArrayRef<CheckOutcome> Reference, ProgramReport &R);

/// `Program | Binary size | Checks | Result | Time`.
void printProgramTable(llvm::ArrayRef<ProgramReport> Reports, llvm::raw_ostream &OS);
/// The "program" object of summary.json.
llvm::json::Value programReportJSON(const ProgramReport &R);

// --- program mode: where checks come from, and the verdict ---

/// One model answer (the intent layer's or the reference's), counted in the report.
struct ProgramModel {
  llm::Provider &Model;
  std::string RunDir; ///< prompts and answers land here (program-*.txt)
  unsigned MaxTokens = 16000;
  unsigned Calls = 0;
};

/// Checks for an intent from the model (prompts/program-checks.md), re-asked while invalid (at
/// most Attempts answers). An empty optional, with Why set, when no answer was valid.
llvm::Expected<std::optional<ProgramChecks>>
askProgramChecks(llvm::StringRef Intent, ProgramModel &M, llvm::raw_ostream &Out, std::string &Why,
                 unsigned Attempts = 3);
/// An independent Python reference for the intent (prompts/program-reference.md): it sees the
/// intent and the interface, never the program's IR nor the checks' expectations.
llvm::Expected<std::string> askProgramReference(llvm::StringRef Intent, const ProgramChecks &C,
                                                ProgramModel &M, llvm::raw_ostream &Out,
                                                llvm::StringRef PreviousProblem = "");

struct ProgramModeOptions {
  SubjectOptions Program;      ///< the linked program (and this semcom, for servers)
  std::string ReferencePath;   ///< a Python reference (.py); empty: no cross-check
  bool EdgeCases = true;       ///< with a reference, add cli edge-case checks the doc lacks
  /// A reference that cannot be used (crashes, hangs, agrees with no check) may be replaced: given
  /// why, returns the path of a new one (empty: none). At most MaxReferenceAttempts in all.
  std::function<llvm::Expected<std::string>(const std::string &Why)> NewReference;
  unsigned MaxReferenceAttempts = 2;
  unsigned MaxRepairRounds = 3;
  /// Behavioural repair: given the failing checks as text, rebuilds the program at the same path.
  /// Returns false when no new program came out of it (the old one is still in place).
  std::function<llvm::Expected<bool>(const std::string &Failures, const std::string &Passing,
                                     unsigned Round)>
      Repair;
  /// Puts the program from before the last Repair back (a repair that broke a passing check).
  std::function<llvm::Error()> Revert;
};

/// Cross-checks the checks against the reference, runs the program, repairs it (anchors: a repair
/// that breaks a passing check is reverted) and fills the report. An Error is a problem with the
/// run itself (sandbox, probe, a reference that cannot be run at all is a report entry instead).
llvm::Error checkProgram(ProgramChecks C, const ProgramModeOptions &O, ProgramReport &R,
                         llvm::raw_ostream &Out);

} // namespace core
} // namespace semcom

#endif
