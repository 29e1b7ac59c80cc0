import datetime as dt
import json

import numpy as np
import pytest

import efficiency
from efficiency import Clock, TimeLimit

CAL = efficiency.Calendar.china()
T = dt.datetime


def test_time_limits():
    assert TimeLimit.workdays(20) == TimeLimit(20, "workdays")
    assert TimeLimit.on_the_spot().amount == 0 and str(TimeLimit.natural_days(60)) == "60 natural days"
    assert repr(TimeLimit.work_hours(4)) == "TimeLimit.work_hours(4)"
    # Every repr is a call that builds the same limit again.
    for limit in (TimeLimit.months(2), TimeLimit.natural_days(60), TimeLimit.on_the_spot()):
        assert eval(repr(limit), {"TimeLimit": TimeLimit}) == limit
    # A limit object reads as its data wherever a limit is an argument (a dict works too).
    assert TimeLimit.months(2).__efficiency_value__() == {"amount": 2, "unit": "months"}
    clock = Clock(CAL, T(2026, 1, 31, 10), TimeLimit.months(1))
    assert (
        clock.status(T(2026, 2, 2, 9))["statutory_due"]
        == Clock(CAL, T(2026, 1, 31, 10), {"amount": 1, "unit": "months"}).status(T(2026, 2, 2, 9))["statutory_due"]
    )
    with pytest.raises(efficiency.ClockError) as e:
        TimeLimit(3, "fortnights")
    assert e.value.code == "clock.unknown_unit"


def test_status_fields_and_explanation():
    clock = Clock(CAL, T(2026, 9, 28, 10), TimeLimit.workdays(20), promised=TimeLimit.workdays(10))
    s = clock.status(T(2026, 10, 8, 9))
    assert (s["promised_due"], s["statutory_due"]) == (T(2026, 10, 16, 17, 30), T(2026, 10, 30, 17, 30))
    assert (s["remaining"], s["elapsed"], s["state"], s["level"], s["outcome"]) == (7, 3, "running", "normal", None)
    text = clock.explain(T(2026, 10, 8, 9))["text"]
    assert "2026-10-10    5  make-up workday for National Day" in text
    assert clock.explain(T(2026, 10, 8, 9), promised=True)["due"] == T(2026, 10, 16, 17, 30)


def test_extension_by_the_wrong_person_is_a_finding_not_an_error():
    clock = Clock(CAL, T(2026, 9, 28, 10), TimeLimit.workdays(20), max_extension=10)
    clock.request_extension(T(2026, 10, 20, 10), 10, "site inspection")
    clock.approve_extension(T(2026, 10, 21, 10), "supervising_leader")
    clock.notify_applicant(T(2026, 10, 22, 10))
    s = clock.status(T(2026, 11, 2, 9))
    assert s["extended_by"] == 0 and s["level"] == "red"
    codes = [f["code"] for f in s["findings"]]
    assert codes == ["extension.unauthorized_approver", "time_limit.statutory_missed"]
    assert s["findings"][0]["events"] == [0, 1] and "机关主要负责人" in s["findings"][0]["text"]
    assert s["findings"][0]["args"]["required"] == "agency_head"
    assert set(codes) <= set(efficiency.FINDING_CODES)


def test_impossible_events_raise_and_keep_the_log():
    clock = Clock(CAL, "2026-09-28T10:00", TimeLimit.workdays(20))
    clock.suspend("2026-09-29T10:00", "hearing")
    with pytest.raises(efficiency.ClockError) as e:
        clock.resume("2026-09-29T09:00")
    assert e.value.code == "clock.time_goes_backwards" and e.value.event_index == 1
    assert isinstance(e.value, ValueError)
    assert [ev["event"] for ev in clock.events] == ["suspend"]
    with pytest.raises(efficiency.ClockError, match="janitor"):
        clock.approve_extension("2026-09-30T10:00", "janitor")
    with pytest.raises(efficiency.ClockError) as e:
        Clock(CAL, T(2026, 9, 28), TimeLimit.workdays(20), promised=TimeLimit.workdays(30))
    assert e.value.code == "clock.promised_exceeds_statutory"
    # An aware time is an instant: converted to the calendar's zone (UTC+8), never refused.
    aware = Clock(CAL, T(2026, 9, 27, 23, 30, tzinfo=dt.UTC), TimeLimit.workdays(20))
    naive = Clock(CAL, T(2026, 9, 28, 7, 30), TimeLimit.workdays(20))
    assert aware.status("2026-10-01T00:00Z")["statutory_due"] == naive.status(T(2026, 10, 1, 8))["statutory_due"]
    with pytest.raises(efficiency.CalendarError) as e:
        Clock(CAL, T(2026, 12, 1), TimeLimit.workdays(30)).status(T(2026, 12, 2))
    assert e.value.code == "calendar.year_not_covered"


