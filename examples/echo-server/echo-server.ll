;===- examples/echo-server/echo-server.ll - TCP echo on the runtime ------===;
; usage: echo-server PORT [CONNECTIONS]
; Listens on 0.0.0.0:PORT and serves connections one after another, writing back every byte it
; reads until the client closes. With CONNECTIONS it exits 0 after serving that many; otherwise it
; runs until killed. Exit 2 on bad arguments, 1 if it cannot listen or accept.

@usage = private unnamed_addr constant [39 x i8] c"usage: echo-server PORT [CONNECTIONS]\0A\00"
@listen_failed = private unnamed_addr constant [41 x i8] c"echo-server: cannot listen on that port\0A\00"
@listening = private unnamed_addr constant [32 x i8] c"echo-server: listening on port \00"
@newline = private unnamed_addr constant [2 x i8] c"\0A\00"

declare i64 @str_len(ptr)
declare i64 @parse_i64(ptr, i64, ptr)
declare i64 @print_str(ptr)
declare i64 @print_i64(i64)
declare i64 @eprint_str(ptr)
declare i64 @write_all(i64, ptr, i64)
declare ptr @mem_alloc(i64)
declare i64 @tcp_listen(i64, i64)
declare i64 @tcp_accept(i64)
declare i64 @sys_read(i64, ptr, i64)
declare i64 @sys_close(i64)

; Parses a whole NUL-terminated argument as a non-negative integer; -1 if it is not one.
define internal i64 @parse_arg(ptr %arg) {
entry:
  %value = alloca i64
  %len = call i64 @str_len(ptr %arg)
  %used = call i64 @parse_i64(ptr %arg, i64 %len, ptr %value)
  %whole = icmp eq i64 %used, %len
  %some = icmp sgt i64 %len, 0
  %ok = and i1 %whole, %some
  br i1 %ok, label %check_sign, label %bad
check_sign:
  %v = load i64, ptr %value
  %negative = icmp slt i64 %v, 0
  br i1 %negative, label %bad, label %good
good:
  ret i64 %v
bad:
  ret i64 -1
}

; Echoes one connection until the client closes it or an error occurs, then closes it.
define internal void @echo_connection(i64 %fd, ptr %buf) {
entry:
  br label %read
read:
  %n = call i64 @sys_read(i64 %fd, ptr %buf, i64 4096)
  %eintr = icmp eq i64 %n, -4
  br i1 %eintr, label %read, label %got
got:
  %has_data = icmp sgt i64 %n, 0
  br i1 %has_data, label %write, label %done
write:
  %w = call i64 @write_all(i64 %fd, ptr %buf, i64 %n)
  %write_failed = icmp slt i64 %w, 0
  br i1 %write_failed, label %done, label %read
done:
  %c = call i64 @sys_close(i64 %fd)
  ret void
}

define i64 @semcom_main(i64 %argc, ptr %argv) {
entry:
  %too_few = icmp slt i64 %argc, 2
  br i1 %too_few, label %usage_error, label %port_arg
port_arg:
  %port_slot = getelementptr ptr, ptr %argv, i64 1
  %port_str = load ptr, ptr %port_slot
  %port = call i64 @parse_arg(ptr %port_str)
  %bad_port = icmp sgt i64 %port, 65535
  %no_port = icmp slt i64 %port, 0
  %port_invalid = or i1 %bad_port, %no_port
  br i1 %port_invalid, label %usage_error, label %limit_arg
limit_arg:
  ; -1: serve forever.
  %has_limit = icmp sge i64 %argc, 3
  br i1 %has_limit, label %parse_limit, label %listen
parse_limit:
  %limit_slot = getelementptr ptr, ptr %argv, i64 2
  %limit_str = load ptr, ptr %limit_slot
  %limit_parsed = call i64 @parse_arg(ptr %limit_str)
  %bad_limit = icmp slt i64 %limit_parsed, 0
  br i1 %bad_limit, label %usage_error, label %listen
listen:
  %limit = phi i64 [ -1, %limit_arg ], [ %limit_parsed, %parse_limit ]
  %lfd = call i64 @tcp_listen(i64 %port, i64 128)
  %listen_error = icmp slt i64 %lfd, 0
  br i1 %listen_error, label %cannot_listen, label %announce
announce:
  %p1 = call i64 @print_str(ptr @listening)
  %p2 = call i64 @print_i64(i64 %port)
  %p3 = call i64 @print_str(ptr @newline)
  %buf = call ptr @mem_alloc(i64 4096)
  %no_buf = icmp eq ptr %buf, null
  br i1 %no_buf, label %failed, label %serve
serve:
  %served = phi i64 [ 0, %announce ], [ %served.next, %echo ]
  %enough = icmp eq i64 %served, %limit
  br i1 %enough, label %finished, label %accept
accept:
  %fd = call i64 @tcp_accept(i64 %lfd)
  %accept_error = icmp slt i64 %fd, 0
  br i1 %accept_error, label %failed, label %echo
echo:
  call void @echo_connection(i64 %fd, ptr %buf)
  %served.next = add i64 %served, 1
  br label %serve
finished:
  %c = call i64 @sys_close(i64 %lfd)
  ret i64 0
usage_error:
  %u = call i64 @eprint_str(ptr @usage)
  ret i64 2
cannot_listen:
  %e1 = call i64 @eprint_str(ptr @listen_failed)
  ret i64 1
failed:
  ret i64 1
}
