;===- http_server.ll - single-threaded epoll HTTP/1.1 server loop --------===;
;
; Serves a route table (runtime/http.ll) on a TCP port. One thread, one epoll set, non-blocking
; sockets and a per-connection state slot, so a client that sends one byte a second (slowloris)
; holds only its own slot while every other client is served; a connection that has not delivered
; a whole request within http_timeout_ms is closed. Memory is fixed up front: one region of
; SRV_SLOT-byte slots indexed by file descriptor, mapped with MAP_NORESERVE so only slots in use
; cost resident pages, and one response buffer. Responses that the socket cannot take at once are
; the only heap use (mem_alloc), freed when sent. Refused requests (400/413/414/431/501) get their
; status, then the connection is shut down for writing and drained before it closes, so the client
; reads the status instead of a reset.
;
; Runtime functions used: sys_* (socket, setsockopt, bind, listen, accept4, read, sendto,
; shutdown, close, mmap, clock_gettime, epoll_*), mem_alloc, mem_free, copy_bytes; from http.ll
; http_parse_request, http_respond, http_error_response, http_req_keep_alive.
;
;===----------------------------------------------------------------------===;

declare i64 @sys_socket(i64, i64, i64)
declare i64 @sys_setsockopt(i64, i64, i64, ptr, i64)
declare i64 @sys_bind(i64, ptr, i64)
declare i64 @sys_listen(i64, i64)
declare i64 @sys_accept4(i64, ptr, ptr, i64)
declare i64 @sys_read(i64, ptr, i64)
declare i64 @sys_sendto(i64, ptr, i64, i64, ptr, i64)
declare i64 @sys_shutdown(i64, i64)
declare i64 @sys_close(i64)
declare i64 @sys_mmap(ptr, i64, i64, i64, i64, i64)
declare i64 @sys_clock_gettime(i64, ptr)
declare i64 @sys_epoll_create1(i64)
declare i64 @sys_epoll_ctl(i64, i64, i64, ptr)
declare i64 @sys_epoll_wait(i64, ptr, i64, i64)
declare ptr @mem_alloc(i64)
declare void @mem_free(ptr)
declare void @copy_bytes(ptr, ptr, i64)
declare i64 @http_parse_request(ptr, i64, ptr)
declare i64 @http_respond(ptr, ptr, ptr, i64, ptr)
declare i64 @http_error_response(i64, ptr, i64, ptr)
declare i64 @http_req_keep_alive(ptr)
declare i64 @http_req_head_len(ptr)
declare i64 @http_req_expects_continue(ptr)
declare i16 @llvm.bswap.i16(i16)

; From runtime/arch/<arch>/syscalls.ll: how this kernel lays out struct epoll_event.
@SYS_EPOLL_EVENT_SIZE = external constant i64
@SYS_EPOLL_EVENT_DATA_OFFSET = external constant i64

; Milliseconds a connection may take to deliver a whole request (from accept or from the previous
; response) before it is closed. Programs may change it before http_serve.
@http_timeout_ms = global i64 10000

; Connection slot: 128 bytes of state, then the input buffer (must hold HTTP_MAX_HEAD +
; HTTP_MAX_BODY). State fields (i64 at byte offsets):
;   0 state (0 free, 1 reading, 2 writing a pending response, 3 draining before close)
;   8 input length  16 deadline (ms)  24 pending buffer  32 pending length  40 pending offset
;   48 close after the pending response is sent  56 "100 Continue" sent for the current request
@SRV_SLOT = private constant i64 32768
@SRV_SLOT_HEADER = private constant i64 128
@SRV_MAX_FDS = private constant i64 4096
@SRV_OUT_SIZE = private constant i64 131072
@SRV_DRAIN_MS = private constant i64 2000
@SRV_MAX_EVENTS = private constant i64 64

