"""The independent oracle behind the vector files: the shipped calendar data walked day by day
(and minute by minute for hour limits), and the rules of docs/domain.md §4 re-stated in plain Python.
It shares no code with the library. Used by generate_clock.py and generate_cases.py.
"""

import datetime as dt
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = json.loads((ROOT / "efficiency-core/data/calendar/china.json").read_text())
FIRST, LAST = DATA["years"][0]["year"], DATA["years"][-1]["year"]
DAY = dt.timedelta(days=1)
MIN = dt.timedelta(minutes=1)
SESSIONS = [(dt.time(9, 0), dt.time(12, 0)), (dt.time(13, 30), dt.time(17, 30))]
CLOSE = dt.time(17, 30)
RANK = ["handler", "unit_head", "supervising_leader", "agency_head", "government_head"]

OFF, MAKEUP = set(), set()
for y in DATA["years"]:
    for p in y["periods"]:
        d = dt.date.fromisoformat(p["from"])
        while d <= dt.date.fromisoformat(p["to"]):
            OFF.add(d)
            d += DAY
        MAKEUP |= {dt.date.fromisoformat(m) for m in p["makeup_workdays"]}


class NotCovered(Exception):
    pass


# Set while judging provisionally: years after the data answer by weekends only.
PROVISIONAL = [False]


def covered(d):
    if d.year < FIRST or (d.year > LAST and not PROVISIONAL[0]):
        raise NotCovered(d)


def workday(d):
    covered(d)
    return d in MAKEUP or (d not in OFF and d.weekday() < 5)


def in_windows_day(d, windows):
    return any(s.date() < d <= r.date() for s, r in windows)


def day_counts(d, unit, windows):
    """Whether day d counts toward a day-unit limit."""
    if in_windows_day(d, windows):
        covered(d)
        return False
    return True if unit == "natural_days" and (covered(d) or True) else workday(d)


def office_minute(m, windows):
    """Whether the minute starting at m counts toward an hour limit."""
    if not workday(m.date()):
        return False
    t = m.time()
    if not any(a <= t < b for a, b in SESSIONS):
        return False
    return not any(s <= m < r for s, r in windows)


