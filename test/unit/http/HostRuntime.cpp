//===- HostRuntime.cpp - host stand-ins for runtime functions, corpus reader
//-===//
//
// The IR HTTP modules call a handful of runtime functions (mem_alloc,
// copy_bytes, …); on the host they are libc calls, so the parser is tested
// without linking the libc-free runtime.
//
//===----------------------------------------------------------------------===//
#include "HttpRuntime.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

extern "C" {
void *mem_alloc(int64_t Size) { return std::malloc(static_cast<size_t>(Size)); }
void mem_free(void *P) { std::free(P); }
void *mem_realloc(void *P, int64_t Size) {
  return std::realloc(P, static_cast<size_t>(Size));
}
int64_t str_len(const char *S) { return static_cast<int64_t>(std::strlen(S)); }
int64_t format_i64(int64_t Value, char *Out, int64_t OutSize) {
  char Digits[24];
  int N = std::snprintf(Digits, sizeof Digits, "%lld",
                        static_cast<long long>(Value));
  if (N > OutSize)
    return -1;
  std::memcpy(Out, Digits, static_cast<size_t>(N));
  return N;
}
void copy_bytes(void *Dst, const void *Src, int64_t N) {
  std::memcpy(Dst, Src, static_cast<size_t>(N));
}
}

namespace semcom_test {

std::string decodeCorpusRequest(const std::string &Text) {
  std::string Expanded;
  for (size_t I = 0; I < Text.size();) {
    size_t Open = Text.find("<<", I);
    if (Open == std::string::npos) {
      Expanded += Text.substr(I);
      break;
    }
    size_t Colon = Text.find(':', Open);
    size_t Close = Text.find(">>", Open);
    if (Colon == std::string::npos || Close == std::string::npos ||
        Colon > Close)
      throw std::runtime_error("bad <<N:text>> in corpus: " + Text);
    Expanded += Text.substr(I, Open - I);
    unsigned long Count = std::stoul(Text.substr(Open + 2, Colon - Open - 2));
    std::string Piece = Text.substr(Colon + 1, Close - Colon - 1);
    for (unsigned long K = 0; K < Count; ++K)
      Expanded += Piece;
    I = Close + 2;
  }
  std::string Out;
  for (size_t I = 0; I < Expanded.size(); ++I) {
    char C = Expanded[I];
    if (C != '\\' || I + 1 == Expanded.size()) {
      Out += C;
      continue;
    }
    char E = Expanded[++I];
    switch (E) {
    case 'r':
      Out += '\r';
      break;
    case 'n':
      Out += '\n';
      break;
    case 't':
      Out += '\t';
      break;
    case '\\':
      Out += '\\';
      break;
    case 'x':
      Out +=
          static_cast<char>(std::stoi(Expanded.substr(I + 1, 2), nullptr, 16));
      I += 2;
      break;
    default:
      throw std::runtime_error(std::string("bad escape \\") + E + " in corpus");
    }
  }
  return Out;
}

std::vector<CorpusCase> readRequestCorpus(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    throw std::runtime_error("cannot open " + Path);
  std::vector<CorpusCase> Cases;
  std::string Line;
  unsigned LineNo = 0;
  while (std::getline(In, Line)) {
    ++LineNo;
    if (Line.empty() || Line[0] == '#')
      continue;
    size_t Space = Line.find(' ');
    if (Space == std::string::npos)
      throw std::runtime_error(Path + ":" + std::to_string(LineNo) +
                               ": no request");
    Cases.push_back({LineNo, Line.substr(0, Space),
                     decodeCorpusRequest(Line.substr(Space + 1))});
  }
  return Cases;
}

} // namespace semcom_test
