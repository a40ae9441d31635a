declare void @sorting_swap(ptr %items, i64 %i, i64 %j)
declare void @sorting_bubble_sort(ptr %items, i64 %n)
declare void @sorting_insertion_sort(ptr %items, i64 %n)
declare void @sorting_selection_sort(ptr %items, i64 %n)
declare i64 @sorting_partition(ptr %items, i64 %lo, i64 %hi)
declare void @sorting_quick_sort_range(ptr %items, i64 %lo, i64 %hi)
declare void @sorting_quick_sort(ptr %items, i64 %n)
declare i64 @sorting_is_sorted(ptr %items, i64 %n)
declare void @sorting_reverse(ptr %items, i64 %n)
declare i64 @searching_linear_search(ptr %items, i64 %n, i64 %target)
declare i64 @searching_binary_search(ptr %items, i64 %n, i64 %target)
declare i64 @searching_lower_bound(ptr %items, i64 %n, i64 %target)
declare i64 @searching_count_of(ptr %items, i64 %n, i64 %target)
declare i64 @searching_max_index(ptr %items, i64 %n)
declare i64 @searching_min_index(ptr %items, i64 %n)
declare i64 @searching_second_largest(ptr %items, i64 %n)
declare i64 @numeric_gcd(i64 %a, i64 %b)
declare i64 @numeric_lcm(i64 %a, i64 %b)
declare i64 @numeric_is_prime(i64 %n)
declare i64 @numeric_factorial(i64 %n)
declare i64 @numeric_fibonacci(i64 %n)
declare i64 @numeric_isqrt(i64 %n)
declare i64 @numeric_power_mod(i64 %base, i64 %exp, i64 %mod)
declare i64 @numeric_digit_sum(i64 %n)
declare i64 @numeric_collatz_steps(i64 %n)
declare i64 @bitwise_popcount(i64 %x)
declare i64 @bitwise_is_power_of_two(i64 %x)
declare i64 @bitwise_next_power_of_two(i64 %x)
declare i64 @bitwise_reverse_bits(i64 %x)
declare i64 @bitwise_rotate_left(i64 %x, i64 %k)
declare i64 @bitwise_lowest_set_bit(i64 %x)
declare i64 @bitwise_highest_set_bit(i64 %x)
declare i64 @bitwise_parity(i64 %x)
declare i64 @bitwise_gray_code(i64 %x)
declare i64 @hashing_fnv1a_32(ptr %data, i64 %len)
declare i64 @hashing_fnv1a_64(ptr %data, i64 %len)
declare i64 @hashing_djb2(ptr %data, i64 %len)
declare i64 @hashing_sdbm(ptr %data, i64 %len)
declare i64 @hashing_adler32(ptr %data, i64 %len)
declare i64 @hashing_crc32(ptr %data, i64 %len)
declare i64 @hashing_bucket(ptr %data, i64 %len, i64 %buckets)
declare i64 @str_eq(ptr %a, ptr %b)
declare i64 @str_len(ptr %s)
declare i64 @parse_i64(ptr %s, i64 %len, ptr %out)
declare i64 @format_i64(i64 %value, ptr %out, i64 %out_size)
declare i64 @write_all(i64 %fd, ptr %data, i64 %len)
declare i64 @print_str(ptr %s)
declare void @copy_bytes(ptr %dst, ptr %src, i64 %n)
declare i64 @sys_read(i64 %fd, ptr %buf, i64 %count)
declare ptr @mem_alloc(i64 %size)

