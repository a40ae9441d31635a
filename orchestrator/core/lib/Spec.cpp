//===- Spec.cpp - function specs: signature shapes and typed test vectors -===//
//
// The schema check of the intent layer's answer. It never repairs a spec: what it rejects goes back
// to the model with the reasons, because a guessed vector could blame correct IR.
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/Spec.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

using namespace llvm;

namespace semcom {
namespace core {

namespace {

Error specError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), "%s", Message.str().c_str());
}

std::optional<ScalarType> scalarFromName(StringRef Name) {
  return StringSwitch<std::optional<ScalarType>>(Name)
      .Case("i64", ScalarType::I64)
      .Case("i32", ScalarType::I32)
      .Case("i8", ScalarType::I8)
      .Case("i1", ScalarType::I1)
      .Case("double", ScalarType::Double)
      .Case("void", ScalarType::Void)
      .Default(std::nullopt);
}

/// An integer as a vector may write it: a JSON integer, or true/false for i1.
std::optional<int64_t> asInteger(const json::Value &V) {
  if (auto B = V.getAsBoolean())
    return *B ? 1 : 0;
  if (auto I = V.getAsInteger())
    return *I;
  if (auto D = V.getAsNumber())
    if (std::floor(*D) == *D && std::fabs(*D) < 9.0e15)
      return static_cast<int64_t>(*D);
  return std::nullopt;
}

/// Why V is not a value of scalar type T, or empty.
std::string scalarProblem(const json::Value &V, ScalarType T) {
  if (T == ScalarType::Double)
    return V.getAsNumber() ? "" : "a number";
  auto I = asInteger(V);
  if (!I)
    return (scalarTypeName(T) + " needs an integer").str();
  int64_t Lo = INT64_MIN, Hi = INT64_MAX;
  if (T == ScalarType::I32)
    Lo = INT32_MIN, Hi = INT32_MAX;
  else if (T == ScalarType::I8)
    Lo = -128, Hi = 255;
  else if (T == ScalarType::I1)
    Lo = 0, Hi = 1;
  if (*I < Lo || *I > Hi)
    return formatv("{0} is out of range for {1}", *I, scalarTypeName(T)).str();
  return "";
}

bool isIntArray(const json::Value &V) {
  auto *A = V.getAsArray();
  if (!A)
    return false;
  for (const json::Value &E : *A)
    if (!E.getAsInteger())
      return false;
  return true;
}

} // namespace

StringRef scalarTypeName(ScalarType T) {
  switch (T) {
  case ScalarType::I64:
    return "i64";
  case ScalarType::I32:
    return "i32";
  case ScalarType::I8:
    return "i8";
  case ScalarType::I1:
    return "i1";
  case ScalarType::Double:
    return "double";
  case ScalarType::Void:
    return "void";
  }
  return "?";
}

std::string FunctionSignature::str() const {
  std::string S = "define " + scalarTypeName(Return).str() + " @" + Name + "(";
  bool First = true;
  auto Add = [&](const std::string &P) {
    S += (First ? "" : ", ") + P;
    First = false;
  };
  for (const Param &P : Params) {
    switch (P.Kind) {
    case ParamKind::Scalar:
      Add(scalarTypeName(P.Type).str() + " %" + P.Name);
      break;
    case ParamKind::String:
      Add("ptr %" + P.Name);
      break;
    case ParamKind::OutBuffer:
      Add("ptr %out");
      Add("i64 %out_size");
      break;
    case ParamKind::Array:
      Add("ptr %arr");
      Add("i64 %n");
      break;
    }
  }
  return S + ")";
}

std::string FunctionSignature::irParamTypes() const {
  std::vector<std::string> Types;
  for (const Param &P : Params) {
    if (P.Kind == ParamKind::Scalar)
      Types.push_back(scalarTypeName(P.Type).str());
    else if (P.Kind == ParamKind::String)
      Types.push_back("ptr");
    else {
      Types.push_back("ptr");
      Types.push_back("i64");
    }
  }
  return join(Types, ", ");
}

bool FunctionSignature::hasOutBuffer() const {
  return any_of(Params, [](const Param &P) { return P.Kind == ParamKind::OutBuffer; });
}
bool FunctionSignature::hasArray() const {
  return any_of(Params, [](const Param &P) { return P.Kind == ParamKind::Array; });
}
unsigned FunctionSignature::inputCount() const {
  return count_if(Params, [](const Param &P) { return P.Kind != ParamKind::OutBuffer; });
}