@srv_continue = private constant [25 x i8] c"HTTP/1.1 100 Continue\0D\0A\0D\0A"
@srv_slots = internal global ptr null
@srv_out = internal global ptr null
@srv_table = internal global ptr null
@srv_epfd = internal global i64 -1
@srv_listen_fd = internal global i64 -1
@srv_listen_paused = internal global i1 false
@srv_now = internal global i64 0
@srv_max_fd = internal global i64 0
@srv_req = internal global [144 x i8] zeroinitializer, align 8

@srv_started_ms = internal global i64 0
@srv_requests = internal global i64 0
@srv_refused = internal global i64 0
@srv_accepted = internal global i64 0
@srv_open = internal global i64 0

;===----------------------------------------------------------------------===;
; Statistics for handlers (e.g. an HTMX stats fragment)
;===----------------------------------------------------------------------===;

define i64 @http_server_requests() #0 {
entry:
  %v = load i64, ptr @srv_requests
  ret i64 %v
}
define i64 @http_server_refused() #0 {
entry:
  %v = load i64, ptr @srv_refused
  ret i64 %v
}
define i64 @http_server_accepted() #0 {
entry:
  %v = load i64, ptr @srv_accepted
  ret i64 %v
}
define i64 @http_server_connections() #0 {
entry:
  %v = load i64, ptr @srv_open
  ret i64 %v
}
define i64 @http_server_uptime_ms() #0 {
entry:
  %now = call i64 @srv_clock_ms()
  %start = load i64, ptr @srv_started_ms
  %up = sub i64 %now, %start
  ret i64 %up
}

;===----------------------------------------------------------------------===;
; Helpers
;===----------------------------------------------------------------------===;

define internal i64 @srv_clock_ms() #0 {
entry:
  %ts = alloca [2 x i64]
  %r = call i64 @sys_clock_gettime(i64 1, ptr %ts) ; CLOCK_MONOTONIC
  %sec = load i64, ptr %ts
  %nsp = getelementptr [2 x i64], ptr %ts, i64 0, i64 1
  %nsec = load i64, ptr %nsp
  %ms = mul i64 %sec, 1000
  %ns_ms = udiv i64 %nsec, 1000000
  %t = add i64 %ms, %ns_ms
  ret i64 %t
}

define internal ptr @srv_slot(i64 %fd) #0 {
entry:
  %base = load ptr, ptr @srv_slots
  %size = load i64, ptr @SRV_SLOT
  %off = mul i64 %fd, %size
  %p = getelementptr i8, ptr %base, i64 %off
  ret ptr %p
}

define internal ptr @srv_field(ptr %slot, i64 %index) #0 {
entry:
  %p = getelementptr i64, ptr %slot, i64 %index
  ret ptr %p
}

define internal i64 @srv_epoll(i64 %op, i64 %fd, i64 %events) #0 {
entry:
  %ev = alloca [16 x i8], align 8
  call void @llvm.memset.p0.i64(ptr %ev, i8 0, i64 16, i1 false)
  %e32 = trunc i64 %events to i32
  store i32 %e32, ptr %ev, align 4
  %doff = load i64, ptr @SYS_EPOLL_EVENT_DATA_OFFSET
  %dp = getelementptr i8, ptr %ev, i64 %doff
  store i64 %fd, ptr %dp, align 1
  %epfd = load i64, ptr @srv_epfd
  %r = call i64 @sys_epoll_ctl(i64 %epfd, i64 %op, i64 %fd, ptr %ev)
  ret i64 %r
}
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

define internal void @srv_set_deadline(ptr %slot, i64 %after_ms) #0 {
entry:
  %now = load i64, ptr @srv_now
  %d = add i64 %now, %after_ms
  %f = call ptr @srv_field(ptr %slot, i64 2)
  store i64 %d, ptr %f
  ret void
}

;===----------------------------------------------------------------------===;
; Listening
;===----------------------------------------------------------------------===;

; A non-blocking IPv4 listening socket on 0.0.0.0:%port with SO_REUSEADDR; fd or -errno.
define i64 @http_listen(i64 %port, i64 %backlog) #0 {
entry:
  %bad_port = icmp ugt i64 %port, 65535
  br i1 %bad_port, label %einval, label %open
