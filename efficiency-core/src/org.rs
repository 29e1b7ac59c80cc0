//! The organisation as data (`efficiency.organisation/1`): units, people and positions, and the
//! campaign's leadership group (docs/domain.md §1). It answers the question accountability asks of
//! every finding: who stands behind this person — unit head, supervising leader, principal leader.
//!
//! ```
//! use efficiency_core::org::Organisation;
//! let org = Organisation::sample();
//! let links = org.chain("soc01")?;
//! let chain: Vec<_> = links.iter().map(|l| (l.person.as_str(), l.position.as_str())).collect();
//! assert_eq!(chain, [("soc01", "staff"), ("soc-h", "unit_head"), ("dep01", "supervising_leader"), ("dir01", "principal_leader")]);
//! # Ok::<(), efficiency_core::org::OrgError>(())
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::case::{Roster, Staff};
use crate::clock::Authority;

/// Format tag.
pub const ORGANISATION_FORMAT: &str = "efficiency.organisation/1";
/// The sample bureau.
pub const SAMPLE_ORGANISATION_JSON: &str = include_str!("../data/sample/organisation.json");

/// Organisation data that cannot be used: it names the field and the id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct OrgError {
    /// Stable code from [`OrgError::CODES`] (and [`crate::error::CODES`]).
    pub code: &'static str,
    /// Where: `units[2].head`, `people[5]`, `line 4 column 9`.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl OrgError {
    pub(crate) fn new(
        code: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        OrgError {
            code,
            path: path.into(),
            message: message.into(),
        }
    }

    /// The stable code: `org.missing_head`, `org.cycle`, `assessment.invalid_rules`, …
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The message: `invalid <what> at <path>: <message>`; a lower layer's error (a calendar gap
    /// met while judging a record) names the record and keeps its own words.
    fn describe(&self) -> String {
        match self.code.split('.').next() {
            Some("calendar") | Some("clock") => format!("{}: {}", self.path, self.message),
            _ => format!("invalid {} at {}: {}", self.what(), self.path, self.message),
        }
    }

    /// What was invalid, by the code's area (for the message).
    fn what(&self) -> &'static str {
        match self.code {
            "accountability.invalid_rules" => return "accountability rules",
            "assessment.invalid_rules" => return "assessment rules",
            "campaign.invalid_plan" => return "campaign plan",
            _ => {}
        }
        match self.code.split('.').next() {
            Some("accountability") => "accountability input",
            Some("activity") => "activity",
            Some("assessment") => "assessment input",
            Some("campaign") => "campaign input",
            Some("review") => "review request",
            Some("calendar") | Some("clock") => "dates",
            _ => "organisation",
        }
    }

    /// Every code the organisation, rule tables and activity data produce.
    pub const CODES: &'static [&'static str] = &[
        "argument.too_large",
        "org.invalid_json",
        "org.wrong_format",
        "org.empty_id",
        "org.duplicate_id",
        "org.unknown_person",
        "org.unknown_unit",
        "org.not_principal",
        "org.second_principal",
        "org.missing_unit",
        "org.person_in_window",
        "org.missing_head",
        "org.missing_supervising_leader",
        "org.wrong_position",
        "org.missing_parent",
        "org.window_head_elsewhere",
        "org.incompatible_positions",
        "org.cycle",
        "org.too_large",
        "accountability.invalid_rules",
        "accountability.invalid_fault",
        "activity.invalid",
        "assessment.invalid_rules",
        "assessment.invalid_input",
        "campaign.invalid_plan",
        "campaign.invalid_input",
        "review.invalid",
    ];
}

/// What kind of unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// The bureau office (办公室).
    Office,
    /// A business unit (业务科室).
    Business,
    /// A directly affiliated unit (直属单位).
    Affiliated,
    /// A service window, part of a unit.
    Window,
}

/// A person's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// 工作人员.
    Staff,
    /// 科室负责人.
    UnitHead,
    /// 分管领导.
    SupervisingLeader,
    /// 主要领导 (the bureau head).
    PrincipalLeader,
}

crate::names!(Position {
    Staff => "staff",
    UnitHead => "unit_head",
    SupervisingLeader => "supervising_leader",
    PrincipalLeader => "principal_leader",
});

impl Position {
    /// The authority the position carries (for approvals).
    pub fn authority(self) -> Authority {
        match self {
            Position::Staff => Authority::Handler,
            Position::UnitHead => Authority::UnitHead,
            Position::SupervisingLeader => Authority::SupervisingLeader,
            Position::PrincipalLeader => Authority::AgencyHead,
        }
    }
}

