//! Target assessment (目标考核, docs/domain.md §11): explainable scorecards per unit and period.
//! Rules are data (`efficiency.assessment/1`, JSON or TOML, with a version and effective dates);
//! every line of a scorecard names its rule, its findings and their events.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::accountability::Fault;
use crate::boundary::Value;
use crate::case::{MetricsRow, Severity};
use crate::date::Zone;
use crate::error::Error;
use crate::messages::{Arg, Args, Lang, Messages};
use crate::org::{OrgError, Organisation};

/// The default assessment rules.
pub const ASSESSMENT_RULES_JSON: &str = include_str!("../data/rules/assessment.json");

/// Finding codes of the campaign and self-inspection forms.
pub const CAMPAIGN_CODES: &[&str] = crate::catalog::CampaignCode::NAMES;

/// Points lost per occurrence of a finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeductionRule {
    /// Finding code.
    pub code: String,
    /// Points per occurrence.
    pub points: f64,
    /// Category (for caps).
    pub category: String,
}

/// A metric that costs points below a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MetricItem {
    /// `on_time_rate`, `on_the_spot_rate` or `early_rate`.
    pub metric: String,
    /// Target.
    pub below: f64,
    /// Points lost when under it.
    pub points: f64,
}

/// One-vote veto (一票否决): the grade can be no better than `max_grade`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Veto {
    /// Name.
    pub name: String,
    /// Chinese name.
    #[serde(default)]
    pub name_zh: String,
    /// It counts faults of at least this severity...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// ...and of this deduction category (each when given; at least one of the two).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// It applies from this many of them (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<u32>,
    /// The best grade left.
    pub max_grade: String,
}

/// A grade band: totals at or above `min` (and below the next band up).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// Name, e.g. `excellent`.
    pub name: String,
    /// Chinese name, e.g. `优秀`.
    #[serde(default)]
    pub name_zh: String,
    /// Lowest total of the band.
    pub min: f64,
}

/// The assessment rule table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssessmentRules {
    /// `efficiency.assessment/1`.
    pub format: String,
    /// Version of the table.
    pub version: String,
    /// First day it applies.
    pub effective_from: NaiveDate,
    /// Last day it applies.
    pub effective_to: NaiveDate,
    /// Where the numbers come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Points every unit starts with.
    pub base: f64,
    /// The most a unit can reach with bonuses.
    pub cap: f64,
    /// Deductions per finding code.
    pub deductions: Vec<DeductionRule>,
    /// The most a category can cost.
    #[serde(default)]
    pub category_caps: BTreeMap<String, f64>,
    /// Points lost per inspection verdict.
    #[serde(default)]
    pub inspection_verdicts: BTreeMap<String, f64>,
    /// Points gained: `commendation`, `good_inspection`.
    #[serde(default)]
    pub bonuses: BTreeMap<String, f64>,
    /// Metric-based items.
    #[serde(default)]
    pub metric_items: Vec<MetricItem>,
    /// Vetoes.
    #[serde(default)]
    pub vetoes: Vec<Veto>,
    /// Grade bands, best first.
    pub grades: Vec<Grade>,
}

fn invalid(path: impl Into<String>, message: impl Into<String>) -> OrgError {
    OrgError::new("assessment.invalid_rules", path, message)
}

fn known_code(code: &str) -> bool {
    crate::catalog::is_fault_code(code)
}

impl Default for AssessmentRules {
    fn default() -> Self {
        AssessmentRules::shipped().clone()
    }
}

impl AssessmentRules {
    /// The shipped rules (`data/rules/assessment.json`), read once: what an omitted `rules`
    /// argument means in every language.
    pub fn shipped() -> &'static AssessmentRules {
        static SHIPPED: std::sync::OnceLock<AssessmentRules> = std::sync::OnceLock::new();
        SHIPPED.get_or_init(|| {
            AssessmentRules::from_json(ASSESSMENT_RULES_JSON).expect("shipped rules are valid")
        })
    }
}

impl AssessmentRules {
    /// Rules from JSON.
    pub fn from_json(text: &str) -> Result<Self, OrgError> {
        crate::limits::document(text, "assessment rules")?;
        let r: AssessmentRules = serde_json::from_str(text).map_err(|e| {
            let (at, m) = crate::json::error_parts(&e);
            invalid(at, m)
        })?;
        r.validated()
    }

