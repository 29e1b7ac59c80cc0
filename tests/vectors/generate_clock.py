#!/usr/bin/env python3
"""Writes tests/vectors/clock.json: deadline-clock scenarios with expected answers.

The expected answers come from this script's naive oracle: it walks day by day (and minute by
minute for hour limits) over the shipped calendar data and re-states the rules of docs/domain.md §4
in plain Python. It shares no code with the library. Re-run after changing the rules or data:

    python3 tests/vectors/generate_clock.py
"""

import datetime as dt
import json
import random

from oracle import ROOT, P, due, expect, workday

scenarios = []


def add(name, accepted, statutory, as_of, events=(), promised=None, expect_error=None, **extra):
    sc = {
        "id": f"{len(scenarios):04d}-{name}",
        "accepted_at": accepted,
        "statutory": statutory,
        "as_of": as_of,
        "events": list(events),
    }
    if promised:
        sc["promised"] = promised
    sc.update(extra)
    sc["expect"] = {"error": expect_error} if expect_error else expect(sc)
    scenarios.append(sc)


def L(n, unit="workdays"):
    return {"amount": n, "unit": unit}


def at(d, hm="10:00"):
    return f"{d}T{hm}:00"


rng = random.Random(20261128)
# Acceptance moments on both sides of long holidays and make-up days, 2019-2026.
anchors = [
    "2019-09-27",
    "2019-09-30",
    "2020-01-17",
    "2020-01-23",
    "2020-04-30",
    "2021-02-09",
    "2021-09-30",
    "2022-01-28",
    "2022-09-30",
    "2023-01-19",
    "2023-09-27",
    "2023-09-28",
    "2024-02-08",
    "2024-02-09",
    "2024-04-30",
    "2024-09-13",
    "2024-09-30",
    "2025-01-24",
    "2025-01-27",
    "2025-04-30",
    "2025-09-26",
    "2025-09-30",
    "2026-01-02",
    "2026-02-13",
    "2026-02-14",
    "2026-04-30",
    "2026-05-08",
    "2026-09-19",
    "2026-09-28",
    "2026-09-30",
    "2026-10-09",
]
for a in anchors:
    d = dt.date.fromisoformat(a)
    for unit, amounts in [("workdays", [1, 5, 10, 20]), ("natural_days", [7, 15, 30]), ("work_hours", [2, 7, 16])]:
        n = rng.choice(amounts)
        hm = rng.choice(["09:00", "10:30", "12:15", "16:45", "19:00"])
        for offset in (1, rng.randint(3, 40)):
            add(f"{unit}-{n}-from-{a}", at(a, hm), L(n, unit), at((d + dt.timedelta(days=offset)).isoformat(), "11:00"))

# Promised within statutory, levels over time, outcomes.
for a in ["2026-09-28", "2025-01-24", "2024-04-30", "2023-09-27"]:
    d = dt.date.fromisoformat(a)
    for k in range(0, 60, 4):
        add(f"levels-{a}-{k}", at(a), L(20), at((d + dt.timedelta(days=k)).isoformat(), "16:00"), promised=L(10))
    for k in (5, 12, 20, 33, 45):
        c = (d + dt.timedelta(days=k)).isoformat()
        add(
            f"concluded-{a}-{k}",
            at(a),
            L(20),
            at(c, "18:00"),
            [{"event": "conclude", "at": at(c, "15:00")}],
            promised=L(10),
        )

# Suspensions, including across holidays and still open.
for a, s, r in [
    ("2026-09-21", "2026-09-29", "2026-10-09"),
    ("2026-01-26", "2026-02-12", "2026-02-25"),
    ("2025-09-22", "2025-09-30", "2025-10-10"),
    ("2024-04-22", "2024-04-29", "2024-05-06"),
    ("2026-04-27", "2026-04-30", "2026-05-09"),
    ("2025-12-22", "2025-12-31", "2026-01-05"),
]:
    ev = [
        {"event": "suspend", "at": at(s, "15:00"), "reason": "expert review"},
        {"event": "resume", "at": at(r, "09:30")},
    ]
    d = dt.date.fromisoformat(r)
    for unit, n in [("workdays", 20), ("workdays", 10), ("natural_days", 30), ("work_hours", 40)]:
        for k in (1, 15):
            add(f"suspension-{unit}-{a}", at(a), L(n, unit), at((d + dt.timedelta(days=k)).isoformat(), "10:00"), ev)
    add(f"open-suspension-{a}", at(a), L(20), at((dt.date.fromisoformat(s) + dt.timedelta(days=3)).isoformat()), ev[:1])
