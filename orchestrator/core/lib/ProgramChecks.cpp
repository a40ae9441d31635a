//===- ProgramChecks.cpp - the checks document: schema, edge cases, reports -===//
//
// The schema check of a program's behavioural checks. Like Spec.cpp it never guesses: every
// problem of a document is listed so a person (or a re-ask) sees them all at once. Inputs can be
// text, base64 (arbitrary bytes, NUL included) or a repeated text (inputs of several megabytes
// without a document of several megabytes).
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/ProgramChecks.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace semcom {
namespace core {

StringRef programKindName(ProgramKind K) {
  switch (K) {
  case ProgramKind::Cli:
    return "cli";
  case ProgramKind::Tcp:
    return "tcp";
  case ProgramKind::Http:
    return "http";
  }
  return "cli";
}

namespace {

/// Collects every problem of one document, each prefixed with where it is.
struct Problems {
  std::vector<std::string> List;
  void add(const Twine &Where, const Twine &What) { List.push_back((Where + ": " + What).str()); }
};

/// Reads a byte field that may be given as KEY (text) or KEY_base64; at most one of them.
std::optional<std::string> bytesField(const json::Object &O, StringRef Key, const Twine &Where,
                                      Problems &P) {
  const json::Value *Text = O.get(Key);
  const json::Value *B64 = O.get((Key + "_base64").str());
  if (Text && B64) {
    P.add(Where, "give \"" + Key + "\" or \"" + Key + "_base64\", not both");
    return std::nullopt;
  }
  if (Text) {
    if (auto S = Text->getAsString())
      return S->str();
    P.add(Where, "\"" + Key + "\" must be a string");
    return std::nullopt;
  }
  if (B64) {
    auto S = B64->getAsString();
    std::vector<char> Bytes;
    if (!S) {
      P.add(Where, "\"" + Key + "_base64\" must be a string");
      return std::nullopt;
    }
    if (Error E = decodeBase64(*S, Bytes)) {
      P.add(Where, "\"" + Key + "_base64\" is not base64: " + toString(std::move(E)));
      return std::nullopt;
    }
    return std::string(Bytes.begin(), Bytes.end());
  }
  return std::nullopt;
}

std::optional<std::vector<std::string>> stringList(const json::Object &O, StringRef Key,
                                                   const Twine &Where, Problems &P) {
  const json::Value *V = O.get(Key);
  if (!V)
    return std::nullopt;
  const json::Array *A = V->getAsArray();
  if (!A) {
    P.add(Where, "\"" + Key + "\" must be an array of strings");
    return std::nullopt;
  }
  std::vector<std::string> Out;
  for (size_t I = 0; I < A->size(); ++I) {
    auto S = (*A)[I].getAsString();
    if (!S) {
      P.add(Where, formatv("\"{0}\"[{1}] must be a string", Key, I));
      continue;
    }
    Out.push_back(S->str());
  }
  return Out;
}

std::vector<std::pair<std::string, std::string>> stringMap(const json::Object &O, StringRef Key,
                                                           const Twine &Where, Problems &P) {
  std::vector<std::pair<std::string, std::string>> Out;
  const json::Value *V = O.get(Key);
  if (!V)
    return Out;
  const json::Object *M = V->getAsObject();
  if (!M) {
    P.add(Where, "\"" + Key + "\" must be an object of strings");
    return Out;
  }
  for (const auto &KV : *M) {
    auto S = KV.second.getAsString();
    if (!S) {
      P.add(Where, "\"" + Key + "\"." + KV.first.str() + " must be a string");
      continue;
    }
    if (StringRef(KV.first).find_first_of("\r\n:") != StringRef::npos ||
        S->find_first_of("\r\n") != StringRef::npos) {
      P.add(Where, "\"" + Key + "\"." + KV.first.str() + ": no CR, LF or ':' in header lines");
      continue;
    }
    Out.push_back({KV.first.str(), S->str()});
  }
  llvm::sort(Out);
  return Out;
}

void unknownKeys(const json::Object &O, ArrayRef<StringRef> Known, const Twine &Where,
                 Problems &P) {
  std::vector<std::string> Keys;
  for (const auto &KV : O)
    if (!is_contained(Known, StringRef(KV.first)))
      Keys.push_back(KV.first.str());
  llvm::sort(Keys);
  for (const std::string &K : Keys)
    P.add(Where, "unknown key \"" + K + "\" (known: " + join(Known, ", ") + ")");
}

/// {"text": T, "times": N}: T repeated N times (large inputs without a large document).
std::optional<std::string> repeated(const json::Object &O, StringRef Key, const Twine &Where,
                                    Problems &P) {
  const json::Value *R = O.get(Key);
  if (!R)
    return std::nullopt;
  const json::Object *RO = R->getAsObject();
  auto Text = RO ? RO->getString("text") : std::nullopt;
  auto Times = RO ? RO->getInteger("times") : std::nullopt;
  if (!Text || !Times || *Times < 0) {
    P.add(Where, "\"" + Key + "\" must be {\"text\": STRING, \"times\": N >= 0}");
    return std::nullopt;
  }
  if (Text->empty())
    return std::string();
  // Checked before multiplying, so a huge count cannot wrap around to a small size.
  uint64_t Times64 = static_cast<uint64_t>(*Times);
  if (Times64 > MaxCheckInputBytes / Text->size()) {
    P.add(Where, formatv("\"{0}\" makes {1} × {2} bytes; at most {3}", Key, Times64,
                         Text->size(), MaxCheckInputBytes));
    return std::nullopt;
  }
  uint64_t Size = Text->size() * Times64;
  std::string Out;
  Out.reserve(Size);
  for (int64_t I = 0; I < *Times; ++I)
    Out += *Text;
  return Out;
}

void parseCli(const json::Object &O, ProgramCheck &C, const std::string &Where, Problems &P) {
  unknownKeys(O,
              {"name", "timeout", "generated", "args", "stdin", "stdin_base64", "stdin_repeat",
               "stdout", "stdout_base64", "stdout_repeat", "stdout_contains", "exit"},
              Where, P);
  if (auto A = stringList(O, "args", Where, P))
    C.Args = *A;
  unsigned Inputs = 0;
  if (auto S = bytesField(O, "stdin", Where, P)) {
    C.Stdin = *S;
    ++Inputs;
  }
  if (auto R = repeated(O, "stdin_repeat", Where, P)) {
    ++Inputs;
    C.Stdin = std::move(*R);
  }
  if (Inputs > 1)
    P.add(Where, "give one of \"stdin\", \"stdin_base64\", \"stdin_repeat\"");
  C.Stdout = bytesField(O, "stdout", Where, P);
  if (auto R = repeated(O, "stdout_repeat", Where, P)) {
    if (C.Stdout)
      P.add(Where, "give \"stdout\" or \"stdout_repeat\", not both");
    C.Stdout = std::move(R);
  }
  if (auto L = stringList(O, "stdout_contains", Where, P))
    C.StdoutContains = *L;
  if (const json::Value *E = O.get("exit")) {
    auto I = E->getAsInteger();
    if (!I || *I < 0 || *I > 255)
      P.add(Where, "\"exit\" must be an integer 0..255");
    else
      C.Exit = static_cast<int>(*I);
  }
  if (!C.Generated && !C.Stdout && C.StdoutContains.empty() && !C.Exit)
    P.add(Where, "says nothing to check: give \"stdout\", \"stdout_contains\" or \"exit\"");
}

void parseTcp(const json::Object &O, ProgramCheck &C, const std::string &Where, Problems &P) {
  unknownKeys(O, {"name", "timeout", "exchanges"}, Where, P);
  const json::Array *A = O.getArray("exchanges");
  if (!A || A->empty()) {
    P.add(Where, "\"exchanges\" must be a non-empty array of {\"send\", \"expect\"}");
    return;
  }
  for (size_t I = 0; I < A->size(); ++I) {
    std::string W = formatv("{0}: exchange {1}", Where, I + 1).str();
    const json::Object *E = (*A)[I].getAsObject();
    if (!E) {
      P.add(W, "must be an object");
      continue;
    }
    unknownKeys(*E,
                {"send", "send_base64", "send_repeat", "expect", "expect_base64", "expect_repeat"},
                W, P);
    Exchange X;
    auto Send = bytesField(*E, "send", W, P);
    if (auto R = repeated(*E, "send_repeat", W, P)) {
      if (Send)
        P.add(W, "give \"send\" or \"send_repeat\", not both");
      Send = std::move(R);
    }
    auto Expect = bytesField(*E, "expect", W, P);
    if (auto R = repeated(*E, "expect_repeat", W, P)) {
      if (Expect)
        P.add(W, "give \"expect\" or \"expect_repeat\", not both");
      Expect = std::move(R);
    }
    if (!Send && !Expect) {
      P.add(W, "needs \"send\" and/or \"expect\"");
      continue;
    }
    X.Send = Send.value_or("");
    X.Expect = Expect.value_or("");
    C.Exchanges.push_back(std::move(X));
  }
}

void parseHttp(const json::Object &O, ProgramCheck &C, const std::string &Where, Problems &P) {
  unknownKeys(O, {"name", "timeout", "request", "status", "body_contains", "headers_contain"},
              Where, P);
  const json::Object *Req = O.getObject("request");
  if (!Req) {
    P.add(Where, "\"request\" must be an object {\"method\", \"path\", \"headers\", \"body\"}");
  } else {
    std::string W = Where + ": request";
    unknownKeys(*Req, {"method", "path", "headers", "body", "body_base64"}, W, P);
    if (const json::Value *M = Req->get("method")) {
      auto S = M->getAsString();
      if (!S || S->empty() || S->size() > 16 ||
          !all_of(*S, [](char Ch) { return isAlnum(Ch) || Ch == '-' || Ch == '_'; }))
        P.add(W, "\"method\" must be a token such as GET or POST");
      else
        C.Request.Method = S->str();
    }
    if (const json::Value *Pa = Req->get("path")) {
      auto S = Pa->getAsString();
      if (!S || !S->starts_with("/") ||
          any_of(*S, [](unsigned char Ch) { return Ch <= 0x20 || Ch == 0x7f; }))
        P.add(W, "\"path\" must start with '/' and hold no spaces or control bytes");
      else
        C.Request.Path = S->str();
    }
    C.Request.Headers = stringMap(*Req, "headers", W, P);
    C.Request.Body = bytesField(*Req, "body", W, P).value_or("");
  }
  if (const json::Value *S = O.get("status")) {
    auto I = S->getAsInteger();
    if (!I || *I < 100 || *I > 599)
      P.add(Where, "\"status\" must be an HTTP status 100..599");
    else
      C.Status = static_cast<int>(*I);
  }
  if (auto L = stringList(O, "body_contains", Where, P))
    C.BodyContains = *L;
  C.HeadersContain = stringMap(O, "headers_contain", Where, P);
  if (!C.Status && C.BodyContains.empty() && C.HeadersContain.empty())
    P.add(Where, "says nothing to check: give \"status\", \"body_contains\" or "
                 "\"headers_contain\"");
}

Error checksError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), "%s", Message.str().c_str());
}

} // namespace

