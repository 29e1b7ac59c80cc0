"""Times the case judgement in PySpark local mode (mapInArrow, efficiency.spark.judge_cases)
against one process (case_tables) on the same events, in one run, and checks they agree.

    .venv/bin/python efficiency-py/benches/bench_spark.py [--cases 1000000] [--cores 2]

The events are the sample bureau's year copied under new case ids (tests/test_spark.py's
`synthetic`). Spark's start-up, the Parquet read and a warm-up job (the same rows through
mapInArrow with no work, timed as Spark's own part) are outside the timed part; both sides are
timed on their second run in the process (the first runs are printed too: the one process's
first call pays for fresh memory, Spark's first run for the JVM compiling its code). The Spark time includes the
shuffle by case id, the judgement on the workers and bringing the statuses and findings back as
Arrow. A benchmark, not a test: it asserts nothing about time.
"""

import argparse
import os
import pathlib
import sys
import tempfile
import time

import pyarrow.parquet as pq

sys.path.insert(0, str(pathlib.Path(__file__).parents[1] / "tests"))
from test_spark import AS_OF, PERIOD, synthetic

import efficiency as ef
from efficiency.spark import _packed, judge_cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=1_000_000)
    ap.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    events = synthetic(args.cases)
    n = events.num_rows
    # The first large call of a process also pays for fresh memory; Spark gets a warm-up too.
    ones = []
    for _ in range(2):
        t0 = time.perf_counter()
        single = ef.case_tables(ef.CaseContext.sample(), events.drop_columns(["seq"]), as_of=AS_OF, period=PERIOD)
        ones.append(time.perf_counter() - t0)
    one = ones[-1]
    print(f"{n} events, {args.cases} cases")
    print(
        f"one process ({os.cpu_count()} cores): {one:.1f} s, {n / one / 1e6:.2f} M events/s "
        f"(first call in the process: {ones[0]:.1f} s)"
    )

    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(2 * args.cores))
        # Larger Arrow batches move the rows to the Python workers faster (20,000: ~10 % slower).
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "100000")
        .config("spark.driver.memory", "6g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    with tempfile.TemporaryDirectory() as tmp:
        pq.write_table(events, f"{tmp}/events.parquet")
        df = spark.read.parquet(f"{tmp}/events.parquet").cache()
        df.count()

        # Spark's own part: the same rows, as the recipe moves them, through mapInArrow with no
        # work (run first: it also warms the JVM, so both sides are timed warm).
        def count(batches):
            import pyarrow as pa

            for b in batches:
                yield pa.RecordBatch.from_arrays([pa.array([b.num_rows])], names=["n"])

        def no_work():
            spread = df.repartition(2 * args.cores, "case").sortWithinPartitions("case", "seq")
            _packed(spread).mapInArrow(count, "n long").toArrow()

        t0 = time.perf_counter()
        no_work()
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        no_work()
        floor = time.perf_counter() - t0

        # Timed twice, as the one process: the first run also warms the JVM's code for the
        # output, the cache and toArrow.
        runs = []
        for _ in range(2):
            t0 = time.perf_counter()
            out = judge_cases(df, as_of=AS_OF, period=PERIOD, order_by=("seq",), partitions=2 * args.cores)
            statuses = out.statuses.toArrow()
            findings = out.findings.toArrow()
            runs.append(time.perf_counter() - t0)
            out.tagged.unpersist(blocking=True)
        took = runs[-1]
    spark.stop()
    print(
        f"Spark moving the same rows through mapInArrow with no work: {floor:.1f} s "
        f"(the first job in the session, warming the JVM: {cold:.1f} s)"
    )
    agree = statuses.num_rows == single["statuses"].num_rows and findings.num_rows == single["findings"].num_rows
    print(
        f"Spark local[{args.cores}]: {took:.1f} s, {n / took / 1e6:.2f} M events/s "
        f"({took / one:.2f}× the one-process time; first run {runs[0]:.1f} s = {runs[0] / ones[0]:.2f}× the "
        f"first call; same rows: {agree}; metrics equal: {out.metrics.equals(single['metrics'])})"
    )


if __name__ == "__main__":
    main()
