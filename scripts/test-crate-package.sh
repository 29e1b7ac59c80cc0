#!/usr/bin/env bash
# The crate as crates.io would receive it: `cargo package` (package and verify) and
# `cargo publish --dry-run`, then
# the packaged crate's own tests run from the unpacked package, outside the workspace (its
# vectors are packaged with it: efficiency-core/tests/vectors links to the repository's).
#   scripts/test-crate-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo package --allow-dirty --quiet -p efficiency-core
cargo publish --dry-run --allow-dirty --no-verify --quiet -p efficiency-core
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
crate=target/package/efficiency-core-$version.crate
echo "packaged: $crate ($(stat -c %s "$crate") bytes, $(tar -tzf "$crate" | wc -l) files)"
# One place (so that the build is reused), files touched on extraction (so that a changed file is
# rebuilt), outside the workspace's directories that cargo would take the package to be part of.
work=$PWD/target/package-test
rm -rf "$work/src"
mkdir -p "$work/src"
tar -xzmf "$crate" -C "$work/src"
cd "$work"/src/efficiency-core-*
# A package outside any workspace: an empty [workspace] table keeps cargo from looking upward.
printf '\n[workspace]\n' >> Cargo.toml
CARGO_TARGET_DIR="$work/target" cargo test --quiet
