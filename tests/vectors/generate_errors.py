#!/usr/bin/env python3
"""Writes tests/vectors/errors.json: bad inputs and the error code each must give.

Every case names an operation by its id in tests/api.json (the API manifest), the arguments as
JSON, and the expected `code` (and, for a refused argument, the `field` it names). The same file
is run by the Rust tests (through the core's boundary values), by pytest, and by the JS API under
Node and in headless Chromium: the same input must give the same code in every language.

Arguments that JSON cannot spell are tagged: {"$float": "nan" | "inf" | "-inf"}.
Receivers: a `calendar.*` operation runs on Calendar.china(); `clock.*` on a clock accepted
2026-09-28T10:00 with 20 workdays (events given in "before" are applied first); `case.*` on
the case in `case_lines` (the sample context); `organisation.*` on the sample organisation;
`accountability_rules.*` on the default rules; `campaign.*` on Campaign(2026).

The expected codes are the rules of the boundary, written here by hand, not read back from the
library: wrong JSON type -> argument.wrong_type, null -> argument.missing, a fraction, NaN or
infinity -> argument.not_whole, outside the kind's range -> argument.out_of_range, a date or time
that does not parse -> calendar.invalid_date / clock.invalid_time, a year without holiday data ->
calendar.year_not_covered, and each area's own code for a document or a step it refuses.

    python3 tests/vectors/generate_errors.py
"""

import json
import pathlib

OUT = pathlib.Path(__file__).with_name("errors.json")
NAN, INF, NINF = {"$float": "nan"}, {"$float": "inf"}, {"$float": "-inf"}
cases = []


def add(name, op, args, code, field=None, **extra):
    c = {"id": f"{len(cases):03d}-{name}", "op": op, "args": args, "expect": {"code": code}}
    if field is not None:
        c["expect"]["field"] = field
    c.update(extra)
    cases.append(c)


# Values of the wrong JSON type for an argument, and what each gives.
WRONG = [("number", 42), ("bool", True), ("list", []), ("object", {})]


def bad_date(op, field, before=(), after=()):
    """`field` is a date argument at position len(before)."""
    pre, post = list(before), list(after)
    for name, v in WRONG:
        add(f"{op}-{field}-{name}", op, pre + [v] + post, "argument.wrong_type", field)
    add(f"{op}-{field}-null", op, pre + [None] + post, "argument.missing", field)
    for name, text in [
        ("feb-30", "2026-02-30"),
        ("unpadded", "2026-9-15"),
        ("empty", ""),
        ("words", "next monday"),
        ("slashes", "2026/09/15"),
    ]:
        add(f"{op}-{field}-{name}", op, pre + [text] + post, "calendar.invalid_date", field)


def bad_time(op, field, before=(), after=(), code="clock.invalid_time", extra=None):
    pre, post = list(before), list(after)
    kw = extra or {}
    for name, v in WRONG[:2]:
        add(f"{op}-{field}-{name}", op, pre + [v] + post, "argument.wrong_type", field, **kw)
    add(f"{op}-{field}-null", op, pre + [None] + post, "argument.missing", field, **kw)
    for name, text in [
        ("hour-25", "2026-09-28T25:00"),
        ("month-13", "2026-13-01T10:00"),
        ("trailing", "2026-09-28T10:00 tomorrow"),
        ("bad-zone", "2026-09-28T10:00+25:00"),
    ]:
        add(f"{op}-{field}-{name}", op, pre + [text] + post, code, field, **kw)


def bad_whole(op, field, kind, before=(), after=()):
    pre, post = list(before), list(after)
    for name, v in [("text", "3"), ("bool", True), ("list", [5])]:
        add(f"{op}-{field}-{name}", op, pre + [v] + post, "argument.wrong_type", field)
    add(f"{op}-{field}-null", op, pre + [None] + post, "argument.missing", field)
    for name, v in [("fraction", 2.5), ("nan", NAN), ("inf", INF), ("-inf", NINF)]:
        add(f"{op}-{field}-{name}", op, pre + [v] + post, "argument.not_whole", field)
    low, high = {
        "offset": (-(2**31) - 1, 2**31),
        "amount": (-1, 2**32),
        "year": (1, 9999),
        "seed": (-1, 2**32),
        "sample_cases": (-1, 100_001),
    }[kind]
    add(f"{op}-{field}-below", op, pre + [low] + post, "argument.out_of_range", field)
    add(f"{op}-{field}-above", op, pre + [high] + post, "argument.out_of_range", field)
    add(f"{op}-{field}-huge", op, pre + [2**70] + post, "argument.out_of_range", field)