Expected<ProgramChecks> parseProgramChecks(const json::Value &Doc) {
  Problems P;
  ProgramChecks C;
  const json::Object *O = Doc.getAsObject();
  if (!O)
    return checksError("checks: the document must be a JSON object");
  unknownKeys(*O, {"kind", "port", "args", "description", "checks"}, "checks", P);
  auto Kind = O->getString("kind");
  if (Kind == std::optional<StringRef>("cli"))
    C.Kind = ProgramKind::Cli;
  else if (Kind == std::optional<StringRef>("tcp"))
    C.Kind = ProgramKind::Tcp;
  else if (Kind == std::optional<StringRef>("http"))
    C.Kind = ProgramKind::Http;
  else
    P.add("checks", "\"kind\" must be \"cli\", \"tcp\" or \"http\"");
  bool Server = C.Kind != ProgramKind::Cli;
  if (const json::Value *Port = O->get("port")) {
    auto I = Port->getAsInteger();
    if (!I || *I < 1 || *I > 65535)
      P.add("checks", "\"port\" must be an integer 1..65535");
    else
      C.Port = static_cast<int>(*I);
  } else if (Server && Kind) {
    P.add("checks", "a " + Kind->str() + " program needs \"port\" (where it listens)");
  }
  if (auto A = stringList(*O, "args", "checks", P))
    C.ServerArgs = *A;
  C.Description = O->getString("description").value_or("").str();
  const json::Array *Checks = O->getArray("checks");
  if (!Checks || Checks->empty())
    P.add("checks", "\"checks\" must be a non-empty array");
  else if (Checks->size() > 200)
    P.add("checks", "at most 200 checks");
  StringSet<> Names;
  for (size_t I = 0; Checks && I < Checks->size() && I < 200; ++I) {
    ProgramCheck Ch;
    Ch.Index = I + 1;
    std::string Where = formatv("check {0}", I + 1).str();
    const json::Object *CO = (*Checks)[I].getAsObject();
    if (!CO) {
      P.add(Where, "must be an object");
      continue;
    }
    Ch.Name = CO->getString("name").value_or("").str();
    if (Ch.Name.empty())
      Ch.Name = Where;
    else if (!Names.insert(Ch.Name).second)
      P.add(Where, "the name \"" + Ch.Name + "\" is used twice");
    if (const json::Value *T = CO->get("timeout")) {
      auto D = T->getAsNumber();
      if (!D || *D <= 0 || *D > 120)
        P.add(Where, "\"timeout\" must be seconds in (0, 120]");
      else
        Ch.TimeoutSeconds = *D;
    }
    if (const json::Value *G = CO->get("generated")) {
      if (!G->getAsBoolean())
        P.add(Where, "\"generated\" must be true or false");
      else
        Ch.Generated = *G->getAsBoolean();
    }
    if (!Kind)
      continue;
    if (C.Kind == ProgramKind::Cli)
      parseCli(*CO, Ch, Where, P);
    else if (C.Kind == ProgramKind::Tcp)
      parseTcp(*CO, Ch, Where, P);
    else
      parseHttp(*CO, Ch, Where, P);
    C.Checks.push_back(std::move(Ch));
  }
  if (!P.List.empty())
    return checksError(join(P.List, "\n"));
  return C;
}

