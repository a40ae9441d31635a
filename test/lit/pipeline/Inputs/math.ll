define i64 @double(i64 %x) {
entry:
  %r = add i64 %x, %x
  ret i64 %r
}
