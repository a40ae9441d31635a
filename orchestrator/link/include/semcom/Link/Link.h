//===- Link.h - IR to a static, libc-free executable ----------------------===//
//
// Generated programs ship as static ELF files with no libc and no dynamic
// loader. This library takes IR modules (and ready objects), compiles them
// in-process for one of the runtime's targets, and links them with the runtime
// archive so that only referenced code lands in the binary.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_LINK_LINK_H
#define SEMCOM_LINK_LINK_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace semcom {
namespace link {

/// A problem with what the user gave (unreadable or malformed input), as
/// opposed to a link that failed; drivers map it to exit code 2.
class InputError : public llvm::ErrorInfo<InputError> {
public:
  static char ID;
  explicit InputError(std::string Message) : Message(std::move(Message)) {}
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;

private:
  std::string Message;
};

/// The targets the runtime is built for.
enum class Arch { X86_64, AArch64 };

/// "x86_64" / "aarch64"; also accepts "x86-64", "amd64", "arm64" and full
/// triples.
llvm::Expected<Arch> parseArch(llvm::StringRef Name);
llvm::StringRef archName(Arch A);
/// e.g. "x86_64-unknown-linux-gnu".
std::string targetTriple(Arch A);
/// The machine this process runs on, when it is one of the targets; x86_64
/// otherwise.
Arch hostArch();

/// "libsemcom_rt_<arch>.a".
std::string runtimeArchiveName(Arch A);

/// Finds the runtime archive for A. Order: Override (a directory; an error if
/// the archive is not there), then $SEMCOM_RUNTIME_DIR, then beside the
/// executable: <exe>/../lib (build tree) and <exe>/../<libdir> (install tree).
/// ExecutablePath empty means this process's executable.
llvm::Expected<std::string>
findRuntimeArchive(Arch A, llvm::StringRef Override = "",
                   llvm::StringRef ExecutablePath = "");

struct CompileOptions {
  Arch Target = Arch::X86_64;
  /// 0 runs no middle-end passes; 1..3 run the default pipeline of that level
  /// before code generation.
  unsigned OptLevel = 2;
};

/// Compiles M to an ELF relocatable object in memory: static relocation model,
/// one section per function and per global. M's triple and data layout are set
/// to the target's first (the link target decides, not the module). Invalid IR
/// and code-generation errors come back as InputError; M is modified by the
/// optimisation passes.
llvm::Expected<llvm::SmallVector<char, 0>>
compileModule(llvm::Module &M, const CompileOptions &Options);

/// Reads a textual (.ll) or bitcode module; parse errors as "file:line:col:
/// message" (InputError).
llvm::Expected<std::unique_ptr<llvm::Module>>
loadModule(llvm::StringRef Path, llvm::LLVMContext &Ctx);

/// One input of a link: a file on disk (object or archive), or an object held
/// in memory.
struct LinkInput {
  std::string Name; ///< for messages; for a file, its path
  std::string Path; ///< set for a file on disk
  llvm::SmallVector<char, 0>
      Object; ///< set (and Path empty) for an in-memory object

  static LinkInput file(std::string Path);
  static LinkInput memory(std::string Name, llvm::SmallVector<char, 0> Object);
};

struct LinkOptions {
  Arch Target = Arch::X86_64;
  std::string OutputPath;
  /// Path of the runtime archive; empty links without a runtime (the inputs
  /// must define _start).
  std::string RuntimeArchive;
  bool Strip = false;
  std::string Entry = "_start";
  std::vector<std::string> ExtraLinkerArgs;
};

/// Links the inputs and the runtime archive into a static, position-dependent
/// executable with no interpreter, garbage-collecting unreferenced sections.
/// The output appears only on success (written beside it, then renamed). Linker
/// messages come back in the Error.
llvm::Error linkExecutable(llvm::ArrayRef<LinkInput> Inputs,
                           const LinkOptions &Options);

/// What `semcom link` does: .ll and .bc inputs are compiled in-process,
/// anything else (.o, .a) is passed to the linker as is.
struct BuildOptions {
  Arch Target = Arch::X86_64;
  unsigned OptLevel = 2;
  bool Strip = false;
  std::string OutputPath;
  std::string RuntimeArchive; ///< resolved path, see findRuntimeArchive
};
llvm::Error buildExecutable(llvm::ArrayRef<std::string> InputPaths,
                            const BuildOptions &Options);

/// True when lld runs inside this process (liblld), false when ld.lld is
/// spawned.
bool usesInProcessLinker();

} // namespace link
} // namespace semcom

#endif
