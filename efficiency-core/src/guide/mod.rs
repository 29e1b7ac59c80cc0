//! Service guides (办事指南, docs/domain.md §13; 行政许可法 Art. 30 is the floor): what a bureau
//! publishes per item, as a versioned catalogue (`efficiency.guides/1`).
//!
//! A guide is a superset of a [service item](crate::item::ServiceItem): the item's fields (limits,
//! special procedures, steps) sit beside the guide's, so the clock runs on exactly what was
//! published ([`GuideCatalogue::items`]). Loading checks what a citizen relies on, each with its
//! code: a fee is an explicit "free" or a standard with its basis (`guide.fee_unstated`,
//! `guide.fee_basis_missing`); no catch-all condition (`guide.catch_all_condition`); every special
//! procedure states its time and whether it counts (`guide.special_procedure_time_missing`); the
//! promised limit within the statutory one (`clock.promised_exceeds_statutory`); the item code by
//! a pluggable [`CodeScheme`] (`guide.invalid_code`). A catalogue renders to JSON, Markdown or
//! HTML in Chinese or English, compares with an earlier version ([`diff`]: cancelled, adjusted,
//! new, with the date and document) and reports what was streamlined per unit
//! ([`streamlining`]).
//!
//! ```
//! use efficiency_core::guide::{GuideCatalogue, Lang, RenderFormat};
//! let catalogue = GuideCatalogue::sample();
//! let guide = catalogue.guide("civil.social_org_registration").unwrap();
//! assert_eq!(guide.item.statutory.to_string(), "20 workdays");
//! let md = catalogue.render("civil.social_org_registration", RenderFormat::Markdown, Lang::Zh)?;
//! assert!(md.starts_with("# 社会团体成立登记"));
//! assert!(md.contains("| 承诺办结时限 | 10个工作日 |"));
//! // The clock uses the published limits.
//! let items = catalogue.items();
//! assert_eq!(items.get("civil.social_org_registration").unwrap().promised, guide.item.promised);
//! # Ok::<(), efficiency_core::error::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::clock::{TimeLimit, TimeUnit};
use crate::error::Error;
use crate::item::{ItemCatalog, ServiceItem, ITEMS_FORMAT};

/// Format tag of a guide catalogue.
///
/// ```
/// use efficiency_core::guide::{GuideCatalogue, GUIDES_FORMAT};
/// assert_eq!(GuideCatalogue::sample().format, GUIDES_FORMAT);
/// ```
pub const GUIDES_FORMAT: &str = "efficiency.guides/1";
/// The sample bureau's published guides.
///
/// ```
/// use efficiency_core::guide::{GuideCatalogue, SAMPLE_GUIDES_JSON};
/// assert_eq!(GuideCatalogue::from_json(SAMPLE_GUIDES_JSON)?.guides.len(), 4);
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub const SAMPLE_GUIDES_JSON: &str = include_str!("../../data/items/guides.json");

/// Phrases that make a condition or a material a catch-all (兜底条款) unless a catalogue lists
/// its own. A `*` stands for up to [`CATCH_ALL_GAP`] characters of inserted words, so
/// `其他*材料` also catches `申请人认为需要提交的其他相关材料`; matching ignores case and
/// whitespace.
///
/// ```
/// use efficiency_core::guide::CATCH_ALL_PHRASES;
/// assert!(CATCH_ALL_PHRASES.iter().any(|p| p.contains("其他")));
/// ```
pub const CATCH_ALL_PHRASES: &[&str] = &[
    "其他*条件",
    "其它*条件",
    "其他*材料",
    "其它*材料",
    "其他*要求",
    "其它*要求",
    "其他*文件",
    "其它*文件",
    "法律法规规定的其他",
    "认为需要*的*材料",
    "other*conditions",
    "any other",
    "other*requirements",
    "other*documents",
    "other*materials",
];

