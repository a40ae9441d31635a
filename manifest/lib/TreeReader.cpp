//===- TreeReader.cpp - build and refresh the manifest from .ll/.bc files -===//
//
// The only LLVM-IR-heavy part of the manifest: parses each module in its own
// LLVMContext (so files are read in parallel), prints signatures the way the IR
// writes them, and recovers what it can from the `define` lines of modules that
// do not parse.
//
//===----------------------------------------------------------------------===//
#include "ManifestImpl.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/IRPrintingPasses.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>

using namespace llvm;

namespace semcom {
namespace manifest {

namespace {

bool isIdentChar(char C) {
  return isAlnum(C) || C == '-' || C == '$' || C == '.' || C == '_';
}

/// Prints a function's signature: return attributes, return type, @name, typed
/// parameters with their attributes and names, `...` for varargs. No linkage,
/// visibility or function attributes.
std::string printSignature(const Function &F) {
  std::string S;
  raw_string_ostream OS(S);
  AttributeList Attrs = F.getAttributes();
  AttributeSet RetAttrs = Attrs.getRetAttrs();
  if (RetAttrs.hasAttributes())
    OS << RetAttrs.getAsString() << ' ';
  F.getReturnType()->print(OS, /*IsForDebug=*/false, /*NoDetails=*/true);
  OS << " @";
  printLLVMNameWithoutPrefix(OS, F.getName());
  OS << '(';
  unsigned UnnamedSlot =
      0; // unnamed arguments are numbered %0, %1, … like the IR writer does
  for (const Argument &A : F.args()) {
    if (A.getArgNo())
      OS << ", ";
    A.getType()->print(OS, /*IsForDebug=*/false, /*NoDetails=*/true);
    AttributeSet ParamAttrs = Attrs.getParamAttrs(A.getArgNo());
    if (ParamAttrs.hasAttributes())
      OS << ' ' << ParamAttrs.getAsString();
    OS << " %";
    if (A.hasName())
      printLLVMNameWithoutPrefix(OS, A.getName());
    else
      OS << UnnamedSlot++;
  }
  if (F.isVarArg())
    OS << (F.arg_empty() ? "..." : ", ...");
  OS << ')';
  return S;
}

// Keywords that may precede the return type on a `define` line and are not part
// of the signature.
bool isPreambleKeyword(StringRef Tok, bool &IsNonExternalLinkage) {
  static const char *const Linkages[] = {
      "private",   "internal",    "available_externally",
      "linkonce",  "weak",        "common",
      "appending", "extern_weak", "linkonce_odr",
      "weak_odr"};
  for (const char *L : Linkages)
    if (Tok == L) {
      IsNonExternalLinkage = true;
      return true;
    }
  static const char *const Others[] = {
      "external",   "default",    "hidden",    "protected",
      "dllimport",  "dllexport",  "dso_local", "dso_preemptable",
      "ptx_kernel", "ptx_device", "spir_func", "spir_kernel"};
  for (const char *O : Others)
    if (Tok == O)
      return true;
  // Calling conventions: `fastcc`, `x86_stdcallcc`, `ghccc`, … all end in "cc";
  // `cc N` is handled by the caller.
  return Tok.size() > 2 && Tok.ends_with("cc") &&
         all_of(Tok, [](char C) { return isAlnum(C) || C == '_'; });
}

/// Finds the ')' closing the '(' at Text[0]; npos when it is not there.
size_t findClosingParen(StringRef Text) {
  int Depth = 0;
  bool InQuote = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InQuote) {
      InQuote = C != '"';
      continue;
    }
    if (C == '"')
      InQuote = true;
    else if (C == '(' || C == '{' || C == '[' || C == '<')
      ++Depth;
    else if (C == ')' || C == '}' || C == ']' || C == '>') {
      if (--Depth == 0)
        return C == ')' ? I : StringRef::npos;
      if (Depth < 0)
        return StringRef::npos;
    }
  }
  return StringRef::npos;
}

std::string collapseSpaces(StringRef S) {
  std::string Out;
  Out.reserve(S.size());
  bool Space = false;
  for (char C : S) {
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

int64_t mtimeNs(const sys::fs::file_status &St) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             St.getLastModificationTime().time_since_epoch())
      .count();
}

/// A `.ll`/`.bc` file found under a root.
struct FoundFile {
  unsigned Root;
  std::string RelPath;
  std::string AbsPath;
  uint64_t Size;
  int64_t MTimeNs;
};

/// Lists the `.ll` and `.bc` files under Root (sorted); directories starting
/// with '.' are skipped
/// (.git, .semcom). Problems listing a subdirectory become diagnostics.
void listTree(const std::string &Root, unsigned RootIdx,
              std::vector<FoundFile> &Out, std::vector<Diagnostic> &Diags) {
  std::error_code EC;
  size_t FirstNew = Out.size();
  // Symlinks are not followed into directories (no cycles); a symlink to a file
  // counts.
  for (sys::fs::recursive_directory_iterator
           It(Root, EC, /*follow_symlinks=*/false),
       End;
       It != End && !EC; It.increment(EC)) {
    StringRef Path = It->path();
    StringRef Base = sys::path::filename(Path);
    sys::fs::file_type Type = It->type();
    if (Type == sys::fs::file_type::directory_file) {
      if (Base.starts_with("."))
        It.no_push();
      continue;
    }
    if (!Base.ends_with(".ll") && !Base.ends_with(".bc"))
      continue;
    sys::fs::file_status St;
    if (std::error_code SEC = sys::fs::status(Path, St)) {
      Diags.push_back({Path.str(), 0, 0, "cannot stat: " + SEC.message()});
      continue;
    }
    if (St.type() != sys::fs::file_type::regular_file)
      continue;
    std::string Rel = Path.substr(Root.size()).ltrim("/").str();
    Out.push_back(
        {RootIdx, std::move(Rel), Path.str(), St.getSize(), mtimeNs(St)});
  }
  if (EC)
    Diags.push_back({Root, 0, 0, "cannot list directory: " + EC.message()});
  std::sort(Out.begin() + FirstNew, Out.end(),
            [](const FoundFile &A, const FoundFile &B) {
              return A.RelPath < B.RelPath;
            });
}

/// Reads the files (in parallel when there are several) into Results, index for
/// index. A file whose content hash equals KnownHash[i] (when given) is marked
/// Unchanged and not parsed.
void readFiles(const std::vector<FoundFile> &Files,
               const std::vector<std::optional<uint64_t>> &Known,
               std::vector<FileResult> &Results,
               function_ref<void(size_t, size_t)> Progress = nullptr) {
  Results.resize(Files.size());
  std::atomic<size_t> Done{0};
  std::mutex ProgressMutex;
  const size_t Every = std::max<size_t>(1, Files.size() / 50);
  auto ReadOne = [&](size_t I) {
    Results[I] =
        readModuleFile(Files[I].AbsPath, Files[I].Root, Files[I].RelPath,
                       Known.empty() ? std::nullopt : Known[I]);
    size_t N = ++Done;
    if (Progress && (N % Every == 0 || N == Files.size())) {
      std::lock_guard<std::mutex> Lock(ProgressMutex);
      Progress(N, Files.size());
    }
  };
  unsigned Threads = std::min<size_t>(
      llvm::hardware_concurrency().compute_thread_count(), Files.size());
  if (Threads <= 1 || Files.size() < 4) {
    for (size_t I = 0; I < Files.size(); ++I)
      ReadOne(I);
    return;
  }
  DefaultThreadPool Pool(hardware_concurrency(Threads));
  // Batches keep the task overhead small next to parsing tiny modules.
  const size_t Batch =
      std::max<size_t>(1, std::min<size_t>(32, Files.size() / (Threads * 8)));
  for (size_t Begin = 0; Begin < Files.size(); Begin += Batch) {
    size_t End = std::min(Files.size(), Begin + Batch);
    Pool.async([&ReadOne, Begin, End] {
      for (size_t I = Begin; I < End; ++I)
        ReadOne(I);
    });
  }
  Pool.wait();
}

/// Lists every root; a file reachable from two (nested) roots is listed once,
/// under the first.
std::vector<FoundFile> listRoots(ArrayRef<std::string> Roots,
                                 std::vector<Diagnostic> &Diags) {
  std::vector<FoundFile> Found;
  for (unsigned R = 0; R < Roots.size(); ++R)
    listTree(Roots[R], R, Found, Diags);
  if (Roots.size() > 1) {
    StringSet<> Seen;
    llvm::erase_if(Found, [&](const FoundFile &F) {
      return !Seen.insert(F.AbsPath).second;
    });
  }
  return Found;
}

} // namespace

