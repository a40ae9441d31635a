; hashing.py: hashes of data[0:len); 32-bit results fit i64, fnv1a_64 is the u64 bits in an i64.
define i64 @hashing_fnv1a_32(ptr %data, i64 %len) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %body ]
  %h = phi i64 [ 2166136261, %entry ], [ %h2, %body ]
  %in = icmp slt i64 %i, %len
  br i1 %in, label %body, label %done
body:
  %p = getelementptr i8, ptr %data, i64 %i
  %b = load i8, ptr %p
  %b64 = zext i8 %b to i64
  %h1 = xor i64 %h, %b64
  %m = mul i64 %h1, 16777619
  %h2 = and i64 %m, 4294967295
  %i1 = add i64 %i, 1
  br label %loop
done:
  ret i64 %h
}

define i64 @hashing_fnv1a_64(ptr %data, i64 %len) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %body ]
  %h = phi i64 [ -3750763034362895579, %entry ], [ %h2, %body ]
  %in = icmp slt i64 %i, %len
  br i1 %in, label %body, label %done
body:
  %p = getelementptr i8, ptr %data, i64 %i
  %b = load i8, ptr %p
  %b64 = zext i8 %b to i64
  %h1 = xor i64 %h, %b64
  %h2 = mul i64 %h1, 1099511628211
  %i1 = add i64 %i, 1
  br label %loop
done:
  ret i64 %h
}

define i64 @hashing_djb2(ptr %data, i64 %len) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %body ]
  %h = phi i64 [ 5381, %entry ], [ %h2, %body ]
  %in = icmp slt i64 %i, %len
  br i1 %in, label %body, label %done
body:
  %p = getelementptr i8, ptr %data, i64 %i
  %b = load i8, ptr %p
  %b64 = zext i8 %b to i64
  %m = mul i64 %h, 33
  %s = add i64 %m, %b64
  %h2 = and i64 %s, 4294967295
  %i1 = add i64 %i, 1
  br label %loop
done:
  ret i64 %h
}

define i64 @hashing_sdbm(ptr %data, i64 %len) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %body ]
  %h = phi i64 [ 0, %entry ], [ %h2, %body ]
  %in = icmp slt i64 %i, %len
  br i1 %in, label %body, label %done
body:
  %p = getelementptr i8, ptr %data, i64 %i
  %b = load i8, ptr %p
  %b64 = zext i8 %b to i64
  %s6 = shl i64 %h, 6
  %s16 = shl i64 %h, 16
  %t1 = add i64 %b64, %s6
  %t2 = add i64 %t1, %s16
  %t3 = sub i64 %t2, %h
  %h2 = and i64 %t3, 4294967295
  %i1 = add i64 %i, 1
  br label %loop
done:
  ret i64 %h
}

define i64 @hashing_adler32(ptr %data, i64 %len) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %body ]
  %a = phi i64 [ 1, %entry ], [ %a1, %body ]
  %b = phi i64 [ 0, %entry ], [ %b1, %body ]
  %in = icmp slt i64 %i, %len
  br i1 %in, label %body, label %done
body:
  %p = getelementptr i8, ptr %data, i64 %i
  %c = load i8, ptr %p
  %c64 = zext i8 %c to i64
  %as = add i64 %a, %c64
  %a1 = urem i64 %as, 65521
  %bs = add i64 %b, %a1
  %b1 = urem i64 %bs, 65521
  %i1 = add i64 %i, 1
  br label %loop
done:
  %hi = shl i64 %b, 16
  %r = or i64 %hi, %a
  ret i64 %r
}

define i64 @hashing_crc32(ptr %data, i64 %len) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %bits.done ]
  %crc = phi i64 [ 4294967295, %entry ], [ %crc.out, %bits.done ]
  %in = icmp slt i64 %i, %len
  br i1 %in, label %body, label %done
body:
  %p = getelementptr i8, ptr %data, i64 %i
  %c = load i8, ptr %p
  %c64 = zext i8 %c to i64
  %x = xor i64 %crc, %c64
  br label %bits
bits:
  %k = phi i64 [ 0, %body ], [ %k1, %bits.body ]
  %v = phi i64 [ %x, %body ], [ %v1, %bits.body ]
  %more = icmp slt i64 %k, 8
  br i1 %more, label %bits.body, label %bits.done
bits.body:
  %low = and i64 %v, 1
  %odd = icmp ne i64 %low, 0
  %poly = select i1 %odd, i64 3988292384, i64 0
  %sh = lshr i64 %v, 1
  %v1 = xor i64 %sh, %poly
  %k1 = add i64 %k, 1
  br label %bits
bits.done:
  %crc.out = phi i64 [ %v, %bits ]
  %i1 = add i64 %i, 1
  br label %loop
done:
  %r = xor i64 %crc, 4294967295
  ret i64 %r
}

define i64 @hashing_bucket(ptr %data, i64 %len, i64 %buckets) {
entry:
  %h = call i64 @hashing_fnv1a_32(ptr %data, i64 %len)
  %r = srem i64 %h, %buckets
  %nz = icmp ne i64 %r, 0
  %rneg = icmp slt i64 %r, 0
  %bneg = icmp slt i64 %buckets, 0
  %differ = xor i1 %rneg, %bneg
  %fix = and i1 %nz, %differ
  %r2 = add i64 %r, %buckets
  %out = select i1 %fix, i64 %r2, i64 %r
  ret i64 %out
}
