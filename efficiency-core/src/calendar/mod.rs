//! Working-day calendars with China's make-up workdays (调休上班).
//!
//! A [`Calendar`] answers "which days count?" for the years it has a State Council notice for.
//! Every question is a table lookup: the table holds, for each day of the covered years, its
//! [`DayKind`] and the running count of workdays, plus the list of workdays in order, so
//! [`Calendar::add_workdays`] and [`Calendar::workdays_between`] never loop over days.
//!
//! Counting follows docs/domain.md §4.1: `add_workdays(d, n)` with `n ≥ 1` is the n-th workday
//! strictly after `d` (day 1 is the first workday after `d`, also when `d` is a rest day);
//! `workdays_between(a, b)` counts the workdays `x` with `a < x ≤ b`.
//!
//! A date in a year without data is an error naming the year, unless the calendar was made
//! provisional ([`Calendar::with_provisional`]): then years *after* the covered range are
//! answered with weekends only, and [`Calendar::is_provisional`] / the explanations say so.
//! Years before the covered range are always an error: they had holidays, we just lack them.

mod batch;
mod data;
mod error;

use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::date::Zone;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

pub use batch::{add_workdays_batch, workdays_between_batch};
pub use data::{
    CalendarDocument, FestivalDocument, PeriodDocument, YearDocument, CALENDAR_FORMAT,
    OVERLAY_FORMAT,
};
pub use error::CalendarError;

use data::{Period, Year};

/// The shipped national calendar: State Council notices 2004–2026.
///
/// ```
/// use efficiency_core::calendar::{Calendar, CHINA_JSON};
/// assert!(CHINA_JSON.contains("efficiency.calendar/1"));
/// assert_eq!(Calendar::from_json(CHINA_JSON)?.covered_years(), Calendar::china().covered_years());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const CHINA_JSON: &str = include_str!("../../data/calendar/china.json");

/// What kind of day a date is.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::date::parse_date;
/// let cal = Calendar::china();
/// use efficiency_core::calendar::DayKind;
/// assert_eq!(cal.day_kind(parse_date("2026-10-01")?)?, DayKind::Holiday);
/// assert_eq!(cal.day_kind(parse_date("2026-10-10")?)?, DayKind::MakeupWorkday);
/// assert_eq!(cal.day_kind(parse_date("2026-10-11")?)?, DayKind::RestDay);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// Monday–Friday, office open.
    Workday,
    /// Saturday or Sunday, office closed.
    RestDay,
    /// A day off of a holiday period: a statutory holiday, an in-lieu rest day, or a weekend
    /// inside the period.
    Holiday,
    /// A Saturday or Sunday that the year's notice makes a workday (调休上班).
    MakeupWorkday,
}

crate::names!(DayKind {
    Workday => "workday",
    RestDay => "rest_day",
    Holiday => "holiday",
    MakeupWorkday => "makeup_workday",
});

impl DayKind {
    /// Whether the office is open on a day of this kind.
    ///
    /// ```
    /// use efficiency_core::calendar::DayKind;
    /// assert!(DayKind::MakeupWorkday.is_workday() && DayKind::Workday.is_workday());
    /// assert!(!DayKind::Holiday.is_workday() && !DayKind::RestDay.is_workday());
    /// ```
    pub fn is_workday(self) -> bool {
        matches!(self, DayKind::Workday | DayKind::MakeupWorkday)
    }
}

impl fmt::Display for DayKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything the calendar knows about one date.
///
/// Serialised (the shape every language returns) as `date`, `kind`, `holiday_name`,
/// `holiday_name_zh`, `region`, `notice_year`, `statutory`, `provisional`, `reason` and
/// `reason_zh`.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::date::parse_date;
/// let cal = Calendar::china();
/// let info = cal.day_info(parse_date("2026-10-01")?)?;
/// assert!(info.statutory && !info.provisional);
/// assert_eq!(info.period.as_ref().map(|p| p.name_zh.as_str()), Some("国庆节"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayInfo {
    /// The date.
    pub date: NaiveDate,
    /// Its kind.
    pub kind: DayKind,
    /// For a holiday: the period it belongs to; for a make-up workday: the period it pays for.
    pub period: Option<PeriodRef>,
    /// Whether the date is a statutory holiday (法定节假日) rather than an in-lieu rest day.
    pub statutory: bool,
    /// True when the date is in a year without a notice and the answer assumes weekends only.
    pub provisional: bool,
}

/// A holiday period, as named in explanations.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::date::parse_date;
/// let cal = Calendar::china();
/// let period = cal.day_info(parse_date("2026-10-05")?)?.period.expect("a holiday");
/// assert_eq!((period.region.as_str(), period.notice_year), ("CN", 2026));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PeriodRef {
    /// English name(s), e.g. `National Day and Mid-Autumn Festival`.
    pub name: String,
    /// Chinese name(s), e.g. `国庆节、中秋节`.
    pub name_zh: String,
    /// Region of the data: `CN`, or an overlay's region such as `CN-XJ`.
    pub region: String,
    /// The year of the notice that announced it.
    pub notice_year: i32,
}