Expected<ProgramChecks> loadProgramChecks(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return checksError(Path + ": " + Buffer.getError().message());
  auto Doc = json::parse((*Buffer)->getBuffer());
  if (!Doc)
    return checksError(Path + ": not JSON: " + toString(Doc.takeError()));
  auto C = parseProgramChecks(*Doc);
  if (!C) {
    std::string Problems = toString(C.takeError()), Lines;
    for (StringRef L : split(Problems, '\n'))
      Lines += (Lines.empty() ? "" : "\n") + (Path + ": " + L).str();
    return checksError(Lines);
  }
  return C;
}

json::Value programChecksToJSON(const ProgramChecks &C) {
  auto B64 = [](StringRef S) { return encodeBase64(S); };
  auto Strings = [](ArrayRef<std::string> L) {
    json::Array A;
    for (const std::string &S : L)
      A.push_back(json::fixUTF8(S));
    return A;
  };
  auto Map = [](ArrayRef<std::pair<std::string, std::string>> M) {
    json::Object O;
    for (const auto &KV : M)
      O[KV.first] = json::fixUTF8(KV.second);
    return O;
  };
  json::Array Checks;
  for (const ProgramCheck &Ch : C.Checks) {
    json::Object O{{"name", json::fixUTF8(Ch.Name)}, {"timeout", Ch.TimeoutSeconds}};
    if (Ch.Generated)
      O["generated"] = true;
    switch (C.Kind) {
    case ProgramKind::Cli:
      O["args"] = Strings(Ch.Args);
      O["stdin_base64"] = B64(Ch.Stdin);
      if (Ch.Stdout)
        O["stdout_base64"] = B64(*Ch.Stdout);
      if (!Ch.StdoutContains.empty())
        O["stdout_contains"] = Strings(Ch.StdoutContains);
      if (Ch.Exit)
        O["exit"] = *Ch.Exit;
      break;
    case ProgramKind::Tcp: {
      json::Array X;
      for (const Exchange &E : Ch.Exchanges)
        X.push_back(json::Object{{"send_base64", B64(E.Send)}, {"expect_base64", B64(E.Expect)}});
      O["exchanges"] = std::move(X);
      break;
    }
    case ProgramKind::Http:
      O["request"] = json::Object{{"method", Ch.Request.Method},
                                  {"path", json::fixUTF8(Ch.Request.Path)},
                                  {"headers", Map(Ch.Request.Headers)},
                                  {"body_base64", B64(Ch.Request.Body)}};
      if (Ch.Status)
        O["status"] = *Ch.Status;
      if (!Ch.BodyContains.empty())
        O["body_contains"] = Strings(Ch.BodyContains);
      if (!Ch.HeadersContain.empty())
        O["headers_contain"] = Map(Ch.HeadersContain);
      break;
    }
    Checks.push_back(std::move(O));
  }
  json::Object Doc{{"kind", programKindName(C.Kind)},
                   {"args", Strings(C.ServerArgs)},
                   {"checks", std::move(Checks)}};
  if (C.Kind != ProgramKind::Cli)
    Doc["port"] = C.Port;
  if (!C.Description.empty())
    Doc["description"] = json::fixUTF8(C.Description);
  return Doc;
}

