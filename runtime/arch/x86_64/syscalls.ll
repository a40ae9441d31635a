;===- runtime/arch/x86_64/syscalls.ll - Linux system calls for x86_64 -------===;
; Typed sys_* wrappers over the raw syscall instruction. Generated code calls these names instead of
; inventing syscall numbers, which differ per architecture. Each returns the kernel's result as is:
; a value >= 0, or a negative errno (-4095..-1). sys_exit and sys_exit_group never return.
;
; Calling convention of the kernel on x86_64: number in rax; arguments in rdi, rsi, rdx, r10, r8, r9;
; result in rax; the instruction clobbers rcx and r11.
; Every wrapper also clobbers memory, since the kernel may read or write any buffer passed to it.

target triple = "x86_64-unknown-linux-gnu"

define i64 @sys_read(i64 %fd, ptr %buf, i64 %count) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 0, i64 %fd, ptr %buf, i64 %count)
  ret i64 %r
}

define i64 @sys_write(i64 %fd, ptr %buf, i64 %count) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 1, i64 %fd, ptr %buf, i64 %count)
  ret i64 %r
}

define i64 @sys_openat(i64 %dirfd, ptr %path, i64 %flags, i64 %mode) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},~{rcx},~{r11},~{memory}"(i64 257, i64 %dirfd, ptr %path, i64 %flags, i64 %mode)
  ret i64 %r
}

define i64 @sys_open(ptr %path, i64 %flags, i64 %mode) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 2, ptr %path, i64 %flags, i64 %mode)
  ret i64 %r
}

define i64 @sys_close(i64 %fd) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},~{rcx},~{r11},~{memory}"(i64 3, i64 %fd)
  ret i64 %r
}

define i64 @sys_lseek(i64 %fd, i64 %offset, i64 %whence) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 8, i64 %fd, i64 %offset, i64 %whence)
  ret i64 %r
}

define i64 @sys_mmap(ptr %addr, i64 %length, i64 %prot, i64 %flags, i64 %fd, i64 %offset) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},{r8},{r9},~{rcx},~{r11},~{memory}"(i64 9, ptr %addr, i64 %length, i64 %prot, i64 %flags, i64 %fd, i64 %offset)
  ret i64 %r
}

define i64 @sys_munmap(ptr %addr, i64 %length) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},~{rcx},~{r11},~{memory}"(i64 11, ptr %addr, i64 %length)
  ret i64 %r
}

define void @sys_exit(i64 %status) #1 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},~{rcx},~{r11},~{memory}"(i64 60, i64 %status)
  unreachable
}

define void @sys_exit_group(i64 %status) #1 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},~{rcx},~{r11},~{memory}"(i64 231, i64 %status)
  unreachable
}

define i64 @sys_socket(i64 %domain, i64 %type, i64 %protocol) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 41, i64 %domain, i64 %type, i64 %protocol)
  ret i64 %r
}

define i64 @sys_setsockopt(i64 %fd, i64 %level, i64 %optname, ptr %optval, i64 %optlen) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},{r8},~{rcx},~{r11},~{memory}"(i64 54, i64 %fd, i64 %level, i64 %optname, ptr %optval, i64 %optlen)
  ret i64 %r
}

define i64 @sys_bind(i64 %fd, ptr %addr, i64 %addrlen) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 49, i64 %fd, ptr %addr, i64 %addrlen)
  ret i64 %r
}

define i64 @sys_listen(i64 %fd, i64 %backlog) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},~{rcx},~{r11},~{memory}"(i64 50, i64 %fd, i64 %backlog)
  ret i64 %r
}

define i64 @sys_accept(i64 %fd, ptr %addr, ptr %addrlen) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 43, i64 %fd, ptr %addr, ptr %addrlen)
  ret i64 %r
}

define i64 @sys_accept4(i64 %fd, ptr %addr, ptr %addrlen, i64 %flags) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},~{rcx},~{r11},~{memory}"(i64 288, i64 %fd, ptr %addr, ptr %addrlen, i64 %flags)
  ret i64 %r
}

define i64 @sys_connect(i64 %fd, ptr %addr, i64 %addrlen) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 42, i64 %fd, ptr %addr, i64 %addrlen)
  ret i64 %r
}

define i64 @sys_shutdown(i64 %fd, i64 %how) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},~{rcx},~{r11},~{memory}"(i64 48, i64 %fd, i64 %how)
  ret i64 %r
}

define i64 @sys_getpid() #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},~{rcx},~{r11},~{memory}"(i64 39)
  ret i64 %r
}

define i64 @sys_clock_gettime(i64 %clockid, ptr %ts) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},~{rcx},~{r11},~{memory}"(i64 228, i64 %clockid, ptr %ts)
  ret i64 %r
}

