#!/usr/bin/env python3
"""Writes tests/vectors/accountability/accountability.json: accountability scenarios.

Four kinds, each with expectations from this script's own re-statement of DOMAIN.md §7-§9
(nothing is computed by the library):
- "list": faults + period -> the accountability list (who, which responsibility, the fault's
  severity, measures allowed, the person's own repeat and the heavier severity it proposes);
- "activity": incidents, complaints and ratings at as_of -> faults;
- "sanction": running sanctions + new ones -> the span;
- "organisation" / "rules": bad data -> the error's path.

    python3 tests/vectors/generate_accountability.py
"""

import copy
import datetime as dt
import json

from oracle import ROOT, P, due, iso

ORG = json.loads((ROOT / "efficiency-core/data/sample/organisation.json").read_text())
RULES = json.loads((ROOT / "efficiency-core/data/rules/accountability.json").read_text())
CONDUCT = json.loads((ROOT / "efficiency-core/data/rules/conduct.json").read_text())
COMPLAINTS = json.loads((ROOT / "efficiency-core/data/rules/complaints.json").read_text())
SEV = ["ordinary", "serious", "very_serious"]
MEASURE_ORDER = [
    "admonition",
    "written_self_criticism",
    "circulated_criticism",
    "reassignment",
    "warning",
    "demerit",
    "major_demerit",
    "demotion",
    "removal",
    "dismissal",
]
PEOPLE = {p["id"]: p for p in ORG["people"]}
UNITS = {u["id"]: u for u in ORG["units"]}


def chain(person):
    p = PEOPLE[person]
    out = [person]
    u = UNITS.get(p.get("unit"))
    if u:
        for x in (u["head"], u["supervising_leader"]):
            if x not in out:
                out.append(x)
    if ORG["principal_leader"] not in out:
        out.append(ORG["principal_leader"])
    return out


def unit_chain(unit):
    u = UNITS[unit]
    c = chain(u["head"])
    if u["kind"] == "window":
        return c
    return [x for x in c if PEOPLE[x]["position"] != "staff"]


def add_months(d, m):
    y, mo = divmod(d.month - 1 + m, 12)
    y += d.year
    mo += 1
    import calendar as cal

    day = min(d.day, cal.monthrange(y, mo)[1])
    return d.replace(year=y, month=mo, day=day)


def acc_list(faults, start, end, rules=RULES):
    out = []
    for f in faults:
        at = P(f["at"])
        if not (P(start) <= at < P(end)):
            continue
        window = add_months(at, -rules["repeat"]["window_months"])

        # §7: a repeat is the same person's fault of the same code within the window; a
        # colleague's earlier fault never is. It proposes a heavier severity on that person's own
        # line only, at most the cap (serious by default); the fault keeps its severity.
        def prior_of(person, f=f, at=at, window=window):
            ps = [
                g
                for g in faults
                if g["code"] == f["code"] and window <= P(g["at"]) < at and person in g.get("people", [])
            ]
            return max(ps, key=lambda g: P(g["at"])) if ps else None

        sev = f["severity"]
        cap = rules["repeat"].get("code_caps", {}).get(f["code"], rules["repeat"].get("cap", "serious"))
        roles = rules["code_responsibility"].get(f["code"]) or rules["responsibility"][sev]
        holders = []

        def add(person, role, holders=holders):
            if all(h[0] != person for h in holders):
                holders.append((person, role))

        people = f.get("people", [])
        chains = [chain(p) for p in people] if people else [unit_chain(f["unit"])]
        for c in chains:
            if "direct" in roles and people:
                add(c[0], "direct")
            head = next((x for x in c if PEOPLE[x]["position"] == "unit_head"), None)
            sup = next((x for x in c if PEOPLE[x]["position"] == "supervising_leader"), None)
            if ("main_leadership" in roles or not people) and head:
                add(head, "main_leadership")
            if "important_leadership" in roles and sup:
                add(sup, "important_leadership")
        for person, role in holders:
            measures = sorted(rules["measures"][sev][role], key=MEASURE_ORDER.index)
            prior = prior_of(person) if role == "direct" else None
            proposal = None
            if prior:
                up = SEV.index(sev) + rules["repeat"]["escalate_by"]
                proposed = SEV[max(SEV.index(sev), min(up, 2, SEV.index(cap)))]
                if proposed != sev:
                    proposal = {
                        "severity": proposed,
                        "measures": sorted(rules["measures"][proposed][role], key=MEASURE_ORDER.index),
                    }
            out.append(
                {
                    "person": person,
                    "responsibility": role,
                    "source": f["source"],
                    "code": f["code"],
                    "at": iso(at),
                    "severity": sev,
                    "repeat_of": None if not prior else {"source": prior["source"], "at": iso(P(prior["at"]))},
                    "proposal": proposal,
                    "measures": measures,
                }
            )
    order = ["direct", "main_leadership", "important_leadership"]
    out.sort(key=lambda e: (e["at"], order.index(e["responsibility"]), e["person"]))
    return out


