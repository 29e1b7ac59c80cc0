#!/usr/bin/env bash
# Builds the ES module (browsers and Node) into efficiency-wasm/pkg with TypeScript definitions.
#   scripts/build-wasm.sh            dev build (fast; what the tests use)
#   scripts/build-wasm.sh --release  optimised build for shipping
set -euo pipefail
cd "$(dirname "$0")/.."
profile=debug
args=()
if [[ "${1:-}" == "--release" ]]; then profile=release; args=(--release); fi
cargo build -p efficiency-wasm --target wasm32-unknown-unknown --lib "${args[@]}"
wasm-bindgen --target web --typescript --out-dir efficiency-wasm/pkg \
  "target/wasm32-unknown-unknown/$profile/efficiency_wasm.wasm"
# The pages' chart library, from the npm registry (installed with the test dependencies), served
# beside the module: the pages never reach the network.
if [[ -f efficiency-wasm/node_modules/echarts/dist/echarts.min.js ]]; then
  cp efficiency-wasm/node_modules/echarts/dist/echarts.min.js efficiency-wasm/pkg/
fi
echo "built efficiency-wasm/pkg ($profile): $(du -h efficiency-wasm/pkg/efficiency_wasm_bg.wasm | cut -f1) wasm"
