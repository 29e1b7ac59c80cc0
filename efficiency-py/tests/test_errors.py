"""tests/vectors/errors.json in Python: every bad input gives the same code as in Rust and JS."""

import datetime as dt
import json
import math
import pathlib

import pytest

import efficiency as ef

DOC = json.loads((pathlib.Path(__file__).parents[2] / "tests/vectors/errors.json").read_text())
CAL = ef.Calendar.china()
ORG = ef.Organisation.sample()
CTX = ef.CaseContext.sample()


def arg(v):
    """JSON argument -> Python value (the tags spell what JSON cannot)."""
    if isinstance(v, dict) and set(v) == {"$float"}:
        return {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}[v["$float"]]
    if isinstance(v, list):
        return [arg(x) for x in v]
    return v


def clock(case):
    c = ef.Clock(CAL, "2026-09-28T10:00", ef.TimeLimit.workdays(20))
    for name, *args in case.get("before", []):
        getattr(c, name)(*args)
    return c


# Each operation of the manifest that errors.json calls, as the Python API spells it.
CALLS = {
    "Calendar.from_json": lambda c, a: ef.Calendar.from_json(*a),
    "Calendar.china": lambda c, a: ef.Calendar.china(*a),
    "TimeLimit.new": lambda c, a: ef.TimeLimit(*a),
    "TimeLimit.workdays": lambda c, a: ef.TimeLimit.workdays(*a),
    "TimeLimit.natural_days": lambda c, a: ef.TimeLimit.natural_days(*a),
    "TimeLimit.work_hours": lambda c, a: ef.TimeLimit.work_hours(*a),
    "Clock.new": lambda c, a: ef.Clock(CAL, a[0], ef.TimeLimit.workdays(a[1])),
    "Case.from_jsonl": lambda c, a: ef.Case.from_jsonl(CTX, *a),
    "Organisation.from_json": lambda c, a: ef.Organisation.from_json(*a),
    "AccountabilityRules.from_json": lambda c, a: ef.AccountabilityRules.from_json(*a),
    "AssessmentRules.from_json": lambda c, a: ef.AssessmentRules.from_json(*a),
    "AssessmentRules.from_toml": lambda c, a: ef.AssessmentRules.from_toml(*a),
    "Campaign.new": lambda c, a: ef.Campaign(*a),
    "Activity.from_json": lambda c, a: ef.Activity.from_json(*a),
    "annual_review_sample": lambda c, a: ef.annual_review_sample(*a),
    "evaluate_clocks": lambda c, a: ef.evaluate_clocks(CAL, *a),
    "accountability_list": lambda c, a: ef.accountability_list(ORG, a[0], period=a[1]),
    "score_units": lambda c, a: ef.score_units(ORG, a[0], period=a[1], **a[2]),
    "activity.faults": lambda c, a: ef.Activity.from_json(a[0]).faults(ORG, ef.ActivityRules(), a[1]),
}
RECEIVERS = {
    "calendar": lambda c: CAL,
    "clock": clock,
    "case": lambda c: ef.Case.from_jsonl(CTX, "\n".join(c["case_lines"])),
    "organisation": lambda c: ORG,
    "accountability_rules": lambda c: ef.AccountabilityRules(),
    "campaign": lambda c: ef.Campaign(2026),
}


def call(case):
    op, args = case["op"], arg(case["args"])
    if op in CALLS:
        return CALLS[op](case, args)
    receiver, method = op.split(".")
    return getattr(RECEIVERS[receiver](case), method)(*args)


@pytest.mark.parametrize("case", DOC["cases"], ids=[c["id"] for c in DOC["cases"]])
def test_error_vector(case):
    with pytest.raises(ef.EfficiencyError) as e:
        call(case)
    want = case["expect"]
    got = {"code": e.value.code}
    if "field" in want:
        got["field"] = e.value.field
    if "line" in case:
        got["line"] = e.value.line
        want = {**want, "line": case["line"]}
    assert got == want, str(e.value)
    assert e.value.code in ef.ERROR_CODES


def test_the_vectors_are_many_and_varied():
    assert len(DOC["cases"]) >= 150
    assert len({c["expect"]["code"] for c in DOC["cases"]}) >= 25


BATCHES = {
    "calendar.add_workdays_many": lambda a: CAL.add_workdays_many(a[0], a[1], errors="return"),
    "calendar.workdays_between_many": lambda a: CAL.workdays_between_many(a[0], a[1], errors="return"),
    "evaluate_clocks": lambda a: ef.evaluate_clocks(CAL, a[0], a[1], a[2], a[3], errors="return"),
}


@pytest.mark.parametrize("batch", DOC["batches"], ids=[b["id"] for b in DOC["batches"]])
def test_batch_vector(batch):
    _, failed = BATCHES[batch["op"]](arg(batch["args"]))
    assert [[row, e.code] for row, e in failed] == batch["rows"]
    assert all(e.row == row for row, e in failed)


