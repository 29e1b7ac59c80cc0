#!/usr/bin/env python3
"""Writes tests/vectors/accountability/accountability.json: accountability scenarios.

Four kinds, each with expectations from this script's own re-statement of docs/domain.md §7-§9
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

from oracle import ROOT, NotCovered, P, due, iso

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
LAST_YEAR = max(y["year"] for y in json.loads((ROOT / "efficiency-core/data/calendar/china.json").read_text())["years"])
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


def due_by(t, limit, as_of):
    """The due, or None when it falls past the calendar's last year and as_of is inside it."""
    try:
        return wd_due(t, limit)
    except NotCovered:
        if as_of.year <= LAST_YEAR:
            return None
        raise


def seen_at(rec, key, as_of):
    return P(rec[key]) if rec.get(key) and P(rec[key]) <= as_of else None


def rating_judgement(r, as_of):
    """docs/domain.md §9/§13: an upheld appeal (decided by as_of) excludes a rating; a named bad one is
    called back within rating_call_back, every bad one fixed within rating_follow_up."""
    ap = r.get("appeal")
    decided = ap is not None and ap["outcome"] != "pending" and seen_at(ap, "decided_at", as_of) is not None
    j = {
        "excluded": decided and ap["outcome"] == "upheld",
        "named_bad": False,
        "pending": ap is not None and not decided,
        "call_back_due": None,
        "called_back_on_time": None,
        "fix_due": None,
        "fixed_on_time": None,
    }
    if r["score"] > 2 or j["excluded"]:
        return j

    def on_time(done, d):
        if d is None:
            return True if done is not None else None
        if done is not None:
            return done <= d
        return False if as_of > d else None

    if r.get("named"):
        j["named_bad"] = True
        d = due_by(P(r["at"]), COMPLAINTS["rating_call_back"], as_of)
        key = next((k for k in ("called_back_at", "followed_up_at", "fixed_at") if r.get(k)), None)
        j["call_back_due"] = d
        j["called_back_on_time"] = on_time(seen_at(r, key, as_of) if key else None, d)
    d = due_by(P(r["at"]), COMPLAINTS["rating_follow_up"], as_of)
    key = next((k for k in ("fixed_at", "followed_up_at") if r.get(k)), None)
    j["fix_due"] = d
    j["fixed_on_time"] = on_time(seen_at(r, key, as_of) if key else None, d)
    return j


def ratings_summary(act, as_of_s):
    as_of = P(as_of_s)
    rows = {}

    def new(unit):
        return {
            "unit": unit, "logged": 0, "excluded": 0, "appeals_pending": 0, "counted": 0,
            "by_score": [0] * 5, "good": 0, "bad": 0, "bad_rate": None, "named_bad": 0,
            "call_backs_due": 0, "called_back_on_time": 0, "call_back_rate": None,
            "fixes_due": 0, "fixed_on_time": 0, "fix_rate": None,
        }  # fmt: skip

    total = new("all")
    for r in act.get("ratings", []):
        if P(r["at"]) > as_of:
            continue
        j = rating_judgement(r, as_of)
        for x in (rows.setdefault(r["unit"], new(r["unit"])), total):
            x["logged"] += 1
            if j["excluded"]:
                x["excluded"] += 1
                continue
            x["appeals_pending"] += j["pending"]
            x["counted"] += 1
            x["by_score"][r["score"] - 1] += 1
            x["good"] += r["score"] >= 4
            x["bad"] += r["score"] <= 2
            x["named_bad"] += j["named_bad"]
            if j["called_back_on_time"] is not None:
                x["call_backs_due"] += 1
                x["called_back_on_time"] += j["called_back_on_time"]
            if j["fixed_on_time"] is not None:
                x["fixes_due"] += 1
                x["fixed_on_time"] += j["fixed_on_time"]
    out = [rows[k] for k in sorted(rows)] + [total]
    for x in out:
        for n, d, k in [("bad", "counted", "bad_rate"), ("called_back_on_time", "call_backs_due", "call_back_rate"),
                        ("fixed_on_time", "fixes_due", "fix_rate")]:  # fmt: skip
            x[k] = x[n] / x[d] if x[d] else None
    return out