bool readGlobalName(StringRef S, std::string &Name, size_t &Len) {
  if (S.size() < 2 || S[0] != '@')
    return false;
  if (S[1] == '"') {
    size_t Close = S.find('"', 2);
    if (Close == StringRef::npos)
      return false;
    StringRef Raw = S.slice(2, Close);
    Name.clear();
    for (size_t I = 0; I < Raw.size(); ++I) {
      if (Raw[I] == '\\' && I + 1 < Raw.size() && Raw[I + 1] == '\\') {
        Name += '\\';
        ++I;
      } else if (Raw[I] == '\\' && I + 2 < Raw.size() &&
                 isHexDigit(Raw[I + 1]) && isHexDigit(Raw[I + 2])) {
        Name += char(hexFromNibbles(Raw[I + 1], Raw[I + 2]));
        I += 2;
      } else {
        Name += Raw[I];
      }
    }
    Len = Close + 1;
    return !Name.empty();
  }
  size_t I = 1;
  while (I < S.size() && isIdentChar(S[I]))
    ++I;
  if (I == 1)
    return false;
  Name = S.slice(1, I).str();
  Len = I;
  // @0, @1: unnamed globals, not callable by name from another module.
  return !all_of(Name, isDigit);
}

std::optional<std::string> declarationName(StringRef Sig) {
  size_t At = Sig.find('@');
  std::string Name;
  size_t Len;
  if (At == 0 || At == StringRef::npos || Sig.starts_with("#") ||
      Sig.find_first_of("\r\n") != StringRef::npos || !Sig.ends_with(")") ||
      !readGlobalName(Sig.substr(At), Name, Len) ||
      !Sig.substr(At + Len).ltrim(" \t").starts_with("("))
    return std::nullopt;
  return Name;
}

