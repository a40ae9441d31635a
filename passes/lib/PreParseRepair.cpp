//===- PreParseRepair.cpp - repair model-written IR that does not parse yet
//-===//
//
// Every repair works on whole lines that remember the line of the input they
// came from, so the notes and a final diagnostic point at the text the model
// wrote, not at an intermediate copy.
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/PreParseRepair.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

using namespace llvm;

namespace semcom {
namespace fixup {

char ParseFailure::ID = 0;

std::string RepairNote::str() const {
  std::string S;
  raw_string_ostream OS(S);
  if (Line)
    OS << "line " << Line << ": ";
  OS << Kind << ": " << Message;
  return S;
}

void ParseFailure::log(raw_ostream &OS) const {
  OS << File;
  if (Line) {
    OS << ":" << Line;
    if (Column)
      OS << ":" << Column;
  }
  OS << ": error: " << Message;
}

std::error_code ParseFailure::convertToErrorCode() const {
  return std::make_error_code(std::errc::invalid_argument);
}

namespace {

/// The IR as lines, each with the 1-based line of the original input it came
/// from (0 = added).
struct Lines {
  std::vector<std::string> Text;
  std::vector<unsigned> Orig;

  static Lines split(StringRef S) {
    Lines L;
    unsigned N = 0;
    while (!S.empty() || N == 0) {
      auto [Line, Rest] = S.split('\n');
      ++N;
      if (Line.ends_with("\r"))
        Line = Line.drop_back();
      L.Text.push_back(Line.str());
      L.Orig.push_back(N);
      if (Rest.empty() && !S.contains('\n'))
        break;
      S = Rest;
      if (S.empty())
        break;
    }
    return L;
  }
  std::string join() const {
    std::string S;
    for (const std::string &T : Text) {
      S += T;
      S += '\n';
    }
    return S;
  }
  unsigned origOf(size_t Idx) const {
    return Idx < Orig.size() ? Orig[Idx] : 0;
  }
  void insert(size_t Idx, std::string T) {
    Text.insert(Text.begin() + Idx, std::move(T));
    Orig.insert(Orig.begin() + Idx, 0);
  }
  void erase(size_t Idx) {
    Text.erase(Text.begin() + Idx);
    Orig.erase(Orig.begin() + Idx);
  }
};

void note(std::vector<RepairNote> &Notes, StringRef Kind, unsigned Line,
          const Twine &Msg) {
  Notes.push_back({Kind.str(), Line, Msg.str()});
}

StringRef firstWord(StringRef Line) {
  Line = Line.ltrim();
  return Line.take_until(
      [](char C) { return isSpace(C) || C == '(' || C == '='; });
}

/// A line that can begin LLVM IR at top level (not inside a function body).
bool isTopLevelIRLine(StringRef Line) {
  StringRef T = Line.ltrim();
  if (T.empty())
    return false;
  if (T.starts_with(";") || T.starts_with("@") || T.starts_with("%") ||
      T.starts_with("!") || T.starts_with("$") || T.starts_with("}"))
    return true;
  StringRef W = firstWord(T);
  return W == "define" || W == "declare" || W == "target" ||
         W == "source_filename" || W == "attributes" || W == "module" ||
         W == "uselistorder";
}

/// A line that looks like the inside of a function body: indented instruction
/// or a label.
bool isBodyLine(StringRef Line) {
  if (Line.empty())
    return true;
  if (isSpace(Line.front()))
    return true;
  StringRef T = Line.rtrim();
  // `entry:` or `bb1:` possibly followed by a `; preds` comment.
  StringRef Head = T.split(';').first.rtrim();
  return Head.ends_with(":") && !Head.contains(' ');
}

bool looksLikeIR(StringRef Block) {
  return Block.contains("define ") || Block.contains("declare ") ||
         Block.contains("@") || Block.contains("target triple");
}

//===-- markdown and prose ------------------------------------------------===//

bool stripMarkdown(Lines &L, std::vector<RepairNote> &Notes) {
  // Fences: keep the contents of every fenced block that holds IR, in order.
  std::vector<std::pair<size_t, size_t>>
      Blocks; // [first content line, fence line)
  std::optional<size_t> Open;
  for (size_t I = 0; I < L.Text.size(); ++I) {
    if (!StringRef(L.Text[I]).ltrim().starts_with("```"))
      continue;
    if (Open) {
      Blocks.push_back({*Open, I});
      Open.reset();
    } else {
      Open = I + 1;
    }
  }
  if (Open) // an unterminated fence runs to the end
    Blocks.push_back({*Open, L.Text.size()});
  if (!Blocks.empty()) {
    Lines Kept;
    for (auto [B, E] : Blocks) {
      std::string Joined;
      for (size_t I = B; I < E; ++I)
        Joined += L.Text[I] + "\n";
      if (!looksLikeIR(Joined))
        continue;
      for (size_t I = B; I < E; ++I) {
        Kept.Text.push_back(L.Text[I]);
        Kept.Orig.push_back(L.Orig[I]);
      }
    }
    if (Kept.Text.empty())
      return false;
    note(Notes, "fence",
         L.origOf(Blocks.front().first - (Blocks.front().first ? 1 : 0)),
         "kept the IR inside " + Twine(Blocks.size()) +
             " markdown fence(s), dropped " +
             Twine(L.Text.size() - Kept.Text.size()) + " other line(s)");
    L = std::move(Kept);
    return true;
  }

  // No fences: drop prose before the first and after the last line of IR.
  size_t First = 0;
  while (First < L.Text.size() && !isTopLevelIRLine(L.Text[First]))
    ++First;
  if (First == L.Text.size())
    return false;
  size_t Last = L.Text.size();
  // Trailing prose: lines at column 0 that are neither IR nor a label, and
  // blank lines.
  while (Last > First) {
    StringRef T = L.Text[Last - 1];
    if (T.trim().empty() || (!isTopLevelIRLine(T) && !isBodyLine(T)))
      --Last;
    else
      break;
  }
  bool Changed = false;
  if (Last < L.Text.size()) {
    bool AnyProse = false;
    for (size_t I = Last; I < L.Text.size(); ++I)
      AnyProse |= !StringRef(L.Text[I]).trim().empty();
    if (AnyProse) {
      note(Notes, "prose", L.origOf(Last),
           "dropped " + Twine(L.Text.size() - Last) +
               " line(s) of text after the IR");
      Changed = true;
    }
    L.Text.resize(Last);
    L.Orig.resize(Last);
  }
  if (First > 0) {
    bool AnyProse = false;
    for (size_t I = 0; I < First; ++I)
      AnyProse |= !StringRef(L.Text[I]).trim().empty();
    if (AnyProse) {
      note(Notes, "prose", L.origOf(0),
           "dropped " + Twine(First) + " line(s) of text before the IR");
      Changed = true;
    }
    L.Text.erase(L.Text.begin(), L.Text.begin() + First);
    L.Orig.erase(L.Orig.begin(), L.Orig.begin() + First);
  }
  return Changed;
}

//===-- string byte counts ------------------------------------------------===//

/// Scans a balanced type starting at P (whitespace skipped); returns its end.
size_t scanType(StringRef S, size_t P) {
  while (P < S.size() && isSpace(S[P]))
    ++P;
  if (P >= S.size())
    return P;
  char C = S[P];
  if (C == '[' || C == '{' || C == '<') {
    int Depth = 0;
    for (; P < S.size(); ++P) {
      char D = S[P];
      if (D == '[' || D == '{' || D == '<' || D == '(')
        ++Depth;
      else if (D == ']' || D == '}' || D == '>' || D == ')') {
        if (--Depth == 0)
          return P + 1;
      }
    }
    return P;
  }
  if (C == '%' && P + 1 < S.size() && S[P + 1] == '"') {
    size_t E = S.find('"', P + 2);
    return E == StringRef::npos ? S.size() : E + 1;
  }
  while (P < S.size() && (isAlnum(S[P]) || StringRef("%._-$").contains(S[P])))
    ++P;
  return P;
}

/// Scans an untyped constant value (a number, `ptr @x`'s `@x`,
/// `zeroinitializer`, a constant expression) to the `,` or closing bracket that
/// ends it.
size_t scanValue(StringRef S, size_t P) {
  int Depth = 0;
  for (; P < S.size(); ++P) {
    char C = S[P];
    if (C == '"') {
      size_t E = S.find('"', P + 1);
      if (E == StringRef::npos)
        return S.size();
      P = E;
      continue;
    }
    if (C == '(' || C == '[' || C == '{' || C == '<')
      ++Depth;
    else if (C == ')' || C == ']' || C == '}' || C == '>') {
      if (Depth == 0)
        return P;
      --Depth;
    } else if ((C == ',' || C == ';') && Depth == 0)
      return P;
  }
  return P;
}

std::optional<uint64_t> byteArrayLength(StringRef Type) {
  // "[N x i8]"
  Type = Type.trim();
  if (!Type.consume_front("[") || !Type.consume_back("]"))
    return std::nullopt;
  auto [N, Elt] = Type.split(" x ");
  uint64_t V;
  if (N.trim().getAsInteger(10, V) || Elt.trim() != "i8")
    return std::nullopt;
  return V;
}

/// Replaces C escapes that LLVM does not know (`\n`, `\t`, `\r`, `\0` not
/// followed by a hex digit) by LLVM's `\XX`; models write them and mean the C
/// byte.
std::string convertCEscapes(StringRef Body, bool &Changed) {
  std::string Out;
  for (size_t I = 0; I < Body.size(); ++I) {
    char C = Body[I];
    if (C != '\\' || I + 1 >= Body.size()) {
      Out += C;
      continue;
    }
    char N = Body[I + 1];
    if (N == '\\') {
      Out += "\\\\";
      ++I;
      continue;
    }
    if (I + 2 < Body.size() && isHexDigit(N) && isHexDigit(Body[I + 2])) {
      Out += Body.substr(I, 3).str();
      I += 2;
      continue;
    }
    const char *Rep = N == 'n'   ? "\\0A"
                      : N == 't' ? "\\09"
                      : N == 'r' ? "\\0D"
                      : N == '0' ? "\\00"
                                 : nullptr;
    if (!Rep) {
      Out += C;
      continue;
    }
    Out += Rep;
    Changed = true;
    ++I;
  }
  return Out;
}

/// A typed constant rewritten so that its type agrees with its value.
struct TypedConst {
  std::string Type, Value;
  bool IsBytes = false; ///< `[N x i8] c"…"`
  uint64_t Bytes = 0;
  bool Changed = false;
};

struct ByteCountFixer {
  StringRef S;
  std::vector<std::string> Msgs;

