//===- MockServer.h - run semcom-mock-llm for one test ------------------===//
//
// Each test gets its own server on its own port (bind port 0), so tests run in
// parallel and never see each other's requests.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_TEST_LLM_MOCKSERVER_H
#define SEMCOM_TEST_LLM_MOCKSERVER_H

#include <string>
#include <vector>

namespace semcom {
namespace test {

/// A fresh temporary directory, removed with everything in it when this goes
/// away.
class TempDir {
public:
  TempDir();
  ~TempDir();
  const std::string &path() const { return Path; }
  std::string file(const std::string &Name) const { return Path + "/" + Name; }

private:
  std::string Path;
};

void writeFile(const std::string &Path, const std::string &Text);
std::string readFile(const std::string &Path);
/// Every regular file under Dir, recursively.
std::vector<std::string> filesUnder(const std::string &Dir);

class MockServer {
public:
  explicit MockServer(const std::string &ScriptJSON,
                      const std::vector<std::string> &Extra = {});
  ~MockServer();
  std::string url() const { return "http://127.0.0.1:" + std::to_string(Port); }
  /// Every request recorded so far, one JSON line each.
  std::vector<std::string> requests() const;
  const TempDir &dir() const { return Dir; }

private:
  TempDir Dir;
  int Port = 0;
  int Pid = 0;
};

} // namespace test
} // namespace semcom

#endif