def add_months(d, n):
    """民法典 Art. 202: the corresponding day n months later, the month's last day if it has none."""
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    last = (dt.date(y + m // 12, m % 12 + 1, 1) - DAY).day
    return dt.date(y, m, min(d.day, last))


def due(start, unit, amount, windows, day_end="close_of_business"):
    if unit == "months":
        # Counted as the natural days the months make from the start day.
        return due(start, "natural_days", (add_months(start.date(), amount) - start.date()).days, windows, day_end)
    if unit == "work_hours":
        left, m = amount * 60, start.replace(second=0)
        while left > 0:
            if not workday(m.date()):
                m = dt.datetime.combine(m.date() + DAY, dt.time(0))
                continue
            if office_minute(m, windows):
                left -= 1
            m += MIN
        return m
    d, left = start.date(), amount
    covered(d)
    # On the spot (docs/domain.md §4.2): the receiving day when received on a workday before the
    # close of office hours; else the next workday (never a due before the receipt).
    if amount == 0 and not (workday(d) and start.time() < CLOSE):
        d += DAY
        while not workday(d):
            d += DAY
    while left > 0:
        d += DAY
        if day_counts(d, unit, windows):
            left -= 1
    if unit == "natural_days":
        while not workday(d):
            d += DAY
    if day_end == "midnight":
        return dt.datetime.combine(d + DAY, dt.time(0))
    return dt.datetime.combine(d, CLOSE)


def measure(unit, a, b, windows):
    """Signed time from a to b in unit: days x with a < x <= b that count, or office hours."""
    sign = 1
    if b < a:
        a, b, sign = b, a, -1
    if unit == "work_hours":
        n, m = 0, a
        while m < b:
            if not workday(m.date()):
                m = min(dt.datetime.combine(m.date() + DAY, dt.time(0)), b)
                continue
            n += office_minute(m, windows)
            m += MIN
        return sign * n / 60
    n, d = 0, a.date()
    covered(d)
    while d < b.date():
        d += DAY
        n += day_counts(d, unit, windows)
    return sign * n


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S")


def P(s):
    return dt.datetime.fromisoformat(s)


def oracle(sc):
    """The expected status of a scenario, or {'error': code}."""
    stat = sc["statutory"]
    prom = sc.get("promised") or stat
    # docs/domain.md §4.2: where no law sets a period ("none") only the promise binds; extensions
    # move it, and none is allowed unless the item says so.
    no_statute = stat["unit"] == "none"
    if no_statute and prom["unit"] == "none":
        return {"error": "clock.no_limit"}
    basis = prom if no_statute else stat
    default_pol = (
        {"max_amount": 0, "approver": "agency_head", "max_count": 0}
        if no_statute
        else {"max_amount": stat["amount"], "approver": "agency_head", "max_count": 1}
    )
    pol = sc.get("extension") or default_pol
    day_end = sc.get("config", {}).get("day_end", "close_of_business")
    accepted = P(sc["accepted_at"])
    as_of = P(sc["as_of"])
    findings = []
    start = accepted
    if "supplement" in sc:
        rec, note = P(sc["supplement"]["received_at"]), P(sc["supplement"]["notice_at"])
        if measure("workdays", rec, note, []) > sc.get("notice_within", 5):
            start = rec
            findings.append((note, "supplement.late_notice", []))
    events = [e for e in sc["events"] if P(e["at"]) <= as_of]
    windows, open_s, concluded, concl = [], None, None, []

    def close(k, end, resumed):
        # docs/domain.md §4.3: a procedure with its own limit stops the clock up to that limit;
        # the time beyond counts again and is a procedure.overrun.
        s, limit = P(events[k]["at"]), events[k].get("limit")
        cap = due(s, limit["unit"], limit["amount"], [], day_end) if limit else None
        if cap is not None and end > cap:
            windows.append((s, max(cap, s)))
            findings.append((cap, "procedure.overrun", [k] + ([resumed] if resumed is not None else [])))
        else:
            windows.append((s, end))

    for k, e in enumerate(events):
        if e["event"] == "suspend":
            open_s = k
        elif e["event"] == "resume":
            close(open_s, P(e["at"]), k)
            open_s = None
        elif e["event"] == "conclude":
            concluded = P(e["at"])
            concl = [k]
    if open_s is not None:
        close(open_s, max(P(events[open_s]["at"]), as_of), None)
    t = concluded or as_of
    ext, valid, pending = 0, 0, False
    req_idx = [i for i, e in enumerate(events) if e["event"] == "request_extension"]
    for k, i in enumerate(req_idx):
        req = events[i]
        asked = P(req["at"])
        stop = req_idx[k + 1] if k + 1 < len(req_idx) else len(events)
        appr_i = next((j for j in range(i + 1, stop) if events[j]["event"] == "approve_extension"), None)
        note_i = next((j for j in range(i + 1, stop) if events[j]["event"] == "notify_applicant"), None)
        appr = events[appr_i] if appr_i is not None else None
        note = events[note_i] if note_i is not None else None
        deadline = due(start, basis["unit"], basis["amount"] + ext, windows, day_end)
        decided = concluded is not None or as_of > deadline
        faults = []
        if valid >= pol["max_count"]:
            faults.append((asked, "extension.too_many", [i]))
        if asked > deadline:
            faults.append((asked, "extension.requested_late", [i]))
        if req["amount"] > pol["max_amount"]:
            faults.append((asked, "extension.over_cap", [i]))
        if appr:
            # The role the item names, of the unit it names (an agency head may approve for any
            # unit: 政府信息公开条例 Art. 33 names the head of the disclosure office).
            wrong_unit = (
                pol.get("unit") is not None
                and RANK.index(appr["approver"]) < RANK.index("agency_head")
                and appr.get("unit") != pol["unit"]
            )
            if RANK.index(appr["approver"]) < RANK.index(pol["approver"]) or wrong_unit:
                faults.append((P(appr["at"]), "extension.unauthorized_approver", [i, appr_i]))
            if P(appr["at"]) > deadline:
                faults.append((P(appr["at"]), "extension.not_approved", [i, appr_i]))
        elif decided:
            faults.append((min(deadline, t), "extension.not_approved", [i]))
        if note:
            if P(note["at"]) > deadline:
                faults.append((P(note["at"]), "extension.applicant_not_notified", [i, note_i]))
        elif decided:
            faults.append((min(deadline, t), "extension.applicant_not_notified", [i]))
        if not faults:
            if appr and note:
                ext += req["amount"]
                valid += 1
            else:
                pending = True
        findings += faults
    if prom["unit"] == basis["unit"]:
        pdue = due(start, prom["unit"], prom["amount"] + ext, windows, day_end)
    else:
        pdue = due(start, prom["unit"], prom["amount"], windows, day_end)
        if ext:
            pdue = max(pdue, due(pdue, basis["unit"], ext, windows, day_end))
    sdue = None if no_statute else due(start, stat["unit"], stat["amount"] + ext, windows, day_end)
    unit = {"on_the_spot": "workdays", "months": "natural_days"}.get(prom["unit"], prom["unit"])
    # With 24:00 as a day's end the due is the next day's 00:00, not a day of the period: time
    # left is counted to the last day (a case concluded on it is on time, not early).
    last = pdue - dt.timedelta(seconds=1) if day_end == "midnight" and pdue.time() == dt.time(0) else pdue
    remaining = measure(unit, t, last if unit != "work_hours" else pdue, windows)
    elapsed = max(0, measure(unit, start, t, windows))
    left = remaining if unit == "workdays" else measure("workdays", t, last, windows)
    if sdue is not None and t > sdue:
        level = "red"
    elif t > pdue:
        level = "yellow"
    elif left <= 1:
        level = "reminder"
    else:
        level = "normal"
    if t > pdue and pdue != sdue:
        findings.append((pdue, "time_limit.promised_missed", concl))
    if sdue is not None and t > sdue:
        findings.append((sdue, "time_limit.statutory_missed", concl))
    outcome = None
    if concluded is not None:
        outcome = "late" if t > pdue else ("early" if remaining >= 1 else "on_time")
    state = "concluded" if concluded is not None else ("suspended" if open_s is not None else "running")
    findings.sort(key=lambda f: f[0])  # stable: same-time findings keep the order found
    return {
        "counting_from": iso(start),
        "promised_due": iso(pdue),
        "statutory_due": iso(sdue) if sdue is not None else None,
        "extended_by": ext,
        "remaining": remaining,
        "elapsed": elapsed,
        "state": state,
        "level": level,
        "outcome": outcome,
        "extension_pending": pending,
        "findings": [code for _, code, _ in findings],
        "_findings": findings,
    }


def expect(sc):
    try:
        out = oracle(sc)
        out.pop("_findings")
        return out
    except NotCovered:
        return {"error": "calendar.year_not_covered"}
