; main.py: words from stdin; `.` pops and prints, `.s` prints the stack; errors make the status 1.
%Stack = type { [128 x i64], i64 }

declare void @stack_init(ptr %self)
declare i64 @stack_push(ptr %self, i64 %value)
declare i64 @stack_pop(ptr %self)
declare i64 @stack_depth(ptr %self)
declare i64 @stack_item(ptr %self, i64 %index)
declare i64 @ops_execute(ptr %stack, ptr %word)
declare i64 @print_str(ptr %s)
declare i64 @write_all(i64 %fd, ptr %data, i64 %len)
declare i64 @format_i64(i64 %value, ptr %out, i64 %out_size)
declare i64 @str_eq(ptr %a, ptr %b)
declare i64 @sys_read(i64 %fd, ptr %buf, i64 %count)
declare ptr @mem_alloc(i64 %size)

@s.error = private constant [8 x i8] c"error: \00"
@s.colon = private constant [3 x i8] c": \00"
@s.nl = private constant [2 x i8] c"\0A\00"
@s.space = private constant [2 x i8] c" \00"
@s.lt = private constant [2 x i8] c"<\00"
@s.gt = private constant [3 x i8] c"> \00"
@s.dot = private constant [2 x i8] c".\00"
@s.dots = private constant [3 x i8] c".s\00"
@m.underflow = private constant [16 x i8] c"stack underflow\00"
@m.divzero = private constant [17 x i8] c"division by zero\00"
@m.overflow = private constant [15 x i8] c"stack overflow\00"
@m.unknown = private constant [13 x i8] c"unknown word\00"

define internal void @print_i64(i64 %v) {
entry:
  %buf = alloca [32 x i8], align 1
  %n = call i64 @format_i64(i64 %v, ptr %buf, i64 32)
  %w = call i64 @write_all(i64 1, ptr %buf, i64 %n)
  ret void
}

define internal void @print_error(ptr %word, ptr %message) {
entry:
  %a = call i64 @print_str(ptr @s.error)
  %b = call i64 @print_str(ptr %word)
  %c = call i64 @print_str(ptr @s.colon)
  %d = call i64 @print_str(ptr %message)
  %e = call i64 @print_str(ptr @s.nl)
  ret void
}

define i64 @main_is_number(ptr %word) {
entry:
  %c0 = load i8, ptr %word
  %minus = icmp eq i8 %c0, 45
  %skip = select i1 %minus, i64 1, i64 0
  %digits = getelementptr i8, ptr %word, i64 %skip
  %first = load i8, ptr %digits
  %empty = icmp eq i8 %first, 0
  br i1 %empty, label %no, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %p = getelementptr i8, ptr %digits, i64 %i
  %c = load i8, ptr %p
  %end = icmp eq i8 %c, 0
  br i1 %end, label %yes, label %check
check:
  %d = sub i8 %c, 48
  %isdig = icmp ult i8 %d, 10
  br i1 %isdig, label %next, label %no
next:
  %i1 = add i64 %i, 1
  br label %loop
yes:
  ret i64 1
no:
  ret i64 0
}

; The value of a word main_is_number accepted.
define internal i64 @word_value(ptr %word) {
entry:
  %c0 = load i8, ptr %word
  %minus = icmp eq i8 %c0, 45
  %skip = select i1 %minus, i64 1, i64 0
  br label %loop
loop:
  %i = phi i64 [ %skip, %entry ], [ %i1, %body ]
  %acc = phi i64 [ 0, %entry ], [ %acc1, %body ]
  %p = getelementptr i8, ptr %word, i64 %i
  %c = load i8, ptr %p
  %end = icmp eq i8 %c, 0
  br i1 %end, label %done, label %body
body:
  %c64 = zext i8 %c to i64
  %d = sub i64 %c64, 48
  %acc10 = mul i64 %acc, 10
  %acc1 = add i64 %acc10, %d
  %i1 = add i64 %i, 1
  br label %loop
done:
  %neg = sub i64 0, %acc
  %v = select i1 %minus, i64 %neg, i64 %acc
  ret i64 %v
}

define internal i1 @is_space(i8 %c) {
entry:
  %sp = icmp eq i8 %c, 32
  %m9 = sub i8 %c, 9
  %ctl = icmp ult i8 %m9, 5
  %m28 = sub i8 %c, 28
  %sep = icmp ult i8 %m28, 4
  %a = or i1 %sp, %ctl
  %b = or i1 %a, %sep
  ret i1 %b
}

