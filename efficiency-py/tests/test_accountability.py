import datetime as dt
import json

import pytest

import efficiency


def test_case_findings_flow_into_the_accountability_list():
    ctx = efficiency.CaseContext(
        efficiency.Calendar.china(),
        efficiency.ItemCatalog.templates(),
        efficiency.Organisation.sample().roster_json(),
    )
    lines = [
        '{"id":"e1","case":"C1","at":"2026-09-28T09:10:00","actor":"aff01","event":"receive","item":"licensing.decision"}',
        '{"id":"e2","case":"C1","at":"2026-09-28T09:20:00","actor":"aff01","event":"accept"}',
    ]
    faults = efficiency.Case.from_jsonl(ctx, "\n".join(lines)).faults("2026-11-20T09:00")
    assert [f["code"] for f in faults] == ["time_limit.statutory_missed"]
    entries = efficiency.accountability_list(
        efficiency.Organisation.sample(), faults, period=("2026-01-01T00:00", "2027-01-01T00:00")
    )
    assert [(e["person"], e["responsibility"], e["measures"][0]) for e in entries] == [
        ("aff01", "direct", "warning"),
        ("aff-h", "main_leadership", "warning"),
    ]
    assert entries[0]["at"] == dt.datetime(2026, 10, 30, 17, 30) and entries[0]["to_decide"] == [
        "measure",
        "circumstances",
    ]


def test_bad_organisation_and_activity_name_the_place():
    org = json.loads(efficiency.SAMPLE_ORGANISATION_JSON)
    del org["units"][3]["head"]
    with pytest.raises(efficiency.OrganisationError) as e:
        efficiency.Organisation.from_json(json.dumps(org))
    assert e.value.path == "units[3] (affairs)" and "needs a head" in str(e.value)
    act = {
        "format": "efficiency.activity/1",
        "ratings": [{"id": "R1", "at": "2026-10-01T09:00:00", "score": 9, "unit": "affairs"}],
    }
    with pytest.raises(efficiency.RulesError, match=r"ratings\[0\] \(R1\)\.score"):
        efficiency.Activity.from_json(json.dumps(act)).faults(
            efficiency.Organisation.sample(), efficiency.ActivityRules(), "2026-12-01T00:00"
        )
    with pytest.raises(efficiency.OrganisationError, match="unknown person"):
        efficiency.Organisation.sample().chain("ghost")
    rules = efficiency.ActivityRules()
    assert [r["code"] for r in rules.conduct][:2] == ["conduct.absence", "conduct.abuse_of_position"]
    with pytest.raises(efficiency.ArgumentError, match="must be one of admonition"):
        efficiency.AccountabilityRules().sanction_span([], ["exile"], dt.date(2026, 7, 1))


def test_a_repeat_is_a_proposal_on_the_repeaters_own_line():
    """docs/domain.md §7: the same person's repeat proposes serious (never very serious); the fault
    keeps its severity; a colleague on the same fault is no repeat."""
    F = lambda src, at, people: {
        "source": src, "code": "step.overdue", "severity": "ordinary", "at": at, "people": people,
    }  # fmt: skip
    faults = [F("case A", "2026-03-02T17:30", ["soc01"]), F("case B", "2026-05-06T17:30", ["soc01", "soc02"])]
    entries = efficiency.accountability_list(
        efficiency.Organisation.sample(), faults, period=("2026-05-01T00:00", "2027-01-01T00:00")
    )
    soc01, soc02 = sorted(entries, key=lambda e: e["person"])
    assert (soc01["severity"], soc01["repeat_of"]["source"], soc01["proposal"]["severity"]) == (
        "ordinary", "case A", "serious",
    )  # fmt: skip
    assert soc01["proposal"]["measures"][0] == "warning" and "case A（2026年3月2日）" in soc01["proposal"]["reason"]
    assert soc01["to_decide"] == ["severity", "measure", "circumstances"]
    assert soc01["grade_effects"]["warning"] == "not_excellent"
    assert soc01["grade_effects"]["demerit"] == "not_competent_or_above"
    assert (soc02["repeat_of"], soc02["proposal"], soc02["to_decide"]) == (None, None, ["measure", "circumstances"])
