//! Conduct rules (六不准), efficiency complaints (效能投诉) and service ratings (好差评), turned
//! into faults for accountability (DOMAIN.md §8, §9). All rule numbers are data.
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
use crate::clock::reckon::Reckoner;
use crate::clock::{ClockConfig, TimeLimit};
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
    severities: BTreeMap<String, Severity>,
}

/// The default six prohibitions.
pub const CONDUCT_RULES_JSON: &str = include_str!("../data/rules/conduct.json");
/// The default complaint and rating limits.
pub const COMPLAINT_RULES_JSON: &str = include_str!("../data/rules/complaints.json");
/// The sample bureau's incidents, complaints and ratings.
pub const SAMPLE_ACTIVITY_JSON: &str = include_str!("../data/sample/activity.json");

/// Complaint and rating finding codes.
pub const COMPLAINT_CODES: &[&str] = &[
    "complaint.acceptance_late",
    "complaint.transfer_late",
    "complaint.investigation_late",
    "complaint.reply_late",
    "complaint.substantiated",
    "complaint.partly_substantiated",
    "rating.follow_up_missed",
];

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
    severities: BTreeMap<String, Severity>,
    /// The calendar limits count on.
    pub calendar: Calendar,
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
    /// Rules from a conduct list (`efficiency.conduct/1`) and complaint limits
    /// (`efficiency.complaint-rules/1`). Conduct codes start with `conduct.` and are unique;
    /// every complaint code needs a severity and no other code is allowed.
    pub fn from_json(
        conduct_json: &str,
        complaint_json: &str,
        calendar: Calendar,
    ) -> Result<Self, OrgError> {
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
        for code in COMPLAINT_CODES {
            if !k.severities.contains_key(*code) {
                return Err(bad(format!("severities.{code}"), "missing".into()));
            }
        }
        Ok(ActivityRules {
            conduct: c.rules,
            acceptance_limit: k.acceptance_limit,
            transfer_limit: k.transfer_limit,
            investigation_limit: k.investigation_limit,
            reply_limit: k.reply_limit,
            reply_extension: k.reply_extension,
            rating_follow_up: k.rating_follow_up,
            severities: k.severities,
            calendar,
        })
    }

    /// The due time of `limit` from `from`; a calendar gap is an error naming `at` (the record).
    fn due(
        &self,
        from: NaiveDateTime,
        limit: TimeLimit,
        at: &str,
    ) -> Result<NaiveDateTime, OrgError> {
        let config = ClockConfig::default();
        Reckoner {
            cal: &self.calendar,
            config: &config,
        }
        .due(from, limit, 0, &[])
        .map_err(|e| OrgError::new(e.code(), at, e.to_string()))
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

/// A service rating (好差评): 5 非常满意 … 1 非常不满意; 1 and 2 are bad and must be followed up.
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
    /// When the bad rating was called back and fixed.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub followed_up_at: Option<NaiveDateTime>,
}

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
        }
    }
}

impl Activity {
    /// The sample bureau's activity.
    pub fn sample() -> Activity {
        Activity::from_json(SAMPLE_ACTIVITY_JSON).expect("shipped activity is valid")
    }