add(
    "two-suspensions",
    at("2026-03-02"),
    L(20),
    at("2026-04-20"),
    [
        {"event": "suspend", "at": at("2026-03-05"), "reason": "hearing"},
        {"event": "resume", "at": at("2026-03-10")},
        {"event": "suspend", "at": at("2026-03-20"), "reason": "testing"},
        {"event": "resume", "at": at("2026-03-31")},
    ],
)
add(
    "hours-suspension-lunch",
    at("2026-11-02", "09:00"),
    L(8, "work_hours"),
    at("2026-11-02", "15:00"),
    [
        {"event": "suspend", "at": at("2026-11-02", "10:00"), "reason": "testing"},
        {"event": "resume", "at": at("2026-11-02", "14:00")},
    ],
)

# Extensions: valid, and each kind of fault, across holidays.
POL = {"max_amount": 10, "approver": "agency_head", "max_count": 1}
for a in ["2026-09-14", "2025-09-15", "2026-01-26", "2024-09-09"]:
    d = dt.date.fromisoformat(a)
    base_due = due(P(at(a)), "workdays", 20, [])
    day = lambda k, d=d: (d + dt.timedelta(days=k)).isoformat()
    late = (base_due.date() + dt.timedelta(days=1)).isoformat()
    variants = {
        "valid": [
            ("request_extension", day(10), 10),
            ("approve_extension", day(11), "agency_head"),
            ("notify_applicant", day(12), None),
        ],
        "government-head-ok": [
            ("request_extension", day(10), 10),
            ("approve_extension", day(11), "government_head"),
            ("notify_applicant", day(11), None),
        ],
        "requested-late": [
            ("request_extension", late, 10),
            ("approve_extension", late, "agency_head"),
            ("notify_applicant", late, None),
        ],
        "unauthorized": [
            ("request_extension", day(10), 10),
            ("approve_extension", day(11), "supervising_leader"),
            ("notify_applicant", day(12), None),
        ],
        "unit-head": [
            ("request_extension", day(10), 5),
            ("approve_extension", day(11), "unit_head"),
            ("notify_applicant", day(12), None),
        ],
        "over-cap": [
            ("request_extension", day(10), 15),
            ("approve_extension", day(11), "agency_head"),
            ("notify_applicant", day(12), None),
        ],
        "not-approved": [("request_extension", day(10), 10), ("notify_applicant", day(12), None)],
        "approved-late": [
            ("request_extension", day(10), 10),
            ("approve_extension", late, "agency_head"),
            ("notify_applicant", day(12), None),
        ],
        "not-notified": [("request_extension", day(10), 10), ("approve_extension", day(11), "agency_head")],
        "notified-late": [
            ("request_extension", day(10), 10),
            ("approve_extension", day(11), "agency_head"),
            ("notify_applicant", late, None),
        ],
        "too-many": [
            ("request_extension", day(10), 5),
            ("approve_extension", day(11), "agency_head"),
            ("notify_applicant", day(11), None),
            ("request_extension", day(12), 5),
            ("approve_extension", day(12), "agency_head"),
            ("notify_applicant", day(13), None),
        ],
    }
    for name, evs in variants.items():
        events = []
        for kind, when, arg in evs:
            e = {"event": kind, "at": at(when, "11:00")}
            if kind == "request_extension":
                e.update(amount=arg, reason="site inspection needed")
            elif kind == "approve_extension":
                e["approver"] = arg
            events.append(e)
        events.sort(key=lambda e: e["at"])  # a log is in time order
        for k in (12, 50):
            add(f"extension-{name}-{a}-{k}", at(a), L(20), at(day(k), "12:00"), events, promised=L(15), extension=POL)
    add(
        f"extension-pending-{a}",
        at(a),
        L(20),
        at(day(10), "15:00"),
        [{"event": "request_extension", "at": at(day(10), "11:00"), "amount": 10, "reason": "r"}],
        promised=L(15),
        extension=POL,
    )

