//! Conduct rules (六不准), efficiency complaints (效能投诉) and service ratings (好差评), turned
//! into faults for accountability (docs/domain.md §8, §9). All rule numbers are data.
//!
//! ```
//! use efficiency_core::activity::{Activity, ActivityRules};
//! use efficiency_core::org::Organisation;
//! let faults = Activity::sample().faults(&Organisation::sample(), &ActivityRules::default(), "2026-12-31T00:00:00".parse().unwrap())?;
//! let codes: Vec<_> = faults.iter().map(|f| f.code.as_str()).collect();
//! assert!(codes.contains(&"conduct.absence") && codes.contains(&"complaint.substantiated"));
//! # Ok::<(), efficiency_core::org::OrgError>(())
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::accountability::Fault;
use crate::calendar::Calendar;
use crate::case::Severity;
use crate::clock::TimeLimit;
use crate::disclosure::{
    Absence, Publication, PublicationRules, WhereaboutsEntry, WhereaboutsRules,
};
use crate::messages::{Arg, Args};
use crate::org::{OrgError, Organisation};

/// One conduct rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConductRule {
    /// Finding code, e.g. `conduct.absence`.
    pub code: String,
    /// English name.
    pub name: String,
    /// Chinese name.
    #[serde(default)]
    pub name_zh: String,
    /// Default severity.
    pub severity: Severity,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct ConductDoc {
    format: String,
    #[serde(default)]
    source: Option<String>,
    rules: Vec<ConductRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct ComplaintDoc {
    format: String,
    #[serde(default)]
    source: Option<String>,
    acceptance_limit: TimeLimit,
    transfer_limit: TimeLimit,
    investigation_limit: TimeLimit,
    reply_limit: TimeLimit,
    reply_extension: TimeLimit,
    rating_follow_up: TimeLimit,
    /// Named bad ratings are called back within this limit (local default: 1 workday).
    rating_call_back: TimeLimit,
    #[serde(default)]
    whereabouts: WhereaboutsRules,
    #[serde(default)]
    publication: PublicationRules,
    severities: BTreeMap<String, Severity>,
}

/// The default six prohibitions.
pub const CONDUCT_RULES_JSON: &str = include_str!("../data/rules/conduct.json");
/// The default complaint and rating limits.
pub const COMPLAINT_RULES_JSON: &str = include_str!("../data/rules/complaints.json");
/// The sample bureau's incidents, complaints and ratings.
pub const SAMPLE_ACTIVITY_JSON: &str = include_str!("../data/sample/activity.json");

/// Complaint, rating and disclosure fault codes (from [`crate::catalog::ACTIVITY_CATALOG`]).
pub const COMPLAINT_CODES: &[&str] = crate::catalog::ActivityCode::NAMES;

/// Conduct rules and complaint/rating limits, with the calendar their limits count on.
#[derive(Debug, Clone)]
pub struct ActivityRules {
    /// The conduct list (replaceable by a locality's own).
    pub conduct: Vec<ConductRule>,
    acceptance_limit: TimeLimit,
    transfer_limit: TimeLimit,
    investigation_limit: TimeLimit,
    reply_limit: TimeLimit,
    reply_extension: TimeLimit,
    rating_follow_up: TimeLimit,
    rating_call_back: TimeLimit,
    whereabouts: WhereaboutsRules,
    publication: PublicationRules,
    case_publication: TimeLimit,
    severities: BTreeMap<String, Severity>,
    /// The calendar limits count on.
    pub calendar: Calendar,
    /// Office hours and the end of a counted day for the activity's limits (a bureau's
    /// settings; default [`ClockConfig::default`]).
    pub clock_config: crate::clock::ClockConfig,
}

fn json_err(e: serde_json::Error) -> OrgError {
    let (at, m) = crate::json::error_parts(&e);
    OrgError::new("activity.invalid", at, m)
}

impl Default for ActivityRules {
    fn default() -> Self {
        ActivityRules::from_json(CONDUCT_RULES_JSON, COMPLAINT_RULES_JSON, Calendar::china())
            .expect("shipped rules are valid")
    }
}

impl ActivityRules {
    /// Rules as a binding is given them: each document defaulting to the shipped one
    /// ([`CONDUCT_RULES_JSON`], [`COMPLAINT_RULES_JSON`]), the calendar (for complaint limits
    /// in workdays) to China's.
    ///
    /// ```
    /// use efficiency_core::activity::ActivityRules;
    /// let shipped = ActivityRules::from_parts(None, None, None)?;
    /// assert!(shipped.conduct.iter().any(|r| r.code.starts_with("conduct.")));
    /// let bad = ActivityRules::from_parts(Some("{}"), None, None).unwrap_err();
    /// assert_eq!(bad.code, "activity.invalid");
    /// # Ok::<(), efficiency_core::org::OrgError>(())
    /// ```
    pub fn from_parts(
        conduct_json: Option<&str>,
        complaint_json: Option<&str>,
        calendar: Option<Calendar>,
    ) -> Result<Self, OrgError> {
        ActivityRules::from_json(
            conduct_json.unwrap_or(CONDUCT_RULES_JSON),
            complaint_json.unwrap_or(COMPLAINT_RULES_JSON),
            calendar.unwrap_or_else(Calendar::china),
        )
    }

    /// Rules from a conduct list (`efficiency.conduct/1`) and complaint limits
    /// (`efficiency.complaint-rules/1`). Conduct codes start with `conduct.` and are unique;
    /// every complaint code needs a severity and no other code is allowed.
    pub fn from_json(
        conduct_json: &str,
        complaint_json: &str,
        calendar: Calendar,
    ) -> Result<Self, OrgError> {
        crate::limits::document(conduct_json, "conduct rules")?;
        crate::limits::document(complaint_json, "complaint rules")?;
        let c: ConductDoc = serde_json::from_str(conduct_json).map_err(json_err)?;
        let k: ComplaintDoc = serde_json::from_str(complaint_json).map_err(json_err)?;
        let bad = |path: String, message: String| OrgError::new("activity.invalid", path, message);
        if c.format != "efficiency.conduct/1" {
            return Err(bad(
                "format".into(),
                format!("expected \"efficiency.conduct/1\", found {:?}", c.format),
            ));
        }
        if k.format != "efficiency.complaint-rules/1" {
            return Err(bad(
                "format".into(),
                format!(
                    "expected \"efficiency.complaint-rules/1\", found {:?}",
                    k.format
                ),
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        for (i, r) in c.rules.iter().enumerate() {
            if !r.code.starts_with("conduct.") || r.code.len() <= "conduct.".len() {
                return Err(bad(
                    format!("rules[{i}].code"),
                    format!("{:?} must look like conduct.<name>", r.code),
                ));
            }
            if !seen.insert(r.code.clone()) {
                return Err(bad(
                    format!("rules[{i}].code"),
                    format!("duplicate code {:?}", r.code),
                ));
            }
        }
        for code in k.severities.keys() {
            if !COMPLAINT_CODES.contains(&code.as_str()) {
                return Err(bad(
                    format!("severities.{code}"),
                    "unknown finding code".into(),
                ));
            }
        }
        // A code left out keeps the catalog's default severity.
        let mut severities = k.severities;
        for f in crate::catalog::ACTIVITY_CATALOG {
            severities.entry(f.code.to_string()).or_insert(f.severity);
        }
        if !c.rules.iter().any(|r| r.code == k.whereabouts.absence_rule) {
            return Err(bad(
                "whereabouts.absence_rule".into(),
                format!(
                    "{:?} is not in the conduct list",
                    k.whereabouts.absence_rule
                ),
            ));
        }
        if k.whereabouts.post_from_minutes == 0 {
            return Err(bad(
                "whereabouts.post_from_minutes".into(),
                "must be at least 1".into(),
            ));
        }
        Ok(ActivityRules {
            conduct: c.rules,
            acceptance_limit: k.acceptance_limit,
            transfer_limit: k.transfer_limit,
            investigation_limit: k.investigation_limit,
            reply_limit: k.reply_limit,
            reply_extension: k.reply_extension,
            rating_follow_up: k.rating_follow_up,
            rating_call_back: k.rating_call_back,
            whereabouts: k.whereabouts,
            publication: k.publication,
            case_publication: crate::case::FindingRules::default().publication,
            severities,
            calendar,
            clock_config: crate::clock::ClockConfig::default(),
        })
    }

    /// The same rules counting their limits with a bureau's office settings.
    pub fn with_clock_config(mut self, config: crate::clock::ClockConfig) -> Self {
        self.clock_config = config;
        self
    }

    /// The whereabouts rules.
    pub fn whereabouts(&self) -> &WhereaboutsRules {
        &self.whereabouts
    }

    /// The publication rules.
    pub fn publication(&self) -> &PublicationRules {
        &self.publication
    }

    /// The register's publication limit: the rules' own, else the case rules' (`findings`).
    pub fn publish_within(&self) -> TimeLimit {
        self.publication
            .publish_within
            .unwrap_or(self.case_publication)
    }

    /// The same rules, with `limit` as the case rules' publication limit (a review passes the
    /// bureau's own, so a case's result and the register read one number).
    pub fn with_case_publication(mut self, limit: TimeLimit) -> Self {
        self.case_publication = limit;
        self
    }

    /// The limit to fix a bad rating (and to call back, before `rating_call_back` existed).
    pub fn rating_fix(&self) -> TimeLimit {
        self.rating_follow_up
    }

    /// The limit to call back a named bad rating.
    pub fn rating_call_back(&self) -> TimeLimit {
        self.rating_call_back
    }

    /// The severity of an activity finding code (every code has one: the catalog's default fills
    /// what the rule table leaves out).
    pub(crate) fn severity(&self, code: &str) -> Severity {
        self.severities[code]
    }

    /// The disclosure rules' view of these rules.
    pub fn disclosure(&self) -> crate::disclosure::DisclosureRules<'_> {
        self.into()
    }

    /// The due of `limit` from `from` judged at `as_of` ([`crate::disclosure::DisclosureRules::due_by`]).
    pub(crate) fn due_by(
        &self,
        from: NaiveDateTime,
        limit: TimeLimit,
        as_of: NaiveDateTime,
        at: &str,
    ) -> Result<Option<NaiveDateTime>, OrgError> {
        self.disclosure().due_by(from, limit, as_of, at)
    }
}

impl<'a> From<&'a ActivityRules> for crate::disclosure::DisclosureRules<'a> {
    fn from(r: &'a ActivityRules) -> Self {
        let absence = r
            .conduct
            .iter()
            .find(|c| c.code == r.whereabouts.absence_rule)
            .expect("checked when the rules were read");
        crate::disclosure::DisclosureRules {
            calendar: &r.calendar,
            clock_config: &r.clock_config,
            whereabouts: &r.whereabouts,
            publication: &r.publication,
            publish_within: r.publish_within(),
            rating_fix: r.rating_follow_up,
            rating_call_back: r.rating_call_back,
            absence_rule: crate::disclosure::AbsenceRule {
                code: &absence.code,
                severity: absence.severity,
                name: &absence.name,
                name_zh: &absence.name_zh,
            },
            severities: &r.severities,
        }
    }
}

impl<'a> From<&'a Activity> for crate::disclosure::DisclosureRecords<'a> {
    fn from(a: &'a Activity) -> Self {
        crate::disclosure::DisclosureRecords {
            whereabouts: &a.whereabouts,
            absences: &a.absences,
            publications: &a.publications,
            ratings: &a.ratings,
        }
    }
}

/// Where an incident was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IncidentSource {
    /// Attendance records.
    Attendance,
    /// An inspection.
    Inspection,
    /// A substantiated complaint.
    Complaint,
}

