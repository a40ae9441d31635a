; bf.py: a brainfuck machine; statuses OK 0, UNMATCHED 1, TAPE_OVERFLOW 2, STEP_LIMIT 3.
declare ptr @mem_alloc(i64 %size)
declare void @mem_free(ptr %p)
declare void @set_bytes(ptr %dst, i64 %byte, i64 %n)
declare i64 @buf_append(ptr %b, ptr %data, i64 %len)

define i64 @bf_match_brackets(ptr %code, i64 %len, ptr %jumps) {
entry:
  %bytes = mul i64 %len, 8
  %size = add i64 %bytes, 8
  %stack = call ptr @mem_alloc(i64 %size)
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %top = phi i64 [ 0, %entry ], [ %top.next, %next ]
  %more = icmp slt i64 %i, %len
  br i1 %more, label %body, label %done
body:
  %cp = getelementptr i8, ptr %code, i64 %i
  %c = load i8, ptr %cp
  %is.open = icmp eq i8 %c, 91
  br i1 %is.open, label %open, label %check.close
open:
  %slot = getelementptr i64, ptr %stack, i64 %top
  store i64 %i, ptr %slot
  %top.up = add i64 %top, 1
  br label %next
check.close:
  %is.close = icmp eq i8 %c, 93
  br i1 %is.close, label %close, label %next
close:
  %empty = icmp eq i64 %top, 0
  br i1 %empty, label %unmatched, label %pair
pair:
  %top.down = sub i64 %top, 1
  %jslot = getelementptr i64, ptr %stack, i64 %top.down
  %j = load i64, ptr %jslot
  %ji = getelementptr i64, ptr %jumps, i64 %i
  store i64 %j, ptr %ji
  %jj = getelementptr i64, ptr %jumps, i64 %j
  store i64 %i, ptr %jj
  br label %next
next:
  %top.next = phi i64 [ %top.up, %open ], [ %top, %check.close ], [ %top.down, %pair ]
  %i1 = add i64 %i, 1
  br label %loop
unmatched:
  call void @mem_free(ptr %stack)
  ret i64 1
done:
  call void @mem_free(ptr %stack)
  %balanced = icmp eq i64 %top, 0
  %r = select i1 %balanced, i64 0, i64 1
  ret i64 %r
}

define i64 @bf_run(ptr %code, i64 %code_len, ptr %data, i64 %data_len, ptr %out) {
entry:
  %jbytes = mul i64 %code_len, 8
  %jsize = add i64 %jbytes, 8
  %jumps = call ptr @mem_alloc(i64 %jsize)
  %matched = call i64 @bf_match_brackets(ptr %code, i64 %code_len, ptr %jumps)
  %bad = icmp ne i64 %matched, 0
  br i1 %bad, label %ret.matched, label %setup
ret.matched:
  ret i64 %matched
setup:
  %tape = call ptr @mem_alloc(i64 30000)
  call void @set_bytes(ptr %tape, i64 0, i64 30000)
  br label %loop
loop:
  %pc = phi i64 [ 0, %setup ], [ %pc.next, %advance ]
  %ptr = phi i64 [ 0, %setup ], [ %ptr.next, %advance ]
  %read = phi i64 [ 0, %setup ], [ %read.next, %advance ]
  %steps = phi i64 [ 0, %setup ], [ %steps1, %advance ]
  %running = icmp slt i64 %pc, %code_len
  br i1 %running, label %step, label %ok
step:
  %steps1 = add i64 %steps, 1
  %limit = icmp sgt i64 %steps1, 10000000
  br i1 %limit, label %step.limit, label %decode
decode:
  %cp = getelementptr i8, ptr %code, i64 %pc
  %c = load i8, ptr %cp
  %cell = getelementptr i8, ptr %tape, i64 %ptr
  switch i8 %c, label %advance.same [ i8 62, label %right
                                      i8 60, label %left
                                      i8 43, label %inc
                                      i8 45, label %dec
                                      i8 46, label %output
                                      i8 44, label %input
                                      i8 91, label %open
                                      i8 93, label %close ]
right:
  %p.r = add i64 %ptr, 1
  %over.r = icmp eq i64 %p.r, 30000
  br i1 %over.r, label %overflow, label %advance.ptr
left:
  %p.l = sub i64 %ptr, 1
  %over.l = icmp slt i64 %p.l, 0
  br i1 %over.l, label %overflow, label %advance.ptr
advance.ptr:
  %p.new = phi i64 [ %p.r, %right ], [ %p.l, %left ]
  br label %advance
inc:
  %v.i = load i8, ptr %cell
  %v.i1 = add i8 %v.i, 1
  store i8 %v.i1, ptr %cell
  br label %advance.same
dec:
  %v.d = load i8, ptr %cell
  %v.d1 = sub i8 %v.d, 1
  store i8 %v.d1, ptr %cell
  br label %advance.same
output:
  %w = call i64 @buf_append(ptr %out, ptr %cell, i64 1)
  br label %advance.same
input:
  %have = icmp slt i64 %read, %data_len
  br i1 %have, label %input.byte, label %input.eof
input.byte:
  %dp = getelementptr i8, ptr %data, i64 %read
  %db = load i8, ptr %dp
  store i8 %db, ptr %cell
  %read1 = add i64 %read, 1
  br label %advance.read
input.eof:
  store i8 0, ptr %cell
  br label %advance.same
advance.read:
  br label %advance
open:
  %v.o = load i8, ptr %cell
  %zero.o = icmp eq i8 %v.o, 0
  br i1 %zero.o, label %jump, label %advance.same
close:
  %v.c = load i8, ptr %cell
  %zero.c = icmp eq i8 %v.c, 0
  br i1 %zero.c, label %advance.same, label %jump
jump:
  %jp = getelementptr i64, ptr %jumps, i64 %pc
  %target = load i64, ptr %jp
  br label %advance
advance.same:
  br label %advance
advance:
  %pc.from = phi i64 [ %pc, %advance.ptr ], [ %pc, %advance.read ], [ %target, %jump ], [ %pc, %advance.same ]
  %ptr.next = phi i64 [ %p.new, %advance.ptr ], [ %ptr, %advance.read ], [ %ptr, %jump ], [ %ptr, %advance.same ]
  %read.next = phi i64 [ %read, %advance.ptr ], [ %read1, %advance.read ], [ %read, %jump ], [ %read, %advance.same ]
  %pc.next = add i64 %pc.from, 1
  br label %loop
overflow:
  ret i64 2
step.limit:
  ret i64 3
ok:
  ret i64 0
}
