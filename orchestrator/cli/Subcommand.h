//===- Subcommand.h - how a `semcom` subcommand registers itself ---------===//
//
// Every cli/*.cpp is compiled straight into the semcom executable and registers its subcommands with
// a static SubcommandRegistration, so adding a subcommand never touches a shared table.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CLI_SUBCOMMAND_H
#define SEMCOM_CLI_SUBCOMMAND_H

#include "llvm/ADT/StringExtras.h"

#include <optional>
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

/// The value of option Args[I]: the next argument, consumed (I advances); nullopt when the option
/// is the last argument.
inline std::optional<std::string> optionValue(const std::vector<std::string> &Args, size_t &I) {
  if (I + 1 >= Args.size())
    return std::nullopt;
  return Args[++I];
}

/// optionValue into Into; false when there is none.
inline bool optionValue(const std::vector<std::string> &Args, size_t &I, std::string &Into) {
  std::optional<std::string> V = optionValue(Args, I);
  if (V)
    Into = *V;
  return V.has_value();
}

/// A whole number of at most Max as the value of option Args[I]; false when missing or invalid.
inline bool optionNumber(const std::vector<std::string> &Args, size_t &I, unsigned &Into,
                         unsigned long long Max) {
  std::optional<std::string> V = optionValue(Args, I);
  unsigned long long N;
  if (!V || llvm::getAsUnsignedInteger(*V, 10, N) || N > Max)
    return false;
  Into = static_cast<unsigned>(N);
  return true;
}

} // namespace cli
} // namespace semcom

#endif
