; `i1` vs `i64` booleans, both ways: an i64 result used as a branch condition is compared with
; zero (2 stays true, a trunc would make it false); an i1 result used as i64 is zero-extended;
; an i64 passed for a `zeroext i1` parameter is compared with zero.
; REQUIRES: plugin
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fix-declares -S %s -o - | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -disable-output %s

declare i1 @is_digit(i64)
declare i64 @word_is_defined(ptr)
declare void @set_trace(i64)

define i64 @classify(i64 %c, ptr %name) {
; CHECK-LABEL: define i64 @classify(
; CHECK: [[D:%.*]] = call i64 @is_digit(i64 %c)
; CHECK-NEXT: [[B:%.*]] = icmp ne i64 [[D]], 0
; CHECK: [[W:%.*]] = call i1 @word_is_defined(ptr %name)
; CHECK-NEXT: [[WX:%.*]] = zext i1 [[W]] to i64
; CHECK: [[T:%.*]] = icmp ne i64 %c, 0
; CHECK-NEXT: call void @set_trace(i1 zeroext [[T]])
; CHECK: br i1 [[B]]
; CHECK: ret i64 [[WX]]
  %d = call i1 @is_digit(i64 %c)
  %w = call i64 @word_is_defined(ptr %name)
  call void @set_trace(i64 %c)
  br i1 %d, label %digit, label %other
digit:
  ret i64 %w
other:
  ret i64 0
}

; Running the pipeline twice changes nothing the second time.
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -S < %s -o %t.once.ll
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -S < %t.once.ll | diff %t.once.ll -
