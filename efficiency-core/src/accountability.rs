//! Accountability (责任追究制, docs/domain.md §7): from findings to the people who answer for them and
//! the measures the rules allow. The library proposes; people decide — every entry says which
//! parts were decided by rule and which are left to the leadership.
//!
//! ```
//! use efficiency_core::accountability::{accountability_list, AccountabilityRules, Fault};
//! use efficiency_core::case::Severity;
//! use efficiency_core::org::Organisation;
//! let org = Organisation::sample();
//! let t = |s: &str| s.parse().unwrap();
//! let fault = Fault {
//!     source: "case C1".into(), code: "time_limit.statutory_missed".into(), severity: Severity::Serious,
//!     at: t("2026-10-30T17:30:00"), people: vec!["aff01".into()], unit: None, events: vec![],
//!     text: "法定时限已届满，未办结".into(), args: Default::default(), message_code: None,
//! };
//! let list = accountability_list(&org, &AccountabilityRules::default(), &[fault], t("2026-10-01T00:00:00"), t("2027-01-01T00:00:00"))?;
//! let who: Vec<_> = list.iter().map(|e| (e.person.as_str(), e.responsibility.as_str())).collect();
//! assert_eq!(who, [("aff01", "direct"), ("aff-h", "main_leadership")]);
//! assert_eq!(list[0].measures[0].as_str(), "warning");
//! # Ok::<(), efficiency_core::org::OrgError>(())
//! ```

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::boundary::Value;
use crate::case::{CaseFinding, Severity};
use crate::date::Zone;
use crate::error::Error;
use crate::org::{OrgError, Organisation, Position};

/// Who answers for a fault, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Responsibility {
    /// 直接责任: the person who did it.
    Direct,
    /// 主要领导责任: the head of the unit whose fault it is.
    MainLeadership,
    /// 重要领导责任: the leader in charge of that unit.
    ImportantLeadership,
}

crate::names!(Responsibility {
    Direct => "direct",
    MainLeadership => "main_leadership",
    ImportantLeadership => "important_leadership",
});

/// A measure the matrix may propose: the lighter ones (no period) and the sanctions of
/// 公职人员政务处分法 (with periods).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// 批评教育.
    Admonition,
    /// 书面检查.
    WrittenSelfCriticism,
    /// 通报批评.
    CirculatedCriticism,
    /// 调离岗位.
    Reassignment,
    /// 警告.
    Warning,
    /// 记过.
    Demerit,
    /// 记大过.
    MajorDemerit,
    /// 降级.
    Demotion,
    /// 撤职.
    Removal,
    /// 开除.
    Dismissal,
}

crate::names!(Measure {
    Admonition => "admonition",
    WrittenSelfCriticism => "written_self_criticism",
    CirculatedCriticism => "circulated_criticism",
    Reassignment => "reassignment",
    Warning => "warning",
    Demerit => "demerit",
    MajorDemerit => "major_demerit",
    Demotion => "demotion",
    Removal => "removal",
    Dismissal => "dismissal",
});

/// How repeats are read (docs/domain.md §7): a repeat is the **same person's** fault of the same code
/// within `window_months` before. It never changes the fault's severity (that is the rule
/// tables'); it makes a **proposal** on that person's own line: `escalate_by` levels more, at
/// most `cap` (per code `code_caps`). Leadership lines keep the fault's severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RepeatRule {
    /// A fault of the same code by the same person within this many months before...
    pub window_months: u32,
    /// ...proposes this many levels more severe...
    pub escalate_by: u8,
    /// ...at most this (default `serious`: repetition alone never proposes very serious).
    #[serde(default = "serious")]
    pub cap: Severity,
    /// Caps by finding code, replacing `cap` for that code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub code_caps: BTreeMap<String, Severity>,
}

fn serious() -> Severity {
    Severity::Serious
}

