"""Shapes of the plain dicts the calendar returns, for type checkers (runtime: ordinary dicts)."""

import datetime
from typing import Any, Literal, TypedDict

DayKind = Literal["workday", "rest_day", "holiday", "makeup_workday"]
"""The four kinds of day returned by ``Calendar.day_kind``."""

TimeUnitName = Literal["workdays", "natural_days", "work_hours", "on_the_spot"]
StateName = Literal["running", "suspended", "concluded"]
LevelName = Literal["normal", "reminder", "yellow", "red"]
OutcomeName = Literal["early", "on_time", "late"]
AuthorityName = Literal["handler", "unit_head", "supervising_leader", "agency_head", "government_head"]
DayEndName = Literal["close_of_business", "midnight"]
GroupByName = Literal["unit", "item", "window", "handler", "all"]


class DayInfo(TypedDict):
    """``Calendar.day_info(date)``."""

    date: datetime.date
    kind: DayKind
    holiday_name: str | None
    holiday_name_zh: str | None
    region: str | None
    statutory: bool
    provisional: bool
    reason: str


class ReckonedDay(TypedDict):
    """One day in a ``WorkdayReckoning``: counted (ordinal) or skipped (ordinal None), and why."""

    date: datetime.date
    kind: DayKind
    ordinal: int | None
    reason: str


class WorkdayReckoning(TypedDict):
    """``Calendar.explain_add_workdays(date, n)``."""

    start: datetime.date
    workdays: int
    due: datetime.date
    provisional: bool
    days: list[ReckonedDay]
    text: str


class ExplainedDay(TypedDict):
    """One day of a ``ClockExplanation``."""

    date: datetime.date
    kind: DayKind
    ordinal: int | None
    hours: float | None
    reason: str


class ClockExplanation(TypedDict):
    """``ClockStatus.explain()``: the working behind a due time."""

    limit: Any
    counting_from: datetime.datetime
    due: datetime.datetime
    extended_by: int
    days: list[ExplainedDay]
    text: str


class TimeLimitDict(TypedDict):
    amount: int
    unit: TimeUnitName


class Finding(TypedDict):
    """A fault found on a clock: a person's, not the program's."""

    code: str
    at: datetime.datetime
    message: str
    events: list[int]


class ClockStatus(TypedDict):
    """``Clock.status(as_of)``."""

    as_of: datetime.datetime
    counting_from: datetime.datetime
    promised_due: datetime.datetime
    statutory_due: datetime.datetime
    promised: TimeLimitDict
    statutory: TimeLimitDict
    extended_by: int
    remaining: float
    elapsed: float
    elapsed_workdays: float
    state: StateName
    level: LevelName
    outcome: OutcomeName | None
    extension_pending: bool
    provisional: bool
    findings: list[Finding]


class CaseFinding(TypedDict):
    code: str
    severity: str
    at: datetime.datetime
    message: str
    events: list[str]
    people: list[str]


class CaseStatus(TypedDict):
    """``Case.status(as_of)``."""

    case: str
    as_of: datetime.datetime
    stage: str
    item: str | None
    window: str | None
    first_responder: str | None
    handler: str | None
    unit: str | None
    clock: ClockStatus | None
    decision: str | None
    on_the_spot: bool | None
    concluded_at: datetime.datetime | None
    findings: list[CaseFinding]


class Fault(TypedDict):
    source: str
    code: str
    severity: str
    at: datetime.datetime
    people: list[str]
    unit: str | None
    events: list[str]
    message: str