/// The most characters a `*` of a catch-all phrase stands for.
///
/// ```
/// use efficiency_core::guide::{is_catch_all, CATCH_ALL_GAP};
/// assert_eq!(CATCH_ALL_GAP, 12);
/// // Words inserted within the gap still make a catch-all.
/// assert!(is_catch_all("申请人认为需要提交的其他相关材料", "其他*材料"));
/// ```
pub const CATCH_ALL_GAP: usize = 12;

/// Whether `text` contains the catch-all `phrase` (see [`CATCH_ALL_PHRASES`]).
///
/// ```
/// use efficiency_core::guide::is_catch_all;
/// assert!(is_catch_all("申请人认为需要提交的其他相关材料", "其他*材料"));
/// assert!(is_catch_all("Any  other documents the office asks for", "other*documents"));
/// assert!(!is_catch_all("其他组织出具的证明", "其他*材料"));
/// ```
pub fn is_catch_all(text: &str, phrase: &str) -> bool {
    let norm = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let text = norm(text);
    let parts: Vec<Vec<char>> = phrase.split('*').map(norm).collect();
    let find = |from: usize, part: &[char], within: Option<usize>| -> Option<usize> {
        let last = text.len().checked_sub(part.len())?;
        let until = within.map_or(last, |w| last.min(from + w));
        (from..=until).find(|&i| text[i..i + part.len()] == *part)
    };
    (0..text.len()).any(|start| {
        let Some(mut at) = find(start, &parts[0], Some(0)) else {
            return false;
        };
        at += parts[0].len();
        parts[1..]
            .iter()
            .all(|p| match find(at, p, Some(CATCH_ALL_GAP)) {
                Some(i) => {
                    at = i + p.len();
                    true
                }
                None => false,
            })
    })
}

/// The kind of item (事项类型).
///
/// ```
/// use efficiency_core::guide::GuideCatalogue;
/// let guides = GuideCatalogue::sample();
/// let guide = guides.guide("civil.social_org_registration").expect("published");
/// use efficiency_core::guide::ItemKind;
/// assert_eq!(guide.kind, ItemKind::Licensing);
/// assert_eq!(ItemKind::PublicService.as_str(), "public_service");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// 行政许可.
    Licensing,
    /// 行政确认.
    Confirmation,
    /// 行政给付.
    Payment,
    /// 行政裁决.
    Adjudication,
    /// 公共服务.
    PublicService,
    /// 其他行政权力.
    Other,
}

crate::names!(ItemKind {
    Licensing => "licensing",
    Confirmation => "confirmation",
    Payment => "payment",
    Adjudication => "adjudication",
    PublicService => "public_service",
    Other => "other",
});

impl ItemKind {
    fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ItemKind::Licensing, Lang::Zh) => "行政许可",
            (ItemKind::Confirmation, Lang::Zh) => "行政确认",
            (ItemKind::Payment, Lang::Zh) => "行政给付",
            (ItemKind::Adjudication, Lang::Zh) => "行政裁决",
            (ItemKind::PublicService, Lang::Zh) => "公共服务",
            (ItemKind::Other, Lang::Zh) => "其他行政权力",
            (ItemKind::Licensing, Lang::En) => "Administrative licensing",
            (ItemKind::Confirmation, Lang::En) => "Administrative confirmation",
            (ItemKind::Payment, Lang::En) => "Administrative payment",
            (ItemKind::Adjudication, Lang::En) => "Administrative adjudication",
            (ItemKind::PublicService, Lang::En) => "Public service",
            (ItemKind::Other, Lang::En) => "Other administrative power",
        }
    }
}

/// A legal basis: the document, its date and the article.
///
/// ```
/// use efficiency_core::guide::GuideCatalogue;
/// let guides = GuideCatalogue::sample();
/// let guide = guides.guide("civil.social_org_registration").expect("published");
/// assert!(guide.bases.iter().any(|b| b.title == "《社会团体登记管理条例》"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Basis {
    /// Title, e.g. 《社会团体登记管理条例》.
    pub title: String,
    /// Date of the version relied on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Article, e.g. 第十一条.
    pub article: String,
}