def bad_text(op, field, before=(), after=()):
    pre, post = list(before), list(after)
    for name, v in WRONG:
        add(f"{op}-{field}-{name}", op, pre + [v] + post, "argument.wrong_type", field)
    add(f"{op}-{field}-null", op, pre + [None] + post, "argument.missing", field)


# --- calendar -------------------------------------------------------------------------------
for op in ["calendar.is_workday", "calendar.day_kind", "calendar.next_workday"]:
    bad_date(op, "date")
for op in ["calendar.holiday_name", "calendar.day_info", "calendar.previous_workday", "calendar.is_provisional"]:
    add(f"{op}-date-number", op, [42], "argument.wrong_type", "date")
    add(f"{op}-date-feb-29", op, ["2026-02-29"], "calendar.invalid_date", "date")
for op in ["calendar.is_workday", "calendar.day_info", "calendar.next_workday"]:
    add(f"{op}-before-data", op, ["2003-06-02"], "calendar.year_not_covered")
    add(f"{op}-after-data", op, ["2031-06-02"], "calendar.year_not_covered")
bad_date("calendar.add_workdays", "date", after=[5])
bad_whole("calendar.add_workdays", "n", "offset", before=["2026-09-28"])
add("add-workdays-runs-off-the-data", "calendar.add_workdays", ["2026-12-20", 20], "calendar.year_not_covered")
add("add-workdays-back-off-the-data", "calendar.add_workdays", ["2004-01-05", -20], "calendar.year_not_covered")
bad_whole("calendar.explain_add_workdays", "n", "offset", before=["2026-09-28"])
# About twelve years of days: more than an explanation lists (MAX_EXPLAINED_DAYS), a coded error.
add(
    "explain-add-workdays-too-long",
    "calendar.explain_add_workdays",
    ["2005-01-04", 3000],
    "calendar.explanation_too_long",
)
bad_date("calendar.workdays_between", "a", after=["2026-10-30"])
bad_date("calendar.workdays_between", "b", before=["2026-09-28"])
for name, v in [("number", 1), ("text", "yes"), ("list", [])]:
    add(f"calendar-china-provisional-{name}", "Calendar.china", [v], "argument.wrong_type", "provisional")
bad_text("Calendar.from_json", "text")
add("calendar-json-broken", "Calendar.from_json", ["{"], "calendar.invalid_data")
add("calendar-json-empty-object", "Calendar.from_json", ["{}"], "calendar.invalid_data")
add("calendar-json-wrong-format", "Calendar.from_json", ['{"format": "other/1", "years": []}'], "calendar.invalid_data")
bad_text("calendar.with_year", "year_json")
add("calendar-with-year-broken", "calendar.with_year", ["[1, 2"], "calendar.invalid_data")

# --- time limits and clocks -----------------------------------------------------------------
for op in ["TimeLimit.workdays", "TimeLimit.natural_days", "TimeLimit.work_hours"]:
    bad_whole(op, "n", "amount")
