#!/usr/bin/env bash
# Semcom's loop end to end on this machine, with no network and no API key: set-up, build, then
# `semcom demo` replaying the recorded real-model runs of examples/recordings/ when they exist;
# otherwise a program from one sentence and a module fixed without a repair call, whose answers are
# scripted (examples/demo/*.json) and served by semcom-mock-llm on loopback; everything after the
# answer (pre-parse repair, fixup passes, verifier, code generation, linking, running) is real.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/setup.sh
cmake -S . -B build -G Ninja ${SEMCOM_CMAKE_ARGS:-} > /dev/null
cmake --build build
bin=$root/build/bin
out=${1:-$root/demo-out}
rm -rf "$out" && mkdir -p "$out"

# With recorded real-model runs, the demo replays them (`semcom demo`: only the answers come from
# the recording; fixups, validation, linking and sandboxed tests run live). It needs no provider;
# one that is configured is only mentioned, so the demo stays offline and reproducible.
if [ -f examples/recordings/manifest.json ]; then
  if [ -n "${ANTHROPIC_API_KEY:-}${OPENAI_BASE_URL:-}" ] || [ -f .semcom/config.json ]; then
    echo "(a model provider is configured; this demo still replays the recordings. To call it:"
    echo " $bin/semcom build \"Build a TCP echo server on port 8080\" -o echo)"
  fi
  exec "$bin/semcom" demo --out "$out"
fi

mock_pid=""
cleanup() { [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null || true; }
trap cleanup EXIT
start_mock() { # $1: script of answers
  "$bin/semcom-mock-llm" --background --lifetime 300 --port-file "$out/.port" \
    --pid-file "$out/.pid" --script "$1" > /dev/null
  mock_pid=$(cat "$out/.pid")
  llm=(--provider anthropic --base-url "http://127.0.0.1:$(cat "$out/.port")" --model scripted-demo
       --no-cache)
}
export ANTHROPIC_API_KEY=demo-not-a-key

echo
echo "== Semcom demo: SCRIPTED answers replayed by semcom-mock-llm (no model is called) =="
echo
echo "-- 1. A program from one sentence: plan, create, link (semcom build)"
start_mock examples/demo/echo-server.json
"$bin/semcom" build "Build a TCP echo server on port 8080" -o "$out/echo" "${llm[@]}"
file "$out/echo"
python3 test/lit/runtime/Inputs/echo_client.py --connections 3 -- "$out/echo"
cleanup

echo
echo "-- 2. Mistakes fixed without a model call: a wrong [N x i8] count and a misdeclared runtime"
echo "      function in the (scripted) answer; one request, no repair round (semcom create)"
start_mock examples/demo/greet.json
mkdir -p "$out/tree"
(cd "$out/tree" && "$bin/semcom" create greet.ll "A function @greet that prints hello world" "${llm[@]}")
echo "--- $out/tree/greet.ll"
cat "$out/tree/greet.ll"
cleanup

echo
echo "-- 3. The hand-written examples on the runtime (static, libc-free):"
ls -l build/examples/x86_64/ | awk 'NR>1 {print "   " $5 " bytes  " $9}'
echo
echo "Demo done. Output in $out"
