//===- Sandbox.h - the only way generated code runs ----------------------===//
//
// Runs a program isolated with bubblewrap: read-only system directories and nothing else of the host
// (no home, no project, no .semcom/), a fresh size-capped scratch directory as the working directory,
// a private /tmp, its own PID, network, IPC and user namespaces, an unprivileged user, an empty
// environment, rlimits, a wall-clock timeout that kills everything it started, and captured output
// with a cap. The caller survives anything the child does.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CORE_SANDBOX_H
#define SEMCOM_CORE_SANDBOX_H

#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace semcom {
namespace core {

struct SandboxOptions {
  std::vector<std::string> Argv; ///< program (a path, or a name looked up in /usr/bin) and arguments
  double TimeoutSeconds = 10;    ///< wall clock; everything started is killed at the deadline
  uint64_t MemoryMB = 1024;      ///< address space (RLIMIT_AS)
  uint64_t ScratchMB = 64;       ///< size of the scratch directory and of /tmp, and max file size
  unsigned MaxOpenFiles = 256;
  unsigned MaxProcesses = 64;    ///< processes of the sandbox's own user
  uint64_t OutputCapBytes = 1 << 20; ///< per stream; the rest is read and dropped
  std::string Stdin;             ///< bytes fed to standard input (then EOF)
  std::vector<std::string> ReadOnlyPaths; ///< extra host paths visible read-only at the same path
  std::vector<std::string> Environment;   ///< NAME=VALUE added to the minimal environment
  /// Runs without isolation (rlimits and timeout only). Only ever from an explicit user request.
  bool UnsafeNoSandbox = false;
};

struct SandboxResult {
  int ExitStatus = 0;    ///< the child's own code, 124 on timeout, 128+N when killed by signal N
  int Signal = 0;        ///< signal that ended it, 0 if it exited
  bool TimedOut = false;
  std::string Stdout, Stderr;
  bool StdoutTruncated = false, StderrTruncated = false;
  double WallSeconds = 0;
  std::string Reason;    ///< one line a person can read: "exited with 3", "killed by SIGSEGV", …
  bool ok() const { return ExitStatus == 0 && !TimedOut; }
};

/// What the sandbox isolates, for --help and reports.
const char *sandboxDescription();

/// Runs the program. An Error means the sandbox itself could not be set up (bwrap missing, namespaces
/// refused by the kernel, program not found); anything the program does is a SandboxResult.
llvm::Expected<SandboxResult> runSandboxed(const SandboxOptions &Options);

} // namespace core
} // namespace semcom

#endif