open:
  ; SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC
  %fd = call i64 @sys_socket(i64 2, i64 526337, i64 0)
  %no_socket = icmp slt i64 %fd, 0
  br i1 %no_socket, label %done, label %reuse
reuse:
  %one = alloca i32
  store i32 1, ptr %one
  %r_opt = call i64 @sys_setsockopt(i64 %fd, i64 1, i64 2, ptr %one, i64 4)
  %opt_failed = icmp slt i64 %r_opt, 0
  br i1 %opt_failed, label %fail, label %bind
bind:
  %addr = alloca [16 x i8], align 4
  call void @llvm.memset.p0.i64(ptr %addr, i8 0, i64 16, i1 false)
  store i16 2, ptr %addr
  %port16 = trunc i64 %port to i16
  %port_be = call i16 @llvm.bswap.i16(i16 %port16)
  %pp = getelementptr i8, ptr %addr, i64 2
  store i16 %port_be, ptr %pp
  %r_bind = call i64 @sys_bind(i64 %fd, ptr %addr, i64 16)
  %bind_failed = icmp slt i64 %r_bind, 0
  br i1 %bind_failed, label %fail, label %listen
listen:
  %r_listen = call i64 @sys_listen(i64 %fd, i64 %backlog)
  %listen_failed = icmp slt i64 %r_listen, 0
  br i1 %listen_failed, label %fail, label %done
fail:
  %err = phi i64 [ %r_opt, %reuse ], [ %r_bind, %bind ], [ %r_listen, %listen ]
  %c = call i64 @sys_close(i64 %fd)
  ret i64 %err
done:
  ret i64 %fd
einval:
  ret i64 -22
}

;===----------------------------------------------------------------------===;
; Connections
;===----------------------------------------------------------------------===;

define internal void @srv_close(i64 %fd) #0 {
entry:
  %slot = call ptr @srv_slot(i64 %fd)
  %state_p = call ptr @srv_field(ptr %slot, i64 0)
  store i64 0, ptr %state_p
  %len_p = call ptr @srv_field(ptr %slot, i64 1)
  store i64 0, ptr %len_p
  %pend_p = call ptr @srv_field(ptr %slot, i64 3)
  %pend = load ptr, ptr %pend_p
  %has_pend = icmp ne ptr %pend, null
  br i1 %has_pend, label %free, label %close
free:
  call void @mem_free(ptr %pend)
  store ptr null, ptr %pend_p
  br label %close
close:
  %r = call i64 @sys_close(i64 %fd)
  %open = load i64, ptr @srv_open
  %open1 = sub i64 %open, 1
  store i64 %open1, ptr @srv_open
  ret void
}

; After the last response: stop writing, then read and discard until the client closes (or the
; drain time passes), so unread request bytes do not turn our close into a reset.
define internal void @srv_finish(i64 %fd) #0 {
entry:
  %slot = call ptr @srv_slot(i64 %fd)
  %r = call i64 @sys_shutdown(i64 %fd, i64 1) ; SHUT_WR
  %state_p = call ptr @srv_field(ptr %slot, i64 0)
  store i64 3, ptr %state_p
  %len_p = call ptr @srv_field(ptr %slot, i64 1)
  store i64 0, ptr %len_p
  %drain = load i64, ptr @SRV_DRAIN_MS
  call void @srv_set_deadline(ptr %slot, i64 %drain)
  ret void
}

; Sends data[0..len); what the socket does not take now is kept and sent on EPOLLOUT. With
; %close_after the connection is finished once everything is sent.
define internal void @srv_send(i64 %fd, ptr %data, i64 %len, i64 %close_after) #0 {
entry:
  br label %loop
loop:
  %off = phi i64 [ 0, %entry ], [ %off1, %sent ], [ %off, %retry ]
  %done = icmp sge i64 %off, %len
  br i1 %done, label %all_sent, label %send
