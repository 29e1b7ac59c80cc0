#!/usr/bin/env bash
# Runs every fuzz target of efficiency-core/tests/fuzz.rs for SECONDS each (default 30), in
# release, with a seed from the clock; inputs that panic are written to target/tmp/fuzz-crashes/.
#   scripts/fuzz.sh 60                      every target, 60 s each
#   scripts/fuzz.sh 300 event_row_scanner   one target
set -euo pipefail
cd "$(dirname "$0")/.."
EFFICIENCY_FUZZ_SECONDS="${1:-30}" EFFICIENCY_FUZZ_TARGET="${2:-}" cargo test --release -p efficiency-core --test fuzz -- --nocapture
