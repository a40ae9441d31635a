;===- runtime/io.ll - whole writes and printing --------------------------===;
; write(2) may write less than asked (pipes, sockets, signals); write_all loops until everything is
; written, so callers need one check instead of a retry loop each.

declare i64 @sys_write(i64, ptr, i64)
declare i64 @str_len(ptr)
declare i64 @format_i64(i64, ptr, i64)

; Writes data[0..len) to fd. Returns len, or the negative errno of the write that failed. EINTR (-4)
; is retried.
define i64 @write_all(i64 %fd, ptr %data, i64 %len) #0 {
entry:
  br label %check
check:
  %done = phi i64 [ 0, %entry ], [ %done, %interrupted ], [ %done.next, %progress ]
  %more = icmp ult i64 %done, %len
  br i1 %more, label %write, label %finished
write:
  %at = getelementptr i8, ptr %data, i64 %done
  %left = sub i64 %len, %done
  %n = call i64 @sys_write(i64 %fd, ptr %at, i64 %left)
  %ok = icmp sgt i64 %n, 0
  br i1 %ok, label %progress, label %not_written
progress:
  %done.next = add i64 %done, %n
  br label %check
not_written:
  %eintr = icmp eq i64 %n, -4
  br i1 %eintr, label %interrupted, label %error
interrupted:
  br label %check
error:
  ; write returning 0 for a non-empty request would loop forever; report it as EIO (-5).
  %zero = icmp eq i64 %n, 0
  %err = select i1 %zero, i64 -5, i64 %n
  ret i64 %err
finished:
  ret i64 %len
}

; Writes a NUL-terminated string to stdout; returns what write_all returns.
define i64 @print_str(ptr %s) #0 {
entry:
  %n = call i64 @str_len(ptr %s)
  %r = call i64 @write_all(i64 1, ptr %s, i64 %n)
  ret i64 %r
}

; Writes a NUL-terminated string to stderr.
define i64 @eprint_str(ptr %s) #0 {
entry:
  %n = call i64 @str_len(ptr %s)
  %r = call i64 @write_all(i64 2, ptr %s, i64 %n)
  ret i64 %r
}

; Writes %value in decimal to stdout.
define i64 @print_i64(i64 %value) #0 {
entry:
  %digits = alloca [20 x i8]
  %n = call i64 @format_i64(i64 %value, ptr %digits, i64 20)
  %r = call i64 @write_all(i64 1, ptr %digits, i64 %n)
  ret i64 %r
}

attributes #0 = { nounwind "no-builtins" }
