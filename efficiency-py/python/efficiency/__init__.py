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
>>> try:
...     cal.is_workday("2027-03-01")
... except efficiency.EfficiencyError as e:
...     print(e.code)
calendar.year_not_covered
"""

from ._efficiency import (
    CALENDAR_ERROR_CODES,
    CHINA_CALENDAR_JSON,
    MISSING_INT,
    Calendar,
    CalendarError,
    EfficiencyError,
    __version__,
)
from .types import DayInfo, DayKind, ReckonedDay, WorkdayReckoning

__all__ = [
    "CALENDAR_ERROR_CODES",
    "CHINA_CALENDAR_JSON",
    "MISSING_INT",
    "Calendar",
    "CalendarError",
    "DayInfo",
    "DayKind",
    "EfficiencyError",
    "ReckonedDay",
    "WorkdayReckoning",
    "__version__",
]
