"""A bureau's case events from tables: pandas, Polars, pyarrow and Parquet in, Arrow tables out,
the same answers as the JSON Lines path."""

import json
import pathlib

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import efficiency as ef

ROOT = pathlib.Path(__file__).parents[2]
LINES = [line for line in (ROOT / "efficiency-core/data/sample/cases.jsonl").read_text().splitlines() if line.strip()]
CTX = ef.CaseContext.sample()
AS_OF = "2026-12-31T18:00"


def frame():
    df = pd.DataFrame([json.loads(line) for line in LINES])
    df["at"] = pd.to_datetime(df["at"])
    return df


def reference():
    statuses = list(ef.replay_cases(CTX, LINES, as_of=AS_OF))
    findings = [(s["case"], f["code"], f["at"]) for s in statuses for f in s["findings"]]
    return [s["case"] for s in statuses], findings


def cases_and_findings(out):
    f = out["findings"]
    return out["statuses"].column("case").to_pylist(), list(
        zip(f.column("case").to_pylist(), f.column("code").to_pylist(), f.column("at").to_pylist(), strict=True)
    )


def test_every_table_form_gives_the_json_lines_answer(tmp_path):
    want = reference()
    df = frame()
    aware = df.assign(at=df["at"].dt.tz_localize("Asia/Shanghai").dt.tz_convert("UTC"))
    path = tmp_path / "events.parquet"
    pq.write_table(pa.Table.from_pandas(aware, preserve_index=False), path)
    forms = {
        "pandas, naive local times": df,
        "polars, aware UTC times": pl.from_pandas(aware),
        "pyarrow, text times": pa.Table.from_pandas(
            df.assign(at=df["at"].dt.strftime("%Y-%m-%d %H:%M")), preserve_index=False
        ),
        "parquet, aware, in batches of 3 rows": pq.read_table(path).to_batches(max_chunksize=3),
    }
    for name, events in forms.items():
        if isinstance(events, list):
            events = pa.RecordBatchReader.from_batches(events[0].schema, events)
        out = ef.case_tables(CTX, events, as_of=AS_OF)
        assert cases_and_findings(out) == want, name
        assert out["errors"].num_rows == 0, name


def test_findings_carry_their_unit_and_lists_stay_lists():
    out = ef.case_tables(CTX, frame(), as_of=AS_OF, period=("2026-01-01", "2027-01-01"))
    findings = out["findings"]
    assert findings.schema.field("people").type == pa.list_(pa.string())
    assert all(u is not None for u in findings.column("unit").to_pylist())
    metrics = pl.from_arrow(out["metrics"])
    assert set(metrics.columns) >= {"group", "concluded", "on_time_rate", "open_overdue"}
    assert pd.DataFrame(out["statuses"].to_pandas()).shape[0] == 8
    # The case supervision level (docs/domain.md §4.4) beside the clock's, with its reasons, and the
    # same level the per-case statuses give.
    statuses = out["statuses"]
    assert statuses.schema.field("level_reasons").type == pa.list_(pa.string())
    by_case = {s["case"]: s for s in ef.replay_cases(CTX, LINES, as_of=AS_OF)}
    for row in statuses.to_pylist():
        s = by_case[row["case"]]
        assert row["level"] == s["level"]
        assert row["clock_level"] == (s["clock"] or {}).get("level")
        assert len(row["level_reasons"]) == len(s["level_reasons"])
    assert {"yellow", "red"} <= set(metrics.columns)


def test_bad_tables_say_what_is_wrong():
    df = frame()
    with pytest.raises(ef.ArgumentError, match='column "colour" is not an event field') as e:
        ef.case_tables(CTX, df.assign(colour="red"), as_of=AS_OF)
    assert e.value.field == "colour"
    with pytest.raises(ef.ArgumentError, match='needs a column "actor"'):
        ef.case_tables(CTX, df.drop(columns=["actor"]), as_of=AS_OF)
    last = df["case"].max()
    unsorted = pd.concat([df[df["case"] == last], df[df["case"] != last]])
    out = ef.case_tables(CTX, unsorted, as_of=AS_OF)
    errors = out["errors"].to_pylist()
    first_bad = int((df["case"] == last).sum())  # the first row of the next case
    assert errors[0]["code"] == "case.unsorted_input" and errors[0]["row"] == first_bad
    assert "rows must be sorted by case id" in errors[0]["message"]
    with pytest.raises(TypeError, match="a table was given"):
        list(ef.replay_cases(CTX, df, as_of=AS_OF))


