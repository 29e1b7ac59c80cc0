//! Cases as event logs (docs/domain.md §5, §6): first-inquiry responsibility, the one-time notice,
//! internal steps and the findings derived from them.
//!
//! A [`Case`] is its log of [`CaseEvent`]s. [`Case::append`] checks each event against the
//! log (ids, time order, actors, the stage the case is in, the item's workflow and the clock)
//! and either takes it whole or rejects it with an error naming the event, leaving the case as
//! it was. [`Case::status`] derives everything else at a moment `as_of`: the stage, the clock,
//! and the [`CaseFinding`]s — each with a stable code, a severity from the rule table, a time,
//! the evidence event ids and the people involved.
//!
//! ```
//! use efficiency_core::case::{Case, CaseContext};
//! let ctx = CaseContext::sample();
//! let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"receive","item":"civil.social_org_registration","window":"W1"}
//! {"id":"e2","case":"C1","at":"2026-09-28T09:40:00","actor":"soc01","event":"accept"}
//! {"id":"e3","case":"C1","at":"2026-10-20T16:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
//! let case = Case::from_jsonl(&ctx, log)?;
//! let s = case.status(&ctx, "2026-11-30T09:00:00".parse().unwrap())?;
//! let codes: Vec<_> = s.findings.iter().map(|f| f.code).collect();
//! assert_eq!(codes, ["time_limit.promised_missed", "publication.late"]);
//! assert_eq!(s.findings[0].people, ["soc01"]);
//! # Ok::<(), efficiency_core::case::CaseError>(())
//! ```

mod event;
pub(crate) mod findings;
pub mod metrics;
mod rules;
mod stream;

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDateTime;
use serde::Serialize;

pub use event::{
    event_lines, parse_lines, CaseEvent, Channel, CompactString, Decision, EventKind, EventRow,
    EventTime, EVENT_COLUMNS, EVENT_KINDS, PAYLOAD_COLUMN,
};
pub use metrics::{GroupBy, GroupMetrics, Metrics, MetricsRow, Period};
pub use rules::{
    FindingInfo, FindingRules, Roster, Severity, Staff, FINDING_CATALOG, FINDING_RULES_JSON,
    SAMPLE_ROSTER_JSON,
};
pub use stream::{
    CaseResult, CaseStream, Replay, ReplayOptions, ReplayOutput, ReplayTables, RowError,
};

use crate::calendar::Calendar;
use crate::clock::reckon::Reckoner;
use crate::clock::{Authority, ClockConfig, ClockError, ClockStatus, Level, TimeLimit};
use crate::item::{ItemCatalog, ItemClock, ServiceItem};
use crate::messages::{Arg, Args, Lang, Messages};
use findings::{Facts, Findings};

/// Input that cannot be taken: a malformed line, an unknown actor, an impossible transition, a
/// duplicate event id. It names the line (when known), the event and the reason.
///
/// ```
/// use efficiency_core::case::{Case, CaseContext};
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let ctx = CaseContext::sample();
/// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
/// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
/// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
/// let case = Case::from_jsonl(&ctx, log)?;
/// let e = Case::from_jsonl(&ctx, "{not json").unwrap_err();
/// assert_eq!((e.code(), e.line), ("case.malformed_line", Some(1)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CaseError {
    code: &'static str,
    /// 1-based line in the JSON Lines input, when known.
    pub line: Option<usize>,
    /// The event id, when known.
    pub event: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl CaseError {
    pub(crate) fn new(
        code: &'static str,
        line: Option<usize>,
        event: Option<&str>,
        message: String,
    ) -> Self {
        CaseError {
            code,
            line,
            event: event.map(str::to_string),
            message,
        }
    }

    /// The stable code, e.g. `case.unknown_actor` (clock and calendar codes pass through).
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext};
    /// let line = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"nobody","event":"accept"}"#;
    /// assert_eq!(Case::from_jsonl(&CaseContext::sample(), line).unwrap_err().code(), "case.unknown_actor");
    /// ```
    pub fn code(&self) -> &'static str {
        self.code
    }

    fn at_line(mut self, line: Option<usize>) -> Self {
        if self.line.is_none() {
            self.line = line;
        }
        self
    }

    /// Every code a case can produce besides the clock's and the calendar's.
    ///
    /// ```
    /// use efficiency_core::case::CaseError;
    /// assert!(CaseError::CODES.contains(&"case.impossible_transition"));
    /// ```
    pub const CODES: &'static [&'static str] = &[
        "case.malformed_line",
        "case.invalid_event",
        "case.duplicate_event_id",
        "case.time_goes_backwards",
        "case.wrong_case",
        "case.unknown_actor",
        "case.unknown_item",
        "case.unknown_step",
        "case.step_already_started",
        "case.step_not_started",
        "case.impossible_transition",
        "case.not_referred",
        "case.unsorted_input",
        "case.invalid_rules",
        "case.too_many_events",
        "case.line_too_long",
        "argument.too_large",
    ];
}

