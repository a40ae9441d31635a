; An invented extra parameter is dropped; a missing one cannot be invented: that call is left as
; written and reported.
; REQUIRES: plugin
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fix-declares -pass-remarks=semcom -pass-remarks-missed=semcom \
; RUN:   -S %s -o - 2>%t.err | FileCheck %s
; RUN: FileCheck --check-prefix=REMARK %s < %t.err

declare i64 @ds_depth(i64)
declare ptr @ht_get(ptr, ptr)

define i64 @use(ptr %t, ptr %k) {
; CHECK-LABEL: define i64 @use(
; CHECK-NEXT: %n = call i64 @ds_depth()
; CHECK-NEXT: %v = call ptr @ht_get(ptr %t, ptr %k)
  %n = call i64 @ds_depth(i64 0)
  %v = call ptr @ht_get(ptr %t, ptr %k)
  ret i64 %n
}
; CHECK: declare i64 @ds_depth()
; CHECK: declare ptr @ht_get(ptr, ptr, i64)
; REMARK: 1 extra trailing argument(s) dropped
; REMARK: call to @ht_get passes 2 argument(s) but the manifest's signature needs 3; a missing argument cannot be invented
; REMARK: 1 call(s) left as written

; Running the pipeline twice changes nothing the second time.
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -S < %s -o %t.once.ll
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -S < %t.once.ll | diff %t.once.ll -
