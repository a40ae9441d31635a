//===- Link.cpp - IR to a static, libc-free executable --------------------===//
//
// Code generation with an in-process TargetMachine and linking with lld
// (in-process when liblld is available, else ld.lld as a child process), so a
// `semcom link` needs no compiler driver and no libc.
//
//===----------------------------------------------------------------------===//
#include "semcom/Link/Link.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/LoopAnalysisManager.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/IR/Verifier.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

#ifdef SEMCOM_HAVE_LLD_LIBRARY
#include "lld/Common/Driver.h"
LLD_HAS_DRIVER(elf)
#endif

#include <mutex>
#include <optional>

using namespace llvm;

namespace semcom {
namespace link {

char InputError::ID = 0;
void InputError::log(raw_ostream &OS) const { OS << Message; }
std::error_code InputError::convertToErrorCode() const {
  return inconvertibleErrorCode();
}

namespace {

Error inputError(const Twine &Message) {
  return make_error<InputError>(Message.str());
}

Error makeError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

void initializeTargets() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    InitializeAllTargetInfos();
    InitializeAllTargets();
    InitializeAllTargetMCs();
    InitializeAllAsmPrinters();
    // Inline asm (the runtime's syscalls, models' code) is parsed by the
    // target's assembler.
    InitializeAllAsmParsers();
  });
}

/// Collects error diagnostics (inline asm, code generation) instead of the
/// default handler's print and exit, which would take the whole process down on
/// bad input.
struct CollectingDiagnosticHandler : DiagnosticHandler {
  std::string &Errors;
  explicit CollectingDiagnosticHandler(std::string &Errors) : Errors(Errors) {}
  bool handleDiagnostics(const DiagnosticInfo &DI) override {
    if (DI.getSeverity() != DS_Error)
      return true; // warnings and remarks are not this library's business
    raw_string_ostream OS(Errors);
    DiagnosticPrinterRawOStream DP(OS);
    if (!Errors.empty())
      OS << "\n";
    DI.print(DP);
    return true;
  }
};

/// Restores the context's previous diagnostic handler on scope exit.
class ScopedDiagnosticCapture {
public:
  ScopedDiagnosticCapture(LLVMContext &Ctx, std::string &Errors)
      : Ctx(Ctx), Previous(Ctx.getDiagnosticHandler()) {
    Ctx.setDiagnosticHandler(
        std::make_unique<CollectingDiagnosticHandler>(Errors));
  }
  ~ScopedDiagnosticCapture() { Ctx.setDiagnosticHandler(std::move(Previous)); }

private:
  LLVMContext &Ctx;
  std::unique_ptr<DiagnosticHandler> Previous;
};

void runMiddleEnd(Module &M, TargetMachine &TM, unsigned OptLevel) {
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PassBuilder PB(&TM);
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  OptimizationLevel Level = OptLevel == 1   ? OptimizationLevel::O1
                            : OptLevel == 2 ? OptimizationLevel::O2
                                            : OptimizationLevel::O3;
  ModulePassManager MPM = PB.buildPerModuleDefaultPipeline(Level);
  MPM.run(M, MAM);
}

std::string findLldExecutable() {
  // The LLVM 19 tools directory first: a bare ld.lld on PATH may be another
  // version.
  if (ErrorOr<std::string> P =
          sys::findProgramByName("ld.lld", {SEMCOM_LLVM_TOOLS_DIR}))
    return *P;
  if (ErrorOr<std::string> P = sys::findProgramByName("ld.lld-19"))
    return *P;
  return "";
}