/// The accountability rule table (`efficiency.accountability/1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountabilityRules {
    /// `efficiency.accountability/1`.
    pub format: String,
    /// Where the numbers come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Who answers, by severity.
    pub responsibility: BTreeMap<Severity, Vec<Responsibility>>,
    /// Overrides by finding code.
    #[serde(default)]
    pub code_responsibility: BTreeMap<String, Vec<Responsibility>>,
    /// Measures allowed: severity × responsibility.
    pub measures: BTreeMap<Severity, BTreeMap<Responsibility, Vec<Measure>>>,
    /// Escalation of repeats.
    pub repeat: RepeatRule,
    /// Sanction periods in months (dismissal is permanent and has none).
    pub sanction_months: BTreeMap<Measure, u32>,
    /// The longest combined period.
    pub sanction_cap_months: u32,
    /// Effect of each measure on the person's annual grade (优秀/称职/基本称职/不称职), as text;
    /// the defaults (公务员考核规定): `not_excellent` for a warning (not 优秀 that year),
    /// `not_competent_or_above` for a demerit or heavier (not 称职 or above), `dismissed`.
    #[serde(default)]
    pub grade_effects: BTreeMap<Measure, String>,
}

/// The default rules.
pub const ACCOUNTABILITY_RULES_JSON: &str = include_str!("../data/rules/accountability.json");

impl Default for AccountabilityRules {
    fn default() -> Self {
        AccountabilityRules::from_json(ACCOUNTABILITY_RULES_JSON).expect("shipped rules are valid")
    }
}

const SEVERITIES: [Severity; 3] = [Severity::Ordinary, Severity::Serious, Severity::VerySerious];

impl AccountabilityRules {
    /// Rules from JSON. Unknown severities, roles or measures are errors naming the value;
    /// every severity needs a responsibility list and a full row of the matrix; sanctions need
    /// periods (except dismissal); finding codes must be in the catalog.
    ///
    /// ```
    /// use efficiency_core::accountability::{AccountabilityRules, ACCOUNTABILITY_RULES_JSON};
    /// let bad = ACCOUNTABILITY_RULES_JSON.replace("\"reassignment\"]", "\"exile\"]");
    /// assert!(AccountabilityRules::from_json(&bad).unwrap_err().to_string().contains("exile"));
    /// ```
    pub fn from_json(text: &str) -> Result<AccountabilityRules, OrgError> {
        crate::limits::document(text, "accountability rules")?;
        let r: AccountabilityRules = serde_json::from_str(text).map_err(|e| {
            let (at, m) = crate::json::error_parts(&e);
            OrgError::new("accountability.invalid_rules", at, m)
        })?;
        let bad = |path: String, message: String| {
            OrgError::new("accountability.invalid_rules", path, message)
        };
        if r.format != "efficiency.accountability/1" {
            return Err(bad(
                "format".into(),
                format!(
                    "expected \"efficiency.accountability/1\", found {:?}",
                    r.format
                ),
            ));
        }
        for s in SEVERITIES {
            if r.responsibility.get(&s).is_none_or(|v| v.is_empty()) {
                return Err(bad(
                    format!("responsibility.{}", s.as_str()),
                    "needs at least one role".into(),
                ));
            }
            let row = r
                .measures
                .get(&s)
                .ok_or_else(|| bad(format!("measures.{}", s.as_str()), "missing".into()))?;
            for role in [
                Responsibility::Direct,
                Responsibility::MainLeadership,
                Responsibility::ImportantLeadership,
            ] {
                if row.get(&role).is_none_or(|v| v.is_empty()) {
                    return Err(bad(
                        format!("measures.{}.{}", s.as_str(), role.as_str()),
                        "needs at least one measure".into(),
                    ));
                }
                for m in &row[&role] {
                    if *m >= Measure::Warning
                        && *m != Measure::Dismissal
                        && !r.sanction_months.contains_key(m)
                    {
                        return Err(bad(
                            "sanction_months".into(),
                            format!("no period for {}", m.as_str()),
                        ));
                    }
                }
            }
        }
        for code in r.code_responsibility.keys() {
            if !crate::case::FINDING_CATALOG.iter().any(|f| f.code == code) && !code.contains('.') {
                return Err(bad(
                    format!("code_responsibility.{code}"),
                    "unknown finding code".into(),
                ));
            }
        }
        for code in r.repeat.code_caps.keys() {
            if !crate::case::FINDING_CATALOG.iter().any(|f| f.code == code) && !code.contains('.') {
                return Err(bad(
                    format!("repeat.code_caps.{code}"),
                    "unknown finding code".into(),
                ));
            }
        }
        Ok(r)
    }
}

