//===- AtomicFile.cpp - temporary, fsync, rename, fsync of the directory --===//
#include "semcom/Support/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace llvm;

namespace semcom {

static Error failure(std::error_code EC, const Twine &Message) {
  return createStringError(EC, "%s", Message.str().c_str());
}

Error writeFileAtomically(StringRef Path, StringRef Contents, StringRef TempDir) {
  SmallString<256> Dir = sys::path::parent_path(Path);
  for (StringRef D : {StringRef(Dir), TempDir})
    if (!D.empty())
      if (std::error_code EC = sys::fs::create_directories(D))
        return failure(EC, "cannot create " + D + ": " + EC.message());
  SmallString<256> Tmp;
  if (TempDir.empty()) {
    Tmp = Path;
  } else {
    Tmp = TempDir;
    sys::path::append(Tmp, sys::path::filename(Path));
  }
  int FD;
  if (std::error_code EC = sys::fs::createUniqueFile(Tmp + ".tmp-%%%%%%", FD, Tmp))
    return failure(EC, "cannot create a temporary file for " + Path + ": " + EC.message());
  std::error_code Failed;
  for (size_t Done = 0; !Failed && Done < Contents.size();) {
    ssize_t N = ::write(FD, Contents.data() + Done, Contents.size() - Done);
    if (N < 0 && errno != EINTR)
      Failed = std::error_code(errno, std::generic_category());
    else if (N > 0)
      Done += N;
  }
  if (!Failed && ::fsync(FD) != 0)
    Failed = std::error_code(errno, std::generic_category());
  ::close(FD);
  if (!Failed)
    Failed = sys::fs::rename(Tmp, Path);
  if (Failed) {
    sys::fs::remove(Tmp);
    return failure(Failed, "cannot write " + Path + ": " + Failed.message());
  }
  if (int DirFD = ::open(Dir.empty() ? "." : Dir.c_str(), O_RDONLY | O_DIRECTORY); DirFD >= 0) {
    ::fsync(DirFD);
    ::close(DirFD);
  }
  return Error::success();
}

} // namespace semcom
