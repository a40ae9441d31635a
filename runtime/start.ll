;===- runtime/start.ll - from the initial stack to semcom_main ------------===;
; The per-architecture _start (arch/*/start.ll) passes the kernel's initial stack pointer here; this
; part is the same on every target, so it is written once in plain IR.
;
; Initial stack: [argc] [argv[0]] ... [argv[argc-1]] [null] [envp[0]] ... [null] [auxv ...]

; The environment, for programs that want it (null-terminated array of "NAME=value" strings).
@semcom_envp = global ptr null

declare i64 @semcom_main(i64, ptr)
declare void @sys_exit_group(i64) noreturn
declare i64 @sys_rt_sigaction(i64, ptr, ptr, i64)

; struct sigaction as the kernel reads it: { handler, flags, restorer, mask }. Handler 1 is SIG_IGN.
@sigaction_ignore = internal constant { i64, i64, i64, i64 } { i64 1, i64 0, i64 0, i64 0 }

define void @semcom_start(ptr %sp) #0 {
entry:
  %argc = load i64, ptr %sp
  %argv = getelementptr i8, ptr %sp, i64 8
  ; envp starts after argv's argc entries and its null terminator.
  %argv_slots = add i64 %argc, 1
  %envp = getelementptr ptr, ptr %argv, i64 %argv_slots
  store ptr %envp, ptr @semcom_envp
  ; SIGPIPE (13) is ignored: a write to a socket or pipe whose reader has gone then fails with
  ; -EPIPE (-32), which a server can handle, instead of killing the process.
  %ignored = call i64 @sys_rt_sigaction(i64 13, ptr @sigaction_ignore, ptr null, i64 8)
  %status = call i64 @semcom_main(i64 %argc, ptr %argv)
  call void @sys_exit_group(i64 %status)
  unreachable
}

attributes #0 = { noreturn nounwind }