    /// Rules from TOML (the same fields).
    pub fn from_toml(text: &str) -> Result<Self, OrgError> {
        crate::limits::document(text, "assessment rules")?;
        let doc = crate::json::toml_as_json(text)
            .map_err(|e| invalid("toml", e.message().to_string()))?;
        let r: AssessmentRules =
            serde_json::from_value(doc).map_err(|e| invalid("toml", e.to_string()))?;
        r.validated()
    }

    /// Checks the table: known finding codes (once each), non-negative points, a cap not below
    /// the base, effective dates in order, known metrics, vetoes naming a grade, and grade bands
    /// strictly descending down to 0 (no overlap, no gap).
    ///
    /// ```
    /// use efficiency_core::assessment::{AssessmentRules, ASSESSMENT_RULES_JSON};
    /// let bad = ASSESSMENT_RULES_JSON.replace("\"min\": 80", "\"min\": 90");
    /// assert!(AssessmentRules::from_json(&bad).unwrap_err().to_string().contains("grades[1]"));
    /// let bad = ASSESSMENT_RULES_JSON.replace("\"conduct.idling\"", "\"conduct\"");
    /// assert!(AssessmentRules::from_json(&bad).unwrap_err().to_string().contains("unknown finding code"));
    /// ```
    pub fn validated(self) -> Result<Self, OrgError> {
        if self.format != "efficiency.assessment/1" {
            return Err(invalid(
                "format",
                format!(
                    "expected \"efficiency.assessment/1\", found {:?}",
                    self.format
                ),
            ));
        }
        if self.effective_to < self.effective_from {
            return Err(invalid("effective_to", "is before effective_from"));
        }
        if self.cap < self.base {
            return Err(invalid(
                "cap",
                format!("{} is below the base {}", self.cap, self.base),
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        for (i, d) in self.deductions.iter().enumerate() {
            if !known_code(&d.code) {
                return Err(invalid(
                    format!("deductions[{i}].code"),
                    format!("unknown finding code {:?}", d.code),
                ));
            }
            if !seen.insert(d.code.as_str()) {
                return Err(invalid(
                    format!("deductions[{i}].code"),
                    format!("{:?} appears twice", d.code),
                ));
            }
            if d.points.is_nan() || d.points < 0.0 {
                return Err(invalid(
                    format!("deductions[{i}].points"),
                    "must not be negative",
                ));
            }
        }
        for (i, m) in self.metric_items.iter().enumerate() {
            if !["on_time_rate", "on_the_spot_rate", "early_rate"].contains(&m.metric.as_str()) {
                return Err(invalid(
                    format!("metric_items[{i}].metric"),
                    format!("unknown metric {:?}", m.metric),
                ));
            }
        }
        for (i, v) in self.vetoes.iter().enumerate() {
            if !self.grades.iter().any(|g| g.name == v.max_grade) {
                return Err(invalid(
                    format!("vetoes[{i}].max_grade"),
                    format!("unknown grade {:?}", v.max_grade),
                ));
            }
            if v.at_least == Some(0) {
                return Err(invalid(
                    format!("vetoes[{i}].at_least"),
                    "must be at least 1",
                ));
            }
            if v.severity.is_none() && v.category.is_none() {
                return Err(invalid(
                    format!("vetoes[{i}]"),
                    "needs a severity, a category, or both",
                ));
            }
        }
        if self.grades.is_empty() {
            return Err(invalid("grades", "needs at least one band"));
        }
        for (i, w) in self.grades.windows(2).enumerate() {
            if w[1].min >= w[0].min {
                return Err(invalid(
                    format!("grades[{}]", i + 1),
                    format!(
                        "bands must descend without overlap: {} ({}) is not below {} ({})",
                        w[1].name, w[1].min, w[0].name, w[0].min
                    ),
                ));
            }
        }
        if self.grades.last().map(|g| g.min) != Some(0.0) {
            return Err(invalid(
                format!("grades[{}]", self.grades.len() - 1),
                "the lowest band must start at 0 (no gap)",
            ));
        }
        Ok(self)
    }

    fn grade_for(&self, total: f64) -> &Grade {
        self.grades
            .iter()
            .find(|g| total >= g.min)
            .unwrap_or_else(|| self.grades.last().expect("validated"))
    }

    fn grade_index(&self, name: &str) -> usize {
        self.grades
            .iter()
            .position(|g| g.name == name)
            .unwrap_or(self.grades.len() - 1)
    }
}

/// An inspection verdict (督查).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    /// Id.
    pub id: String,
    /// Unit inspected.
    pub unit: String,
    /// When.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub at: NaiveDateTime,
    /// `good`, `weak_organisation`, `measures_not_in_place` or `going_through_motions`.
    pub verdict: String,
    /// Notes.
    #[serde(default)]
    pub notes: String,
}

/// A commendation of a unit (表彰).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Commendation {
    /// Id.
    pub id: String,
    /// Unit commended.
    pub unit: String,
    /// When.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub at: NaiveDateTime,
    /// For what.
    pub reason: String,
}

/// One line of a scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScoreLine {
    /// The rule: `deduction <code>`, `inspection <verdict>`, `metric <name>`, `bonus <name>`,
    /// `cap <category>`, `cap total`.
    pub rule: String,
    /// Category.
    pub category: String,
    /// Points (negative for deductions).
    pub points: f64,
    /// The findings behind it: `source code`.
    pub findings: Vec<String>,
    /// Their evidence events.
    pub events: Vec<String>,
    /// Why, for a reader, in Chinese unless the line was written in another language
    /// ([`ScoreLine::localized`]).
    #[serde(default, alias = "note")]
    pub text: String,
    /// The text's named arguments.
    #[serde(default, deserialize_with = "Args::ignored")]
    pub args: Args,
    /// The catalogue message the text is written from: the fault's own for a deduction (its
    /// text is the fault's), `line.inspection`, `line.metric`, `line.cap_category`, … otherwise.
    #[serde(default)]
    pub message_code: String,
}

