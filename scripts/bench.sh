#!/usr/bin/env bash
# The boundary benchmarks in one run, on this machine: Python against numpy, JS against native
# JS and against a loop. Builds the release extension and module first. Reports, asserts nothing.
# Usage: bash scripts/bench.sh   (after scripts/test-all.sh has installed the toolchain once)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(uname -sr)"
(cd efficiency-py && VIRTUAL_ENV="$PWD/../.venv" CARGO_TARGET_DIR="$PWD/../target/maturin-release" \
  ../.venv/bin/maturin develop --release --quiet >/dev/null)
.venv/bin/python efficiency-py/benches/bench_calendar.py
scripts/build-wasm.sh --release >/dev/null
node efficiency-wasm/benches/bench.mjs
# Leave the debug extension and module the tests use.
(cd efficiency-py && VIRTUAL_ENV="$PWD/../.venv" CARGO_TARGET_DIR="$PWD/../target/maturin" \
  ../.venv/bin/maturin develop --quiet >/dev/null)
scripts/build-wasm.sh >/dev/null