@k.fnv32 = private constant [6 x i8] c"fnv32\00"
@k.fnv64 = private constant [6 x i8] c"fnv64\00"
@k.djb2 = private constant [5 x i8] c"djb2\00"
@k.sdbm = private constant [5 x i8] c"sdbm\00"
@k.adler32 = private constant [8 x i8] c"adler32\00"
@k.crc32 = private constant [6 x i8] c"crc32\00"
@k.bucket = private constant [7 x i8] c"bucket\00"
@k.bubble = private constant [7 x i8] c"bubble\00"
@k.insertion = private constant [10 x i8] c"insertion\00"
@k.selection = private constant [10 x i8] c"selection\00"
@k.quick = private constant [6 x i8] c"quick\00"
@k.reverse = private constant [8 x i8] c"reverse\00"
@k.find = private constant [5 x i8] c"find\00"
@k.bsearch = private constant [8 x i8] c"bsearch\00"
@k.lowerbound = private constant [11 x i8] c"lowerbound\00"
@k.count = private constant [6 x i8] c"count\00"
@k.sorted = private constant [7 x i8] c"sorted\00"
@k.max = private constant [4 x i8] c"max\00"
@k.min = private constant [4 x i8] c"min\00"
@k.second = private constant [7 x i8] c"second\00"
@k.gcd = private constant [4 x i8] c"gcd\00"
@k.lcm = private constant [4 x i8] c"lcm\00"
@k.prime = private constant [6 x i8] c"prime\00"
@k.factorial = private constant [10 x i8] c"factorial\00"
@k.fib = private constant [4 x i8] c"fib\00"
@k.isqrt = private constant [6 x i8] c"isqrt\00"
@k.powmod = private constant [7 x i8] c"powmod\00"
@k.digitsum = private constant [9 x i8] c"digitsum\00"
@k.collatz = private constant [8 x i8] c"collatz\00"
@k.popcount = private constant [9 x i8] c"popcount\00"
@k.pow2 = private constant [5 x i8] c"pow2\00"
@k.nextpow2 = private constant [9 x i8] c"nextpow2\00"
@k.revbits = private constant [8 x i8] c"revbits\00"
@k.rotl = private constant [5 x i8] c"rotl\00"
@k.lowbit = private constant [7 x i8] c"lowbit\00"
@k.highbit = private constant [8 x i8] c"highbit\00"
@k.parity = private constant [7 x i8] c"parity\00"
@k.gray = private constant [5 x i8] c"gray\00"
@s.nl = private constant [2 x i8] c"\0A\00"
@s.space = private constant [2 x i8] c" \00"
@s.unknown = private constant [24 x i8] c"error: unknown command \00"

define internal void @put_i64(i64 %v) {
entry:
  %buf = alloca [32 x i8], align 1
  %n = call i64 @format_i64(i64 %v, ptr %buf, i64 32)
  %w = call i64 @write_all(i64 1, ptr %buf, i64 %n)
  ret void
}

; Python prints a masked 64-bit value as an unsigned number.
define internal void @put_u64(i64 %v) {
entry:
  %neg = icmp slt i64 %v, 0
  br i1 %neg, label %big, label %small
small:
  call void @put_i64(i64 %v)
  ret void
big:
  %buf = alloca [32 x i8], align 1
  br label %loop
loop:
  %x = phi i64 [ %v, %big ], [ %q, %loop ]
  %pos = phi i64 [ 32, %big ], [ %pos1, %loop ]
  %q = udiv i64 %x, 10
  %r = urem i64 %x, 10
  %d = trunc i64 %r to i8
  %c = add i8 %d, 48
  %pos1 = sub i64 %pos, 1
  %p = getelementptr i8, ptr %buf, i64 %pos1
  store i8 %c, ptr %p
  %more = icmp ne i64 %q, 0
  br i1 %more, label %loop, label %emit
emit:
  %start = getelementptr i8, ptr %buf, i64 %pos1
  %len = sub i64 32, %pos1
  %w = call i64 @write_all(i64 1, ptr %start, i64 %len)
  ret void
}

define internal void @put_list(ptr %items, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %value ]
  %in = icmp slt i64 %i, %n
  br i1 %in, label %sep, label %done
sep:
  %first = icmp eq i64 %i, 0
  br i1 %first, label %value, label %space
space:
  %s = call i64 @print_str(ptr @s.space)
  br label %value
value:
  %p = getelementptr i64, ptr %items, i64 %i
  %v = load i64, ptr %p
  call void @put_i64(i64 %v)
  %i1 = add i64 %i, 1
  br label %loop
done:
  ret void
}

