;===- runtime/bytes.ll - copy, fill and compare raw bytes ----------------===;
; The runtime's memmove/memset/memcmp under names of its own, so runtime IR can be linked into a host
; test or fuzzer next to libc without clashing. "no-builtins" keeps the code generator from turning
; these loops back into calls to memcpy/memset, which a libc-free binary may not have.

; Copies %n bytes; the ranges may overlap (memmove semantics).
define void @copy_bytes(ptr %dst, ptr %src, i64 %n) #0 {
entry:
  %dst_int = ptrtoint ptr %dst to i64
  %src_int = ptrtoint ptr %src to i64
  ; Copy backwards only when dst lies inside (src, src + n): a forward copy would overwrite source
  ; bytes before reading them.
  %offset = sub i64 %dst_int, %src_int
  %dst_after_src = icmp ugt i64 %dst_int, %src_int
  %overlaps = icmp ult i64 %offset, %n
  %backward = and i1 %dst_after_src, %overlaps
  br i1 %backward, label %back_loop_check, label %words_check

; Forward: eight bytes at a time, then the tail byte by byte.
words_check:
  %i = phi i64 [ 0, %entry ], [ %i.next, %words ]
  %left = sub i64 %n, %i
  %has_word = icmp uge i64 %left, 8
  br i1 %has_word, label %words, label %bytes_check
words:
  %ws = getelementptr i8, ptr %src, i64 %i
  %wd = getelementptr i8, ptr %dst, i64 %i
  %w = load i64, ptr %ws, align 1
  store i64 %w, ptr %wd, align 1
  %i.next = add i64 %i, 8
  br label %words_check
bytes_check:
  %j = phi i64 [ %i, %words_check ], [ %j.next, %bytes ]
  %more = icmp ult i64 %j, %n
  br i1 %more, label %bytes, label %done
bytes:
  %bs = getelementptr i8, ptr %src, i64 %j
  %bd = getelementptr i8, ptr %dst, i64 %j
  %b = load i8, ptr %bs
  store i8 %b, ptr %bd
  %j.next = add i64 %j, 1
  br label %bytes_check

; Backward, byte by byte (rare: only overlapping moves towards higher addresses).
back_loop_check:
  %k = phi i64 [ %n, %entry ], [ %k.prev, %back_loop ]
  %back_more = icmp ne i64 %k, 0
  br i1 %back_more, label %back_loop, label %done
back_loop:
  %k.prev = sub i64 %k, 1
  %rs = getelementptr i8, ptr %src, i64 %k.prev
  %rd = getelementptr i8, ptr %dst, i64 %k.prev
  %rb = load i8, ptr %rs
  store i8 %rb, ptr %rd
  br label %back_loop_check

done:
  ret void
}

; Fills %n bytes with the low byte of %byte.
define void @set_bytes(ptr %dst, i64 %byte, i64 %n) #0 {
entry:
  %v = trunc i64 %byte to i8
  br label %check
check:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %more = icmp ult i64 %i, %n
  br i1 %more, label %body, label %done
body:
  %p = getelementptr i8, ptr %dst, i64 %i
  store i8 %v, ptr %p
  %i.next = add i64 %i, 1
  br label %check
done:
  ret void
}

; Compares %n bytes as unsigned values: <0 if a sorts first, 0 if equal, >0 if b sorts first.
define i64 @compare_bytes(ptr %a, ptr %b, i64 %n) #0 {
entry:
  br label %check
check:
  %i = phi i64 [ 0, %entry ], [ %i.next, %same ]
  %more = icmp ult i64 %i, %n
  br i1 %more, label %body, label %equal
body:
  %pa = getelementptr i8, ptr %a, i64 %i
  %pb = getelementptr i8, ptr %b, i64 %i
  %ca = load i8, ptr %pa
  %cb = load i8, ptr %pb
  %i.next = add i64 %i, 1
  %eq = icmp eq i8 %ca, %cb
  br i1 %eq, label %same, label %differ
same:
  br label %check
differ:
  %wa = zext i8 %ca to i64
  %wb = zext i8 %cb to i64
  %diff = sub i64 %wa, %wb
  ret i64 %diff
equal:
  ret i64 0
}

attributes #0 = { nounwind "no-builtins" }
