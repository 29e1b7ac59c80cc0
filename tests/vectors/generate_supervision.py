#!/usr/bin/env python3
"""Writes tests/vectors/supervision/supervision.json: supervision boards and cards (docs/domain.md
§4.4) for the case logs of tests/vectors/cases/cases.json judged together at moments those
vectors do not use, with expectations from case_oracle.py and this script's own re-statement
of the board and the cards (nothing is computed by the library).

    python3 tests/vectors/generate_supervision.py
"""

import datetime as dt
import json

import oracle
from case_oracle import case_oracle, lim
from oracle import ROOT, NotCovered, P, iso, workday

CASES = json.loads((ROOT / "tests/vectors/cases/cases.json").read_text())["scenarios"]
ORDER = ["normal", "reminder", "yellow", "red"]


def logs():
    """Every case log of the case vectors, one per case id, sorted by case id."""
    seen = {}
    for sc in CASES:
        if "error" in sc["expect"] and sc["expect"]["error"] != "calendar.year_not_covered":
            continue
        events = [json.loads(line) for line in sc["lines"]]
        case = events[0]["case"]
        if all(e["case"] == case for e in events) and case not in seen:
            seen[case] = events
    return dict(sorted(seen.items()))


def convention_a(st, rules):
    """docs/domain.md §4.4 convention A for limits in days: red once the promised due has passed;
    yellow when at most k = max(days_left, floor((1 - share) * limit days)) days remain, from the
    start of the k-th day (workday for workdays) before the promised due's day."""
    c = st.get("_clock")
    if not c or c["unit"] not in ("workdays", "natural_days"):
        return
    reasons = [r for r in st["level_reasons"] if r[0] != "clock"]
    old = next((r for r in st["level_reasons"] if r[0] == "clock"), None)
    total = c["elapsed"] + c["remaining"]
    k = max(rules["yellow_days_left"], int((1 - rules["yellow_share"]) * total // 1))
    if c["level"] in ("yellow", "red"):
        reasons.append(["clock", "red", None, c["promised_due"]])
    elif c["remaining"] <= k:
        day = P(c["promised_due"]).date()
        if c["unit"] == "workdays":
            n = 0
            while n < k:
                day -= dt.timedelta(days=1)
                n += workday(day)
        else:
            day -= dt.timedelta(days=k)
        reasons.append(["clock", "yellow", None, iso(dt.datetime.combine(day, dt.time()))])
    elif old and old[1] == "reminder":
        reasons.append(old)
    reasons.sort(key=lambda r: (-ORDER.index(r[1]), r[3]))
    st["level_reasons"] = reasons
    st["level"] = max((r[1] for r in reasons), key=ORDER.index, default="normal")


def judge(as_of, rules=None):
    out, errors = {}, 0
    for case, events in logs().items():
        try:
            out[case] = case_oracle(events, as_of)
            if rules and rules["convention"] == "a":
                convention_a(out[case], rules)
        except NotCovered:
            # An open case whose due lies in a year without data is judged provisionally
            # (weekends only for that year), never dropped from the counts.
            oracle.PROVISIONAL[0] = True
            try:
                out[case] = case_oracle(events, as_of)
                if rules and rules["convention"] == "a":
                    convention_a(out[case], rules)
            except NotCovered:
                errors += 1
            finally:
                oracle.PROVISIONAL[0] = False
    return out, errors


def cards(statuses, actions, rules=None, as_of=None):
    """The cards (docs/domain.md §4.4) and the indexes of the actions that cannot be applied;
    under the 督办 ladder (rules["ladder"]) each card's reply due and escalation."""
    found = []
    for case, st in statuses.items():
        reasons = [tuple(r) for r in st["level_reasons"]]
        clock_red = any(src == "clock" and lv == "red" for src, lv, _, _ in reasons)
        for source, level, code, at in reasons:
            if ORDER.index(level) < ORDER.index("yellow"):
                continue
            # One crossing, one card: the statutory due passed is the clock's red card.
            if source == "fault" and code == "time_limit.statutory_missed" and clock_red:
                continue
            cid = f"{case}:{level}:{source}" + (f":{code}" if code else "")
            if any(c["id"] == cid for c in found):
                continue
            # A card is never lost: the yellow clock card stays, superseded by the red one.
            clock = st.get("clock") or {}
            if (source, level) == ("clock", "red") and clock["promised_due"] < clock["statutory_due"] == at:
                found.append(
                    {"id": f"{case}:yellow:clock", "case": case, "level": "yellow",
                     "raised_at": clock["promised_due"], "state": "superseded"}
                )  # fmt: skip
            found.append({"id": cid, "case": case, "level": level, "raised_at": at, "state": "open"})
    ladder = (rules or {}).get("ladder")
    for c in found:
        c["reply_due"] = iso(lim(ladder["reply_within"], P(c["raised_at"]))) if ladder else None
    errors = []
    for i, a in sorted(enumerate(actions), key=lambda x: x[1]["at"]):
        card = next((c for c in found if c["id"] == a["card"]), None)
        if (
            card is None
            or a["at"] < card["raised_at"]
            or card["state"] == "closed"
            or (a["action"] in ("close", "reply") and not (a.get("remark") or "").strip())
            or (a["action"] == "reply" and "replied" in card)
            or a["action"] not in ("acknowledge", "close", "reply")
        ):
            errors.append(i)
            continue
        if a["action"] == "close":
            card["state"] = "closed"
            card["closed"] = a["at"]
        elif a["action"] == "reply":
            card["replied"] = a["at"]
            if card["state"] != "superseded":
                card["state"] = "replied"
        elif card["state"] != "superseded":
            card["state"] = "acknowledged"
    # The ladder: no reply (and not closed) by the reply due, while the card was live (a
    # superseded yellow card until its red one), escalates it at the due.
    red_at = {c["case"]: c["raised_at"] for c in found if c["id"].endswith(":red:clock")}
    for c in found:
        due = c["reply_due"]
        if due is None:
            continue
        live_until = red_at.get(c["case"]) if c["state"] == "superseded" else as_of
        answered = c.get("replied", "9999") <= due or c.get("closed", "9999") <= due
        if live_until is not None and live_until > due and not answered:
            c["escalated"] = [due, "leadership" if c["level"] == "red" else "red"]
            if c["state"] in ("open", "acknowledged"):
                c["state"] = "escalated"
    return sorted(found, key=lambda c: (c["raised_at"], c["id"])), errors


def board(as_of, group_by="unit", since=None, actions=(), rules=None):
    statuses, errors = judge(as_of, rules)
    key = {"unit": "unit", "window": "window"}[group_by]
    rows = {}
    blank = {
        "running": 0,
        "normal": 0,
        "reminder": 0,
        "yellow": 0,
        "red": 0,
        "concluded": 0,
        "concluded_on_time": 0,
        "on_the_spot": 0,
        "new_cards": 0,
        "open_cards": 0,
        "escalated_cards": 0,
    }
    group_of = {case: st[key] or "-" for case, st in statuses.items()}
    for case, st in statuses.items():
        for g in (group_of[case], "\uffffall"):
            r = rows.setdefault(g, dict(blank))
            if st["stage"] == "accepted":
                r["running"] += 1
                r[st["level"]] += 1
            elif st["stage"] == "concluded":
                r["concluded"] += 1
                outcome = (st["clock"] or {}).get("outcome")
                r["concluded_on_time"] += outcome in ("early", "on_time")
                r["on_the_spot"] += st["on_the_spot"] is True
    all_cards, action_errors = cards(statuses, actions, rules, as_of)
    new = [c for c in all_cards if since is None or c["raised_at"] > since]
    still_open = [c for c in all_cards if c["state"] not in ("closed", "superseded")]
    for c in new:
        rows[group_of[c["case"]]]["new_cards"] += 1
        rows["\uffffall"]["new_cards"] += 1
    for c in still_open:
        for g in (group_of[c["case"]], "\uffffall"):
            rows[g]["open_cards"] += 1
            rows[g]["escalated_cards"] += "escalated" in c
    out_rows = []
    for g in sorted(rows):
        r = rows[g]
        rate = lambda n, d: None if d == 0 else n / d
        out_rows.append(
            {
                "group": "all" if g == "\uffffall" else g,
                **r,
                "on_time_rate": rate(r["concluded_on_time"], r["concluded"]),
                "on_the_spot_rate": rate(r["on_the_spot"], r["concluded"]),
            }
        )
    return {
        "rows": out_rows,
        "new_cards": [c["id"] for c in new],
        "open_cards": [[c["id"], c["state"]] for c in still_open],
        "escalated": sorted(
            [c["id"], *c["escalated"]] for c in {c["id"]: c for c in new + still_open}.values() if "escalated" in c
        ),
        "errors": errors + len(action_errors),
    }


def lines():
    return [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for events in logs().values() for e in events]


scenarios = []


def add(name, as_of, **options):
    sc = {"id": f"{len(scenarios):03d}-{name}", "as_of": as_of, "options": options}
    try:
        sc["expect"] = board(as_of, **options)
    except StopIteration:
        sc["expect"] = {"error": "supervision.invalid_action"}
    scenarios.append(sc)


add("units-late-october", "2026-10-27T10:00:00")
add("units-mid-november", "2026-11-20T09:00:00")
add("windows-year-end", "2026-12-31T18:00:00", group_by="window")
add("units-cards-since-november", "2026-12-31T18:00:00", since="2026-11-01T00:00:00")
first = [c for c in cards(judge("2026-12-31T18:00:00")[0], [])[0] if c["state"] == "open"]
acted = [
    {"card": first[0]["id"], "action": "acknowledge", "at": "2026-12-31T17:00:00", "by": "dir01"},
    {"card": first[1]["id"], "action": "close", "at": "2026-12-31T17:30:00", "by": "dir01", "remark": "整改完毕"},
]
add("units-acknowledged-and-closed", "2026-12-31T18:00:00", actions=acted)
RULES_A = dict(json.loads((ROOT / "efficiency-core/data/rules/supervision.json").read_text()), convention="a")
add("convention-a-late-october", "2026-10-27T10:00:00", rules=RULES_A)
add("convention-a-mid-november-windows", "2026-11-20T09:00:00", group_by="window", rules=RULES_A)
add("convention-a-share-half", "2026-10-20T09:00:00", rules=dict(RULES_A, yellow_share=0.5, yellow_days_left=0))
# A bad office action is a row error of the board, not a failed board; the good ones apply.
bad = [
    {"card": "NO-SUCH:red:clock", "action": "acknowledge", "at": "2026-12-31T17:00:00", "by": "dir01"},
    {"card": first[0]["id"], "action": "acknowledge", "at": "2026-12-31T17:00:00", "by": "dir01"},
]
add("action-on-no-card", "2026-12-31T18:00:00", actions=bad)
no_remark = [{"card": first[1]["id"], "action": "close", "at": "2026-12-31T17:30:00", "by": "dir01"}]
add("close-without-remark", "2026-12-31T18:00:00", actions=no_remark)

# The 督办 ladder (docs/domain.md §4.4): every card awaits the unit's reply within 2 workdays;
# a missing or late reply escalates it (yellow to red, red to the leadership).
LADDER = dict(json.loads((ROOT / "efficiency-core/data/rules/supervision.json").read_text()),
              ladder={"reply_within": {"amount": 2, "unit": "workdays"}})  # fmt: skip
add("ladder-late-october", "2026-10-27T10:00:00", rules=LADDER)
add("ladder-year-end-windows", "2026-12-31T18:00:00", group_by="window", rules=LADDER)
late_oct = [c for c in cards(judge("2026-10-27T10:00:00")[0], [])[0] if c["state"] == "open"]
replies = [
    {"card": late_oct[0]["id"], "action": "reply", "at": late_oct[0]["raised_at"], "by": "dir01",
     "remark": "已督促承办人，预计三个工作日内办结"},
    {"card": late_oct[-1]["id"], "action": "reply", "at": "2026-10-27T09:00:00", "by": "dir01", "remark": "补充说明"},
    {"card": late_oct[-1]["id"], "action": "reply", "at": "2026-10-27T09:30:00", "by": "dir01", "remark": "again"},
    {"card": late_oct[0]["id"], "action": "reply", "at": "2026-10-27T09:40:00", "by": "dir01", "remark": " "},
]  # fmt: skip
add("ladder-replies-in-time-late-twice-and-empty", "2026-10-27T10:00:00", rules=LADDER, actions=replies)

out = ROOT / "tests/vectors/supervision/supervision.json"
out.parent.mkdir(exist_ok=True)
doc = {
    "about": "Supervision boards and cards over the case logs in `lines` (every case of "
    "cases/cases.json, sorted by case id), judged at `as_of` with `options` (group_by, since, "
    "actions). Written by tests/vectors/generate_supervision.py.",
    "lines": lines(),
    "scenarios": scenarios,
}
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
print(f"wrote {len(scenarios)} boards over {len(logs())} cases to {out.relative_to(ROOT)}")
