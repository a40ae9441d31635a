; machine.py: runs instructions { i64 kind, i64 arg }; definitions are { ptr code, i64 length };
; statuses OK 0, UNDERFLOW 1, OVERFLOW 2, DIVISION_BY_ZERO 3, TOO_DEEP 4; output goes to a
; runtime buffer.
declare i64 @stacks_push(ptr %self, i64 %value)
declare i64 @stacks_pop(ptr %self)
declare i64 @stacks_pick(ptr %self, i64 %n)
declare i64 @stacks_depth(ptr %self)
declare i64 @buf_append(ptr %b, ptr %data, i64 %len)
declare i64 @buf_append_i64(ptr %b, i64 %value)

; How many values each primitive needs, in compiler.py's PRIMITIVES order.
@needs = private constant [21 x i64] [i64 2, i64 2, i64 2, i64 2, i64 2, i64 1, i64 1, i64 2, i64 2, i64 3, i64 2, i64 2, i64 2, i64 1, i64 1, i64 0, i64 1, i64 1, i64 2, i64 2, i64 1]
@nl = private constant [1 x i8] c"\0A"
@space = private constant [1 x i8] c" "

define i64 @machine_flag(i64 %b) {
entry:
  %t = icmp ne i64 %b, 0
  %r = select i1 %t, i64 -1, i64 0
  ret i64 %r
}

define i64 @machine_floor_div(i64 %a, i64 %b) {
entry:
  %q = sdiv i64 %a, %b
  %r = srem i64 %a, %b
  %nz = icmp ne i64 %r, 0
  %an = icmp slt i64 %a, 0
  %bn = icmp slt i64 %b, 0
  %differ = xor i1 %an, %bn
  %fix = and i1 %nz, %differ
  %q1 = sub i64 %q, 1
  %out = select i1 %fix, i64 %q1, i64 %q
  ret i64 %out
}

define internal i64 @floor_mod(i64 %a, i64 %b) {
entry:
  %r = srem i64 %a, %b
  %nz = icmp ne i64 %r, 0
  %rn = icmp slt i64 %r, 0
  %bn = icmp slt i64 %b, 0
  %differ = xor i1 %rn, %bn
  %fix = and i1 %nz, %differ
  %r2 = add i64 %r, %b
  %out = select i1 %fix, i64 %r2, i64 %r
  ret i64 %out
}