/// How a material is handed in.
///
/// ```
/// use efficiency_core::guide::GuideCatalogue;
/// let guides = GuideCatalogue::sample();
/// let guide = guides.guide("civil.social_org_registration").expect("published");
/// use efficiency_core::guide::MaterialForm;
/// assert!(guide.materials.iter().any(|m| m.form == MaterialForm::Original));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MaterialForm {
    /// 原件.
    Original,
    /// 复印件.
    Copy,
    /// 原件和复印件.
    OriginalAndCopy,
    /// 电子材料.
    Electronic,
}

impl MaterialForm {
    fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (MaterialForm::Original, Lang::Zh) => "原件",
            (MaterialForm::Copy, Lang::Zh) => "复印件",
            (MaterialForm::OriginalAndCopy, Lang::Zh) => "原件和复印件",
            (MaterialForm::Electronic, Lang::Zh) => "电子材料",
            (MaterialForm::Original, Lang::En) => "original",
            (MaterialForm::Copy, Lang::En) => "copy",
            (MaterialForm::OriginalAndCopy, Lang::En) => "original and copy",
            (MaterialForm::Electronic, Lang::En) => "electronic",
        }
    }
}

/// A material to hand in.
///
/// ```
/// use efficiency_core::guide::GuideCatalogue;
/// let guides = GuideCatalogue::sample();
/// let guide = guides.guide("civil.social_org_registration").expect("published");
/// assert!(guide.materials.iter().all(|m| m.copies >= 1 && !m.name.is_empty()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Material {
    /// Name.
    pub name: String,
    /// Form.
    pub form: MaterialForm,
    /// Copies (at least 1).
    pub copies: u32,
    /// Where it comes from (申请人自备, 民政部门核发, …).
    pub source: String,
    /// A sample or blank form, if one is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample: Option<String>,
}

/// One fee.
///
/// ```
/// use efficiency_core::guide::GuideCatalogue;
/// let guides = GuideCatalogue::sample();
/// let guide = guides.guide("civil.social_org_registration").expect("published");
/// assert!(guide.fees.free && guide.fees.items.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fee {
    /// What is charged for.
    pub name: String,
    /// The standard (amount and unit).
    pub standard: String,
    /// The document that allows it.
    pub basis: String,
}

/// Fees: an explicit "free" (不收费) or the fees with standard and basis — never blank.
///
/// ```
/// use efficiency_core::guide::GuideCatalogue;
/// let guides = GuideCatalogue::sample();
/// let guide = guides.guide("civil.social_org_registration").expect("published");
/// // A free item lists no fee; a charged one names each fee's standard and basis.
/// assert!(guide.fees.free);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fees {
    /// 不收费.
    #[serde(default)]
    pub free: bool,
    /// The fees, when not free.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Fee>,
}

/// A service guide: the item the clock uses and what is published with it.
///
/// ```
/// use efficiency_core::guide::GuideCatalogue;
/// let guides = GuideCatalogue::sample();
/// let guide = guides.guide("civil.social_org_registration").expect("published");
/// assert_eq!((guide.unit.as_str(), guide.item.name_zh.as_str()), ("social_org", "社会团体成立登记"));
/// assert_eq!(guide.catalogue_code, "330100000000MZ0101001");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Guide {
    /// The item: code, names, limits, special procedures, steps (the item format's fields).
    #[serde(flatten)]
    pub item: ServiceItem,
    /// The catalogue code (事项编码), checked by the catalogue's code scheme.
    pub catalogue_code: String,
    /// Kind.
    pub kind: ItemKind,
    /// The unit handling it (an organisation unit id, for the per-unit report).
    pub unit: String,
    /// The implementing body (实施主体).
    pub body: String,
    /// Legal bases (at least one).
    pub bases: Vec<Basis>,
    /// Conditions (受理条件; no catch-all).
    pub conditions: Vec<String>,
    /// Quantity limits (数量限制), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity_limit: Option<String>,
    /// Materials.
    pub materials: Vec<Material>,
    /// The procedure as the applicant sees it (办理流程).
    pub procedure: Vec<String>,
    /// Concluded on the spot (即办件).
    pub on_the_spot: bool,
    /// Visits needed at most (最多跑几次).
    pub visits: u32,
    /// Fees.
    pub fees: Fees,
    /// The result (licence, certificate).
    pub result: String,
    /// Where.
    pub place: String,
    /// Office hours.
    pub hours: String,
    /// How to apply (window, online, post).
    pub how_to_apply: Vec<String>,
    /// Enquiry contact.
    pub enquiry: String,
    /// Complaint contact.
    pub complaint: String,
}

