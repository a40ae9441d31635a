#!/usr/bin/env bash
# Installs this build into a temporary prefix and builds a consumer project against it with
# find_package(Semcom); the consumer and the installed tools must run.
set -euo pipefail
build=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
cmake -S "$src/test/install" -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
  > "$work/configure.log" || { cat "$work/configure.log"; exit 1; }
cmake --build "$work/consumer" > "$work/build.log" || { cat "$work/build.log"; exit 1; }
"$work/consumer/consumer"
cat "$work/consumer/paths.txt"
"$work/prefix/bin/semcom" --version
ls "$work/prefix/lib/libsemcom_rt_x86_64.a" "$work/prefix/share/semcom/runtime/io.ll" > /dev/null
# The installed semcom finds the installed runtime: link hello from its source.
printf 'declare i64 @print_str(ptr)\n@m = private constant [4 x i8] c"ok\\0A\\00"\ndefine i64 @semcom_main(i64 %%a, ptr %%v) {\n  %%r = call i64 @print_str(ptr @m)\n  ret i64 0\n}\n' > "$work/hello.ll"
"$work/prefix/bin/semcom" link "$work/hello.ll" -o "$work/hello"
"$work/hello"
# The installed plugin loads in stock opt.
/usr/lib/llvm-19/bin/opt -load-pass-plugin="$work/prefix/lib/SemcomPasses.so" -passes=semcom-fixup \
  "$work/hello.ll" -S -o /dev/null
echo "install: ok"
