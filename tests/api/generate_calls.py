#!/usr/bin/env python3
"""Writes tests/api/calls.json: every public operation of tests/api/manifest.json called once or
more, with the answer Python gives. The JS tests (Node and Chromium) give each step the same
arguments through their own argument forms and must give the same answer; the Python tests check
the file is current; both check every result against the type the manifest names.

    .venv/bin/python tests/api/generate_calls.py [--check]
"""

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "efficiency-py/tests"))
import calls

OUT = ROOT / "tests/api/calls.json"
steps: list[dict] = []


def s(op, on=None, let=None, **args):
    step = {"op": op}
    if on:
        step["on"] = on
    if args:
        step["args"] = args
    if let:
        step["let"] = let
    steps.append(step)


def ref(name):
    return {"$": name}


LOG = "\n".join(
    json.dumps(e, separators=(",", ":"))
    for e in [
        {
            "id": "e1",
            "case": "C1",
            "at": "2026-09-28T09:00:00",
            "actor": "soc01",
            "event": "receive",
            "item": "civil.social_org_registration",
        },
        {"id": "e2", "case": "C1", "at": "2026-09-28T09:30:00", "actor": "soc01", "event": "accept"},
        {
            "id": "e3",
            "case": "C1",
            "at": "2026-11-20T10:00:00",
            "actor": "soc01",
            "event": "conclude",
            "outcome": "granted",
            "on_the_spot": False,
        },
    ]
)
LOG2 = LOG.replace('"C1"', '"C2"').replace("2026-11-20", "2026-10-09")
Y2027 = json.dumps(
    {
        "year": 2027,
        "notice": "国务院办公厅关于2027年部分节假日安排的通知 (test copy)",
        "periods": [
            {
                "festivals": [{"name": "New Year's Day", "name_zh": "元旦", "statutory": ["2027-01-01"]}],
                "from": "2027-01-01",
                "to": "2027-01-03",
            }
        ],
    },
    ensure_ascii=False,
)
OVERLAY = json.dumps(
    {
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
    },
    ensure_ascii=False,
)
YEAR = ["2026-01-01T00:00", "2027-01-01T00:00"]
FAULT = {
    "source": "case C1",
    "code": "time_limit.statutory_missed",
    "severity": "serious",
    "at": "2026-10-30T17:30:00",
    "people": ["aff01"],
}
FORM = {
    "unit": "affairs",
    "items": [
        {
            "system": "time_limit",
            "problem": "p1",
            "measure": "m1",
            "responsible": "aff-h",
            "deadline": "2026-10-15",
            "notice_from": "2026-08-20",
            "notice_to": "2026-09-03",
        },
        {
            "system": "conduct",
            "problem": "p2",
            "measure": "m2",
            "responsible": "aff01",
            "deadline": "2026-09-30",
            "notice_from": "2026-08-20",
            "notice_to": "2026-09-03",
            "done_at": "2026-10-02T16:00:00",
        },
    ],
}

