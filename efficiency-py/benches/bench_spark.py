"""Times the case judgement in PySpark local mode (mapInArrow, efficiency.spark.judge_cases)
against one process (case_tables) on the same events, in one run, and checks they agree.

    .venv/bin/python efficiency-py/benches/bench_spark.py [--cases 1000000] [--cores 2] [--rounds 4]

The events are the sample bureau's year copied under new case ids (tests/test_spark.py's
`synthetic`). Spark's start-up, the Parquet read and a warm-up job (the same rows through
mapInArrow with no work, timed as Spark's own part) are outside the timed part. The two sides
run in rounds, one after the other, and the ratio is the median of the rounds after the first
(the first pays for fresh memory in the one process and for the JVM compiling its code; it is
printed too): on a shared machine, two runs minutes apart differ by more than the engine does.
The Spark time includes the shuffle by case id, the judgement on the workers and bringing the
statuses and findings back as Arrow. A benchmark, not a test: it asserts nothing about time.
"""

import argparse
import os
import pathlib
import statistics
import sys
import tempfile
import time

import pyarrow.parquet as pq

sys.path.insert(0, str(pathlib.Path(__file__).parents[1] / "tests"))
from test_spark import AS_OF, PERIOD, synthetic

import efficiency as ef
from efficiency.spark import SESSION_CONF, _packed, judge_cases


def settle(limit=15.0):
    """Waits until the machine is idle (under 10 % busy over half a second, at most `limit`
    seconds): after a Spark job the JVM goes on compiling and collecting for a while, and the
    next timing would pay for it."""
    if not os.path.exists("/proc/stat"):
        time.sleep(3)
        return

    def ticks():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return v[3] + v[4], sum(v)

    end = time.monotonic() + limit
    while time.monotonic() < end:
        i0, a0 = ticks()
        time.sleep(0.5)
        i1, a1 = ticks()
        if a1 > a0 and 1 - (i1 - i0) / (a1 - a0) < 0.10:
            return


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=1_000_000)
    ap.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--rounds", type=int, default=4, help="rounds of (one process, Spark); the first warms both")
    args = ap.parse_args()
    events = synthetic(args.cases)
    n = events.num_rows
    print(f"{n} events, {args.cases} cases, {os.cpu_count()} cores")

    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(2 * args.cores))
        .config(map=SESSION_CONF)  # the recipe's settings (efficiency.spark)
        .config("spark.driver.memory", "6g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    with tempfile.TemporaryDirectory() as tmp:
        pq.write_table(events, f"{tmp}/events.parquet")
        df = spark.read.parquet(f"{tmp}/events.parquet").cache()
        df.count()

        # Spark's own part: the same rows, as the recipe moves them, through mapInArrow with no
        # work (run first: it also warms the JVM).
        def count(batches):
            import pyarrow as pa

            for b in batches:
                yield pa.RecordBatch.from_arrays([pa.array([b.num_rows])], names=["n"])

        def no_work():
            spread = df.repartition(2 * args.cores, "case").sortWithinPartitions("case", "seq")
            _packed(spread).mapInArrow(count, "n long").toArrow()

        floors = []
        for _ in range(2):
            settle()
            t0 = time.perf_counter()
            no_work()
            floors.append(time.perf_counter() - t0)
        print(
            f"Spark moving the same rows through mapInArrow with no work: {floors[1]:.1f} s "
            f"(the first job in the session, warming the JVM: {floors[0]:.1f} s)"
        )

        # Rounds of (one process, Spark), so that both sides of a ratio ran within seconds of
        # each other on this machine; the first round also pays for fresh memory (the one
        # process) and for the JVM compiling the output's code (Spark).
        ratios = []
        for r in range(args.rounds):
            settle()
            t0 = time.perf_counter()
            single = ef.case_tables(ef.CaseContext.sample(), events.drop_columns(["seq"]), as_of=AS_OF, period=PERIOD)
            one = time.perf_counter() - t0
            settle()
            t0 = time.perf_counter()
            out = judge_cases(df, as_of=AS_OF, period=PERIOD, order_by=("seq",), partitions=2 * args.cores)
            statuses = out.statuses.toArrow()
            findings = out.findings.toArrow()
            took = time.perf_counter() - t0
            out.tagged.unpersist(blocking=True)
            if r:
                ratios.append(took / one)
            print(
                f"round {r + 1}{' (first)' if r == 0 else ''}: one process {one:.1f} s "
                f"({n / one / 1e6:.2f} M events/s), Spark local[{args.cores}] {took:.1f} s "
                f"({n / took / 1e6:.2f} M events/s) = {took / one:.2f}×",
                flush=True,
            )
    spark.stop()
    agree = statuses.num_rows == single["statuses"].num_rows and findings.num_rows == single["findings"].num_rows
    print(f"same rows: {agree}; metrics equal: {out.metrics.equals(single['metrics'])}")
    if ratios:
        print(
            f"Spark / one process after the first round: median {statistics.median(ratios):.2f}× "
            f"({', '.join(f'{x:.2f}' for x in ratios)})"
        )


if __name__ == "__main__":
    main()