/// A fault to account for: a case finding, a conduct incident, a complaint, a missed follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fault {
    /// Where it comes from, e.g. `case C1`, `conduct I7`, `complaint K3`.
    pub source: String,
    /// Finding code.
    pub code: String,
    /// Severity from the rule tables (the one severity accountability and assessment both read).
    pub severity: Severity,
    /// When.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub at: NaiveDateTime,
    /// The people directly involved (empty for a fault of a whole unit).
    #[serde(default)]
    pub people: Vec<String>,
    /// The unit, for a fault of a whole unit.
    #[serde(default)]
    pub unit: Option<String>,
    /// Evidence event ids.
    #[serde(default)]
    pub events: Vec<String>,
    /// What happened, for a clerk, in the language it was judged in (`message` is read as
    /// this in input).
    #[serde(default, alias = "message")]
    pub text: String,
    /// The text's named arguments, to write it in another language. A fault read from input
    /// (a fault this library gave, passed back) keeps its text and reads no arguments.
    #[serde(default, deserialize_with = "crate::messages::Args::ignored")]
    pub args: crate::messages::Args,
    /// The catalogue message the text is written from when it is not the code's own: a
    /// bureau's conduct rules are data, and their faults read through `conduct.incident` (an
    /// incident) or `whereabouts.absence_uncovered` (an absence nobody posted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_code: Option<String>,
}

impl Fault {
    /// The fault with its text written from its arguments by the shipped catalogue in Chinese
    /// (the default reader); [`Fault::localize`] writes it in another language or from a
    /// bureau's catalogue.
    pub fn written(self) -> Fault {
        self.localized(
            &crate::messages::Messages::shipped(),
            crate::messages::Lang::Zh,
        )
    }

    /// The fault with its text written in `lang` from `messages`. A fault read from input
    /// (no arguments) keeps its text.
    ///
    /// ```
    /// use efficiency_core::accountability::Fault;
    /// use efficiency_core::messages::{Arg, Args, Lang, Messages};
    /// let f = Fault {
    ///     source: "complaint K1".into(), code: "complaint.reply_late".into(),
    ///     severity: efficiency_core::catalog::Severity::Ordinary,
    ///     at: "2026-03-20T17:30:00".parse().unwrap(), people: vec![], unit: None, events: vec![],
    ///     text: String::new(), message_code: None,
    ///     args: Args::new()
    ///         .with("complaint", Arg::Text("K1".into()))
    ///         .with("accepted", Arg::Time("2026-03-02T10:00:00".parse().unwrap()))
    ///         .with("due", Arg::Time("2026-03-20T17:30:00".parse().unwrap())),
    /// }
    /// .written();
    /// assert_eq!(f.text, "投诉K1于2026年3月2日 10:00受理，至2026年3月20日 17:30未答复投诉人");
    /// let en = f.localized(&Messages::shipped(), Lang::En);
    /// assert_eq!(en.text, "complaint K1 accepted 2026-03-02 10:00 was not answered by 2026-03-20 17:30");
    /// ```
    pub fn localized(
        mut self,
        messages: &crate::messages::Messages,
        lang: crate::messages::Lang,
    ) -> Fault {
        if !self.args.is_empty() {
            let code = self.message_code.as_deref().unwrap_or(&self.code);
            self.text = messages.text(lang, code, &self.args);
        }
        self
    }

    /// Faults from JSON (an array of fault objects).
    pub fn list_from_json(text: &str) -> Result<Vec<Fault>, OrgError> {
        serde_json::from_str(text).map_err(|e| {
            let (at, m) = crate::json::error_parts(&e);
            OrgError::new("accountability.invalid_fault", format!("faults, {at}"), m)
        })
    }
}

impl Fault {
    /// The faults of a case status: one per finding, in time order.
    pub fn from_status(status: &crate::case::CaseStatus) -> Vec<Fault> {
        status
            .findings
            .iter()
            .map(|f| Fault::from_case(&status.case, f))
            .collect()
    }

