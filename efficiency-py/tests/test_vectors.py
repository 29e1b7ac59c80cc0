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


def build_clock(sc):
    stat = efficiency.TimeLimit(sc["statutory"]["amount"], sc["statutory"]["unit"])
    kwargs = {}
    if sc.get("promised"):
        kwargs["promised"] = efficiency.TimeLimit(sc["promised"]["amount"], sc["promised"]["unit"])
    if sc.get("extension"):
        e = sc["extension"]
        kwargs.update(extension_approver=e["approver"], max_extension=e["max_amount"], max_extensions=e["max_count"])
    if "config" in sc:
        kwargs["day_end"] = sc["config"]["day_end"]
    clock = efficiency.Clock(CALENDARS["china"], sc["accepted_at"], stat, **kwargs)
    if "supplement" in sc:
        clock.supplement_notice(sc["supplement"]["received_at"], sc["supplement"]["notice_at"])
    for e in sc["events"]:
        if e["event"] == "suspend":
            clock.suspend(e["at"], e["reason"])
        elif e["event"] == "request_extension":
            clock.request_extension(e["at"], e["amount"], e["reason"])
        elif e["event"] == "approve_extension":
            clock.approve_extension(e["at"], e["approver"])
        else:
            getattr(clock, e["event"])(e["at"])
    return clock.status(sc["as_of"])


def clock_outcome(sc):
    try:
        s = build_clock(sc)
    except efficiency.EfficiencyError as e:
        return {"error": e.code}
    return {
        "counting_from": s["counting_from"].isoformat(),
        "promised_due": s["promised_due"].isoformat(),
        "statutory_due": s["statutory_due"] and s["statutory_due"].isoformat(),
        "extended_by": s["extended_by"],
        "remaining": s["remaining"],
        "elapsed": s["elapsed"],
        "state": s["state"],
        "level": s["level"],
        "outcome": s["outcome"],
        "extension_pending": s["extension_pending"],
        "findings": [f["code"] for f in s["findings"]],
    }


def test_clock_vectors():
    scenarios = json.loads((VECTORS / "clock.json").read_text())["scenarios"]
    assert len(scenarios) >= 300
    failures = []
    for sc in scenarios:
        got = clock_outcome(sc)
        if got != sc["expect"]:  # numbers compare by value: 3 == 3.0
            failures.append(f"{sc['id']}:\n  expected {sc['expect']}\n  got      {got}")
    assert not failures, f"{len(failures)} of {len(scenarios)} failed:\n" + "\n".join(failures[:20])


def test_clock_vectors_through_the_batch_api():
    """Scenarios without events, extensions or supplements, evaluated as one batch, agree too."""
    import numpy as np

    simple = [
        sc
        for sc in json.loads((VECTORS / "clock.json").read_text())["scenarios"]
        if not sc["events"]
        and "error" not in sc["expect"]
        and not {"extension", "supplement", "config"} & sc.keys()
        and (sc.get("promised") or sc["statutory"])["unit"] == sc["statutory"]["unit"]
    ]
    assert len(simple) > 150
    cols = efficiency.evaluate_clocks(
        CALENDARS["china"],
        np.array([sc["accepted_at"] for sc in simple], dtype="datetime64[s]"),
        np.array([(sc.get("promised") or sc["statutory"])["amount"] for sc in simple]),
        [sc["statutory"]["unit"] for sc in simple],
        np.array([sc["as_of"] for sc in simple], dtype="datetime64[s]"),
        statutory_amount=np.array([sc["statutory"]["amount"] for sc in simple]),
    )
    for i, sc in enumerate(simple):
        want = sc["expect"]
        assert str(cols["promised_due"][i]) == want["promised_due"], sc["id"]
        assert str(cols["statutory_due"][i]) == want["statutory_due"], sc["id"]
        assert cols["remaining"][i] == want["remaining"], sc["id"]
        assert efficiency.LEVELS[cols["level"][i]] == want["level"], sc["id"]


CTX = efficiency.CaseContext.sample()


def case_status_json(s):
    c = s["clock"]
    return {
        "stage": s["stage"],
        "item": s["item"],
        "window": s["window"],
        "first_responder": s["first_responder"],
        "handler": s["handler"],
        "unit": s["unit"],
        "decision": s["decision"],
        "on_the_spot": s["on_the_spot"],
        "clock": None
        if c is None
        else {
            "promised_due": c["promised_due"].isoformat(),
            "statutory_due": c["statutory_due"] and c["statutory_due"].isoformat(),
            "level": c["level"],
            "outcome": c["outcome"],
            "extended_by": c["extended_by"],
            "state": c["state"],
        },
        "findings": [
            {
                "code": f["code"],
                "severity": f["severity"],
                "at": f["at"].isoformat(),
                "events": f["events"],
                "people": f["people"],
            }
            for f in s["findings"]
        ],
        "level": s["level"],
        "level_reasons": [[r["source"], r["level"], r["code"], r["at"].isoformat()] for r in s["level_reasons"]],
    }


