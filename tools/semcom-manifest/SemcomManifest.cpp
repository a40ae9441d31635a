//===- SemcomManifest.cpp - the semcom-manifest command-line tool --------===//
//
// Builds a manifest from IR trees and answers its queries from the shell, so
// scripts and people can see what a prompt would get: `build`, `lookup`,
// `relevant`, `similar`, each with --json. Exit codes: 0 found/ok, 1 not found
// (or built with problems), 2 usage or input error.
//
//===----------------------------------------------------------------------===//
#include "semcom/Manifest/Manifest.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <optional>

using namespace llvm;
using namespace semcom::manifest;

namespace {

constexpr int ExitOk = 0, ExitNotFound = 1, ExitUsage = 2;

const char *const Usage =
    R"(usage: semcom-manifest build DIR... -o FILE [--json]
       semcom-manifest lookup NAME -m FILE [--json]
       semcom-manifest relevant -m FILE TEXTFILE... [--json]     (TEXTFILE '-' is stdin)
       semcom-manifest similar NAME -m FILE [--threshold X] [--json]

Semcom's manifest: every function signature defined in a tree of .ll/.bc files.

  build     parse every .ll/.bc file under the DIRs and write the manifest to FILE (atomically).
            When FILE already holds a manifest of the same DIRs, only changed files are re-read.
            Modules that do not parse are reported (file:line:col: message) and their define
            lines still listed; duplicate public definitions are reported as conflicts.
  lookup    the entry of NAME (without '@'); shims are reported as such.
  relevant  the entries every @name in the text files references, each once.
  similar   the best "did you mean" for NAME, with its score in [0, 1].

options:
  -o, --output FILE     manifest to write (build)
  -m, --manifest FILE   manifest to read (queries)
  --threshold X         minimum score for similar (default 0.6)
  --json                machine-readable output on stdout
  -h, --help            this text

exit status: 0 found / built cleanly; 1 not found, or built but some modules did not parse or
names conflict; 2 usage or input error (unreadable manifest or tree, empty tree).
)";

struct Options {
  std::string Command;
  std::vector<std::string> Positional;
  std::string Output, ManifestPath;
  double Threshold = 0.6;
  bool Json = false;
  bool Help = false;
};

int usageError(const Twine &Message) {
  errs() << "semcom-manifest: " << Message
         << "\n(see 'semcom-manifest --help')\n";
  return ExitUsage;
}

/// Parses argv; returns an exit code when the arguments are unusable.
std::optional<int> parseArgs(int Argc, char **Argv, Options &O) {
  bool OptionsDone = false;
  for (int I = 1; I < Argc; ++I) {
    StringRef A = Argv[I];
    auto Value = [&](StringRef Flag) -> std::optional<std::string> {
      if (I + 1 >= Argc) {
        usageError(Flag + " needs a value");
        return std::nullopt;
      }
      return std::string(Argv[++I]);
    };
    if (!OptionsDone && A.starts_with("-") && A != "-") {
      if (A == "--") {
        OptionsDone = true;
      } else if (A == "-h" || A == "--help") {
        O.Help = true;
      } else if (A == "--json") {
        O.Json = true;
      } else if (A == "-o" || A == "--output") {
        auto V = Value(A);
        if (!V)
          return ExitUsage;
        O.Output = *V;
      } else if (A == "-m" || A == "--manifest") {
        auto V = Value(A);
        if (!V)
          return ExitUsage;
        O.ManifestPath = *V;
      } else if (A == "--threshold") {
        auto V = Value(A);
        if (!V)
          return ExitUsage;
        if (!to_float(*V, O.Threshold) || O.Threshold < 0 || O.Threshold > 1)
          return usageError(
              "--threshold needs a number between 0 and 1, not '" + *V + "'");
      } else {
        return usageError("unknown option '" + A + "'");
      }
      continue;
    }
    if (O.Command.empty())
      O.Command = A.str();
    else
      O.Positional.push_back(A.str());
  }
  return std::nullopt;
}

/// JSON strings must be UTF-8; IR names and paths need not be.
std::string text(StringRef S) {
  return json::isUTF8(S) ? S.str() : json::fixUTF8(S);
}

json::Object entryJson(const Entry &E) {
  return json::Object{
      {"name", text(E.Name)},
      {"file", text(E.File)},
      {"visibility", E.Vis == Visibility::Public ? "public" : "private"},
      {"line", int64_t(E.Line)},
      {"signature", text(E.Signature)},
      {"declaration", E.IsDeclaration}};
}

