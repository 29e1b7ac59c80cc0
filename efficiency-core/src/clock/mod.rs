//! The deadline clock (限时办结制): time limits, suspensions, extensions and supervision levels.
//!
//! A [`Clock`] is a small event log for one case — accepted at, suspended and resumed,
//! extensions requested, approved and told to the applicant, concluded — and
//! [`Clock::status`] derives everything else at any moment `as_of`: the promised and
//! statutory due times, the time remaining and elapsed, the state, the supervision level, the
//! outcome, and the [`Finding`]s (faults of people, such as an extension approved by someone
//! without the authority, which therefore moves nothing). Counting follows docs/domain.md §4.1.
//!
//! ```
//! use efficiency_core::calendar::Calendar;
//! use efficiency_core::clock::{Authority, Clock, Level, TimeLimit};
//! use chrono::NaiveDateTime;
//! let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
//!
//! let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20))
//!     .with_promised(TimeLimit::workdays(10))?;
//! clock.suspend(t("2026-10-09 15:00"), "expert review (专家评审)")?;
//! clock.resume(t("2026-10-13 09:00"))?;
//! let s = clock.status(t("2026-10-20 09:00"))?;
//! // Oct 10 (a make-up Saturday), 12 and 13 fall in the suspension: 10 workdays + 3.
//! assert_eq!(s.promised_due.to_string(), "2026-10-21 17:30:00");
//! assert_eq!(s.level, Level::Reminder);
//! # Ok::<(), efficiency_core::clock::ClockError>(())
//! ```

mod batch;
mod count;
mod error;
mod limit;
mod options;
pub(crate) mod reckon;

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

pub use error::ClockError;
pub use limit::{
    Authority, ClockConfig, DayEnd, ExtensionPolicy, OfficeHours, TimeLimit, TimeUnit,
};
pub use options::{ClockOptions, CLOCK_OPTIONS};

use crate::calendar::Calendar;
use crate::catalog::FindingCode;
use crate::messages::{Arg, Args, Lang, Messages};
pub use batch::{
    evaluate_columns, evaluate_many, evaluate_rows, BatchInput, BatchOutput, ClockColumns,
    ClockRowError, ClockRows, LEVEL_NAMES, OUTCOME_NAMES,
};
use reckon::Reckoner;

/// One event of a clock's log.
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{Clock, TimeLimit};
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
/// use efficiency_core::clock::ClockEvent;
/// clock.suspend(t("2026-10-09 15:00"), "expert_review")?;
/// assert!(matches!(&clock.events()[0], ClockEvent::Suspend { reason, .. } if reason == "expert_review"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ClockEvent {
    /// A special procedure stops the clock (hearing, testing, expert review, …).
    Suspend {
        /// When.
        at: NaiveDateTime,
        /// Which procedure, told to the applicant in writing (行政许可法 Art. 45).
        reason: String,
        /// The procedure's own limit (an item's `max_time`, e.g. third-party consultation 15
        /// workdays, 政府信息公开条例 Art. 32): time beyond it counts toward the case's limit
        /// again and is a `procedure.overrun` finding.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        limit: Option<TimeLimit>,
    },
    /// The special procedure ended; counting resumes.
    Resume {
        /// When.
        at: NaiveDateTime,
    },
    /// An extension asked for, in the statutory limit's unit.
    RequestExtension {
        /// When.
        at: NaiveDateTime,
        /// How much.
        amount: u32,
        /// Why (to be told to the applicant).
        reason: String,
    },
    /// The pending extension approved.
    ApproveExtension {
        /// When.
        at: NaiveDateTime,
        /// The approver's role.
        approver: Authority,
        /// The approver's unit, where the item names the unit whose head approves (政府信息公开条例
        /// Art. 33: the head of the disclosure office).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// The applicant told of the pending extension and its reasons.
    NotifyApplicant {
        /// When.
        at: NaiveDateTime,
    },
    /// The case decided.
    Conclude {
        /// When.
        at: NaiveDateTime,
    },
}

impl ClockEvent {
    /// When the event happened.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// clock.suspend(t("2026-10-09 15:00"), "expert_review")?;
    /// assert_eq!(clock.events()[0].at(), t("2026-10-09 15:00"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at(&self) -> NaiveDateTime {
        match self {
            ClockEvent::Suspend { at, .. }
            | ClockEvent::Resume { at }
            | ClockEvent::RequestExtension { at, .. }
            | ClockEvent::ApproveExtension { at, .. }
            | ClockEvent::NotifyApplicant { at }
            | ClockEvent::Conclude { at } => *at,
        }
    }

    /// `suspend`, `resume`, `request_extension`, `approve_extension`, `notify_applicant`, `conclude`.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// clock.suspend(t("2026-10-09 15:00"), "expert_review")?;
    /// clock.resume(t("2026-10-13 09:00"))?;
    /// let kinds: Vec<&str> = clock.events().iter().map(|e| e.kind()).collect();
    /// assert_eq!(kinds, ["suspend", "resume"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            ClockEvent::Suspend { .. } => "suspend",
            ClockEvent::Resume { .. } => "resume",
            ClockEvent::RequestExtension { .. } => "request_extension",
            ClockEvent::ApproveExtension { .. } => "approve_extension",
            ClockEvent::NotifyApplicant { .. } => "notify_applicant",
            ClockEvent::Conclude { .. } => "conclude",
        }
    }
}

/// Whether the clock is counting.
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{Clock, TimeLimit};
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
/// use efficiency_core::clock::State;
/// clock.suspend(t("2026-10-09 15:00"), "expert_review")?;
/// assert_eq!(clock.status(t("2026-10-10 09:00"))?.state, State::Suspended);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Counting.
    Running,
    /// Stopped by a special procedure.
    Suspended,
    /// Decided.
    Concluded,
}