bad_whole("TimeLimit.new", "amount", "amount", after=["workdays"])
add("time-limit-unit-unknown", "TimeLimit.new", [5, "fortnights"], "clock.unknown_unit", "unit")
add("time-limit-unit-number", "TimeLimit.new", [5, 3], "argument.wrong_type", "unit")
add("time-limit-unit-null", "TimeLimit.new", [5, None], "argument.missing", "unit")
bad_time("Clock.new", "accepted_at", after=[20])
bad_time("clock.suspend", "at", after=["expert review"])
bad_text("clock.suspend", "reason", before=["2026-10-09T10:00"])
bad_time("clock.resume", "at")
add("clock-resume-without-suspension", "clock.resume", ["2026-10-09T10:00"], "clock.resume_without_suspension")
add(
    "clock-suspend-twice",
    "clock.suspend",
    ["2026-10-12T10:00", "again"],
    "clock.already_suspended",
    before=[["suspend", "2026-10-09T10:00", "expert review"]],
)
add("clock-event-before-acceptance", "clock.suspend", ["2026-09-27T10:00", "early"], "clock.before_acceptance")
add(
    "clock-event-out-of-order",
    "clock.resume",
    ["2026-10-09T10:00"],
    "clock.time_goes_backwards",
    before=[["suspend", "2026-10-12T10:00", "expert review"]],
)
add(
    "clock-event-after-conclusion",
    "clock.notify_applicant",
    ["2026-10-13T10:00"],
    "clock.after_conclusion",
    before=[["conclude", "2026-10-12T10:00"]],
)
bad_whole("clock.request_extension", "amount", "amount", before=["2026-10-20T10:00"], after=["complex"])
bad_time("clock.request_extension", "at", after=[5, "complex"])
bad_text("clock.approve_extension", "approver", before=["2026-10-20T10:00"])
bad_time("clock.conclude", "at")
bad_time("clock.status", "as_of")
add("clock-status-after-data", "clock.status", ["2031-01-05T10:00"], "calendar.year_not_covered")

EVAL = ["2026-09-28T10:00", "2026-09-29T10:00"]
add(
    "evaluate-clocks-amount-negative",
    "evaluate_clocks",
    [EVAL, -1, "workdays", "2026-10-29T09:00"],
    "argument.out_of_range",
    "amount",
)
add(
    "evaluate-clocks-amount-text",
    "evaluate_clocks",
    [EVAL, "20", "workdays", "2026-10-29T09:00"],
    "argument.wrong_type",
    "amount",
)
add(
    "evaluate-clocks-unit-unknown",
    "evaluate_clocks",
    [EVAL, 20, "weeks", "2026-10-29T09:00"],
    "clock.unknown_unit",
    "unit",
)
add(
    "evaluate-clocks-as-of-bad",
    "evaluate_clocks",
    [EVAL, 20, "workdays", "2026-10-32T09:00"],
    "clock.invalid_time",
    "as_of",
)
add(
    "evaluate-clocks-lengths",
    "evaluate_clocks",
    [EVAL, [20, 20, 20], "workdays", "2026-10-29T09:00"],
    "argument.length_mismatch",
    "amount",
)

# --- cases ----------------------------------------------------------------------------------
RECEIVE = '{"id":"e1","case":"C1","at":"2026-09-28T09:10:00","actor":"aff01","event":"receive","item":"licensing.decision","window":"W1"}'
ACCEPT = RECEIVE + '\n{"id":"e2","case":"C1","at":"2026-09-28T09:20:00","actor":"aff01","event":"accept"}'
bad_text("Case.from_jsonl", "text")
add("case-jsonl-broken", "Case.from_jsonl", ["{"], "case.malformed_line", line=1)
add(
    "case-jsonl-unknown-event",
    "Case.from_jsonl",
    [RECEIVE.replace('"receive"', '"teleport"')],
    "case.invalid_event",
    line=1,
)
add(
    "case-jsonl-bad-time",
    "Case.from_jsonl",
    [RECEIVE.replace("2026-09-28T09:10:00", "2026-09-31T09:10:00")],
    "case.invalid_event",
    line=1,
)
add(
    "case-status-year-not-covered",
    "case.status",
    ["2031-10-01T09:00"],
    "calendar.year_not_covered",
    case_lines=ACCEPT.replace("2026-09-28", "2031-09-29").split("\n"),
)
add(
    "case-jsonl-two-cases",
    "Case.from_jsonl",
    [RECEIVE + "\n" + RECEIVE.replace('"e1"', '"e2"').replace('"C1"', '"C2"')],
    "case.wrong_case",
    line=2,
)
bad_time("case.status", "as_of", extra={"case_lines": ACCEPT.split("\n")})