unsigned addEdgeCaseChecks(ProgramChecks &C) {
  if (C.Kind != ProgramKind::Cli)
    return 0;
  bool Empty = false, NoNewline = false, Nul = false, Big = false;
  for (const ProgramCheck &Ch : C.Checks) {
    Empty |= Ch.Stdin.empty();
    NoNewline |= !Ch.Stdin.empty() && Ch.Stdin.back() != '\n';
    Nul |= StringRef(Ch.Stdin).contains('\0');
    Big |= Ch.Stdin.size() >= (2u << 20);
  }
  std::vector<std::string> Args = C.Checks.empty() ? std::vector<std::string>{}
                                                   : C.Checks.front().Args;
  unsigned Added = 0;
  auto Add = [&](StringRef Name, std::string Stdin) {
    ProgramCheck Ch;
    Ch.Index = C.Checks.size() + 1;
    Ch.Name = Name.str();
    Ch.Args = Args;
    Ch.Stdin = std::move(Stdin);
    Ch.Generated = true;
    Ch.TimeoutSeconds = 10;
    C.Checks.push_back(std::move(Ch));
    ++Added;
  };
  if (!Empty)
    Add("edge: empty input", "");
  if (!NoNewline)
    Add("edge: last line without newline", "first line\nlast line");
  if (!Nul)
    Add("edge: NUL bytes", std::string("a\0b\nc\0\n", 7));
  if (!Big) {
    std::string S;
    S.reserve(3u << 20);
    for (unsigned I = 0; S.size() < (3u << 20); ++I)
      S += "line " + std::to_string(I) + " of a multi-megabyte input\n";
    Add("edge: 3 MB input", std::move(S));
  }
  return Added;
}

