#!/usr/bin/env bash
# Re-records the demo fixture: each run of recording/manifest.json is made once through the command
# provider, whose answers come from semcom-mock-llm serving a scripted answer file, into
# recording/cache/ (model "mock-model"); then `semcom demo --update-expect` writes the outcomes.
# Usage: record.sh BUILD/bin   (run it after a change that alters a prompt; commit the result)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$1" && pwd)
rec=$here/recording
work=$(mktemp -d)
chmod 755 "$work" # the sandbox may run generated programs as another user (semcom as root)
trap 'rm -rf "$work"' EXIT
rm -rf "$rec/cache"

record() { # NAME ANSWERS TREE-or-"" SEMCOM-ARGS...
  local name=$1 answers=$2 tree=$3
  shift 3
  mkdir -p "$work/$name"
  if [ -n "$tree" ]; then cp -r "$tree"/. "$work/$name"/; fi
  "$bin/semcom-mock-llm" --background --lifetime 120 --port-file "$work/port" \
    --pid-file "$work/pid" --script "$answers" > /dev/null
  (cd "$work/$name" && MOCK_PORT=$(cat "$work/port") "$bin/semcom" "$@" --json \
     --provider command --llm-command "python3 $here/ask-mock.py" --model mock-model \
     --cache-dir "$rec/cache" > /dev/null 2>&1) || true
  kill "$(cat "$work/pid")" 2> /dev/null || true
}

record library "$here/library.json" "" fn --batch "$rec/inputs/library.txt" --no-patterns
record abs-test "$here/../../test-directive/Inputs/repair.json" "$rec/inputs/abs-tree" \
  run "$rec/inputs/abs.task"
record echo-server "$here/../../../../examples/demo/echo-server.json" "" \
  build "Build a TCP echo server on port 8080" -o echo-server
record transform-rpn "$here/../../transform/Inputs/rpn-port.json" "" \
  transform "$here/../../../../examples/python/rpn-calculator" --out .
"$bin/semcom" demo --recordings "$rec" --out "$work/demo" --update-expect
echo "recorded: $(find "$rec/cache" -name '*.json' | wc -l) answers in $rec/cache"
