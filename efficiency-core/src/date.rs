//! Dates at the boundary: parsing and formatting `YYYY-MM-DD`, and day numbers.
//!
//! The bindings receive dates as strings (JS) or as day counts (numpy `datetime64[D]`); both are
//! converted here so that every language rejects the same inputs with the same message.

use chrono::{Datelike, NaiveDate};

use crate::calendar::CalendarError;

/// Days from 0001-01-01 (day 1, a Monday) to 1970-01-01, the numpy/Unix epoch.
pub(crate) const UNIX_EPOCH_CE: i32 = 719_163;

/// Parses a strict ISO 8601 calendar date, `YYYY-MM-DD` (four-digit year, zero-padded).
///
/// ```
/// use efficiency_core::date::parse_date;
/// assert_eq!(parse_date("2026-02-17")?.to_string(), "2026-02-17");
/// assert_eq!(parse_date("2026-02-30").unwrap_err().code(), "calendar.invalid_date");
/// assert!(parse_date("2026-2-3").is_err());
/// # Ok::<(), efficiency_core::calendar::CalendarError>(())
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, CalendarError> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let invalid = || CalendarError::InvalidDate {
        input: text.chars().take(40).collect(),
    };
    if !shape_ok {
        return Err(invalid());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| invalid())
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Days since 1970-01-01 (negative before), the unit of numpy's `datetime64[D]`.
///
/// ```
/// use efficiency_core::date::{to_epoch_days, from_epoch_days};
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2026, 9, 28).unwrap();
/// assert_eq!(from_epoch_days(to_epoch_days(d)), Some(d));
/// assert_eq!(to_epoch_days(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
/// ```
pub fn to_epoch_days(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - i64::from(UNIX_EPOCH_CE)
}

/// The date `days` after 1970-01-01, or `None` outside chrono's range.
pub fn from_epoch_days(days: i64) -> Option<NaiveDate> {
    let ce = days.checked_add(i64::from(UNIX_EPOCH_CE))?;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(ce).ok()?)
}
