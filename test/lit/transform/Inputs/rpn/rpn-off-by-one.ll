; rpn.py: one RPN line evaluated over i64; error codes as rpn.py's constants.
define i64 @rpn_apply_op(i64 %op, i64 %a, i64 %b) {
entry:
  switch i64 %op, label %div [ i64 43, label %add
                               i64 45, label %sub
                               i64 42, label %mul ]
add:
  %s = add i64 %a, %b
  ret i64 %s
sub:
  %d0 = sub i64 %a, %b
  %d = add i64 %d0, 1
  ret i64 %d
mul:
  %m = mul i64 %a, %b
  ret i64 %m
div:
  ; abs(a) // abs(b) with the sign of a*b is division truncating toward zero
  %q = sdiv i64 %a, %b
  ret i64 %q
}

define i64 @rpn_evaluate(ptr %line, ptr %value) {
entry:
  %stack = alloca [64 x i64], align 8
  %ip = alloca i64, align 8
  %dp = alloca i64, align 8
  %np = alloca i64, align 8
  store i64 0, ptr %value
  store i64 0, ptr %ip
  store i64 0, ptr %dp
  store i64 0, ptr %np
  br label %skip

skip:
  %i = load i64, ptr %ip
  %cp = getelementptr i8, ptr %line, i64 %i
  %c = load i8, ptr %cp
  %c64 = zext i8 %c to i64
  %is.sp = icmp eq i64 %c64, 32
  %c.m9 = sub i64 %c64, 9
  %is.ctl = icmp ult i64 %c.m9, 5
  %is.ws = or i1 %is.sp, %is.ctl
  br i1 %is.ws, label %skip.next, label %not.ws

skip.next:
  %i1 = add i64 %i, 1
  store i64 %i1, ptr %ip
  br label %skip

not.ws:
  %is.end = icmp eq i64 %c64, 0
  br i1 %is.end, label %finish, label %token

token:
  %n = load i64, ptr %np
  %n1 = add i64 %n, 1
  store i64 %n1, ptr %np
  br label %scan

scan:
  %j = phi i64 [ %i, %token ], [ %j1, %scan.next ]
  %digits = phi i1 [ true, %token ], [ %digits1, %scan.next ]
  %jp = getelementptr i8, ptr %line, i64 %j
  %d = load i8, ptr %jp
  %d64 = zext i8 %d to i64
  %d.sp = icmp eq i64 %d64, 32
  %d.m9 = sub i64 %d64, 9
  %d.ctl = icmp ult i64 %d.m9, 5
  %d.nul = icmp eq i64 %d64, 0
  %d.ws = or i1 %d.sp, %d.ctl
  %d.stop = or i1 %d.ws, %d.nul
  br i1 %d.stop, label %classify, label %scan.next

scan.next:
  %d.m0 = sub i64 %d64, 48
  %d.isdig = icmp ult i64 %d.m0, 10
  %digits1 = and i1 %digits, %d.isdig
  %j1 = add i64 %j, 1
  br label %scan

classify:
  store i64 %j, ptr %ip
  %len = sub i64 %j, %i
  %is.one = icmp eq i64 %len, 1
  br i1 %is.one, label %check.op, label %check.num

check.op:
  %is.plus = icmp eq i64 %c64, 43
  %is.minus = icmp eq i64 %c64, 45
  %is.star = icmp eq i64 %c64, 42
  %is.slash = icmp eq i64 %c64, 47
  %o1 = or i1 %is.plus, %is.minus
  %o2 = or i1 %is.star, %is.slash
  %is.op = or i1 %o1, %o2
  br i1 %is.op, label %op, label %check.num

check.num:
  br i1 %digits, label %number, label %bad

bad:
  ret i64 1

number:
  br label %num.loop

num.loop:
  %k = phi i64 [ %i, %number ], [ %k1, %num.body ]
  %acc = phi i64 [ 0, %number ], [ %acc1, %num.body ]
  %more = icmp ult i64 %k, %j
  br i1 %more, label %num.body, label %num.done

num.body:
  %kp = getelementptr i8, ptr %line, i64 %k
  %kc = load i8, ptr %kp
  %kc64 = zext i8 %kc to i64
  %kd = sub i64 %kc64, 48
  %acc10 = mul i64 %acc, 10
  %acc1 = add i64 %acc10, %kd
  %k1 = add i64 %k, 1
  br label %num.loop

num.done:
  %depth = load i64, ptr %dp
  %full = icmp eq i64 %depth, 64
  br i1 %full, label %underflow, label %push

push:
  %slot = getelementptr [64 x i64], ptr %stack, i64 0, i64 %depth
  store i64 %acc, ptr %slot
  %depth1 = add i64 %depth, 1
  store i64 %depth1, ptr %dp
  br label %skip

op:
  %od = load i64, ptr %dp
  %few = icmp ult i64 %od, 2
  br i1 %few, label %underflow, label %pop

pop:
  %bi = sub i64 %od, 1
  %ai = sub i64 %od, 2
  %bp = getelementptr [64 x i64], ptr %stack, i64 0, i64 %bi
  %ap = getelementptr [64 x i64], ptr %stack, i64 0, i64 %ai
  %b = load i64, ptr %bp
  %a = load i64, ptr %ap
  %bzero = icmp eq i64 %b, 0
  %divzero = and i1 %is.slash, %bzero
  br i1 %divzero, label %divz, label %apply

apply:
  %r = call i64 @rpn_apply_op(i64 %c64, i64 %a, i64 %b)
  store i64 %r, ptr %ap
  store i64 %bi, ptr %dp
  br label %skip

divz:
  ret i64 3

underflow:
  ret i64 2

finish:
  %fn = load i64, ptr %np
  %none = icmp eq i64 %fn, 0
  br i1 %none, label %empty, label %count

empty:
  ret i64 5

count:
  %fd = load i64, ptr %dp
  %one = icmp eq i64 %fd, 1
  br i1 %one, label %ok, label %notone

notone:
  ret i64 4

ok:
  %top = load i64, ptr %stack
  store i64 %top, ptr %value
  ret i64 0
}