Expected<FunctionSignature> parseFunctionSignature(StringRef Text) {
  StringRef S = Text.trim();
  S.consume_front("define ");
  S = S.trim();
  auto Bad = [&](const Twine &Why) {
    return specError("signature `" + Text.trim() + "`: " + Why);
  };
  size_t At = S.find('@'), Open = S.find('('), Close = S.rfind(')');
  if (At == StringRef::npos || Open == StringRef::npos || Close == StringRef::npos || Open < At ||
      Close < Open)
    return Bad("expected `RET @name(TYPE %param, ...)`");
  FunctionSignature Sig;
  StringRef Ret = S.take_front(At).trim();
  auto RetType = scalarFromName(Ret);
  if (!RetType)
    return Bad("return type '" + Ret + "' is not supported (i64, i32, i8, i1, double or void)");
  Sig.Return = *RetType;
  Sig.Name = S.slice(At + 1, Open).trim().str();
  if (Sig.Name.empty() ||
      !all_of(Sig.Name, [](char C) { return isAlnum(C) || C == '_' || C == '.'; }))
    return Bad("the function name must be a plain identifier");
  if (!S.drop_front(Close + 1).trim().empty())
    return Bad("unexpected text after the parameter list");
  SmallVector<StringRef, 8> Parts;
  StringRef List = S.slice(Open + 1, Close).trim();
  if (!List.empty())
    List.split(Parts, ',');
  struct Raw {
    std::string Type, Name;
  };
  std::vector<Raw> Raws;
  for (StringRef P : Parts) {
    P = P.trim();
    auto [Type, Name] = P.split(' ');
    Name = Name.trim();
    // Attributes such as `noundef` or `nocapture` between type and name are dropped.
    if (size_t Pct = Name.find('%'); Pct != StringRef::npos)
      Name = Name.drop_front(Pct + 1);
    else
      return Bad("parameter `" + P + "` needs a name (`TYPE %name`)");
    if (Name.empty())
      return Bad("parameter `" + P + "` needs a name");
    Raws.push_back({Type.str(), Name.str()});
  }
  for (size_t I = 0; I < Raws.size(); ++I) {
    const Raw &R = Raws[I];
    Param P;
    P.Name = R.Name;
    if (R.Type == "ptr") {
      bool LengthFollows = I + 1 < Raws.size() && Raws[I + 1].Type == "i64";
      if (R.Name == "out") {
        if (!LengthFollows || Raws[I + 1].Name != "out_size")
          return Bad("an output buffer is `ptr %out, i64 %out_size`");
        if (Sig.hasOutBuffer())
          return Bad("only one output buffer is supported");
        P.Kind = ParamKind::OutBuffer;
        ++I;
      } else if (R.Name == "arr") {
        if (!LengthFollows || Raws[I + 1].Name != "n")
          return Bad("an array is `ptr %arr, i64 %n`");
        if (Sig.hasArray())
          return Bad("only one array parameter is supported");
        P.Kind = ParamKind::Array;
        ++I;
      } else {
        P.Kind = ParamKind::String;
      }
    } else {
      auto T = scalarFromName(R.Type);
      if (!T || *T == ScalarType::Void)
        return Bad("parameter type '" + R.Type +
                   "' is not supported (i64, i32, i8, i1, double, or ptr for a string, "
                   "`ptr %out, i64 %out_size`, `ptr %arr, i64 %n`)");
      P.Type = *T;
    }
    Sig.Params.push_back(std::move(P));
  }
  if (Sig.hasOutBuffer() && Sig.Return != ScalarType::I64)
    return Bad("a function with an output buffer returns i64 (bytes written, or -1)");
  if (Sig.Return == ScalarType::Void && !Sig.hasArray())
    return Bad("a void function must modify an array (`ptr %arr, i64 %n`); otherwise nothing "
               "can be checked");
  return Sig;
}

Expected<json::Value> extractJSON(StringRef Answer) {
  // A ```json fence first; else the outermost braces.
  StringRef Body = Answer;
  if (size_t Fence = Answer.find("```json"); Fence != StringRef::npos) {
    size_t Start = Answer.find('\n', Fence);
    size_t End = Start == StringRef::npos ? StringRef::npos : Answer.find("```", Start);
    if (Start != StringRef::npos)
      Body = Answer.slice(Start + 1, End == StringRef::npos ? Answer.size() : End);
  }
  size_t Open = Body.find('{'), Close = Body.rfind('}');
  if (Open == StringRef::npos || Close == StringRef::npos || Close < Open)
    return specError("the answer contains no JSON object");
  auto V = json::parse(Body.slice(Open, Close + 1));
  if (!V)
    return specError("the answer is not valid JSON: " + toString(V.takeError()));
  return std::move(*V);
}

