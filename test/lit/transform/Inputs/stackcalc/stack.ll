; stack.py: class Stack as a struct { [128 x i64] items ; i64 size } (1032 bytes, size at 1024).
%Stack = type { [128 x i64], i64 }

define void @stack_init(ptr %self) {
entry:
  %size = getelementptr %Stack, ptr %self, i64 0, i32 1
  store i64 0, ptr %size
  ret void
}

define i64 @stack_push(ptr %self, i64 %value) {
entry:
  %sizep = getelementptr %Stack, ptr %self, i64 0, i32 1
  %size = load i64, ptr %sizep
  %full = icmp eq i64 %size, 128
  br i1 %full, label %no, label %yes
no:
  ret i64 0
yes:
  %slot = getelementptr %Stack, ptr %self, i64 0, i32 0, i64 %size
  store i64 %value, ptr %slot
  %next = add i64 %size, 1
  store i64 %next, ptr %sizep
  ret i64 1
}

define i64 @stack_pop(ptr %self) {
entry:
  %sizep = getelementptr %Stack, ptr %self, i64 0, i32 1
  %size = load i64, ptr %sizep
  %top = sub i64 %size, 1
  store i64 %top, ptr %sizep
  %slot = getelementptr %Stack, ptr %self, i64 0, i32 0, i64 %top
  %v = load i64, ptr %slot
  ret i64 %v
}

define i64 @stack_peek(ptr %self) {
entry:
  %sizep = getelementptr %Stack, ptr %self, i64 0, i32 1
  %size = load i64, ptr %sizep
  %top = sub i64 %size, 1
  %slot = getelementptr %Stack, ptr %self, i64 0, i32 0, i64 %top
  %v = load i64, ptr %slot
  ret i64 %v
}

define i64 @stack_depth(ptr %self) {
entry:
  %sizep = getelementptr %Stack, ptr %self, i64 0, i32 1
  %size = load i64, ptr %sizep
  ret i64 %size
}

define void @stack_clear(ptr %self) {
entry:
  %sizep = getelementptr %Stack, ptr %self, i64 0, i32 1
  store i64 0, ptr %sizep
  ret void
}

define i64 @stack_item(ptr %self, i64 %index) {
entry:
  %slot = getelementptr %Stack, ptr %self, i64 0, i32 0, i64 %index
  %v = load i64, ptr %slot
  ret i64 %v
}
