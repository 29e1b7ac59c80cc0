//! The calendar data format (`efficiency.calendar/1`) and its validation.
//!
//! The shipped file `data/calendar/china.json` is one document in this format; a user loads a
//! newer year, a whole calendar, or a regional overlay (`efficiency.calendar-overlay/1`) in the
//! same format at run time. Validation is all-or-nothing: a document either becomes a calendar
//! entirely or is rejected with the path of the first problem.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::CalendarError;
use crate::date::parse_date;

/// Format tag of a national (or whole) calendar document.
///
/// ```
/// use efficiency_core::calendar::{Calendar, CALENDAR_FORMAT};
/// assert_eq!(Calendar::china().document().format, CALENDAR_FORMAT);
/// ```
pub const CALENDAR_FORMAT: &str = "efficiency.calendar/1";
/// Format tag of a regional overlay document.
///
/// ```
/// use efficiency_core::calendar::{Calendar, OVERLAY_FORMAT};
/// let overlay = format!(r#"{{"format": "{OVERLAY_FORMAT}", "region": "CN-GX", "name": "Guangxi",
///   "years": [{{"year": 2026, "notice": "三月三", "periods": [{{"festivals": [{{"name": "Sanyuesan", "name_zh": "三月三"}}],
///   "from": "2026-04-20", "to": "2026-04-21"}}]}}]}}"#);
/// assert_eq!(Calendar::china().with_overlay(&overlay)?.regions(), ["CN", "CN-GX"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const OVERLAY_FORMAT: &str = "efficiency.calendar-overlay/1";

/// A calendar document: one entry per year, each citing the notice it comes from.
///
/// ```
/// use efficiency_core::calendar::{Calendar, CalendarDocument, CHINA_JSON};
/// let doc: CalendarDocument = serde_json::from_str(CHINA_JSON)?;
/// assert_eq!(doc.years.first().map(|y| y.year), Some(2004));
/// assert!(Calendar::from_document(doc).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarDocument {
    /// [`CALENDAR_FORMAT`] or [`OVERLAY_FORMAT`].
    pub format: String,
    /// Region code, e.g. `CN` or `CN-XJ`.
    pub region: String,
    /// Human-readable name of the calendar.
    pub name: String,
    /// Where the data comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The zone the office's wall-clock times are in, `±HH:MM` (default `+08:00`, China
    /// Standard Time). Times given with an offset are converted to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// The years, in ascending order.
    pub years: Vec<YearDocument>,
}

/// One year's arrangement, as one notice (plus its amendments) announced it.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// let cal = Calendar::china();
/// let y2026 = cal.document().years.iter().find(|y| y.year == 2026).expect("2026 is covered");
/// assert!(y2026.notice.contains("2026"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearDocument {
    /// The year the notice is for. Its periods may reach back into late December of the year
    /// before (e.g. 2005-12-31 is a make-up workday announced by the 2006 notice).
    pub year: i32,
    /// Title (and document number, where known) of the notice.
    pub notice: String,
    /// Later notices that changed this year's arrangement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<String>,
    /// Remarks for people checking the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The holiday periods of the year.
    pub periods: Vec<PeriodDocument>,
}

/// A run of days off for one or more festivals, and the make-up workdays that pay for it.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// let cal = Calendar::china();
/// let y2026 = cal.document().years.iter().find(|y| y.year == 2026).expect("2026 is covered");
/// let national_day = y2026.periods.iter().find(|p| p.from == "2026-10-01").expect("National Day");
/// assert_eq!((national_day.to.as_str(), national_day.makeup_workdays.len()), ("2026-10-07", 2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PeriodDocument {
    /// The festivals the period is for (two when, e.g., Mid-Autumn falls in National Day week).
    pub festivals: Vec<FestivalDocument>,
    /// First day off, `YYYY-MM-DD`.
    pub from: String,
    /// Last day off, `YYYY-MM-DD`, inclusive.
    pub to: String,
    /// Saturdays or Sundays that are workdays because of this period (调休上班).
    #[serde(default)]
    pub makeup_workdays: Vec<String>,
    /// Remarks (e.g. an amendment that changed this period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A festival and its statutory days (法定节假日) inside a period; the other days of the