impl ScoreLine {
    /// What the line scores, as its reader names it: the fault for a deduction, the metric, or
    /// the kind of line (inspection, bonus, cap).
    ///
    /// ```
    /// use efficiency_core::assessment::ScoreLine;
    /// use efficiency_core::messages::{Lang, Messages};
    /// let line = ScoreLine {
    ///     rule: "deduction step.overdue".into(), category: "time_limits".into(), points: -0.5,
    ///     findings: vec![], events: vec![], text: String::new(), args: Default::default(),
    ///     message_code: "step.overdue".into(),
    /// };
    /// assert_eq!(line.rule_name(&Messages::shipped(), Lang::Zh), "内部环节超时");
    /// ```
    pub fn rule_name(&self, messages: &Messages, lang: Lang) -> String {
        let (kind, what) = self
            .rule
            .split_once(' ')
            .unwrap_or((self.rule.as_str(), ""));
        match kind {
            "deduction" => messages.fault_name(lang, what, &self.args),
            "metric" => messages.name(lang, "metric", what),
            "inspection" => messages.name(lang, "category", "inspection"),
            "cap" => messages.name(lang, "rule", "cap"),
            _ => messages.name(lang, "category", "bonus"),
        }
    }

    /// The line with its text written in `lang` from `messages` (a line whose fault came from
    /// input, without arguments, keeps its text).
    pub fn localized(mut self, messages: &Messages, lang: Lang) -> ScoreLine {
        if !self.args.is_empty() {
            self.text = messages.text(lang, &self.message_code, &self.args);
        }
        self
    }

    fn written(self) -> ScoreLine {
        self.localized(&Messages::shipped(), Lang::Zh)
    }
}

/// Points as a reader writes them: `3`, `0.5`.
/// The catalogue's name of a metric the rule table scores (`metric-on_time_rate`, …).
fn metric_code(metric: &str) -> &'static str {
    match metric {
        "on_time_rate" => "on_time_rate",
        "on_the_spot_rate" => "on_the_spot_rate",
        _ => "early_rate",
    }
}

/// The catalogue's name of a category (`category-time_limits`, …); a category of the bureau's
/// own reads as itself.
fn category_code(category: &str) -> &'static str {
    const KNOWN: &[&str] = &[
        "time_limits",
        "first_inquiry",
        "disclosure",
        "conduct",
        "complaints",
        "campaign",
        "inspection",
        "metrics",
        "bonus",
    ];
    KNOWN
        .iter()
        .find(|k| **k == category)
        .copied()
        .unwrap_or("other")
}

fn points_text(x: f64) -> Arg {
    Arg::Text(if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    })
}

