use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use super::ClockError;

/// The unit a time limit is counted in (docs/domain.md §4.1).
///
/// ```
/// use efficiency_core::clock::{TimeLimit, TimeUnit};
/// assert_eq!(TimeLimit::natural_days(60).unit, TimeUnit::NaturalDays);
/// assert_eq!(TimeUnit::Workdays.as_str(), "workdays");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Working days: day 1 is the first workday after acceptance.
    Workdays,
    /// Natural days: every day counts; a period ending on a rest day ends on the next workday.
    NaturalDays,
    /// Office hours, from the exact time of acceptance.
    WorkHours,
    /// On the spot (即办): concluded during the visit, by the end of the acceptance day (the
    /// next workday's when received after office hours or on a rest day).
    OnTheSpot,
    /// Months (民法典 Arts. 200–203): the period ends on the day of the last month with the
    /// acceptance day's number (the month's last day when it has none); a period ending on a
    /// rest day ends on the next workday. Counted as the natural days that makes.
    Months,
    /// No period at all (`"none"`): a statutory limit where no law sets one and only the
    /// bureau's promise binds (docs/domain.md §4.2). Never a promise; a clock under it has no
    /// statutory due, no red level and no statutory fault.
    #[serde(rename = "none")]
    NoLimit,
}

crate::names!(TimeUnit {
    Workdays => "workdays",
    NaturalDays => "natural_days",
    WorkHours => "work_hours",
    OnTheSpot => "on_the_spot",
    Months => "months",
    NoLimit => "none",
});

impl TimeUnit {
    /// Whether a limit in this unit has a length (on the spot and no limit have none: their
    /// amount is 0).
    ///
    /// ```
    /// use efficiency_core::clock::TimeUnit;
    /// assert!(TimeUnit::Workdays.has_amount());
    /// assert!(!TimeUnit::OnTheSpot.has_amount() && !TimeUnit::NoLimit.has_amount());
    /// ```
    pub const fn has_amount(self) -> bool {
        !matches!(self, TimeUnit::OnTheSpot | TimeUnit::NoLimit)
    }
}

impl FromStr for TimeUnit {
    type Err = ClockError;
    fn from_str(s: &str) -> Result<Self, ClockError> {
        TimeUnit::from_name(s).ok_or_else(|| {
            ClockError::limit(
                "clock.unknown_unit",
                "unit",
                format!("{s:?} is not one of {}", TimeUnit::NAMES.join(", ")),
            )
        })
    }
}

/// A time limit: an amount and a unit.
///
/// ```
/// use efficiency_core::clock::TimeLimit;
/// assert_eq!(TimeLimit::workdays(20).to_string(), "20 workdays");
/// assert_eq!(TimeLimit::on_the_spot().to_string(), "on the spot");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimeLimit {
    /// How many units (0 for on-the-spot).
    pub amount: u32,
    /// The unit.
    pub unit: TimeUnit,
}

impl TimeLimit {
    /// `n` workdays.
    ///
    /// ```
    /// use efficiency_core::clock::TimeLimit;
    /// assert_eq!(TimeLimit::workdays(20).to_string(), "20 workdays");
    /// ```
    pub const fn workdays(n: u32) -> Self {
        TimeLimit {
            amount: n,
            unit: TimeUnit::Workdays,
        }
    }
    /// `n` natural days.
    ///
    /// ```
    /// use efficiency_core::clock::TimeLimit;
    /// assert_eq!(TimeLimit::natural_days(60).to_string(), "60 natural days");
    /// ```
    pub const fn natural_days(n: u32) -> Self {
        TimeLimit {
            amount: n,
            unit: TimeUnit::NaturalDays,
        }
    }
    /// `n` office hours.
    ///
    /// ```
    /// use efficiency_core::clock::TimeLimit;
    /// assert_eq!(TimeLimit::work_hours(4).amount, 4);
    /// ```
    pub const fn work_hours(n: u32) -> Self {
        TimeLimit {
            amount: n,
            unit: TimeUnit::WorkHours,
        }
    }
    /// `n` months (民法典 Arts. 200–203: the same day of the month `n` months on, or the month's
    /// last day when it has none).
    ///
    /// ```
    /// use efficiency_core::clock::{TimeLimit, TimeUnit};
    /// let limit = TimeLimit::months(2);
    /// assert_eq!((limit.amount, limit.unit), (2, TimeUnit::Months));
    /// assert_eq!(limit.to_string(), "2 months");
    /// ```
    pub const fn months(n: u32) -> Self {
        TimeLimit {
            amount: n,
            unit: TimeUnit::Months,
        }
    }
    /// On the spot (即办): by the end of the acceptance day.
    ///
    /// ```
    /// use efficiency_core::clock::TimeLimit;
    /// assert_eq!(TimeLimit::on_the_spot().amount, 0);
    /// ```
    pub const fn on_the_spot() -> Self {
        TimeLimit {
            amount: 0,
            unit: TimeUnit::OnTheSpot,
        }
    }