send:
  %p = getelementptr i8, ptr %data, i64 %off
  %left = sub i64 %len, %off
  %r = call i64 @sys_sendto(i64 %fd, ptr %p, i64 %left, i64 16384, ptr null, i64 0) ; MSG_NOSIGNAL
  %off1 = add i64 %off, %r
  %ok = icmp sgt i64 %r, 0
  br i1 %ok, label %sent, label %not_sent
sent:
  br label %loop
not_sent:
  %eintr = icmp eq i64 %r, -4
  br i1 %eintr, label %retry, label %not_eintr
retry:
  br label %loop
not_eintr:
  %eagain = icmp eq i64 %r, -11
  br i1 %eagain, label %keep, label %error
error:
  call void @srv_close(i64 %fd)
  ret void
all_sent:
  %close = icmp ne i64 %close_after, 0
  br i1 %close, label %finish, label %return
finish:
  call void @srv_finish(i64 %fd)
  br label %return
return:
  ret void
keep:
  %pend = call ptr @mem_alloc(i64 %left)
  %no_mem = icmp eq ptr %pend, null
  br i1 %no_mem, label %error, label %store
store:
  call void @copy_bytes(ptr %pend, ptr %p, i64 %left)
  %slot = call ptr @srv_slot(i64 %fd)
  %pend_p = call ptr @srv_field(ptr %slot, i64 3)
  store ptr %pend, ptr %pend_p
  %plen_p = call ptr @srv_field(ptr %slot, i64 4)
  store i64 %left, ptr %plen_p
  %poff_p = call ptr @srv_field(ptr %slot, i64 5)
  store i64 0, ptr %poff_p
  %pclose_p = call ptr @srv_field(ptr %slot, i64 6)
  store i64 %close_after, ptr %pclose_p
  %state_p = call ptr @srv_field(ptr %slot, i64 0)
  store i64 2, ptr %state_p
  %m = call i64 @srv_epoll(i64 3, i64 %fd, i64 4) ; EPOLL_CTL_MOD, EPOLLOUT
  ret void
}

; Answers every complete request in the connection's input buffer (pipelining), in order.
define internal void @srv_process(i64 %fd) #0 {
entry:
  %start = alloca ptr
  %slot = call ptr @srv_slot(i64 %fd)
  %state_p = call ptr @srv_field(ptr %slot, i64 0)
  %len_p = call ptr @srv_field(ptr %slot, i64 1)
  %hdr = load i64, ptr @SRV_SLOT_HEADER
  %in = getelementptr i8, ptr %slot, i64 %hdr
  %out = load ptr, ptr @srv_out
  %out_size = load i64, ptr @SRV_OUT_SIZE
  br label %loop
loop:
  %state = load i64, ptr %state_p
  %reading = icmp eq i64 %state, 1
  br i1 %reading, label %have_input, label %done
have_input:
  %len = load i64, ptr %len_p
  %empty = icmp eq i64 %len, 0
  br i1 %empty, label %done, label %parse
parse:
  %used = call i64 @http_parse_request(ptr %in, i64 %len, ptr @srv_req)
  %incomplete = icmp eq i64 %used, 0
  br i1 %incomplete, label %waiting, label %parsed
waiting:
  ; head complete, body still to come: a client that sent "Expect: 100-continue" waits for this
  %head_len = call i64 @http_req_head_len(ptr @srv_req)
  %head_done = icmp sgt i64 %head_len, 0
  %sent_p = call ptr @srv_field(ptr %slot, i64 7)
  %sent = load i64, ptr %sent_p
  %not_sent = icmp eq i64 %sent, 0
  %may = and i1 %head_done, %not_sent
  br i1 %may, label %check_expect, label %done
check_expect:
  %expects = call i64 @http_req_expects_continue(ptr @srv_req)
  %wants = icmp ne i64 %expects, 0
  br i1 %wants, label %send_continue, label %done
send_continue:
  store i64 1, ptr %sent_p
  call void @srv_send(i64 %fd, ptr @srv_continue, i64 25, i64 0)
  br label %done
parsed:
  %refused = icmp slt i64 %used, 0
  br i1 %refused, label %refuse, label %respond