Expected<TestVector> parseVector(const json::Value &V, unsigned Index) {
  TestVector T;
  T.Index = Index;
  const json::Object *O = V.getAsObject();
  if (!O)
    return specError(formatv("vector {0}: must be an object", Index));
  const json::Array *Args = O->getArray("args");
  if (!Args)
    return specError(formatv("vector {0}: \"args\" must be an array", Index));
  T.Args = *Args;
  if (const json::Value *E = O->get("expect"))
    T.Expect = *E;
  if (const json::Value *A = O->get("arr_after")) {
    if (!A->getAsArray())
      return specError(formatv("vector {0}: \"arr_after\" must be an array", Index));
    T.ArrAfter = *A->getAsArray();
  }
  if (const json::Value *S = O->get("out_size")) {
    auto N = S->getAsInteger();
    if (!N || *N < 0 || *N > (1 << 20))
      return specError(formatv("vector {0}: \"out_size\" must be an integer 0..1048576", Index));
    T.OutSize = *N;
  }
  if (auto Note = O->getString("note"))
    T.Note = Note->str();
  return T;
}

std::vector<std::string> checkVector(const FunctionSignature &Sig, bool ModifiesArray,
                                     const TestVector &V) {
  std::vector<std::string> P;
  std::string At = formatv("vector {0}: ", V.Index).str();
  if (V.Args.size() != Sig.inputCount()) {
    P.push_back(At + formatv("\"args\" has {0} value{1} but the function takes {2} input{3}",
                             V.Args.size(), V.Args.size() == 1 ? "" : "s", Sig.inputCount(),
                             Sig.inputCount() == 1 ? "" : "s")
                         .str());
    return P;
  }
  size_t I = 0;
  for (const Param &Prm : Sig.Params) {
    if (Prm.Kind == ParamKind::OutBuffer)
      continue;
    const json::Value &A = V.Args[I++];
    std::string Where = At + "argument %" + Prm.Name + ": ";
    switch (Prm.Kind) {
    case ParamKind::Scalar:
      if (std::string Why = scalarProblem(A, Prm.Type); !Why.empty())
        P.push_back(Where + Why);
      break;
    case ParamKind::String: {
      auto S = A.getAsString();
      if (!S)
        P.push_back(Where + "a string");
      else if (S->contains('\0'))
        P.push_back(Where + "an input string cannot contain NUL");
      break;
    }
    case ParamKind::Array:
      if (!isIntArray(A))
        P.push_back(Where + "an array of integers");
      else if (V.ArrAfter && V.ArrAfter->size() != A.getAsArray()->size())
        P.push_back(At + "\"arr_after\" must have as many elements as the input array");
      break;
    case ParamKind::OutBuffer:
      break;
    }
  }
  if (Sig.hasOutBuffer()) {
    auto S = V.Expect.getAsString();
    auto N = V.Expect.getAsInteger();
    if (!S && !(N && *N == -1))
      P.push_back(At + "\"expect\" must be the output text (a string), or -1");
    if (N && *N == -1 && !V.OutSize)
      P.push_back(At + "an expected -1 needs \"out_size\" (the buffer size that is too small)");
  } else if (Sig.Return == ScalarType::Void) {
    if (V.Expect.kind() != json::Value::Null)
      P.push_back(At + "a void function has no \"expect\"; give \"arr_after\"");
  } else if (std::string Why = scalarProblem(V.Expect, Sig.Return); !Why.empty()) {
    P.push_back(At + "\"expect\": " + Why);
  }
  if (ModifiesArray && !V.ArrAfter)
    P.push_back(At + "the function modifies the array, so \"arr_after\" is required");
  if (!ModifiesArray && V.ArrAfter)
    P.push_back(At + "\"arr_after\" is only for functions with \"modifies_array\": true");
  return P;
}