define i64 @sys_nanosleep(ptr %req, ptr %rem) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},~{rcx},~{r11},~{memory}"(i64 35, ptr %req, ptr %rem)
  ret i64 %r
}

define i64 @sys_getrandom(ptr %buf, i64 %count, i64 %flags) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 318, ptr %buf, i64 %count, i64 %flags)
  ret i64 %r
}

; act/oldact point at the kernel's struct sigaction { handler, flags, restorer, mask } (32 bytes);
; sigsetsize is 8.
define i64 @sys_rt_sigaction(i64 %signum, ptr %act, ptr %oldact, i64 %sigsetsize) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},~{rcx},~{r11},~{memory}"(i64 13, i64 %signum, ptr %act, ptr %oldact, i64 %sigsetsize)
  ret i64 %r
}

define i64 @sys_epoll_create1(i64 %flags) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},~{rcx},~{r11},~{memory}"(i64 291, i64 %flags)
  ret i64 %r
}

define i64 @sys_epoll_ctl(i64 %epfd, i64 %op, i64 %fd, ptr %event) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},~{rcx},~{r11},~{memory}"(i64 233, i64 %epfd, i64 %op, i64 %fd, ptr %event)
  ret i64 %r
}

define i64 @sys_epoll_wait(i64 %epfd, ptr %events, i64 %maxevents, i64 %timeout) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},~{rcx},~{r11},~{memory}"(i64 232, i64 %epfd, ptr %events, i64 %maxevents, i64 %timeout)
  ret i64 %r
}

define i64 @sys_epoll_pwait(i64 %epfd, ptr %events, i64 %maxevents, i64 %timeout, ptr %sigmask, i64 %sigsetsize) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},{r8},{r9},~{rcx},~{r11},~{memory}"(i64 281, i64 %epfd, ptr %events, i64 %maxevents, i64 %timeout, ptr %sigmask, i64 %sigsetsize)
  ret i64 %r
}
; F_GETFL 3 / F_SETFL 4 with O_NONBLOCK (0x800 on x86_64 and aarch64)
define i64 @sys_fcntl(i64 %fd, i64 %cmd, i64 %arg) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 72, i64 %fd, i64 %cmd, i64 %arg)
  ret i64 %r
}

; addr and addrlen may be null
define i64 @sys_recvfrom(i64 %fd, ptr %buf, i64 %len, i64 %flags, ptr %addr, ptr %addrlen) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},{r8},{r9},~{rcx},~{r11},~{memory}"(i64 45, i64 %fd, ptr %buf, i64 %len, i64 %flags, ptr %addr, ptr %addrlen)
  ret i64 %r
}

; iov: array of { ptr base, i64 len }
define i64 @sys_writev(i64 %fd, ptr %iov, i64 %iovcnt) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 20, i64 %fd, ptr %iov, i64 %iovcnt)
  ret i64 %r
}

define i64 @sys_getsockname(i64 %fd, ptr %addr, ptr %addrlen) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 51, i64 %fd, ptr %addr, ptr %addrlen)
  ret i64 %r
}

; fds: two i32
define i64 @sys_pipe2(ptr %fds, i64 %flags) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},~{rcx},~{r11},~{memory}"(i64 293, ptr %fds, i64 %flags)
  ret i64 %r
}

define i64 @sys_dup3(i64 %oldfd, i64 %newfd, i64 %flags) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}"(i64 292, i64 %oldfd, i64 %newfd, i64 %flags)
  ret i64 %r
}

define i64 @sys_kill(i64 %pid, i64 %sig) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},~{rcx},~{r11},~{memory}"(i64 62, i64 %pid, i64 %sig)
  ret i64 %r
}

; sendto(fd, buf, len, flags, addr, addrlen). Servers pass MSG_NOSIGNAL (0x4000) so a peer that
; went away yields -EPIPE instead of a SIGPIPE that would kill the process (no libc to ignore it).
define i64 @sys_sendto(i64 %fd, ptr %buf, i64 %len, i64 %flags, ptr %addr, i64 %addrlen) #0 {
  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},{r8},{r9},~{rcx},~{r11},~{memory}"(i64 44, i64 %fd, ptr %buf, i64 %len, i64 %flags, ptr %addr, i64 %addrlen)
  ret i64 %r
}

; struct epoll_event as this kernel lays it out: packed on x86_64, { u32 events; u64 data } in 12
; bytes with data at offset 4. Target-independent code (runtime/http_server.ll) reads these instead
; of assuming a layout.
@SYS_EPOLL_EVENT_SIZE = constant i64 12
@SYS_EPOLL_EVENT_DATA_OFFSET = constant i64 4

attributes #0 = { nounwind }
attributes #1 = { noreturn nounwind }
