#!/usr/bin/env python3
# Writes the fix-syscalls-<pattern>-<arch>.ll lit tests: the same eleven raw syscalls models
# write (read, write, open, close, mmap, munmap, exit, socket, bind, listen, accept) in each call
# pattern, with each target's numbers. Run from test/lit/passes: python3 Inputs/gen_syscall_tests.py
import os

NUMS = {
    "x86_64": dict(read=0, write=1, open=2, close=3, mmap=9, munmap=11, exit=60, socket=41,
                   bind=49, listen=50, accept=43),
    "aarch64": dict(read=63, write=64, open=56, close=57, mmap=222, munmap=215, exit=93,
                    socket=198, bind=200, listen=201, accept=202),
}
TRIPLE = {"x86_64": "x86_64-unknown-linux-gnu", "aarch64": "aarch64-unknown-linux-gnu"}
# (syscall, args as (type, value), expected wrapper call)
def calls(arch):
    openargs = ([("ptr", "%path"), ("i64", "0"), ("i64", "0")] if arch == "x86_64"
                else [("i64", "-100"), ("ptr", "%path"), ("i64", "0"), ("i64", "0")])
    openwrap = ("sys_open(ptr %path, i64 0, i64 0)" if arch == "x86_64"
                else "sys_openat(i64 -100, ptr %path, i64 0, i64 0)")
    return [
        ("read", [("i64", "0"), ("ptr", "%buf"), ("i64", "16")], "i64 @sys_read(i64 0, ptr %buf, i64 16)"),
        ("write", [("i64", "1"), ("ptr", "%buf"), ("i64", "5")], "i64 @sys_write(i64 1, ptr %buf, i64 5)"),
        ("open", openargs, "i64 @" + openwrap),
        ("close", [("i64", "3")], "i64 @sys_close(i64 3)"),
        ("mmap", [("ptr", "null"), ("i64", "4096"), ("i64", "3"), ("i64", "34"), ("i64", "-1"), ("i64", "0")],
         "i64 @sys_mmap(ptr null, i64 4096, i64 3, i64 34, i64 -1, i64 0)"),
        ("munmap", [("ptr", "%buf"), ("i64", "4096")], "i64 @sys_munmap(ptr %buf, i64 4096)"),
        ("socket", [("i64", "2"), ("i64", "1"), ("i64", "0")], "i64 @sys_socket(i64 2, i64 1, i64 0)"),
        ("bind", [("i64", "%fd"), ("ptr", "%addr"), ("i64", "16")], "i64 @sys_bind(i64 %fd, ptr %addr, i64 16)"),
        ("listen", [("i64", "%fd"), ("i64", "8")], "i64 @sys_listen(i64 %fd, i64 8)"),
        ("accept", [("i64", "%fd"), ("ptr", "%addr"), ("ptr", "%alen")], "i64 @sys_accept(i64 %fd, ptr %addr, ptr %alen)"),
        ("exit", [("i64", "0")], "void @sys_exit(i64 0)"),
    ]

X86_REGS = ["rdi", "rsi", "rdx", "r10", "r8", "r9"]
A64_REGS = ["x0", "x1", "x2", "x3", "x4", "x5"]

def as_i64(ty, val, tmp, pre):
    """For patterns whose parameters are all i64, pointers go through ptrtoint as models write."""
    if ty == "ptr":
        if val == "null":
            return "i64 0", True
        pre.append(f"  %{tmp} = ptrtoint ptr {val} to i64")
        return f"i64 %{tmp}", True
    return f"i64 {val}", False

