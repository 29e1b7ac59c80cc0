import datetime
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal, TypeAlias, final, overload

import numpy as np
import numpy.typing as npt

from efficiency.types import (
    AnnualReview,
    AuthorityName,
    Board,
    CardExplanation,
    CaseFinding,
    CaseStatus,
    CatalogueDiff,
    ClockEvent,
    ClockExplanation,
    ClockStatus,
    ConductRule,
    DayEndName,
    DayInfo,
    DayKind,
    DiffLine,
    Entry,
    ErrorCode,
    ErrorData,
    EventKind,
    Fault,
    GroupByName,
    Guide,
    Link,
    MaskedRecord,
    MaskedText,
    Phase,
    RatingsRow,
    RegisterRow,
    SanctionSpan,
    Scorecard,
    Span,
    StreamliningRow,
    Task,
    TaskStatus,
    TimeLimitData,
    TimeUnitName,
    WhereaboutsRow,
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
    "EfficiencyError",
    "GuideCatalogue",
    "ItemCatalog",
    "MaskPolicy",
    "Organisation",
    "OrganisationError",
    "RulesError",
    "ServiceItem",
    "TimeLimit",
    "__version__",
    "_accountability_list",
    "_annual_review_sample",
    "_merge_metrics",
    "_score_units",
    "commendation_list",
    "error_text",
    "evaluate_clocks",
    "find_personal_data",
    "heads_responsible",
    "scorecard_diff",
    "self_inspection_faults",
    "supervision_board",
]

__version__: str
ACCOUNTABILITY_RULES_JSON: str
ASSESSMENT_RULES_JSON: str
BUREAU_FILES: list[str]
MASKING_RULES_JSON: str
SETTINGS_JSON: str
SAMPLE_GUIDES_JSON: str
SUPERVISION_RULES_JSON: str
SAMPLE_BUREAU_FILES: dict[str, str]
CAMPAIGN_PLAN_JSON: str
COMPLAINT_RULES_JSON: str
CONDUCT_RULES_JSON: str
SAMPLE_ACTIVITY_JSON: str
SAMPLE_ORGANISATION_JSON: str
CALENDAR_ERROR_CODES: list[ErrorCode]
ERROR_CODES: list[ErrorCode]
CASE_ERROR_CODES: list[ErrorCode]
EVENT_COLUMNS: list[str]
PAYLOAD_COLUMN: str
EVENT_KINDS: list[EventKind]
FINDING_CATALOG: list[dict[str, str]]
FINDING_RULES_JSON: str
SAMPLE_ROSTER_JSON: str
CLOCK_ERROR_CODES: list[ErrorCode]
FINDING_CODES: list[str]
ITEM_TEMPLATES_JSON: str
LEVELS: tuple[str, ...]
OUTCOMES: tuple[str, ...]
CHINA_CALENDAR_JSON: str
MISSING_INT: int

_DateLike: TypeAlias = datetime.date | str

class EfficiencyError(ValueError):
    code: ErrorCode
    text: str
    field: str | None
    path: str | None
    row: int | None
    line: int | None
    event: str | None
    event_index: int | None

class ArgumentError(EfficiencyError): ...
class ArgumentTypeError(ArgumentError, TypeError): ...
class CalendarError(EfficiencyError): ...
class ClockError(EfficiencyError): ...
class OrganisationError(EfficiencyError): ...
class RulesError(EfficiencyError): ...
class CaseError(EfficiencyError): ...

