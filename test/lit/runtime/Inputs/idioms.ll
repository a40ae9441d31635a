; A fill loop that -O2 turns into a memset call, and an llvm.memcpy of unknown length: the runtime's libcalls module must supply them.
declare noalias ptr @mem_alloc(i64)
declare i64 @str_len(ptr)
declare i64 @print_i64(i64)
declare i64 @write_all(i64, ptr, i64)

; usage: idioms WORD; prints the sum of argc * 1000 sevens (14000), then WORD copied through a buffer.
define i64 @semcom_main(i64 %argc, ptr %argv) {
entry:
  %n = mul i64 %argc, 1000               ; unknown at compile time, so no inline expansion
  %a = call ptr @mem_alloc(i64 %n)
  br label %fill
fill:
  %i = phi i64 [ 0, %entry ], [ %i.next, %fill ]
  %pa = getelementptr i8, ptr %a, i64 %i
  store i8 7, ptr %pa
  %i.next = add i64 %i, 1
  %filled = icmp eq i64 %i.next, %n
  br i1 %filled, label %sum, label %fill
sum:
  %k = phi i64 [ 0, %fill ], [ %k.next, %sum ]
  %acc = phi i64 [ 0, %fill ], [ %acc.next, %sum ]
  %pk = getelementptr i8, ptr %a, i64 %k
  %byte = load i8, ptr %pk
  %w = zext i8 %byte to i64
  %acc.next = add i64 %acc, %w
  %k.next = add i64 %k, 1
  %summed = icmp eq i64 %k.next, %n
  br i1 %summed, label %word, label %sum
word:
  %p = call i64 @print_i64(i64 %acc.next)
  %slot = getelementptr ptr, ptr %argv, i64 1
  %src = load ptr, ptr %slot
  %len = call i64 @str_len(ptr %src)
  %line = add i64 %len, 1
  %dst = call ptr @mem_alloc(i64 %line)
  %dst_text = getelementptr i8, ptr %dst, i64 1
  store i8 32, ptr %dst
  ; Models write llvm.memcpy themselves; a variable length becomes a call to memcpy.
  call void @llvm.memcpy.p0.p0.i64(ptr %dst_text, ptr %src, i64 %len, i1 false)
  br label %print
print:
  %q = call i64 @write_all(i64 1, ptr %dst, i64 %line)
  ret i64 0
}

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