WH = COMPLAINTS["whereabouts"]
STATUS_ZH = {"at_post": "在岗", "away": "暂离", "meeting": "开会", "business_trip": "出差",
             "out_on_business": "外出办事", "leave": "请假"}  # fmt: skip
POSITION_RANK = ["staff", "unit_head", "supervising_leader", "principal_leader"]


def posted(e):
    return P(e.get("posted_at") or e["from"])


def minutes(a, b):
    return int((b - a).total_seconds() // 60)


def is_unit_head(person):
    return PEOPLE[person]["position"] == "unit_head" or any(
        u.get("head") == person and u["kind"] != "window" for u in ORG["units"]
    )


def whereabouts_faults(act, as_of):
    """docs/domain.md §13: an absence of half a day or more not covered by posted entries breaches conduct
    rule 1; an entry that needed posting posted after it began; a unit head away with no acting
    person; 暂离 longer than allowed."""
    out = []
    rule = next(r for r in CONDUCT["rules"] if r["code"] == WH["absence_rule"])
    threshold = WH["post_from_minutes"]
    entries = [e for e in act.get("whereabouts", []) if posted(e) <= as_of and e["status"] != "at_post"]
    for a in act.get("absences", []):
        start = P(a["from"])
        if start > as_of:
            continue
        end = min(P(a["until"]), as_of)
        # The covered minutes: merge the person's entries clipped to [start, end).
        spans = sorted(
            (max(P(e["from"]), start), min(P(e["until"]), end))
            for e in entries
            if e["person"] == a["person"] and P(e["from"]) < end and P(e["until"]) > start
        )
        merged = []
        for x, y in spans:
            if merged and x <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], y)
            else:
                merged.append([x, y])
        uncovered = minutes(start, end) - sum(minutes(x, y) for x, y in merged)
        if uncovered >= threshold:
            out.append(
                {
                    "source": f"absence {a['id']}",
                    "code": rule["code"],
                    "severity": rule["severity"],
                    "at": iso(start + dt.timedelta(minutes=threshold)),
                    "people": [a["person"]],
                    "unit": None,
                }
            )
    for e in act.get("whereabouts", []):
        start, end = P(e["from"]), P(e["until"])
        if start > as_of or posted(e) > as_of:
            continue
        f = lambda code, at, e=e: {
            "source": f"whereabouts {e['id']}",
            "code": code,
            "severity": COMPLAINTS["severities"][code],
            "at": iso(at),
            "people": [e["person"]],
            "unit": None,
        }
        length = minutes(start, end)
        if e["status"] == "away" and length > WH["away_max_minutes"]:
            out.append(f("whereabouts.away_too_long", start + dt.timedelta(minutes=WH["away_max_minutes"])))
        if e["status"] == "at_post" or length < threshold:
            continue
        if posted(e) > start:
            out.append(f("whereabouts.posted_late", posted(e)))
        if not e.get("acting") and is_unit_head(e["person"]):
            out.append(f("whereabouts.no_acting", start))
    return out


def whereabouts_board(act, at_s):
    at = P(at_s)
    current = {}
    for e in act.get("whereabouts", []):
        if posted(e) <= at and P(e["from"]) <= at < P(e["until"]):
            k = (P(e["from"]), e["id"])
            if e["person"] not in current or k > (P(current[e["person"]]["from"]), current[e["person"]]["id"]):
                current[e["person"]] = e
    rows = []
    for p in ORG["people"]:
        e = current.get(p["id"])
        status = e["status"] if e else "at_post"
        public = status != "leave"
        acting = e.get("acting") if e else None
        rows.append(
            {
                "unit": p.get("unit", ""),
                "person": p["id"],
                "name": p["name"],
                "position": p["position"],
                "status": status,
                "status_zh": STATUS_ZH[status],
                "reason": e.get("reason", "") if e and public else "",
                "place": e.get("place", "") if e and public else "",
                "until": iso(P(e["until"])) if e else None,
                "acting": acting,
                "acting_name": PEOPLE[acting]["name"] if acting else None,
                "entry": e["id"] if e else None,
            }
        )
    rows.sort(key=lambda r: (r["unit"], -POSITION_RANK.index(r["position"]), r["person"]))
    return rows