    /// A fault from a case finding.
    pub fn from_case(case: &str, f: &CaseFinding) -> Fault {
        Fault {
            source: format!("case {case}"),
            code: f.code.to_string(),
            severity: f.severity,
            at: f.at,
            people: f.people.clone(),
            unit: None,
            events: f.events.clone(),
            text: f.text.clone(),
            args: f.args.clone(),
            message_code: None,
        }
    }
}

/// The same person's earlier fault of the same code: what makes a line a repeat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PriorFault {
    /// Its source.
    pub source: String,
    /// When.
    pub at: NaiveDateTime,
}

/// A heavier severity proposed for a person's own line because they repeated the fault. It is
/// for the leadership to accept or not (`to_decide` names `severity`); the rules decided only the
/// fault's severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Proposal {
    /// The severity proposed.
    pub severity: Severity,
    /// The measures the matrix allows at that severity, lightest first.
    pub measures: Vec<Measure>,
    /// Why, naming the earlier fault and the rule, in Chinese (the catalogue's
    /// `proposal.repeat`; `args` writes it in another language).
    pub reason: String,
    /// The reason's named arguments.
    pub args: crate::messages::Args,
}

/// One line of the period's accountability list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entry {
    /// Person id.
    pub person: String,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Position,
    /// Unit, if any.
    pub unit: Option<String>,
    /// How they answer.
    pub responsibility: Responsibility,
    /// The fault's source.
    pub source: String,
    /// Finding code.
    pub code: String,
    /// When.
    pub at: NaiveDateTime,
    /// The fault's severity, from the rule tables (decided by rule; the same severity the
    /// assessment's vetoes read).
    pub severity: Severity,
    /// On a person's own line: their earlier fault of the same code within the repeat window
    /// (an aggravating circumstance, 从重). `None` on leadership lines.
    pub repeat_of: Option<PriorFault>,
    /// A heavier severity proposed for the repeat, if the repeat rule proposes one.
    pub proposal: Option<Proposal>,
    /// Measures the matrix allows at `severity`, lightest first (the choice is left to people).
    pub measures: Vec<Measure>,
    /// What each measure allowed here or proposed would do to the person's annual grade (from
    /// the rule table), e.g. `warning` → `not_excellent`.
    pub grade_effects: BTreeMap<Measure, String>,
    /// Evidence events.
    pub events: Vec<String>,
    /// What happened, as the fault's text reads.
    pub text: String,
    /// The fault's named arguments, to write the text in another language.
    pub args: crate::messages::Args,
    /// The catalogue message the text is written from when it is not the code's own (the
    /// fault's `message_code`: a conduct rule's faults read through `conduct.incident`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_code: Option<String>,
    /// What the rules decided: always responsibility and severity.
    pub decided_by_rule: Vec<&'static str>,
    /// What is left to the leadership: the measure, whether circumstances mitigate or aggravate
    /// it, and `severity` when a proposal is made.
    pub to_decide: Vec<&'static str>,
}

/// `s` raised `by` levels, never above `cap` (and never lowered).
fn escalate(s: Severity, by: u8, cap: Severity) -> Severity {
    let i = SEVERITIES.iter().position(|x| *x == s).unwrap_or(0) + usize::from(by);
    SEVERITIES[i.min(2)].min(cap).max(s)
}

