//===- Scan.cpp - a Python project read by Python's own parser, sandboxed -===//
//
// Semcom does not parse Python itself: scan.py (embedded) runs under python3 in the sandbox with
// the project bound read-only and prints JSON, read here into a ScanResult.
//
//===----------------------------------------------------------------------===//
#include "semcom/Transform/Transform.h"

#include "semcom/Core/Sandbox.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"

using namespace llvm;

namespace semcom {
namespace transform {

namespace {

struct EmbeddedScript {
  const char *Name;
  const char *Text;
};
const EmbeddedScript Scripts[] = {
#include "ScanScript.inc"
};

Error scanError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), "%s", Message.str().c_str());
}

std::vector<std::string> stringArray(const json::Object &O, StringRef Key) {
  std::vector<std::string> Out;
  if (const json::Array *A = O.getArray(Key))
    for (const json::Value &V : *A)
      if (auto S = V.getAsString())
        Out.push_back(S->str());
  return Out;
}

std::string stringField(const json::Object &O, StringRef Key) {
  if (auto S = O.getString(Key))
    return S->str();
  return "";
}

PyFunction readFunction(const json::Object &F, StringRef Class) {
  PyFunction Fn;
  Fn.Name = stringField(F, "name");
  Fn.Class = Class.str();
  Fn.Line = static_cast<unsigned>(F.getInteger("line").value_or(0));
  if (const json::Array *Params = F.getArray("params"))
    for (const json::Value &P : *Params)
      if (const json::Object *PO = P.getAsObject())
        Fn.Params.emplace_back(stringField(*PO, "name"), stringField(*PO, "type"));
  Fn.Returns = stringField(F, "returns");
  Fn.Doc = stringField(F, "doc");
  Fn.Calls = stringArray(F, "calls");
  Fn.Unmappable = stringField(F, "unmappable");
  return Fn;
}

} // namespace

const PyFile *ScanResult::mainFile() const {
  for (const PyFile &F : Files)
    if (F.HasMain)
      return &F;
  return nullptr;
}

std::string ScanResult::summary() const {
  std::string Out;
  for (const PyFile &F : Files) {
    Out += "file " + F.Path + " (" + std::to_string(F.Lines) + " lines)";
    if (!F.Imports.empty())
      Out += ", imports " + join(F.Imports, ", ");
    if (F.HasMain)
      Out += ", has an `if __name__ == \"__main__\":` block (stdin -> stdout)";
    Out += "\n";
    for (const std::string &C : F.Classes)
      Out += "  class " + C + "\n";
    for (const PyFunction &Fn : F.Functions) {
      Out += "  def " + Fn.qualifiedName() + "(";
      for (size_t I = 0; I < Fn.Params.size(); ++I) {
        Out += (I ? ", " : "") + Fn.Params[I].first;
        if (!Fn.Params[I].second.empty())
          Out += ": " + Fn.Params[I].second;
      }
      Out += ")";
      if (!Fn.Returns.empty())
        Out += " -> " + Fn.Returns;
      if (!Fn.Calls.empty())
        Out += "    calls " + join(Fn.Calls, ", ");
      if (!Fn.Unmappable.empty())
        Out += "    REFUSED: " + Fn.Unmappable;
      Out += "\n";
    }
  }
  for (const ScanFailure &F : Failed)
    Out += "not ported: " + F.Reason + "\n";
  return Out;
}

Expected<ScanResult> parseScanJSON(StringRef Text) {
  auto Doc = json::parse(Text);
  if (!Doc)
    return scanError("the Python scanner printed malformed JSON: " + toString(Doc.takeError()));
  const json::Object *Root = Doc->getAsObject();
  if (!Root)
    return scanError("the Python scanner printed JSON that is not an object");
  if (auto Err = Root->getString("error"))
    return scanError(*Err);
  ScanResult R;
  R.Root = stringField(*Root, "root");
  if (const json::Array *Files = Root->getArray("files"))
    for (const json::Value &V : *Files) {
      const json::Object *FO = V.getAsObject();
      if (!FO)
        continue;
      PyFile F;
      F.Path = stringField(*FO, "path");
      F.Module = stringField(*FO, "module");
      F.Source = stringField(*FO, "source");
      F.Lines = static_cast<unsigned>(FO->getInteger("lines").value_or(0));
      F.Imports = stringArray(*FO, "imports");
      F.ExternalImports = stringArray(*FO, "external_imports");
      if (const json::Value *Main = FO->get("main"))
        F.HasMain = Main->getAsObject() != nullptr;
      if (const json::Array *Fns = FO->getArray("functions"))
        for (const json::Value &Fn : *Fns)
          if (const json::Object *FnO = Fn.getAsObject())
            F.Functions.push_back(readFunction(*FnO, ""));
      if (const json::Array *Classes = FO->getArray("classes"))
        for (const json::Value &C : *Classes)
          if (const json::Object *CO = C.getAsObject()) {
            std::string Name = stringField(*CO, "name");
            F.Classes.push_back(Name + "(" + join(stringArray(*CO, "fields"), ", ") + ")");
            if (const json::Array *Methods = CO->getArray("methods"))
              for (const json::Value &M : *Methods)
                if (const json::Object *MO = M.getAsObject())
                  F.Functions.push_back(readFunction(*MO, Name));
          }
      R.Files.push_back(std::move(F));
    }
  if (const json::Array *Failed = Root->getArray("failed"))
    for (const json::Value &V : *Failed)
      if (const json::Object *FO = V.getAsObject())
        R.Failed.push_back({stringField(*FO, "path"), stringField(*FO, "reason")});
  return R;
}

Expected<ScanResult> scanProject(StringRef Dir) {
  SmallString<256> Real;
  if (std::error_code EC = sys::fs::real_path(Dir, Real))
    return scanError(Dir + ": " + EC.message());
  if (!sys::fs::is_directory(Real))
    return scanError(Dir + ": not a directory");
  core::SandboxOptions SO;
  // -B: no .pyc writes; -E -s: no environment or user site-packages steer the parser.
  SO.Argv = {"python3", "-B", "-E", "-s", "-c", Scripts[0].Text, std::string(Real)};
  SO.ReadOnlyPaths = {std::string(Real)};
  SO.TimeoutSeconds = 60;
  SO.OutputCapBytes = 64ull << 20;
  auto Result = core::runSandboxed(SO);
  if (!Result)
    return scanError("cannot run the Python scanner: " + toString(Result.takeError()));
  if (Result->StdoutTruncated)
    return scanError(Dir + ": the project is too large to scan (more than 64 MB of scan output)");
  if (!Result->Stdout.empty() && (Result->ExitStatus == 0 || Result->ExitStatus == 1)) {
    auto Scan = parseScanJSON(Result->Stdout);
    if (!Scan)
      return Scan.takeError();
    Scan->Root = Dir.str();
    return Scan;
  }
  return scanError("the Python scanner failed (" + Result->Reason +
                   "): " + StringRef(Result->Stderr).trim().take_back(2000));
}

} // namespace transform
} // namespace semcom