pub use crate::limits::MAX_EVENTS_PER_CASE;

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(l) = self.line {
            write!(f, "line {l}: ")?;
        }
        if let Some(e) = &self.event {
            write!(f, "event {e:?}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for CaseError {}

impl From<crate::limits::TooLarge> for CaseError {
    fn from(e: crate::limits::TooLarge) -> Self {
        CaseError::new(crate::limits::TooLarge::CODE, None, None, e.message())
    }
}

impl From<ClockError> for CaseError {
    fn from(e: ClockError) -> Self {
        CaseError {
            code: e.code(),
            line: None,
            event: None,
            message: e.to_string(),
        }
    }
}

/// Everything a case is judged against: calendar, items, roster, rules, clock configuration.
///
/// ```
/// use efficiency_core::case::CaseContext;
/// let ctx = CaseContext::sample();
/// assert!(ctx.items.get("civil.social_org_registration").is_some());
/// assert_eq!(ctx.roster.get("soc01").map(|s| s.unit.as_str()), Some("social_org"));
/// ```
#[derive(Debug, Clone)]
pub struct CaseContext {
    /// The working-day calendar.
    pub calendar: Calendar,
    /// The service items.
    pub items: ItemCatalog,
    /// The staff.
    pub roster: Roster,
    /// Finding severities and local limits.
    pub rules: FindingRules,
    /// Office hours, day end, reminder threshold.
    pub config: ClockConfig,
    /// The language of finding texts (Chinese by default).
    pub lang: Lang,
    /// The message catalogue (the shipped one, or the bureau's with its overrides).
    pub messages: Arc<Messages>,
}

impl CaseContext {
    /// A context with the default rules and clock configuration.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::case::{CaseContext, Roster};
    /// use efficiency_core::item::ItemCatalog;
    /// let ctx = CaseContext::new(Calendar::china(), ItemCatalog::templates(), Roster::sample());
    /// assert_eq!(ctx.rules.severity("reception.refused").as_str(), "serious");
    /// assert!(ctx.roster.get("soc01").is_some());
    /// ```
    pub fn new(calendar: Calendar, items: ItemCatalog, roster: Roster) -> Self {
        CaseContext {
            calendar,
            items,
            roster,
            rules: FindingRules::default(),
            config: ClockConfig::default(),
            lang: Lang::default(),
            messages: Messages::shipped(),
        }
    }

    /// The same context writing texts in `lang` (findings, level reasons, cards).
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext};
    /// use efficiency_core::messages::Lang;
    /// let ctx = CaseContext::sample().with_lang(Lang::En);
    /// let log = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"refuse_reception"}"#;
    /// let s = Case::from_jsonl(&ctx, log)?.status(&ctx, "2026-11-03T09:00:00".parse().unwrap())?;
    /// assert_eq!(s.findings[0].text, "李娜 refused to receive the application");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_lang(&self, lang: Lang) -> CaseContext {
        CaseContext {
            lang,
            ..self.clone()
        }
    }

    /// The same context with a bureau's message file `name` (Fluent text) overriding messages
    /// of `lang` ([`Messages::with_overrides`]: a bad file is a coded error naming the file,
    /// the message and the line, and nothing of it is used).
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext};
    /// use efficiency_core::messages::Lang;
    /// let ctx = CaseContext::sample()
    ///     .with_messages(Lang::Zh, "bureau.ftl", "reception-refused = { $by }拒收材料（首问负责制）\n")?;
    /// let log = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"refuse_reception"}"#;
    /// let s = Case::from_jsonl(&ctx, log)?.status(&ctx, "2026-11-03T09:00:00".parse().unwrap())?;
    /// assert_eq!(s.findings[0].text, "李娜拒收材料（首问负责制）");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_messages(
        &self,
        lang: Lang,
        name: &str,
        text: &str,
    ) -> Result<CaseContext, crate::error::Error> {
        Ok(CaseContext {
            messages: Arc::new(self.messages.with_overrides(lang, name, text)?),
            ..self.clone()
        })
    }

    /// China's calendar, the item templates and the sample roster.
    ///
    /// ```
    /// use efficiency_core::case::CaseContext;
    /// assert_eq!(CaseContext::sample().calendar.covered_years().1, 2026);
    /// ```
    pub fn sample() -> Self {
        CaseContext::new(
            Calendar::china(),
            ItemCatalog::templates(),
            Roster::sample(),
        )
    }

    fn due(&self, from: NaiveDateTime, limit: TimeLimit) -> Result<NaiveDateTime, CaseError> {
        self.due_skipping(from, limit, &[])
    }

    /// The due of `limit` from `from`, the suspension `windows` not counted.
    fn due_skipping(
        &self,
        from: NaiveDateTime,
        limit: TimeLimit,
        windows: &[(NaiveDateTime, NaiveDateTime)],
    ) -> Result<NaiveDateTime, CaseError> {
        Ok(Reckoner {
            cal: &self.calendar,
            config: &self.config,
        }
        .due(from, limit, 0, windows)?)
    }
}

/// Where a case stands.
///
/// ```
/// use efficiency_core::case::{Case, CaseContext};
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let ctx = CaseContext::sample();
/// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
/// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
/// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
/// let case = Case::from_jsonl(&ctx, log)?;
/// use efficiency_core::case::Stage;
/// assert_eq!(case.stage(), Stage::Concluded);
/// assert_eq!(Stage::AwaitingSupplement.as_str(), "awaiting_supplement");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// No event yet.
    New,
    /// Asked about, nothing handed in.
    Inquired,
    /// Materials received, not yet accepted.
    Received,
    /// Waiting for the supplement after a one-time notice.
    AwaitingSupplement,
    /// Accepted; the clock runs (or is suspended).
    Accepted,
    /// Decided.
    Concluded,
    /// Not accepted, with reasons.
    Rejected,
    /// Reception refused.
    Refused,
    /// Guided to another agency.
    GuidedOut,
    /// Withdrawn by the applicant.
    Withdrawn,
}

crate::names!(Stage {
    New => "new",
    Inquired => "inquired",
    Received => "received",
    AwaitingSupplement => "awaiting_supplement",
    Accepted => "accepted",
    Concluded => "concluded",
    Rejected => "rejected",
    Refused => "refused",
    GuidedOut => "guided_out",
    Withdrawn => "withdrawn",
});

impl Stage {
    fn closed(self) -> bool {
        matches!(
            self,
            Stage::Rejected | Stage::Refused | Stage::GuidedOut | Stage::Withdrawn
        )
    }
}

/// A fault found in a case: a person's, not the program's.
///
/// ```
/// use efficiency_core::case::{Case, CaseContext};
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let ctx = CaseContext::sample();
/// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
/// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
/// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
/// let case = Case::from_jsonl(&ctx, log)?;
/// let s = case.status(&ctx, t("2026-12-01 09:00"))?;
/// let missed = s.findings.iter().find(|f| f.code == "time_limit.statutory_missed").expect("late");
/// assert_eq!((missed.at, missed.people.as_slice()), (t("2026-10-30 17:30"), ["soc01".to_string()].as_slice()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseFinding {
    /// Stable code from [`FINDING_CATALOG`].
    pub code: &'static str,
    /// Severity from the rule table.
    pub severity: Severity,
    /// When it happened.
    pub at: NaiveDateTime,
    /// What is wrong, for a clerk: the catalogue's message for the code in the context's
    /// language (Chinese by default).
    pub text: String,
    /// The message's named arguments (times, limits, people), to write it in another language
    /// ([`Messages::text`]).
    pub args: Args,
    /// Ids of the events behind it.
    pub events: Vec<String>,
    /// Staff ids of the people directly involved.
    pub people: Vec<String>,
}

/// What raises a case's supervision level.
///
/// ```
/// use efficiency_core::case::{Case, CaseContext};
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let ctx = CaseContext::sample();
/// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
/// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
/// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
/// let case = Case::from_jsonl(&ctx, log)?;
/// use efficiency_core::case::LevelSource;
/// let s = case.status(&ctx, t("2026-11-10 09:00"))?;
/// assert!(s.level_reasons.iter().any(|r| r.source == LevelSource::Clock));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LevelSource {
    /// The deadline clock: reminder, yellow past the promised due, red past the statutory due.
    Clock,
    /// An internal step past its own step limit (yellow).
    Step,
    /// A serious or very serious fault (red).
    Fault,
}

crate::names!(LevelSource {
    Clock => "clock",
    Step => "step",
    Fault => "fault",
});