/// A breach of a conduct rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// Id.
    pub id: String,
    /// When.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub at: NaiveDateTime,
    /// Who.
    pub person: String,
    /// Conduct rule code.
    pub rule: String,
    /// Where it was seen.
    pub source: IncidentSource,
    /// What happened.
    pub description: String,
    /// A severity other than the rule's default, when the facts call for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
}

/// How a complaint reached the bureau.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ComplaintChannel {
    /// The complaint hotline.
    Hotline,
    /// The web.
    Web,
    /// A letter.
    Letter,
}

crate::names!(ComplaintChannel {
    Hotline => "hotline",
    Web => "web",
    Letter => "letter",
});

/// What a complaint is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ComplaintAbout {
    /// The unit.
    pub unit: String,
    /// The person, if named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The case, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
}

/// The outcome of an investigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ComplaintOutcome {
    /// 属实.
    Substantiated,
    /// 部分属实.
    PartlySubstantiated,
    /// 不属实.
    Unfounded,
}

/// An efficiency complaint and how it was handled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    /// Id.
    pub id: String,
    /// When it arrived.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub received_at: NaiveDateTime,
    /// How.
    pub channel: ComplaintChannel,
    /// About whom.
    pub about: ComplaintAbout,
    /// Who handles it (the office).
    pub handler: String,
    /// When it was accepted for investigation.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub accepted_at: Option<NaiveDateTime>,
    /// When it was handed to the unit concerned for investigation.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub transferred_at: Option<NaiveDateTime>,
    /// When the investigation was finished (the outcome established).
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub investigated_at: Option<NaiveDateTime>,
    /// When it was declined (with reasons) instead.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub declined_at: Option<NaiveDateTime>,
    /// When an extension of the reply limit was approved.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub extension_approved_at: Option<NaiveDateTime>,
    /// The outcome, once investigated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ComplaintOutcome>,
    /// When the complainant got the reply.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub replied_at: Option<NaiveDateTime>,
    /// Short summary.
    #[serde(default)]
    pub summary: String,
}

