"""Case judgement inside PySpark, with ``mapInArrow``: the same statuses, findings and metrics
as one process, for a province's year on a cluster.

The recipe (``judge_cases``):

1. ``repartition`` the events by case id, so that every event of a case is in one partition,
   and ``sortWithinPartitions`` by case id, then by the event order (``at`` and, when events of a
   case share a time, a sequence column such as ``seq``).
2. ``mapInArrow``: the optional fields travel as one JSON ``payload`` column (Spark hands
   columns to Python cell by cell: with Spark's default settings a dozen mostly empty ones cost
   more than the judgement; with ``SESSION_CONF``, about what ``to_json`` costs), and
   each partition's Arrow record batches go through one ``CaseReplay`` on the
   worker (the extension, not Python, reads every row; a case is carried across batches), which
   yields the statuses, the findings, the errors (one per bad row or case) and, at the end of the
   partition, its partial metrics — all as one tagged table, so the cases are judged once.
3. On the driver: the statuses, findings and errors are DataFrames (``select`` of the tag);
   the partial metrics (a few rows per partition) are merged by ``efficiency.merge_metrics``.

Two Spark settings make a difference (``SESSION_CONF``, measured by benches/bench_spark.py):
batches of 100,000 rows, and no byte limit per batch — with a limit, Spark 4.0 measures the Arrow
batch after every row it writes, which cost about 1 s of the 7 s Spark takes to move 6.44 M
events to the workers (the row limit still bounds a batch).

Nothing here decides a rule: the columns are the core's (``CaseReplay.take_tables``), and
merging the metrics is the core's ``merge_rows``. PySpark is imported only when called.

    from efficiency.spark import SESSION_CONF, judge_cases
    spark = SparkSession.builder.config(map=SESSION_CONF).getOrCreate()  # or spark.conf.set(k, v)
    out = judge_cases(events_df, as_of="2026-12-31T18:00", period=("2026-01-01", "2027-01-01"))
    out.statuses.write.parquet("statuses/"); out.metrics  # a pyarrow table per unit

(tests/test_spark.py runs it in local mode on 10⁶ cases; benches/bench_spark.py times it.)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from . import EVENT_COLUMNS, PAYLOAD_COLUMN, SAMPLE_BUREAU_FILES, CaseContext, CaseReplay, merge_metrics
from .types import GroupByName

KINDS = ("status", "finding", "error", "metrics")

SESSION_CONF: dict[str, str] = {
    # Arrow batches of 100,000 rows to the workers (Spark's default, 10,000, is slower: more
    # batches, each with its own overhead on both sides).
    "spark.sql.execution.arrow.maxRecordsPerBatch": "100000",
    # No byte limit per batch (Int.MaxValue is Spark's "unlimited"): with one, Spark 4.0 measures
    # the batch after every row. Event rows are small; the row limit bounds the batch.
    "spark.sql.execution.arrow.maxBytesPerBatch": "2147483647",
}
"""The Spark SQL settings ``judge_cases`` runs fastest with; all can be set on a running session
(``spark.conf.set``). None changes an answer."""


@dataclass
class Judged:
    """What ``judge_cases`` gives: Spark DataFrames of statuses (one row per case), findings
    (one row per finding, with its case, unit, window and handler) and errors (one per bad row
    or case, ``row`` counted within its partition), and the merged metrics as a pyarrow table
    (``None`` without a period). ``tagged`` is the cached tagged output behind them."""

    statuses: Any
    findings: Any
    errors: Any
    metrics: Any
    tagged: Any


def _output_schema(context: Callable[[], CaseContext], as_of: str, period: Any, group_by: GroupByName | None) -> Any:
    """The tagged output's Arrow schema, read off the engine's own tables for the sample
    bureau's year (every status, finding, error and metrics column appears there)."""
    import pyarrow as pa  # type: ignore[import-untyped]

    rows = [json.loads(line) for line in SAMPLE_BUREAU_FILES["cases.jsonl"].splitlines() if line.strip()]
    rows.append(dict(rows[0], case="~", id="~", event="~"))  # one bad row, for the error columns
    names = sorted({k for r in rows for k in r}, key=EVENT_COLUMNS.index)
    table = pa.table({n: [r.get(n) for r in rows] for n in names})
    replay = CaseReplay(context(), as_of, period=period or ("2026-01-01", "2027-01-01"), group_by=group_by)
    replay.push_table(table)
    replay.finish()
    statuses, findings = replay.take_tables()
    parts = {
        "status": statuses.schema,
        "finding": findings.schema,
        "error": replay.take_error_table().schema,
        "metrics": replay.metrics_table().schema,
    }
    fields = [pa.field("kind", pa.string())]
    for kind, schema in parts.items():
        fields.append(pa.field(kind, pa.struct([pa.field(f.name, _stable(f.type)) for f in schema])))
    return pa.schema(fields)


