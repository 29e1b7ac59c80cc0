//! Versions of a catalogue: what changed between two (cancelled, adjusted with the fields, new)
//! and what was streamlined per unit.

use serde::Serialize;

use super::*;
/// An item in a diff.
///
/// ```
/// use efficiency_core::guide::{diff, GuideCatalogue};
/// let old = GuideCatalogue::sample();
/// let mut new = old.clone();
/// new.version = "2026.3".into();
/// new.guides[0].materials.pop();
/// let d = diff(&old, &new);
/// assert_eq!((d.adjusted.len(), d.adjusted[0].code.as_str()), (1, "civil.social_org_registration"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiffItem {
    /// Item code.
    pub code: String,
    /// Catalogue code.
    pub catalogue_code: String,
    /// Chinese name.
    pub name_zh: String,
    /// Unit.
    pub unit: String,
    /// For an adjusted item: the fields that changed, with before and after.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<FieldChange>,
}

/// One changed field of an adjusted item.
///
/// ```
/// use efficiency_core::guide::{diff, GuideCatalogue};
/// let old = GuideCatalogue::sample();
/// let mut new = old.clone();
/// new.guides[0].visits = 0;
/// let change = &diff(&old, &new).adjusted[0].changes[0];
/// assert_eq!((change.field.as_str(), change.after.clone()), ("visits", serde_json::json!(0)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldChange {
    /// Field name (the guide format's).
    pub field: String,
    /// Before (absent: `null`).
    pub before: serde_json::Value,
    /// After.
    pub after: serde_json::Value,
}

/// What changed between two versions of a catalogue, published with the new one's date and
/// document (取消、调整、新增事项).
///
/// ```
/// use efficiency_core::guide::{diff, GuideCatalogue};
/// let old = GuideCatalogue::sample();
/// let mut new = old.clone();
/// new.guides.remove(3);
/// let d = diff(&old, &new);
/// assert_eq!((d.cancelled.len(), d.adjusted.len(), d.new.len()), (1, 0, 0));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogueDiff {
    /// The earlier version.
    pub from_version: String,
    /// The later version.
    pub to_version: String,
    /// From when the changes apply.
    pub effective_from: NaiveDate,
    /// The document that made them.
    pub document: String,
    /// Items no longer in the catalogue.
    pub cancelled: Vec<DiffItem>,
    /// Items whose guide changed, with the fields.
    pub adjusted: Vec<DiffItem>,
    /// Items new in the catalogue.
    pub new: Vec<DiffItem>,
}

fn diff_item(g: &Guide, changes: Vec<FieldChange>) -> DiffItem {
    DiffItem {
        code: g.item.code.clone(),
        catalogue_code: g.catalogue_code.clone(),
        name_zh: g.item.name_zh.clone(),
        unit: g.unit.clone(),
        changes,
    }
}

