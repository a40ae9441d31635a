declare i64 @print_line(ptr)
@m = private constant [6 x i8] c"line!\00"

define i64 @semcom_main(i64 %argc, ptr %argv) {
entry:
  %r = call i64 @print_line(ptr @m)
  ret i64 0
}
