"""The README's Python examples, typed: mypy --strict checks them against the stubs and the
generated TypedDicts (efficiency.types), and test_typed_examples runs them."""

import datetime

import numpy as np

import efficiency
from efficiency.types import CaseStatus, ClockStatus, DayInfo, Entry, Fault, Scorecard


def main() -> dict[str, object]:
    cal = efficiency.Calendar.china()
    due: datetime.date = cal.add_workdays(datetime.date(2026, 9, 28), 20)
    info: DayInfo = cal.day_info(datetime.date(2026, 2, 14))
    try:
        cal.is_workday("2027-03-01")
        code = ""
    except efficiency.EfficiencyError as e:
        code = e.code

    clock = efficiency.Clock(
        cal,
        datetime.datetime(2026, 9, 28, 10),
        efficiency.TimeLimit.workdays(20),
        promised=efficiency.TimeLimit.workdays(10),
    )
    clock.request_extension("2026-10-20T10:00", 10, "site inspection")
    clock.approve_extension("2026-10-21T10:00", "supervising_leader")  # not the agency head
    s: ClockStatus = clock.status("2026-11-02T09:00")
    findings = [f["code"] for f in s["findings"]]
    text: str = clock.explain("2026-11-02T09:00")["text"]

    accepted = np.array(["2026-09-28T10:00", "NaT"], dtype="datetime64[s]")
    cols = efficiency.evaluate_clocks(cal, accepted, 20, "workdays", "2026-10-29T09:00")

    ctx = efficiency.CaseContext.sample()
    case = efficiency.Case.from_jsonl(
        ctx, '{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}'
    )
    status: CaseStatus = case.status("2026-11-03T09:00")
    faults: list[Fault] = case.faults("2026-11-03T09:00")

    org = efficiency.Organisation.sample()
    entries: list[Entry] = efficiency.accountability_list(org, faults, period=("2026-01-01T00:00", "2027-01-01T00:00"))
    cards: list[Scorecard] = efficiency.score_units(
        org, ["office", "affairs"], period=("2026-01-01T00:00", "2027-01-01T00:00"), faults=faults
    )
    return {
        "due": due.isoformat(),
        "makeup": info["kind"],
        "code": code,
        "level": s["level"],
        "findings": findings,
        "explained": text.splitlines()[0],
        "batch_due": str(cols["promised_due"][0]),
        "stage": status["stage"],
        "accountable": [(e["person"], e["responsibility"]) for e in entries],
        "office_total": cards[0]["total"],
    }


if __name__ == "__main__":
    print(main())