/// One reason for a case's supervision level (docs/domain.md §4.4).
///
/// ```
/// use efficiency_core::case::{Case, CaseContext};
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let ctx = CaseContext::sample();
/// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
/// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
/// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
/// let case = Case::from_jsonl(&ctx, log)?;
/// use efficiency_core::clock::Level;
/// let s = case.status(&ctx, t("2026-11-10 09:00"))?;
/// assert!(s.level_reasons.iter().any(|r| r.level == Level::Red));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LevelReason {
    /// Clock, step or fault.
    pub source: LevelSource,
    /// The level this reason alone gives.
    pub level: Level,
    /// The finding code, for a step or a fault.
    pub code: Option<&'static str>,
    /// The moment it refers to: the due passed (the promised due for a reminder or a yellow
    /// card, the statutory due for a red one), or the finding's time.
    pub at: NaiveDateTime,
    /// Evidence event ids.
    pub events: Vec<String>,
    /// Why, for a clerk, in the context's language.
    pub text: String,
}

/// Everything derived from a case at one moment.
///
/// ```
/// use efficiency_core::case::{Case, CaseContext};
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let ctx = CaseContext::sample();
/// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
/// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
/// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
/// let case = Case::from_jsonl(&ctx, log)?;
/// use efficiency_core::clock::Level;
/// let s = case.status(&ctx, t("2026-11-10 09:00"))?;
/// assert_eq!((s.unit.as_deref(), s.handler.as_deref(), s.level), (Some("social_org"), Some("soc01"), Level::Red));
/// assert_eq!(s.clock.and_then(|c| c.statutory_due), Some(t("2026-10-30 17:30")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseStatus {
    /// Case id.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub case: CompactString,
    /// The moment.
    pub as_of: NaiveDateTime,
    /// Stage at `as_of`.
    pub stage: Stage,
    /// Service item code, once known.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub item: Option<CompactString>,
    /// Window where it was received.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub window: Option<CompactString>,
    /// The first responder (首问责任人).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub first_responder: Option<CompactString>,
    /// The handler (承办人) once accepted.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub handler: Option<CompactString>,
    /// The handler's unit (or the receiver's before acceptance).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub unit: Option<CompactString>,
    /// The clock, once accepted.
    pub clock: Option<ClockStatus>,
    /// The decision, once concluded.
    pub decision: Option<Decision>,
    /// Concluded during the visit.
    pub on_the_spot: Option<bool>,
    /// When concluded.
    pub concluded_at: Option<NaiveDateTime>,
    /// Faults found, in time order.
    pub findings: Vec<CaseFinding>,
    /// The case's supervision level (docs/domain.md §4.4): the highest of its clock's level, its
    /// steps past their limit (yellow) and its serious faults (red). A case that has ended
    /// (concluded, rejected, refused, guided out, withdrawn) keeps the level it had then.
    pub level: Level,
    /// The reasons above normal, highest level first, then in time order.
    pub level_reasons: Vec<LevelReason>,
}

/// Up to this many events a case's ids are checked by a scan; from then on by a hashed set.
const SMALL_CASE: usize = 32;

/// The bit of an event id in [`Case`]'s `id_bits`.
fn id_bit(id: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = crate::hash::FastHash::default().build_hasher();
    h.write(id.as_bytes());
    1 << (h.finish() >> 58)
}

/// One case: its events and what validating them established.
///
/// ```
/// use efficiency_core::case::{Case, CaseContext};
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let ctx = CaseContext::sample();
/// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
/// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
/// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
/// let case = Case::from_jsonl(&ctx, log)?;
/// assert_eq!((case.id(), case.events().len()), ("C1", 3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Case {
    id: String,
    events: Vec<CaseEvent>,
    ids: HashSet<CompactString>,
    /// One bit per id hash of a small case's events: an id whose bit is clear is new, without
    /// a scan.
    id_bits: u64,
    stage: Stage,
    item: Option<Arc<ServiceItem>>,
    clock: Option<ItemClock>,
    /// Case event index of each clock event.
    clock_events: Vec<usize>,
    /// Running steps: (step, who started it). Several units may run one step in parallel
    /// (会审/并联审批); one unit runs a step once at a time.
    open_steps: Vec<(CompactString, CompactString)>,
    open_referrals: Vec<CompactString>,
    published: bool,
    /// A supplement requested during review is awaited (the clock is stopped for it).
    review_supplement: bool,
}

impl Case {
    /// An empty case with id `id`.
    ///
    /// ```
    /// use efficiency_core::case::{Case, Stage};
    /// let case = Case::new("C7");
    /// assert_eq!((case.id(), case.stage(), case.events().len()), ("C7", Stage::New, 0));
    /// ```
    pub fn new(id: &str) -> Case {
        Case {
            id: id.to_string(),
            events: Vec::new(),
            ids: HashSet::new(),
            id_bits: 0,
            stage: Stage::New,
            item: None,
            clock: None,
            clock_events: Vec::new(),
            open_steps: Vec::new(),
            open_referrals: Vec::new(),
            published: false,
            review_supplement: false,
        }
    }

    /// Empties the case and gives it the id `id`, keeping its buffers (a stream of cases
    /// reuses one case's memory).
    fn reset(&mut self, id: &str) {
        self.id.clear();
        self.id.push_str(id);
        self.events.clear();
        self.ids.clear();
        self.id_bits = 0;
        self.stage = Stage::New;
        self.item = None;
        self.clock = None;
        self.clock_events.clear();
        self.open_steps.clear();
        self.open_referrals.clear();
        self.published = false;
        self.review_supplement = false;
    }

