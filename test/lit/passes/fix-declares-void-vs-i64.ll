; Models guess `void` where the manifest says `i64` and the other way round. The declaration
; becomes the manifest's; a result used from a now-void function reads as zero (with a remark).
; REQUIRES: plugin
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fix-declares -pass-remarks=semcom -S %s -o - 2>%t.err | FileCheck %s
; RUN: FileCheck --check-prefix=REMARK %s < %t.err

declare void @ds_pop()
declare i64 @ds_push(i64)

define i64 @step(i64 %x) {
; CHECK-LABEL: define i64 @step(
; CHECK-NEXT: call void @ds_push(i64 %x)
; CHECK-NEXT: %{{.*}} = call i64 @ds_pop()
; CHECK-NEXT: ret i64 0
  %pushed = call i64 @ds_push(i64 %x)
  call void @ds_pop()
  ret i64 %pushed
}

; CHECK-DAG: declare void @ds_push(i64)
; CHECK-DAG: declare i64 @ds_pop()
; REMARK-DAG: @ds_push returns void, uses of the result now see zero
; REMARK-DAG: declaration of @ds_pop replaced: void () -> i64 @ds_pop() (from forth_stack.ll)

; Running the pipeline twice changes nothing the second time.
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -S < %s -o %t.once.ll
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -S < %t.once.ll | diff %t.once.ll -
