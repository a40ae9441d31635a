;===- selftest.ll - the runtime's functions checked from IR, on each target -===;
; Each check prints "ok NAME" or "FAIL NAME: got X want Y"; the exit status is the number of failures.
; Labels are plain text, so a failing line names the function and case.

@hello_world = private unnamed_addr constant [12 x i8] c"hello world\00"
@world = private unnamed_addr constant [6 x i8] c"world\00"
@xyz = private unnamed_addr constant [4 x i8] c"xyz\00"
@empty = private unnamed_addr constant [1 x i8] c"\00"
@abc = private unnamed_addr constant [4 x i8] c"abc\00"
@abd = private unnamed_addr constant [4 x i8] c"abd\00"
@abc2 = private unnamed_addr constant [4 x i8] c"abc\00"
@l_0 = private unnamed_addr constant [8 x i8] c"str_len\00"
@l_1 = private unnamed_addr constant [12 x i8] c"str_eq same\00"
@l_2 = private unnamed_addr constant [14 x i8] c"str_eq differ\00"
@l_3 = private unnamed_addr constant [14 x i8] c"str_eq prefix\00"
@l_4 = private unnamed_addr constant [15 x i8] c"str_find found\00"
@l_5 = private unnamed_addr constant [17 x i8] c"str_find missing\00"
@l_6 = private unnamed_addr constant [22 x i8] c"str_find empty needle\00"
@l_7 = private unnamed_addr constant [23 x i8] c"str_find needle longer\00"
@l_8 = private unnamed_addr constant [19 x i8] c"compare_bytes less\00"
@l_9 = private unnamed_addr constant [20 x i8] c"compare_bytes equal\00"
@min = private unnamed_addr constant [21 x i8] c"-9223372036854775808\00"
@max = private unnamed_addr constant [20 x i8] c"9223372036854775807\00"
@over = private unnamed_addr constant [20 x i8] c"9223372036854775808\00"
@mixed = private unnamed_addr constant [7 x i8] c"+42abc\00"
@minus = private unnamed_addr constant [2 x i8] c"-\00"
@l_10 = private unnamed_addr constant [23 x i8] c"parse_i64 min consumed\00"
@l_11 = private unnamed_addr constant [20 x i8] c"parse_i64 min value\00"
@l_12 = private unnamed_addr constant [20 x i8] c"parse_i64 max value\00"
@l_13 = private unnamed_addr constant [19 x i8] c"parse_i64 overflow\00"
@l_14 = private unnamed_addr constant [29 x i8] c"parse_i64 stops at non-digit\00"
@l_15 = private unnamed_addr constant [20 x i8] c"parse_i64 plus sign\00"
@l_16 = private unnamed_addr constant [20 x i8] c"parse_i64 sign only\00"
@l_17 = private unnamed_addr constant [22 x i8] c"format_i64 min length\00"
@l_18 = private unnamed_addr constant [26 x i8] c"format_i64 min round trip\00"
@l_19 = private unnamed_addr constant [21 x i8] c"format_i64 too small\00"
@l_20 = private unnamed_addr constant [23 x i8] c"format_i64 zero length\00"
@l_21 = private unnamed_addr constant [22 x i8] c"format_i64 zero digit\00"
@l_22 = private unnamed_addr constant [26 x i8] c"mem_alloc 16-byte aligned\00"
@l_23 = private unnamed_addr constant [41 x i8] c"mem_free then mem_alloc reuses the block\00"
@l_24 = private unnamed_addr constant [19 x i8] c"live blocks differ\00"
@l_25 = private unnamed_addr constant [39 x i8] c"mem_realloc small to large keeps bytes\00"
@l_26 = private unnamed_addr constant [40 x i8] c"mem_realloc large to larger keeps bytes\00"
@l_27 = private unnamed_addr constant [30 x i8] c"mem_realloc to 0 returns null\00"
@l_28 = private unnamed_addr constant [36 x i8] c"20000 alloc/free rounds all succeed\00"
@piece = private unnamed_addr constant [4 x i8] c"abc\00"
@l_29 = private unnamed_addr constant [26 x i8] c"buf_append_str 1000 times\00"
@l_30 = private unnamed_addr constant [15 x i8] c"buf_append_i64\00"
@l_31 = private unnamed_addr constant [14 x i8] c"buf_data byte\00"
@l_32 = private unnamed_addr constant [26 x i8] c"buf_append_str null fails\00"
@l_33 = private unnamed_addr constant [18 x i8] c"failure is sticky\00"
@l_34 = private unnamed_addr constant [22 x i8] c"buf_len after failure\00"
@l_35 = private unnamed_addr constant [25 x i8] c"buf_reset clears failure\00"
@l_36 = private unnamed_addr constant [12 x i8] c"null buffer\00"
@ok = private unnamed_addr constant [4 x i8] c"ok \00"
@fail = private unnamed_addr constant [6 x i8] c"FAIL \00"
@got = private unnamed_addr constant [7 x i8] c": got \00"
@want = private unnamed_addr constant [7 x i8] c" want \00"
@nl = private unnamed_addr constant [2 x i8] c"\0A\00"
@summary = private unnamed_addr constant [11 x i8] c"selftest: \00"
@checks = private unnamed_addr constant [17 x i8] c" checks, fails: \00"
@failures = internal global i64 0
@count = internal global i64 0

