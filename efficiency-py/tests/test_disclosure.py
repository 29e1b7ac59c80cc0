"""Disclosure from Python (docs/domain.md §13): the whereabouts board, the ratings summary and the
publication register as dicts and as Arrow tables (the same rows)."""

import datetime

import polars as pl
import pyarrow as pa

import efficiency

ORG = efficiency.Organisation.sample()
ACT = efficiency.Activity.sample()
RULES = efficiency.ActivityRules()


def test_the_whereabouts_board_at_a_moment():
    board = ACT.whereabouts_board(ORG, "2026-11-04 10:00")
    assert len(board) == 12  # everyone in the sample organisation
    by = {r["person"]: r for r in board}
    assert (by["soc-h"]["status_zh"], by["soc-h"]["acting_name"]) == ("开会", "李娜")
    assert by["soc-h"]["until"] == datetime.datetime(2026, 11, 4, 17, 30)
    # A leave is shown as such, never its reason or place.
    assert (by["off01"]["status"], by["off01"]["reason"], by["off01"]["place"]) == ("leave", "", "")
    # A zone-aware moment is the same moment in the calendar's zone (02:00 UTC = 10:00 UTC+8).
    aware = datetime.datetime(2026, 11, 4, 2, 0, tzinfo=datetime.UTC)
    assert ACT.whereabouts_board(ORG, aware) == board
    # Before the trip's entry was posted the board shows the person at post.
    early = {r["person"]: r["status"] for r in ACT.whereabouts_board(ORG, "2026-11-02 16:00")}
    assert early["mar01"] == "at_post"


def test_tables_hold_the_same_rows():
    for name, args in [
        ("whereabouts_board", (ORG, "2026-11-04 10:00")),
        ("ratings_summary", (ORG, RULES, "2026-12-31 18:00")),
        ("publication_register", (ORG, RULES, "2026-12-31 18:00")),
    ]:
        rows = getattr(ACT, name)(*args)
        table = getattr(ACT, name)(*args, table=True)
        assert isinstance(table, pa.Table)
        assert table.num_rows == len(rows)
        assert table.column_names == list(rows[0])
        assert pl.from_arrow(table).height == len(rows)
    register = ACT.publication_register(ORG, RULES, "2026-12-31 18:00", table=True).to_pylist()
    p2 = next(r for r in register if r["id"] == "P2")
    assert (p2["late"], p2["findings"], p2["state"]) == (True, ["publication.late"], "on_display")


def test_the_ratings_summary_states_its_denominators():
    rows = ACT.ratings_summary(ORG, RULES, "2026-12-31 18:00")
    total = rows[-1]
    assert total["unit"] == "all"
    assert (total["logged"], total["excluded"], total["counted"], total["bad"]) == (8, 1, 7, 3)
    assert total["bad_rate"] == 3 / 7
    assert sum(r["counted"] for r in rows[:-1]) == total["counted"]
    # Nothing identifies the rater.
    assert not any("rater" in k for k in total)


def test_bad_records_name_themselves():
    bad = {
        "format": "efficiency.activity/1",
        "whereabouts": [
            {
                "id": "E1",
                "person": "soc-h",
                "status": "meeting",
                "from": "2026-12-01 10:00",
                "until": "2026-12-01 09:00",
            }
        ],
    }
    act = efficiency.Activity.from_json(__import__("json").dumps(bad))
    try:
        act.whereabouts_board(ORG, "2026-12-01 10:00")
    except efficiency.EfficiencyError as e:
        assert e.code == "activity.invalid"
        assert e.field == "whereabouts[0] (E1).until"
    else:
        raise AssertionError("an entry ending before it starts was accepted")


def test_a_bureaus_board_is_its_cases_board():
    bureau = efficiency.Bureau.from_files(efficiency.SAMPLE_BUREAU_FILES)
    board = bureau.supervision_board(as_of="2026-11-30 17:30", since="2026-11-01")
    total = next(r for r in board["rows"] if r["group"] == "all")
    assert (total["concluded"], total["concluded_on_time"], total["running"]) == (380, 366, 4)
    assert board["new_cards"][0]["id"] == "MZJ-2026-000317:red:clock"
    by_window = bureau.supervision_board(as_of="2026-11-30 17:30", group_by="window")
    assert {r["group"] for r in by_window["rows"]} >= {"W1", "W2", "W3", "all"}


def test_a_card_explains_itself():
    bureau = efficiency.Bureau.from_files(efficiency.SAMPLE_BUREAU_FILES)
    x = bureau.explain_card("MZJ-2026-000317:red:clock", as_of="2026-11-30 17:30")
    assert x["card"]["raised_at"] == datetime.datetime(2026, 11, 4, 17, 30)
    assert [e["id"] for e in x["evidence"]] == x["card"]["events"]
    # The statutory period day by day: 20 counted workdays, the skipped days named.
    assert x["clock"]["limit"] == {"amount": 20, "unit": "workdays"}
    assert sum(1 for d in x["clock"]["days"] if d["ordinal"] is not None) == 20
    assert "超过法定期限" in x["text"] and "证据e2：" in x["text"] and "受理" in x["text"]
    try:
        bureau.explain_card("MZJ-2026-000317:red:clock", as_of="2026-10-01 09:00")
    except efficiency.EfficiencyError as e:
        assert (e.code, e.field) == ("supervision.unknown_card", "card")
    else:
        raise AssertionError("a card explained before it was raised")


def test_the_register_publishes_records_masked_and_the_board_as_tables():
    # On display (the penalty's three years from its decision): masked, every field labelled.
    p1 = next(r for r in ACT.publication_register(ORG, RULES, "2026-05-06 10:00") if r["id"] == "P1")
    text = " ".join(v for _, v in p1["record"]["fields"])
    assert "张某" in text and not any(s in text for s in ["张伟", "110101199003077777", "13800138000"])
    assert p1["record"]["profile"] == "penalty_publication"
    assert p1["record"]["labels"] == ["当事人", "当事人身份证号码", "主要内容", "承办人"]
    assert p1["masked_labels"] == ["当事人", "当事人身份证号码"]
    # Its display over, its content comes down.
    rows = ACT.publication_register(ORG, RULES, "2026-12-31 18:00")
    p1 = next(r for r in rows if r["id"] == "P1")
    assert (p1["state"], p1["record"]) == ("expired", None)
    # Recorded without a profile: masked court style anyway (and the fault says it was not recorded).
    p4 = next(r for r in rows if r["id"] == "P4")
    assert p4["record"]["profile"] == "court" and "publication.unmasked" in p4["findings"]
    bureau = efficiency.Bureau.from_files(efficiency.SAMPLE_BUREAU_FILES)
    tables = bureau.supervision_board(as_of="2026-11-30 17:30", since="2026-11-01", table=True)
    assert sorted(tables) == ["errors", "new_cards", "open_cards", "rows"]
    board = bureau.supervision_board(as_of="2026-11-30 17:30", since="2026-11-01")
    assert tables["rows"].num_rows == len(board["rows"])
    assert tables["new_cards"].column("id").to_pylist() == [c["id"] for c in board["new_cards"]]