/// Runs lld with Args (Args[0] is "ld.lld"); linker messages go to Messages.
/// Returns true on success.
bool runLld(ArrayRef<std::string> Args, std::string &Messages) {
#ifdef SEMCOM_HAVE_LLD_LIBRARY
  // lld keeps global state: one link at a time per process. After a crash
  // inside lld that state is unusable, so later links spawn ld.lld instead.
  static std::mutex LldMutex;
  static bool InProcessUsable = true;
  {
    std::lock_guard<std::mutex> Lock(LldMutex);
    if (InProcessUsable) {
      std::vector<const char *> Argv;
      for (const std::string &A : Args)
        Argv.push_back(A.c_str());
      raw_string_ostream Out(Messages), Err(Messages);
      lld::Result R =
          lld::lldMain(Argv, Out, Err, {{lld::Gnu, &lld::elf::link}});
      Out.flush();
      Err.flush();
      if (R.canRunAgain || R.retCode == 0)
        return R.retCode == 0;
      InProcessUsable = false;
      Messages += "\n(in-process lld crashed; retrying with ld.lld)\n";
    }
  }
#endif
  std::string Lld = findLldExecutable();
  if (Lld.empty()) {
    Messages += "ld.lld not found in " SEMCOM_LLVM_TOOLS_DIR " or on PATH";
    return false;
  }
  SmallString<128> LogPath;
  if (std::error_code EC =
          sys::fs::createTemporaryFile("semcom-lld", "log", LogPath)) {
    Messages += "cannot create a temporary file: " + EC.message();
    return false;
  }
  std::vector<StringRef> Argv(Args.begin(), Args.end());
  std::optional<StringRef> Redirects[] = {std::nullopt, StringRef(LogPath),
                                          StringRef(LogPath)};
  std::string ExecError;
  int RC = sys::ExecuteAndWait(Lld, Argv, std::nullopt, Redirects,
                               /*SecondsToWait=*/0,
                               /*MemoryLimit=*/0, &ExecError);
  if (ErrorOr<std::unique_ptr<MemoryBuffer>> Log =
          MemoryBuffer::getFile(LogPath))
    Messages += (*Log)->getBuffer().str();
  sys::fs::remove(LogPath);
  if (RC < 0)
    Messages += ExecError;
  return RC == 0;
}

/// A scratch directory removed with its contents on scope exit.
class ScratchDir {
public:
  Error create() {
    if (std::error_code EC =
            sys::fs::createUniqueDirectory("semcom-link", Path))
      return makeError("cannot create a scratch directory: " + EC.message());
    return Error::success();
  }
  ~ScratchDir() {
    if (!Path.empty())
      sys::fs::remove_directories(Path);
  }
  StringRef path() const { return Path; }

private:
  SmallString<128> Path;
};

} // namespace

Expected<Arch> parseArch(StringRef Name) {
  Triple T(Triple::normalize(Name));
  switch (T.getArch()) {
  case Triple::x86_64:
    return Arch::X86_64;
  case Triple::aarch64:
    return Arch::AArch64;
  default:
    break;
  }
  if (Name.equals_insensitive("amd64"))
    return Arch::X86_64;
  return makeError("unknown target '" + Name +
                   "' (expected x86_64 or aarch64)");
}

StringRef archName(Arch A) { return A == Arch::X86_64 ? "x86_64" : "aarch64"; }

std::string targetTriple(Arch A) {
  return (archName(A) + "-unknown-linux-gnu").str();
}

Arch hostArch() {
  Triple Host(sys::getProcessTriple());
  return Host.getArch() == Triple::aarch64 ? Arch::AArch64 : Arch::X86_64;
}

std::string runtimeArchiveName(Arch A) {
  return ("libsemcom_rt_" + archName(A) + ".a").str();
}

Expected<std::string> findRuntimeArchive(Arch A, StringRef Override,
                                         StringRef ExecutablePath) {
  std::string Name = runtimeArchiveName(A);
  auto In = [&](StringRef Dir) {
    SmallString<256> P(Dir);
    sys::path::append(P, Name);
    return std::string(P);
  };
  if (!Override.empty()) {
    std::string P = In(Override);
    if (sys::fs::exists(P))
      return P;
    return makeError("runtime archive " + Name + " not found in " + Override);
  }
  std::vector<std::string> Tried;
  if (std::optional<std::string> Env =
          sys::Process::GetEnv("SEMCOM_RUNTIME_DIR")) {
    if (!Env->empty()) {
      std::string P = In(*Env);
      if (sys::fs::exists(P))
        return P;
      return makeError("runtime archive " + Name +
                       " not found in $SEMCOM_RUNTIME_DIR (" + *Env + ")");
    }
  }
  std::string Exe = ExecutablePath.str();
  if (Exe.empty())
    Exe = sys::fs::getMainExecutable(
        nullptr, reinterpret_cast<void *>(&findRuntimeArchive));
  SmallString<256> Prefix(sys::path::parent_path(sys::path::parent_path(Exe)));
  for (StringRef LibDir :
       {StringRef("lib"), StringRef(SEMCOM_INSTALL_LIBDIR)}) {
    SmallString<256> Dir(Prefix);
    sys::path::append(Dir, LibDir);
    std::string P = In(Dir);
    if (sys::fs::exists(P))
      return P;
    Tried.push_back(std::string(Dir));
  }
  return makeError(
      "runtime archive " + Name + " not found in " + join(Tried, " or ") +
      "; build the runtime, or pass --runtime DIR or set SEMCOM_RUNTIME_DIR");
}

