//===- MockServer.cpp - run semcom-mock-llm for one test ----------------===//
//
// Starts the real mock server binary in the background and stops it when the
// test ends.
//
//===----------------------------------------------------------------------===//
#include "MockServer.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>
#include <sstream>

using namespace llvm;

namespace semcom {
namespace test {

TempDir::TempDir() {
  SmallString<128> P;
  if (sys::fs::createUniqueDirectory("semcom-llm-test", P))
    FAIL("cannot create a temporary directory");
  Path = std::string(P);
}
TempDir::~TempDir() { sys::fs::remove_directories(Path); }

void writeFile(const std::string &Path, const std::string &Text) {
  std::ofstream Out(Path);
  Out << Text;
}

std::string readFile(const std::string &Path) {
  std::ifstream In(Path);
  std::stringstream SS;
  SS << In.rdbuf();
  return SS.str();
}

std::vector<std::string> filesUnder(const std::string &Dir) {
  std::vector<std::string> Out;
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator I(Dir, EC), E; I != E && !EC;
       I.increment(EC))
    if (I->type() == sys::fs::file_type::regular_file)
      Out.push_back(I->path());
  return Out;
}

MockServer::MockServer(const std::string &ScriptJSON,
                       const std::vector<std::string> &Extra) {
  std::string Script = Dir.file("script.json");
  writeFile(Script, ScriptJSON);
  std::string Exe = SEMCOM_BINARY_DIR "/bin/semcom-mock-llm";
  std::vector<std::string> Args = {Exe,           "--background",
                                   "--script",    Script,
                                   "--record",    Dir.file("requests.jsonl"),
                                   "--port-file", Dir.file("port"),
                                   "--pid-file",  Dir.file("pid"),
                                   "--lifetime",  "120"};
  Args.insert(Args.end(), Extra.begin(), Extra.end());
  std::vector<StringRef> Refs(Args.begin(), Args.end());
  std::string ErrMsg;
  // The port is read from the port file; the printed copy would only clutter
  // the test log.
  std::optional<StringRef> Redirects[] = {std::nullopt, StringRef(""),
                                          std::nullopt};
  int RC =
      sys::ExecuteAndWait(Exe, Refs, std::nullopt, Redirects, 0, 0, &ErrMsg);
  REQUIRE(RC == 0);
  Port = std::stoi(readFile(Dir.file("port")));
  Pid = std::stoi(readFile(Dir.file("pid")));
}

MockServer::~MockServer() {
  if (Pid > 0)
    ::kill(Pid, SIGTERM);
}

std::vector<std::string> MockServer::requests() const {
  std::vector<std::string> Lines;
  std::istringstream In(readFile(Dir.file("requests.jsonl")));
  for (std::string L; std::getline(In, L);)
    if (!L.empty())
      Lines.push_back(L);
  return Lines;
}

} // namespace test
} // namespace semcom
