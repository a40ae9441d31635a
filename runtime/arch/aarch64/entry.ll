;===- runtime/arch/aarch64/entry.ll - process entry point (_start) for aarch64 ---===;
; The kernel jumps to _start with sp pointing at argc, then argv[0..argc-1], a null, envp[...], a null.
; _start hands that address to @semcom_start (runtime/start.ll), which splits it into argc/argv/envp,
; calls @semcom_main and exits. Kept apart from syscalls.ll so host tests can link the syscall wrappers
; without a second entry point.

target triple = "aarch64-unknown-linux-gnu"

declare void @semcom_start(ptr) noreturn

; naked: no prologue, the stack is exactly as the kernel left it (16-byte aligned). x29 = x30 = 0 mark
; the outermost frame for debuggers and unwinders.
define void @_start() #0 {
  call void asm sideeffect "mov x29, #0\0A\09mov x30, #0\0A\09mov x0, sp\0A\09bl semcom_start\0A\09brk #1", "~{memory}"()
  unreachable
}

attributes #0 = { naked noreturn nounwind }
