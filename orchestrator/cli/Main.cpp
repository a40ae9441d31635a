//===- Main.cpp - the semcom command-line driver -------------------------===//
//
// Dispatches `semcom SUBCOMMAND ARGS…` to the subcommands that cli/*.cpp register.
//
//===----------------------------------------------------------------------===//
#include "Subcommand.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstring>

using namespace semcom::cli;

std::vector<Subcommand> &semcom::cli::subcommands() {
  static std::vector<Subcommand> Registry;
  return Registry;
}

static void printUsage(llvm::raw_ostream &OS) {
  auto &Subs = subcommands();
  std::sort(Subs.begin(), Subs.end(),
            [](const Subcommand &A, const Subcommand &B) { return std::strcmp(A.Name, B.Name) < 0; });
  OS << "usage: semcom SUBCOMMAND [OPTIONS] [ARGS]\n\n"
        "English intent in, verified native code out, through LLVM IR.\n\nsubcommands:\n";
  for (const Subcommand &S : Subs)
    OS << "  " << llvm::left_justify(S.Name, 12) << S.Summary << "\n";
  OS << "\n`semcom SUBCOMMAND --help` describes one.\n";
}

int main(int argc, char **argv) {
  llvm::InitLLVM X(argc, argv);
  if (argc < 2) {
    printUsage(llvm::errs());
    return 2;
  }
  llvm::StringRef Name = argv[1];
  if (Name == "--help" || Name == "-h" || Name == "help-cli") {
    printUsage(llvm::outs());
    return 0;
  }
  if (Name == "--version") {
    llvm::outs() << "semcom 0.1.0 (LLVM " LLVM_VERSION_STRING ")\n";
    return 0;
  }
  for (const Subcommand &S : subcommands())
    if (Name == S.Name)
      return S.Main(std::vector<std::string>(argv + 2, argv + argc));
  llvm::errs() << "semcom: unknown subcommand '" << Name << "'; try 'semcom --help'\n";
  return 2;
}
