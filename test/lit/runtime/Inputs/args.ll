; Prints argc, every argument and every environment entry, then looks up SEMCOM_B, SEMCOM and
; SEMCOM_BX with env_get, and exits with argc: checks what _start builds from the initial stack and
; that semcom_main's result becomes the exit status.
@argc_label = private unnamed_addr constant [7 x i8] c"argc: \00"
@arg_label = private unnamed_addr constant [6 x i8] c"arg: \00"
@env_label = private unnamed_addr constant [6 x i8] c"env: \00"
@newline = private unnamed_addr constant [2 x i8] c"\0A\00"
@semcom_envp = external global ptr
@lookup_label = private unnamed_addr constant [9 x i8] c"lookup: \00"
@unset = private unnamed_addr constant [8 x i8] c"(unset)\00"
@name_b = private unnamed_addr constant [9 x i8] c"SEMCOM_B\00"
@name_prefix = private unnamed_addr constant [7 x i8] c"SEMCOM\00"
@name_longer = private unnamed_addr constant [10 x i8] c"SEMCOM_BX\00"

declare i64 @print_str(ptr)
declare i64 @print_i64(i64)
declare ptr @env_get(ptr)

define internal void @print_lookup(ptr %name) {
entry:
  %value = call ptr @env_get(ptr %name)
  %is_unset = icmp eq ptr %value, null
  %shown = select i1 %is_unset, ptr @unset, ptr %value
  %a = call i64 @print_str(ptr @lookup_label)
  %b = call i64 @print_str(ptr %shown)
  %c = call i64 @print_str(ptr @newline)
  ret void
}

define internal void @print_list(ptr %label, ptr %list) {
entry:
  br label %check
check:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %slot = getelementptr ptr, ptr %list, i64 %i
  %s = load ptr, ptr %slot
  %end = icmp eq ptr %s, null
  br i1 %end, label %done, label %body
body:
  %a = call i64 @print_str(ptr %label)
  %b = call i64 @print_str(ptr %s)
  %c = call i64 @print_str(ptr @newline)
  %i.next = add i64 %i, 1
  br label %check
done:
  ret void
}

define i64 @semcom_main(i64 %argc, ptr %argv) {
entry:
  %a = call i64 @print_str(ptr @argc_label)
  %b = call i64 @print_i64(i64 %argc)
  %c = call i64 @print_str(ptr @newline)
  call void @print_list(ptr @arg_label, ptr %argv)
  %envp = load ptr, ptr @semcom_envp
  call void @print_list(ptr @env_label, ptr %envp)
  call void @print_lookup(ptr @name_b)
  call void @print_lookup(ptr @name_prefix)
  call void @print_lookup(ptr @name_longer)
  ret i64 %argc
}