    /// Activity from JSON (unknown fields rejected).
    pub fn from_json(text: &str) -> Result<Activity, OrgError> {
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
        let person = |id: &str, path: String| {
            org.person(id).map(|_| ()).ok_or_else(|| {
                OrgError::new("org.unknown_person", path, format!("unknown person {id:?}"))
            })
        };
        let unit = |id: &str, path: String| {
            org.unit(id).map(|_| ()).ok_or_else(|| {
                OrgError::new("org.unknown_unit", path, format!("unknown unit {id:?}"))
            })
        };
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
            out.push(Fault {
                source: format!("conduct {}", inc.id),
                code: rule.code.clone(),
                severity: inc.severity.unwrap_or(rule.severity),
                at: inc.at,
                people: vec![inc.person.clone()],
                unit: None,
                events: vec![inc.id.clone()],
                message: format!(
                    "{} ({}): {}",
                    rule.name,
                    rule.name_zh,
                    crate::mask::for_staff(&inc.description)
                ),
            });
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
            let sev = |code: &str| rules.severities[code];
            // Late handling is the handler's fault.
            let handling_late = |code: &str, at: NaiveDateTime, message: String| Fault {
                source: format!("complaint {}", c.id),
                code: code.into(),
                severity: sev(code),
                at,
                people: vec![c.handler.clone()],
                unit: None,
                events: vec![c.id.clone()],
                message,
            };
            let accept_due = rules.due(c.received_at, rules.acceptance_limit, &at)?;
            let late_decision = match decided {
                Some(d) => (d > accept_due).then_some(d),
                None => (as_of > accept_due).then_some(accept_due),
            };
            if late_decision.is_some() {
                out.push(handling_late(
                    "complaint.acceptance_late",
                    accept_due,
                    format!(
                        "complaint {} received {} was not decided on by {accept_due}",
                        c.id, c.received_at
                    ),
                ));
            }
            if let Some(acc) = seen(c.accepted_at) {
                // Transfer and investigation each run on their own clock from acceptance.
                for (code, limit, done, what) in [
                    (
                        "complaint.transfer_late",
                        rules.transfer_limit,
                        seen(c.transferred_at),
                        "handed to the unit concerned",
                    ),
                    (
                        "complaint.investigation_late",
                        rules.investigation_limit,
                        seen(c.investigated_at),
                        "investigated",
                    ),
                ] {
                    let step_due = rules.due(acc, limit, &at)?;
                    let late = match done {
                        Some(d) => d > step_due,
                        // Not recorded: late only while nothing later shows it happened.
                        None => as_of > step_due && seen(c.replied_at).is_none(),
                    };
                    if late {
                        out.push(handling_late(
                            code,
                            step_due,
                            format!(
                                "complaint {} accepted {acc} was not {what} by {step_due}",
                                c.id
                            ),
                        ));
                    }
                }
                let mut reply_due = rules.due(acc, rules.reply_limit, &at)?;
                if seen(c.extension_approved_at).is_some_and(|e| e <= reply_due) {
                    reply_due = rules.due(reply_due, rules.reply_extension, &at)?;
                }
                let late = match seen(c.replied_at) {
                    Some(r) => r > reply_due,
                    None => as_of > reply_due,
                };
                if late {
                    out.push(handling_late(
                        "complaint.reply_late",
                        reply_due,
                        format!(
                            "complaint {} accepted {acc} was not answered by {reply_due}",
                            c.id
                        ),
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
                    out.push(Fault {
                        source: format!("complaint {}", c.id),
                        code: code.into(),
                        severity: sev(code),
                        at: outcome_at,
                        people: c.about.person.iter().cloned().collect(),
                        unit: Some(c.about.unit.clone()),
                        events: vec![c.id.clone()],
                        message: format!(
                            "complaint {} ({:?}) found {}: {}",
                            c.id,
                            c.channel,
                            code.trim_start_matches("complaint."),
                            crate::mask::for_staff(&c.summary)
                        ),
                    });
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
            if !(1..=5).contains(&r.score) {
                return Err(bad(
                    format!("{at}.score"),
                    format!("{} is not a score from 1 to 5", r.score),
                ));
            }
            unit(&r.unit, format!("{at}.unit"))?;
            if let Some(p) = &r.person {
                person(p, format!("{at}.person"))?;
            }
            if r.score > 2 {
                continue;
            }
            let due = rules.due(r.at, rules.rating_follow_up, &at)?;
            let late = match r.followed_up_at.filter(|t| *t <= as_of) {
                Some(f) => f > due,
                None => as_of > due,
            };
            if late {
                out.push(Fault {
                    source: format!("rating {}", r.id),
                    code: "rating.follow_up_missed".into(),
                    severity: rules.severities["rating.follow_up_missed"],
                    at: due,
                    people: Vec::new(),
                    unit: Some(r.unit.clone()),
                    events: vec![r.id.clone()],
                    message: format!(
                        "bad rating {} ({} of 5) at {} was not called back and fixed by {due}",
                        r.id, r.score, r.at
                    ),
                });
            }
        }
        out.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.source.cmp(&b.source)));
        Ok(out)
    }
}
