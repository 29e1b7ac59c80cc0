//! Disclosure (三公开, docs/domain.md §13): staff whereabouts (外出办事人员去向), the register of
//! published results (公开办事结果, 双公示) and the ratings summary (好差评).
//!
//! The records live in a period's [`crate::activity::Activity`] (`whereabouts`, `absences`,
//! `publications`, `ratings`) and are read here through a view, [`DisclosureRecords`], with the
//! rules through [`DisclosureRules`] (so this module does not depend on the activity's:
//! `act.disclosure()` and `rules.disclosure()` give them, and `Activity` has the three
//! functions as methods); their faults join the activity's faults (so the
//! accountability list and the scorecards read them); the functions here draw what is shown:
//! the whereabouts board at a moment, the register with its dues and states, the ratings
//! summary with its denominators. The numbers are data: the `whereabouts` and `publication`
//! sections of the complaint rules (`data/rules/complaints.json`).
//!
//! ```
//! use efficiency_core::activity::{Activity, ActivityRules};
//! use efficiency_core::date::{parse_local_time, Zone};
//! use efficiency_core::disclosure::{publication_register, whereabouts_board};
//! use efficiency_core::org::Organisation;
//! let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
//! let at = parse_local_time("2026-11-04 10:00", Zone::CHINA).unwrap();
//! // The board at a moment: the head of social_org is at a meeting, Li Na acts for her.
//! let board = whereabouts_board(&org, &act.disclosure(), at)?;
//! let head = board.iter().find(|r| r.person == "soc-h").unwrap();
//! assert_eq!((head.status_zh.as_str(), head.acting_name.as_deref()), ("开会", Some("李娜")));
//! // A leave's reason is never shown.
//! assert_eq!(board.iter().find(|r| r.person == "off01").unwrap().reason, "");
//! // Ratings with their denominators: an upheld appeal is excluded from the counts, not the log.
//! let end = parse_local_time("2026-12-31 23:59:59", Zone::CHINA).unwrap();
//! let all = act.ratings_summary(&org, &rules, end)?.pop().unwrap();
//! assert_eq!((all.unit.as_str(), all.logged, all.excluded, all.counted, all.bad), ("all", 8, 1, 7, 3));
//! // The register: a licensing decision online 9 workdays after it was made is late.
//! let p2 = publication_register(&org, &act.disclosure(), &rules.disclosure(), end)?
//!     .into_iter().find(|r| r.id == "P2").unwrap();
//! assert_eq!((p2.late, p2.findings.as_slice()), (true, ["publication.late".to_string()].as_slice()));
//! # Ok::<(), efficiency_core::org::OrgError>(())
//! ```

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use crate::calendar::Calendar;
use crate::catalog::Severity;
use crate::clock::reckon::Reckoner;
use crate::clock::ClockConfig;
use crate::clock::TimeLimit;
use crate::messages::{Arg, Args};
use crate::org::{OrgError, Organisation, Position};

// ---------------------------------------------------------------------------------------------
// What disclosure judges: views of a period's records and of the rules

/// The records disclosure reads: a view of a period's whereabouts entries, absences, published
/// decisions and ratings (an [`crate::activity::Activity`] gives one: `(&act).into()`; every
/// function here takes either).
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// let records = act.disclosure();
/// assert!(!records.whereabouts.is_empty() && !records.publications.is_empty());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DisclosureRecords<'a> {
    /// Staff whereabouts entries (去向登记).
    pub whereabouts: &'a [WhereaboutsEntry],
    /// Absences seen by attendance.
    pub absences: &'a [Absence],
    /// Decisions and their publication (the register).
    pub publications: &'a [Publication],
    /// Service ratings (好差评).
    pub ratings: &'a [Rating],
}

/// The rules disclosure judges by: a view of the complaint rules' `whereabouts` and
/// `publication` sections, the rating limits, the severities and the calendar they count on (an
/// [`crate::activity::ActivityRules`] gives one).
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// let view = rules.disclosure();
/// assert_eq!(view.calendar.covered_years().1, 2026);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DisclosureRules<'a> {
    /// The calendar the limits count on.
    pub calendar: &'a Calendar,
    /// Office hours and the end of a counted day (a bureau's settings).
    pub clock_config: &'a ClockConfig,
    /// Whereabouts rules.
    pub whereabouts: &'a WhereaboutsRules,
    /// Register rules.
    pub publication: &'a PublicationRules,
    /// How soon a decision goes online.
    pub publish_within: TimeLimit,
    /// The limit to fix a bad rating.
    pub rating_fix: TimeLimit,
    /// The limit to call back a named bad rating.
    pub rating_call_back: TimeLimit,
    /// The conduct rule an unposted absence breaches.
    pub absence_rule: AbsenceRule<'a>,
    /// The severity of every disclosure code.
    pub severities: &'a BTreeMap<String, Severity>,
}

/// The conduct rule an unposted absence breaches, as the whereabouts rules read it (the
/// conduct rules themselves are a floor above).
#[derive(Debug, Clone, Copy)]
pub struct AbsenceRule<'a> {
    /// Its code.
    pub code: &'a str,
    /// Its severity.
    pub severity: Severity,
    /// Its name.
    pub name: &'a str,
    /// Its Chinese name.
    pub name_zh: &'a str,
}