    /// A case from a JSON Lines log; the first bad line is an error naming it.
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext};
    /// // Lines of another case are refused, naming the line.
    /// let text = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}
    /// {"id":"e2","case":"C2","at":"2026-11-02T09:05:00","actor":"off01","event":"refuse_reception"}"#;
    /// let e = Case::from_jsonl(&CaseContext::sample(), text).unwrap_err();
    /// assert_eq!((e.code(), e.line), ("case.wrong_case", Some(2)));
    /// ```
    pub fn from_jsonl(ctx: &CaseContext, text: &str) -> Result<Case, CaseError> {
        crate::limits::document(text, "case log")?;
        let mut case: Option<Case> = None;
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let e = CaseEvent::parse_line(line, i + 1)?;
            let c = case.get_or_insert_with(|| Case::new(&e.case));
            c.append(ctx, e).map_err(|err| err.at_line(Some(i + 1)))?;
        }
        case.ok_or_else(|| {
            CaseError::new(
                "case.invalid_event",
                None,
                None,
                "the log has no events".into(),
            )
        })
    }

    /// The case id.
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext};
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let ctx = CaseContext::sample();
    /// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
    /// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
    /// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
    /// let case = Case::from_jsonl(&ctx, log)?;
    /// assert_eq!(case.id(), "C1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The events taken so far.
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext};
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let ctx = CaseContext::sample();
    /// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
    /// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
    /// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
    /// let case = Case::from_jsonl(&ctx, log)?;
    /// assert_eq!(case.events()[1].id.as_str(), "e2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn events(&self) -> &[CaseEvent] {
        &self.events
    }

    /// The log as JSON Lines (one canonical line per event, each ending in a newline).
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext};
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let ctx = CaseContext::sample();
    /// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
    /// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
    /// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
    /// let case = Case::from_jsonl(&ctx, log)?;
    /// let again = Case::from_jsonl(&ctx, &case.to_jsonl())?;
    /// assert_eq!(again.events(), case.events());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_jsonl(&self) -> String {
        self.events.iter().map(|e| e.to_line() + "\n").collect()
    }

    /// The case's deadline clock, once accepted (its events are the case's clock events).
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext};
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let ctx = CaseContext::sample();
    /// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
    /// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
    /// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
    /// let case = Case::from_jsonl(&ctx, log)?;
    /// let clock = case.clock().expect("accepted, so the clock runs");
    /// assert_eq!(clock.accepted_at(), t("2026-09-28 09:30"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clock(&self) -> Option<&crate::clock::Clock> {
        self.clock.as_ref().map(|c| c.clock())
    }

    /// The current stage.
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext};
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let ctx = CaseContext::sample();
    /// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
    /// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
    /// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
    /// let case = Case::from_jsonl(&ctx, log)?;
    /// assert_eq!(case.stage().as_str(), "concluded");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// Checks `event` against the case and takes it, or rejects it and changes nothing.
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext, CaseEvent, Stage};
    /// let ctx = CaseContext::sample();
    /// let mut case = Case::new("C1");
    /// let e = |line: &str| CaseEvent::parse_line(line, 1).unwrap();
    /// case.append(&ctx, e(r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#))?;
    /// // Concluding before accepting is impossible: an error naming the event; nothing changes.
    /// let bad = case.append(&ctx, e(r#"{"id":"e2","case":"C1","at":"2026-11-02T09:05:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#));
    /// assert_eq!(bad.unwrap_err().code(), "case.impossible_transition");
    /// assert_eq!((case.events().len(), case.stage()), (1, Stage::Received));
    /// // An actor who is not on the roster is refused too.
    /// let stranger = case.append(&ctx, e(r#"{"id":"e2","case":"C1","at":"2026-11-02T09:05:00","actor":"nobody","event":"accept"}"#));
    /// assert_eq!(stranger.unwrap_err().code(), "case.unknown_actor");
    /// # Ok::<(), efficiency_core::case::CaseError>(())
    /// ```
    #[inline]
    pub fn append(&mut self, ctx: &CaseContext, event: CaseEvent) -> Result<(), CaseError> {
        self.append_checked(ctx, event)
    }

    /// Appends one event given as any language gives it: a JSON line, or a record (a dict, an
    /// object) whose times are read in the context's calendar zone. Anything else is
    /// `argument.wrong_type` naming `event`; a bad event is the error [`Case::append`] gives,
    /// and nothing changes.
    ///
    /// ```
    /// use efficiency_core::boundary::Value;
    /// use efficiency_core::case::{Case, CaseContext};
    /// let ctx = CaseContext::sample();
    /// let mut case = Case::new("C1");
    /// let line = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#;
    /// case.append_value(&ctx, &Value::Str(line.into()))?;
    /// let accept = Value::Map(vec![
    ///     ("id".into(), Value::Str("e2".into())),
    ///     ("case".into(), Value::Str("C1".into())),
    ///     ("at".into(), Value::Str("2026-11-02T09:10:00".into())),
    ///     ("actor".into(), Value::Str("soc01".into())),
    ///     ("event".into(), Value::Str("accept".into())),
    /// ]);
    /// case.append_value(&ctx, &accept)?;
    /// assert_eq!(case.events().len(), 2);
    /// let e = case.append_value(&ctx, &Value::Int(3)).unwrap_err();
    /// assert_eq!((e.code, e.field.as_deref()), ("argument.wrong_type", Some("event")));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn append_value(
        &mut self,
        ctx: &CaseContext,
        event: &crate::boundary::Value,
    ) -> Result<(), crate::error::Error> {
        use crate::boundary::Value;
        let line = match event {
            Value::Str(s) => s.clone(),
            Value::Map(_) | Value::Record(_) => {
                event.to_json("event", ctx.calendar.zone())?.to_string()
            }
            other => {
                return Err(other.type_error(
                    "event",
                    format!(
                        "event must be a JSON line (text) or a record, not {}",
                        other.describe()
                    ),
                ))
            }
        };
        let e = CaseEvent::parse_line(&line, self.events.len() + 1)?;
        Ok(self.append(ctx, e)?)
    }

    fn append_checked(&mut self, ctx: &CaseContext, event: CaseEvent) -> Result<(), CaseError> {
        let id = event.id.as_str();
        let fail =
            |code: &'static str, message: String| CaseError::new(code, None, Some(id), message);
        if event.case != self.id {
            return Err(fail(
                "case.wrong_case",
                format!("belongs to case {:?}, not {:?}", event.case, self.id),
            ));
        }
        if self.events.len() >= MAX_EVENTS_PER_CASE {
            return Err(fail(
                "case.too_many_events",
                format!(
                    "case {} already has {MAX_EVENTS_PER_CASE} events, the most one case may have",
                    self.id
                ),
            ));
        }
        if self.has_event_id(&event.id) {
            return Err(fail(
                "case.duplicate_event_id",
                format!("the case already has an event {:?}", event.id),
            ));
        }
        if let Some(last) = self.events.last() {
            if event.at < last.at {
                return Err(fail(
                    "case.time_goes_backwards",
                    format!(
                        "{} is before the previous event ({:?} at {})",
                        event.at, last.id, last.at
                    ),
                ));
            }
        }
        // The previous event's actor was checked when it was taken (most events repeat it).
        let same_actor = self.events.last().is_some_and(|l| l.actor == event.actor);
        if !same_actor && ctx.roster.get(&event.actor).is_none() {
            return Err(fail(
                "case.unknown_actor",
                format!("actor {:?} is not in the roster", event.actor),
            ));
        }
        let kind_name = event.kind.name();
        let impossible = |stage: Stage| {
            fail(
                "case.impossible_transition",
                format!(
                    "a {kind_name:?} event is impossible when the case is {}",
                    stage.as_str()
                ),
            )
        };
        let stage = self.stage;
        // Work on copies; commit only when everything passed.
        let mut next_stage = stage;
        let mut item = None;
        let mut clock = None;
        let mut clock_push = false;
        // A supplement requested during review opened (true) or arrived (false).
        let mut review_supplement: Option<bool> = None;
        // What the event does to the open steps and referrals, applied at the commit (no copy
        // of them per event).
        // (step, started?, the unit running it: the person's, their own id when not in one).
        let mut step_change: Option<(&str, bool)> = None;
        let mut referral_added: Option<&str> = None;
        let mut referral_closed = false;
        let steps = &self.open_steps;
        let referrals = &self.open_referrals;
        let mut published = self.published;
        match &event.kind {
            EventKind::Inquiry { item: it, .. } => {
                if stage != Stage::New {
                    return Err(impossible(stage));
                }
                if let Some(code) = it {
                    item = Some(ctx.items.shared(code).cloned().ok_or_else(|| {
                        fail("case.unknown_item", format!("no service item {code:?}"))
                    })?);
                }
                next_stage = Stage::Inquired;
            }
            EventKind::Answer => {
                if stage == Stage::New || stage.closed() {
                    return Err(impossible(stage));
                }
                referral_closed = true;
            }
            EventKind::Receive { item: code, .. } => {
                if !matches!(stage, Stage::New | Stage::Inquired) {
                    return Err(impossible(stage));
                }
                item = Some(ctx.items.shared(code).cloned().ok_or_else(|| {
                    fail("case.unknown_item", format!("no service item {code:?}"))
                })?);
                referral_closed = true;
                next_stage = Stage::Received;
            }
            // During review (审查中补正): the clock stops until the supplement arrives, within
            // the item's `review_supplement` limit if it has one (docs/domain.md §4.3).
            EventKind::SupplementRequest { .. } if stage == Stage::Accepted => {
                let limit = self.item.as_ref().and_then(|i| i.review_supplement);
                let c = self.clock.as_mut().expect("accepted cases have a clock");
                c.clock_mut()
                    .suspend_within(event.at, REVIEW_SUPPLEMENT, limit)
                    .map_err(|e| CaseError::from(e).with_event(id))?;
                clock_push = true;
                review_supplement = Some(true);
            }
            EventKind::SupplementReceived if stage == Stage::Accepted => {
                if !self.review_supplement {
                    return Err(impossible(stage));
                }
                let c = self.clock.as_mut().expect("accepted cases have a clock");
                c.clock_mut()
                    .resume(event.at)
                    .map_err(|e| CaseError::from(e).with_event(id))?;
                clock_push = true;
                review_supplement = Some(false);
            }
            EventKind::SupplementRequest { .. } => {
                if !matches!(stage, Stage::Received | Stage::AwaitingSupplement) {
                    return Err(impossible(stage));
                }
                next_stage = Stage::AwaitingSupplement;
            }
            EventKind::SupplementReceived => {
                if stage != Stage::AwaitingSupplement {
                    return Err(impossible(stage));
                }
                next_stage = Stage::Received;
            }
            EventKind::Accept { handler } => {
                if stage != Stage::Received {
                    return Err(impossible(stage));
                }
                if let Some(h) = handler {
                    if ctx.roster.get(h).is_none() {
                        return Err(fail(
                            "case.unknown_actor",
                            format!("handler {h:?} is not in the roster"),
                        ));
                    }
                }
                let it = self.item.as_ref().expect("received cases have an item");
                // docs/domain.md §4.3: after a supplement request the clock counts from the day after
                // the complete materials arrived, even when the acceptance is recorded later.
                // An item that counts from the receipt (政府信息公开条例 Art. 33) starts there.
                let complete = self
                    .events
                    .iter()
                    .rev()
                    .find(|e| matches!(e.kind, EventKind::SupplementReceived))
                    .map(|s| s.at.min(event.at));
                let anchor = match (complete, it.counts_from) {
                    (Some(c), _) => c,
                    (None, crate::item::CountsFrom::Receipt) => self
                        .first(|k| matches!(k, EventKind::Receive { .. }))
                        .map_or(event.at, |r| r.at),
                    (None, crate::item::CountsFrom::Acceptance) => event.at,
                };
                let mut c = ServiceItem::shared_clock(it, ctx.calendar.clone(), anchor)?
                    .with_config(ctx.config.clone())?;
                c.clock_mut().set_messages(ctx.lang, &ctx.messages);
                if let (Some(received), Some(notice)) = (
                    self.first(|k| matches!(k, EventKind::Receive { .. })),
                    self.first(|k| matches!(k, EventKind::SupplementRequest { .. })),
                ) {
                    c = c.with_supplement_notice(received.at, notice.at)?;
                }
                clock = Some(c);
                referral_closed = true;
                next_stage = Stage::Accepted;
            }
            EventKind::Reject { .. } => {
                if !matches!(stage, Stage::Received | Stage::AwaitingSupplement) {
                    return Err(impossible(stage));
                }
                next_stage = Stage::Rejected;
            }
            EventKind::RefuseReception { .. } => {
                if !matches!(stage, Stage::New | Stage::Inquired) {
                    return Err(impossible(stage));
                }
                next_stage = Stage::Refused;
            }
            EventKind::Refer { to } => {
                if stage == Stage::New || stage.closed() || stage == Stage::Concluded {
                    return Err(impossible(stage));
                }
                if ctx.roster.get(to).is_none() {
                    return Err(fail(
                        "case.unknown_actor",
                        format!("referral target {to:?} is not in the roster"),
                    ));
                }
                referral_added = Some(to);
            }
            EventKind::Reply => {
                if !referrals.contains(&event.actor) {
                    return Err(fail(
                        "case.not_referred",
                        format!("{:?} has no open referral to reply to", event.actor),
                    ));
                }
                referral_closed = true;
            }
            EventKind::GuideOutside { .. } => {
                if !matches!(stage, Stage::Inquired | Stage::Received) {
                    return Err(impossible(stage));
                }
                next_stage = Stage::GuidedOut;
            }
            EventKind::StepStarted { step } | EventKind::StepFinished { step } => {
                if stage != Stage::Accepted {
                    return Err(impossible(stage));
                }
                let it = self.item.as_ref().expect("accepted cases have an item");
                if !it.steps.iter().any(|s| s.code == step) {
                    return Err(fail(
                        "case.unknown_step",
                        format!("item {} has no step {step:?}", it.code),
                    ));
                }
                // The visit of the actor's unit: the same person needs no roster lookup, and another
                // person's open visit of the step is compared by unit (parallel steps, 会审).
                let unit = |actor| unit_of(ctx, actor);
                let started = steps.iter().any(|(s, a)| {
                    s == step && (*a == event.actor || unit(a) == unit(&event.actor))
                });
                if matches!(event.kind, EventKind::StepStarted { .. }) {
                    if started {
                        return Err(fail(
                            "case.step_already_started",
                            format!(
                                "step {step:?} is already running in unit {}",
                                unit(&event.actor)
                            ),
                        ));
                    }
                    step_change = Some((step, true));
                } else {
                    if !started {
                        return Err(fail(
                            "case.step_not_started",
                            format!(
                                "step {step:?} was not started in unit {}",
                                unit(&event.actor)
                            ),
                        ));
                    }
                    step_change = Some((step, false));
                }
            }
            EventKind::Suspend { .. }
            | EventKind::Resume
            | EventKind::ExtensionRequested { .. }
            | EventKind::ExtensionApproved
            | EventKind::ApplicantNotified
            | EventKind::Conclude { .. } => {
                if stage != Stage::Accepted {
                    return Err(impossible(stage));
                }
                // The clock checks an event before taking it, so it can take it in place:
                // on error it is unchanged, and nothing after this point can fail.
                let c = self.clock.as_mut().expect("accepted cases have a clock");
                let at = event.at;
                let r = match &event.kind {
                    EventKind::Suspend { procedure } => c.suspend(at, procedure),
                    EventKind::Resume => c.clock_mut().resume(at),
                    EventKind::ExtensionRequested { amount, reason } => {
                        c.clock_mut().request_extension(at, *amount, reason)
                    }
                    EventKind::ExtensionApproved => {
                        let staff = ctx.roster.get(&event.actor);
                        let role = staff.map(|s| s.role).unwrap_or(Authority::Handler);
                        c.clock_mut()
                            .approve_extension_by(at, role, staff.map(|s| s.unit.as_str()))
                    }
                    EventKind::ApplicantNotified => c.clock_mut().notify_applicant(at),
                    EventKind::Conclude { .. } => c.clock_mut().conclude(at),
                    _ => unreachable!(),
                };
                r.map_err(|e| CaseError::from(e).with_event(id))?;
                if matches!(event.kind, EventKind::Conclude { .. }) {
                    next_stage = Stage::Concluded;
                }
                if matches!(event.kind, EventKind::Resume) {
                    review_supplement = Some(false);
                }
                clock_push = true;
            }
            EventKind::ResultPublished => {
                if stage != Stage::Concluded || published {
                    return Err(impossible(stage));
                }
                published = true;
            }
            // Urgency is marked on a case received and not yet concluded; the due is told once
            // the case is accepted (at acceptance or later).
            EventKind::MarkUrgent => {
                if !matches!(
                    stage,
                    Stage::Received | Stage::AwaitingSupplement | Stage::Accepted
                ) {
                    return Err(impossible(stage));
                }
            }
            EventKind::DueTold => {
                if stage != Stage::Accepted {
                    return Err(impossible(stage));
                }
            }
            EventKind::Withdrawn => {
                if stage.closed() || stage == Stage::Concluded {
                    return Err(impossible(stage));
                }
                next_stage = Stage::Withdrawn;
            }
        }
        // Commit.
        if let Some(it) = item {
            self.item = Some(it);
        }
        if let Some(c) = clock {
            self.clock = Some(c);
        }
        if clock_push {
            self.clock_events.push(self.events.len());
        }
        if let Some(open) = review_supplement {
            self.review_supplement = open;
        }
        self.stage = next_stage;
        match step_change {
            Some((step, true)) => self.open_steps.push((step.into(), event.actor.clone())),
            Some((step, false)) => {
                // The visit this finish closes: the actor's own, else their unit's.
                let unit = |actor| unit_of(ctx, actor);
                let own = self
                    .open_steps
                    .iter()
                    .position(|(s, a)| s == step && *a == event.actor);
                let visit = own.or_else(|| {
                    self.open_steps
                        .iter()
                        .position(|(s, a)| s == step && unit(a) == unit(&event.actor))
                });
                if let Some(i) = visit {
                    self.open_steps.remove(i);
                }
            }
            None => {}
        }
        if referral_closed {
            self.open_referrals.retain(|r| *r != event.actor);
        }
        if let Some(to) = referral_added {
            self.open_referrals.push(to.into());
        }
        self.published = published;
        if self.events.len() + 1 == SMALL_CASE {
            self.ids = self.events.iter().map(|e| e.id.clone()).collect();
        }
        if self.events.len() + 1 >= SMALL_CASE {
            self.ids.insert(event.id.clone());
        }
        self.id_bits |= id_bit(&event.id);
        self.events.push(event);
        Ok(())
    }

    /// Whether the case has an event `id`: a scan of a small case's events, a hashed set of a
    /// large case's ids (kept from [`SMALL_CASE`] events on), so each check is constant time.
    fn has_event_id(&self, id: &str) -> bool {
        if self.events.len() < SMALL_CASE {
            self.id_bits & id_bit(id) != 0 && self.events.iter().any(|e| e.id == id)
        } else {
            self.ids.contains(id)
        }
    }

    fn first(&self, pred: impl Fn(&EventKind) -> bool) -> Option<&CaseEvent> {
        self.events.iter().find(|e| pred(&e.kind))
    }

    /// Everything derived from the events up to `as_of`.
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext};
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let ctx = CaseContext::sample();
    /// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
    /// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
    /// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
    /// let case = Case::from_jsonl(&ctx, log)?;
    /// let s = case.status(&ctx, t("2026-12-01 09:00"))?;
    /// let codes: Vec<&str> = s.findings.iter().map(|f| f.code).collect();
    /// // Late against both limits; granted, and the decision not published in time either.
    /// assert_eq!(codes, ["time_limit.promised_missed", "time_limit.statutory_missed", "publication.late"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self, ctx: &CaseContext, as_of: NaiveDateTime) -> Result<CaseStatus, CaseError> {
        self.judge(ctx, as_of, true)
    }

    /// [`Case::status`]; with `explain = false` the findings and level reasons have no message,
    /// events or people (all empty), for a caller that only counts (a replay that keeps no
    /// status): everything else, levels and severities included, is the same.
    pub(crate) fn judge(
        &self,
        ctx: &CaseContext,
        as_of: NaiveDateTime,
        explain: bool,
    ) -> Result<CaseStatus, CaseError> {
        // Events are in time order (`append` keeps them so): those up to `as_of` are a prefix.
        let events = &self.events[..self.events.partition_point(|e| e.at <= as_of)];
        // Whose unit the case is in: the handler's once accepted, else the receiver's (looked up
        // once, at the end).
        let mut unit_holder: Option<&str> = None;
        let mut st = CaseStatus {
            case: CompactString::from(self.id.as_str()),
            as_of,
            stage: Stage::New,
            item: None,
            window: None,
            first_responder: None,
            handler: None,
            unit: None,
            clock: None,
            decision: None,
            on_the_spot: None,
            concluded_at: None,
            findings: Vec::new(),
            level: Level::Normal,
            level_reasons: Vec::new(),
        };
        let mut ended_at: Option<NaiveDateTime> = None;
        let mut supplement_requests: Vec<&CaseEvent> = Vec::new();
        let mut received: Option<&CaseEvent> = None;
        let mut withdrawn_at = None;
        let mut kinds = 0u32;
        for e in events {
            kinds |= e.kind.kind().bit();
            if ended_at.is_none()
                && matches!(
                    e.kind,
                    EventKind::Conclude { .. }
                        | EventKind::Reject { .. }
                        | EventKind::RefuseReception { .. }
                        | EventKind::GuideOutside { .. }
                        | EventKind::Withdrawn
                )
            {
                ended_at = Some(e.at);
            }
            match &e.kind {
                EventKind::Inquiry { item, .. } => {
                    st.stage = Stage::Inquired;
                    st.first_responder = Some(e.actor.clone());
                    st.item = item.clone();
                    unit_holder = Some(&e.actor);
                }
                EventKind::Receive { item, window } => {
                    st.stage = Stage::Received;
                    st.item = Some(item.clone());
                    st.window = window.clone();
                    st.first_responder.get_or_insert_with(|| e.actor.clone());
                    unit_holder = Some(&e.actor);
                    received = Some(e);
                }
                // After acceptance a supplement is one requested during review (审查中补正): a
                // procedure of its own (it stops the clock), not a one-time notice.
                EventKind::SupplementRequest { .. } if st.stage != Stage::Accepted => {
                    st.stage = Stage::AwaitingSupplement;
                    supplement_requests.push(e);
                }
                EventKind::SupplementReceived if st.stage != Stage::Accepted => {
                    st.stage = Stage::Received
                }
                EventKind::Accept { handler } => {
                    st.stage = Stage::Accepted;
                    let h = handler.as_ref().unwrap_or(&e.actor);
                    unit_holder = Some(h);
                    st.handler = Some(h.clone());
                }
                EventKind::Reject { .. } => st.stage = Stage::Rejected,
                EventKind::RefuseReception { .. } => {
                    st.stage = Stage::Refused;
                    st.first_responder.get_or_insert_with(|| e.actor.clone());
                }
                EventKind::GuideOutside { .. } => st.stage = Stage::GuidedOut,
                EventKind::Conclude {
                    outcome,
                    on_the_spot,
                } => {
                    st.stage = Stage::Concluded;
                    st.decision = Some(*outcome);
                    st.on_the_spot = Some(*on_the_spot);
                    st.concluded_at = Some(e.at);
                }
                EventKind::Withdrawn => {
                    st.stage = Stage::Withdrawn;
                    withdrawn_at = Some(e.at);
                }
                _ => {}
            }
        }
        st.unit = unit_holder.and_then(|id| {
            ctx.roster
                .get(id)
                .map(|s| CompactString::from(s.unit.as_str()))
        });
        let item = self.item.as_deref().filter(|_| st.item.is_some());
        st.clock = match (&self.clock, &st.handler) {
            (Some(clock), Some(_)) => Some(self.clock_status(ctx, clock, as_of, withdrawn_at)?),
            _ => None,
        };
        let facts = Facts {
            ctx,
            case: self,
            events,
            kinds,
            as_of,
            item,
            stage: st.stage,
            handler: st.handler.as_deref(),
            received,
            supplement_requests,
            withdrawn_at,
            clock: st.clock.as_ref(),
        };
        let mut found = Findings::new(ctx, explain);
        for rule in findings::RULES {
            rule(&facts, &mut found)?;
        }
        st.findings = found.into_sorted();
        let acceptance = events
            .iter()
            .find(|e| matches!(e.kind, EventKind::Accept { .. }));
        st.level_reasons = level_reasons(
            ctx,
            &st,
            acceptance.map(|e| e.id.as_str()),
            ended_at,
            explain,
        );
        st.level = st
            .level_reasons
            .iter()
            .map(|r| r.level)
            .max()
            .unwrap_or(Level::Normal);
        Ok(st)
    }

    /// The clock's status at `as_of` (at the withdrawal, if earlier), judged on the context's
    /// calendar when it answers more (a provisional one).
    fn clock_status(
        &self,
        ctx: &CaseContext,
        clock: &ItemClock,
        as_of: NaiveDateTime,
        withdrawn_at: Option<NaiveDateTime>,
    ) -> Result<ClockStatus, CaseError> {
        let judge_at = withdrawn_at.map_or(as_of, |w| w.min(as_of));
        if ctx.calendar.provisional() && !clock.clock().calendar().provisional() {
            let mut c = clock.clone();
            let on = c.clock().clone().with_calendar(ctx.calendar.clone());
            *c.clock_mut() = on;
            Ok(c.status(judge_at)?)
        } else {
            Ok(clock.status(judge_at)?)
        }
    }
}