declare i64 @print_str(ptr)
declare i64 @print_i64(i64)
declare i64 @str_len(ptr)
declare i64 @str_eq(ptr, ptr)
declare i64 @str_find(ptr, i64, ptr, i64)
declare i64 @compare_bytes(ptr, ptr, i64)
declare void @set_bytes(ptr, i64, i64)
declare i64 @parse_i64(ptr, i64, ptr)
declare i64 @format_i64(i64, ptr, i64)
declare ptr @mem_alloc(i64)
declare void @mem_free(ptr)
declare ptr @mem_realloc(ptr, i64)
declare ptr @buf_new(i64)
declare void @buf_free(ptr)
declare void @buf_reset(ptr)
declare ptr @buf_data(ptr)
declare i64 @buf_len(ptr)
declare i64 @buf_append(ptr, ptr, i64)
declare i64 @buf_append_str(ptr, ptr)
declare i64 @buf_append_i64(ptr, i64)

define internal void @check(ptr %name, i64 %got, i64 %want) {
entry:
  %n = load i64, ptr @count
  %n1 = add i64 %n, 1
  store i64 %n1, ptr @count
  %same = icmp eq i64 %got, %want
  br i1 %same, label %pass, label %failed
pass:
  %a = call i64 @print_str(ptr @ok)
  %b = call i64 @print_str(ptr %name)
  %c = call i64 @print_str(ptr @nl)
  ret void
failed:
  %f = load i64, ptr @failures
  %f1 = add i64 %f, 1
  store i64 %f1, ptr @failures
  %d = call i64 @print_str(ptr @fail)
  %e = call i64 @print_str(ptr %name)
  %g = call i64 @print_str(ptr @got)
  %h = call i64 @print_i64(i64 %got)
  %i = call i64 @print_str(ptr @want)
  %j = call i64 @print_i64(i64 %want)
  %k = call i64 @print_str(ptr @nl)
  ret void
}

; Allocates and frees blocks of many sizes (small and large) 20000 times, keeping a few alive so
; free lists are exercised out of order; returns the number of successful allocations.
define internal i64 @churn() {
entry:
  %keep = alloca [8 x ptr]
  call void @set_bytes(ptr %keep, i64 0, i64 64)
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %next ]
  %ok = phi i64 [ 0, %entry ], [ %ok.next, %next ]
  %mix = mul i64 %i, 2654435761
  %size = urem i64 %mix, 9000
  %slot_index = and i64 %i, 7
  %slot = getelementptr ptr, ptr %keep, i64 %slot_index
  %old = load ptr, ptr %slot
  call void @mem_free(ptr %old)
  %p = call ptr @mem_alloc(i64 %size)
  store ptr %p, ptr %slot
  %got = icmp ne ptr %p, null
  %got.w = zext i1 %got to i64
  %ok.next = add i64 %ok, %got.w
  br i1 %got, label %touch, label %next
