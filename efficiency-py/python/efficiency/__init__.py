"""efficiency: the rules of administrative efficiency building (行政效能建设) as code.

The engine is Rust (``efficiency-core``); this package re-exports its Python bindings.

>>> import datetime, efficiency
>>> cal = efficiency.Calendar.china()
>>> cal.covered_years
(2004, 2026)
>>> cal.add_workdays(datetime.date(2026, 9, 28), 20)  # a licensing decision, 20 workdays
datetime.date(2026, 10, 30)
>>> cal.day_kind(datetime.date(2005, 12, 31))  # a Saturday that was a workday
'makeup_workday'
>>> clock = efficiency.Clock(cal, datetime.datetime(2026, 9, 28, 10), efficiency.TimeLimit.workdays(20))
>>> clock.status(datetime.datetime(2026, 10, 29, 9))["level"]  # one workday left
'reminder'
>>> try:
...     cal.is_workday("2027-03-01")
... except efficiency.EfficiencyError as e:
...     print(e.code)
calendar.year_not_covered
"""

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ._efficiency import (
    ACCOUNTABILITY_RULES_JSON,
    ASSESSMENT_RULES_JSON,
    BUREAU_FILES,
    CALENDAR_ERROR_CODES,
    CAMPAIGN_PLAN_JSON,
    CASE_ERROR_CODES,
    CHINA_CALENDAR_JSON,
    CLOCK_ERROR_CODES,
    COMPLAINT_RULES_JSON,
    CONDUCT_RULES_JSON,
    ERROR_CODES,
    EVENT_COLUMNS,
    EVENT_KINDS,
    FINDING_CATALOG,
    FINDING_CODES,
    FINDING_RULES_JSON,
    ITEM_TEMPLATES_JSON,
    LEVELS,
    MASKING_RULES_JSON,
    MISSING_INT,
    OUTCOMES,
    PAYLOAD_COLUMN,
    SAMPLE_ACTIVITY_JSON,
    SAMPLE_BUREAU_FILES,
    SAMPLE_GUIDES_JSON,
    SAMPLE_ORGANISATION_JSON,
    SAMPLE_ROSTER_JSON,
    SETTINGS_JSON,
    SUPERVISION_RULES_JSON,
    AccountabilityRules,
    Activity,
    ActivityRules,
    ArgumentError,
    ArgumentTypeError,
    AssessmentRules,
    Bureau,
    Calendar,
    CalendarError,
    Campaign,
    Case,
    CaseContext,
    CaseError,
    CaseReplay,
    Clock,
    ClockError,
    EfficiencyError,
    GuideCatalogue,
    ItemCatalog,
    MaskPolicy,
    Organisation,
    OrganisationError,
    RulesError,
    ServiceItem,
    TimeLimit,
    __version__,
    _accountability_list,
    _annual_review_sample,
    _merge_metrics,
    _score_units,
    commendation_list,
    error_text,
    evaluate_clocks,
    find_personal_data,
    heads_responsible,
    scorecard_diff,
    self_inspection_faults,
    supervision_board,
)
from .types import (
    AnnualReview,
    CaseStatus,
    DayInfo,
    DayKind,
    Entry,
    GroupByName,
    ReckonedDay,
    Scorecard,
    TimeLike,
    WorkdayReckoning,
)

__all__ = [
    "ACCOUNTABILITY_RULES_JSON",
    "ASSESSMENT_RULES_JSON",
    "BUREAU_FILES",
    "CALENDAR_ERROR_CODES",
    "CAMPAIGN_PLAN_JSON",
    "CASE_ERROR_CODES",
    "CHINA_CALENDAR_JSON",
    "CLOCK_ERROR_CODES",
    "COMPLAINT_RULES_JSON",
    "CONDUCT_RULES_JSON",
    "ERROR_CODES",
    "EVENT_COLUMNS",
    "EVENT_KINDS",
    "FINDING_CATALOG",
    "FINDING_CODES",
    "FINDING_RULES_JSON",
    "ITEM_TEMPLATES_JSON",
    "LEVELS",
    "MASKING_RULES_JSON",
    "MISSING_INT",
    "OUTCOMES",
    "PAYLOAD_COLUMN",
    "SAMPLE_ACTIVITY_JSON",
    "SAMPLE_BUREAU_FILES",
    "SAMPLE_GUIDES_JSON",
    "SAMPLE_ORGANISATION_JSON",
    "SAMPLE_ROSTER_JSON",
    "SETTINGS_JSON",
    "SUPERVISION_RULES_JSON",
    "AccountabilityRules",
    "Activity",
    "ActivityRules",
    "ArgumentError",
    "ArgumentTypeError",
    "AssessmentRules",
    "Bureau",
    "Calendar",
    "CalendarError",
    "Campaign",
    "Case",
    "CaseContext",
    "CaseError",
    "CaseReplay",
    "Clock",
    "ClockError",
    "DayInfo",
    "DayKind",
    "EfficiencyError",
    "GuideCatalogue",
    "ItemCatalog",
    "MaskPolicy",
    "Organisation",
    "OrganisationError",
    "ReckonedDay",
    "RulesError",
    "ServiceItem",
    "TimeLimit",
    "WorkdayReckoning",
    "__version__",
    "accountability_list",
    "annual_review",
    "annual_review_sample",
    "case_metrics",
    "case_tables",
    "columns",
    "commendation_list",
    "error_text",
    "evaluate_clocks",
    "find_personal_data",
    "heads_responsible",
    "merge_metrics",
    "replay_cases",
    "score_units",
    "scorecard_diff",
    "self_inspection_faults",
    "supervision_board",
]