std::optional<std::string> nameFromSignature(StringRef Sig) {
  size_t At = Sig.find('@');
  std::string Name;
  size_t Len;
  if (At == StringRef::npos || !readGlobalName(Sig.substr(At), Name, Len))
    return std::nullopt;
  return Name;
}

void scanDefineLines(StringRef Text, StringRef RelPath,
                     StringMap<unsigned> *LineOfName,
                     std::vector<Entry> *Recovered) {
  unsigned LineNo = 0;
  size_t Pos = 0;
  while (Pos < Text.size()) {
    size_t NL = Text.find('\n', Pos);
    StringRef Line = Text.slice(Pos, NL == StringRef::npos ? Text.size() : NL);
    size_t LineStart = Pos;
    Pos = NL == StringRef::npos ? Text.size() : NL + 1;
    ++LineNo;
    StringRef L = Line.ltrim(" \t");
    if (!L.starts_with("define") || L.size() < 7 ||
        (L[6] != ' ' && L[6] != '\t'))
      continue;
    size_t At = L.find('@');
    std::string Name;
    size_t NameLen;
    if (At == StringRef::npos || !readGlobalName(L.substr(At), Name, NameLen))
      continue;
    if (LineOfName)
      LineOfName->try_emplace(Name, LineNo);
    if (!Recovered)
      continue;

    // Drop linkage, visibility, DLL storage, preemption and calling convention;
    // keep return attributes and type.
    StringRef Preamble = L.slice(6, At).trim();
    bool NonExternal = false;
    while (!Preamble.empty()) {
      auto [Tok, Rest] = Preamble.split(' ');
      Tok = Tok.trim();
      if (Tok == "cc") { // `cc 10`
        Preamble = Rest.trim().split(' ').second.trim();
        continue;
      }
      if (!isPreambleKeyword(Tok, NonExternal))
        break;
      Preamble = Rest.trim();
    }
    // The parameter list may run over several lines; look a little further when
    // it does.
    StringRef AfterName =
        Text.substr(LineStart + (L.data() - Line.data()) + At + NameLen);
    AfterName = AfterName.substr(0, std::min<size_t>(AfterName.size(), 4096));
    if (!AfterName.starts_with("("))
      continue;
    size_t Close = findClosingParen(AfterName);
    if (Close == StringRef::npos)
      continue;
    std::string Sig = collapseSpaces(Preamble);
    if (!Sig.empty())
      Sig += ' ';
    Sig += L.substr(At, NameLen).str();
    Sig += collapseSpaces(AfterName.substr(0, Close + 1));
    Entry E;
    E.Name = std::move(Name);
    E.File = RelPath.str();
    E.Vis = NonExternal ? Visibility::Private : Visibility::Public;
    E.Line = LineNo;
    E.Signature = std::move(Sig);
    Recovered->push_back(std::move(E));
  }
}

