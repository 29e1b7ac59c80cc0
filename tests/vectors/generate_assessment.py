#!/usr/bin/env python3
"""Writes tests/vectors/assessment/assessment.json: scorecard, campaign and self-inspection
scenarios, with expectations from this script's own re-statement of docs/domain.md §10-§11.

    python3 tests/vectors/generate_assessment.py
"""

import copy
import datetime as dt
import json

from oracle import ROOT

ORG = json.loads((ROOT / "efficiency-core/data/sample/organisation.json").read_text())
RULES = json.loads((ROOT / "efficiency-core/data/rules/assessment.json").read_text())
PLAN = json.loads((ROOT / "efficiency-core/data/campaign/plan.json").read_text())
PEOPLE = {p["id"]: p for p in ORG["people"]}
SEV = ["ordinary", "serious", "very_serious"]


def unit_of(f):
    if f.get("unit"):
        return f["unit"]
    for p in f.get("people", []):
        if PEOPLE.get(p, {}).get("unit"):
            return PEOPLE[p]["unit"]
    return None


def rate(n, d):
    return n / d if d else None


def score(units, faults, inspections, commendations, metrics, start, end, rules=RULES):
    cards = []
    for unit in units:
        lines = []
        fs = [f for f in faults if start <= f["at"] < end and unit_of(f) == unit]
        for f in fs:
            d = next((d for d in rules["deductions"] if d["code"] == f["code"]), None)
            if d:
                lines.append({"rule": f"deduction {d['code']}", "category": d["category"], "points": -d["points"]})
        for i in inspections:
            if i["unit"] != unit or not (start <= i["at"] < end):
                continue
            if i["verdict"] == "good":
                if "good_inspection" in rules["bonuses"]:
                    lines.append(
                        {
                            "rule": "bonus good_inspection",
                            "category": "bonus",
                            "points": rules["bonuses"]["good_inspection"],
                        }
                    )
                continue
            lines.append(
                {
                    "rule": f"inspection {i['verdict']}",
                    "category": "inspection",
                    "points": -rules["inspection_verdicts"][i["verdict"]],
                }
            )
        m = next((r for r in metrics if r["group"] == unit), None)
        if m:
            for item in rules["metric_items"]:
                key = {"on_time_rate": "on_time", "on_the_spot_rate": "on_the_spot", "early_rate": "early"}[
                    item["metric"]
                ]
                v = rate(m[key], m["concluded"])
                if v is not None and v < item["below"]:
                    lines.append({"rule": f"metric {item['metric']}", "category": "metrics", "points": -item["points"]})
        for c in commendations:
            if c["unit"] == unit and start <= c["at"] < end and "commendation" in rules["bonuses"]:
                lines.append(
                    {"rule": "bonus commendation", "category": "bonus", "points": rules["bonuses"]["commendation"]}
                )
        lost = {}
        for ln in lines:
            if ln["points"] < 0:
                lost[ln["category"]] = lost.get(ln["category"], 0) + -ln["points"]
        for cat in sorted(lost):
            cap = rules["category_caps"].get(cat)
            if cap is not None and lost[cat] > cap:
                lines.append({"rule": f"cap {cat}", "category": cat, "points": lost[cat] - cap})
        total = rules["base"] + sum(ln["points"] for ln in lines)
        if total > rules["cap"]:
            lines.append({"rule": "cap total", "category": "bonus", "points": rules["cap"] - total})
            total = rules["cap"]
        total = max(total, 0)
        names = [g["name"] for g in rules["grades"]]
        by_points = next(g["name"] for g in rules["grades"] if total >= g["min"])
        idx = names.index(by_points)
        vetoes = []
        for v in rules["vetoes"]:
            # docs/domain.md §11: a veto counts faults of at least its severity and of its category
            # (each when given) and applies from `at_least` of them (default 1).
            cats = {d["code"] for d in rules["deductions"] if d["category"] == v.get("category")}
            counted = [
                f
                for f in fs
                if ("severity" not in v or SEV.index(f["severity"]) >= SEV.index(v["severity"]))
                and ("category" not in v or f["code"] in cats)
            ]
            hit = len(counted) >= v.get("at_least", 1)
            if hit:
                vetoes.append(v["name"])
                idx = max(idx, names.index(v["max_grade"]))
        cards.append(
            {
                "unit": unit,
                "total": round(total * 100) / 100,
                "grade_by_points": by_points,
                "grade": names[idx],
                "vetoes": vetoes,
                "lines": [{"rule": ln["rule"], "points": ln["points"]} for ln in lines],
            }
        )
    for c in cards:
        c["rank"] = 1 + sum(1 for d in cards if d["total"] > c["total"])
    cards.sort(key=lambda c: (c["rank"], c["unit"]))
    return cards


