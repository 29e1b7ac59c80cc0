//! The rule tables a case is judged by: the staff roster, the finding catalog with default
//! severities, and the local limits for inquiries, referrals and publication.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::CaseError;
use crate::clock::{Authority, TimeLimit};

/// How bad a fault is (一般 / 严重 / 特别严重).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 一般.
    Ordinary,
    /// 严重.
    Serious,
    /// 特别严重.
    VerySerious,
}

crate::names!(Severity {
    Ordinary => "ordinary",
    Serious => "serious",
    VerySerious => "very_serious",
});

/// One entry of the finding catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FindingInfo {
    /// Stable code.
    pub code: &'static str,
    /// English name.
    pub name: &'static str,
    /// Chinese name.
    pub name_zh: &'static str,
    /// When it is found.
    pub description: &'static str,
}

/// Every finding a case can produce.
pub const FINDING_CATALOG: &[FindingInfo] = &[
    FindingInfo { code: "inquiry.not_handled", name: "Inquiry not handled", name_zh: "首问未答复、登记或转交", description: "The first responder did not answer, record, hand over or guide the inquiry within the rule table's inquiry_response limit." },
    FindingInfo { code: "referral.not_followed_up", name: "Referral not followed up", name_zh: "转办未跟踪落实", description: "A request handed to another post got no reply or action from the receiving handler within the item's promised limit (the rule table's referral_follow_up when no item is known)." },
    FindingInfo { code: "reception.refused", name: "Reception refused", name_zh: "拒绝受理/拒收", description: "Materials were refused at reception; never allowed." },
    FindingInfo { code: "supplement.repeated", name: "One-time notice broken", name_zh: "未一次性告知", description: "A second (or later) supplement request: everything missing must be named once." },
    FindingInfo { code: "supplement.late_notice", name: "Late supplement notice", name_zh: "补正告知超期", description: "The one-time notice came later than the item's notice limit after receipt (5 workdays, 行政许可法 Art. 32; 7 for an information request, 政府信息公开条例 Art. 30); the case counts as accepted on receipt." },
    FindingInfo { code: "step.overdue", name: "Internal step overdue", name_zh: "内部环节超时", description: "An internal step took longer than its step limit." },
    FindingInfo { code: "time_limit.promised_missed", name: "Promised limit missed (yellow card)", name_zh: "超承诺时限（黄牌）", description: "Not concluded by the promised due." },
    FindingInfo { code: "time_limit.statutory_missed", name: "Statutory limit missed (red card)", name_zh: "超法定时限（红牌）", description: "Not concluded by the statutory due." },
    FindingInfo { code: "extension.requested_late", name: "Extension requested late", name_zh: "延期申请超期", description: "An extension was requested after the statutory due; it moves nothing." },
    FindingInfo { code: "extension.not_approved", name: "Extension not approved in time", name_zh: "延期未经批准", description: "An extension was not approved before the statutory due; it moves nothing." },
    FindingInfo { code: "extension.unauthorized_approver", name: "Extension approved without authority", name_zh: "延期审批越权", description: "An extension was approved by a role below the item's required authority; it moves nothing." },
    FindingInfo { code: "extension.over_cap", name: "Extension over the cap", name_zh: "延期超过上限", description: "An extension asked for more than the item allows; it moves nothing." },
    FindingInfo { code: "extension.too_many", name: "Too many extensions", name_zh: "延期次数超限", description: "More extensions than the item allows; the extra one moves nothing." },
    FindingInfo { code: "extension.applicant_not_notified", name: "Applicant not told of the extension", name_zh: "延期未告知申请人", description: "The applicant was not told of the extension and its reasons before the original due; it moves nothing." },
    FindingInfo { code: "publication.late", name: "Result not published in time", name_zh: "结果未按时公开", description: "The result of a concluded case was not published within the item's publication limit (the rule table's publication default)." },
];

/// One member of staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Staff {
    /// Stable id used as `actor` in case logs.
    pub id: String,
    /// Name.
    pub name: String,
    /// Unit (科室 or 直属单位) code.
    pub unit: String,
    /// Position.
    pub role: Authority,
    /// Service windows the person staffs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub windows: Vec<String>,
}

/// The staff who may appear in case logs (`efficiency.roster/1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Roster {
    /// `efficiency.roster/1`.
    pub format: String,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The staff.
    pub staff: Vec<Staff>,
    #[serde(skip)]
    index: HashMap<String, usize, crate::hash::FastHash>,
}

