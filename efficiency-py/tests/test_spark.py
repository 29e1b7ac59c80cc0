"""The case judgement inside PySpark (local mode, offline) with mapInArrow equals the
single-process run row by row: statuses, findings, errors and metrics, on 10⁶ synthetic cases
(the sample bureau's 400 cases copied under new ids; ``EFFICIENCY_SPARK_CASES`` changes the
number). PySpark and its Java runtime are installed by scripts/test-all.sh."""

import json
import os
import sys
import time

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from pyspark.sql import SparkSession

import efficiency as ef
from efficiency.spark import SESSION_CONF, judge_cases

CASES = int(os.environ.get("EFFICIENCY_SPARK_CASES", "1000000"))
AS_OF = "2026-12-31T18:00"
PERIOD = ("2026-01-01", "2027-01-01")


def synthetic(cases):
    """The sample bureau's year copied until it has `cases` cases, each copy under new case ids,
    with a ``seq`` column keeping each case's event order; sorted by case id."""
    rows = [json.loads(line) for line in ef.SAMPLE_BUREAU_FILES["cases.jsonl"].splitlines() if line.strip()]
    base = pa.Table.from_pandas(pd.DataFrame(rows), preserve_index=False)
    base = base.cast(
        pa.schema([pa.field(f.name, pa.string() if pa.types.is_large_string(f.type) else f.type) for f in base.schema])
    )
    base = base.append_column("seq", pa.array(range(base.num_rows), pa.int64()))
    per_copy = len({r["case"] for r in rows})
    copies = []
    for k in range((cases + per_copy - 1) // per_copy):
        ids = pc.binary_join_element_wise(pa.scalar(f"P{k:05d}-"), base.column("case"), "")
        copies.append(base.set_column(base.column_names.index("case"), "case", ids))
    table = pa.concat_tables(copies)
    keep = pc.is_in(table.column("case"), value_set=pc.unique(table.column("case"))[:cases])
    return table.filter(keep).combine_chunks()


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers import the same efficiency
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("efficiency-test")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config(map=SESSION_CONF)
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "20000")  # more batch boundaries
        .config("spark.driver.memory", "6g")
        .config("spark.pyspark.python", sys.executable)  # the workers import the same efficiency
        .getOrCreate()
    )
    yield session
    session.stop()


def sorted_by(table, *keys):
    return table.sort_by([(k, "ascending") for k in keys])


def test_spark_gives_the_single_process_answer_row_by_row(spark, tmp_path):
    events = synthetic(CASES)
    path = tmp_path / "events.parquet"
    pq.write_table(events, path)

    t0 = time.perf_counter()
    single = ef.case_tables(ef.CaseContext.sample(), events.drop_columns(["seq"]), as_of=AS_OF, period=PERIOD)
    single_s = time.perf_counter() - t0

    df = spark.read.parquet(str(path))
    t0 = time.perf_counter()
    out = judge_cases(df, as_of=AS_OF, period=PERIOD, order_by=("seq",), partitions=4)
    statuses = out.statuses.toArrow()
    findings = out.findings.toArrow()
    errors = out.errors.toArrow()
    spark_s = time.perf_counter() - t0
    print(f"\n{events.num_rows} events, {CASES} cases: one process {single_s:.1f} s, Spark local[2] {spark_s:.1f} s")

    assert statuses.num_rows == CASES == single["statuses"].num_rows
    want = sorted_by(single["statuses"], "case")
    got = sorted_by(statuses.cast(want.schema), "case")
    assert got.equals(want)
    keys = ("case", "at", "code")
    want = sorted_by(single["findings"], *keys)
    got = sorted_by(findings.cast(want.schema), *keys)
    assert got.num_rows == want.num_rows > 0 and got.equals(want)
    assert errors.num_rows == 0 == single["errors"].num_rows
    assert out.metrics.equals(single["metrics"])


