; main.py: the outer interpreter; definitions compile, other words run at once. The first error's
; message goes to the %error buffer and the result is 1.
%Stack = type { [256 x i64], i64 }

declare i64 @lexer_tokenize(ptr %text, ptr %words, i64 %capacity)
declare i64 @compiler_compile_words(ptr %words, i64 %count, ptr %names, i64 %name_count, ptr %code, ptr %length, ptr %bad_word)
declare i64 @machine_execute(ptr %code, i64 %length, ptr %definitions, ptr %data, ptr %loops, ptr %out, i64 %depth)
declare void @stacks_init(ptr %self)
declare i64 @str_eq(ptr %a, ptr %b)
declare ptr @mem_alloc(i64 %size)
declare ptr @buf_new(i64 %capacity)
declare ptr @buf_data(ptr %b)
declare i64 @buf_len(ptr %b)
declare i64 @buf_append_str(ptr %b, ptr %s)
declare i64 @write_all(i64 %fd, ptr %data, i64 %len)
declare i64 @print_str(ptr %s)
declare i64 @sys_read(i64 %fd, ptr %buf, i64 %count)

@w.colon = private constant [2 x i8] c":\00"
@w.semi = private constant [2 x i8] c";\00"
@w.IF = private constant [3 x i8] c"IF\00"
@w.ELSE = private constant [5 x i8] c"ELSE\00"
@w.THEN = private constant [5 x i8] c"THEN\00"
@w.DO = private constant [3 x i8] c"DO\00"
@w.LOOP = private constant [5 x i8] c"LOOP\00"
@w.I = private constant [2 x i8] c"I\00"
@w.J = private constant [2 x i8] c"J\00"
@e.noname = private constant [26 x i8] c"definition without a name\00"
@e.defof = private constant [15 x i8] c"definition of \00"
@e.nosemi = private constant [11 x i8] c" without ;\00"
@e.outside = private constant [22 x i8] c" outside a definition\00"
@e.else = private constant [16 x i8] c"ELSE without IF\00"
@e.then = private constant [16 x i8] c"THEN without IF\00"
@e.loop = private constant [16 x i8] c"LOOP without DO\00"
@e.unknown = private constant [14 x i8] c"unknown word \00"
@e.unclosed = private constant [18 x i8] c"unclosed IF or DO\00"
@e.colon = private constant [3 x i8] c": \00"
@m.underflow = private constant [16 x i8] c"stack underflow\00"
@m.overflow = private constant [15 x i8] c"stack overflow\00"
@m.divzero = private constant [17 x i8] c"division by zero\00"
@m.deep = private constant [17 x i8] c"nesting too deep\00"
@s.error = private constant [9 x i8] c"\0Aerror: \00"
@s.nl = private constant [2 x i8] c"\0A\00"

define internal i64 @compile_error(i64 %code, ptr %bad, ptr %error) {
entry:
  switch i64 %code, label %unclosed [ i64 1, label %else
                                      i64 2, label %then
                                      i64 3, label %loop
                                      i64 4, label %unknown ]
else:
  %a = call i64 @buf_append_str(ptr %error, ptr @e.else)
  ret i64 1
then:
  %b = call i64 @buf_append_str(ptr %error, ptr @e.then)
  ret i64 1
loop:
  %c = call i64 @buf_append_str(ptr %error, ptr @e.loop)
  ret i64 1
unknown:
  %d = call i64 @buf_append_str(ptr %error, ptr @e.unknown)
  %e = call i64 @buf_append_str(ptr %error, ptr %bad)
  ret i64 1
unclosed:
  %f = call i64 @buf_append_str(ptr %error, ptr @e.unclosed)
  ret i64 1
}