PathLike = str | os.PathLike[str]


Line = str | Mapping[str, object]
Lines = str | Iterable[Line]


def _chunks(lines: Lines | None, files: PathLike | Iterable[PathLike] | None, size: int) -> Iterator[list[Line]]:
    """Lists of up to `size` lines from `lines` and then from each of `files`, in order."""
    if (lines is None) == (files is None):
        raise TypeError("give exactly one of lines= (an iterable of JSON lines) or files= (a path or paths)")
    if lines is not None and (hasattr(lines, "columns") or hasattr(lines, "__arrow_c_stream__")):
        raise TypeError(
            "this reads JSON lines, and a table was given; pass the table to efficiency.case_tables(context, table, ...)"
        )
    if files is not None:
        paths = [files] if isinstance(files, str | os.PathLike) else list(files)
        sources: list[Iterable[Line]] = []
        for p in paths:
            sources.append(_file_lines(p))
    elif isinstance(lines, str):
        sources = [lines.splitlines()]  # one text of JSON lines, as JS takes it
    else:
        sources = [lines] if lines is not None else []
    chunk: list[Line] = []
    for source in sources:
        for line in source:
            chunk.append(line.rstrip("\r\n") if isinstance(line, str) else line)
            if len(chunk) >= size:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def _file_lines(path: PathLike) -> Iterator[str]:
    with open(path, encoding="utf-8") as f:
        yield from f


def _drain(replay: CaseReplay, errors: list[tuple[int | None, CaseError]] | None) -> None:
    failed = replay.take_errors()
    if not failed:
        return
    if errors is None:
        raise failed[0][1]
    errors.extend(failed)


def replay_cases(
    context: CaseContext,
    lines: Lines | None = None,
    *,
    files: PathLike | Iterable[PathLike] | None = None,
    as_of: TimeLike,
    chunk_size: int = 50_000,
    errors: list[tuple[int | None, CaseError]] | None = None,
) -> Iterator[CaseStatus]:
    """Streams the status of every case at `as_of` from JSON lines sorted by case id.

    Lines come from `lines` (one text, or any iterable: an open file, a generator, a list of
    lines or event dicts) or from `files`
    (one path or several, read in order). Memory holds one chunk and one case. A bad row raises
    CaseError (with `.line`) unless an `errors` list is given: then (row, error) pairs are
    appended to it and the replay goes on without that row.

    >>> import efficiency
    >>> ctx = efficiency.CaseContext.sample()
    >>> log = ['{"id":"e1","case":"A","at":"2026-11-02T09:00:00","actor":"soc01","event":"refuse_reception"}']
    >>> [s["stage"] for s in efficiency.replay_cases(ctx, log, as_of="2026-11-03T09:00")]
    ['refused']
    """
    replay = CaseReplay(context, as_of)
    for chunk in _chunks(lines, files, chunk_size):
        replay.push_lines(chunk)
        _drain(replay, errors)
        yield from replay.take_statuses()
    replay.finish()
    _drain(replay, errors)
    yield from replay.take_statuses()


