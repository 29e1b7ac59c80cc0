//! The annual review (年度效能评估): a whole year of a bureau — cases, conduct, complaints,
//! ratings, inspections, the campaign — judged at once: metrics per unit, findings, the
//! accountability list, scorecards with grades and ranks, and the campaign's status.
//! [`sample_year`] generates the sample bureau's year deterministically, without I/O.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::accountability::{accountability_list, AccountabilityRules, Entry, Fault};
use crate::activity::{Activity, ActivityRules};
use crate::assessment::{
    commendation_list, heads_responsible, score_units, AssessmentInput, AssessmentRules,
    Commendation, Inspection, Scorecard,
};
use crate::campaign::{Campaign, CampaignTemplate, SelfInspectionForm, Submission, TaskStatus};
use crate::case::metrics::{GroupBy, GroupMetrics};
use crate::case::{CaseContext, CaseEvent, CaseStream, Decision, EventKind, Metrics, Period};
use crate::item::ItemCatalog;
use crate::org::{OrgError, Organisation, UnitKind};

/// The sample year's inspections, commendations, deliverables and forms.
pub const SAMPLE_YEAR_JSON: &str = include_str!("../data/sample/year.json");

/// Inspections, commendations, campaign deliverables and self-inspection forms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearRecords {
    /// `efficiency.sample-year/1`.
    #[serde(default)]
    pub format: String,
    /// Where they come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Inspections (督查).
    #[serde(default)]
    pub inspections: Vec<Inspection>,
    /// Commendations (表彰).
    #[serde(default)]
    pub commendations: Vec<Commendation>,
    /// Campaign deliverables handed in.
    #[serde(default)]
    pub submissions: Vec<Submission>,
    /// Self-inspection forms (自查表).
    #[serde(default)]
    pub forms: Vec<SelfInspectionForm>,
}

/// Everything the review reads.
#[derive(Debug, Clone)]
pub struct ReviewInput {
    /// The year.
    pub year: i32,
    /// Case logs, JSON Lines sorted by case id.
    pub case_lines: Vec<String>,
    /// Incidents, complaints, ratings.
    pub activity: Activity,
    /// Inspections, commendations, deliverables, forms.
    pub records: YearRecords,
}

/// The review's result: plain data, ready to print or to turn into tables.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AnnualReview {
    /// The year.
    pub year: i32,
    /// Cases judged.
    pub cases: usize,
    /// Events read.
    pub events: usize,
    /// Case-log rows rejected (row, code, message).
    pub rejected_rows: Vec<(usize, String, String)>,
    /// Metrics per unit, with their rates.
    pub metrics: Vec<GroupMetrics>,
    /// Metrics per service item, with their rates (the report's items with the most cards).
    #[serde(default)]
    pub metrics_by_item: Vec<GroupMetrics>,
    /// Every fault of the year, in time order.
    pub faults: Vec<Fault>,
    /// How many faults of each code.
    pub faults_by_code: BTreeMap<String, usize>,
    /// The accountability list.
    pub accountability: Vec<Entry>,
    /// Scorecards, by rank.
    pub scorecards: Vec<Scorecard>,
    /// Units to commend.
    pub commendations: Vec<String>,
    /// Unit heads to hold responsible (unit, head).
    pub heads_responsible: Vec<(String, String)>,
    /// The campaign.
    pub campaign: Campaign,
    /// Each unit's tasks.
    pub campaign_status: Vec<TaskStatus>,
    /// The rules not judged for lack of data (the bureau's `not_judged`): their faults are not
    /// counted, and the report says so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_judged: Vec<String>,
}

pub use crate::limits::SAMPLE_YEAR_MAX_CASES;

/// The rule tables a review applies (each defaults to the shipped one).
#[derive(Debug, Clone)]
pub struct ReviewRules {
    /// Who answers and how (accountability).
    pub accountability: AccountabilityRules,
    /// Scorecards (target assessment).
    pub assessment: AssessmentRules,
    /// Conduct rules and complaint/rating limits (the activity's faults); `None`: the shipped
    /// ones on the review's calendar.
    pub activity: Option<ActivityRules>,
    /// The campaign plan.
    pub campaign: CampaignTemplate,
}

impl Default for ReviewRules {
    fn default() -> Self {
        ReviewRules {
            accountability: AccountabilityRules::default(),
            assessment: AssessmentRules::default(),
            activity: None,
            campaign: CampaignTemplate::default_plan(),
        }
    }
}

/// Runs the review for `input.year` with the given organisation and default rule tables.
pub fn annual_review(
    ctx: &CaseContext,
    org: &Organisation,
    input: &ReviewInput,
) -> Result<AnnualReview, OrgError> {
    annual_review_with(ctx, org, input, &ReviewRules::default())
}

