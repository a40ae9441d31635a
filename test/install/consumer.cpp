// Uses the installed manifest library: one lookup in a manifest given as text.
#include "semcom/Manifest/Manifest.h"

#include <cstdio>

int main() {
  auto M = semcom::manifest::Manifest::parse(
      "# semcom-manifest 1\nds_push|stack.ll|public|3|void @ds_push(i64 %val)\n@end\n");
  if (!M) {
    std::printf("parse failed: %s\n", llvm::toString(M.takeError()).c_str());
    return 1;
  }
  const semcom::manifest::Entry *E = M->lookup("ds_push");
  std::printf("%s\n", E ? E->Signature.c_str() : "not found");
  return E ? 0 : 1;
}