def case_metrics(
    context: CaseContext,
    lines: Lines | None = None,
    *,
    files: PathLike | Iterable[PathLike] | None = None,
    period: tuple[TimeLike, TimeLike],
    group_by: GroupByName | None = None,
    chunk_size: int = 50_000,
    errors: list[tuple[int | None, CaseError]] | None = None,
) -> dict[str, list[object]]:
    """Metrics (docs/domain.md §12) over cases streamed from JSON lines, as plain columns.

    Cases concluded in [period[0], period[1]) count for the completion rates (denominator
    `concluded`); cases still open at period[1] count for `open` and `open_overdue`. Memory
    stays flat whatever the number of cases. Errors as in `replay_cases`.
    """
    replay = CaseReplay(context, period[1], period=period, group_by=group_by, keep_statuses=False)
    for chunk in _chunks(lines, files, chunk_size):
        replay.push_lines(chunk)
        _drain(replay, errors)
    replay.finish()
    _drain(replay, errors)
    return replay.metrics()


def merge_metrics(partials: object) -> Any:
    """Merges partial metrics — several rows per group, e.g. one set per Spark partition, per
    file or per month — into one row per group: counts summed, rates computed from the sums (the
    core's ``merge_rows``). `partials` is an Arrow table (pyarrow, Polars) or a list of dicts
    with ``group`` and the counts (rate columns are ignored). Returns a ``pyarrow.Table``.

    >>> import efficiency
    >>> part = lambda concluded, on_time: {"group": "affairs", "concluded": concluded, "on_time": on_time}
    >>> efficiency.merge_metrics([part(3, 3), part(1, 0)]).to_pylist()[0]["on_time_rate"]
    0.75
    """
    if hasattr(partials, "to_pylist"):
        partials = partials.to_pylist()
    elif hasattr(partials, "to_dicts"):
        partials = partials.to_dicts()
    return _merge_metrics(partials)


def case_tables(
    context: CaseContext,
    events: object,
    *,
    as_of: TimeLike,
    period: tuple[TimeLike, TimeLike] | None = None,
    group_by: GroupByName | None = None,
) -> dict[str, object]:
    """Judges every case of an event table (rows sorted by case id) at `as_of`, all in Arrow.

    `events` is a text of JSON lines, a list of lines or event dicts (as JS ``caseTables`` takes
    them), or any Arrow table or stream (pyarrow, Polars, DuckDB) or a pandas DataFrame, with
    the columns of a case event (``id, case, at, actor, event`` and the optional fields; ``at``
    a timestamp, with a zone or local, text, or epoch milliseconds). Returns Arrow tables
    (``pyarrow.Table`` when pyarrow is installed): ``statuses`` (one row per case), ``findings``
    (one row per finding, with its case, unit, window and handler), ``errors`` (one row per bad
    row or case: code, message, row, line, event) and, with a `period`, ``metrics``.

    >>> import efficiency, pyarrow as pa
    >>> events = pa.table({"id": ["e1"], "case": ["A"], "at": ["2026-11-02T09:00"], "actor": ["off01"],
    ...                    "event": ["refuse_reception"]})
    >>> out = efficiency.case_tables(efficiency.CaseContext.sample(), events, as_of="2026-11-03T09:00")
    >>> out["findings"].column("code").to_pylist(), out["findings"].column("unit").to_pylist()
    (['reception.refused'], ['office'])
    """
    if hasattr(events, "columns") and hasattr(events, "to_records") and not hasattr(events, "__arrow_c_stream__"):
        import pyarrow  # type: ignore[import-untyped]

        events = pyarrow.Table.from_pandas(events, preserve_index=False)
    replay = CaseReplay(context, as_of, period=period, group_by=group_by)
    if isinstance(events, (str, list, tuple)):
        replay.push_lines(events)
    else:
        replay.push_table(events)
    replay.finish()
    statuses, findings = replay.take_tables()
    return {
        "statuses": statuses,
        "findings": findings,
        "errors": replay.take_error_table(),
        "metrics": replay.metrics_table() if period is not None else None,
    }


def accountability_list(
    organisation: Organisation,
    faults: Iterable[Mapping[str, object]],
    *,
    period: tuple[TimeLike, TimeLike],
    rules: AccountabilityRules | None = None,
) -> list[Entry]:
    """The accountability list for faults in [period[0], period[1]) (docs/domain.md §7).

    One dict per person and fault: person, name, position, unit, responsibility (direct,
    main_leadership, important_leadership), source, code, at, severity (the fault's, by rule),
    repeat_of (the same person's earlier fault of the code, on their own line), proposal (a
    heavier severity a repeat proposes, with its measures and reason, or None), measures (what
    the matrix allows), grade_effects, events, message, decided_by_rule and to_decide. Faults before the period count only as earlier repeats.

    >>> import efficiency
    >>> org = efficiency.Organisation.sample()
    >>> fault = {"source": "case C1", "code": "time_limit.statutory_missed", "severity": "serious",
    ...          "at": "2026-10-30T17:30:00", "people": ["aff01"]}
    >>> [(e["person"], e["responsibility"]) for e in efficiency.accountability_list(org, [fault],
    ...     period=("2026-01-01T00:00", "2027-01-01T00:00"))]
    [('aff01', 'direct'), ('aff-h', 'main_leadership')]
    """
    return _accountability_list(organisation, faults, period, rules)


