// Every sys_* wrapper called once with a known outcome, built freestanding (no libc) for each target
// and linked with the runtime by `semcom link`, so the syscall numbers and argument registers of
// both architectures are checked against a real kernel (aarch64 under qemu). Prints "ok NAME" or
// "FAIL NAME: got X want Y"; the exit status is the number of failures.
typedef __INT64_TYPE__ i64;

i64 sys_read(i64 fd, void *buf, i64 count);
i64 sys_write(i64 fd, const void *buf, i64 count);
i64 sys_openat(i64 dirfd, const char *path, i64 flags, i64 mode);
i64 sys_open(const char *path, i64 flags, i64 mode);
i64 sys_close(i64 fd);
i64 sys_lseek(i64 fd, i64 offset, i64 whence);
i64 sys_mmap(void *addr, i64 length, i64 prot, i64 flags, i64 fd, i64 offset);
i64 sys_munmap(void *addr, i64 length);
i64 sys_socket(i64 domain, i64 type, i64 protocol);
i64 sys_setsockopt(i64 fd, i64 level, i64 optname, const void *optval, i64 optlen);
i64 sys_bind(i64 fd, const void *addr, i64 addrlen);
i64 sys_listen(i64 fd, i64 backlog);
i64 sys_accept(i64 fd, void *addr, void *addrlen);
i64 sys_accept4(i64 fd, void *addr, void *addrlen, i64 flags);
i64 sys_connect(i64 fd, const void *addr, i64 addrlen);
i64 sys_shutdown(i64 fd, i64 how);
i64 sys_getpid(void);
i64 sys_clock_gettime(i64 clockid, void *ts);
i64 sys_nanosleep(const void *req, void *rem);
i64 sys_getrandom(void *buf, i64 count, i64 flags);
i64 sys_rt_sigaction(i64 signum, const void *act, void *oldact, i64 sigsetsize);
i64 sys_epoll_create1(i64 flags);
i64 sys_epoll_ctl(i64 epfd, i64 op, i64 fd, void *event);
i64 sys_epoll_wait(i64 epfd, void *events, i64 maxevents, i64 timeout);
i64 sys_epoll_pwait(i64 epfd, void *events, i64 maxevents, i64 timeout, const void *sigmask,
                    i64 sigsetsize);
i64 sys_fcntl(i64 fd, i64 cmd, i64 arg);
i64 sys_sendto(i64 fd, const void *buf, i64 len, i64 flags, const void *addr, i64 addrlen);
i64 sys_recvfrom(i64 fd, void *buf, i64 len, i64 flags, void *addr, void *addrlen);
i64 sys_writev(i64 fd, const void *iov, i64 iovcnt);
i64 sys_getsockname(i64 fd, void *addr, void *addrlen);
i64 sys_pipe2(int *fds, i64 flags);
i64 sys_dup3(i64 oldfd, i64 newfd, i64 flags);
i64 sys_kill(i64 pid, i64 sig);
i64 print_str(const char *s);
i64 print_i64(i64 v);
i64 compare_bytes(const void *a, const void *b, i64 n);

static i64 Failures;

static void check(const char *name, i64 got, i64 want) {
  if (got == want) {
    print_str("ok ");
    print_str(name);
    print_str("\n");
    return;
  }
  ++Failures;
  print_str("FAIL ");
  print_str(name);
  print_str(": got ");
  print_i64(got);
  print_str(" want ");
  print_i64(want);
  print_str("\n");
}

struct sockaddr_in4 {
  unsigned short family, port;
  unsigned int addr;
  unsigned char zero[8];
};
struct iovec64 {
  const void *base;
  i64 len;
};
struct timespec64 {
  i64 sec, nsec;
};
struct epoll_event64 {
  unsigned int events;
  unsigned int data_lo, data_hi; // packed on x86_64, padded on aarch64; only events is read
  unsigned int pad;
};

enum { ENOENT = 2, EBADF = 9, EAGAIN = 11, O_RDONLY = 0, O_NONBLOCK = 0x800, AT_FDCWD = -100 };

