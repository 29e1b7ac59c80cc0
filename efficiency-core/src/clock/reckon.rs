//! Due times, measured time and the supervision verdict for a clock, shared by [`Clock`] and
//! the batch evaluator so that both give the same answer.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::count::{counted, reach, DayAxis, HourAxis};
use super::{Amount, ClockConfig, ClockError, DayEnd, Level, Outcome, TimeLimit, TimeUnit};
use crate::calendar::Calendar;

/// Suspension windows: `(from, to)` instants, sorted and disjoint.
pub(crate) type Windows = [(NaiveDateTime, NaiveDateTime)];

pub(crate) struct Reckoner<'a> {
    pub cal: &'a Calendar,
    pub config: &'a ClockConfig,
}

/// Remaining time, level and outcome at the judging moment.
pub(crate) struct Verdict {
    pub remaining: Amount,
    pub level: Level,
    pub outcome: Option<Outcome>,
}

impl Reckoner<'_> {
    /// Due instant of `limit` plus `extra` units, counted from `start`, skipping `windows`.
    pub fn due(
        &self,
        start: NaiveDateTime,
        limit: TimeLimit,
        extra: u32,
        windows: &Windows,
    ) -> Result<NaiveDateTime, ClockError> {
        if limit.unit == TimeUnit::NoLimit {
            return Err(ClockError::limit(
                "clock.no_limit",
                "unit",
                "no limit (\"none\") has no due: it may only be a statute beside a promise",
            ));
        }
        let amount = i64::from(limit.amount) + i64::from(extra);
        if amount == 0 && limit.unit != TimeUnit::WorkHours {
            return self.due_on_the_spot(start, windows);
        }
        if limit.unit == TimeUnit::Months {
            // 民法典 Art. 202: the corresponding day of the last month; counted from there on as
            // the natural days it makes (suspensions, Art. 203's roll to a workday).
            let days = super::limit::months_as_days(start.date(), amount)?;
            let days = u32::try_from(days).map_err(|_| {
                ClockError::Calendar(crate::calendar::CalendarError::OutOfRange {
                    operation: format!("{start} + {amount} months"),
                })
            })?;
            return self.due(start, TimeLimit::natural_days(days), 0, windows);
        }
        match limit.unit {
            TimeUnit::WorkHours => {
                let axis = HourAxis {
                    cal: self.cal,
                    hours: &self.config.office_hours,
                };
                Ok(reach(&axis, start, amount * 3600, windows)?)
            }
            unit => {
                let axis = DayAxis {
                    cal: self.cal,
                    natural: unit == TimeUnit::NaturalDays,
                };
                let mut day = if windows.is_empty() {
                    // The common case, without allocating.
                    reach(&axis, start.date(), amount, &[])?
                } else {
                    let w: Vec<_> = windows.iter().map(|&(a, b)| (a.date(), b.date())).collect();
                    reach(&axis, start.date(), amount, &w)?
                };
                if unit == TimeUnit::NaturalDays && !self.cal.is_workday(day)? {
                    day = self.cal.next_workday(day)?; // 民法典 Art. 203
                }
                Ok(self.end_of(day))
            }
        }
    }

    /// Whether `t` is surely no later than the due of `limit` from `start`, known without
    /// reckoning: a limit of `n` workdays or natural days ends no earlier than the end of the
    /// `n`-th natural day after the start (a workday is at least one day; Art. 203 and
    /// suspensions only move a due later), so any `t` before that day began is in time. `false`
    /// means only "reckon it" (months, hours and on-the-spot limits always reckon).
    pub fn surely_in_time(start: NaiveDateTime, limit: TimeLimit, t: NaiveDateTime) -> bool {
        match limit.unit {
            TimeUnit::Workdays | TimeUnit::NaturalDays if limit.amount > 0 => start
                .date()
                .checked_add_days(chrono::Days::new(u64::from(limit.amount)))
                .is_some_and(|last| t.date() < last),
            _ => false,
        }
    }

    /// The due of a limit with no length (on the spot, 0 days), docs/domain.md §4.2: the end of
    /// the receiving day when received on a workday before the close of office hours; else the
    /// configured after-hours limit from the receipt (default: the close of the next workday).
    /// Never before the receipt.
    fn due_on_the_spot(
        &self,
        start: NaiveDateTime,
        windows: &Windows,
    ) -> Result<NaiveDateTime, ClockError> {
        let in_hours =
            self.cal.is_workday(start.date())? && start.time() < self.config.office_hours.close();
        if in_hours {
            return Ok(self.end_of(start.date()));
        }
        let late = self.config.on_the_spot_after_hours;
        if late.amount == 0 || late.unit == TimeUnit::OnTheSpot {
            // A configuration without a length would come back here: the next workday's close.
            let day = self.cal.next_workday(start.date())?;
            return Ok(self.end_of(day));
        }
        self.due(start, late, 0, windows)
    }

    /// The instant the last day of a day-counted period ends.
    pub fn end_of(&self, day: NaiveDate) -> NaiveDateTime {
        match self.config.day_end {
            DayEnd::CloseOfBusiness => day.and_time(self.config.office_hours.close()),
            DayEnd::Midnight => day.succ_opt().unwrap_or(day).and_time(NaiveTime::MIN),
        }
    }

    /// Signed time from `a` to `b` in `unit` with `windows` excluded: whole days, or hours.
    pub fn measure(
        &self,
        unit: TimeUnit,
        a: NaiveDateTime,
        b: NaiveDateTime,
        windows: &Windows,
    ) -> Result<Amount, ClockError> {
        Ok(match unit {
            TimeUnit::WorkHours => {
                let axis = HourAxis {
                    cal: self.cal,
                    hours: &self.config.office_hours,
                };
                counted(&axis, a, b, windows)? as f64 / 3600.0
            }
            unit => {
                let axis = DayAxis {
                    cal: self.cal,
                    natural: matches!(unit, TimeUnit::NaturalDays | TimeUnit::Months),
                };
                if windows.is_empty() {
                    counted(&axis, a.date(), b.date(), &[])? as f64 // without allocating
                } else {
                    let w: Vec<_> = windows.iter().map(|&(x, y)| (x.date(), y.date())).collect();
                    counted(&axis, a.date(), b.date(), &w)? as f64
                }
            }
        })
    }

    /// The unit remaining time is reported in: the promised limit's, workdays for on-the-spot,
    /// natural days for months.
    pub fn report_unit(promised: TimeLimit) -> TimeUnit {
        match promised.unit {
            TimeUnit::OnTheSpot => TimeUnit::Workdays,
            TimeUnit::Months => TimeUnit::NaturalDays,
            u => u,
        }
    }

    /// Remaining time, level and (if `concluded`) outcome at `t`.
    pub fn judge(
        &self,
        t: NaiveDateTime,
        promised: TimeLimit,
        promised_due: NaiveDateTime,
        statutory_due: Option<NaiveDateTime>,
        windows: &Windows,
        concluded: bool,
    ) -> Result<Verdict, ClockError> {
        let unit = Self::report_unit(promised);
        // Days are counted to the period's last day: with 24:00 as the end of a day the due is
        // the next day's 00:00, which is not a day of the period (a case concluded on its last
        // day is on time with nothing left, not early).
        let last = |u: TimeUnit| {
            if u != TimeUnit::WorkHours
                && self.config.day_end == DayEnd::Midnight
                && promised_due.time() == NaiveTime::MIN
            {
                promised_due - chrono::Duration::seconds(1)
            } else {
                promised_due
            }
        };
        let remaining = self.measure(unit, t, last(unit), windows)?;
        let threshold = self.config.reminder_threshold;
        let left = match threshold.unit {
            TimeUnit::OnTheSpot => remaining,
            u if u == unit => remaining,
            u => self.measure(u, t, last(u), windows)?,
        };
        let level = if statutory_due.is_some_and(|d| t > d) {
            Level::Red
        } else if t > promised_due {
            Level::Yellow
        } else if left <= f64::from(threshold.amount) {
            Level::Reminder
        } else {
            Level::Normal
        };
        let outcome = concluded.then(|| {
            if t > promised_due {
                Outcome::Late
            } else if remaining >= 1.0 {
                Outcome::Early
            } else {
                Outcome::OnTime
            }
        });
        Ok(Verdict {
            remaining,
            level,
            outcome,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut never says "in time" of a moment after the due it skips reckoning: random
    /// starts, limits and moments across 2026 and both ends of a day, with and without a
    /// suspension.
    #[test]
    fn surely_in_time_never_contradicts_the_due() {
        let cal = Calendar::china();
        let mut state = 0x2026_u64;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        let jan1 = NaiveDate::from_ymd_opt(2026, 1, 1)
            .unwrap()
            .and_time(NaiveTime::MIN);
        let (mut shortcuts, mut checked) = (0, 0);
        for day_end in [DayEnd::CloseOfBusiness, DayEnd::Midnight] {
            let config = ClockConfig {
                day_end,
                ..ClockConfig::default()
            };
            let r = Reckoner {
                cal: &cal,
                config: &config,
            };
            for _ in 0..4000 {
                let start = jan1 + chrono::Duration::minutes(next(300 * 24 * 60) as i64);
                let amount = 1 + next(30) as u32;
                let limit = if next(2) == 0 {
                    TimeLimit::workdays(amount)
                } else {
                    TimeLimit::natural_days(amount)
                };
                let t = start + chrono::Duration::minutes(next(50 * 24 * 60) as i64);
                let windows = if next(2) == 0 {
                    vec![]
                } else {
                    vec![(start, start + chrono::Duration::days(next(10) as i64))]
                };
                if Reckoner::surely_in_time(start, limit, t) {
                    shortcuts += 1;
                    let due = r.due(start, limit, 0, &windows).unwrap();
                    assert!(t <= due, "{limit} from {start}: {t} is after {due}");
                }
                checked += 1;
            }
        }
        // The property is not vacuous: both answers occur.
        assert!(
            shortcuts > 1000 && shortcuts < checked,
            "{shortcuts} of {checked}"
        );
        let start = jan1;
        assert!(!Reckoner::surely_in_time(
            start,
            TimeLimit::months(1),
            start
        ));
        assert!(!Reckoner::surely_in_time(
            start,
            TimeLimit::on_the_spot(),
            start
        ));
        assert!(!Reckoner::surely_in_time(
            start,
            TimeLimit::work_hours(8),
            start
        ));
    }
}