/// Supervision level (docs/domain.md §4.4), as the electronic supervision system shows it.
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{Clock, TimeLimit};
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
/// use efficiency_core::clock::Level;
/// assert_eq!(clock.status(t("2026-10-08 09:00"))?.level, Level::Normal);
/// assert_eq!(clock.status(t("2026-10-30 09:00"))?.level, Level::Reminder);
/// assert_eq!(clock.status(t("2026-11-02 09:00"))?.level, Level::Red);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Nothing to say.
    Normal,
    /// At most the reminder threshold left before the promised due (预警).
    Reminder,
    /// Past the promised due, not the statutory one (黄牌).
    Yellow,
    /// Past the statutory due (红牌).
    Red,
}

/// How a concluded case did against its promised limit.
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{Clock, TimeLimit};
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
/// use efficiency_core::clock::Outcome;
/// clock.conclude(t("2026-10-20 10:00"))?;
/// assert_eq!(clock.status(t("2026-11-02 09:00"))?.outcome, Some(Outcome::Early));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// At least one whole unit left at conclusion.
    Early,
    /// By the promised due.
    OnTime,
    /// After the promised due.
    Late,
}

macro_rules! as_str_impl {
    ($t:ident { $($v:ident => $s:literal),* $(,)? }) => {
        crate::names!($t { $($v => $s),* });
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
    };
}
as_str_impl!(State { Running => "running", Suspended => "suspended", Concluded => "concluded" });
as_str_impl!(Level { Normal => "normal", Reminder => "reminder", Yellow => "yellow", Red => "red" });
as_str_impl!(Outcome { Early => "early", OnTime => "on_time", Late => "late" });

/// A fault found on the clock: a person's, not the program's. It names its stable code, when it
/// happened, what is wrong, and the clock events behind it (indexes into [`Clock::events`];
/// `None` stands for the acceptance itself).
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{Clock, TimeLimit};
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
/// let s = clock.status(t("2026-11-02 09:00"))?;
/// assert_eq!(s.findings[0].code, "time_limit.statutory_missed");
/// assert_eq!(s.findings[0].at, t("2026-10-30 17:30"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// Stable code, e.g. `extension.unauthorized_approver`.
    pub code: &'static str,
    /// When the fault happened (or became a fault).
    pub at: NaiveDateTime,
    /// What is wrong, for a clerk: the catalogue's message for the code in the clock's language
    /// (Chinese unless [`Clock::with_lang`] says otherwise).
    pub text: String,
    /// The message's named arguments (times, limits, people), to write it in another language.
    pub args: Args,
    /// The events behind it.
    pub events: Vec<usize>,
}

impl Finding {
    /// A finding whose text is written when the status is complete.
    fn new(code: FindingCode, at: NaiveDateTime, args: Args, events: Vec<usize>) -> Finding {
        Finding {
            code: code.as_str(),
            at,
            text: String::new(),
            args,
            events,
        }
    }
}

/// The finding codes a clock can produce.
///
/// ```
/// use efficiency_core::clock::FINDING_CODES;
/// assert!(FINDING_CODES.contains(&"time_limit.statutory_missed"));
/// assert!(FINDING_CODES.contains(&"procedure.overrun"));
/// ```
pub const FINDING_CODES: &[&str] = &[
    FindingCode::PromisedMissed.as_str(),
    FindingCode::StatutoryMissed.as_str(),
    FindingCode::ExtensionRequestedLate.as_str(),
    FindingCode::ExtensionNotApproved.as_str(),
    FindingCode::ExtensionUnauthorizedApprover.as_str(),
    FindingCode::ExtensionOverCap.as_str(),
    FindingCode::ExtensionTooMany.as_str(),
    FindingCode::ExtensionApplicantNotNotified.as_str(),
    FindingCode::SupplementLateNotice.as_str(),
    FindingCode::ProcedureOverrun.as_str(),
];

/// An amount of time in a limit's unit: whole days, or office hours (fractional).
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{Clock, TimeLimit};
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
/// use efficiency_core::clock::Amount;
/// let left: Amount = clock.status(t("2026-10-08 09:00"))?.remaining;
/// assert_eq!(left, 17.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type Amount = f64;

/// Everything derived from a clock at one moment.
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{Clock, TimeLimit};
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
/// let s = clock.status(t("2026-10-08 09:00"))?;
/// assert_eq!((s.statutory_due, s.remaining, s.elapsed), (Some(t("2026-10-30 17:30")), 17.0, 3.0));
/// assert!(s.findings.is_empty() && !s.provisional);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClockStatus {
    /// The moment asked about.
    pub as_of: NaiveDateTime,
    /// When counting starts (the acceptance, or the receipt after a late supplement notice).
    pub counting_from: NaiveDateTime,
    /// Promised due (the statutory due when the item promises nothing shorter). For day units
    /// it is the close of office hours of the last day, or 00:00 of the day after when the
    /// clock counts to 24:00. While suspended: as if counting resumed at `as_of`.
    pub promised_due: NaiveDateTime,
    /// Statutory due, the same way; `None` where no law sets a period (statute `"none"`).
    pub statutory_due: Option<NaiveDateTime>,
    /// The promised limit.
    pub promised: TimeLimit,
    /// The statutory limit.
    pub statutory: TimeLimit,
    /// Extensions that count (approved by the right person in time, applicant told), in the
    /// statutory unit.
    pub extended_by: u32,
    /// Time left before the promised due, in the promised limit's unit (workdays for
    /// on-the-spot), at `as_of` or at conclusion; negative when overdue. For day units, the
    /// days x with now < x ≤ due: 0 means today is the last day.
    pub remaining: Amount,
    /// Time counted so far, in the promised limit's unit, suspensions excluded.
    pub elapsed: Amount,
    /// Workdays counted so far whatever the unit, suspensions excluded (for metrics).
    pub elapsed_workdays: Amount,
    /// Running, suspended or concluded.
    pub state: State,
    /// Supervision level at `as_of`, or at conclusion for a concluded case.
    pub level: Level,
    /// For a concluded case: early, on time or late against the promised due.
    pub outcome: Option<Outcome>,
    /// Whether an extension request is still open (neither valid yet nor a fault yet).
    pub extension_pending: bool,
    /// Whether any answer rests on a provisional calendar year.
    pub provisional: bool,
    /// Faults found, in time order.
    pub findings: Vec<Finding>,
}