Expected<std::unique_ptr<Module>> loadModule(StringRef Path, LLVMContext &Ctx) {
  SMDiagnostic Diag;
  std::unique_ptr<Module> M = parseIRFile(Path, Diag, Ctx);
  if (!M) {
    std::string Message;
    raw_string_ostream OS(Message);
    OS << Path << ":";
    if (Diag.getLineNo() > 0)
      OS << Diag.getLineNo() << ":" << (Diag.getColumnNo() + 1) << ":";
    OS << " " << Diag.getMessage();
    return inputError(OS.str());
  }
  return M;
}

Expected<SmallVector<char, 0>> compileModule(Module &M,
                                             const CompileOptions &Options) {
  initializeTargets();
  std::string TripleName = targetTriple(Options.Target);
  std::string LookupError;
  const Target *T = TargetRegistry::lookupTarget(TripleName, LookupError);
  if (!T)
    return makeError("no LLVM target for " + TripleName + ": " + LookupError);

  TargetOptions TO;
  TO.FunctionSections = true;
  TO.DataSections = true;
  TO.UniqueSectionNames = true;
  CodeGenOptLevel Level = Options.OptLevel == 0   ? CodeGenOptLevel::None
                          : Options.OptLevel == 1 ? CodeGenOptLevel::Less
                          : Options.OptLevel == 2 ? CodeGenOptLevel::Default
                                                  : CodeGenOptLevel::Aggressive;
  StringRef CPU = Options.Target == Arch::X86_64 ? "x86-64" : "generic";
  std::unique_ptr<TargetMachine> TM(T->createTargetMachine(
      TripleName, CPU, "", TO, Reloc::Static, CodeModel::Small, Level));
  if (!TM)
    return makeError("cannot create a target machine for " + TripleName);

  // IR written for another architecture (clang output, or a model that copied
  // an x86_64 triple) carries that CPU's name and features; they mean nothing
  // to this target, so they go along with the triple.
  bool ForeignArch = !M.getTargetTriple().empty() &&
                     Triple(M.getTargetTriple()).getArch() !=
                         Triple(TripleName).getArch();
  M.setTargetTriple(TripleName);
  M.setDataLayout(TM->createDataLayout());
  for (Function &F : M) {
    if (ForeignArch) {
      F.removeFnAttr("target-cpu");
      F.removeFnAttr("target-features");
      F.removeFnAttr("tune-cpu");
    }
    // Programs have no unwinder (no libc, no C++ runtime), so nothing can
    // unwind through a frame; saying so drops the .eh_frame entries the code
    // generator would emit for every function.
    if (!F.isDeclaration() && !F.hasFnAttribute(Attribute::UWTable))
      F.setDoesNotThrow();
  }

  std::string VerifyErrors;
  raw_string_ostream VerifyOS(VerifyErrors);
  if (verifyModule(M, &VerifyOS))
    return inputError(M.getModuleIdentifier() +
                      ": invalid IR: " + StringRef(VerifyOS.str()).trim());

  std::string CodegenErrors;
  ScopedDiagnosticCapture Capture(M.getContext(), CodegenErrors);
  if (Options.OptLevel > 0)
    runMiddleEnd(M, *TM, Options.OptLevel);

  SmallVector<char, 0> Object;
  raw_svector_ostream OS(Object);
  legacy::PassManager PM;
  if (TM->addPassesToEmitFile(PM, OS, nullptr, CodeGenFileType::ObjectFile))
    return makeError(TripleName + " cannot emit object files");
  PM.run(M);
  if (!CodegenErrors.empty())
    return inputError(M.getModuleIdentifier() + ": " + CodegenErrors);
  return Object;
}

LinkInput LinkInput::file(std::string Path) {
  LinkInput I;
  I.Name = Path;
  I.Path = std::move(Path);
  return I;
}

LinkInput LinkInput::memory(std::string Name, SmallVector<char, 0> Object) {
  LinkInput I;
  I.Name = std::move(Name);
  I.Object = std::move(Object);
  return I;
}

