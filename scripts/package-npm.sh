#!/usr/bin/env bash
# Builds the npm package `efficiency-wasm` (browsers, bundlers and Node; one optimised .wasm)
# and packs it: efficiency-wasm/dist/efficiency-wasm-<version>.tgz. Prints the module's size
# before and after wasm-opt (binaryen from the npm registry, installed with the JS test tools),
# raw and gzipped, and writes them to efficiency-wasm/dist/sizes.txt.
#   scripts/package-npm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dist=efficiency-wasm/dist
out=$dist/package
rm -rf "$dist"
mkdir -p "$out/web" "$out/node"
cargo build -p efficiency-wasm --target wasm32-unknown-unknown --lib --profile wasm-release
wasm-bindgen --target web --typescript --out-dir "$out/web" \
  target/wasm32-unknown-unknown/wasm-release/efficiency_wasm.wasm
wasm="$out/web/efficiency_wasm_bg.wasm"
size() { printf '%s bytes (%s gzipped)' "$(stat -c %s "$1")" "$(gzip -9c "$1" | wc -c)"; }
before=$(size "$wasm")
# The features Rust's wasm32 target emits; wasm-opt refuses a module using one not listed.
efficiency-wasm/node_modules/.bin/wasm-opt -Oz \
  --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
after=$(size "$wasm")
cp efficiency-wasm/npm/node.js "$out/node/index.js"
cp efficiency-wasm/npm/README.md LICENSE-MIT LICENSE-APACHE "$out/"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
sed "s/@VERSION@/$version/" efficiency-wasm/npm/package.json > "$out/package.json"
(cd "$dist" && npm pack --silent ./package >/dev/null)
{
  echo "efficiency_wasm_bg.wasm before wasm-opt -Oz: $before"
  echo "efficiency_wasm_bg.wasm after wasm-opt -Oz:  $after"
  echo "package: $(ls "$dist"/*.tgz) $(stat -c %s "$dist"/*.tgz) bytes"
} | tee "$dist/sizes.txt"