/// A case's deadline clock.
///
/// An event log (suspensions, extensions, the conclusion) over a statutory limit and a promise;
/// everything else is derived at a moment. A licensing decision accepted on 2026-09-28 (20
/// workdays, 行政许可法 Art. 42), an expert review that does not count, a valid extension:
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{Authority, Clock, Level, TimeLimit};
/// let t = |s: &str| s.parse().unwrap();
/// let mut c = Clock::new(Calendar::china(), t("2026-09-28T10:00:00"), TimeLimit::workdays(20));
/// assert_eq!(c.status(t("2026-10-09T10:00:00"))?.statutory_due, Some(t("2026-10-30T17:30:00")));
/// c.suspend(t("2026-10-09T10:00:00"), "expert review")?;
/// c.resume(t("2026-10-16T10:00:00"))?; // 6 workdays not counted (the make-up Saturday 10-10 too)
/// c.request_extension(t("2026-11-02T09:00:00"), 10, "complex case")?;
/// c.approve_extension(t("2026-11-02T15:00:00"), Authority::AgencyHead)?;
/// c.notify_applicant(t("2026-11-03T09:00:00"))?;
/// let s = c.status(t("2026-11-10T09:00:00"))?;
/// assert_eq!((s.extended_by, s.statutory_due), (10, Some(t("2026-11-23T17:30:00"))));
/// assert!(s.findings.is_empty() && s.level == Level::Normal);
/// c.conclude(t("2026-11-23T16:00:00"))?;
/// assert_eq!(c.status(t("2026-12-01T09:00:00"))?.outcome.unwrap().as_str(), "on_time");
/// # Ok::<(), efficiency_core::clock::ClockError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Clock {
    calendar: Calendar,
    config: ClockConfig,
    accepted_at: NaiveDateTime,
    statutory: TimeLimit,
    promised: Option<TimeLimit>,
    extension: ExtensionPolicy,
    supplement: Option<(NaiveDateTime, NaiveDateTime)>,
    notice_within: u32,
    events: Vec<ClockEvent>,
    /// The open extension request (approved?, applicant notified?), kept as events arrive so a
    /// push checks in constant time.
    pending_extension: Option<(bool, bool)>,
    /// The language of its findings' texts.
    lang: Lang,
    /// The catalogue they are written from.
    messages: Arc<Messages>,
}

/// The suspension windows and extension verdicts at one moment.
struct Replay {
    windows: Vec<(NaiveDateTime, NaiveDateTime, usize)>,
    /// Procedures past their own limit: (the limit's end, the suspension, the resumption).
    overruns: Vec<(NaiveDateTime, usize, Option<usize>)>,
    open_suspension: Option<usize>,
    concluded: Option<(NaiveDateTime, usize)>,
}

