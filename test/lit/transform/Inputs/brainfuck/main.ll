; main.py: stdin is the program, then a line `!`, then the program's input.
declare i64 @bf_run(ptr %code, i64 %code_len, ptr %data, i64 %data_len, ptr %out)
declare ptr @buf_new(i64 %capacity)
declare ptr @buf_data(ptr %b)
declare i64 @buf_len(ptr %b)
declare i64 @write_all(i64 %fd, ptr %data, i64 %len)
declare i64 @print_str(ptr %s)
declare i64 @sys_read(i64 %fd, ptr %buf, i64 %count)
declare ptr @mem_alloc(i64 %size)

@s.error = private constant [9 x i8] c"\0Aerror: \00"
@s.nl = private constant [2 x i8] c"\0A\00"
@m.unmatched = private constant [18 x i8] c"unmatched bracket\00"
@m.tape = private constant [14 x i8] c"tape overflow\00"
@m.steps = private constant [11 x i8] c"step limit\00"

; The length of the program part; where the input starts goes to %data_offset.
define i64 @main_split_input(ptr %text, i64 %len, ptr %data_offset) {
entry:
  %last = sub i64 %len, 2
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %more = icmp slt i64 %i, %last
  br i1 %more, label %check, label %none
check:
  %p0 = getelementptr i8, ptr %text, i64 %i
  %c0 = load i8, ptr %p0
  %p1 = getelementptr i8, ptr %p0, i64 1
  %c1 = load i8, ptr %p1
  %p2 = getelementptr i8, ptr %p0, i64 2
  %c2 = load i8, ptr %p2
  %e0 = icmp eq i8 %c0, 10
  %e1 = icmp eq i8 %c1, 33
  %e2 = icmp eq i8 %c2, 10
  %a = and i1 %e0, %e1
  %b = and i1 %a, %e2
  br i1 %b, label %found, label %next
next:
  %i1 = add i64 %i, 1
  br label %loop
found:
  %start = add i64 %i, 3
  store i64 %start, ptr %data_offset
  ret i64 %i
none:
  store i64 %len, ptr %data_offset
  ret i64 %len
}

define i64 @semcom_main(i64 %argc, ptr %argv) {
entry:
  %offset = alloca i64, align 8
  %buf = call ptr @mem_alloc(i64 1048576)
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
  %code_len = call i64 @main_split_input(ptr %buf, i64 %total, ptr %offset)
  %start = load i64, ptr %offset
  %data = getelementptr i8, ptr %buf, i64 %start
  %data_len = sub i64 %total, %start
  %out = call ptr @buf_new(i64 65536)
  %status = call i64 @bf_run(ptr %buf, i64 %code_len, ptr %data, i64 %data_len, ptr %out)
  %bytes = call ptr @buf_data(ptr %out)
  %count = call i64 @buf_len(ptr %out)
  %w = call i64 @write_all(i64 1, ptr %bytes, i64 %count)
  %failed = icmp ne i64 %status, 0
  br i1 %failed, label %report, label %done
report:
  %is1 = icmp eq i64 %status, 1
  %is2 = icmp eq i64 %status, 2
  %m2 = select i1 %is2, ptr @m.tape, ptr @m.steps
  %m = select i1 %is1, ptr @m.unmatched, ptr %m2
  %e1 = call i64 @print_str(ptr @s.error)
  %e2 = call i64 @print_str(ptr %m)
  %e3 = call i64 @print_str(ptr @s.nl)
  br label %done
done:
  ret i64 %status
oom:
  ret i64 2
}
