"""Service guides from Python (docs/domain.md §13): the published catalogue drives the clock,
renders for citizens, compares versions and reports what was streamlined."""

import datetime as dt
import io
import json
import pathlib

import pyarrow as pa
import pytest

import efficiency

SAMPLE = efficiency.GuideCatalogue.sample()


def test_the_clock_runs_on_the_published_limits():
    ctx = efficiency.CaseContext(efficiency.Calendar.china(), SAMPLE.items(), efficiency.SAMPLE_ROSTER_JSON)
    lines = [
        (
            '{"id":"e1","case":"G1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive",'
            '"item":"civil.social_org_registration","window":"W1"}'
        ),
        '{"id":"e2","case":"G1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}',
    ]
    status = efficiency.Case.from_jsonl(ctx, "\n".join(lines)).status("2026-10-20T09:00:00")
    guide = next(g for g in SAMPLE.guides if g["code"] == "civil.social_org_registration")
    assert status["clock"]["promised"] == guide["promised"] == {"amount": 10, "unit": "workdays"}


def test_a_guide_renders_for_citizens_in_both_languages():
    html = SAMPLE.render("civil.marriage_registration")
    assert 'lang="zh-CN"' in html and "<h1>婚姻登记</h1>" in html
    assert "<dt>承诺办结时限</dt><dd>即时办结</dd>" in html and "<dd>不收费</dd>" in html
    md = SAMPLE.render("civil.social_org_registration", "markdown", "en")
    assert md.startswith("# ")
    assert "| Promised limit | 10 workdays |" in md
    assert "| Special procedures | 1. " in md and "does not count toward the limit" in md
    assert json.loads(SAMPLE.render("civil.assistance_certificate", "json"))["visits"] == 0
    with pytest.raises(efficiency.EfficiencyError) as e:
        SAMPLE.render("civil.social_org_registration", "pdf")
    assert (e.value.code, e.value.field) == ("argument.invalid_choice", "format")


def test_a_bad_guide_names_its_field():
    doc = json.loads(efficiency.SAMPLE_GUIDES_JSON)
    doc["guides"][1]["fees"] = {}
    with pytest.raises(efficiency.EfficiencyError) as e:
        efficiency.GuideCatalogue.from_json(json.dumps(doc))
    assert e.value.code == "guide.fee_unstated"
    assert e.value.field == "guides[1] (civil.social_org_preparation).fees"


def test_versions_and_the_streamlining_report():
    doc = json.loads(efficiency.SAMPLE_GUIDES_JSON)
    doc.update(version="2027.1", effective_from="2027-01-01", document="杭民发〔2027〕1号")
    doc["guides"][0]["promised"] = {"amount": 8, "unit": "workdays"}
    del doc["guides"][1]
    later = efficiency.GuideCatalogue.from_json(json.dumps(doc))
    d = later.diff(SAMPLE)
    assert (d["from_version"], d["to_version"], d["document"]) == ("2026.2", "2027.1", "杭民发〔2027〕1号")
    assert [c["code"] for c in d["cancelled"]] == ["civil.social_org_preparation"]
    (adjusted,) = d["adjusted"]
    assert adjusted["changes"] == [
        {"field": "promised", "before": {"amount": 10, "unit": "workdays"}, "after": {"amount": 8, "unit": "workdays"}}
    ]
    rows = later.streamlining(SAMPLE)
    social = next(r for r in rows if r["unit"] == "social_org")
    assert (social["now"]["items"], social["before"]["items"]) == (1, 2)
    table = later.streamlining(SAMPLE, table=True)
    assert isinstance(table, pa.Table) and table.num_rows == len(rows)
    assert "before_items" in table.column_names


def test_the_review_report_is_the_bytes_rust_writes():
    reports = pathlib.Path(__file__).parents[2] / "tests/vectors/report"
    bureau = efficiency.Bureau.from_files(efficiency.SAMPLE_BUREAU_FILES)
    assert bureau.review_report(2026) == (reports / "sample-2026.zh.html").read_text()
    assert bureau.review_report(2026, "en") == (reports / "sample-2026.en.html").read_text()
    with pytest.raises(efficiency.EfficiencyError) as e:
        bureau.review_report(2026, "fr")
    assert (e.value.code, e.value.field) == ("argument.invalid_choice", "lang")


def test_the_review_workbook_is_the_bytes_rust_writes_and_reads_as_the_office_reads_it():
    import openpyxl

    bureau = efficiency.Bureau.from_files(efficiency.SAMPLE_BUREAU_FILES)
    reports = pathlib.Path(__file__).parents[2] / "tests/vectors/report"
    xlsx = bureau.review_workbook(2026)
    assert xlsx == (reports / "sample-2026.zh.xlsx").read_bytes()
    assert bureau.review_workbook(2026, "en") == (reports / "sample-2026.en.xlsx").read_bytes()
    review = bureau.review(2026)
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    assert wb.sheetnames == ["考核得分", "考核明细", "问责清单", "过错明细"]
    cards, lines, people, faults = (wb[n] for n in wb.sheetnames)
    # One row per scorecard, score line, accountability line and fault, under a header.
    assert cards.max_row - 1 == len(review["scorecards"])
    assert lines.max_row - 1 == sum(len(c["lines"]) for c in review["scorecards"])
    assert people.max_row - 1 == len(review["accountability"])
    assert faults.max_row - 1 == len(review["faults"])
    assert [c.value for c in cards[1]][:5] == ["名次", "单位", "负责人", "得分", "等次"]
    first = review["scorecards"][0]
    assert [c.value for c in cards[2]][:5] == [1, "办公室", "高远", first["total"], first["grade_zh"]]
    # Times are Excel times, points numbers, names in Chinese; codes only in the faults' last column.
    assert isinstance(people["J2"].value, dt.datetime)
    assert isinstance(lines["D2"].value, (int, float))
    assert people["A2"].value == review["accountability"][0]["name"]
    assert faults["H1"].value == "规则代码" and "." in faults["H2"].value
    assert cards.freeze_panes == "A2" and people.auto_filter.ref.startswith("A1:")
    with pytest.raises(efficiency.EfficiencyError) as e:
        bureau.review_workbook(2031)
    assert e.value.code == "calendar.year_not_covered"
