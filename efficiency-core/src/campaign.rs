//! The campaign (实施步骤, docs/domain.md §10): a plan template instantiated for a year, which phase a
//! date is in, each unit's tasks at `as_of`, and late or missing deliverables — plus the units'
//! self-inspection forms (自查表) — as faults for the assessment.
//!
//! ```
//! use efficiency_core::campaign::CampaignTemplate;
//! let plan = CampaignTemplate::default_plan().instantiate(2026)?;
//! let phase = plan.phase_on("2026-09-15".parse().unwrap()).unwrap();
//! assert_eq!(phase.name_zh, "整改提高");
//! assert_eq!(plan.task("summary").unwrap().due.to_string(), "2026-12-31");
//! # Ok::<(), efficiency_core::org::OrgError>(())
//! ```

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::accountability::Fault;
use crate::case::Severity;
use crate::messages::{Arg, Args};
use crate::org::{OrgError, Organisation, UnitKind};

/// The bureau's four-phase plan.
pub const CAMPAIGN_PLAN_JSON: &str = include_str!("../data/campaign/plan.json");

/// Who owes a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    /// The leadership group's office.
    Office,
    /// Every unit (except windows).
    EveryUnit,
}

/// A task of a phase, with its due day as `MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaskTemplate {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Who owes it.
    pub owner: Owner,
    /// What to hand in.
    pub deliverable: String,
    /// Due, `MM-DD`.
    pub due: String,
}

/// A phase with `MM-DD` bounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PhaseTemplate {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Chinese name.
    #[serde(default)]
    pub name_zh: String,
    /// First day, `MM-DD`.
    pub from: String,
    /// Last day, `MM-DD`.
    pub to: String,
    /// Tasks.
    pub tasks: Vec<TaskTemplate>,
}

/// A campaign plan template (`efficiency.campaign/1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CampaignTemplate {
    /// `efficiency.campaign/1`.
    pub format: String,
    /// Name.
    pub name: String,
    /// Chinese name.
    #[serde(default)]
    pub name_zh: String,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Phases in order.
    pub phases: Vec<PhaseTemplate>,
}

/// A dated phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Phase {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Chinese name.
    pub name_zh: String,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

/// A dated task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Task {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Its phase's code.
    pub phase: String,
    /// Who owes it.
    pub owner: Owner,
    /// What to hand in.
    pub deliverable: String,
    /// Due (end of that day).
    pub due: NaiveDate,
}

/// A campaign for one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Campaign {
    /// Year.
    pub year: i32,
    /// Name.
    pub name: String,
    /// Phases.
    pub phases: Vec<Phase>,
    /// Tasks.
    pub tasks: Vec<Task>,
}

impl CampaignTemplate {
    /// The bureau's plan.
    pub fn default_plan() -> CampaignTemplate {
        CampaignTemplate::from_json(CAMPAIGN_PLAN_JSON).expect("shipped plan is valid")
    }

    /// A template from JSON.
    pub fn from_json(text: &str) -> Result<CampaignTemplate, OrgError> {
        crate::limits::document(text, "campaign")?;
        let t: CampaignTemplate = serde_json::from_str(text).map_err(|e| {
            let (at, m) = crate::json::error_parts(&e);
            OrgError::new("campaign.invalid_plan", at, m)
        })?;
        if t.format != "efficiency.campaign/1" {
            return Err(OrgError::new(
                "campaign.invalid_plan",
                "format",
                format!("expected \"efficiency.campaign/1\", found {:?}", t.format),
            ));
        }
        Ok(t)
    }