impl DisclosureRules<'_> {
    /// The severity of a disclosure code (the catalog's default when the table has none).
    fn severity(&self, code: &str) -> Severity {
        self.severities
            .get(code)
            .copied()
            .unwrap_or_else(|| crate::catalog::ActivityCode::default_severity(code))
    }

    /// As [`Self::due`], judged at `as_of`: a due beyond the calendar's last year, asked at a
    /// moment inside it, is `None` — certainly after `as_of`, so nothing is late yet (a review at
    /// the end of a year whose successor's holidays are not announced still runs).
    ///
    /// ```
    /// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
    /// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::clock::TimeLimit;
    /// let view = rules.disclosure();
    /// let due = view.due_by(t("2026-10-09 10:00"), TimeLimit::workdays(7), t("2026-10-09 11:00"), "example")?;
    /// // 10 October 2026 is a make-up workday.
    /// assert_eq!(due, Some(t("2026-10-19 17:30")));
    /// // A due past the calendar's last year, asked inside it, is not due yet.
    /// assert_eq!(view.due_by(t("2026-12-30 10:00"), TimeLimit::workdays(7), t("2026-12-31 09:00"), "example")?, None);
    /// # Ok::<(), efficiency_core::org::OrgError>(())
    /// ```
    pub fn due_by(
        &self,
        from: NaiveDateTime,
        limit: TimeLimit,
        as_of: NaiveDateTime,
        at: &str,
    ) -> Result<Option<NaiveDateTime>, OrgError> {
        use chrono::Datelike;
        match self.due(from, limit, at) {
            Ok(t) => Ok(Some(t)),
            Err(e)
                if e.code() == "calendar.year_not_covered"
                    && as_of.year() <= self.calendar.covered_years().1
                    && from.year() >= self.calendar.covered_years().0 =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// The due time of `limit` from `from`; a calendar gap is an error naming `at` (the record).
    ///
    /// ```
    /// use efficiency_core::activity::ActivityRules;
    /// use efficiency_core::clock::TimeLimit;
    /// let rules = ActivityRules::default();
    /// let t = |s: &str| s.parse().unwrap();
    /// // A decision taken on 2026-09-30 goes online within 7 workdays: by 2026-10-15 (after National
    /// // Day, with the make-up Saturday 10-10 counted).
    /// let due = rules.disclosure().due(t("2026-09-30T10:00:00"), TimeLimit::workdays(7), "P1")?;
    /// assert_eq!(due.to_string(), "2026-10-15 17:30:00");
    /// let e = rules.disclosure().due(t("2026-12-30T10:00:00"), TimeLimit::workdays(7), "P9").unwrap_err();
    /// assert_eq!((e.code(), e.path.as_str()), ("calendar.year_not_covered", "P9"));
    /// # Ok::<(), efficiency_core::org::OrgError>(())
    /// ```
    pub fn due(
        &self,
        from: NaiveDateTime,
        limit: TimeLimit,
        at: &str,
    ) -> Result<NaiveDateTime, OrgError> {
        Reckoner {
            cal: self.calendar,
            config: self.clock_config,
        }
        .due(from, limit, 0, &[])
        .map_err(|e| OrgError::new(e.code(), at, e.to_string()))
    }
}

// ---------------------------------------------------------------------------------------------
// Rules

/// Whereabouts rules (the `whereabouts` section of the complaint rules).
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// assert!(rules.disclosure().whereabouts.away_max_minutes > 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WhereaboutsRules {
    /// An absence this long or longer must be posted (half a day: 4 hours).
    pub post_from_minutes: u32,
    /// 暂离 (away) is at most this long (30 minutes).
    pub away_max_minutes: u32,
    /// The conduct rule an unposted absence breaches (rule 1, `conduct.absence`).
    pub absence_rule: String,
}

impl Default for WhereaboutsRules {
    fn default() -> Self {
        WhereaboutsRules {
            post_from_minutes: 240,
            away_max_minutes: 30,
            absence_rule: "conduct.absence".into(),
        }
    }
}

/// Publication rules (the `publication` section of the complaint rules).
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// use efficiency_core::disclosure::DecisionKind;
/// assert!(rules.disclosure().publication.display_years.contains_key(&DecisionKind::Penalty));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PublicationRules {
    /// A decision goes online within this limit; absent, the case rules' publication limit
    /// (`findings.json`, 7 workdays, 双公示) — one number for a case's result and the register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish_within: Option<TimeLimit>,
    /// A revoked or changed decision comes down or is corrected within this limit (5 workdays).
    pub revise_within: TimeLimit,
    /// Years a decision of a kind stays on display (penalty: 3); a kind not listed stays up
    /// until revoked.
    #[serde(default)]
    pub display_years: std::collections::BTreeMap<DecisionKind, u32>,
}

impl Default for PublicationRules {
    fn default() -> Self {
        PublicationRules {
            publish_within: None,
            revise_within: TimeLimit::workdays(5),
            display_years: [(DecisionKind::Penalty, 3)].into_iter().collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Whereabouts

/// Where a person is (docs/domain.md §13).
///
/// ```
/// use efficiency_core::disclosure::WhereaboutsStatus;
/// assert_eq!((WhereaboutsStatus::BusinessTrip.as_str(), WhereaboutsStatus::BusinessTrip.name_zh()), ("business_trip", "出差"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WhereaboutsStatus {
    /// 在岗.
    AtPost,
    /// 暂离 (at most 30 minutes by default).
    Away,
    /// 开会.
    Meeting,
    /// 出差.
    BusinessTrip,
    /// 外出办事.
    OutOnBusiness,
    /// 请假 (the reason is never shown).
    Leave,
}

crate::names!(WhereaboutsStatus {
    AtPost => "at_post",
    Away => "away",
    Meeting => "meeting",
    BusinessTrip => "business_trip",
    OutOnBusiness => "out_on_business",
    Leave => "leave",
});

impl WhereaboutsStatus {
    /// The Chinese name shown on the board.
    ///
    /// ```
    /// use efficiency_core::disclosure::WhereaboutsStatus;
    /// assert_eq!(WhereaboutsStatus::Leave.name_zh(), "请假");
    /// assert_eq!(WhereaboutsStatus::from_name("business_trip").map(|s| s.name_zh()), Some("出差"));
    /// ```
    pub fn name_zh(self) -> &'static str {
        match self {
            WhereaboutsStatus::AtPost => "在岗",
            WhereaboutsStatus::Away => "暂离",
            WhereaboutsStatus::Meeting => "开会",
            WhereaboutsStatus::BusinessTrip => "出差",
            WhereaboutsStatus::OutOnBusiness => "外出办事",
            WhereaboutsStatus::Leave => "请假",
        }
    }
}

/// A whereabouts entry (去向登记).
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// let wh1 = act.disclosure().whereabouts.iter().find(|e| e.id == "WH1").expect("posted");
/// assert_eq!((wh1.person.as_str(), wh1.acting.as_deref()), ("soc-h", Some("soc01")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WhereaboutsEntry {
    /// Id.
    pub id: String,
    /// Who.
    pub person: String,
    /// Where.
    pub status: WhereaboutsStatus,
    /// The reason as it may be published (not shown for leave).
    #[serde(default)]
    pub reason: String,
    /// Place.
    #[serde(default)]
    pub place: String,
    /// From.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub from: NaiveDateTime,
    /// Until (expected return).
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub until: NaiveDateTime,
    /// Who approved it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<String>,
    /// Who acts for the person meanwhile (required for a unit head).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting: Option<String>,
    /// When it was posted (default: at `from`).
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub posted_at: Option<NaiveDateTime>,
}

impl WhereaboutsEntry {
    fn posted(&self) -> NaiveDateTime {
        self.posted_at.unwrap_or(self.from)
    }
}

