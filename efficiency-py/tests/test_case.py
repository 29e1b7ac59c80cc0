import datetime as dt
import json

import pytest

import efficiency

CTX = efficiency.CaseContext.sample()


def line(i, case, at, actor, event, **fields):
    return json.dumps({"id": f"e{i}", "case": case, "at": at, "actor": actor, "event": event, **fields})


def licensing_log(case="C1"):
    return [
        line(1, case, "2026-09-28T09:10:00", "aff01", "receive", item="licensing.decision", window="W3"),
        line(2, case, "2026-09-28T09:20:00", "aff01", "accept"),
        line(3, case, "2026-10-20T10:00:00", "aff01", "extension_requested", amount=10, reason="site inspection"),
        line(4, case, "2026-10-21T10:00:00", "dep01", "extension_approved"),
        line(5, case, "2026-10-22T10:00:00", "aff01", "applicant_notified"),
    ]


def test_append_round_trip_and_findings():
    case = efficiency.Case(CTX, "C1")
    for text in licensing_log():
        case.append(text)
    case.append({"id": "e6", "case": "C1", "at": dt.datetime(2026, 11, 3, 10), "actor": "aff01", "event": "conclude",
                 "outcome": "granted", "on_the_spot": False})  # fmt: skip
    assert len(case) == 6 and case.stage == "concluded"
    again = efficiency.Case.from_jsonl(CTX, case.to_jsonl())
    assert again.to_jsonl() == case.to_jsonl()
    s = case.status("2026-11-20T09:00")
    codes = [f["code"] for f in s["findings"]]
    assert codes == ["extension.unauthorized_approver", "time_limit.statutory_missed", "publication.late"]
    unauthorized = s["findings"][0]
    assert unauthorized["events"] == ["e3", "e4"] and unauthorized["people"] == ["aff01", "dep01"]
    assert unauthorized["severity"] == "serious"
    assert s["clock"]["level"] == "red" and s["handler"] == "aff01" and s["unit"] == "affairs"
    assert [f["code"] for f in case.findings("2026-10-21T12:00")] == ["extension.unauthorized_approver"]


def test_bad_lines_name_the_line_and_keep_the_case():
    case = efficiency.Case.from_jsonl(CTX, "\n".join(licensing_log()[:2]))
    with pytest.raises(efficiency.CaseError) as e:
        case.append(line(2, "C1", "2026-09-29T09:00:00", "aff01", "answer"))
    assert e.value.code == "case.duplicate_event_id" and e.value.event == "e2"
    with pytest.raises(efficiency.CaseError) as e:
        case.append(line(3, "C1", "2026-09-29T09:00:00", "ghost", "answer"))
    assert e.value.code == "case.unknown_actor" and "ghost" in str(e.value)
    with pytest.raises(efficiency.EfficiencyError) as e:
        case.append(line(3, "C1", "2026-09-29T09:00:00", "aff01", "resume"))
    assert e.value.code == "clock.resume_without_suspension"
    assert len(case) == 2 and case.stage == "accepted"
    with pytest.raises(efficiency.CaseError) as e:
        efficiency.Case.from_jsonl(CTX, "\n".join([*licensing_log()[:2], "{oops"]))
    assert e.value.code == "case.malformed_line" and e.value.line == 3 and str(e.value).startswith("line 3")
    assert {f["code"] for f in efficiency.FINDING_CATALOG} >= {"inquiry.not_handled", "publication.late"}
    assert "receive" in efficiency.EVENT_KINDS


def test_replay_streams_files_and_carries_cases_across_chunks(tmp_path):
    a, b = licensing_log("A"), licensing_log("B")
    (tmp_path / "1.jsonl").write_text("\n".join(a + b[:3]) + "\n")
    (tmp_path / "2.jsonl").write_text("\n".join(b[3:]) + "\n")
    files = [tmp_path / "1.jsonl", tmp_path / "2.jsonl"]
    statuses = list(efficiency.replay_cases(CTX, files=files, as_of="2026-11-20T09:00", chunk_size=2))
    assert [s["case"] for s in statuses] == ["A", "B"]
    assert [f["code"] for f in statuses[1]["findings"]] == [f["code"] for f in statuses[0]["findings"]]
    # Unsorted input: an error per row, or a raise.
    errors = []
    got = list(efficiency.replay_cases(CTX, b + a[:1], as_of="2026-11-20T09:00", errors=errors))
    assert [s["case"] for s in got] == ["B"] and errors[0][1].code == "case.unsorted_input" and errors[0][0] == 5
    with pytest.raises(efficiency.CaseError, match="sorted by case id"):
        list(efficiency.replay_cases(CTX, b + a[:1], as_of="2026-11-20T09:00"))
    with pytest.raises(TypeError):
        list(efficiency.replay_cases(CTX, as_of="2026-11-20T09:00"))


def test_case_metrics_with_denominators():
    marriage = [
        line(1, "M1", "2026-11-02T09:30:00", "mar01", "receive", item="civil.marriage_registration", window="W2"),
        line(2, "M1", "2026-11-02T09:31:00", "mar01", "accept"),
        line(3, "M1", "2026-11-02T10:05:00", "mar01", "conclude", outcome="granted", on_the_spot=True),
    ]
    open_case = licensing_log("Z")[:2]
    m = efficiency.case_metrics(
        CTX, iter(marriage + open_case), period=("2026-11-01T00:00", "2026-12-01T00:00"), group_by="unit"
    )
    rows = {g: i for i, g in enumerate(m["group"])}
    mar, aff = rows["marriage"], rows["affairs"]
    assert (m["concluded"][mar], m["on_the_spot_rate"][mar], m["on_time_rate"][mar]) == (1, 1.0, 1.0)
    assert (m["concluded"][aff], m["open"][aff], m["open_overdue"][aff], m["on_time_rate"][aff]) == (0, 1, 1, None)
    with pytest.raises(ValueError, match="group_by"):
        efficiency.case_metrics(CTX, marriage, period=("2026-11-01T00:00", "2026-12-01T00:00"), group_by="colour")


def test_an_event_of_another_case_is_refused():
    case = efficiency.Case(CTX, "C1")
    with pytest.raises(efficiency.CaseError) as e:
        case.append(licensing_log("C2")[0])
    assert e.value.code == "case.wrong_case" and len(case) == 0
    faults = efficiency.Case.from_jsonl(CTX, "\n".join(licensing_log()[:2])).faults("2026-11-20T09:00")
    assert [(f["source"], f["code"]) for f in faults] == [("case C1", "time_limit.statutory_missed")]
