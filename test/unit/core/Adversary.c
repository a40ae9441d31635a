/* Adversary.c - generated code at its worst, one behaviour per mode, for the sandbox tests.
 * Exit 0 means "the attack failed" (contained); exit 1 means it succeeded; anything else is the
 * sandbox's doing (signal, timeout). */
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

extern char **environ;

static int contains_secret(const char *text, size_t n) {
  const char *key = "sk-semcom-test-secret";
  size_t k = strlen(key);
  for (size_t i = 0; i + k <= n; ++i)
    if (memcmp(text + i, key, k) == 0)
      return 1;
  return 0;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  if (!strcmp(mode, "segfault")) {
    volatile int *p = (volatile int *)(unsigned long)argc; /* not NULL-foldable: a small address */
    *p = 1;
  } else if (!strcmp(mode, "loop")) {
    for (;;) {
    }
  } else if (!strcmp(mode, "sleep")) {
    sleep(100);
  } else if (!strcmp(mode, "alloc")) {
    size_t total = 0, chunk = 64u << 20;
    while (total < (10ull << 30)) {
      char *p = malloc(chunk);
      if (!p) {
        printf("allocation refused after %zu MB\n", total >> 20);
        return 0;
      }
      memset(p, 1, chunk);
      total += chunk;
    }
    return 1;
  } else if (!strcmp(mode, "forkbomb")) {
    for (;;)
      fork();
  } else if (!strcmp(mode, "disk")) {
    static char block[1 << 20];
    memset(block, 'x', sizeof block);
    signal(SIGXFSZ, SIG_IGN); /* see the error instead of dying */
    FILE *f = fopen("big", "w");
    for (int i = 0; f && i < 1024; ++i)
      if (fwrite(block, 1, sizeof block, f) != sizeof block) {
        printf("write refused after %d MB\n", i);
        return 0;
      }
    return 1;
  } else if (!strcmp(mode, "escape")) {
    /* argv[2]: a host file the sandbox must not show; also try writing outside the scratch dir. */
    int leaked = 0;
    if (argc > 2 && open(argv[2], O_RDONLY) >= 0)
      leaked = printf("read %s\n", argv[2]);
    const char *writes[] = {"/usr/semcom-escape", "/etc/semcom-escape", "/semcom-escape",
                            argc > 3 ? argv[3] : "/work/semcom-escape"};
    for (unsigned i = 0; i < 4; ++i)
      if (open(writes[i], O_WRONLY | O_CREAT, 0644) >= 0)
        leaked = printf("wrote %s\n", writes[i]);
    DIR *home = opendir("/root");
    if (home)
      leaked = printf("listed /root\n");
    FILE *own = fopen("scratch-file", "w"); /* the working directory is writable */
    if (!own)
      return 2;
    (void)leaked; /* the caller judges each line: a path under the private /tmp is no escape */
    return 0;
  } else if (!strcmp(mode, "connect")) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons(atoi(argc > 2 ? argv[2] : "1"));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0) {
      printf("connected\n");
      return 1;
    }
    perror("connect");
    return 0;
  } else if (!strcmp(mode, "killparent")) {
    kill(getppid(), SIGKILL);
    kill(-1, SIGKILL);
    return 0;
  } else if (!strcmp(mode, "secrets")) {
    for (char **e = environ; *e; ++e)
      if (contains_secret(*e, strlen(*e)))
        return printf("found in environ\n"), 1;
    DIR *proc = opendir("/proc");
    struct dirent *d;
    while (proc && (d = readdir(proc))) {
      char path[300], buf[65536];
      snprintf(path, sizeof path, "/proc/%s/environ", d->d_name);
      int fd = open(path, O_RDONLY);
      if (fd < 0)
        continue;
      ssize_t n = read(fd, buf, sizeof buf);
      if (n > 0 && contains_secret(buf, n))
        return printf("found in %s\n", path), 1;
      close(fd);
    }
    return 0;
  } else if (!strcmp(mode, "echo")) {
    int c;
    while ((c = getchar()) != EOF)
      putchar(c);
    return 0;
  } else if (!strcmp(mode, "flood")) {
    for (int i = 0; i < 4000000; ++i)
      fputs("flood flood flood\n", stdout);
    return 0;
  }
  fprintf(stderr, "unknown mode '%s'\n", mode);
  return 3;
}
