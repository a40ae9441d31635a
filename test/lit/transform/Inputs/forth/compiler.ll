; compiler.py: a definition's words to instructions { i64 kind, i64 arg } (16 bytes each).
; Errors: 0 none, 1 ELSE without IF, 2 THEN without IF, 3 LOOP without DO, 4 unknown word
; (the word through %bad_word), 5 unclosed IF or DO.
declare i64 @str_eq(ptr %a, ptr %b)
declare i64 @lexer_parse_number(ptr %word, ptr %value)
@prim.0 = private constant [2 x i8] c"+\00"
@prim.1 = private constant [2 x i8] c"-\00"
@prim.2 = private constant [2 x i8] c"*\00"
@prim.3 = private constant [2 x i8] c"/\00"
@prim.4 = private constant [4 x i8] c"MOD\00"
@prim.5 = private constant [4 x i8] c"DUP\00"
@prim.6 = private constant [5 x i8] c"DROP\00"
@prim.7 = private constant [5 x i8] c"SWAP\00"
@prim.8 = private constant [5 x i8] c"OVER\00"
@prim.9 = private constant [4 x i8] c"ROT\00"
@prim.10 = private constant [2 x i8] c"=\00"
@prim.11 = private constant [2 x i8] c"<\00"
@prim.12 = private constant [2 x i8] c">\00"
@prim.13 = private constant [2 x i8] c".\00"
@prim.14 = private constant [5 x i8] c"EMIT\00"
@prim.15 = private constant [3 x i8] c"CR\00"
@prim.16 = private constant [7 x i8] c"NEGATE\00"
@prim.17 = private constant [4 x i8] c"ABS\00"
@prim.18 = private constant [4 x i8] c"MAX\00"
@prim.19 = private constant [4 x i8] c"MIN\00"
@prim.20 = private constant [3 x i8] c"0=\00"
@kw.IF = private constant [3 x i8] c"IF\00"
@kw.ELSE = private constant [5 x i8] c"ELSE\00"
@kw.THEN = private constant [5 x i8] c"THEN\00"
@kw.DO = private constant [3 x i8] c"DO\00"
@kw.LOOP = private constant [5 x i8] c"LOOP\00"
@kw.I = private constant [2 x i8] c"I\00"
@kw.J = private constant [2 x i8] c"J\00"

define i64 @compiler_primitive_index(ptr %word) {
entry:
  br label %t.0
t.0:
  %e.0 = call i64 @str_eq(ptr %word, ptr @prim.0)
  %c.0 = icmp ne i64 %e.0, 0
  br i1 %c.0, label %hit.0, label %t.1
hit.0:
  ret i64 0
t.1:
  %e.1 = call i64 @str_eq(ptr %word, ptr @prim.1)
  %c.1 = icmp ne i64 %e.1, 0
  br i1 %c.1, label %hit.1, label %t.2
hit.1:
  ret i64 1
t.2:
  %e.2 = call i64 @str_eq(ptr %word, ptr @prim.2)
  %c.2 = icmp ne i64 %e.2, 0
  br i1 %c.2, label %hit.2, label %t.3
hit.2:
  ret i64 2
t.3:
  %e.3 = call i64 @str_eq(ptr %word, ptr @prim.3)
  %c.3 = icmp ne i64 %e.3, 0
  br i1 %c.3, label %hit.3, label %t.4
hit.3:
  ret i64 3
t.4:
  %e.4 = call i64 @str_eq(ptr %word, ptr @prim.4)
  %c.4 = icmp ne i64 %e.4, 0
  br i1 %c.4, label %hit.4, label %t.5
hit.4:
  ret i64 4
t.5:
  %e.5 = call i64 @str_eq(ptr %word, ptr @prim.5)
  %c.5 = icmp ne i64 %e.5, 0
  br i1 %c.5, label %hit.5, label %t.6
hit.5:
  ret i64 5
t.6:
  %e.6 = call i64 @str_eq(ptr %word, ptr @prim.6)
  %c.6 = icmp ne i64 %e.6, 0
  br i1 %c.6, label %hit.6, label %t.7
hit.6:
  ret i64 6
t.7:
  %e.7 = call i64 @str_eq(ptr %word, ptr @prim.7)
  %c.7 = icmp ne i64 %e.7, 0
  br i1 %c.7, label %hit.7, label %t.8
hit.7:
  ret i64 7
t.8:
  %e.8 = call i64 @str_eq(ptr %word, ptr @prim.8)
  %c.8 = icmp ne i64 %e.8, 0
  br i1 %c.8, label %hit.8, label %t.9
hit.8:
  ret i64 8
t.9:
  %e.9 = call i64 @str_eq(ptr %word, ptr @prim.9)
  %c.9 = icmp ne i64 %e.9, 0
  br i1 %c.9, label %hit.9, label %t.10
hit.9:
  ret i64 9
t.10:
  %e.10 = call i64 @str_eq(ptr %word, ptr @prim.10)
  %c.10 = icmp ne i64 %e.10, 0
  br i1 %c.10, label %hit.10, label %t.11
hit.10:
  ret i64 10
t.11:
  %e.11 = call i64 @str_eq(ptr %word, ptr @prim.11)
  %c.11 = icmp ne i64 %e.11, 0
  br i1 %c.11, label %hit.11, label %t.12
hit.11:
  ret i64 11
t.12:
  %e.12 = call i64 @str_eq(ptr %word, ptr @prim.12)
  %c.12 = icmp ne i64 %e.12, 0
  br i1 %c.12, label %hit.12, label %t.13
hit.12:
  ret i64 12
t.13:
  %e.13 = call i64 @str_eq(ptr %word, ptr @prim.13)
  %c.13 = icmp ne i64 %e.13, 0
  br i1 %c.13, label %hit.13, label %t.14
hit.13:
  ret i64 13
t.14:
  %e.14 = call i64 @str_eq(ptr %word, ptr @prim.14)
  %c.14 = icmp ne i64 %e.14, 0
  br i1 %c.14, label %hit.14, label %t.15
hit.14:
  ret i64 14
t.15:
  %e.15 = call i64 @str_eq(ptr %word, ptr @prim.15)
  %c.15 = icmp ne i64 %e.15, 0
  br i1 %c.15, label %hit.15, label %t.16
hit.15:
  ret i64 15
t.16:
  %e.16 = call i64 @str_eq(ptr %word, ptr @prim.16)
  %c.16 = icmp ne i64 %e.16, 0
  br i1 %c.16, label %hit.16, label %t.17
hit.16:
  ret i64 16
t.17:
  %e.17 = call i64 @str_eq(ptr %word, ptr @prim.17)
  %c.17 = icmp ne i64 %e.17, 0
  br i1 %c.17, label %hit.17, label %t.18
hit.17:
  ret i64 17
t.18:
  %e.18 = call i64 @str_eq(ptr %word, ptr @prim.18)
  %c.18 = icmp ne i64 %e.18, 0
  br i1 %c.18, label %hit.18, label %t.19
hit.18:
  ret i64 18
t.19:
  %e.19 = call i64 @str_eq(ptr %word, ptr @prim.19)
  %c.19 = icmp ne i64 %e.19, 0
  br i1 %c.19, label %hit.19, label %t.20
hit.19:
  ret i64 19
t.20:
  %e.20 = call i64 @str_eq(ptr %word, ptr @prim.20)
  %c.20 = icmp ne i64 %e.20, 0
  br i1 %c.20, label %hit.20, label %t.21
hit.20:
  ret i64 20
t.21:
  ret i64 -1
}