; Runs one word; returns the new status.
define internal i64 @run_word(ptr %stack, ptr %word, i64 %status) {
entry:
  %num = call i64 @main_is_number(ptr %word)
  %c.num = icmp ne i64 %num, 0
  br i1 %c.num, label %number, label %t.dot
number:
  %v = call i64 @word_value(ptr %word)
  %pushed = call i64 @stack_push(ptr %stack, i64 %v)
  %ok = icmp ne i64 %pushed, 0
  br i1 %ok, label %same, label %overflow
overflow:
  call void @print_error(ptr %word, ptr @m.overflow)
  ret i64 1
same:
  ret i64 %status

t.dot:
  %is.dot = call i64 @str_eq(ptr %word, ptr @s.dot)
  %c.dot = icmp ne i64 %is.dot, 0
  br i1 %c.dot, label %dot, label %t.dots
dot:
  %depth = call i64 @stack_depth(ptr %stack)
  %none = icmp eq i64 %depth, 0
  br i1 %none, label %dot.underflow, label %dot.print
dot.underflow:
  call void @print_error(ptr %word, ptr @m.underflow)
  ret i64 1
dot.print:
  %top = call i64 @stack_pop(ptr %stack)
  call void @print_i64(i64 %top)
  %nl = call i64 @print_str(ptr @s.nl)
  ret i64 %status

t.dots:
  %is.dots = call i64 @str_eq(ptr %word, ptr @s.dots)
  %c.dots = icmp ne i64 %is.dots, 0
  br i1 %c.dots, label %dots, label %execute
dots:
  %n = call i64 @stack_depth(ptr %stack)
  %lt = call i64 @print_str(ptr @s.lt)
  call void @print_i64(i64 %n)
  %gt = call i64 @print_str(ptr @s.gt)
  br label %dots.loop
dots.loop:
  %i = phi i64 [ 0, %dots ], [ %i1, %dots.value ]
  %more = icmp slt i64 %i, %n
  br i1 %more, label %dots.body, label %dots.end
dots.body:
  %first = icmp eq i64 %i, 0
  br i1 %first, label %dots.value, label %dots.sep
dots.sep:
  %sp = call i64 @print_str(ptr @s.space)
  br label %dots.value
dots.value:
  %item = call i64 @stack_item(ptr %stack, i64 %i)
  call void @print_i64(i64 %item)
  %i1 = add i64 %i, 1
  br label %dots.loop
dots.end:
  %nl2 = call i64 @print_str(ptr @s.nl)
  ret i64 %status

execute:
  %code = call i64 @ops_execute(ptr %stack, ptr %word)
  %fine = icmp eq i64 %code, 0
  br i1 %fine, label %same, label %failed
failed:
  %is1 = icmp eq i64 %code, 1
  %is2 = icmp eq i64 %code, 2
  %is3 = icmp eq i64 %code, 3
  %m3 = select i1 %is3, ptr @m.overflow, ptr @m.unknown
  %m2 = select i1 %is2, ptr @m.divzero, ptr %m3
  %m1 = select i1 %is1, ptr @m.underflow, ptr %m2
  call void @print_error(ptr %word, ptr %m1)
  ret i64 1
}

define i64 @main_run(ptr %text) {
entry:
  %stack = alloca %Stack, align 8
  call void @stack_init(ptr %stack)
  br label %skip
skip:
  %i = phi i64 [ 0, %entry ], [ %i.next, %skip.more ], [ %after, %word.done ]
  %status = phi i64 [ 0, %entry ], [ %status, %skip.more ], [ %status1, %word.done ]
  %p = getelementptr i8, ptr %text, i64 %i
  %c = load i8, ptr %p
  %end = icmp eq i8 %c, 0
  br i1 %end, label %finish, label %skip.check
skip.check:
  %ws = call i1 @is_space(i8 %c)
  br i1 %ws, label %skip.more, label %word
skip.more:
  %i.next = add i64 %i, 1
  br label %skip
word:
  br label %scan
scan:
  %j = phi i64 [ %i, %word ], [ %j1, %scan.more ]
  %q = getelementptr i8, ptr %text, i64 %j
  %d = load i8, ptr %q
  %d.end = icmp eq i8 %d, 0
  br i1 %d.end, label %cut, label %scan.check
scan.check:
  %d.ws = call i1 @is_space(i8 %d)
  br i1 %d.ws, label %cut, label %scan.more
scan.more:
  %j1 = add i64 %j, 1
  br label %scan
cut:
  store i8 0, ptr %q
  %status1 = call i64 @run_word(ptr %stack, ptr %p, i64 %status)
  %after0 = add i64 %j, 1
  %after = select i1 %d.end, i64 %j, i64 %after0
  br label %word.done
word.done:
  br label %skip
finish:
  ret i64 %status
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