@final
class Calendar:
    @staticmethod
    def china(provisional: bool | None = None) -> Calendar: ...
    @staticmethod
    def from_json(text: str, provisional: bool | None = None) -> Calendar: ...
    def with_year(self, year_json: str) -> Calendar: ...
    def with_overlay(self, overlay_json: str) -> Calendar: ...
    def with_provisional(self, provisional: bool) -> Calendar: ...
    def to_json(self) -> str: ...
    @property
    def covered_years(self) -> tuple[int, int]: ...
    @property
    def provisional(self) -> bool: ...
    @property
    def regions(self) -> list[str]: ...
    def is_workday(self, date: _DateLike) -> bool: ...
    def day_kind(self, date: _DateLike) -> DayKind: ...
    def holiday_name(self, date: _DateLike) -> str | None: ...
    def day_info(self, date: _DateLike) -> DayInfo: ...
    def is_provisional(self, date: _DateLike) -> bool: ...
    def add_workdays(self, date: _DateLike, n: int) -> datetime.date: ...
    @property
    def zone(self) -> str: ...
    def workdays_between(self, a: _DateLike, b: _DateLike) -> int: ...
    def next_workday(self, date: _DateLike) -> datetime.date: ...
    def previous_workday(self, date: _DateLike) -> datetime.date: ...
    def explain_add_workdays(self, date: _DateLike, n: int) -> WorkdayReckoning: ...
    @overload
    def add_workdays_many(
        self, dates: npt.ArrayLike, n: int | npt.ArrayLike, *, errors: Literal["raise"] = "raise"
    ) -> npt.NDArray[np.datetime64]: ...
    @overload
    def add_workdays_many(
        self, dates: npt.ArrayLike, n: int | npt.ArrayLike, *, errors: Literal["return"]
    ) -> tuple[npt.NDArray[np.datetime64], list[tuple[int, CalendarError]]]: ...
    @overload
    def workdays_between_many(
        self, a: npt.ArrayLike, b: npt.ArrayLike, *, errors: Literal["raise"] = "raise"
    ) -> npt.NDArray[np.int64]: ...
    @overload
    def workdays_between_many(
        self, a: npt.ArrayLike, b: npt.ArrayLike, *, errors: Literal["return"]
    ) -> tuple[npt.NDArray[np.int64], list[tuple[int, CalendarError]]]: ...

_TimeLike: TypeAlias = datetime.datetime | datetime.date | str

@final
class TimeLimit:
    def __new__(cls, amount: int | None, unit: TimeUnitName) -> TimeLimit: ...
    @staticmethod
    def workdays(n: int) -> TimeLimit: ...
    @staticmethod
    def natural_days(n: int) -> TimeLimit: ...
    @staticmethod
    def work_hours(n: int) -> TimeLimit: ...
    @staticmethod
    def months(n: int) -> TimeLimit: ...
    @staticmethod
    def on_the_spot() -> TimeLimit: ...
    @staticmethod
    def none() -> TimeLimit: ...
    @property
    def amount(self) -> int: ...
    @property
    def unit(self) -> TimeUnitName: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __efficiency_value__(self) -> TimeLimitData: ...

@final
class Clock:
    def __new__(
        cls,
        calendar: Calendar,
        accepted_at: _TimeLike,
        statutory: TimeLimit | TimeLimitData,
        promised: TimeLimit | TimeLimitData | None = None,
        extension_approver: AuthorityName | None = None,
        max_extension: int | None = None,
        max_extensions: int | None = None,
        office_hours: list[tuple[str, str]] | None = None,
        day_end: DayEndName | None = None,
        reminder_threshold: TimeLimit | TimeLimitData | None = None,
        settings: str | Mapping[str, object] | None = None,
    ) -> Clock: ...
    def supplement_notice(self, received_at: _TimeLike, notice_at: _TimeLike) -> None: ...
    def suspend(self, at: _TimeLike, reason: str) -> None: ...
    def resume(self, at: _TimeLike) -> None: ...
    def request_extension(self, at: _TimeLike, amount: int, reason: str) -> None: ...
    def approve_extension(self, at: _TimeLike, approver: str) -> None: ...
    def notify_applicant(self, at: _TimeLike) -> None: ...
    def conclude(self, at: _TimeLike) -> None: ...
    @property
    def events(self) -> list[ClockEvent]: ...
    def status(self, as_of: _TimeLike) -> ClockStatus: ...
    def explain(self, as_of: _TimeLike, promised: bool | None = None) -> ClockExplanation: ...