/// What characters a code may hold.
///
/// ```
/// use efficiency_core::guide::{Charset, CodeRule, CodeScheme};
/// let rule = CodeRule { prefix: "3301".into(), min_length: 8, max_length: 24, charset: Charset::UpperAlphanumeric };
/// assert!(rule.check("330100000000MZ0101001").is_ok());
/// assert!(rule.check("3301mz01").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Charset {
    /// 0-9.
    Digits,
    /// 0-9 and A-Z.
    UpperAlphanumeric,
    /// Any printable ASCII except spaces.
    Printable,
}

/// Checks an item's catalogue code. Provinces number their items differently: a bureau plugs in
/// its own (in Rust, any implementation; in a catalogue, a [`CodeRule`]).
///
/// ```
/// use efficiency_core::guide::{CodeScheme, GuideCatalogue, SAMPLE_GUIDES_JSON};
/// /// A bureau whose codes are any text.
/// struct Any;
/// impl CodeScheme for Any {
///     fn check(&self, _code: &str) -> Result<(), String> {
///         Ok(())
///     }
/// }
/// assert!(GuideCatalogue::from_json_with(SAMPLE_GUIDES_JSON, &Any).is_ok());
/// ```
pub trait CodeScheme {
    /// Why `code` is not a valid code, or `Ok`.
    fn check(&self, code: &str) -> Result<(), String>;
}

/// A code scheme as data: a prefix, a length range and a character set.
///
/// ```
/// use efficiency_core::guide::{CodeRule, CodeScheme};
/// let rule = CodeRule::default();
/// assert!(rule.check("330100000000MZ0101001").is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CodeRule {
    /// A prefix every code starts with (e.g. a province's).
    #[serde(default)]
    pub prefix: String,
    /// Shortest length, in characters.
    pub min_length: usize,
    /// Longest length.
    pub max_length: usize,
    /// Allowed characters.
    pub charset: Charset,
}

impl Default for CodeRule {
    /// Any printable code of 1 to 64 characters.
    fn default() -> Self {
        CodeRule {
            prefix: String::new(),
            min_length: 1,
            max_length: 64,
            charset: Charset::Printable,
        }
    }
}

impl CodeScheme for CodeRule {
    fn check(&self, code: &str) -> Result<(), String> {
        let n = code.chars().count();
        if n < self.min_length || n > self.max_length {
            return Err(format!(
                "{code:?} has {n} characters (expected {} to {})",
                self.min_length, self.max_length
            ));
        }
        if !code.starts_with(&self.prefix) {
            return Err(format!("{code:?} does not start with {:?}", self.prefix));
        }
        let ok = |c: char| match self.charset {
            Charset::Digits => c.is_ascii_digit(),
            Charset::UpperAlphanumeric => c.is_ascii_digit() || c.is_ascii_uppercase(),
            Charset::Printable => c.is_ascii_graphic(),
        };
        if let Some(c) = code.chars().find(|c| !ok(*c)) {
            return Err(format!(
                "{code:?} holds {c:?}, not allowed by the code scheme"
            ));
        }
        Ok(())
    }
}

