//===- TextFormat.cpp - the manifest's text format: parse and serialize ---===//
//
// One entry a line, `name|file|visibility|line|signature` (the seed system's
// format, which still loads), then sections: @declarations, @shims, and what
// refresh() needs (@roots, @files with size|mtime|hash, @diagnostics). Files
// this code writes start with a version line and end with
// @end, so a truncated file is an error rather than a silently smaller
// manifest.
//
//===----------------------------------------------------------------------===//
#include "ManifestImpl.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <tuple>

using namespace llvm;

namespace semcom {
namespace manifest {

namespace {

constexpr StringLiteral VersionLine = "# semcom-manifest 1";

/// Escapes what would break a field: '\', '|', line breaks, and a leading '@'
/// or '#' (which would read as a section or a comment).
std::string escapeField(StringRef S) {
  std::string Out;
  Out.reserve(S.size());
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if (C == '\\' || C == '|' || (I == 0 && (C == '@' || C == '#'))) {
      Out += '\\';
      Out += C;
    } else if (C == '\n') {
      Out += "\\n";
    } else if (C == '\r') {
      Out += "\\r";
    } else {
      Out += C;
    }
  }
  return Out;
}

/// Splits Line into NumFields fields; all but the last are escaped, the last is
/// the raw rest.
bool splitFields(StringRef Line, unsigned NumFields,
                 SmallVectorImpl<std::string> &Fields) {
  Fields.clear();
  std::string Cur;
  size_t I = 0;
  while (Fields.size() + 1 < NumFields) {
    if (I >= Line.size())
      return false;
    char C = Line[I++];
    if (C == '|') {
      Fields.push_back(std::move(Cur));
      Cur.clear();
      continue;
    }
    if (C == '\\' && I < Line.size()) {
      char N = Line[I++];
      Cur += N == 'n' ? '\n' : N == 'r' ? '\r' : N;
      continue;
    }
    Cur += C;
  }
  Fields.push_back(Line.substr(I).str());
  return true;
}

/// Undoes escapeField on a whole line (a section with one value a line).
std::string unescapeAll(StringRef Line) {
  std::string Out;
  Out.reserve(Line.size());
  for (size_t I = 0; I < Line.size(); ++I) {
    char C = Line[I];
    if (C == '\\' && I + 1 < Line.size()) {
      char N = Line[++I];
      Out += N == 'n' ? '\n' : N == 'r' ? '\r' : N;
      continue;
    }
    Out += C;
  }
  return Out;
}

enum class Section {
  Entries,
  Declarations,
  Shims,
  Roots,
  Files,
  Diagnostics,
  End
};

std::optional<Section> sectionNamed(StringRef Name) {
  return StringSwitch<std::optional<Section>>(Name)
      .Case("functions", Section::Entries)
      .Case("declarations", Section::Declarations)
      .Case("shims", Section::Shims)
      .Case("roots", Section::Roots)
      .Case("files", Section::Files)
      .Case("diagnostics", Section::Diagnostics)
      .Case("end", Section::End)
      .Default(std::nullopt);
}

} // namespace

Expected<Manifest> Manifest::parse(StringRef Text, StringRef FileName) {
  Manifest Result;
  Impl &I = *Result.P;
  unsigned LineNo = 0;
  auto Fail = [&](const Twine &Message) {
    return createStringError(inconvertibleErrorCode(), "%s:%u: %s",
                             FileName.str().c_str(), LineNo,
                             Message.str().c_str());
  };
  Section Cur = Section::Entries;
  bool Versioned = false;
  SmallVector<std::string, 5> F;
  std::vector<std::pair<unsigned, unsigned>>
      EntryLines; // entry -> line, for file resolution
  size_t Pos = 0;
  while (Pos < Text.size()) {
    size_t NL = Text.find('\n', Pos);
    StringRef Line = Text.slice(Pos, NL == StringRef::npos ? Text.size() : NL);
    Pos = NL == StringRef::npos ? Text.size() : NL + 1;
    ++LineNo;
    if (Line.ends_with("\r"))
      Line = Line.drop_back();
    if (LineNo == 1 && Line.starts_with("# semcom-manifest")) {
      if (Line != VersionLine)
        return Fail("unsupported manifest version '" + Line.substr(2) +
                    "' (expected '" + VersionLine.substr(2) + "')");
      Versioned = true;
      continue;
    }
    if (LineNo == 1 && Line.size() < VersionLine.size() &&
        VersionLine.starts_with(Line) && !Line.empty())
      return Fail("truncated manifest: the version line is cut short");
    if (Line.trim().empty() || Line.starts_with("#"))
      continue;
    if (Cur == Section::End)
      return Fail("text after @end");
    if (Line.starts_with("@")) {
      std::optional<Section> S = sectionNamed(Line.drop_front().trim());
      if (!S)
        return Fail("unknown section '" + Line + "'");
      Cur = *S;
      continue;
    }
    switch (Cur) {
    case Section::Entries: {
      if (!splitFields(Line, 5, F))
        return Fail(
            "malformed entry: expected name|file|visibility|line|signature");
      Entry E;
      E.Name = F[0];
      E.File = F[1];
      if (E.Name.empty())
        return Fail("malformed entry: empty name");
      if (F[2] == "public")
        E.Vis = Visibility::Public;
      else if (F[2] == "private")
        E.Vis = Visibility::Private;
      else
        return Fail("malformed entry: visibility '" + F[2] +
                    "' is neither public nor private");
      if (StringRef(F[3]).getAsInteger(10, E.Line))
        return Fail("malformed entry: line '" + F[3] + "' is not a number");
      E.Signature = F[4];
      std::optional<std::string> SigName = nameFromSignature(E.Signature);
      if (!SigName || !StringRef(E.Signature).trim().ends_with(")"))
        return Fail("malformed entry: '" + E.Signature +
                    "' is not a complete signature");
      if (*SigName != E.Name)
        return Fail("malformed entry: name '" + E.Name +
                    "' but the signature names '" + *SigName + "'");
      I.Entries.push_back(std::move(E));
      I.EntryFile.push_back(~0u);
      break;
    }
    case Section::Declarations: {
      StringRef Sig = Line.trim();
      std::optional<std::string> Name = declarationName(Sig);
      if (!Name)
        return Fail("malformed declaration: '" + Sig +
                    "' is not a complete signature");
      Entry E;
      E.Name = *Name;
      E.Signature = Sig.str();
      E.IsDeclaration = true;
      I.Entries.push_back(std::move(E));
      I.EntryFile.push_back(~0u);
      break;
    }
    case Section::Shims:
      Result.addShim(StringRef(unescapeAll(Line)).trim());
      break;
    case Section::Roots:
      I.Roots.push_back(unescapeAll(Line));
      if (!sys::path::is_absolute(I.Roots.back()))
        return Fail("malformed root: '" + Line + "' is not an absolute path");
      break;
    case Section::Files: {
      if (!splitFields(Line, 5, F))
        return Fail(
            "malformed file record: expected root|path|size|mtime|hash");
      FileRecord R;
      R.RelPath = F[1];
      if (StringRef(F[0]).getAsInteger(10, R.Root) || R.Root >= I.Roots.size())
        return Fail("malformed file record: root '" + F[0] +
                    "' is not one of the @roots");
      if (R.RelPath.empty())
        return Fail("malformed file record: empty path");
      if (StringRef(F[2]).getAsInteger(10, R.Size) ||
          StringRef(F[3]).getAsInteger(10, R.MTimeNs) || F[4].size() != 16 ||
          StringRef(F[4]).getAsInteger(16, R.Hash))
        return Fail(
            "malformed file record: size, mtime or hash is not a number");
      I.Files.push_back(std::move(R));
      break;
    }
    case Section::Diagnostics: {
      if (!splitFields(Line, 4, F))
        return Fail("malformed diagnostic: expected file|line|column|message");
      Diagnostic D;
      D.File = F[0];
      if (StringRef(F[1]).getAsInteger(10, D.Line) ||
          StringRef(F[2]).getAsInteger(10, D.Column))
        return Fail("malformed diagnostic: line or column is not a number");
      D.Message = F[3];
      I.Diags.push_back(std::move(D));
      break;
    }
    case Section::End:
      break;
    }
  }
  if (Versioned && Cur != Section::End) {
    ++LineNo;
    return Fail("truncated manifest: it ends before @end");
  }
  // Entries belong to the file records that name them (for refresh()).
  StringMap<unsigned> FileIndex;
  for (unsigned FI = 0; FI < I.Files.size(); ++FI)
    FileIndex.try_emplace(I.Files[FI].RelPath, FI);
  for (unsigned E = 0; E < I.Entries.size(); ++E) {
    if (I.Entries[E].IsDeclaration)
      continue;
    auto It = FileIndex.find(I.Entries[E].File);
    if (It != FileIndex.end())
      I.EntryFile[E] = It->second;
  }
  I.reindex();
  return Expected<Manifest>(std::move(Result));
}

std::string Manifest::serialize() const {
  const Impl &I = *P;
  std::string S;
  raw_string_ostream OS(S);
  OS << VersionLine << '\n';
  // File order, then line: the same text however the manifest was assembled
  // (refresh() moves entries around).
  std::vector<unsigned> Order;
  Order.reserve(I.Entries.size());
  for (unsigned E = 0; E < I.Entries.size(); ++E)
    if (!I.Entries[E].IsDeclaration)
      Order.push_back(E);
  std::sort(Order.begin(), Order.end(), [&](unsigned A, unsigned B) {
    // Entries without a file record (seed manifests) come last, in their order.
    unsigned FA = I.EntryFile[A], FB = I.EntryFile[B];
    unsigned LA = FA == ~0u ? 0 : I.Entries[A].Line,
             LB = FB == ~0u ? 0 : I.Entries[B].Line;
    StringRef NA = FA == ~0u ? StringRef() : StringRef(I.Entries[A].Name);
    StringRef NB = FB == ~0u ? StringRef() : StringRef(I.Entries[B].Name);
    return std::make_tuple(FA, LA, NA, A) < std::make_tuple(FB, LB, NB, B);
  });
  for (unsigned Idx : Order) {
    const Entry &E = I.Entries[Idx];
    OS << escapeField(E.Name) << '|' << escapeField(E.File) << '|'
       << (E.Vis == Visibility::Public ? "public" : "private") << '|' << E.Line
       << '|' << E.Signature << '\n';
  }
  bool AnyDecl = false;
  for (const Entry &E : I.Entries)
    if (E.IsDeclaration) {
      if (!AnyDecl)
        OS << "@declarations\n";
      AnyDecl = true;
      OS << E.Signature << '\n';
    }
  if (!I.Shims.empty()) {
    OS << "@shims\n";
    for (const std::string &Name : I.Shims)
      OS << escapeField(Name) << '\n';
  }
  if (!I.Roots.empty()) {
    OS << "@roots\n";
    for (const std::string &Root : I.Roots)
      OS << escapeField(Root) << '\n';
  }
  if (!I.Files.empty()) {
    OS << "@files\n";
    for (const FileRecord &R : I.Files)
      OS << R.Root << '|' << escapeField(R.RelPath) << '|' << R.Size << '|'
         << R.MTimeNs << '|' << format_hex_no_prefix(R.Hash, 16) << '\n';
  }
  if (!I.Diags.empty()) {
    OS << "@diagnostics\n";
    for (const Diagnostic &D : I.Diags) {
      std::string Message = D.Message;
      for (char &C : Message)
        if (C == '\n' || C == '\r')
          C = ' ';
      OS << escapeField(D.File) << '|' << D.Line << '|' << D.Column << '|'
         << Message << '\n';
    }
  }
  OS << "@end\n";
  return S;
}

Expected<Manifest> Manifest::loadFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return createStringError(Buf.getError(), "%s: cannot read: %s",
                             Path.str().c_str(),
                             Buf.getError().message().c_str());
  return parse((*Buf)->getBuffer(), Path);
}

Error Manifest::writeFile(StringRef Path) const {
  std::string Text = serialize();
  // writeToOutput writes a temporary file beside Path and renames it over Path.
  return writeToOutput(Path, [&](raw_ostream &OS) {
    OS << Text;
    return Error::success();
  });
}

} // namespace manifest
} // namespace semcom