def test_optional_fields_may_come_as_one_json_payload_column():
    want = reference()
    rows = [json.loads(line) for line in LINES]
    required = ef.EVENT_COLUMNS[:5]
    # Every optional field in the payload, or some as columns and the rest in it; escapes too.
    for as_columns in ((), ("item", "window")):
        table = pa.table(
            {
                **{c: [r.get(c) for r in rows] for c in (*required, *as_columns)},
                ef.PAYLOAD_COLUMN: [
                    json.dumps({k: v for k, v in r.items() if k not in (*required, *as_columns)}) for r in rows
                ],
            }
        )
        out = ef.case_tables(CTX, table, as_of=AS_OF)
        assert cases_and_findings(out) == want, as_columns
        assert out["errors"].num_rows == 0


def test_a_bad_payload_fails_its_row_naming_the_key():
    rows = [json.loads(line) for line in LINES]
    first = rows[0]
    table = pa.table(
        {
            **{c: [first[c]] * 3 for c in ef.EVENT_COLUMNS[:5]},
            "window": ["W1", None, None],
            ef.PAYLOAD_COLUMN: ['{"window":"W2"}', '{"colour":"red"}', '{"amount":"3"}'],
        }
    )
    errors = ef.case_tables(CTX, table, as_of=AS_OF)["errors"].to_pylist()
    assert [(e["code"], e["row"]) for e in errors[:3]] == [("case.invalid_event", r) for r in range(3)]
    assert [e["message"][e["message"].index("payload: ") :] for e in errors[:3]] == [
        'payload: "window" is given both as a column and in the payload',
        'payload: "colour" is not an optional event field; they are ' + ", ".join(ef.EVENT_COLUMNS[5:]),
        'payload: "amount" must be a number',
    ]


def test_pandas_json_lines_are_read_in_every_form_pandas_writes():
    want = list(ef.replay_cases(CTX, LINES, as_of=AS_OF))
    df = frame()
    aware = df.assign(at=df["at"].dt.tz_localize("Asia/Shanghai"))
    for name, text in {
        "epoch milliseconds": df.to_json(orient="records", lines=True, date_format="epoch"),
        "ISO with .000": df.to_json(orient="records", lines=True, date_format="iso"),
        "ISO, aware, Z": aware.to_json(orient="records", lines=True, date_format="iso"),
    }.items():
        errors = []
        got = list(ef.replay_cases(CTX, text.splitlines(), as_of=AS_OF, errors=errors))
        assert errors == [] and got == want, name


def test_calendar_and_clock_batches_take_arrow_columns():
    import datetime as dt

    cal = ef.Calendar.china()
    dates = pa.array([dt.date(2026, 9, 28), None, dt.date(2026, 10, 8)])
    out = cal.add_workdays_many(dates, pa.array([20, 1, 1]))
    assert isinstance(out, pa.Array) and out.to_pylist() == [dt.date(2026, 10, 30), None, dt.date(2026, 10, 9)]
    assert pl.Series(cal.add_workdays_many(pl.Series([dt.date(2026, 9, 28)]), 20)).to_list() == [dt.date(2026, 10, 30)]
    # An aware Arrow column is read in the calendar's zone (07:30 in Shanghai is 23:30 UTC the day before).
    accepted = pa.array([dt.datetime(2026, 9, 27, 23, 30)], type=pa.timestamp("us", tz="UTC"))
    cols = ef.evaluate_clocks(cal, accepted, pa.array([20]), "workdays", "2026-10-29T09:00")
    assert str(cols["promised_due"][0]) == "2026-10-30T17:30:00"
    values, failed = cal.add_workdays_many(pa.array(["2026-09-28", "2026-02-30"]), pa.array([1, None]), errors="return")
    assert [(row, e.code) for row, e in failed] == [(1, "calendar.invalid_date")]
    values, failed = cal.add_workdays_many(pa.array(["2026-09-28", "2026-09-28"]), pa.array([1, None]), errors="return")
    assert [(row, e.code) for row, e in failed] == [(1, "argument.missing")] and values[1].as_py() is None