FileResult readModuleFile(const std::string &AbsPath, unsigned Root,
                          std::string RelPath,
                          std::optional<uint64_t> KnownHash) {
  FileResult R;
  R.Record.Root = Root;
  R.Record.RelPath = std::move(RelPath);
  const std::string &Rel = R.Record.RelPath;
  sys::fs::file_status St;
  if (std::error_code EC = sys::fs::status(AbsPath, St)) {
    R.Readable = false;
    R.Diags.push_back({Rel, 0, 0, "cannot read: " + EC.message()});
    return R;
  }
  R.Record.Size = St.getSize();
  R.Record.MTimeNs = mtimeNs(St);
  ErrorOr<std::unique_ptr<MemoryBuffer>> BufOrErr = MemoryBuffer::getFile(
      AbsPath, /*IsText=*/false, /*RequiresNullTerminator=*/true);
  if (!BufOrErr) {
    R.Readable = false;
    R.Diags.push_back(
        {Rel, 0, 0, "cannot read: " + BufOrErr.getError().message()});
    return R;
  }
  MemoryBuffer &Buf = **BufOrErr;
  R.Record.Size = Buf.getBufferSize();
  R.Record.Hash = xxh3_64bits(Buf.getBuffer());
  if (KnownHash && *KnownHash == R.Record.Hash) {
    R.Unchanged = true;
    return R;
  }

  const bool IsBitcode =
      isBitcode(reinterpret_cast<const unsigned char *>(Buf.getBufferStart()),
                reinterpret_cast<const unsigned char *>(Buf.getBufferEnd()));
  StringMap<unsigned> LineOfName;
  if (!IsBitcode)
    scanDefineLines(Buf.getBuffer(), Rel, &LineOfName, nullptr);

  LLVMContext Ctx;
  Ctx.setDiagnosticHandlerCallBack(
      [](const DiagnosticInfo *, void *) {}); // warnings: not ours
  SMDiagnostic Err;
  std::unique_ptr<Module> M = parseIR(Buf.getMemBufferRef(), Err, Ctx);
  if (!M) {
    Diagnostic D;
    D.File = Rel;
    D.Line = Err.getLineNo() > 0 ? unsigned(Err.getLineNo()) : 0;
    D.Column =
        D.Line && Err.getColumnNo() >= 0 ? unsigned(Err.getColumnNo()) + 1 : 0;
    D.Message = Err.getMessage().str();
    if (D.Message.empty())
      D.Message = "cannot parse";
    R.Diags.push_back(std::move(D));
    if (!IsBitcode)
      scanDefineLines(Buf.getBuffer(), Rel, nullptr, &R.Entries);
    return R;
  }
  for (const Function &F : *M) {
    if (F.isDeclaration() || !F.hasName())
      continue;
    Entry E;
    E.Name = F.getName().str();
    E.File = Rel;
    E.Vis = F.hasExternalLinkage() ? Visibility::Public : Visibility::Private;
    auto It = LineOfName.find(E.Name);
    E.Line = It == LineOfName.end() ? 0 : It->second;
    E.Signature = printSignature(F);
    R.Entries.push_back(std::move(E));
  }
  return R;
}

Expected<Manifest> Manifest::buildFromTree(ArrayRef<std::string> Roots) {
  return buildFromTree(Roots, nullptr);
}

Expected<Manifest>
Manifest::buildFromTree(ArrayRef<std::string> Roots,
                        function_ref<void(size_t, size_t)> Progress) {
  Manifest Result;
  Impl &I = *Result.P;
  std::vector<FoundFile> Found;
  for (const std::string &Root : Roots) {
    SmallString<256> Abs(Root);
    if (std::error_code EC = sys::fs::make_absolute(Abs))
      return createStringError(EC, "%s: %s", Root.c_str(),
                               EC.message().c_str());
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    sys::fs::file_status St;
    if (std::error_code EC = sys::fs::status(Abs, St))
      return createStringError(EC, "%s: %s", Root.c_str(),
                               EC.message().c_str());
    if (St.type() != sys::fs::file_type::directory_file)
      return createStringError(inconvertibleErrorCode(), "%s: not a directory",
                               Root.c_str());
    I.Roots.push_back(Abs.str().str());
  }
  Found = listRoots(I.Roots, I.Diags);
  std::vector<FileResult> Results;
  readFiles(Found, {}, Results, Progress);
  for (FileResult &FR : Results)
    I.addFileResult(std::move(FR));
  I.reindex();
  return Expected<Manifest>(std::move(Result));
}

