declare i64 @write_all(i64, ptr, i64)

define noundef i64 @string_length(ptr noundef nonnull %s) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %p = getelementptr i8, ptr %s, i64 %i
  %c = load i8, ptr %p
  %next = add i64 %i, 1
  %done = icmp eq i8 %c, 0
  br i1 %done, label %exit, label %loop
exit:
  ret i64 %i
}

define i64 @print_fmt(ptr %fmt, ...) {
  ret i64 0
}

define void @"weird name"(i64 %0) {
  ret void
}
