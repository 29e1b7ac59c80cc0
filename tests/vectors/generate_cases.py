#!/usr/bin/env python3
"""Writes tests/vectors/cases/cases.json: case-log scenarios with expected status and findings.

Expected answers come from the independent oracle (oracle.py) plus the case rules of
docs/domain.md §5-§6 re-stated here in plain Python; nothing is computed by the library.

    python3 tests/vectors/generate_cases.py
"""

import datetime as dt
import json
import re

from case_oracle import ITEMS, case_oracle
from oracle import ROOT, NotCovered, P, due

scenarios = []


class Log:
    def __init__(self, case):
        self.case, self.events = case, []

    def __call__(self, at, actor, event, **fields):
        e = {
            "id": f"e{len(self.events) + 1}",
            "case": self.case,
            "at": at if len(at) > 16 else at + ":00",
            "actor": actor,
            "event": event,
        }
        e.update(fields)
        self.events.append(e)
        return self


def add(name, log, as_of, error=None, not_judged=None):
    lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in log.events]
    sc = {"id": f"{len(scenarios):03d}-{name}", "lines": lines, "as_of": as_of + ":00" if len(as_of) == 16 else as_of}
    if not_judged is not None:
        sc["not_judged"] = not_judged
    if error:
        sc["expect"] = {"error": error[0], "line": error[1]}
    else:
        try:
            status = case_oracle(log.events, sc["as_of"], not_judged)
            sc["expect"] = {k: v for k, v in status.items() if not k.startswith("_")}
        except NotCovered:
            sc["expect"] = {"error": "calendar.year_not_covered", "line": None}
    scenarios.append(sc)


def day(d, k):
    return (dt.date.fromisoformat(d) + dt.timedelta(days=k)).isoformat()


UNIT_STAFF = {"social_org": ("soc01", "soc-h"), "marriage": ("mar01", "mar-h"), "affairs": ("aff01", "aff-h")}
ITEM_UNIT = {
    "civil.social_org_preparation": "social_org",
    "civil.social_org_registration": "social_org",
    "civil.marriage_registration": "marriage",
}
ROLE_STAFF = {"handler": None, "unit_head": None, "supervising_leader": "dep01", "agency_head": "dir01"}

# 1. A clean path for every item, accepted on holiday boundaries.
starts = [
    "2026-09-28",
    "2026-02-13",
    "2025-09-30",
    "2026-04-30",
    "2025-01-24",
    "2026-09-30",
    "2024-09-30",
    "2026-06-18",
    "2026-12-01",
    "2026-01-02",
    "2025-12-31",
]
for n, (code, item) in enumerate(ITEMS.items()):
    unit = ITEM_UNIT.get(code, "affairs")
    handler, head = UNIT_STAFF[unit]
    d0 = starts[n % len(starts)]
    log = Log(f"CLEAN-{n:02d}")
    log(f"{d0}T09:10", handler, "receive", item=code, window="W1")
    log(f"{d0}T09:20", handler, "accept")
    t = dt.datetime.fromisoformat(f"{d0}T09:30")
    for step in item.get("steps", []):
        actor = {"handler": handler, "unit_head": head}.get(step["role"]) or ROLE_STAFF[step["role"]]
        log(t.strftime("%Y-%m-%dT%H:%M"), actor, "step_started", step=step["code"])
        t += dt.timedelta(minutes=30)
        log(t.strftime("%Y-%m-%dT%H:%M"), actor, "step_finished", step=step["code"])
        t += dt.timedelta(minutes=10)
    on_spot = (item.get("promised") or item["statutory"])["unit"] == "on_the_spot"
    log(t.strftime("%Y-%m-%dT%H:%M"), handler, "conclude", outcome="granted", on_the_spot=on_spot)
    log((t + dt.timedelta(minutes=20)).strftime("%Y-%m-%dT%H:%M"), handler, "result_published")
    add(f"clean-{code}", log, f"{day(d0, 20)}T09:00")