/// The entry as a manifest line, the format people already read.
void printEntry(raw_ostream &OS, const Entry &E) {
  OS << E.Name << '|' << E.File << '|'
     << (E.Vis == Visibility::Public ? "public" : "private") << '|' << E.Line
     << '|' << E.Signature << '\n';
}

std::optional<Manifest> load(const Options &O, int &Exit) {
  if (O.ManifestPath.empty()) {
    Exit = usageError("'" + O.Command + "' needs -m FILE");
    return std::nullopt;
  }
  Expected<Manifest> M = Manifest::loadFile(O.ManifestPath);
  if (!M) {
    errs() << "semcom-manifest: " << toString(M.takeError()) << '\n';
    Exit = ExitUsage;
    return std::nullopt;
  }
  return std::move(*M);
}

bool sameRoots(const Manifest &M, ArrayRef<std::string> Dirs) {
  if (M.roots().size() != Dirs.size())
    return false;
  for (size_t I = 0; I < Dirs.size(); ++I) {
    SmallString<256> Abs(Dirs[I]);
    sys::fs::make_absolute(Abs);
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    if (M.roots()[I] != Abs.str())
      return false;
  }
  return true;
}

int runBuild(const Options &O) {
  if (O.Positional.empty())
    return usageError("build needs at least one DIR");
  if (O.Output.empty())
    return usageError("build needs -o FILE");
  auto Start = std::chrono::steady_clock::now();
  const bool ShowProgress = sys::Process::StandardErrIsDisplayed();

  std::optional<Manifest> M;
  unsigned Reread = 0;
  bool Incremental = false;
  if (sys::fs::exists(O.Output)) {
    Expected<Manifest> Old = Manifest::loadFile(O.Output);
    if (!Old) {
      errs() << "semcom-manifest: warning: " << toString(Old.takeError())
             << "; building from scratch\n";
    } else if (sameRoots(*Old, O.Positional)) {
      Expected<unsigned> N = Old->refresh();
      if (!N) {
        errs() << "semcom-manifest: " << toString(N.takeError()) << '\n';
        return ExitUsage;
      }
      Reread = *N;
      Incremental = true;
      M = std::move(*Old);
    }
  }
  if (!M) {
    auto Progress = [&](size_t Done, size_t Total) {
      if (ShowProgress)
        errs() << "\rsemcom-manifest: read " << Done << "/" << Total
               << " files";
    };
    Expected<Manifest> Built = Manifest::buildFromTree(O.Positional, Progress);
    if (ShowProgress)
      errs() << '\n';
    if (!Built) {
      errs() << "semcom-manifest: " << toString(Built.takeError()) << '\n';
      return ExitUsage;
    }
    Reread = unsigned(Built->fileCount());
    M = std::move(*Built);
  }
  for (const Diagnostic &D : M->diagnostics())
    errs() << D.str() << '\n';
  if (M->fileCount() == 0) {
    errs() << "semcom-manifest: no .ll or .bc files under "
           << join(O.Positional, ", ") << "; nothing written\n";
    return ExitUsage;
  }
  for (const Conflict &C : M->conflicts())
    errs() << "semcom-manifest: conflict: @" << C.Name
           << " is defined public in " << join(C.Files, ", ") << '\n';
  if (Error E = M->writeFile(O.Output)) {
    errs() << "semcom-manifest: " << O.Output << ": " << toString(std::move(E))
           << '\n';
    return ExitUsage;
  }
  double Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  if (O.Json) {
    json::Array Diags, Conflicts;
    for (const Diagnostic &D : M->diagnostics())
      Diags.push_back(json::Object{{"file", text(D.File)},
                                   {"line", int64_t(D.Line)},
                                   {"column", int64_t(D.Column)},
                                   {"message", text(D.Message)}});
    for (const Conflict &C : M->conflicts()) {
      json::Array Files;
      for (const std::string &F : C.Files)
        Files.push_back(text(F));
      Conflicts.push_back(
          json::Object{{"name", text(C.Name)}, {"files", std::move(Files)}});
    }
    outs() << formatv("{0:2}", json::Value(json::Object{
                                   {"output", text(O.Output)},
                                   {"files", int64_t(M->fileCount())},
                                   {"functions", int64_t(M->entries().size())},
                                   {"reread", int64_t(Reread)},
                                   {"incremental", Incremental},
                                   {"diagnostics", std::move(Diags)},
                                   {"conflicts", std::move(Conflicts)}}))
           << '\n';
  }
  errs() << "semcom-manifest: " << O.Output << ": " << M->entries().size()
         << " functions from " << M->fileCount() << " files ("
         << (Incremental ? "refreshed, " : "") << Reread << " read) in "
         << format("%.2f", Seconds) << " s\n";
  return M->diagnostics().empty() && M->conflicts().empty() ? ExitOk
                                                            : ExitNotFound;
}