/// period are in-lieu rest days or weekends.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// let cal = Calendar::china();
/// let y2026 = cal.document().years.iter().find(|y| y.year == 2026).expect("2026 is covered");
/// let names: Vec<&str> = y2026.periods.iter().flat_map(|p| &p.festivals).map(|f| f.name_zh.as_str()).collect();
/// assert!(names.contains(&"春节") && names.contains(&"国庆节"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FestivalDocument {
    /// English name, e.g. `Spring Festival`.
    pub name: String,
    /// Chinese name, e.g. `春节`.
    #[serde(default)]
    pub name_zh: String,
    /// The statutory days of this festival (a subset of the period).
    #[serde(default)]
    pub statutory: Vec<String>,
}

/// A validated period, with parsed dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Period {
    pub name: String,
    pub name_zh: String,
    pub region: String,
    pub notice_year: i32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub statutory: Vec<NaiveDate>,
    pub makeup: Vec<NaiveDate>,
}

/// A validated year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Year {
    pub year: i32,
    pub periods: Vec<Period>,
}

pub(crate) fn parse_document(
    text: &str,
    expected_format: &str,
) -> Result<CalendarDocument, CalendarError> {
    let doc: CalendarDocument = serde_json::from_str(text).map_err(json_error)?;
    if doc.format != expected_format {
        return Err(CalendarError::data(
            "format",
            format!("expected {expected_format:?}, found {:?}", doc.format),
        ));
    }
    Ok(doc)
}

pub(crate) fn parse_year_document(text: &str) -> Result<YearDocument, CalendarError> {
    serde_json::from_str(text).map_err(json_error)
}

fn json_error(e: serde_json::Error) -> CalendarError {
    let (path, message) = crate::json::error_parts(&e);
    CalendarError::data(path, message)
}

/// Validates a whole document; `years` must be ascending and contiguous.
pub(crate) fn validate_document(doc: &CalendarDocument) -> Result<Vec<Year>, CalendarError> {
    if doc.region.trim().is_empty() {
        return Err(CalendarError::data("region", "must not be empty"));
    }
    if doc.years.is_empty() {
        return Err(CalendarError::data(
            "years",
            "a calendar needs at least one year",
        ));
    }
    let mut years = Vec::with_capacity(doc.years.len());
    for (i, y) in doc.years.iter().enumerate() {
        let path = format!("years[{i}]");
        let year = validate_year(y, &path, &doc.region)?;
        if let Some(prev) = years.last().map(|p: &Year| p.year) {
            let required_next = doc.format == CALENDAR_FORMAT;
            if year.year <= prev || (required_next && year.year != prev + 1) {
                let want = if required_next {
                    format!("{}", prev + 1)
                } else {
                    format!("a year after {prev}")
                };
                return Err(CalendarError::data(
                    format!("{path}.year"),
                    format!(
                        "years must be ascending without gaps: expected {want}, found {}",
                        year.year
                    ),
                ));
            }
        }
        years.push(year);
    }
    check_cross_year(&years, "years")?;
    Ok(years)
}

