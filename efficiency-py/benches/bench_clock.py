"""Times efficiency.evaluate_clocks on 1,000,000 simple clocks (accepted 2005-2025 at office
times; 70% workday limits of 1-45, 20% natural-day limits of 1-60, 10% hour limits of 1-16;
as_of 0-60 days after acceptance). Compare with `cargo bench -p efficiency-core --bench clock`
(clock/evaluate_many). A benchmark, not a test.

    .venv/bin/python efficiency-py/benches/bench_clock.py [--rows 1000000] [--repeat 5]
"""

import argparse
import time

import numpy as np

import efficiency


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    n = args.rows
    rng = np.random.default_rng(20261128)
    day = rng.integers(
        np.datetime64("2005-01-01", "D").astype(np.int64), np.datetime64("2025-12-31", "D").astype(np.int64), n
    )
    accepted = (day * 86400 + 9 * 3600 + rng.integers(0, 8 * 3600, n)).astype("datetime64[s]")
    kind = rng.integers(0, 10, n)
    unit = np.where(kind == 0, "work_hours", np.where(kind < 3, "natural_days", "workdays")).tolist()
    amount = np.where(
        kind == 0, rng.integers(1, 17, n), np.where(kind < 3, rng.integers(1, 61, n), rng.integers(1, 46, n))
    )
    as_of = accepted + rng.integers(0, 60 * 86400, n).astype("timedelta64[s]")
    cal = efficiency.Calendar.china()
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        cols = efficiency.evaluate_clocks(cal, accepted, amount, unit, as_of)
        best = min(best, time.perf_counter() - t0)
    levels = np.bincount(cols["level"], minlength=4)
    print(f"rows: {n:,}, best of {args.repeat}")
    print(f"evaluate_clocks: {best * 1e3:.1f} ms, {n / best / 1e6:.2f} M clocks/s (including argument conversion)")
    print("levels: " + ", ".join(f"{name} {count:,}" for name, count in zip(efficiency.LEVELS, levels, strict=True)))


if __name__ == "__main__":
    main()
