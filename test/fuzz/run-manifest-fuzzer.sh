#!/usr/bin/env bash
# Builds the manifest text fuzzer with clang 19 in build-fuzz/ and runs it for SECONDS (default 120).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-120}"
CC=clang-19 CXX=clang++-19 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSEMCOM_BUILD_BENCH=OFF -DSEMCOM_FUZZ_SMOKE_TEST=ON >/dev/null
cmake --build build-fuzz --target fuzz
mkdir -p build-fuzz/corpus/manifest
cp -n test/fuzz/corpus/manifest/* build-fuzz/corpus/manifest/ 2>/dev/null || true
cd build-fuzz
exec bin/manifest_text_fuzzer corpus/manifest -dict=../test/fuzz/manifest.dict \
  -max_total_time="$seconds" -max_len=4096 -print_final_stats=1