define internal i64 @is_compile_only(ptr %w) {
entry:
  %a = call i64 @str_eq(ptr %w, ptr @w.IF)
  %b = call i64 @str_eq(ptr %w, ptr @w.ELSE)
  %c = call i64 @str_eq(ptr %w, ptr @w.THEN)
  %d = call i64 @str_eq(ptr %w, ptr @w.DO)
  %e = call i64 @str_eq(ptr %w, ptr @w.LOOP)
  %f = call i64 @str_eq(ptr %w, ptr @w.I)
  %g = call i64 @str_eq(ptr %w, ptr @w.J)
  %o1 = or i64 %a, %b
  %o2 = or i64 %o1, %c
  %o3 = or i64 %o2, %d
  %o4 = or i64 %o3, %e
  %o5 = or i64 %o4, %f
  %o6 = or i64 %o5, %g
  ret i64 %o6
}

define i64 @main_interpret(ptr %words, i64 %count, ptr %out, ptr %error) {
entry:
  %data = alloca %Stack, align 8
  %loops = alloca %Stack, align 8
  %one = alloca { i64, i64 }, align 8
  %len = alloca i64, align 8
  %bad = alloca ptr, align 8
  call void @stacks_init(ptr %data)
  call void @stacks_init(ptr %loops)
  %cap = add i64 %count, 1
  %nbytes = mul i64 %cap, 8
  %names = call ptr @mem_alloc(i64 %nbytes)
  %dbytes = mul i64 %cap, 16
  %defs = call ptr @mem_alloc(i64 %dbytes)
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %after.def, %defined ], [ %i1, %ran ]
  %nn = phi i64 [ 0, %entry ], [ %nn1, %defined ], [ %nn, %ran ]
  %in = icmp slt i64 %i, %count
  br i1 %in, label %word, label %ok
word:
  %wp = getelementptr ptr, ptr %words, i64 %i
  %w = load ptr, ptr %wp
  %is.colon = call i64 @str_eq(ptr %w, ptr @w.colon)
  %c.colon = icmp ne i64 %is.colon, 0
  br i1 %c.colon, label %define, label %immediate
define:
  %i.name = add i64 %i, 1
  %has.name = icmp slt i64 %i.name, %count
  br i1 %has.name, label %find.semi.start, label %err.noname
find.semi.start:
  %body = add i64 %i, 2
  br label %find.semi
find.semi:
  %e = phi i64 [ %body, %find.semi.start ], [ %e1, %find.semi.next ]
  %e.in = icmp slt i64 %e, %count
  br i1 %e.in, label %find.semi.check, label %err.nosemi
find.semi.check:
  %ep = getelementptr ptr, ptr %words, i64 %e
  %ew = load ptr, ptr %ep
  %is.semi = call i64 @str_eq(ptr %ew, ptr @w.semi)
  %c.semi = icmp ne i64 %is.semi, 0
  br i1 %c.semi, label %compile.def, label %find.semi.next
find.semi.next:
  %e1 = add i64 %e, 1
  br label %find.semi
compile.def:
  %nw = sub i64 %e, %body
  %cap.code = add i64 %nw, 1
  %cbytes = mul i64 %cap.code, 16
  %code = call ptr @mem_alloc(i64 %cbytes)
  %bodyp = getelementptr ptr, ptr %words, i64 %body
  %cerr = call i64 @compiler_compile_words(ptr %bodyp, i64 %nw, ptr %names, i64 %nn, ptr %code, ptr %len, ptr %bad)
  %cfail = icmp ne i64 %cerr, 0
  br i1 %cfail, label %err.compile, label %add.def
add.def:
  %namep = getelementptr ptr, ptr %words, i64 %i.name
  %name = load ptr, ptr %namep
  %slot = getelementptr ptr, ptr %names, i64 %nn
  store ptr %name, ptr %slot
  %dc = getelementptr { ptr, i64 }, ptr %defs, i64 %nn, i32 0
  store ptr %code, ptr %dc
  %dl = getelementptr { ptr, i64 }, ptr %defs, i64 %nn, i32 1
  %clen = load i64, ptr %len
  store i64 %clen, ptr %dl
  %nn1 = add i64 %nn, 1
  %after.def = add i64 %e, 1
  br label %defined
