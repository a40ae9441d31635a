#!/usr/bin/env bash
# Re-records the demo fixture the way real recordings are made: `semcom demo --record` runs every
# run of recording/manifest.json through the command provider, here answered by semcom-mock-llm
# serving the runs' scripted answers in order (model "mock-model"), into recording/cache/, and
# writes the outcomes into the manifest's "expect".
# Usage: record.sh BUILD/bin   (after a change that alters a prompt; commit the result)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$1" && pwd)
rec=$here/recording
work=$(mktemp -d)
chmod 755 "$work" # the sandbox may run generated programs as another user (semcom as root)
trap 'kill "$(cat "$work/pid")" 2> /dev/null || true; rm -rf "$work"' EXIT

# The answers of every run, in the manifest's order.
python3 - "$work/answers.json" "$here/library.json" \
  "$here/../../test-directive/Inputs/repair.json" \
  "$here/../../transform/Inputs/rpn-port.json" <<'PY'
import json, sys
answers = []
for path in sys.argv[2:]:
    answers += json.load(open(path))["responses"]
json.dump({"responses": answers}, open(sys.argv[1], "w"))
PY
"$bin/semcom-mock-llm" --background --lifetime 300 --port-file "$work/port" \
  --pid-file "$work/pid" --script "$work/answers.json" > /dev/null
rm -rf "$rec/cache"
MOCK_PORT=$(cat "$work/port") "$bin/semcom" demo --record --recordings "$rec" --out "$work/demo" \
  --update-expect -- --provider command --model mock-model \
  --llm-command "python3 $here/ask-mock.py"
echo "recorded: $(find "$rec/cache" -name '*.json' | wc -l) answers in $rec/cache"
