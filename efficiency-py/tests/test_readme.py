"""The README's Python blocks marked `<!-- example: runs ... -->` run as written, and every line
ending in `# -> value` evaluates to that value (compared as Python literals)."""

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
    for block in blocks():
        namespace: dict = {}
        for line in block.splitlines():
            code, _, want = line.partition("  # -> ")
            if want:
                got = eval(compile(code, "README.md", "eval"), namespace)
                assert got == ast.literal_eval(want), f"{code!r}: {got!r} != {want}"
                checked += 1
            else:
                exec(compile(line, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    assert checked >= 8
