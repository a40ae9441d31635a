//===- Serialize.h - Requests and Responses as JSON for cache and logs --===//
//
// The cache, the transcript and the replay provider store the same shapes; one writer and one
// reader keep them readable by each other.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_LLM_LIB_SERIALIZE_H
#define SEMCOM_LLM_LIB_SERIALIZE_H

#include "JSONUtil.h"
#include "semcom/LLM/Provider.h"

namespace semcom {
namespace llm {

void writeRequest(json::Writer &W, const Request &R);
void writeResponse(json::Writer &W, const Response &R);
/// Reads what writeResponse wrote; What names the source for errors.
llvm::Expected<Response> readResponse(const rapidjson::Value &V, llvm::StringRef What);
/// A short description of a request for error messages: model-facing text, clipped.
std::string describeRequest(const Request &R);

} // namespace llm
} // namespace semcom

#endif