def wd_due(t, limit):
    return due(t, limit["unit"], limit["amount"], [])


def activity_faults(act, as_of_s):
    as_of = P(as_of_s)
    out = []
    rules = {r["code"]: r for r in CONDUCT["rules"]}
    for inc in act.get("incidents", []):
        if P(inc["at"]) > as_of:
            continue
        r = rules[inc["rule"]]
        out.append(
            {
                "source": f"conduct {inc['id']}",
                "code": r["code"],
                "severity": inc.get("severity", r["severity"]),
                "at": inc["at"],
                "people": [inc["person"]],
                "unit": None,
            }
        )
    seen = lambda c, k: P(c[k]) if c.get(k) and P(c[k]) <= as_of else None
    for c in act.get("complaints", []):
        rec = P(c["received_at"])
        if rec > as_of:
            continue
        decided = seen(c, "accepted_at") or seen(c, "declined_at")
        accept_due = wd_due(rec, COMPLAINTS["acceptance_limit"])
        if (decided and decided > accept_due) or (not decided and as_of > accept_due):
            out.append(
                {
                    "source": f"complaint {c['id']}",
                    "code": "complaint.acceptance_late",
                    "severity": COMPLAINTS["severities"]["complaint.acceptance_late"],
                    "at": iso(accept_due),
                    "people": [c["handler"]],
                    "unit": None,
                }
            )
        acc = seen(c, "accepted_at")
        if acc:
            for (
                code,
                limit,
                key,
            ) in [
                ("complaint.transfer_late", "transfer_limit", "transferred_at"),
                ("complaint.investigation_late", "investigation_limit", "investigated_at"),
            ]:
                step_due = wd_due(acc, COMPLAINTS[limit])
                done = seen(c, key)
                late = done > step_due if done else (as_of > step_due and not seen(c, "replied_at"))
                if late:
                    out.append(
                        {
                            "source": f"complaint {c['id']}",
                            "code": code,
                            "severity": COMPLAINTS["severities"][code],
                            "at": iso(step_due),
                            "people": [c["handler"]],
                            "unit": None,
                        }
                    )
            reply_due = wd_due(acc, COMPLAINTS["reply_limit"])
            ext = seen(c, "extension_approved_at")
            if ext and ext <= reply_due:
                reply_due = wd_due(reply_due, COMPLAINTS["reply_extension"])
            rep = seen(c, "replied_at")
            if (rep and rep > reply_due) or (not rep and as_of > reply_due):
                out.append(
                    {
                        "source": f"complaint {c['id']}",
                        "code": "complaint.reply_late",
                        "severity": COMPLAINTS["severities"]["complaint.reply_late"],
                        "at": iso(reply_due),
                        "people": [c["handler"]],
                        "unit": None,
                    }
                )
            outcome_at = rep or acc
            code = {
                "substantiated": "complaint.substantiated",
                "partly_substantiated": "complaint.partly_substantiated",
            }.get(c.get("outcome"))
            if code:
                person = c["about"].get("person")
                out.append(
                    {
                        "source": f"complaint {c['id']}",
                        "code": code,
                        "severity": COMPLAINTS["severities"][code],
                        "at": iso(outcome_at),
                        "people": [person] if person else [],
                        "unit": c["about"]["unit"],
                    }
                )
    for r in act.get("ratings", []):
        at = P(r["at"])
        if at > as_of or r["score"] > 2:
            continue
        d = wd_due(at, COMPLAINTS["rating_follow_up"])
        f = seen(r, "followed_up_at")
        if (f and f > d) or (not f and as_of > d):
            out.append(
                {
                    "source": f"rating {r['id']}",
                    "code": "rating.follow_up_missed",
                    "severity": COMPLAINTS["severities"]["rating.follow_up_missed"],
                    "at": iso(d),
                    "people": [],
                    "unit": r["unit"],
                }
            )
    for f in out:
        f["at"] = iso(P(f["at"]))
    out.sort(key=lambda f: (f["at"], f["source"]))
    return out