i64 semcom_main(i64 argc, char **argv) {
  (void)argc;
  (void)argv;
  char buf[64];

  // Files.
  check("open missing file", sys_open("/nonexistent/semcom", O_RDONLY, 0), -ENOENT);
  check("openat missing file", sys_openat(AT_FDCWD, "/nonexistent/semcom", O_RDONLY, 0), -ENOENT);
  i64 fd = sys_open("/proc/self/stat", O_RDONLY, 0);
  check("open /proc/self/stat", fd >= 0, 1);
  check("read", sys_read(fd, buf, 1) == 1 && buf[0] >= '1' && buf[0] <= '9', 1);
  check("lseek", sys_lseek(fd, 0, 0), 0);
  check("close", sys_close(fd), 0);
  check("close again", sys_close(fd), -EBADF);
  check("read bad fd", sys_read(-1, buf, 1), -EBADF);

  // Pipes, dup3, fcntl, writev.
  int fds[2];
  check("pipe2", sys_pipe2(fds, O_NONBLOCK), 0);
  check("fcntl F_GETFL nonblocking", (sys_fcntl(fds[0], 3, 0) & O_NONBLOCK) != 0, 1);
  check("read empty nonblocking pipe", sys_read(fds[0], buf, 1), -EAGAIN);
  struct iovec64 parts[2] = {{"ab", 2}, {"cde", 3}};
  check("writev", sys_writev(fds[1], parts, 2), 5);
  check("write", sys_write(fds[1], "f", 1), 1);
  check("read pipe", sys_read(fds[0], buf, 64), 6);
  check("pipe bytes", compare_bytes(buf, "abcdef", 6), 0);
  check("dup3", sys_dup3(fds[1], 40, 0), 40);
  check("write dup", sys_write(40, "g", 1), 1);
  check("close dup", sys_close(40), 0);

  // epoll on the pipe's read end.
  i64 ep = sys_epoll_create1(0);
  check("epoll_create1", ep >= 0, 1);
  struct epoll_event64 ev = {1 /* EPOLLIN */, 7, 0, 0};
  check("epoll_ctl add", sys_epoll_ctl(ep, 1, fds[0], &ev), 0);
  struct epoll_event64 out[4];
  check("epoll_wait ready", sys_epoll_wait(ep, out, 4, 1000), 1);
  check("epoll_wait events", out[0].events & 1, 1);
  check("read after epoll", sys_read(fds[0], buf, 64), 1);
  check("epoll_pwait idle", sys_epoll_pwait(ep, out, 4, 0, 0, 8), 0);
  sys_close(ep);
  sys_close(fds[0]);
  sys_close(fds[1]);

  // Memory.
  i64 m = sys_mmap(0, 8192, 3, 0x22, -1, 0);
  check("mmap", m > 0, 1);
  ((volatile char *)m)[8191] = 1;
  check("munmap", sys_munmap((void *)m, 8192), 0);

  // Process, time, randomness, signals.
  i64 pid = sys_getpid();
  check("getpid", pid > 0, 1);
  check("kill 0", sys_kill(pid, 0), 0);
  struct timespec64 t0, t1, nap = {0, 2000000};
  check("clock_gettime", sys_clock_gettime(1 /* CLOCK_MONOTONIC */, &t0), 0);
  check("nanosleep", sys_nanosleep(&nap, 0), 0);
  sys_clock_gettime(1, &t1);
  check("time passes", (t1.sec - t0.sec) * 1000000000 + (t1.nsec - t0.nsec) >= 2000000, 1);
  check("getrandom", sys_getrandom(buf, 16, 0), 16);
  i64 old[4];
  check("rt_sigaction query", sys_rt_sigaction(13 /* SIGPIPE */, 0, old, 8), 0);
  check("SIGPIPE ignored by _start", old[0], 1);

  // Sockets over loopback.
  i64 lfd = sys_socket(2, 1, 0);
  check("socket", lfd >= 0, 1);
  int one = 1;
  check("setsockopt", sys_setsockopt(lfd, 1, 2, &one, 4), 0);
  struct sockaddr_in4 addr = {2, 0, 0x0100007f /* 127.0.0.1 */, {0}};
  check("bind", sys_bind(lfd, &addr, 16), 0);
  check("listen", sys_listen(lfd, 4), 0);
  struct sockaddr_in4 bound;
  unsigned int len = 16;
  check("getsockname", sys_getsockname(lfd, &bound, &len), 0);
  check("bound port", bound.port != 0, 1);
  for (int i = 0; i < 2; ++i) {
    i64 c = sys_socket(2, 1, 0);
    check("connect", sys_connect(c, &bound, 16), 0);
    i64 s = i == 0 ? sys_accept(lfd, 0, 0) : sys_accept4(lfd, 0, 0, O_NONBLOCK);
    check(i == 0 ? "accept" : "accept4", s >= 0, 1);
    check("sendto", sys_sendto(c, "ping", 4, 0x4000 /* MSG_NOSIGNAL */, 0, 0), 4);
    check("shutdown", sys_shutdown(c, 1), 0);
    i64 got = 0, n;
    while ((n = sys_recvfrom(s, buf + got, 64 - got, 0, 0, 0)) > 0 || n == -EAGAIN)
      got += n > 0 ? n : 0;
    check("recvfrom", got, 4);
    check("received bytes", compare_bytes(buf, "ping", 4), 0);
    sys_close(s);
    sys_close(c);
  }
  sys_close(lfd);

  print_str("syscalls: fails: ");
  print_i64(Failures);
  print_str("\n");
  return Failures;
}