/// Runs the review for `input.year` with the given organisation and rule tables.
pub fn annual_review_with(
    ctx: &CaseContext,
    org: &Organisation,
    input: &ReviewInput,
    rules: &ReviewRules,
) -> Result<AnnualReview, OrgError> {
    annual_review_progress(ctx, org, input, rules, &mut |_, _| {})
}

/// As [`annual_review_with`], telling `progress(done, total)` case events as it goes (every
/// 10,000 events and at the end; the rest of the review is quick next to the cases).
pub fn annual_review_progress(
    ctx: &CaseContext,
    org: &Organisation,
    input: &ReviewInput,
    rules: &ReviewRules,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<AnnualReview, OrgError> {
    let review_rules = rules;
    let total = input.case_lines.len();
    let y = input.year;
    let from = NaiveDate::from_ymd_opt(y, 1, 1)
        .expect("valid")
        .and_time(NaiveTime::MIN);
    let to = NaiveDate::from_ymd_opt(y + 1, 1, 1)
        .expect("valid")
        .and_time(NaiveTime::MIN);
    // Cases are judged at the last second of the year (the calendar may not know the next one).
    let judge_at = to - Duration::seconds(1);
    let period = Period { from, to };
    let mut metrics = Metrics::new(period, GroupBy::Unit);
    let mut by_item = Metrics::new(period, GroupBy::Item);
    let mut faults: Vec<Fault> = Vec::new();
    let mut rejected = Vec::new();
    let mut stream = CaseStream::new(ctx, judge_at);
    let (mut cases, mut events) = (0usize, 0usize);
    let mut take = |r: crate::case::CaseResult,
                    metrics: &mut [&mut Metrics; 2],
                    faults: &mut Vec<Fault>,
                    rejected: &mut Vec<(usize, String, String)>| {
        cases += 1;
        match r.status {
            Ok(s) => {
                metrics[0].add(&s);
                metrics[1].add(&s);
                faults.extend(s.findings.iter().map(|f| Fault::from_case(&s.case, f)));
            }
            Err(e) => rejected.push((
                usize::MAX,
                e.code().to_string(),
                format!("case {}: {e}", r.case),
            )),
        }
    };
    for (i, line) in input.case_lines.iter().enumerate() {
        if i % 10_000 == 0 {
            progress(i, total);
        }
        if line.trim().is_empty() {
            continue;
        }
        events += 1;
        let (err, done) = stream.push_line(line);
        if let Some(e) = err {
            rejected.push((e.row, e.error.code().to_string(), e.error.to_string()));
        }
        if let Some(r) = done {
            take(
                r,
                &mut [&mut metrics, &mut by_item],
                &mut faults,
                &mut rejected,
            );
        }
    }
    if let Some(r) = stream.finish() {
        take(
            r,
            &mut [&mut metrics, &mut by_item],
            &mut faults,
            &mut rejected,
        );
    }
    progress(total, total);
    let activity_rules = match &review_rules.activity {
        Some(r) => r.clone(),
        None => ActivityRules::from_json(
            crate::activity::CONDUCT_RULES_JSON,
            crate::activity::COMPLAINT_RULES_JSON,
            ctx.calendar.clone(),
        )?,
    }
    .with_case_publication(ctx.rules.publication);
    // A decision in the publication register is judged there, not again from its case's log.
    let registered: std::collections::BTreeSet<String> = input
        .activity
        .publications
        .iter()
        .filter_map(|p| p.case.as_ref().map(|c| format!("case {c}")))
        .collect();
    faults.retain(|f| !(f.code == "publication.late" && registered.contains(&f.source)));
    faults.extend(input.activity.faults(org, &activity_rules, judge_at)?);
    let campaign = review_rules.campaign.instantiate(y)?;
    let (campaign_status, campaign_faults) =
        campaign.status(org, &input.records.submissions, to)?;
    faults.extend(campaign_faults);
    for form in &input.records.forms {
        faults.extend(form.faults(org, to)?);
    }
    // Rules the bureau's data cannot judge find nothing (its findings.json `not_judged`).
    faults.retain(|f| ctx.rules.judged(&f.code));
    faults.sort_by(|a, b| {
        a.at.cmp(&b.at)
            .then_with(|| a.source.cmp(&b.source))
            .then_with(|| a.code.cmp(&b.code))
    });
    let mut faults_by_code = BTreeMap::new();
    for f in &faults {
        *faults_by_code.entry(f.code.clone()).or_insert(0) += 1;
    }
    let accountability = accountability_list(org, &review_rules.accountability, &faults, from, to)?;
    let rows = metrics.rows();
    let rules = &review_rules.assessment;
    let units: Vec<&str> = org
        .units
        .iter()
        .filter(|u| u.kind != UnitKind::Window)
        .map(|u| u.id.as_str())
        .collect();
    let scorecards = score_units(
        org,
        rules,
        &units,
        &AssessmentInput {
            faults: &faults,
            inspections: &input.records.inspections,
            commendations: &input.records.commendations,
            metrics: &rows,
        },
        from,
        to,
    )?;
    Ok(AnnualReview {
        year: y,
        cases,
        events,
        rejected_rows: rejected,
        metrics: rows.into_iter().map(GroupMetrics::from).collect(),
        metrics_by_item: by_item
            .rows()
            .into_iter()
            .filter(|m| m.group != "all")
            .map(GroupMetrics::from)
            .collect(),
        faults,
        faults_by_code,
        accountability,
        commendations: commendation_list(&scorecards, Some(rules)),
        heads_responsible: heads_responsible(&scorecards, Some(rules)),
        scorecards,
        campaign,
        campaign_status,
        not_judged: ctx.rules.not_judged.clone(),
    })
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// The sample bureau's year: `n` generated cases (sorted by case id) across its units and
/// items, with the shipped activity and year records. Deterministic for a given `seed`; `n` is
/// capped at [`SAMPLE_YEAR_MAX_CASES`].
pub fn sample_year(year: i32, n: usize, seed: u64) -> Result<ReviewInput, OrgError> {
    let n = n.min(SAMPLE_YEAR_MAX_CASES);
    if !(2..=9998).contains(&year) {
        return Err(OrgError::new(
            "review.invalid",
            "year",
            format!("{year} is not a year this library can review"),
        ));
    }
    let calendar = crate::calendar::Calendar::china();
    let (first, last) = calendar.covered_years();
    if !(first..=last).contains(&year) {
        return Err(OrgError::new(
            "calendar.year_not_covered",
            "year",
            format!(
                "the calendar has no holiday data for {year} (it covers {first}-{last}); \
                 add the year's notice with Calendar::with_year"
            ),
        ));
    }
    let ctx = CaseContext::new(
        calendar,
        ItemCatalog::templates(),
        Organisation::sample().roster(),
    );
    let mut rng = Rng(seed);
    let plans: [(&str, &[&str], &str); 7] = [
        ("civil.social_org_registration", &["soc01", "soc02"], "W1"),
        ("civil.social_org_preparation", &["soc01", "soc02"], "W1"),
        ("civil.marriage_registration", &["mar01"], "W2"),
        ("licensing.decision", &["aff01"], "W3"),
        ("disclosure.request", &["aff01"], "W3"),
        ("petition.acceptance", &["aff01"], "W3"),
        ("civil.assistance_certificate", &["aff01"], "W3"),
    ];
    let heads: BTreeMap<&str, &str> = [
        ("soc01", "soc-h"),
        ("soc02", "soc-h"),
        ("mar01", "mar-h"),
        ("aff01", "aff-h"),
    ]
    .into_iter()
    .collect();
    let start = NaiveDate::from_ymd_opt(year, 1, 5).expect("valid");
    let days = (NaiveDate::from_ymd_opt(year, 10, 15).expect("valid") - start).num_days() as u64;
    let mut lines = Vec::new();
    for i in 0..n {
        // Six digits: ids sort as the cases are numbered up to the cap (100,000).
        let id = format!("MZJ-{year}-{:06}", i + 1);
        let (code, handlers, window) = plans[rng.below(plans.len() as u64) as usize];
        let item = ctx.items.get(code).expect("shipped item");
        let handler = handlers[rng.below(handlers.len() as u64) as usize];
        let mut day = start + Duration::days(rng.below(days) as i64);
        while !ctx.calendar.is_workday(day).unwrap_or(true) {
            day += Duration::days(1);
        }
        let mut t =
            day.and_hms_opt(9, 0, 0).expect("valid") + Duration::minutes(rng.below(400) as i64);
        let mut ev: Vec<CaseEvent> = Vec::new();
        let mut push = |t: NaiveDateTime, actor: &str, kind: EventKind| {
            ev.push(CaseEvent {
                id: format!("e{}", ev.len() + 1).into(),
                case: id.as_str().into(),
                at: t,
                actor: actor.into(),
                kind,
            });
        };
        let step = |t: &mut NaiveDateTime, minutes: i64| *t += Duration::minutes(minutes);
        if rng.chance(2) {
            push(
                t,
                handler,
                EventKind::RefuseReception {
                    reason: Some("come back another day".into()),
                },
            );
            lines.extend(ev.iter().map(CaseEvent::to_line));
            continue;
        }
        if rng.chance(8) {
            push(
                t,
                "off01",
                EventKind::Inquiry {
                    channel: crate::case::Channel::Phone,
                    item: Some(code.into()),
                },
            );
            step(&mut t, 30);
            push(t, "off01", EventKind::Refer { to: handler.into() });
            step(&mut t, if rng.chance(85) { 120 } else { 60 * 24 * 20 });
            push(t, handler, EventKind::Reply);
            step(&mut t, 60);
        }
        push(
            t,
            handler,
            EventKind::Receive {
                item: code.into(),
                window: Some(window.into()),
            },
        );
        let on_the_spot = item.promised.map(|p| p.unit) == Some(crate::clock::TimeUnit::OnTheSpot);
        if !on_the_spot && rng.chance(10) {
            step(&mut t, 60 * 24 * if rng.chance(80) { 2 } else { 9 });
            push(
                t,
                handler,
                EventKind::SupplementRequest {
                    missing: vec!["identity documents of the legal representative".into()],
                },
            );
            if rng.chance(20) {
                step(&mut t, 60 * 24);
                push(
                    t,
                    handler,
                    EventKind::SupplementRequest {
                        missing: vec!["the lease of the premises".into()],
                    },
                );
            }
            step(&mut t, 60 * 24 * 3);
            push(t, handler, EventKind::SupplementReceived);
        }
        step(&mut t, 10);
        push(t, handler, EventKind::Accept { handler: None });
        if rng.chance(2) {
            step(&mut t, 60 * 24 * 5);
            push(t, handler, EventKind::Withdrawn);
            lines.extend(ev.iter().map(CaseEvent::to_line));
            continue;
        }
        for s in &item.steps {
            let actor = match s.role {
                crate::clock::Authority::Handler => handler,
                crate::clock::Authority::UnitHead => heads[handler],
                _ => "dir01",
            };
            step(&mut t, 30);
            push(
                t,
                actor,
                EventKind::StepStarted {
                    step: s.code.as_str().into(),
                },
            );
            let minutes = match s.limit.unit {
                crate::clock::TimeUnit::WorkHours => 60,
                _ => 60 * 24 * (1 + rng.below(u64::from(s.limit.amount.max(1)))) as i64,
            };
            step(&mut t, if rng.chance(3) { minutes * 3 } else { minutes });
            push(
                t,
                actor,
                EventKind::StepFinished {
                    step: s.code.as_str().into(),
                },
            );
        }
        if let Some(p) = item
            .special_procedures
            .iter()
            .find(|p| !p.counts_toward_limit)
        {
            if rng.chance(6) {
                step(&mut t, 60);
                push(
                    t,
                    handler,
                    EventKind::Suspend {
                        procedure: p.code.as_str().into(),
                    },
                );
                step(&mut t, 60 * 24 * 4);
                push(t, handler, EventKind::Resume);
            }
        }
        if item.extension.is_some() && rng.chance(5) {
            step(&mut t, 60);
            push(
                t,
                handler,
                EventKind::ExtensionRequested {
                    amount: 5,
                    reason: "site verification".into(),
                },
            );
            step(&mut t, 120);
            push(
                t,
                if rng.chance(75) { "dir01" } else { "dep01" },
                EventKind::ExtensionApproved,
            );
            step(&mut t, 60);
            push(t, handler, EventKind::ApplicantNotified);
        }
        if rng.chance(15) && !on_the_spot && day.month() >= 10 {
            lines.extend(ev.iter().map(CaseEvent::to_line)); // still open at year end
            continue;
        }
        // Most cases finish well inside their promise; a few miss it, fewer miss the law.
        let late = rng.chance(4);
        let very_late = late && rng.chance(40);
        let hours = item.promised.map(|p| p.unit) == Some(crate::clock::TimeUnit::WorkHours);
        let wait = match (on_the_spot || hours, late) {
            (true, true) => 60 * 24,
            (true, false) => 20,
            (false, true) => 60 * 24 * if very_late { 30 } else { 12 },
            (false, false) => 60 * 24 * (1 + rng.below(4)) as i64,
        };
        step(&mut t, wait);
        push(
            t,
            handler,
            EventKind::Conclude {
                outcome: if rng.chance(90) {
                    Decision::Granted
                } else {
                    Decision::Refused
                },
                on_the_spot: on_the_spot && !late,
            },
        );
        step(&mut t, 60 * 24 * if rng.chance(96) { 1 } else { 15 });
        push(t, handler, EventKind::ResultPublished);
        lines.extend(ev.iter().map(CaseEvent::to_line));
    }
    let records: YearRecords =
        serde_json::from_str(SAMPLE_YEAR_JSON).expect("shipped records are valid");
    Ok(ReviewInput {
        year,
        case_lines: lines,
        activity: Activity::sample(),
        records,
    })
}

/// A fault as a table row, with the unit it counts against (its own for a unit's fault, else
/// the unit of the first person involved).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FaultRow {
    /// Where it comes from (`case MZJ-2026-0001`, `complaint K1`, …).
    pub source: String,
    /// Finding code.
    pub code: String,
    /// Severity.
    pub severity: crate::case::Severity,
    /// When.
    pub at: NaiveDateTime,
    /// The unit it counts against.
    pub unit: Option<String>,
    /// Whether it is a fault of the whole unit (not of named people).
    pub unit_fault: bool,
    /// People directly involved.
    pub people: Vec<String>,
    /// Evidence.
    pub events: Vec<String>,
    /// What happened, in the language it was judged in.
    pub text: String,
}

/// A scorecard line as a table row, with its unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScoreLineRow {
    /// Unit id.
    pub unit: String,
    /// The rule.
    pub rule: String,
    /// Its category.
    pub category: String,
    /// Points (negative: deducted).
    pub points: f64,
    /// The findings behind it.
    pub findings: Vec<String>,
    /// The events behind it.
    pub events: Vec<String>,
    /// Why, for a reader.
    pub text: String,
}