/// The changes from `old` to `new`, items matched by item code.
///
/// ```
/// use efficiency_core::guide::{diff, GuideCatalogue, SAMPLE_GUIDES_JSON};
/// let old = GuideCatalogue::sample();
/// let new = GuideCatalogue::from_json(&SAMPLE_GUIDES_JSON.replacen(r#""visits": 1"#, r#""visits": 0"#, 1))?;
/// let d = diff(&old, &new);
/// assert!(d.cancelled.is_empty() && d.new.is_empty());
/// assert_eq!(d.adjusted.len(), 1);
/// assert!(diff(&old, &old).adjusted.is_empty());
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub fn diff(old: &GuideCatalogue, new: &GuideCatalogue) -> CatalogueDiff {
    let map = |c: &GuideCatalogue| -> BTreeMap<String, Guide> {
        c.guides
            .iter()
            .map(|g| (g.item.code.clone(), g.clone()))
            .collect()
    };
    let (a, b) = (map(old), map(new));
    let fields = |g: &Guide| match serde_json::to_value(g).expect("a guide serialises") {
        serde_json::Value::Object(m) => m,
        _ => unreachable!("a guide is an object"),
    };
    let mut out = CatalogueDiff {
        from_version: old.version.clone(),
        to_version: new.version.clone(),
        effective_from: new.effective_from,
        document: new.document.clone(),
        cancelled: Vec::new(),
        adjusted: Vec::new(),
        new: Vec::new(),
    };
    for (code, g) in &a {
        match b.get(code) {
            None => out.cancelled.push(diff_item(g, Vec::new())),
            Some(h) if h != g => {
                let (fa, fb) = (fields(g), fields(h));
                let keys: BTreeSet<&String> = fa.keys().chain(fb.keys()).collect();
                let changes = keys
                    .into_iter()
                    .filter(|k| fa.get(*k) != fb.get(*k))
                    .map(|k| FieldChange {
                        field: k.clone(),
                        before: fa.get(k).cloned().unwrap_or_default(),
                        after: fb.get(k).cloned().unwrap_or_default(),
                    })
                    .collect();
                out.adjusted.push(diff_item(h, changes));
            }
            Some(_) => {}
        }
    }
    for (code, g) in &b {
        if !a.contains_key(code) {
            out.new.push(diff_item(g, Vec::new()));
        }
    }
    out
}

/// Counts for the streamlining report.
///
/// ```
/// use efficiency_core::guide::{streamlining, GuideCatalogue};
/// let rows = streamlining(&GuideCatalogue::sample(), None);
/// let all = &rows.last().expect("the all row").now;
/// assert_eq!(all.items, 4);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StreamliningCounts {
    /// Items.
    pub items: u32,
    /// Internal workflow steps (环节).
    pub steps: u32,
    /// Procedure steps the applicant goes through.
    pub procedure_steps: u32,
    /// Materials asked for.
    pub materials: u32,
    /// Visits needed, summed over items.
    pub visits: u32,
    /// Items needing no visit (全程网办).
    pub zero_visit_items: u32,
    /// Items concluded on the spot.
    pub on_the_spot_items: u32,
    /// Items with limits in days (the ones summed below).
    pub day_items: u32,
    /// Statutory limits summed, in days (workdays and natural days as stated).
    pub statutory_days: u32,
    /// Promised limits summed, in days.
    pub promised_days: u32,
    /// `1 - promised_days / statutory_days` (none without day limits).
    pub compressed_share: Option<f64>,
}

/// One unit's streamlining: now, and in the earlier version when given.
///
/// ```
/// use efficiency_core::guide::{streamlining, GuideCatalogue};
/// let c = GuideCatalogue::sample();
/// let rows = streamlining(&c, Some(&c));
/// assert!(rows.iter().all(|r| r.before == Some(r.now.clone())));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StreamliningRow {
    /// Unit id, or `all`.
    pub unit: String,
    /// In this version.
    pub now: StreamliningCounts,
    /// In the earlier version.
    pub before: Option<StreamliningCounts>,
}

fn counts<'g>(guides: impl Iterator<Item = &'g Guide>) -> StreamliningCounts {
    let mut c = StreamliningCounts {
        items: 0,
        steps: 0,
        procedure_steps: 0,
        materials: 0,
        visits: 0,
        zero_visit_items: 0,
        on_the_spot_items: 0,
        day_items: 0,
        statutory_days: 0,
        promised_days: 0,
        compressed_share: None,
    };
    let days = |t: TimeLimit| matches!(t.unit, TimeUnit::Workdays | TimeUnit::NaturalDays);
    for g in guides {
        c.items += 1;
        c.steps += g.item.steps.len() as u32;
        c.procedure_steps += g.procedure.len() as u32;
        c.materials += g.materials.len() as u32;
        c.visits += g.visits;
        c.zero_visit_items += u32::from(g.visits == 0);
        c.on_the_spot_items += u32::from(g.on_the_spot);
        let promised = g.item.promised.unwrap_or(g.item.statutory);
        if days(g.item.statutory) && days(promised) {
            c.day_items += 1;
            c.statutory_days += g.item.statutory.amount;
            c.promised_days += promised.amount;
        }
    }
    if c.statutory_days > 0 {
        c.compressed_share = Some(1.0 - f64::from(c.promised_days) / f64::from(c.statutory_days));
    }
    c
}