int runLookup(const Options &O) {
  if (O.Positional.size() != 1)
    return usageError("lookup needs exactly one NAME");
  int Exit = ExitOk;
  std::optional<Manifest> M = load(O, Exit);
  if (!M)
    return Exit;
  StringRef Name = StringRef(O.Positional[0]);
  Name.consume_front("@");
  if (const Entry *E = M->lookup(Name)) {
    if (O.Json)
      outs() << formatv("{0:2}", json::Value(entryJson(*E))) << '\n';
    else
      printEntry(outs(), *E);
    return ExitOk;
  }
  if (M->isShim(Name)) {
    if (O.Json)
      outs() << formatv("{0:2}", json::Value(json::Object{{"name", text(Name)},
                                                          {"shim", true}}))
             << '\n';
    else
      outs() << Name << " (shim: provided outside the tree)\n";
    return ExitOk;
  }
  if (O.Json)
    outs() << "null\n";
  errs() << "semcom-manifest: @" << Name << " is not in " << O.ManifestPath;
  if (std::optional<SimilarMatch> S = M->findSimilar(Name))
    errs() << "; did you mean @" << S->Match->Name << "?";
  errs() << '\n';
  return ExitNotFound;
}

int runRelevant(const Options &O) {
  if (O.Positional.empty())
    return usageError("relevant needs at least one text file ('-' for stdin)");
  int Exit = ExitOk;
  std::optional<Manifest> M = load(O, Exit);
  if (!M)
    return Exit;
  std::vector<std::unique_ptr<MemoryBuffer>> Buffers;
  std::vector<StringRef> Texts;
  for (const std::string &Path : O.Positional) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> B =
        MemoryBuffer::getFileOrSTDIN(Path, /*IsText=*/true);
    if (!B) {
      errs() << "semcom-manifest: " << (Path == "-" ? "<stdin>" : Path)
             << ": cannot read: " << B.getError().message() << '\n';
      return ExitUsage;
    }
    Texts.push_back((*B)->getBuffer());
    Buffers.push_back(std::move(*B));
  }
  std::vector<const Entry *> Found = M->collectRelevant(Texts);
  if (O.Json) {
    json::Array A;
    for (const Entry *E : Found)
      A.push_back(entryJson(*E));
    outs() << formatv("{0:2}", json::Value(std::move(A))) << '\n';
  } else {
    for (const Entry *E : Found)
      printEntry(outs(), *E);
  }
  if (Found.empty()) {
    errs() << "semcom-manifest: the texts reference no function in "
           << O.ManifestPath << '\n';
    return ExitNotFound;
  }
  return ExitOk;
}

int runSimilar(const Options &O) {
  if (O.Positional.size() != 1)
    return usageError("similar needs exactly one NAME");
  int Exit = ExitOk;
  std::optional<Manifest> M = load(O, Exit);
  if (!M)
    return Exit;
  StringRef Name = StringRef(O.Positional[0]);
  Name.consume_front("@");
  std::optional<SimilarMatch> S = M->findSimilar(Name, O.Threshold);
  if (!S) {
    if (O.Json)
      outs() << "null\n";
    errs() << "semcom-manifest: nothing in " << O.ManifestPath << " is like @"
           << Name << " (threshold " << format("%.2f", O.Threshold) << ")\n";
    return ExitNotFound;
  }
  if (O.Json) {
    json::Object J = entryJson(*S->Match);
    J["score"] = S->Score;
    outs() << formatv("{0:2}", json::Value(std::move(J))) << '\n';
  } else {
    outs() << format("%.2f", S->Score) << ' ';
    printEntry(outs(), *S->Match);
  }
  return ExitOk;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  Options O;
  if (std::optional<int> Exit = parseArgs(argc, argv, O))
    return *Exit;
  if (O.Help) {
    outs() << Usage;
    return ExitOk;
  }
  if (O.Command.empty()) {
    errs() << Usage;
    return ExitUsage;
  }
  if (O.Command == "build")
    return runBuild(O);
  if (O.Command == "lookup")
    return runLookup(O);
  if (O.Command == "relevant")
    return runRelevant(O);
  if (O.Command == "similar")
    return runSimilar(O);
  return usageError("unknown command '" + O.Command + "'");
}
