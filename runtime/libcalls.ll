;===- runtime/libcalls.ll - memcpy, memmove, memset, memcmp, bcmp for the code generator ===;
; LLVM lowers llvm.memcpy/llvm.memset of unknown size (and optimised copy loops) to calls to these
; C names, so a libc-free binary must define them. They live in their own archive member and are
; linked only when something refers to them; host tests leave this module out, since libc has them.

declare void @copy_bytes(ptr, ptr, i64)
declare void @set_bytes(ptr, i64, i64)
declare i64 @compare_bytes(ptr, ptr, i64)

define ptr @memcpy(ptr %dst, ptr %src, i64 %n) #0 {
  call void @copy_bytes(ptr %dst, ptr %src, i64 %n)
  ret ptr %dst
}

define ptr @memmove(ptr %dst, ptr %src, i64 %n) #0 {
  call void @copy_bytes(ptr %dst, ptr %src, i64 %n)
  ret ptr %dst
}

define ptr @memset(ptr %dst, i32 %c, i64 %n) #0 {
  %byte = sext i32 %c to i64
  call void @set_bytes(ptr %dst, i64 %byte, i64 %n)
  ret ptr %dst
}

define i32 @memcmp(ptr %a, ptr %b, i64 %n) #0 {
  %r = call i64 @compare_bytes(ptr %a, ptr %b, i64 %n)
  %neg = icmp slt i64 %r, 0
  %pos = icmp sgt i64 %r, 0
  %one = select i1 %pos, i32 1, i32 0
  %res = select i1 %neg, i32 -1, i32 %one
  ret i32 %res
}

; bcmp only tells equal from different; LLVM emits it for memcmp(...) == 0 on Linux.
define i32 @bcmp(ptr %a, ptr %b, i64 %n) #0 {
  %r = call i32 @memcmp(ptr %a, ptr %b, i64 %n)
  ret i32 %r
}

attributes #0 = { nounwind "no-builtins" }
