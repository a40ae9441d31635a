# Writes main.ll, the driver of examples/python/algorithms/main.py, as a scripted model answer.
import re
sigs = {}
for f in ["sorting.ll", "searching.ll", "numeric.ll", "bitwise.ll", "hashing.ll"]:
    for m in re.finditer(r"^define ((?:i64|void) @(\w+)\([^)]*\))", open(f).read(), re.M):
        sigs[m.group(2)] = m.group(1)
out = []
w = out.append
for name, sig in sigs.items():
    w("declare " + sig)
w("""declare i64 @str_eq(ptr %a, ptr %b)
declare i64 @str_len(ptr %s)
declare i64 @parse_i64(ptr %s, i64 %len, ptr %out)
declare i64 @format_i64(i64 %value, ptr %out, i64 %out_size)
declare i64 @write_all(i64 %fd, ptr %data, i64 %len)
declare i64 @print_str(ptr %s)
declare void @copy_bytes(ptr %dst, ptr %src, i64 %n)
declare i64 @sys_read(i64 %fd, ptr %buf, i64 %count)
declare ptr @mem_alloc(i64 %size)
""")
HASH = [("fnv32", "hashing_fnv1a_32", False), ("fnv64", "hashing_fnv1a_64", True),
        ("djb2", "hashing_djb2", False), ("sdbm", "hashing_sdbm", False),
        ("adler32", "hashing_adler32", False), ("crc32", "hashing_crc32", False)]
SORTS = [("bubble", "sorting_bubble_sort"), ("insertion", "sorting_insertion_sort"),
         ("selection", "sorting_selection_sort"), ("quick", "sorting_quick_sort"),
         ("reverse", "sorting_reverse")]
SEARCH = [("find", "searching_linear_search"), ("bsearch", "searching_binary_search"),
          ("lowerbound", "searching_lower_bound"), ("count", "searching_count_of")]
WHOLE = [("sorted", "sorting_is_sorted"), ("max", "searching_max_index"),
         ("min", "searching_min_index"), ("second", "searching_second_largest")]
NUM = [("gcd", "numeric_gcd", 2, False), ("lcm", "numeric_lcm", 2, False),
       ("prime", "numeric_is_prime", 1, False), ("factorial", "numeric_factorial", 1, False),
       ("fib", "numeric_fibonacci", 1, False), ("isqrt", "numeric_isqrt", 1, False),
       ("powmod", "numeric_power_mod", 3, False), ("digitsum", "numeric_digit_sum", 1, False),
       ("collatz", "numeric_collatz_steps", 1, False),
       ("popcount", "bitwise_popcount", 1, False), ("pow2", "bitwise_is_power_of_two", 1, False),
       ("nextpow2", "bitwise_next_power_of_two", 1, False),
       ("revbits", "bitwise_reverse_bits", 1, True), ("rotl", "bitwise_rotate_left", 2, True),
       ("lowbit", "bitwise_lowest_set_bit", 1, False),
       ("highbit", "bitwise_highest_set_bit", 1, False), ("parity", "bitwise_parity", 1, False),
       ("gray", "bitwise_gray_code", 1, True)]
names = [h[0] for h in HASH] + ["bucket"] + [s[0] for s in SORTS] + [s[0] for s in SEARCH] + \
        [s[0] for s in WHOLE] + [n[0] for n in NUM]
for n in names:
    w('@k.%s = private constant [%d x i8] c"%s\\00"' % (n, len(n) + 1, n))
w('@s.nl = private constant [2 x i8] c"\\0A\\00"')
w('@s.space = private constant [2 x i8] c" \\00"')
w('@s.unknown = private constant [24 x i8] c"error: unknown command \\00"')
w("""
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
""")
blk = [0]
def test(name, target):
    i = blk[0]
    w("c.%d:" % i)
    w("  %%is.%d = call i64 @str_eq(ptr %%name, ptr @k.%s)" % (i, name))
    w("  %%t.%d = icmp ne i64 %%is.%d, 0" % (i, i))
    w("  br i1 %%t.%d, label %%%s, label %%c.%d" % (i, target, i + 1))
    blk[0] += 1