/// A published catalogue of guides (one version).
///
/// ```
/// use efficiency_core::guide::GuideCatalogue;
/// let c = GuideCatalogue::sample();
/// assert_eq!((c.version.as_str(), c.document.as_str()), ("2026.2", "杭民发〔2026〕18号"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GuideCatalogue {
    /// [`GUIDES_FORMAT`].
    pub format: String,
    /// Version, e.g. `2026.2`.
    pub version: String,
    /// From when it applies.
    pub effective_from: NaiveDate,
    /// The document publishing it (its number).
    pub document: String,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The code scheme (default: any printable code of 1 to 64 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_scheme: Option<CodeRule>,
    /// Catch-all phrases refused in conditions (default [`CATCH_ALL_PHRASES`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catch_all_phrases: Option<Vec<String>>,
    /// The guides.
    pub guides: Vec<Guide>,
}

fn err(code: &'static str, field: String, message: String) -> Error {
    Error::new(code, format!("{field}: {message}")).with_field(field)
}

impl GuideCatalogue {
    /// The sample bureau's catalogue.
    ///
    /// ```
    /// use efficiency_core::guide::GuideCatalogue;
    /// assert!(GuideCatalogue::sample().guide("civil.marriage_registration").is_some());
    /// ```
    pub fn sample() -> GuideCatalogue {
        GuideCatalogue::from_json(SAMPLE_GUIDES_JSON).expect("the shipped guides are valid")
    }