refuse:
  %nref = load i64, ptr @srv_refused
  %nref1 = add i64 %nref, 1
  store i64 %nref1, ptr @srv_refused
  %status = sub i64 0, %used
  %elen = call i64 @http_error_response(i64 %status, ptr %out, i64 %out_size, ptr %start)
  %estart = load ptr, ptr %start
  call void @srv_send(i64 %fd, ptr %estart, i64 %elen, i64 1)
  br label %done
respond:
  %nreq = load i64, ptr @srv_requests
  %nreq1 = add i64 %nreq, 1
  store i64 %nreq1, ptr @srv_requests
  %table = load ptr, ptr @srv_table
  %rlen = call i64 @http_respond(ptr %table, ptr @srv_req, ptr %out, i64 %out_size, ptr %start)
  %keep = call i64 @http_req_keep_alive(ptr @srv_req)
  ; drop the request from the buffer before sending: the response is already in %out
  %rest = sub i64 %len, %used
  %next = getelementptr i8, ptr %in, i64 %used
  call void @copy_bytes(ptr %in, ptr %next, i64 %rest)
  store i64 %rest, ptr %len_p
  %sent_reset_p = call ptr @srv_field(ptr %slot, i64 7)
  store i64 0, ptr %sent_reset_p
  %timeout = load i64, ptr @http_timeout_ms
  call void @srv_set_deadline(ptr %slot, i64 %timeout)
  %rstart = load ptr, ptr %start
  %close = icmp eq i64 %keep, 0
  %close64 = zext i1 %close to i64
  %framed = icmp sgt i64 %rlen, 0
  br i1 %framed, label %send, label %fail
send:
  call void @srv_send(i64 %fd, ptr %rstart, i64 %rlen, i64 %close64)
  br label %loop
fail:
  call void @srv_close(i64 %fd)
  br label %done
done:
  ret void
}

define internal void @srv_readable(i64 %fd) #0 {
entry:
  %slot = call ptr @srv_slot(i64 %fd)
  %state_p = call ptr @srv_field(ptr %slot, i64 0)
  %len_p = call ptr @srv_field(ptr %slot, i64 1)
  %hdr = load i64, ptr @SRV_SLOT_HEADER
  %in = getelementptr i8, ptr %slot, i64 %hdr
  %size = load i64, ptr @SRV_SLOT
  %cap = sub i64 %size, %hdr
  %state = load i64, ptr %state_p
  %draining = icmp eq i64 %state, 3
  br i1 %draining, label %drain, label %read
drain:
  %dr = call i64 @sys_read(i64 %fd, ptr %in, i64 %cap)
  %d_again = icmp eq i64 %dr, -11
  %d_intr = icmp eq i64 %dr, -4
  %d_wait = or i1 %d_again, %d_intr
  br i1 %d_wait, label %done, label %drain_check
drain_check:
  %d_more = icmp sgt i64 %dr, 0
  br i1 %d_more, label %done, label %close
read:
  %len = load i64, ptr %len_p
  %room = sub i64 %cap, %len
  %at = getelementptr i8, ptr %in, i64 %len
  %r = call i64 @sys_read(i64 %fd, ptr %at, i64 %room)
  %again = icmp eq i64 %r, -11
  %intr = icmp eq i64 %r, -4
  %wait = or i1 %again, %intr
  br i1 %wait, label %done, label %got
got:
  %some = icmp sgt i64 %r, 0
  br i1 %some, label %append, label %close
append:
  %len1 = add i64 %len, %r
  store i64 %len1, ptr %len_p
  call void @srv_process(i64 %fd)
  br label %done
close:
  call void @srv_close(i64 %fd)
  br label %done
done:
  ret void
}

define internal void @srv_writable(i64 %fd) #0 {
entry:
  %slot = call ptr @srv_slot(i64 %fd)
  %pend_p = call ptr @srv_field(ptr %slot, i64 3)
  %plen_p = call ptr @srv_field(ptr %slot, i64 4)
  %poff_p = call ptr @srv_field(ptr %slot, i64 5)
  %pend = load ptr, ptr %pend_p
  %plen = load i64, ptr %plen_p
  br label %loop