# 2. First inquiry.
log = Log("INQ-1")("2026-09-30T16:00", "off01", "inquiry", channel="phone")
add("inquiry-not-handled-over-national-day", log, "2026-10-12T09:00")
log = Log("INQ-2")("2026-11-27T15:00", "soc02", "inquiry", channel="in_person", item="civil.social_org_registration")
log("2026-12-02T10:00", "soc02", "answer")
add("inquiry-answered-late", log, "2026-12-03T09:00")
log = Log("INQ-3")("2026-11-27T15:00", "soc02", "inquiry", channel="online")("2026-11-30T10:00", "soc02", "answer")
add("inquiry-answered-next-workday", log, "2026-12-03T09:00")
log = Log("INQ-4")("2026-09-30T10:00", "mar01", "inquiry", channel="in_person")(
    "2026-09-30T10:05", "mar01", "guide_outside", agency="Public Security Bureau"
)
add("inquiry-guided-outside", log, "2026-10-20T09:00")

# 3. Referrals.
log = Log("REF-1")("2026-09-24T10:00", "off01", "inquiry", channel="in_person", item="civil.social_org_registration")
log("2026-09-24T10:10", "off01", "refer", to="soc02")
add("referral-not-followed-item-limit", log, "2026-10-20T09:00")
log = Log("REF-2")("2026-09-29T10:00", "off01", "inquiry", channel="phone")(
    "2026-09-29T10:10", "off01", "refer", to="aff01"
)
add("referral-not-followed-default-limit", log, "2026-10-15T09:00")
log = Log("REF-3")("2026-09-29T10:00", "off01", "inquiry", channel="phone")(
    "2026-09-29T10:10", "off01", "refer", to="aff01"
)
log("2026-10-09T11:00", "aff01", "reply")
add("referral-replied-in-time", log, "2026-10-15T09:00")
log = Log("REF-4")("2026-09-29T10:00", "off01", "inquiry", channel="phone")(
    "2026-09-29T10:10", "off01", "refer", to="aff01"
)
log("2026-10-09T11:00", "off01", "withdrawn")
add("referral-withdrawn", log, "2026-10-15T09:00")

# 4. Reception refused.
add(
    "reception-refused-at-window",
    Log("REFUSE-1")("2026-11-02T09:00", "soc01", "refuse_reception", reason="come back next week"),
    "2026-11-10T09:00",
)
log = Log("REFUSE-2")("2026-11-02T09:00", "off01", "inquiry", channel="in_person", item="licensing.decision")
log("2026-11-02T09:05", "off01", "refuse_reception")
add("reception-refused-after-inquiry", log, "2026-11-10T09:00")


# 5. Supplements.
def supplement_case(
    cid, received, requests, accept=None, as_of=None, item="civil.social_org_registration", actor="soc01"
):
    log = Log(cid)(f"{received}T09:30", actor, "receive", item=item, window="W1")
    for k, r in enumerate(requests):
        log(f"{r}T10:{k:02d}", actor, "supplement_request", missing=[f"material {k + 1}"])
        log(f"{r}T15:{k:02d}", actor, "supplement_received")
    if accept:
        log(f"{accept}T09:00", actor, "accept")
    return log


add("supplement-timely-once", supplement_case("SUP-1", "2026-09-21", ["2026-09-23"], "2026-09-29"), "2026-10-09T09:00")
add(
    "supplement-late-over-holiday",
    supplement_case("SUP-2", "2026-09-22", ["2026-10-09"], "2026-10-12"),
    "2026-10-20T09:00",
)
add("supplement-late-not-accepted", supplement_case("SUP-3", "2026-11-02", ["2026-11-13"]), "2026-11-20T09:00")
add(
    "supplement-repeated",
    supplement_case("SUP-4", "2026-11-02", ["2026-11-03", "2026-11-05"], "2026-11-06"),
    "2026-11-20T09:00",
)
# Received Mon 11-02, notice Tue 11-03, materials complete Wed 11-04, acceptance recorded only on
# Mon 11-09: the clock counts from Thu 11-05 (docs/domain.md §4.3), not from 11-10.
add(
    "supplement-acceptance-recorded-late",
    Log("SUP-6")("2026-11-02T09:30", "soc01", "receive", item="civil.social_org_registration", window="W1")(
        "2026-11-03T10:00", "soc01", "supplement_request", missing=["articles of association"]
    )("2026-11-04T15:00", "soc01", "supplement_received")("2026-11-09T09:00", "soc01", "accept"),
    "2026-11-20T09:00",
)
add(
    "supplement-repeated-thrice",
    supplement_case("SUP-5", "2026-02-09", ["2026-02-10", "2026-02-12", "2026-02-25"], "2026-02-26"),
    "2026-03-20T09:00",
)
add(
    "supplement-late-and-repeated",
    supplement_case("SUP-6", "2026-09-28", ["2026-10-14", "2026-10-15"], "2026-10-16"),
    "2026-11-30T09:00",
)

