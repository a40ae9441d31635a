declare i64 @syscall(i64, ...)
define void @f(ptr %p) {
  %r = call i64 (i64, ...) @syscall(i64 1, i64 1, ptr %p, i64 2)
  ret void
}
