//! Counting engine: how far a limit reaches, skipping suspensions, with table lookups only.
//!
//! Day units count dates: a suspension from day X to day Y excludes the days x with
//! X < x ≤ Y. Hour units count office seconds: a suspension from s to r excludes the office
//! time in [s, r). Both walk the (few) suspension windows, never the days.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::limit::OfficeHours;
use crate::calendar::{Calendar, CalendarError};

/// A position on a counting axis, and how to count and advance along it.
pub(crate) trait Axis {
    type Pos: Copy + Ord;
    /// Units in (a, b] for a ≤ b (negative if b < a).
    fn count(&self, a: Self::Pos, b: Self::Pos) -> Result<i64, CalendarError>;
    /// The position `n ≥ 0` units after `a`.
    fn advance(&self, a: Self::Pos, n: i64) -> Result<Self::Pos, CalendarError>;
}

/// Workdays or natural days.
pub(crate) struct DayAxis<'a> {
    pub cal: &'a Calendar,
    pub natural: bool,
}

impl Axis for DayAxis<'_> {
    type Pos = NaiveDate;
    fn count(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, CalendarError> {
        if self.natural {
            // Still ask the calendar, so a year without data is an error here too.
            self.cal.is_workday(a)?;
            self.cal.is_workday(b)?;
            Ok((b - a).num_days())
        } else {
            Ok(i64::from(self.cal.workdays_between(a, b)?))
        }
    }
    fn advance(&self, a: NaiveDate, n: i64) -> Result<NaiveDate, CalendarError> {
        if self.natural {
            let d = a.checked_add_days(Days::new(n as u64)).ok_or_else(|| {
                CalendarError::OutOfRange {
                    operation: format!("{a} + {n} days"),
                }
            })?;
            self.cal.is_workday(d)?;
            Ok(d)
        } else {
            let n = i32::try_from(n).map_err(|_| CalendarError::OutOfRange {
                operation: format!("{a} + {n} workdays"),
            })?;
            self.cal.add_workdays(a, n)
        }
    }
}

/// Office seconds.
pub(crate) struct HourAxis<'a> {
    pub cal: &'a Calendar,
    pub hours: &'a OfficeHours,
}

impl HourAxis<'_> {
    fn before(&self, t: NaiveDateTime) -> Result<i64, CalendarError> {
        Ok(if self.cal.is_workday(t.date())? {
            self.hours
                .seconds_before(t.time().num_seconds_from_midnight())
        } else {
            0
        })
    }
}

impl Axis for HourAxis<'_> {
    type Pos = NaiveDateTime;
    fn count(&self, a: NaiveDateTime, b: NaiveDateTime) -> Result<i64, CalendarError> {
        if b < a {
            return Ok(-self.count(b, a)?);
        }
        let daily = self.hours.daily_seconds();
        if a.date() == b.date() {
            return Ok(self.before(b)? - self.before(a)?);
        }
        let first = if self.cal.is_workday(a.date())? {
            daily - self.before(a)?
        } else {
            0
        };
        let full_days = i64::from(self.cal.workdays_between(a.date(), b.date())?)
            - i64::from(self.cal.is_workday(b.date())?);
        Ok(first + full_days * daily + self.before(b)?)
    }
    fn advance(&self, a: NaiveDateTime, n: i64) -> Result<NaiveDateTime, CalendarError> {
        if n <= 0 {
            return Ok(a);
        }
        let daily = self.hours.daily_seconds();
        let today_left = if self.cal.is_workday(a.date())? {
            daily - self.before(a)?
        } else {
            0
        };
        let (date, into) = if n <= today_left {
            (a.date(), self.before(a)? + n)
        } else {
            let rest = n - today_left;
            let k = (rest + daily - 1) / daily;
            let k32 = i32::try_from(k).map_err(|_| CalendarError::OutOfRange {
                operation: format!("{a} + {n} office seconds"),
            })?;
            (
                self.cal.add_workdays(a.date(), k32)?,
                rest - (k - 1) * daily,
            )
        };
        let secs = self.hours.time_at(into);
        Ok(date.and_time(
            NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).expect("within a day"),
        ))
    }
}

/// The position `amount` units after `start`, skipping `windows` (sorted, disjoint, each
/// `(from, to)` with from ≤ to).
pub(crate) fn reach<A: Axis>(
    axis: &A,
    start: A::Pos,
    amount: i64,
    windows: &[(A::Pos, A::Pos)],
) -> Result<A::Pos, CalendarError> {
    let mut cursor = start;
    let mut left = amount;
    for &(x, y) in windows {
        if y <= cursor {
            continue;
        }
        let x = x.max(cursor);
        let available = axis.count(cursor, x)?;
        if available >= left {
            break;
        }
        left -= available;
        cursor = y;
    }
    axis.advance(cursor, left)
}

/// Units in (a, b] not inside any window; negative when b < a.
pub(crate) fn counted<A: Axis>(
    axis: &A,
    a: A::Pos,
    b: A::Pos,
    windows: &[(A::Pos, A::Pos)],
) -> Result<i64, CalendarError> {
    let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
    let mut n = axis.count(lo, hi)?;
    for &(x, y) in windows {
        let (x, y) = (x.max(lo), y.min(hi));
        if x < y {
            n -= axis.count(x, y)?;
        }
    }
    Ok(sign * n)
}