void applyCrossCheck(ProgramChecks &C, ArrayRef<CheckOutcome> Reference, ProgramReport &R) {
  std::vector<ProgramCheck> Kept;
  for (size_t I = 0; I < C.Checks.size(); ++I) {
    ProgramCheck &Ch = C.Checks[I];
    const CheckOutcome *Ref = I < Reference.size() ? &Reference[I] : nullptr;
    if (Ch.Generated && Ref && Ref->Reason.empty() && Ref->RawExit == 0) {
      // No expectation of its own: the reference's answer becomes it.
      Ch.Stdout = Ref->RawStdout;
      Ch.Exit = Ref->RawExit;
      Kept.push_back(std::move(Ch));
      continue;
    }
    if (Ref && Ref->Passed && !Ch.Generated) {
      Kept.push_back(std::move(Ch));
      continue;
    }
    ProgramReport::Disputed D;
    D.Index = Ch.Index;
    D.Name = Ch.Name;
    D.Expected = Ref ? Ref->Want : "";
    D.Reference = !Ref              ? "no result"
                  : Ref->Reason.empty() ? Ref->Got
                                        : Ref->Got + " (" + Ref->Reason + ")";
    R.DisputedChecks.push_back(std::move(D));
  }
  C.Checks = std::move(Kept);
}