PUB = COMPLAINTS["publication"]
FINDINGS = json.loads((ROOT / "efficiency-core/data/rules/findings.json").read_text())


def add_years(t, n):
    try:
        return t.replace(year=t.year + n)
    except ValueError:  # 29 February
        return t.replace(year=t.year + n, day=28)


def register(act, as_of_s):
    """docs/domain.md §13: online within 7 workdays; a revoked or changed decision withdrawn or corrected
    within 5; penalty decisions displayed 3 years; a publication with no masking profile recorded."""
    as_of = P(as_of_s) if isinstance(as_of_s, str) else as_of_s
    rows = []
    for r in act.get("publications", []):
        decided = P(r["decided_at"])
        if decided > as_of:
            continue
        pub = seen_at(r, "published_at", as_of)
        d = due_by(decided, PUB.get("publish_within") or FINDINGS["publication"], as_of)
        late = d is not None and (pub > d if pub else as_of > d)
        people = [r["person"]] if r.get("person") else []
        faults = []
        f = lambda code, at, r=r, people=people, faults=faults: faults.append(
            {
                "source": f"publication {r['id']}",
                "code": code,
                "severity": COMPLAINTS["severities"][code],
                "at": iso(at),
                "people": people,
                "unit": None if people else r["unit"],
            }
        )
        if late:
            f("publication.late", d)
        if pub and r.get("profile") is None:
            f("publication.unmasked", pub)
        revoked, changed = seen_at(r, "revoked_at", as_of), seen_at(r, "changed_at", as_of)
        rev = revoked or changed
        rev_due = due_by(rev, PUB["revise_within"], as_of) if rev else None
        revised = seen_at(r, "revised_at", as_of)
        if rev_due and pub and ((revised and revised > rev_due) or (not revised and as_of > rev_due)):
            f("publication.revision_late", rev_due)
        years = PUB["display_years"].get(r["kind"])
        # From the decision date (发改办财金〔2019〕527号), not the publication.
        until = add_years(decided, years) if years is not None else None
        removed = seen_at(r, "removed_at", as_of)
        if until and pub and ((removed and removed > until) or (not removed and as_of > until and not revoked)):
            f("publication.display_overrun", until)
        if revoked:
            state = "withdrawn"
        elif not pub:
            state = "overdue" if late else "pending"
        elif removed or (until and as_of >= until):
            state = "expired"
        else:
            state = "on_display"
        rows.append(
            {
                "id": r["id"], "decision": r.get("decision", ""), "case": r.get("case"), "kind": r["kind"],
                "unit": r["unit"], "decided_at": iso(decided), "due": iso(d) if d else None, "published_at": iso(pub) if pub else None,
                "late": late, "profile": r.get("profile"), "masked": r.get("masked", []),
                "revision_due": iso(rev_due) if rev_due else None, "revised_at": iso(revised) if revised else None,
                "display_until": iso(until) if until else None, "state": state,
                "findings": [x["code"] for x in faults], "_faults": faults,
            }
        )  # fmt: skip
    return rows


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
        accept_due = due_by(rec, COMPLAINTS["acceptance_limit"], as_of)  # None: past the data, not due yet
        if accept_due and ((decided and decided > accept_due) or (not decided and as_of > accept_due)):
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
                step_due = due_by(acc, COMPLAINTS[limit], as_of)
                if step_due is None:
                    continue
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
            reply_due = due_by(acc, COMPLAINTS["reply_limit"], as_of)
            ext = seen(c, "extension_approved_at")
            if reply_due and ext and ext <= reply_due:
                reply_due = due_by(reply_due, COMPLAINTS["reply_extension"], as_of)
            rep = seen(c, "replied_at")
            if reply_due and ((rep and rep > reply_due) or (not rep and as_of > reply_due)):
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
        if at > as_of:
            continue
        j = rating_judgement(r, as_of)
        if r["score"] > 2 or j["excluded"]:
            continue
        for code, due_key, ok_key in [
            ("rating.call_back_missed", "call_back_due", "called_back_on_time"),
            ("rating.follow_up_missed", "fix_due", "fixed_on_time"),
        ]:
            if j[ok_key] is False:
                out.append(
                    {
                        "source": f"rating {r['id']}",
                        "code": code,
                        "severity": COMPLAINTS["severities"][code],
                        "at": iso(j[due_key]),
                        "people": [],
                        "unit": r["unit"],
                    }
                )
    out.extend(whereabouts_faults(act, as_of))
    for row in register(act, as_of):
        out.extend(row.pop("_faults"))
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


