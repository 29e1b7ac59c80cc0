#!/usr/bin/env python3
"""Writes tests/vectors/calendar.json: calendar cases with expected answers.

The expected answers come from this script's own naive oracle (walk day by day over the
shipped data), not from the library: the Rust table lookups, the Python extension and the
JS/wasm bindings must all agree with it. Re-run after changing the data:

    python3 tests/vectors/generate_calendar.py
"""

import datetime as dt
import json
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = json.loads((ROOT / "efficiency-core/data/calendar/china.json").read_text())
FIRST, LAST = DATA["years"][0]["year"], DATA["years"][-1]["year"]
ONE = dt.timedelta(days=1)

info = {}  # date -> (kind, holiday name)
for y in DATA["years"]:
    for p in y["periods"]:
        name = " and ".join(f["name"] for f in p["festivals"])
        d = dt.date.fromisoformat(p["from"])
        while d <= dt.date.fromisoformat(p["to"]):
            info[d] = ("holiday", name)
            d += ONE
        for m in p["makeup_workdays"]:
            info[dt.date.fromisoformat(m)] = ("makeup_workday", name)


class NotCovered(Exception):
    pass


def kind(d, provisional=False):
    if d.year < FIRST or (d.year > LAST and not provisional):
        raise NotCovered(d.year)
    if d in info:
        return info[d]
    return ("rest_day" if d.weekday() >= 5 else "workday", None)


def is_work(d, provisional=False):
    return kind(d, provisional)[0] in ("workday", "makeup_workday")


def add_workdays(d, n, provisional=False):
    kind(d, provisional)
    step = ONE if n > 0 else -ONE
    left = abs(n)
    while left:
        d += step
        if is_work(d, provisional):
            left -= 1
    return d


def between(a, b, provisional=False):
    kind(a, provisional), kind(b, provisional)
    lo, hi, sign = (a, b, 1) if a <= b else (b, a, -1)
    n, d = 0, lo
    while d < hi:
        d += ONE
        n += is_work(d, provisional)
    return sign * n


cases = []


def case(op, args, fn, calendar="china"):
    try:
        expect = {"value": fn()}
    except NotCovered:
        expect = {"error": "calendar.year_not_covered"}
    cases.append({"id": f"{op}-{len(cases):05d}", "calendar": calendar, "op": op, "args": args, "expect": expect})


def day_case(d, calendar="china"):
    prov = calendar == "china_provisional"

    def fn():
        k, name = kind(d, prov)
        return {
            "kind": k,
            "is_workday": k in ("workday", "makeup_workday"),
            "holiday_name": name if k == "holiday" else None,
        }

    case("day", {"date": d.isoformat()}, fn, calendar)


# Both sides of every holiday period and make-up workday, 2004-2026.
boundaries = set()
for y in DATA["years"]:
    for p in y["periods"]:
        f, t = dt.date.fromisoformat(p["from"]), dt.date.fromisoformat(p["to"])
        boundaries |= {f - ONE, f, t, t + ONE}
        for m in p["makeup_workdays"]:
            m = dt.date.fromisoformat(m)
            boundaries |= {m - ONE, m, m + ONE}
boundaries = sorted(b for b in boundaries if FIRST <= b.year <= LAST)
for d in boundaries:
    day_case(d)

rng = random.Random(20261128)
# add_workdays from each boundary, forwards and backwards, small and statutory-sized n.
for d in boundaries:
    for n in (rng.choice([1, 2, 3, 5]), rng.choice([7, 10, 15, 20, 30, 45, 60]), -rng.choice([1, 3, 10, 20])):
        case("add_workdays", {"date": d.isoformat(), "n": n}, lambda d=d, n=n: add_workdays(d, n).isoformat())
    if rng.random() < 0.25:
        case("add_workdays", {"date": d.isoformat(), "n": 0}, lambda d=d: d.isoformat())
# next / previous workday around boundaries.
for d in boundaries[::3]:
    case("next_workday", {"date": d.isoformat()}, lambda d=d: add_workdays(d, 1).isoformat())
    case("previous_workday", {"date": d.isoformat()}, lambda d=d: add_workdays(d, -1).isoformat())