@final
class ServiceItem:
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def name_zh(self) -> str: ...
    @property
    def legal_basis(self) -> str: ...
    @property
    def statutory(self) -> TimeLimit: ...
    @property
    def promised(self) -> TimeLimit | None: ...
    @property
    def urgent(self) -> TimeLimit | None: ...
    def to_json(self) -> str: ...
    def clock(self, calendar: Calendar, accepted_at: _TimeLike) -> Clock: ...

@final
class ItemCatalog:
    @staticmethod
    def templates() -> ItemCatalog: ...
    @staticmethod
    def from_json(text: str) -> ItemCatalog: ...
    @staticmethod
    def from_toml(text: str) -> ItemCatalog: ...
    @property
    def codes(self) -> list[str]: ...
    def __getitem__(self, code: str, /) -> ServiceItem: ...
    def __len__(self) -> int: ...

@overload
def evaluate_clocks(
    calendar: Calendar,
    accepted_at: npt.ArrayLike,
    amount: int | npt.ArrayLike,
    unit: TimeUnitName | Sequence[str],
    as_of: npt.ArrayLike | _TimeLike,
    *,
    statutory_amount: int | npt.ArrayLike | None = None,
    concluded_at: npt.ArrayLike | None = None,
    errors: Literal["raise"] = "raise",
) -> dict[str, npt.NDArray[Any]]: ...
@overload
def evaluate_clocks(
    calendar: Calendar,
    accepted_at: npt.ArrayLike,
    amount: int | npt.ArrayLike,
    unit: TimeUnitName | Sequence[str],
    as_of: npt.ArrayLike | _TimeLike,
    *,
    statutory_amount: int | npt.ArrayLike | None = None,
    concluded_at: npt.ArrayLike | None = None,
    errors: Literal["return"],
) -> tuple[dict[str, npt.NDArray[Any]], list[tuple[int, EfficiencyError]]]: ...

@final
class CaseContext:
    def __new__(
        cls, calendar: Calendar, items: ItemCatalog, roster_json: str, rules_json: str | None = None
    ) -> CaseContext: ...
    @staticmethod
    def sample() -> CaseContext: ...
    def with_lang(self, lang: Literal["zh", "en"]) -> CaseContext: ...
    def with_messages(self, lang: Literal["zh", "en"], name: str, text: str) -> CaseContext: ...
    @property
    def staff_ids(self) -> list[str]: ...

@final
class Case:
    def __new__(cls, context: CaseContext, case_id: str) -> Case: ...
    @staticmethod
    def from_jsonl(context: CaseContext, text: str) -> Case: ...
    def append(self, event: str | Mapping[str, object]) -> None: ...
    @property
    def id(self) -> str: ...
    @property
    def stage(self) -> str: ...
    def __len__(self) -> int: ...
    def to_jsonl(self) -> str: ...
    def status(self, as_of: _TimeLike) -> CaseStatus: ...
    def findings(self, as_of: _TimeLike) -> list[CaseFinding]: ...
    def faults(self, as_of: _TimeLike) -> list[Fault]: ...

@final
class CaseReplay:
    def __new__(
        cls,
        context: CaseContext,
        as_of: _TimeLike,
        *,
        period: tuple[_TimeLike, _TimeLike] | None = None,
        group_by: GroupByName | None = None,
        keep_statuses: bool | None = None,
    ) -> CaseReplay: ...
    def push_lines(self, lines: str | Iterable[str | Mapping[str, object]]) -> None: ...
    def push_table(self, events: object) -> None: ...
    def take_tables(self) -> tuple[Any, Any]: ...
    def take_error_table(self) -> Any: ...
    def metrics_table(self) -> Any: ...
    def finish(self) -> None: ...
    def take_statuses(self) -> list[CaseStatus]: ...
    def take_errors(self) -> list[tuple[int | None, CaseError]]: ...
    @property
    def cases(self) -> int: ...
    def metrics(self) -> dict[str, list[Any]]: ...

