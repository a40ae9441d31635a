;===- runtime/arch/x86_64/entry.ll - process entry point (_start) for x86_64 ---===;
; The kernel jumps to _start with no return address: rsp points at argc, then argv[0..argc-1], a null,
; envp[...], a null. _start hands that address to @semcom_start (runtime/start.ll), which splits it
; into argc/argv/envp, calls @semcom_main and exits. Kept apart from syscalls.ll so host tests can link
; the syscall wrappers without a second entry point.

target triple = "x86_64-unknown-linux-gnu"

declare void @semcom_start(ptr) noreturn

; naked: no prologue, the stack is exactly as the kernel left it. rbp = 0 marks the outermost frame;
; rsp is 16-byte aligned at entry, and the call pushes 8 bytes, which is what the ABI expects on entry
; to a function.
define void @_start() #0 {
  call void asm sideeffect "xor %ebp, %ebp\0A\09mov %rsp, %rdi\0A\09and $$-16, %rsp\0A\09call semcom_start\0A\09ud2", "~{memory}"()
  unreachable
}

attributes #0 = { naked noreturn nounwind }