/// The reason a supplement requested during review stops the clock.
pub(crate) const REVIEW_SUPPLEMENT: &str = "supplement during review (审查中补正)";

/// The unit of a person on the roster (their own id when not on it).
fn unit_of<'a>(ctx: &'a CaseContext, actor: &'a str) -> &'a str {
    ctx.roster.get(actor).map_or(actor, |s| s.unit.as_str())
}

/// The ids `list` as evidence of a level reason, when they will be read (`explain`).
fn ids<'a>(explain: bool, list: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    if explain {
        list.into_iter().map(str::to_string).collect()
    } else {
        Vec::new()
    }
}

/// The reasons for a case's supervision level (docs/domain.md §4.4): the clock's level (already
/// frozen at conclusion by the clock), each step past its limit (yellow) and each serious fault
/// (red) found by the time the case ended.
fn level_reasons(
    ctx: &CaseContext,
    st: &CaseStatus,
    acceptance: Option<&str>,
    ended_at: Option<NaiveDateTime>,
    explain: bool,
) -> Vec<LevelReason> {
    let text = |code: &str, args: Args| {
        if explain {
            ctx.messages.text(ctx.lang, code, &args)
        } else {
            String::new()
        }
    };
    let mut out = Vec::new();
    if let Some(c) = st.clock.as_ref().filter(|c| c.level > Level::Normal) {
        let at = match c.level {
            // Red only past a statutory due (a clock without a statute never turns red).
            Level::Red => c.statutory_due.unwrap_or(c.promised_due),
            _ => c.promised_due,
        };
        let code = match c.level {
            Level::Red => "reason.past_statutory_due",
            Level::Yellow => "reason.past_promised_due",
            _ => "reason.promised_due_near",
        };
        out.push(LevelReason {
            source: LevelSource::Clock,
            level: c.level,
            code: None,
            at,
            events: ids(explain, acceptance),
            text: text(code, Args::new().with("due", Arg::Time(at))),
        });
    }
    for f in st
        .findings
        .iter()
        .filter(|f| ended_at.is_none_or(|end| f.at <= end))
    {
        if f.code == "step.overdue" {
            out.push(LevelReason {
                source: LevelSource::Step,
                level: Level::Yellow,
                code: Some(f.code),
                at: f.at,
                events: f.events.clone(),
                text: if explain {
                    f.text.clone()
                } else {
                    String::new()
                },
            });
        }
        if f.severity >= Severity::Serious {
            out.push(LevelReason {
                source: LevelSource::Fault,
                level: Level::Red,
                code: Some(f.code),
                at: f.at,
                events: f.events.clone(),
                text: text(
                    "reason.fault",
                    Args::new()
                        .with("severity", Arg::Name("severity", f.severity.as_str()))
                        .with("text", Arg::Text(f.text.clone())),
                ),
            });
        }
    }
    out.sort_by(|a, b| b.level.cmp(&a.level).then(a.at.cmp(&b.at)));
    out
}

