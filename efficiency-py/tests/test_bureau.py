"""A bureau's own data reviewed: from a folder or named texts, errors that name the file, and the
same review as in Rust (examples/review.rs) and JS (the same numbers are asserted there)."""

import json
import pathlib

import pytest

import efficiency as ef

SAMPLE = pathlib.Path(__file__).parents[2] / "efficiency-core/data/sample"
NAMES = ["organisation.json", "cases.jsonl", "activity.json", "year.json"]
# The review of these four files for 2026, as Rust and JS compute it too.
CARDS = [("office", 95.0, "excellent"), ("marriage", 93.5, "excellent"), ("social_org", 90.5, "excellent"),
         ("affairs", 62.5, "unqualified")]  # fmt: skip


def files():
    return {n: (SAMPLE / n).read_text() for n in NAMES}


def test_a_folder_and_named_texts_give_the_same_review(tmp_path):
    for n, text in files().items():
        (tmp_path / n).write_text(text)
    from_folder = ef.Bureau.from_folder(tmp_path).review(2026)
    from_files = ef.Bureau.from_files(files()).review(2026)
    assert from_folder == from_files
    assert (from_files["cases"], len(from_files["faults"]), len(from_files["accountability"])) == (8, 34, 42)
    assert [(c["unit"], c["total"], c["grade"]) for c in from_files["scorecards"]] == CARDS
    assert ef.BUREAU_FILES[:2] == ["organisation.json", "cases.jsonl"]


def test_a_bureaus_own_rules_are_used():
    own = files()
    table = json.loads(ef.ASSESSMENT_RULES_JSON)
    table["version"] = "2026.bureau"
    for d in table["deductions"]:
        d["points"] = 0.0
    own["assessment.json"] = json.dumps(table)
    cards = ef.Bureau.from_files(own).review(2026)["scorecards"]
    assert all(not line["rule"].startswith("deduction ") or line["points"] == 0 for c in cards for line in c["lines"])


def test_errors_name_the_file():
    bad = files()
    bad["organisation.json"] = "{"
    with pytest.raises(ef.OrganisationError) as e:
        ef.Bureau.from_files(bad)
    assert e.value.code == "org.invalid_json" and str(e.value).startswith("organisation.json: ")
    bad = files()
    bad["cases.jsonl"] += '{"id":"x","case":"ZZ","at":"2026-13-01T00:00:00","actor":"off01","event":"answer"}\n'
    review = ef.Bureau.from_files(bad).review(2026)
    assert review["rejected_rows"][0][1] == "case.invalid_event"
    with pytest.raises(ef.ArgumentError, match='"notes.txt" is not a bureau document'):
        ef.Bureau.from_files({**files(), "notes.txt": "hello"})
    with pytest.raises(ef.ArgumentError, match="needs cases.jsonl"):
        ef.Bureau.from_files({"organisation.json": files()["organisation.json"]})
    with pytest.raises(ef.CalendarError) as e:
        ef.Bureau.from_files(files()).review(2031)
    assert e.value.code == "calendar.year_not_covered" and e.value.field == "year"


def test_the_sample_bureau_is_the_sample_review():
    assert ef.Bureau.sample(2026, 120, 7).review(2026) == ef.annual_review_sample(2026, 120, 7)


def test_review_tables_are_arrow_with_units_and_lists():
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    tables = ef.Bureau.from_files(files()).review_tables(2026)
    assert set(tables) == {"metrics", "faults", "accountability", "scorecards", "score_lines", "campaign_status"}
    faults = tables["faults"]
    assert faults.num_rows == 34
    assert all(u is not None for u in faults.column("unit").to_pylist())  # every fault counts against a unit
    assert faults.schema.field("people").type == pa.list_(pa.string())
    assert pl.from_arrow(tables["scorecards"])["total"].to_list() == [c[1] for c in CARDS]
    assert isinstance(tables["score_lines"].to_pandas(), pd.DataFrame)


def test_progress_is_reported_and_can_stop_the_review():
    calls = []
    ef.Bureau.sample(2026, 3000, 1).review(2026, progress=lambda done, total: calls.append((done, total)))
    total = calls[-1][1]
    assert calls[0] == (0, total) and calls[-1] == (total, total) and total > 10_000
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)

    def stop(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ef.Bureau.sample(2026, 100, 1).review(2026, progress=stop)


def test_documents_as_dicts_and_cases_as_tables_give_the_same_review(tmp_path):
    """A bureau brings its cases as a table (pandas, Polars, Parquet) and its documents as dicts:
    the same review as the files."""
    import pandas as pd
    import polars as pl
    import pyarrow as pa
    import pyarrow.parquet as pq

    want = ef.Bureau.from_files(files()).review(2026)
    docs = {n: json.loads(t) for n, t in files().items() if n.endswith(".json")}
    events = [json.loads(line) for line in files()["cases.jsonl"].splitlines() if line.strip()]
    df = pd.DataFrame(events)
    df["at"] = pd.to_datetime(df["at"])
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), tmp_path / "cases.parquet")
    for name, cases in {
        "pandas through pyarrow": pa.Table.from_pandas(df, preserve_index=False),
        "polars": pl.from_pandas(df),
        "parquet in batches of 3": pq.read_table(tmp_path / "cases.parquet").to_batches(max_chunksize=3),
    }.items():
        if isinstance(cases, list):
            cases = pa.RecordBatchReader.from_batches(cases[0].schema, cases)
        assert ef.Bureau.from_files(docs, cases=cases).review(2026) == want, name
    assert ef.Bureau.from_files({**docs, "cases.jsonl": events}).review(2026) == want
    for n, text in files().items():
        if n != "cases.jsonl":
            (tmp_path / n).write_text(text)
    assert ef.Bureau.from_folder(tmp_path, cases=pl.from_pandas(df)).review(2026) == want


def test_a_bad_case_row_in_a_table_names_its_row():
    import pandas as pd
    import pyarrow as pa

    events = [json.loads(line) for line in files()["cases.jsonl"].splitlines() if line.strip()]
    events[5]["event"] = "dance"
    table = pa.Table.from_pandas(pd.DataFrame(events), preserve_index=False)
    docs = {n: t for n, t in files().items() if n != "cases.jsonl"}
    with pytest.raises(ef.CaseError) as e:
        ef.Bureau.from_files(docs, cases=table)
    assert (e.value.code, e.value.row) == ("case.invalid_event", 5) and str(e.value).startswith("cases: ")
    with pytest.raises(ef.ArgumentError, match="not both"):
        ef.Bureau.from_files(files(), cases=table)
    with pytest.raises(ef.ArgumentError) as e:
        ef.Bureau.from_files({**docs, "year.json": 2026})
    assert (e.value.code, e.value.field) == ("argument.wrong_type", "year.json")


def test_the_shipped_sample_bureau_files_are_the_generated_year():
    assert sorted(ef.SAMPLE_BUREAU_FILES) == ["activity.json", "cases.jsonl", "organisation.json", "year.json"]
    assert ef.Bureau.from_files(ef.SAMPLE_BUREAU_FILES).review(2026) == ef.Bureau.sample(2026, 400, 2026).review(2026)