    /// The plan for `year`. Phases must follow each other without overlap or gap, and every
    /// task must fall due inside its phase; errors name the phase or task.
    ///
    /// ```
    /// use efficiency_core::campaign::{CampaignTemplate, CAMPAIGN_PLAN_JSON};
    /// let gap = CAMPAIGN_PLAN_JSON.replace(r#""from": "07-01""#, r#""from": "07-05""#);
    /// let err = CampaignTemplate::from_json(&gap)?.instantiate(2026).unwrap_err();
    /// assert!(err.to_string().contains("phases[1] (find_problems)"), "{err}");
    /// # Ok::<(), efficiency_core::org::OrgError>(())
    /// ```
    pub fn instantiate(&self, year: i32) -> Result<Campaign, OrgError> {
        let bad =
            |path: String, message: String| OrgError::new("campaign.invalid_plan", path, message);
        let day = |s: &str, path: String| -> Result<NaiveDate, OrgError> {
            NaiveDate::parse_from_str(&format!("{year}-{s}"), "%Y-%m-%d")
                .map_err(|_| bad(path, format!("{s:?} is not a day MM-DD in {year}")))
        };
        let mut phases: Vec<Phase> = Vec::new();
        let mut tasks = Vec::new();
        if self.phases.is_empty() {
            return Err(bad(
                "phases".into(),
                "a plan needs at least one phase".into(),
            ));
        }
        for (i, p) in self.phases.iter().enumerate() {
            let at = format!("phases[{i}] ({})", p.code);
            let (from, to) = (
                day(&p.from, format!("{at}.from"))?,
                day(&p.to, format!("{at}.to"))?,
            );
            if to < from {
                return Err(bad(format!("{at}.to"), format!("{to} is before {from}")));
            }
            if let Some(prev) = phases.last() {
                if from <= prev.to {
                    return Err(bad(
                        at,
                        format!(
                            "starts {from}, overlapping {} which ends {}",
                            prev.code, prev.to
                        ),
                    ));
                }
                if from != prev.to.succ_opt().unwrap_or(prev.to) {
                    return Err(bad(
                        at,
                        format!(
                            "starts {from}, leaving a gap after {} which ends {}",
                            prev.code, prev.to
                        ),
                    ));
                }
            }
            for (k, t) in p.tasks.iter().enumerate() {
                let tp = format!("{at}.tasks[{k}] ({})", t.code);
                let due = day(&t.due, format!("{tp}.due"))?;
                if due < from || due > to {
                    return Err(bad(
                        tp,
                        format!("due {due} is outside its phase ({from} to {to})"),
                    ));
                }
                tasks.push(Task {
                    code: t.code.clone(),
                    name: t.name.clone(),
                    phase: p.code.clone(),
                    owner: t.owner,
                    deliverable: t.deliverable.clone(),
                    due,
                });
            }
            phases.push(Phase {
                code: p.code.clone(),
                name: p.name.clone(),
                name_zh: p.name_zh.clone(),
                from,
                to,
            });
        }
        Ok(Campaign {
            year,
            name: self.name.clone(),
            phases,
            tasks,
        })
    }
}

/// A deliverable handed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// Task code.
    pub task: String,
    /// Unit that handed it in (`office` for office tasks).
    pub unit: String,
    /// When.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub at: NaiveDateTime,
}

/// Where a unit stands on a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskStatus {
    /// Task code.
    pub task: String,
    /// Unit.
    pub unit: String,
    /// Due.
    pub due: NaiveDate,
    /// When handed in.
    pub submitted_at: Option<NaiveDateTime>,
    /// `done`, `late`, `overdue` (missing past due) or `pending`.
    pub state: &'static str,
}

impl Campaign {
    /// The phase `date` is in.
    pub fn phase_on(&self, date: NaiveDate) -> Option<&Phase> {
        self.phases.iter().find(|p| p.from <= date && date <= p.to)
    }

    /// The task with `code`.
    pub fn task(&self, code: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.code == code)
    }

    /// Every unit's tasks at `as_of`, and the faults: a deliverable handed in after its due day
    /// (`campaign.task_late`), or missing past it (`campaign.task_missing`), against the unit.
    /// Office tasks are owed by the unit of the leadership group's office director.
    pub fn status(
        &self,
        org: &Organisation,
        submissions: &[Submission],
        as_of: NaiveDateTime,
    ) -> Result<(Vec<TaskStatus>, Vec<Fault>), OrgError> {
        for (i, s) in submissions.iter().enumerate() {
            if self.task(&s.task).is_none() {
                return Err(OrgError::new(
                    "campaign.invalid_input",
                    format!("submissions[{i}].task"),
                    format!("unknown task {:?}", s.task),
                ));
            }
            if org.unit(&s.unit).is_none() {
                return Err(OrgError::new(
                    "org.unknown_unit",
                    format!("submissions[{i}].unit"),
                    format!("unknown unit {:?}", s.unit),
                ));
            }
        }
        let office_unit = org
            .leadership_group
            .as_ref()
            .and_then(|g| org.person(&g.office.director))
            .and_then(|p| p.unit.clone())
            .unwrap_or_else(|| "office".to_string());
        let mut statuses = Vec::new();
        let mut faults = Vec::new();
        for t in &self.tasks {
            let owners: Vec<String> = match t.owner {
                Owner::Office => vec![office_unit.clone()],
                Owner::EveryUnit => org
                    .units
                    .iter()
                    .filter(|u| u.kind != UnitKind::Window)
                    .map(|u| u.id.clone())
                    .collect(),
            };
            let end_of_due = t.due.succ_opt().unwrap_or(t.due).and_time(NaiveTime::MIN);
            for unit in owners {
                let sub = submissions
                    .iter()
                    .filter(|s| s.task == t.code && s.unit == unit && s.at <= as_of)
                    .map(|s| s.at)
                    .min();
                let state = match sub {
                    Some(at) if at < end_of_due => "done",
                    Some(_) => "late",
                    None if as_of >= end_of_due => "overdue",
                    None => "pending",
                };
                let fault = |code: &str, at: NaiveDateTime, args: Args| {
                    Fault {
                        source: format!("campaign {}", t.code),
                        code: code.into(),
                        severity: Severity::Ordinary,
                        at,
                        people: vec![],
                        unit: Some(unit.clone()),
                        events: vec![format!("{}/{}", t.code, unit)],
                        text: String::new(),
                        args: Args::new()
                            .with("task", Arg::Text(t.name.clone()))
                            .with("deliverable", Arg::Text(t.deliverable.clone()))
                            .with("due", Arg::Date(t.due))
                            .extend(args),
                        message_code: None,
                    }
                    .written()
                };
                match state {
                    "late" => {
                        let at = sub.expect("late has a submission");
                        faults.push(fault(
                            "campaign.task_late",
                            at,
                            Args::new().with("submitted", Arg::Time(at)),
                        ))
                    }
                    "overdue" => {
                        faults.push(fault("campaign.task_missing", end_of_due, Args::new()))
                    }
                    _ => {}
                }
                statuses.push(TaskStatus {
                    task: t.code.clone(),
                    unit,
                    due: t.due,
                    submitted_at: sub,
                    state,
                });
            }
        }
        Ok((statuses, faults))
    }
}