impl Clock {
    /// A clock for a case accepted at `accepted_at` under a statutory limit. By default the
    /// promised limit is the statutory one, one extension of up to the statutory amount may be
    /// approved by the agency head, and the configuration is [`ClockConfig::default`].
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// assert_eq!(clock.status(t("2026-09-28 10:00"))?.statutory_due, Some(t("2026-10-30 17:30")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(calendar: Calendar, accepted_at: NaiveDateTime, statutory: TimeLimit) -> Clock {
        Clock {
            calendar,
            config: ClockConfig::default(),
            accepted_at,
            statutory,
            promised: None,
            extension: ExtensionPolicy::default_for(statutory),
            supplement: None,
            notice_within: 5,
            events: Vec::new(),
            pending_extension: None,
            lang: Lang::Zh,
            messages: Messages::shipped(),
        }
    }

    /// The promised limit; an error if it ends later than the statutory limit. Whether a
    /// promise is within the law is decided by the dues both give at this acceptance, not by
    /// their units (docs/domain.md §4.2): 15 workdays promised under a statute of 60 natural
    /// days is the usual civil-affairs pattern and valid. When a due cannot be computed yet (a
    /// year without holiday data), the units decide ([`TimeLimit::is_within`]).
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let at = "2026-09-30T10:00:00".parse().unwrap();
    /// let statute = Clock::new(Calendar::china(), at, TimeLimit::natural_days(60));
    /// assert!(statute.clone().with_promised(TimeLimit::workdays(15)).is_ok());
    /// let e = statute.with_promised(TimeLimit::workdays(45)).unwrap_err();
    /// assert_eq!(e.code(), "clock.promised_exceeds_statutory");
    /// assert!(e.to_string().contains("ends 2026-12-08 17:30:00, after the statutory limit 60 natural days (2026-11-30 17:30:00)"), "{e}");
    /// ```
    pub fn with_promised(mut self, promised: TimeLimit) -> Result<Clock, ClockError> {
        if promised.unit == TimeUnit::NoLimit {
            return Err(ClockError::limit(
                "clock.no_limit",
                "promised",
                "a promise of no limit is no promise: leave the promise out",
            ));
        }
        // Units that compare without a date (the same unit, a shorter unit within a longer one)
        // decide at once: a promise they put within the statute is within at any acceptance.
        if promised.is_within(&self.statutory, self.config.office_hours.daily_seconds()) {
            self.promised = Some(promised);
            return Ok(self);
        }
        let rk = Reckoner {
            cal: &self.calendar,
            config: &self.config,
        };
        let dues = rk
            .due(self.accepted_at, promised, 0, &[])
            .and_then(|p| Ok((p, rk.due(self.accepted_at, self.statutory, 0, &[])?)));
        let refused = match dues {
            Ok((p, s)) if p > s => Some(format!(
                "promised limit {promised} from {} ends {p}, after the statutory limit {} ({s})",
                self.accepted_at, self.statutory
            )),
            Ok(_) => None,
            // No dues to compare (a year without data): the units said it is not within.
            Err(_) => Some(format!(
                "promised limit {promised} is not within the statutory limit {}",
                self.statutory
            )),
        };
        if let Some(message) = refused {
            return Err(ClockError::limit(
                "clock.promised_exceeds_statutory",
                "promised",
                message,
            ));
        }
        self.promised = Some(promised);
        Ok(self)
    }

    /// The same clock on another calendar (e.g. the same data made provisional for years it
    /// does not cover); its events are kept.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::date::Zone;
    /// let clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20))
    ///     .with_calendar(Calendar::china().with_zone(Zone::UTC));
    /// assert_eq!(clock.calendar().zone(), Zone::UTC);
    /// ```
    pub fn with_calendar(mut self, calendar: Calendar) -> Clock {
        self.calendar = calendar;
        self
    }

    /// The extension policy.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::clock::{Authority, ExtensionPolicy};
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20))
    ///     .with_extension_policy(ExtensionPolicy { max_amount: 10, approver: Authority::UnitHead, max_count: 1, unit: None });
    /// clock.request_extension(t("2026-10-26 10:00"), 10, "site inspection")?;
    /// clock.approve_extension(t("2026-10-27 10:00"), Authority::UnitHead)?;
    /// clock.notify_applicant(t("2026-10-28 10:00"))?;
    /// assert_eq!(clock.status(t("2026-11-02 09:00"))?.extended_by, 10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_extension_policy(mut self, policy: ExtensionPolicy) -> Clock {
        self.extension = policy;
        self
    }

    /// The language its findings are written in (Chinese by default; the codes and arguments
    /// are the same in every language).
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// use efficiency_core::messages::Lang;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// let zh = clock.status(t("2026-11-02 09:00"))?;
    /// assert_eq!(zh.findings[0].text, "法定时限（20个工作日）已于2026年10月30日 17:30届满，未办结");
    /// let en = clock.with_lang(Lang::En).status(t("2026-11-02 09:00"))?;
    /// assert_eq!(en.findings[0].text, "statutory limit (20 workdays) ran out at 2026-10-30 17:30");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_lang(mut self, lang: Lang) -> Clock {
        self.lang = lang;
        self
    }

    /// Writes its findings in `lang` from `messages` (a bureau's catalogue).
    pub fn set_messages(&mut self, lang: Lang, messages: &Arc<Messages>) {
        self.lang = lang;
        if !Arc::ptr_eq(&self.messages, messages) {
            self.messages = messages.clone();
        }
    }

    /// The configuration (office hours, day end, reminder threshold).
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::clock::{ClockConfig, DayEnd};
    /// let config = ClockConfig { day_end: DayEnd::Midnight, ..ClockConfig::default() };
    /// let clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20)).with_config(config)?;
    /// assert_eq!(clock.status(t("2026-10-08 09:00"))?.statutory_due, Some(t("2026-10-31 00:00")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_config(mut self, config: ClockConfig) -> Result<Clock, ClockError> {
        self.config = config;
        match self.promised {
            Some(p) => self.with_promised(p),
            None => Ok(self),
        }
    }

    /// The workdays within which the one-time supplement (or clarification) notice must follow
    /// receipt: 5 by default (行政许可法 Art. 32), 7 for an information request (政府信息公开条例
    /// Art. 30). An item's `notice_limit` sets it.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// // An information request: the clarification notice within 7 workdays (政府信息公开条例 Art. 30).
    /// let clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20))
    ///     .with_notice_limit(7)
    ///     .with_supplement_notice(t("2026-09-17 10:00"), t("2026-09-25 10:00"))?;
    /// assert!(clock.status(t("2026-10-08 09:00"))?.findings.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_notice_limit(mut self, workdays: u32) -> Clock {
        self.notice_within = workdays;
        self
    }

    /// The application was received incomplete at `received_at` and the one-time supplement
    /// notice went out at `notice_at`. If the notice came later than the notice limit (5
    /// workdays by default) after receipt, the case counts as accepted on receipt (行政许可法
    /// Art. 32), and that is a finding.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// // Received 17 September, the one-time notice 8 workdays later: accepted on receipt (Art. 32).
    /// let clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20))
    ///     .with_supplement_notice(t("2026-09-17 10:00"), t("2026-09-28 10:00"))?;
    /// let s = clock.status(t("2026-10-08 09:00"))?;
    /// assert_eq!(s.counting_from, t("2026-09-17 10:00"));
    /// assert_eq!(s.findings[0].code, "supplement.late_notice");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_supplement_notice(
        mut self,
        received_at: NaiveDateTime,
        notice_at: NaiveDateTime,
    ) -> Result<Clock, ClockError> {
        if notice_at < received_at || notice_at > self.accepted_at {
            return Err(ClockError::limit(
                "clock.invalid_supplement",
                "supplement",
                format!(
                    "need received ({received_at}) <= notice ({notice_at}) <= accepted ({})",
                    self.accepted_at
                ),
            ));
        }
        self.supplement = Some((received_at, notice_at));
        Ok(self)
    }

    /// The events so far.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// clock.conclude(t("2026-10-20 10:00"))?;
    /// assert_eq!(clock.events().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn events(&self) -> &[ClockEvent] {
        &self.events
    }

    /// The calendar the clock counts on.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// assert_eq!(clock.calendar().covered_years().0, 2004);
    /// ```
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// When the case was accepted (as given).
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// assert_eq!(clock.accepted_at(), t("2026-09-28 10:00"));
    /// ```
    pub fn accepted_at(&self) -> NaiveDateTime {
        self.accepted_at
    }

    /// Appends an event after checking it against the log; on error the clock is unchanged.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, ClockEvent, TimeLimit};
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// let err = clock.push(ClockEvent::Resume { at: t("2026-09-29 10:00") }).unwrap_err();
    /// assert_eq!(err.code(), "clock.resume_without_suspension");
    /// assert!(clock.events().is_empty());
    /// # Ok::<(), efficiency_core::clock::ClockError>(())
    /// ```
    pub fn push(&mut self, event: ClockEvent) -> Result<(), ClockError> {
        self.check(&event)?;
        self.pending_extension = match &event {
            ClockEvent::RequestExtension { .. } => Some((false, false)),
            ClockEvent::ApproveExtension { .. } => self.pending_extension.map(|(_, n)| (true, n)),
            ClockEvent::NotifyApplicant { .. } => self.pending_extension.map(|(a, _)| (a, true)),
            _ => self.pending_extension,
        }
        .filter(|p| *p != (true, true));
        self.events.push(event);
        Ok(())
    }

    fn check(&self, event: &ClockEvent) -> Result<(), ClockError> {
        let index = self.events.len();
        let kind = event.kind();
        let fail = |code: &'static str, message: String| ClockError::InvalidEvent {
            index,
            event: kind,
            code,
            message,
        };
        let at = event.at();
        if at < self.accepted_at {
            return Err(fail(
                "clock.before_acceptance",
                format!("{at} is before the acceptance at {}", self.accepted_at),
            ));
        }
        if let Some(last) = self.events.last() {
            if at < last.at() {
                return Err(fail(
                    "clock.time_goes_backwards",
                    format!(
                        "{at} is before the previous event ({} at {})",
                        last.kind(),
                        last.at()
                    ),
                ));
            }
            if let ClockEvent::Conclude { at: c } = last {
                return Err(fail(
                    "clock.after_conclusion",
                    format!("the case was concluded at {c}"),
                ));
            }
        }
        let suspended = self.events.iter().rev().find_map(|e| match e {
            ClockEvent::Suspend { at, .. } => Some(Some(*at)),
            ClockEvent::Resume { .. } => Some(None),
            _ => None,
        });
        let suspended = suspended.flatten();
        // The open extension request, if any, and what it has had so far.
        let pending = self.pending_extension;
        match event {
            ClockEvent::Suspend { .. } => {
                if let Some(s) = suspended {
                    return Err(fail(
                        "clock.already_suspended",
                        format!("the clock has been suspended since {s}"),
                    ));
                }
            }
            ClockEvent::Resume { .. } => {
                if suspended.is_none() {
                    return Err(fail(
                        "clock.resume_without_suspension",
                        "the clock is not suspended".into(),
                    ));
                }
            }
            ClockEvent::RequestExtension { amount, .. } => {
                if *amount == 0 {
                    return Err(fail(
                        "clock.invalid_amount",
                        "an extension of 0 extends nothing".into(),
                    ));
                }
                if self.statutory.unit == TimeUnit::OnTheSpot {
                    return Err(fail(
                        "clock.invalid_amount",
                        "an on-the-spot item cannot be extended".into(),
                    ));
                }
            }
            ClockEvent::ApproveExtension { .. } => match pending {
                None => {
                    return Err(fail(
                        "clock.no_pending_extension",
                        "no extension request is open".into(),
                    ))
                }
                Some((true, _)) => {
                    return Err(fail(
                        "clock.already_approved",
                        "the open request is already approved".into(),
                    ))
                }
                _ => {}
            },
            ClockEvent::NotifyApplicant { .. } => match pending {
                None => {
                    return Err(fail(
                        "clock.no_pending_extension",
                        "no extension request is open".into(),
                    ))
                }
                Some((_, true)) => {
                    return Err(fail(
                        "clock.already_notified",
                        "the applicant was already told".into(),
                    ))
                }
                _ => {}
            },
            ClockEvent::Conclude { .. } => {
                if let Some(s) = suspended {
                    return Err(fail(
                        "clock.suspended_at_conclusion",
                        format!("the clock has been suspended since {s}; resume it first"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Stops the clock for a special procedure.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// clock.suspend(t("2026-10-09 15:00"), "expert_review")?;
    /// // A second suspension while suspended is refused, naming the event; nothing changes.
    /// assert_eq!(clock.suspend(t("2026-10-10 09:00"), "again").unwrap_err().code(), "clock.already_suspended");
    /// assert_eq!(clock.events().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn suspend(&mut self, at: NaiveDateTime, reason: &str) -> Result<(), ClockError> {
        self.suspend_within(at, reason, None)
    }

    /// Stops the clock for a special procedure that has its own `limit` (docs/domain.md §4.3):
    /// the time beyond it counts toward the case's limit again, and is a `procedure.overrun`
    /// finding naming the procedure.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| s.parse().unwrap();
    /// let mut c = Clock::new(Calendar::china(), t("2026-11-02T10:00:00"), TimeLimit::workdays(20));
    /// c.suspend_within(t("2026-11-03T10:00:00"), "third-party consultation", Some(TimeLimit::workdays(15)))?;
    /// c.resume(t("2026-12-02T10:00:00"))?; // 22 workdays
    /// let s = c.status(t("2026-12-03T10:00:00"))?;
    /// assert_eq!(s.findings[0].code, "procedure.overrun");
    /// assert_eq!(s.findings[0].at.to_string(), "2026-11-24 17:30:00");
    /// # Ok::<(), efficiency_core::clock::ClockError>(())
    /// ```
    pub fn suspend_within(
        &mut self,
        at: NaiveDateTime,
        reason: &str,
        limit: Option<TimeLimit>,
    ) -> Result<(), ClockError> {
        self.push(ClockEvent::Suspend {
            at,
            reason: reason.to_string(),
            limit,
        })
    }
    /// Restarts the clock.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// assert_eq!(clock.resume(t("2026-10-09 09:00")).unwrap_err().code(), "clock.resume_without_suspension");
    /// ```
    pub fn resume(&mut self, at: NaiveDateTime) -> Result<(), ClockError> {
        self.push(ClockEvent::Resume { at })
    }
    /// Asks for an extension of `amount` (in the statutory limit's unit).
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// use efficiency_core::clock::Authority;
    /// clock.request_extension(t("2026-10-26 10:00"), 10, "site inspection")?;
    /// assert!(clock.status(t("2026-10-26 11:00"))?.extension_pending);
    /// clock.approve_extension(t("2026-10-27 10:00"), Authority::AgencyHead)?;
    /// // Valid once the applicant is told (行政许可法 Art. 42).
    /// clock.notify_applicant(t("2026-10-28 10:00"))?;
    /// assert!(!clock.status(t("2026-10-28 11:00"))?.extension_pending);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn request_extension(
        &mut self,
        at: NaiveDateTime,
        amount: u32,
        reason: &str,
    ) -> Result<(), ClockError> {
        self.push(ClockEvent::RequestExtension {
            at,
            amount,
            reason: reason.to_string(),
        })
    }
    /// Approves the open extension request.
    ///
    /// An approval below the item's required authority moves nothing; it is a finding:
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Authority, Clock, TimeLimit};
    /// let t = |s: &str| s.parse().unwrap();
    /// let mut c = Clock::new(Calendar::china(), t("2026-09-28T10:00:00"), TimeLimit::workdays(20));
    /// c.request_extension(t("2026-10-20T09:00:00"), 10, "complex case")?;
    /// c.approve_extension(t("2026-10-20T15:00:00"), Authority::UnitHead)?;
    /// c.notify_applicant(t("2026-10-21T09:00:00"))?;
    /// let s = c.status(t("2026-10-22T09:00:00"))?;
    /// assert_eq!((s.extended_by, s.findings[0].code), (0, "extension.unauthorized_approver"));
    /// // Approving when nothing is asked is bad input, not a finding: an error, and the clock
    /// // is unchanged.
    /// let e = c.approve_extension(t("2026-10-21T10:00:00"), Authority::AgencyHead).unwrap_err();
    /// assert_eq!(e.code(), "clock.no_pending_extension");
    /// # Ok::<(), efficiency_core::clock::ClockError>(())
    /// ```
    pub fn approve_extension(
        &mut self,
        at: NaiveDateTime,
        approver: Authority,
    ) -> Result<(), ClockError> {
        self.push(ClockEvent::ApproveExtension {
            at,
            approver,
            unit: None,
        })
    }

    /// As [`Clock::approve_extension`], naming the approver's unit: where the item names the
    /// unit whose head approves (政府信息公开条例 Art. 33: the disclosure office), another
    /// unit's head is an unauthorized approver (a finding), an agency head is not.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Authority, Clock, ExtensionPolicy, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let policy = ExtensionPolicy { max_amount: 20, approver: Authority::UnitHead, max_count: 1, unit: Some("office".into()) };
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20))
    ///     .with_extension_policy(policy);
    /// clock.request_extension(t("2026-10-20 10:00"), 20, "consultation")?;
    /// clock.approve_extension_by(t("2026-10-21 10:00"), Authority::UnitHead, Some("social_org"))?;
    /// clock.notify_applicant(t("2026-10-22 10:00"))?;
    /// let s = clock.status(t("2026-11-02 09:00"))?;
    /// assert_eq!(s.findings[0].code, "extension.unauthorized_approver");
    /// assert!(s.findings[0].text.contains("social_org科室负责人"), "{}", s.findings[0].text);
    /// # Ok::<(), efficiency_core::clock::ClockError>(())
    /// ```
    pub fn approve_extension_by(
        &mut self,
        at: NaiveDateTime,
        approver: Authority,
        unit: Option<&str>,
    ) -> Result<(), ClockError> {
        self.push(ClockEvent::ApproveExtension {
            at,
            approver,
            unit: unit.map(String::from),
        })
    }
    /// Records that the applicant was told of the open extension request.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// use efficiency_core::clock::Authority;
    /// clock.request_extension(t("2026-10-26 10:00"), 10, "site inspection")?;
    /// clock.approve_extension(t("2026-10-27 10:00"), Authority::AgencyHead)?;
    /// // Without telling the applicant, the extension is a finding.
    /// let s = clock.status(t("2026-11-02 09:00"))?;
    /// assert!(s.findings.iter().any(|f| f.code == "extension.applicant_not_notified"));
    /// clock.notify_applicant(t("2026-10-28 10:00"))?;
    /// assert!(clock.status(t("2026-11-02 09:00"))?.findings.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn notify_applicant(&mut self, at: NaiveDateTime) -> Result<(), ClockError> {
        self.push(ClockEvent::NotifyApplicant { at })
    }
    /// Concludes the case.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// use efficiency_core::clock::{Outcome, State};
    /// clock.conclude(t("2026-11-02 10:00"))?;
    /// let s = clock.status(t("2026-11-10 09:00"))?;
    /// assert_eq!((s.state, s.outcome), (State::Concluded, Some(Outcome::Late)));
    /// assert_eq!(clock.conclude(t("2026-11-03 10:00")).unwrap_err().code(), "clock.after_conclusion");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn conclude(&mut self, at: NaiveDateTime) -> Result<(), ClockError> {
        self.push(ClockEvent::Conclude { at })
    }

    fn promised_limit(&self) -> TimeLimit {
        self.promised.unwrap_or(self.statutory)
    }

    fn replay(&self, as_of: NaiveDateTime) -> Replay {
        let mut windows = Vec::new();
        let mut overruns = Vec::new();
        let mut open: Option<(NaiveDateTime, usize)> = None;
        let mut concluded = None;
        // A procedure with its own limit stops the clock only up to that limit.
        let mut close = |s: NaiveDateTime, end: NaiveDateTime, j: usize, resumed: Option<usize>| {
            let cap = match &self.events[j] {
                ClockEvent::Suspend {
                    limit: Some(limit), ..
                } => self.reckoner().due(s, *limit, 0, &[]).ok(),
                _ => None,
            };
            match cap {
                Some(cap) if end > cap => {
                    windows.push((s, cap.max(s), j));
                    overruns.push((cap, j, resumed));
                }
                _ => windows.push((s, end, j)),
            }
        };
        for (i, e) in self
            .events
            .iter()
            .enumerate()
            .take_while(|(_, e)| e.at() <= as_of)
        {
            match e {
                ClockEvent::Suspend { at, .. } => open = Some((*at, i)),
                ClockEvent::Resume { at } => {
                    if let Some((s, j)) = open.take() {
                        close(s, *at, j, Some(i));
                    }
                }
                ClockEvent::Conclude { at } => concluded = Some((*at, i)),
                _ => {}
            }
        }
        let open_suspension = open.map(|(_, j)| j);
        if let Some((s, j)) = open {
            close(s, as_of.max(s), j, None);
        }
        Replay {
            windows,
            overruns,
            open_suspension,
            concluded,
        }
    }

    fn start(&self) -> (NaiveDateTime, Option<Finding>) {
        if let Some((received, notice)) = self.supplement {
            let late = self
                .calendar
                .workdays_between(received.date(), notice.date())
                .map(|n| n > i32::try_from(self.notice_within).unwrap_or(i32::MAX))
                .unwrap_or(false);
            if late {
                return (
                    received,
                    Some(Finding::new(
                        FindingCode::SupplementLateNotice,
                        notice,
                        Args::new()
                            .with("notice", Arg::Time(notice))
                            .with("within", Arg::Int(i64::from(self.notice_within)))
                            .with("received", Arg::Time(received)),
                        vec![],
                    )),
                );
            }
        }
        (self.accepted_at, None)
    }

    fn reckoner(&self) -> Reckoner<'_> {
        Reckoner {
            cal: &self.calendar,
            config: &self.config,
        }
    }

    /// Everything derived from the log at `as_of` (events after `as_of` are ignored, so the
    /// same clock answers for any past moment too).
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// let s = clock.status(t("2026-10-08 09:00"))?;
    /// assert_eq!((s.remaining, s.level.as_str()), (17.0, "normal"));
    /// // A moment in a year without holiday data is an error, never a guess.
    /// assert_eq!(clock.status(t("2031-01-02 09:00")).unwrap_err().code(), "calendar.year_not_covered");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self, as_of: NaiveDateTime) -> Result<ClockStatus, ClockError> {
        if as_of < self.accepted_at {
            return Err(ClockError::limit(
                "clock.invalid_time",
                "as_of",
                format!("{as_of} is before the acceptance at {}", self.accepted_at),
            ));
        }
        // Where no law sets a period only the promise binds: extensions move it, in its unit,
        // and nothing is statutory (no statutory due, no red level, no statutory fault).
        let no_statute = self.statutory.unit == TimeUnit::NoLimit;
        if no_statute && self.promised.is_none() {
            return Err(ClockError::limit(
                "clock.no_limit",
                "promised",
                "the statute sets no limit (\"none\") and no promise was given: a clock needs one of them",
            ));
        }
        let replay = self.replay(as_of);
        let (start, supplement_finding) = self.start();
        let mut findings: Vec<Finding> = supplement_finding.into_iter().collect();
        for &(cap, j, resumed) in &replay.overruns {
            let ClockEvent::Suspend {
                reason,
                limit: Some(limit),
                ..
            } = &self.events[j]
            else {
                continue;
            };
            findings.push(Finding::new(
                FindingCode::ProcedureOverrun,
                cap,
                Args::new()
                    .with("procedure", Arg::Text(reason.clone()))
                    .with("limit", Arg::from(*limit))
                    .with("cap", Arg::Time(cap)),
                std::iter::once(j).chain(resumed).collect(),
            ));
        }
        let plain: Vec<(NaiveDateTime, NaiveDateTime)> =
            replay.windows.iter().map(|&(a, b, _)| (a, b)).collect();
        let windows = plain.as_slice();
        let rk = self.reckoner();
        let promised = self.promised_limit();
        let basis = if no_statute { promised } else { self.statutory };
        // The moment that judges the case: now, or the conclusion.
        let t = replay.concluded.map(|(c, _)| c).unwrap_or(as_of);

        // Extensions, in order: each is judged against the statutory due it tried to move.
        let mut extended_by = 0u32;
        let mut valid_count = 0u32;
        let mut pending = false;
        let requests: Vec<usize> = self
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.at() <= as_of && matches!(e, ClockEvent::RequestExtension { .. }))
            .map(|(i, _)| i)
            .collect();
        for (k, &i) in requests.iter().enumerate() {
            let ClockEvent::RequestExtension {
                at: asked, amount, ..
            } = self.events[i]
            else {
                unreachable!()
            };
            let until = requests.get(k + 1).copied().unwrap_or(self.events.len());
            let mut approval = None;
            let mut notice = None;
            for (j, e) in self.events.iter().enumerate().take(until).skip(i + 1) {
                if e.at() > as_of {
                    break;
                }
                match e {
                    ClockEvent::ApproveExtension { at, approver, unit } => {
                        approval = Some((*at, *approver, unit.as_deref(), j))
                    }
                    ClockEvent::NotifyApplicant { at } => notice = Some((*at, j)),
                    _ => {}
                }
            }
            let deadline = rk.due(start, basis, extended_by, windows)?;
            let mut faults: Vec<Finding> = Vec::new();
            let mut fault =
                |code: FindingCode, at: NaiveDateTime, args: Args, events: Vec<usize>| {
                    faults.push(Finding::new(code, at, args, events))
                };
            let due = Arg::Time(deadline);
            if valid_count >= self.extension.max_count {
                fault(
                    FindingCode::ExtensionTooMany,
                    asked,
                    Args::new()
                        .with("asked", Arg::Time(asked))
                        .with("max_count", Arg::Int(i64::from(self.extension.max_count))),
                    vec![i],
                );
            }
            if asked > deadline {
                fault(
                    FindingCode::ExtensionRequestedLate,
                    asked,
                    Args::new()
                        .with("asked", Arg::Time(asked))
                        .with("due", due.clone()),
                    vec![i],
                );
            }
            if amount > self.extension.max_amount {
                let unit = basis.unit;
                fault(
                    FindingCode::ExtensionOverCap,
                    asked,
                    Args::new()
                        .with("amount", Arg::from(TimeLimit { amount, unit }))
                        .with(
                            "max",
                            Arg::from(TimeLimit {
                                amount: self.extension.max_amount,
                                unit,
                            }),
                        ),
                    vec![i],
                );
            }
            let decided = replay.concluded.is_some() || as_of > deadline;
            match approval {
                Some((at, approver, unit, j)) => {
                    // The role the item names, of the unit it names (an agency head or above
                    // may approve for any unit of the agency).
                    let wrong_unit = match (&self.extension.unit, unit) {
                        (Some(want), got) => {
                            approver < Authority::AgencyHead && got != Some(want.as_str())
                        }
                        (None, _) => false,
                    };
                    if approver < self.extension.approver || wrong_unit {
                        let unit_arg = |u: Option<&str>| Arg::Text(u.unwrap_or("none").to_string());
                        fault(
                            FindingCode::ExtensionUnauthorizedApprover,
                            at,
                            Args::new()
                                .with("by", Arg::Name("authority", approver.as_str()))
                                .with("by_unit", unit_arg(unit))
                                .with("at", Arg::Time(at))
                                .with(
                                    "required",
                                    Arg::Name("authority", self.extension.approver.as_str()),
                                )
                                .with("required_unit", unit_arg(self.extension.unit.as_deref())),
                            vec![i, j],
                        );
                    }
                    if at > deadline {
                        fault(
                            FindingCode::ExtensionNotApproved,
                            at,
                            Args::new()
                                .with("state", Arg::Select("late"))
                                .with("asked", Arg::Time(asked))
                                .with("approved", Arg::Time(at))
                                .with("due", due.clone()),
                            vec![i, j],
                        );
                    }
                }
                None if decided => fault(
                    FindingCode::ExtensionNotApproved,
                    deadline.min(t),
                    Args::new()
                        .with("state", Arg::Select("missing"))
                        .with("asked", Arg::Time(asked))
                        .with("due", due.clone()),
                    vec![i],
                ),
                None => {}
            }
            match notice {
                Some((at, j)) if at > deadline => fault(
                    FindingCode::ExtensionApplicantNotNotified,
                    at,
                    Args::new()
                        .with("state", Arg::Select("late"))
                        .with("told", Arg::Time(at))
                        .with("due", due.clone()),
                    vec![i, j],
                ),
                None if decided => fault(
                    FindingCode::ExtensionApplicantNotNotified,
                    deadline.min(t),
                    Args::new()
                        .with("state", Arg::Select("missing"))
                        .with("due", due.clone()),
                    vec![i],
                ),
                _ => {}
            }
            if faults.is_empty() {
                if approval.is_some() && notice.is_some() {
                    extended_by += amount;
                    valid_count += 1;
                } else {
                    pending = true;
                }
            }
            findings.extend(faults);
        }

        let promised_extra = if promised.unit == basis.unit {
            extended_by
        } else {
            0
        };
        let mut promised_due = rk.due(start, promised, promised_extra, windows)?;
        if promised.unit != basis.unit && extended_by > 0 {
            // A promise in another unit moves by the extension counted from its own due.
            let later = rk.due(
                promised_due,
                TimeLimit {
                    amount: extended_by,
                    unit: basis.unit,
                },
                0,
                windows,
            )?;
            promised_due = later.max(promised_due);
        }
        let statutory_due = if no_statute {
            None
        } else {
            Some(rk.due(start, self.statutory, extended_by, windows)?)
        };

        let concluded = replay.concluded.is_some();
        let verdict = rk.judge(t, promised, promised_due, statutory_due, windows, concluded)?;
        let (remaining, level) = (verdict.remaining, verdict.level);
        let elapsed = rk
            .measure(Reckoner::report_unit(promised), start, t, windows)?
            .max(0.0);
        let elapsed_workdays = if Reckoner::report_unit(promised) == TimeUnit::Workdays {
            elapsed
        } else {
            rk.measure(TimeUnit::Workdays, start, t, windows)?.max(0.0)
        };
        let state = if concluded {
            State::Concluded
        } else if replay.open_suspension.is_some() {
            State::Suspended
        } else {
            State::Running
        };
        // When the promise is no shorter than the law, missing it is the one statutory fault.
        let missed = |code, limit: TimeLimit, due: NaiveDateTime| {
            Finding::new(
                code,
                due,
                Args::new()
                    .with("limit", Arg::from(limit))
                    .with("due", Arg::Time(due)),
                replay.concluded.map(|(_, i)| vec![i]).unwrap_or_default(),
            )
        };
        if t > promised_due && Some(promised_due) != statutory_due {
            findings.push(missed(FindingCode::PromisedMissed, promised, promised_due));
        }
        if let Some(statutory_due) = statutory_due.filter(|&d| t > d) {
            findings.push(missed(
                FindingCode::StatutoryMissed,
                self.statutory,
                statutory_due,
            ));
        }
        findings.sort_by_key(|f| f.at);
        for f in &mut findings {
            f.text = self.messages.text(self.lang, f.code, &f.args);
        }
        let outcome = verdict.outcome;
        let provisional = [Some(start), Some(promised_due), statutory_due, Some(as_of)]
            .iter()
            .flatten()
            .any(|x| self.calendar.is_provisional(x.date()));
        Ok(ClockStatus {
            as_of,
            counting_from: start,
            promised_due,
            statutory_due,
            promised,
            statutory: self.statutory,
            extended_by,
            remaining,
            elapsed,
            elapsed_workdays,
            state,
            level,
            outcome,
            extension_pending: pending,
            provisional,
            findings,
        })
    }
}

pub use crate::limits::MAX_EXPLAINED_DAYS;

mod explain;
mod settings;
pub use explain::{ExplainedDay, Explanation};
pub use settings::{Settings, SETTINGS_JSON};

#[cfg(test)]
mod tests;
