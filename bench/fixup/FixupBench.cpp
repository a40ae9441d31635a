//===- FixupBench.cpp - semcom-fix in-process against the opt + llc process
//chain -===//
//
// The seed system validated every model answer by running fixups and `llc` as
// processes. This measures, on the same generated module, the median time of
// the in-process path (parse with repair + semcom-fixup + verify, as semcom-fix
// does it) and of the chain `opt -load-pass-plugin=SemcomPasses.so
// -passes=semcom-fixup` then `llc`, and prints the ratio. Usage: bench-fixup
// [--runs N]
//
//===----------------------------------------------------------------------===//
#include "semcom/Fixup/FixupDriver.h"
#include "semcom/Fixup/ManifestQuery.h"
#include "semcom/Fixup/PreParseRepair.h"
#include "semcom/Fixup/SemcomPasses.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

using namespace llvm;
using namespace semcom::fixup;

namespace {

/// A module shaped like model output: strings, runtime calls, a raw syscall and
/// a wrong declare for the pipeline to fix, about `Lines` lines long.
std::string generateModule(unsigned Lines) {
  std::string S = "target triple = \"x86_64-unknown-linux-gnu\"\n"
                  "declare i64 @syscall(i64, ...)\n"
                  "declare i64 @str_len(ptr)\n"
                  "declare i1 @str_eq(ptr, ptr)\n"
                  "declare i64 @sys_write(i64, ptr, i64)\n\n";
  S += "define i64 @fn_0(i64 %x, ptr %buf) {\nentry:\n  ret i64 %x\n}\n";
  unsigned N = 1;
  while (std::count(S.begin(), S.end(), '\n') < long(Lines)) {
    std::string I = std::to_string(N), P = std::to_string(N - 1);
    S += "@msg_" + I + " = private constant [8 x i8] c\"line " +
         I.substr(0, 1) + "\\0A\\00\"\n";
    S += "define i64 @fn_" + I +
         "(i64 %x, ptr %buf) {\nentry:\n"
         "  %a = add i64 %x, " +
         I +
         "\n"
         "  %b = call i64 @str_len(ptr @msg_" +
         I +
         ")\n"
         "  %e = call i1 @str_eq(ptr @msg_" +
         I +
         ", ptr %buf)\n"
         "  %c = mul i64 %a, %b\n"
         "  %w = call i64 (i64, ...) @syscall(i64 1, i64 1, ptr @msg_" +
         I +
         ", i64 9)\n"
         "  %cmp = icmp sgt i64 %c, 100\n"
         "  br i1 %cmp, label %big, label %small\n"
         "big:\n  ret i64 %c\n"
         "small:\n  %d = call i64 @fn_" +
         P + "(i64 %a, ptr %buf)\n  ret i64 %d\n}\n";
    ++N;
  }
  return S;
}

double seconds(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
      .count();
}

double median(std::vector<double> V) {
  std::sort(V.begin(), V.end());
  return V[V.size() / 2];
}

/// Parse with repair, run semcom-fixup, verify: what semcom-fix does between
/// reading and writing.
bool inProcess(StringRef Text) {
  LLVMContext Ctx;
  Ctx.setDiagnosticHandlerCallBack([](const DiagnosticInfo *, void *) {});
  Expected<RepairResult> R = parseWithRepair(Text, Ctx);
  if (!R) {
    consumeError(R.takeError());
    return false;
  }
  FixupConfig C;
  C.Query = cantFail(ManifestQuery::getShared(""));
  // The same in-process driver semcom-fix and the orchestrator use.
  runFixupPipeline(*R->M, C);
  return !verifyModule(*R->M, nullptr);
}

bool processChain(StringRef In, StringRef Mid) {
  std::string Opt = SEMCOM_LLVM_TOOLS_DIR "/opt",
              Llc = SEMCOM_LLVM_TOOLS_DIR "/llc";
  std::string Plugin = "-load-pass-plugin=" SEMCOM_PLUGIN_PATH;
  std::optional<StringRef> Quiet[] = {std::nullopt, StringRef(""),
                                      StringRef("")};
  int A = sys::ExecuteAndWait(
      Opt, {Opt, Plugin, "-passes=semcom-fixup", In, "-S", "-o", Mid},
      std::nullopt, Quiet);
  int B = sys::ExecuteAndWait(
      Llc, {Llc, "-O0", "-filetype=obj", Mid, "-o", "/dev/null"}, std::nullopt,
      Quiet);
  return A == 0 && B == 0;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  unsigned Runs = 11;
  for (int I = 1; I + 1 < argc; ++I)
    if (StringRef(argv[I]) == "--runs")
      Runs = std::max(1, atoi(argv[I + 1]));
  SmallString<128> Dir;
  if (std::error_code EC = sys::fs::createUniqueDirectory("bench-fixup", Dir)) {
    errs() << "bench-fixup: cannot create a temporary directory: "
           << EC.message() << "\n";
    return 1;
  }
  outs() << "semcom-fixup: in-process (parse+repair, fixup, verify) vs opt "
            "-load-pass-plugin + llc "
            "processes; median of "
         << Runs << " runs\n";
  int Status = 0;
  for (unsigned Lines : {200u, 20000u}) {
    std::string Text = generateModule(Lines);
    std::string In = (Dir + "/in" + Twine(Lines) + ".ll").str();
    std::string Mid = (Dir + "/mid" + Twine(Lines) + ".ll").str();
    {
      std::error_code EC;
      raw_fd_ostream OS(In, EC);
      OS << Text;
    }
    std::vector<double> Inproc, Chain;
    for (unsigned R = 0; R < Runs; ++R) {
      auto T0 = std::chrono::steady_clock::now();
      bool Ok1 = inProcess(Text);
      Inproc.push_back(seconds(T0));
      auto T1 = std::chrono::steady_clock::now();
      bool Ok2 = processChain(In, Mid);
      Chain.push_back(seconds(T1));
      if (!Ok1 || !Ok2) {
        errs() << "bench-fixup: a run failed (in-process " << Ok1 << ", chain "
               << Ok2 << ")\n";
        Status = 1;
      }
    }
    double MI = median(Inproc), MC = median(Chain);
    outs() << format("%6u lines: in-process %9.3f ms   process chain %9.3f ms  "
                     " ratio %6.1fx\n",
                     unsigned(std::count(Text.begin(), Text.end(), '\n')),
                     MI * 1e3, MC * 1e3, MC / MI);
  }
  sys::fs::remove_directories(Dir);
  return Status;
}
