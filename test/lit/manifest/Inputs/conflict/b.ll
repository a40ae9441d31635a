; a second, different str_len
define i32 @str_len(ptr %s, i64 %max) {
  ret i32 0
}

define internal void @helper() {
  ret void
}