def score_units(
    organisation: Organisation,
    units: Iterable[str],
    *,
    period: tuple[TimeLike, TimeLike],
    faults: Iterable[Mapping[str, object]] = (),
    inspections: Iterable[Mapping[str, object]] = (),
    commendations: Iterable[Mapping[str, object]] = (),
    metrics: Mapping[str, list[object]] | Iterable[Mapping[str, object]] | None = None,
    rules: AssessmentRules | None = None,
) -> list[Scorecard]:
    """Scorecards (目标考核) for `units` over [period[0], period[1]), ranked.

    `metrics` may be the columns `case_metrics(group_by="unit")` returns, or rows. Each card has
    unit, total, grade, grade_zh, grade_by_points, vetoes, rank and lines; every line names its
    rule, points, findings and events.

    >>> import efficiency
    >>> cards = efficiency.score_units(efficiency.Organisation.sample(), ["social_org", "affairs"],
    ...     period=("2026-01-01T00:00", "2027-01-01T00:00"),
    ...     faults=[{"source": "case C1", "code": "time_limit.statutory_missed", "severity": "serious",
    ...              "at": "2026-06-01T17:30:00", "people": ["aff01"]}])
    >>> [(c["unit"], c["total"], c["grade"], c["rank"]) for c in cards]
    [('social_org', 100.0, 'excellent', 1), ('affairs', 97.0, 'excellent', 2)]
    """
    given = {"faults": faults, "inspections": inspections, "commendations": commendations, "metrics": metrics}
    return _score_units(organisation, units, period, given, rules)


def columns(rows: Sequence[Mapping[str, object]]) -> dict[str, list[object]]:
    """Records (any result list) as columns for ``pandas.DataFrame``: every key, in order of first
    appearance, with None where a record lacks it.

    >>> import efficiency
    >>> efficiency.columns([{"unit": "office", "total": 100.0}, {"unit": "affairs", "total": 97.0}])
    {'unit': ['office', 'affairs'], 'total': [100.0, 97.0]}
    """
    for i, r in enumerate(rows):
        if not isinstance(r, Mapping):
            raise TypeError(f"columns takes records (mappings); row {i} is a {type(r).__name__}")
    keys = list(dict.fromkeys(k for r in rows for k in r))
    return {k: [r.get(k) for r in rows] for k in keys}


def annual_review_sample(year: int = 2026, cases: int = 400, seed: int = 2026) -> AnnualReview:
    """The main job in one call: the sample bureau's generated year (deterministic for a seed),
    reviewed. The same records as JS ``annualReviewSample`` (see ``efficiency.types.AnnualReview``).

    >>> import efficiency
    >>> review = efficiency.annual_review_sample()
    >>> review["cases"], review["scorecards"][0]["unit"]
    (400, 'office')
    """
    return _annual_review_sample(year, cases, seed)


def annual_review(year: int = 2026, cases: int = 400, seed: int = 2026) -> dict[str, object]:
    """``annual_review_sample`` as tables: each list of records as columns (``columns``), one
    ``pandas.DataFrame(...)`` away — ``metrics``, ``faults``, ``accountability``,
    ``scorecards``, ``score_lines`` (every card's lines with its unit) and ``campaign_status``;
    plus ``commendations``, ``heads_responsible`` and ``summary``.

    >>> import efficiency
    >>> review = efficiency.annual_review()
    >>> review["summary"]["cases"], review["scorecards"]["unit"][0]
    (400, 'office')
    """
    r = _annual_review_sample(year, cases, seed)
    lines = [{"unit": card["unit"], **line} for card in r["scorecards"] for line in card["lines"]]
    return {
        "metrics": columns(r["metrics"]),
        "faults": columns(r["faults"]),
        "accountability": columns(r["accountability"]),
        "scorecards": columns(r["scorecards"]),
        "score_lines": columns(lines),
        "campaign_status": columns(r["campaign_status"]),
        "commendations": r["commendations"],
        "heads_responsible": [{"unit": u, "head": h} for u, h in r["heads_responsible"]],
        "summary": {
            "year": r["year"],
            "cases": r["cases"],
            "events": r["events"],
            "rejected_rows": len(r["rejected_rows"]),
            "faults": len(r["faults"]),
        },
    }
