"""The result types are generated from the Rust types and hold in practice: the generated files
are current, the package and the README's examples type-check, and real results have exactly
the fields the schema lists."""

import json
import pathlib
import subprocess
import sys

import calls

import efficiency as ef

ROOT = pathlib.Path(__file__).parents[2]
SCHEMA = json.loads((ROOT / "tests/api/schema.json").read_text())


def test_generated_types_are_current():
    r = subprocess.run(
        [sys.executable, str(ROOT / "scripts/gen_types.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert r.returncode == 0, r.stderr


def test_package_and_examples_type_check():
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(ROOT / "efficiency-py/tests/typed/examples.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    r = subprocess.run(
        [sys.executable, "-m", "mypy", str(ROOT / "efficiency-py/python/efficiency")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_typed_examples_run():
    sys.path.insert(0, str(ROOT / "efficiency-py/tests/typed"))
    try:
        import examples
    finally:
        sys.path.pop(0)
    out = examples.main()
    assert out["due"] == "2026-10-30" and out["code"] == "calendar.year_not_covered"
    assert out["level"] == "red" and "extension.unauthorized_approver" in out["findings"]
    assert out["accountable"] == [("off01", "direct"), ("off-h", "main_leadership")]


# One deep checker for every result (efficiency-py/tests/calls.py, which every operation's call
# runs through too).
_conforms = calls.conforms


def _check(name, value):
    problems = _conforms(SCHEMA["roots"][name], value, name)
    assert not problems, "\n".join(problems[:20])


def test_the_checker_sees_nested_keys_and_types():
    status = ef.Case.from_jsonl(
        ef.CaseContext.sample(),
        '{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}',
    ).status("2026-11-03T09:00")
    _check("CaseStatus", status)
    bad = {**status, "findings": [{**status["findings"][0], "nameZh": "x"}]}
    assert any("nameZh" in p for p in _conforms(SCHEMA["roots"]["CaseStatus"], bad, "CaseStatus"))
    bad = {**status, "as_of": "2026-11-03T09:00:00"}
    assert _conforms(SCHEMA["roots"]["CaseStatus"], bad, "CaseStatus")


def test_results_have_the_schema_fields():
    cal = ef.Calendar.china()
    _check("DayInfo", cal.day_info("2026-10-01"))
    _check("WorkdayReckoning", cal.explain_add_workdays("2026-09-28", 5))
    clock = ef.Clock(cal, "2026-09-28T10:00", ef.TimeLimit.workdays(20))
    clock.suspend("2026-10-09T10:00", "expert review")
    _check("ClockStatus", clock.status("2026-10-20T10:00"))
    _check("ClockExplanation", clock.explain("2026-10-20T10:00"))
    ctx = ef.CaseContext.sample()
    case = ef.Case.from_jsonl(
        ctx, '{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}'
    )
    status = case.status("2026-11-03T09:00")
    _check("CaseStatus", status)
    faults = case.faults("2026-11-03T09:00")
    _check("Fault", faults[0])
    org = ef.Organisation.sample()
    _check("Link", org.chain("mar01")[0])
    entries = ef.accountability_list(org, faults, period=("2026-01-01T00:00", "2027-01-01T00:00"))
    _check("Entry", entries[0])
    _check("SanctionSpan", ef.AccountabilityRules().sanction_span([], ["warning"], "2026-07-01"))
    review = ef.annual_review_sample(2026, 60, 1)
    _check("AnnualReview", review)
    _check("Scorecard", review["scorecards"][0])
    _check("GroupMetrics", review["metrics"][0])
    _check("TaskStatus", review["campaign_status"][0])
    _check("Phase", ef.Campaign(2026).phases[0])
    _check("Task", ef.Campaign(2026).tasks[0])
    _check("ConductRule", ef.ActivityRules().conduct[0])
    _check("DiffLine", ef.scorecard_diff(review["scorecards"][0], review["scorecards"][1])[0])
    guides = ef.GuideCatalogue.sample().guides
    for g in guides:
        _check("Guide", g)
