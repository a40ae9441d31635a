declare i64 @no_such_function(i64)

define i64 @semcom_main(i64 %argc, ptr %argv) {
  %r = call i64 @no_such_function(i64 %argc)
  ret i64 %r
}
