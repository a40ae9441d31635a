//===- TreeTests.cpp - building and refreshing a manifest from IR files ---===//
//
// Real IR on disk: the signature forms LLVM 19 writes, broken and junk files,
// and refresh.
//
//===----------------------------------------------------------------------===//
#include "TestTree.h"
#include "semcom/Manifest/Manifest.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace semcom::manifest;

namespace {

Manifest build(const TempTree &T) {
  llvm::Expected<Manifest> M = Manifest::buildFromTree({T.Root});
  REQUIRE(static_cast<bool>(M));
  return std::move(*M);
}

const char *const StackModule = R"(; a stack module
%struct.Point = type { i64, i64 }

@stack = internal global [64 x i64] zeroinitializer

define void @ds_push(i64 %val) {
  ret void
}

define internal i64 @helper(ptr %p) {
  %v = load i64, ptr %p
  ret i64 %v
}

define noundef zeroext i1 @is_ok(ptr noundef nonnull %s, i32 signext %n) #0 {
  ret i1 true
}

define dso_local i64 @sum(i64 %first, ...) {
  ret i64 0
}

define i64 @unnamed(i64 %0, ptr %1) {
  ret i64 %0
}

define void @"weird name"(ptr %"quoted arg") {
  ret void
}

define %struct.Point @make_point({ i64, i64 } %pair, ptr byval(%struct.Point) %q) {
  ret %struct.Point zeroinitializer
}

define linkonce_odr hidden void @odr_fn() {
  ret void
}

declare i64 @external_decl(ptr)

define i64 @calls_intrinsic(i64 %a) {
  %r = call i64 @llvm.smax.i64(i64 %a, i64 0)
  ret i64 %r
}

declare i64 @llvm.smax.i64(i64, i64)

attributes #0 = { nounwind }
)";

} // namespace

TEST_CASE(
    "signatures keep types, attributes and parameter names as LLVM writes them",
    "[manifest][tree]") {
  TempTree T;
  T.write("forth_stack.ll", StackModule);
  Manifest M = build(T);
  CHECK(M.diagnostics().empty());

  const Entry *Push = M.lookup("ds_push");
  REQUIRE(Push);
  CHECK(Push->File == "forth_stack.ll");
  CHECK(Push->Vis == Visibility::Public);
  CHECK(Push->Line == 6);
  CHECK(Push->Signature == "void @ds_push(i64 %val)");
  CHECK_FALSE(Push->IsDeclaration);

  const Entry *Helper = M.lookup("helper");
  REQUIRE(Helper);
  CHECK(Helper->Vis == Visibility::Private);
  CHECK(Helper->Signature == "i64 @helper(ptr %p)"); // opaque pointer

  const Entry *IsOk = M.lookup("is_ok");
  REQUIRE(IsOk);
  CHECK(IsOk->Signature ==
        "noundef zeroext i1 @is_ok(ptr noundef nonnull %s, i32 signext %n)");
  CHECK(IsOk->Line == 15);

  REQUIRE(M.lookup("sum"));
  CHECK(M.lookup("sum")->Signature == "i64 @sum(i64 %first, ...)");
  REQUIRE(M.lookup("unnamed"));
  CHECK(M.lookup("unnamed")->Signature == "i64 @unnamed(i64 %0, ptr %1)");

  const Entry *Weird = M.lookup("weird name");
  REQUIRE(Weird);
  CHECK(Weird->Signature == "void @\"weird name\"(ptr %\"quoted arg\")");

  REQUIRE(M.lookup("make_point"));
  CHECK(M.lookup("make_point")->Signature ==
        "%struct.Point @make_point({ i64, i64 } %pair, ptr "
        "byval(%struct.Point) %q)");

  REQUIRE(M.lookup("odr_fn"));
  CHECK(M.lookup("odr_fn")->Vis == Visibility::Private); // not external linkage
  CHECK(M.lookup("odr_fn")->Signature == "void @odr_fn()");

  // Declarations and intrinsics are not definitions of the tree.
  CHECK(M.lookup("external_decl") == nullptr);
  CHECK(M.lookup("llvm.smax.i64") == nullptr);
  CHECK(M.entries().size() == 9);
}

TEST_CASE("bitcode modules are read, with line 0", "[manifest][tree]") {
  TempTree T;
  llvm::LLVMContext Ctx;
  llvm::SMDiagnostic Err;
  std::unique_ptr<llvm::Module> Mod =
      llvm::parseAssemblyString(StackModule, Err, Ctx);
  REQUIRE(Mod);
  REQUIRE(!llvm::sys::fs::create_directories(T.path("sub")));
  std::error_code EC;
  llvm::raw_fd_ostream OS(T.path("sub/stack.bc"), EC);
  REQUIRE(!EC);
  llvm::WriteBitcodeToFile(*Mod, OS);
  OS.close();

  Manifest M = build(T);
  CHECK(M.diagnostics().empty());
  const Entry *IsOk = M.lookup("is_ok");
  REQUIRE(IsOk);
  CHECK(IsOk->File == "sub/stack.bc");
  CHECK(IsOk->Line == 0);
  CHECK(IsOk->Signature ==
        "noundef zeroext i1 @is_ok(ptr noundef nonnull %s, i32 signext %n)");
}