loop:
  %off = load i64, ptr %poff_p
  %done = icmp sge i64 %off, %plen
  br i1 %done, label %flushed, label %send
send:
  %p = getelementptr i8, ptr %pend, i64 %off
  %left = sub i64 %plen, %off
  %r = call i64 @sys_sendto(i64 %fd, ptr %p, i64 %left, i64 16384, ptr null, i64 0)
  %ok = icmp sgt i64 %r, 0
  br i1 %ok, label %sent, label %not_sent
sent:
  %off1 = add i64 %off, %r
  store i64 %off1, ptr %poff_p
  br label %loop
not_sent:
  %eintr = icmp eq i64 %r, -4
  br i1 %eintr, label %loop, label %not_eintr
not_eintr:
  %eagain = icmp eq i64 %r, -11
  br i1 %eagain, label %wait, label %error
wait:
  ret void
error:
  call void @srv_close(i64 %fd)
  ret void
flushed:
  call void @mem_free(ptr %pend)
  store ptr null, ptr %pend_p
  %state_p = call ptr @srv_field(ptr %slot, i64 0)
  store i64 1, ptr %state_p
  %m = call i64 @srv_epoll(i64 3, i64 %fd, i64 1) ; EPOLL_CTL_MOD, EPOLLIN
  %pclose_p = call ptr @srv_field(ptr %slot, i64 6)
  %pclose = load i64, ptr %pclose_p
  %close = icmp ne i64 %pclose, 0
  br i1 %close, label %finish, label %more
finish:
  call void @srv_finish(i64 %fd)
  ret void
more:
  %timeout = load i64, ptr @http_timeout_ms
  call void @srv_set_deadline(ptr %slot, i64 %timeout)
  call void @srv_process(i64 %fd)
  ret void
}

define internal void @srv_accept() #0 {
entry:
  %lfd = load i64, ptr @srv_listen_fd
  %max = load i64, ptr @SRV_MAX_FDS
  br label %loop
loop:
  ; SOCK_NONBLOCK | SOCK_CLOEXEC
  %fd = call i64 @sys_accept4(i64 %lfd, ptr null, ptr null, i64 526336)
  %eintr = icmp eq i64 %fd, -4
  %aborted = icmp eq i64 %fd, -103
  %retry = or i1 %eintr, %aborted
  br i1 %retry, label %loop, label %check
check:
  %failed = icmp slt i64 %fd, 0
  br i1 %failed, label %failed_accept, label %fits
failed_accept:
  ; Out of descriptors (EMFILE, ENFILE): the listening socket stays readable, so stop watching it
  ; until the next sweep instead of spinning on it.
  %emfile = icmp eq i64 %fd, -24
  %enfile = icmp eq i64 %fd, -23
  %no_fds = or i1 %emfile, %enfile
  br i1 %no_fds, label %pause, label %done
pause:
  %d = call i64 @srv_epoll(i64 2, i64 %lfd, i64 0) ; EPOLL_CTL_DEL
  store i1 true, ptr @srv_listen_paused
  br label %done
fits:
  %too_high = icmp sge i64 %fd, %max
  br i1 %too_high, label %reject, label %admit
reject:
  %c = call i64 @sys_close(i64 %fd)
  br label %loop
admit:
  %slot = call ptr @srv_slot(i64 %fd)
  %state_p = call ptr @srv_field(ptr %slot, i64 0)
  store i64 1, ptr %state_p
  %len_p = call ptr @srv_field(ptr %slot, i64 1)
  store i64 0, ptr %len_p
  %pend_p = call ptr @srv_field(ptr %slot, i64 3)
  store ptr null, ptr %pend_p
  %cont_p = call ptr @srv_field(ptr %slot, i64 7)
  store i64 0, ptr %cont_p
  %timeout = load i64, ptr @http_timeout_ms
  call void @srv_set_deadline(ptr %slot, i64 %timeout)
  %hi = load i64, ptr @srv_max_fd
  %higher = icmp sgt i64 %fd, %hi
  %hi1 = select i1 %higher, i64 %fd, i64 %hi
  store i64 %hi1, ptr @srv_max_fd
  %acc = load i64, ptr @srv_accepted
  %acc1 = add i64 %acc, 1
  store i64 %acc1, ptr @srv_accepted
  %open = load i64, ptr @srv_open
  %open1 = add i64 %open, 1
  store i64 %open1, ptr @srv_open
  %r = call i64 @srv_epoll(i64 1, i64 %fd, i64 1) ; EPOLL_CTL_ADD, EPOLLIN
  %add_failed = icmp slt i64 %r, 0
  br i1 %add_failed, label %drop, label %loop
