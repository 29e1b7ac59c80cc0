"""The Python examples run and print what their docstrings say."""

import pathlib
import subprocess
import sys

EXAMPLES = pathlib.Path(__file__).parents[1] / "examples"


def test_polars_and_duckdb_example_agree_on_the_sample_year():
    out = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", str(EXAMPLES / "polars_duckdb.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    want = "{'affairs': 42, 'marriage': 11, 'social_org': 18}"
    assert out == [f"findings per unit (Polars): {want}", f"findings per unit (DuckDB): {want}"]
