"""The result types are generated from the Rust types and hold in practice: the generated files
are current, the package and the README's examples type-check, and real results have exactly
the fields the schema lists."""

import datetime as dt
import json
import pathlib
import subprocess
import sys

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


def _resolve(schema):
    while "$ref" in schema:
        schema = SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _conforms(schema, value, path):
    """Problems of `value` against `schema`, deep: every key of every object (and its case),
    every item, every type, every date and time."""
    schema = _resolve(schema)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            tries = [_conforms(s, value, path) for s in schema[key]]
            return [] if any(not t for t in tries) else min(tries, key=len)
    if "const" in schema:
        return [] if value == schema["const"] else [f"{path}: {value!r} is not {schema['const']!r}"]
    if "enum" in schema:
        return [] if value in schema["enum"] else [f"{path}: {value!r} not in {schema['enum']}"]
    types = schema.get("type")
    types = [types] if isinstance(types, str) else (types or [])
    if value is None:
        return [] if "null" in types or not types else [f"{path}: None where {types}"]
    fmt = schema.get("format")
    if fmt == "date":
        return [] if type(value) is dt.date else [f"{path}: {value!r} is not a date"]
    if fmt == "partial-date-time":
        return [] if isinstance(value, dt.datetime) else [f"{path}: {value!r} is not a datetime"]
    if isinstance(value, dict):
        if "object" not in types:
            return [f"{path}: an object where {types}"]
        props = schema.get("properties")
        out = []
        if props is not None:
            keys = set(value)
            if not keys <= set(props):
                out.append(f"{path}: keys {sorted(keys - set(props))} not in the type")
            missing = set(schema.get("required", [])) - keys
            if missing:
                out.append(f"{path}: missing {sorted(missing)}")
            for k, v in value.items():
                if k in props:
                    out += _conforms(props[k], v, f"{path}.{k}")
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            for k, v in value.items():
                if props is None or k not in props:
                    out += _conforms(extra, v, f"{path}[{k!r}]")
        return out
    if isinstance(value, (list, tuple)):
        if "array" not in types:
            return [f"{path}: a list where {types}"]
        if "prefixItems" in schema:
            return [
                p for i, (s, v) in enumerate(zip(schema["prefixItems"], value)) for p in _conforms(s, v, f"{path}[{i}]")
            ]
        items = schema.get("items")
        return [p for i, v in enumerate(value) for p in _conforms(items, v, f"{path}[{i}]")] if items else []
    if isinstance(value, bool):
        ok = "boolean" in types
    elif isinstance(value, int):
        ok = "integer" in types or "number" in types
    elif isinstance(value, float):
        ok = "number" in types
    elif isinstance(value, str):
        ok = "string" in types
    else:
        ok = False
    return [] if ok else [f"{path}: {type(value).__name__} {value!r} where {types}"]


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