# Disclosure (§13): the sample's whereabouts board, ratings summary and register at moments the
# sample's own tests do not use, and targeted records.
for at in ["2026-11-03T12:00:00", "2026-11-04T08:55:00", "2026-11-04T14:00:00", "2026-11-04T15:30:00"]:
    add("whereabouts_board", f"sample-board-{at}", activity=act, as_of=at, expect=whereabouts_board(act, at))
for at in ["2026-11-05T12:00:00", "2026-11-10T09:00:00", "2026-11-24T18:00:00", "2026-12-31T09:00:00"]:
    add("ratings_summary", f"sample-ratings-{at[:10]}", activity=act, as_of=at, expect=ratings_summary(act, at))


def strip(rows):
    for r in rows:
        r.pop("_faults", None)
    return rows


for at in ["2026-09-11T09:00:00", "2026-10-20T12:00:00", "2026-12-08T09:00:00", "2026-12-31T09:00:00"]:
    add("publication_register", f"sample-register-{at[:10]}", activity=act, as_of=at, expect=strip(register(act, at)))

A = lambda **kw: {"format": "efficiency.activity/1", **kw}
W = lambda wid, person, status, start, end, **kw: {"id": wid, "person": person, "status": status, "from": start,
                                                   "until": end, **kw}  # fmt: skip
B = lambda aid, person, start, end: {"id": aid, "person": person, "from": start, "until": end}
wh = A(
    whereabouts=[
        W("T1", "soc02", "out_on_business", "2026-12-02T08:30:00", "2026-12-02T10:00:00", reason="site visit"),
        W("T2", "soc02", "meeting", "2026-12-02T10:30:00", "2026-12-02T12:00:00", reason="unit meeting"),
        W("T3", "soc-h", "business_trip", "2026-12-03T08:30:00", "2026-12-04T17:30:00", posted_at="2026-12-03T09:00:00"),
        W("T4", "soc01", "meeting", "2026-12-03T08:30:00", "2026-12-03T17:30:00", reason="W1 head, not a unit head"),
        W("T5", "mar01", "away", "2026-12-07T10:00:00", "2026-12-07T10:31:00", reason="archive"),
        W("T6", "mar01", "away", "2026-12-07T14:00:00", "2026-12-07T14:30:00", reason="archive"),
        W("T7", "aff-h", "leave", "2026-12-08T08:30:00", "2026-12-10T17:30:00", reason="medical", acting="aff01",
          posted_at="2026-12-07T17:00:00"),
        W("T8", "aff01", "business_trip", "2026-12-09T08:30:00", "2026-12-11T17:30:00", posted_at="2026-12-20T09:00:00"),
        W("T9", "mar-h", "business_trip", "2026-12-14T08:30:00", "2026-12-16T17:30:00", acting="mar01", reason="province"),
        W("T10", "mar-h", "meeting", "2026-12-15T09:00:00", "2026-12-15T11:00:00", reason="provincial meeting",
          acting="mar01"),
        W("T11", "off-h", "out_on_business", "2026-12-21T08:30:00", "2026-12-21T12:29:00", reason="bank"),
    ],
    absences=[
        B("X1", "soc02", "2026-12-02T08:30:00", "2026-12-02T17:30:00"),
        B("X2", "soc02", "2026-12-02T08:30:00", "2026-12-02T12:00:00"),
        B("X3", "aff01", "2026-12-09T08:30:00", "2026-12-09T17:30:00"),
        B("X4", "off01", "2026-12-22T13:00:00", "2026-12-22T17:00:00"),
        B("X5", "off01", "2026-12-23T13:00:00", "2026-12-23T16:59:00"),
    ],
)  # fmt: skip
for at in ["2026-12-02T12:30:00", "2026-12-02T18:00:00", "2026-12-03T08:45:00", "2026-12-10T09:00:00",
           "2026-12-31T09:00:00"]:  # fmt: skip
    add("activity", f"whereabouts-faults-{at}", activity=wh, as_of=at, expect=activity_faults(wh, at))
