//! Dates and times at the boundary: the one grammar every language parses, the bureau's zone,
//! and day numbers.
//!
//! Every call in every language reads dates and times here, so that the same text is accepted
//! or refused the same way everywhere:
//!
//! - a **date** is `YYYY-MM-DD` (four-digit year, zero-padded);
//! - a **time** is a date, or a date and a time of day joined by `T` or a space:
//!   `YYYY-MM-DD[(T| )HH:MM[:SS[.fraction]]][Z|±HH[:MM]|±HHMM]`;
//! - a time **without** an offset is the bureau's local wall-clock time; a time **with** an offset
//!   (or `Z`) is an instant and is converted to the calendar's [`Zone`] (China: UTC+8), so that
//!   `2026-09-27T23:30:00Z` and `2026-09-28 07:30` are the same moment.
//!
//! This module depends on nothing else in the crate: the calendar and the clock turn its
//! [`TimeError`] into their own errors with the same code.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// Days from 0001-01-01 (day 1, a Monday) to 1970-01-01, the numpy/Unix epoch.
pub(crate) const UNIX_EPOCH_CE: i32 = 719_163;

/// A text that is not a date or a time in the grammar of this module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// Not a real `YYYY-MM-DD` date.
    #[error("{input:?} is not a valid date; expected YYYY-MM-DD, e.g. 2026-09-28")]
    InvalidDate {
        /// The text as given (at most 40 characters of it).
        input: String,
    },
    /// Not a real time `YYYY-MM-DD[THH:MM[:SS[.fff]]][offset]`.
    #[error("{input:?} is not a valid time; expected YYYY-MM-DDTHH:MM[:SS], e.g. 2026-09-28T10:00, optionally with Z or +08:00")]
    InvalidTime {
        /// The text as given (at most 40 characters of it).
        input: String,
    },
}

impl TimeError {
    /// The stable code: `calendar.invalid_date` or `clock.invalid_time`.
    pub fn code(&self) -> &'static str {
        match self {
            TimeError::InvalidDate { .. } => "calendar.invalid_date",
            TimeError::InvalidTime { .. } => "clock.invalid_time",
        }
    }
}

fn clip(text: &str) -> String {
    text.chars().take(40).collect()
}

/// A fixed offset from UTC: the zone a calendar's wall-clock times are in.
///
/// ```
/// use efficiency_core::date::Zone;
/// assert_eq!(Zone::CHINA.to_string(), "+08:00");
/// assert_eq!("+05:30".parse::<Zone>()?.seconds(), 19_800);
/// # Ok::<(), efficiency_core::date::TimeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Zone {
    seconds: i32,
}

impl Zone {
    /// China Standard Time, UTC+8 (the zone of the shipped calendar).
    pub const CHINA: Zone = Zone { seconds: 8 * 3600 };
    /// UTC.
    pub const UTC: Zone = Zone { seconds: 0 };

    /// A zone `seconds` east of UTC, if within ±18 hours.
    pub fn from_seconds(seconds: i32) -> Option<Zone> {
        (seconds.abs() <= 18 * 3600).then_some(Zone { seconds })
    }

    /// Seconds east of UTC.
    pub fn seconds(self) -> i32 {
        self.seconds
    }

    /// The local wall-clock time of an instant given as UTC.
    pub fn from_utc(self, utc: NaiveDateTime) -> NaiveDateTime {
        utc + Duration::seconds(i64::from(self.seconds))
    }

    /// The local wall-clock time of a time read with `offset` seconds east of UTC.
    pub fn from_offset(self, time: NaiveDateTime, offset: i32) -> NaiveDateTime {
        time + Duration::seconds(i64::from(self.seconds - offset))
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.seconds < 0 { '-' } else { '+' };
        let s = self.seconds.abs();
        write!(f, "{sign}{:02}:{:02}", s / 3600, (s % 3600) / 60)
    }
}

impl std::str::FromStr for Zone {
    type Err = TimeError;
    fn from_str(s: &str) -> Result<Zone, TimeError> {
        let bad = || TimeError::InvalidTime { input: clip(s) };
        let offset = parse_offset(s.as_bytes()).ok_or_else(bad)?;
        Zone::from_seconds(offset).ok_or_else(bad)
    }
}

