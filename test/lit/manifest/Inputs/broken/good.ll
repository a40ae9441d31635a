define i64 @good_fn(i64 %x) {
  ret i64 %x
}