bool usesInProcessLinker() {
#ifdef SEMCOM_HAVE_LLD_LIBRARY
  return true;
#else
  return false;
#endif
}

Error linkExecutable(ArrayRef<LinkInput> Inputs, const LinkOptions &Options) {
  if (Options.OutputPath.empty())
    return makeError("no output path");
  if (Inputs.empty())
    return makeError("nothing to link");

  ScratchDir Scratch;
  if (Error E = Scratch.create())
    return E;

  // -z norelro: nothing in a static program without a loader would ever make
  // RELRO read-only, so the extra segment would only cost program headers and
  // padding.
  std::vector<std::string> Args = {"ld.lld",
                                   "-static",
                                   "--no-pie",
                                   "--no-dynamic-linker",
                                   "--gc-sections",
                                   "--build-id=none",
                                   "-z",
                                   "noexecstack",
                                   "-z",
                                   "norelro",
                                   "-e",
                                   Options.Entry};
  if (Options.Strip)
    Args.push_back("--strip-all");
  Args.insert(Args.end(), Options.ExtraLinkerArgs.begin(),
              Options.ExtraLinkerArgs.end());

  unsigned Index = 0;
  for (const LinkInput &In : Inputs) {
    if (!In.Path.empty()) {
      if (!sys::fs::exists(In.Path))
        return inputError(In.Path + ": no such file");
      Args.push_back(In.Path);
      continue;
    }
    // lld reads files only: in-memory objects go through the scratch directory.
    SmallString<256> P(Scratch.path());
    sys::path::append(P, std::to_string(Index++) + "-" +
                             sys::path::stem(sys::path::filename(In.Name)) +
                             ".o");
    std::error_code EC;
    raw_fd_ostream OS(P, EC);
    if (EC)
      return makeError("cannot write " + P + ": " + EC.message());
    OS.write(In.Object.data(), In.Object.size());
    OS.close();
    if (OS.has_error())
      return makeError("cannot write " + P + ": " + OS.error().message());
    Args.push_back(std::string(P));
  }
  if (!Options.RuntimeArchive.empty()) {
    if (!sys::fs::exists(Options.RuntimeArchive))
      return makeError(Options.RuntimeArchive + ": no such runtime archive");
    Args.push_back(Options.RuntimeArchive);
  }

  // Link next to the output and rename, so a failed link never leaves a
  // half-written program.
  SmallString<256> TempOut(Options.OutputPath);
  TempOut += ".semcom-link-tmp";
  Args.push_back("-o");
  Args.push_back(std::string(TempOut));

  std::string Messages;
  bool Ok = runLld(Args, Messages);
  if (!Ok) {
    sys::fs::remove(TempOut);
    return makeError("link of " + Options.OutputPath + " failed:\n" +
                     StringRef(Messages).rtrim());
  }
  if (std::error_code EC = sys::fs::rename(TempOut, Options.OutputPath)) {
    sys::fs::remove(TempOut);
    return makeError("cannot move the linked program to " + Options.OutputPath +
                     ": " + EC.message());
  }
  return Error::success();
}

Error buildExecutable(ArrayRef<std::string> InputPaths,
                      const BuildOptions &Options) {
  std::vector<LinkInput> Inputs;
  for (const std::string &Path : InputPaths) {
    StringRef Ext = sys::path::extension(Path);
    if (Ext != ".ll" && Ext != ".bc") {
      Inputs.push_back(LinkInput::file(Path));
      continue;
    }
    // One context per module: modules are compiled separately and never share
    // types.
    LLVMContext Ctx;
    Expected<std::unique_ptr<Module>> M = loadModule(Path, Ctx);
    if (!M)
      return M.takeError();
    CompileOptions CO;
    CO.Target = Options.Target;
    CO.OptLevel = Options.OptLevel;
    Expected<SmallVector<char, 0>> Object = compileModule(**M, CO);
    if (!Object)
      return Object.takeError();
    Inputs.push_back(LinkInput::memory(Path, std::move(*Object)));
  }
  LinkOptions LO;
  LO.Target = Options.Target;
  LO.OutputPath = Options.OutputPath;
  LO.RuntimeArchive = Options.RuntimeArchive;
  LO.Strip = Options.Strip;
  return linkExecutable(Inputs, LO);
}

} // namespace link
} // namespace semcom
