; print<semcom-manifest>: what the manifest (and the runtime table behind it) says about each
; function the module references; the manifest is read once per process.
; REQUIRES: plugin
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/shims.manifest \
; RUN:   -passes='print<semcom-manifest>,print<semcom-manifest>' -disable-output %s | FileCheck %s
; RUN: not %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/does-not-exist.manifest \
; RUN:   -passes='print<semcom-manifest>' -disable-output %s 2>&1 | FileCheck --check-prefix=MISSING %s

declare i64 @tokenize(ptr, i64)
declare i64 @sys_write(i64, ptr, i64)
declare i32 @printf(ptr, ...)
declare void @unknown_thing()

; CHECK: tokenize|lexer.ll|i64 @tokenize(ptr %src, i64 %len)
; CHECK-NEXT: sys_write|runtime|i64 @sys_write(i64 %fd, ptr %buf, i64 %count)
; CHECK-NEXT: printf|@shims|
; CHECK-NOT: unknown_thing
; CHECK: tokenize|lexer.ll|

; MISSING: does-not-exist.manifest{{.*}} not loaded