define i64 @machine_primitive(i64 %index, ptr %data, ptr %out) {
entry:
  %byte = alloca i8, align 1
  %depth = call i64 @stacks_depth(ptr %data)
  %np = getelementptr [21 x i64], ptr @needs, i64 0, i64 %index
  %need = load i64, ptr %np
  %few = icmp slt i64 %depth, %need
  br i1 %few, label %underflow, label %dispatch
dispatch:
  switch i64 %index, label %binary [ i64 15, label %cr
                                     i64 13, label %dot
                                     i64 14, label %emit
                                     i64 5, label %dup
                                     i64 6, label %drop
                                     i64 8, label %over
                                     i64 16, label %negate
                                     i64 17, label %abs
                                     i64 20, label %zeq
                                     i64 9, label %rot ]
cr:
  %w.cr = call i64 @buf_append(ptr %out, ptr @nl, i64 1)
  ret i64 0
dot:
  %v.dot = call i64 @stacks_pop(ptr %data)
  %w.dot = call i64 @buf_append_i64(ptr %out, i64 %v.dot)
  %w.sp = call i64 @buf_append(ptr %out, ptr @space, i64 1)
  ret i64 0
emit:
  %v.emit = call i64 @stacks_pop(ptr %data)
  %b8 = trunc i64 %v.emit to i8
  store i8 %b8, ptr %byte
  %w.emit = call i64 @buf_append(ptr %out, ptr %byte, i64 1)
  ret i64 0
dup:
  %v.dup = call i64 @stacks_pick(ptr %data, i64 0)
  %p.dup = call i64 @stacks_push(ptr %data, i64 %v.dup)
  %ok.dup = icmp ne i64 %p.dup, 0
  %r.dup = select i1 %ok.dup, i64 0, i64 2
  ret i64 %r.dup
drop:
  %v.drop = call i64 @stacks_pop(ptr %data)
  ret i64 0
over:
  %v.over = call i64 @stacks_pick(ptr %data, i64 1)
  %p.over = call i64 @stacks_push(ptr %data, i64 %v.over)
  %ok.over = icmp ne i64 %p.over, 0
  %r.over = select i1 %ok.over, i64 0, i64 2
  ret i64 %r.over
negate:
  %a.neg = call i64 @stacks_pop(ptr %data)
  %n.neg = sub i64 0, %a.neg
  %p.neg = call i64 @stacks_push(ptr %data, i64 %n.neg)
  ret i64 0
abs:
  %a.abs = call i64 @stacks_pop(ptr %data)
  %isneg = icmp slt i64 %a.abs, 0
  %m.abs = sub i64 0, %a.abs
  %r.abs = select i1 %isneg, i64 %m.abs, i64 %a.abs
  %p.abs = call i64 @stacks_push(ptr %data, i64 %r.abs)
  ret i64 0
zeq:
  %a.z = call i64 @stacks_pop(ptr %data)
  %z = icmp eq i64 %a.z, 0
  %z64 = zext i1 %z to i64
  %f.z = call i64 @machine_flag(i64 %z64)
  %p.z = call i64 @stacks_push(ptr %data, i64 %f.z)
  ret i64 0
rot:
  %c.r = call i64 @stacks_pop(ptr %data)
  %b.r = call i64 @stacks_pop(ptr %data)
  %a.r = call i64 @stacks_pop(ptr %data)
  %p1.r = call i64 @stacks_push(ptr %data, i64 %b.r)
  %p2.r = call i64 @stacks_push(ptr %data, i64 %c.r)
  %p3.r = call i64 @stacks_push(ptr %data, i64 %a.r)
  ret i64 0
binary:
  %b = call i64 @stacks_pop(ptr %data)
  %a = call i64 @stacks_pop(ptr %data)
  %is.swap = icmp eq i64 %index, 7
  br i1 %is.swap, label %swap, label %arith
swap:
  %s1 = call i64 @stacks_push(ptr %data, i64 %b)
  %s2 = call i64 @stacks_push(ptr %data, i64 %a)
  ret i64 0
arith:
  %is.div = icmp eq i64 %index, 3
  %is.mod = icmp eq i64 %index, 4
  %divmod = or i1 %is.div, %is.mod
  %bz = icmp eq i64 %b, 0
  %refuse = and i1 %divmod, %bz
  br i1 %refuse, label %divzero, label %compute
divzero:
  ret i64 3
compute:
  switch i64 %index, label %min [ i64 0, label %add
                                  i64 1, label %sub
                                  i64 2, label %mul
                                  i64 3, label %div
                                  i64 4, label %mod
                                  i64 10, label %eq
                                  i64 11, label %lt
                                  i64 12, label %gt
                                  i64 18, label %max ]
add:
  %r.add = add i64 %a, %b
  br label %push
sub:
  %r.sub = sub i64 %a, %b
  br label %push
mul:
  %r.mul = mul i64 %a, %b
  br label %push
div:
  %r.div = call i64 @machine_floor_div(i64 %a, i64 %b)
  br label %push
mod:
  %r.mod = call i64 @floor_mod(i64 %a, i64 %b)
  br label %push
eq:
  %c.eq = icmp eq i64 %a, %b
  %r.eq = select i1 %c.eq, i64 -1, i64 0
  br label %push
lt:
  %c.lt = icmp slt i64 %a, %b
  %r.lt = select i1 %c.lt, i64 -1, i64 0
  br label %push
gt:
  %c.gt = icmp sgt i64 %a, %b
  %r.gt = select i1 %c.gt, i64 -1, i64 0
  br label %push
max:
  %c.max = icmp sgt i64 %a, %b
  %r.max = select i1 %c.max, i64 %a, i64 %b
  br label %push
min:
  %c.min = icmp slt i64 %a, %b
  %r.min = select i1 %c.min, i64 %a, i64 %b
  br label %push
push:
  %r = phi i64 [ %r.add, %add ], [ %r.sub, %sub ], [ %r.mul, %mul ], [ %r.div, %div ], [ %r.mod, %mod ], [ %r.eq, %eq ], [ %r.lt, %lt ], [ %r.gt, %gt ], [ %r.max, %max ], [ %r.min, %min ]
  %p.r = call i64 @stacks_push(ptr %data, i64 %r)
  ret i64 0
underflow:
  ret i64 1
}

