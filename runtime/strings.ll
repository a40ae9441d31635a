;===- runtime/strings.ll - string length, equality, search, integers ----===;
; Helpers for NUL-terminated strings and for (pointer, length) byte strings, plus decimal integer
; parsing and formatting, which programs otherwise hand-roll (and get wrong at INT64_MIN).

declare i64 @compare_bytes(ptr, ptr, i64)

; Bytes before the terminating NUL.
define i64 @str_len(ptr %s) #0 {
entry:
  br label %check
check:
  %i = phi i64 [ 0, %entry ], [ %i.next, %check ]
  %p = getelementptr i8, ptr %s, i64 %i
  %c = load i8, ptr %p
  %i.next = add i64 %i, 1
  %end = icmp eq i8 %c, 0
  br i1 %end, label %done, label %check
done:
  ret i64 %i
}

; 1 if the two NUL-terminated strings are equal, else 0.
define i64 @str_eq(ptr %a, ptr %b) #0 {
entry:
  br label %check
check:
  %i = phi i64 [ 0, %entry ], [ %i.next, %same ]
  %pa = getelementptr i8, ptr %a, i64 %i
  %pb = getelementptr i8, ptr %b, i64 %i
  %ca = load i8, ptr %pa
  %cb = load i8, ptr %pb
  %eq = icmp eq i8 %ca, %cb
  br i1 %eq, label %same, label %differ
same:
  %i.next = add i64 %i, 1
  %end = icmp eq i8 %ca, 0
  br i1 %end, label %equal, label %check
equal:
  ret i64 1
differ:
  ret i64 0
}

; Index of the first occurrence of needle in hay, or -1. An empty needle is found at 0.
define i64 @str_find(ptr %hay, i64 %hay_len, ptr %needle, i64 %needle_len) #0 {
entry:
  %too_long = icmp ugt i64 %needle_len, %hay_len
  br i1 %too_long, label %not_found, label %start
start:
  %last = sub i64 %hay_len, %needle_len      ; last index where the needle still fits
  br label %check
check:
  %i = phi i64 [ 0, %start ], [ %i.next, %next ]
  %in_range = icmp ule i64 %i, %last
  br i1 %in_range, label %try, label %not_found
try:
  %at = getelementptr i8, ptr %hay, i64 %i
  %cmp = call i64 @compare_bytes(ptr %at, ptr %needle, i64 %needle_len)
  %hit = icmp eq i64 %cmp, 0
  br i1 %hit, label %found, label %next
next:
  %i.next = add i64 %i, 1
  br label %check
found:
  ret i64 %i
not_found:
  ret i64 -1
}

; Parses an optional sign and decimal digits from the start of s[0..len). Stores the value in *out
; and returns the bytes consumed; returns -1 (out untouched) when there are no digits or the value
; does not fit in i64. Parsing stops at the first non-digit.
define i64 @parse_i64(ptr %s, i64 %len, ptr %out) #0 {
entry:
  %empty = icmp eq i64 %len, 0
  br i1 %empty, label %fail, label %sign
sign:
  %c0 = load i8, ptr %s
  %is_minus = icmp eq i8 %c0, 45          ; '-'
  %is_plus = icmp eq i8 %c0, 43           ; '+'
  %has_sign = or i1 %is_minus, %is_plus
  %first = zext i1 %has_sign to i64
  ; The magnitude may reach 2^63 for a negative number, 2^63-1 otherwise.
  %limit = select i1 %is_minus, i64 -9223372036854775808, i64 9223372036854775807
  br label %check
check:
  %i = phi i64 [ %first, %sign ], [ %i.next, %accumulate ]
  %acc = phi i64 [ 0, %sign ], [ %acc.next, %accumulate ]
  %more = icmp ult i64 %i, %len
  br i1 %more, label %digit, label %finish
digit:
  %p = getelementptr i8, ptr %s, i64 %i
  %c = load i8, ptr %p
  %d8 = sub i8 %c, 48
  %is_digit = icmp ult i8 %d8, 10
  br i1 %is_digit, label %overflow_check, label %finish
overflow_check:
  ; acc * 10 + d <= limit  <=>  acc <= (limit - d) / 10, in unsigned arithmetic.
  %d = zext i8 %d8 to i64
  %room = sub i64 %limit, %d
  %max_acc = udiv i64 %room, 10
  %fits = icmp ule i64 %acc, %max_acc
  br i1 %fits, label %accumulate, label %fail
accumulate:
  %acc10 = mul i64 %acc, 10
  %acc.next = add i64 %acc10, %d
  %i.next = add i64 %i, 1
  br label %check
finish:
  %no_digits = icmp eq i64 %i, %first
  br i1 %no_digits, label %fail, label %store
store:
  %negated = sub i64 0, %acc
  %value = select i1 %is_minus, i64 %negated, i64 %acc
  store i64 %value, ptr %out
  ret i64 %i
fail:
  ret i64 -1
}

; Writes value in decimal to out[0..out_size) without a terminating NUL. Returns the bytes written,
; or -1 (nothing written) if they do not fit.
define i64 @format_i64(i64 %value, ptr %out, i64 %out_size) #0 {
entry:
  ; Digits are produced backwards into a scratch buffer: 20 bytes hold "-9223372036854775808".
  %scratch = alloca [20 x i8]
  %negative = icmp slt i64 %value, 0
  %negated = sub i64 0, %value
  %magnitude = select i1 %negative, i64 %negated, i64 %value   ; unsigned: INT64_MIN stays 2^63
  br label %digits
digits:
  %pos = phi i64 [ 20, %entry ], [ %pos.next, %digits ]
  %m = phi i64 [ %magnitude, %entry ], [ %m.next, %digits ]
  %pos.next = sub i64 %pos, 1
  %m.next = udiv i64 %m, 10
  %rem = urem i64 %m, 10
  %rem8 = trunc i64 %rem to i8
  %ch = add i8 %rem8, 48
  %slot = getelementptr i8, ptr %scratch, i64 %pos.next
  store i8 %ch, ptr %slot
  %more = icmp ne i64 %m.next, 0
  br i1 %more, label %digits, label %sign
sign:
  %minus_pos = sub i64 %pos.next, 1
  %minus_slot = getelementptr i8, ptr %scratch, i64 %minus_pos
  br i1 %negative, label %put_minus, label %measure
put_minus:
  store i8 45, ptr %minus_slot
  br label %measure
measure:
  %start = phi i64 [ %pos.next, %sign ], [ %minus_pos, %put_minus ]
  %count = sub i64 20, %start
  %fits = icmp ule i64 %count, %out_size
  br i1 %fits, label %copy, label %fail
copy:
  %i = phi i64 [ 0, %measure ], [ %i.next, %copy ]
  %from_index = add i64 %start, %i
  %from = getelementptr i8, ptr %scratch, i64 %from_index
  %to = getelementptr i8, ptr %out, i64 %i
  %b = load i8, ptr %from
  store i8 %b, ptr %to
  %i.next = add i64 %i, 1
  %copied = icmp eq i64 %i.next, %count
  br i1 %copied, label %done, label %copy
done:
  ret i64 %count
fail:
  ret i64 -1
}

attributes #0 = { nounwind "no-builtins" }
