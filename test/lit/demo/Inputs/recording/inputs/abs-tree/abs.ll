define i64 @abs_val(i64 %x) {
entry:
  ret i64 %x
}
