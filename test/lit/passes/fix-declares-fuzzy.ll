; A misspelled declared name is renamed to the manifest's close match, with a remark
; `fuzzy match replaced: <original>`; semcom-fix also writes it as a `; NOTE:` comment. A name
; with no close match is left for DoesNotUnderstand; definitions are never touched.
; REQUIRES: plugin
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fix-declares -pass-remarks=semcom -S %s -o - 2>%t.err | FileCheck %s
; RUN: FileCheck --check-prefix=REMARK %s < %t.err
; RUN: semcom-fix %s -m %S/Inputs/forth.manifest -o - 2>/dev/null | FileCheck --check-prefix=TEXT %s

declare void @ds_psuh(i64)
declare i64 @dsPop()
declare i64 @frobnicate(i64)

; The module's own definition of @is_digit keeps its i1 type although the manifest says i64.
; CHECK-LABEL: define i1 @is_digit(i64 %c)
define i1 @is_digit(i64 %c) {
  %lo = icmp uge i64 %c, 48
  ret i1 %lo
}

define i64 @main_loop() {
; CHECK-LABEL: define i64 @main_loop(
; CHECK-NEXT: call void @ds_push(i64 7)
; CHECK-NEXT: %v = call i64 @ds_pop()
; CHECK-NEXT: %z = call i64 @frobnicate(i64 %v)
  call void @ds_psuh(i64 7)
  %v = call i64 @dsPop()
  %z = call i64 @frobnicate(i64 %v)
  ret i64 %z
}
; REMARK-DAG: fuzzy match replaced: ds_psuh -> ds_push
; REMARK-DAG: fuzzy match replaced: dsPop -> ds_pop (similarity 1.00)
; TEXT: ; NOTE: fuzzy match replaced: ds_psuh -> ds_push

; Running the pipeline twice changes nothing the second time.
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -S < %s -o %t.once.ll
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -S < %t.once.ll | diff %t.once.ll -