for at in ["2026-12-03T08:45:00", "2026-12-03T09:30:00", "2026-12-09T10:00:00", "2026-12-15T10:00:00",
           "2026-12-15T11:00:00", "2026-12-21T12:29:00"]:  # fmt: skip
    add("whereabouts_board", f"whereabouts-board-{at}", activity=wh, as_of=at, expect=whereabouts_board(wh, at))

R = lambda rid, at, score, unit, **kw: {"id": rid, "at": at, "score": score, "unit": unit, **kw}
rt = A(
    ratings=[
        R("Q1", "2026-12-01T10:00:00", 1, "marriage", named=True),
        R("Q2", "2026-12-01T10:00:00", 2, "marriage", named=True, called_back_at="2026-12-02T09:00:00"),
        R("Q3", "2026-12-01T10:00:00", 2, "marriage", named=True, called_back_at="2026-12-02T10:00:01",
          fixed_at="2026-12-21T10:00:00"),
        R("Q4", "2026-12-01T10:00:00", 1, "affairs", appeal={"at": "2026-12-02T10:00:00", "outcome": "pending"}),
        R("Q5", "2026-12-01T10:00:00", 1, "affairs", named=True,
          appeal={"at": "2026-12-02T10:00:00", "outcome": "upheld", "decided_at": "2026-12-10T10:00:00"}),
        R("Q6", "2026-12-01T10:00:00", 2, "affairs",
          appeal={"at": "2026-12-02T10:00:00", "outcome": "rejected", "decided_at": "2026-12-04T10:00:00"}),
        R("Q7", "2026-12-01T10:00:00", 3, "social_org"),
        R("Q8", "2026-12-01T10:00:00", 4, "social_org", named=True),
        R("Q9", "2026-12-01T10:00:00", 2, "social_org", named=True, followed_up_at="2026-12-01T16:00:00"),
        R("Q10", "2026-12-04T10:00:00", 5, "social_org"),
    ]
)  # fmt: skip
for at in ["2026-12-01T12:00:00", "2026-12-02T10:00:00", "2026-12-02T10:00:01", "2026-12-08T09:00:00",
           "2026-12-22T18:00:00", "2026-12-31T09:00:00"]:  # fmt: skip
    add("activity", f"ratings-faults-{at}", activity=rt, as_of=at, expect=activity_faults(rt, at))
    add("ratings_summary", f"ratings-summary-{at}", activity=rt, as_of=at, expect=ratings_summary(rt, at))

U = lambda pid, kind, unit, decided, **kw: {"id": pid, "kind": kind, "unit": unit, "decided_at": decided,
                                            "decision": f"{pid}号", **kw}  # fmt: skip
pb = A(
    publications=[
        U("D1", "licensing", "social_org", "2026-11-02T10:00:00", person="soc01"),
        U("D2", "licensing", "social_org", "2026-11-02T10:00:00", published_at="2026-11-11T10:00:00", profile="none"),
        U("D3", "penalty", "affairs", "2026-11-02T10:00:00", published_at="2026-11-03T10:00:00",
          profile="penalty_publication", masked=["party.name"], revoked_at="2026-11-20T10:00:00",
          revised_at="2026-11-30T10:00:00"),
        U("D4", "licensing", "marriage", "2026-11-02T10:00:00", published_at="2026-11-03T10:00:00", profile="none",
          changed_at="2026-11-20T10:00:00", revised_at="2026-11-26T17:30:00"),
        U("D5", "penalty", "affairs", "2023-02-28T10:00:00", published_at="2023-03-01T10:00:00", profile="court",
          removed_at="2026-03-05T10:00:00"),
        U("D6", "penalty", "affairs", "2024-02-29T10:00:00", published_at="2024-02-29T16:00:00", profile="court"),
        U("D7", "other", "office", "2026-12-28T10:00:00"),
        U("D8", "penalty", "affairs", "2026-09-29T10:00:00", published_at="2026-10-12T09:00:00"),
        U("D9", "licensing", "social_org", "2026-12-10T10:00:00", case="MZJ-2026-0001", person="soc02"),
    ]
)  # fmt: skip
for at in ["2026-11-03T12:00:00", "2026-11-12T09:00:00", "2026-11-27T09:00:00", "2026-12-31T09:00:00"]:
    add("activity", f"register-faults-{at}", activity=pb, as_of=at, expect=activity_faults(pb, at))
    add("publication_register", f"register-{at}", activity=pb, as_of=at, expect=strip(register(pb, at)))