def judging(not_judged: list[str]) -> efficiency.CaseContext:
    rules = {**json.loads(efficiency.FINDING_RULES_JSON), "not_judged": not_judged}
    return efficiency.CaseContext(
        efficiency.Calendar.china(),
        efficiency.ItemCatalog.templates(),
        efficiency.SAMPLE_ROSTER_JSON,
        json.dumps(rules),
    )


def test_case_vectors():
    scenarios = json.loads((VECTORS / "cases" / "cases.json").read_text())["scenarios"]
    assert len(scenarios) >= 60
    failures = []
    for sc in scenarios:
        # A scenario may replace the rule table's `not_judged` (a bureau that judges all).
        ctx = CTX if "not_judged" not in sc else judging(sc["not_judged"])
        try:
            got = case_status_json(efficiency.Case.from_jsonl(ctx, "\n".join(sc["lines"])).status(sc["as_of"]))
        except efficiency.EfficiencyError as e:
            got = {"error": e.code, "line": getattr(e, "line", None)}
        if got != sc["expect"]:
            failures.append(f"{sc['id']}:\n  expected {sc['expect']}\n  got      {got}")
    assert not failures, f"{len(failures)} of {len(scenarios)} failed:\n" + "\n".join(failures[:10])


def test_case_vectors_through_streaming_replay():
    """The good scenarios, sorted by case id and streamed in small chunks, give the same status."""
    scenarios = [
        sc
        for sc in json.loads((VECTORS / "cases" / "cases.json").read_text())["scenarios"]
        if "error" not in sc["expect"] and "not_judged" not in sc
    ]
    by_case = {json.loads(sc["lines"][0])["case"]: sc for sc in scenarios}
    for as_of in sorted({sc["as_of"] for sc in scenarios})[:5]:
        chosen = {cid: sc for cid, sc in by_case.items() if sc["as_of"] == as_of}
        lines = [line for cid in sorted(chosen) for line in chosen[cid]["lines"]]
        got = {s["case"]: case_status_json(s) for s in efficiency.replay_cases(CTX, lines, as_of=as_of, chunk_size=3)}
        assert got == {cid: sc["expect"] for cid, sc in chosen.items()}


def test_accountability_vectors():
    scenarios = json.loads((VECTORS / "accountability" / "accountability.json").read_text())["scenarios"]
    assert len(scenarios) >= 40
    org = efficiency.Organisation.sample()
    keys = ["person", "responsibility", "source", "code", "at", "severity", "repeat_of", "proposal", "measures"]

    def iso(v):
        return v.isoformat() if hasattr(v, "isoformat") else v

    def entry(e):
        out = {k: iso(e[k]) for k in keys}
        if out["repeat_of"]:
            out["repeat_of"] = {"source": e["repeat_of"]["source"], "at": iso(e["repeat_of"]["at"])}
        if out["proposal"]:
            out["proposal"] = {"severity": e["proposal"]["severity"], "measures": e["proposal"]["measures"]}
        return out

    def run(sc):
        rules = (
            efficiency.AccountabilityRules.from_json(json.dumps(sc["rules"]))
            if "rules" in sc
            else efficiency.AccountabilityRules()
        )
        kind = sc["kind"]
        if kind == "list":
            return [
                entry(e) for e in efficiency.accountability_list(org, sc["faults"], period=sc["period"], rules=rules)
            ]
        if kind in ("activity", "activity_list"):
            act = efficiency.Activity.from_json(json.dumps(sc["activity"]))
            faults = act.faults(org, efficiency.ActivityRules(), sc["as_of"])
            if kind == "activity":
                return [{k: iso(f[k]) for k in ("source", "code", "severity", "at", "people", "unit")} for f in faults]
            return [entry(e) for e in efficiency.accountability_list(org, faults, period=sc["period"], rules=rules)]
        if kind in ("whereabouts_board", "ratings_summary", "publication_register"):
            act = efficiency.Activity.from_json(json.dumps(sc["activity"]))
            if kind == "whereabouts_board":
                rows = act.whereabouts_board(org, sc["as_of"])
            else:
                rows = getattr(act, kind)(org, efficiency.ActivityRules(), sc["as_of"])
            # The masked record is the masking's (its own vectors), the labels the catalogue's:
            # rows compared without them.
            return [{k: iso(v) for k, v in r.items() if k not in ("record", "masked_labels")} for r in rows]
        if kind == "sanction":
            span = rules.sanction_span(
                [(s["kind"], datetime.date.fromisoformat(s["start"])) for s in sc["running"]],
                sc["new"],
                datetime.date.fromisoformat(sc["start"]),
            )
            return {k: iso(span[k]) for k in ("until_min", "until_max", "permanent")}
        if kind == "organisation":
            efficiency.Organisation.from_json(json.dumps(sc["organisation"]))
            return "loaded"
        return "loaded"

    failures = []
    for sc in scenarios:
        try:
            got = run(sc)
            ok = got == sc["expect"]
        except efficiency.EfficiencyError as e:
            got = str(e)
            ok = "error" in sc["expect"] and sc["expect"]["error"] in got
        if not ok:
            failures.append(f"{sc['id']}:\n  expected {sc['expect']}\n  got      {got}")
    assert not failures, f"{len(failures)} of {len(scenarios)} failed:\n" + "\n".join(failures[:10])


