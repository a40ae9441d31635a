//===- Support.cpp - small pieces every Semcom mode shares ----------------===//
//
// Factored out of the task pipeline so function mode writes files and prompts the same way.
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/Support.h"

#include "semcom/Core/Prompts.h"
#include "semcom/Fixup/RuntimeAPI.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace llvm;

namespace semcom {
namespace core {

namespace {
Error supportError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), "%s", Message.str().c_str());
}
} // namespace

Error writeDurably(StringRef Path, StringRef Contents, StringRef TempDir) {
  SmallString<256> Dir = sys::path::parent_path(Path);
  for (StringRef D : {StringRef(Dir), TempDir})
    if (!D.empty())
      if (std::error_code EC = sys::fs::create_directories(D))
        return supportError("cannot create " + D + ": " + EC.message());
  SmallString<256> Tmp;
  if (TempDir.empty()) {
    Tmp = Path;
  } else {
    Tmp = TempDir;
    sys::path::append(Tmp, sys::path::filename(Path));
  }
  int FD;
  if (std::error_code EC = sys::fs::createUniqueFile(Tmp + ".tmp-%%%%%%", FD, Tmp))
    return supportError("cannot create a temporary file for " + Path + ": " + EC.message());
  bool Ok = true;
  for (size_t Done = 0; Ok && Done < Contents.size();) {
    ssize_t N = ::write(FD, Contents.data() + Done, Contents.size() - Done);
    if (N < 0 && errno != EINTR)
      Ok = false;
    else if (N > 0)
      Done += N;
  }
  Ok = Ok && ::fsync(FD) == 0;
  ::close(FD);
  if (!Ok || sys::fs::rename(Tmp, Path)) {
    sys::fs::remove(Tmp);
    return supportError("cannot write " + Path);
  }
  if (int DirFD = ::open(Dir.empty() ? "." : Dir.c_str(), O_RDONLY | O_DIRECTORY); DirFD >= 0) {
    ::fsync(DirFD);
    ::close(DirFD);
  }
  return Error::success();
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

} // namespace core
} // namespace semcom