def body(pattern, arch):
    lines = []
    nums = NUMS[arch]
    for i, (name, args, expect) in enumerate(calls(arch)):
        n = nums[name]
        pre = []
        check = expect
        if pattern == "variadic":
            a = ", ".join(f"{t} {v}" for t, v in args)
            inst = f"  %r{i} = call i64 (i64, ...) @syscall(i64 {n}, {a})"
        elif pattern == "fixed-arity":
            conv = [as_i64(t, v, f"p{i}_{j}", pre) for j, (t, v) in enumerate(args)]
            conv += [("i64 0", False)] * (6 - len(conv))
            inst = f"  %r{i} = call i64 @syscall(i64 {n}, " + ", ".join(c for c, _ in conv) + ")"
        elif pattern in ("asm-operand", "asm-immediate"):
            regs = X86_REGS if arch == "x86_64" else A64_REGS
            a = [f"{t} {v}" for t, v in args]
            ins = [f"{{{regs[j]}}}" for j in range(len(args))]
            if arch == "x86_64":
                clob = "~{rcx},~{r11},~{memory}"
                out = "={rax}"
                text = "syscall" if pattern == "asm-operand" else f"mov $${n}, %rax\\0Asyscall"
                numreg = "{rax}"
            else:
                clob = "~{memory}" if pattern == "asm-operand" else "~{x8},~{memory}"
                out = "={x0}"
                text = "svc #0" if pattern == "asm-operand" else f"mov x8, #{n}\\0Asvc #0"
                numreg = "{x8}"
            if pattern == "asm-operand":
                cons = ",".join([out, numreg] + ins + [clob])
                a = [f"i64 {n}"] + a
            else:
                cons = ",".join([out] + ins + [clob])
            inst = f'  %r{i} = call i64 asm sideeffect "{text}", "{cons}"(' + ", ".join(a) + ")"
        elif pattern == "local-wrapper":
            conv = [as_i64(t, v, f"p{i}_{j}", pre) for j, (t, v) in enumerate(args)]
            conv += [("i64 0", False)] * (6 - len(conv))
            inst = f"  %r{i} = call i64 @my_syscall6(i64 {n}, " + ", ".join(c for c, _ in conv) + ")"
        # Pointers that went through ptrtoint come back through inttoptr.
        if pattern in ("fixed-arity", "local-wrapper"):
            check = check.replace("ptr %buf", "ptr %{{.*}}").replace("ptr %path", "ptr %{{.*}}") \
                         .replace("ptr %addr", "ptr %{{.*}}").replace("ptr %alen", "ptr %{{.*}}") \
                         .replace("ptr null", "ptr null")
        lines += pre + [inst]
        kind = "call void" if check.startswith("void") else "call i64"
        checkline = f"; CHECK: {kind} {check.split(' ', 1)[1]}" if kind == "call void" else f"; CHECK: = call {check}"
        lines.append(checkline)
    return lines

def wrapper(arch):
    if arch == "x86_64":
        return ('define internal i64 @my_syscall6(i64 %n, i64 %a, i64 %b, i64 %c, i64 %d, i64 %e, i64 %f) {\n'
                '  %r = call i64 asm sideeffect "syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},{r8},{r9},~{rcx},~{r11},~{memory}"'
                '(i64 %n, i64 %a, i64 %b, i64 %c, i64 %d, i64 %e, i64 %f)\n  ret i64 %r\n}\n')
    return ('define internal i64 @my_syscall6(i64 %n, i64 %a, i64 %b, i64 %c, i64 %d, i64 %e, i64 %f) {\n'
            '  %r = call i64 asm sideeffect "svc #0", "={x0},{x8},{x0},{x1},{x2},{x3},{x4},{x5},~{memory}"'
            '(i64 %n, i64 %a, i64 %b, i64 %c, i64 %d, i64 %e, i64 %f)\n  ret i64 %r\n}\n')

DESC = {
    "variadic": "a variadic `declare i64 @syscall(i64, ...)`",
    "fixed-arity": "a non-variadic `declare i64 @syscall(i64 x 7)` with pointers passed as i64",
    "asm-operand": "inline asm whose syscall number is a constant operand",
    "asm-immediate": "inline asm with the number as an immediate in the asm string",
    "local-wrapper": "a module-local inline-asm wrapper called with a constant number",
}

for pattern in DESC:
    for arch in NUMS:
        out = [f"; Raw {arch} syscall numbers in {DESC[pattern]} become the runtime's sys_* wrappers.",
               "; Generated by Inputs/gen_syscall_tests.py.",
               "; REQUIRES: plugin",
               "; RUN: %opt -load-pass-plugin=%plugin -passes=semcom-fix-syscalls -S %s -o - | FileCheck %s",
               "; RUN: %opt -load-pass-plugin=%plugin -passes=semcom-fixup -S < %s -o %t.ll",
               "; RUN: %opt -load-pass-plugin=%plugin -passes=semcom-fixup -S < %t.ll | diff %t.ll -",
               "", f'target triple = "{TRIPLE[arch]}"', ""]
        if pattern == "variadic":
            out.append("declare i64 @syscall(i64, ...)")
        elif pattern == "fixed-arity":
            out.append("declare i64 @syscall(i64, i64, i64, i64, i64, i64, i64)")
        elif pattern == "local-wrapper":
            out.append(wrapper(arch))
        out += ["", "define i64 @run(ptr %buf, ptr %path, ptr %addr, ptr %alen, i64 %fd) {",
                "; CHECK-LABEL: define i64 @run("]
        out += body(pattern, arch)
        out += ["; CHECK-NOT: @syscall", "; CHECK-NOT: asm", "  ret i64 %r1", "}", ""]
        if pattern == "local-wrapper":
            out.insert(-1, "; The wrapper keeps its raw syscall: only calls with a constant number change.")
        with open(f"fix-syscalls-{pattern}-{arch}.ll", "w") as f:
            f.write("\n".join(out))
