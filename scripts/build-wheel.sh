#!/usr/bin/env bash
# Builds the Python distribution into target/wheels/: the wheel (CPython 3.11+ abi3, Linux
# x86-64, manylinux_2_17: built with zig from the Python registry against glibc 2.17) and the
# sdist, then shows what auditwheel finds (the glibc symbols the extension needs).
#   scripts/build-wheel.sh     (after scripts/test-all.sh has made .venv once)
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf target/wheels
# maturin finds zig (the ziglang package) on PATH only.
export PATH="$PWD/.venv/bin:$PATH"
CARGO_TARGET_DIR="$PWD/target/wheel" maturin build --quiet --release --zig \
  --compatibility manylinux2014 -m efficiency-py/Cargo.toml --out target/wheels
maturin sdist -m efficiency-py/Cargo.toml --out target/wheels
auditwheel show target/wheels/*.whl
ls -l target/wheels