TEST_CASE(
    "files in subdirectories are relative to the root and other files are ignored",
    "[manifest][tree]") {
  TempTree T;
  T.write("a/b/deep.ll", "define i64 @deep() {\n  ret i64 1\n}\n");
  T.write("notes.txt", "define i64 @not_ir() {\n");
  T.write(".hidden/skip.ll", "define i64 @hidden_fn() {\n  ret i64 1\n}\n");
  Manifest M = build(T);
  REQUIRE(M.lookup("deep"));
  CHECK(M.lookup("deep")->File == "a/b/deep.ll");
  CHECK(M.lookup("not_ir") == nullptr);
  CHECK(M.lookup("hidden_fn") == nullptr);
}

TEST_CASE(
    "a module that does not parse is reported and its define lines recovered",
    "[manifest][tree][bad-input]") {
  TempTree T;
  T.write("good.ll", "define i64 @good(i64 %x) {\n  ret i64 %x\n}\n");
  T.write("broken.ll",
          "define i64 @first(i64 %x) {\n"
          "  ret i64 %x\n"
          "}\n"
          "\n"
          "define internal fastcc noundef i32 @second(ptr nonnull %p,\n"
          "                                           i64 %n) #0 {\n"
          "  %r = add i64 %undefined_value, 1\n"
          "  ret i32 0\n"
          "}\n");
  Manifest M = build(T);
  REQUIRE(M.diagnostics().size() == 1);
  const Diagnostic &D = M.diagnostics()[0];
  CHECK(D.File == "broken.ll");
  CHECK(D.Line == 7);
  CHECK(D.Column > 0);
  CHECK(D.Message.find("undefined_value") != std::string::npos);
  CHECK(D.str().rfind("broken.ll:7:", 0) == 0);

  REQUIRE(M.lookup("good"));
  const Entry *First = M.lookup("first");
  REQUIRE(First);
  CHECK(First->Signature == "i64 @first(i64 %x)");
  CHECK(First->Line == 1);
  CHECK(First->Vis == Visibility::Public);
  const Entry *Second = M.lookup("second");
  REQUIRE(Second);
  CHECK(Second->Signature == "noundef i32 @second(ptr nonnull %p, i64 %n)");
  CHECK(Second->Vis == Visibility::Private);
  CHECK(Second->Line == 5);
}

TEST_CASE("binary junk named .ll is a diagnostic, not a crash",
          "[manifest][tree][bad-input]") {
  TempTree T;
  std::string Junk;
  for (int I = 0; I < 4096; ++I)
    Junk += char((I * 7919 + 13) % 256);
  Junk += "\ndefine @\n define\n@\"unterminated";
  T.write("junk.ll", Junk);
  T.write("junk.bc", std::string("BC\xC0\xDE", 4) + Junk);
  T.write("ok.ll", "define void @ok() {\n  ret void\n}\n");
  Manifest M = build(T);
  CHECK(M.diagnostics().size() == 2);
  for (const Diagnostic &D : M.diagnostics())
    CHECK((D.File == "junk.ll" || D.File == "junk.bc"));
  CHECK(M.entries().size() == 1);
  CHECK(M.lookup("ok"));
}

TEST_CASE("an empty tree builds an empty manifest and a missing root is an error",
          "[manifest][tree][bad-input]") {
  TempTree T;
  Manifest M = build(T);
  CHECK(M.entries().empty());
  CHECK(M.conflicts().empty());

  llvm::Expected<Manifest> Missing =
      Manifest::buildFromTree({T.path("does-not-exist")});
  REQUIRE_FALSE(static_cast<bool>(Missing));
  std::string Message = llvm::toString(Missing.takeError());
  CHECK(Message.find("does-not-exist") != std::string::npos);

  T.write("plain.ll", "");
  llvm::Expected<Manifest> NotDir =
      Manifest::buildFromTree({T.path("plain.ll")});
  REQUIRE_FALSE(static_cast<bool>(NotDir));
  CHECK(llvm::toString(NotDir.takeError()).find("not a directory") !=
        std::string::npos);
}