# An information request (政府信息公开条例 Art. 30): a clarification notice within 7 workdays (6
# here: on time, though a licensing item's 5 would be late); the period counts from the day after
# the clarified request arrives. Then a notice 8 workdays on: late, the period counts from receipt.
for cid, notice, clarified in [("INFO-1", "2026-11-10", "2026-11-16"), ("INFO-2", "2026-11-12", "2026-11-16")]:
    add(
        f"information-request-clarification-{cid}",
        Log(cid)("2026-11-02T09:30", "off01", "receive", item="disclosure.request", window="W1")(
            f"{notice}T10:00", "off01", "supplement_request", missing=["the information sought, described"]
        )(f"{clarified}T15:00", "off01", "supplement_received")(f"{clarified}T15:30", "off01", "accept"),
        "2026-12-10T09:00",
    )

# 6. Internal steps.
log = Log("STEP-1")("2026-09-28T09:10", "aff01", "receive", item="licensing.decision")(
    "2026-09-28T09:20", "aff01", "accept"
)
log("2026-09-28T10:00", "aff01", "step_started", step="review")(
    "2026-10-22T10:00", "aff01", "step_finished", step="review"
)
add("step-finished-late", log, "2026-10-23T09:00")
log = Log("STEP-2")("2026-09-28T09:10", "aff01", "receive", item="licensing.decision")(
    "2026-09-28T09:20", "aff01", "accept"
)
log("2026-09-29T10:00", "aff01", "step_started", step="review")(
    "2026-10-14T10:00", "aff01", "step_finished", step="review"
)
log("2026-10-14T11:00", "aff-h", "step_started", step="sign_off")
add("step-still-open-overdue", log, "2026-10-22T09:00")
log = Log("STEP-3")("2026-11-02T09:10", "mar01", "receive", item="civil.marriage_registration")(
    "2026-11-02T09:12", "mar01", "accept"
)
log("2026-11-02T11:30", "mar01", "step_started", step="register")(
    "2026-11-03T09:40", "mar01", "step_finished", step="register"
)
log("2026-11-03T09:45", "mar01", "conclude", outcome="granted", on_the_spot=False)
add("hour-step-overnight-on-the-spot-late", log, "2026-11-20T09:00")
# docs/domain.md §4.4: a late step makes the case yellow while its clock is normal; a concluded case
# keeps that level, judged at conclusion and two months later alike.
log = Log("STEP-4")("2026-09-28T09:10", "aff01", "receive", item="licensing.decision")(
    "2026-09-28T09:20", "aff01", "accept"
)
log("2026-09-28T10:00", "aff01", "step_started", step="review")(
    "2026-10-22T10:00", "aff01", "step_finished", step="review"
)
log("2026-10-23T10:00", "aff01", "conclude", outcome="granted", on_the_spot=False)
add("level-late-step-yellow-at-conclusion", log, "2026-10-23T10:00")
add("level-late-step-yellow-kept-after-conclusion", log, "2026-12-23T10:00")


# 7. Limits and extensions (licensing decision: 20 workdays, +10 by the agency head).
def licensing(cid, d0, events, as_of, item="licensing.decision", handler="aff01"):
    log = Log(cid)(f"{d0}T09:10", handler, "receive", item=item, window="W3")(f"{d0}T09:20", handler, "accept")
    for at, actor, kind, fields in events:
        log(at, actor, kind, **fields)
    add(cid.lower(), log, as_of)