def instantiate(plan, year):
    phases, tasks = [], []
    for i, p in enumerate(plan["phases"]):
        at = f"phases[{i}] ({p['code']})"
        f = dt.date.fromisoformat(f"{year}-{p['from']}")
        t = dt.date.fromisoformat(f"{year}-{p['to']}")
        if phases:
            prev = phases[-1]
            if f <= prev["to"] or f != prev["to"] + dt.timedelta(days=1):
                return {"error": at}
        for k, task in enumerate(p["tasks"]):
            due = dt.date.fromisoformat(f"{year}-{task['due']}")
            if not f <= due <= t:
                return {"error": f"{at}.tasks[{k}] ({task['code']})"}
            tasks.append({"code": task["code"], "owner": task["owner"], "due": due})
        phases.append({"code": p["code"], "from": f, "to": t})
    return {"phases": phases, "tasks": tasks}


def campaign_status(plan, year, submissions, as_of):
    c = instantiate(plan, year)
    if "error" in c:
        return c
    units = [u["id"] for u in ORG["units"] if u["kind"] != "window"]
    office = PEOPLE[ORG["leadership_group"]["office"]["director"]]["unit"]
    statuses, faults = [], []
    for t in c["tasks"]:
        end = dt.datetime.combine(t["due"] + dt.timedelta(days=1), dt.time(0))
        for unit in [office] if t["owner"] == "office" else units:
            subs = sorted(
                dt.datetime.fromisoformat(s["at"])
                for s in submissions
                if s["task"] == t["code"] and s["unit"] == unit and dt.datetime.fromisoformat(s["at"]) <= as_of
            )
            sub = subs[0] if subs else None
            state = ("done" if sub < end else "late") if sub else ("overdue" if as_of >= end else "pending")
            statuses.append({"task": t["code"], "unit": unit, "state": state})
            if state == "late":
                faults.append({"code": "campaign.task_late", "unit": unit, "at": sub.isoformat()})
            if state == "overdue":
                faults.append({"code": "campaign.task_missing", "unit": unit, "at": end.isoformat()})
    return {"statuses": statuses, "faults": faults}


def form_faults(form, as_of):
    out = []
    for i, it in enumerate(form["items"]):
        end = dt.datetime.combine(dt.date.fromisoformat(it["deadline"]) + dt.timedelta(days=1), dt.time(0))
        done = dt.datetime.fromisoformat(it["done_at"]) if it.get("done_at") else None
        done = done if done and done <= as_of else None
        if (done and done >= end) or (not done and as_of >= end):
            out.append(
                {"code": "self_inspection.measure_overdue", "people": [it["responsible"]], "at": end.isoformat()}
            )
    return out


scenarios = []


def add(kind, name, **fields):
    scenarios.append({"id": f"{len(scenarios):03d}-{name}", "kind": kind, **fields})


def F(code, at, people=(), unit=None, severity="ordinary"):
    return {
        "source": f"case {code}",
        "code": code,
        "severity": severity,
        "at": at,
        "people": list(people),
        "unit": unit,
        "events": [],
        "message": "",
    }


START, END = "2026-01-01T00:00:00", "2027-01-01T00:00:00"
UNITS = ["office", "social_org", "marriage", "affairs"]


def card(name, faults=(), inspections=(), commendations=(), metrics=(), rules=None, units=UNITS):
    faults = list(faults)
    sc = {
        "units": units,
        "faults": faults,
        "inspections": list(inspections),
        "commendations": list(commendations),
        "metrics": list(metrics),
        "period": [START, END],
    }
    if rules:
        sc["rules"] = rules
    parse = lambda xs: [dict(x, at=x["at"]) for x in xs]
    sc["expect"] = score(
        units, parse(faults), parse(inspections), parse(commendations), list(metrics), START, END, rules or RULES
    )
    add("score", name, **sc)