; " ".join(words[from:count]) into out; returns its length.
define internal i64 @join(ptr %words, i64 %from, i64 %count, ptr %out) {
entry:
  br label %loop
loop:
  %k = phi i64 [ %from, %entry ], [ %k1, %copy ]
  %len = phi i64 [ 0, %entry ], [ %len2, %copy ]
  %in = icmp slt i64 %k, %count
  br i1 %in, label %sep, label %done
sep:
  %first = icmp eq i64 %k, %from
  br i1 %first, label %copy.start, label %space
space:
  %sp = getelementptr i8, ptr %out, i64 %len
  store i8 32, ptr %sp
  %lenS = add i64 %len, 1
  br label %copy.start
copy.start:
  %len1 = phi i64 [ %len, %sep ], [ %lenS, %space ]
  %wp = getelementptr ptr, ptr %words, i64 %k
  %word = load ptr, ptr %wp
  %wl = call i64 @str_len(ptr %word)
  %dst = getelementptr i8, ptr %out, i64 %len1
  call void @copy_bytes(ptr %dst, ptr %word, i64 %wl)
  br label %copy
copy:
  %len2 = add i64 %len1, %wl
  %k1 = add i64 %k, 1
  br label %loop
done:
  ret i64 %len
}

; command(words): prints the result line.
define void @main_command(ptr %words, i64 %count) {
entry:
  %nums = alloca [256 x i64], align 8
  %text = alloca [4096 x i8], align 1
  %name = load ptr, ptr %words
  br label %c.0

c.0:
  %is.0 = call i64 @str_eq(ptr %name, ptr @k.fnv32)
  %t.0 = icmp ne i64 %is.0, 0
  br i1 %t.0, label %do.fnv32, label %c.1
do.fnv32:
  %l.fnv32 = call i64 @join(ptr %words, i64 1, i64 %count, ptr %text)
  %r.fnv32 = call i64 @hashing_fnv1a_32(ptr %text, i64 %l.fnv32)
  call void @put_i64(i64 %r.fnv32)
  br label %newline
c.1:
  %is.1 = call i64 @str_eq(ptr %name, ptr @k.fnv64)
  %t.1 = icmp ne i64 %is.1, 0
  br i1 %t.1, label %do.fnv64, label %c.2
do.fnv64:
  %l.fnv64 = call i64 @join(ptr %words, i64 1, i64 %count, ptr %text)
  %r.fnv64 = call i64 @hashing_fnv1a_64(ptr %text, i64 %l.fnv64)
  call void @put_u64(i64 %r.fnv64)
  br label %newline
c.2:
  %is.2 = call i64 @str_eq(ptr %name, ptr @k.djb2)
  %t.2 = icmp ne i64 %is.2, 0
  br i1 %t.2, label %do.djb2, label %c.3
do.djb2:
  %l.djb2 = call i64 @join(ptr %words, i64 1, i64 %count, ptr %text)
  %r.djb2 = call i64 @hashing_djb2(ptr %text, i64 %l.djb2)
  call void @put_i64(i64 %r.djb2)
  br label %newline
c.3:
  %is.3 = call i64 @str_eq(ptr %name, ptr @k.sdbm)
  %t.3 = icmp ne i64 %is.3, 0
  br i1 %t.3, label %do.sdbm, label %c.4
do.sdbm:
  %l.sdbm = call i64 @join(ptr %words, i64 1, i64 %count, ptr %text)
  %r.sdbm = call i64 @hashing_sdbm(ptr %text, i64 %l.sdbm)
  call void @put_i64(i64 %r.sdbm)
  br label %newline
c.4:
  %is.4 = call i64 @str_eq(ptr %name, ptr @k.adler32)
  %t.4 = icmp ne i64 %is.4, 0
  br i1 %t.4, label %do.adler32, label %c.5
do.adler32:
  %l.adler32 = call i64 @join(ptr %words, i64 1, i64 %count, ptr %text)
  %r.adler32 = call i64 @hashing_adler32(ptr %text, i64 %l.adler32)
  call void @put_i64(i64 %r.adler32)
  br label %newline
c.5:
  %is.5 = call i64 @str_eq(ptr %name, ptr @k.crc32)
  %t.5 = icmp ne i64 %is.5, 0
  br i1 %t.5, label %do.crc32, label %c.6
do.crc32:
  %l.crc32 = call i64 @join(ptr %words, i64 1, i64 %count, ptr %text)
  %r.crc32 = call i64 @hashing_crc32(ptr %text, i64 %l.crc32)
  call void @put_i64(i64 %r.crc32)
  br label %newline
c.6:
  %is.6 = call i64 @str_eq(ptr %name, ptr @k.bucket)
  %t.6 = icmp ne i64 %is.6, 0
  br i1 %t.6, label %do.bucket, label %c.7
do.bucket:
  %bw.p = getelementptr ptr, ptr %words, i64 1
  %bw = load ptr, ptr %bw.p
  %bwl = call i64 @str_len(ptr %bw)
  %bcount = alloca i64, align 8
  %bparsed = call i64 @parse_i64(ptr %bw, i64 %bwl, ptr %bcount)
  %bn = load i64, ptr %bcount
  %l.bucket = call i64 @join(ptr %words, i64 2, i64 %count, ptr %text)
  %r.bucket = call i64 @hashing_bucket(ptr %text, i64 %l.bucket, i64 %bn)
  call void @put_i64(i64 %r.bucket)
  br label %newline
c.7:
  %n = sub i64 %count, 1
  br label %parse
parse:
  %k = phi i64 [ 0, %c.7 ], [ %k1, %parse.body ]
  %pin = icmp slt i64 %k, %n
  br i1 %pin, label %parse.body, label %c.8
parse.body:
  %kw = add i64 %k, 1
  %wpp = getelementptr ptr, ptr %words, i64 %kw
  %wd = load ptr, ptr %wpp
  %wdl = call i64 @str_len(ptr %wd)
  %slot = getelementptr i64, ptr %nums, i64 %k
  %parsed = call i64 @parse_i64(ptr %wd, i64 %wdl, ptr %slot)
  %k1 = add i64 %k, 1
  br label %parse
c.8:
  %is.8 = call i64 @str_eq(ptr %name, ptr @k.bubble)
  %t.8 = icmp ne i64 %is.8, 0
  br i1 %t.8, label %do.bubble, label %c.9
do.bubble:
  call void @sorting_bubble_sort(ptr %nums, i64 %n)
  call void @put_list(ptr %nums, i64 %n)
  br label %newline
c.9:
  %is.9 = call i64 @str_eq(ptr %name, ptr @k.insertion)
  %t.9 = icmp ne i64 %is.9, 0
  br i1 %t.9, label %do.insertion, label %c.10
do.insertion:
  call void @sorting_insertion_sort(ptr %nums, i64 %n)
  call void @put_list(ptr %nums, i64 %n)
  br label %newline
c.10:
  %is.10 = call i64 @str_eq(ptr %name, ptr @k.selection)
  %t.10 = icmp ne i64 %is.10, 0
  br i1 %t.10, label %do.selection, label %c.11
do.selection:
  call void @sorting_selection_sort(ptr %nums, i64 %n)
  call void @put_list(ptr %nums, i64 %n)
  br label %newline
c.11:
  %is.11 = call i64 @str_eq(ptr %name, ptr @k.quick)
  %t.11 = icmp ne i64 %is.11, 0
  br i1 %t.11, label %do.quick, label %c.12
do.quick:
  call void @sorting_quick_sort(ptr %nums, i64 %n)
  call void @put_list(ptr %nums, i64 %n)
  br label %newline
c.12:
  %is.12 = call i64 @str_eq(ptr %name, ptr @k.reverse)
  %t.12 = icmp ne i64 %is.12, 0
  br i1 %t.12, label %do.reverse, label %c.13
do.reverse:
  call void @sorting_reverse(ptr %nums, i64 %n)
  call void @put_list(ptr %nums, i64 %n)
  br label %newline
c.13:
  %is.13 = call i64 @str_eq(ptr %name, ptr @k.sorted)
  %t.13 = icmp ne i64 %is.13, 0
  br i1 %t.13, label %do.sorted, label %c.14
do.sorted:
  %r.sorted = call i64 @sorting_is_sorted(ptr %nums, i64 %n)
  call void @put_i64(i64 %r.sorted)
  br label %newline
c.14:
  %is.14 = call i64 @str_eq(ptr %name, ptr @k.max)
  %t.14 = icmp ne i64 %is.14, 0
  br i1 %t.14, label %do.max, label %c.15
do.max:
  %r.max = call i64 @searching_max_index(ptr %nums, i64 %n)
  call void @put_i64(i64 %r.max)
  br label %newline
c.15:
  %is.15 = call i64 @str_eq(ptr %name, ptr @k.min)
  %t.15 = icmp ne i64 %is.15, 0
  br i1 %t.15, label %do.min, label %c.16
do.min:
  %r.min = call i64 @searching_min_index(ptr %nums, i64 %n)
  call void @put_i64(i64 %r.min)
  br label %newline
c.16:
  %is.16 = call i64 @str_eq(ptr %name, ptr @k.second)
  %t.16 = icmp ne i64 %is.16, 0
  br i1 %t.16, label %do.second, label %c.17
do.second:
  %r.second = call i64 @searching_second_largest(ptr %nums, i64 %n)
  call void @put_i64(i64 %r.second)
  br label %newline
c.17:
  %is.17 = call i64 @str_eq(ptr %name, ptr @k.find)
  %t.17 = icmp ne i64 %is.17, 0
  br i1 %t.17, label %do.find, label %c.18
do.find:
  %tg.find = load i64, ptr %nums
  %rest.find = getelementptr i64, ptr %nums, i64 1
  %m.find = sub i64 %n, 1
  %r.find = call i64 @searching_linear_search(ptr %rest.find, i64 %m.find, i64 %tg.find)
  call void @put_i64(i64 %r.find)
  br label %newline
c.18:
  %is.18 = call i64 @str_eq(ptr %name, ptr @k.bsearch)
  %t.18 = icmp ne i64 %is.18, 0
  br i1 %t.18, label %do.bsearch, label %c.19
do.bsearch:
  %tg.bsearch = load i64, ptr %nums
  %rest.bsearch = getelementptr i64, ptr %nums, i64 1
  %m.bsearch = sub i64 %n, 1
  %r.bsearch = call i64 @searching_binary_search(ptr %rest.bsearch, i64 %m.bsearch, i64 %tg.bsearch)
  call void @put_i64(i64 %r.bsearch)
  br label %newline
c.19:
  %is.19 = call i64 @str_eq(ptr %name, ptr @k.lowerbound)
  %t.19 = icmp ne i64 %is.19, 0
  br i1 %t.19, label %do.lowerbound, label %c.20
do.lowerbound:
  %tg.lowerbound = load i64, ptr %nums
  %rest.lowerbound = getelementptr i64, ptr %nums, i64 1
  %m.lowerbound = sub i64 %n, 1
  %r.lowerbound = call i64 @searching_lower_bound(ptr %rest.lowerbound, i64 %m.lowerbound, i64 %tg.lowerbound)
  call void @put_i64(i64 %r.lowerbound)
  br label %newline
c.20:
  %is.20 = call i64 @str_eq(ptr %name, ptr @k.count)
  %t.20 = icmp ne i64 %is.20, 0
  br i1 %t.20, label %do.count, label %c.21
do.count:
  %tg.count = load i64, ptr %nums
  %rest.count = getelementptr i64, ptr %nums, i64 1
  %m.count = sub i64 %n, 1
  %r.count = call i64 @searching_count_of(ptr %rest.count, i64 %m.count, i64 %tg.count)
  call void @put_i64(i64 %r.count)
  br label %newline
c.21:
  %is.21 = call i64 @str_eq(ptr %name, ptr @k.gcd)
  %t.21 = icmp ne i64 %is.21, 0
  br i1 %t.21, label %do.gcd, label %c.22
do.gcd:
  %a0.gcd.p = getelementptr i64, ptr %nums, i64 0
  %a0.gcd = load i64, ptr %a0.gcd.p
  %a1.gcd.p = getelementptr i64, ptr %nums, i64 1
  %a1.gcd = load i64, ptr %a1.gcd.p
  %r.gcd = call i64 @numeric_gcd(i64 %a0.gcd, i64 %a1.gcd)
  call void @put_i64(i64 %r.gcd)
  br label %newline
c.22:
  %is.22 = call i64 @str_eq(ptr %name, ptr @k.lcm)
  %t.22 = icmp ne i64 %is.22, 0
  br i1 %t.22, label %do.lcm, label %c.23
do.lcm:
  %a0.lcm.p = getelementptr i64, ptr %nums, i64 0
  %a0.lcm = load i64, ptr %a0.lcm.p
  %a1.lcm.p = getelementptr i64, ptr %nums, i64 1
  %a1.lcm = load i64, ptr %a1.lcm.p
  %r.lcm = call i64 @numeric_lcm(i64 %a0.lcm, i64 %a1.lcm)
  call void @put_i64(i64 %r.lcm)
  br label %newline
c.23:
  %is.23 = call i64 @str_eq(ptr %name, ptr @k.prime)
  %t.23 = icmp ne i64 %is.23, 0
  br i1 %t.23, label %do.prime, label %c.24
do.prime:
  %a0.prime.p = getelementptr i64, ptr %nums, i64 0
  %a0.prime = load i64, ptr %a0.prime.p
  %r.prime = call i64 @numeric_is_prime(i64 %a0.prime)
  call void @put_i64(i64 %r.prime)
  br label %newline
c.24:
  %is.24 = call i64 @str_eq(ptr %name, ptr @k.factorial)
  %t.24 = icmp ne i64 %is.24, 0
  br i1 %t.24, label %do.factorial, label %c.25
do.factorial:
  %a0.factorial.p = getelementptr i64, ptr %nums, i64 0
  %a0.factorial = load i64, ptr %a0.factorial.p
  %r.factorial = call i64 @numeric_factorial(i64 %a0.factorial)
  call void @put_i64(i64 %r.factorial)
  br label %newline
c.25:
  %is.25 = call i64 @str_eq(ptr %name, ptr @k.fib)
  %t.25 = icmp ne i64 %is.25, 0
  br i1 %t.25, label %do.fib, label %c.26
do.fib:
  %a0.fib.p = getelementptr i64, ptr %nums, i64 0
  %a0.fib = load i64, ptr %a0.fib.p
  %r.fib = call i64 @numeric_fibonacci(i64 %a0.fib)
  call void @put_i64(i64 %r.fib)
  br label %newline
c.26:
  %is.26 = call i64 @str_eq(ptr %name, ptr @k.isqrt)
  %t.26 = icmp ne i64 %is.26, 0
  br i1 %t.26, label %do.isqrt, label %c.27
do.isqrt:
  %a0.isqrt.p = getelementptr i64, ptr %nums, i64 0
  %a0.isqrt = load i64, ptr %a0.isqrt.p
  %r.isqrt = call i64 @numeric_isqrt(i64 %a0.isqrt)
  call void @put_i64(i64 %r.isqrt)
  br label %newline
c.27:
  %is.27 = call i64 @str_eq(ptr %name, ptr @k.powmod)
  %t.27 = icmp ne i64 %is.27, 0
  br i1 %t.27, label %do.powmod, label %c.28
do.powmod:
  %a0.powmod.p = getelementptr i64, ptr %nums, i64 0
  %a0.powmod = load i64, ptr %a0.powmod.p
  %a1.powmod.p = getelementptr i64, ptr %nums, i64 1
  %a1.powmod = load i64, ptr %a1.powmod.p
  %a2.powmod.p = getelementptr i64, ptr %nums, i64 2
  %a2.powmod = load i64, ptr %a2.powmod.p
  %r.powmod = call i64 @numeric_power_mod(i64 %a0.powmod, i64 %a1.powmod, i64 %a2.powmod)
  call void @put_i64(i64 %r.powmod)
  br label %newline
c.28:
  %is.28 = call i64 @str_eq(ptr %name, ptr @k.digitsum)
  %t.28 = icmp ne i64 %is.28, 0
  br i1 %t.28, label %do.digitsum, label %c.29
do.digitsum:
  %a0.digitsum.p = getelementptr i64, ptr %nums, i64 0
  %a0.digitsum = load i64, ptr %a0.digitsum.p
  %r.digitsum = call i64 @numeric_digit_sum(i64 %a0.digitsum)
  call void @put_i64(i64 %r.digitsum)
  br label %newline
c.29:
  %is.29 = call i64 @str_eq(ptr %name, ptr @k.collatz)
  %t.29 = icmp ne i64 %is.29, 0
  br i1 %t.29, label %do.collatz, label %c.30
do.collatz:
  %a0.collatz.p = getelementptr i64, ptr %nums, i64 0
  %a0.collatz = load i64, ptr %a0.collatz.p
  %r.collatz = call i64 @numeric_collatz_steps(i64 %a0.collatz)
  call void @put_i64(i64 %r.collatz)
  br label %newline
c.30:
  %is.30 = call i64 @str_eq(ptr %name, ptr @k.popcount)
  %t.30 = icmp ne i64 %is.30, 0
  br i1 %t.30, label %do.popcount, label %c.31
do.popcount:
  %a0.popcount.p = getelementptr i64, ptr %nums, i64 0
  %a0.popcount = load i64, ptr %a0.popcount.p
  %r.popcount = call i64 @bitwise_popcount(i64 %a0.popcount)
  call void @put_i64(i64 %r.popcount)
  br label %newline
c.31:
  %is.31 = call i64 @str_eq(ptr %name, ptr @k.pow2)
  %t.31 = icmp ne i64 %is.31, 0
  br i1 %t.31, label %do.pow2, label %c.32
do.pow2:
  %a0.pow2.p = getelementptr i64, ptr %nums, i64 0
  %a0.pow2 = load i64, ptr %a0.pow2.p
  %r.pow2 = call i64 @bitwise_is_power_of_two(i64 %a0.pow2)
  call void @put_i64(i64 %r.pow2)
  br label %newline
c.32:
  %is.32 = call i64 @str_eq(ptr %name, ptr @k.nextpow2)
  %t.32 = icmp ne i64 %is.32, 0
  br i1 %t.32, label %do.nextpow2, label %c.33
do.nextpow2:
  %a0.nextpow2.p = getelementptr i64, ptr %nums, i64 0
  %a0.nextpow2 = load i64, ptr %a0.nextpow2.p
  %r.nextpow2 = call i64 @bitwise_next_power_of_two(i64 %a0.nextpow2)
  call void @put_i64(i64 %r.nextpow2)
  br label %newline
c.33:
  %is.33 = call i64 @str_eq(ptr %name, ptr @k.revbits)
  %t.33 = icmp ne i64 %is.33, 0
  br i1 %t.33, label %do.revbits, label %c.34
do.revbits:
  %a0.revbits.p = getelementptr i64, ptr %nums, i64 0
  %a0.revbits = load i64, ptr %a0.revbits.p
  %r.revbits = call i64 @bitwise_reverse_bits(i64 %a0.revbits)
  call void @put_u64(i64 %r.revbits)
  br label %newline
c.34:
  %is.34 = call i64 @str_eq(ptr %name, ptr @k.rotl)
  %t.34 = icmp ne i64 %is.34, 0
  br i1 %t.34, label %do.rotl, label %c.35
do.rotl:
  %a0.rotl.p = getelementptr i64, ptr %nums, i64 0
  %a0.rotl = load i64, ptr %a0.rotl.p
  %a1.rotl.p = getelementptr i64, ptr %nums, i64 1
  %a1.rotl = load i64, ptr %a1.rotl.p
  %r.rotl = call i64 @bitwise_rotate_left(i64 %a0.rotl, i64 %a1.rotl)
  call void @put_u64(i64 %r.rotl)
  br label %newline
c.35:
  %is.35 = call i64 @str_eq(ptr %name, ptr @k.lowbit)
  %t.35 = icmp ne i64 %is.35, 0
  br i1 %t.35, label %do.lowbit, label %c.36
do.lowbit:
  %a0.lowbit.p = getelementptr i64, ptr %nums, i64 0
  %a0.lowbit = load i64, ptr %a0.lowbit.p
  %r.lowbit = call i64 @bitwise_lowest_set_bit(i64 %a0.lowbit)
  call void @put_i64(i64 %r.lowbit)
  br label %newline
c.36:
  %is.36 = call i64 @str_eq(ptr %name, ptr @k.highbit)
  %t.36 = icmp ne i64 %is.36, 0
  br i1 %t.36, label %do.highbit, label %c.37
do.highbit:
  %a0.highbit.p = getelementptr i64, ptr %nums, i64 0
  %a0.highbit = load i64, ptr %a0.highbit.p
  %r.highbit = call i64 @bitwise_highest_set_bit(i64 %a0.highbit)
  call void @put_i64(i64 %r.highbit)
  br label %newline
c.37:
  %is.37 = call i64 @str_eq(ptr %name, ptr @k.parity)
  %t.37 = icmp ne i64 %is.37, 0
  br i1 %t.37, label %do.parity, label %c.38
do.parity:
  %a0.parity.p = getelementptr i64, ptr %nums, i64 0
  %a0.parity = load i64, ptr %a0.parity.p
  %r.parity = call i64 @bitwise_parity(i64 %a0.parity)
  call void @put_i64(i64 %r.parity)
  br label %newline
c.38:
  %is.38 = call i64 @str_eq(ptr %name, ptr @k.gray)
  %t.38 = icmp ne i64 %is.38, 0
  br i1 %t.38, label %do.gray, label %c.39
do.gray:
  %a0.gray.p = getelementptr i64, ptr %nums, i64 0
  %a0.gray = load i64, ptr %a0.gray.p
  %r.gray = call i64 @bitwise_gray_code(i64 %a0.gray)
  call void @put_u64(i64 %r.gray)
  br label %newline
c.39:
  %u1 = call i64 @print_str(ptr @s.unknown)
  %u2 = call i64 @print_str(ptr %name)
  br label %newline
newline:
  %nl = call i64 @print_str(ptr @s.nl)
  ret void
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

; One line (NUL-terminated, writable): its words, then command(words) if there are any.
define internal void @run_line(ptr %line) {
entry:
  %words = alloca [256 x ptr], align 8
  br label %skip
skip:
  %i = phi i64 [ 0, %entry ], [ %i1, %skip.more ], [ %after, %cut ]
  %count = phi i64 [ 0, %entry ], [ %count, %skip.more ], [ %count1, %cut ]
  %p = getelementptr i8, ptr %line, i64 %i
  %c = load i8, ptr %p
  %end = icmp eq i8 %c, 0
  br i1 %end, label %finish, label %skip.check
skip.check:
  %ws = call i1 @is_space(i8 %c)
  br i1 %ws, label %skip.more, label %scan
skip.more:
  %i1 = add i64 %i, 1
  br label %skip
scan:
  %j = phi i64 [ %i, %skip.check ], [ %j1, %scan.more ]
  %q = getelementptr i8, ptr %line, i64 %j
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
  %slot = getelementptr ptr, ptr %words, i64 %count
  store ptr %p, ptr %slot
  %count1 = add i64 %count, 1
  %after0 = add i64 %j, 1
  %after = select i1 %d.end, i64 %j, i64 %after0
  br label %skip
finish:
  %any = icmp sgt i64 %count, 0
  br i1 %any, label %run, label %done
run:
  call void @main_command(ptr %words, i64 %count)
  br label %done
done:
  ret void
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
  %endp = getelementptr i8, ptr %buf, i64 %total
  store i8 0, ptr %endp
  br label %line
line:
  %start = phi i64 [ 0, %eof ], [ %next, %found ]
  br label %find
find:
  %k = phi i64 [ %start, %line ], [ %k1, %find.next ]
  %kp = getelementptr i8, ptr %buf, i64 %k
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
  %lp = getelementptr i8, ptr %buf, i64 %start
  call void @run_line(ptr %lp)
  %next = add i64 %k, 1
  br i1 %is.nul, label %done, label %line
done:
  ret i64 0
oom:
  ret i64 1
}