def test_assessment_vectors():
    scenarios = json.loads((VECTORS / "assessment" / "assessment.json").read_text())["scenarios"]
    assert len(scenarios) >= 30
    org = efficiency.Organisation.sample()

    def iso(v):
        return v.isoformat() if hasattr(v, "isoformat") else v

    def run(sc):
        rules = (
            efficiency.AssessmentRules.from_json(json.dumps(sc["rules"]))
            if "rules" in sc
            else efficiency.AssessmentRules()
        )
        kind = sc["kind"]
        if kind == "score":
            cards = efficiency.score_units(
                org,
                sc["units"],
                period=sc["period"],
                faults=sc["faults"],
                inspections=sc["inspections"],
                commendations=sc["commendations"],
                metrics=sc["metrics"],
                rules=rules,
            )
            keys = ["unit", "total", "grade_by_points", "grade", "vetoes", "rank"]
            return [
                {
                    **{k: c[k] for k in keys},
                    "lines": [{"rule": ln["rule"], "points": ln["points"]} for ln in c["lines"]],
                }
                for c in cards
            ]
        if kind == "campaign":
            plan = json.dumps(sc["plan"]) if "plan" in sc else None
            statuses, faults = efficiency.Campaign(sc["year"], plan).status(org, sc["submissions"], sc["as_of"])
            return {
                "statuses": [{"task": s["task"], "unit": s["unit"], "state": s["state"]} for s in statuses],
                "faults": [{"code": f["code"], "unit": f["unit"], "at": iso(f["at"])} for f in faults],
            }
        if kind == "phase":
            p = efficiency.Campaign(sc["year"]).phase_on(datetime.date.fromisoformat(sc["date"]))
            return p["code"] if p else None
        if kind == "self_inspection":
            return [
                {"code": f["code"], "people": f["people"], "at": iso(f["at"])}
                for f in efficiency.self_inspection_faults(org, sc["form"], sc["as_of"])
            ]
        return "loaded"

    failures = []
    for sc in scenarios:
        try:
            got = run(sc)
            ok = got == sc["expect"]
        except efficiency.EfficiencyError as e:
            got = str(e)
            ok = "error" in sc["expect"] and sc["expect"]["error"] in got
        if not ok:
            failures.append(f"{sc['id']}:\n  expected {sc['expect']}\n  got      {got}")
    assert not failures, f"{len(failures)} of {len(scenarios)} failed:\n" + "\n".join(failures[:10])


def test_annual_review_columns():
    review = efficiency.annual_review()
    assert review["summary"]["cases"] == 400 and review["summary"]["rejected_rows"] == 0
    for table in ("metrics", "faults", "accountability", "scorecards", "score_lines", "campaign_status"):
        columns = review[table]
        lengths = {len(v) for v in columns.values()}
        assert len(lengths) == 1 and lengths.pop() > 0, table
    assert set(review["scorecards"]["grade"]) <= {"excellent", "good", "qualified", "unqualified"}
    # Every deduction line names its findings.
    lines = review["score_lines"]
    assert all(f for r, f in zip(lines["rule"], lines["findings"], strict=True) if r.startswith("deduction "))


def test_scorecard_diff_commendations_and_heads():
    org = efficiency.Organisation.sample()
    fault = {"source": "case C", "code": "time_limit.statutory_missed", "severity": "serious", "people": ["aff01"]}
    faults = [
        dict(fault, at="2026-03-01T17:30:00"),
        dict(fault, at="2026-08-01T17:30:00"),
        dict(fault, at="2026-09-01T17:30:00"),
    ]
    h1 = efficiency.score_units(
        org, ["affairs", "marriage"], period=("2026-01-01T00:00", "2026-07-01T00:00"), faults=faults
    )
    h2 = efficiency.score_units(
        org, ["affairs", "marriage"], period=("2026-07-01T00:00", "2027-01-01T00:00"), faults=faults
    )
    affairs = lambda cards: next(c for c in cards if c["unit"] == "affairs")
    d = efficiency.scorecard_diff(affairs(h1), affairs(h2))
    assert d[0] == {"rule": "deduction time_limit.statutory_missed", "before": -3.0, "after": -6.0, "change": -3.0}
    assert d[-1]["rule"] == "total" and d[-1]["change"] == -3.0
    assert efficiency.commendation_list(h2) == ["marriage", "affairs"]  # 94 points is still excellent
    assert efficiency.heads_responsible(h2) == []


