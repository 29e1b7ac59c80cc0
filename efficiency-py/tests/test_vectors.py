"""The language-neutral vectors in tests/vectors/, run against the Python API."""

import datetime
import json
import pathlib

import pytest

import efficiency

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors"
CALENDARS = {
    "china": efficiency.Calendar.china(),
    "china_provisional": efficiency.Calendar.china(provisional=True),
}


def run(case):
    cal = CALENDARS[case["calendar"]]
    args = case["args"]
    op = case["op"]
    if op == "day":
        d = args["date"]
        return {"kind": cal.day_kind(d), "is_workday": cal.is_workday(d), "holiday_name": cal.holiday_name(d)}
    if op == "add_workdays":
        return cal.add_workdays(args["date"], args["n"]).isoformat()
    if op == "next_workday":
        return cal.next_workday(args["date"]).isoformat()
    if op == "previous_workday":
        return cal.previous_workday(args["date"]).isoformat()
    if op == "workdays_between":
        return cal.workdays_between(args["a"], args["b"])
    raise AssertionError(f"unknown op {op}")


def outcome(case):
    try:
        return {"value": run(case)}
    except efficiency.EfficiencyError as e:
        return {"error": e.code}


def test_calendar_vectors():
    cases = json.loads((VECTORS / "calendar.json").read_text())["cases"]
    assert len(cases) >= 2000
    failures = [f"{c['id']}: expected {c['expect']}, got {outcome(c)}" for c in cases if outcome(c) != c["expect"]]
    assert not failures, f"{len(failures)} of {len(cases)} failed:\n" + "\n".join(failures[:50])


def test_vectors_through_the_array_api():
    """The batch form gives the same answers as the scalar one, row by row."""
    import numpy as np

    cases = [
        c
        for c in json.loads((VECTORS / "calendar.json").read_text())["cases"]
        if c["op"] == "add_workdays" and c["calendar"] == "china" and "invalid" not in c["id"]
    ]
    dates = np.array([c["args"]["date"] for c in cases], dtype="datetime64[D]")
    ns = np.array([c["args"]["n"] for c in cases], dtype=np.int64)
    values, failed = CALENDARS["china"].add_workdays_many(dates, ns, errors="return")
    failed_rows = {row: err.code for row, err in failed}
    for i, c in enumerate(cases):
        if "error" in c["expect"]:
            assert failed_rows.get(i) == c["expect"]["error"], c["id"]
            assert np.isnat(values[i])
        else:
            assert str(values[i]) == c["expect"]["value"], c["id"]


@pytest.mark.parametrize("date", [datetime.date(2026, 10, 10), datetime.datetime(2026, 10, 10, 23, 59), "2026-10-10"])
def test_date_arguments(date):
    assert efficiency.Calendar.china().day_kind(date) == "makeup_workday"
