#!/usr/bin/env bash
# Installs every Debian 12 package Semcom needs to build, test and benchmark. Idempotent: packages
# already present are left alone, and nothing outside Debian's archive is fetched.
set -euo pipefail

packages=(
  # build
  cmake ninja-build ccache g++ pkg-config git python3
  # LLVM 19 (headers, dylib, CMake package, lit/FileCheck, lld as tool and library, clang for fuzzers)
  llvm-19 llvm-19-dev llvm-19-tools lld-19 liblld-19-dev clang-19 libclang-rt-19-dev
  # libraries
  libcurl4-openssl-dev rapidjson-dev libmbedtls-dev catch2 zlib1g-dev libzstd-dev libedit-dev libxml2-dev
  # running and checking generated programs
  file binutils curl bubblewrap qemu-user-static
  # rendering the demo's report.html in a test (headless)
  chromium
  # benchmarks (bench/http: the HTTP example against nginx under wrk)
  wrk nginx-light
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