licensing(
    "LIMIT-1",
    "2026-09-28",
    [("2026-11-03T10:00", "aff01", "conclude", {"outcome": "granted", "on_the_spot": False})],
    "2026-11-20T09:00",
)
licensing("LIMIT-2", "2026-09-14", [], "2026-10-20T09:00")
licensing("LIMIT-3", "2026-09-28", [], "2026-10-29T09:00", item="civil.social_org_registration", handler="soc01")
licensing("LIMIT-4", "2026-02-09", [], "2026-03-31T09:00", item="civil.social_org_registration", handler="soc01")
licensing(
    "LIMIT-5",
    "2026-09-28",
    [
        ("2026-10-09T15:00", "aff01", "suspend", {"procedure": "expert_review"}),
        ("2026-10-13T09:00", "aff01", "resume", {}),
    ],
    "2026-11-02T09:00",
)
ext = lambda a, amount=10: (a, "aff01", "extension_requested", {"amount": amount, "reason": "site inspection"})
appr = lambda a, who="dir01": (a, who, "extension_approved", {})
note = lambda a: (a, "aff01", "applicant_notified", {})
for k, d0 in enumerate(["2026-09-14", "2025-09-15"]):
    base = dt.date.fromisoformat(d0)
    t = lambda n, hm="11:00", base=base: f"{(base + dt.timedelta(days=n)).isoformat()}T{hm}"
    late = due(P(f"{d0}T09:20:00"), "workdays", 20, []).date() + dt.timedelta(days=1)
    L_ = f"{late.isoformat()}T11:00"
    licensing(f"EXT-VALID-{k}", d0, [ext(t(10)), appr(t(11)), note(t(12))], t(50))
    licensing(f"EXT-UNAUTH-{k}", d0, [ext(t(10)), appr(t(11), "dep01"), note(t(12))], t(50))
    licensing(f"EXT-CAP-{k}", d0, [ext(t(10), 15), appr(t(11)), note(t(12))], t(50))
    licensing(f"EXT-LATE-{k}", d0, [ext(L_), appr(L_), note(L_)], t(60))
    licensing(f"EXT-NOAPPR-{k}", d0, [ext(t(10)), note(t(12))], t(50))
    licensing(f"EXT-NONOTE-{k}", d0, [ext(t(10)), appr(t(11))], t(50))
    licensing(
        f"EXT-TWICE-{k}",
        d0,
        [ext(t(10), 5), appr(t(11)), note(t(11, "15:00")), ext(t(12), 5), appr(t(12, "14:00")), note(t(12, "16:00"))],
        t(50),
    )

# 8. Publication.
log = Log("PUB-1")("2026-11-02T09:10", "soc01", "receive", item="civil.social_org_registration")(
    "2026-11-02T09:20", "soc01", "accept"
)
log("2026-11-05T10:00", "soc01", "conclude", outcome="refused", on_the_spot=False)
add("publication-missing", log, "2026-11-30T09:00")
log = Log("PUB-2")("2026-09-24T09:10", "aff01", "receive", item="licensing.decision")(
    "2026-09-24T09:20", "aff01", "accept"
)
log("2026-09-29T10:00", "aff01", "conclude", outcome="granted", on_the_spot=False)(
    "2026-10-16T10:00", "aff01", "result_published"
)
add("publication-late-over-holiday", log, "2026-11-30T09:00")
log = Log("PUB-3")("2026-09-24T09:10", "aff01", "receive", item="licensing.decision")(
    "2026-09-24T09:20", "aff01", "accept"
)
log("2026-09-29T10:00", "aff01", "conclude", outcome="granted", on_the_spot=False)(
    "2026-10-13T10:00", "aff01", "result_published"
)
add("publication-in-time-over-holiday", log, "2026-11-30T09:00")

# 9. Other closings.
log = Log("REJ-1")("2026-11-02T09:10", "soc01", "receive", item="civil.social_org_preparation")
log("2026-11-02T09:40", "soc01", "reject", reasons=["the applicant is not a legal person"])
add("rejected-with-reasons", log, "2026-11-20T09:00")
log = Log("WD-1")("2026-09-28T09:10", "aff01", "receive", item="licensing.decision")(
    "2026-09-28T09:20", "aff01", "accept"
)
log("2026-10-12T09:00", "aff01", "withdrawn")
add("withdrawn-before-due", log, "2026-12-01T09:00")
log = Log("AS-OF-1")("2026-09-28T09:10", "aff01", "receive", item="licensing.decision")(
    "2026-09-28T09:20", "aff01", "accept"
)
log("2026-11-03T10:00", "aff01", "conclude", outcome="granted", on_the_spot=False)
add("history-before-conclusion", log, "2026-10-29T09:00")
log = Log("DATA-1")("2026-12-01T09:10", "aff01", "receive", item="licensing.decision")(
    "2026-12-01T09:20", "aff01", "accept"
)
add("year-without-data", log, "2026-12-10T09:00")


# 10. Bad input: the error names the line.
def bad(name, log, line, code):
    add(f"error-{name}", log, "2026-12-01T09:00", error=(code, line))


