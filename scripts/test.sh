#!/usr/bin/env bash
# The whole test suite from a clean clone: set-up, configure, build, then ctest (which runs lit too).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -G Ninja ${SEMCOM_CMAKE_ARGS:-}
cmake --build build
ctest --test-dir build --output-on-failure -j "$(nproc)"
