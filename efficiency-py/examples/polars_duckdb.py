"""A bureau's case events in Parquet, judged from Polars and from DuckDB: the tables go in and
come out as Arrow, without a row through Python objects.

    python efficiency-py/examples/polars_duckdb.py [events.parquet]

Without an argument it writes the sample bureau's year to a temporary Parquet file first.
It prints the findings per unit as Polars computes them and as DuckDB computes them (the same).
"""

import json
import pathlib
import sys
import tempfile

import duckdb
import polars as pl

import efficiency as ef

AS_OF, PERIOD = "2026-12-31T18:00", ("2026-01-01", "2027-01-01")


def sample_parquet(folder: pathlib.Path) -> pathlib.Path:
    rows = [json.loads(line) for line in ef.SAMPLE_BUREAU_FILES["cases.jsonl"].splitlines() if line.strip()]
    path = folder / "events.parquet"
    pl.DataFrame(rows, infer_schema_length=None).with_columns(pl.col("at").str.to_datetime()).write_parquet(path)
    return path


def with_polars(path: pathlib.Path) -> pl.DataFrame:
    events = pl.read_parquet(path).sort("case", maintain_order=True)  # whole cases, sorted by id
    out = ef.case_tables(ef.CaseContext.sample(), events, as_of=AS_OF, period=PERIOD)
    findings = pl.from_arrow(out["findings"])
    return findings.group_by("unit").len("findings").sort("unit")


def with_duckdb(path: pathlib.Path) -> list[tuple[str, int]]:
    con = duckdb.connect()
    # A stream of record batches: the replay carries a case from one batch to the next.
    events = con.sql(f'select * from read_parquet(\'{path}\') order by "case", "at"').to_arrow_reader(1000)
    replay = ef.CaseReplay(ef.CaseContext.sample(), AS_OF, period=PERIOD)
    replay.push_table(events)
    replay.finish()
    _, findings = replay.take_tables()
    con.register("findings", findings)
    return con.sql("select unit, count(*) as findings from findings group by unit order by unit").fetchall()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else sample_parquet(pathlib.Path(tmp))
        by_polars = with_polars(path)
        by_duckdb = with_duckdb(path)
        print("findings per unit (Polars):", dict(by_polars.iter_rows()))
        print("findings per unit (DuckDB):", dict(by_duckdb))
        assert dict(by_polars.iter_rows()) == dict(by_duckdb)


if __name__ == "__main__":
    main()