# Natural-day limits that end on a holiday or weekend, and petitions (60 + 30).
for a in ["2026-08-17", "2026-09-01", "2025-12-31", "2026-01-16", "2024-08-02", "2025-03-31", "2026-03-06"]:
    for n in (15, 30, 60):
        add(f"natural-{n}-{a}", at(a), L(n, "natural_days"), at(a, "18:00"))
add(
    "petition-extended",
    at("2026-06-01"),
    L(60, "natural_days"),
    at("2026-09-01"),
    [
        {"event": "request_extension", "at": at("2026-07-20"), "amount": 30, "reason": "complex"},
        {"event": "approve_extension", "at": at("2026-07-21"), "approver": "agency_head"},
        {"event": "notify_applicant", "at": at("2026-07-22")},
    ],
    extension={"max_amount": 30, "approver": "agency_head", "max_count": 1},
)

# Hour limits crossing lunch and nights, and on-the-spot items.
for a, hm in [
    ("2026-11-02", "11:00"),
    ("2026-09-30", "16:00"),
    ("2026-02-13", "17:00"),
    ("2026-11-06", "20:30"),
    ("2026-10-09", "12:30"),
    ("2026-05-08", "08:00"),
]:
    for n in (1, 2, 4, 7, 8):
        add(f"hours-{n}-{a}-{hm}", at(a, hm), L(n, "work_hours"), at(a, "23:00"))
for a in ["2026-11-02", "2026-02-13"]:
    add(f"on-the-spot-open-{a}", at(a), L(0, "on_the_spot"), at(a, "12:00"))
    add(
        f"on-the-spot-done-{a}",
        at(a),
        L(0, "on_the_spot"),
        at(a, "18:00"),
        [{"event": "conclude", "at": at(a, "10:30")}],
    )
    nxt = (dt.date.fromisoformat(a) + dt.timedelta(days=3)).isoformat()
    add(
        f"on-the-spot-late-{a}",
        at(a),
        L(0, "on_the_spot"),
        at(nxt, "18:00"),
        [{"event": "conclude", "at": at(nxt, "10:30")}],
    )
add("promised-in-hours", at("2026-11-02", "16:00"), L(5), at("2026-11-03", "12:00"), promised=L(2, "work_hours"))
add(
    "promised-on-the-spot",
    at("2026-11-02"),
    L(30, "natural_days"),
    at("2026-11-02", "16:00"),
    promised=L(0, "on_the_spot"),
)

# Late supplement notices (行政许可法 Art. 32).
for rec, note, acc in [
    ("2026-09-01", "2026-09-10", "2026-09-14"),
    ("2026-09-01", "2026-09-08", "2026-09-14"),
    ("2026-09-24", "2026-10-09", "2026-10-12"),
    ("2026-09-24", "2026-09-30", "2026-10-12"),
    ("2026-09-22", "2026-10-09", "2026-10-12"),
]:
    add(
        f"supplement-{rec}-{note}",
        at(acc),
        L(20),
        at("2026-10-20"),
        supplement={"received_at": at(rec), "notice_at": at(note)},
    )

# Counting to 24:00.
for a in ["2026-09-28", "2026-02-13"]:
    add(f"midnight-{a}", at(a), L(20), at(a, "18:00"), config={"day_end": "midnight"})
    add(f"midnight-natural-{a}", at(a), L(30, "natural_days"), at(a, "18:00"), config={"day_end": "midnight"})

# Years without data.
add("beyond-data", at("2026-12-01"), L(30), at("2026-12-02"))
add("before-data", at("2003-12-15"), L(10), at("2003-12-16"))