def _stable(t: Any) -> Any:
    """A column type with null (no value seen) made text, so every batch casts to it."""
    import pyarrow as pa

    if pa.types.is_null(t):
        return pa.string()
    if pa.types.is_list(t):
        return pa.list_(_stable(t.value_type))
    return t


def _tag(kind: str, table: Any, schema: Any) -> Any:
    """`table` as rows of the tagged schema: its columns in the struct `kind`, the others null."""
    import pyarrow as pa

    n = table.num_rows
    arrays = []
    for field in schema:
        if field.name == "kind":
            arrays.append(pa.array([kind] * n, pa.string()))
        elif field.name == kind:
            children = [
                table.column(f.name).combine_chunks().cast(f.type)
                if f.name in table.column_names
                else pa.nulls(n, f.type)
                for f in field.type
            ]
            arrays.append(pa.StructArray.from_arrays(children, fields=list(field.type)))
        else:
            arrays.append(pa.nulls(n, field.type))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _judge_partition(
    context: Callable[[], CaseContext], as_of: str, period: Any, group_by: GroupByName | None, schema: Any
) -> Callable[[Iterator[Any]], Iterator[Any]]:
    def judge(batches: Iterator[Any]) -> Iterator[Any]:
        replay = CaseReplay(context(), as_of, period=period, group_by=group_by, keep_statuses=True)

        def drain(final: bool) -> Iterator[Any]:
            statuses, findings = replay.take_tables()
            for kind, table in (("status", statuses), ("finding", findings), ("error", replay.take_error_table())):
                if table.num_rows:
                    yield _tag(kind, table, schema)
            if final and period is not None:
                yield _tag("metrics", replay.metrics_table(), schema)

        for batch in batches:  # only the event columns (`_packed`)
            replay.push_table(batch)
            yield from drain(False)
        replay.finish()
        yield from drain(True)

    return judge


_INPUT = (*EVENT_COLUMNS, PAYLOAD_COLUMN)


def _packed(events: Any) -> Any:
    """`events` as the workers need them: only the event columns (not the sequence column or any
    other), the optional fields as one JSON ``payload`` column (``to_json`` leaves out nulls).
    Spark hands each column to Python cell by cell, so a dozen mostly empty columns cost more
    than the judgement. Only columns whose Spark type JSON writes as the field's own type are
    packed (text, true/false, numbers, lists of text); any other stays a column, for the engine
    to read and name. A frame that has a payload already keeps it (and its event columns)."""
    from pyspark.sql import functions as F  # type: ignore[import-not-found]
    from pyspark.sql import types as T  # type: ignore[import-not-found]

    if PAYLOAD_COLUMN in events.columns:
        return events.select(*[c for c in events.columns if c in _INPUT])

    def fits(name: str, t: Any) -> bool:
        if name in ("missing", "reasons"):
            return isinstance(t, T.ArrayType) and isinstance(t.elementType, T.StringType)
        if name == "on_the_spot":
            return isinstance(t, T.BooleanType)
        if name == "amount":
            return isinstance(t, T.NumericType)
        return isinstance(t, T.StringType)

    optional = EVENT_COLUMNS[5:]
    packed = [f.name for f in events.schema.fields if f.name in optional and fits(f.name, f.dataType)]
    kept = [c for c in events.columns if c in EVENT_COLUMNS and c not in packed]
    if not packed:
        return events.select(*kept)
    return events.select(*kept, F.to_json(F.struct(*packed)).alias(PAYLOAD_COLUMN))


def judge_cases(
    events: Any,
    *,
    as_of: str,
    period: tuple[str, str] | None = None,
    group_by: GroupByName | None = "unit",
    context: Callable[[], CaseContext] = CaseContext.sample,
    order_by: tuple[str, ...] = ("at",),
    partitions: int | None = None,
) -> Judged:
    """Judges every case of a Spark DataFrame of case events at `as_of` (see the module).

    `context` makes the case context on each worker (a function, shipped to the workers by
    Spark; default the sample bureau's). `order_by` orders the events of a case (add a sequence
    column when events share a time). `partitions` defaults to Spark's shuffle partitions.
    """
    from pyspark.sql import functions as F  # type: ignore[import-not-found]
    from pyspark.sql.pandas.types import from_arrow_schema  # type: ignore[import-not-found]

    schema = _output_schema(context, as_of, period, group_by)
    spread = events.repartition(partitions, "case") if partitions else events.repartition("case")
    tagged = (
        _packed(spread.sortWithinPartitions("case", *order_by))
        .mapInArrow(_judge_partition(context, as_of, period, group_by, schema), from_arrow_schema(schema))
        .cache()
    )
    metrics = None
    if period is not None:
        partials = [r.asDict() for r in tagged.where(F.col("kind") == "metrics").select("metrics.*").collect()]
        metrics = merge_metrics(partials)
    return Judged(
        statuses=tagged.where(F.col("kind") == "status").select("status.*"),
        findings=tagged.where(F.col("kind") == "finding").select("finding.*"),
        errors=tagged.where(F.col("kind") == "error").select("error.*"),
        metrics=metrics,
        tagged=tagged,
    )