bad(
    "unknown-actor",
    Log("BAD-1")("2026-11-02T09:10", "soc01", "receive", item="licensing.decision")(
        "2026-11-02T09:20", "ghost", "accept"
    ),
    2,
    "case.unknown_actor",
)
bad("accept-before-receive", Log("BAD-2")("2026-11-02T09:10", "soc01", "accept"), 1, "case.impossible_transition")
bad(
    "duplicate-id",
    Log("BAD-3")("2026-11-02T09:10", "soc01", "receive", item="licensing.decision"),
    2,
    "case.duplicate_event_id",
)
scenarios[-1]["lines"].append(scenarios[-1]["lines"][0].replace("09:10", "09:20"))
bad(
    "time-backwards",
    Log("BAD-4")("2026-11-02T09:10", "soc01", "receive", item="licensing.decision")(
        "2026-11-02T09:00", "soc01", "accept"
    ),
    2,
    "case.time_goes_backwards",
)
bad(
    "unknown-item",
    Log("BAD-5")("2026-11-02T09:10", "soc01", "receive", item="licensing.karaoke"),
    1,
    "case.unknown_item",
)
bad(
    "unknown-step",
    Log("BAD-6")("2026-11-02T09:10", "soc01", "receive", item="licensing.decision")(
        "2026-11-02T09:20", "soc01", "accept"
    )("2026-11-02T09:30", "soc01", "step_started", step="dance"),
    3,
    "case.unknown_step",
)
bad(
    "resume-without-suspension",
    Log("BAD-7")("2026-11-02T09:10", "soc01", "receive", item="licensing.decision")(
        "2026-11-02T09:20", "soc01", "accept"
    )("2026-11-02T09:30", "soc01", "resume"),
    3,
    "clock.resume_without_suspension",
)
bad(
    "reply-without-referral",
    Log("BAD-8")("2026-11-02T09:10", "soc01", "inquiry", channel="phone")("2026-11-02T09:20", "soc02", "reply"),
    2,
    "case.not_referred",
)
bad(
    "counting-procedure",
    Log("BAD-9")("2026-11-02T09:10", "soc01", "receive", item="civil.social_org_registration")(
        "2026-11-02T09:20", "soc01", "accept"
    )("2026-11-02T09:30", "soc01", "suspend", procedure="site_visit"),
    3,
    "clock.procedure_counts",
)
bad(
    "after-conclusion",
    Log("BAD-10")("2026-11-02T09:10", "mar01", "receive", item="civil.marriage_registration")(
        "2026-11-02T09:20", "mar01", "accept"
    )("2026-11-02T09:30", "mar01", "conclude", outcome="granted", on_the_spot=True)(
        "2026-11-02T09:40", "mar01", "accept"
    ),
    4,
    "case.impossible_transition",
)
bad(
    "unknown-field",
    Log("BAD-11")("2026-11-02T09:10", "soc01", "receive", item="licensing.decision", colour="red"),
    1,
    "case.malformed_line",
)
bad(
    "field-of-another-kind",
    Log("BAD-12")("2026-11-02T09:10", "soc01", "receive", item="licensing.decision")(
        "2026-11-02T09:20", "soc01", "accept", to="soc02"
    ),
    2,
    "case.invalid_event",
)
bad("unknown-kind", Log("BAD-13")("2026-11-02T09:10", "soc01", "teleport"), 1, "case.invalid_event")
bad(
    "malformed-json",
    Log("BAD-14")("2026-11-02T09:10", "soc01", "receive", item="licensing.decision"),
    2,
    "case.malformed_line",
)
scenarios[-1]["lines"].append("{not json")

# 11. On the spot after office hours (docs/domain.md §4.2): received after the close or on a rest
# day, due at the close of the next workday; the handler who concludes next morning is on time.
for cid, received, concluded in [
    ("SPOT-1", "2026-11-06T18:30", "2026-11-09T09:40"),  # Friday evening -> Monday morning
    ("SPOT-2", "2026-10-03T10:00", "2026-10-08T10:00"),  # in the National Day holiday
    ("SPOT-3", "2026-11-02T18:10", "2026-11-02T19:00"),  # the same evening
    ("SPOT-4", "2026-11-06T18:30", "2026-11-10T09:40"),  # Tuesday: a day late
]:
    log = Log(cid)(received, "mar01", "receive", item="civil.marriage_registration")(
        received[:-2] + str(int(received[-2:]) + 2).zfill(2), "mar01", "accept"
    )
    log(concluded, "mar01", "conclude", outcome="granted", on_the_spot=False)
    log(concluded[:-2] + str(int(concluded[-2:]) + 5).zfill(2), "mar01", "result_published")
    add("on-the-spot-after-hours", log, "2026-11-30T09:00")