/// The streamlining report (精简情况) per unit, then `all`: items, steps, materials, visits,
/// promised against statutory limits; beside the earlier version's numbers when given.
///
/// ```
/// use efficiency_core::guide::{streamlining, GuideCatalogue};
/// let now = GuideCatalogue::sample();
/// let mut before = now.clone();
/// before.guides[0].visits = 2;
/// let rows = streamlining(&now, Some(&before));
/// let all = rows.last().expect("the all row");
/// assert_eq!(all.unit, "all");
/// assert!(all.before.as_ref().is_some_and(|b| b.visits > all.now.visits));
/// ```
pub fn streamlining(
    catalogue: &GuideCatalogue,
    previous: Option<&GuideCatalogue>,
) -> Vec<StreamliningRow> {
    let mut units: BTreeSet<&str> = catalogue.guides.iter().map(|g| g.unit.as_str()).collect();
    if let Some(p) = previous {
        units.extend(p.guides.iter().map(|g| g.unit.as_str()));
    }
    let of = |c: &GuideCatalogue, unit: Option<&str>| {
        let mut it = c
            .guides
            .iter()
            .filter(|g| unit.is_none_or(|u| g.unit == u))
            .peekable();
        it.peek().is_some().then(|| counts(it))
    };
    let zero = || counts(std::iter::empty());
    let mut out: Vec<StreamliningRow> = units
        .into_iter()
        .map(|u| StreamliningRow {
            unit: u.into(),
            now: of(catalogue, Some(u)).unwrap_or_else(zero),
            before: previous.map(|p| of(p, Some(u)).unwrap_or_else(zero)),
        })
        .collect();
    out.push(StreamliningRow {
        unit: "all".into(),
        now: counts(catalogue.guides.iter()),
        before: previous.map(|p| counts(p.guides.iter())),
    });
    out
}

/// A flat row with its columns in order (serialised as a map).
///
/// ```
/// use efficiency_core::guide::{streamlining, streamlining_flat, GuideCatalogue};
/// let flat = streamlining_flat(&streamlining(&GuideCatalogue::sample(), None));
/// assert_eq!(flat[0].0[0].0, "unit");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FlatRow(pub Vec<(String, serde_json::Value)>);

impl Serialize for FlatRow {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// The streamlining rows flattened for a table: `unit`, this version's counts, then the earlier
/// version's as `before_<name>` (null without one).
///
/// ```
/// use efficiency_core::guide::{streamlining, streamlining_flat, GuideCatalogue};
/// let rows = streamlining(&GuideCatalogue::sample(), None);
/// assert_eq!(streamlining_flat(&rows).len(), rows.len());
/// ```
pub fn streamlining_flat(rows: &[StreamliningRow]) -> Vec<FlatRow> {
    const NAMES: [&str; 11] = [
        "items",
        "steps",
        "procedure_steps",
        "materials",
        "visits",
        "zero_visit_items",
        "on_the_spot_items",
        "day_items",
        "statutory_days",
        "promised_days",
        "compressed_share",
    ];
    rows.iter()
        .map(|r| {
            let now = serde_json::to_value(&r.now).expect("counts serialise");
            let before = serde_json::to_value(&r.before).expect("counts serialise");
            let mut cols = vec![("unit".to_string(), serde_json::Value::from(r.unit.clone()))];
            for k in NAMES {
                cols.push((k.to_string(), now[k].clone()));
            }
            for k in NAMES {
                cols.push((
                    format!("before_{k}"),
                    before.get(k).cloned().unwrap_or_default(),
                ));
            }
            FlatRow(cols)
        })
        .collect()
}