/// The sample roster shipped for examples and tests.
pub const SAMPLE_ROSTER_JSON: &str = include_str!("../../data/sample/roster.json");
/// The default finding rules.
pub const FINDING_RULES_JSON: &str = include_str!("../../data/rules/findings.json");

fn json_error(e: serde_json::Error) -> CaseError {
    let (at, m) = crate::json::error_parts(&e);
    CaseError::new("case.invalid_rules", None, None, format!("{at}: {m}"))
}

impl Roster {
    /// A roster from JSON; duplicate ids and empty fields are errors naming the entry.
    pub fn from_json(text: &str) -> Result<Roster, CaseError> {
        crate::limits::document(text, "roster")?;
        let mut r: Roster = serde_json::from_str(text).map_err(json_error)?;
        if r.format != "efficiency.roster/1" {
            return Err(CaseError::new(
                "case.invalid_rules",
                None,
                None,
                format!(
                    "roster format must be \"efficiency.roster/1\", found {:?}",
                    r.format
                ),
            ));
        }
        for (i, s) in r.staff.iter().enumerate() {
            if s.id.trim().is_empty() || s.unit.trim().is_empty() {
                return Err(CaseError::new(
                    "case.invalid_rules",
                    None,
                    None,
                    format!("staff[{i}]: id and unit must not be empty"),
                ));
            }
            if r.index.insert(s.id.clone(), i).is_some() {
                return Err(CaseError::new(
                    "case.invalid_rules",
                    None,
                    None,
                    format!("staff[{i}]: duplicate staff id {:?}", s.id),
                ));
            }
        }
        Ok(r)
    }

    /// The sample bureau's roster.
    pub fn sample() -> Roster {
        Roster::from_json(SAMPLE_ROSTER_JSON).expect("shipped roster is valid")
    }

    /// The person with `id`.
    pub fn get(&self, id: &str) -> Option<&Staff> {
        self.index.get(id).map(|&i| &self.staff[i])
    }
}

/// Local limits and severities used to judge cases (`efficiency.finding-rules/1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FindingRules {
    /// `efficiency.finding-rules/1`.
    pub format: String,
    /// Where the numbers come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// How soon the first responder must answer, record, hand over or guide.
    pub inquiry_response: TimeLimit,
    /// How soon a referral must get a reply when the case has no item.
    pub referral_follow_up: TimeLimit,
    /// Default publication limit after conclusion.
    pub publication: TimeLimit,
    /// Severity of each finding code; every code of the catalog, no other.
    pub severities: BTreeMap<String, Severity>,
}

impl Default for FindingRules {
    fn default() -> Self {
        FindingRules::from_json(FINDING_RULES_JSON).expect("shipped rules are valid")
    }
}

impl FindingRules {
    /// Rules from JSON: an unknown finding code or a missing one is an error naming it.
    ///
    /// ```
    /// use efficiency_core::case::{FindingRules, FINDING_RULES_JSON};
    /// let bad = FINDING_RULES_JSON.replace("\"publication.late\"", "\"publication.tardy\"");
    /// let err = FindingRules::from_json(&bad).unwrap_err();
    /// assert!(err.to_string().contains("publication.tardy"));
    /// ```
    pub fn from_json(text: &str) -> Result<FindingRules, CaseError> {
        crate::limits::document(text, "finding rules")?;
        let r: FindingRules = serde_json::from_str(text).map_err(json_error)?;
        if r.format != "efficiency.finding-rules/1" {
            return Err(CaseError::new(
                "case.invalid_rules",
                None,
                None,
                format!(
                    "rules format must be \"efficiency.finding-rules/1\", found {:?}",
                    r.format
                ),
            ));
        }
        for code in r.severities.keys() {
            if !FINDING_CATALOG.iter().any(|f| f.code == code) {
                return Err(CaseError::new(
                    "case.invalid_rules",
                    None,
                    None,
                    format!("severities: unknown finding code {code:?}"),
                ));
            }
        }
        for f in FINDING_CATALOG {
            if !r.severities.contains_key(f.code) {
                return Err(CaseError::new(
                    "case.invalid_rules",
                    None,
                    None,
                    format!("severities: no severity for {:?}", f.code),
                ));
            }
        }
        Ok(r)
    }

    /// The severity of `code` (ordinary for a code the rules do not know, which cannot happen
    /// for validated rules).
    pub fn severity(&self, code: &str) -> Severity {
        self.severities
            .get(code)
            .copied()
            .unwrap_or(Severity::Ordinary)
    }
}