/// A unit's scorecard for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Scorecard {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// The unit head.
    pub head: Option<String>,
    /// Rule table version.
    pub rules_version: String,
    /// Lines.
    pub lines: Vec<ScoreLine>,
    /// Total.
    pub total: f64,
    /// Grade before vetoes.
    pub grade_by_points: String,
    /// Grade.
    pub grade: String,
    /// Grade, Chinese.
    pub grade_zh: String,
    /// Vetoes that applied (their names).
    pub vetoes: Vec<String>,
    /// Vetoes that applied, Chinese names.
    #[serde(default)]
    pub vetoes_zh: Vec<String>,
    /// Rank among the units scored together (ties share a rank).
    pub rank: usize,
}

/// The unit a fault counts against: its own unit, or its first person's.
pub fn unit_of(org: &Organisation, f: &Fault) -> Option<String> {
    f.unit.clone().or_else(|| {
        f.people
            .iter()
            .find_map(|p| org.person(p).and_then(|x| x.unit.clone()))
    })
}

/// Input for scoring units over a period.
#[derive(Debug, Clone, Default)]
pub struct AssessmentInput<'a> {
    /// All faults (they are attributed to units with [`unit_of`] and filtered by period).
    pub faults: &'a [Fault],
    /// Inspections.
    pub inspections: &'a [Inspection],
    /// Commendations.
    pub commendations: &'a [Commendation],
    /// Metrics per unit (rows grouped by unit).
    pub metrics: &'a [MetricsRow],
}

/// [`score_units`] as a binding is given it: `units` a list of unit ids, `period` a pair
/// `[from, to)`, `input` a record with any of `faults`, `inspections`, `commendations` and
/// `metrics` (rows, or columns as `case_metrics` gives them), `rules` the shipped table when
/// none; times without an offset are read in `zone`. A record that does not read is
/// `assessment.invalid_input` naming it.
///
/// ```
/// use efficiency_core::assessment::score_units_of;
/// use efficiency_core::boundary::Value;
/// use efficiency_core::date::Zone;
/// use efficiency_core::org::Organisation;
/// let units = Value::List(vec![Value::Str("social_org".into()), Value::Str("affairs".into())]);
/// let period = Value::List(vec![Value::Str("2026-01-01T00:00".into()), Value::Str("2027-01-01T00:00".into())]);
/// let cards = score_units_of(&Organisation::sample(), None, &units, &period, &Value::Null, Zone::CHINA)?;
/// assert_eq!((cards[0].total, cards[0].rank), (100.0, 1));
/// let bad = Value::Map(vec![("fautls".into(), Value::List(vec![]))]);
/// let e = score_units_of(&Organisation::sample(), None, &units, &period, &bad, Zone::CHINA).unwrap_err();
/// assert_eq!((e.code, e.field.as_deref()), ("argument.invalid", Some("fautls")));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub fn score_units_of(
    org: &Organisation,
    rules: Option<&AssessmentRules>,
    units: &Value,
    period: &Value,
    input: &Value,
    zone: Zone,
) -> Result<Vec<Scorecard>, Error> {
    input.check_options(
        "score_units",
        &["faults", "inspections", "commendations", "metrics"],
    )?;
    let units: Vec<&str> = units
        .list("units")?
        .iter()
        .enumerate()
        .map(|(i, u)| u.string(&format!("units[{i}]")))
        .collect::<Result<_, _>>()?;
    let (from, to) = period.period("period", zone)?;
    let read = |key: &str, v: &Value| -> Result<Value, Error> {
        Ok(match v {
            Value::Null => Value::List(Vec::new()),
            v => Value::List(v.rows(key)?),
        })
    };
    let code = "assessment.invalid_input";
    let faults: Vec<Fault> = read("faults", input.get("faults"))?.deserialize(
        "faults",
        zone,
        "accountability.invalid_fault",
    )?;
    let inspections: Vec<Inspection> =
        read("inspections", input.get("inspections"))?.deserialize("inspections", zone, code)?;
    let commendations: Vec<Commendation> = read("commendations", input.get("commendations"))?
        .deserialize("commendations", zone, code)?;
    let metrics: Vec<MetricsRow> =
        read("metrics", input.get("metrics"))?.deserialize("metrics", zone, code)?;
    let data = AssessmentInput {
        faults: &faults,
        inspections: &inspections,
        commendations: &commendations,
        metrics: &metrics,
    };
    Ok(score_units(
        org,
        rules.unwrap_or_else(|| AssessmentRules::shipped()),
        &units,
        &data,
        from,
        to,
    )?)
}

