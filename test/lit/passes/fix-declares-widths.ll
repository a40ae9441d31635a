; Integer widths and pointers: the manifest's signext/zeroext decide the extension; without one,
; a negative constant is sign-extended; i64 and ptr convert with inttoptr/ptrtoint.
; REQUIRES: plugin
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fix-declares -S %s -o - | FileCheck %s

declare void @emit_char(i64)
declare i64 @read_byte(i32)
declare i64 @ht_hash(i64, i32)
declare i64 @print_line(i32, ptr, i32)

define i64 @io(i32 %fd, i64 %keyaddr, i8 %ch) {
; CHECK-LABEL: define i64 @io(
; CHECK: [[C:%.*]] = trunc i64 %{{.*}} to i32
; CHECK-NEXT: call void @emit_char(i32 signext [[C]])
; CHECK: [[FD:%.*]] = zext i32 %fd to i64
; CHECK-NEXT: [[B:%.*]] = call i8 @read_byte(i64 zeroext [[FD]])
; CHECK-NEXT: [[BX:%.*]] = sext i8 [[B]] to i64
; CHECK: [[P:%.*]] = inttoptr i64 %keyaddr to ptr
; CHECK-NEXT: call i64 @ht_hash(ptr [[P]], i64 -1)
; CHECK: [[FD2:%.*]] = sext i32 %fd to i64
; CHECK: call i64 @print_line(i64 [[FD2]], ptr null, i64 3)
  %wide = sext i8 %ch to i64
  call void @emit_char(i64 %wide)
  %b = call i64 @read_byte(i32 %fd)
  %h = call i64 @ht_hash(i64 %keyaddr, i32 -1)
  %p = call i64 @print_line(i32 %fd, ptr null, i32 3)
  ret i64 %b
}

; Running the pipeline twice changes nothing the second time.
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -S < %s -o %t.once.ll
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -S < %t.once.ll | diff %t.once.ll -