/// [`accountability_list`] as a binding is given it: `faults` a list of fault records (as
/// `Case.faults` and `Activity.faults` make them), `period` a pair `[from, to)`, `rules` the
/// shipped matrix when none; times without an offset are read in `zone`.
///
/// ```
/// use efficiency_core::accountability::accountability_list_of;
/// use efficiency_core::boundary::Value;
/// use efficiency_core::date::Zone;
/// use efficiency_core::org::Organisation;
/// let fault = Value::Map(vec![
///     ("source".into(), Value::Str("case C1".into())),
///     ("code".into(), Value::Str("time_limit.statutory_missed".into())),
///     ("severity".into(), Value::Str("serious".into())),
///     ("at".into(), Value::Str("2026-10-30T17:30:00".into())),
///     ("people".into(), Value::List(vec![Value::Str("aff01".into())])),
/// ]);
/// let period = Value::List(vec![Value::Str("2026-01-01T00:00".into()), Value::Str("2027-01-01T00:00".into())]);
/// let list = accountability_list_of(&Organisation::sample(), None, &Value::List(vec![fault]), &period, Zone::CHINA)?;
/// let who: Vec<_> = list.iter().map(|e| e.person.as_str()).collect();
/// assert_eq!(who, ["aff01", "aff-h"]);
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub fn accountability_list_of(
    org: &Organisation,
    rules: Option<&AccountabilityRules>,
    faults: &Value,
    period: &Value,
    zone: Zone,
) -> Result<Vec<Entry>, Error> {
    let faults: Vec<Fault> = faults.deserialize("faults", zone, "accountability.invalid_fault")?;
    let (from, to) = period.period("period", zone)?;
    let shipped;
    let rules = match rules {
        Some(r) => r,
        None => {
            shipped = AccountabilityRules::default();
            &shipped
        }
    };
    Ok(accountability_list(org, rules, &faults, from, to)?)
}

/// The accountability list for faults in `[from, to)`: for each fault and each person who
/// answers for it, the responsibility, the fault's severity and the measures allowed; on a
/// person's own line, their repeat and the heavier severity it proposes (docs/domain.md §7).
/// Faults before `from` are read only to find repeats. Entries are ordered by time, then by
/// responsibility.
pub fn accountability_list(
    org: &Organisation,
    rules: &AccountabilityRules,
    faults: &[Fault],
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<Entry>, OrgError> {
    let mut out = Vec::new();
    for f in faults.iter().filter(|f| f.at >= from && f.at < to) {
        let severity = f.severity;
        // Repeats: the same code by the same person within the window before.
        let window_start =
            f.at.checked_sub_months(Months::new(rules.repeat.window_months))
                .unwrap_or(NaiveDateTime::MIN);
        let prior_of = |person: &str| {
            faults
                .iter()
                .filter(|g| {
                    g.code == f.code
                        && g.at < f.at
                        && g.at >= window_start
                        && g.people.iter().any(|p| p == person)
                })
                .max_by_key(|g| g.at)
        };
        let cap = rules
            .repeat
            .code_caps
            .get(&f.code)
            .copied()
            .unwrap_or(rules.repeat.cap);
        let roles = rules
            .code_responsibility
            .get(&f.code)
            .or_else(|| rules.responsibility.get(&severity))
            .cloned()
            .unwrap_or_default();
        // Who stands in each role.
        let mut holders: Vec<(String, Responsibility)> = Vec::new();
        let mut add = |person: &str, r: Responsibility| {
            if holders.iter().all(|(p, _)| p != person) {
                holders.push((person.to_string(), r));
            }
        };
        let chains = if f.people.is_empty() {
            let unit = f.unit.as_deref().ok_or_else(|| {
                OrgError::new(
                    "accountability.invalid_fault",
                    f.source.clone(),
                    "a fault names people or a unit",
                )
            })?;
            vec![org.unit_chain(unit)?]
        } else {
            f.people
                .iter()
                .map(|p| org.chain(p))
                .collect::<Result<Vec<_>, _>>()?
        };
        for chain in &chains {
            let direct = &chain[0];
            if roles.contains(&Responsibility::Direct) && !f.people.is_empty() {
                add(&direct.person, Responsibility::Direct);
            }
            let head = chain.iter().find(|l| l.position == Position::UnitHead);
            let sup = chain
                .iter()
                .find(|l| l.position == Position::SupervisingLeader);
            if roles.contains(&Responsibility::MainLeadership) || f.people.is_empty() {
                if let Some(h) = head {
                    add(&h.person, Responsibility::MainLeadership);
                }
            }
            if roles.contains(&Responsibility::ImportantLeadership) {
                if let Some(s) = sup {
                    add(&s.person, Responsibility::ImportantLeadership);
                }
            }
        }
        let allowed = |s: Severity, r: Responsibility| {
            let mut m = rules
                .measures
                .get(&s)
                .and_then(|row| row.get(&r))
                .cloned()
                .unwrap_or_default();
            m.sort();
            m
        };
        for (person, responsibility) in holders {
            let p = org.person(&person).expect("chains name known people");
            let measures = allowed(severity, responsibility);
            // Only a person's own line is a repeat; a colleague's earlier fault never is.
            let prior = (responsibility == Responsibility::Direct)
                .then(|| prior_of(&person))
                .flatten();
            let proposal = prior.and_then(|g| {
                let proposed = escalate(severity, rules.repeat.escalate_by, cap);
                (proposed > severity)
                    .then(|| Proposal {
                        severity: proposed,
                        measures: allowed(proposed, responsibility),
                        reason: String::new(),
                        args: {
                            use crate::messages::{Arg, Args};
                            let sev = |s: Severity| Arg::Name("severity", s.as_str());
                            Args::new()
                                .with("source", Arg::Text(f.source.clone()))
                                .with("prior", Arg::Text(g.source.clone()))
                                .with("prior_at", Arg::Date(g.at.date()))
                                .with("months", Arg::Int(i64::from(rules.repeat.window_months)))
                                .with("proposed", sev(proposed))
                                .with("severity", sev(severity))
                                .with("cap", sev(cap))
                        },
                    })
                    .map(|mut p| {
                        p.reason = crate::messages::Messages::shipped().text(
                            crate::messages::Lang::Zh,
                            "proposal.repeat",
                            &p.args,
                        );
                        p
                    })
            });
            let grade_effects = measures
                .iter()
                .chain(proposal.iter().flat_map(|p| &p.measures))
                .filter_map(|m| rules.grade_effects.get(m).map(|e| (*m, e.clone())))
                .collect();
            let mut to_decide = vec!["measure", "circumstances"];
            if proposal.is_some() {
                to_decide.insert(0, "severity");
            }
            out.push(Entry {
                person: p.id.clone(),
                name: p.name.clone(),
                position: p.position,
                unit: p.unit.clone(),
                responsibility,
                source: f.source.clone(),
                code: f.code.clone(),
                at: f.at,
                severity,
                repeat_of: prior.map(|g| PriorFault {
                    source: g.source.clone(),
                    at: g.at,
                }),
                proposal,
                measures,
                grade_effects,
                events: f.events.clone(),
                text: f.text.clone(),
                args: f.args.clone(),
                message_code: f.message_code.clone(),
                decided_by_rule: vec!["responsibility", "severity"],
                to_decide,
            });
        }
    }
    out.sort_by(|a, b| {
        a.at.cmp(&b.at)
            .then(a.responsibility.cmp(&b.responsibility))
            .then(a.person.cmp(&b.person))
    });
    Ok(out)
}

/// A sanction already decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sanction {
    /// Which.
    pub kind: Measure,
    /// From when.
    pub start: NaiveDate,
}

