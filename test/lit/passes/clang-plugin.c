// SemcomPasses.so loads into stock clang-19 with -fpass-plugin: semcom-fixup runs at the start of
// the pipeline (also at -O0, whose functions are optnone: the passes are required), so a raw
// write syscall in C becomes the runtime's @sys_write on either target.
// REQUIRES: plugin
// RUN: %clang --target=x86_64-unknown-linux-gnu -fpass-plugin=%plugin -O0 -S -emit-llvm %s -o - | FileCheck %s
// RUN: %clang --target=aarch64-unknown-linux-gnu -fpass-plugin=%plugin -O2 -S -emit-llvm %s -o - | FileCheck %s
// clang parses -mllvm before it loads pass plugins; -fplugin loads the same file early so that
// -semcom-* options are known by then.
// RUN: %clang --target=x86_64-unknown-linux-gnu -fplugin=%plugin -fpass-plugin=%plugin -O0 -S \
// RUN:   -emit-llvm %s -o - -mllvm -semcom-manifest=%S/Inputs/forth.manifest | FileCheck --check-prefix=MANIFEST %s
long syscall(long number, ...);
void ds_push(long value, long extra);

#ifdef __x86_64__
#define SYS_WRITE 1
#else
#define SYS_WRITE 64
#endif

static const char msg[] = "hi\n";

// CHECK-LABEL: @say_hi(
// CHECK: call i64 @sys_write(i64 {{.*}}1, ptr {{.*}}@msg, i64 {{.*}}3)
// CHECK-NOT: @syscall(
long say_hi(void) { return syscall(SYS_WRITE, 1, msg, 3); }

// With the manifest, the invented second parameter of ds_push is dropped.
// MANIFEST-LABEL: @push(
// MANIFEST: call void @ds_push(i64 %{{[0-9]+}})
// MANIFEST-NOT: call void @ds_push(i64 {{.*}}, i64
void push(long v) { ds_push(v, 0); }
