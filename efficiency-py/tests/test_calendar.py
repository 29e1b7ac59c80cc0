import datetime
import json

import numpy as np
import pytest

import efficiency
from efficiency import Calendar

D = datetime.date


def test_licensing_decision_example():
    cal = Calendar.china()
    assert cal.add_workdays(D(2026, 9, 28), 20) == D(2026, 10, 30)
    r = cal.explain_add_workdays(D(2026, 9, 28), 20)
    assert r["due"] == D(2026, 10, 30)
    skipped = [d for d in r["days"] if d["ordinal"] is None]
    assert skipped[0] == {
        "date": D(2026, 10, 1),
        "kind": "holiday",
        "ordinal": None,
        "reason": "holiday: National Day (国庆节), statutory",
        "reason_zh": "国庆节（法定假日）",
    }
    assert "2026-10-10 Sat    5  make-up workday for National Day" in r["text"]


def test_day_info_and_names():
    cal = Calendar.china()
    info = cal.day_info(D(2026, 2, 17))
    assert info["kind"] == "holiday" and info["statutory"] and info["holiday_name_zh"] == "春节"
    assert info["reason_zh"] == "春节（法定假日）"
    assert cal.holiday_name(D(2026, 2, 14)) is None  # a make-up workday is not a holiday
    assert cal.day_info(D(2026, 2, 14))["holiday_name"] == "Spring Festival"
    assert cal.next_workday(D(2026, 9, 30)) == D(2026, 10, 8)
    assert cal.previous_workday(D(2026, 10, 8)) == D(2026, 9, 30)
    assert cal.workdays_between(D(2026, 10, 30), D(2026, 9, 28)) == -20


def test_errors_are_value_errors_with_codes():
    cal = Calendar.china()
    with pytest.raises(efficiency.CalendarError) as e:
        cal.add_workdays(D(2026, 12, 20), 20)
    assert isinstance(e.value, ValueError)
    assert e.value.code == "calendar.year_not_covered"
    assert "2027" in str(e.value) and "2004-2026" in str(e.value)
    with pytest.raises(efficiency.EfficiencyError) as e:
        cal.is_workday("2026-02-30")
    assert e.value.code == "calendar.invalid_date"
    with pytest.raises(TypeError, match="date must be a date YYYY-MM-DD, not the number 20260930") as e:
        cal.is_workday(20260930)
    assert isinstance(e.value, efficiency.ArgumentError) and e.value.code == "argument.wrong_type"
    assert e.value.field == "date"
    assert set(efficiency.CALENDAR_ERROR_CODES) >= {"calendar.year_not_covered", "calendar.invalid_data"}


def test_provisional_is_explicit_and_marked():
    cal = Calendar.china(provisional=True)
    assert cal.provisional
    assert cal.add_workdays(D(2026, 12, 30), 3) == D(2027, 1, 4)
    assert cal.is_provisional(D(2027, 1, 4)) and not cal.is_provisional(D(2026, 1, 5))
    assert cal.explain_add_workdays(D(2026, 12, 30), 3)["provisional"]
    assert cal.day_info(D(2027, 1, 1))["provisional"]
    assert not Calendar.china().provisional


def test_run_time_data_and_overlays():
    cal = Calendar.china()
    y2027 = {
        "year": 2027,
        "notice": "国务院办公厅关于2027年部分节假日安排的通知 (test copy)",
        "periods": [
            {
                "festivals": [{"name": "New Year's Day", "name_zh": "元旦", "statutory": ["2027-01-01"]}],
                "from": "2027-01-01",
                "to": "2027-01-03",
            }
        ],
    }
    cal27 = cal.with_year(json.dumps(y2027))
    assert cal27.covered_years == (2004, 2027)
    assert cal27.day_kind(D(2027, 1, 1)) == "holiday"
    assert cal.covered_years == (2004, 2026)  # unchanged
    again = Calendar.from_json(cal27.to_json())
    assert again.covered_years == (2004, 2027)
    overlay = {
        "format": "efficiency.calendar-overlay/1",
        "region": "CN-GX",
        "name": "Guangxi",
        "years": [
            {
                "year": 2026,
                "notice": "广西壮族自治区三月三放假通知 (example)",
                "periods": [
                    {
                        "festivals": [{"name": "Sanyuesan", "name_zh": "三月三"}],
                        "from": "2026-04-20",
                        "to": "2026-04-21",
                    }
                ],
            }
        ],
    }
    gx = cal.with_overlay(json.dumps(overlay))
    assert gx.regions == ["CN", "CN-GX"]
    assert gx.day_info(D(2026, 4, 20))["region"] == "CN-GX"
    assert cal.is_workday(D(2026, 4, 20)) and not gx.is_workday(D(2026, 4, 20))
    overlay["years"][0]["periods"][0]["from"] = "2026-04-05"
    with pytest.raises(efficiency.CalendarError) as e:
        cal.with_overlay(json.dumps(overlay))
    assert e.value.code == "calendar.overlay_conflict" and "2026-04-05" in str(e.value)