TEST_CASE("unreadable files are diagnostics", "[manifest][tree][bad-input]") {
  TempTree T;
  T.write("ok.ll", "define void @ok() {\n  ret void\n}\n");
  // A dangling symlink cannot be read, even by root.
  REQUIRE(
      !llvm::sys::fs::create_link(T.path("nowhere.ll"), T.path("dangling.ll")));
  T.write("locked.ll", "define void @locked() {\n  ret void\n}\n");
  llvm::sys::fs::setPermissions(T.path("locked.ll"), llvm::sys::fs::no_perms);
  bool LockedReadable =
      static_cast<bool>(llvm::MemoryBuffer::getFile(T.path("locked.ll")));

  Manifest M = build(T);
  CHECK(M.lookup("ok"));
  bool SawDangling = false, SawLocked = false;
  for (const Diagnostic &D : M.diagnostics()) {
    SawDangling |= D.File.find("dangling.ll") != std::string::npos;
    SawLocked |= D.File.find("locked.ll") != std::string::npos;
  }
  CHECK(SawDangling);
  if (!LockedReadable) { // running as root, permissions do not stop reading
    CHECK(SawLocked);
    CHECK(M.lookup("locked") == nullptr);
  }
}

TEST_CASE("duplicate public definitions are conflicts, not merged",
          "[manifest][tree]") {
  TempTree T;
  T.write("a.ll", "define i64 @dup(i64 %x) {\n  ret i64 %x\n}\n"
                  "define internal void @local() {\n  ret void\n}\n");
  T.write("b.ll", "define void @dup() {\n  ret void\n}\n"
                  "define internal void @local() {\n  ret void\n}\n");
  Manifest M = build(T);
  REQUIRE(M.conflicts().size() == 1);
  CHECK(M.conflicts()[0].Name == "dup");
  CHECK(M.conflicts()[0].Files == std::vector<std::string>{"a.ll", "b.ll"});
  // Both definitions stay listed; private duplicates are no conflict.
  unsigned DupEntries = 0;
  for (const Entry &E : M.entries())
    DupEntries += E.Name == "dup";
  CHECK(DupEntries == 2);
  // Conflicts survive the text format.
  llvm::Expected<Manifest> Again = Manifest::parse(M.serialize());
  REQUIRE(static_cast<bool>(Again));
  CHECK(Again->conflicts().size() == 1);
}

TEST_CASE("refresh re-reads only changed files", "[manifest][tree][refresh]") {
  TempTree T;
  for (int I = 0; I < 20; ++I)
    T.write("m" + llvm::Twine(I) + ".ll",
            ("define i64 @f" + llvm::Twine(I) + "(i64 %x) {\n  ret i64 %x\n}\n")
                .str());
  Manifest M = build(T);
  CHECK(M.entries().size() == 20);

  llvm::Expected<unsigned> None = M.refresh();
  REQUIRE(static_cast<bool>(None));
  CHECK(*None == 0);

  SECTION("touching one file re-reads only it, and keeps its entries") {
    T.setMTime("m3.ll", 1000000);
    llvm::Expected<unsigned> N = M.refresh();
    REQUIRE(static_cast<bool>(N));
    CHECK(*N == 1);
    CHECK(M.lookup("f3"));
    CHECK(M.entries().size() == 20);
    // The new mtime was recorded: nothing to read the next time.
    llvm::Expected<unsigned> Again = M.refresh();
    REQUIRE(static_cast<bool>(Again));
    CHECK(*Again == 0);
  }
  SECTION("an edited file's entries are replaced") {
    T.write("m5.ll", "define void @f5(ptr %p) {\n  ret void\n}\n"
                     "define void @f5_extra() {\n  ret void\n}\n");
    T.setMTime("m5.ll", 2000000);
    llvm::Expected<unsigned> N = M.refresh();
    REQUIRE(static_cast<bool>(N));
    CHECK(*N == 1);
    REQUIRE(M.lookup("f5"));
    CHECK(M.lookup("f5")->Signature == "void @f5(ptr %p)");
    CHECK(M.lookup("f5_extra"));
    CHECK(M.entries().size() == 21);
  }
  SECTION("new files are added, deleted files dropped") {
    T.write("new.ll", "define void @brand_new() {\n  ret void\n}\n");
    REQUIRE(!llvm::sys::fs::remove(T.path("m7.ll")));
    llvm::Expected<unsigned> N = M.refresh();
    REQUIRE(static_cast<bool>(N));
    CHECK(*N == 1);
    CHECK(M.lookup("brand_new"));
    CHECK(M.lookup("f7") == nullptr);
    CHECK(M.entries().size() == 20);
  }
  SECTION(
      "a file that breaks is reported, and the report goes when it is fixed") {
    T.write("m9.ll", "define i64 @f9(i64 %x) {\n  ret i64 %nope\n}\n");
    T.setMTime("m9.ll", 3000000);
    REQUIRE(static_cast<bool>(M.refresh()));
    REQUIRE(M.diagnostics().size() == 1);
    CHECK(M.diagnostics()[0].File == "m9.ll");
    CHECK(M.lookup("f9")); // recovered from its define line
    T.write("m9.ll", "define i64 @f9(i64 %x) {\n  ret i64 %x\n}\n");
    T.setMTime("m9.ll", 4000000);
    REQUIRE(static_cast<bool>(M.refresh()));
    CHECK(M.diagnostics().empty());
  }
  SECTION("a manifest loaded from its text refreshes the same way") {
    llvm::Expected<Manifest> Loaded =
        Manifest::parse(M.serialize(), "tree.manifest");
    REQUIRE(static_cast<bool>(Loaded));
    llvm::Expected<unsigned> Same = Loaded->refresh();
    REQUIRE(static_cast<bool>(Same));
    CHECK(*Same == 0);
    T.write("m1.ll", "define i64 @f1_renamed() {\n  ret i64 0\n}\n");
    T.setMTime("m1.ll", 5000000);
    llvm::Expected<unsigned> N = Loaded->refresh();
    REQUIRE(static_cast<bool>(N));
    CHECK(*N == 1);
    CHECK(Loaded->lookup("f1") == nullptr);
    CHECK(Loaded->lookup("f1_renamed"));
    CHECK(Loaded->lookup("f2"));
    CHECK(Loaded->entries().size() == 20);
  }
}