/// Parses a strict ISO 8601 calendar date, `YYYY-MM-DD` (four-digit year, zero-padded).
///
/// ```
/// use efficiency_core::date::parse_date;
/// assert_eq!(parse_date("2026-02-17")?.to_string(), "2026-02-17");
/// assert_eq!(parse_date("2026-02-30").unwrap_err().code(), "calendar.invalid_date");
/// assert!(parse_date("2026-2-3").is_err());
/// # Ok::<(), efficiency_core::date::TimeError>(())
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, TimeError> {
    date_prefix(text.as_bytes())
        .filter(|_| text.len() == 10)
        .ok_or_else(|| TimeError::InvalidDate { input: clip(text) })
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() {
        return None;
    }
    b.iter().try_fold(0u32, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

fn date_prefix(b: &[u8]) -> Option<NaiveDate> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        digits(&b[0..4])? as i32,
        digits(&b[5..7])?,
        digits(&b[8..10])?,
    )
}

/// `Z`, `±HH`, `±HH:MM` or `±HHMM` → seconds east of UTC.
fn parse_offset(b: &[u8]) -> Option<i32> {
    if b == b"Z" || b == b"z" {
        return Some(0);
    }
    let sign = match b.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = &b[1..];
    let (h, m) = match rest.len() {
        2 => (digits(rest)?, 0),
        4 => (digits(&rest[0..2])?, digits(&rest[2..4])?),
        5 if rest[2] == b':' => (digits(&rest[0..2])?, digits(&rest[3..5])?),
        _ => return None,
    };
    (h <= 18 && m < 60).then(|| sign * (h * 3600 + m * 60) as i32)
}

/// A time as read: the wall-clock time written and, when the text had one, its offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedTime {
    /// The date and time of day as written.
    pub wall: NaiveDateTime,
    /// Seconds east of UTC, when the text named an offset (`Z` is 0).
    pub offset: Option<i32>,
}

impl ParsedTime {
    /// The bureau's local wall-clock time: `wall` itself without an offset, else converted.
    pub fn local(self, zone: Zone) -> NaiveDateTime {
        match self.offset {
            None => self.wall,
            Some(o) => zone.from_offset(self.wall, o),
        }
    }
}

/// Reads a time in the grammar of this module (see the module documentation).
///
/// ```
/// use efficiency_core::date::{parse_time, Zone};
/// let t = |s| parse_time(s).map(|p| p.local(Zone::CHINA).to_string());
/// assert_eq!(t("2026-09-28T10:00")?, "2026-09-28 10:00:00");
/// assert_eq!(t("2026-09-28 10:00:05.250")?, "2026-09-28 10:00:05.250");
/// assert_eq!(t("2026-09-27T23:30:00Z")?, "2026-09-28 07:30:00");
/// assert_eq!(t("2026-09-28T07:30:00+08:00")?, "2026-09-28 07:30:00");
/// assert_eq!(t("2026-09-28")?, "2026-09-28 00:00:00");
/// assert_eq!(parse_time("2026-9-28 10:00").unwrap_err().code(), "clock.invalid_time");
/// # Ok::<(), efficiency_core::date::TimeError>(())
/// ```
pub fn parse_time(text: &str) -> Result<ParsedTime, TimeError> {
    parse_time_bytes(text.as_bytes()).ok_or_else(|| TimeError::InvalidTime { input: clip(text) })
}

/// A local time: [`parse_time`] then converted to `zone` when the text had an offset.
pub fn parse_local_time(text: &str, zone: Zone) -> Result<NaiveDateTime, TimeError> {
    parse_time(text).map(|p| p.local(zone))
}