@final
class Organisation:
    @staticmethod
    def from_json(text: str) -> Organisation: ...
    @staticmethod
    def sample() -> Organisation: ...
    def chain(self, person: str) -> list[Link]: ...
    def unit_chain(self, unit: str) -> list[Link]: ...
    def roster_json(self) -> str: ...
    def to_json(self) -> str: ...

@final
class AccountabilityRules:
    def __new__(cls) -> AccountabilityRules: ...
    @staticmethod
    def from_json(text: str) -> AccountabilityRules: ...
    def sanction_span(
        self, running: list[tuple[str, datetime.date]], imposed: list[str], start: datetime.date
    ) -> SanctionSpan: ...

@final
class ActivityRules:
    def __new__(
        cls, conduct_json: str | None = None, complaint_json: str | None = None, calendar: Calendar | None = None
    ) -> ActivityRules: ...
    @property
    def conduct(self) -> list[ConductRule]: ...

@final
class Activity:
    @staticmethod
    def from_json(text: str) -> Activity: ...
    @staticmethod
    def sample() -> Activity: ...
    def faults(self, organisation: Organisation, rules: ActivityRules, as_of: _TimeLike) -> list[Fault]: ...
    @overload
    def whereabouts_board(
        self,
        organisation: Organisation,
        at: _TimeLike,
        rules: ActivityRules | None = None,
        *,
        table: Literal[False] = False,
    ) -> list[WhereaboutsRow]: ...
    @overload
    def whereabouts_board(
        self, organisation: Organisation, at: _TimeLike, rules: ActivityRules | None = None, *, table: Literal[True]
    ) -> Any: ...
    @overload
    def ratings_summary(
        self, organisation: Organisation, rules: ActivityRules, as_of: _TimeLike, *, table: Literal[False] = False
    ) -> list[RatingsRow]: ...
    @overload
    def ratings_summary(
        self, organisation: Organisation, rules: ActivityRules, as_of: _TimeLike, *, table: Literal[True]
    ) -> Any: ...
    @overload
    def publication_register(
        self, organisation: Organisation, rules: ActivityRules, as_of: _TimeLike, *, table: Literal[False] = False
    ) -> list[RegisterRow]: ...
    @overload
    def publication_register(
        self, organisation: Organisation, rules: ActivityRules, as_of: _TimeLike, *, table: Literal[True]
    ) -> Any: ...

def _accountability_list(
    organisation: Organisation,
    faults: Iterable[Mapping[str, object]],
    period: tuple[_TimeLike, _TimeLike],
    rules: AccountabilityRules | None,
) -> list[Entry]: ...

@final
class AssessmentRules:
    def __new__(cls) -> AssessmentRules: ...
    @staticmethod
    def from_json(text: str) -> AssessmentRules: ...
    @staticmethod
    def from_toml(text: str) -> AssessmentRules: ...
    @property
    def version(self) -> str: ...

@final
class Campaign:
    def __new__(cls, year: int, template_json: str | None = None) -> Campaign: ...
    @property
    def phases(self) -> list[Phase]: ...
    @property
    def tasks(self) -> list[Task]: ...
    def phase_on(self, date: _DateLike) -> Phase | None: ...
    def status(
        self, organisation: Organisation, submissions: Iterable[Mapping[str, object]], as_of: _TimeLike
    ) -> tuple[list[TaskStatus], list[Fault]]: ...

def _score_units(
    organisation: Organisation,
    units: Iterable[str],
    period: tuple[_TimeLike, _TimeLike],
    input: Mapping[str, object],
    rules: AssessmentRules | None,
) -> list[Scorecard]: ...
def self_inspection_faults(organisation: Organisation, form: Mapping[str, object], as_of: _TimeLike) -> list[Fault]: ...
def _annual_review_sample(year: int, cases: int, seed: int) -> AnnualReview: ...
def _merge_metrics(partials: object) -> Any: ...
def scorecard_diff(before: Mapping[str, object], after: Mapping[str, object]) -> list[DiffLine]: ...
def commendation_list(cards: Iterable[Mapping[str, object]], rules: AssessmentRules | None = None) -> list[str]: ...
def heads_responsible(
    cards: Iterable[Mapping[str, object]], rules: AssessmentRules | None = None
) -> list[tuple[str, str]]: ...

