"""Times Calendar.add_workdays_many against numpy.busday_offset on the same data.

    .venv/bin/python efficiency-py/benches/bench_calendar.py [--rows 1000000] [--repeat 5]

1,000,000 random (date, n) pairs, dates 2005-2025, n 0-60. numpy gets the same holidays (every
weekday that is a day off) but cannot express make-up workdays (Saturdays or Sundays that are
workdays), so some of its answers are wrong: the script counts them. Both run in this process,
one after the other; the best of --repeat runs is reported. A benchmark, not a test: it asserts
nothing about time.
"""

import argparse
import datetime as dt
import json
import time

import numpy as np

import efficiency


def best_of(repeat, fn):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    cal = efficiency.Calendar.china()
    rng = np.random.default_rng(20261128)
    lo = np.datetime64("2005-01-01", "D").astype(np.int64)
    hi = np.datetime64("2025-12-31", "D").astype(np.int64)
    dates = rng.integers(lo, hi + 1, size=args.rows).astype("datetime64[D]")
    ns = rng.integers(0, 61, size=args.rows)

    # The same holidays for numpy: every Monday-Friday day off in the shipped data.
    data = json.loads(efficiency.CHINA_CALENDAR_JSON)
    holidays = []
    for year in data["years"]:
        for p in year["periods"]:
            d, end = dt.date.fromisoformat(p["from"]), dt.date.fromisoformat(p["to"])
            while d <= end:
                if d.weekday() < 5:
                    holidays.append(d)
                d += dt.timedelta(days=1)
    holidays = np.array(sorted(holidays), dtype="datetime64[D]")
    bdcal = np.busdaycalendar(weekmask="1111100", holidays=holidays)

    t_eff, ours = best_of(args.repeat, lambda: cal.add_workdays_many(dates, ns))
    # roll="backward" + offset n is "the n-th business day after d" for n >= 1, the same rule.
    t_np, theirs = best_of(args.repeat, lambda: np.busday_offset(dates, ns, roll="backward", busdaycal=bdcal))

    differ = ours != theirs
    differ_n1 = differ & (ns >= 1)
    print(f"rows: {args.rows:,} (dates 2005-2025, n 0-60), best of {args.repeat}")
    print(f"efficiency add_workdays_many : {t_eff * 1e3:8.1f} ms  {args.rows / t_eff / 1e6:7.1f} M rows/s")
    print(f"numpy.busday_offset          : {t_np * 1e3:8.1f} ms  {args.rows / t_np / 1e6:7.1f} M rows/s")
    print(f"ratio (numpy time / efficiency time): {t_np / t_eff:.1f}x")
    print(f"numpy answers that differ: {differ.sum():,} of {args.rows:,} ({differ.mean():.1%})")
    print(
        f"  of them with n >= 1 (same counting rule, wrong calendar): {differ_n1.sum():,} ({differ_n1.sum() / (ns >= 1).sum():.1%})"
    )
    i = int(np.argmax(differ_n1))
    if differ_n1.any():
        print(f"  e.g. {dates[i]} + {ns[i]} workdays: efficiency {ours[i]}, numpy {theirs[i]}")

    # Scalar calls, for scale (one Python call per date is what the batch form avoids).
    k = min(args.rows, 100_000)
    pydates = dates[:k].astype(dt.date).tolist()
    pyns = ns[:k].tolist()
    t_scalar, _ = best_of(1, lambda: [cal.add_workdays(d, int(n)) for d, n in zip(pydates, pyns)])
    print(f"scalar add_workdays from Python: {k / t_scalar / 1e6:.2f} M calls/s ({t_scalar / k * 1e6:.2f} us/call)")


if __name__ == "__main__":
    main()