# Impossible sequences: errors, never answers.
bad = [
    ("resume-without-suspension", [{"event": "resume", "at": at("2026-09-29")}], "clock.resume_without_suspension"),
    (
        "suspend-twice",
        [
            {"event": "suspend", "at": at("2026-09-29"), "reason": "a"},
            {"event": "suspend", "at": at("2026-09-30"), "reason": "b"},
        ],
        "clock.already_suspended",
    ),
    (
        "time-backwards",
        [{"event": "suspend", "at": at("2026-09-30"), "reason": "a"}, {"event": "resume", "at": at("2026-09-29")}],
        "clock.time_goes_backwards",
    ),
    (
        "after-conclusion",
        [
            {"event": "conclude", "at": at("2026-09-30")},
            {"event": "request_extension", "at": at("2026-10-08"), "amount": 5, "reason": "x"},
        ],
        "clock.after_conclusion",
    ),
    (
        "approve-without-request",
        [{"event": "approve_extension", "at": at("2026-09-30"), "approver": "agency_head"}],
        "clock.no_pending_extension",
    ),
    ("before-acceptance", [{"event": "suspend", "at": at("2026-09-27"), "reason": "a"}], "clock.before_acceptance"),
    (
        "conclude-while-suspended",
        [{"event": "suspend", "at": at("2026-09-29"), "reason": "a"}, {"event": "conclude", "at": at("2026-09-30")}],
        "clock.suspended_at_conclusion",
    ),
    (
        "zero-extension",
        [{"event": "request_extension", "at": at("2026-09-29"), "amount": 0, "reason": "x"}],
        "clock.invalid_amount",
    ),
    (
        "unknown-approver",
        [
            {"event": "request_extension", "at": at("2026-09-29"), "amount": 5, "reason": "x"},
            {"event": "approve_extension", "at": at("2026-09-30"), "approver": "janitor"},
        ],
        "clock.unknown_authority",
    ),
]
for name, events, code in bad:
    add(f"error-{name}", at("2026-09-28"), L(20), at("2026-10-20"), events, expect_error=code)
add(
    "error-promised-too-long",
    at("2026-09-28"),
    L(20),
    at("2026-10-20"),
    promised=L(25),
    expect_error="clock.promised_exceeds_statutory",
)
add("error-as-of-before-acceptance", at("2026-09-28"), L(20), at("2026-09-27"), expect_error="clock.invalid_time")

# On the spot after office hours or on a rest day (docs/domain.md §4.2): due at the close of the
# next workday, never before the receipt.
for a, hm in [
    ("2026-11-06", "18:30"),  # a Friday evening
    ("2026-11-07", "10:00"),  # a Saturday
    ("2026-09-30", "17:45"),  # the evening before National Day
    ("2026-10-03", "09:00"),  # inside the holiday
    ("2026-10-10", "18:00"),  # a make-up Saturday, after hours
    ("2026-11-02", "17:29"),  # a minute before the close: the same day
]:
    nxt = dt.date.fromisoformat(a) + dt.timedelta(days=1)
    while not workday(nxt):
        nxt += dt.timedelta(days=1)
    nxt = nxt.isoformat()
    add(f"on-the-spot-after-hours-open-{a}-{hm}", at(a, hm), L(0, "on_the_spot"), at(a, "23:00"))
    add(
        f"on-the-spot-after-hours-next-morning-{a}-{hm}",
        at(a, hm),
        L(30, "natural_days"),
        at(nxt),
        [{"event": "conclude", "at": at(nxt, "09:30")}],
        promised=L(0, "on_the_spot"),
    )
    add(
        f"on-the-spot-after-hours-midnight-{a}-{hm}",
        at(a, hm),
        L(0, "on_the_spot"),
        at(a, "23:30"),
        config={"day_end": "midnight"},
    )

# A promise within the statute is decided by the dues at acceptance, not the units (docs/domain.md
# §4.2): 15 workdays under 60 natural days (社会团体登记管理条例 Art. 12) is valid; 45 ends later.
add("promised-workdays-under-natural-days", at("2026-09-30"), L(60, "natural_days"), at("2026-10-20"), promised=L(15))
add(
    "promised-workdays-under-natural-days-done",
    at("2026-09-30"),
    L(60, "natural_days"),
    at("2026-11-02"),
    [{"event": "conclude", "at": at("2026-10-29", "16:00")}],
    promised=L(15),
)
add(
    "promised-workdays-beyond-natural-days",
    at("2026-09-30"),
    L(60, "natural_days"),
    at("2026-10-20"),
    promised=L(45),
    expect_error="clock.promised_exceeds_statutory",
)

# Months (民法典 Arts. 200-203): the corresponding day of the last month, the month's last day when
# it has none, rolled to the next workday when it is a rest day.
for a in ["2026-01-31", "2026-03-31", "2026-08-31", "2026-06-15", "2026-09-30", "2025-12-31"]:
    for n in (1, 2, 3):
        add(f"months-{n}-{a}", at(a), L(n, "months"), at(a))