/// One item of a self-inspection form: a problem under one of the three systems or the conduct
/// rules, its measure, who answers for it and by when, and its public-notice period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SelfInspectionItem {
    /// `first_inquiry`, `time_limit`, `accountability` or `conduct`.
    pub system: String,
    /// The problem found.
    pub problem: String,
    /// The measure.
    pub measure: String,
    /// Who answers for it.
    pub responsible: String,
    /// Deadline.
    pub deadline: NaiveDate,
    /// Public notice from.
    pub notice_from: NaiveDate,
    /// Public notice to.
    pub notice_to: NaiveDate,
    /// When the measure was done.
    #[serde(
        default,
        deserialize_with = "crate::date::serde_time::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub done_at: Option<NaiveDateTime>,
}

/// A unit's self-inspection form (自查表).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SelfInspectionForm {
    /// Unit.
    pub unit: String,
    /// Items.
    pub items: Vec<SelfInspectionItem>,
}

impl SelfInspectionForm {
    /// Overdue measures at `as_of` as faults (`self_inspection.measure_overdue`) against the
    /// responsible person and the unit. Errors name the item: unknown system, person or unit, a
    /// notice period that ends before it starts.
    pub fn faults(&self, org: &Organisation, as_of: NaiveDateTime) -> Result<Vec<Fault>, OrgError> {
        let bad =
            |path: String, message: String| OrgError::new("campaign.invalid_input", path, message);
        if org.unit(&self.unit).is_none() {
            return Err(OrgError::new(
                "org.unknown_unit",
                "unit",
                format!("unknown unit {:?}", self.unit),
            ));
        }
        let mut out = Vec::new();
        for (i, it) in self.items.iter().enumerate() {
            let at = format!("{}.items[{i}]", self.unit);
            if !["first_inquiry", "time_limit", "accountability", "conduct"]
                .contains(&it.system.as_str())
            {
                return Err(bad(
                    format!("{at}.system"),
                    format!("unknown system {:?}", it.system),
                ));
            }
            if org.person(&it.responsible).is_none() {
                return Err(OrgError::new(
                    "org.unknown_person",
                    format!("{at}.responsible"),
                    format!("unknown person {:?}", it.responsible),
                ));
            }
            if it.notice_to < it.notice_from {
                return Err(bad(
                    format!("{at}.notice_to"),
                    "the public notice ends before it starts".into(),
                ));
            }
            let end = it
                .deadline
                .succ_opt()
                .unwrap_or(it.deadline)
                .and_time(NaiveTime::MIN);
            let late = match it.done_at.filter(|d| *d <= as_of) {
                Some(d) => d >= end,
                None => as_of >= end,
            };
            if late {
                out.push(
                    Fault {
                        source: format!("self-inspection {}#{i}", self.unit),
                        code: "self_inspection.measure_overdue".into(),
                        severity: Severity::Ordinary,
                        at: end,
                        people: vec![it.responsible.clone()],
                        unit: Some(self.unit.clone()),
                        events: vec![format!("{}#{i}", self.unit)],
                        text: String::new(),
                        args: Args::new()
                            .with("measure", Arg::Text(it.measure.clone()))
                            .with("problem", Arg::Text(it.problem.clone()))
                            .with("due", Arg::Date(it.deadline)),
                        message_code: None,
                    }
                    .written(),
                );
            }
        }
        Ok(out)
    }
}