impl DayInfo {
    /// A short reason a clerk can read: `weekend`, `holiday: National Day (国庆节), statutory`,
    /// `make-up workday for National Day (国庆节)`.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::date::parse_date;
    /// let cal = Calendar::china();
    /// assert_eq!(cal.day_info(parse_date("2026-10-11")?)?.describe(), "weekend");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn describe(&self) -> String {
        self.reasons().0
    }

    /// The same reason in Chinese, as a notice or a service window says it: `周末`,
    /// `国庆节（法定假日）`, `国庆节（调休放假）`, `调休上班（国庆节）`, with
    /// `（暂定：该年节假日安排未公布）` for a year without a notice.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::date::parse_date;
    /// let cal = Calendar::china();
    /// let oct10 = cal.day_info(parse_date("2026-10-10")?)?;
    /// assert_eq!(oct10.describe(), "make-up workday for National Day (国庆节)");
    /// assert_eq!(oct10.describe_zh(), "调休上班（国庆节）");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn describe_zh(&self) -> String {
        self.reasons().1
    }

    /// The reason in English and in Chinese, decided in one place.
    pub(crate) fn reasons(&self) -> (String, String) {
        let (name, name_zh) = match &self.period {
            Some(p) if p.name_zh.is_empty() => (p.name.clone(), p.name.clone()),
            Some(p) => (format!("{} ({})", p.name, p.name_zh), p.name_zh.clone()),
            None => Default::default(),
        };
        let (mut en, mut zh) = match (self.kind, self.period.is_some()) {
            (DayKind::Holiday, true) if self.statutory => (
                format!("holiday: {name}, statutory"),
                format!("{name_zh}（法定假日）"),
            ),
            (DayKind::Holiday, true) => (
                format!("holiday: {name}, in-lieu rest day"),
                format!("{name_zh}（调休放假）"),
            ),
            (DayKind::MakeupWorkday, true) => (
                format!("make-up workday for {name}"),
                format!("调休上班（{name_zh}）"),
            ),
            (DayKind::Holiday, false) => ("holiday".into(), "节假日".into()),
            (DayKind::MakeupWorkday, false) => ("makeup_workday".into(), "调休上班".into()),
            (DayKind::RestDay, _) => ("weekend".into(), "周末".into()),
            (DayKind::Workday, _) => ("workday".into(), "工作日".into()),
        };
        if self.provisional {
            en.push_str(" (provisional: no notice for this year)");
            zh.push_str("（暂定：该年节假日安排未公布）");
        }
        (en, zh)
    }
}

/// One day in the explanation of a workday count.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::date::parse_date;
/// let cal = Calendar::china();
/// let r = cal.explain_add_workdays(parse_date("2026-09-30")?, 2)?;
/// let first = &r.days[0];
/// assert_eq!((first.date, first.ordinal), (parse_date("2026-10-01")?, None));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReckonedDay {
    /// The date.
    pub date: NaiveDate,
    /// Its kind.
    pub kind: DayKind,
    /// For a counted workday: its number in the count (1, 2, …; negative counting backwards).
    pub ordinal: Option<i32>,
    /// Why the day counts or is skipped (see [`DayInfo::describe`]).
    pub reason: String,
    /// The same in Chinese (see [`DayInfo::describe_zh`]).
    pub reason_zh: String,
}

/// The explanation of `add_workdays(start, workdays)`: every day passed, counted or skipped.
///
/// Serialised with its fields and `text`, the printed table.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::date::parse_date;
/// let cal = Calendar::china();
/// let r = cal.explain_add_workdays(parse_date("2026-09-30")?, 5)?;
/// assert_eq!(r.due, parse_date("2026-10-13")?);
/// assert!(r.days.iter().any(|d| d.reason == "make-up workday for National Day (国庆节)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkdayReckoning {
    /// The day counting starts from (not itself counted).
    pub start: NaiveDate,
    /// The number of workdays added.
    pub workdays: i32,
    /// The resulting day.
    pub due: NaiveDate,
    /// True when any day passed is in a year without a notice.
    pub provisional: bool,
    /// The days strictly after `start` up to and including `due` (before `start` down to
    /// `due` for a negative count), in date order.
    pub days: Vec<ReckonedDay>,
}

impl Serialize for DayInfo {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let p = self.period.as_ref();
        let mut st = s.serialize_struct("DayInfo", 10)?;
        st.serialize_field("date", &self.date)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("holiday_name", &p.map(|p| &p.name))?;
        st.serialize_field("holiday_name_zh", &p.map(|p| &p.name_zh))?;
        st.serialize_field("region", &p.map(|p| &p.region))?;
        st.serialize_field("notice_year", &p.map(|p| p.notice_year))?;
        st.serialize_field("statutory", &self.statutory)?;
        st.serialize_field("provisional", &self.provisional)?;
        let (reason, reason_zh) = self.reasons();
        st.serialize_field("reason", &reason)?;
        st.serialize_field("reason_zh", &reason_zh)?;
        st.end()
    }
}

impl Serialize for WorkdayReckoning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("WorkdayReckoning", 6)?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("workdays", &self.workdays)?;
        st.serialize_field("due", &self.due)?;
        st.serialize_field("provisional", &self.provisional)?;
        st.serialize_field("days", &self.days)?;
        st.serialize_field("text", &self.to_string())?;
        st.end()
    }
}

/// The schemas of the two hand-serialised results, field for field as their `Serialize`
/// impls above write them (the schema test checks every result against its schema).
#[cfg(feature = "schema")]
mod schema {
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

    use super::{DayInfo, DayKind, ReckonedDay, WorkdayReckoning};

    impl JsonSchema for DayInfo {
        fn schema_name() -> std::borrow::Cow<'static, str> {
            "DayInfo".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "object",
                "properties": {
                    "date": g.subschema_for::<chrono::NaiveDate>(),
                    "kind": g.subschema_for::<DayKind>(),
                    "holiday_name": g.subschema_for::<Option<String>>(),
                    "holiday_name_zh": g.subschema_for::<Option<String>>(),
                    "region": g.subschema_for::<Option<String>>(),
                    "notice_year": g.subschema_for::<Option<i32>>(),
                    "statutory": g.subschema_for::<bool>(),
                    "provisional": g.subschema_for::<bool>(),
                    "reason": g.subschema_for::<String>(),
                    "reason_zh": g.subschema_for::<String>(),
                },
                "required": ["date", "kind", "holiday_name", "holiday_name_zh", "region", "notice_year",
                             "statutory", "provisional", "reason", "reason_zh"],
            })
        }
    }

    impl JsonSchema for WorkdayReckoning {
        fn schema_name() -> std::borrow::Cow<'static, str> {
            "WorkdayReckoning".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "object",
                "properties": {
                    "start": g.subschema_for::<chrono::NaiveDate>(),
                    "workdays": g.subschema_for::<i32>(),
                    "due": g.subschema_for::<chrono::NaiveDate>(),
                    "provisional": g.subschema_for::<bool>(),
                    "days": g.subschema_for::<Vec<ReckonedDay>>(),
                    "text": g.subschema_for::<String>(),
                },
                "required": ["start", "workdays", "due", "provisional", "days", "text"],
            })
        }
    }
}