drop:
  call void @srv_close(i64 %fd)
  br label %loop
done:
  ret void
}

; Closes every connection whose deadline has passed, and watches the listening socket again if
; running out of descriptors paused it.
define internal void @srv_sweep() #0 {
entry:
  %now = load i64, ptr @srv_now
  %hi = load i64, ptr @srv_max_fd
  %paused = load i1, ptr @srv_listen_paused
  br i1 %paused, label %resume, label %loop
resume:
  store i1 false, ptr @srv_listen_paused
  %lfd = load i64, ptr @srv_listen_fd
  %a = call i64 @srv_epoll(i64 1, i64 %lfd, i64 1) ; EPOLL_CTL_ADD, EPOLLIN
  br label %loop
loop:
  %fd = phi i64 [ 0, %entry ], [ 0, %resume ], [ %fd1, %next ]
  %more = icmp sle i64 %fd, %hi
  br i1 %more, label %check, label %done
check:
  %fd1 = add i64 %fd, 1
  %slot = call ptr @srv_slot(i64 %fd)
  %state_p = call ptr @srv_field(ptr %slot, i64 0)
  %state = load i64, ptr %state_p
  %used = icmp ne i64 %state, 0
  br i1 %used, label %deadline, label %next
deadline:
  %dl_p = call ptr @srv_field(ptr %slot, i64 2)
  %dl = load i64, ptr %dl_p
  %expired = icmp sle i64 %dl, %now
  br i1 %expired, label %expire, label %next
expire:
  call void @srv_close(i64 %fd)
  br label %next
next:
  br label %loop
done:
  ret void
}

;===----------------------------------------------------------------------===;
; The loop
;===----------------------------------------------------------------------===;

; Serves %table on an already listening socket (from http_listen) until a fatal error, which it
; returns as -errno. Only one server runs per process.
define i64 @http_serve_fd(ptr %table, i64 %listen_fd) #0 {
entry:
  store ptr %table, ptr @srv_table
  store i64 %listen_fd, ptr @srv_listen_fd
  %epfd = call i64 @sys_epoll_create1(i64 524288) ; EPOLL_CLOEXEC
  %no_ep = icmp slt i64 %epfd, 0
  br i1 %no_ep, label %fail_early, label %map_slots
map_slots:
  store i64 %epfd, ptr @srv_epfd
  %nslots = load i64, ptr @SRV_MAX_FDS
  %slot_size = load i64, ptr @SRV_SLOT
  %region = mul i64 %nslots, %slot_size
  ; PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE
  %slots = call i64 @sys_mmap(ptr null, i64 %region, i64 3, i64 16418, i64 -1, i64 0)
  %slots_bad = icmp uge i64 %slots, -4095
  br i1 %slots_bad, label %fail_map_slots, label %map_out
map_out:
  %slots_p = inttoptr i64 %slots to ptr
  store ptr %slots_p, ptr @srv_slots
  %out_size = load i64, ptr @SRV_OUT_SIZE
  %out = call i64 @sys_mmap(ptr null, i64 %out_size, i64 3, i64 16418, i64 -1, i64 0)
  %out_bad = icmp uge i64 %out, -4095
  br i1 %out_bad, label %fail_map_out, label %listen