defined:
  br label %loop
immediate:
  %co = call i64 @is_compile_only(ptr %w)
  %c.co = icmp ne i64 %co, 0
  br i1 %c.co, label %err.outside, label %compile.one
compile.one:
  %oerr = call i64 @compiler_compile_words(ptr %wp, i64 1, ptr %names, i64 %nn, ptr %one, ptr %len, ptr %bad)
  %ofail = icmp ne i64 %oerr, 0
  br i1 %ofail, label %err.compile.one, label %run
run:
  %olen = load i64, ptr %len
  %status = call i64 @machine_execute(ptr %one, i64 %olen, ptr %defs, ptr %data, ptr %loops, ptr %out, i64 0)
  %sfail = icmp ne i64 %status, 0
  br i1 %sfail, label %err.run, label %ran
ran:
  %i1 = add i64 %i, 1
  br label %loop
ok:
  ret i64 0
err.noname:
  %x1 = call i64 @buf_append_str(ptr %error, ptr @e.noname)
  ret i64 1
err.nosemi:
  %x2 = call i64 @buf_append_str(ptr %error, ptr @e.defof)
  %np2 = getelementptr ptr, ptr %words, i64 %i.name
  %nm2 = load ptr, ptr %np2
  %x3 = call i64 @buf_append_str(ptr %error, ptr %nm2)
  %x4 = call i64 @buf_append_str(ptr %error, ptr @e.nosemi)
  ret i64 1
err.compile:
  %bw = load ptr, ptr %bad
  %r1 = call i64 @compile_error(i64 %cerr, ptr %bw, ptr %error)
  ret i64 1
err.compile.one:
  %bw1 = load ptr, ptr %bad
  %r2 = call i64 @compile_error(i64 %oerr, ptr %bw1, ptr %error)
  ret i64 1
err.outside:
  %x5 = call i64 @buf_append_str(ptr %error, ptr %w)
  %x6 = call i64 @buf_append_str(ptr %error, ptr @e.outside)
  ret i64 1
err.run:
  %x7 = call i64 @buf_append_str(ptr %error, ptr %w)
  %x8 = call i64 @buf_append_str(ptr %error, ptr @e.colon)
  %is1 = icmp eq i64 %status, 1
  %is2 = icmp eq i64 %status, 2
  %is3 = icmp eq i64 %status, 3
  %m3 = select i1 %is3, ptr @m.divzero, ptr @m.deep
  %m2 = select i1 %is2, ptr @m.overflow, ptr %m3
  %m1 = select i1 %is1, ptr @m.underflow, ptr %m2
  %x9 = call i64 @buf_append_str(ptr %error, ptr %m1)
  ret i64 1
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
  %cap = add i64 %total, 1
  %wbytes = mul i64 %cap, 8
  %words = call ptr @mem_alloc(i64 %wbytes)
  %count = call i64 @lexer_tokenize(ptr %buf, ptr %words, i64 %cap)
  %out = call ptr @buf_new(i64 65536)
  %error = call ptr @buf_new(i64 1024)
  %failed = call i64 @main_interpret(ptr %words, i64 %count, ptr %out, ptr %error)
  %od = call ptr @buf_data(ptr %out)
  %ol = call i64 @buf_len(ptr %out)
  %w1 = call i64 @write_all(i64 1, ptr %od, i64 %ol)
  %bad = icmp ne i64 %failed, 0
  br i1 %bad, label %report, label %done
report:
  %w2 = call i64 @print_str(ptr @s.error)
  %ed = call ptr @buf_data(ptr %error)
  %el = call i64 @buf_len(ptr %error)
  %w3 = call i64 @write_all(i64 1, ptr %ed, i64 %el)
  %w4 = call i64 @print_str(ptr @s.nl)
  ret i64 1
done:
  ret i64 0
oom:
  ret i64 2
}