# --- organisation, accountability -----------------------------------------------------------
bad_text("Organisation.from_json", "text")
add("organisation-json-broken", "Organisation.from_json", ["{"], "org.invalid_json")
add("organisation-json-empty", "Organisation.from_json", ["{}"], "org.invalid_json")
bad_text("organisation.chain", "person")
add("organisation-chain-unknown", "organisation.chain", ["nobody"], "org.unknown_person")
add("organisation-unit-chain-unknown", "organisation.unit_chain", ["kitchen"], "org.unknown_unit")
bad_text("AccountabilityRules.from_json", "text")
add("accountability-rules-broken", "AccountabilityRules.from_json", ["{"], "accountability.invalid_rules")
add("accountability-rules-empty", "AccountabilityRules.from_json", ["{}"], "accountability.invalid_rules")
SAN = "accountability_rules.sanction_span"
bad_date(SAN, "start", before=[[], ["warning"]])
add("sanction-new-unknown", SAN, [[], ["flogging"], "2026-07-01"], "argument.invalid_choice", "imposed[0]")
add("sanction-new-not-a-list", SAN, [[], "warning", "2026-07-01"], "argument.wrong_type", "imposed")
add("sanction-running-not-a-list", SAN, [42, ["warning"], "2026-07-01"], "argument.wrong_type", "running")
add(
    "sanction-running-bad-date",
    SAN,
    [[["warning", "2026-9-1"]], ["warning"], "2026-07-01"],
    "calendar.invalid_date",
    "running[0].start",
)

# --- assessment, campaign, review -----------------------------------------------------------
bad_text("AssessmentRules.from_json", "text")
add("assessment-rules-broken", "AssessmentRules.from_json", ["{"], "assessment.invalid_rules")
add("assessment-rules-empty", "AssessmentRules.from_json", ["{}"], "assessment.invalid_rules")
add("assessment-rules-toml-broken", "AssessmentRules.from_toml", ["version = "], "assessment.invalid_rules")
bad_whole("Campaign.new", "year", "year")
add("campaign-plan-broken", "Campaign.new", [2026, "{"], "campaign.invalid_plan")
add("campaign-plan-empty", "Campaign.new", [2026, "{}"], "campaign.invalid_plan")
add("campaign-plan-number", "Campaign.new", [2026, 42], "argument.wrong_type", "template_json")
bad_date("campaign.phase_on", "date")
bad_whole("annual_review_sample", "year", "year", after=[10, 1])
bad_whole("annual_review_sample", "cases", "sample_cases", before=[2026], after=[1])
bad_whole("annual_review_sample", "seed", "seed", before=[2026, 10])
add("review-year-without-data", "annual_review_sample", [2031, 10, 1], "calendar.year_not_covered")
COMPLAINT = {
    "id": "K9",
    "received_at": "2031-09-24T10:00:00",
    "channel": "hotline",
    "about": {"unit": "social_org", "person": "soc02"},
    "handler": "off01",
    "summary": "a year the calendar does not cover",
}
ACTIVITY_2031 = json.dumps({"format": "efficiency.activity/1", "complaints": [COMPLAINT]})
add(
    "complaint-in-a-year-without-data",
    "activity.faults",
    [ACTIVITY_2031, "2031-12-01T00:00"],
    "calendar.year_not_covered",
    "complaints[0] (K9)",
)
add("activity-faults-as-of-bad", "activity.faults", [ACTIVITY_2031, "2031-13-01T00:00"], "clock.invalid_time", "as_of")
bad_text("Activity.from_json", "text")
add("activity-broken", "Activity.from_json", ["{"], "activity.invalid")

# --- batches: never fail whole; one error per bad row, naming the row -------------------------
batches = []


def batch(name, op, args, rows):
    batches.append({"id": f"b{len(batches):02d}-{name}", "op": op, "args": args, "rows": rows})