def test_no_input_of_any_type_panics_or_escapes_the_error_model():
    """Random arguments of every kind: each refusal is an EfficiencyError with a published code,
    or a TypeError for a Python type the call cannot take; never anything else (no panic)."""
    import random

    import numpy as np

    vals = [None, True, 0, -1, 2**31, 2**70, 1.5, math.nan, math.inf, "", "x", "2026-09-28", "2026-09-28T10:00",
            "2031-01-01", [], [1], ["2026-09-28"], {}, {"a": 1}, dt.date(2026, 9, 28), dt.datetime(2026, 9, 28, 10),
            np.datetime64("NaT"), np.array([1, 2]), object(), b"x", (1, 2)]  # fmt: skip
    clock = ef.Clock(CAL, "2026-09-28T10:00", ef.TimeLimit.workdays(20))
    case = ef.Case.from_jsonl(
        CTX, '{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}'
    )
    calls = [CAL.add_workdays, CAL.day_info, CAL.workdays_between, CAL.add_workdays_many, CAL.workdays_between_many,
             CAL.with_year, ef.Calendar.from_json, ef.TimeLimit, clock.status, clock.explain, clock.suspend,
             clock.request_extension, lambda *a: ef.Clock(CAL, *a), case.status, case.append,
             lambda *a: ef.Case.from_jsonl(CTX, *a), ORG.chain, ef.AccountabilityRules().sanction_span, ef.Campaign,
             ef.annual_review_sample, lambda *a: ef.evaluate_clocks(CAL, *a), ef.scorecard_diff,
             lambda *a: ef.CaseReplay(CTX, *a), lambda *a: ef.self_inspection_faults(ORG, *a)]  # fmt: skip
    rng = random.Random(7)
    bad = set()
    for n, f in enumerate(calls):
        for k in (1, 2, 3):
            for _ in range(25):
                args = [rng.choice(vals) for _ in range(k)]
                try:
                    f(*args)
                except ef.EfficiencyError as e:
                    if e.code not in ef.ERROR_CODES:
                        bad.add(f"call {n}: unpublished {e.code}")
                except TypeError:
                    pass
                except BaseException as e:  # noqa: BLE001 - the point is to catch anything else
                    bad.add(f"call {n}: {type(e).__name__}: {e}")
    assert sorted(bad) == []


def test_documents_and_lines_over_the_size_limits_are_coded_errors():
    huge = " " * (64 * 1024 * 1024 + 1)
    for load in (ef.Calendar.from_json, ef.ItemCatalog.from_json, ef.Organisation.from_json):
        with pytest.raises(ef.ArgumentError) as e:
            load(huge)
        assert e.value.code == "argument.too_large"
        assert "67108865 bytes" in str(e.value)
    with pytest.raises(ef.ArgumentError) as e:
        ef.Bureau.from_files({"organisation.json": huge})
    assert (e.value.code, e.value.field) == ("argument.too_large", "organisation.json")
    long = '{"id":"' + "x" * (1024 * 1024) + '"}'
    good = (
        '{"id":"e1","case":"A","at":"2026-11-02T09:30:00","actor":"mar01",'
        '"event":"receive","item":"civil.marriage_registration"}'
    )
    errors = []
    statuses = list(ef.replay_cases(ef.CaseContext.sample(), [long, good], as_of="2026-12-01", errors=errors))
    assert [(row, e.code) for row, e in errors] == [(0, "case.line_too_long")]
    assert [s["case"] for s in statuses] == ["A"]


def test_an_error_reads_as_a_chinese_sentence_for_a_bureaus_staff():
    files = dict(ef.SAMPLE_BUREAU_FILES)
    files["organisation.json"] = files["organisation.json"].replace('"head": "soc-h"', '"head": "nobody"', 1)
    with pytest.raises(ef.EfficiencyError) as e:
        ef.Bureau.from_files(files)
    # `.text` is the sentence (where included, no code); `.message` stays the English detail.
    assert e.value.code == "org.unknown_person"
    assert e.value.text.startswith("组织机构中没有这名人员：“nobody”（位置：organisation.json")
    assert "org." not in e.value.text
    assert ef.error_text(e.value) == e.value.text
    assert ef.error_text(e.value, "en").startswith('A person the organisation does not have: "nobody"')
    # An error a result carries reads the same way.
    row = {"code": "case.unknown_actor", "message": 'unknown actor "x9"', "line": 3}
    assert ef.error_text(row) == "人员名册中没有这名经办人：“x9”（第3行）。"
    with pytest.raises(ef.ArgumentError) as bad:
        ef.error_text({"code": "nope", "message": ""})
    assert (bad.value.code, bad.value.field) == ("argument.invalid_choice", "error.code")


def _deep(levels: int) -> list:
    deep: list = []
    for _ in range(levels):
        deep = [deep]
    return deep


def test_a_deep_or_self_containing_argument_is_a_coded_error_never_a_crash():
    # 6,000 levels used to overflow the stack and kill the process (SIGSEGV).
    deep = _deep(6000)
    loop: dict = {"a": 1}
    loop["self"] = loop
    ctx = ef.CaseContext.sample()
    lines = ef.SAMPLE_BUREAU_FILES["cases.jsonl"].splitlines()[:20]
    policy = ef.MaskPolicy()
    calls = [
        lambda x: policy.mask_record(x, "court"),
        lambda x: policy.mask_record([{"field": "a", "kind": "text", "value": "v", "label": x}], "court"),
        lambda x: ef.supervision_board(ctx, lines, as_of="2026-11-30T17:30", actions=[x]),
        lambda x: ef.accountability_list(ef.Organisation.sample(), [x], period=("2026-01-01", "2027-01-01")),
    ]
    for call in calls:
        for bad in (deep, loop):
            with pytest.raises(ef.ArgumentError) as e:
                call(bad)
            assert e.value.code == "argument.too_deep", e.value
            assert "100" in str(e.value)
    # The error names where: the path to the level where the limit was met.
    with pytest.raises(ef.ArgumentError) as e:
        policy.mask_record([{"field": "a", "kind": "text", "value": "v", "label": _deep(200)}], "court")
    assert e.value.field.startswith("fields[0].label[0][0]")
    with pytest.raises(ef.ArgumentError) as e:
        policy.mask_record([loop], "court")
    assert e.value.field.startswith("fields[0].self.self")
    # An ordinary record reads as before.
    assert policy.mask_record([{"field": "a", "kind": "text", "value": "v"}], "court")["fields"] == [["a", "v"]]