def span(running, new, start):
    months = RULES["sanction_months"]
    start = dt.date.fromisoformat(start)
    if "dismissal" in new:
        return {"until_min": None, "until_max": None, "permanent": True}
    periodic = [m for m in new if m in months]
    if not periodic:
        return {"until_min": start.isoformat(), "until_max": start.isoformat(), "permanent": False}
    h = max(periodic, key=MEASURE_ORDER.index)
    same = sum(1 for m in new if m == h)
    ends = [add_months(dt.date.fromisoformat(s["start"]), months[s["kind"]]) for s in running if s["kind"] in months]
    ends = [e for e in ends if e > start]
    base = max(ends) if ends else start
    cap = add_months(start, RULES["sanction_cap_months"])
    return {
        "until_min": min(add_months(base, months[h]), cap).isoformat(),
        "until_max": min(add_months(base, months[h] * same), cap).isoformat(),
        "permanent": False,
    }


scenarios = []


def add(kind, name, **fields):
    scenarios.append({"id": f"{len(scenarios):03d}-{name}", "kind": kind, **fields})


def F(source, code, severity, at, people=(), unit=None):
    return {
        "source": source,
        "code": code,
        "severity": severity,
        "at": at,
        "people": list(people),
        "unit": unit,
        "events": [],
        "message": f"{code} ({source})",
    }


Y0, Y1 = "2026-01-01T00:00:00", "2027-01-01T00:00:00"


def lst(name, faults, start=Y0, end=Y1):
    add("list", name, faults=faults, period=[start, end], expect=acc_list(faults, start, end))


# Every severity, for staff, unit heads, leaders and whole units.
for sev in SEV:
    for person in ["soc01", "aff01", "soc-h", "dep01", "dir01", "off01"]:
        lst(f"{sev}-{person}", [F("case C1", "time_limit.statutory_missed", sev, "2026-10-30T17:30:00", [person])])
    lst(f"{sev}-unit-fault", [F("rating R1", "rating.follow_up_missed", sev, "2026-10-30T17:30:00", [], "marriage")])