define internal void @emit(ptr %code, ptr %len, i64 %kind, i64 %arg) {
entry:
  %n = load i64, ptr %len
  %k = getelementptr { i64, i64 }, ptr %code, i64 %n, i32 0
  store i64 %kind, ptr %k
  %a = getelementptr { i64, i64 }, ptr %code, i64 %n, i32 1
  store i64 %arg, ptr %a
  %n1 = add i64 %n, 1
  store i64 %n1, ptr %len
  ret void
}

define internal i64 @kind_at(ptr %code, i64 %at) {
entry:
  %k = getelementptr { i64, i64 }, ptr %code, i64 %at, i32 0
  %v = load i64, ptr %k
  ret i64 %v
}

define internal void @patch(ptr %code, i64 %at, i64 %kind, i64 %arg) {
entry:
  %k = getelementptr { i64, i64 }, ptr %code, i64 %at, i32 0
  store i64 %kind, ptr %k
  %a = getelementptr { i64, i64 }, ptr %code, i64 %at, i32 1
  store i64 %arg, ptr %a
  ret void
}

define i64 @compiler_compile_words(ptr %words, i64 %count, ptr %names, i64 %name_count, ptr %code, ptr %length, ptr %bad_word) {
entry:
  %pending = alloca [256 x i64], align 8
  %np = alloca i64, align 8
  %value = alloca i64, align 8
  store i64 0, ptr %np
  store i64 0, ptr %length
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %in = icmp slt i64 %i, %count
  br i1 %in, label %word, label %finish
word:
  %wp = getelementptr ptr, ptr %words, i64 %i
  %w = load ptr, ptr %wp
  %n = load i64, ptr %np
  %has = icmp sgt i64 %n, 0
  %n.top = sub i64 %n, 1
  %topp = getelementptr i64, ptr %pending, i64 %n.top
  %len = load i64, ptr %length
  %is.if = call i64 @str_eq(ptr %w, ptr @kw.IF)
  %c.if = icmp ne i64 %is.if, 0
  br i1 %c.if, label %do.if, label %t.else
do.if:
  %slot.if = getelementptr i64, ptr %pending, i64 %n
  store i64 %len, ptr %slot.if
  %n.if = add i64 %n, 1
  store i64 %n.if, ptr %np
  call void @emit(ptr %code, ptr %length, i64 3, i64 -1)
  br label %next
t.else:
  %is.else = call i64 @str_eq(ptr %w, ptr @kw.ELSE)
  %c.else = icmp ne i64 %is.else, 0
  br i1 %c.else, label %do.else, label %t.then
do.else:
  br i1 %has, label %else.check, label %err.else
else.check:
  %at.e = load i64, ptr %topp
  %kind.e = call i64 @kind_at(ptr %code, i64 %at.e)
  %is.jz.e = icmp eq i64 %kind.e, 3
  br i1 %is.jz.e, label %else.ok, label %err.else
else.ok:
  store i64 %len, ptr %topp
  call void @emit(ptr %code, ptr %length, i64 4, i64 -1)
  %len.e = load i64, ptr %length
  call void @patch(ptr %code, i64 %at.e, i64 3, i64 %len.e)
  br label %next
t.then:
  %is.then = call i64 @str_eq(ptr %w, ptr @kw.THEN)
  %c.then = icmp ne i64 %is.then, 0
  br i1 %c.then, label %do.then, label %t.do
do.then:
  br i1 %has, label %then.check, label %err.then
then.check:
  %at.t = load i64, ptr %topp
  %kind.t = call i64 @kind_at(ptr %code, i64 %at.t)
  %jz.t = icmp eq i64 %kind.t, 3
  %j.t = icmp eq i64 %kind.t, 4
  %ok.t = or i1 %jz.t, %j.t
  br i1 %ok.t, label %then.ok, label %err.then
then.ok:
  store i64 %n.top, ptr %np
  call void @patch(ptr %code, i64 %at.t, i64 %kind.t, i64 %len)
  br label %next
t.do:
  %is.do = call i64 @str_eq(ptr %w, ptr @kw.DO)
  %c.do = icmp ne i64 %is.do, 0
  br i1 %c.do, label %do.do, label %t.loop
do.do:
  %slot.do = getelementptr i64, ptr %pending, i64 %n
  store i64 %len, ptr %slot.do
  %n.do = add i64 %n, 1
  store i64 %n.do, ptr %np
  call void @emit(ptr %code, ptr %length, i64 5, i64 0)
  br label %next
t.loop:
  %is.loop = call i64 @str_eq(ptr %w, ptr @kw.LOOP)
  %c.loop = icmp ne i64 %is.loop, 0
  br i1 %c.loop, label %do.loop, label %t.i
do.loop:
  br i1 %has, label %loop.check, label %err.loop
loop.check:
  %at.l = load i64, ptr %topp
  %kind.l = call i64 @kind_at(ptr %code, i64 %at.l)
  %is.do.l = icmp eq i64 %kind.l, 5
  br i1 %is.do.l, label %loop.ok, label %err.loop
loop.ok:
  store i64 %n.top, ptr %np
  %back = add i64 %at.l, 1
  call void @emit(ptr %code, ptr %length, i64 6, i64 %back)
  br label %next
t.i:
  %is.i = call i64 @str_eq(ptr %w, ptr @kw.I)
  %c.i = icmp ne i64 %is.i, 0
  br i1 %c.i, label %do.i, label %t.j
do.i:
  call void @emit(ptr %code, ptr %length, i64 7, i64 0)
  br label %next
t.j:
  %is.j = call i64 @str_eq(ptr %w, ptr @kw.J)
  %c.j = icmp ne i64 %is.j, 0
  br i1 %c.j, label %do.j, label %t.num
do.j:
  call void @emit(ptr %code, ptr %length, i64 8, i64 0)
  br label %next
t.num:
  %is.num = call i64 @lexer_parse_number(ptr %w, ptr %value)
  %c.num = icmp ne i64 %is.num, 0
  br i1 %c.num, label %do.num, label %find
do.num:
  %v = load i64, ptr %value
  call void @emit(ptr %code, ptr %length, i64 0, i64 %v)
  br label %next
find:
  ; the newest definition of a name wins
  %f = phi i64 [ %name_count, %t.num ], [ %f.m, %find.next ]
  %any = icmp sgt i64 %f, 0
  %f.m = sub i64 %f, 1
  br i1 %any, label %find.check, label %t.prim
find.check:
  %namep = getelementptr ptr, ptr %names, i64 %f.m
  %name = load ptr, ptr %namep
  %same = call i64 @str_eq(ptr %name, ptr %w)
  %c.same = icmp ne i64 %same, 0
  br i1 %c.same, label %do.call, label %find.next
find.next:
  br label %find
do.call:
  call void @emit(ptr %code, ptr %length, i64 1, i64 %f.m)
  br label %next
t.prim:
  %pi = call i64 @compiler_primitive_index(ptr %w)
  %known = icmp sge i64 %pi, 0
  br i1 %known, label %do.prim, label %err.unknown
do.prim:
  call void @emit(ptr %code, ptr %length, i64 2, i64 %pi)
  br label %next
next:
  %i1 = add i64 %i, 1
  br label %loop
finish:
  %left = load i64, ptr %np
  %open = icmp sgt i64 %left, 0
  %r = select i1 %open, i64 5, i64 0
  ret i64 %r
err.else:
  ret i64 1
err.then:
  ret i64 2
err.loop:
  ret i64 3
err.unknown:
  store ptr %w, ptr %bad_word
  ret i64 4
}
