//! The rule tables a case is judged by: the staff roster, the finding catalog with default
//! severities, and the local limits for inquiries, referrals and publication.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::CaseError;
use crate::clock::{Authority, TimeLimit};

pub use crate::catalog::{FindingInfo, Severity, FINDING_CATALOG};

/// One member of staff.
///
/// ```
/// use efficiency_core::case::Roster;
/// use efficiency_core::clock::Authority;
/// let roster = Roster::sample();
/// let li = roster.get("soc01").expect("on the roster");
/// assert_eq!((li.unit.as_str(), li.role, li.windows.as_slice()), ("social_org", Authority::Handler, ["W1".to_string()].as_slice()));
/// ```
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
///
/// ```
/// use efficiency_core::case::Roster;
/// assert_eq!(Roster::sample().staff.len(), 10);
/// ```
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
///
/// ```
/// use efficiency_core::case::{Roster, SAMPLE_ROSTER_JSON};
/// assert_eq!(Roster::from_json(SAMPLE_ROSTER_JSON)?, Roster::sample());
/// # Ok::<(), efficiency_core::case::CaseError>(())
/// ```
pub const SAMPLE_ROSTER_JSON: &str = include_str!("../../data/sample/roster.json");
/// The default finding rules.
///
/// ```
/// use efficiency_core::case::{FindingRules, FINDING_RULES_JSON};
/// let rules = FindingRules::from_json(FINDING_RULES_JSON)?;
/// assert_eq!(rules.severity("reception.refused").as_str(), "serious");
/// # Ok::<(), efficiency_core::case::CaseError>(())
/// ```
pub const FINDING_RULES_JSON: &str = include_str!("../../data/rules/findings.json");

fn json_error(e: serde_json::Error) -> CaseError {
    let (at, m) = crate::json::error_parts(&e);
    CaseError::new("case.invalid_rules", None, None, format!("{at}: {m}"))
}

impl Roster {
    /// A roster from JSON; duplicate ids and empty fields are errors naming the entry.
    ///
    /// ```
    /// use efficiency_core::case::Roster;
    /// let e = Roster::from_json(r#"{"format": "efficiency.roster/1", "staff": [{"id": "x", "name": "X", "unit": "u", "role": "janitor"}]}"#).unwrap_err();
    /// assert_eq!(e.code(), "case.invalid_rules");
    /// ```
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
    ///
    /// ```
    /// use efficiency_core::case::Roster;
    /// assert!(Roster::sample().get("dir01").is_some());
    /// ```
    pub fn sample() -> Roster {
        Roster::from_json(SAMPLE_ROSTER_JSON).expect("shipped roster is valid")
    }

    /// The person with `id`.
    ///
    /// ```
    /// use efficiency_core::case::Roster;
    /// let roster = Roster::sample();
    /// assert_eq!(roster.get("aff01").map(|s| s.name.as_str()), Some("冯宇"));
    /// assert!(roster.get("nobody").is_none());
    /// ```
    pub fn get(&self, id: &str) -> Option<&Staff> {
        self.index.get(id).map(|&i| &self.staff[i])
    }
}

/// Local limits and severities used to judge cases (`efficiency.finding-rules/1`).
///
/// ```
/// use efficiency_core::case::{FindingRules, FINDING_RULES_JSON};
/// use efficiency_core::clock::TimeLimit;
/// let rules = FindingRules::from_json(FINDING_RULES_JSON)?;
/// assert_eq!(rules.inquiry_response, TimeLimit::workdays(1));
/// // Shipped not judged: most exports do not record telling the due date.
/// assert_eq!(rules.not_judged, ["due_date.not_told"]);
/// # Ok::<(), efficiency_core::case::CaseError>(())
/// ```
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
    /// Severity of finding codes: a code left out has the catalog's default severity; a code
    /// the catalog does not know is an error.
    pub severities: BTreeMap<String, Severity>,
    /// Rules a bureau cannot judge from its data (its export has no publication records, say):
    /// fault codes that are not found at all — no finding, no fault, no deduction — and that
    /// the annual review lists as not judged (docs/domain.md §14).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_judged: Vec<String>,
}

impl Default for FindingRules {
    fn default() -> Self {
        FindingRules::from_json(FINDING_RULES_JSON).expect("shipped rules are valid")
    }
}

impl FindingRules {
    /// Rules from JSON: an unknown finding code is an error naming it; a code left out of
    /// `severities` keeps the catalog's default.
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
        for (i, code) in r.not_judged.iter().enumerate() {
            if !crate::catalog::is_fault_code(code) {
                return Err(CaseError::new(
                    "case.invalid_rules",
                    None,
                    None,
                    format!("not_judged[{i}]: unknown fault code {code:?}"),
                ));
            }
        }
        for code in r.severities.keys() {
            if crate::catalog::FindingCode::from_name(code).is_none() {
                return Err(CaseError::new(
                    "case.invalid_rules",
                    None,
                    None,
                    format!("severities: unknown finding code {code:?}"),
                ));
            }
        }
        Ok(r)
    }

    /// Whether the rule that finds `code` is judged (not listed in `not_judged`).
    ///
    /// ```
    /// use efficiency_core::case::{FindingRules, FINDING_RULES_JSON};
    /// let mut doc: serde_json::Value = serde_json::from_str(FINDING_RULES_JSON)?;
    /// doc["not_judged"] = serde_json::json!(["publication.late"]);
    /// let rules = FindingRules::from_json(&doc.to_string())?;
    /// assert!(!rules.judged("publication.late") && rules.judged("reception.refused"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn judged(&self, code: &str) -> bool {
        !self.not_judged.iter().any(|c| c == code)
    }

    /// The severity of `code`: the rule table's, else the catalog's default (ordinary for a code
    /// no catalog knows, which validated rules never ask about).
    ///
    /// ```
    /// use efficiency_core::case::{FindingRules, Severity, FINDING_RULES_JSON};
    /// let rules = FindingRules::from_json(FINDING_RULES_JSON)?;
    /// assert_eq!(rules.severity("time_limit.statutory_missed"), Severity::Serious);
    /// # Ok::<(), efficiency_core::case::CaseError>(())
    /// ```
    pub fn severity(&self, code: &str) -> Severity {
        self.severities
            .get(code)
            .copied()
            .unwrap_or_else(|| crate::catalog::FindingCode::default_severity(code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped severities are the catalog's defaults, code for code (the catalog is the
    /// source; the file shows a bureau what it may change).
    #[test]
    fn shipped_severities_are_the_catalog_defaults() {
        let r = FindingRules::default();
        let shipped: Vec<_> = r.severities.iter().map(|(c, s)| (c.as_str(), *s)).collect();
        let mut catalog: Vec<_> = FINDING_CATALOG
            .iter()
            .map(|f| (f.code, f.severity))
            .collect();
        catalog.sort();
        assert_eq!(shipped, catalog);
        let mut partial = r.clone();
        partial.severities.remove("reception.refused");
        assert_eq!(partial.severity("reception.refused"), Severity::Serious);
    }
}