/// An absence seen by attendance (a person not at post from … until …).
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// let ab = &act.disclosure().absences[0];
/// assert_eq!(ab.person, "mar01");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Absence {
    /// Id.
    pub id: String,
    /// Who.
    pub person: String,
    /// From.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub from: NaiveDateTime,
    /// Until.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub until: NaiveDateTime,
    /// Where it was seen (attendance machine, inspection, …).
    #[serde(default)]
    pub source: String,
}

/// One person on the whereabouts board at a moment.
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// let board = act.whereabouts_board(&org, "2026-11-04T10:00:00".parse().expect("a time"))?;
/// let trip = board.iter().find(|r| r.person == "mar01").expect("everyone is listed");
/// assert_eq!(trip.status_zh, "出差");
/// # Ok::<(), efficiency_core::org::OrgError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WhereaboutsRow {
    /// The person's unit (`""` for bureau leaders).
    pub unit: String,
    /// Person id.
    pub person: String,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Position,
    /// Where (at post when no posted entry covers the moment).
    pub status: WhereaboutsStatus,
    /// 在岗, 暂离, …
    pub status_zh: String,
    /// The public reason (empty for leave).
    pub reason: String,
    /// Place (empty for leave).
    pub place: String,
    /// Expected back.
    pub until: Option<NaiveDateTime>,
    /// Acting person id.
    pub acting: Option<String>,
    /// Acting person's name.
    pub acting_name: Option<String>,
    /// The entry shown.
    pub entry: Option<String>,
    /// When no entry covers the moment and nobody is expected at post: a rest day or outside
    /// office hours (the board then says so instead of "at post").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub off_duty: Option<OffDuty>,
}

/// Why nobody is expected at post at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OffDuty {
    /// A weekend or holiday that is not a make-up workday (休息日).
    RestDay,
    /// A workday outside office hours (非工作时间).
    OffHours,
}

impl OffDuty {
    /// The Chinese name (休息日, 非工作时间).
    pub fn name_zh(self) -> &'static str {
        match self {
            OffDuty::RestDay => "休息日",
            OffDuty::OffHours => "非工作时间",
        }
    }

    /// Whether `at` is off duty under `calendar` and `hours`: `None` on duty, or when the
    /// calendar has no data for the year (the board then makes no claim).
    pub fn at(
        calendar: &crate::calendar::Calendar,
        hours: &crate::clock::OfficeHours,
        at: NaiveDateTime,
    ) -> Option<OffDuty> {
        match calendar.is_workday(at.date()) {
            Ok(false) => Some(OffDuty::RestDay),
            Ok(true) if !hours.is_open(at.time()) => Some(OffDuty::OffHours),
            _ => None,
        }
    }
}

/// Checks the entries and absences (people known, until after from, acting someone else).
pub(crate) fn check_whereabouts(
    org: &Organisation,
    act: &DisclosureRecords<'_>,
) -> Result<(), OrgError> {
    let person = |id: &str, path: String| org.known_person(id, path).map(|_| ());
    let bad = |path: String, message: String| OrgError::new("activity.invalid", path, message);
    for (i, e) in act.whereabouts.iter().enumerate() {
        let at = format!("whereabouts[{i}] ({})", e.id);
        person(&e.person, format!("{at}.person"))?;
        if e.until <= e.from {
            return Err(bad(
                format!("{at}.until"),
                format!("{} is not after from {}", e.until, e.from),
            ));
        }
        if let Some(a) = &e.approver {
            person(a, format!("{at}.approver"))?;
        }
        if let Some(a) = &e.acting {
            person(a, format!("{at}.acting"))?;
            if *a == e.person {
                return Err(bad(
                    format!("{at}.acting"),
                    "a person cannot act for themselves".into(),
                ));
            }
        }
    }
    for (i, a) in act.absences.iter().enumerate() {
        let at = format!("absences[{i}] ({})", a.id);
        person(&a.person, format!("{at}.person"))?;
        if a.until <= a.from {
            return Err(bad(
                format!("{at}.until"),
                format!("{} is not after from {}", a.until, a.from),
            ));
        }
    }
    Ok(())
}

/// Whether a person is a unit head (by position, or as head of a unit that is not a window).
fn is_unit_head(org: &Organisation, person: &str) -> bool {
    org.person(person)
        .is_some_and(|p| p.position == Position::UnitHead)
        || org
            .units
            .iter()
            .any(|u| u.head.as_deref() == Some(person) && u.kind != crate::org::UnitKind::Window)
}

fn minutes(d: Duration) -> i64 {
    d.num_minutes()
}

