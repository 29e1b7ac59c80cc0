#!/usr/bin/env bash
# The built wheel as a user installs it: a fresh venv (target/wheel-venv) with the wheel from
# target/wheels/ and the test tools only, then the Python tests run against the installed
# package (not the source tree): every test file but the PySpark one (its 500 MB runtime is
# tested against the development build), the package README's doctest and its metadata.
#   scripts/test-wheel.sh      (after scripts/build-wheel.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$PWD/target/wheel-venv"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check target/wheels/*.whl \
  $(grep -E '^(pytest|numpy|mypy|pandas|pyarrow|polars|duckdb|openpyxl)==' efficiency-py/requirements-dev.txt)
# The package imported is the installed one.
(cd /tmp && "$venv/bin/python" - <<'PY'
import importlib.metadata as md
import efficiency
assert "site-packages" in efficiency.__file__, efficiency.__file__
meta = md.metadata("efficiency")
assert meta["License-Expression"] == "MIT OR Apache-2.0", meta["License-Expression"]
assert "Typing :: Typed" in meta.get_all("Classifier")
assert meta["Description-Content-Type"].startswith("text/markdown"), meta["Description-Content-Type"]
assert sorted(meta.get_all("License-File")) == ["LICENSE-APACHE", "LICENSE-MIT"]
files = {str(f) for f in md.files("efficiency")}
assert "efficiency/py.typed" in files and "efficiency/_efficiency.pyi" in files, files
print("installed", efficiency.__file__, "version", md.version("efficiency"))
PY
)
"$venv/bin/python" -m pytest -q -p no:cacheprovider efficiency-py/tests efficiency-py/README.md \
  --ignore=efficiency-py/tests/test_spark.py
