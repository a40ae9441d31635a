;===- runtime/net.ll - TCP listen and accept on IPv4 and IPv6 ------------===;
; A listening socket in one call, with the steps servers forget (SO_REUSEADDR so a restarted server
; can bind at once; closing the socket when a later step fails). Constants are Linux's generic
; values, the same on x86_64 and aarch64: AF_INET 2, AF_INET6 10, SOCK_STREAM 1, SOL_SOCKET 1,
; SO_REUSEADDR 2, IPPROTO_IPV6 41, IPV6_V6ONLY 26.

declare i64 @sys_socket(i64, i64, i64)
declare i64 @sys_setsockopt(i64, i64, i64, ptr, i64)
declare i64 @sys_bind(i64, ptr, i64)
declare i64 @sys_listen(i64, i64)
declare i64 @sys_accept(i64, ptr, ptr)
declare i64 @sys_close(i64)

; struct sockaddr_in { u16 family; u16 port (big-endian); u32 addr (big-endian); u8 zero[8] }
%SockaddrIn = type { i16, i16, i32, [8 x i8] }
; struct sockaddr_in6 { u16 family; u16 port (big-endian); u32 flowinfo; u8 addr[16]; u32 scope_id }
%SockaddrIn6 = type { i16, i16, i32, [16 x i8], i32 }

; Opens a socket of %domain, sets its options, binds it to %addr and listens. Returns the fd or a
; negative errno; the socket is closed on failure.
define internal i64 @tcp_listen_on(i64 %domain, ptr %addr, i64 %addrlen, i64 %backlog) #0 {
entry:
  %one = alloca i32
  %zero = alloca i32
  store i32 1, ptr %one
  store i32 0, ptr %zero
  %fd = call i64 @sys_socket(i64 %domain, i64 1, i64 0)
  %no_socket = icmp slt i64 %fd, 0
  br i1 %no_socket, label %return_fd, label %reuse
reuse:
  %r_opt = call i64 @sys_setsockopt(i64 %fd, i64 1, i64 2, ptr %one, i64 4)
  %opt_failed = icmp slt i64 %r_opt, 0
  br i1 %opt_failed, label %close_fail, label %family
family:
  %is_v6 = icmp eq i64 %domain, 10
  br i1 %is_v6, label %dual_stack, label %bind
dual_stack:
  ; An IPv6 listener also takes IPv4 clients (as ::ffff:a.b.c.d) whatever the system default is.
  %r_v6 = call i64 @sys_setsockopt(i64 %fd, i64 41, i64 26, ptr %zero, i64 4)
  %v6_failed = icmp slt i64 %r_v6, 0
  br i1 %v6_failed, label %close_fail, label %bind
bind:
  %r_bind = call i64 @sys_bind(i64 %fd, ptr %addr, i64 %addrlen)
  %bind_failed = icmp slt i64 %r_bind, 0
  br i1 %bind_failed, label %close_fail, label %listen
listen:
  %r_listen = call i64 @sys_listen(i64 %fd, i64 %backlog)
  %listen_failed = icmp slt i64 %r_listen, 0
  br i1 %listen_failed, label %close_fail, label %return_fd
close_fail:
  %err = phi i64 [ %r_opt, %reuse ], [ %r_v6, %dual_stack ], [ %r_bind, %bind ], [ %r_listen, %listen ]
  %r_close = call i64 @sys_close(i64 %fd)
  ret i64 %err
return_fd:
  ret i64 %fd
}

; Listens on 0.0.0.0:%port. Returns the socket fd, or a negative errno (also for a port outside
; 0..65535: -22, EINVAL). Port 0 lets the kernel pick one.
define i64 @tcp_listen(i64 %port, i64 %backlog) #0 {
entry:
  %bad_port = icmp ugt i64 %port, 65535
  br i1 %bad_port, label %einval, label %bind
bind:
  %addr = alloca %SockaddrIn
  %port16 = trunc i64 %port to i16
  %port_be = call i16 @llvm.bswap.i16(i16 %port16)
  store %SockaddrIn { i16 2, i16 0, i32 0, [8 x i8] zeroinitializer }, ptr %addr
  %port_slot = getelementptr %SockaddrIn, ptr %addr, i64 0, i32 1
  store i16 %port_be, ptr %port_slot
  %fd = call i64 @tcp_listen_on(i64 2, ptr %addr, i64 16, i64 %backlog)
  ret i64 %fd
einval:
  ret i64 -22
}

; Listens on [::]:%port, taking IPv6 and IPv4 clients. Same results as tcp_listen; where IPv6 is
; disabled, socket() fails with -97 (EAFNOSUPPORT).
define i64 @tcp_listen6(i64 %port, i64 %backlog) #0 {
entry:
  %bad_port = icmp ugt i64 %port, 65535
  br i1 %bad_port, label %einval, label %bind
bind:
  %addr = alloca %SockaddrIn6
  %port16 = trunc i64 %port to i16
  %port_be = call i16 @llvm.bswap.i16(i16 %port16)
  store %SockaddrIn6 { i16 10, i16 0, i32 0, [16 x i8] zeroinitializer, i32 0 }, ptr %addr
  %port_slot = getelementptr %SockaddrIn6, ptr %addr, i64 0, i32 1
  store i16 %port_be, ptr %port_slot
  %fd = call i64 @tcp_listen_on(i64 10, ptr %addr, i64 28, i64 %backlog)
  ret i64 %fd
einval:
  ret i64 -22
}

; Accepts one connection. Returns its fd or a negative errno. EINTR (-4) and ECONNABORTED (-103, a
; client that gave up while queued) are retried: neither says anything about the listening socket.
define i64 @tcp_accept(i64 %listen_fd) #0 {
entry:
  br label %again
again:
  %fd = call i64 @sys_accept(i64 %listen_fd, ptr null, ptr null)
  %eintr = icmp eq i64 %fd, -4
  %aborted = icmp eq i64 %fd, -103
  %retry = or i1 %eintr, %aborted
  br i1 %retry, label %again, label %done
done:
  ret i64 %fd
}

declare i16 @llvm.bswap.i16(i16)

attributes #0 = { nounwind "no-builtins" }