@final
class Bureau:
    @staticmethod
    def from_files(files: Mapping[str, object], cases: object | None = None) -> Bureau: ...
    @staticmethod
    def from_folder(path: str | os.PathLike[str], cases: object | None = None) -> Bureau: ...
    @staticmethod
    def sample(year: int | None = None, cases: int | None = None, seed: int | None = None) -> Bureau: ...
    def review(self, year: int, progress: Callable[[int, int], object] | None = None) -> AnnualReview: ...
    def review_report(self, year: int, lang: Literal["zh", "en"] | None = None) -> str: ...
    def review_workbook(self, year: int, lang: Literal["zh", "en"] | None = None) -> bytes: ...
    @overload
    def supervision_board(
        self,
        *,
        as_of: _TimeLike,
        group_by: GroupByName | None = None,
        since: _TimeLike | None = None,
        actions: Sequence[Mapping[str, object]] | None = None,
        rules: str | Mapping[str, object] | None = None,
        table: Literal[False] = False,
    ) -> Board: ...
    @overload
    def supervision_board(
        self,
        *,
        as_of: _TimeLike,
        group_by: GroupByName | None = None,
        since: _TimeLike | None = None,
        actions: Sequence[Mapping[str, object]] | None = None,
        rules: str | Mapping[str, object] | None = None,
        table: Literal[True],
    ) -> dict[str, Any]: ...
    def explain_card(
        self, card: str, *, as_of: _TimeLike, rules: str | Mapping[str, object] | None = None
    ) -> CardExplanation: ...
    def review_tables(self, year: int) -> dict[str, Any]: ...
    @property
    def case_events(self) -> int: ...

@final
class GuideCatalogue:
    @staticmethod
    def from_json(text: str) -> GuideCatalogue: ...
    @staticmethod
    def sample() -> GuideCatalogue: ...
    @property
    def version(self) -> str: ...
    @property
    def document(self) -> str: ...
    @property
    def effective_from(self) -> datetime.date: ...
    @property
    def guides(self) -> list[Guide]: ...
    def items(self) -> ItemCatalog: ...
    def render(
        self,
        code: str,
        format: Literal["html", "markdown", "json"] | None = None,
        lang: Literal["zh", "en"] | None = None,
    ) -> str: ...
    def diff(self, previous: GuideCatalogue) -> CatalogueDiff: ...
    @overload
    def streamlining(
        self, previous: GuideCatalogue | None = None, *, table: Literal[False] = False
    ) -> list[StreamliningRow]: ...
    @overload
    def streamlining(self, previous: GuideCatalogue | None = None, *, table: Literal[True]) -> Any: ...

@final
class MaskPolicy:
    def __new__(cls) -> MaskPolicy: ...
    @staticmethod
    def from_json(text: str) -> MaskPolicy: ...
    @property
    def profiles(self) -> list[str]: ...
    def mask_text(self, text: str, profile: str) -> MaskedText: ...
    def mask_record(self, fields: Iterable[Mapping[str, str]], profile: str) -> MaskedRecord: ...

def error_text(error: ErrorData | EfficiencyError, lang: Literal["zh", "en"] | None = None) -> str: ...
def find_personal_data(text: str) -> list[Span]: ...
@overload
def supervision_board(
    context: CaseContext,
    events: object,
    *,
    as_of: _TimeLike,
    group_by: GroupByName | None = None,
    since: _TimeLike | None = None,
    actions: Iterable[Mapping[str, object]] | None = None,
    rules: Mapping[str, object] | str | None = None,
    table: Literal[False] = False,
) -> Board: ...
@overload
def supervision_board(
    context: CaseContext,
    events: object,
    *,
    as_of: _TimeLike,
    group_by: GroupByName | None = None,
    since: _TimeLike | None = None,
    actions: Iterable[Mapping[str, object]] | None = None,
    rules: Mapping[str, object] | str | None = None,
    table: Literal[True],
) -> dict[str, Any]: ...