impl CaseError {
    fn with_event(mut self, id: &str) -> Self {
        self.event = Some(id.to_string());
        self
    }
}

/// A case status as one flat table row (the clock's key fields inlined): for Arrow tables and
/// DataFrames, one row per case.
///
/// ```
/// use efficiency_core::case::{Case, CaseContext};
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let ctx = CaseContext::sample();
/// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
/// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
/// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
/// let case = Case::from_jsonl(&ctx, log)?;
/// let row = case.status(&ctx, t("2026-12-01 09:00"))?.row();
/// assert_eq!((row.findings, row.statutory_due), (3, Some(t("2026-10-30 17:30"))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusRow {
    /// Case id.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub case: CompactString,
    /// The moment judged.
    pub as_of: NaiveDateTime,
    /// Stage.
    pub stage: Stage,
    /// Service item code.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub item: Option<CompactString>,
    /// Window of receipt.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub window: Option<CompactString>,
    /// First responder.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub first_responder: Option<CompactString>,
    /// Handler.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub handler: Option<CompactString>,
    /// The handler's unit.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub unit: Option<CompactString>,
    /// Decision, once concluded.
    pub decision: Option<Decision>,
    /// Concluded during the visit.
    pub on_the_spot: Option<bool>,
    /// When concluded.
    pub concluded_at: Option<NaiveDateTime>,
    /// Promised due (accepted cases).
    pub promised_due: Option<NaiveDateTime>,
    /// Statutory due.
    pub statutory_due: Option<NaiveDateTime>,
    /// The case's supervision level (clock, steps, serious faults; frozen when it ended).
    pub level: Level,
    /// The clock's own level, once accepted.
    pub clock_level: Option<Level>,
    /// What raised the level, e.g. `clock`, `step step.overdue`, `fault extension.unauthorized_approver`.
    pub level_reasons: Vec<String>,
    /// Outcome of a concluded case.
    pub outcome: Option<crate::clock::Outcome>,
    /// Valid extensions, in the statutory unit.
    pub extended_by: Option<u32>,
    /// Left before the promised due, in its unit.
    pub remaining: Option<f64>,
    /// Workdays counted, suspensions excluded.
    pub elapsed_workdays: Option<f64>,
    /// Whether an answer rests on a provisional calendar year.
    pub provisional: bool,
    /// Number of findings.
    pub findings: u32,
}