    /// No limit (`{"amount": 0, "unit": "none"}`): the statute of an item no law gives a period,
    /// where only the promise binds.
    ///
    /// ```
    /// use efficiency_core::clock::TimeLimit;
    /// assert_eq!(TimeLimit::none().to_string(), "no limit");
    /// assert!(TimeLimit::workdays(15).is_within(&TimeLimit::none(), 7 * 3600));
    /// ```
    pub const fn none() -> Self {
        TimeLimit {
            amount: 0,
            unit: TimeUnit::NoLimit,
        }
    }

    /// Whether `self` can never end later than `other` for the same acceptance, given
    /// `daily_hours` office hours a day: the rule "a promised limit must be within the
    /// statutory limit". Units that cannot be compared without a date (workdays against
    /// natural days of a larger count, for example) are not within.
    ///
    /// ```
    /// use efficiency_core::clock::TimeLimit;
    /// let day = 7 * 3600; // seconds of office time a day
    /// assert!(TimeLimit::workdays(10).is_within(&TimeLimit::workdays(20), day));
    /// assert!(TimeLimit::work_hours(14).is_within(&TimeLimit::workdays(2), day));
    /// assert!(!TimeLimit::workdays(21).is_within(&TimeLimit::workdays(20), day));
    /// ```
    pub fn is_within(&self, other: &TimeLimit, daily_seconds: i64) -> bool {
        use TimeUnit::*;
        let (a, b) = (i64::from(self.amount), i64::from(other.amount));
        match (self.unit, other.unit) {
            // Where no law sets a period, any promise is within it; no limit is never a promise.
            (NoLimit, _) => false,
            (_, NoLimit) => true,
            (OnTheSpot, _) => true,
            (_, OnTheSpot) => false,
            (x, y) if x == y => a <= b,
            // n natural days end no later than m >= n workdays (both end on a workday).
            (NaturalDays, Workdays) => a <= b,
            // n hours fit in m workdays when n <= m full office days.
            (WorkHours, Workdays) => a * 3600 <= b * daily_seconds,
            (WorkHours, NaturalDays) => a * 3600 <= b * daily_seconds && b >= 1,
            // A month has at least 28 days (of which at least 16 are workdays).
            (NaturalDays, Months) => a <= 28 * b,
            (Workdays, Months) => a <= 16 * b,
            _ => false,
        }
    }
}

/// The natural days `months` months make from `start` (民法典 Art. 202: the corresponding day of
/// the last month, its last day when it has none).
pub(crate) fn months_as_days(start: NaiveDate, months: i64) -> Result<i64, ClockError> {
    let end = u32::try_from(months)
        .ok()
        .and_then(|m| start.checked_add_months(chrono::Months::new(m)))
        .ok_or_else(|| {
            ClockError::Calendar(crate::calendar::CalendarError::OutOfRange {
                operation: format!("{start} + {months} months"),
            })
        })?;
    Ok((end - start).num_days())
}

impl From<TimeLimit> for crate::messages::Arg {
    /// A limit as a message argument, written by the catalogue's `unit-*` messages.
    fn from(l: TimeLimit) -> crate::messages::Arg {
        crate::messages::Arg::Limit(l.amount, l.unit.as_str())
    }
}

