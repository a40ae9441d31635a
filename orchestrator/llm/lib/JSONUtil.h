//===- JSONUtil.h - small RapidJSON helpers shared by the providers -----===//
//
// RapidJSON asserts on type mismatches, so every read of untrusted JSON goes
// through these checked accessors instead of operator[].
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_LLM_LIB_JSONUTIL_H
#define SEMCOM_LLM_LIB_JSONUTIL_H

#include "semcom/LLM/Provider.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>

namespace semcom {
namespace llm {
namespace json {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

inline void str(Writer &W, llvm::StringRef S) {
  W.String(S.data(), static_cast<rapidjson::SizeType>(S.size()));
}

/// A `{"role": Role, TextKey: Text}` object: the message shape both wire protocols, the cache key
/// and the transcript share (the protocols call the text "content", Semcom's own records "text").
inline void message(Writer &W, llvm::StringRef Role, const char *TextKey,
                    llvm::StringRef Text) {
  W.StartObject();
  W.Key("role");
  str(W, Role);
  W.Key(TextKey);
  str(W, Text);
  W.EndObject();
}

/// Each of Messages as a message object ("user" or "assistant"), into the array being written.
inline void messages(Writer &W, const std::vector<Message> &Messages, const char *TextKey) {
  for (const Message &M : Messages)
    message(W, M.Who == Message::Role::User ? "user" : "assistant", TextKey, M.Text);
}

/// `Key: [Strings…]`, left out when Strings is empty.
inline void nonEmptyStrings(Writer &W, const char *Key, const std::vector<std::string> &Strings) {
  if (Strings.empty())
    return;
  W.Key(Key);
  W.StartArray();
  for (const std::string &S : Strings)
    str(W, S);
  W.EndArray();
}

inline const rapidjson::Value *member(const rapidjson::Value &V,
                                      const char *Name) {
  if (!V.IsObject())
    return nullptr;
  auto It = V.FindMember(Name);
  return It == V.MemberEnd() ? nullptr : &It->value;
}

inline std::optional<std::string> getString(const rapidjson::Value &V,
                                            const char *Name) {
  const rapidjson::Value *M = member(V, Name);
  if (!M || !M->IsString())
    return std::nullopt;
  return std::string(M->GetString(), M->GetStringLength());
}

inline uint64_t getUInt(const rapidjson::Value &V, const char *Name) {
  const rapidjson::Value *M = member(V, Name);
  if (!M)
    return 0;
  if (M->IsUint64())
    return M->GetUint64();
  if (M->IsDouble() && M->GetDouble() >= 0)
    return static_cast<uint64_t>(M->GetDouble());
  return 0;
}

inline std::optional<double> getNumber(const rapidjson::Value &V,
                                       const char *Name) {
  const rapidjson::Value *M = member(V, Name);
  if (!M || !M->IsNumber())
    return std::nullopt;
  return M->GetDouble();
}

/// Line and column (1-based) of a byte offset, for file:line:col messages.
inline std::pair<unsigned, unsigned> lineCol(llvm::StringRef Text,
                                             size_t Offset) {
  unsigned Line = 1, Col = 1;
  for (size_t I = 0; I < Offset && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++Line;
      Col = 1;
    } else {
      ++Col;
    }
  }
  return {Line, Col};
}

/// Parses Text; on failure the message starts with What (e.g. a file name, or
/// "response from …").
inline llvm::Error parse(rapidjson::Document &Doc, llvm::StringRef Text,
                         llvm::StringRef What) {
  Doc.Parse(Text.data(), Text.size());
  if (!Doc.HasParseError())
    return llvm::Error::success();
  auto [Line, Col] = lineCol(Text, Doc.GetErrorOffset());
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(), "%s:%u:%u: invalid JSON: %s",
      What.str().c_str(), Line, Col,
      rapidjson::GetParseError_En(Doc.GetParseError()));
}

} // namespace json
} // namespace llm
} // namespace semcom

#endif