/// The whereabouts faults at `as_of` (docs/domain.md §13): an absence of `post_from_minutes` or more
/// not covered by entries breaches the absence conduct rule; an entry that needed posting but was
/// posted after it began; a unit head away with no acting person; 暂离 longer than allowed.
pub(crate) fn whereabouts_faults(
    org: &Organisation,
    act: &DisclosureRecords<'_>,
    rules: &DisclosureRules<'_>,
    as_of: NaiveDateTime,
    out: &mut Vec<crate::accountability::Fault>,
) -> Result<(), OrgError> {
    use crate::accountability::Fault;
    check_whereabouts(org, act)?;
    let w = rules.whereabouts;
    let absence_rule = rules.absence_rule;
    let threshold = i64::from(w.post_from_minutes);
    // Entries per person, sorted by start (posted by as_of: what the office could know).
    let mut by_person: std::collections::BTreeMap<&str, Vec<&WhereaboutsEntry>> =
        std::collections::BTreeMap::new();
    for e in act.whereabouts.iter().filter(|e| e.posted() <= as_of) {
        if e.status != WhereaboutsStatus::AtPost {
            by_person.entry(e.person.as_str()).or_default().push(e);
        }
    }
    for v in by_person.values_mut() {
        v.sort_by_key(|e| (e.from, e.until));
    }
    for a in act.absences.iter().filter(|a| a.from <= as_of) {
        let until = a.until.min(as_of);
        // The uncovered part of [from, until) after the person's entries (a sweep over sorted
        // intervals: linear in the person's entries).
        let mut uncovered = 0i64;
        let mut cursor = a.from;
        for e in by_person.get(a.person.as_str()).into_iter().flatten() {
            if e.until <= cursor || e.from >= until {
                continue;
            }
            if e.from > cursor {
                uncovered += minutes(e.from - cursor);
            }
            cursor = cursor.max(e.until);
            if cursor >= until {
                break;
            }
        }
        if cursor < until {
            uncovered += minutes(until - cursor);
        }
        if uncovered >= threshold {
            out.push(
                Fault {
                    source: format!("absence {}", a.id),
                    code: absence_rule.code.to_string(),
                    severity: absence_rule.severity,
                    at: a.from + Duration::minutes(threshold),
                    people: vec![a.person.clone()],
                    unit: None,
                    events: vec![a.id.clone()],
                    text: String::new(),
                    args: Args::new()
                        .with("rule", Arg::Text(absence_rule.name.to_string()))
                        .with("rule_zh", Arg::Text(absence_rule.name_zh.to_string()))
                        .with("from", Arg::Time(a.from))
                        .with("until", Arg::Time(a.until))
                        .with("minutes", Arg::Int(uncovered))
                        .with("threshold", Arg::Int(threshold)),
                    message_code: Some("whereabouts.absence_uncovered".into()),
                }
                .written(),
            );
        }
    }
    for e in act
        .whereabouts
        .iter()
        .filter(|e| e.from <= as_of && e.posted() <= as_of)
    {
        let length = minutes(e.until - e.from);
        let mut push = |code: &str, at: NaiveDateTime, args: Args| {
            out.push(
                Fault {
                    source: format!("whereabouts {}", e.id),
                    code: code.into(),
                    severity: rules.severity(code),
                    at,
                    people: vec![e.person.clone()],
                    unit: None,
                    events: vec![e.id.clone()],
                    text: String::new(),
                    args,
                    message_code: None,
                }
                .written(),
            );
        };
        if e.status == WhereaboutsStatus::Away && length > i64::from(w.away_max_minutes) {
            push(
                "whereabouts.away_too_long",
                e.from + Duration::minutes(i64::from(w.away_max_minutes)),
                Args::new()
                    .with("from", Arg::Time(e.from))
                    .with("until", Arg::Time(e.until))
                    .with("minutes", Arg::Int(length))
                    .with("max", Arg::Int(i64::from(w.away_max_minutes))),
            );
        }
        if e.status == WhereaboutsStatus::AtPost || length < threshold {
            continue;
        }
        if e.posted() > e.from {
            push(
                "whereabouts.posted_late",
                e.posted(),
                Args::new()
                    .with("status", Arg::Name("status", e.status.as_str()))
                    .with("from", Arg::Time(e.from))
                    .with("posted", Arg::Time(e.posted())),
            );
        }
        if e.acting.is_none() && is_unit_head(org, &e.person) {
            push(
                "whereabouts.no_acting",
                e.from,
                Args::new()
                    .with("status", Arg::Name("status", e.status.as_str()))
                    .with("from", Arg::Time(e.from))
                    .with("until", Arg::Time(e.until)),
            );
        }
    }
    Ok(())
}

/// The whereabouts board at `at` (外出办事人员去向公示): every person of the organisation, sorted
/// by unit and position, with the posted entry covering the moment (at post when none). A
/// leave's reason and place are not shown.
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// use efficiency_core::disclosure::whereabouts_board;
/// let board = whereabouts_board(&org, &act.disclosure(), "2026-11-04T10:00:00".parse().expect("a time"))?;
/// assert!(board.iter().any(|r| r.person == "soc-h" && r.acting.as_deref() == Some("soc01")));
/// # Ok::<(), efficiency_core::org::OrgError>(())
/// ```
pub fn whereabouts_board(
    org: &Organisation,
    act: &DisclosureRecords<'_>,
    at: NaiveDateTime,
) -> Result<Vec<WhereaboutsRow>, OrgError> {
    whereabouts_board_on_duty(org, act, at, None)
}

/// [`whereabouts_board`], saying on a rest day or outside office hours (`duty`: the calendar
/// and the office hours) that nobody without an entry is expected at post.
///
/// ```
/// use efficiency_core::{activity::Activity, calendar::Calendar, clock::OfficeHours, org::Organisation};
/// use efficiency_core::disclosure::{whereabouts_board_on_duty, OffDuty};
/// let (org, act, cal) = (Organisation::sample(), Activity::sample(), Calendar::china());
/// let hours = OfficeHours::default();
/// let saturday = "2026-11-07T10:00:00".parse().expect("a time");
/// let board = whereabouts_board_on_duty(&org, &act.disclosure(), saturday, Some((&cal, &hours)))?;
/// assert!(board.iter().all(|r| r.off_duty == Some(OffDuty::RestDay) && r.status_zh == "休息日"));
/// # Ok::<(), efficiency_core::org::OrgError>(())
/// ```
pub fn whereabouts_board_on_duty(
    org: &Organisation,
    act: &DisclosureRecords<'_>,
    at: NaiveDateTime,
    duty: Option<(&crate::calendar::Calendar, &crate::clock::OfficeHours)>,
) -> Result<Vec<WhereaboutsRow>, OrgError> {
    check_whereabouts(org, act)?;
    let off = duty.and_then(|(calendar, hours)| OffDuty::at(calendar, hours, at));
    let mut current: std::collections::BTreeMap<&str, &WhereaboutsEntry> = Default::default();
    for e in act
        .whereabouts
        .iter()
        .filter(|e| e.posted() <= at && e.from <= at && at < e.until)
    {
        // The latest-starting entry covering the moment wins (a meeting inside a trip).
        let slot = current.entry(e.person.as_str()).or_insert(e);
        if (e.from, &e.id) > (slot.from, &slot.id) {
            *slot = e;
        }
    }
    let mut rows: Vec<WhereaboutsRow> = org
        .people
        .iter()
        .map(|p| {
            let e = current.get(p.id.as_str()).copied();
            let status = e.map_or(WhereaboutsStatus::AtPost, |e| e.status);
            let public = status != WhereaboutsStatus::Leave;
            let acting = e.and_then(|e| e.acting.clone());
            let off_duty = off.filter(|_| e.is_none());
            WhereaboutsRow {
                unit: p.unit.clone().unwrap_or_default(),
                person: p.id.clone(),
                name: p.name.clone(),
                position: p.position,
                status,
                status_zh: off_duty
                    .map_or_else(|| status.name_zh(), OffDuty::name_zh)
                    .into(),
                reason: e
                    .filter(|_| public)
                    .map(|e| e.reason.clone())
                    .unwrap_or_default(),
                place: e
                    .filter(|_| public)
                    .map(|e| e.place.clone())
                    .unwrap_or_default(),
                until: e.map(|e| e.until),
                acting_name: acting
                    .as_deref()
                    .and_then(|a| org.person(a))
                    .map(|p| p.name.clone()),
                acting,
                entry: e.map(|e| e.id.clone()),
                off_duty,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.unit
            .cmp(&b.unit)
            .then(b.position.cmp(&a.position))
            .then(a.person.cmp(&b.person))
    });
    Ok(rows)
}

// ---------------------------------------------------------------------------------------------
// Publication register

/// What kind of decision is published.
///
/// ```
/// use efficiency_core::disclosure::DecisionKind;
/// assert_eq!(DecisionKind::Penalty.as_str(), "penalty");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// 行政许可.
    Licensing,
    /// 行政处罚.
    Penalty,
    /// Another result (a registration, a certificate).
    Other,
}