add(
    "months-suspended",
    at("2026-03-02"),
    L(2, "months"),
    at("2026-06-30"),
    [
        {"event": "suspend", "at": at("2026-03-10"), "reason": "expert review"},
        {"event": "resume", "at": at("2026-03-20")},
    ],
)
add("months-promised-in-workdays", at("2026-04-01"), L(3, "months"), at("2026-04-20"), promised=L(30))

# A case concluded at 18:10 on its last day: late where the day ends at the close of office
# hours, on time (not early) where it ends at 24:00.
for cfg in ({}, {"day_end": "midnight"}):
    add(
        "concluded-on-the-last-evening" + ("-midnight" if cfg else ""),
        at("2026-09-28"),
        L(20),
        at("2026-11-02"),
        [{"event": "conclude", "at": at("2026-10-30", "18:10")}],
        **({"config": cfg} if cfg else {}),
    )

# No statute ("none"): only the promise binds. Past it: yellow and promised_missed, never red or a
# statutory fault; an extension is refused by default (no law to extend) unless the item allows
# one, and then moves the promise; without a promise the clock cannot run.
NONE = {"amount": 0, "unit": "none"}
add("no-statute-promise-kept", at("2026-09-28"), NONE, at("2026-10-20"), promised=L(15))
add("no-statute-promise-missed", at("2026-09-28"), NONE, at("2026-12-31"), promised=L(15))
add(
    "no-statute-concluded-late",
    at("2026-09-28"),
    NONE,
    at("2026-12-31"),
    [{"event": "conclude", "at": at("2026-11-20")}],
    promised=L(15),
)
add(
    "no-statute-extension-refused-by-default",
    at("2026-09-28"),
    NONE,
    at("2026-11-30"),
    [
        {"event": "request_extension", "at": at("2026-10-09"), "amount": 5, "reason": "expert opinion needed"},
        {"event": "approve_extension", "at": at("2026-10-10"), "approver": "agency_head"},
        {"event": "notify_applicant", "at": at("2026-10-12")},
    ],
    promised=L(15),
)
add(
    "no-statute-extension-moves-the-promise",
    at("2026-09-28"),
    NONE,
    at("2026-10-28"),
    [
        {"event": "request_extension", "at": at("2026-10-09"), "amount": 5, "reason": "expert opinion needed"},
        {"event": "approve_extension", "at": at("2026-10-10"), "approver": "agency_head"},
        {"event": "notify_applicant", "at": at("2026-10-12")},
    ],
    promised=L(15),
    extension={"max_amount": 10, "approver": "agency_head", "max_count": 1},
)
add("no-statute-no-promise", at("2026-09-28"), NONE, at("2026-10-20"), expect_error="clock.no_limit")
add(
    "no-statute-promise-of-none",
    at("2026-09-28"),
    L(20),
    at("2026-10-20"),
    promised=NONE,
    expect_error="clock.no_limit",
)

doc = {
    "description": "Deadline-clock scenarios: limits across Spring Festival and National Day, make-up Saturdays, "
    "suspensions spanning holidays, valid and each kind of invalid extension, hour limits crossing lunch and nights, "
    "natural-day limits ending on a holiday, late supplement notices, 24:00 day ends, on-the-spot items received after hours, limits in months, no statute (only a promise), years without data and impossible "
    "event sequences. Generated by generate_clock.py with a naive day-by-day / minute-by-minute oracle.",
    "defaults": {
        "calendar": "Calendar.china() (strict)",
        "office_hours": [["09:00", "12:00"], ["13:30", "17:30"]],
        "day_end": "close_of_business",
        "reminder_threshold": {"amount": 1, "unit": "workdays"},
        "promised": "the statutory limit when absent",
        "extension": "max_amount = statutory amount, approver agency_head, max_count 1 when absent",
    },
    "how": "Build the clock (statutory, promised, extension policy, supplement, config), push the events in order, "
    "then status(as_of). expect is the status (remaining and elapsed compare as numbers; findings are codes in time "
    "order) or {error: code} for the first failing step.",
}
head = json.dumps(doc, ensure_ascii=False, indent=1)[:-2]
lines = ",\n".join(json.dumps(s, ensure_ascii=False, separators=(",", ":")) for s in scenarios)
out = ROOT / "tests/vectors/clock.json"
out.write_text(head + ',\n "scenarios": [\n' + lines + "\n ]\n}\n")
print(f"wrote {len(scenarios)} scenarios to {out.relative_to(ROOT)}")
