; ops.py: words over a Stack; status codes OK 0, UNDERFLOW 1, DIVIDE_BY_ZERO 2, OVERFLOW 3, UNKNOWN 4.
declare i64 @stack_push(ptr %self, i64 %value)
declare i64 @stack_pop(ptr %self)
declare i64 @stack_peek(ptr %self)
declare i64 @stack_depth(ptr %self)
declare void @stack_clear(ptr %self)
declare i64 @str_eq(ptr %a, ptr %b)

@w.add = private constant [4 x i8] c"add\00"
@w.sub = private constant [4 x i8] c"sub\00"
@w.mul = private constant [4 x i8] c"mul\00"
@w.div = private constant [4 x i8] c"div\00"
@w.mod = private constant [4 x i8] c"mod\00"
@w.max = private constant [4 x i8] c"max\00"
@w.min = private constant [4 x i8] c"min\00"
@w.neg = private constant [4 x i8] c"neg\00"
@w.dup = private constant [4 x i8] c"dup\00"
@w.drop = private constant [5 x i8] c"drop\00"
@w.swap = private constant [5 x i8] c"swap\00"
@w.over = private constant [5 x i8] c"over\00"
@w.clear = private constant [6 x i8] c"clear\00"

define i64 @ops_trunc_div(i64 %a, i64 %b) {
entry:
  %q = sdiv i64 %a, %b
  ret i64 %q
}

define i64 @ops_trunc_mod(i64 %a, i64 %b) {
entry:
  %q = call i64 @ops_trunc_div(i64 %a, i64 %b)
  %bq = mul i64 %b, %q
  %r = sub i64 %a, %bq
  ret i64 %r
}

define i64 @ops_binary(ptr %word, i64 %a, i64 %b) {
entry:
  %is.add = call i64 @str_eq(ptr %word, ptr @w.add)
  %c.add = icmp ne i64 %is.add, 0
  br i1 %c.add, label %add, label %t.sub
add:
  %r.add = add i64 %a, %b
  ret i64 %r.add
t.sub:
  %is.sub = call i64 @str_eq(ptr %word, ptr @w.sub)
  %c.sub = icmp ne i64 %is.sub, 0
  br i1 %c.sub, label %sub, label %t.mul
sub:
  %r.sub = sub i64 %a, %b
  ret i64 %r.sub
t.mul:
  %is.mul = call i64 @str_eq(ptr %word, ptr @w.mul)
  %c.mul = icmp ne i64 %is.mul, 0
  br i1 %c.mul, label %mul, label %t.div
mul:
  %r.mul = mul i64 %a, %b
  ret i64 %r.mul
t.div:
  %is.div = call i64 @str_eq(ptr %word, ptr @w.div)
  %c.div = icmp ne i64 %is.div, 0
  br i1 %c.div, label %div, label %t.mod
div:
  %r.div = call i64 @ops_trunc_div(i64 %a, i64 %b)
  ret i64 %r.div
t.mod:
  %is.mod = call i64 @str_eq(ptr %word, ptr @w.mod)
  %c.mod = icmp ne i64 %is.mod, 0
  br i1 %c.mod, label %mod, label %t.max
mod:
  %r.mod = call i64 @ops_trunc_mod(i64 %a, i64 %b)
  ret i64 %r.mod
t.max:
  %is.max = call i64 @str_eq(ptr %word, ptr @w.max)
  %c.max = icmp ne i64 %is.max, 0
  %gt = icmp sgt i64 %a, %b
  %r.max = select i1 %gt, i64 %a, i64 %b
  %lt = icmp slt i64 %a, %b
  %r.min = select i1 %lt, i64 %a, i64 %b
  %r = select i1 %c.max, i64 %r.max, i64 %r.min
  ret i64 %r
}

define internal i64 @is_binary(ptr %word) {
entry:
  %e1 = call i64 @str_eq(ptr %word, ptr @w.add)
  %e2 = call i64 @str_eq(ptr %word, ptr @w.sub)
  %e3 = call i64 @str_eq(ptr %word, ptr @w.mul)
  %e4 = call i64 @str_eq(ptr %word, ptr @w.div)
  %e5 = call i64 @str_eq(ptr %word, ptr @w.mod)
  %e6 = call i64 @str_eq(ptr %word, ptr @w.max)
  %e7 = call i64 @str_eq(ptr %word, ptr @w.min)
  %o1 = or i64 %e1, %e2
  %o2 = or i64 %o1, %e3
  %o3 = or i64 %o2, %e4
  %o4 = or i64 %o3, %e5
  %o5 = or i64 %o4, %e6
  %o6 = or i64 %o5, %e7
  ret i64 %o6
}