crate::names!(DecisionKind {
    Licensing => "licensing",
    Penalty => "penalty",
    Other => "other",
});

/// A decision and its publication (one row of the register).
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// let p1 = &act.disclosure().publications[0];
/// assert_eq!((p1.id.as_str(), p1.decision.as_str()), ("P1", "民社罚字〔2023〕3号"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// Id.
    pub id: String,
    /// The decision's number (文号).
    #[serde(default)]
    pub decision: String,
    /// The case, if the decision ended one (its own `publication.late` is then not judged
    /// again in a review: the register is the record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// Kind.
    pub kind: DecisionKind,
    /// The deciding unit.
    pub unit: String,
    /// The person responsible for publishing, if named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// When the decision was made.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub decided_at: NaiveDateTime,
    /// When it went online.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub published_at: Option<NaiveDateTime>,
    /// The masking profile it was published under (`none` when it holds no personal data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// The fields masked (as the masking reported them).
    #[serde(default)]
    pub masked: Vec<String>,
    /// What the public sees of the decision (parties, summary, handler …), as record fields;
    /// the register shows it masked (see [`RegisterRow::record`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub record: Vec<crate::mask::RecordField>,
    /// When the decision was revoked (撤销) — it must come down.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub revoked_at: Option<NaiveDateTime>,
    /// When the decision was changed (变更) — the publication must be corrected.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub changed_at: Option<NaiveDateTime>,
    /// When the publication was withdrawn or corrected.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub revised_at: Option<NaiveDateTime>,
    /// When it was taken down at the end of its display period.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub removed_at: Option<NaiveDateTime>,
}

/// Where a publication stands at a moment.
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// let register = act.publication_register(&org, &rules, "2026-12-31T23:59:00".parse().expect("a time"))?;
/// use efficiency_core::disclosure::PublicationState;
/// // P1 (a 2023 penalty) is past its display period by the end of 2026.
/// assert!(register.iter().any(|r| r.id == "P1" && r.state == PublicationState::Expired));
/// # Ok::<(), efficiency_core::org::OrgError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PublicationState {
    /// Not online yet, within its due.
    Pending,
    /// Not online and past its due.
    Overdue,
    /// Online.
    OnDisplay,
    /// Revoked: to come down (or down, see `revised_at`).
    Withdrawn,
    /// Its display period has ended.
    Expired,
}

/// A register row: the publication with its dues and state at a moment.
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// let register = act.publication_register(&org, &rules, "2026-05-06T10:00:00".parse().expect("a time"))?;
/// let p1 = register.iter().find(|r| r.id == "P1").expect("listed");
/// assert!(!p1.late);
/// // The record as published: the party's name and ID masked, each field labelled.
/// let record = p1.record.as_ref().expect("published with its record");
/// assert!(record.fields.iter().any(|(f, v)| f == "party" && v == "张某"));
/// assert_eq!(record.labels[0], "当事人");
/// # Ok::<(), efficiency_core::org::OrgError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegisterRow {
    /// Id.
    pub id: String,
    /// Decision number.
    pub decision: String,
    /// Case.
    pub case: Option<String>,
    /// Kind.
    pub kind: DecisionKind,
    /// Unit.
    pub unit: String,
    /// Decided at.
    pub decided_at: NaiveDateTime,
    /// Due online (`publish_within` after the decision); none when it falls after the
    /// calendar's last year (the next year's holidays are not announced): not due yet.
    pub due: Option<NaiveDateTime>,
    /// Online at.
    pub published_at: Option<NaiveDateTime>,
    /// Published after its due (or not yet and past it).
    pub late: bool,
    /// The masking profile.
    pub profile: Option<String>,
    /// Fields masked, as the bureau recorded them (`party.name`: a record field and its kind).
    pub masked: Vec<String>,
    /// The same, as the public reads them: each field's label (当事人, 身份证号码).
    pub masked_labels: Vec<String>,
    /// The decision's public record, masked under its profile (`court`, the strictest, when it
    /// recorded none or `none`): nothing the register shows carries personal data. None once
    /// the decision is withdrawn or its display period has ended: its content comes down.
    pub record: Option<crate::mask::MaskedRecord>,
    /// The due to withdraw or correct once revoked or changed (none also when it falls after
    /// the calendar's last year).
    pub revision_due: Option<NaiveDateTime>,
    /// Withdrawn or corrected at.
    pub revised_at: Option<NaiveDateTime>,
    /// The end of the display period (none: until revoked).
    pub display_until: Option<NaiveDateTime>,
    /// State at the moment.
    pub state: PublicationState,
    /// Fault codes found by the moment.
    pub findings: Vec<String>,
}

fn add_years(t: NaiveDateTime, years: u32) -> NaiveDateTime {
    let y = t.year() + years as i32;
    // 29 February goes to 28 February.
    let d = NaiveDate::from_ymd_opt(y, t.month(), t.day())
        .or_else(|| NaiveDate::from_ymd_opt(y, t.month(), 28))
        .expect("a valid day");
    d.and_time(t.time())
}