Expected<unsigned> Manifest::refresh() {
  Impl &I = *P;
  if (I.Roots.empty())
    return 0;
  for (const std::string &Root : I.Roots)
    if (!sys::fs::is_directory(Root))
      return createStringError(inconvertibleErrorCode(), "%s: not a directory",
                               Root.c_str());

  std::vector<Diagnostic> WalkDiags;
  std::vector<FoundFile> Found = listRoots(I.Roots, WalkDiags);

  std::vector<StringMap<unsigned>> OldIndex(
      I.Roots.size()); // per root: path -> old file
  for (unsigned F = 0; F < I.Files.size(); ++F)
    if (I.Files[F].Root < OldIndex.size())
      OldIndex[I.Files[F].Root].try_emplace(I.Files[F].RelPath, F);

  // Decide per file: keep (same size and mtime), or read (and maybe find the
  // same content).
  std::vector<int> OldOf(Found.size(), -1);
  std::vector<FoundFile> ToRead;
  std::vector<std::optional<uint64_t>> ToReadKnown;
  std::vector<size_t> ToReadPos;
  for (size_t N = 0; N < Found.size(); ++N) {
    const StringMap<unsigned> &InRoot = OldIndex[Found[N].Root];
    auto It = InRoot.find(Found[N].RelPath);
    if (It != InRoot.end()) {
      OldOf[N] = int(It->second);
      const FileRecord &Old = I.Files[It->second];
      if (Old.Size == Found[N].Size && Old.MTimeNs == Found[N].MTimeNs)
        continue;
    }
    ToRead.push_back(Found[N]);
    ToReadKnown.push_back(OldOf[N] >= 0
                              ? std::optional<uint64_t>(I.Files[OldOf[N]].Hash)
                              : std::nullopt);
    ToReadPos.push_back(N);
  }
  std::vector<FileResult> ReadResults;
  readFiles(ToRead, ToReadKnown, ReadResults);
  std::vector<FileResult *> Fresh(Found.size(), nullptr);
  for (size_t K = 0; K < ToReadPos.size(); ++K)
    Fresh[ToReadPos[K]] = &ReadResults[K];

  // Old files that stay (same content): where they go in the new file list.
  // Everything else of the old list (deleted, changed) loses its entries.
  std::vector<FileRecord> OldFiles = std::move(I.Files);
  std::vector<unsigned> NewOfOld(OldFiles.size(), ~0u);
  StringMap<std::vector<Diagnostic>> OldDiags;
  for (Diagnostic &D : I.Diags)
    OldDiags[D.File].push_back(std::move(D));
  I.Files.clear();
  I.Diags = std::move(WalkDiags);
  std::vector<std::pair<unsigned, FileResult *>>
      Added; // new file index, what was read
  for (size_t N = 0; N < Found.size(); ++N) {
    FileResult *FR = Fresh[N];
    int Old = OldOf[N];
    if (Old >= 0 && (!FR || FR->Unchanged)) {
      FileRecord R = OldFiles[Old];
      R.Size = Found[N].Size;
      R.MTimeNs = Found[N].MTimeNs;
      if (FR)
        R = FR->Record;
      NewOfOld[Old] = unsigned(I.Files.size());
      I.Files.push_back(std::move(R));
      auto DIt = OldDiags.find(Found[N].RelPath);
      if (DIt != OldDiags.end())
        for (Diagnostic &D : DIt->second)
          I.Diags.push_back(std::move(D));
      continue;
    }
    for (Diagnostic &D : FR->Diags)
      I.Diags.push_back(std::move(D));
    FR->Diags.clear();
    if (!FR->Readable && FR->Entries.empty())
      continue; // unreadable: no record, so the next refresh tries again
    Added.push_back({unsigned(I.Files.size()), FR});
    I.Files.push_back(FR->Record);
  }

  // Entries: drop those of changed and deleted files (largest index first, so
  // the entry moved into a hole is never one still to drop), renumber files,
  // add the new ones. Only the names involved are touched in the index.
  std::vector<unsigned> Drop;
  for (unsigned E = 0; E < I.Entries.size(); ++E) {
    unsigned F = I.EntryFile[E];
    if (F == ~0u ? !I.Entries[E].IsDeclaration : NewOfOld[F] == ~0u)
      Drop.push_back(E);
  }
  for (auto It = Drop.rbegin(); It != Drop.rend(); ++It)
    I.removeEntry(*It);
  for (unsigned &F : I.EntryFile)
    if (F != ~0u)
      F = NewOfOld[F];
  for (auto &[FileIdx, FR] : Added)
    for (Entry &E : FR->Entries) {
      I.Entries.push_back(std::move(E));
      I.EntryFile.push_back(FileIdx);
      I.indexEntry(unsigned(I.Entries.size() - 1));
    }
  if (!Drop.empty() || !Added.empty()) {
    I.recomputeConflicts();
    I.invalidateSimilar();
  }
  return unsigned(ToRead.size());
}

} // namespace manifest
} // namespace semcom
