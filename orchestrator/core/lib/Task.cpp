//===- Task.cpp - parse and validate task files ---------------------------===//
//
// Everything about a task that can be wrong without asking a model is caught here, with the line.
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/Task.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace semcom {
namespace core {

namespace {

struct DirectiveInfo {
  Directive Kind;
  const char *Name;
  const char *Usage;
  const char *Summary;
  const char *Example;
};

const DirectiveInfo Directives[] = {
    {Directive::Create, "create", "@create FILE.ll", "create a new module from the intent",
     "@create rpn.ll\nAn RPN calculator: i64 @rpn_eval(ptr %expr) evaluates \"3 4 +\"."},
    {Directive::Target, "target", "@target FILE.ll [append]",
     "rewrite a module; with `append` the model writes only new functions, merged in",
     "@target rpn.ll append\nAdd i64 @rpn_depth(ptr %stack) returning the stack depth."},
    {Directive::Plan, "plan", "@plan",
     "the model plans the steps (signatures first), then each step runs",
     "@plan\nBuild a Forth interpreter with a stack module and a parser module."},
    {Directive::Test, "test", "@test FILE.ll [FUNCTION]",
     "write tests for a module, run them in the sandbox, repair behaviour",
     "@test base64.ll base64_encode"},
    {Directive::Transform, "transform", "@transform DIR",
     "port a Python project in DIR to IR modules, differentially tested",
     "@transform examples/python/rpn"},
    {Directive::Help, "help", "@help", "list the directives", "@help"},
};

const DirectiveInfo *findDirective(StringRef Name) {
  for (const DirectiveInfo &D : Directives)
    if (Name == D.Name)
      return &D;
  return nullptr;
}

const DirectiveInfo &infoOf(Directive Kind) {
  for (const DirectiveInfo &D : Directives)
    if (D.Kind == Kind)
      return D;
  llvm_unreachable("every directive has an entry");
}

Error errorAt(StringRef Source, unsigned Line, const Twine &Message) {
  return createStringError(inconvertibleErrorCode(),
                           Source + ":" + Twine(Line) + ": error: " + Message);
}

/// Module paths stay inside the tree: relative, no `..`, a `.ll` file.
Error checkModulePath(StringRef Path, StringRef Source, unsigned Line, StringRef Usage) {
  if (Path.empty())
    return errorAt(Source, Line, "missing file name; usage: " + Usage);
  if (sys::path::is_absolute(Path))
    return errorAt(Source, Line, "'" + Path + "' must be relative to the module tree");
  for (auto It = sys::path::begin(Path), End = sys::path::end(Path); It != End; ++It)
    if (*It == "..")
      return errorAt(Source, Line, "'" + Path + "' leaves the module tree");
  if (!Path.ends_with(".ll"))
    return errorAt(Source, Line, "'" + Path + "' is not a .ll module");
  return Error::success();
}

/// The directive's words after its name, e.g. {"rpn.ll", "append"}.
SmallVector<StringRef, 4> wordsOf(StringRef Line) {
  SmallVector<StringRef, 4> Words;
  SplitString(Line, Words);
  return Words;
}

struct RawStep {
  unsigned FirstLine = 0; ///< line after the previous `---` (or 1)
  SmallVector<std::pair<unsigned, StringRef>, 16> Lines;
};

Expected<Step> parseStep(const RawStep &Raw, StringRef Source) {
  Step S;
  size_t First = 0;
  while (First < Raw.Lines.size() && Raw.Lines[First].second.trim().empty())
    ++First;
  if (First == Raw.Lines.size())
    return errorAt(Source, Raw.FirstLine, "empty step (nothing between `---` separators)");

  StringRef Head = Raw.Lines[First].second.trim();
  S.Line = Raw.Lines[First].first;
  bool HasDirective = Head.starts_with("@");
  size_t IntentStart = First;
  if (HasDirective) {
    auto Words = wordsOf(Head.drop_front());
    StringRef Name = Words.empty() ? StringRef() : Words[0];
    const DirectiveInfo *Info = findDirective(Name);
    if (!Info) {
      std::string Hint;
      unsigned Best = ~0u;
      for (const DirectiveInfo &D : Directives) {
        unsigned Distance = Name.edit_distance(D.Name);
        if (Distance < Best && Distance <= 2) {
          Best = Distance;
          Hint = std::string(" (did you mean '@") + D.Name + "'?)";
        }
      }
      return errorAt(Source, S.Line, "unknown directive '@" + Name + "'" + Hint +
                                          "; `@help` lists them");
    }
    S.Kind = Info->Kind;
    auto Args = ArrayRef<StringRef>(Words).drop_front();
    auto TooMany = [&](size_t Max) -> Error {
      if (Args.size() <= Max)
        return Error::success();
      return errorAt(Source, S.Line,
                     "unexpected '" + Args[Max] + "'; usage: " + Info->Usage);
    };
    switch (S.Kind) {
    case Directive::Create:
      if (Error E = TooMany(1))
        return E;
      S.Target = Args.empty() ? "" : Args[0].str();
      if (Error E = checkModulePath(S.Target, Source, S.Line, Info->Usage))
        return E;
      break;
    case Directive::Target:
      if (Error E = TooMany(2))
        return E;
      S.Target = Args.empty() ? "" : Args[0].str();
      if (Error E = checkModulePath(S.Target, Source, S.Line, Info->Usage))
        return E;
      if (Args.size() == 2) {
        if (Args[1] != "append")
          return errorAt(Source, S.Line,
                         "expected 'append' after the file, got '" + Args[1] + "'");
        S.Append = true;
      }
      break;
    case Directive::Test:
      if (Error E = TooMany(2))
        return E;
      S.Target = Args.empty() ? "" : Args[0].str();
      if (Error E = checkModulePath(S.Target, Source, S.Line, Info->Usage))
        return E;
      if (Args.size() == 2)
        S.Function = Args[1].ltrim('@').str();
      break;
    case Directive::Transform:
      if (Error E = TooMany(1))
        return E;
      if (Args.empty())
        return errorAt(Source, S.Line, Twine("missing directory; usage: ") + Info->Usage);
      S.Target = Args[0].str();
      break;
    case Directive::Plan:
    case Directive::Help:
      if (Error E = TooMany(0))
        return E;
      break;
    }
    IntentStart = First + 1;
  }

  std::string Intent;
  for (size_t I = IntentStart; I < Raw.Lines.size(); ++I) {
    auto [LineNo, Text] = Raw.Lines[I];
    StringRef Trimmed = Text.trim();
    if (Trimmed.starts_with("@")) {
      auto Words = wordsOf(Trimmed.drop_front());
      if (!Words.empty() && findDirective(Words[0]))
        return errorAt(Source, LineNo,
                       "directive '@" + Words[0] +
                           "' inside a step; a directive must be the step's first line "
                           "(separate steps with a line `---`)");
    }
    Intent += Text.rtrim().str();
    Intent += '\n';
  }
  S.Intent = StringRef(Intent).trim().str();

  bool NeedsIntent = S.Kind == Directive::Create || S.Kind == Directive::Target ||
                     S.Kind == Directive::Plan;
  if (NeedsIntent && S.Intent.empty())
    return errorAt(Source, S.Line,
                   "'@" + directiveName(S.Kind) + "' needs an intent: say in English what to build");
  return S;
}

} // namespace

StringRef directiveName(Directive D) { return infoOf(D).Name; }

std::string Step::str() const {
  std::string Out = "@" + directiveName(Kind).str();
  if (!Target.empty())
    Out += " " + Target;
  if (Append)
    Out += " append";
  if (!Function.empty())
    Out += " " + Function;
  if (!Intent.empty())
    Out += "\n" + Intent;
  return Out;
}

Expected<Task> parseTask(StringRef Text, StringRef SourceName) {
  Task T;
  T.Source = SourceName.str();
  if (Text.trim().empty())
    return errorAt(SourceName, 1, "the task is empty: write an intent, or `@help`");
  if (Text.contains('\0'))
    return errorAt(SourceName, 1, "the task contains a NUL byte; is it a text file?");

  SmallVector<RawStep, 4> Raw(1);
  Raw.back().FirstLine = 1;
  unsigned LineNo = 0;
  SmallVector<StringRef, 64> Lines;
  Text.split(Lines, '\n');
  for (StringRef Line : Lines) {
    ++LineNo;
    Line = Line.rtrim("\r");
    if (Line.trim() == "---") {
      Raw.emplace_back();
      Raw.back().FirstLine = LineNo + 1;
      continue;
    }
    Raw.back().Lines.push_back({LineNo, Line});
  }
  for (const RawStep &R : Raw) {
    auto S = parseStep(R, SourceName);
    if (!S)
      return S.takeError();
    T.Steps.push_back(std::move(*S));
  }
  return T;
}

std::string extractTaskBlock(StringRef Answer) {
  size_t Open = Answer.find("```task");
  if (Open == StringRef::npos)
    Open = Answer.find("```");
  if (Open == StringRef::npos)
    return Answer.str();
  size_t BodyStart = Answer.find('\n', Open);
  if (BodyStart == StringRef::npos)
    return "";
  size_t Close = Answer.find("\n```", BodyStart);
  return Answer.slice(BodyStart + 1, Close == StringRef::npos ? Answer.size() : Close + 1).str();
}

std::string nameFromSignature(StringRef Sig) {
  size_t At = Sig.find('@');
  if (At == StringRef::npos)
    return "";
  StringRef Rest = Sig.drop_front(At + 1);
  if (Rest.starts_with("\""))
    return Rest.drop_front().take_until([](char C) { return C == '"'; }).str();
  return Rest.take_until([](char C) { return C == '(' || isSpace(C); }).str();
}

std::string directiveHelp() {
  std::string Out = "Directives (one per step; steps are separated by a line `---`):\n";
  for (const DirectiveInfo &D : Directives) {
    Out += "  " + std::string(D.Usage);
    Out.append(D.Usage ? (28 > strlen(D.Usage) ? 28 - strlen(D.Usage) : 1) : 1, ' ');
    Out += std::string(D.Summary) + "\n";
  }
  Out += "A step without a directive is planned, as with @plan.\n\nExamples:\n";
  for (const DirectiveInfo &D : Directives) {
    Out += "\n";
    for (StringRef L : split(D.Example, '\n'))
      Out += "  " + L.str() + "\n";
  }
  return Out;
}

} // namespace core
} // namespace semcom