T = "2026-06-01T10:00:00"
card("clean-bureau-ties-share-rank-1")
card("one-yellow-card", [F("time_limit.promised_missed", T, ["soc01"])])
card("red-cards-each-unit", [F("time_limit.statutory_missed", T, [p]) for p in ["soc01", "mar01", "aff01", "off01"]])
card("time-limit-category-capped", [F("time_limit.statutory_missed", T, ["aff01"])] * 9)
card(
    "conduct-two-breaches-no-veto",
    [F("conduct.absence", T, ["soc02"]), F("conduct.idling", "2026-07-01T10:00:00", ["soc02"])],
)
card(
    "conduct-veto-three-breaches",
    [F("conduct.absence", T, ["soc02"]), F("conduct.idling", "2026-07-01T10:00:00", ["soc02"]),
     F("conduct.absence", "2026-08-03T09:40:00", ["soc01"])],
)  # fmt: skip
card("conduct-serious-breach-veto", [F("conduct.abuse_of_position", T, ["aff01"], severity="serious")])
card("conduct-one-breach-no-veto", [F("conduct.absence", T, ["soc02"])])
card("very-serious-veto", [F("conduct.abuse_of_position", T, ["aff01"], severity="very_serious")])
card("unit-fault-from-rating", [F("rating.follow_up_missed", T, [], "marriage")])
card("leader-fault-counts-nowhere", [F("extension.unauthorized_approver", T, ["dep01"])])
card(
    "outside-period-ignored",
    [
        F("time_limit.statutory_missed", "2025-12-31T17:30:00", ["soc01"]),
        F("time_limit.statutory_missed", "2027-01-04T17:30:00", ["soc01"]),
    ],
)
card("unknown-code-costs-nothing", [F("inquiry.not_handled", T, ["off01"])], rules=None)
INS = lambda i, unit, verdict: {"id": i, "unit": unit, "at": "2026-11-12T10:00:00", "verdict": verdict, "notes": ""}
card(
    "inspection-verdicts",
    inspections=[
        INS("I1", "social_org", "weak_organisation"),
        INS("I2", "marriage", "measures_not_in_place"),
        INS("I3", "affairs", "going_through_motions"),
        INS("I4", "office", "good"),
    ],
)
COM = lambda i, unit: {"id": i, "unit": unit, "at": "2026-06-20T10:00:00", "reason": "civilised window"}
card("bonus-capped-at-110", commendations=[COM(f"C{k}", "marriage") for k in range(5)])
card("bonus-and-deduction", [F("publication.late", T, ["mar01"])], commendations=[COM("C1", "marriage")])
M = lambda unit, concluded, on_time, spot=0, early=0: {
    "group": unit,
    "concluded": concluded,
    "on_time": on_time,
    "on_the_spot": spot,
    "early": early,
}
card(
    "metric-on-time-below-target",
    metrics=[M("affairs", 100, 90, 20), M("social_org", 100, 97, 20), M("marriage", 50, 50, 48)],
)
card("metric-on-the-spot-below-target", metrics=[M("social_org", 100, 100, 5)])
card("metric-no-cases-no-item", metrics=[M("office", 0, 0)])
card(
    "ties-in-rank",
    [
        F("time_limit.promised_missed", T, ["soc01"]),
        F("time_limit.promised_missed", T, ["mar01"]),
        F("time_limit.statutory_missed", T, ["aff01"]),
    ],
)
card(
    "grade-bands",
    [F("time_limit.statutory_missed", T, ["soc01"])] * 3
    + [F("conduct.rudeness", T, ["soc01"])] * 2
    + [F("complaint.substantiated", T, [], "affairs")] * 4
    + [F("campaign.task_missing", T, [], "affairs")] * 4,
)
card(
    "every-category-at-once",
    [
        F(c, T, ["aff01"])
        for c in [
            "inquiry.not_handled",
            "publication.late",
            "complaint.reply_late",
            "campaign.task_late",
            "self_inspection.measure_overdue",
            "step.overdue",
        ]
    ],
)
local = copy.deepcopy(RULES)
local["grades"] = [{"name": "pass", "name_zh": "合格", "min": 75}, {"name": "fail", "name_zh": "不合格", "min": 0}]
local["vetoes"] = []
card("local-two-band-rules", [F("time_limit.statutory_missed", T, ["soc01"])] * 9, rules=local)
local = copy.deepcopy(RULES)
local["category_caps"] = {}
card("no-caps", [F("time_limit.statutory_missed", T, ["aff01"])] * 40, rules=local)

# The campaign.
subs_all = []
for t in (t for p in PLAN["phases"] for t in p["tasks"]):
    for unit in ["office"] if t["owner"] == "office" else UNITS:
        subs_all.append({"task": t["code"], "unit": unit, "at": f"2026-{t['due']}T10:00:00"})
for as_of in ["2026-04-30T12:00:00", "2026-06-30T12:00:00", "2027-01-01T00:00:00"]:
    st = campaign_status(PLAN, 2026, subs_all, dt.datetime.fromisoformat(as_of))
    add("campaign", f"all-on-time-{as_of[:10]}", submissions=subs_all, year=2026, as_of=as_of, expect=st)
late = [dict(s, at="2026-07-03T10:00:00") if s["task"] == "study" and s["unit"] == "affairs" else s for s in subs_all]
late = [s for s in late if not (s["task"] == "summary" and s["unit"] == "marriage")]
for as_of in ["2026-07-01T09:00:00", "2026-12-31T12:00:00", "2027-01-01T00:00:00"]:
    st = campaign_status(PLAN, 2026, late, dt.datetime.fromisoformat(as_of))
    add("campaign", f"late-and-missing-{as_of[:10]}", submissions=late, year=2026, as_of=as_of, expect=st)