/// Scorecards for `units` over `[from, to)`, ranked. Errors: a unit or an inspection verdict the
/// rules do not know, or a period outside the rules' effective dates.
///
/// ```
/// use efficiency_core::assessment::{score_units, AssessmentInput, AssessmentRules};
/// use efficiency_core::org::Organisation;
/// let org = Organisation::sample();
/// let t = |s: &str| s.parse().unwrap();
/// let cards = score_units(&org, &AssessmentRules::default(), &["social_org", "affairs"], &AssessmentInput::default(),
///     t("2026-01-01T00:00:00"), t("2027-01-01T00:00:00"))?;
/// assert_eq!((cards[0].total, cards[0].grade.as_str(), cards[0].rank, cards[1].rank), (100.0, "excellent", 1, 1));
/// # Ok::<(), efficiency_core::org::OrgError>(())
/// ```
pub fn score_units(
    org: &Organisation,
    rules: &AssessmentRules,
    units: &[&str],
    input: &AssessmentInput<'_>,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<Scorecard>, OrgError> {
    if from.date() < rules.effective_from
        || to.date() > rules.effective_to.succ_opt().unwrap_or(rules.effective_to)
    {
        return Err(invalid(
            "period",
            format!(
                "{} to {} is outside the rules' effective dates ({} to {}, version {})",
                from, to, rules.effective_from, rules.effective_to, rules.version
            ),
        ));
    }
    // A fault that names a unit or person the organisation does not have would count against
    // no one: an error naming it, never a silent 100 points.
    for (i, f) in input.faults.iter().enumerate() {
        let at = format!("faults[{i}] ({} {})", f.source, f.code);
        if let Some(u) = &f.unit {
            if org.unit(u).is_none() {
                return Err(OrgError::new(
                    "org.unknown_unit",
                    at,
                    format!("unit {u:?} is not in the organisation"),
                ));
            }
        }
        if let Some(p) = f.people.iter().find(|p| org.person(p).is_none()) {
            return Err(OrgError::new(
                "org.unknown_person",
                at,
                format!("person {p:?} is not in the organisation"),
            ));
        }
        if f.unit.is_none() && f.people.is_empty() {
            return Err(OrgError::new(
                "org.unknown_unit",
                at,
                "names neither a unit nor a person, so it counts against no unit".to_string(),
            ));
        }
    }
    let mut cards = Vec::new();
    for &unit in units {
        let u = org.unit(unit).ok_or_else(|| {
            OrgError::new(
                "org.unknown_unit",
                "units",
                format!("unknown unit {unit:?}"),
            )
        })?;
        let mut lines: Vec<ScoreLine> = Vec::new();
        let faults: Vec<&Fault> = input
            .faults
            .iter()
            .filter(|f| f.at >= from && f.at < to && unit_of(org, f).as_deref() == Some(unit))
            .collect();
        for f in &faults {
            if let Some(d) = rules.deductions.iter().find(|d| d.code == f.code) {
                lines.push(ScoreLine {
                    rule: format!("deduction {}", d.code),
                    category: d.category.clone(),
                    points: -d.points,
                    findings: vec![format!("{} {}", f.source, f.code)],
                    events: f.events.clone(),
                    text: f.text.clone(),
                    args: f.args.clone(),
                    message_code: f.message_code.clone().unwrap_or_else(|| f.code.clone()),
                });
            }
        }
        for i in input
            .inspections
            .iter()
            .filter(|i| i.unit == unit && i.at >= from && i.at < to)
        {
            if i.verdict == "good" {
                if let Some(b) = rules.bonuses.get("good_inspection") {
                    lines.push(
                        ScoreLine {
                            rule: "bonus good_inspection".into(),
                            category: "bonus".into(),
                            points: *b,
                            findings: vec![format!("inspection {}", i.id)],
                            events: vec![i.id.clone()],
                            text: String::new(),
                            args: Args::new().with("date", Arg::Date(i.at.date())),
                            message_code: "line.bonus_inspection".into(),
                        }
                        .written(),
                    );
                }
                continue;
            }
            let points = rules.inspection_verdicts.get(&i.verdict).ok_or_else(|| {
                invalid(
                    format!("inspections ({})", i.id),
                    format!("unknown verdict {:?}", i.verdict),
                )
            })?;
            lines.push(
                ScoreLine {
                    rule: format!("inspection {}", i.verdict),
                    category: "inspection".into(),
                    points: -points,
                    findings: vec![format!("inspection {}", i.id)],
                    events: vec![i.id.clone()],
                    text: String::new(),
                    args: Args::new()
                        .with("date", Arg::Date(i.at.date()))
                        .with("notes", Arg::Text(i.notes.clone())),
                    message_code: "line.inspection".into(),
                }
                .written(),
            );
        }
        if let Some(m) = input.metrics.iter().find(|r| r.group == unit) {
            for item in &rules.metric_items {
                let value = match item.metric.as_str() {
                    "on_time_rate" => m.on_time_rate(),
                    "on_the_spot_rate" => m.on_the_spot_rate(),
                    _ => m.early_rate(),
                };
                if let Some(v) = value.filter(|v| *v < item.below) {
                    lines.push(
                        ScoreLine {
                            rule: format!("metric {}", item.metric),
                            category: "metrics".into(),
                            points: -item.points,
                            findings: vec![],
                            events: vec![],
                            text: String::new(),
                            args: Args::new()
                                .with("metric", Arg::Name("metric", metric_code(&item.metric)))
                                .with("value", Arg::Text(format!("{:.1}", v * 100.0)))
                                .with("target", Arg::Text(format!("{:.1}", item.below * 100.0)))
                                .with("concluded", Arg::Int(m.concluded as i64)),
                            message_code: "line.metric".into(),
                        }
                        .written(),
                    );
                }
            }
        }
        for c in input
            .commendations
            .iter()
            .filter(|c| c.unit == unit && c.at >= from && c.at < to)
        {
            if let Some(b) = rules.bonuses.get("commendation") {
                lines.push(
                    ScoreLine {
                        rule: "bonus commendation".into(),
                        category: "bonus".into(),
                        points: *b,
                        findings: vec![format!("commendation {}", c.id)],
                        events: vec![c.id.clone()],
                        text: String::new(),
                        args: Args::new().with("reason", Arg::Text(c.reason.clone())),
                        message_code: "line.bonus_commendation".into(),
                    }
                    .written(),
                );
            }
        }
        // Category caps.
        let mut by_category: BTreeMap<String, f64> = BTreeMap::new();
        for l in lines.iter().filter(|l| l.points < 0.0) {
            *by_category.entry(l.category.clone()).or_default() += -l.points;
        }
        for (cat, lost) in by_category {
            if let Some(cap) = rules.category_caps.get(&cat) {
                if lost > *cap {
                    lines.push(
                        ScoreLine {
                            rule: format!("cap {cat}"),
                            category: cat.clone(),
                            points: lost - cap,
                            findings: vec![],
                            events: vec![],
                            text: String::new(),
                            args: Args::new()
                                .with("category", Arg::Name("category", category_code(&cat)))
                                .with("cap", points_text(*cap))
                                .with("lost", points_text(lost)),
                            message_code: "line.cap_category".into(),
                        }
                        .written(),
                    );
                }
            }
        }
        let mut total = rules.base + lines.iter().map(|l| l.points).sum::<f64>();
        if total > rules.cap {
            lines.push(
                ScoreLine {
                    rule: "cap total".into(),
                    category: "bonus".into(),
                    points: rules.cap - total,
                    findings: vec![],
                    events: vec![],
                    text: String::new(),
                    args: Args::new().with("cap", points_text(rules.cap)),
                    message_code: "line.cap_total".into(),
                }
                .written(),
            );
            total = rules.cap;
        }
        total = total.max(0.0);
        let by_points = rules.grade_for(total).clone();
        let mut grade_idx = rules.grade_index(&by_points.name);
        let (mut vetoes, mut vetoes_zh) = (Vec::new(), Vec::new());
        for v in &rules.vetoes {
            // The faults the veto counts: at least its severity (if it names one) and of its
            // category (if it names one); it applies from `at_least` of them (default 1).
            let count = faults
                .iter()
                .filter(|f| v.severity.is_none_or(|s| f.severity >= s))
                .filter(|f| {
                    v.category.as_ref().is_none_or(|cat| {
                        rules
                            .deductions
                            .iter()
                            .any(|d| d.code == f.code && &d.category == cat)
                    })
                })
                .count() as u32;
            let hit = count >= v.at_least.unwrap_or(1);
            if hit {
                vetoes.push(v.name.clone());
                vetoes_zh.push(v.name_zh.clone());
                grade_idx = grade_idx.max(rules.grade_index(&v.max_grade));
            }
        }
        let grade = &rules.grades[grade_idx];
        cards.push(Scorecard {
            unit: u.id.clone(),
            unit_name: u.name.clone(),
            head: u.head.clone(),
            rules_version: rules.version.clone(),
            lines,
            total: (total * 100.0).round() / 100.0,
            grade_by_points: by_points.name.clone(),
            grade: grade.name.clone(),
            grade_zh: grade.name_zh.clone(),
            vetoes,
            vetoes_zh,
            rank: 0,
        });
    }
    // Competition ranking: ties share a rank (1, 1, 3).
    let totals: Vec<f64> = cards.iter().map(|c| c.total).collect();
    for c in &mut cards {
        c.rank = 1 + totals.iter().filter(|t| **t > c.total).count();
    }
    cards.sort_by(|a, b| a.rank.cmp(&b.rank).then_with(|| a.unit.cmp(&b.unit)));
    Ok(cards)
}

