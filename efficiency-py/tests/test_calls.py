"""Every public operation called (tests/api/calls.json): Python gives the answers the file holds
(the JS tests give the same in Node and Chromium), every result has the type the manifest names,
and no operation is left uncalled."""

import json
import subprocess
import sys

import calls
import pytest

DOC = json.loads((calls.ROOT / "tests/api/calls.json").read_text())
RESULTS = list(calls.run(DOC))


def test_the_answers_are_current():
    stale = [
        f"step {i} {step['op']}: {calls.canonical(got)[:300]} where the file has {calls.canonical(step['answer'])[:300]}"
        for i, (step, _raw, got) in enumerate(RESULTS)
        if calls.canonical(got) != calls.canonical(step["answer"])
    ]
    assert stale == [], "run .venv/bin/python tests/api/generate_calls.py"
    r = subprocess.run(
        [sys.executable, str(calls.ROOT / "tests/api/generate_calls.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("i", range(len(RESULTS)), ids=[f"{i}-{s['op']}" for i, (s, _r, _a) in enumerate(RESULTS)])
def test_every_result_has_its_type(i):
    step, raw, got = RESULTS[i]
    op = calls.OPS[step["op"]]
    if isinstance(got, dict) and "error" in got:
        return
    returns = op.get("python_returns", op["returns"])
    problems = calls.conforms(calls.type_schema(returns), raw, f"{step['op']}")
    assert problems == []


def test_every_operation_is_called_and_typed():
    called = {step["op"] for step in DOC["steps"]}
    ops = [op for op in calls.MANIFEST["operations"] if not op["rust"].startswith("type ")]
    assert [op["id"] for op in ops if op["id"] not in called] == []
    assert [op["id"] for op in ops if "returns" not in op] == []
    for op in ops:
        if "result_differs" in op:
            assert op["compare"] in calls.VIEWS and "python_returns" in op, op["id"]


def test_the_type_check_sees_keys_case_and_items():
    status = next(raw for step, raw, _ in RESULTS if step["op"] == "case.status")
    schema = calls.type_schema("CaseStatus")
    assert calls.conforms(schema, status, "s") == []
    assert calls.conforms(schema, {**status, "asOf": status["as_of"]}, "s")
    assert calls.conforms(schema, {**status, "as_of": "2026-12-01T09:00:00"}, "s")
    assert calls.conforms(calls.type_schema("Fault[]"), [{"code": 3}], "f")
    assert calls.conforms(calls.type_schema("class Calendar"), "x", "c")
    assert calls.conforms(calls.type_schema("[int, int]"), (2004,), "y")
