; main.py: run(lines) over all of stdin, and the __main__ block as @semcom_main.
declare i64 @rpn_evaluate(ptr %line, ptr %value)
declare i64 @format_i64(i64 %value, ptr %out, i64 %out_size)
declare i64 @write_all(i64 %fd, ptr %data, i64 %len)
declare i64 @sys_read(i64 %fd, ptr %buf, i64 %count)
declare ptr @mem_alloc(i64 %size)

@nl = private constant [1 x i8] c"\0A"
@m1 = private constant [17 x i8] c"error: bad token\0A"
@m2 = private constant [23 x i8] c"error: stack underflow\0A"
@m3 = private constant [24 x i8] c"error: division by zero\0A"
@m4 = private constant [26 x i8] c"error: expected one value\0A"

define i64 @main_run(ptr %text) {
entry:
  %value = alloca i64, align 8
  %num = alloca [32 x i8], align 1
  br label %line

line:
  %start = phi i64 [ 0, %entry ], [ %next, %after ]
  %status = phi i64 [ 0, %entry ], [ %status1, %after ]
  br label %find

find:
  %k = phi i64 [ %start, %line ], [ %k1, %find.next ]
  %kp = getelementptr i8, ptr %text, i64 %k
  %c = load i8, ptr %kp
  %is.nl = icmp eq i8 %c, 10
  %is.nul = icmp eq i8 %c, 0
  %stop = or i1 %is.nl, %is.nul
  br i1 %stop, label %found, label %find.next

find.next:
  %k1 = add i64 %k, 1
  br label %find

found:
  store i8 0, ptr %kp
  %lp = getelementptr i8, ptr %text, i64 %start
  %code = call i64 @rpn_evaluate(ptr %lp, ptr %value)
  switch i64 %code, label %err [ i64 0, label %ok
                                 i64 5, label %after ]

ok:
  %v = load i64, ptr %value
  %n = call i64 @format_i64(i64 %v, ptr %num, i64 32)
  %w1 = call i64 @write_all(i64 1, ptr %num, i64 %n)
  %w2 = call i64 @write_all(i64 1, ptr @nl, i64 1)
  br label %after

err:
  %is1 = icmp eq i64 %code, 1
  %is2 = icmp eq i64 %code, 2
  %is3 = icmp eq i64 %code, 3
  %p34 = select i1 %is3, ptr @m3, ptr @m4
  %l34 = select i1 %is3, i64 24, i64 26
  %p234 = select i1 %is2, ptr @m2, ptr %p34
  %l234 = select i1 %is2, i64 23, i64 %l34
  %msg = select i1 %is1, ptr @m1, ptr %p234
  %mlen = select i1 %is1, i64 17, i64 %l234
  %w3 = call i64 @write_all(i64 1, ptr %msg, i64 %mlen)
  br label %after

after:
  %status1 = phi i64 [ %status, %found ], [ %status, %ok ], [ 1, %err ]
  %next = add i64 %k, 1
  br i1 %is.nul, label %done, label %line

done:
  ret i64 %status1
}

define i64 @semcom_main(i64 %argc, ptr %argv) {
entry:
  %buf = call ptr @mem_alloc(i64 1048577)
  %null = icmp eq ptr %buf, null
  br i1 %null, label %oom, label %read

read:
  %len = phi i64 [ 0, %entry ], [ %len1, %got ]
  %room = sub i64 1048576, %len
  %p = getelementptr i8, ptr %buf, i64 %len
  %n = call i64 @sys_read(i64 0, ptr %p, i64 %room)
  %pos = icmp sgt i64 %n, 0
  br i1 %pos, label %got, label %eof

got:
  %len1 = add i64 %len, %n
  %full = icmp eq i64 %len1, 1048576
  br i1 %full, label %eof, label %read

eof:
  %total = phi i64 [ %len, %read ], [ %len1, %got ]
  %end = getelementptr i8, ptr %buf, i64 %total
  store i8 0, ptr %end
  %status = call i64 @main_run(ptr %buf)
  ret i64 %status

oom:
  ret i64 2
}
