define i64 @semcom_main(i64 %argc, ptr %argv) {
  %r = add i64 %argc
  ret i64 %r
}