  /// Parses "TYPE VALUE" at P; P is left after the value. nullopt when the text
  /// is not something this fixer understands.
  std::optional<TypedConst> typed(size_t &P, unsigned Depth = 0) {
    // Real initializers nest a few levels; hostile input must not exhaust the
    // stack.
    if (Depth > 64)
      return std::nullopt;
    size_t TB = P;
    while (TB < S.size() && isSpace(S[TB]))
      ++TB;
    size_t TE = scanType(S, TB);
    if (TE == TB)
      return std::nullopt;
    TypedConst R;
    R.Type = S.slice(TB, TE).str();
    size_t VB = TE;
    while (VB < S.size() && isSpace(S[VB]))
      ++VB;
    if (S.substr(VB).starts_with("c\"")) {
      size_t VE = S.find('"', VB + 2);
      if (VE == StringRef::npos)
        return std::nullopt;
      StringRef Body = S.slice(VB + 2, VE);
      P = VE + 1;
      R.Value = S.slice(VB, VE + 1).str();
      std::optional<uint64_t> Declared = byteArrayLength(R.Type);
      if (!Declared)
        return R;
      R.IsBytes = true;
      R.Bytes = countLiteralBytes(Body);
      if (R.Bytes != *Declared) {
        bool Converted = false;
        std::string NewBody = convertCEscapes(Body, Converted);
        if (Converted) {
          R.Bytes = countLiteralBytes(NewBody);
          R.Value = "c\"" + NewBody + "\"";
          Msgs.push_back("C escapes \\n/\\t/\\r/\\0 written as LLVM's \\XX");
        }
        if (R.Bytes != *Declared)
          Msgs.push_back("[" + std::to_string(*Declared) + " x i8] -> [" +
                         std::to_string(R.Bytes) +
                         " x i8] for the bytes of c\"" +
                         (Body.size() > 24 ? Body.take_front(24).str() + "…"
                                           : Body.str()) +
                         "\"");
        R.Type = "[" + std::to_string(R.Bytes) + " x i8]";
        R.Changed = true;
      }
      return R;
    }
    char Open = VB < S.size() ? S[VB] : 0;
    bool Packed = S.substr(VB).starts_with("<{");
    if ((Open == '[' && R.Type.front() == '[') ||
        (Open == '{' && R.Type.front() != '[') || Packed) {
      size_t Q = VB + (Packed ? 2 : 1);
      char Close = Packed ? '}' : Open == '[' ? ']' : '}';
      std::vector<TypedConst> Elts;
      while (true) {
        while (Q < S.size() && isSpace(S[Q]))
          ++Q;
        if (Q < S.size() && S[Q] == Close)
          break;
        std::optional<TypedConst> E = typed(Q, Depth + 1);
        if (!E)
          return std::nullopt;
        Elts.push_back(std::move(*E));
        while (Q < S.size() && isSpace(S[Q]))
          ++Q;
        if (Q < S.size() && S[Q] == ',') {
          ++Q;
          continue;
        }
        if (Q < S.size() && S[Q] == Close)
          break;
        return std::nullopt;
      }
      P = Q + 1 + (Packed ? 1 : 0);
      bool AnyChanged =
          any_of(Elts, [](const TypedConst &E) { return E.Changed; });
      if (Open == '[') {
        // Arrays are homogeneous: strings of different lengths are padded with
        // NULs, as C pads `char t[2][4] = {"abc", "de"}`.
        bool AllBytes = !Elts.empty() && all_of(Elts, [](const TypedConst &E) {
          return E.IsBytes;
        });
        if (AllBytes) {
          uint64_t Max = 0;
          for (const TypedConst &E : Elts)
            Max = std::max(Max, E.Bytes);
          unsigned Padded = 0;
          for (TypedConst &E : Elts)
            if (E.Bytes < Max) {
              std::string Pad;
              for (uint64_t I = E.Bytes; I < Max; ++I)
                Pad += "\\00";
              E.Value.insert(E.Value.size() - 1, Pad);
              E.Type = "[" + std::to_string(Max) + " x i8]";
              E.Bytes = Max;
              E.Changed = AnyChanged = true;
              ++Padded;
            }
          if (Padded)
            Msgs.push_back("padded " + std::to_string(Padded) +
                           " string(s) of a string table with NULs to " +
                           std::to_string(Max) + " bytes");
        }
        bool Same = all_of(
            Elts, [&](const TypedConst &E) { return E.Type == Elts[0].Type; });
        std::string NewType = Elts.empty() || !Same
                                  ? R.Type
                                  : "[" + std::to_string(Elts.size()) + " x " +
                                        Elts[0].Type + "]";
        if (NewType != R.Type) {
          Msgs.push_back(R.Type + " -> " + NewType);
          R.Type = NewType;
          AnyChanged = true;
        }
      } else if (R.Type.front() == '{' || R.Type.front() == '<') {
        std::string NewType = Packed ? "<{ " : "{ ";
        for (size_t I = 0; I < Elts.size(); ++I)
          NewType += (I ? ", " : "") + Elts[I].Type;
        NewType += Packed ? " }>" : " }";
        if (AnyChanged)
          R.Type = NewType;
      }
      if (AnyChanged) {
        std::string V = Packed ? "<{ " : (Open == '[' ? "[" : "{ ");
        for (size_t I = 0; I < Elts.size(); ++I)
          V += (I ? ", " : "") + Elts[I].Type + " " + Elts[I].Value;
        V += Packed ? " }>" : (Open == '[' ? "]" : " }");
        R.Value = V;
        R.Changed = true;
      } else {
        R.Value = S.slice(VB, P).str();
      }
      return R;
    }
    size_t VE = scanValue(S, VB);
    R.Value = S.slice(VB, VE).str();
    P = VE;
    return R;
  }
};

/// The offset of the initializer's type in a global definition line, if it is
/// one.
std::optional<size_t> globalInitializerStart(StringRef Line) {
  StringRef T = Line.ltrim();
  if (!T.starts_with("@"))
    return std::nullopt;
  size_t Eq = Line.find('=');
  if (Eq == StringRef::npos)
    return std::nullopt;
  size_t P = Eq + 1;
  // Skip linkage, visibility and other keywords up to `global` or `constant`.
  while (P < Line.size()) {
    while (P < Line.size() && isSpace(Line[P]))
      ++P;
    size_t E = P;
    while (E < Line.size() && (isAlnum(Line[E]) || Line[E] == '_'))
      ++E;
    if (E == P)
      return std::nullopt;
    StringRef W = Line.slice(P, E);
    if (E < Line.size() && Line[E] == '(') { // addrspace(1), thread_local(...)
      size_t C = Line.find(')', E);
      if (C == StringRef::npos)
        return std::nullopt;
      E = C + 1;
    }
    P = E;
    if (W == "global" || W == "constant")
      return P;
  }
  return std::nullopt;
}

bool fixByteCounts(Lines &L, std::vector<RepairNote> &Notes) {
  bool Changed = false;
  for (size_t I = 0; I < L.Text.size(); ++I) {
    std::string &Line = L.Text[I];
    if (!StringRef(Line).contains("c\""))
      continue;
    if (std::optional<size_t> Start = globalInitializerStart(Line)) {
      ByteCountFixer F{Line, {}};
      size_t P = *Start;
      std::optional<TypedConst> R = F.typed(P);
      if (R && R->Changed) {
        size_t B = *Start;
        while (B < Line.size() && isSpace(Line[B]))
          ++B;
        Line = Line.substr(0, B) + R->Type + " " + R->Value + Line.substr(P);
        for (const std::string &M : F.Msgs)
          note(Notes, "byte-count", L.origOf(I), M);
        Changed = true;
        continue;
      }
    }
    // Elsewhere (a `store [N x i8] c"…"` in a body): each literal on its own.
    size_t Pos = 0;
    while ((Pos = Line.find("c\"", Pos)) != std::string::npos) {
      size_t TB = Line.rfind('[', Pos);
      if (TB == std::string::npos) {
        Pos += 2;
        continue;
      }
      size_t TE = scanType(Line, TB);
      if (StringRef(Line).slice(TE, Pos).trim().size() != 0 ||
          !byteArrayLength(Line.substr(TB, TE - TB))) {
        Pos += 2;
        continue;
      }
      ByteCountFixer F{Line, {}};
      size_t P = TB;
      std::optional<TypedConst> R = F.typed(P);
      if (R && R->Changed) {
        Line = Line.substr(0, TB) + R->Type + " " + R->Value + Line.substr(P);
        for (const std::string &M : F.Msgs)
          note(Notes, "byte-count", L.origOf(I), M);
        Changed = true;
      }
      Pos = TB + 1;
      Pos = Line.find("c\"", Pos);
      if (Pos == std::string::npos)
        break;
      Pos += 2;
    }
  }
  return Changed;
}

//===-- closing braces ----------------------------------------------------===//

bool fixBraces(Lines &L, std::vector<RepairNote> &Notes) {
  bool InBody = false, Changed = false;
  size_t LastBodyLine = 0;
  for (size_t I = 0; I < L.Text.size(); ++I) {
    StringRef T = L.Text[I];
    StringRef W = firstWord(T);
    bool StartsDefine = !T.empty() && !isSpace(T.front()) && W == "define";
    bool TopLevel = !T.empty() && !isSpace(T.front()) &&
                    (W == "define" || W == "declare" || T.starts_with("@") ||
                     W == "attributes" || T.starts_with("!") || W == "target");
    if (InBody && TopLevel) {
      // Insert after the last body line, so trailing blank lines stay between
      // entities.
      L.insert(LastBodyLine + 1, "}");
      note(Notes, "closing-brace", L.origOf(LastBodyLine),
           "added the `}` missing before line " + Twine(L.origOf(I + 1)));
      Changed = true;
      ++I;
      T = L.Text[I]; // the insertion may have moved the lines
      InBody = false;
    }
    if (StartsDefine) {
      InBody = T.contains("{") && !T.rtrim().ends_with("}");
      LastBodyLine = I;
      continue;
    }
    if (InBody) {
      if (T.ltrim().starts_with("}")) {
        InBody = false;
        continue;
      }
      if (!T.trim().empty())
        LastBodyLine = I;
    }
  }
  if (InBody) {
    L.insert(LastBodyLine + 1, "}");
    note(Notes, "closing-brace", L.origOf(LastBodyLine),
         "added the `}` missing at the end");
    Changed = true;
  }
  return Changed;
}

//===-- duplicate declares ------------------------------------------------===//

std::string normalizeSpaces(StringRef S) {
  std::string Out;
  bool Space = false;
  for (char C : S.split(';').first.trim()) {
    if (isSpace(C)) {
      Space = true;
      continue;
    }
    if (Space && !Out.empty())
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

/// "declare i64 @f(i64, ptr)" → ("f", "i64 @f(i64,ptr)") with parameter names
/// and attributes other than types dropped so that `define`'s header compares
/// with `declare`'s.
std::optional<std::pair<std::string, std::string>>
signatureKey(StringRef Line) {
  StringRef T = Line.ltrim();
  StringRef W = firstWord(T);
  if (W != "declare" && W != "define")
    return std::nullopt;
  size_t At = T.find('@');
  size_t LP = T.find('(', At);
  if (At == StringRef::npos || LP == StringRef::npos)
    return std::nullopt;
  std::string Name = T.slice(At + 1, LP).trim().str();
  if (StringRef(Name).starts_with("\""))
    Name = StringRef(Name).trim('"').str();
  size_t RP = T.find(')', LP);
  if (RP == StringRef::npos)
    return std::nullopt;
  // The return type: the word just before '@'.
  StringRef Before = T.slice(0, At).rtrim();
  StringRef Ret = Before.rsplit(' ').second;
  if (Ret.empty())
    Ret = Before;
  SmallVector<StringRef, 8> Params;
  T.slice(LP + 1, RP).split(Params, ',');
  std::string Key = Ret.str() + "(";
  for (StringRef P : Params) {
    P = P.trim();
    Key += P.take_until([](char C) { return isSpace(C); }).str() + ",";
  }
  return std::make_pair(Name, Key);
}

bool removeDuplicates(Lines &L, std::vector<RepairNote> &Notes) {
  StringMap<std::string> Defined;
  for (const std::string &T : L.Text)
    if (firstWord(T) == "define")
      if (auto K = signatureKey(T))
        Defined[K->first] = K->second;
  StringSet<> Seen;
  bool Changed = false;
  for (size_t I = 0; I < L.Text.size();) {
    StringRef T = L.Text[I];
    if (firstWord(T) != "declare") {
      ++I;
      continue;
    }
    std::string Norm = normalizeSpaces(T);
    auto K = signatureKey(T);
    if (!Seen.insert(Norm).second) {
      note(Notes, "duplicate-declare", L.origOf(I),
           "dropped a repeated `" + Norm + "`");
      L.erase(I);
      Changed = true;
      continue;
    }
    if (K) {
      auto D = Defined.find(K->first);
      if (D != Defined.end() && D->second == K->second) {
        note(Notes, "duplicate-declare", L.origOf(I),
             "dropped `" + Norm + "`: the module defines @" + K->first);
        L.erase(I);
        Changed = true;
        continue;
      }
    }
    ++I;
  }
  return Changed;
}

//===-- calls to undeclared functions -------------------------------------===//

/// Splits "a, b, c" at top-level commas.
SmallVector<StringRef, 8> splitTopLevel(StringRef S) {
  SmallVector<StringRef, 8> Parts;
  int Depth = 0;
  size_t Start = 0;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if (C == '"') {
      size_t E = S.find('"', I + 1);
      I = E == StringRef::npos ? S.size() - 1 : E;
    } else if (C == '(' || C == '[' || C == '{' || C == '<')
      ++Depth;
    else if (C == ')' || C == ']' || C == '}' || C == '>')
      --Depth;
    else if (C == ',' && Depth == 0) {
      Parts.push_back(S.slice(Start, I).trim());
      Start = I + 1;
    }
  }
  if (!S.slice(Start, S.size()).trim().empty())
    Parts.push_back(S.slice(Start, S.size()).trim());
  return Parts;
}

bool inferDeclare(Lines &L, StringRef Name, size_t Idx,
                  std::vector<RepairNote> &Notes) {
  if (Idx >= L.Text.size())
    return false;
  StringRef T = L.Text[Idx];
  std::string Ref = "@" + Name.str();
  size_t At = T.find(Ref + "(");
  if (At == StringRef::npos) {
    At = T.find("@\"" + Name.str() + "\"(");
    if (At == StringRef::npos)
      return false;
    Ref = "@\"" + Name.str() + "\"";
  }
  size_t CallPos = T.substr(0, At).rfind("call ");
  if (CallPos == StringRef::npos)
    CallPos = T.substr(0, At).rfind("invoke ");
  if (CallPos == StringRef::npos)
    return false;
  StringRef RetPart = T.slice(T.find(' ', CallPos) + 1, At).trim();
  // Drop calling conventions, fast-math flags and return attributes: the return
  // type is the last type-looking token, or a function type `R (A, B)`.
  std::string Ret, Params;
  bool HaveFnType = RetPart.ends_with(")");
  if (HaveFnType) {
    size_t LP = RetPart.find('(');
    Ret = RetPart.slice(0, LP).trim().rsplit(' ').second.str();
    if (Ret.empty())
      Ret = RetPart.slice(0, LP).trim().str();
    Params = RetPart.slice(LP + 1, RetPart.size() - 1).str();
  } else {
    Ret = RetPart.rsplit(' ').second.str();
    if (Ret.empty())
      Ret = RetPart.str();
  }
  if (!HaveFnType) {
    size_t LP = At + Ref.size();
    int Depth = 0;
    size_t RP = LP;
    for (; RP < T.size(); ++RP) {
      if (T[RP] == '(')
        ++Depth;
      else if (T[RP] == ')' && --Depth == 0)
        break;
    }
    if (RP >= T.size())
      return false;
    std::string Types;
    for (StringRef A : splitTopLevel(T.slice(LP + 1, RP))) {
      size_t E = scanType(A, 0);
      if (!Types.empty())
        Types += ", ";
      Types += A.slice(0, E).trim().str();
    }
    Params = Types;
  }
  if (Ret.empty())
    return false;
  std::string Decl = "declare " + Ret + " " + Ref + "(" + Params + ")";
  // After the last top-level line before the first function, or at the end.
  L.Text.push_back(Decl);
  L.Orig.push_back(0);
  note(Notes, "infer-declare", L.origOf(Idx),
       "added `" + Decl + "` inferred from the call");
  return true;
}

/// The @name a `define`/`declare` line introduces, or a global's `@name =`.
std::optional<std::string> definedName(StringRef T) {
  T = T.ltrim();
  StringRef W = firstWord(T);
  size_t At;
  if (W == "define" || W == "declare") {
    At = T.find('@');
    if (At == StringRef::npos)
      return std::nullopt;
  } else if (T.starts_with("@")) {
    At = 0;
  } else {
    return std::nullopt;
  }
  StringRef Rest = T.substr(At + 1);
  if (Rest.starts_with("\""))
    return Rest.drop_front().take_until([](char C) { return C == '"'; }).str();
  return Rest
      .take_while(
          [](char C) { return isAlnum(C) || StringRef("$._-").contains(C); })
      .str();
}

/// Adds declares for every function called but neither declared nor defined, in
/// one pass, so a module calling forty helpers it never wrote needs one
/// re-parse, not forty.
bool inferAllUndeclared(Lines &L, std::vector<RepairNote> &Notes) {
  StringSet<> Known;
  for (const std::string &T : L.Text)
    if (std::optional<std::string> N = definedName(T))
      Known.insert(*N);
  bool Changed = false;
  size_t Original = L.Text.size(); // declares are appended; do not scan them
  for (size_t I = 0; I < Original; ++I) {
    // A copy: inferDeclare appends lines, which may move the one being scanned.
    std::string LineCopy = L.Text[I];
    StringRef T = LineCopy;
    size_t Pos = 0;
    while ((Pos = T.find('@', Pos)) != StringRef::npos) {
      StringRef Rest = T.substr(Pos + 1);
      std::string Name;
      if (Rest.starts_with("\""))
        Name =
            Rest.drop_front().take_until([](char C) { return C == '"'; }).str();
      else
        Name = Rest.take_while([](char C) {
                     return isAlnum(C) || StringRef("$._-").contains(C);
                   })
                   .str();
      ++Pos;
      if (Name.empty() || Known.count(Name))
        continue;
      StringRef Before = T.take_front(Pos - 1);
      if (!Before.contains("call ") && !Before.contains("invoke "))
        continue;
      size_t After =
          Pos + (Rest.starts_with("\"") ? Name.size() + 2 : Name.size());
      if (After >= T.size() || T[After] != '(')
        continue;
      if (inferDeclare(L, Name, I, Notes)) {
        Known.insert(Name);
        Changed = true;
      }
    }
  }
  return Changed;
}

/// The name in "use of undefined value '@name'".
std::optional<std::string> undefinedName(StringRef Msg) {
  if (!Msg.consume_front("use of undefined value '@"))
    return std::nullopt;
  Msg = Msg.rsplit('\'').first;
  return Msg.trim('"').str();
}

//===-- inline asm constraint strings -------------------------------------===//

/// The bytes of a string literal's body as LLParser decodes them.
std::string decodeLiteral(StringRef Body) {
  std::string Out;
  for (size_t I = 0; I < Body.size();) {
    if (Body[I] == '\\' && I + 1 < Body.size() && Body[I + 1] == '\\') {
      Out += '\\';
      I += 2;
    } else if (Body[I] == '\\' && I + 2 < Body.size() &&
               isHexDigit(Body[I + 1]) && isHexDigit(Body[I + 2])) {
      Out += char(hexFromNibbles(Body[I + 1], Body[I + 2]));
      I += 3;
    } else {
      Out += Body[I++];
    }
  }
  return Out;
}

/// LLVM 19's InlineAsm::ConstraintInfo::Parse trusts the lengths that `@N` and
/// `^` announce and reads past the end of the constraint string when they lie
/// (found by the fuzzer). The parser must never see such a string, so this
/// returns what is wrong with one, or "".
std::string constraintProblem(StringRef Constraints) {
  SmallVector<StringRef, 8> Items;
  Constraints.split(Items, ',');
  for (StringRef Item : Items) {
    for (size_t I = 0; I < Item.size(); ++I) {
      char C = Item[I];
      if (C == '{') {
        size_t E = Item.find('}', I);
        if (E == StringRef::npos)
          break;
        I = E;
      } else if (C == '@') {
        if (I + 1 >= Item.size() || !isDigit(Item[I + 1]) ||
            Item[I + 1] == '0' ||
            I + 2 + unsigned(Item[I + 1] - '0') > Item.size())
          return ("'@' in constraint '" + Item +
                  "' must be followed by a digit N and N letters")
              .str();
        I += 1 + (Item[I + 1] - '0');
      } else if (C == '^') {
        if (I + 3 > Item.size())
          return ("'^' in constraint '" + Item +
                  "' must be followed by two letters")
              .str();
        I += 2;
      }
    }
  }
  return "";
}

/// The first inline asm constraint string the parser must not see: (line index,
/// column, message). Works on the whole text: a string literal may span lines.
std::optional<std::tuple<size_t, size_t, std::string>>
findBadAsmConstraint(StringRef T) {
  size_t Pos = 0;
  while ((Pos = T.find("asm ", Pos)) != StringRef::npos) {
    size_t Q1 = T.find('"', Pos);
    size_t Q2 = Q1 == StringRef::npos ? Q1 : T.find('"', Q1 + 1);
    size_t Q3 = Q2 == StringRef::npos ? Q2 : T.find('"', Q2 + 1);
    if (Q3 == StringRef::npos)
      break;
    Pos += 4;
    if (T.slice(Q2 + 1, Q3).trim() != ",")
      continue;
    size_t Q4 = T.find('"', Q3 + 1);
    StringRef Body = T.slice(Q3 + 1, Q4 == StringRef::npos ? T.size() : Q4);
    std::string Problem = constraintProblem(decodeLiteral(Body));
    if (!Problem.empty()) {
      size_t LineStart = T.rfind('\n', Q3);
      size_t Line = T.take_front(Q3).count('\n');
      size_t Col = LineStart == StringRef::npos ? Q3 + 1 : Q3 - LineStart;
      return std::make_tuple(
          Line, Col, "malformed inline asm constraint string: " + Problem);
    }
    Pos = Q4 == StringRef::npos ? T.size() : Q4;
  }
  return std::nullopt;
}
/// Where brackets nest deeper than MaxDepth (LLParser recurses per level and
/// would exhaust the stack on hostile input): (line index, column), or nullopt.
std::optional<std::pair<size_t, size_t>>
findExcessiveNesting(StringRef T, unsigned MaxDepth) {
  unsigned Depth = 0;
  size_t Line = 0, LineStart = 0;
  for (size_t I = 0; I < T.size(); ++I) {
    char C = T[I];
    if (C == '\n') {
      ++Line;
      LineStart = I + 1;
    } else if (C == '"') {
      size_t E = T.find('"', I + 1);
      if (E == StringRef::npos)
        break;
      Line += T.slice(I, E).count('\n');
      if (size_t NL = T.slice(I, E).rfind('\n'); NL != StringRef::npos)
        LineStart = I + NL + 1;
      I = E;
    } else if (C == ';') {
      size_t E = T.find('\n', I);
      if (E == StringRef::npos)
        break;
      I = E - 1;
    } else if (C == '(' || C == '[' || C == '{' || C == '<') {
      if (++Depth > MaxDepth)
        return std::make_pair(Line, I - LineStart);
    } else if ((C == ')' || C == ']' || C == '}' || C == '>') && Depth) {
      --Depth;
    }
  }
  return std::nullopt;
}

} // namespace

size_t countLiteralBytes(StringRef Body) {
  size_t N = 0;
  for (size_t I = 0; I < Body.size(); ++N) {
    if (Body[I] == '\\' && I + 1 < Body.size() && Body[I + 1] == '\\')
      I += 2;
    else if (Body[I] == '\\' && I + 2 < Body.size() &&
             isHexDigit(Body[I + 1]) && isHexDigit(Body[I + 2]))
      I += 3;
    else
      ++I;
  }
  return N;
}

template <typename Fn>
static bool onLines(std::string &Text, std::vector<RepairNote> &Notes, Fn F) {
  Lines L = Lines::split(Text);
  if (!F(L, Notes))
    return false;
  Text = L.join();
  return true;
}

bool stripMarkdownAndProse(std::string &Text, std::vector<RepairNote> &Notes) {
  return onLines(Text, Notes, stripMarkdown);
}
bool fixStringByteCounts(std::string &Text, std::vector<RepairNote> &Notes) {
  return onLines(Text, Notes, fixByteCounts);
}
bool fixMissingClosingBraces(std::string &Text,
                             std::vector<RepairNote> &Notes) {
  return onLines(Text, Notes, fixBraces);
}
bool removeDuplicateDeclares(std::string &Text,
                             std::vector<RepairNote> &Notes) {
  return onLines(Text, Notes, removeDuplicates);
}
bool declareUndefinedCallee(std::string &Text, StringRef Name, unsigned Line,
                            std::vector<RepairNote> &Notes) {
  return onLines(Text, Notes, [&](Lines &L, std::vector<RepairNote> &N) {
    return Line > 0 && inferDeclare(L, Name, Line - 1, N);
  });
}

Expected<RepairResult> parseWithRepair(StringRef Text, LLVMContext &Ctx,
                                       const RepairOptions &Opts) {
  Lines L = Lines::split(Text);
  std::vector<RepairNote> Notes;
  bool TriedText = false;
  SMDiagnostic Err;
  unsigned ErrIdx = 0;
  for (unsigned Iter = 0; Iter < std::max(1u, Opts.MaxIterations); ++Iter) {
    std::string Joined = L.join();
    if (auto Deep = findExcessiveNesting(Joined, 256))
      return make_error<ParseFailure>(
          Opts.FileName, L.origOf(Deep->first), Deep->second + 1,
          "brackets nest more than 256 levels deep", std::move(Notes));
    if (auto Bad = findBadAsmConstraint(Joined))
      return make_error<ParseFailure>(
          Opts.FileName, L.origOf(std::get<0>(*Bad)), std::get<1>(*Bad) + 1,
          std::get<2>(*Bad), std::move(Notes));
    Err = SMDiagnostic();
    std::unique_ptr<Module> M = parseAssemblyString(Joined, Err, Ctx);
    if (M) {
      M->setModuleIdentifier(Opts.FileName);
      if (M->getSourceFileName().empty() ||
          M->getSourceFileName() == "<string>")
        M->setSourceFileName(Opts.FileName);
      return RepairResult{std::move(M), std::move(Joined), std::move(Notes)};
    }
    ErrIdx = Err.getLineNo() > 0 ? Err.getLineNo() - 1 : 0;
    StringRef Msg = Err.getMessage();
    // Repairs keyed by the diagnostic first, then the cheap text passes once
    // each.
    if (std::optional<std::string> Name = undefinedName(Msg)) {
      bool One = inferDeclare(L, *Name, ErrIdx, Notes);
      bool Rest = inferAllUndeclared(L, Notes);
      if (One || Rest)
        continue;
    }
    if (Msg.contains("invalid redefinition of function") &&
        removeDuplicates(L, Notes))
      continue;
    if ((Msg.contains("type mismatch") || Msg.contains("initializer") ||
         Msg.contains("doesn't match")) &&
        fixByteCounts(L, Notes))
      continue;
    if ((Msg.contains("end of file") ||
         Msg.contains("expected instruction opcode")) &&
        fixBraces(L, Notes))
      continue;
    if (!TriedText) {
      TriedText = true;
      bool Any = stripMarkdown(L, Notes);
      Any |= fixByteCounts(L, Notes);
      Any |= removeDuplicates(L, Notes);
      Any |= fixBraces(L, Notes);
      if (Any)
        continue;
    }
    break;
  }
  unsigned OrigLine = L.origOf(ErrIdx);
  std::string Message = Err.getMessage().str();
  if (OrigLine == 0 && Err.getLineNo() > 0)
    Message += " (in a line the repair added)";
  return make_error<ParseFailure>(Opts.FileName, OrigLine,
                                  Err.getColumnNo() >= 0 ? Err.getColumnNo() + 1
                                                         : 0,
                                  std::move(Message), std::move(Notes));
}

} // namespace fixup
} // namespace semcom
