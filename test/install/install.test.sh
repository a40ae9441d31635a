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
# semcom_add_intent_module: a program from two intent files, its answers from semcom-mock-llm. The
# second build asks no model and has nothing to do.
"$work/prefix/bin/semcom-mock-llm" --background --lifetime 300 --port-file "$work/port" \
  --pid-file "$work/mock.pid" --record "$work/requests.jsonl" \
  --script "$src/test/lit/make/Inputs/make.json" > /dev/null
trap 'kill "$(cat "$work/mock.pid")" 2> /dev/null; rm -rf "$work"' EXIT
cmake -S "$src/test/install/intent" -B "$work/intent" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
  "-DSEMCOM_INTENT_FLAGS=--provider;anthropic;--base-url;http://127.0.0.1:$(cat "$work/port");--model;mock-model" \
  > "$work/intent-configure.log" || { cat "$work/intent-configure.log"; exit 1; }
export ANTHROPIC_API_KEY=test-key
cmake --build "$work/intent" > "$work/intent-build.log" || { cat "$work/intent-build.log"; exit 1; }
[ "$("$work/intent/bin/greeter")" = "Hello, make" ]
calls=$(wc -l < "$work/requests.jsonl")
[ "$calls" -eq 2 ] || { echo "intent: $calls model calls, want 2"; exit 1; }
cmake --build "$work/intent" | tee "$work/intent-again.log" | grep -q "no work to do" \
  || { cat "$work/intent-again.log"; exit 1; }
[ "$(wc -l < "$work/requests.jsonl")" -eq 2 ] || { echo "intent: the second build called the model"; exit 1; }
echo "intent: greeter built with 2 model calls; the second build had no work to do"
echo "install: ok"