fn parse_time_bytes(b: &[u8]) -> Option<ParsedTime> {
    let date = date_prefix(b)?;
    if b.len() == 10 {
        return Some(ParsedTime {
            wall: date.and_time(NaiveTime::MIN),
            offset: None,
        });
    }
    if !(b[10] == b'T' || b[10] == b' ' || b[10] == b't') || b.len() < 16 || b[13] != b':' {
        return None;
    }
    let (hour, minute) = (digits(&b[11..13])?, digits(&b[14..16])?);
    let mut i = 16;
    let mut second = 0;
    let mut nanos = 0u32;
    if b.get(i) == Some(&b':') {
        second = digits(b.get(i + 1..i + 3)?)?;
        i += 3;
        if matches!(b.get(i), Some(b'.') | Some(b',')) {
            let start = i + 1;
            let mut end = start;
            while end < b.len() && b[end].is_ascii_digit() {
                end += 1;
            }
            if end == start || end - start > 9 {
                return None;
            }
            let frac = digits(&b[start..end])?;
            nanos = frac * 10u32.pow(9 - (end - start) as u32);
            i = end;
        }
    }
    let offset = if i == b.len() {
        None
    } else {
        Some(parse_offset(&b[i..])?)
    };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    Some(ParsedTime {
        wall: date.and_time(time),
        offset,
    })
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(date: NaiveDate) -> String {
    let mut s = String::with_capacity(10);
    push_date(&mut s, date);
    s
}

/// Appends `YYYY-MM-DD` to `out` (for batches that write many dates into one buffer).
pub fn push_date(out: &mut String, date: NaiveDate) {
    let y = date.year();
    if !(0..=9999).contains(&y) {
        out.push_str(&date.format("%Y-%m-%d").to_string());
        return;
    }
    // By hand: chrono's format strings cost many times the calendar lookup itself.
    let (y, m, d) = (y as u32, date.month(), date.day());
    let digit = |v: u32| char::from(b'0' + (v % 10) as u8);
    for c in [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        '-',
        digit(m / 10),
        digit(m),
        '-',
        digit(d / 10),
        digit(d),
    ] {
        out.push(c);
    }
}

/// Formats a local time as `YYYY-MM-DDTHH:MM:SS` (with a fraction only when there is one).
pub fn format_time(time: NaiveDateTime) -> String {
    format!("{time:?}")
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

/// The time `micros` microseconds after 1970-01-01T00:00 (numpy `datetime64[us]`), or `None`.
pub fn from_epoch_micros(micros: i64) -> Option<NaiveDateTime> {
    chrono::DateTime::from_timestamp_micros(micros).map(|t| t.naive_utc())
}

/// Microseconds since 1970-01-01T00:00 of a (naive) time.
pub fn to_epoch_micros(time: NaiveDateTime) -> i64 {
    time.and_utc().timestamp_micros()
}

/// The day number batch outputs carry for a missing input or a failed row (numpy's `NaT`).
pub const MISSING: i64 = i64::MIN;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar() {
        let ok = [
            "2026-09-28",
            "2026-09-28T10:00",
            "2026-09-28 10:00",
            "2026-09-28T10:00:00",
            "2026-09-28T10:00:00.000",
            "2026-09-28T10:00:00.123456789",
            "2026-09-28T10:00:00Z",
            "2026-09-28T10:00+08:00",
            "2026-09-28T10:00:00-0330",
            "2026-09-28T10:00:00+08",
        ];
        for s in ok {
            assert!(parse_time(s).is_ok(), "{s}");
        }
        let bad = [
            "",
            "2026-9-28",
            "2026-09-28T",
            "2026-09-28T10",
            "2026-09-28T25:00",
            "2026-09-28T10:00:",
            "2026-09-28T10:00:00.",
            "2026-09-28T10:00:00.1234567890",
            "2026-09-28T10:00:00+8",
            "2026-09-28T10:00:00+19:00",
            "2026-02-30T10:00",
            "2026-09-28T10:00 ",
            "２０２６-09-28",
        ];
        for s in bad {
            assert_eq!(
                parse_time(s).unwrap_err().code(),
                "clock.invalid_time",
                "{s}"
            );
        }
        assert!(parse_date("2026-09-28T10:00").is_err());
    }

    #[test]
    fn zones() {
        let t = parse_time("2026-09-27T23:30:00Z").unwrap();
        assert_eq!(format_time(t.local(Zone::CHINA)), "2026-09-28T07:30:00");
        assert_eq!(format_time(t.local(Zone::UTC)), "2026-09-27T23:30:00");
        assert_eq!("-03:30".parse::<Zone>().unwrap().to_string(), "-03:30");
    }
}

/// Serde readers for times in input documents (faults, activity, campaign records): the one
/// grammar of [`parse_time`] (seconds optional, `T` or a space, fractions), a time with an
/// offset converted to China Standard Time ([`Zone::CHINA`]), a date alone read as midnight.
///
/// ```
/// use efficiency_core::accountability::Fault;
/// let f: Fault = serde_json::from_str(
///     r#"{"source": "case C1", "code": "step.overdue", "severity": "ordinary",
///         "at": "2026-10-30 17:30", "people": ["soc01"]}"#,
/// )?;
/// assert_eq!(f.at.to_string(), "2026-10-30 17:30:00");
/// let g: Fault = serde_json::from_str(
///     r#"{"source": "case C1", "code": "step.overdue", "severity": "ordinary",
///         "at": "2026-10-30T09:30:00Z", "people": ["soc01"]}"#,
/// )?;
/// assert_eq!(g.at, f.at);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub mod serde_time {
    use super::{parse_local_time, Zone};
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer};

    /// A required time.
    pub fn time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        parse_local_time(&text, Zone::CHINA).map_err(serde::de::Error::custom)
    }

    /// An optional time (`null` or absent is `None`; use with `#[serde(default)]`).
    pub fn opt_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
        let text = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?;
        text.map(|t| parse_local_time(&t, Zone::CHINA).map_err(serde::de::Error::custom))
            .transpose()
    }
}
