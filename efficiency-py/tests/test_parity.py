"""The parity vectors (tests/vectors/parity/parity.json): calls whose answer a binding once
decided on its own. Python must give exactly the answer or error the JS tests read from the same
file."""

import datetime
import json
import pathlib

import pytest

import efficiency

VECTORS = json.loads((pathlib.Path(__file__).parents[2] / "tests/vectors/parity/parity.json").read_text())


def calendar_in(zone: str) -> efficiency.Calendar:
    doc = json.loads(efficiency.CHINA_CALENDAR_JSON)
    doc["zone"] = zone
    return efficiency.Calendar.from_json(json.dumps(doc))


def plain(v: object) -> object:
    return v.isoformat() if isinstance(v, datetime.datetime) else v


def call(name: str, a: dict) -> object:
    if name == "time_limit":
        limit = efficiency.TimeLimit(a["amount"], a["unit"])
        return {"amount": limit.amount, "unit": limit.unit}
    if name == "replay_metrics":
        return efficiency.CaseReplay(efficiency.CaseContext.sample(), a["as_of"]).metrics()
    if name == "board":
        board = efficiency.supervision_board(efficiency.CaseContext.sample(), a["events"], as_of=a["as_of"])
        rows = {r["group"]: r["running"] for r in board["rows"]}
        return {"errors": len(board["errors"]), "running": rows}
    if name == "case_status_as_of":
        ctx = efficiency.CaseContext(
            calendar_in(a["zone"]), efficiency.ItemCatalog.templates(), efficiency.SAMPLE_ROSTER_JSON
        )
        return plain(efficiency.Case.from_jsonl(ctx, a["log"]).status(a["as_of"])["as_of"])
    if name == "item_clock_counting_from":
        item = efficiency.ItemCatalog.templates()[a["item"]]
        clock = item.clock(calendar_in(a["zone"]), a["accepted_at"])
        return plain(clock.status(a["as_of"])["counting_from"])
    if name == "case_from_jsonl_with_context":
        # The context named as text, not the object: a wrong class is a coded error.
        return efficiency.Case.from_jsonl(a["context"], a["log"]).id
    if name == "whereabouts_board_with_organisation":
        return efficiency.Activity.sample().whereabouts_board(efficiency.Calendar.china(), a["at"])
    if name == "commendations_without_rules":
        review = efficiency.annual_review_sample(a["year"], a["cases"], a["seed"])
        rules = efficiency.AssessmentRules()
        with_rules = efficiency.commendation_list(review["scorecards"], rules)
        again = efficiency.commendation_list(review["scorecards"], rules)
        return {
            "same_as_the_review": efficiency.commendation_list(review["scorecards"]) == review["commendations"],
            "rules_still_usable": with_rules == again == review["commendations"],
        }
    raise AssertionError(f"unknown call {name}")


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["id"])
def test_parity(case: dict) -> None:
    if "error" in case:
        with pytest.raises(efficiency.EfficiencyError) as e:
            call(case["call"], case["args"])
        assert (e.value.code, e.value.field) == (case["error"]["code"], case["error"]["field"])
    else:
        assert call(case["call"], case["args"]) == case["expect"]
