"""Times the case judgement from an Arrow table (case_tables) against the JSON Lines path
(replay_cases) on the same events, in one run.

    .venv/bin/python efficiency-py/benches/bench_cases.py [--cases 250000] [--threads N]

`--threads 1` measures one core (the judgement runs on a pool of N threads; all cores by
default).

Each case: receive, accept, two workflow steps, conclude (5 events) for a marriage registration
at window W2, accepted on a 2026 workday. A benchmark, not a test: it asserts nothing about time.
"""

import argparse
import os
import time

import numpy as np
import pyarrow as pa


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=250_000)
    ap.add_argument("--threads", type=int, default=None, help="threads of the judgement (default: all cores)")
    args = ap.parse_args()
    if args.threads:
        # Read by the thread pool when the extension first uses it.
        os.environ["RAYON_NUM_THREADS"] = str(args.threads)
    import efficiency

    threads = args.threads or os.cpu_count()
    n = args.cases
    rng = np.random.default_rng(20261128)
    day = rng.integers(
        np.datetime64("2026-01-05", "D").astype(np.int64), np.datetime64("2026-10-15", "D").astype(np.int64), n
    )
    start = (day * 86400 + 9 * 3600 + rng.integers(0, 6 * 3600, n)).astype("datetime64[s]")
    cases = np.char.add("C", np.char.zfill(np.arange(n).astype(str), 7))
    kinds = ["receive", "accept", "step_started", "step_finished", "conclude"]
    k = len(kinds)
    offsets = np.array([0, 60, 120, 600, 900], dtype="timedelta64[s]")
    table = pa.table(
        {
            "id": pa.array(np.tile([f"e{i + 1}" for i in range(k)], n)),
            "case": pa.array(np.repeat(cases, k)),
            "at": pa.array((np.repeat(start, k) + np.tile(offsets, n)).astype("datetime64[us]")),
            "actor": pa.array(np.full(n * k, "mar01")),
            "event": pa.array(np.tile(kinds, n)),
            "item": pa.array(np.tile(["civil.marriage_registration", None, None, None, None], n)),
            "window": pa.array(np.tile(["W2", None, None, None, None], n)),
            "step": pa.array(np.tile([None, None, "register", "register", None], n)),
            "outcome": pa.array(np.tile([None, None, None, None, "granted"], n)),
            "on_the_spot": pa.array(np.tile([None, None, None, None, True], n)),
        }
    )
    ctx = efficiency.CaseContext.sample()
    period = ("2026-01-01T00:00", "2027-01-01T00:00")
    # Warm-up (thread pool, first pages): a small table, untimed.
    efficiency.case_tables(ctx, table.slice(0, 5 * 1000), as_of="2026-12-31T18:00", period=period)
    t0 = time.perf_counter()
    out = efficiency.case_tables(ctx, table, as_of="2026-12-31T18:00", period=period)
    t_tables = time.perf_counter() - t0
    t0 = time.perf_counter()
    replay = efficiency.CaseReplay(ctx, period[1], period=period, keep_statuses=False)
    replay.push_table(table)
    replay.finish()
    arrow_metrics = replay.metrics()
    t_arrow = time.perf_counter() - t0
    lines = table.to_pandas().to_json(orient="records", lines=True, date_format="iso").splitlines()
    t0 = time.perf_counter()
    metrics = efficiency.case_metrics(ctx, lines, period=period)
    t_lines = time.perf_counter() - t0
    events = table.num_rows
    print(
        f"{n:,} cases, {events:,} events, {threads} thread(s); "
        f"findings {out['findings'].num_rows:,}, errors {out['errors'].num_rows:,}"
    )
    rate = lambda t: f"{t:6.2f} s  {events / t / 1e6:5.2f} M events/s"
    print(f"Arrow table -> metrics                    : {rate(t_arrow)}")
    print(f"JSON lines  -> metrics (case_metrics)      : {rate(t_lines)}")
    print(f"Arrow table -> statuses, findings, metrics : {rate(t_tables)}")
    concluded = (
        sum(metrics["concluded"]),
        sum(arrow_metrics["concluded"]),
        sum(out["metrics"].column("concluded").to_pylist()),
    )
    print(f"JSON lines / Arrow, metrics only: {t_lines / t_arrow:.1f}x; concluded (each way): {concluded}")


if __name__ == "__main__":
    main()