def printv(v, unsigned):
    w("  call void @%s(i64 %s)" % ("put_u64" if unsigned else "put_i64", v))
    w("  br label %newline")
for name, fn, uns in HASH:
    test(name, "do." + name)
    w("do.%s:" % name)
    w("  %%l.%s = call i64 @join(ptr %%words, i64 1, i64 %%count, ptr %%text)" % name)
    w("  %%r.%s = call i64 @%s(ptr %%text, i64 %%l.%s)" % (name, fn, name))
    printv("%r." + name, uns)
test("bucket", "do.bucket")
w("""do.bucket:
  %bw.p = getelementptr ptr, ptr %words, i64 1
  %bw = load ptr, ptr %bw.p
  %bwl = call i64 @str_len(ptr %bw)
  %bcount = alloca i64, align 8
  %bparsed = call i64 @parse_i64(ptr %bw, i64 %bwl, ptr %bcount)
  %bn = load i64, ptr %bcount
  %l.bucket = call i64 @join(ptr %words, i64 2, i64 %count, ptr %text)
  %r.bucket = call i64 @hashing_bucket(ptr %text, i64 %l.bucket, i64 %bn, i64 0)""".replace(", i64 0)", ")"))
printv("%r.bucket", False)
# numbers: parse words[1:] (the remaining commands all take numbers)
i = blk[0]
w("c.%d:" % i)
blk[0] += 1
w("  %n = sub i64 %count, 1")
w("  br label %parse")
w("""parse:
  %k = phi i64 [ 0, %c.""" + str(i) + """ ], [ %k1, %parse.body ]
  %pin = icmp slt i64 %k, %n
  br i1 %pin, label %parse.body, label %c.""" + str(i + 1) + """
parse.body:
  %kw = add i64 %k, 1
  %wpp = getelementptr ptr, ptr %words, i64 %kw
  %wd = load ptr, ptr %wpp
  %wdl = call i64 @str_len(ptr %wd)
  %slot = getelementptr i64, ptr %nums, i64 %k
  %parsed = call i64 @parse_i64(ptr %wd, i64 %wdl, ptr %slot)
  %k1 = add i64 %k, 1
  br label %parse""")
for name, fn in SORTS:
    test(name, "do." + name)
    w("do.%s:" % name)
    w("  call void @%s(ptr %%nums, i64 %%n)" % fn)
    w("  call void @put_list(ptr %nums, i64 %n)")
    w("  br label %newline")
for name, fn in WHOLE:
    test(name, "do." + name)
    w("do.%s:" % name)
    w("  %%r.%s = call i64 @%s(ptr %%nums, i64 %%n)" % (name, fn))
    printv("%r." + name, False)
for name, fn in SEARCH:
    test(name, "do." + name)
    w("do.%s:" % name)
    w("  %%tg.%s = load i64, ptr %%nums" % name)
    w("  %%rest.%s = getelementptr i64, ptr %%nums, i64 1" % name)
    w("  %%m.%s = sub i64 %%n, 1" % name)
    w("  %%r.%s = call i64 @%s(ptr %%rest.%s, i64 %%m.%s, i64 %%tg.%s)" % (name, fn, name, name, name))
    printv("%r." + name, False)
for name, fn, arity, uns in NUM:
    test(name, "do." + name)
    w("do.%s:" % name)
    args = []
    for a in range(arity):
        w("  %%a%d.%s.p = getelementptr i64, ptr %%nums, i64 %d" % (a, name, a))
        w("  %%a%d.%s = load i64, ptr %%a%d.%s.p" % (a, name, a, name))
        args.append("i64 %%a%d.%s" % (a, name))
    w("  %%r.%s = call i64 @%s(%s)" % (name, fn, ", ".join(args)))
    printv("%r." + name, uns)
w("c.%d:" % blk[0])
w("""  %u1 = call i64 @print_str(ptr @s.unknown)
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
""")
open("main.ll", "w").write("\n".join(out))