@pytest.mark.parametrize(
    "text, needle",
    [
        ("{", "line 1"),
        ('{"format": "efficiency.calendar/1", "region": "CN", "name": "x", "years": [], "x": 1}', "unknown field"),
        ('{"format": "efficiency.calendar/1", "region": "CN", "name": "x", "years": []}', "at least one year"),
    ],
)
def test_bad_calendar_json(text, needle):
    with pytest.raises(efficiency.CalendarError) as e:
        Calendar.from_json(text)
    assert e.value.code == "calendar.invalid_data" and needle in str(e.value)


def test_bad_year_json_names_the_field():
    bad = {
        "year": 2027,
        "notice": "n",
        "periods": [{"festivals": [{"name": "X"}], "from": "2027-02-30", "to": "2027-03-01"}],
    }
    with pytest.raises(efficiency.CalendarError, match=r"years\[23\]\.periods\[0\]\.from"):
        Calendar.china().with_year(json.dumps(bad))


def test_arrays_in_and_out():
    cal = Calendar.china()
    dates = np.array(["2026-09-28", "NaT", "2026-10-08"], dtype="datetime64[D]")
    out = cal.add_workdays_many(dates, 20)
    assert out.dtype == np.dtype("datetime64[D]")
    assert str(out[0]) == "2026-10-30" and np.isnat(out[1])
    out = cal.add_workdays_many(dates, np.array([20, 1, -1]))
    assert str(out[2]) == "2026-09-30"
    # Lists of dates and pandas-style datetime64[ns] are converted.
    out = cal.add_workdays_many([D(2026, 9, 28)], 20)
    assert str(out[0]) == "2026-10-30"
    out = cal.add_workdays_many(np.array(["2026-09-28T10:00"], dtype="datetime64[ns]"), 20)
    assert str(out[0]) == "2026-10-30"
    between = cal.workdays_between_many(
        np.array(["2026-09-28"], dtype="datetime64[D]"), np.array(["2026-10-30"], dtype="datetime64[D]")
    )
    assert between.tolist() == [20]


def test_batch_errors_per_row():
    cal = Calendar.china()
    dates = np.array(["2026-09-28", "2030-01-02", "2026-10-08"], dtype="datetime64[D]")
    with pytest.raises(efficiency.CalendarError) as e:
        cal.add_workdays_many(dates, 1)
    assert e.value.code == "calendar.year_not_covered" and e.value.row == 1 and "row 1" in str(e.value)
    values, failed = cal.add_workdays_many(dates, 1, errors="return")
    assert [(row, err.code) for row, err in failed] == [(1, "calendar.year_not_covered")]
    assert str(values[0]) == "2026-09-29" and np.isnat(values[1]) and str(values[2]) == "2026-10-09"
    values, failed = cal.workdays_between_many(dates, dates[::-1], errors="return")
    assert values[1] == efficiency.MISSING_INT and [row for row, _ in failed] == [1]
    with pytest.raises(efficiency.ArgumentError, match="n must have one value or one per row"):
        cal.add_workdays_many(dates, [1, 2])
    with pytest.raises(ValueError, match="errors must be"):
        cal.add_workdays_many(dates, 1, errors="ignore")
    with pytest.raises(ValueError, match="one-dimensional"):
        cal.add_workdays_many(dates.reshape(3, 1), 1)
    with pytest.raises(efficiency.CalendarError) as e:
        cal.add_workdays_many(["2026-09-28", "not a date"], 1)
    assert (e.value.code, e.value.row, e.value.field) == ("calendar.invalid_date", 1, "dates")