impl fmt::Display for TimeLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.unit {
            TimeUnit::OnTheSpot => f.write_str("on the spot"),
            TimeUnit::Workdays => write!(f, "{} workdays", self.amount),
            TimeUnit::NaturalDays => write!(f, "{} natural days", self.amount),
            TimeUnit::WorkHours => write!(f, "{} work hours", self.amount),
            TimeUnit::Months => write!(f, "{} months", self.amount),
            TimeUnit::NoLimit => f.write_str("no limit"),
        }
    }
}

/// When the last day of a day-counted period ends (民法典 Art. 203).
///
/// ```
/// use efficiency_core::clock::{ClockConfig, DayEnd};
/// assert_eq!(ClockConfig::default().day_end, DayEnd::CloseOfBusiness);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayEnd {
    /// At the close of office hours (the default).
    #[default]
    CloseOfBusiness,
    /// At 24:00 (represented as 00:00 of the next day).
    Midnight,
}

/// Office hours: one or more sessions a workday, e.g. 09:00–12:00 and 13:30–17:30.
///
/// ```
/// use efficiency_core::clock::OfficeHours;
/// // The default: 09:00–12:00 and 13:30–17:30, seven hours.
/// assert_eq!(OfficeHours::default().daily_seconds(), 7 * 3600);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "Vec<[String; 2]>", into = "Vec<[String; 2]>")]
pub struct OfficeHours {
    /// Sessions in seconds after midnight, sorted and disjoint (the default's borrowed: a
    /// clock made for every case copies its configuration without allocating).
    sessions: std::borrow::Cow<'static, [(u32, u32)]>,
}

/// 09:00–12:00 and 13:30–17:30.
const DEFAULT_SESSIONS: &[(u32, u32)] =
    &[(9 * 3600, 12 * 3600), (13 * 3600 + 1800, 17 * 3600 + 1800)];

impl Default for OfficeHours {
    fn default() -> Self {
        OfficeHours {
            sessions: std::borrow::Cow::Borrowed(DEFAULT_SESSIONS),
        }
    }
}

impl OfficeHours {
    /// Whether the office is open at `t` (inside a session; its close is outside).
    ///
    /// ```
    /// use efficiency_core::clock::OfficeHours;
    /// let h = OfficeHours::default();
    /// let at = |s: &str| chrono::NaiveTime::parse_from_str(s, "%H:%M").unwrap();
    /// assert!(h.is_open(at("09:00")) && !h.is_open(at("12:30")) && !h.is_open(at("17:30")));
    /// ```
    pub fn is_open(&self, t: chrono::NaiveTime) -> bool {
        use chrono::Timelike;
        let s = t.num_seconds_from_midnight();
        self.sessions.iter().any(|&(from, to)| from <= s && s < to)
    }