lst("window-fault", [F("rating R9", "rating.follow_up_missed", "serious", "2026-10-30T17:30:00", [], "W1")])
lst(
    "code-override-reception-refused", [F("case C2", "reception.refused", "ordinary", "2026-11-02T09:05:00", ["off01"])]
)
lst(
    "two-people-one-fault",
    [F("case C3", "extension.unauthorized_approver", "serious", "2026-10-21T10:00:00", ["aff01", "dep01"])],
)
lst(
    "two-units-one-fault",
    [F("case C4", "referral.not_followed_up", "serious", "2026-10-15T17:30:00", ["off01", "soc02"])],
)
# Repeats.
lst(
    "repeat-within-12-months",
    [
        F("conduct I1", "conduct.absence", "ordinary", "2026-03-09T09:40:00", ["soc02"]),
        F("conduct I2", "conduct.absence", "ordinary", "2026-09-15T09:35:00", ["soc02"]),
    ],
)
lst(
    "repeat-from-before-the-period",
    [
        F("conduct I0", "conduct.absence", "ordinary", "2025-11-20T09:40:00", ["soc02"]),
        F("conduct I2", "conduct.absence", "ordinary", "2026-09-15T09:35:00", ["soc02"]),
    ],
)
lst(
    "no-repeat-after-12-months",
    [
        F("conduct I0", "conduct.absence", "ordinary", "2025-09-14T09:40:00", ["soc02"]),
        F("conduct I2", "conduct.absence", "ordinary", "2026-09-15T09:35:00", ["soc02"]),
    ],
)
lst(
    "no-repeat-other-person",
    [
        F("conduct I1", "conduct.absence", "ordinary", "2026-03-09T09:40:00", ["soc01"]),
        F("conduct I2", "conduct.absence", "ordinary", "2026-09-15T09:35:00", ["soc02"]),
    ],
)
lst(
    "no-repeat-other-code",
    [
        F("conduct I1", "conduct.idling", "ordinary", "2026-03-09T09:40:00", ["soc02"]),
        F("conduct I2", "conduct.absence", "ordinary", "2026-09-15T09:35:00", ["soc02"]),
    ],
)
lst(
    "repeat-serious-stays-serious-by-default",
    [
        F("case A", "time_limit.statutory_missed", "serious", "2026-02-10T17:30:00", ["aff01"]),
        F("case B", "time_limit.statutory_missed", "serious", "2026-06-10T17:30:00", ["aff01"]),
        F("case C", "time_limit.statutory_missed", "serious", "2026-09-10T17:30:00", ["aff01"]),
    ],
)
lst(
    "very-serious-repeat-stays-very-serious",
    [
        F("case A", "conduct.abuse_of_position", "very_serious", "2026-02-10T10:00:00", ["aff01"]),
        F("case B", "conduct.abuse_of_position", "very_serious", "2026-06-10T10:00:00", ["aff01"]),
    ],
)
lst(
    "shared-fault-only-the-repeater-is-a-repeat",
    [
        F("case A", "step.overdue", "ordinary", "2026-03-02T17:30:00", ["soc01"]),
        F("case B", "step.overdue", "ordinary", "2026-05-06T17:30:00", ["soc01", "soc02"]),
    ],
)
lst(
    "clerk-repeat-leaders-keep-the-fault-severity",
    [
        F("case A", "extension.unauthorized_approver", "serious", "2026-03-02T10:00:00", ["soc01"]),
        F("case B", "extension.unauthorized_approver", "serious", "2026-05-06T10:00:00", ["soc01"]),
        F("case C", "time_limit.promised_missed", "ordinary", "2026-06-01T17:30:00", ["soc01"]),
        F("case D", "time_limit.promised_missed", "ordinary", "2026-07-01T17:30:00", ["soc01"]),
    ],
)
lst(
    "three-repeats-still-serious-at-most",
    [F(f"conduct I{i}", "conduct.absence", "ordinary", f"2026-0{i}-09T09:40:00", ["soc02"]) for i in range(1, 5)],
)
# A bureau's own repeat rules: a code may escalate further, or not at all.
for name, mutate in [
    ("local-code-cap-abuse-to-very-serious", lambda r: r["repeat"].update({"code_caps": {"conduct.abuse_of_position": "very_serious"}})),
    ("local-cap-ordinary-no-proposals", lambda r: r["repeat"].update({"cap": "ordinary"})),
    ("local-escalate-by-two", lambda r: r["repeat"].update({"escalate_by": 2, "cap": "very_serious"})),
]:  # fmt: skip
    local = copy.deepcopy(RULES)
    mutate(local)
    faults = [
        F("conduct I1", "conduct.abuse_of_position", "serious", "2026-02-10T10:00:00", ["aff01"]),
        F("conduct I2", "conduct.abuse_of_position", "serious", "2026-06-10T10:00:00", ["aff01"]),
        F("conduct I3", "conduct.absence", "ordinary", "2026-03-09T09:40:00", ["aff01"]),
        F("conduct I4", "conduct.absence", "ordinary", "2026-09-15T09:35:00", ["aff01"]),
    ]
    add("list", name, faults=faults, period=[Y0, Y1], rules=local, expect=acc_list(faults, Y0, Y1, local))
