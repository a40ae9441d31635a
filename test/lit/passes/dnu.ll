; DoesNotUnderstand: declarations that neither the manifest, the runtime, the @shims section nor
; LLVM intrinsics know, in the seed's `name|declare line` format and as JSON for the orchestrator.
; REQUIRES: plugin
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/shims.manifest \
; RUN:   -passes='print<semcom-dnu>' -disable-output %s | FileCheck %s
; RUN: rm -f %t.json
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/shims.manifest \
; RUN:   -semcom-missing-out=%t.json -passes=semcom-fixup -disable-output %s
; RUN: FileCheck --check-prefix=JSON %s < %t.json

declare i64 @tokenize(ptr, i64)
declare i64 @str_len(ptr)
declare i32 @printf(ptr, ...)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
declare i64 @json_escape(ptr, ptr, i64)
declare void @"render page"(ptr)

define i64 @f(ptr %s) {
  %n = call i64 @str_len(ptr %s)
  %t = call i64 @tokenize(ptr %s, i64 %n)
  %e = call i64 @json_escape(ptr %s, ptr %s, i64 %n)
  %p = call i32 (ptr, ...) @printf(ptr %s)
  call void @"render page"(ptr %s)
  call void @llvm.memset.p0.i64(ptr %s, i8 0, i64 %n, i1 false)
  ret i64 %t
}
; CHECK-NOT: str_len
; CHECK-NOT: tokenize
; CHECK-NOT: printf
; CHECK: json_escape|declare i64 @json_escape(ptr, ptr, i64)
; CHECK-NEXT: render page|declare void @"render page"(ptr)
; CHECK-NOT: {{.}}

; JSON: "missing": [
; JSON-NEXT: {
; JSON-NEXT: "declare": "declare i64 @json_escape(ptr, ptr, i64)",
; JSON-NEXT: "name": "json_escape"
; JSON-NEXT: },
; JSON-NEXT: {
; JSON-NEXT: "declare": "declare void @\"render page\"(ptr)",
; JSON-NEXT: "name": "render page"
; JSON-NEXT: }
; JSON-NEXT: ],