    /// Sessions as `("HH:MM", "HH:MM")` pairs, sorted, disjoint and non-empty.
    ///
    /// ```
    /// use efficiency_core::clock::OfficeHours;
    /// let h = OfficeHours::new(&[("08:30", "12:00"), ("14:00", "18:00")])?;
    /// assert_eq!(h.daily_seconds(), 7 * 3600 + 1800);
    /// assert!(OfficeHours::new(&[("13:00", "12:00")]).is_err());
    /// # Ok::<(), efficiency_core::clock::ClockError>(())
    /// ```
    pub fn new(sessions: &[(&str, &str)]) -> Result<Self, ClockError> {
        let mut out = Vec::new();
        for (i, (a, b)) in sessions.iter().enumerate() {
            let parse = |s: &str, which: &str| {
                NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| {
                    ClockError::limit(
                        "clock.invalid_office_hours",
                        format!("office_hours[{i}].{which}"),
                        format!("{s:?} is not a time HH:MM"),
                    )
                })
            };
            let (a, b) = (parse(a, "start")?, parse(b, "end")?);
            out.push((a.num_seconds_from_midnight(), b.num_seconds_from_midnight()));
        }
        for (i, w) in out.windows(2).enumerate() {
            if w[1].0 < w[0].1 {
                return Err(ClockError::limit(
                    "clock.invalid_office_hours",
                    format!("office_hours[{}]", i + 1),
                    "sessions must be sorted and must not overlap",
                ));
            }
        }
        if out.is_empty() || out.iter().any(|(a, b)| a >= b) {
            return Err(ClockError::limit(
                "clock.invalid_office_hours",
                "office_hours",
                "need at least one session, each ending after it starts",
            ));
        }
        Ok(OfficeHours {
            sessions: out.into(),
        })
    }

    /// Office seconds in one workday.
    ///
    /// ```
    /// use efficiency_core::clock::OfficeHours;
    /// assert_eq!(OfficeHours::new(&[("09:00", "17:00")])?.daily_seconds(), 8 * 3600);
    /// # Ok::<(), efficiency_core::clock::ClockError>(())
    /// ```
    pub fn daily_seconds(&self) -> i64 {
        self.sessions.iter().map(|(a, b)| i64::from(b - a)).sum()
    }

    /// Office seconds of a workday before `secs` after midnight.
    pub(crate) fn seconds_before(&self, secs: u32) -> i64 {
        self.sessions
            .iter()
            .map(|&(a, b)| i64::from(secs.clamp(a, b) - a))
            .sum()
    }

    /// The time of day at which `into` office seconds (0 < into ≤ daily) have passed.
    pub(crate) fn time_at(&self, into: i64) -> u32 {
        let mut left = into;
        for &(a, b) in self.sessions.iter() {
            let len = i64::from(b - a);
            if left <= len {
                return a + left as u32;
            }
            left -= len;
        }
        self.sessions.last().map(|s| s.1).unwrap_or(0)
    }

    /// Close of business: the end of the last session.
    ///
    /// ```
    /// use chrono::NaiveTime;
    /// use efficiency_core::clock::OfficeHours;
    /// assert_eq!(OfficeHours::default().close(), NaiveTime::from_hms_opt(17, 30, 0).unwrap());
    /// ```
    pub fn close(&self) -> NaiveTime {
        let secs = self.sessions.last().map(|s| s.1).unwrap_or(0);
        NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).expect("valid")
    }
}

impl TryFrom<Vec<[String; 2]>> for OfficeHours {
    type Error = ClockError;
    fn try_from(v: Vec<[String; 2]>) -> Result<Self, ClockError> {
        let pairs: Vec<(&str, &str)> = v.iter().map(|[a, b]| (a.as_str(), b.as_str())).collect();
        OfficeHours::new(&pairs)
    }
}

impl From<OfficeHours> for Vec<[String; 2]> {
    fn from(h: OfficeHours) -> Self {
        let f = |s: u32| format!("{:02}:{:02}", s / 3600, s % 3600 / 60);
        h.sessions.iter().map(|&(a, b)| [f(a), f(b)]).collect()
    }
}

/// Who may approve: the roles of docs/domain.md §2, from the handler up to the head of the
/// government at that level. An approver of a higher rank than required is authorised.
///
/// ```
/// use efficiency_core::clock::Authority;
/// assert_eq!("agency_head".parse::<Authority>()?, Authority::AgencyHead);
/// assert_eq!("janitor".parse::<Authority>().unwrap_err().code(), "clock.unknown_authority");
/// # Ok::<(), efficiency_core::clock::ClockError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    /// 承办人.
    Handler,
    /// 科室负责人.
    UnitHead,
    /// 分管领导.
    SupervisingLeader,
    /// The head of the agency (主要领导), required by 行政许可法 Art. 42 para. 1.
    AgencyHead,
    /// The head of the government at that level, required for joint handling (Art. 42 para. 2).
    GovernmentHead,
}

crate::names!(Authority {
    Handler => "handler",
    UnitHead => "unit_head",
    SupervisingLeader => "supervising_leader",
    AgencyHead => "agency_head",
    GovernmentHead => "government_head",
});