/// The register judged at `as_of`, with the faults it finds (publication.late,
/// publication.revision_late, publication.unmasked, publication.display_overrun).
pub(crate) fn judge_register(
    org: &Organisation,
    act: &DisclosureRecords<'_>,
    rules: &DisclosureRules<'_>,
    as_of: NaiveDateTime,
) -> Result<Vec<(RegisterRow, Vec<crate::accountability::Fault>)>, OrgError> {
    use crate::accountability::Fault;
    let p = rules.publication;
    let mut out = Vec::new();
    for (i, r) in act.publications.iter().enumerate() {
        let at = format!("publications[{i}] ({})", r.id);
        org.known_unit(&r.unit, format!("{at}.unit"))?;
        if let Some(x) = &r.person {
            org.known_person(x, format!("{at}.person"))?;
        }
        for (name, t) in [
            ("published_at", r.published_at),
            ("revoked_at", r.revoked_at),
            ("changed_at", r.changed_at),
            ("revised_at", r.revised_at),
            ("removed_at", r.removed_at),
        ] {
            if t.is_some_and(|t| t < r.decided_at) {
                return Err(OrgError::new(
                    "activity.invalid",
                    format!("{at}.{name}"),
                    format!("{} is before the decision {}", t.unwrap(), r.decided_at),
                ));
            }
        }
        if r.decided_at > as_of {
            continue;
        }
        let known = |t: Option<NaiveDateTime>| t.filter(|t| *t <= as_of);
        let published = known(r.published_at);
        let within = rules.publish_within;
        let due = rules.due_by(r.decided_at, within, as_of, &at)?;
        let late = match (published, due) {
            (_, None) => false,
            (Some(t), Some(d)) => t > d,
            (None, Some(d)) => as_of > d,
        };
        let mut faults = Vec::new();
        let people: Vec<String> = r.person.iter().cloned().collect();
        let unit = if people.is_empty() {
            Some(r.unit.clone())
        } else {
            None
        };
        let mut push = |code: &str, t: NaiveDateTime, args: Args| {
            faults.push(
                Fault {
                    source: format!("publication {}", r.id),
                    code: code.into(),
                    severity: rules.severity(code),
                    at: t,
                    people: people.clone(),
                    unit: unit.clone(),
                    events: vec![r.id.clone()],
                    text: String::new(),
                    args: Args::new()
                        .with("decision", Arg::Text(r.decision.clone()))
                        .extend(args),
                    message_code: None,
                }
                .written(),
            );
        };
        if let (true, Some(due)) = (late, due) {
            push(
                "publication.late",
                due,
                Args::new()
                    .with("decided", Arg::Time(r.decided_at))
                    .with("due", Arg::Time(due))
                    .with("limit", Arg::from(within)),
            );
        }
        if let Some(t) = published {
            if r.profile.is_none() {
                push(
                    "publication.unmasked",
                    t,
                    Args::new().with("at", Arg::Time(t)),
                );
            }
        }
        let revision = known(r.revoked_at).or(known(r.changed_at));
        let revision_due = match revision {
            Some(t) => rules.due_by(t, p.revise_within, as_of, &at)?,
            None => None,
        };
        let revised = known(r.revised_at);
        if let (Some(d), Some(_)) = (revision_due, published) {
            let late = match revised {
                Some(t) => t > d,
                None => as_of > d,
            };
            if late {
                push(
                    "publication.revision_late",
                    d,
                    Args::new()
                        .with(
                            "state",
                            Arg::Select(if known(r.revoked_at).is_some() {
                                "revoked"
                            } else {
                                "changed"
                            }),
                        )
                        .with("due", Arg::Time(d)),
                );
            }
        }
        // The display period counts from the decision date (发改办财金〔2019〕527号: 自行政处罚
        // 决定之日起), so a late publication does not keep a penalty up longer.
        let display_until = p
            .display_years
            .get(&r.kind)
            .map(|y| add_years(r.decided_at, *y));
        let removed = known(r.removed_at);
        if let (Some(end), Some(_)) = (display_until, published) {
            let overrun = match removed {
                Some(t) => t > end,
                None => as_of > end && known(r.revoked_at).is_none(),
            };
            if overrun {
                push(
                    "publication.display_overrun",
                    end,
                    Args::new().with("until", Arg::Time(end)),
                );
            }
        }
        let state = if known(r.revoked_at).is_some() {
            PublicationState::Withdrawn
        } else if published.is_none() {
            if late {
                PublicationState::Overdue
            } else {
                PublicationState::Pending
            }
        } else if removed.is_some() || display_until.is_some_and(|e| as_of >= e) {
            PublicationState::Expired
        } else {
            PublicationState::OnDisplay
        };
        let down = matches!(
            state,
            PublicationState::Withdrawn | PublicationState::Expired
        );
        let record = if r.record.is_empty() || down {
            None
        } else {
            let policy = crate::mask::MaskPolicy::shipped();
            let profile = match r.profile.as_deref() {
                Some(p) if policy.profiles.contains_key(p) => p,
                _ => "court",
            };
            Some(
                crate::mask::mask_record(&r.record, policy, profile)
                    .map_err(|e| OrgError::new(e.code, format!("{at}.record"), e.message))?,
            )
        };
        let row = RegisterRow {
            id: r.id.clone(),
            decision: r.decision.clone(),
            case: r.case.clone(),
            kind: r.kind,
            unit: r.unit.clone(),
            decided_at: r.decided_at,
            due,
            published_at: published,
            late,
            profile: r.profile.clone(),
            masked_labels: r
                .masked
                .iter()
                .map(|m| {
                    let (field, kind) = m.split_once('.').unwrap_or((m.as_str(), ""));
                    // `party.name`: the field `party` as labelled; `party.id_number` on a field
                    // of another kind: its label and the kind (当事人身份证号码).
                    let f = r.record.iter().find(|f| f.field == field);
                    let label = |f: &crate::mask::RecordField| {
                        f.label.clone().unwrap_or_else(|| field_name(&f.kind))
                    };
                    match f {
                        Some(f) if kind.is_empty() || f.kind == kind => label(f),
                        Some(f) => format!("{}{}", label(f), field_name(kind)),
                        None if kind.is_empty() => m.clone(),
                        None => field_name(kind),
                    }
                })
                .collect(),
            masked: r.masked.clone(),
            record,
            revision_due,
            revised_at: revised,
            display_until,
            state,
            findings: faults.iter().map(|f| f.code.clone()).collect(),
        };
        out.push((row, faults));
    }
    Ok(out)
}

/// The catalogue's Chinese name of a kind of record field (姓名, 身份证号码).
fn field_name(kind: &str) -> String {
    crate::messages::Messages::shipped().name(crate::messages::Lang::Zh, "field", kind)
}

/// The register of published results at `as_of` (公开办事结果): per decision its due, when it
/// went online, under which masking profile, revision dues, display end, state and findings.
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// use efficiency_core::disclosure::publication_register;
/// let as_of = "2026-12-31T23:59:00".parse().expect("a time");
/// let register = publication_register(&org, &act.disclosure(), &rules.disclosure(), as_of)?;
/// assert_eq!(register.len(), act.disclosure().publications.len());
/// # Ok::<(), efficiency_core::org::OrgError>(())
/// ```
pub fn publication_register(
    org: &Organisation,
    act: &DisclosureRecords<'_>,
    rules: &DisclosureRules<'_>,
    as_of: NaiveDateTime,
) -> Result<Vec<RegisterRow>, OrgError> {
    Ok(judge_register(org, act, rules, as_of)?
        .into_iter()
        .map(|(r, _)| r)
        .collect())
}