impl WorkdayReckoning {
    /// The days passed over without being counted.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::date::parse_date;
    /// let cal = Calendar::china();
    /// let r = cal.explain_add_workdays(parse_date("2026-09-30")?, 5)?;
    /// // 1–7 October off, 10 October a make-up workday, 11 October a Sunday.
    /// assert_eq!(r.skipped().count(), 8);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn skipped(&self) -> impl Iterator<Item = &ReckonedDay> {
        self.days.iter().filter(|d| d.ordinal.is_none())
    }
}

impl fmt::Display for WorkdayReckoning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} workdays from {} -> {}{}",
            self.workdays,
            self.start,
            self.due,
            if self.provisional {
                " (PROVISIONAL)"
            } else {
                ""
            }
        )?;
        for d in &self.days {
            let n = d
                .ordinal
                .map(|n| format!("{n:>4}"))
                .unwrap_or_else(|| "   -".into());
            writeln!(
                f,
                "  {} {:<3} {}  {}",
                d.date,
                short_weekday(d.date),
                n,
                d.reason
            )?;
        }
        Ok(())
    }
}

fn short_weekday(d: NaiveDate) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.weekday().num_days_from_monday() as usize]
}

/// A row that failed in a batch call; the other rows are unaffected.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::date::parse_date;
/// let cal = Calendar::china();
/// use efficiency_core::date::to_epoch_days;
/// let days = [to_epoch_days(parse_date("2026-09-30")?), to_epoch_days(parse_date("2031-06-01")?)];
/// let mut out = [0; 2];
/// let failed = cal.add_workdays_many(&days, &[5], &mut out);
/// assert_eq!((failed.len(), failed[0].row, failed[0].error.code()), (1, 1, "calendar.year_not_covered"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Zero-based row index.
    pub row: usize,
    /// What went wrong in that row.
    pub error: CalendarError,
}

pub use crate::date::MISSING;

#[derive(Debug, Clone, Copy)]
struct Cell {
    kind: DayKind,
    statutory: bool,
    /// Index into `Table::periods`, or `u16::MAX`.
    period: u16,
}

#[derive(Debug)]
struct Table {
    first_year: i32,
    last_year: i32,
    /// Day number (days from CE, chrono's `num_days_from_ce`) of Jan 1 of `first_year`.
    start: i32,
    /// Day number of Dec 31 of `last_year`.
    end: i32,
    cells: Vec<Cell>,
    /// `cum[i]`: workdays among table days `0..=i`.
    cum: Vec<u32>,
    /// Table offsets of the workdays, ascending.
    workdays: Vec<u32>,
    periods: Vec<PeriodRef>,
}

/// A working-day calendar: national data, optional regional overlays, and the choice of
/// strict or provisional answers for years after the data ends. Cheap to clone.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::date::parse_date;
/// let cal = Calendar::china();
/// assert!(!cal.is_workday(parse_date("2026-10-01")?)?);
/// assert_eq!(cal.add_workdays(parse_date("2026-09-30")?, 5)?, parse_date("2026-10-13")?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Calendar {
    national: Arc<CalendarDocument>,
    overlays: Arc<Vec<CalendarDocument>>,
    table: Arc<Table>,
    provisional: bool,
    zone: Zone,
}

enum Loc {
    In(usize),
    After,
}

/// Weekdays (Mon–Fri) among day numbers `..=n` relative to a fixed origin; day 1 is a Monday.
fn weekdays_through(n: i64) -> i64 {
    n.div_euclid(7) * 5 + n.rem_euclid(7).min(5)
}

/// The day number of the `c`-th weekday (inverse of [`weekdays_through`]).
fn nth_weekday(c: i64) -> i64 {
    (c - 1).div_euclid(5) * 7 + (c - 1).rem_euclid(5) + 1
}