# The calendar.
s("calendar.china", let="cal")
s("calendar.china", provisional=True, let="cal_p")
s("calendar.add_workdays", on="cal", date="2026-09-30", n=5)
s("calendar.add_workdays", on="cal", date="2026-10-09", n=-5)
s("calendar.add_workdays", on="cal", date="2031-01-02", n=1)
s("calendar.add_workdays", on="cal_p", date="2026-12-30", n=3)
s("calendar.add_workdays_many", on="cal", dates=["2026-09-30", "2026-10-08", "2026-12-20"], n=5)
s("calendar.workdays_between", on="cal", a="2026-09-28", b="2026-10-12")
s("calendar.workdays_between_many", on="cal", a=["2026-09-28", "2026-01-01"], b=["2026-10-12", "2026-02-01"])
s("calendar.day_info", on="cal", date="2026-10-10")
s("calendar.day_kind", on="cal", date="2026-10-01")
s("calendar.explain_add_workdays", on="cal", date="2026-09-28", n=5)
s("calendar.holiday_name", on="cal", date="2026-10-01")
s("calendar.holiday_name", on="cal", date="2026-10-12")
s("calendar.is_provisional", on="cal_p", date="2027-01-04")
s("calendar.is_workday", on="cal", date="2026-10-10")
s("calendar.next_workday", on="cal", date="2026-10-01")
s("calendar.previous_workday", on="cal", date="2026-10-08")
s("calendar.covered_years", on="cal")
s("calendar.provisional", on="cal_p")
s("calendar.regions", on="cal")
s("calendar.zone", on="cal")
s("calendar.to_json", on="cal", let="cal_json")
s("calendar.from_json", text=ref("cal_json"), let="cal2")
s("calendar.with_year", on="cal", year_json=Y2027, let="cal27")
s("calendar.covered_years", on="cal27")
s("calendar.with_overlay", on="cal", overlay_json=OVERLAY, let="gx")
s("calendar.is_workday", on="gx", date="2026-04-20")
s("calendar.with_provisional", on="cal", provisional=True, let="cal_p2")
s("data.china_calendar")
# Time limits and the clock.
s("time_limit", amount=20, unit="workdays", let="tl")
s("time_limit", amount=5, unit="on_the_spot")
s("time_limit.workdays", n=20, let="tl20")
s("time_limit.natural_days", n=60)
s("time_limit.work_hours", n=4)
s("time_limit.months", n=2)
s("time_limit.on_the_spot")
s("time_limit.none", let="tl_none")
s("time_limit.str", on="tl_none")
s("time_limit.amount", on="tl")
s("time_limit.unit", on="tl")
s("time_limit.str", on="tl")
s(
    "clock",
    calendar=ref("cal"),
    accepted_at="2026-09-28T10:00",
    statutory=ref("tl20"),
    promised={"amount": 10, "unit": "workdays"},
    max_extension=10,
    let="clock",
)
s("clock.status", on="clock", as_of="2026-10-08T09:00")
s("clock.suspend", on="clock", at="2026-10-09T15:00", reason="expert_review")
s("clock.resume", on="clock", at="2026-10-13T09:00")
s("clock.request_extension", on="clock", at="2026-10-26T10:00", amount=10, reason="site inspection")
s("clock.approve_extension", on="clock", at="2026-10-27T10:00", approver="agency_head")
s("clock.notify_applicant", on="clock", at="2026-10-28T10:00")
s("clock.status", on="clock", as_of="2026-11-02T09:00")
s("clock.explain", on="clock", as_of="2026-11-02T09:00")
s("clock.explain", on="clock", as_of="2026-11-02T09:00", promised=True)
s("clock.events", on="clock")
s("clock.conclude", on="clock", at="2026-11-20T10:00")
s("clock.status", on="clock", as_of="2026-11-21T09:00")
s("clock", calendar=ref("cal"), accepted_at="2026-09-28T10:00", statutory=ref("tl20"), let="clock2")
s("clock.supplement_notice", on="clock2", received_at="2026-09-18T10:00", notice_at="2026-09-28T10:00")
s("clock.status", on="clock2", as_of="2026-10-20T09:00")
s(
    "evaluate_clocks",
    calendar=ref("cal"),
    accepted_at=["2026-09-28T10:00", "2026-10-09T10:00"],
    amount=[20, 5],
    unit="workdays",
    as_of="2026-10-29T09:00",
)
# JS takes the columns as one object (forms_differ).
steps[-1]["js"] = [
    ref("cal"),
    {
        "acceptedAt": ["2026-09-28T10:00", "2026-10-09T10:00"],
        "amount": [20, 5],
        "unit": "workdays",
        "asOf": "2026-10-29T09:00",
    },
]
# Items.
s("item_catalog.templates", let="items")
s("item_catalog.codes", on="items")
s("item_catalog.len", on="items")
s("item_catalog.getitem", on="items", key="civil.social_org_registration", let="item")
s("item_catalog.getitem", on="items", key="civil.nothing")
s("service_item.code", on="item")
s("service_item.name", on="item")
s("service_item.name_zh", on="item")
s("service_item.legal_basis", on="item")
s("service_item.statutory", on="item")
s("service_item.promised", on="item")
s("service_item.urgent", on="item")
s("service_item.to_json", on="item", let="item_json")
s("service_item.clock", on="item", calendar=ref("cal"), accepted_at="2026-09-28T10:00", let="item_clock")
s("clock.status", on="item_clock", as_of="2026-10-20T09:00")
s("data.item_templates", let="templates_json")
s("item_catalog.from_json", text=ref("templates_json"), let="items2")
s(
    "item_catalog.from_toml",
    text='format = "efficiency.items/1"\n[[items]]\ncode = "x.one"\nname = "One"\nname_zh = "一"\n'
    'legal_basis = "test"\nstatutory = { amount = 5, unit = "workdays" }\n',
)
# Cases.
s("case_context.sample", let="ctx")
s("case_context.staff_ids", on="ctx")
s("data.sample_roster", let="roster")
s("data.finding_rules", let="finding_rules")
s(
    "case_context",
    calendar=ref("cal"),
    items=ref("items"),
    roster_json=ref("roster"),
    rules_json=ref("finding_rules"),
    let="ctx2",
)
s("case.from_jsonl", context=ref("ctx"), text=LOG, let="case")
# Texts in English, and a bureau's own wording of one message (its Fluent file).
s("case_context.with_lang", on="ctx", lang="en", let="ctx_en")
s("case.from_jsonl", context=ref("ctx_en"), text=LOG, let="case_en")
s("case.findings", on="case_en", as_of="2026-12-01T09:00")
s(
    "case_context.with_messages",
    on="ctx",
    lang="zh",
    name="bureau.ftl",
    text="time_limit-statutory_missed = 超过法定时限（{ $limit }，{ $due }届满）\n",
    let="ctx_own",
)
s("case.from_jsonl", context=ref("ctx_own"), text=LOG, let="case_own")
s("case.findings", on="case_own", as_of="2026-12-01T09:00")
s("case.id", on="case")
s("case.len", on="case")
s("case.stage", on="case")
s("case.status", on="case", as_of="2026-12-01T09:00")
s("case.findings", on="case", as_of="2026-12-01T09:00")
s("case.faults", on="case", as_of="2026-12-01T09:00", let="faults")
s("case.to_jsonl", on="case")
s("case", context=ref("ctx"), case_id="C9", let="case9")
s(
    "case.append",
    on="case9",
    event='{"id":"e1","case":"C9","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}',
)
s(
    "case.append",
    on="case9",
    event={"id": "e2", "case": "C9", "at": "2026-11-02T09:05:00", "actor": "off01", "event": "accept"},
)
s("case.append", on="case9", event=3)
s("case.findings", on="case9", as_of="2026-11-03T09:00")
s("case.from_jsonl", context="not a context", text=LOG)
s("case_replay", context=ref("ctx"), as_of="2026-12-01T00:00", period=YEAR, let="replay")
s("case_replay.push_lines", on="replay", lines=LOG + "\n" + LOG2 + "\n")
s("case_replay.cases", on="replay")
s("case_replay.take_statuses", on="replay")
s("case_replay.take_errors", on="replay")
s("case_replay.finish", on="replay")
s("case_replay.metrics", on="replay", let="metrics")
s("case_replay", context=ref("ctx"), as_of="2026-12-01T00:00", let="replay2")
s("case_replay.metrics", on="replay2")
s("replay_cases", context=ref("ctx"), lines=LOG + "\n" + LOG2 + "\n", as_of="2026-12-01T00:00")
s("case_tables", context=ref("ctx"), events=LOG + "\n" + LOG2 + "\n", as_of="2026-12-01T00:00", period=YEAR)
s(
    "merge_metrics",
    partials=[
        {"group": "social_org", "concluded": 1, "on_time": 1, "on_the_spot": 0, "early": 0},
        {"group": "social_org", "concluded": 2, "on_time": 1, "on_the_spot": 0, "early": 1},
    ],
)
s("supervision_board", context=ref("ctx"), events=LOG, as_of="2026-11-10T09:00")
s("supervision_board", context=ref("ctx"), events=LOG, as_of="2026-11-10T09:00", group_by="window")
s("data.supervision_rules")
# The organisation, accountability, activity and disclosure.
s("organisation.sample", let="org")
s("organisation.chain", on="org", person="aff01")
s("organisation.unit_chain", on="org", unit="affairs")
s("organisation.to_json", on="org", let="org_json")
s("organisation.roster_json", on="org")
s("organisation.from_json", text=ref("org_json"))
s("data.sample_organisation")
s("accountability_rules", let="acc_rules")
s(
    "accountability_rules.sanction_span",
    on="acc_rules",
    running=[["warning", "2026-03-01"]],
    imposed=["demerit"],
    start="2026-07-01",
)
s("data.accountability_rules", let="acc_json")
s("accountability_rules.from_json", text=ref("acc_json"))
s("accountability_list", organisation=ref("org"), faults=[FAULT], period=YEAR)
s(
    "accountability_list",
    organisation=ref("org"),
    faults=[FAULT, {**FAULT, "at": "2026-11-30T17:30:00"}],
    period=YEAR,
    rules=ref("acc_rules"),
)
s("accountability_list", organisation=ref("org"), faults=[FAULT], period=["2026-01-01T00:00"])
s("activity.sample", let="activity")
s("activity_rules", let="act_rules")
s("activity_rules", calendar=ref("cal"))
s("activity_rules.conduct", on="act_rules")
s("data.conduct_rules")
s("data.complaint_rules")
s("activity.faults", on="activity", organisation=ref("org"), rules=ref("act_rules"), as_of="2026-12-31T23:59")
s("activity.whereabouts_board", on="activity", organisation=ref("org"), at="2026-06-15T10:00")
s("activity.whereabouts_board", on="activity", organisation=ref("org"), at="2026-11-07T10:00", rules=ref("act_rules"))
s(
    "activity.publication_register",
    on="activity",
    organisation=ref("org"),
    rules=ref("act_rules"),
    as_of="2026-12-31T23:59",
)
s("activity.ratings_summary", on="activity", organisation=ref("org"), rules=ref("act_rules"), as_of="2026-12-31T23:59")
s("data.sample_activity", let="activity_json")
s("activity.from_json", text=ref("activity_json"))
# Assessment and the campaign.
s("assessment_rules", let="as_rules")
s("assessment_rules.version", on="as_rules")
s("data.assessment_rules", let="as_json")
s("assessment_rules.from_json", text=ref("as_json"))
s("assessment_rules.from_toml", text="not toml [")
s("score_units", organisation=ref("org"), units=["social_org", "affairs"], period=YEAR, faults=[FAULT])
s(
    "score_units",
    organisation=ref("org"),
    units=["social_org", "affairs"],
    period=YEAR,
    metrics={
        "group": ["social_org", "affairs"],
        "concluded": [10, 8],
        "on_time": [10, 6],
        "on_the_spot": [2, 0],
        "early": [1, 0],
    },
    rules=ref("as_rules"),
    let="cards",
)
s("annual_review_sample", year=2026, cases=60, seed=1, let="review")
s("commendation_list", cards=ref("review.scorecards"))
s("commendation_list", cards=ref("review.scorecards"), rules=ref("as_rules"))
s("heads_responsible", cards=ref("review.scorecards"))
s("heads_responsible", cards=[])
s("scorecard_diff", before=ref("cards.1"), after=ref("review.scorecards.1"))
s("scorecard_diff", before={"unit": "affairs"}, after=ref("review.scorecards.1"))
s("campaign", year=2026, let="campaign")
s("campaign.phases", on="campaign")
s("campaign.tasks", on="campaign")
s("campaign.phase_on", on="campaign", date="2026-09-15")
s(
    "campaign.status",
    on="campaign",
    organisation=ref("org"),
    submissions=[{"task": "mobilisation_meeting", "unit": "office", "at": "2026-05-31T10:00:00"}],
    as_of="2026-07-01T12:00:00",
)
s("data.campaign_plan", let="plan")
s("campaign", year=2027, template_json=ref("plan"))
s("self_inspection_faults", organisation=ref("org"), form=FORM, as_of="2026-10-20T20:00:00")
# The bureau.
s("bureau.sample", year=2026, cases=40, seed=1, let="bureau")
s("bureau.case_events", on="bureau")
s("bureau.review", on="bureau", year=2026)
s("bureau.review_tables", on="bureau", year=2026)
s("bureau.review_report", on="bureau", year=2026, lang="en")
s("bureau.review_workbook", on="bureau", year=2026)
s("bureau.review_workbook", on="bureau", year=2026, lang="fr")
s("bureau.supervision_board", on="bureau", as_of="2026-11-10T09:00", let="bureau_board")
s("bureau.explain_card", on="bureau", card=ref("bureau_board.open_cards.0.id"), as_of="2026-11-10T09:00")
s("bureau.explain_card", on="bureau", card="nothing-0", as_of="2026-11-10T09:00")
s("bureau_files")
s("sample_bureau_files", let="files")
s("bureau.from_files", files=ref("files"), let="bureau2")
s("bureau.case_events", on="bureau2")
# Guides and masking.
s("guide_catalogue.sample", let="guides")
s("guide_catalogue.document", on="guides")
s("guide_catalogue.version", on="guides")
s("guide_catalogue.effective_from", on="guides")
s("guide_catalogue.guides", on="guides")
s("guide_catalogue.items", on="guides")
s("guide_catalogue.render", on="guides", code="civil.social_org_registration", format="markdown", lang="zh")
s("guide_catalogue.streamlining", on="guides")
s("guide_catalogue.streamlining", on="guides", previous=ref("guides"))
s("guide_catalogue.diff", on="guides", previous=ref("guides"))
s("data.sample_guides", let="guides_json")
s("guide_catalogue.from_json", text=ref("guides_json"))
s("mask_policy", let="policy")
s("mask_policy.profiles", on="policy")
s("mask_policy.mask_text", on="policy", text="张三 身份证110101199001011237 电话13800138000", profile="court")
s(
    "mask_policy.mask_record",
    on="policy",
    fields=[
        {"field": "party", "kind": "name", "value": "张三"},
        {"field": "handler", "kind": "official", "value": "李娜"},
    ],
    profile="penalty_publication",
)
s("data.masking_rules", let="masking_json")
s("mask_policy.from_json", text=ref("masking_json"))
s("find_personal_data", text="车辆京A12345违停，电话 138-0013-8000")
s(
    "error_text",
    error={"code": "org.unknown_unit", "message": 'unknown unit "office"', "field": "campaign.json: tasks[3].owner"},
)
s("error_text", error={"code": "case.unknown_actor", "message": "x", "line": 12, "event": "e4"}, lang="en")
s("error_text", error={"code": "no.such_code", "message": "x"})
s("error_text", error={"code": "case.unknown_actor", "message": "x", "line": -1})
# The published lists and data.
s("data.settings")
s("error_codes")
s("calendar_error_codes")
s("case_error_codes")
s("clock_error_codes")
s("event_kinds")
s("event_columns")
s("finding_catalog")
s("finding_codes")
s("version")


def main() -> None:
    doc = {
        "format": "efficiency.calls/1",
        "about": (calls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " "),
        "steps": [],
    }
    for step, _raw, got in calls.run({"steps": steps}):
        doc["steps"].append({**step, "answer": got})
    text = json.dumps(doc, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace(',{"op"', ',\n{"op"') + "\n"
    if "--check" in sys.argv:
        if OUT.read_text() != text:
            sys.exit("tests/api/calls.json is not current: run .venv/bin/python tests/api/generate_calls.py")
        return
    OUT.write_text(text)
    print(f"wrote {OUT} ({len(doc['steps'])} steps)")


if __name__ == "__main__":
    main()
