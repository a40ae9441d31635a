;===- examples/hello/hello.ll - the smallest Semcom program --------------===;
; Prints one line through the runtime and exits 0: the size floor of a static, libc-free binary.

@greeting = private unnamed_addr constant [15 x i8] c"Hello, world!\0A\00"

declare i64 @print_str(ptr)

define i64 @semcom_main(i64 %argc, ptr %argv) {
entry:
  %r = call i64 @print_str(ptr @greeting)
  %failed = icmp slt i64 %r, 0
  %status = select i1 %failed, i64 1, i64 0
  ret i64 %status
}