# 12. A suspension of the case stops the running step's clock (docs/domain.md §4.2): an expert
# review 11-03 to 11-13 inside a 5-workday review; finished, still suspended, and without it.
log = Log("STEP-SUSP-1")("2026-11-02T09:00", "soc01", "receive", item="civil.social_org_registration")(
    "2026-11-02T09:10", "soc01", "accept"
)("2026-11-02T09:20", "soc01", "step_started", step="review")(
    "2026-11-03T10:00", "soc01", "suspend", procedure="expert_review"
)
add("step-suspended-open", log, "2026-11-30T09:00")
log("2026-11-13T10:00", "soc01", "resume")("2026-11-16T16:00", "soc01", "step_finished", step="review")
add("step-suspended-then-finished-in-time", log, "2026-11-17T09:00")
log = Log("STEP-SUSP-2")("2026-11-02T09:00", "soc01", "receive", item="civil.social_org_registration")(
    "2026-11-02T09:10", "soc01", "accept"
)("2026-11-02T09:20", "soc01", "step_started", step="review")(
    "2026-11-03T10:00", "soc01", "suspend", procedure="expert_review"
)("2026-11-05T10:00", "soc01", "resume")("2026-11-16T16:00", "soc01", "step_finished", step="review")
add("step-suspended-briefly-still-late", log, "2026-11-17T09:00")

# 13. A special procedure over its own limit (docs/domain.md §4.3): a third-party consultation
# of 22 workdays against the 15 of 政府信息公开条例 Art. 32; the 7 beyond count toward the reply.
log = Log("PROC-1")("2026-11-02T09:00", "aff01", "receive", item="disclosure.request")(
    "2026-11-02T09:10", "aff01", "accept"
)("2026-11-03T10:00", "aff01", "suspend", procedure="third_party_consultation")
add("procedure-still-running-past-its-limit", log, "2026-11-30T09:00")
log("2026-12-03T10:00", "aff01", "resume")
add("procedure-overrun", log, "2026-12-04T09:00")
log = Log("PROC-2")("2026-11-02T09:00", "aff01", "receive", item="disclosure.request")(
    "2026-11-02T09:10", "aff01", "accept"
)("2026-11-03T10:00", "aff01", "suspend", procedure="third_party_consultation")("2026-11-20T10:00", "aff01", "resume")
add("procedure-within-its-limit", log, "2026-11-21T09:00")

# 14. An information request counts from its receipt (政府信息公开条例 Art. 33), not from the
# recorded acceptance: received 09-30, recorded 10-12.
log = Log("FOI-1")("2026-09-30T10:00", "aff01", "receive", item="disclosure.request")(
    "2026-10-12T10:00", "aff01", "accept"
)
add("information-request-counts-from-receipt", log, "2026-11-05T09:00")

# 15. Parallel review (会审, docs/domain.md §4.2): the same step run by two units, each visit
# judged with its own start and finish.
log = Log("PAR-1")("2026-11-02T09:00", "soc01", "receive", item="civil.social_org_registration")(
    "2026-11-02T09:10", "soc01", "accept"
)("2026-11-02T09:20", "soc01", "step_started", step="review")(
    "2026-11-02T09:30", "aff01", "step_started", step="review"
)("2026-11-05T09:00", "soc01", "step_finished", step="review")(
    "2026-11-12T09:00", "aff01", "step_finished", step="review"
)
add("parallel-review-one-unit-late", log, "2026-11-13T09:00")

# 16. A supplement requested during review (审查中补正, docs/domain.md §4.3) stops the clock until it
# arrives and is not a second one-time notice.
log = Log("REVSUP-1")("2026-09-25T09:00", "soc01", "receive", item="civil.social_org_registration")(
    "2026-09-25T10:00", "soc01", "supplement_request", missing=["章程"]
)("2026-09-28T10:00", "soc01", "supplement_received")("2026-09-28T11:00", "soc01", "accept")(
    "2026-10-12T10:00", "soc01", "supplement_request", missing=["验资报告"]
)
add("supplement-during-review-awaited", log, "2026-10-20T09:00")
log("2026-10-26T10:00", "soc01", "supplement_received")
add("supplement-during-review-received", log, "2026-10-27T09:00")

