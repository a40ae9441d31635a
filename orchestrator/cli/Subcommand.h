//===- Subcommand.h - how a `semcom` subcommand registers itself ---------===//
//
// Every cli/*.cpp is compiled straight into the semcom executable and registers its subcommands with
// a static SubcommandRegistration, so adding a subcommand never touches a shared table.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CLI_SUBCOMMAND_H
#define SEMCOM_CLI_SUBCOMMAND_H

#include <string>
#include <vector>

namespace semcom {
namespace cli {

/// Runs a subcommand. Args excludes the program and subcommand names. Returns the exit code:
/// 0 success, 1 the work failed, 2 usage or input error.
using SubcommandMain = int (*)(const std::vector<std::string> &Args);

struct Subcommand {
  const char *Name;
  const char *Summary; ///< one line for `semcom --help`
  SubcommandMain Main;
};

/// Registry sorted by name; filled before main() runs.
std::vector<Subcommand> &subcommands();

struct SubcommandRegistration {
  SubcommandRegistration(const char *Name, const char *Summary, SubcommandMain Main) {
    subcommands().push_back({Name, Summary, Main});
  }
};

} // namespace cli
} // namespace semcom

#endif