/// Units to commend: graded the best band, no veto.
pub fn commendation_list(cards: &[Scorecard], rules: Option<&AssessmentRules>) -> Vec<String> {
    let rules = rules.unwrap_or_else(|| AssessmentRules::shipped());
    let best = &rules.grades[0].name;
    cards
        .iter()
        .filter(|c| &c.grade == best && c.vetoes.is_empty())
        .map(|c| c.unit.clone())
        .collect()
}

/// Unit heads to be held responsible: units graded the lowest band or vetoed (docs/domain.md §1.2).
pub fn heads_responsible(
    cards: &[Scorecard],
    rules: Option<&AssessmentRules>,
) -> Vec<(String, String)> {
    let rules = rules.unwrap_or_else(|| AssessmentRules::shipped());
    let worst = &rules.grades[rules.grades.len() - 1].name;
    cards
        .iter()
        .filter(|c| &c.grade == worst || !c.vetoes.is_empty())
        .filter_map(|c| c.head.clone().map(|h| (c.unit.clone(), h)))
        .collect()
}

/// One rule's change between two scorecards of a unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiffLine {
    /// The rule.
    pub rule: String,
    /// Points in the earlier card.
    pub before: f64,
    /// Points in the later card.
    pub after: f64,
    /// after − before.
    pub change: f64,
}