    /// A catalogue from JSON, checked with its own code scheme (see the module).
    ///
    /// ```
    /// use efficiency_core::guide::{GuideCatalogue, SAMPLE_GUIDES_JSON};
    /// assert_eq!(GuideCatalogue::from_json(SAMPLE_GUIDES_JSON)?.guides.len(), 4);
    /// // A fee that is neither "free" nor a standard with its basis is refused, naming the guide.
    /// let bad = SAMPLE_GUIDES_JSON.replacen(r#""free": true"#, r#""free": false"#, 1);
    /// let e = GuideCatalogue::from_json(&bad).unwrap_err();
    /// assert_eq!(e.code, "guide.fee_unstated");
    /// assert!(e.field.unwrap().starts_with("guides["));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<GuideCatalogue, Error> {
        let c = Self::parse(text)?;
        let scheme = c.code_scheme.clone().unwrap_or_default();
        c.checked(&scheme)
    }

    /// A catalogue from JSON, its codes checked by `scheme` (a province's own numbering).
    ///
    /// ```
    /// use efficiency_core::guide::{Charset, CodeRule, GuideCatalogue, SAMPLE_GUIDES_JSON};
    /// // A scheme the sample's codes do not follow: refused, naming the guide.
    /// let strict = CodeRule { prefix: "4401".into(), min_length: 21, max_length: 21, charset: Charset::Digits };
    /// assert!(GuideCatalogue::from_json_with(SAMPLE_GUIDES_JSON, &strict).is_err());
    /// ```
    pub fn from_json_with(text: &str, scheme: &dyn CodeScheme) -> Result<GuideCatalogue, Error> {
        Self::parse(text)?.checked(scheme)
    }

    fn parse(text: &str) -> Result<GuideCatalogue, Error> {
        crate::limits::document(text, "guides")?;
        serde_json::from_str(text).map_err(|e| {
            let (at, m) = crate::json::error_parts(&e);
            err("guide.invalid", at, m)
        })
    }

    fn checked(self, scheme: &dyn CodeScheme) -> Result<GuideCatalogue, Error> {
        if self.format != GUIDES_FORMAT {
            return Err(err(
                "guide.invalid",
                "format".into(),
                format!("expected {GUIDES_FORMAT:?}, found {:?}", self.format),
            ));
        }
        if self.version.trim().is_empty() || self.document.trim().is_empty() {
            let f = if self.version.trim().is_empty() {
                "version"
            } else {
                "document"
            };
            return Err(err("guide.invalid", f.into(), "must not be empty".into()));
        }
        // The items first: limits, procedures and steps as the clock checks them.
        self.items_unchecked()
            .validated()
            .map_err(|e| Error::from(e).with_catalogue_path())?;
        let phrases: Vec<String> = match &self.catch_all_phrases {
            Some(p) => p.clone(),
            None => CATCH_ALL_PHRASES.iter().map(|s| s.to_string()).collect(),
        };
        let mut codes = BTreeSet::new();
        for (i, g) in self.guides.iter().enumerate() {
            let at = format!("guides[{i}] ({})", g.item.code);
            let f = |name: &str| format!("{at}.{name}");
            scheme
                .check(&g.catalogue_code)
                .map_err(|m| err("guide.invalid_code", f("catalogue_code"), m))?;
            if !codes.insert(g.catalogue_code.as_str()) {
                return Err(err(
                    "guide.invalid",
                    f("catalogue_code"),
                    format!("{:?} appears twice", g.catalogue_code),
                ));
            }
            for (name, value) in [
                ("name_zh", &g.item.name_zh),
                ("unit", &g.unit),
                ("body", &g.body),
                ("result", &g.result),
                ("place", &g.place),
                ("hours", &g.hours),
                ("enquiry", &g.enquiry),
                ("complaint", &g.complaint),
            ] {
                if value.trim().is_empty() {
                    return Err(err("guide.invalid", f(name), "must not be empty".into()));
                }
            }
            for (name, empty) in [
                ("bases", g.bases.is_empty()),
                ("conditions", g.conditions.is_empty()),
                ("procedure", g.procedure.is_empty()),
                ("how_to_apply", g.how_to_apply.is_empty()),
            ] {
                if empty {
                    return Err(err(
                        "guide.invalid",
                        f(name),
                        "must list at least one".into(),
                    ));
                }
            }
            for (j, b) in g.bases.iter().enumerate() {
                if b.title.trim().is_empty() || b.article.trim().is_empty() {
                    return Err(err(
                        "guide.invalid",
                        f(&format!("bases[{j}]")),
                        "a basis names its title and article".into(),
                    ));
                }
            }
            for (j, c) in g.conditions.iter().enumerate() {
                if let Some(p) = phrases.iter().find(|p| is_catch_all(c, p)) {
                    return Err(err(
                        "guide.catch_all_condition",
                        f(&format!("conditions[{j}]")),
                        format!("{c:?} is a catch-all ({p:?}): every condition is stated"),
                    ));
                }
            }
            for (j, m) in g.materials.iter().enumerate() {
                if let Some(p) = phrases.iter().find(|p| is_catch_all(&m.name, p)) {
                    return Err(err(
                        "guide.catch_all_material",
                        f(&format!("materials[{j}].name")),
                        format!(
                            "{:?} is a catch-all ({p:?}): every material is named once (一次性告知)",
                            m.name
                        ),
                    ));
                }
            }
            for (j, m) in g.materials.iter().enumerate() {
                if m.name.trim().is_empty() || m.source.trim().is_empty() || m.copies == 0 {
                    return Err(err(
                        "guide.invalid",
                        f(&format!("materials[{j}]")),
                        "a material names itself and its source, with at least one copy".into(),
                    ));
                }
            }
            for (j, p) in g.item.special_procedures.iter().enumerate() {
                if p.max_time.is_none() {
                    return Err(err(
                        "guide.special_procedure_time_missing",
                        f(&format!("special_procedures[{j}] ({}).max_time", p.code)),
                        "a published special procedure states how long it may take".into(),
                    ));
                }
            }
            match (g.fees.free, g.fees.items.is_empty()) {
                (false, true) => {
                    return Err(err(
                        "guide.fee_unstated",
                        f("fees"),
                        "state \"free\": true (不收费) or the fees with standard and basis".into(),
                    ))
                }
                (true, false) => {
                    return Err(err(
                        "guide.invalid",
                        f("fees"),
                        "free and charged at once".into(),
                    ))
                }
                _ => {}
            }
            for (j, fee) in g.fees.items.iter().enumerate() {
                if fee.standard.trim().is_empty() || fee.basis.trim().is_empty() {
                    return Err(err(
                        "guide.fee_basis_missing",
                        f(&format!("fees.items[{j}]")),
                        format!("the fee {:?} needs its standard and basis", fee.name),
                    ));
                }
            }
            if g.on_the_spot && g.visits > 1 {
                return Err(err(
                    "guide.invalid",
                    f("visits"),
                    format!(
                        "an on-the-spot item needs at most 1 visit, not {}",
                        g.visits
                    ),
                ));
            }
            if g.on_the_spot
                != (g.item.statutory.unit == TimeUnit::OnTheSpot
                    || g.item
                        .promised
                        .is_some_and(|p| p.unit == TimeUnit::OnTheSpot))
            {
                return Err(err(
                    "guide.invalid",
                    f("on_the_spot"),
                    "on_the_spot and the limits disagree (an on-the-spot item promises an on_the_spot limit)".into(),
                ));
            }
        }
        Ok(self)
    }

    fn items_unchecked(&self) -> ItemCatalog {
        ItemCatalog {
            format: ITEMS_FORMAT.into(),
            source: Some(format!(
                "service guides {} ({}, from {})",
                self.version, self.document, self.effective_from
            )),
            items: self
                .guides
                .iter()
                .map(|g| Arc::new(g.item.clone()))
                .collect(),
        }
    }

    /// The items as the clock uses them: exactly the published limits.
    ///
    /// ```
    /// use efficiency_core::guide::GuideCatalogue;
    /// let items = GuideCatalogue::sample().items();
    /// assert_eq!(items.items.len(), 4);
    /// ```
    pub fn items(&self) -> ItemCatalog {
        self.items_unchecked()
    }

    /// The guide of an item code.
    ///
    /// ```
    /// use efficiency_core::guide::GuideCatalogue;
    /// let c = GuideCatalogue::sample();
    /// assert_eq!(c.guide("civil.marriage_registration").unwrap().item.name_zh, "婚姻登记");
    /// assert!(c.guide("civil.dog_licence").is_none());
    /// ```
    pub fn guide(&self, code: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.item.code == code)
    }

    /// One guide rendered (`guide.unknown_item` for a code the catalogue does not have).
    ///
    /// ```
    /// use efficiency_core::guide::{GuideCatalogue, Lang, RenderFormat};
    /// let c = GuideCatalogue::sample();
    /// let html = c.render("civil.marriage_registration", RenderFormat::Html, Lang::Zh)?;
    /// assert!(html.contains("婚姻登记") && !html.contains("<script"));
    /// let e = c.render("civil.dog_licence", RenderFormat::Html, Lang::Zh).unwrap_err();
    /// assert_eq!(e.code, "guide.unknown_item");
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn render(&self, code: &str, format: RenderFormat, lang: Lang) -> Result<String, Error> {
        let g = self.guide(code).ok_or_else(|| {
            err(
                "guide.unknown_item",
                "code".into(),
                format!("{code:?} is not in catalogue {}", self.version),
            )
        })?;
        Ok(render(g, self, format, lang))
    }
}

impl Error {
    /// An item error's field inside a catalogue: `items[i]` → `guides[i]`.
    fn with_catalogue_path(mut self) -> Error {
        if let Some(f) = &self.field {
            let f = f.replacen("items[", "guides[", 1);
            self.message = self.message.replacen("items[", "guides[", 1);
            self.field = Some(f);
        }
        self
    }
}

mod diff;
mod render;

pub use diff::{
    diff, streamlining, streamlining_flat, CatalogueDiff, DiffItem, FieldChange, FlatRow,
    StreamliningCounts, StreamliningRow,
};
pub use render::{escape_html, limit_text, render, Lang, RenderFormat};