void printProgramTable(ArrayRef<ProgramReport> Reports, raw_ostream &OS) {
  OS << formatv("{0,-24} | {1,11} | {2,7} | {3,-6} | {4,7}\n", "Program", "Binary size", "Checks",
                "Result", "Time");
  OS << std::string(24, '-') << "-|-" << std::string(11, '-') << "-|-" << std::string(7, '-')
     << "-|-" << std::string(6, '-') << "-|-" << std::string(7, '-') << "\n";
  for (const ProgramReport &R : Reports)
    OS << formatv("{0,-24} | {1,11} | {2,7} | {3,-6} | {4,6:f1}s\n", R.Name, R.Size,
                  formatv("{0}/{1}", R.Passed, R.Total).str(), R.passed() ? "PASS" : "FAIL",
                  R.Seconds);
}

json::Value programReportJSON(const ProgramReport &R) {
  json::Array Checks, Disputed, Rejected;
  for (const CheckOutcome &O : R.Outcomes)
    Checks.push_back(json::Object{{"index", O.Index},
                                  {"name", json::fixUTF8(O.Name)},
                                  {"passed", O.Passed},
                                  {"got", json::fixUTF8(O.Got)},
                                  {"want", json::fixUTF8(O.Want)},
                                  {"reason", json::fixUTF8(O.Reason)}});
  for (const ProgramReport::Disputed &D : R.DisputedChecks)
    Disputed.push_back(json::Object{{"index", D.Index},
                                    {"name", json::fixUTF8(D.Name)},
                                    {"expected", json::fixUTF8(D.Expected)},
                                    {"reference", json::fixUTF8(D.Reference)}});
  for (const std::string &S : R.Rejected)
    Rejected.push_back(json::fixUTF8(S));
  return json::Object{{"name", json::fixUTF8(R.Name)},
                      {"path", json::fixUTF8(R.Path)},
                      {"size", static_cast<int64_t>(R.Size)},
                      {"checks_passed", R.Passed},
                      {"checks_total", R.Total},
                      {"checks_source", R.ChecksSource},
                      {"disputed", std::move(Disputed)},
                      {"status", R.Status},
                      {"error", json::fixUTF8(R.Error)},
                      {"repair_rounds", R.RepairRounds},
                      {"rejected_repairs", std::move(Rejected)},
                      {"model_calls", R.ModelCalls},
                      {"seconds", R.Seconds},
                      {"checks", std::move(Checks)}};
}

} // namespace core
} // namespace semcom