fn ce(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

/// Upper bound for results: 9999-12-31, so that every answer prints as `YYYY-MM-DD`.
fn max_ce() -> i64 {
    i64::from(
        NaiveDate::from_ymd_opt(9999, 12, 31)
            .expect("valid")
            .num_days_from_ce(),
    )
}

impl Calendar {
    /// Mainland China's national calendar, 2004–2026, compiled in. Strict: a date outside
    /// those years is an error.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// assert_eq!(Calendar::china().covered_years(), (2004, 2026));
    /// ```
    pub fn china() -> Calendar {
        static CHINA: OnceLock<Calendar> = OnceLock::new();
        CHINA
            .get_or_init(|| {
                Calendar::from_json(CHINA_JSON).expect("shipped calendar data is valid")
            })
            .clone()
    }

    /// A calendar from a whole document in the shipped format (`efficiency.calendar/1`).
    ///
    /// ```
    /// use efficiency_core::calendar::{Calendar, CHINA_JSON};
    /// let cal = Calendar::from_json(CHINA_JSON)?;
    /// assert_eq!(cal.covered_years(), (2004, 2026));
    /// let err = Calendar::from_json(r#"{"format":"efficiency.calendar/1","region":"CN","name":"x","years":[],"extra":1}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.code(), "calendar.invalid_data");
    /// assert!(err.to_string().contains("extra"));
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Calendar, CalendarError> {
        crate::limits::document(text, "calendar")?;
        let doc = data::parse_document(text, CALENDAR_FORMAT)?;
        Calendar::from_document(doc)
    }

    /// A calendar from an already parsed document.
    ///
    /// ```
    /// use efficiency_core::calendar::{Calendar, CHINA_JSON};
    /// let mut doc = Calendar::china().document().clone();
    /// doc.years.retain(|y| y.year >= 2020);
    /// assert_eq!(Calendar::from_document(doc)?.covered_years(), (2020, 2026));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_document(doc: CalendarDocument) -> Result<Calendar, CalendarError> {
        if doc.format != CALENDAR_FORMAT {
            return Err(CalendarError::data(
                "format",
                format!("expected {CALENDAR_FORMAT:?}, found {:?}", doc.format),
            ));
        }
        let zone = match &doc.zone {
            None => Zone::CHINA,
            Some(z) => z.parse::<Zone>().map_err(|_| {
                CalendarError::data("zone", format!("{z:?} is not an offset ±HH:MM"))
            })?,
        };
        let years = data::validate_document(&doc)?;
        let table = build_table(&years, &[])?;
        Ok(Calendar {
            national: Arc::new(doc),
            overlays: Arc::new(Vec::new()),
            table: Arc::new(table),
            provisional: false,
            zone,
        })
    }

    /// A new calendar with one year added (the year after the last, or before the first) or
    /// replaced (a notice amended during the year), from one year entry in the shipped format.
    /// Overlays are laid on again and must still agree; `self` is unchanged.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// let y2027 = r#"{"year": 2027, "notice": "国务院办公厅关于2027年部分节假日安排的通知",
    ///   "periods": [{"festivals": [{"name": "New Year's Day", "name_zh": "元旦", "statutory": ["2027-01-01"]}],
    ///                "from": "2027-01-01", "to": "2027-01-03"}]}"#;
    /// let cal = Calendar::china().with_year(y2027)?;
    /// assert_eq!(cal.covered_years(), (2004, 2027));
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn with_year(&self, year_json: &str) -> Result<Calendar, CalendarError> {
        let year = data::parse_year_document(year_json)?;
        let mut doc = (*self.national).clone();
        match doc.years.iter().position(|y| y.year == year.year) {
            Some(i) => doc.years[i] = year,
            None => {
                let (first, last) = self.covered_years();
                if year.year == last + 1 {
                    doc.years.push(year);
                } else if year.year == first - 1 {
                    doc.years.insert(0, year);
                } else {
                    return Err(CalendarError::data(
                        "year",
                        format!(
                            "{} would leave a gap: this calendar covers {first}-{last}, so a new year must be {} or {}",
                            year.year,
                            first - 1,
                            last + 1
                        ),
                    ));
                }
            }
        }
        let years = data::validate_document(&doc)?;
        let overlays = self
            .overlays
            .iter()
            .map(validate_overlay)
            .collect::<Result<Vec<_>, _>>()?;
        let table = build_table(&years, &overlays)?;
        Ok(Calendar {
            national: Arc::new(doc),
            overlays: self.overlays.clone(),
            table: Arc::new(table),
            provisional: self.provisional,
            zone: self.zone,
        })
    }

    /// A new calendar with a regional overlay (`efficiency.calendar-overlay/1`) laid on top:
    /// its periods add days off (and make-up workdays) for that region. An overlay day that the
    /// calendar already treats as a holiday or a make-up workday is a conflict, as is a year the
    /// calendar does not cover.
    ///
    /// ```
    /// use efficiency_core::calendar::{Calendar, DayKind};
    /// use efficiency_core::date::parse_date;
    /// let xj = r#"{"format": "efficiency.calendar-overlay/1", "region": "CN-XJ", "name": "Xinjiang",
    ///   "years": [{"year": 2026, "notice": "新疆维吾尔自治区 2026 年古尔邦节放假通知 (example)",
    ///     "periods": [{"festivals": [{"name": "Corban Festival", "name_zh": "古尔邦节", "statutory": ["2026-05-27"]}],
    ///                  "from": "2026-05-27", "to": "2026-05-29"}]}]}"#;
    /// let cal = Calendar::china().with_overlay(xj)?;
    /// assert_eq!(cal.day_kind(parse_date("2026-05-27")?)?, DayKind::Holiday);
    /// assert_eq!(Calendar::china().day_kind(parse_date("2026-05-27")?)?, DayKind::Workday);
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn with_overlay(&self, overlay_json: &str) -> Result<Calendar, CalendarError> {
        let doc = data::parse_document(overlay_json, OVERLAY_FORMAT)?;
        let years = data::validate_document(&self.national)?;
        let mut overlay_docs = (*self.overlays).clone();
        overlay_docs.push(doc);
        let overlays = overlay_docs
            .iter()
            .map(validate_overlay)
            .collect::<Result<Vec<_>, _>>()?;
        let table = build_table(&years, &overlays)?;
        Ok(Calendar {
            national: self.national.clone(),
            overlays: Arc::new(overlay_docs),
            table: Arc::new(table),
            provisional: self.provisional,
            zone: self.zone,
        })
    }

    /// The same calendar, answering (`true`) or refusing (`false`) dates in years after the
    /// covered range. Provisional answers assume weekends only and are marked as such.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::date::parse_date;
    /// let d = parse_date("2030-06-03")?;
    /// assert_eq!(Calendar::china().is_workday(d).unwrap_err().code(), "calendar.year_not_covered");
    /// let cal = Calendar::china().with_provisional(true);
    /// assert!(cal.is_workday(d)?);
    /// assert!(cal.is_provisional(d));
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn with_provisional(&self, provisional: bool) -> Calendar {
        Calendar {
            provisional,
            ..self.clone()
        }
    }

    /// The same calendar with its wall-clock times in `zone` (a bureau's settings).
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// let west = Calendar::china().with_zone("+05:00".parse().unwrap());
    /// assert_eq!(west.zone().to_string(), "+05:00");
    /// assert_eq!(west.covered_years(), Calendar::china().covered_years()); // the same days
    /// ```
    pub fn with_zone(&self, zone: Zone) -> Calendar {
        Calendar {
            zone,
            ..self.clone()
        }
    }

    /// The zone the office's wall-clock times are in (the document's `zone`, default UTC+8).
    /// A time given with an offset is converted to it ([`crate::date::ParsedTime::local`]).
    ///
    /// ```
    /// use efficiency_core::calendar::{Calendar, CHINA_JSON};
    /// assert_eq!(Calendar::china().zone().to_string(), "+08:00");
    /// let west = Calendar::from_json(&CHINA_JSON.replace(r#""zone": "+08:00""#, r#""zone": "+05:00""#))?;
    /// assert_eq!(west.zone().to_string(), "+05:00");
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// Whether this calendar answers provisionally for years after its data.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// assert!(!Calendar::china().provisional());
    /// assert!(Calendar::china().with_provisional(true).provisional());
    /// ```
    pub fn provisional(&self) -> bool {
        self.provisional
    }

    /// First and last year with a notice.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// assert_eq!(Calendar::china().covered_years(), (2004, 2026));
    /// ```
    pub fn covered_years(&self) -> (i32, i32) {
        (self.table.first_year, self.table.last_year)
    }

    /// Region code of the national data (e.g. `CN`) followed by the overlays' (e.g. `CN-XJ`).
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// assert_eq!(Calendar::china().regions(), ["CN"]);
    /// ```
    pub fn regions(&self) -> Vec<String> {
        std::iter::once(self.national.region.clone())
            .chain(self.overlays.iter().map(|o| o.region.clone()))
            .collect()
    }

    /// The national document, as loaded (overlays are kept separately).
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// let cal = Calendar::china();
    /// let doc = cal.document();
    /// assert_eq!((doc.region.as_str(), doc.years.last().map(|y| y.year)), ("CN", Some(2026)));
    /// ```
    pub fn document(&self) -> &CalendarDocument {
        &self.national
    }

    /// The national data as JSON in the shipped format; `Calendar::from_json` reads it back.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// let cal = Calendar::china();
    /// let again = Calendar::from_json(&cal.to_json())?;
    /// assert_eq!(again.covered_years(), cal.covered_years());
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&*self.national).expect("documents serialize")
    }

    /// Whether `date` is answered provisionally (a year after the data, in a provisional
    /// calendar).
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use chrono::NaiveDate;
    /// let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    /// let cal = Calendar::china().with_provisional(true);
    /// assert!(cal.is_provisional(d("2027-03-01")) && !cal.is_provisional(d("2026-03-02")));
    /// assert!(cal.provisional() && !Calendar::china().provisional());
    /// ```
    pub fn is_provisional(&self, date: NaiveDate) -> bool {
        self.provisional && ce(date) > self.table.end
    }

    fn not_covered(&self, year: i32, date: Option<NaiveDate>) -> CalendarError {
        CalendarError::YearNotCovered {
            year,
            date,
            first: self.table.first_year,
            last: self.table.last_year,
            provisional_allowed: year > self.table.last_year,
        }
    }

    fn locate(&self, day: i32) -> Result<Loc, CalendarError> {
        let t = &*self.table;
        if day >= t.start && day <= t.end {
            return Ok(Loc::In((day - t.start) as usize));
        }
        if day > t.end && self.provisional && i64::from(day) <= max_ce() {
            return Ok(Loc::After);
        }
        match NaiveDate::from_num_days_from_ce_opt(day).filter(|d| d.year() <= 9999) {
            Some(date) => Err(self.not_covered(date.year(), Some(date))),
            None => Err(CalendarError::OutOfRange {
                operation: format!(
                    "day {} since 1970-01-01",
                    i64::from(day) - i64::from(crate::date::UNIX_EPOCH_CE)
                ),
            }),
        }
    }

    /// Workdays among covered days up to and including `day` (counting from the table start).
    fn cum(&self, day: i32, loc: &Loc) -> i64 {
        let t = &*self.table;
        match *loc {
            Loc::In(i) => i64::from(t.cum[i]),
            Loc::After => {
                i64::from(*t.cum.last().expect("non-empty table"))
                    + weekdays_through(i64::from(day))
                    - weekdays_through(i64::from(t.end))
            }
        }
    }

    fn is_work(&self, day: i32, loc: &Loc) -> bool {
        match *loc {
            Loc::In(i) => self.table.cells[i].kind.is_workday(),
            Loc::After => (1..=5).contains(&day.rem_euclid(7)), // day 1 is a Monday
        }
    }

    /// The day number of the `k`-th workday (1-based) counted from the table start.
    fn kth_workday(&self, k: i64, op: impl Fn() -> String) -> Result<i32, CalendarError> {
        let t = &*self.table;
        if k < 1 {
            return Err(self.not_covered(t.first_year - 1, None));
        }
        let total = t.workdays.len() as i64;
        if k <= total {
            return Ok(t.start + t.workdays[(k - 1) as usize] as i32);
        }
        if !self.provisional {
            return Err(self.not_covered(t.last_year + 1, None));
        }
        let day = nth_weekday(weekdays_through(i64::from(t.end)) + (k - total));
        if day > max_ce() {
            return Err(CalendarError::OutOfRange { operation: op() });
        }
        Ok(day as i32)
    }

    fn add_days(&self, day: i32, n: i64, op: impl Fn() -> String) -> Result<i32, CalendarError> {
        let loc = self.locate(day)?;
        if n == 0 {
            return Ok(day);
        }
        let cum = self.cum(day, &loc);
        let k = if n > 0 {
            cum.checked_add(n)
        } else {
            (cum - i64::from(self.is_work(day, &loc))).checked_add(n + 1)
        };
        match k {
            Some(k) => self.kth_workday(k, op),
            None => Err(CalendarError::OutOfRange { operation: op() }),
        }
    }

    /// Everything known about `date`.
    ///
    /// ```
    /// use efficiency_core::calendar::{Calendar, DayKind};
    /// use efficiency_core::date::parse_date;
    /// let info = Calendar::china().day_info(parse_date("2026-02-17")?)?;
    /// assert_eq!(info.kind, DayKind::Holiday);
    /// assert!(info.statutory);
    /// assert_eq!(info.describe(), "holiday: Spring Festival (春节), statutory");
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn day_info(&self, date: NaiveDate) -> Result<DayInfo, CalendarError> {
        let day = ce(date);
        match self.locate(day)? {
            Loc::In(i) => {
                let c = self.table.cells[i];
                Ok(DayInfo {
                    date,
                    kind: c.kind,
                    period: self.table.periods.get(usize::from(c.period)).cloned(),
                    statutory: c.statutory,
                    provisional: false,
                })
            }
            Loc::After => Ok(DayInfo {
                date,
                kind: weekend_kind(date),
                period: None,
                statutory: false,
                provisional: true,
            }),
        }
    }

    /// The kind of `date`.
    ///
    /// ```
    /// use efficiency_core::calendar::{Calendar, DayKind};
    /// use efficiency_core::date::parse_date;
    /// let cal = Calendar::china();
    /// // The known data trap: 2005-12-31 was a Saturday *and* a workday (2006 notice).
    /// assert_eq!(cal.day_kind(parse_date("2005-12-31")?)?, DayKind::MakeupWorkday);
    /// assert_eq!(cal.day_kind(parse_date("2015-09-03")?)?, DayKind::Holiday);
    /// assert_eq!(cal.day_kind(parse_date("2026-11-28")?)?, DayKind::RestDay);
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn day_kind(&self, date: NaiveDate) -> Result<DayKind, CalendarError> {
        let day = ce(date);
        match self.locate(day)? {
            Loc::In(i) => Ok(self.table.cells[i].kind),
            Loc::After => Ok(weekend_kind(date)),
        }
    }

    /// Whether the office is open on `date`.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::date::parse_date;
    /// assert!(Calendar::china().is_workday(parse_date("2026-02-28")?)?); // a make-up Saturday
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn is_workday(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        Ok(self.day_kind(date)?.is_workday())
    }

    /// The English name of the holiday period `date` is in, or `None` if it is not a holiday.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::date::parse_date;
    /// let cal = Calendar::china();
    /// assert_eq!(cal.holiday_name(parse_date("2025-10-06")?)?.as_deref(), Some("National Day and Mid-Autumn Festival"));
    /// assert_eq!(cal.holiday_name(parse_date("2025-10-09")?)?, None);
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn holiday_name(&self, date: NaiveDate) -> Result<Option<String>, CalendarError> {
        let info = self.day_info(date)?;
        Ok(match info.kind {
            DayKind::Holiday => info.period.map(|p| p.name),
            _ => None,
        })
    }

    /// `n ≥ 1`: the n-th workday strictly after `date` (day 1 is the first workday after it,
    /// also when `date` is a rest day); `n = 0`: `date` itself; `n < 0`: the |n|-th workday
    /// strictly before `date`.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::date::parse_date;
    /// let cal = Calendar::china();
    /// // Accepted on a Monday before National Day: 2 workdays, the holiday, a make-up Saturday...
    /// assert_eq!(cal.add_workdays(parse_date("2026-09-28")?, 20)?, parse_date("2026-10-30")?);
    /// // Accepted on a Sunday (online): day 1 is Monday.
    /// assert_eq!(cal.add_workdays(parse_date("2026-11-29")?, 1)?, parse_date("2026-11-30")?);
    /// assert_eq!(cal.add_workdays(parse_date("2026-10-08")?, -1)?, parse_date("2026-09-30")?);
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn add_workdays(&self, date: NaiveDate, n: i32) -> Result<NaiveDate, CalendarError> {
        let op = || format!("add_workdays({date}, {n})");
        let day = self.add_days(ce(date), i64::from(n), op)?;
        Ok(NaiveDate::from_num_days_from_ce_opt(day).expect("table days are valid dates"))
    }

    /// The number of workdays `x` with `a < x ≤ b`; negative when `b < a`.
    /// `add_workdays(a, workdays_between(a, b))` is `b` whenever `b` is a workday.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::date::parse_date;
    /// let cal = Calendar::china();
    /// assert_eq!(cal.workdays_between(parse_date("2026-09-28")?, parse_date("2026-10-30")?)?, 20);
    /// assert_eq!(cal.workdays_between(parse_date("2026-10-30")?, parse_date("2026-09-28")?)?, -20);
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn workdays_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i32, CalendarError> {
        let v = self.between_days(ce(a), ce(b))?;
        Ok(v as i32)
    }

    fn between_days(&self, a: i32, b: i32) -> Result<i64, CalendarError> {
        let la = self.locate(a)?;
        let lb = self.locate(b)?;
        Ok(self.cum(b, &lb) - self.cum(a, &la))
    }

    /// The first workday strictly after `date`.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use chrono::NaiveDate;
    /// let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    /// // National Day 2026: the first workday after Sep 30 is Oct 8, and back again.
    /// let cal = Calendar::china();
    /// assert_eq!(cal.next_workday(d("2026-09-30"))?, d("2026-10-08"));
    /// assert_eq!(cal.previous_workday(d("2026-10-08"))?, d("2026-09-30"));
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn next_workday(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_workdays(date, 1)
    }

    /// The last workday strictly before `date`.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::date::parse_date;
    /// let cal = Calendar::china();
    /// assert_eq!(cal.previous_workday(parse_date("2026-10-08")?)?, parse_date("2026-09-30")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn previous_workday(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_workdays(date, -1)
    }

    /// [`add_workdays`](Calendar::add_workdays) with its working shown: every day passed,
    /// whether it counted, and why not.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::date::parse_date;
    /// let r = Calendar::china().explain_add_workdays(parse_date("2026-09-28")?, 20)?;
    /// assert_eq!(r.due, parse_date("2026-10-30")?);
    /// let first_skip = r.skipped().next().unwrap();
    /// assert_eq!(first_skip.date, parse_date("2026-10-01")?);
    /// assert_eq!(first_skip.reason, "holiday: National Day (国庆节), statutory");
    /// # Ok::<(), efficiency_core::calendar::CalendarError>(())
    /// ```
    pub fn explain_add_workdays(
        &self,
        date: NaiveDate,
        n: i32,
    ) -> Result<WorkdayReckoning, CalendarError> {
        let due = self.add_workdays(date, n)?;
        let (lo, hi) = if n >= 0 {
            (date.succ_opt(), Some(due))
        } else {
            (Some(due), date.pred_opt())
        };
        let mut days = Vec::new();
        let mut provisional = false;
        if let (Some(lo), Some(hi)) = (lo, hi) {
            let span = (hi - lo).num_days() + 1;
            if span > crate::limits::MAX_EXPLAINED_DAYS {
                return Err(CalendarError::TooLong {
                    operation: format!("explain_add_workdays({date}, {n})"),
                    days: span,
                    max: crate::limits::MAX_EXPLAINED_DAYS,
                });
            }
            let mut ordinal = if n >= 0 { 0 } else { n - 1 };
            for d in lo.iter_days().take_while(|d| *d <= hi) {
                let info = self.day_info(d)?;
                provisional |= info.provisional;
                let counted = info.kind.is_workday().then(|| {
                    ordinal += 1;
                    ordinal
                });
                // A counted plain workday needs no more words (the reckoning says if provisional).
                let (reason, reason_zh) = if info.kind == DayKind::Workday {
                    ("workday".to_string(), "工作日".to_string())
                } else {
                    info.reasons()
                };
                days.push(ReckonedDay {
                    date: d,
                    kind: info.kind,
                    ordinal: counted,
                    reason,
                    reason_zh,
                });
            }
        }
        Ok(WorkdayReckoning {
            start: date,
            workdays: n,
            due,
            provisional,
            days,
        })
    }

    /// Batch form of [`add_workdays`](Calendar::add_workdays) over day numbers since
    /// 1970-01-01 (numpy `datetime64[D]`). `n` has one entry per row, or a single entry used
    /// for every row. Rows whose date is [`MISSING`] stay missing; a row that fails is
    /// [`MISSING`] in `out` and listed in the returned errors. No row affects another.
    ///
    /// ```
    /// use efficiency_core::calendar::{Calendar, MISSING};
    /// let cal = Calendar::china();
    /// let sep28 = 20_724; // 2026-09-28
    /// let mut out = vec![0; 3];
    /// let errors = cal.add_workdays_many(&[sep28, MISSING, 40_000], &[20], &mut out);
    /// assert_eq!(out, vec![sep28 + 32, MISSING, MISSING]);
    /// assert_eq!(errors.len(), 1);
    /// assert_eq!((errors[0].row, errors[0].error.code()), (2, "calendar.year_not_covered"));
    /// ```
    pub fn add_workdays_many(&self, dates: &[i64], n: &[i64], out: &mut [i64]) -> Vec<RowError> {
        assert_eq!(dates.len(), out.len(), "out must have one slot per date");
        assert!(
            n.len() == 1 || n.len() == dates.len(),
            "n must have one entry, or one per date"
        );
        let mut errors = Vec::new();
        let epoch = i64::from(crate::date::UNIX_EPOCH_CE);
        for (row, (&d, slot)) in dates.iter().zip(out.iter_mut()).enumerate() {
            let k = if n.len() == 1 { n[0] } else { n[row] };
            if d == MISSING {
                *slot = MISSING;
                continue;
            }
            let result = match d.checked_add(epoch).and_then(|x| i32::try_from(x).ok()) {
                Some(day) => self.add_days(day, k, || format!("add_workdays(day {d}, {k})")),
                None => Err(CalendarError::OutOfRange {
                    operation: format!("add_workdays(day {d}, {k})"),
                }),
            };
            match result {
                Ok(day) => *slot = i64::from(day) - epoch,
                Err(error) => {
                    *slot = MISSING;
                    errors.push(RowError { row, error });
                }
            }
        }
        errors
    }

    /// Batch form of [`workdays_between`](Calendar::workdays_between) over day numbers since
    /// 1970-01-01; same conventions as [`add_workdays_many`](Calendar::add_workdays_many).
    ///
    /// ```
    /// use efficiency_core::calendar::{Calendar, MISSING};
    /// use efficiency_core::date::to_epoch_days;
    /// use chrono::NaiveDate;
    /// let d = |s: &str| to_epoch_days(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
    /// let mut out = [0i64; 3];
    /// let errors = Calendar::china().workdays_between_many(
    ///     &[d("2026-09-28"), MISSING, d("2026-09-28")],
    ///     &[d("2026-10-30"), d("2026-10-30"), d("2031-01-01")],
    ///     &mut out,
    /// );
    /// assert_eq!((out[0], out[1]), (20, MISSING));
    /// assert_eq!((errors.len(), errors[0].row), (1, 2)); // 2031 has no notice
    /// ```
    pub fn workdays_between_many(&self, a: &[i64], b: &[i64], out: &mut [i64]) -> Vec<RowError> {
        assert!(
            a.len() == b.len() && a.len() == out.len(),
            "a, b and out must have the same length"
        );
        let mut errors = Vec::new();
        let epoch = i64::from(crate::date::UNIX_EPOCH_CE);
        let to_day = |d: i64| d.checked_add(epoch).and_then(|x| i32::try_from(x).ok());
        for (row, ((&x, &y), slot)) in a.iter().zip(b).zip(out.iter_mut()).enumerate() {
            if x == MISSING || y == MISSING {
                *slot = MISSING;
                continue;
            }
            let result = match (to_day(x), to_day(y)) {
                (Some(x), Some(y)) => self.between_days(x, y),
                _ => Err(CalendarError::OutOfRange {
                    operation: format!("workdays_between(day {x}, day {y})"),
                }),
            };
            match result {
                Ok(v) => *slot = v,
                Err(error) => {
                    *slot = MISSING;
                    errors.push(RowError { row, error });
                }
            }
        }
        errors
    }
}