/// A scorecard without its lines, as a table row (the lines are `ScoreLineRow`s).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScorecardRow {
    /// Rank among the units scored together.
    pub rank: usize,
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// The unit head.
    pub head: Option<String>,
    /// Total.
    pub total: f64,
    /// Grade.
    pub grade: String,
    /// Grade, Chinese.
    pub grade_zh: String,
    /// Grade before vetoes.
    pub grade_by_points: String,
    /// Vetoes that applied.
    pub vetoes: Vec<String>,
    /// Vetoes that applied, Chinese names.
    pub vetoes_zh: Vec<String>,
    /// Rule table version.
    pub rules_version: String,
}

/// The review as flat tables (Python gives each as an Arrow table): one row per group, fault,
/// accountability line, unit, score line and campaign task.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReviewTables {
    /// Metrics per unit.
    pub metrics: Vec<GroupMetrics>,
    /// Every fault, with the unit it counts against.
    pub faults: Vec<FaultRow>,
    /// The accountability list.
    pub accountability: Vec<Entry>,
    /// Scorecards.
    pub scorecards: Vec<ScorecardRow>,
    /// Every scorecard line, with its unit.
    pub score_lines: Vec<ScoreLineRow>,
    /// The campaign's tasks per unit.
    pub campaign_status: Vec<TaskStatus>,
}

