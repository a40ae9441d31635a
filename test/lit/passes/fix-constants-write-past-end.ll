; A constant length that runs past the end of the string it goes with is clamped to the string's
; size, for the runtime's (pointer, length) pairs (sys_write, write_all, buf_append), the manifest's
; (print_line's %text/%len) and libc's (write, memcpy). A length that includes the trailing \00 of
; a string written to a file descriptor is reported, not changed. Lengths that fit stay.
; REQUIRES: plugin
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fix-constants -pass-remarks=semcom -pass-remarks-analysis=semcom \
; RUN:   -S %s -o - 2>%t.err | FileCheck %s
; RUN: FileCheck --check-prefix=REMARK %s < %t.err

@msg = private constant [14 x i8] c"Hello, World!\0A"
@cstr = private constant [6 x i8] c"hello\00"
@buf = global [8 x i8] zeroinitializer

declare i64 @sys_write(i64, ptr, i64)
declare i64 @write_all(i64, ptr, i64)
declare i64 @buf_append(ptr, ptr, i64)
declare i64 @print_line(i64, ptr, i64)
declare i64 @write(i32, ptr, i64)
declare ptr @memcpy(ptr, ptr, i64)

define void @greet(ptr %b) {
; CHECK-LABEL: define void @greet(
; CHECK-NEXT: call i64 @sys_write(i64 1, ptr @msg, i64 14)
; CHECK-NEXT: call i64 @write_all(i64 1, ptr @msg, i64 14)
; CHECK-NEXT: call i64 @sys_write(i64 1, ptr getelementptr inbounds (i8, ptr @msg, i64 7), i64 7)
; CHECK-NEXT: call i64 @buf_append(ptr %b, ptr @cstr, i64 6)
; CHECK-NEXT: call i64 @print_line(i64 2, ptr @msg, i64 14)
; CHECK-NEXT: call i64 @write(i32 1, ptr @msg, i64 14)
; CHECK-NEXT: call ptr @memcpy(ptr @buf, ptr @msg, i64 8)
; CHECK-NEXT: call i64 @sys_write(i64 1, ptr @cstr, i64 6)
; CHECK-NEXT: call i64 @sys_write(i64 1, ptr @msg, i64 5)
  call i64 @sys_write(i64 1, ptr @msg, i64 15)
  call i64 @write_all(i64 1, ptr @msg, i64 100)
  call i64 @sys_write(i64 1, ptr getelementptr inbounds (i8, ptr @msg, i64 7), i64 14)
  call i64 @buf_append(ptr %b, ptr @cstr, i64 7)
  call i64 @print_line(i64 2, ptr @msg, i64 15)
  call i64 @write(i32 1, ptr @msg, i64 16)
  call ptr @memcpy(ptr @buf, ptr @msg, i64 14)
  call i64 @sys_write(i64 1, ptr @cstr, i64 6)
  call i64 @sys_write(i64 1, ptr @msg, i64 5)
  ret void
}
; REMARK: length 15 passed to @sys_write runs past the end of @msg (14 bytes); clamped to 14
; REMARK: length 100 passed to @write_all runs past the end of @msg (14 bytes); clamped to 14
; REMARK: length 14 passed to @sys_write runs past the end of @msg (7 bytes); clamped to 7
; REMARK: length 7 passed to @buf_append runs past the end of @cstr (6 bytes); clamped to 6
; REMARK: length 14 passed to @memcpy runs past the end of @buf (8 bytes); clamped to 8
; REMARK: length 6 passed to @sys_write includes the trailing \00 of @cstr
; REMARK-NOT: passed to

; Running the pipeline twice changes nothing the second time.
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -S < %s -o %t.once.ll
; RUN: %opt -load-pass-plugin=%plugin -semcom-manifest=%S/Inputs/forth.manifest \
; RUN:   -passes=semcom-fixup -S < %t.once.ll | diff %t.once.ll -

; A libc name declared with an integer where the pointer belongs is not a (pointer, length) pair.
; RUN: printf '@m = constant [2 x i8] c"hi"\ndeclare i64 @write(i64, i64, i64)\ndefine void @g() {\n  call i64 @write(i64 1, i64 ptrtoint (ptr @m to i64), i64 9)\n  ret void\n}\n' > %t.int.ll
; RUN: %opt -load-pass-plugin=%plugin -passes=semcom-fix-constants -S %t.int.ll -o - | FileCheck --check-prefix=INT %s
; INT: call i64 @write(i64 1, i64 ptrtoint (ptr @m to i64), i64 9)