bad = [
    ("whereabouts-until-before-from", A(whereabouts=[W("E1", "soc01", "meeting", "2026-12-01T10:00:00",
                                                       "2026-12-01T09:00:00")]), "whereabouts[0] (E1).until"),
    ("whereabouts-acting-self", A(whereabouts=[W("E1", "soc-h", "meeting", "2026-12-01T10:00:00",
                                                 "2026-12-01T17:00:00", acting="soc-h")]), "whereabouts[0] (E1).acting"),
    ("whereabouts-unknown-acting", A(whereabouts=[W("E1", "soc-h", "meeting", "2026-12-01T10:00:00",
                                                    "2026-12-01T17:00:00", acting="ghost")]), "whereabouts[0] (E1).acting"),
    ("whereabouts-unknown-person", A(whereabouts=[W("E1", "ghost", "leave", "2026-12-01T10:00:00",
                                                    "2026-12-01T17:00:00")]), "whereabouts[0] (E1).person"),
    ("absence-until-before-from", A(absences=[B("E2", "soc01", "2026-12-01T10:00:00", "2026-12-01T10:00:00")]),
     "absences[0] (E2).until"),
    ("appeal-decided-without-time", A(ratings=[R("E3", "2026-12-01T10:00:00", 1, "affairs",
                                                 appeal={"at": "2026-12-02T10:00:00", "outcome": "upheld"})]),
     "ratings[0] (E3).appeal.decided_at"),
    ("appeal-before-rating", A(ratings=[R("E3", "2026-12-01T10:00:00", 1, "affairs",
                                          appeal={"at": "2026-11-02T10:00:00", "outcome": "pending"})]),
     "ratings[0] (E3).appeal.at"),
    ("publication-before-decision", A(publications=[U("E4", "licensing", "office", "2026-12-01T10:00:00",
                                                      published_at="2026-11-30T10:00:00")]),
     "publications[0] (E4).published_at"),
    ("publication-unknown-unit", A(publications=[U("E4", "licensing", "karaoke", "2026-12-01T10:00:00")]),
     "publications[0] (E4).unit"),
]  # fmt: skip
for name, a, path in bad:
    add("activity", name, activity=a, as_of="2026-12-31T09:00:00", expect={"error": path})


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
# Received in late December: its reply is due in 2027 (no holiday notice yet), so at the year's
# last second nothing is late and the review does not fail; one received a week later than a
# decision was due (the acceptance limit ran out in 2026) is still late.
year_end = {"format": "efficiency.activity/1", "complaints": [
    complaint("C0", received_at="2026-12-24T10:00:00", accepted_at="2026-12-28T10:00:00"),
    complaint("C9", received_at="2026-12-10T10:00:00"),
]}  # fmt: skip
add("activity", "complaints-at-year-end", activity=year_end, as_of="2026-12-31T23:59:59",
    expect=activity_faults(year_end, "2026-12-31T23:59:59"))  # fmt: skip
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
    "Activity.faults(org, default rules, as_of) -> faults (source, code, severity, at, people, unit); activity_list: both; whereabouts_board: Activity.whereabouts_board(org, as_of) -> rows; ratings_summary / publication_register: Activity.ratings_summary / publication_register(org, default rules, as_of) -> rows (floats exact; register rows compared without their masked `record`, which the masking vectors cover); "
    "sanction: rules.sanction_span(running, new, start); organisation/rules: loading fails, and the error message "
    "contains expect.error.",
}
head = json.dumps(doc, ensure_ascii=False, indent=1)[:-2]
body = ",\n".join(json.dumps(s, ensure_ascii=False, separators=(",", ":")) for s in scenarios)
out = ROOT / "tests/vectors/accountability/accountability.json"
out.write_text(head + ',\n "scenarios": [\n' + body + "\n ]\n}\n")
print(f"wrote {len(scenarios)} scenarios to {out.relative_to(ROOT)}")