pub use crate::disclosure::{Appeal, AppealOutcome, Rating};

/// A period's incidents, complaints and ratings (`efficiency.activity/1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// `efficiency.activity/1`.
    pub format: String,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Conduct incidents.
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// Complaints.
    #[serde(default)]
    pub complaints: Vec<Complaint>,
    /// Service ratings.
    #[serde(default)]
    pub ratings: Vec<Rating>,
    /// Staff whereabouts entries (去向登记).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub whereabouts: Vec<WhereaboutsEntry>,
    /// Absences seen by attendance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absences: Vec<Absence>,
    /// Decisions and their publication (the register).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publications: Vec<Publication>,
}

impl Default for Activity {
    /// No incidents, complaints or ratings.
    fn default() -> Self {
        Activity {
            format: "efficiency.activity/1".into(),
            source: None,
            incidents: Vec::new(),
            complaints: Vec::new(),
            ratings: Vec::new(),
            whereabouts: Vec::new(),
            absences: Vec::new(),
            publications: Vec::new(),
        }
    }
}

impl Activity {
    /// The disclosure records' view of this activity (whereabouts, absences, the register,
    /// ratings).
    pub fn disclosure(&self) -> crate::disclosure::DisclosureRecords<'_> {
        self.into()
    }

    /// The whereabouts board at `at` ([`crate::disclosure::whereabouts_board`]).
    ///
    /// ```
    /// use efficiency_core::{activity::Activity, org::Organisation};
    /// let (org, act) = (Organisation::sample(), Activity::sample());
    /// let board = act.whereabouts_board(&org, "2026-11-04T10:00:00".parse().unwrap())?;
    /// assert_eq!(board.len(), org.people.len());
    /// # Ok::<(), efficiency_core::org::OrgError>(())
    /// ```
    pub fn whereabouts_board(
        &self,
        org: &Organisation,
        at: NaiveDateTime,
    ) -> Result<Vec<crate::disclosure::WhereaboutsRow>, OrgError> {
        crate::disclosure::whereabouts_board(org, &self.disclosure(), at)
    }

    /// The whereabouts board at `at` under `rules`' calendar and office hours: on a rest day or
    /// outside office hours, a person with no entry is shown off duty, not at post.
    ///
    /// ```
    /// use efficiency_core::{activity::{Activity, ActivityRules}, org::Organisation};
    /// let (org, act, rules) = (Organisation::sample(), Activity::sample(), ActivityRules::default());
    /// let night = act.whereabouts_board_with(&org, &rules, "2026-11-04T20:00:00".parse().unwrap())?;
    /// assert!(night.iter().any(|r| r.status_zh == "非工作时间"));
    /// # Ok::<(), efficiency_core::org::OrgError>(())
    /// ```
    pub fn whereabouts_board_with(
        &self,
        org: &Organisation,
        rules: &ActivityRules,
        at: NaiveDateTime,
    ) -> Result<Vec<crate::disclosure::WhereaboutsRow>, OrgError> {
        crate::disclosure::whereabouts_board_on_duty(
            org,
            &self.disclosure(),
            at,
            Some((&rules.calendar, &rules.clock_config.office_hours)),
        )
    }

    /// The ratings summary at `as_of` ([`crate::disclosure::ratings_summary`]).
    pub fn ratings_summary(
        &self,
        org: &Organisation,
        rules: &ActivityRules,
        as_of: NaiveDateTime,
    ) -> Result<Vec<crate::disclosure::RatingsRow>, OrgError> {
        crate::disclosure::ratings_summary(org, &self.disclosure(), &rules.disclosure(), as_of)
    }

    /// The register of published results at `as_of` ([`crate::disclosure::publication_register`]).
    pub fn publication_register(
        &self,
        org: &Organisation,
        rules: &ActivityRules,
        as_of: NaiveDateTime,
    ) -> Result<Vec<crate::disclosure::RegisterRow>, OrgError> {
        crate::disclosure::publication_register(org, &self.disclosure(), &rules.disclosure(), as_of)
    }

    /// The sample bureau's activity.
    pub fn sample() -> Activity {
        Activity::from_json(SAMPLE_ACTIVITY_JSON).expect("shipped activity is valid")
    }

    /// Activity from JSON (unknown fields rejected).
    pub fn from_json(text: &str) -> Result<Activity, OrgError> {
        crate::limits::document(text, "activity")?;
        let a: Activity = serde_json::from_str(text).map_err(json_err)?;
        if a.format != "efficiency.activity/1" {
            return Err(OrgError::new(
                "activity.invalid",
                "format",
                format!("expected \"efficiency.activity/1\", found {:?}", a.format),
            ));
        }
        Ok(a)
    }

    /// The faults at `as_of`: conduct incidents; complaints decided or answered late (or not
    /// yet, past their limits); substantiated complaints against the person or unit; bad
    /// ratings not followed up in time. Unknown people, units or rules are errors naming the
    /// record.
    pub fn faults(
        &self,
        org: &Organisation,
        rules: &ActivityRules,
        as_of: NaiveDateTime,
    ) -> Result<Vec<Fault>, OrgError> {
        let mut out = Vec::new();
        let bad = |path: String, message: String| OrgError::new("activity.invalid", path, message);
        let person = |id: &str, path: String| org.known_person(id, path).map(|_| ());
        let unit = |id: &str, path: String| org.known_unit(id, path).map(|_| ());
        for (i, inc) in self
            .incidents
            .iter()
            .enumerate()
            .filter(|(_, x)| x.at <= as_of)
        {
            let at = format!("incidents[{i}] ({})", inc.id);
            person(&inc.person, format!("{at}.person"))?;
            let rule = rules
                .conduct
                .iter()
                .find(|r| r.code == inc.rule)
                .ok_or_else(|| {
                    bad(
                        format!("{at}.rule"),
                        format!("unknown conduct rule {:?}", inc.rule),
                    )
                })?;
            out.push(
                Fault {
                    source: format!("conduct {}", inc.id),
                    code: rule.code.clone(),
                    severity: inc.severity.unwrap_or(rule.severity),
                    at: inc.at,
                    people: vec![inc.person.clone()],
                    unit: None,
                    events: vec![inc.id.clone()],
                    text: String::new(),
                    args: Args::new()
                        .with("rule", Arg::Text(rule.name.clone()))
                        .with("rule_zh", Arg::Text(rule.name_zh.clone()))
                        .with(
                            "description",
                            Arg::Text(crate::mask::for_staff(&inc.description)),
                        ),
                    message_code: Some("conduct.incident".into()),
                }
                .written(),
            );
        }
        for (i, c) in self
            .complaints
            .iter()
            .enumerate()
            .filter(|(_, x)| x.received_at <= as_of)
        {
            let at = format!("complaints[{i}] ({})", c.id);
            unit(&c.about.unit, format!("{at}.about.unit"))?;
            if let Some(p) = &c.about.person {
                person(p, format!("{at}.about.person"))?;
            }
            person(&c.handler, format!("{at}.handler"))?;
            let seen = |t: Option<NaiveDateTime>| t.filter(|t| *t <= as_of);
            let decided = seen(c.accepted_at).or(seen(c.declined_at));
            let sev = |code: &str| rules.severity(code);
            // Late handling is the handler's fault.
            let handling_late = |code: &str, at: NaiveDateTime, args: Args| {
                Fault {
                    source: format!("complaint {}", c.id),
                    code: code.into(),
                    severity: sev(code),
                    at,
                    people: vec![c.handler.clone()],
                    unit: None,
                    events: vec![c.id.clone()],
                    text: String::new(),
                    args: Args::new()
                        .with("complaint", Arg::Text(c.id.clone()))
                        .extend(args),
                    message_code: None,
                }
                .written()
            };
            // A due past the calendar's last year, asked inside it, is not due yet (`due_by`).
            let accept_due = rules.due_by(c.received_at, rules.acceptance_limit, as_of, &at)?;
            let late_decision = accept_due.and_then(|due| match decided {
                Some(d) => (d > due).then_some(d),
                None => (as_of > due).then_some(due),
            });
            if let (Some(_), Some(accept_due)) = (late_decision, accept_due) {
                out.push(handling_late(
                    "complaint.acceptance_late",
                    accept_due,
                    Args::new()
                        .with("received", Arg::Time(c.received_at))
                        .with("due", Arg::Time(accept_due)),
                ));
            }
            if let Some(acc) = seen(c.accepted_at) {
                // Transfer and investigation each run on their own clock from acceptance.
                for (code, limit, done) in [
                    (
                        "complaint.transfer_late",
                        rules.transfer_limit,
                        seen(c.transferred_at),
                    ),
                    (
                        "complaint.investigation_late",
                        rules.investigation_limit,
                        seen(c.investigated_at),
                    ),
                ] {
                    let Some(step_due) = rules.due_by(acc, limit, as_of, &at)? else {
                        continue;
                    };
                    let late = match done {
                        Some(d) => d > step_due,
                        // Not recorded: late only while nothing later shows it happened.
                        None => as_of > step_due && seen(c.replied_at).is_none(),
                    };
                    if late {
                        out.push(handling_late(
                            code,
                            step_due,
                            Args::new()
                                .with("accepted", Arg::Time(acc))
                                .with("due", Arg::Time(step_due)),
                        ));
                    }
                }
                let mut reply_due = rules.due_by(acc, rules.reply_limit, as_of, &at)?;
                if let Some(due) = reply_due {
                    if seen(c.extension_approved_at).is_some_and(|e| e <= due) {
                        reply_due = rules.due_by(due, rules.reply_extension, as_of, &at)?;
                    }
                }
                let late = match (seen(c.replied_at), reply_due) {
                    (_, None) => false,
                    (Some(r), Some(due)) => r > due,
                    (None, Some(due)) => as_of > due,
                };
                if let (true, Some(reply_due)) = (late, reply_due) {
                    out.push(handling_late(
                        "complaint.reply_late",
                        reply_due,
                        Args::new()
                            .with("accepted", Arg::Time(acc))
                            .with("due", Arg::Time(reply_due)),
                    ));
                }
                let outcome_at = seen(c.replied_at).unwrap_or(acc);
                let code = match c.outcome {
                    Some(ComplaintOutcome::Substantiated) if outcome_at <= as_of => {
                        Some("complaint.substantiated")
                    }
                    Some(ComplaintOutcome::PartlySubstantiated) if outcome_at <= as_of => {
                        Some("complaint.partly_substantiated")
                    }
                    _ => None,
                };
                if let Some(code) = code {
                    out.push(
                        Fault {
                            source: format!("complaint {}", c.id),
                            code: code.into(),
                            severity: sev(code),
                            at: outcome_at,
                            people: c.about.person.iter().cloned().collect(),
                            unit: Some(c.about.unit.clone()),
                            events: vec![c.id.clone()],
                            text: String::new(),
                            args: Args::new()
                                .with("complaint", Arg::Text(c.id.clone()))
                                .with("channel", Arg::Name("channel", c.channel.as_str()))
                                .with("summary", Arg::Text(crate::mask::for_staff(&c.summary))),
                            message_code: None,
                        }
                        .written(),
                    );
                }
            }
        }
        for (i, r) in self
            .ratings
            .iter()
            .enumerate()
            .filter(|(_, x)| x.at <= as_of)
        {
            let at = format!("ratings[{i}] ({})", r.id);
            crate::disclosure::check_rating(org, r, &at)?;
            let j = crate::disclosure::judge_rating(r, &rules.disclosure(), as_of, &at)?;
            let mut push = |code: &str, due: NaiveDateTime| {
                out.push(
                    Fault {
                        source: format!("rating {}", r.id),
                        code: code.into(),
                        severity: rules.severity(code),
                        at: due,
                        people: Vec::new(),
                        unit: Some(r.unit.clone()),
                        events: vec![r.id.clone()],
                        text: String::new(),
                        args: Args::new()
                            .with("rating", Arg::Text(r.id.clone()))
                            .with("score", Arg::Int(i64::from(r.score)))
                            .with("at", Arg::Time(r.at))
                            .with("named", Arg::Select(if r.named { "yes" } else { "no" }))
                            .with("due", Arg::Time(due)),
                        message_code: None,
                    }
                    .written(),
                );
            };
            if let (Some(false), Some(due)) = (j.called_back_on_time, j.call_back_due) {
                push("rating.call_back_missed", due);
            }
            if let (Some(false), Some(due)) = (j.fixed_on_time, j.fix_due) {
                push("rating.follow_up_missed", due);
            }
        }
        let (records, view) = (self.into(), rules.disclosure());
        crate::disclosure::whereabouts_faults(org, &records, &view, as_of, &mut out)?;
        for (_, faults) in crate::disclosure::judge_register(org, &records, &view, as_of)? {
            out.extend(faults);
        }
        out.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.source.cmp(&b.source)));
        Ok(out)
    }
}
