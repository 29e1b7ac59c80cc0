#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: Rust (fmt, clippy, unit, doc, property,
# vectors, the packaged crate), Python (pytest against the built extension, doctests, stubtest,
# ruff; the manylinux wheel installed into a fresh venv), the wasm binding under Node and in
# headless Chromium, the JS API under Node and in Chromium, and the npm package installed into
# an empty project (Node, tsc, Chromium).
# Idempotent: a second run skips what is installed. Usage: bash scripts/test-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
SECONDS=0
step() { printf '\n== [%4ss] %s\n' "$SECONDS" "$*"; }
run() { "$@" 2>&1 | tee -a "$LOG"; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

step "install: chromium, chromium-driver, a CJK font (the pages' screenshots) and a Java 17+ runtime for PySpark (Debian), if missing"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-zenhei)
java_major=$(java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1] }' || true)
[ "${java_major:-0}" -ge 17 ] 2>/dev/null || missing+=(openjdk-17-jre-headless)
if ((${#missing[@]})); then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

step "install: Rust wasm32 target and wasm-bindgen-cli at the Cargo.lock version"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
WB=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB" ]; then
  # --locked fails for some versions on this registry mirror (a pinned dependency is missing).
  cargo install wasm-bindgen-cli --version "$WB" --locked || cargo install wasm-bindgen-cli --version "$WB"
fi

step "install: Python venv (.venv) with maturin, pytest, numpy, mypy, ruff, pandas, pyarrow, polars, duckdb, pyspark"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r efficiency-py/requirements-dev.txt

step "install: playwright-core, typescript, echarts and binaryen (wasm-opt) from npm for the JS tests and the package"
(cd efficiency-wasm && { [ -d node_modules/playwright-core ] && [ -d node_modules/typescript ] && [ -d node_modules/@types/node ] && [ -d node_modules/echarts ] && [ -d node_modules/binaryen ] || npm ci --no-audit --no-fund --silent; })

step "rust: fmt, clippy"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "rust: cargo test --workspace (unit, doc, property, vectors)"
# The pyo3 crate's test binary links libpython: point the loader at this interpreter's.
LD_LIBRARY_PATH="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR"))')${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH
run cargo test --workspace
# The result types' JSON Schema (tests/api/schema.json), from which the TS and Python types are generated.
run cargo test -p efficiency-core --features schema --test schema

step "rust: the crate as published (cargo package, cargo publish --dry-run), its own tests from the unpacked package"
run scripts/test-crate-package.sh

step "wasm: binding tests under Node"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
run cargo test -p efficiency-wasm --target wasm32-unknown-unknown --tests

step "wasm: binding tests in headless Chromium (chromedriver)"
WASM_BINDGEN_USE_BROWSER=1 EXPECT_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/efficiency-wasm/webdriver.json" \
  run cargo test -p efficiency-wasm --target wasm32-unknown-unknown --tests

step "python: build the extension (maturin develop) and run pytest, stubtest, ruff"
# Its own target dir: maturin's build flags differ from cargo test's, and sharing would
# rebuild pyo3 on every switch.
(cd efficiency-py && VIRTUAL_ENV="$ROOT/.venv" CARGO_TARGET_DIR="$ROOT/target/maturin" \
  ../.venv/bin/maturin develop --quiet)
run .venv/bin/python -m pytest -q efficiency-py
# The annual report printed to A4 PDF by Chromium, page by page (pypdf reads the pages).
EXPECT_BROWSER=1 run .venv/bin/python -m pytest -q -p no:cacheprovider tests/report
.venv/bin/ruff check efficiency-py tests scripts
.venv/bin/ruff format --check efficiency-py tests scripts

step "python wheel: abi3 manylinux_2_17 wheel (zig) and sdist, auditwheel, installed into a fresh venv, tests run against it"
run scripts/build-wheel.sh
run scripts/test-wheel.sh

step "js: build the ES module and run the JS API tests under Node and in headless Chromium"
scripts/build-wasm.sh
run node --test efficiency-wasm/tests/js/

step "npm package: build (wasm-opt -Oz), pack, install into an empty project, use from Node, tsc and Chromium (README's JS examples)"
scripts/package-npm.sh
run node --test efficiency-wasm/tests/package/

step "summary"
passed=0; failed=0
while read -r p f; do passed=$((passed + p)); failed=$((failed + f)); done < <(
  sed -n -E 's/^test result: (ok|FAILED)\. ([0-9]+) passed; ([0-9]+) failed.*/\2 \3/p' "$LOG"
  awk '/^(=+ )?[0-9]+ (passed|failed)/ && / in [0-9.]+s/ {
    p = 0; f = 0
    for (i = 2; i <= NF; i++) { if ($i ~ /^passed/) p = $(i - 1); if ($i ~ /^failed/) f = $(i - 1) }
    print p, f }' "$LOG"
  awk '/^# pass /{p=$3} /^# fail /{print p, $3}' "$LOG"
)
echo "all suites ran in ${SECONDS}s"
echo "test-all: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
