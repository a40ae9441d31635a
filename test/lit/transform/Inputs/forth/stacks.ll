; stacks.py: class Stack is `%Stack = type { [256 x i64], i64 }` (cells, then top at 2048).
%Stack = type { [256 x i64], i64 }

define void @stacks_init(ptr %self) {
entry:
  %tp = getelementptr %Stack, ptr %self, i64 0, i32 1
  store i64 0, ptr %tp
  ret void
}

define i64 @stacks_push(ptr %self, i64 %value) {
entry:
  %tp = getelementptr %Stack, ptr %self, i64 0, i32 1
  %top = load i64, ptr %tp
  %full = icmp eq i64 %top, 256
  br i1 %full, label %no, label %yes
no:
  ret i64 0
yes:
  %slot = getelementptr %Stack, ptr %self, i64 0, i32 0, i64 %top
  store i64 %value, ptr %slot
  %t1 = add i64 %top, 1
  store i64 %t1, ptr %tp
  ret i64 1
}

define i64 @stacks_pop(ptr %self) {
entry:
  %tp = getelementptr %Stack, ptr %self, i64 0, i32 1
  %top = load i64, ptr %tp
  %t1 = sub i64 %top, 1
  store i64 %t1, ptr %tp
  %slot = getelementptr %Stack, ptr %self, i64 0, i32 0, i64 %t1
  %v = load i64, ptr %slot
  ret i64 %v
}

define i64 @stacks_pick(ptr %self, i64 %n) {
entry:
  %tp = getelementptr %Stack, ptr %self, i64 0, i32 1
  %top = load i64, ptr %tp
  %t1 = sub i64 %top, 1
  %at = sub i64 %t1, %n
  %slot = getelementptr %Stack, ptr %self, i64 0, i32 0, i64 %at
  %v = load i64, ptr %slot
  ret i64 %v
}

define i64 @stacks_depth(ptr %self) {
entry:
  %tp = getelementptr %Stack, ptr %self, i64 0, i32 1
  %top = load i64, ptr %tp
  ret i64 %top
}
