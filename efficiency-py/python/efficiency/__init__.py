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
>>> clock.status(datetime.datetime(2026, 10, 29, 9)).level  # one workday left
'reminder'
>>> try:
...     cal.is_workday("2027-03-01")
... except efficiency.EfficiencyError as e:
...     print(e.code)
calendar.year_not_covered
"""

from ._efficiency import (
    CALENDAR_ERROR_CODES,
    CHINA_CALENDAR_JSON,
    CLOCK_ERROR_CODES,
    FINDING_CODES,
    ITEM_TEMPLATES_JSON,
    LEVELS,
    MISSING_INT,
    OUTCOMES,
    Calendar,
    CalendarError,
    Clock,
    ClockError,
    ClockStatus,
    EfficiencyError,
    Finding,
    ItemCatalog,
    ServiceItem,
    TimeLimit,
    __version__,
    evaluate_clocks,
)
from .types import DayInfo, DayKind, ReckonedDay, WorkdayReckoning

__all__ = [
    "CALENDAR_ERROR_CODES",
    "CHINA_CALENDAR_JSON",
    "CLOCK_ERROR_CODES",
    "FINDING_CODES",
    "ITEM_TEMPLATES_JSON",
    "LEVELS",
    "MISSING_INT",
    "OUTCOMES",
    "Calendar",
    "CalendarError",
    "Clock",
    "ClockError",
    "ClockStatus",
    "DayInfo",
    "DayKind",
    "EfficiencyError",
    "Finding",
    "ItemCatalog",
    "ReckonedDay",
    "ServiceItem",
    "TimeLimit",
    "WorkdayReckoning",
    "__version__",
    "evaluate_clocks",
]