/// One finding as a table row, with where it happened (case, unit, window, handler).
///
/// ```
/// use efficiency_core::case::{Case, CaseContext};
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let ctx = CaseContext::sample();
/// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
/// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
/// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
/// let case = Case::from_jsonl(&ctx, log)?;
/// let rows = case.status(&ctx, t("2026-12-01 09:00"))?.finding_rows(&ctx.roster);
/// assert_eq!((rows[0].case.as_str(), rows[0].unit.as_deref()), ("C1", Some("social_org")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FindingRow {
    /// Case id.
    pub case: String,
    /// Finding code.
    pub code: &'static str,
    /// Severity.
    pub severity: Severity,
    /// When.
    pub at: NaiveDateTime,
    /// The handler's unit (the unit answerable for the case).
    pub unit: Option<String>,
    /// Window of receipt.
    pub window: Option<String>,
    /// Handler.
    pub handler: Option<String>,
    /// People directly involved.
    pub people: Vec<String>,
    /// Evidence event ids.
    pub events: Vec<String>,
    /// What is wrong, in the context's language.
    pub text: String,
}

impl CaseStatus {
    /// The status as one flat row.
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext};
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let ctx = CaseContext::sample();
    /// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
    /// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
    /// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
    /// let case = Case::from_jsonl(&ctx, log)?;
    /// assert_eq!(case.status(&ctx, t("2026-12-01 09:00"))?.row().stage.as_str(), "concluded");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn row(&self) -> StatusRow {
        let c = self.clock.as_ref();
        StatusRow {
            case: self.case.clone(),
            as_of: self.as_of,
            stage: self.stage,
            item: self.item.clone(),
            window: self.window.clone(),
            first_responder: self.first_responder.clone(),
            handler: self.handler.clone(),
            unit: self.unit.clone(),
            decision: self.decision,
            on_the_spot: self.on_the_spot,
            concluded_at: self.concluded_at,
            promised_due: c.map(|c| c.promised_due),
            statutory_due: c.and_then(|c| c.statutory_due),
            level: self.level,
            clock_level: c.map(|c| c.level),
            level_reasons: self
                .level_reasons
                .iter()
                .map(|r| match r.code {
                    Some(code) => format!("{} {code}", r.source.as_str()),
                    None => r.source.as_str().to_string(),
                })
                .collect(),
            outcome: c.and_then(|c| c.outcome),
            extended_by: c.map(|c| c.extended_by),
            remaining: c.map(|c| c.remaining),
            elapsed_workdays: c.map(|c| c.elapsed_workdays),
            provisional: c.is_some_and(|c| c.provisional),
            findings: self.findings.len() as u32,
        }
    }

    /// The findings as table rows. A finding's unit is the case's (its handler's); for a case
    /// without one (a refused reception, an inquiry), the unit of the first person involved.
    ///
    /// ```
    /// use efficiency_core::case::{Case, CaseContext};
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let ctx = CaseContext::sample();
    /// let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}
    /// {"id":"e2","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}
    /// {"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
    /// let case = Case::from_jsonl(&ctx, log)?;
    /// let rows = case.status(&ctx, t("2026-12-01 09:00"))?.finding_rows(&ctx.roster);
    /// assert_eq!(rows.len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn finding_rows(&self, roster: &Roster) -> Vec<FindingRow> {
        self.findings
            .iter()
            .map(|f| FindingRow {
                case: self.case.to_string(),
                code: f.code,
                severity: f.severity,
                at: f.at,
                unit: self.unit.as_deref().map(String::from).or_else(|| {
                    f.people
                        .iter()
                        .find_map(|p| roster.get(p).map(|s| s.unit.clone()))
                }),
                window: self.window.as_deref().map(String::from),
                handler: self.handler.as_deref().map(String::from),
                people: f.people.clone(),
                events: f.events.clone(),
                text: f.text.clone(),
            })
            .collect()
    }
}

impl From<CaseError> for crate::error::Error {
    fn from(e: CaseError) -> crate::error::Error {
        crate::error::Error {
            line: e.line.map(|l| u32::try_from(l).unwrap_or(u32::MAX)),
            event: e.event.clone(),
            ..crate::error::Error::new(e.code(), e.to_string())
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
