//===- TestTree.h - temporary IR trees for the manifest tests -------------===//
//
// Tests build manifests from real files on disk; this makes and removes the
// directory.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_TEST_UNIT_MANIFEST_TESTTREE_H
#define SEMCOM_TEST_UNIT_MANIFEST_TESTTREE_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>
#include <string>

class TempTree {
public:
  TempTree() {
    llvm::SmallString<128> P;
    REQUIRE(!llvm::sys::fs::createUniqueDirectory("semcom-manifest-test", P));
    Root = P.str().str();
  }
  ~TempTree() { llvm::sys::fs::remove_directories(Root); }
  TempTree(const TempTree &) = delete;
  TempTree &operator=(const TempTree &) = delete;

  std::string path(const llvm::Twine &Rel) const {
    return (Root + "/" + Rel).str();
  }

  void write(const llvm::Twine &Rel, llvm::StringRef Content) const {
    std::string P = path(Rel);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    REQUIRE(!EC);
    OS << Content;
  }

  /// Sets a file's modification time, so refresh tests need not sleep.
  void setMTime(const llvm::Twine &Rel, int64_t SecondsSinceEpoch) const {
    int FD;
    REQUIRE(!llvm::sys::fs::openFileForWrite(path(Rel), FD,
                                             llvm::sys::fs::CD_OpenExisting,
                                             llvm::sys::fs::OF_Append));
    llvm::sys::TimePoint<> T{std::chrono::seconds(SecondsSinceEpoch)};
    REQUIRE(!llvm::sys::fs::setLastAccessAndModificationTime(FD, T, T));
    llvm::sys::Process::SafelyCloseFileDescriptor(FD);
  }

  std::string Root;
};

#endif
