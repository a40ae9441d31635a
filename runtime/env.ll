;===- runtime/env.ll - environment variables -----------------------------===;
; Looks a name up in the environment that _start recorded (@semcom_envp, "NAME=value" strings).

@semcom_envp = external global ptr

; Pointer to the value of environment variable %name (NUL-terminated), or null if it is not set or
; no environment was recorded.
define ptr @env_get(ptr %name) #0 {
entry:
  %envp = load ptr, ptr @semcom_envp
  %no_env = icmp eq ptr %envp, null
  br i1 %no_env, label %missing, label %entry_loop
entry_loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %next_entry ]
  %slot = getelementptr ptr, ptr %envp, i64 %i
  %var = load ptr, ptr %slot
  %end = icmp eq ptr %var, null
  br i1 %end, label %missing, label %compare
compare:
  ; Walk name and entry together until the name ends; the entry must then have '=' there.
  %j = phi i64 [ 0, %entry_loop ], [ %j.next, %same_char ]
  %pn = getelementptr i8, ptr %name, i64 %j
  %pv = getelementptr i8, ptr %var, i64 %j
  %cn = load i8, ptr %pn
  %cv = load i8, ptr %pv
  %name_done = icmp eq i8 %cn, 0
  br i1 %name_done, label %name_ended, label %chars
chars:
  %same = icmp eq i8 %cn, %cv
  br i1 %same, label %same_char, label %next_entry
same_char:
  %j.next = add i64 %j, 1
  br label %compare
name_ended:
  %is_eq_sign = icmp eq i8 %cv, 61         ; '='
  %nonempty_name = icmp ne i64 %j, 0
  %found = and i1 %is_eq_sign, %nonempty_name
  br i1 %found, label %hit, label %next_entry
hit:
  %value_index = add i64 %j, 1
  %value = getelementptr i8, ptr %var, i64 %value_index
  ret ptr %value
next_entry:
  %i.next = add i64 %i, 1
  br label %entry_loop
missing:
  ret ptr null
}

attributes #0 = { nounwind "no-builtins" }
