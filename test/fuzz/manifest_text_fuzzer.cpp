//===- manifest_text_fuzzer.cpp - libFuzzer target: manifest text parser -===//
//
// Manifest files are written by tools and edited by people; whatever they hold,
// parse() must answer with a manifest or an error naming the line, never crash.
// Whatever it accepts must round-trip through serialize() and answer queries.
//
//===----------------------------------------------------------------------===//
#include "semcom/Manifest/Manifest.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace semcom::manifest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<Manifest> M = Manifest::parse(Text, "fuzz.manifest");
  if (!M) {
    std::string Message = llvm::toString(M.takeError());
    if (!llvm::StringRef(Message).starts_with("fuzz.manifest:"))
      abort(); // every parse error names the file and line
    return 0;
  }
  // Accepted: its own serialization must load and serialize identically.
  std::string Once = M->serialize();
  llvm::Expected<Manifest> Again = Manifest::parse(Once, "round-trip");
  if (!Again) {
    llvm::consumeError(Again.takeError());
    abort();
  }
  if (Again->serialize() != Once ||
      Again->entries().size() != M->entries().size())
    abort();

  // Queries on whatever was accepted (a few similarity queries: each is far
  // dearer than a parse).
  size_t Queried = 0;
  for (const Entry &E : M->entries()) {
    if (!M->lookup(E.Name))
      abort();
    if (Queried++ < 4)
      (void)M->findSimilar(E.Name + "x");
  }
  (void)M->collectRelevant({Text});
  (void)M->findSimilar(Text.take_front(40));
  (void)M->isShim(Text.take_front(16));
  return 0;
}