DATES = ["2026-09-28", "2026-02-30", None, 42, "2031-01-05", "2026-9-28", "2026-10-08"]
DATE_ROWS = [
    [1, "calendar.invalid_date"],
    [3, "argument.wrong_type"],
    [4, "calendar.year_not_covered"],
    [5, "calendar.invalid_date"],
]
batch("add-workdays-bad-dates", "calendar.add_workdays_many", [DATES, 20], DATE_ROWS)
batch(
    "add-workdays-bad-counts",
    "calendar.add_workdays_many",
    [["2026-09-28"] * 6, [20, 2.5, NAN, -(2**31) - 1, "3", None]],
    [
        [1, "argument.not_whole"],
        [2, "argument.not_whole"],
        [3, "argument.out_of_range"],
        [4, "argument.wrong_type"],
        [5, "argument.missing"],
    ],
)
batch(
    "add-workdays-runs-off-the-data",
    "calendar.add_workdays_many",
    [["2026-12-20", "2026-12-01"], 20],
    [[0, "calendar.year_not_covered"]],
)
batch(
    "workdays-between-bad-cells",
    "calendar.workdays_between_many",
    [["2026-09-28", "2026-02-30", "2026-09-28", "2003-01-02"], ["2026-10-30", "2026-10-30", True, "2026-10-30"]],
    [[1, "calendar.invalid_date"], [2, "argument.wrong_type"], [3, "calendar.year_not_covered"]],
)
batch(
    "evaluate-clocks-bad-rows",
    "evaluate_clocks",
    [
        ["2026-09-28T10:00", "2026-09-28 25:00", None, "2026-12-20T10:00", "2026-09-28T10:00"],
        20,
        "workdays",
        "2026-12-31T09:00",
    ],
    [[1, "clock.invalid_time"], [3, "calendar.year_not_covered"]],
)
batch(
    "evaluate-clocks-bad-amounts",
    "evaluate_clocks",
    [["2026-09-28T10:00"] * 4, [20, -1, 1.5, 20], "workdays", "2026-10-29T09:00"],
    [[1, "argument.out_of_range"], [2, "argument.not_whole"]],
)

# The accountability list and the scorecards as every language is given them (decided by the
# core's accountability_list_of and score_units_of): a period is a pair of times, faults and
# inputs are records, metrics may be columns. Args: faults, period (accountability_list);
# units, period, input (score_units; input's keys are Python keywords and JS options).
YEAR = ["2026-01-01T00:00", "2027-01-01T00:00"]
FAULT = {
    "source": "case C1",
    "code": "time_limit.statutory_missed",
    "severity": "serious",
    "at": "2026-10-30T17:30:00",
    "people": ["aff01"],
}
add(
    "accountability-list-period-of-one",
    "accountability_list",
    [[FAULT], ["2026-01-01T00:00"]],
    "argument.invalid",
    "period",
)
add("accountability-list-period-not-a-pair", "accountability_list", [[FAULT], "2026"], "argument.wrong_type", "period")
add(
    "accountability-list-period-bad-end",
    "accountability_list",
    [[FAULT], ["2026-01-01T00:00", "2026-13-01"]],
    "clock.invalid_time",
    "period[1]",
)
add(
    "accountability-list-faults-not-a-list",
    "accountability_list",
    ["x", YEAR],
    "accountability.invalid_fault",
    "faults",
)
add(
    "accountability-list-fault-without-code",
    "accountability_list",
    [[{k: v for k, v in FAULT.items() if k != "code"}], YEAR],
    "accountability.invalid_fault",
    "faults",
)
add("score-units-units-not-a-list", "score_units", ["office", YEAR, {}], "argument.wrong_type", "units")
add("score-units-unit-not-text", "score_units", [["office", 3], YEAR, {}], "argument.wrong_type", "units[1]")
add("score-units-period-missing", "score_units", [["office"], None, {}], "argument.missing", "period")
add(
    "score-units-metrics-ragged-columns",
    "score_units",
    [["office"], YEAR, {"metrics": {"group": ["office"], "concluded": []}}],
    "argument.length_mismatch",
    "metrics",
)
add(
    "score-units-inspection-not-a-record",
    "score_units",
    [["office"], YEAR, {"inspections": [3]}],
    "assessment.invalid_input",
    "inspections",
)

ids = [c["id"] for c in cases]
assert len(ids) == len(set(ids)), "duplicate ids"
doc = {
    "about": __doc__.strip().splitlines()[0],
    "how": "cases: call op with args on its receiver; expect the error's code (and field, and line when given). "
    "batches: the call succeeds and reports exactly these (row, code) errors, in row order.",
    "cases": cases,
    "batches": batches,
}
OUT.write_text(
    json.dumps(doc, ensure_ascii=False, indent=None, separators=(",", ":")).replace('},{"id"', '},\n{"id"') + "\n"
)
print(f"wrote {OUT} ({len(cases)} cases)")