/// How long a new sanction runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SanctionSpan {
    /// Start.
    pub from: NaiveDate,
    /// Earliest end (exclusive), `None` when permanent.
    pub until_min: Option<NaiveDate>,
    /// Latest end (exclusive): the same as `until_min` unless several sanctions of one kind
    /// make a range.
    pub until_max: Option<NaiveDate>,
    /// Dismissal.
    pub permanent: bool,
    /// How the span was reached.
    pub explanation: String,
}

impl AccountabilityRules {
    /// [`sanction_span`](Self::sanction_span) with its arguments as any language passes them:
    /// `running` a list of `(kind, start date)` pairs, `imposed` a list of measure names, `start` a
    /// date. Every check is here: unknown measures are `argument.invalid_choice`, dates follow
    /// the one date grammar.
    pub fn sanction_span_of(
        &self,
        running: &Value,
        imposed: &Value,
        start: &Value,
    ) -> Result<SanctionSpan, Error> {
        let zone = Zone::CHINA;
        let measure = |v: &Value, arg: &str| -> Result<Measure, Error> {
            Measure::from_name(v.choice(arg, Measure::NAMES)?).ok_or_else(|| {
                Error::new("argument.invalid_choice", format!("{arg}: not a measure"))
            })
        };
        let running = running
            .list("running")?
            .iter()
            .enumerate()
            .map(|(i, pair)| {
                let arg = format!("running[{i}]");
                let (kind, from) = match pair {
                    Value::List(p) if p.len() == 2 => (&p[0], &p[1]),
                    Value::Map(_) => (pair.get("kind"), pair.get("start")),
                    other => {
                        return Err(other.type_error(
                            &arg,
                            format!(
                                "{arg} must be a (kind, start) pair, not {}",
                                other.describe()
                            ),
                        ))
                    }
                };
                Ok(Sanction {
                    kind: measure(kind, &format!("{arg}.kind"))?,
                    start: from.date(&format!("{arg}.start"), zone)?,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let new = imposed
            .list("imposed")?
            .iter()
            .enumerate()
            .map(|(i, m)| measure(m, &format!("imposed[{i}]")))
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(self.sanction_span(&running, &new, start.date("start", zone)?))
    }

    /// The span of `new` (one or more sanctions decided together for several faults) starting
    /// `start`, with `running` sanctions of the same person. Several of one kind run between one
    /// period and their sum; of different kinds, the heaviest applies; during a running sanction
    /// the remainder is added; the total never exceeds the cap (48 months by default).
    ///
    /// ```
    /// use efficiency_core::accountability::{AccountabilityRules, Measure, Sanction};
    /// let r = AccountabilityRules::default();
    /// let d = |s: &str| s.parse().unwrap();
    /// let span = r.sanction_span(&[Sanction { kind: Measure::Demerit, start: d("2026-01-01") }], &[Measure::Warning], d("2026-07-01"));
    /// // 6 months of warning plus the 6 months left of the demerit.
    /// assert_eq!(span.until_min, Some(d("2027-07-01")));
    /// let two = r.sanction_span(&[], &[Measure::Warning, Measure::Warning], d("2026-07-01"));
    /// assert_eq!((two.until_min, two.until_max), (Some(d("2027-01-01")), Some(d("2027-07-01"))));
    /// ```
    pub fn sanction_span(
        &self,
        running: &[Sanction],
        new: &[Measure],
        start: NaiveDate,
    ) -> SanctionSpan {
        let months = |m: &Measure| self.sanction_months.get(m).copied().unwrap_or(0);
        if new.contains(&Measure::Dismissal) {
            return SanctionSpan {
                from: start,
                until_min: None,
                until_max: None,
                permanent: true,
                explanation: "dismissal is permanent".into(),
            };
        }
        let heaviest = new
            .iter()
            .filter(|m| **m >= Measure::Warning)
            .max()
            .copied();
        let Some(h) = heaviest else {
            return SanctionSpan {
                from: start,
                until_min: Some(start),
                until_max: Some(start),
                permanent: false,
                explanation: "no sanction with a period".into(),
            };
        };
        let same = new.iter().filter(|m| **m == h).count() as u32;
        let (min_m, max_m) = (months(&h), months(&h) * same);
        // The new period runs on from the end of the longest running sanction: start + new +
        // remainder, which is the running end + new.
        let running_end = running
            .iter()
            .filter(|s| s.kind != Measure::Dismissal)
            .filter_map(|s| s.start.checked_add_months(Months::new(months(&s.kind))))
            .filter(|end| *end > start)
            .max();
        let base = running_end.unwrap_or(start);
        let cap = start
            .checked_add_months(Months::new(self.sanction_cap_months))
            .unwrap_or(start);
        let end = |m: u32| base.checked_add_months(Months::new(m)).map(|d| d.min(cap));
        let mut explanation = format!("{} months of {}", min_m, h.as_str());
        if same > 1 {
            explanation = format!(
                "{same} x {}: between {min_m} and {max_m} months",
                h.as_str()
            );
        }
        if let Some(e) = running_end {
            explanation.push_str(&format!(
                ", plus the {} days left of a running sanction (until {e})",
                (e - start).num_days()
            ));
        }
        explanation.push_str(&format!(
            ", at most {} months in all",
            self.sanction_cap_months
        ));
        SanctionSpan {
            from: start,
            until_min: end(min_m),
            until_max: end(max_m),
            permanent: false,
            explanation,
        }
    }
}