// ---------------------------------------------------------------------------------------------
// Ratings summary

/// Ratings per unit with their denominators (the rater is never shown).
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// let summary = act.ratings_summary(&org, &rules, "2026-12-31T23:59:00".parse().expect("a time"))?;
/// let affairs = summary.iter().find(|r| r.unit == "affairs").expect("rated");
/// assert_eq!((affairs.counted, affairs.bad, affairs.bad_rate), (2, 1, Some(0.5)));
/// # Ok::<(), efficiency_core::org::OrgError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RatingsRow {
    /// Unit id, or `all`.
    pub unit: String,
    /// Ratings in the log up to the moment.
    pub logged: u32,
    /// Excluded by an upheld appeal (kept in the log, not counted).
    pub excluded: u32,
    /// Appeals not decided yet (counted meanwhile).
    pub appeals_pending: u32,
    /// Counted ratings: `logged - excluded`.
    pub counted: u32,
    /// Counted ratings by score, 1 to 5.
    pub by_score: [u32; 5],
    /// 非常满意 and 满意 (5, 4).
    pub good: u32,
    /// 不满意 and 非常不满意 (2, 1).
    pub bad: u32,
    /// `bad / counted` (none when nothing is counted).
    pub bad_rate: Option<f64>,
    /// Bad ratings by a named rater (they must be called back).
    pub named_bad: u32,
    /// Named bad ratings called back, or past their call-back due, by the moment.
    pub call_backs_due: u32,
    /// Of those, called back by their due.
    pub called_back_on_time: u32,
    /// `called_back_on_time / call_backs_due`.
    pub call_back_rate: Option<f64>,
    /// Bad ratings fixed, or past their fix due, by the moment.
    pub fixes_due: u32,
    /// Of those, fixed by their due.
    pub fixed_on_time: u32,
    /// `fixed_on_time / fixes_due`.
    pub fix_rate: Option<f64>,
}

impl RatingsRow {
    fn new(unit: &str) -> Self {
        RatingsRow {
            unit: unit.into(),
            logged: 0,
            excluded: 0,
            appeals_pending: 0,
            counted: 0,
            by_score: [0; 5],
            good: 0,
            bad: 0,
            bad_rate: None,
            named_bad: 0,
            call_backs_due: 0,
            called_back_on_time: 0,
            call_back_rate: None,
            fixes_due: 0,
            fixed_on_time: 0,
            fix_rate: None,
        }
    }

    fn rates(&mut self) {
        let rate = |n: u32, d: u32| (d > 0).then(|| f64::from(n) / f64::from(d));
        self.bad_rate = rate(self.bad, self.counted);
        self.call_back_rate = rate(self.called_back_on_time, self.call_backs_due);
        self.fix_rate = rate(self.fixed_on_time, self.fixes_due);
    }
}

/// How one rating stands at a moment (shared by the faults and the summary).
pub(crate) struct RatingJudgement {
    /// A named bad rating, counted.
    pub named_bad: bool,
    /// Excluded by an upheld appeal decided by the moment.
    pub excluded: bool,
    /// An appeal not decided by the moment.
    pub appeal_pending: bool,
    /// The call-back due (named bad ratings; none past the calendar's last year).
    pub call_back_due: Option<NaiveDateTime>,
    /// Called back by the due (None: not yet due and not done).
    pub called_back_on_time: Option<bool>,
    /// The fix due (bad ratings).
    pub fix_due: Option<NaiveDateTime>,
    /// Fixed by the due (None: not yet due and not done).
    pub fixed_on_time: Option<bool>,
}

/// Judges one rating at `as_of`; `at` names it in errors.
pub(crate) fn judge_rating(
    r: &Rating,
    rules: &DisclosureRules<'_>,
    as_of: NaiveDateTime,
    at: &str,
) -> Result<RatingJudgement, OrgError> {
    let known = |t: Option<NaiveDateTime>| t.filter(|t| *t <= as_of);
    let decided = r
        .appeal
        .as_ref()
        .filter(|a| known(a.decided_at).is_some() && a.outcome != AppealOutcome::Pending);
    let excluded = decided.is_some_and(|a| a.outcome == AppealOutcome::Upheld);
    let appeal_pending = r.appeal.is_some() && decided.is_none();
    let mut j = RatingJudgement {
        named_bad: r.named && r.score <= 2 && !excluded,
        excluded,
        appeal_pending,
        call_back_due: None,
        called_back_on_time: None,
        fix_due: None,
        fixed_on_time: None,
    };
    if r.score > 2 || excluded {
        return Ok(j);
    }
    let on_time = |done: Option<NaiveDateTime>, due: NaiveDateTime| match done {
        Some(t) => Some(t <= due),
        None if as_of > due => Some(false),
        None => None,
    };
    if r.named {
        let done = known(r.called_back_at.or(r.followed_up_at).or(r.fixed_at));
        j.call_back_due = rules.due_by(r.at, rules.rating_call_back, as_of, at)?;
        j.called_back_on_time = match j.call_back_due {
            Some(due) => on_time(done, due),
            None => done.map(|_| true),
        };
    }
    let done = known(r.fixed_at.or(r.followed_up_at));
    j.fix_due = rules.due_by(r.at, rules.rating_fix, as_of, at)?;
    j.fixed_on_time = match j.fix_due {
        Some(due) => on_time(done, due),
        None => done.map(|_| true),
    };
    Ok(j)
}