lst(
    "period-filter",
    [
        F("case A", "step.overdue", "ordinary", "2026-12-31T17:30:00", ["aff01"]),
        F("case B", "step.overdue", "ordinary", "2027-01-04T17:30:00", ["aff01"]),
    ],
    "2026-07-01T00:00:00",
    "2027-01-01T00:00:00",
)
# A locality's own matrix: ordinary faults also reach the unit head.
local = copy.deepcopy(RULES)
local["responsibility"]["ordinary"] = ["direct", "main_leadership"]
faults = [F("case L", "publication.late", "ordinary", "2026-10-14T17:30:00", ["aff01"])]
add(
    "list",
    "local-rules-ordinary-reaches-unit-head",
    faults=faults,
    period=[Y0, Y1],
    rules=local,
    expect=acc_list(faults, Y0, Y1, local),
)

# Activity: complaints through every outcome, ratings, incidents.
act = json.loads((ROOT / "efficiency-core/data/sample/activity.json").read_text())
for as_of in ["2026-10-01T09:00:00", "2026-11-04T09:00:00", "2026-11-20T09:00:00", "2026-12-31T09:00:00"]:
    add("activity", f"sample-activity-{as_of[:10]}", activity=act, as_of=as_of, expect=activity_faults(act, as_of))


def complaint(cid, **kw):
    c = {
        "id": cid,
        "received_at": "2026-09-24T10:00:00",
        "channel": "hotline",
        "about": {"unit": "social_org"},
        "handler": "off01",
    }
    c.update(kw)
    return c


cases = {
    "declined-in-time": complaint("C1", declined_at="2026-09-25T10:00:00"),
    "decided-late-over-national-day": complaint("C2", accepted_at="2026-10-12T10:00:00"),
    "not-decided": complaint("C3"),
    "reply-late": complaint(
        "C4", accepted_at="2026-09-25T10:00:00", outcome="unfounded", replied_at="2026-10-30T10:00:00"
    ),
    "reply-extended": complaint(
        "C5",
        accepted_at="2026-09-25T10:00:00",
        extension_approved_at="2026-10-10T10:00:00",
        outcome="substantiated",
        replied_at="2026-10-30T10:00:00",
        about={"unit": "social_org", "person": "soc02"},
    ),
    "substantiated-unit-only": complaint(
        "C6", accepted_at="2026-09-25T10:00:00", outcome="substantiated", replied_at="2026-10-09T10:00:00"
    ),
    "partly-substantiated": complaint(
        "C7",
        accepted_at="2026-09-25T10:00:00",
        outcome="partly_substantiated",
        replied_at="2026-10-09T10:00:00",
        about={"unit": "social_org", "person": "soc01"},
    ),
    "unfounded": complaint(
        "C8", accepted_at="2026-09-25T10:00:00", outcome="unfounded", replied_at="2026-10-09T10:00:00"
    ),
    "never-replied": complaint("C9", accepted_at="2026-09-25T10:00:00"),
    "transferred-late": complaint(
        "C10",
        accepted_at="2026-09-25T10:00:00",
        transferred_at="2026-10-09T10:00:00",
        investigated_at="2026-10-12T10:00:00",
        outcome="unfounded",
        replied_at="2026-10-13T10:00:00",
    ),
    "investigated-late": complaint(
        "C11",
        accepted_at="2026-09-25T10:00:00",
        transferred_at="2026-09-25T15:00:00",
        investigated_at="2026-10-20T10:00:00",
        outcome="substantiated",
        replied_at="2026-10-21T10:00:00",
        about={"unit": "social_org", "person": "soc02"},
    ),
    "stuck-in-transfer": complaint("C12", accepted_at="2026-09-25T10:00:00"),
}
for name, c in cases.items():
    a = {"format": "efficiency.activity/1", "complaints": [c]}
    add(
        "activity",
        f"complaint-{name}",
        activity=a,
        as_of="2026-12-01T09:00:00",
        expect=activity_faults(a, "2026-12-01T09:00:00"),
    )