touch:
  call void @set_bytes(ptr %p, i64 %i, i64 %size)
  br label %next
next:
  %i.next = add i64 %i, 1
  %done = icmp eq i64 %i.next, 20000
  br i1 %done, label %exit, label %loop
exit:
  ret i64 %ok.next
}

define i64 @semcom_main(i64 %argc, ptr %argv) {
entry:
  %len = call i64 @str_len(ptr @hello_world)
  call void @check(ptr @l_0, i64 %len, i64 11)
  %eq1 = call i64 @str_eq(ptr @abc, ptr @abc2)
  %eq2 = call i64 @str_eq(ptr @abc, ptr @abd)
  %eq3 = call i64 @str_eq(ptr @abc, ptr @empty)
  call void @check(ptr @l_1, i64 %eq1, i64 1)
  call void @check(ptr @l_2, i64 %eq2, i64 0)
  call void @check(ptr @l_3, i64 %eq3, i64 0)
  %f1 = call i64 @str_find(ptr @hello_world, i64 11, ptr @world, i64 5)
  %f2 = call i64 @str_find(ptr @hello_world, i64 11, ptr @xyz, i64 3)
  %f3 = call i64 @str_find(ptr @hello_world, i64 11, ptr @empty, i64 0)
  %f4 = call i64 @str_find(ptr @world, i64 5, ptr @hello_world, i64 11)
  call void @check(ptr @l_4, i64 %f1, i64 6)
  call void @check(ptr @l_5, i64 %f2, i64 -1)
  call void @check(ptr @l_6, i64 %f3, i64 0)
  call void @check(ptr @l_7, i64 %f4, i64 -1)
  %c1 = call i64 @compare_bytes(ptr @abc, ptr @abd, i64 3)
  %c1neg = icmp slt i64 %c1, 0
  %c1n = zext i1 %c1neg to i64
  %c2 = call i64 @compare_bytes(ptr @abc, ptr @abc2, i64 3)
  call void @check(ptr @l_8, i64 %c1n, i64 1)
  call void @check(ptr @l_9, i64 %c2, i64 0)
  %out = alloca i64
  %p1 = call i64 @parse_i64(ptr @min, i64 20, ptr %out)
  %v1 = load i64, ptr %out
  call void @check(ptr @l_10, i64 %p1, i64 20)
  call void @check(ptr @l_11, i64 %v1, i64 -9223372036854775808)
  %p2 = call i64 @parse_i64(ptr @max, i64 19, ptr %out)
  %v2 = load i64, ptr %out
  call void @check(ptr @l_12, i64 %v2, i64 9223372036854775807)
  %p3 = call i64 @parse_i64(ptr @over, i64 19, ptr %out)
  call void @check(ptr @l_13, i64 %p3, i64 -1)
  %p4 = call i64 @parse_i64(ptr @mixed, i64 6, ptr %out)
  %v4 = load i64, ptr %out
  call void @check(ptr @l_14, i64 %p4, i64 3)
  call void @check(ptr @l_15, i64 %v4, i64 42)
  %p5 = call i64 @parse_i64(ptr @minus, i64 1, ptr %out)
  call void @check(ptr @l_16, i64 %p5, i64 -1)
  %digits = alloca [24 x i8]
  %n1 = call i64 @format_i64(i64 -9223372036854775808, ptr %digits, i64 24)
  %back = call i64 @parse_i64(ptr %digits, i64 %n1, ptr %out)
  %v6 = load i64, ptr %out
  call void @check(ptr @l_17, i64 %n1, i64 20)
  call void @check(ptr @l_18, i64 %v6, i64 -9223372036854775808)
  %n2 = call i64 @format_i64(i64 12345, ptr %digits, i64 4)
  call void @check(ptr @l_19, i64 %n2, i64 -1)
  %n3 = call i64 @format_i64(i64 0, ptr %digits, i64 1)
  %d0 = load i8, ptr %digits
  %d0w = zext i8 %d0 to i64
  call void @check(ptr @l_20, i64 %n3, i64 1)
  call void @check(ptr @l_21, i64 %d0w, i64 48)
  %a1 = call ptr @mem_alloc(i64 24)
  %a1i = ptrtoint ptr %a1 to i64
  %a1al = and i64 %a1i, 15
  call void @mem_free(ptr %a1)
  %a2 = call ptr @mem_alloc(i64 20)
  %same = icmp eq ptr %a1, %a2
  %samew = zext i1 %same to i64
  %a3 = call ptr @mem_alloc(i64 20)
  %diff = icmp ne ptr %a2, %a3
  %diffw = zext i1 %diff to i64
  call void @check(ptr @l_22, i64 %a1al, i64 0)
  call void @check(ptr @l_23, i64 %samew, i64 1)
  call void @check(ptr @l_24, i64 %diffw, i64 1)
  call void @set_bytes(ptr %a2, i64 65, i64 20)
  %a4 = call ptr @mem_realloc(ptr %a2, i64 5000)
  %a4last = getelementptr i8, ptr %a4, i64 19
  %a4b = load i8, ptr %a4last
  %a4w = zext i8 %a4b to i64
  call void @set_bytes(ptr %a4, i64 66, i64 5000)
  %a5 = call ptr @mem_realloc(ptr %a4, i64 300000)
  %a5last = getelementptr i8, ptr %a5, i64 4999
  %a5b = load i8, ptr %a5last
  %a5w = zext i8 %a5b to i64
  %a5end = getelementptr i8, ptr %a5, i64 299999
  store i8 7, ptr %a5end
  call void @mem_free(ptr %a5)
  %z = call ptr @mem_realloc(ptr %a3, i64 0)
  %zi = ptrtoint ptr %z to i64
  call void @check(ptr @l_25, i64 %a4w, i64 65)
  call void @check(ptr @l_26, i64 %a5w, i64 66)
  call void @check(ptr @l_27, i64 %zi, i64 0)
  %churn = call i64 @churn()
  call void @check(ptr @l_28, i64 %churn, i64 20000)
  %b = call ptr @buf_new(i64 4)
  br label %fill
fill:
  %i = phi i64 [ 0, %entry ], [ %i.next, %fill ]
  %r = call i64 @buf_append_str(ptr %b, ptr @piece)
  %i.next = add i64 %i, 1
  %filled = icmp eq i64 %i.next, 1000
  br i1 %filled, label %filled_done, label %fill
filled_done:
  %bl = call i64 @buf_len(ptr %b)
  %bi = call i64 @buf_append_i64(ptr %b, i64 -42)
  %bd = call ptr @buf_data(ptr %b)
  %b2999 = getelementptr i8, ptr %bd, i64 2999
  %bc = load i8, ptr %b2999
  %bcw = zext i8 %bc to i64
  %bfail = call i64 @buf_append_str(ptr %b, ptr null)
  %bafter = call i64 @buf_append_str(ptr %b, ptr @piece)
  %blen_failed = call i64 @buf_len(ptr %b)
  call void @buf_reset(ptr %b)
  %breset = call i64 @buf_append_str(ptr %b, ptr @piece)
  call void @buf_free(ptr %b)
  %bnull = call i64 @buf_append(ptr null, ptr @piece, i64 3)
  call void @check(ptr @l_29, i64 %bl, i64 3000)
  call void @check(ptr @l_30, i64 %bi, i64 3003)
  call void @check(ptr @l_31, i64 %bcw, i64 99)
  call void @check(ptr @l_32, i64 %bfail, i64 -1)
  call void @check(ptr @l_33, i64 %bafter, i64 -1)
  call void @check(ptr @l_34, i64 %blen_failed, i64 -1)
  call void @check(ptr @l_35, i64 %breset, i64 3)
  call void @check(ptr @l_36, i64 %bnull, i64 -1)
  %s1 = call i64 @print_str(ptr @summary)
  %cnt = load i64, ptr @count
  %s2 = call i64 @print_i64(i64 %cnt)
  %s3 = call i64 @print_str(ptr @checks)
  %fails = load i64, ptr @failures
  %s4 = call i64 @print_i64(i64 %fails)
  %s5 = call i64 @print_str(ptr @nl)
  ret i64 %fails
}