/// Validates one year; `path` prefixes every error location.
pub(crate) fn validate_year(
    y: &YearDocument,
    path: &str,
    region: &str,
) -> Result<Year, CalendarError> {
    if !(2..=9999).contains(&y.year) {
        return Err(CalendarError::data(
            format!("{path}.year"),
            format!("{} is outside 2-9999", y.year),
        ));
    }
    if y.notice.trim().is_empty() {
        return Err(CalendarError::data(
            format!("{path}.notice"),
            "every year must cite the notice it comes from",
        ));
    }
    // A notice may reach into December of the year before, never further.
    let earliest = NaiveDate::from_ymd_opt(y.year - 1, 12, 1).expect("valid");
    let latest = NaiveDate::from_ymd_opt(y.year, 12, 31).expect("valid");
    let mut periods = Vec::with_capacity(y.periods.len());
    for (j, p) in y.periods.iter().enumerate() {
        let pp = format!("{path}.periods[{j}]");
        let date = |field: &str, s: &str| -> Result<NaiveDate, CalendarError> {
            let d = parse_date(s).map_err(|_| {
                CalendarError::data(
                    format!("{pp}.{field}"),
                    format!("{s:?} is not a valid YYYY-MM-DD date"),
                )
            })?;
            if d < earliest || d > latest {
                return Err(CalendarError::data(
                    format!("{pp}.{field}"),
                    format!(
                        "{d} is outside the {} notice's reach ({earliest} to {latest})",
                        y.year
                    ),
                ));
            }
            Ok(d)
        };
        if p.festivals.is_empty() {
            return Err(CalendarError::data(
                format!("{pp}.festivals"),
                "a period names at least one festival",
            ));
        }
        let from = date("from", &p.from)?;
        let to = date("to", &p.to)?;
        if to < from {
            return Err(CalendarError::data(
                format!("{pp}.to"),
                format!("{to} is before from ({from})"),
            ));
        }
        if (to - from).num_days() > 30 {
            return Err(CalendarError::data(
                format!("{pp}.to"),
                format!(
                    "a period of {} days ({from} to {to}) is longer than 31 days",
                    (to - from).num_days() + 1
                ),
            ));
        }
        let mut statutory = Vec::new();
        let mut names = Vec::new();
        let mut names_zh = Vec::new();
        for (k, f) in p.festivals.iter().enumerate() {
            let fp = format!("festivals[{k}]");
            if f.name.trim().is_empty() {
                return Err(CalendarError::data(
                    format!("{pp}.{fp}.name"),
                    "must not be empty",
                ));
            }
            names.push(f.name.clone());
            if !f.name_zh.is_empty() {
                names_zh.push(f.name_zh.clone());
            }
            for (m, s) in f.statutory.iter().enumerate() {
                let d = date(&format!("{fp}.statutory[{m}]"), s)?;
                if d < from || d > to {
                    return Err(CalendarError::data(
                        format!("{pp}.{fp}.statutory[{m}]"),
                        format!("statutory day {d} is outside its period ({from} to {to})"),
                    ));
                }
                statutory.push(d);
            }
        }
        statutory.sort();
        statutory.dedup();
        let mut makeup = Vec::new();
        for (m, s) in p.makeup_workdays.iter().enumerate() {
            let d = date(&format!("makeup_workdays[{m}]"), s)?;
            if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(CalendarError::data(
                    format!("{pp}.makeup_workdays[{m}]"),
                    format!(
                        "{d} is a {:?}; a make-up workday must be a Saturday or Sunday",
                        d.weekday()
                    ),
                ));
            }
            makeup.push(d);
        }
        periods.push(Period {
            name: names.join(" and "),
            name_zh: names_zh.join("、"),
            region: region.to_string(),
            notice_year: y.year,
            from,
            to,
            statutory,
            makeup,
        });
    }
    let year = Year {
        year: y.year,
        periods,
    };
    check_cross_year(std::slice::from_ref(&year), path)?;
    Ok(year)
}

/// No date may be claimed twice (by two periods, or as a day off and a make-up workday).
fn check_cross_year(years: &[Year], path: &str) -> Result<(), CalendarError> {
    let mut seen: BTreeMap<NaiveDate, String> = BTreeMap::new();
    for y in years {
        for p in &y.periods {
            let mut claim = |d: NaiveDate, what: String| -> Result<(), CalendarError> {
                if let Some(prev) = seen.insert(d, what.clone()) {
                    return Err(CalendarError::data(
                        path,
                        format!("{d} is claimed twice: {prev}, and {what}"),
                    ));
                }
                Ok(())
            };
            for d in p.from.iter_days().take_while(|d| *d <= p.to) {
                claim(d, format!("a day off for {} ({} notice)", p.name, y.year))?;
            }
            for &d in &p.makeup {
                claim(
                    d,
                    format!("a make-up workday for {} ({} notice)", p.name, y.year),
                )?;
            }
        }
    }
    Ok(())
}
