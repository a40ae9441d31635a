; Numbers the runtime does not wrap, numbers that are not constants, a module without a target
; triple and too few arguments: left alone, each with a missed remark. -semcom-target-triple
; supplies the numbering for a triple-less module.
; REQUIRES: plugin
; RUN: %opt -load-pass-plugin=%plugin -passes=semcom-fix-syscalls -pass-remarks-missed=semcom \
; RUN:   -S %s -o - 2>%t.err | FileCheck %s
; RUN: FileCheck --check-prefix=REMARK %s < %t.err
; RUN: %opt -load-pass-plugin=%plugin -passes=semcom-fix-syscalls -semcom-target-triple=x86_64-linux-gnu \
; RUN:   -pass-remarks-missed=semcom -S %s -o - 2>%t2.err | FileCheck --check-prefix=X86 %s
; RUN: FileCheck --check-prefix=X86REMARK %s < %t2.err

declare i64 @syscall(i64, ...)

define i64 @f(i64 %n, ptr %p) {
; CHECK-LABEL: define i64 @f(
; CHECK: call i64 (i64, ...) @syscall(i64 1, i64 1, ptr %p, i64 3)
; CHECK: call i64 (i64, ...) @syscall(i64 999, i64 0)
; CHECK: call i64 (i64, ...) @syscall(i64 %n, i64 0)
; CHECK: call i64 (i64, ...) @syscall(i64 9, ptr null, i64 4096)
; X86-LABEL: define i64 @f(
; X86: call i64 @sys_write(i64 1, ptr %p, i64 3)
; X86: call i64 (i64, ...) @syscall(i64 999, i64 0)
; X86: call i64 (i64, ...) @syscall(i64 %n, i64 0)
; X86: call i64 (i64, ...) @syscall(i64 9, ptr null, i64 4096)
  %a = call i64 (i64, ...) @syscall(i64 1, i64 1, ptr %p, i64 3)
  %b = call i64 (i64, ...) @syscall(i64 999, i64 0)
  %c = call i64 (i64, ...) @syscall(i64 %n, i64 0)
  %d = call i64 (i64, ...) @syscall(i64 9, ptr null, i64 4096)
  ret i64 %a
}
; REMARK: syscall 1 left alone: the module has no x86_64 or aarch64 target triple
; REMARK: syscall 999 left alone
; REMARK: syscall number is not a constant (variadic @syscall); left alone
; X86REMARK: syscall 999 on x86_64 has no runtime wrapper; left alone
; X86REMARK: syscall number is not a constant (variadic @syscall); left alone
; X86REMARK: syscall mmap passes 2 argument(s), sys_mmap needs 6; left alone