# 17. Urgent cases (急事急办, docs/domain.md §4.3): the item's urgent limit (1 workday for a social
# organisation's registration; the same workday when the item names none) from the later of the
# marking and the acceptance, special procedures not counted.
log = Log("URG-1")("2026-09-30T16:00", "soc01", "receive", item="civil.social_org_registration")(
    "2026-09-30T16:10", "soc01", "accept"
)("2026-09-30T16:20", "soc-h", "mark_urgent")
add("urgent-due-across-national-day", log, "2026-10-08T17:00")
add("urgent-missed-after-national-day", log, "2026-10-09T09:00")
log("2026-10-09T10:00", "soc01", "conclude", outcome="granted", on_the_spot=False)
add("urgent-concluded-late", log, "2026-10-20T09:00")
log = Log("URG-2")("2026-11-02T09:00", "aff01", "receive", item="licensing.decision")(
    "2026-11-02T09:05", "aff-h", "mark_urgent"
)("2026-11-02T10:00", "aff01", "accept")("2026-11-02T11:00", "aff01", "suspend", procedure="expert_review")(
    "2026-11-04T09:00", "aff01", "resume"
)("2026-11-04T16:00", "aff01", "conclude", outcome="granted", on_the_spot=False)
add("urgent-marked-before-acceptance-suspension-not-counted", log, "2026-11-30T09:00")
log = Log("URG-4")("2026-11-02T09:00", "aff01", "receive", item="licensing.decision")(
    "2026-11-02T09:05", "aff-h", "mark_urgent"
)("2026-11-02T10:00", "aff01", "accept")("2026-11-02T11:00", "aff01", "suspend", procedure="expert_review")(
    "2026-11-04T09:00", "aff01", "resume"
)
add("urgent-open-past-the-close-of-the-resumption-day", log, "2026-11-05T09:00")
log = Log("URG-3")("2026-11-02T09:00", "soc01", "receive", item="civil.social_org_registration")(
    "2026-11-02T17:00", "soc-h", "mark_urgent"
)
add("urgent-marked-not-accepted", log, "2026-11-20T09:00")

# 18. Telling the due date (告知办结时间, docs/domain.md §4.3) within the item's notice limit (5
# workdays by default) after acceptance; not judged by the shipped rule table, judged here.
log = Log("TOLD-1")("2026-09-28T09:00", "mar01", "receive", item="civil.assistance_certificate")(
    "2026-09-28T09:10", "mar01", "accept"
)
add("due-not-told-after-the-notice-limit", log, "2026-10-20T09:00", not_judged=[])
add("due-not-told-not-judged-by-the-shipped-table", log, "2026-10-20T09:00")
log("2026-09-29T09:00", "mar01", "due_told")
add("due-told-in-time", log, "2026-10-20T09:00", not_judged=[])
log = Log("TOLD-2")("2026-09-28T09:00", "soc01", "receive", item="civil.social_org_registration")(
    "2026-09-28T09:10", "soc01", "accept"
)("2026-10-13T09:00", "soc01", "due_told")
add("due-told-late", log, "2026-10-20T09:00", not_judged=[])
log = Log("TOLD-3")("2026-09-28T09:00", "soc01", "receive", item="civil.social_org_registration")(
    "2026-09-28T09:10", "soc01", "accept"
)("2026-09-30T11:00", "soc01", "conclude", outcome="granted", on_the_spot=False)
add("concluded-within-the-notice-limit-needs-no-notice", log, "2026-10-20T09:00", not_judged=[])
# 19. An extension approved by the head of the unit the item names (政府信息公开条例 Art. 33: the
# disclosure office, here the bureau office): another unit's head is an unauthorized approver;
# the agency head may approve for any unit.
for cid, approver in [("APPR-1", "soc-h"), ("APPR-2", "dir01")]:
    log = Log(cid)("2026-09-28T09:00", "off01", "receive", item="disclosure.request")(
        "2026-09-28T09:10", "off01", "accept"
    )("2026-10-20T10:00", "off01", "extension_requested", amount=20, reason="third-party views")(
        "2026-10-21T10:00", approver, "extension_approved"
    )("2026-10-22T10:00", "off01", "applicant_notified")
    add(f"disclosure-extension-approved-by-{approver}", log, "2026-11-20T09:00")