ratings = [
    {"id": "R1", "at": "2026-09-28T10:00:00", "score": 1, "unit": "affairs"},
    {"id": "R2", "at": "2026-09-28T10:00:00", "score": 2, "unit": "affairs", "followed_up_at": "2026-10-16T10:00:00"},
    {"id": "R3", "at": "2026-09-28T10:00:00", "score": 2, "unit": "affairs", "followed_up_at": "2026-10-23T10:00:00"},
    {"id": "R4", "at": "2026-09-28T10:00:00", "score": 3, "unit": "affairs"},
]
a = {"format": "efficiency.activity/1", "ratings": ratings}
for as_of in ["2026-10-16T09:00:00", "2026-12-01T09:00:00"]:
    add("activity", f"ratings-{as_of[:10]}", activity=a, as_of=as_of, expect=activity_faults(a, as_of))
incidents = [
    {
        "id": f"I{k}",
        "at": f"2026-0{k + 1}-10T10:00:00",
        "person": "mar01",
        "rule": r["code"],
        "source": "inspection",
        "description": "seen",
    }
    for k, r in enumerate(CONDUCT["rules"])
]
incidents.append(
    {
        "id": "I9",
        "at": "2026-08-10T10:00:00",
        "person": "mar01",
        "rule": "conduct.idling",
        "source": "inspection",
        "description": "again, with a customer waiting",
        "severity": "serious",
    }
)
a = {"format": "efficiency.activity/1", "incidents": incidents}
add(
    "activity",
    "every-conduct-rule",
    activity=a,
    as_of="2026-12-01T09:00:00",
    expect=activity_faults(a, "2026-12-01T09:00:00"),
)
# End to end: activity faults into the list.
a = act
fa = activity_faults(a, "2026-12-31T09:00:00")
add(
    "activity_list",
    "sample-activity-accountability",
    activity=a,
    as_of="2026-12-31T09:00:00",
    period=[Y0, Y1],
    expect=acc_list([dict(f, events=[], message="") for f in fa], Y0, Y1),
)

# Sanctions.
S = lambda kind, start: {"kind": kind, "start": start}
for name, running, new, start in [
    ("warning-alone", [], ["warning"], "2026-07-01"),
    ("demerit-alone", [], ["demerit"], "2026-01-31"),
    ("during-a-demerit", [S("demerit", "2026-01-01")], ["warning"], "2026-07-01"),
    ("after-a-finished-warning", [S("warning", "2025-01-01")], ["warning"], "2026-07-01"),
    ("two-warnings-range", [], ["warning", "warning"], "2026-07-01"),
    ("three-demotions-capped", [], ["demotion", "demotion", "demotion"], "2026-07-01"),
    ("different-kinds-heaviest", [], ["warning", "major_demerit"], "2026-07-01"),
    ("during-removal-capped", [S("removal", "2026-01-01")], ["demotion", "demotion"], "2026-07-01"),
    ("dismissal", [S("warning", "2026-05-01")], ["dismissal"], "2026-07-01"),
    ("no-sanction-measure", [], ["written_self_criticism"], "2026-07-01"),
]:
    add("sanction", name, running=running, new=new, start=start, expect=span(running, new, start))


