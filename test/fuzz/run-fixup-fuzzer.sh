#!/usr/bin/env bash
# Builds the pre-parse repair + semcom-fixup libFuzzer target with clang-19 under ASan/UBSan and
# runs it for a while (default 600 s) on a corpus seeded from the lit tests' IR. Not run in CI.
# Usage: test/fuzz/run-fixup-fuzzer.sh [SECONDS] [JOBS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
secs="${1:-600}"
jobs="${2:-1}"
out="${SEMCOM_FUZZ_DIR:-$root/build/fuzz}"
mkdir -p "$out/corpus" "$out/artifacts"
cxx=/usr/lib/llvm-19/bin/clang++
flags=(-std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -I/usr/lib/llvm-19/include
       -D_GNU_SOURCE -D__STDC_CONSTANT_MACROS -D__STDC_FORMAT_MACROS -D__STDC_LIMIT_MACROS
       -DSEMCOM_HAVE_MANIFEST=1)
# Rebuild only when a source changed since the last build (it takes minutes under sanitizers).
if [ ! -x "$out/fixup-fuzzer" ] || [ -n "$(find "$here" "$root/passes" "$root/manifest" \
     -newer "$out/fixup-fuzzer" \( -name '*.cpp' -o -name '*.h' \) | head -1)" ]; then
  echo "fuzz: building $out/fixup-fuzzer"
  # Compile a snapshot: an editor rewriting a source under clang's mmap makes clang crash.
  rm -rf "$out/src" && mkdir -p "$out/src"
  cp -r "$root/passes" "$root/manifest" "$here/FixupFuzzer.cpp" "$out/src/"
  "$cxx" "${flags[@]}" -I"$out/src/passes/include" -I"$out/src/manifest/include" \
    "$out/src/FixupFuzzer.cpp" "$out"/src/passes/lib/*.cpp "$out"/src/manifest/lib/*.cpp \
    -L/usr/lib/llvm-19/lib -lLLVM-19 -Wl,-rpath,/usr/lib/llvm-19/lib -o "$out/fixup-fuzzer.new"
  mv "$out/fixup-fuzzer.new" "$out/fixup-fuzzer"
fi
# Seeds: every IR-ish file the lit tests use.
find "$root/test/lit/passes" -name '*.ll' -o -name '*.ll.txt' | while read -r f; do
  cp "$f" "$out/corpus/seed-$(basename "$f")"
done
echo "fuzz: running for ${secs}s"
parallel=()
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
cd "$out" # libFuzzer writes its logs into the working directory
"$out/fixup-fuzzer" "$out/corpus" -max_total_time="$secs" "${parallel[@]}" \
  -artifact_prefix="$out/artifacts/" -max_len=65536 -print_final_stats=1 -timeout=10 -rss_limit_mb=4096
