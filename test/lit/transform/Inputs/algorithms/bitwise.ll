; bitwise.py: Python ints masked to 64 bits are the i64's two's-complement bits.
declare i64 @llvm.ctpop.i64(i64)
declare i64 @llvm.cttz.i64(i64, i1)
declare i64 @llvm.ctlz.i64(i64, i1)
declare i64 @llvm.bitreverse.i64(i64)
declare i64 @llvm.fshl.i64(i64, i64, i64)

define i64 @bitwise_popcount(i64 %x) {
entry:
  %c = call i64 @llvm.ctpop.i64(i64 %x)
  ret i64 %c
}

define i64 @bitwise_is_power_of_two(i64 %x) {
entry:
  %pos = icmp sgt i64 %x, 0
  %m = sub i64 %x, 1
  %a = and i64 %x, %m
  %z = icmp eq i64 %a, 0
  %r = and i1 %pos, %z
  %r64 = zext i1 %r to i64
  ret i64 %r64
}

define i64 @bitwise_next_power_of_two(i64 %x) {
entry:
  br label %loop
loop:
  %p = phi i64 [ 1, %entry ], [ %p2, %body ]
  %less = icmp slt i64 %p, %x
  br i1 %less, label %body, label %exit
body:
  %p2 = shl i64 %p, 1
  br label %loop
exit:
  ret i64 %p
}

define i64 @bitwise_reverse_bits(i64 %x) {
entry:
  %r = call i64 @llvm.bitreverse.i64(i64 %x)
  ret i64 %r
}

define i64 @bitwise_rotate_left(i64 %x, i64 %k) {
entry:
  ; Python's k %= 64 is a floor modulo: the low six bits of k in two's complement.
  %k64 = and i64 %k, 63
  %r = call i64 @llvm.fshl.i64(i64 %x, i64 %x, i64 %k64)
  ret i64 %r
}

define i64 @bitwise_lowest_set_bit(i64 %x) {
entry:
  %z = icmp eq i64 %x, 0
  br i1 %z, label %none, label %some
none:
  ret i64 -1
some:
  %t = call i64 @llvm.cttz.i64(i64 %x, i1 true)
  ret i64 %t
}

define i64 @bitwise_highest_set_bit(i64 %x) {
entry:
  %l = call i64 @llvm.ctlz.i64(i64 %x, i1 false)
  %r = sub i64 63, %l
  ret i64 %r
}

define i64 @bitwise_parity(i64 %x) {
entry:
  %c = call i64 @bitwise_popcount(i64 %x)
  %p = and i64 %c, 1
  ret i64 %p
}

define i64 @bitwise_gray_code(i64 %x) {
entry:
  %s = lshr i64 %x, 1
  %g = xor i64 %x, %s
  ret i64 %g
}