/// The difference between two periods' scorecards of one unit, rule by rule.
pub fn diff(before: &Scorecard, after: &Scorecard) -> Vec<DiffLine> {
    let mut rules: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for l in &before.lines {
        rules.entry(&l.rule).or_default().0 += l.points;
    }
    for l in &after.lines {
        rules.entry(&l.rule).or_default().1 += l.points;
    }
    let mut out: Vec<DiffLine> = rules
        .into_iter()
        .map(|(rule, (b, a))| DiffLine {
            rule: rule.to_string(),
            before: b,
            after: a,
            change: a - b,
        })
        .filter(|d| d.change.abs() > 1e-9)
        .collect();
    out.push(DiffLine {
        rule: "total".into(),
        before: before.total,
        after: after.total,
        change: after.total - before.total,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOML: &str = r#"
format = "efficiency.assessment/1"
version = "local-2026"
effective_from = "2026-01-01"
effective_to = "2026-12-31"
base = 100
cap = 105
deductions = [{ code = "time_limit.statutory_missed", points = 4, category = "time_limits" }]
category_caps = { time_limits = 8 }
grades = [{ name = "pass", min = 70 }, { name = "fail", min = 0 }]
"#;

    /// A typo in a fault's unit or person is an error naming the fault, not a unit left at 100.
    #[test]
    fn faults_naming_unknown_units_or_people_are_refused() {
        let org = Organisation::sample();
        let t = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        let fault = |unit: Option<&str>, people: &[&str]| Fault {
            source: "complaint K9".into(),
            code: "complaint.substantiated".into(),
            severity: Severity::Serious,
            at: t("2026-05-01T10:00:00"),
            people: people.iter().map(|p| p.to_string()).collect(),
            unit: unit.map(str::to_string),
            events: vec![],
            text: String::new(),
            args: Default::default(),
            message_code: None,
        };
        let score = |f: Fault| {
            let faults = [f];
            let input = AssessmentInput {
                faults: &faults,
                ..AssessmentInput::default()
            };
            score_units(
                &org,
                &AssessmentRules::default(),
                &["affairs"],
                &input,
                t("2026-01-01T00:00:00"),
                t("2027-01-01T00:00:00"),
            )
        };
        let e = score(fault(Some("releif"), &[])).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (
                "org.unknown_unit",
                "faults[0] (complaint K9 complaint.substantiated)"
            )
        );
        assert_eq!(
            score(fault(None, &["aff99"])).unwrap_err().code,
            "org.unknown_person"
        );
        assert_eq!(
            score(fault(None, &[])).unwrap_err().code,
            "org.unknown_unit"
        );
        assert!(score(fault(Some("affairs"), &[])).is_ok());
    }

    /// A bureau's TOML may write dates natively (`effective_from = 2027-01-01`).
    #[test]
    fn toml_native_dates_read_like_quoted_ones() {
        let native = TOML
            .replace("\"2026-01-01\"", "2026-01-01")
            .replace("\"2026-12-31\"", "2026-12-31");
        assert_ne!(native, TOML);
        assert_eq!(
            AssessmentRules::from_toml(&native).unwrap(),
            AssessmentRules::from_toml(TOML).unwrap()
        );
    }

    #[test]
    fn toml_rules_score_like_json_ones() {
        let rules = AssessmentRules::from_toml(TOML).unwrap();
        assert_eq!(rules.version, "local-2026");
        let org = Organisation::sample();
        let t = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        let fault = Fault {
            source: "case C".into(),
            code: "time_limit.statutory_missed".into(),
            severity: Severity::Serious,
            at: t("2026-05-01T17:30:00"),
            people: vec!["aff01".into()],
            unit: None,
            events: vec!["e2".into()],
            text: String::new(),
            args: Default::default(),
            message_code: None,
        };
        let faults = vec![fault.clone(), fault.clone(), fault];
        let input = AssessmentInput {
            faults: &faults,
            ..AssessmentInput::default()
        };
        let cards = score_units(
            &org,
            &rules,
            &["affairs"],
            &input,
            t("2026-01-01T00:00:00"),
            t("2027-01-01T00:00:00"),
        )
        .unwrap();
        // 3 x 4 = 12 points, capped at 8.
        assert_eq!((cards[0].total, cards[0].grade.as_str()), (92.0, "pass"));
        assert_eq!(
            cards[0]
                .lines
                .iter()
                .filter(|l| l.rule == "cap time_limits")
                .count(),
            1
        );
        assert!(
            cards[0].lines[0].findings[0].contains("case C") && cards[0].lines[0].events == ["e2"]
        );
        let outside = score_units(
            &org,
            &rules,
            &["affairs"],
            &input,
            t("2025-01-01T00:00:00"),
            t("2026-01-01T00:00:00"),
        )
        .unwrap_err();
        assert!(outside.to_string().contains("effective dates"));
        assert!(AssessmentRules::from_toml("format = 1").is_err());
    }

    #[test]
    fn diff_shows_what_changed() {
        let org = Organisation::sample();
        let rules = AssessmentRules::default();
        let t = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        let f = |at: &str| Fault {
            source: "case C".into(),
            code: "time_limit.promised_missed".into(),
            severity: Severity::Ordinary,
            at: t(at),
            people: vec!["soc01".into()],
            unit: None,
            events: vec![],
            text: String::new(),
            args: Default::default(),
            message_code: None,
        };
        let faults = vec![
            f("2026-02-01T17:30:00"),
            f("2026-08-01T17:30:00"),
            f("2026-09-01T17:30:00"),
        ];
        let input = AssessmentInput {
            faults: &faults,
            ..AssessmentInput::default()
        };
        let h1 = score_units(
            &org,
            &rules,
            &["social_org"],
            &input,
            t("2026-01-01T00:00:00"),
            t("2026-07-01T00:00:00"),
        )
        .unwrap();
        let h2 = score_units(
            &org,
            &rules,
            &["social_org"],
            &input,
            t("2026-07-01T00:00:00"),
            t("2027-01-01T00:00:00"),
        )
        .unwrap();
        let d = diff(&h1[0], &h2[0]);
        assert_eq!(d[0].rule, "deduction time_limit.promised_missed");
        assert_eq!((d[0].before, d[0].after, d[0].change), (-1.0, -2.0, -1.0));
        assert_eq!(d.last().unwrap().rule, "total");
        assert_eq!(
            commendation_list(&h1, Some(&rules)),
            vec!["social_org".to_string()]
        );
        assert!(heads_responsible(&h2, Some(&rules)).is_empty());
    }
}