add(
    "campaign",
    "nothing-handed-in-2025",
    submissions=[],
    year=2025,
    as_of="2026-01-01T00:00:00",
    expect=campaign_status(PLAN, 2025, [], dt.datetime(2026, 1, 1)),
)
for name, mutate in [
    ("phases-overlap", lambda p: p["phases"][1].update({"from": "06-20"})),
    ("phases-gap", lambda p: p["phases"][2].update({"from": "09-05"})),
    ("task-due-outside-phase", lambda p: p["phases"][0]["tasks"][0].update({"due": "07-15"})),
]:
    plan = copy.deepcopy(PLAN)
    mutate(plan)
    add(
        "campaign",
        name,
        plan=plan,
        submissions=[],
        year=2026,
        as_of="2026-12-01T00:00:00",
        expect=instantiate(plan, 2026) if "error" in instantiate(plan, 2026) else {"error": "?"},
    )
# Phase on a date.
for d in ["2026-04-30", "2026-05-01", "2026-06-30", "2026-07-01", "2026-10-31", "2026-12-31"]:
    c = instantiate(PLAN, 2026)
    ph = next((p["code"] for p in c["phases"] if p["from"] <= dt.date.fromisoformat(d) <= p["to"]), None)
    add("phase", f"phase-on-{d}", year=2026, date=d, expect=ph)

# Self-inspection forms.
form = {
    "unit": "affairs",
    "items": [
        {
            "system": "time_limit",
            "problem": "p1",
            "measure": "m1",
            "responsible": "aff-h",
            "deadline": "2026-10-15",
            "notice_from": "2026-08-20",
            "notice_to": "2026-09-03",
        },
        {
            "system": "conduct",
            "problem": "p2",
            "measure": "m2",
            "responsible": "aff01",
            "deadline": "2026-09-30",
            "notice_from": "2026-08-20",
            "notice_to": "2026-09-03",
            "done_at": "2026-09-30T16:00:00",
        },
        {
            "system": "first_inquiry",
            "problem": "p3",
            "measure": "m3",
            "responsible": "aff01",
            "deadline": "2026-09-30",
            "notice_from": "2026-08-20",
            "notice_to": "2026-09-03",
            "done_at": "2026-10-02T16:00:00",
        },
    ],
}
for as_of in ["2026-09-30T20:00:00", "2026-10-16T00:00:00", "2026-12-31T00:00:00"]:
    add(
        "self_inspection",
        f"form-{as_of[:10]}",
        form=form,
        as_of=as_of,
        expect=form_faults(form, dt.datetime.fromisoformat(as_of)),
    )

# Bad rules.
for name, mutate, path in [
    ("grade-bands-overlap", lambda r: r["grades"][1].update({"min": 90}), "grades[1]"),
    ("grade-bands-gap", lambda r: r["grades"][3].update({"min": 10}), "grades[3]"),
    ("unknown-finding-code", lambda r: r["deductions"][0].update({"code": "time_limit.yellow"}), "deductions[0].code"),
    ("cap-below-base", lambda r: r.update({"cap": 90}), "cap"),
    ("veto-unknown-grade", lambda r: r["vetoes"][0].update({"max_grade": "disgraceful"}), "vetoes[0].max_grade"),
    ("veto-from-zero-faults", lambda r: r["vetoes"][2].update({"at_least": 0}), "vetoes[2].at_least"),
    ("veto-matches-nothing", lambda r: r["vetoes"][1].pop("category") and r["vetoes"][1].pop("severity"), "vetoes[1]"),
]:
    r = copy.deepcopy(RULES)
    mutate(r)
    add("rules", name, rules=r, expect={"error": path})

doc = {
    "description": "Assessment scenarios: scorecards (caps, vetoes, ties in rank, bonuses, metric items, local rules), "
    "the campaign (task status, late and missing deliverables, bad plans, phase of a date), self-inspection forms, and "
    "bad rule tables. Generated by generate_assessment.py; the organisation is the sample bureau.",
    "how": "score: score_units(org, rules or default, units, faults, inspections, commendations, metrics rows, period) -> "
    "cards (unit, total, grade_by_points, grade, vetoes, rank, lines: rule and points); campaign: default or given plan "
    "instantiated for year, status(org, submissions, as_of) -> statuses (task, unit, state) and faults (code, unit, at) "
    "or {error: path}; phase: the phase code on a date; self_inspection: form faults (code, people, at); rules: "
    "loading fails with a message containing expect.error.",
}
head = json.dumps(doc, ensure_ascii=False, indent=1)[:-2]
body = ",\n".join(json.dumps(s, ensure_ascii=False, separators=(",", ":"), default=str) for s in scenarios)
out = ROOT / "tests/vectors/assessment/assessment.json"
out.write_text(head + ',\n "scenarios": [\n' + body + "\n ]\n}\n")
print(f"wrote {len(scenarios)} scenarios to {out.relative_to(ROOT)}")