define i64 @ops_execute(ptr %stack, ptr %word) {
entry:
  %depth = call i64 @stack_depth(ptr %stack)
  %lt1 = icmp slt i64 %depth, 1
  %lt2 = icmp slt i64 %depth, 2
  %bin = call i64 @is_binary(ptr %word)
  %c.bin = icmp ne i64 %bin, 0
  br i1 %c.bin, label %binary, label %t.neg

binary:
  br i1 %lt2, label %underflow, label %binary.go
binary.go:
  %b = call i64 @stack_pop(ptr %stack)
  %a = call i64 @stack_pop(ptr %stack)
  %is.div = call i64 @str_eq(ptr %word, ptr @w.div)
  %is.mod = call i64 @str_eq(ptr %word, ptr @w.mod)
  %divmod = or i64 %is.div, %is.mod
  %c.divmod = icmp ne i64 %divmod, 0
  %bzero = icmp eq i64 %b, 0
  %refuse = and i1 %c.divmod, %bzero
  br i1 %refuse, label %divzero, label %binary.apply
divzero:
  %p1 = call i64 @stack_push(ptr %stack, i64 %a)
  %p2 = call i64 @stack_push(ptr %stack, i64 %b)
  ret i64 2
binary.apply:
  %r = call i64 @ops_binary(ptr %word, i64 %a, i64 %b)
  %p3 = call i64 @stack_push(ptr %stack, i64 %r)
  ret i64 0

t.neg:
  %is.neg = call i64 @str_eq(ptr %word, ptr @w.neg)
  %c.neg = icmp ne i64 %is.neg, 0
  br i1 %c.neg, label %neg, label %t.dup
neg:
  br i1 %lt1, label %underflow, label %neg.go
neg.go:
  %nv = call i64 @stack_pop(ptr %stack)
  %nn = sub i64 0, %nv
  %p4 = call i64 @stack_push(ptr %stack, i64 %nn)
  ret i64 0

t.dup:
  %is.dup = call i64 @str_eq(ptr %word, ptr @w.dup)
  %c.dup = icmp ne i64 %is.dup, 0
  br i1 %c.dup, label %dup, label %t.drop
dup:
  br i1 %lt1, label %underflow, label %dup.go
dup.go:
  %top = call i64 @stack_peek(ptr %stack)
  %pushed = call i64 @stack_push(ptr %stack, i64 %top)
  %dup.ok = icmp ne i64 %pushed, 0
  %dup.r = select i1 %dup.ok, i64 0, i64 3
  ret i64 %dup.r

t.drop:
  %is.drop = call i64 @str_eq(ptr %word, ptr @w.drop)
  %c.drop = icmp ne i64 %is.drop, 0
  br i1 %c.drop, label %drop, label %t.swap
drop:
  br i1 %lt1, label %underflow, label %drop.go
drop.go:
  %dropped = call i64 @stack_pop(ptr %stack)
  ret i64 0

t.swap:
  %is.swap = call i64 @str_eq(ptr %word, ptr @w.swap)
  %c.swap = icmp ne i64 %is.swap, 0
  br i1 %c.swap, label %swap, label %t.over
swap:
  br i1 %lt2, label %underflow, label %swap.go
swap.go:
  %sb = call i64 @stack_pop(ptr %stack)
  %sa = call i64 @stack_pop(ptr %stack)
  %p5 = call i64 @stack_push(ptr %stack, i64 %sb)
  %p6 = call i64 @stack_push(ptr %stack, i64 %sa)
  ret i64 0

t.over:
  %is.over = call i64 @str_eq(ptr %word, ptr @w.over)
  %c.over = icmp ne i64 %is.over, 0
  br i1 %c.over, label %over, label %t.clear
over:
  br i1 %lt2, label %underflow, label %over.go
over.go:
  %ob = call i64 @stack_pop(ptr %stack)
  %oa = call i64 @stack_peek(ptr %stack)
  %p7 = call i64 @stack_push(ptr %stack, i64 %ob)
  %p8 = call i64 @stack_push(ptr %stack, i64 %oa)
  %over.ok = icmp ne i64 %p8, 0
  %over.r = select i1 %over.ok, i64 0, i64 3
  ret i64 %over.r

t.clear:
  %is.clear = call i64 @str_eq(ptr %word, ptr @w.clear)
  %c.clear = icmp ne i64 %is.clear, 0
  br i1 %c.clear, label %clear, label %unknown
clear:
  call void @stack_clear(ptr %stack)
  ret i64 0

unknown:
  ret i64 4

underflow:
  ret i64 1
}
