//===- Spec.h - function specs: signature shapes and typed test vectors ---===//
//
// The intent layer's answer is data, not prose: a signature in one of the shapes the harness can
// drive, a one-paragraph contract and test vectors. Everything here is checked before any vector is
// trusted, so a malformed spec is re-asked with a precise reason instead of being guessed at.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CORE_SPEC_H
#define SEMCOM_CORE_SPEC_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace semcom {
namespace core {

enum class ScalarType { I64, I32, I8, I1, Double, Void };
llvm::StringRef scalarTypeName(ScalarType T);

/// One logical parameter: an output buffer or an array is two IR parameters (pointer, length).
enum class ParamKind {
  Scalar,    ///< i64 / i32 / i8 / i1 / double
  String,    ///< `ptr %s`: a NUL-terminated input string
  OutBuffer, ///< `ptr %out, i64 %out_size`: caller-allocated output, returns bytes written or -1
  Array,     ///< `ptr %arr, i64 %n`: an array of i64, read-only or modified in place
};

struct Param {
  ParamKind Kind = ParamKind::Scalar;
  ScalarType Type = ScalarType::I64; ///< for Scalar
  std::string Name;                  ///< the IR name without %
};

struct FunctionSignature {
  std::string Name;
  ScalarType Return = ScalarType::I64;
  std::vector<Param> Params; ///< logical parameters, in order
  /// Canonical text, e.g. `define i64 @f(ptr %s, ptr %out, i64 %out_size)`.
  std::string str() const;
  /// The IR type list of the parameters, e.g. `ptr, ptr, i64`.
  std::string irParamTypes() const;
  bool hasOutBuffer() const;
  bool hasArray() const;
  /// Logical parameters a vector gives values for (all but the output buffer).
  unsigned inputCount() const;
};

/// Parses `[define] RET @name(TYPE %name, ...)`. Conventions: `ptr %out, i64 %out_size` is an
/// output buffer, `ptr %arr, i64 %n` an i64 array, any other `ptr` an input string. Errors say
/// which shape is not supported and why.
llvm::Expected<FunctionSignature> parseFunctionSignature(llvm::StringRef Text);

struct TestVector {
  llvm::json::Array Args;           ///< one value per input parameter
  llvm::json::Value Expect = nullptr; ///< return value; for an output buffer the text, or -1
  std::optional<llvm::json::Array> ArrAfter; ///< the array after the call (in-place functions)
  std::optional<int64_t> OutSize;   ///< buffer size to pass (default: expected length + 64)
  std::string Note;
  unsigned Index = 0;               ///< 1-based, as the spec listed it
};

struct FunctionSpec {
  FunctionSignature Sig;
  std::string Description;
  bool ModifiesArray = false;
  std::vector<TestVector> Vectors;
};

/// The first JSON object in a model answer (fences and prose around it allowed).
llvm::Expected<llvm::json::Value> extractJSON(llvm::StringRef Answer);

/// Validates a spec document against the schema and the signature. Every problem is listed, one
/// per line, so a re-ask can quote them all. A non-empty ForcedSignature must be the one used.
llvm::Expected<FunctionSpec> parseSpec(const llvm::json::Value &Doc,
                                       llvm::StringRef ForcedSignature = "");

/// Checks one vector (args, expect, arr_after) against the signature; empty when it is fine.
std::vector<std::string> checkVector(const FunctionSignature &Sig, bool ModifiesArray,
                                     const TestVector &V);
llvm::Expected<TestVector> parseVector(const llvm::json::Value &V, unsigned Index);

/// JSON of a vector as a prompt shows it.
llvm::json::Value vectorToJSON(const TestVector &V);
/// "factorial(5)" style rendering of a vector's call, for reports and prompts.
std::string describeCall(const FunctionSignature &Sig, const TestVector &V);

/// Two values equal as this return type sees them (integers exactly, doubles to 1e-9 relative,
/// booleans as 0/1, strings byte for byte).
bool sameValue(const llvm::json::Value &A, const llvm::json::Value &B, ScalarType T);
std::string jsonText(const llvm::json::Value &V);

} // namespace core
} // namespace semcom

#endif
