//===- Validate.cpp - repair, fix, merge, verify and compile an answer ----===//
#include "semcom/Core/Validate.h"

#include "semcom/Fixup/ManifestQuery.h"
#include "semcom/Fixup/PreParseRepair.h"
#include "semcom/Fixup/RuntimeAPI.h"
#include "semcom/Manifest/Manifest.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <set>

using namespace llvm;

namespace semcom {
namespace core {

namespace {

std::string typeText(const Type *T) {
  std::string S;
  raw_string_ostream OS(S);
  T->print(OS);
  return S;
}

/// The answer's functions go into the existing module; a name both define is refused.
bool mergeAppend(Module &Existing, std::unique_ptr<Module> New, StringRef FileName,
                 std::vector<std::string> &Diagnostics) {
  bool Clash = false;
  for (const Function &F : *New)
    if (!F.isDeclaration())
      if (const Function *Old = Existing.getFunction(F.getName()); Old && !Old->isDeclaration()) {
        Diagnostics.push_back(FileName.str() + ": error: @" + F.getName().str() +
                              " already exists in the module; append adds new functions and "
                              "never replaces one (rename the new function, or use @target "
                              "without append to rewrite the module)");
        Clash = true;
      }
  if (Clash)
    return false;
  std::string LinkErrors;
  if (Linker::linkModules(Existing, std::move(New))) {
    Diagnostics.push_back(FileName.str() + ": error: the new functions cannot be merged into the "
                                           "module (conflicting globals or types)");
    return false;
  }
  return true;
}

/// A public definition must not take a name another module or the runtime already provides, and
/// must keep the signature a plan fixed.
void checkAgainstTree(Module &M, const ValidateOptions &O, std::vector<std::string> &Diagnostics) {
  const manifest::Manifest *Tree = O.Query ? O.Query->manifest() : nullptr;
  bool RuntimeTree = treeIsRuntime(Tree);
  for (Function &F : M) {
    if (F.isDeclaration() || F.hasLocalLinkage() || F.getName().starts_with("llvm."))
      continue;
    StringRef Name = F.getName();
    // @semcom_main is the one runtime name a program defines: _start calls it.
    const fixup::RuntimeFunction *RF = fixup::lookupRuntimeFunction(Name);
    bool OwnModule = RuntimeTree && RF && RF->Module == sys::path::filename(O.FileName);
    if (O.Query && O.Query->isRuntime(Name) && Name != "semcom_main" && !OwnModule) {
      Diagnostics.push_back(O.FileName + ": error: @" + Name.str() +
                            " is a runtime function; declare it and call it instead of defining "
                            "it again");
      continue;
    }
    if (Tree)
      if (const manifest::Entry *E = Tree->lookup(Name))
        if (!E->IsDeclaration && !E->File.empty() && E->File != O.FileName)
          Diagnostics.push_back(O.FileName + ": error: @" + Name.str() + " is already defined in " +
                                E->File + " as `" + E->Signature +
                                "`; declare it and call it, or give this function another name");
    auto Planned = O.PlannedSignatures.find(Name.str());
    if (Planned == O.PlannedSignatures.end())
      continue;
    auto Want = fixup::parseSignature(Planned->second, M.getContext());
    if (Want && Want->Type != F.getFunctionType())
      Diagnostics.push_back(O.FileName + ": error: @" + Name.str() + " is defined with type " +
                            typeText(F.getFunctionType()) + " but the plan fixed `" +
                            Planned->second + "`; keep the planned signature exactly");
  }
}

/// The symbol a top-level line introduces: `@name =` for a global, `declare … @name(` for a
/// declaration; empty otherwise.
StringRef topLevelSymbol(StringRef Line) {
  Line = Line.trim();
  if (Line.starts_with("@"))
    return Line.drop_front().take_until([](char C) { return C == ' ' || C == '='; });
  if (Line.starts_with("declare ")) {
    size_t At = Line.find('@');
    if (At != StringRef::npos)
      return Line.drop_front(At + 1).take_until([](char C) { return C == '('; });
  }
  return "";
}

} // namespace

bool treeIsRuntime(const manifest::Manifest *Tree) {
  if (!Tree)
    return false;
  for (const std::string &Root : Tree->roots())
    if (sys::fs::exists(Root + "/start.ll") && sys::fs::exists(Root + "/arch/x86_64/syscalls.ll"))
      return true;
  return false;
}

std::vector<FunctionSpan> functionSpans(StringRef IR) {
  std::vector<FunctionSpan> Spans;
  SmallVector<StringRef, 0> Lines;
  IR.split(Lines, '\n');
  for (unsigned I = 0; I < Lines.size(); ++I) {
    StringRef L = Lines[I];
    if (!L.starts_with("define "))
      continue;
    size_t At = L.find('@');
    if (At == StringRef::npos)
      continue;
    FunctionSpan S;
    StringRef Rest = L.drop_front(At + 1);
    S.Name = (Rest.starts_with("\"") ? Rest.drop_front().take_until([](char C) { return C == '"'; })
                                     : Rest.take_until([](char C) { return C == '('; }))
                 .str();
    S.First = I + 1;
    unsigned J = I;
    while (J < Lines.size() && Lines[J].rtrim() != "}")
      ++J;
    S.Last = std::min<unsigned>(J + 1, Lines.size());
    Spans.push_back(S);
    I = J;
  }
  return Spans;
}

/// The named functions' text plus the top-level lines (declarations, globals) they mention.
std::string scopedFunctions(StringRef IR, ArrayRef<std::string> Names) {
  SmallVector<StringRef, 0> Lines;
  IR.split(Lines, '\n');
  std::string Functions;
  std::vector<bool> InFunction(Lines.size() + 1, false);
  for (const FunctionSpan &S : functionSpans(IR)) {
    for (unsigned L = S.First; L <= S.Last; ++L)
      InFunction[L] = true;
    if (!is_contained(Names, S.Name))
      continue;
    for (unsigned L = S.First; L <= S.Last; ++L)
      Functions += Lines[L - 1].str() + "\n";
    Functions += "\n";
  }
  std::string Context;
  for (unsigned I = 0; I < Lines.size(); ++I) {
    StringRef L = Lines[I].trim();
    if (InFunction[I + 1] || !(L.starts_with("@") || L.starts_with("declare ") ||
                               L.starts_with("%") || L.starts_with("target ")))
      continue;
    size_t At = L.find('@');
    StringRef Sym = At == StringRef::npos ? StringRef() : L.drop_front(At).take_until([](char C) {
      return C == ' ' || C == '(' || C == '=';
    });
    if (L.starts_with("%") || Sym.empty() || StringRef(Functions).contains(Sym))
      Context += L.str() + "\n";
  }
  return Context + "\n" + Functions;
}

std::string mergeFunctions(StringRef Base, StringRef Patch) {
  SmallVector<StringRef, 0> BaseLines, PatchLines;
  Base.split(BaseLines, '\n');
  Patch.split(PatchLines, '\n');
  std::vector<FunctionSpan> BaseSpans = functionSpans(Base), PatchSpans = functionSpans(Patch);
  std::map<std::string, std::string> NewBodies;
  for (const FunctionSpan &S : PatchSpans) {
    std::string Body;
    for (unsigned L = S.First; L <= S.Last; ++L)
      Body += PatchLines[L - 1].str() + "\n";
    NewBodies[S.Name] = Body;
  }
  // Symbols Base already introduces at top level or defines.
  std::set<std::string> Known;
  for (StringRef L : BaseLines)
    if (StringRef Sym = topLevelSymbol(L); !Sym.empty())
      Known.insert(Sym.str());
  for (const FunctionSpan &S : BaseSpans)
    Known.insert(S.Name);
  std::string Added; // the patch's new declarations and globals
  std::vector<bool> InFunction(PatchLines.size() + 1, false);
  for (const FunctionSpan &S : PatchSpans)
    for (unsigned L = S.First; L <= S.Last; ++L)
      InFunction[L] = true;
  for (unsigned I = 0; I < PatchLines.size(); ++I)
    if (!InFunction[I + 1])
      if (StringRef Sym = topLevelSymbol(PatchLines[I]); !Sym.empty() && !Known.count(Sym.str())) {
        Added += PatchLines[I].str() + "\n";
        Known.insert(Sym.str());
      }

  std::string Out = Added;
  unsigned Next = 1;
  for (const FunctionSpan &S : BaseSpans) {
    for (; Next < S.First; ++Next)
      Out += BaseLines[Next - 1].str() + "\n";
    auto It = NewBodies.find(S.Name);
    if (It != NewBodies.end()) {
      Out += It->second;
      NewBodies.erase(It);
    } else {
      for (unsigned L = S.First; L <= S.Last; ++L)
        Out += BaseLines[L - 1].str() + "\n";
    }
    Next = S.Last + 1;
  }
  for (; Next <= BaseLines.size(); ++Next)
    Out += BaseLines[Next - 1].str() + (Next < BaseLines.size() ? "\n" : "");
  for (const FunctionSpan &S : PatchSpans) // functions Base did not have
    if (NewBodies.count(S.Name))
      Out += "\n" + NewBodies[S.Name];
  return Out;
}

Candidate validateAnswer(StringRef Answer, const ValidateOptions &O) {
  Candidate C;
  LLVMContext Ctx;

  fixup::RepairOptions RO;
  RO.FileName = O.FileName;
  auto Parsed = fixup::parseWithRepair(Answer, Ctx, RO);
  if (!Parsed) {
    handleAllErrors(
        Parsed.takeError(),
        [&](const fixup::ParseFailure &F) {
          for (const fixup::RepairNote &N : F.Notes)
            C.Changes.push_back({"repaired", "pre-parse", N.str()});
          std::string D;
          raw_string_ostream OS(D);
          F.log(OS);
          C.Diagnostics.push_back(D);
        },
        [&](const ErrorInfoBase &E) { C.Diagnostics.push_back(E.message()); });
    return C;
  }
  C.Parsed = true;
  for (const fixup::RepairNote &N : Parsed->Notes)
    C.Changes.push_back({"repaired", "pre-parse", N.str()});

  std::unique_ptr<Module> M = std::move(Parsed->M);
  if (!O.AppendTo.empty()) {
    SMDiagnostic Err;
    std::unique_ptr<Module> Existing = parseAssemblyString(O.AppendTo, Err, Ctx);
    if (!Existing) {
      C.Diagnostics.push_back(O.FileName + ":" + std::to_string(Err.getLineNo()) +
                              ": error: the module to append to does not parse: " +
                              Err.getMessage().str());
      return C;
    }
    if (!mergeAppend(*Existing, std::move(M), O.FileName, C.Diagnostics))
      return C;
    M = std::move(Existing);
  }
  M->setModuleIdentifier(O.FileName);
  M->setSourceFileName(O.FileName);
  M->setTargetTriple(link::targetTriple(O.Target));

  fixup::FixupConfig Config;
  Config.Query = O.Query;
  Config.TargetTriple = link::targetTriple(O.Target);
  Config.AtPipelineStart = false;
  fixup::FixupReport R = fixup::runFixupPipeline(*M, Config);
  C.Changes.insert(C.Changes.end(), R.Changes.begin(), R.Changes.end());
  C.Missing = R.Missing;
  C.FixDeclaresChanges = R.count("fix-declares");
  for (const std::string &E : R.Errors)
    C.Diagnostics.push_back(O.FileName + ": error: " + E);
  if (!R.Errors.empty())
    for (const Function &F : *M)
      if (!F.isDeclaration() && verifyFunction(F))
        C.FailingFunctions.push_back(F.getName().str());
  for (const Function &F : *M)
    if (!F.isDeclaration())
      C.Defined.push_back(F.getName().str());
  if (!C.Diagnostics.empty())
    return C;

  size_t Before = C.Diagnostics.size();
  checkAgainstTree(*M, O, C.Diagnostics);
  for (size_t I = Before; I < C.Diagnostics.size(); ++I) {
    StringRef D = C.Diagnostics[I];
    size_t At = D.find(": error: @");
    if (At != StringRef::npos)
      C.FailingFunctions.push_back(
          D.drop_front(At + 10).take_until([](char Ch) { return Ch == ' '; }).str());
  }
  for (const std::string &Name : O.MustDefine) {
    const Function *F = M->getFunction(Name);
    if (!F || F->isDeclaration())
      C.Diagnostics.push_back(O.FileName + ": error: the task says this module defines @" + Name +
                              ", but it does not; define it with exactly the planned signature");
  }
  if (!C.Diagnostics.empty())
    return C;

  // What gets written is the fixed module, printed before code generation changes it.
  C.Text = fixup::printWithNotes(*M, R.Notes);
  link::CompileOptions CO;
  CO.Target = O.Target;
  CO.OptLevel = 0;
  auto Object = link::compileModule(*M, CO);
  if (!Object) {
    C.Diagnostics.push_back(O.FileName + ": error: code generation failed: " +
                            toString(Object.takeError()));
    return C;
  }
  C.Valid = true;
  return C;
}

} // namespace core
} // namespace semcom