def test_annual_review_refuses_impossible_years():
    with pytest.raises(efficiency.ArgumentError, match="year must be a whole number from 2 to 9998") as e:
        efficiency.annual_review(year=10**6)
    assert e.value.code == "argument.out_of_range" and e.value.field == "year"


def test_masking_vectors():
    doc = json.loads((VECTORS / "masking" / "masking.json").read_text())
    assert len(doc["texts"]) >= 100
    policy = efficiency.MaskPolicy()
    failures = []
    for t in doc["texts"]:
        spans = [[s["kind"], s["start"], s["end"]] for s in efficiency.find_personal_data(t["text"])]
        if spans != t["spans"]:
            failures.append(f"{t['id']}: {spans} != {t['spans']}")
        for profile, want in t["masked"].items():
            got = policy.mask_text(t["text"], profile)
            # Python indexes str by code point: the spans cut the same characters.
            for m in got["masks"]:
                assert m["kind"] in {s[0] for s in t["spans"]}
            again = policy.mask_text(got["text"], profile)
            if got["text"] != want or again["text"] != want or again["masks"]:
                failures.append(f"{t['id']} {profile}: {got['text']!r} != {want!r}")
    for r in doc["records"]:
        try:
            got = [list(f) for f in policy.mask_record(r["fields"], r["profile"])["fields"]]
        except efficiency.EfficiencyError as e:
            got = {"error": e.code}
        if got != r["expect"]:
            failures.append(f"{r['id']}: {got} != {r['expect']}")
    assert not failures, "\n".join(failures)


def test_guide_vectors():
    doc = json.loads((VECTORS / "guides" / "guides.json").read_text())
    assert len(doc["scenarios"]) >= 60

    def cat(v):
        return efficiency.GuideCatalogue.from_json(json.dumps(v))

    def iso(v):
        if isinstance(v, dict):
            return {k: iso(x) for k, x in v.items()}
        if isinstance(v, list):
            return [iso(x) for x in v]
        return v.isoformat() if hasattr(v, "isoformat") else v

    def close(a, b):
        if isinstance(a, float) or isinstance(b, float):
            return a is not None and b is not None and abs(a - b) < 1e-9
        if isinstance(a, dict) and isinstance(b, dict):
            return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
        if isinstance(a, list) and isinstance(b, list):
            return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
        return a == b

    def run(sc):
        expect = sc["expect"]
        if sc["kind"] == "load":
            return [g["code"] for g in cat(sc["catalogue"]).guides] == expect["codes"]
        if sc["kind"] == "diff":
            return iso(cat(sc["new"]).diff(cat(sc["old"]))) == expect
        if sc["kind"] == "streamlining":
            prev = cat(sc["previous"]) if "previous" in sc else None
            return close(cat(sc["catalogue"]).streamlining(prev), expect)
        text = cat(sc["catalogue"]).render(sc["code"], sc["format"], sc["lang"])
        if "json" in expect:
            return json.loads(text) == expect["json"]
        return all(line in text for line in expect["contains"])

    failures = []
    for sc in doc["scenarios"]:
        try:
            ok = run(sc) and "error" not in sc["expect"]
        except efficiency.EfficiencyError as e:
            ok = (e.code, e.field) == (sc["expect"].get("error"), sc["expect"].get("field"))
        if not ok:
            failures.append(sc["id"])
    assert not failures, failures


def test_supervision_vectors():
    doc = json.loads((VECTORS / "supervision" / "supervision.json").read_text())
    ctx = efficiency.CaseContext.sample()
    failures = []
    for sc in doc["scenarios"]:
        try:
            b = efficiency.supervision_board(ctx, doc["lines"], as_of=sc["as_of"], **sc["options"])
            got = {
                "rows": b["rows"],
                "new_cards": [c["id"] for c in b["new_cards"]],
                "open_cards": [[c["id"], c["state"]] for c in b["open_cards"]],
                "escalated": sorted(
                    [c["id"], c["escalated"]["at"].isoformat(), c["escalated"]["to"]]
                    for c in {c["id"]: c for c in b["new_cards"] + b["open_cards"]}.values()
                    if c["escalated"]
                ),
                "errors": len(b["errors"]),
            }
        except efficiency.EfficiencyError as e:
            got = {"error": e.code}
        if got != sc["expect"]:
            failures.append(f"{sc['id']}: {json.dumps(got, default=str)[:300]}")
    assert len(doc["scenarios"]) >= 7 and not failures, "\n".join(failures)
