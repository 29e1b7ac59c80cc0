//! The working behind a due (docs/domain.md §4): every day from the day after counting starts
//! to the due day, counted or skipped, and why — in English and in Chinese.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::count::{counted, HourAxis};
use super::{
    limit, Clock, ClockError, ClockEvent, DayEnd, TimeLimit, TimeUnit, MAX_EXPLAINED_DAYS,
};
use crate::calendar::DayKind;
use crate::messages::{Arg, Args, Lang, Messages};

impl Clock {
    /// The day-by-day working behind the statutory (or `promised`) due at `as_of`: every day
    /// from the day after counting starts to the due day, counted or skipped, and why
    /// (weekend, holiday with its name, suspension with its reason). At most
    /// [`MAX_EXPLAINED_DAYS`] days (an open suspension asked about years later moves the due
    /// that far), else `clock.explanation_too_long`.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// let e = clock.explain(t("2026-10-08 09:00"), false)?;
    /// assert_eq!(e.due, t("2026-10-30 17:30"));
    /// assert!(e.to_string().contains("2026-10-10    5  make-up workday for National Day"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain(&self, as_of: NaiveDateTime, promised: bool) -> Result<Explanation, ClockError> {
        let status = self.status(as_of)?;
        let replay = self.replay(as_of);
        let limit = if promised {
            status.promised
        } else {
            status.statutory
        };
        let due = if promised {
            status.promised_due
        } else {
            status.statutory_due.ok_or_else(|| {
                ClockError::limit(
                    "clock.no_limit",
                    "promised",
                    "the statute sets no limit (\"none\"): there is no statutory due to explain; explain the promised one",
                )
            })?
        };
        let start = status.counting_from;
        let mut days = Vec::new();
        let mut ordinal = 0i64;
        let target = i64::from(limit.amount)
            + i64::from(
                if promised && status.promised.unit != status.statutory.unit {
                    0
                } else {
                    status.extended_by
                },
            );
        // Months are explained as the natural days they make (民法典 Art. 202).
        let natural = matches!(limit.unit, TimeUnit::NaturalDays | TimeUnit::Months);
        let target = if limit.unit == TimeUnit::Months {
            limit::months_as_days(start.date(), target)?
        } else {
            target
        };
        let hour_axis = HourAxis {
            cal: &self.calendar,
            hours: &self.config.office_hours,
        };
        let last_day = match (limit.unit, self.config.day_end) {
            (TimeUnit::WorkHours, _) | (_, DayEnd::CloseOfBusiness) => due.date(),
            (_, DayEnd::Midnight) => due.date().pred_opt().unwrap_or(due.date()),
        };
        let first_day = if limit.unit == TimeUnit::WorkHours {
            start.date()
        } else {
            start.date().succ_opt().unwrap_or(start.date())
        };
        let span = (last_day - first_day).num_days() + 1;
        if span > MAX_EXPLAINED_DAYS {
            return Err(ClockError::limit(
                "clock.explanation_too_long",
                "as_of",
                format!(
                    "explaining {first_day} to {last_day} would list {span} days; an explanation covers at most {MAX_EXPLAINED_DAYS} (ask at an earlier as_of, or for the status instead)"
                ),
            ));
        }
        // Windows are in time order: one pass over them alongside the days.
        let hour_windows: Vec<_> = replay.windows.iter().map(|&(x, y, _)| (x, y)).collect();
        let mut next_window = 0usize;
        for d in first_day.iter_days().take_while(|d| *d <= last_day) {
            let info = self.calendar.day_info(d)?;
            while replay
                .windows
                .get(next_window)
                .is_some_and(|&(_, r, _)| r.date() < d)
            {
                next_window += 1;
            }
            let suspension = replay.windows[next_window.min(replay.windows.len())..]
                .iter()
                .take_while(|&&(s, _, _)| s.date() <= d)
                .find_map(|&(s, r, i)| {
                    let inside = if limit.unit == TimeUnit::WorkHours {
                        s.date() <= d && d <= r.date()
                    } else {
                        s.date() < d && d <= r.date()
                    };
                    inside.then(|| match &self.events[i] {
                        ClockEvent::Suspend { reason, .. } => reason.clone(),
                        _ => String::new(),
                    })
                });
            let (counts, hours) = match limit.unit {
                TimeUnit::WorkHours => {
                    let a = d.and_time(NaiveTime::MIN).max(start);
                    let b = d.succ_opt().unwrap_or(d).and_time(NaiveTime::MIN).min(due);
                    let secs = counted(&hour_axis, a, b, &hour_windows)?;
                    (secs > 0, Some(secs as f64 / 3600.0))
                }
                _ if natural => (suspension.is_none() && ordinal < target, None),
                _ => (
                    suspension.is_none() && info.kind.is_workday() && ordinal < target,
                    None,
                ),
            };
            // The reason in English and in Chinese, decided once.
            let (reason, reason_zh) = match (&suspension, counts) {
                (Some(r), false) => (format!("suspended: {r}"), format!("中止计时：{r}")),
                (Some(r), true) => (format!("partly suspended: {r}"), format!("部分时间中止计时：{r}")),
                (None, true) if info.kind == DayKind::Workday || natural => {
                    ("counted".to_string(), "计入".to_string())
                }
                (None, true) => {
                    let (en, zh) = info.reasons();
                    (en, format!("{zh}，计入"))
                }
                (None, false) if natural && d == last_day => (
                    "the period ends on this first workday after its last day, a rest day (民法典 Art. 203)".to_string(),
                    "期间最后一日是休息日，以其后的第一个工作日为期间的最后一日（民法典第二百零三条）".to_string(),
                ),
                (None, false) if natural => {
                    let (en, zh) = info.reasons();
                    (format!("{en}; the period rolls to the next workday"), format!("{zh}；期间顺延至下一个工作日"))
                }
                (None, false) => info.reasons(),
            };
            if counts {
                ordinal += 1;
            }
            days.push(ExplainedDay {
                date: d,
                kind: info.kind,
                ordinal: counts.then_some(ordinal),
                hours,
                reason,
                reason_zh,
            });
        }
        Ok(Explanation {
            limit,
            counting_from: start,
            due,
            extended_by: status.extended_by,
            days,
        })
    }
}

