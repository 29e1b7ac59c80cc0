"""Shapes of the plain dicts the calendar returns, for type checkers (runtime: ordinary dicts)."""

import datetime
from typing import Any, Literal, TypedDict

DayKind = Literal["workday", "rest_day", "holiday", "makeup_workday"]
"""The four kinds of day returned by ``Calendar.day_kind``."""

TimeUnitName = Literal["workdays", "natural_days", "work_hours", "on_the_spot"]
StateName = Literal["running", "suspended", "concluded"]
LevelName = Literal["normal", "reminder", "yellow", "red"]
OutcomeName = Literal["early", "on_time", "late"]


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