# workdays_between: spans across holidays, both orders.
for _ in range(500):
    a = rng.choice(boundaries)
    b = a + dt.timedelta(days=rng.randint(-90, 90))
    case("workdays_between", {"a": a.isoformat(), "b": b.isoformat()}, lambda a=a, b=b: between(a, b))
# The edges of the data, strict: answers inside, year errors outside.
for s, n in [
    ("2004-01-01", 1),
    ("2004-01-02", -1),
    ("2004-01-05", -2),
    ("2026-12-30", 1),
    ("2026-12-31", 1),
    ("2026-12-31", 0),
    ("2026-12-25", 5),
    ("2003-12-31", 1),
    ("2027-01-04", -1),
]:
    d = dt.date.fromisoformat(s)
    case("add_workdays", {"date": s, "n": n}, lambda d=d, n=n: add_workdays(d, n).isoformat())
for s in ["2003-12-31", "2027-01-01", "2030-06-03", "2004-01-01", "2026-12-31"]:
    day_case(dt.date.fromisoformat(s))
case(
    "workdays_between",
    {"a": "2026-12-01", "b": "2027-01-10"},
    lambda: between(dt.date(2026, 12, 1), dt.date(2027, 1, 10)),
)
# Provisional: weekends only after 2026, still an error before 2004.
for s, n in [("2026-12-30", 3), ("2027-01-04", -1), ("2027-02-10", 20), ("2026-10-08", 80), ("2004-01-05", -3)]:
    d = dt.date.fromisoformat(s)
    case(
        "add_workdays", {"date": s, "n": n}, lambda d=d, n=n: add_workdays(d, n, True).isoformat(), "china_provisional"
    )
for s in ["2027-01-01", "2027-01-02", "2030-06-03", "2026-10-10", "2003-06-02"]:
    day_case(dt.date.fromisoformat(s), "china_provisional")
case(
    "workdays_between",
    {"a": "2026-12-31", "b": "2027-12-31"},
    lambda: between(dt.date(2026, 12, 31), dt.date(2027, 12, 31), True),
    "china_provisional",
)
# Malformed dates.
for bad in ["2026-02-30", "2026-2-3", "", "2026/09/28", "20260928", "2026-09-28T00:00:00", "tomorrow", "2026-13-01"]:
    cases.append(
        {
            "id": f"invalid-{len(cases):05d}",
            "calendar": "china",
            "op": "day",
            "args": {"date": bad},
            "expect": {"error": "calendar.invalid_date"},
        }
    )
    cases.append(
        {
            "id": f"invalid-{len(cases):05d}",
            "calendar": "china",
            "op": "add_workdays",
            "args": {"date": bad, "n": 1},
            "expect": {"error": "calendar.invalid_date"},
        }
    )

doc = {
    "description": "Calendar vectors: day kinds on both sides of every holiday and make-up workday 2004-2026, "
    "add_workdays / workdays_between / next / previous across holidays, coverage errors, provisional "
    "answers and malformed dates. Generated by generate_calendar.py from the shipped data with a naive oracle.",
    "calendars": {"china": "Calendar.china()", "china_provisional": "Calendar.china(provisional=True)"},
    "ops": {
        "day": "args.date -> {kind: day_kind, is_workday, holiday_name}",
        "add_workdays": "args.date, args.n -> date",
        "next_workday": "args.date -> date",
        "previous_workday": "args.date -> date",
        "workdays_between": "args.a, args.b -> int",
    },
    "cases": cases,
}
out = ROOT / "tests/vectors/calendar.json"
head = json.dumps({k: v for k, v in doc.items() if k != "cases"}, ensure_ascii=False, indent=1)[:-2]
lines = ",\n".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in cases)
out.write_text(head + ',\n "cases": [\n' + lines + "\n ]\n}\n")  # one case per line
print(f"wrote {len(cases)} cases to {out.relative_to(ROOT)}")