/// A unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: UnitKind,
    /// Head (for a window: the staff member in charge of it).
    #[serde(default)]
    pub head: Option<String>,
    /// The deputy head in charge.
    #[serde(default)]
    pub supervising_leader: Option<String>,
    /// The unit a window (or sub-unit) belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// A person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable id (the `actor` of case logs).
    pub id: String,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Position,
    /// Unit, for staff and unit heads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// The leadership group's office (办公室).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GroupOffice {
    /// Its director.
    pub director: String,
    /// Its staff.
    #[serde(default)]
    pub staff: Vec<String>,
}

/// The campaign's leadership group (领导小组).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LeadershipGroup {
    /// 组长 (the bureau head).
    pub leader: String,
    /// 副组长.
    #[serde(default)]
    pub deputies: Vec<String>,
    /// 成员 (unit heads).
    #[serde(default)]
    pub members: Vec<String>,
    /// 办公室.
    pub office: GroupOffice,
}

/// One link of a responsibility chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    /// Person id.
    pub person: String,
    /// Their position.
    pub position: Position,
    /// Their unit, if any.
    pub unit: Option<String>,
}

/// The organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// [`ORGANISATION_FORMAT`].
    pub format: String,
    /// Name.
    pub name: String,
    /// The bureau head.
    pub principal_leader: String,
    /// Units.
    pub units: Vec<Unit>,
    /// People.
    pub people: Vec<Person>,
    /// The campaign's leadership group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leadership_group: Option<LeadershipGroup>,
}

pub use crate::limits::MAX_ORGANISATION_ENTRIES;

impl Organisation {
    /// The roster (JSON, `efficiency.roster/1`) for a case context, from the organisation's people.
    pub fn roster_json(&self) -> String {
        serde_json::to_string(&self.roster()).expect("rosters serialize")
    }