TEST_CASE("a refreshed manifest equals a fresh build of the same tree",
          "[manifest][tree][refresh]") {
  TempTree T;
  for (int I = 0; I < 12; ++I)
    T.write("d" + llvm::Twine(I % 3) + "/m" + llvm::Twine(I) + ".ll",
            ("define i64 @g" + llvm::Twine(I) +
             "(i64 %x) {\n  ret i64 %x\n}\n" +
             "define internal void @shared_helper() {\n  ret void\n}\n")
                .str());
  T.write("d0/broken.ll", "define i64 @b(i64 %x) {\n  ret i64 %y\n}\n");
  Manifest M = build(T);
  REQUIRE(M.diagnostics().size() == 1);

  // Edit, delete, add, and introduce a conflict with a name another module
  // defines.
  T.write("d1/m4.ll",
          "define void @g4(ptr %p) {\n  ret void\n}\ndefine void @g7() {\n"
          "  ret void\n}\n");
  T.setMTime("d1/m4.ll", 1000000);
  REQUIRE(!llvm::sys::fs::remove(T.path("d2/m2.ll")));
  T.write("d2/zz.ll", "define i64 @late(i64 %a, i64 %b) {\n  ret i64 %a\n}\n");
  llvm::Expected<unsigned> N = M.refresh();
  REQUIRE(static_cast<bool>(N));
  CHECK(*N == 2);
  REQUIRE(M.conflicts().size() == 1);
  CHECK(M.conflicts()[0].Name == "g7");
  CHECK(M.conflicts()[0].Files ==
        std::vector<std::string>{"d1/m4.ll", "d1/m7.ll"});
  REQUIRE(M.lookup("g4"));
  CHECK(M.lookup("g4")->Signature == "void @g4(ptr %p)");
  CHECK(M.lookup("g2") == nullptr);
  CHECK(M.lookup("late"));
  CHECK(M.findSimilar("gg4").has_value());

  Manifest Fresh = build(T);
  CHECK(M.serialize() == Fresh.serialize());
  CHECK(M.entries().size() == Fresh.entries().size());
}

TEST_CASE("several roots: files relative to their root, nested roots listed "
          "once, no symlink "
          "cycles",
          "[manifest][tree]") {
  TempTree T;
  T.write("rt/str.ll", "define i64 @str_len(ptr %s) {\n  ret i64 0\n}\n");
  T.write("app/main.ll",
          "define i64 @semcom_main(i64 %argc, ptr %argv) {\n  ret i64 0\n}\n");
  T.write("app/lib/util.ll", "define void @util() {\n  ret void\n}\n");
  // A directory symlink pointing up would loop forever if followed.
  REQUIRE(!llvm::sys::fs::create_link(T.path("app"), T.path("app/lib/loop")));

  llvm::Expected<Manifest> M =
      Manifest::buildFromTree({T.path("rt"), T.path("app"), T.path("app/lib")});
  REQUIRE(static_cast<bool>(M));
  CHECK(M->diagnostics().empty());
  CHECK(M->conflicts().empty());
  CHECK(M->entries().size() == 3);
  REQUIRE(M->lookup("str_len"));
  CHECK(M->lookup("str_len")->File == "str.ll");
  REQUIRE(M->lookup("util"));
  CHECK(M->lookup("util")->File == "lib/util.ll");
  CHECK(M->roots().size() == 3);
  CHECK(M->fileCount() == 3);

  llvm::Expected<unsigned> N = M->refresh();
  REQUIRE(static_cast<bool>(N));
  CHECK(*N == 0);
  CHECK(M->entries().size() == 3);
}