def test_spark_reports_bad_rows_as_rows(spark, tmp_path):
    events = synthetic(40).drop_columns(["seq"])
    bad = pa.table({n: events.column(n)[:1] for n in events.column_names}).set_column(
        events.column_names.index("event"), "event", pa.array(["dance"])
    )
    bad = bad.set_column(bad.column_names.index("case"), "case", pa.array(["ZZZ"]))
    pq.write_table(pa.concat_tables([events, bad]), tmp_path / "bad.parquet")
    out = judge_cases(spark.read.parquet(str(tmp_path / "bad.parquet")), as_of=AS_OF)
    errors = out.errors.toArrow().to_pylist()
    assert [e["code"] for e in errors] == ["case.invalid_event"]
    assert out.statuses.count() == 40 and out.metrics is None


def test_spark_packs_only_what_json_keeps_and_reads_a_given_payload(spark, tmp_path):
    from efficiency.spark import _packed

    events = synthetic(40)
    amount = events.column_names.index("amount")
    # Amounts as text: JSON would change their type, so they stay a column for the engine.
    as_text = events.set_column(amount, "amount", pc.cast(events.column("amount"), pa.string()))
    # A frame that brings its own payload (and a column of no event field, left out).
    rows = events.to_pylist()
    own = pa.table(
        {
            **{c: [r[c] for r in rows] for c in (*ef.EVENT_COLUMNS[:5], "seq")},
            "note": ["x"] * len(rows),
            ef.PAYLOAD_COLUMN: [
                json.dumps({k: v for k, v in r.items() if k not in (*ef.EVENT_COLUMNS[:5], "seq") and v is not None})
                for r in rows
            ],
        }
    )
    frames = {}
    for name, table in (("columns", events), ("amount as text", as_text), ("own payload", own)):
        pq.write_table(table, tmp_path / f"{name}.parquet")
        frames[name] = spark.read.parquet(str(tmp_path / f"{name}.parquet"))
    assert _packed(frames["columns"]).columns == [*ef.EVENT_COLUMNS[:5], ef.PAYLOAD_COLUMN]
    assert _packed(frames["amount as text"]).columns == [*ef.EVENT_COLUMNS[:5], "amount", ef.PAYLOAD_COLUMN]
    assert _packed(frames["own payload"]).columns == [*ef.EVENT_COLUMNS[:5], ef.PAYLOAD_COLUMN]
    got = {}
    for name, df in frames.items():
        out = judge_cases(df, as_of=AS_OF, period=PERIOD, order_by=("seq",))
        assert out.errors.count() == 0, name
        got[name] = (sorted_by(out.statuses.toArrow(), "case"), out.metrics)
    want = got.pop("columns")
    for name, (statuses, metrics) in got.items():
        assert statuses.equals(want[0]) and metrics.equals(want[1]), name


def test_spark_settings_change_no_answer(spark, tmp_path):
    """SESSION_CONF only sizes the Arrow batches: Spark's defaults, and batches cut by a small
    byte limit (cases carried across many batches), give the same statuses, findings and metrics."""
    pq.write_table(synthetic(300), tmp_path / "events.parquet")
    df = spark.read.parquet(str(tmp_path / "events.parquet"))
    keys = ("spark.sql.execution.arrow.maxRecordsPerBatch", "spark.sql.execution.arrow.maxBytesPerBatch")
    before = {k: spark.conf.get(k) for k in keys}
    settings = {
        "recommended": SESSION_CONF,
        "Spark's defaults": {},
        "small byte limit": {keys[0]: "100000", keys[1]: "2048"},
    }
    got = {}
    try:
        for name, conf in settings.items():
            for k in keys:
                spark.conf.unset(k)
            for k, v in conf.items():
                spark.conf.set(k, v)
            out = judge_cases(df, as_of=AS_OF, period=PERIOD, order_by=("seq",))
            got[name] = (
                sorted_by(out.statuses.toArrow(), "case"),
                sorted_by(out.findings.toArrow(), "case", "code", "at"),
                out.metrics,
            )
            out.tagged.unpersist()
    finally:
        for k, v in before.items():
            spark.conf.set(k, v)
    want = got.pop("recommended")
    assert want[0].num_rows == 300 and want[1].num_rows > 0
    for name, tables in got.items():
        assert all(a.equals(b) for a, b in zip(tables, want)), name