fn weekend_kind(date: NaiveDate) -> DayKind {
    match date.weekday() {
        Weekday::Sat | Weekday::Sun => DayKind::RestDay,
        _ => DayKind::Workday,
    }
}

fn validate_overlay(doc: &CalendarDocument) -> Result<Vec<Year>, CalendarError> {
    if doc.format != OVERLAY_FORMAT {
        return Err(CalendarError::data(
            "format",
            format!("expected {OVERLAY_FORMAT:?}, found {:?}", doc.format),
        ));
    }
    data::validate_document(doc)
}

fn build_table(years: &[Year], overlays: &[Vec<Year>]) -> Result<Table, CalendarError> {
    let first_year = years.first().expect("validated: non-empty").year;
    let last_year = years.last().expect("validated: non-empty").year;
    let start_date = NaiveDate::from_ymd_opt(first_year, 1, 1).expect("valid");
    let end_date = NaiveDate::from_ymd_opt(last_year, 12, 31).expect("valid");
    let (start, end) = (ce(start_date), ce(end_date));
    let len = (end - start + 1) as usize;
    let mut cells: Vec<Cell> = start_date
        .iter_days()
        .take(len)
        .map(|d| Cell {
            kind: weekend_kind(d),
            statutory: false,
            period: u16::MAX,
        })
        .collect();
    let mut periods: Vec<PeriodRef> = Vec::new();
    for y in years {
        for p in &y.periods {
            apply_period(p, start, end, &mut cells, &mut periods, None)?;
        }
    }
    for (o, ov) in overlays.iter().enumerate() {
        for (yi, y) in ov.iter().enumerate() {
            if y.year < first_year || y.year > last_year {
                return Err(CalendarError::data(
                    format!("overlays[{o}].years[{yi}].year"),
                    format!(
                        "{} is not covered by the national calendar ({first_year}-{last_year})",
                        y.year
                    ),
                ));
            }
            for (j, p) in y.periods.iter().enumerate() {
                apply_period(
                    p,
                    start,
                    end,
                    &mut cells,
                    &mut periods,
                    Some(format!("overlays[{o}].years[{yi}].periods[{j}]")),
                )?;
            }
        }
    }
    let mut cum = Vec::with_capacity(len);
    let mut workdays = Vec::new();
    let mut count = 0u32;
    for (i, c) in cells.iter().enumerate() {
        if c.kind.is_workday() {
            count += 1;
            workdays.push(i as u32);
        }
        cum.push(count);
    }
    Ok(Table {
        first_year,
        last_year,
        start,
        end,
        cells,
        cum,
        workdays,
        periods,
    })
}