    /// The organisation as JSON (`efficiency.organisation/1`), as `from_json` reads it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("organisations serialize")
    }

    /// The sample bureau.
    pub fn sample() -> Organisation {
        Organisation::from_json(SAMPLE_ORGANISATION_JSON).expect("shipped organisation is valid")
    }

    /// An organisation from JSON, validated as a whole.
    ///
    /// ```
    /// use efficiency_core::org::{Organisation, SAMPLE_ORGANISATION_JSON};
    /// let no_head = SAMPLE_ORGANISATION_JSON.replace(r#""head": "aff-h", "#, "");
    /// let err = Organisation::from_json(&no_head).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid organisation at units[3] (affairs): a unit needs a head");
    /// ```
    pub fn from_json(text: &str) -> Result<Organisation, OrgError> {
        crate::limits::document(text, "organisation")?;
        let org: Organisation = serde_json::from_str(text).map_err(|e| {
            let (at, m) = crate::json::error_parts(&e);
            OrgError::new("org.invalid_json", at, m)
        })?;
        org.validate()?;
        Ok(org)
    }

    fn validate(&self) -> Result<(), OrgError> {
        for (what, n) in [("units", self.units.len()), ("people", self.people.len())] {
            if n > MAX_ORGANISATION_ENTRIES {
                return Err(OrgError::new(
                    "org.too_large",
                    what,
                    format!("{n} {what}; an organisation has at most {MAX_ORGANISATION_ENTRIES}"),
                ));
            }
        }
        if self.format != ORGANISATION_FORMAT {
            return Err(OrgError::new(
                "org.wrong_format",
                "format",
                format!("expected {ORGANISATION_FORMAT:?}, found {:?}", self.format),
            ));
        }
        let mut people: BTreeMap<&str, &Person> = BTreeMap::new();
        for (i, p) in self.people.iter().enumerate() {
            if p.id.trim().is_empty() {
                return Err(OrgError::new(
                    "org.empty_id",
                    format!("people[{i}].id"),
                    "must not be empty",
                ));
            }
            if people.insert(&p.id, p).is_some() {
                return Err(OrgError::new(
                    "org.duplicate_id",
                    format!("people[{i}]"),
                    format!("duplicate person id {:?}", p.id),
                ));
            }
        }
        let mut units: BTreeMap<&str, &Unit> = BTreeMap::new();
        for (i, u) in self.units.iter().enumerate() {
            if units.insert(&u.id, u).is_some() {
                return Err(OrgError::new(
                    "org.duplicate_id",
                    format!("units[{i}]"),
                    format!("duplicate unit id {:?}", u.id),
                ));
            }
        }
        let person = |id: &str, path: String| -> Result<&Person, OrgError> {
            people.get(id).copied().ok_or_else(|| {
                OrgError::new("org.unknown_person", path, format!("unknown person {id:?}"))
            })
        };
        let principal = person(&self.principal_leader, "principal_leader".into())?;
        if principal.position != Position::PrincipalLeader {
            return Err(OrgError::new(
                "org.not_principal",
                "principal_leader",
                format!(
                    "{} is a {}, not the principal leader",
                    principal.id,
                    principal.position.as_str()
                ),
            ));
        }
        for (i, p) in self.people.iter().enumerate() {
            if p.position == Position::PrincipalLeader && p.id != self.principal_leader {
                return Err(OrgError::new(
                    "org.second_principal",
                    format!("people[{i}]"),
                    format!("{} is a second principal leader", p.id),
                ));
            }
            if matches!(p.position, Position::Staff | Position::UnitHead) {
                let Some(u) = &p.unit else {
                    return Err(OrgError::new(
                        "org.missing_unit",
                        format!("people[{i}] ({})", p.id),
                        "staff and unit heads belong to a unit",
                    ));
                };
                match units.get(u.as_str()) {
                    None => {
                        return Err(OrgError::new(
                            "org.unknown_unit",
                            format!("people[{i}] ({}).unit", p.id),
                            format!("unknown unit {u:?}"),
                        ))
                    }
                    Some(unit) if unit.kind == UnitKind::Window => {
                        return Err(OrgError::new(
                            "org.person_in_window",
                            format!("people[{i}] ({}).unit", p.id),
                            format!("{u} is a window; people belong to the unit it is part of"),
                        ))
                    }
                    _ => {}
                }
            }
        }
        let mut heads: BTreeMap<&str, &str> = BTreeMap::new();
        for (i, u) in self.units.iter().enumerate() {
            let at = format!("units[{i}] ({})", u.id);
            let head_id = u
                .head
                .as_deref()
                .ok_or_else(|| OrgError::new("org.missing_head", &at, "a unit needs a head"))?;
            let sup_id = u.supervising_leader.as_deref().ok_or_else(|| {
                OrgError::new(
                    "org.missing_supervising_leader",
                    &at,
                    "a unit needs a supervising leader",
                )
            })?;
            let head = person(head_id, format!("{at}.head"))?;
            let sup = person(sup_id, format!("{at}.supervising_leader"))?;
            if sup.position != Position::SupervisingLeader {
                return Err(OrgError::new(
                    "org.wrong_position",
                    format!("{at}.supervising_leader"),
                    format!(
                        "{} is a {}, not a supervising leader",
                        sup.id,
                        sup.position.as_str()
                    ),
                ));
            }
            if u.kind == UnitKind::Window {
                let parent = u.parent.as_deref().ok_or_else(|| {
                    OrgError::new(
                        "org.missing_parent",
                        &at,
                        "a window belongs to a unit (parent)",
                    )
                })?;
                if head.unit.as_deref() != Some(parent) {
                    return Err(OrgError::new(
                        "org.window_head_elsewhere",
                        format!("{at}.head"),
                        format!(
                            "{} does not work in {parent}, the unit the window belongs to",
                            head.id
                        ),
                    ));
                }
            } else {
                if head.position != Position::UnitHead
                    || head.unit.as_deref() != Some(u.id.as_str())
                {
                    return Err(OrgError::new(
                        "org.wrong_position",
                        format!("{at}.head"),
                        format!(
                            "{} is a {} of {}, not this unit's head",
                            head.id,
                            head.position.as_str(),
                            head.unit.as_deref().unwrap_or("no unit")
                        ),
                    ));
                }
                if let Some(other) = heads.insert(head_id, &u.id) {
                    return Err(OrgError::new("org.incompatible_positions", format!("{at}.head"), format!("{head_id} already heads {other}: one person, two incompatible positions")));
                }
            }
            if let Some(p) = &u.parent {
                if !units.contains_key(p.as_str()) {
                    return Err(OrgError::new(
                        "org.unknown_unit",
                        format!("{at}.parent"),
                        format!("unknown unit {p:?}"),
                    ));
                }
            }
        }
        // Parent links must not loop. Each unit is walked once: a walk stops at a unit already
        // known to reach the top, and meeting a unit of the current walk again is a cycle (linear
        // in the number of units, whatever the shape).
        let mut done: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for u in &self.units {
            let mut walk: Vec<&str> = Vec::new();
            let mut on_walk: std::collections::HashSet<&str> = std::collections::HashSet::new();
            let mut cur = Some(u.id.as_str());
            while let Some(id) = cur {
                if done.contains(id) {
                    break;
                }
                if !on_walk.insert(id) {
                    return Err(OrgError::new(
                        "org.cycle",
                        format!("units ({})", u.id),
                        format!("parent links form a cycle through {id}"),
                    ));
                }
                walk.push(id);
                cur = units.get(id).and_then(|x| x.parent.as_deref());
            }
            done.extend(walk);
        }
        if let Some(g) = &self.leadership_group {
            person(&g.leader, "leadership_group.leader".into())?;
            for (k, d) in g.deputies.iter().enumerate() {
                person(d, format!("leadership_group.deputies[{k}]"))?;
            }
            for (k, m) in g.members.iter().enumerate() {
                person(m, format!("leadership_group.members[{k}]"))?;
            }
            person(
                &g.office.director,
                "leadership_group.office.director".into(),
            )?;
            for (k, s) in g.office.staff.iter().enumerate() {
                person(s, format!("leadership_group.office.staff[{k}]"))?;
            }
        }
        Ok(())
    }

    /// The person with `id`.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The unit with `id`.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The unit a person answers through: their own, or for a leader none.
    fn unit_of(&self, p: &Person) -> Option<&Unit> {
        p.unit.as_deref().and_then(|u| self.unit(u))
    }

    /// Person `id`, or `org.unknown_person` at `path` (a record naming someone the organisation
    /// does not have is an error, never dropped).
    pub fn known_person(&self, id: &str, path: impl Into<String>) -> Result<&Person, OrgError> {
        self.person(id).ok_or_else(|| {
            OrgError::new("org.unknown_person", path, format!("unknown person {id:?}"))
        })
    }

    /// Unit `id`, or `org.unknown_unit` at `path`.
    pub fn known_unit(&self, id: &str, path: impl Into<String>) -> Result<&Unit, OrgError> {
        self.unit(id)
            .ok_or_else(|| OrgError::new("org.unknown_unit", path, format!("unknown unit {id:?}")))
    }

    /// The responsibility chain above `person`: the person, their unit head, the unit's
    /// supervising leader, the principal leader (each once).
    pub fn chain(&self, person: &str) -> Result<Vec<Link>, OrgError> {
        let p = self.person(person).ok_or_else(|| {
            OrgError::new(
                "org.unknown_person",
                "person",
                format!("unknown person {person:?}"),
            )
        })?;
        let mut out = vec![Link {
            person: p.id.clone(),
            position: p.position,
            unit: p.unit.clone(),
        }];
        let push = |id: &str, out: &mut Vec<Link>| {
            if out.iter().all(|l| l.person != id) {
                if let Some(q) = self.person(id) {
                    out.push(Link {
                        person: q.id.clone(),
                        position: q.position,
                        unit: q.unit.clone(),
                    });
                }
            }
        };
        if let Some(u) = self.unit_of(p) {
            if let Some(h) = &u.head {
                push(h, &mut out);
            }
            if let Some(s) = &u.supervising_leader {
                push(s, &mut out);
            }
        }
        push(&self.principal_leader, &mut out);
        Ok(out)
    }

    /// The chain for a fault of a whole unit (no direct actor): head, supervising leader,
    /// principal leader.
    pub fn unit_chain(&self, unit: &str) -> Result<Vec<Link>, OrgError> {
        let u = self.unit(unit).ok_or_else(|| {
            OrgError::new("org.unknown_unit", "unit", format!("unknown unit {unit:?}"))
        })?;
        let head = u.head.as_deref().expect("validated");
        let mut chain = self.chain(head)?;
        if u.kind == UnitKind::Window {
            // A window's fault goes to its head's unit head as well.
            return Ok(chain);
        }
        chain.retain(|l| l.position != Position::Staff);
        Ok(chain)
    }

    /// A roster for case logs: everyone, with the authority of their position.
    pub fn roster(&self) -> Roster {
        let staff: Vec<Staff> = self
            .people
            .iter()
            .map(|p| Staff {
                id: p.id.clone(),
                name: p.name.clone(),
                unit: p.unit.clone().unwrap_or_else(|| "bureau".into()),
                role: p.position.authority(),
                windows: self
                    .units
                    .iter()
                    .filter(|u| u.kind == UnitKind::Window && u.head.as_deref() == Some(&p.id))
                    .map(|u| u.id.clone())
                    .collect(),
            })
            .collect();
        let json = serde_json::json!({ "format": "efficiency.roster/1", "staff": staff });
        Roster::from_json(&json.to_string()).expect("an organisation's people make a valid roster")
    }
}

impl From<crate::limits::TooLarge> for OrgError {
    fn from(e: crate::limits::TooLarge) -> Self {
        OrgError::new(crate::limits::TooLarge::CODE, "document", e.message())
    }
}

impl From<OrgError> for crate::error::Error {
    fn from(e: OrgError) -> crate::error::Error {
        crate::error::Error {
            field: Some(e.path.clone()),
            ..crate::error::Error::new(e.code(), e.to_string())
        }
    }
}