Expected<FunctionSpec> parseSpec(const json::Value &Doc, StringRef ForcedSignature) {
  const json::Object *O = Doc.getAsObject();
  if (!O)
    return specError("the spec must be a JSON object");
  std::vector<std::string> Problems;
  FunctionSpec Spec;
  auto SigText = O->getString("signature");
  if (!SigText)
    return specError("\"signature\" (a string like `define i64 @f(i64 %a)`) is missing");
  auto Sig = parseFunctionSignature(*SigText);
  if (!Sig)
    return Sig.takeError();
  if (!ForcedSignature.empty()) {
    auto Forced = parseFunctionSignature(ForcedSignature);
    if (!Forced)
      return Forced.takeError();
    if (Forced->str() != Sig->str())
      return specError("the signature must be exactly `" + Forced->str() + "`, not `" +
                       Sig->str() + "`");
  }
  Spec.Sig = std::move(*Sig);
  if (auto D = O->getString("description"))
    Spec.Description = D->str();
  if (Spec.Description.empty())
    Problems.push_back("\"description\" (the contract in a few sentences) is missing");
  if (const json::Value *M = O->get("modifies_array")) {
    auto B = M->getAsBoolean();
    if (!B)
      Problems.push_back("\"modifies_array\" must be true or false");
    else
      Spec.ModifiesArray = *B;
  }
  if (Spec.ModifiesArray && !Spec.Sig.hasArray())
    Problems.push_back("\"modifies_array\" is true but the signature has no `ptr %arr, i64 %n`");
  const json::Array *Vectors = O->getArray("vectors");
  if (!Vectors || Vectors->empty() || Vectors->size() > 64) {
    Problems.push_back("\"vectors\" must be an array of 1 to 64 test vectors");
  } else {
    unsigned Index = 0;
    for (const json::Value &V : *Vectors) {
      auto T = parseVector(V, ++Index);
      if (!T) {
        Problems.push_back(toString(T.takeError()));
        continue;
      }
      for (std::string &P : checkVector(Spec.Sig, Spec.ModifiesArray, *T))
        Problems.push_back(std::move(P));
      Spec.Vectors.push_back(std::move(*T));
    }
  }
  if (!Problems.empty())
    return specError(join(Problems, "\n"));
  return Spec;
}

json::Value vectorToJSON(const TestVector &V) {
  json::Object O{{"args", json::Array(V.Args)}};
  if (V.Expect.kind() != json::Value::Null)
    O["expect"] = V.Expect;
  if (V.ArrAfter)
    O["arr_after"] = json::Array(*V.ArrAfter);
  if (V.OutSize)
    O["out_size"] = *V.OutSize;
  return json::Value(std::move(O));
}

std::string jsonText(const json::Value &V) { return formatv("{0}", V).str(); }

std::string describeCall(const FunctionSignature &Sig, const TestVector &V) {
  std::vector<std::string> Args;
  for (const json::Value &A : V.Args)
    Args.push_back(jsonText(A));
  std::string S = Sig.Name + "(" + join(Args, ", ") + ")";
  if (V.OutSize)
    S += formatv(" with out_size {0}", *V.OutSize).str();
  return S;
}

bool sameValue(const json::Value &A, const json::Value &B, ScalarType T) {
  if (auto SA = A.getAsString()) {
    auto SB = B.getAsString();
    return SB && *SA == *SB;
  }
  if (B.getAsString())
    return false;
  if (T == ScalarType::Double) {
    auto DA = A.getAsNumber(), DB = B.getAsNumber();
    if (!DA || !DB)
      return false;
    if (std::isnan(*DA) || std::isnan(*DB))
      return std::isnan(*DA) && std::isnan(*DB);
    return *DA == *DB || std::fabs(*DA - *DB) <= 1e-9 * std::max(std::fabs(*DA), std::fabs(*DB));
  }
  if (auto AA = A.getAsArray()) {
    auto AB = B.getAsArray();
    if (!AB || AA->size() != AB->size())
      return false;
    for (size_t I = 0; I < AA->size(); ++I)
      if (!sameValue((*AA)[I], (*AB)[I], ScalarType::I64))
        return false;
    return true;
  }
  auto IA = asInteger(A), IB = asInteger(B);
  if (!IA || !IB)
    return A.kind() == json::Value::Null && B.kind() == json::Value::Null;
  if (T == ScalarType::I1)
    return (*IA != 0) == (*IB != 0);
  if (T == ScalarType::I8) // signed or unsigned spelling of the same byte
    return static_cast<uint8_t>(*IA) == static_cast<uint8_t>(*IB);
  return *IA == *IB;
}

} // namespace core
} // namespace semcom
