"""Docstring examples of the native classes run as tests, and the stub matches the module."""

import doctest
import subprocess
import sys

import pytest

import efficiency


@pytest.mark.parametrize("obj", [efficiency.Calendar, efficiency.Clock, efficiency.TimeLimit])
def test_docstring_examples(obj):
    tests = doctest.DocTestFinder().find(obj, obj.__name__, globs={})
    examples = sum(len(t.examples) for t in tests)
    assert examples > 0
    runner = doctest.DocTestRunner()
    for t in tests:
        runner.run(t)
    assert runner.failures == 0


def test_stub_matches_runtime():
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "efficiency._efficiency"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
