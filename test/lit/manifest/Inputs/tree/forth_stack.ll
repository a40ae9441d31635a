; A small stack module, as the Forth port had.
@stack = internal global [64 x i64] zeroinitializer
@depth = internal global i64 0

define void @ds_push(i64 %val) {
  %d = load i64, ptr @depth
  %slot = getelementptr [64 x i64], ptr @stack, i64 0, i64 %d
  store i64 %val, ptr %slot
  %d1 = add i64 %d, 1
  store i64 %d1, ptr @depth
  ret void
}

define i64 @ds_pop() {
  %d = load i64, ptr @depth
  %d1 = sub i64 %d, 1
  store i64 %d1, ptr @depth
  %slot = getelementptr [64 x i64], ptr @stack, i64 0, i64 %d1
  %v = load i64, ptr %slot
  ret i64 %v
}

define internal i64 @depth_now() {
  %d = load i64, ptr @depth
  ret i64 %d
}
