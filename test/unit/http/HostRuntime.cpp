//===- HostRuntime.cpp - the request corpus reader the HTTP host tests share -===//
//
// The runtime functions the IR calls are stood in for by HostStandIns.cpp.
//
//===----------------------------------------------------------------------===//
#include "HttpRuntime.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

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
