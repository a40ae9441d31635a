; numeric.py over i64; `%` and `//` keep Python's floor semantics where signs can differ.
define internal i64 @py_mod(i64 %a, i64 %m) {
entry:
  %r = srem i64 %a, %m
  %nz = icmp ne i64 %r, 0
  %rneg = icmp slt i64 %r, 0
  %mneg = icmp slt i64 %m, 0
  %differ = xor i1 %rneg, %mneg
  %fix = and i1 %nz, %differ
  %r2 = add i64 %r, %m
  %out = select i1 %fix, i64 %r2, i64 %r
  ret i64 %out
}

define internal i64 @abs64(i64 %x) {
entry:
  %neg = icmp slt i64 %x, 0
  %m = sub i64 0, %x
  %r = select i1 %neg, i64 %m, i64 %x
  ret i64 %r
}

define i64 @numeric_gcd(i64 %a, i64 %b) {
entry:
  %a0 = call i64 @abs64(i64 %a)
  %b0 = call i64 @abs64(i64 %b)
  br label %loop
loop:
  %x = phi i64 [ %a0, %entry ], [ %y, %body ]
  %y = phi i64 [ %b0, %entry ], [ %r, %body ]
  %done = icmp eq i64 %y, 0
  br i1 %done, label %exit, label %body
body:
  %r = urem i64 %x, %y
  br label %loop
exit:
  ret i64 %x
}

define i64 @numeric_lcm(i64 %a, i64 %b) {
entry:
  %az = icmp eq i64 %a, 0
  %bz = icmp eq i64 %b, 0
  %z = or i1 %az, %bz
  br i1 %z, label %zero, label %calc
zero:
  ret i64 0
calc:
  %aa = call i64 @abs64(i64 %a)
  %ab = call i64 @abs64(i64 %b)
  %g = call i64 @numeric_gcd(i64 %a, i64 %b)
  %q = sdiv i64 %aa, %g
  %r = mul i64 %q, %ab
  ret i64 %r
}

define i64 @numeric_is_prime(i64 %n) {
entry:
  %small = icmp slt i64 %n, 2
  br i1 %small, label %no, label %loop
loop:
  %d = phi i64 [ 2, %entry ], [ %d1, %next ]
  %dd = mul i64 %d, %d
  %in = icmp sle i64 %dd, %n
  br i1 %in, label %test, label %yes
test:
  %r = srem i64 %n, %d
  %div = icmp eq i64 %r, 0
  br i1 %div, label %no, label %next
next:
  %d1 = add i64 %d, 1
  br label %loop
yes:
  ret i64 1
no:
  ret i64 0
}

define i64 @numeric_factorial(i64 %n) {
entry:
  br label %loop
loop:
  %k = phi i64 [ 2, %entry ], [ %k1, %body ]
  %acc = phi i64 [ 1, %entry ], [ %acc1, %body ]
  %in = icmp sle i64 %k, %n
  br i1 %in, label %body, label %exit
body:
  %acc1 = mul i64 %acc, %k
  %k1 = add i64 %k, 1
  br label %loop
exit:
  ret i64 %acc
}

define i64 @numeric_fibonacci(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %body ]
  %a = phi i64 [ 0, %entry ], [ %b, %body ]
  %b = phi i64 [ 1, %entry ], [ %ab, %body ]
  %in = icmp slt i64 %i, %n
  br i1 %in, label %body, label %exit
body:
  %ab = add i64 %a, %b
  %i1 = add i64 %i, 1
  br label %loop
exit:
  ret i64 %a
}

define i64 @numeric_isqrt(i64 %n) {
entry:
  %small = icmp slt i64 %n, 2
  br i1 %small, label %trivial, label %start
trivial:
  ret i64 %n
start:
  %n1 = add i64 %n, 1
  %y0 = sdiv i64 %n1, 2
  br label %loop
loop:
  %x = phi i64 [ %n, %start ], [ %y, %body ]
  %y = phi i64 [ %y0, %start ], [ %y1, %body ]
  %less = icmp slt i64 %y, %x
  br i1 %less, label %body, label %exit
body:
  %q = sdiv i64 %n, %y
  %s = add i64 %y, %q
  %y1 = sdiv i64 %s, 2
  br label %loop
exit:
  ret i64 %x
}

define i64 @numeric_power_mod(i64 %base, i64 %exp, i64 %mod) {
entry:
  %r0 = call i64 @py_mod(i64 1, i64 %mod)
  %b0 = call i64 @py_mod(i64 %base, i64 %mod)
  br label %loop
loop:
  %r = phi i64 [ %r0, %entry ], [ %r.next, %body.end ]
  %b = phi i64 [ %b0, %entry ], [ %b.next, %body.end ]
  %e = phi i64 [ %exp, %entry ], [ %e.next, %body.end ]
  %more = icmp sgt i64 %e, 0
  br i1 %more, label %body, label %exit
body:
  %odd = and i64 %e, 1
  %is.odd = icmp ne i64 %odd, 0
  br i1 %is.odd, label %take, label %body.end
take:
  %rb = mul i64 %r, %b
  %rm = call i64 @py_mod(i64 %rb, i64 %mod)
  br label %body.end
body.end:
  %r.next = phi i64 [ %r, %body ], [ %rm, %take ]
  %bb = mul i64 %b, %b
  %b.next = call i64 @py_mod(i64 %bb, i64 %mod)
  %e.next = ashr i64 %e, 1
  br label %loop
exit:
  ret i64 %r
}

define i64 @numeric_digit_sum(i64 %n) {
entry:
  %a = call i64 @abs64(i64 %n)
  br label %loop
loop:
  %x = phi i64 [ %a, %entry ], [ %q, %body ]
  %t = phi i64 [ 0, %entry ], [ %t1, %body ]
  %more = icmp ne i64 %x, 0
  br i1 %more, label %body, label %exit
body:
  %d = urem i64 %x, 10
  %t1 = add i64 %t, %d
  %q = udiv i64 %x, 10
  br label %loop
exit:
  ret i64 %t
}

define i64 @numeric_collatz_steps(i64 %n) {
entry:
  br label %loop
loop:
  %x = phi i64 [ %n, %entry ], [ %x1, %step ]
  %s = phi i64 [ 0, %entry ], [ %s1, %step ]
  %more = icmp sgt i64 %x, 1
  br i1 %more, label %body, label %exit
body:
  %bit = and i64 %x, 1
  %even = icmp eq i64 %bit, 0
  %half = sdiv i64 %x, 2
  %t3 = mul i64 %x, 3
  %t31 = add i64 %t3, 1
  %x1 = select i1 %even, i64 %half, i64 %t31
  br label %step
step:
  %s1 = add i64 %s, 1
  br label %loop
exit:
  ret i64 %s
}
