"""The README's Python blocks marked `<!-- example: runs ... -->` run as written, and every
statement ending in `# -> value` evaluates to that value. Blocks run in order in one namespace,
as a reader would run them, in a folder holding the files the examples read: the sample
bureau's cases as two quarters of JSON lines (2026-q3.jsonl, 2026-q4.jsonl), as a Parquet file
(events.parquet) and a Parquet folder with an event order column (events/), and its documents
(bureau/). They run in a process of their own: the Spark block starts a JVM, whose heap is
fixed for the life of the process, and the Spark tests need theirs."""

import ast
import importlib.util
import json
import os
import pathlib
import re
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq

import efficiency

README = pathlib.Path(__file__).parents[2] / "README.md"
BLOCK = re.compile(r"<!-- example: runs[^\n]*-->\n```python\n(.*?)```", re.DOTALL)


def blocks():
    found = BLOCK.findall(README.read_text())
    assert found, "no runnable examples marked in the README"
    return found


def write_the_files_the_examples_read(folder: pathlib.Path) -> None:
    files = dict(efficiency.SAMPLE_BUREAU_FILES)
    lines = files["cases.jsonl"].splitlines()
    rows = [json.loads(line) for line in lines]
    cases = sorted({r["case"] for r in rows})
    first_half = set(cases[: len(cases) // 2])
    for name, keep in (("2026-q3.jsonl", True), ("2026-q4.jsonl", False)):
        chosen = [line for line, r in zip(lines, rows, strict=True) if (r["case"] in first_half) == keep]
        (folder / name).write_text("\n".join(chosen) + "\n")
    columns = [c for c in efficiency.EVENT_COLUMNS if any(c in r for r in rows)]
    table = pa.table({c: [r.get(c) for r in rows] for c in columns})
    pq.write_table(table, folder / "events.parquet")
    (folder / "events").mkdir()
    pq.write_table(table.append_column("seq", pa.array(range(table.num_rows))), folder / "events" / "part-0.parquet")
    (folder / "bureau").mkdir()
    for name, text in files.items():
        (folder / "bureau" / name).write_text(text)


def test_marked_readme_examples_run_and_show_what_they_say(tmp_path):
    run = subprocess.run(
        [sys.executable, __file__, str(tmp_path)], capture_output=True, text=True, timeout=900, check=False
    )
    assert run.returncode == 0, run.stderr[-4000:]
    assert int(run.stdout.split()[-1]) >= 20, run.stdout


def run_examples(folder: pathlib.Path) -> int:
    """Runs the marked blocks in `folder` (filled with the files they read); the values checked."""
    write_the_files_the_examples_read(folder)
    os.chdir(folder)
    checked = 0
    namespace: dict = {}  # one reader, top to bottom: a block may use what an earlier one made
    for block in blocks():
        if "pyspark" in block and importlib.util.find_spec("pyspark") is None:
            continue  # the installed wheel's venv has no Spark; the development venv runs it
        lines = block.splitlines()
        for stmt in ast.parse(block).body:
            source = "\n".join(lines[stmt.lineno - 1 : stmt.end_lineno])
            _, _, want = lines[stmt.end_lineno - 1].partition("  # -> ")
            if want and isinstance(stmt, ast.Expr):
                got = eval(compile(ast.Expression(stmt.value), "README.md", "eval"), namespace)
                expected = eval(want, namespace)  # the README's own text, e.g. datetime.date(2026, 10, 30)
                assert got == expected, f"{source!r}: {got!r} != {want}"
                checked += 1
            else:
                exec(compile(ast.Module([stmt], []), "README.md", "exec"), namespace)  # noqa: S102 - the README's own code
    return checked


if __name__ == "__main__":
    print(run_examples(pathlib.Path(sys.argv[1])))