def test_items_from_templates_and_json():
    items = efficiency.ItemCatalog.templates()
    assert "licensing.decision" in items.codes and len(items) >= 10
    reg = items["civil.social_org_registration"]
    assert reg.promised == TimeLimit.workdays(10) and reg.name_zh == "社会团体成立登记"
    clock = reg.clock(CAL, T(2026, 9, 28, 10))
    with pytest.raises(efficiency.ClockError) as e:
        clock.suspend(T(2026, 9, 29), "site_visit")
    assert e.value.code == "clock.procedure_counts"
    clock.suspend(T(2026, 9, 29, 10), "expert_review")
    assert clock.events[0]["reason"] == "专家评审"
    with pytest.raises(KeyError):
        items["no.such.item"]
    bad = json.loads(efficiency.ITEM_TEMPLATES_JSON)
    bad["items"][0]["colour"] = "red"
    with pytest.raises(efficiency.ClockError, match="unknown field `colour`"):
        efficiency.ItemCatalog.from_json(json.dumps(bad))
    toml = """
format = "efficiency.items/1"
[[items]]
code = "licensing.decision"
name = "Administrative licensing decision"
legal_basis = "行政许可法 Art. 42"
statutory = { amount = 20, unit = "workdays" }
promised = { amount = 25, unit = "workdays" }
"""
    with pytest.raises(efficiency.ClockError) as e:
        efficiency.ItemCatalog.from_toml(toml)
    assert e.value.code == "clock.promised_exceeds_statutory" and "items[0] (licensing.decision)" in str(e.value)
    item = efficiency.ItemCatalog.from_toml(toml.replace("25", "12"))["licensing.decision"]
    assert item.promised == TimeLimit.workdays(12)


def test_evaluate_clocks_batch():
    accepted = np.array(["2026-09-28T10:00", "NaT", "2003-12-15T10:00", "2026-09-28T10:00"], dtype="datetime64[s]")
    cols, failed = efficiency.evaluate_clocks(
        CAL, accepted, 20, "workdays", np.datetime64("2026-10-29T09:00"),
        concluded_at=np.array(["NaT", "NaT", "NaT", "2026-10-09T10:00"], dtype="datetime64[s]"),
        errors="return",
    )  # fmt: skip
    assert str(cols["promised_due"][0]) == "2026-10-30T17:30:00"
    assert efficiency.LEVELS[cols["level"][0]] == "reminder" and cols["outcome"][0] == -1
    assert np.isnat(cols["promised_due"][1]) and np.isnan(cols["remaining"][1])
    assert [(row, err.code) for row, err in failed] == [(2, "calendar.year_not_covered")]
    assert efficiency.OUTCOMES[cols["outcome"][3]] == "early"
    with pytest.raises(efficiency.EfficiencyError) as e:
        efficiency.evaluate_clocks(CAL, accepted, 20, "workdays", "2026-10-29T09:00")
    assert e.value.row == 2
    with pytest.raises(efficiency.ArgumentError, match="amount must have one value or one per row"):
        efficiency.evaluate_clocks(CAL, accepted, [1, 2], "workdays", "2026-10-29T09:00")


def test_zone_aware_columns_are_read_in_the_calendars_zone():
    # Accepted 2026-09-28 07:30 in Shanghai is 2026-09-27 23:30 UTC: the due date must come from
    # the Shanghai wall time, as the scalar Clock gives it, not from the UTC one.
    import pandas as pd  # in requirements-dev.txt: this must run, not skip

    wall = pd.Series(pd.to_datetime(["2026-09-28 07:30", "2026-09-28 16:00"])).dt.tz_localize("Asia/Shanghai")
    scalar = efficiency.Clock(CAL, "2026-09-28T07:30", TimeLimit.workdays(20)).status("2026-10-29T09:00")
    for accepted in (wall, wall.dt.tz_convert("UTC"), wall.dt.tz_convert("America/New_York")):
        cols = efficiency.evaluate_clocks(CAL, accepted, 20, "workdays", "2026-10-29T09:00")
        assert str(cols["promised_due"][0]) == "2026-10-30T17:30:00" == scalar["promised_due"].isoformat()
        assert str(cols["statutory_due"][1]) == "2026-10-30T17:30:00"
        due = CAL.add_workdays_many(accepted, 20)
        assert [str(d) for d in due] == ["2026-10-30", "2026-10-30"]
    # The same instant as an aware datetime scalar gives the same answer.
    aware = wall[0].to_pydatetime().astimezone(dt.UTC)
    assert (
        efficiency.Clock(CAL, aware, TimeLimit.workdays(20)).status("2026-10-29T09:00")["promised_due"]
        == scalar["promised_due"]
    )


def test_a_clock_takes_the_bureaus_settings_document():
    settings = {"format": "efficiency.settings/1", "day_end": "midnight"}
    clock = Clock(CAL, T(2026, 9, 28, 10), TimeLimit.workdays(20), settings=settings)
    assert clock.status(T(2026, 10, 8, 9))["statutory_due"] == T(2026, 10, 31, 0, 0)
    # An option given alone wins over the document; a zone other than the calendar's is refused.
    clock = Clock(CAL, T(2026, 9, 28, 10), TimeLimit.workdays(20), settings=settings, day_end="close_of_business")
    assert clock.status(T(2026, 10, 8, 9))["statutory_due"] == T(2026, 10, 30, 17, 30)
    with pytest.raises(efficiency.EfficiencyError) as e:
        Clock(CAL, T(2026, 9, 28, 10), TimeLimit.workdays(20), settings={**settings, "zone": "+05:00"})
    assert (e.value.code, e.value.field) == ("clock.invalid_settings", "settings.zone")
