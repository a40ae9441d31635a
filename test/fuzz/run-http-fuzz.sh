#!/usr/bin/env bash
#===- test/fuzz/run-http-fuzz.sh - fuzz the IR HTTP request parser under ASan -===#
# Compiles runtime/http.ll and runtime/html.ll with clang-19 (ASan + libFuzzer coverage), links
# them with http_parser_fuzz.cpp and the host stand-ins of test/unit/http/HostStandIns.cpp, seeds
# the corpus from test/unit/http/Inputs/requests.txt and fuzzes for SECONDS (default 600). A
# crash, leak or broken invariant stops it with a reproducer in OUTDIR.
#
# usage: test/fuzz/run-http-fuzz.sh [SECONDS] [OUTDIR]
set -euo pipefail
seconds=${1:-600}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${2:-$root/build/fuzz/http}
clang=/usr/lib/llvm-19/bin/clang

mkdir -p "$out/corpus" "$out/seeds"
for module in http html; do
  "$clang" -c -O1 -g -fsanitize=fuzzer-no-link,address -Wno-override-module \
    "$root/runtime/$module.ll" -o "$out/$module.o"
done
"$clang"++ -O1 -g -std=c++17 -fsanitize=fuzzer,address "$here/http_parser_fuzz.cpp" \
  "$root/test/unit/http/HostStandIns.cpp" "$out/http.o" "$out/html.o" -o "$out/http_parser_fuzz"

# one seed file per corpus request, decoded the way the tests decode them
python3 - "$root/test/unit/http/Inputs/requests.txt" "$out/seeds" <<'PY'
import importlib.util, os, sys
spec = importlib.util.spec_from_file_location(
    "http_check", os.path.join(os.path.dirname(sys.argv[1]), "../../../lit/http/Inputs/http_check.py"))
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)
for lineno, _, request in check.read_corpus(sys.argv[1]):
    with open(os.path.join(sys.argv[2], "line%03d" % lineno), "wb") as f:
        f.write(request)
PY

cd "$out"
exec ./http_parser_fuzz -max_total_time="$seconds" -dict="$here/http.dict" -max_len=24576 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus seeds