define i64 @machine_execute(ptr %code, i64 %length, ptr %definitions, ptr %data, ptr %loops, ptr %out, i64 %depth) {
entry:
  %deep = icmp sgt i64 %depth, 64
  br i1 %deep, label %too.deep, label %start
too.deep:
  ret i64 4
start:
  %pcp = alloca i64, align 8
  store i64 0, ptr %pcp
  br label %loop
loop:
  %pc = load i64, ptr %pcp
  %in = icmp slt i64 %pc, %length
  br i1 %in, label %fetch, label %ok
fetch:
  %kp = getelementptr { i64, i64 }, ptr %code, i64 %pc, i32 0
  %kind = load i64, ptr %kp
  %ap = getelementptr { i64, i64 }, ptr %code, i64 %pc, i32 1
  %arg = load i64, ptr %ap
  %pc1 = add i64 %pc, 1
  store i64 %pc1, ptr %pcp
  switch i64 %kind, label %loop [ i64 0, label %lit
                                  i64 1, label %call
                                  i64 2, label %prim
                                  i64 3, label %jz
                                  i64 4, label %jump
                                  i64 5, label %do
                                  i64 6, label %loopend
                                  i64 7, label %index.i
                                  i64 8, label %index.j ]
lit:
  %pushed = call i64 @stacks_push(ptr %data, i64 %arg)
  %full = icmp eq i64 %pushed, 0
  br i1 %full, label %overflow, label %loop
call:
  %dcp = getelementptr { ptr, i64 }, ptr %definitions, i64 %arg, i32 0
  %dcode = load ptr, ptr %dcp
  %dlp = getelementptr { ptr, i64 }, ptr %definitions, i64 %arg, i32 1
  %dlen = load i64, ptr %dlp
  %d1 = add i64 %depth, 1
  %s.call = call i64 @machine_execute(ptr %dcode, i64 %dlen, ptr %definitions, ptr %data, ptr %loops, ptr %out, i64 %d1)
  %bad.call = icmp ne i64 %s.call, 0
  br i1 %bad.call, label %fail.call, label %loop
fail.call:
  ret i64 %s.call
prim:
  %s.prim = call i64 @machine_primitive(i64 %arg, ptr %data, ptr %out)
  %bad.prim = icmp ne i64 %s.prim, 0
  br i1 %bad.prim, label %fail.prim, label %loop
fail.prim:
  ret i64 %s.prim
jz:
  %dd = call i64 @stacks_depth(ptr %data)
  %empty = icmp slt i64 %dd, 1
  br i1 %empty, label %underflow, label %jz.test
jz.test:
  %v = call i64 @stacks_pop(ptr %data)
  %zero = icmp eq i64 %v, 0
  br i1 %zero, label %jump, label %loop
jump:
  store i64 %arg, ptr %pcp
  br label %loop
do:
  %ddo = call i64 @stacks_depth(ptr %data)
  %few = icmp slt i64 %ddo, 2
  br i1 %few, label %underflow, label %do.go
do.go:
  %start.v = call i64 @stacks_pop(ptr %data)
  %limit.v = call i64 @stacks_pop(ptr %data)
  %pl = call i64 @stacks_push(ptr %loops, i64 %limit.v)
  %pl.ok = icmp ne i64 %pl, 0
  br i1 %pl.ok, label %do.start, label %overflow
do.start:
  %ps = call i64 @stacks_push(ptr %loops, i64 %start.v)
  %ps.ok = icmp ne i64 %ps, 0
  br i1 %ps.ok, label %loop, label %overflow
loopend:
  %idx0 = call i64 @stacks_pop(ptr %loops)
  %idx = add i64 %idx0, 1
  %lim = call i64 @stacks_pick(ptr %loops, i64 0)
  %again = icmp slt i64 %idx, %lim
  br i1 %again, label %loop.again, label %loop.exit
loop.again:
  %pa = call i64 @stacks_push(ptr %loops, i64 %idx)
  store i64 %arg, ptr %pcp
  br label %loop
loop.exit:
  %dropped = call i64 @stacks_pop(ptr %loops)
  br label %loop
index.i:
  %li = call i64 @stacks_depth(ptr %loops)
  %li.few = icmp slt i64 %li, 2
  br i1 %li.few, label %underflow, label %i.push
i.push:
  %iv = call i64 @stacks_pick(ptr %loops, i64 0)
  %ip = call i64 @stacks_push(ptr %data, i64 %iv)
  %ip.ok = icmp ne i64 %ip, 0
  br i1 %ip.ok, label %loop, label %underflow
index.j:
  %lj = call i64 @stacks_depth(ptr %loops)
  %lj.few = icmp slt i64 %lj, 4
  br i1 %lj.few, label %underflow, label %j.push
j.push:
  %jv = call i64 @stacks_pick(ptr %loops, i64 2)
  %jp = call i64 @stacks_push(ptr %data, i64 %jv)
  %jp.ok = icmp ne i64 %jp, 0
  br i1 %jp.ok, label %loop, label %underflow
overflow:
  ret i64 2
underflow:
  ret i64 1
ok:
  ret i64 0
}