/// The ratings summary at `as_of` per unit, then `all` (好差评 with denominators): ratings in
/// the log, excluded by upheld appeals, counted, by score, the bad rate, named bad ratings
/// called back on time, bad ratings fixed by their due.
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// use efficiency_core::disclosure::ratings_summary;
/// let as_of = "2026-12-31T23:59:00".parse().expect("a time");
/// let summary = ratings_summary(&org, &act.disclosure(), &rules.disclosure(), as_of)?;
/// assert!(summary.iter().all(|r| r.counted <= r.logged));
/// # Ok::<(), efficiency_core::org::OrgError>(())
/// ```
pub fn ratings_summary(
    org: &Organisation,
    act: &DisclosureRecords<'_>,
    rules: &DisclosureRules<'_>,
    as_of: NaiveDateTime,
) -> Result<Vec<RatingsRow>, OrgError> {
    let mut rows: std::collections::BTreeMap<String, RatingsRow> = Default::default();
    let mut all = RatingsRow::new("all");
    for (i, r) in act
        .ratings
        .iter()
        .enumerate()
        .filter(|(_, r)| r.at <= as_of)
    {
        let at = format!("ratings[{i}] ({})", r.id);
        check_rating(org, r, &at)?;
        let j = judge_rating(r, rules, as_of, &at)?;
        let row = rows
            .entry(r.unit.clone())
            .or_insert_with(|| RatingsRow::new(&r.unit));
        for x in [&mut *row, &mut all] {
            x.logged += 1;
            if j.excluded {
                x.excluded += 1;
                continue;
            }
            x.appeals_pending += u32::from(j.appeal_pending);
            x.counted += 1;
            x.by_score[usize::from(r.score) - 1] += 1;
            x.good += u32::from(r.score >= 4);
            x.bad += u32::from(r.score <= 2);
            x.named_bad += u32::from(j.named_bad);
            if let Some(ok) = j.called_back_on_time {
                x.call_backs_due += 1;
                x.called_back_on_time += u32::from(ok);
            }
            if let Some(ok) = j.fixed_on_time {
                x.fixes_due += 1;
                x.fixed_on_time += u32::from(ok);
            }
        }
    }
    let mut out: Vec<RatingsRow> = rows.into_values().collect();
    out.push(all);
    for r in &mut out {
        r.rates();
    }
    Ok(out)
}

/// A service rating (好差评): 5 非常满意 … 1 非常不满意; 1 and 2 are bad and must be followed up.
///
/// ```
/// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
/// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
/// let r1 = &act.disclosure().ratings[0];
/// assert_eq!((r1.id.as_str(), r1.score, r1.unit.as_str()), ("R1", 1, "social_org"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// Id.
    pub id: String,
    /// When.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub at: NaiveDateTime,
    /// 1 to 5.
    pub score: u8,
    /// The unit rated.
    pub unit: String,
    /// The person rated, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The case, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// When the bad rating was called back and fixed, as one record (older logs).
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub followed_up_at: Option<NaiveDateTime>,
    /// A named rating (实名): a bad one must be called back. The rater's identity is never
    /// part of this record nor of anything published.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub named: bool,
    /// When a named bad rating was called back (回访核实).
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub called_back_at: Option<NaiveDateTime>,
    /// When the problem behind a bad rating was fixed (整改).
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub fixed_at: Option<NaiveDateTime>,
    /// An appeal against the rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal: Option<Appeal>,
}

/// The outcome of an appeal against a rating.
///
/// ```
/// use efficiency_core::disclosure::AppealOutcome;
/// let o: AppealOutcome = serde_json::from_str(r#""upheld""#)?;
/// assert_eq!(o, AppealOutcome::Upheld);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppealOutcome {
    /// Not decided yet (the rating counts meanwhile).
    Pending,
    /// A mistaken or malicious rating: excluded from the counts, kept in the log.
    Upheld,
    /// The rating stands.
    Rejected,
}

/// An appeal (申诉复核) against a rating.
///
/// ```
/// use efficiency_core::disclosure::Appeal;
/// use efficiency_core::disclosure::AppealOutcome;
/// let a: Appeal = serde_json::from_str(r#"{"at": "2026-10-10T09:00:00", "outcome": "pending", "reason": "left before the end"}"#)?;
/// assert_eq!((a.outcome, a.decided_at), (AppealOutcome::Pending, None));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Appeal {
    /// When it was lodged.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub at: NaiveDateTime,
    /// Outcome.
    pub outcome: AppealOutcome,
    /// When it was decided.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub decided_at: Option<NaiveDateTime>,
    /// Why.
    #[serde(default)]
    pub reason: String,
}

/// Checks a rating's score, unit, person and appeal; `at` names it.
pub(crate) fn check_rating(org: &Organisation, r: &Rating, at: &str) -> Result<(), OrgError> {
    let bad = |path: String, message: String| OrgError::new("activity.invalid", path, message);
    if !(1..=5).contains(&r.score) {
        return Err(bad(
            format!("{at}.score"),
            format!("{} is not a score from 1 to 5", r.score),
        ));
    }
    org.known_unit(&r.unit, format!("{at}.unit"))?;
    if let Some(p) = &r.person {
        org.known_person(p, format!("{at}.person"))?;
    }
    if let Some(a) = &r.appeal {
        if a.at < r.at {
            return Err(bad(
                format!("{at}.appeal.at"),
                format!("{} is before the rating {}", a.at, r.at),
            ));
        }
        match (a.outcome, a.decided_at) {
            (AppealOutcome::Pending, Some(_)) => {
                return Err(bad(
                    format!("{at}.appeal.decided_at"),
                    "a pending appeal has no decision time".into(),
                ))
            }
            (AppealOutcome::Upheld | AppealOutcome::Rejected, None) => {
                return Err(bad(
                    format!("{at}.appeal.decided_at"),
                    "missing for a decided appeal".into(),
                ))
            }
            (_, Some(d)) if d < a.at => {
                return Err(bad(
                    format!("{at}.appeal.decided_at"),
                    format!("{d} is before the appeal {}", a.at),
                ))
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::activity::{Activity, ActivityRules};
    use crate::org::Organisation;

    /// What the public reads of a decision: its fields labelled as the bureau labels them, what
    /// was masked named the same way, and nothing once it is withdrawn or its display ends.
    #[test]
    fn a_published_record_is_labelled_and_comes_down_when_its_display_ends() {
        let (org, act, rules) = (
            Organisation::sample(),
            Activity::sample(),
            ActivityRules::default(),
        );
        let at = |s: &str| s.parse().expect("a time");
        let on = act
            .publication_register(&org, &rules, at("2026-05-06T10:00:00"))
            .unwrap();
        let p1 = on.iter().find(|r| r.id == "P1").unwrap();
        assert_eq!(p1.masked_labels, ["当事人", "当事人身份证号码"]);
        let record = p1.record.as_ref().expect("on display");
        assert_eq!(record.labels[0], "当事人");
        assert_eq!(record.fields[0].1, "张某");
        let later = act
            .publication_register(&org, &rules, at("2026-11-04T10:00:00"))
            .unwrap();
        let p1 = later.iter().find(|r| r.id == "P1").unwrap();
        assert_eq!(p1.state, super::PublicationState::Expired);
        assert!(p1.record.is_none());
        let p3 = later.iter().find(|r| r.id == "P3").unwrap();
        assert_eq!(p3.state, super::PublicationState::Withdrawn);
        assert!(p3.record.is_none());
    }
}