impl FromStr for Authority {
    type Err = ClockError;
    fn from_str(s: &str) -> Result<Self, ClockError> {
        Authority::from_name(s).ok_or_else(|| {
            ClockError::limit(
                "clock.unknown_authority",
                "approver",
                format!("{s:?} is not one of {}", Authority::NAMES.join(", ")),
            )
        })
    }
}

/// Which extensions an item allows (行政许可法 Art. 42: one, of 10 workdays, by the agency head).
///
/// ```
/// use efficiency_core::clock::{Authority, ExtensionPolicy, TimeLimit};
/// let policy = ExtensionPolicy::default_for(TimeLimit::workdays(20));
/// assert_eq!((policy.max_amount, policy.approver, policy.max_count), (20, Authority::AgencyHead, 1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExtensionPolicy {
    /// The largest extension, in the statutory limit's unit.
    pub max_amount: u32,
    /// The lowest role that may approve.
    pub approver: Authority,
    /// How many extensions a case may have.
    #[serde(default = "one")]
    pub max_count: u32,
    /// The unit whose `approver` approves, where a regulation names it (政府信息公开条例 Art. 33:
    /// the head of the disclosure office); `None`: the role in any unit. An agency head or above
    /// may approve for any unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

fn one() -> u32 {
    1
}

impl ExtensionPolicy {
    /// The default for a statutory limit (行政许可法 Art. 42): one extension of up to the
    /// statutory amount, approved by the agency head; none where no law sets a period (the
    /// item may set its own policy). The one place this default is decided.
    ///
    /// ```
    /// use efficiency_core::clock::{ExtensionPolicy, TimeLimit};
    /// // 行政许可法 Art. 42: once, by as much as the limit, approved by the agency head.
    /// assert_eq!(ExtensionPolicy::default_for(TimeLimit::workdays(20)).max_amount, 20);
    /// assert_eq!(ExtensionPolicy::default_for(TimeLimit::none()), ExtensionPolicy::NONE);
    /// ```
    pub fn default_for(statutory: TimeLimit) -> ExtensionPolicy {
        if statutory.unit == TimeUnit::NoLimit {
            return ExtensionPolicy::NONE; // no law, no legal extension: the item may set one
        }
        ExtensionPolicy {
            max_amount: statutory.amount,
            approver: Authority::AgencyHead,
            max_count: 1,
            unit: None,
        }
    }

    /// No extension allowed.
    ///
    /// ```
    /// use efficiency_core::clock::ExtensionPolicy;
    /// assert_eq!(ExtensionPolicy::NONE.max_count, 0);
    /// ```
    pub const NONE: ExtensionPolicy = ExtensionPolicy {
        max_amount: 0,
        approver: Authority::AgencyHead,
        max_count: 0,
        unit: None,
    };
}

/// Configuration of a clock: office hours, when the last day ends, and the reminder threshold.
///
/// ```
/// use efficiency_core::clock::{ClockConfig, TimeLimit};
/// let config = ClockConfig::default();
/// assert_eq!(config.reminder_threshold, TimeLimit::workdays(1));
/// assert_eq!(config.office_hours.daily_seconds(), 7 * 3600);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct ClockConfig {
    /// Office hours (default 09:00–12:00, 13:30–17:30).
    pub office_hours: OfficeHours,
    /// When the last day of a day-counted period ends (default close of office hours).
    pub day_end: DayEnd,
    /// `reminder` when at most this much is left before the promised due (default 1 workday).
    pub reminder_threshold: TimeLimit,
    /// When an on-the-spot item (即办件) received after the close of office hours or on a rest
    /// day is due, counted from its receipt (docs/domain.md §4.2): default 1 workday, the close
    /// of the next workday. A due never precedes the receipt.
    pub on_the_spot_after_hours: TimeLimit,
}

impl Default for ClockConfig {
    fn default() -> Self {
        ClockConfig {
            office_hours: OfficeHours::default(),
            day_end: DayEnd::CloseOfBusiness,
            reminder_threshold: TimeLimit::workdays(1),
            on_the_spot_after_hours: TimeLimit::workdays(1),
        }
    }
}
