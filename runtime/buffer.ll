;===- runtime/buffer.ll - a growable byte buffer with sticky errors -----===;
; The builder pattern: append, append, append, then check once. Every append returns the new length,
; or -1 once any append has failed (allocation failure or a null buffer); the failure is sticky, so
; later appends and buf_len also return -1 and a caller never sends a response with a hole in it.
; buf_reset clears the contents and the failure.

; struct Buffer { ptr data; i64 len; i64 cap; i64 failed }
%Buffer = type { ptr, i64, i64, i64 }

declare ptr @mem_alloc(i64)
declare void @mem_free(ptr)
declare ptr @mem_realloc(ptr, i64)
declare void @copy_bytes(ptr, ptr, i64)
declare i64 @str_len(ptr)
declare i64 @format_i64(i64, ptr, i64)

; A buffer with room for %capacity bytes (at least 16); null if memory is exhausted.
define ptr @buf_new(i64 %capacity) #0 {
entry:
  %small = icmp ult i64 %capacity, 16
  %cap = select i1 %small, i64 16, i64 %capacity
  %b = call ptr @mem_alloc(i64 32)
  %no_header = icmp eq ptr %b, null
  br i1 %no_header, label %fail, label %alloc_data
alloc_data:
  %data = call ptr @mem_alloc(i64 %cap)
  %no_data = icmp eq ptr %data, null
  br i1 %no_data, label %fail_free, label %init
init:
  store %Buffer { ptr null, i64 0, i64 0, i64 0 }, ptr %b
  store ptr %data, ptr %b
  %cap_slot = getelementptr %Buffer, ptr %b, i64 0, i32 2
  store i64 %cap, ptr %cap_slot
  ret ptr %b
fail_free:
  call void @mem_free(ptr %b)
  br label %fail
fail:
  ret ptr null
}

define void @buf_free(ptr %b) #0 {
entry:
  %is_null = icmp eq ptr %b, null
  br i1 %is_null, label %done, label %release
release:
  %data = load ptr, ptr %b
  call void @mem_free(ptr %data)
  call void @mem_free(ptr %b)
  br label %done
done:
  ret void
}

; Empties the buffer and clears a failure; keeps the allocation.
define void @buf_reset(ptr %b) #0 {
entry:
  %is_null = icmp eq ptr %b, null
  br i1 %is_null, label %done, label %clear
clear:
  %len_slot = getelementptr %Buffer, ptr %b, i64 0, i32 1
  store i64 0, ptr %len_slot
  %failed_slot = getelementptr %Buffer, ptr %b, i64 0, i32 3
  store i64 0, ptr %failed_slot
  br label %done
done:
  ret void
}

define ptr @buf_data(ptr %b) #0 {
entry:
  %is_null = icmp eq ptr %b, null
  br i1 %is_null, label %none, label %some
none:
  ret ptr null
some:
  %data = load ptr, ptr %b
  ret ptr %data
}

; Bytes held, or -1 if an append has failed since the last reset (or b is null).
define i64 @buf_len(ptr %b) #0 {
entry:
  %is_null = icmp eq ptr %b, null
  br i1 %is_null, label %bad, label %check
check:
  %failed_slot = getelementptr %Buffer, ptr %b, i64 0, i32 3
  %failed = load i64, ptr %failed_slot
  %has_failed = icmp ne i64 %failed, 0
  br i1 %has_failed, label %bad, label %good
good:
  %len_slot = getelementptr %Buffer, ptr %b, i64 0, i32 1
  %len = load i64, ptr %len_slot
  ret i64 %len
bad:
  ret i64 -1
}

define internal void @buf_mark_failed(ptr %b) #0 {
entry:
  %is_null = icmp eq ptr %b, null
  br i1 %is_null, label %done, label %mark
mark:
  %failed_slot = getelementptr %Buffer, ptr %b, i64 0, i32 3
  store i64 1, ptr %failed_slot
  br label %done
done:
  ret void
}

; Makes room for %extra more bytes, doubling the capacity. Returns 0, or -1 after marking the buffer
; failed.
define internal i64 @buf_reserve(ptr %b, i64 %extra) #0 {
entry:
  %len_slot = getelementptr %Buffer, ptr %b, i64 0, i32 1
  %cap_slot = getelementptr %Buffer, ptr %b, i64 0, i32 2
  %len = load i64, ptr %len_slot
  %cap = load i64, ptr %cap_slot
  %need = add i64 %len, %extra
  %wrapped = icmp ult i64 %need, %len
  br i1 %wrapped, label %fail, label %compare
compare:
  %enough = icmp ule i64 %need, %cap
  br i1 %enough, label %ok, label %grow
grow:
  %doubled = shl i64 %cap, 1
  %short = icmp ult i64 %doubled, %need
  %new_cap = select i1 %short, i64 %need, i64 %doubled
  %data = load ptr, ptr %b
  %new_data = call ptr @mem_realloc(ptr %data, i64 %new_cap)
  %no_data = icmp eq ptr %new_data, null
  br i1 %no_data, label %fail, label %grown
grown:
  store ptr %new_data, ptr %b
  store i64 %new_cap, ptr %cap_slot
  br label %ok
ok:
  ret i64 0
fail:
  call void @buf_mark_failed(ptr %b)
  ret i64 -1
}

; Appends data[0..len); returns the new length or -1.
define i64 @buf_append(ptr %b, ptr %data, i64 %len) #0 {
entry:
  %state = call i64 @buf_len(ptr %b)
  %bad = icmp slt i64 %state, 0
  br i1 %bad, label %fail, label %reserve
reserve:
  %r = call i64 @buf_reserve(ptr %b, i64 %len)
  %no_room = icmp slt i64 %r, 0
  br i1 %no_room, label %fail, label %copy
copy:
  %base = load ptr, ptr %b
  %at = getelementptr i8, ptr %base, i64 %state
  call void @copy_bytes(ptr %at, ptr %data, i64 %len)
  %new_len = add i64 %state, %len
  %len_slot = getelementptr %Buffer, ptr %b, i64 0, i32 1
  store i64 %new_len, ptr %len_slot
  ret i64 %new_len
fail:
  ret i64 -1
}

; Appends a NUL-terminated string (without its NUL).
define i64 @buf_append_str(ptr %b, ptr %s) #0 {
entry:
  %is_null = icmp eq ptr %s, null
  br i1 %is_null, label %fail, label %append
append:
  %n = call i64 @str_len(ptr %s)
  %r = call i64 @buf_append(ptr %b, ptr %s, i64 %n)
  ret i64 %r
fail:
  ; A null string is a caller bug: fail the buffer rather than silently drop text.
  call void @buf_mark_failed(ptr %b)
  ret i64 -1
}

; Appends one byte (the low byte of %byte).
define i64 @buf_append_byte(ptr %b, i64 %byte) #0 {
entry:
  %cell = alloca i8
  %v = trunc i64 %byte to i8
  store i8 %v, ptr %cell
  %r = call i64 @buf_append(ptr %b, ptr %cell, i64 1)
  ret i64 %r
}

; Appends %value in decimal.
define i64 @buf_append_i64(ptr %b, i64 %value) #0 {
entry:
  %digits = alloca [20 x i8]
  %n = call i64 @format_i64(i64 %value, ptr %digits, i64 20)
  %r = call i64 @buf_append(ptr %b, ptr %digits, i64 %n)
  ret i64 %r
}

attributes #0 = { nounwind "no-builtins" }