/// Marks the days of `p` in `cells`. `overlay_path` is set for overlay periods, which may only
/// touch days the calendar does not already assign to a period.
fn apply_period(
    p: &Period,
    start: i32,
    end: i32,
    cells: &mut [Cell],
    periods: &mut Vec<PeriodRef>,
    overlay_path: Option<String>,
) -> Result<(), CalendarError> {
    let idx = u16::try_from(periods.len())
        .ok()
        .filter(|i| *i != u16::MAX)
        .ok_or_else(|| CalendarError::data("years", "too many holiday periods"))?;
    periods.push(PeriodRef {
        name: p.name.clone(),
        name_zh: p.name_zh.clone(),
        region: p.region.clone(),
        notice_year: p.notice_year,
    });
    let days_off = p
        .from
        .iter_days()
        .take_while(|d| *d <= p.to)
        .map(|d| (d, DayKind::Holiday));
    let makeup = p.makeup.iter().map(|&d| (d, DayKind::MakeupWorkday));
    for (d, kind) in days_off.chain(makeup) {
        let day = ce(d);
        if day < start || day > end {
            continue; // December of the year before the first covered year
        }
        let cell = &mut cells[(day - start) as usize];
        if let Some(path) = &overlay_path {
            if cell.period != u16::MAX {
                let other = &periods[usize::from(cell.period)];
                return Err(CalendarError::OverlayConflict {
                    date: d,
                    path: path.clone(),
                    message: format!(
                        "{} ({}) would make it a {kind}, but it is already a {} for {} ({}, {} notice)",
                        p.name, p.region, cell.kind, other.name, other.region, other.notice_year
                    ),
                });
            }
        }
        let statutory = kind == DayKind::Holiday && p.statutory.binary_search(&d).is_ok();
        *cell = Cell {
            kind,
            statutory,
            period: idx,
        };
    }
    Ok(())
}

#[cfg(test)]
mod tests;