impl AnnualReview {
    /// The review as flat tables; `org` attributes faults to units.
    pub fn tables(&self, org: &Organisation) -> ReviewTables {
        ReviewTables {
            metrics: self.metrics.clone(),
            faults: self
                .faults
                .iter()
                .map(|f| FaultRow {
                    source: f.source.clone(),
                    code: f.code.clone(),
                    severity: f.severity,
                    at: f.at,
                    unit: crate::assessment::unit_of(org, f),
                    unit_fault: f.unit.is_some(),
                    people: f.people.clone(),
                    events: f.events.clone(),
                    text: f.text.clone(),
                })
                .collect(),
            accountability: self.accountability.clone(),
            scorecards: self
                .scorecards
                .iter()
                .map(|c| ScorecardRow {
                    rank: c.rank,
                    unit: c.unit.clone(),
                    unit_name: c.unit_name.clone(),
                    head: c.head.clone(),
                    total: c.total,
                    grade: c.grade.clone(),
                    grade_zh: c.grade_zh.clone(),
                    grade_by_points: c.grade_by_points.clone(),
                    vetoes: c.vetoes.clone(),
                    vetoes_zh: c.vetoes_zh.clone(),
                    rules_version: c.rules_version.clone(),
                })
                .collect(),
            score_lines: self
                .scorecards
                .iter()
                .flat_map(|c| {
                    c.lines.iter().map(|l| ScoreLineRow {
                        unit: c.unit.clone(),
                        rule: l.rule.clone(),
                        category: l.category.clone(),
                        points: l.points,
                        findings: l.findings.clone(),
                        events: l.events.clone(),
                        text: l.text.clone(),
                    })
                })
                .collect(),
            campaign_status: self.campaign_status.clone(),
        }
    }
}