# Bad organisations and rules: the error names the place.
def org_case(name, mutate, path):
    o = copy.deepcopy(ORG)
    mutate(o)
    add("organisation", name, organisation=o, expect={"error": path})


org_case("unit-without-head", lambda o: o["units"][3].pop("head"), "units[3] (affairs)")
org_case("unit-without-supervising-leader", lambda o: o["units"][1].pop("supervising_leader"), "units[1] (social_org)")
org_case("unknown-head", lambda o: o["units"][2].update(head="ghost"), "units[2] (marriage).head")
org_case("head-of-two-units", lambda o: o["units"][3].update(head="soc-h"), "units[3] (affairs).head")
org_case("parent-cycle", lambda o: o["units"][1].update(parent="W1"), "units (social_org)")
org_case("second-principal", lambda o: o["people"][1].update(position="principal_leader"), "people[1]")
org_case("leader-as-unit-head", lambda o: o["units"][0].update(head="dir01"), "units[0] (office).head")
org_case(
    "unknown-group-member", lambda o: o["leadership_group"]["members"].append("ghost"), "leadership_group.members[4]"
)
org_case("staff-without-unit", lambda o: o["people"][4].pop("unit"), "people[4] (off01)")
bad_rules = copy.deepcopy(RULES)
bad_rules["measures"]["serious"]["direct"].append("exile")
add("rules", "unknown-measure", rules=bad_rules, expect={"error": "exile"})
bad_rules = copy.deepcopy(RULES)
del bad_rules["measures"]["very_serious"]
add("rules", "missing-severity-row", rules=bad_rules, expect={"error": "measures.very_serious"})
bad_rules = copy.deepcopy(RULES)
bad_rules["repeat"]["code_caps"] = {"lateness": "serious"}
add("rules", "repeat-cap-unknown-code", rules=bad_rules, expect={"error": "repeat.code_caps.lateness"})
bad_act = {"format": "efficiency.activity/1", "complaints": [complaint("X1", about={"unit": "karaoke"})]}
add(
    "activity",
    "complaint-about-unknown-unit",
    activity=bad_act,
    as_of="2026-12-01T09:00:00",
    expect={"error": "complaints[0] (X1).about.unit"},
)
bad_act = {"format": "efficiency.activity/1", "incidents": [dict(incidents[0], rule="conduct.singing")]}
add(
    "activity",
    "incident-unknown-rule",
    activity=bad_act,
    as_of="2026-12-01T09:00:00",
    expect={"error": "incidents[0] (I0).rule"},
)

doc = {
    "description": "Accountability scenarios: responsibility by severity and role, whole-unit faults, repeats, local "
    "rules, complaints through every outcome, ratings, conduct incidents, sanction spans, and bad organisations and "
    "rules. Generated by generate_accountability.py; the organisation is efficiency-core/data/sample/organisation.json "
    "unless a scenario gives its own.",
    "how": "list: accountability_list(org, rules or default, faults, period) -> entries; activity: "
    "Activity.faults(org, default rules, as_of) -> faults (source, code, severity, at, people, unit); activity_list: both; "
    "sanction: rules.sanction_span(running, new, start); organisation/rules: loading fails, and the error message "
    "contains expect.error.",
}
head = json.dumps(doc, ensure_ascii=False, indent=1)[:-2]
body = ",\n".join(json.dumps(s, ensure_ascii=False, separators=(",", ":")) for s in scenarios)
out = ROOT / "tests/vectors/accountability/accountability.json"
out.write_text(head + ',\n "scenarios": [\n' + body + "\n ]\n}\n")
print(f"wrote {len(scenarios)} scenarios to {out.relative_to(ROOT)}")