listen:
  %out_p = inttoptr i64 %out to ptr
  store ptr %out_p, ptr @srv_out
  %r_add = call i64 @srv_epoll(i64 1, i64 %listen_fd, i64 1)
  %add_bad = icmp slt i64 %r_add, 0
  br i1 %add_bad, label %fail_early, label %start
start:
  %t0 = call i64 @srv_clock_ms()
  store i64 %t0, ptr @srv_started_ms
  store i64 %t0, ptr @srv_now
  %ev_size = load i64, ptr @SYS_EPOLL_EVENT_SIZE
  %ev_data = load i64, ptr @SYS_EPOLL_EVENT_DATA_OFFSET
  %max_events = load i64, ptr @SRV_MAX_EVENTS
  %events = alloca [1024 x i8], align 8
  %first_sweep = add i64 %t0, 1000
  br label %wait
wait:
  %next_sweep = phi i64 [ %first_sweep, %start ], [ %next_sweep1, %after ], [ %next_sweep1, %sweep ]
  %n = call i64 @sys_epoll_wait(i64 %epfd, ptr %events, i64 %max_events, i64 1000)
  %now = call i64 @srv_clock_ms()
  store i64 %now, ptr @srv_now
  %wait_failed = icmp slt i64 %n, 0
  br i1 %wait_failed, label %wait_error, label %events_loop
wait_error:
  %eintr = icmp eq i64 %n, -4
  br i1 %eintr, label %after, label %fail
events_loop:
  %k = phi i64 [ 0, %wait ], [ %k1, %event_done ]
  %more = icmp slt i64 %k, %n
  br i1 %more, label %event, label %after
event:
  %k1 = add i64 %k, 1
  %ev_off = mul i64 %k, %ev_size
  %ev = getelementptr i8, ptr %events, i64 %ev_off
  %flags32 = load i32, ptr %ev, align 4
  %flags = zext i32 %flags32 to i64
  %dp = getelementptr i8, ptr %ev, i64 %ev_data
  %fd = load i64, ptr %dp, align 1
  %is_listen = icmp eq i64 %fd, %listen_fd
  br i1 %is_listen, label %accept, label %connection
accept:
  call void @srv_accept()
  br label %event_done
connection:
  %slot = call ptr @srv_slot(i64 %fd)
  %state = load i64, ptr %slot
  %free = icmp eq i64 %state, 0
  br i1 %free, label %event_done, label %check_error
check_error:
  %err = and i64 %flags, 8 ; EPOLLERR
  %has_err = icmp ne i64 %err, 0
  br i1 %has_err, label %close, label %dispatch
close:
  call void @srv_close(i64 %fd)
  br label %event_done
dispatch:
  %writing = icmp eq i64 %state, 2
  br i1 %writing, label %writable, label %readable
writable:
  call void @srv_writable(i64 %fd)
  br label %event_done
readable:
  call void @srv_readable(i64 %fd)
  br label %event_done
event_done:
  br label %events_loop
after:
  %sweep_now = load i64, ptr @srv_now
  %due = icmp sge i64 %sweep_now, %next_sweep
  %swept_next = add i64 %sweep_now, 1000
  %next_sweep1 = select i1 %due, i64 %swept_next, i64 %next_sweep
  br i1 %due, label %sweep, label %wait
sweep:
  call void @srv_sweep()
  br label %wait
fail:
  ret i64 %n
fail_map_slots:
  ret i64 %slots
fail_map_out:
  ret i64 %out
fail_early:
  %e = phi i64 [ %epfd, %entry ], [ %r_add, %listen ]
  ret i64 %e
}

; Listens on %port and serves %table (http_listen + http_serve_fd); returns only on error (-errno).
define i64 @http_serve(ptr %table, i64 %port) #0 {
entry:
  %fd = call i64 @http_listen(i64 %port, i64 1024)
  %bad = icmp slt i64 %fd, 0
  br i1 %bad, label %fail, label %serve
serve:
  %r = call i64 @http_serve_fd(ptr %table, i64 %fd)
  ret i64 %r
fail:
  ret i64 %fd
}

attributes #0 = { nounwind optsize minsize }
