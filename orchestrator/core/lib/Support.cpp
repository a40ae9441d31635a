//===- Support.cpp - small pieces every Semcom mode shares ----------------===//
//
// Factored out of the task pipeline so function mode writes files and prompts the same way;
// the durable write itself is semcom_support's writeFileAtomically.
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/Support.h"

#include "semcom/Core/Prompts.h"
#include "semcom/Fixup/RuntimeAPI.h"
#include "semcom/Support/AtomicFile.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace semcom {
namespace core {

Error writeDurably(StringRef Path, StringRef Contents, StringRef TempDir) {
  return writeFileAtomically(Path, Contents, TempDir);
}

namespace {
/// The HTTP framework's modules are listed only to steps that are about HTTP, to keep every other
/// prompt short.
bool isHttpModule(StringRef Module) {
  return Module.starts_with("http") || Module.starts_with("html");
}
} // namespace

bool mentionsHttp(ArrayRef<StringRef> Texts) {
  for (StringRef T : Texts) {
    std::string Lower = T.lower();
    for (const char *Word : {"http", "html", "route", "web server", "htmx"})
      if (StringRef(Lower).contains(Word))
        return true;
  }
  return false;
}

std::string runtimeSummary(bool Http) {
  std::string Out = Http ? "\nHTTP framework functions in the runtime (declare the ones you call "
                           "exactly like this; handlers are `i64 @handler(ptr %req_ctx, ptr "
                           "%resp_buf, i64 %buf_size)` returning bytes written or -1):\n"
                         : "Runtime functions (declare the ones you call exactly like this):\n";
  StringRef Module;
  for (const fixup::RuntimeFunction &F : fixup::runtimeFunctions()) {
    if (isHttpModule(F.Module) != Http || F.Name == "semcom_main")
      continue;
    if (F.Module != Module) {
      Module = F.Module;
      Out += "  ; " + Module.str() + "\n";
    }
    Out += "  declare " + F.Signature.str() + "\n";
  }
  return Out;
}

std::string irSystemPrompt(raw_ostream &Warnings) {
  auto System = promptTemplate("system");
  if (!System) {
    Warnings << "warning: " << toString(System.takeError()) << "\n";
    return runtimeSummary(false);
  }
  return *System + "\n" + runtimeSummary(false);
}

std::string quoteBytes(StringRef S, size_t Max) {
  std::string Out = "\"";
  size_t Shown = 0;
  for (unsigned char C : S) {
    if (Shown++ == Max) {
      Out += formatv("\"… ({0} bytes)", S.size()).str();
      return Out;
    }
    if (C == '\n')
      Out += "\\n";
    else if (C == '\r')
      Out += "\\r";
    else if (C == '\t')
      Out += "\\t";
    else if (C == '"' || C == '\\')
      Out += std::string("\\") + static_cast<char>(C);
    else if (C >= 0x20 && C < 0x7f)
      Out += static_cast<char>(C);
    else
      Out += formatv("\\x{0:x-2}", static_cast<unsigned>(C)).str();
  }
  return Out + "\"";
}

std::string htmlEscape(StringRef S) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '&':
      Out += "&amp;";
      break;
    case '"':
      Out += "&quot;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

std::string extractPythonBlock(StringRef Answer) {
  size_t Open = Answer.find("```python");
  if (Open == StringRef::npos)
    Open = Answer.find("```py");
  if (Open == StringRef::npos)
    Open = Answer.find("```");
  if (Open == StringRef::npos)
    return Answer.str();
  size_t Start = Answer.find('\n', Open);
  if (Start == StringRef::npos)
    return "";
  size_t End = Answer.find("```", Start);
  return Answer.slice(Start + 1, End == StringRef::npos ? Answer.size() : End).str();
}

} // namespace core
} // namespace semcom