bad("due-told-before-acceptance", Log("BAD-15")("2026-11-02T09:00", "soc01", "receive", item="civil.social_org_registration")(
    "2026-11-02T09:05", "soc01", "due_told"), 2, "case.impossible_transition")  # fmt: skip

doc = {
    "description": "Case-log scenarios: a clean path for every shipped item, every finding code at least twice, "
    "timings on holiday boundaries, history at an earlier as_of, years without data, and bad input whose error "
    "names the line. Generated by generate_cases.py with the independent oracle (oracle.py).",
    "context": "CaseContext.sample(): Calendar.china(), ItemCatalog.templates(), the sample roster "
    "(efficiency-core/data/sample/roster.json), the default finding rules (efficiency-core/data/rules/findings.json).",
    "how": "Build the case from the JSON lines in order (Case.from_jsonl); expect is its status at as_of "
    "(findings in time order with code, severity, at, evidence event ids and people; clock fields as in "
    "clock.json) or {error, line} for the first failing line.",
}
counts = {}
for sc in scenarios:
    for f in sc["expect"].get("findings", []):
        counts[f["code"]] = counts.get(f["code"], 0) + 1
head = json.dumps(doc, ensure_ascii=False, indent=1)[:-2]
body = ",\n".join(json.dumps(s, ensure_ascii=False, separators=(",", ":")) for s in scenarios)
out = ROOT / "tests/vectors/cases/cases.json"
out.write_text(head + ',\n "scenarios": [\n' + body + "\n ]\n}\n")
print(f"wrote {len(scenarios)} scenarios to {out.relative_to(ROOT)}")
print("findings:", json.dumps(dict(sorted(counts.items()))))


# The finding catalog with one worked example per code, taken from the scenarios above.
doc_lines = [
    "# Finding catalog",
    "",
    "Every finding a case can produce, with its default severity and the file that judges it (from the one",
    "catalog, `efficiency-core/src/catalog.rs`; a bureau sets its own severities in `findings.json`)",
    "and a worked example taken from `tests/vectors/cases/cases.json` (generated by",
    "`tests/vectors/generate_cases.py`; the same examples run in Rust, Python, Node and Chromium).",
    "The catalog is enumerable in every language: `efficiency_core::catalog::FINDING_CATALOG`,",
    "`efficiency.FINDING_CATALOG`, `findingCatalog()`.",
    "",
]

# The catalog (efficiency-core/src/catalog.rs) is the one list of codes: names, default severity,
# the domain section and the rule's file are read from it.
CATALOG = (ROOT / "efficiency-core/src/catalog.rs").read_text()
CATALOG = CATALOG[CATALOG.index("FINDING_CATALOG {") : CATALOG.index("ActivityCode,")]
INFO = {
    m[1]: (m[5], m[6], m[7], m[3], m[4])
    for m in re.findall(
        r'(\w+) => "([^"]+)", (\w+), "([^"]+)", "([^"]+)",\s*"([^"]+)", "([^"]+)",\s*"([^"]+)";',
        CATALOG,
    )
}
seen = set()
for sc in scenarios:
    for f in sc["expect"].get("findings", []):
        if f["code"] in seen:
            continue
        seen.add(f["code"])
        doc_lines += [
            f"## `{f['code']}` — {INFO[f['code']][0]} ({INFO[f['code']][1]}), default {f['severity']}",
            "",
            INFO[f["code"]][2],
            "",
            f"Rule: `efficiency-core/src/{INFO[f['code']][4]}` (docs/domain.md {INFO[f['code']][3]}).",
            "",
            f"Scenario `{sc['id']}`, judged at {sc['as_of']}:",
            "",
            "```jsonl",
            *sc["lines"],
            "```",
            "",
            (
                f"→ at {f['at']}, evidence events {', '.join(f['events']) or '(none: the limit ran out)'}, "
                f"people {', '.join(f['people'])}."
            ),
            "",
        ]
(ROOT / "docs").mkdir(exist_ok=True)
(ROOT / "docs/findings.md").write_text("\n".join(doc_lines))
print(f"wrote docs/findings.md ({len(seen)} codes)")