/// One day of an [`Explanation`].
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{Clock, TimeLimit};
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
/// let e = clock.explain(t("2026-10-08 09:00"), false)?;
/// let oct1 = e.days.iter().find(|d| d.date.to_string() == "2026-10-01").expect("listed");
/// assert_eq!((oct1.ordinal, oct1.reason_zh.as_str()), (None, "国庆节（法定假日）"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExplainedDay {
    /// The date.
    pub date: NaiveDate,
    /// The calendar's kind of day.
    pub kind: DayKind,
    /// Its number in the count, if it counted.
    pub ordinal: Option<i64>,
    /// For hour limits: office hours counted that day.
    pub hours: Option<f64>,
    /// Why it counts or is skipped.
    pub reason: String,
    /// The same in Chinese, for a notice or a service window.
    pub reason_zh: String,
}

/// The working behind a due time. Serialised with its fields and `text`, the printed table.
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{Clock, TimeLimit};
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
/// let e = clock.explain(t("2026-10-08 09:00"), false)?;
/// assert_eq!((e.limit, e.extended_by), (TimeLimit::workdays(20), 0));
/// assert_eq!(e.days.iter().filter(|d| d.ordinal.is_some()).count(), 20);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The limit explained.
    pub limit: TimeLimit,
    /// When counting starts.
    pub counting_from: NaiveDateTime,
    /// The due instant.
    pub due: NaiveDateTime,
    /// Valid extensions included.
    pub extended_by: u32,
    /// The days.
    pub days: Vec<ExplainedDay>,
}

impl Serialize for Explanation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Explanation", 6)?;
        st.serialize_field("limit", &self.limit)?;
        st.serialize_field("counting_from", &self.counting_from)?;
        st.serialize_field("due", &self.due)?;
        st.serialize_field("extended_by", &self.extended_by)?;
        st.serialize_field("days", &self.days)?;
        st.serialize_field("text", &self.to_string())?;
        st.end()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Explanation {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Explanation".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "properties": {
                "limit": g.subschema_for::<TimeLimit>(),
                "counting_from": g.subschema_for::<NaiveDateTime>(),
                "due": g.subschema_for::<NaiveDateTime>(),
                "extended_by": g.subschema_for::<u32>(),
                "days": g.subschema_for::<Vec<ExplainedDay>>(),
                "text": g.subschema_for::<String>(),
            },
            "required": ["limit", "counting_from", "due", "extended_by", "days", "text"],
        })
    }
}

impl ExplainedDay {
    /// Its row of the printed table: the date, its number in the count (`-` when skipped), the
    /// office hours it gave an hour limit, and why, in `lang`.
    fn line(&self, lang: Lang) -> String {
        let n = self
            .ordinal
            .map(|n| format!("{n:>4}"))
            .unwrap_or_else(|| "   -".into());
        let h = self
            .hours
            .map(|h| format!(" {h:>5.2}h"))
            .unwrap_or_default();
        let reason = match lang {
            Lang::Zh => &self.reason_zh,
            Lang::En => &self.reason,
        };
        format!("  {} {n}{h}  {reason}", self.date)
    }
}

impl Explanation {
    /// The table in `lang` from `messages`: the head (limit, extension, start, due) through the
    /// catalogue's `explain.head`, each day with its reason in that language.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// use efficiency_core::messages::{Lang, Messages};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// let text = clock.explain(t("2026-10-08 09:00"), false)?.text_in(&Messages::shipped(), Lang::Zh);
    /// assert!(text.starts_with("20个工作日，自2026年9月28日 10:00起算，2026年10月30日 17:30届满"), "{text}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text_in(&self, messages: &Messages, lang: Lang) -> String {
        let args = Args::new()
            .with("limit", Arg::from(self.limit))
            .with(
                "extension",
                Arg::Limit(self.extended_by, self.limit.unit.as_str()),
            )
            .with(
                "extended",
                Arg::Select(if self.extended_by > 0 { "yes" } else { "no" }),
            )
            .with("from", Arg::Time(self.counting_from))
            .with("due", Arg::Time(self.due));
        let mut out = messages.text(lang, "explain.head", &args);
        out.push('\n');
        for d in &self.days {
            out.push_str(&d.line(lang));
            out.push('\n');
        }
        out
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ext = if self.extended_by > 0 {
            format!(" + {} extension", self.extended_by)
        } else {
            String::new()
        };
        writeln!(
            f,
            "{}{ext} from {} -> due {}",
            self.limit, self.counting_from, self.due
        )?;
        for d in &self.days {
            writeln!(f, "{}", d.line(Lang::En))?;
        }
        Ok(())
    }
}
