"""The README's Python blocks marked `<!-- example: runs ... -->` run as written, and every
statement ending in `# -> value` evaluates to that value. Blocks run in order in one namespace,
as a reader would run them."""

import ast
import pathlib
import re

README = pathlib.Path(__file__).parents[2] / "README.md"
BLOCK = re.compile(r"<!-- example: runs[^\n]*-->\n```python\n(.*?)```", re.DOTALL)


def blocks():
    found = BLOCK.findall(README.read_text())
    assert found, "no runnable examples marked in the README"
    return found


def test_marked_readme_examples_run_and_show_what_they_say():
    checked = 0
    namespace: dict = {}  # one reader, top to bottom: a block may use what an earlier one made
    for block in blocks():
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
    assert checked >= 8
