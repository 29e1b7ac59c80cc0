//! The message catalogue: what every code this library emits says, in Chinese (`zh-CN`, the
//! default) and English, as data (`data/messages/zh-CN.ftl`, `data/messages/en.ftl`).
//!
//! A finding, a fault or a card keeps its stable code and its named arguments ([`Args`]: times,
//! people, limits, articles of law); its text is the catalogue's message for the code, formatted
//! in the language asked for. The messages are written in [Project Fluent](https://projectfluent.org)
//! syntax and formatted with `fluent-bundle`, the reference implementation: named arguments, a
//! selector for the variants a language needs (English plurals, "told late" / "never told"), one
//! file per language that a translator edits without touching code, and a bureau's own file that
//! overrides single messages ([`Messages::with_overrides`]).
//!
//! A message id is its code with the dot turned into a hyphen (Fluent ids have no dots):
//! `time_limit.statutory_missed` → `time_limit-statutory_missed`; the names of units, severities,
//! levels and outcomes are `unit-workdays`, `severity-serious`, `level-red`, `outcome-late`.
//!
//! ```
//! use efficiency_core::messages::{Arg, Args, Lang, Messages};
//! let m = Messages::shipped();
//! let args = Args::new()
//!     .with("limit", Arg::Limit(20, "workdays"))
//!     .with("due", Arg::Time("2026-10-30T17:30:00".parse().unwrap()));
//! assert_eq!(m.text(Lang::Zh, "time_limit.statutory_missed", &args), "法定时限（20个工作日）已于2026年10月30日 17:30届满，未办结");
//! assert_eq!(m.text(Lang::En, "time_limit.statutory_missed", &args), "statutory limit (20 workdays) ran out at 2026-10-30 17:30");
//! assert_eq!(m.name(Lang::Zh, "severity", "serious"), "严重");
//! ```
//!
//! Floor 2: uses the codes (`catalog`, `error`) and nothing above.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The language of a text.
///
/// ```
/// use efficiency_core::messages::Lang;
/// assert_eq!(Lang::default(), Lang::Zh);
/// assert_eq!((Lang::Zh.as_str(), Lang::Zh.locale()), ("zh", "zh-CN"));
/// assert_eq!(Lang::from_name("en"), Some(Lang::En));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// 中文 (the default: the readers are a bureau's staff).
    #[default]
    Zh,
    /// English.
    En,
}

crate::names!(Lang {
    Zh => "zh",
    En => "en",
});

impl Lang {
    /// Every language, in catalogue order.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The locale of its catalogue file (`zh-CN`, `en`).
    pub const fn locale(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// One named argument of a message.
///
/// ```
/// use efficiency_core::messages::Arg;
/// let v = serde_json::to_value(Arg::Limit(5, "workdays")).unwrap();
/// assert_eq!(v, serde_json::json!({"amount": 5, "unit": "workdays"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text from the data (an id, a person, a name), shown as it is.
    Text(String),
    /// A moment, written for the language (`2026年10月30日 17:30`, `2026-10-30 17:30`).
    Time(NaiveDateTime),
    /// A day (`2026年10月30日`, `2026-10-30`).
    Date(NaiveDate),
    /// A number.
    Int(i64),
    /// A time limit: an amount and a unit name (`workdays`, …), written by the `unit-*` messages.
    Limit(u32, &'static str),
    /// A name the catalogue holds: `(group, code)` is the message `group-code`
    /// (`("severity", "serious")` → 严重).
    Name(&'static str, &'static str),
    /// A selector: one of the variants the message names (`late`, `missing`, `yes`, …).
    Select(&'static str),
}

impl Serialize for Arg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Arg::Text(t) => s.serialize_str(t),
            Arg::Time(t) => s.collect_str(&t.format("%Y-%m-%dT%H:%M:%S")),
            Arg::Date(d) => s.collect_str(&d.format("%Y-%m-%d")),
            Arg::Int(n) => s.serialize_i64(*n),
            Arg::Limit(amount, unit) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("amount", amount)?;
                m.serialize_entry("unit", unit)?;
                m.end()
            }
            Arg::Name(_, code) | Arg::Select(code) => s.serialize_str(code),
        }
    }
}

/// The named arguments of one message, in the order the code gives them. Serialized as an object
/// (times as `YYYY-MM-DDTHH:MM:SS`, limits as `{amount, unit}`, names and selectors as their
/// codes), so that a reader may format the same finding in another language.
///
/// ```
/// use efficiency_core::messages::{Arg, Args};
/// let args = Args::new().with("by", Arg::Text("soc01".into())).with("amount", Arg::Int(3));
/// assert_eq!(serde_json::to_string(&args).unwrap(), r#"{"by":"soc01","amount":3}"#);
/// assert_eq!(args.get("by"), Some(&Arg::Text("soc01".into())));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args(Vec<(&'static str, Arg)>);

impl Args {
    /// No arguments.
    pub const fn new() -> Args {
        Args(Vec::new())
    }

    /// With one more argument.
    pub fn with(mut self, name: &'static str, value: Arg) -> Args {
        self.0.push((name, value));
        self
    }

    /// With every argument of `more` after these.
    pub fn extend(mut self, more: Args) -> Args {
        self.0.extend(more.0);
        self
    }

    /// The argument named `name`.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The arguments, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Arg)> {
        self.0.iter().map(|(n, v)| (*n, v))
    }

    /// Reads whatever was given as arguments and keeps none (a fault passed back keeps its
    /// text); for `#[serde(deserialize_with)]`.
    pub fn ignored<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Args, D::Error> {
        serde::de::IgnoredAny::deserialize(d)?;
        Ok(Args::new())
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Args {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Args {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Args".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, serde_json::Value>>::json_schema(generator)
    }
}

/// The shipped catalogues: `(locale, file name, text)`.
const SHIPPED: [(&str, &str); 2] = [
    ("zh-CN.ftl", include_str!("../data/messages/zh-CN.ftl")),
    ("en.ftl", include_str!("../data/messages/en.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

/// The messages of every language: the shipped catalogues, and a bureau's overrides.
pub struct Messages {
    bundles: [Bundle; 2],
    /// Per language, the files added after the shipped one (name, text), to rebuild from.
    overrides: [Vec<(String, String)>; 2],
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("overrides", &self.overrides)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Messages {
    fn eq(&self, other: &Messages) -> bool {
        self.overrides == other.overrides
    }
}

/// The Fluent id of a code: its dot turned into a hyphen.
///
/// ```
/// use efficiency_core::messages::message_id;
/// assert_eq!(message_id("time_limit.statutory_missed"), "time_limit-statutory_missed");
/// ```
pub fn message_id(code: &str) -> String {
    code.replace('.', "-")
}

/// [`message_id`] written into `buf` without allocating (codes are short); a code longer than
/// the buffer gets `"-"`, an id no message has.
fn id_of<'b>(buf: &'b mut [u8; 64], code: &str) -> &'b str {
    let b = code.as_bytes();
    if b.len() > buf.len() {
        return "-";
    }
    for (slot, &c) in buf.iter_mut().zip(b) {
        *slot = if c == b'.' { b'-' } else { c };
    }
    // Only ASCII '.' was replaced by ASCII '-': still UTF-8.
    std::str::from_utf8(&buf[..b.len()]).unwrap_or("-")
}

/// `group-code` written into `buf` without allocating.
fn join_id<'b, const N: usize>(buf: &'b mut [u8; N], group: &str, code: &str) -> &'b str {
    let (g, c) = (group.as_bytes(), code.as_bytes());
    if g.len() + 1 + c.len() > N {
        return "-";
    }
    buf[..g.len()].copy_from_slice(g);
    buf[g.len()] = b'-';
    buf[g.len() + 1..g.len() + 1 + c.len()].copy_from_slice(c);
    std::str::from_utf8(&buf[..g.len() + 1 + c.len()]).unwrap_or("-")
}

fn bundle(lang: Lang) -> Bundle {
    let mut b =
        FluentBundle::new_concurrent(vec![lang.locale().parse().expect("the locales are valid")]);
    // No Unicode isolation marks around arguments: the texts go into tables, files and pages.
    b.set_use_isolating(false);
    b
}

/// The 1-based line of byte `pos` in `text`.
fn line_of(text: &str, pos: usize) -> u32 {
    text[..pos.min(text.len())].matches('\n').count() as u32 + 1
}

/// The variables a pattern names (`$name`), through selectors and nested placeables.
fn variables<'s>(pattern: &ast::Pattern<&'s str>, out: &mut BTreeSet<&'s str>) {
    fn inline<'s>(e: &ast::InlineExpression<&'s str>, out: &mut BTreeSet<&'s str>) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name);
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
                for a in &arguments.named {
                    inline(&a.value, out);
                }
            }
            _ => {}
        }
    }
    fn expr<'s>(e: &ast::Expression<&'s str>, out: &mut BTreeSet<&'s str>) {
        match e {
            ast::Expression::Inline(i) => inline(i, out),
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
        }
    }
    for el in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

impl Messages {
    /// The shipped catalogues (built once, shared).
    pub fn shipped() -> Arc<Messages> {
        static SHIPPED_MESSAGES: OnceLock<Arc<Messages>> = OnceLock::new();
        SHIPPED_MESSAGES
            .get_or_init(|| {
                Arc::new(Messages::build([Vec::new(), Vec::new()]).expect("shipped catalogues"))
            })
            .clone()
    }

    fn build(overrides: [Vec<(String, String)>; 2]) -> Result<Messages, Error> {
        let mut bundles = [bundle(Lang::Zh), bundle(Lang::En)];
        for lang in Lang::ALL {
            let b = &mut bundles[lang.index()];
            let (_, text) = SHIPPED[lang.index()];
            let res = FluentResource::try_new(text.to_string())
                .map_err(|_| Error::new("messages.syntax", "a shipped catalogue does not parse"))?;
            b.add_resource(res)
                .map_err(|_| Error::new("messages.syntax", "a shipped message is defined twice"))?;
            for (_, text) in &overrides[lang.index()] {
                let res = FluentResource::try_new(text.clone()).map_err(|_| {
                    Error::new("messages.syntax", "an override was checked and still fails")
                })?;
                b.add_resource_overriding(res);
            }
        }
        Ok(Messages { bundles, overrides })
    }

    /// These messages with a bureau's file `name` (Fluent text) overriding some of `lang`'s.
    /// Every message it defines must exist in the shipped catalogue and name only the arguments
    /// the shipped message names (the ones its code gives); anything else is a coded error naming
    /// the file, the message and the line (`messages.syntax`, `messages.unknown_code`,
    /// `messages.unknown_argument`), and nothing is overridden.
    ///
    /// ```
    /// use efficiency_core::messages::{Arg, Args, Lang, Messages};
    /// let bureau = Messages::shipped().with_overrides(Lang::Zh, "bureau.ftl",
    ///     "reception-refused = { $by }拒收申请材料，违反首问负责制\n")?;
    /// let args = Args::new().with("by", Arg::Text("王芳".into()));
    /// assert_eq!(bureau.text(Lang::Zh, "reception.refused", &args), "王芳拒收申请材料，违反首问负责制");
    /// let e = Messages::shipped().with_overrides(Lang::Zh, "bureau.ftl", "reception-refused = { $who }拒收\n").unwrap_err();
    /// assert_eq!(e.code, "messages.unknown_argument");
    /// assert!(e.message.contains("bureau.ftl line 1") && e.message.contains("$who"), "{}", e.message);
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn with_overrides(&self, lang: Lang, name: &str, text: &str) -> Result<Messages, Error> {
        let at = |pos: usize| format!("{name} line {}", line_of(text, pos));
        let res = match FluentResource::try_new(text.to_string()) {
            Ok(res) => res,
            Err((_, errors)) => {
                let e = &errors[0];
                return Err(Error::new(
                    "messages.syntax",
                    format!("{}: {}", at(e.pos.start), e.kind),
                )
                .with_field(name));
            }
        };
        let shipped = &self.bundles[lang.index()];
        for entry in res.entries() {
            let ast::Entry::Message(m) = entry else {
                continue; // terms and comments are the file's own helpers
            };
            let id = m.id.name;
            let pos = text
                .find(&format!("{id} ="))
                .or_else(|| text.find(id))
                .unwrap_or(0);
            if shipped.get_message(id).is_none() {
                return Err(Error::new(
                    "messages.unknown_code",
                    format!(
                        "{}: message {id:?} overrides no message of the {} catalogue",
                        at(pos),
                        lang.locale()
                    ),
                )
                .with_field(name));
            }
            // The arguments its code gives: those the shipped message names in any language.
            let mut allowed = BTreeSet::new();
            for b in &self.bundles {
                if let Some(p) = b.get_message(id).and_then(|m| m.value()) {
                    variables(p, &mut allowed);
                }
            }
            let mut used = BTreeSet::new();
            if let Some(p) = &m.value {
                variables(p, &mut used);
            }
            if let Some(bad) = used.difference(&allowed).next() {
                return Err(Error::new(
                    "messages.unknown_argument",
                    format!(
                        "{}: message {id:?} names ${bad}, which its code does not give (it gives {})",
                        at(pos),
                        allowed
                            .iter()
                            .map(|a| format!("${a}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
                .with_field(name));
            }
        }
        let mut overrides = self.overrides.clone();
        overrides[lang.index()].push((name.to_string(), text.to_string()));
        Messages::build(overrides)
    }

    /// Whether `lang` has a message for `code`.
    pub fn has(&self, lang: Lang, code: &str) -> bool {
        self.bundles[lang.index()].has_message(&message_id(code))
    }

    /// The variables the message of `code` names in `lang` (empty when it has none).
    pub fn variables(&self, lang: Lang, code: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        if let Some(p) = self.bundles[lang.index()]
            .get_message(&message_id(code))
            .and_then(|m| m.value())
        {
            variables(p, &mut out);
        }
        out.into_iter().map(str::to_string).collect()
    }

    fn value<'a>(&'a self, lang: Lang, arg: &'a Arg) -> FluentValue<'a> {
        match arg {
            Arg::Text(t) => FluentValue::from(t.as_str()),
            Arg::Time(t) => FluentValue::from(time_text(lang, *t)),
            Arg::Date(d) => FluentValue::from(date_text(lang, *d)),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Limit(amount, unit) => FluentValue::from(self.limit(lang, *amount, unit)),
            Arg::Name(group, code) => FluentValue::from(self.name(lang, group, code)),
            Arg::Select(v) => FluentValue::from(*v),
        }
    }

    fn format(&self, lang: Lang, id: &str, args: &Args) -> Result<String, Vec<String>> {
        let b = &self.bundles[lang.index()];
        let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
            return Err(vec![format!("no message {id:?} in {}", lang.locale())]);
        };
        let mut fargs = FluentArgs::with_capacity(args.0.len());
        for (k, v) in &args.0 {
            fargs.set(*k, self.value(lang, v));
        }
        let mut errors = Vec::new();
        let text = b.format_pattern(pattern, Some(&fargs), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(errors.iter().map(|e| e.to_string()).collect())
        }
    }

    /// The text of `code` with `args` in `lang`. A code without a message (which the catalogue
    /// tests rule out for every code the library emits) reads as the code itself.
    pub fn text(&self, lang: Lang, code: &str, args: &Args) -> String {
        let mut buf = [0u8; 64];
        let id = id_of(&mut buf, code);
        match self.format(lang, id, args) {
            Ok(t) => t,
            Err(_) => self
                .format(Lang::En, id, args)
                .unwrap_or_else(|_| code.to_string()),
        }
    }

    /// What formatting `code` with `args` in `lang` got wrong: a missing message, an argument
    /// the message names and `args` lack (empty when all is well). For tests and for checking a
    /// bureau's catalogue against real findings.
    pub fn check(&self, lang: Lang, code: &str, args: &Args) -> Vec<String> {
        self.format(lang, &message_id(code), args)
            .err()
            .unwrap_or_default()
    }

    /// The name of `code` in `group` (`severity`, `level`, `outcome`, `measure`, …): the message
    /// `group-code`; for the group `finding`, the fault catalog's name of the code; else `code`
    /// itself.
    ///
    /// ```
    /// use efficiency_core::messages::{Lang, Messages};
    /// let m = Messages::shipped();
    /// assert_eq!(m.name(Lang::Zh, "finding", "step.overdue"), "内部环节超时");
    /// assert_eq!(m.name(Lang::Zh, "measure", "major_demerit"), "记大过");
    /// assert_eq!(m.name(Lang::En, "finding", "conduct.late"), "conduct.late");
    /// ```
    pub fn name(&self, lang: Lang, group: &str, code: &str) -> String {
        let mut buf = [0u8; 64];
        let id = join_id(&mut buf, group, code);
        if let Ok(name) = self.format(lang, id, &Args::new()) {
            return name;
        }
        // A fault code's name is its catalog entry's.
        if group == "finding" {
            use crate::catalog::{ACTIVITY_CATALOG, CAMPAIGN_CATALOG, FINDING_CATALOG};
            let all = FINDING_CATALOG
                .iter()
                .chain(ACTIVITY_CATALOG)
                .chain(CAMPAIGN_CATALOG);
            if let Some(info) = all.into_iter().find(|i| i.code == code) {
                return match lang {
                    Lang::Zh => info.name_zh,
                    Lang::En => info.name,
                }
                .to_string();
            }
        }
        code.to_string()
    }

    /// A fault's name: the fault catalog's for its code, or for a conduct rule (a bureau's data,
    /// not a catalog code) the rule's own name its arguments carry (`rule_zh` / `rule`); the code
    /// itself when neither is known.
    ///
    /// ```
    /// use efficiency_core::messages::{Arg, Args, Lang, Messages};
    /// let m = Messages::shipped();
    /// assert_eq!(m.fault_name(Lang::Zh, "step.overdue", &Args::new()), "内部环节超时");
    /// let args = Args::new().with("rule", Arg::Text("late".into())).with("rule_zh", Arg::Text("迟到".into()));
    /// assert_eq!(m.fault_name(Lang::Zh, "conduct.late", &args), "迟到");
    /// ```
    pub fn fault_name(&self, lang: Lang, code: &str, args: &Args) -> String {
        let name = self.name(lang, "finding", code);
        if name != code {
            return name;
        }
        let key = match lang {
            Lang::Zh => "rule_zh",
            Lang::En => "rule",
        };
        match args.get(key) {
            Some(Arg::Text(n)) => n.clone(),
            _ => name,
        }
    }

    /// A time limit in words: `20个工作日` / `20 workdays`.
    ///
    /// ```
    /// use efficiency_core::messages::{Lang, Messages};
    /// let m = Messages::shipped();
    /// assert_eq!(m.limit(Lang::Zh, 60, "natural_days"), "60日");
    /// assert_eq!(m.limit(Lang::En, 1, "workdays"), "1 workday");
    /// assert_eq!(m.limit(Lang::Zh, 0, "on_the_spot"), "即时办结");
    /// ```
    pub fn limit(&self, lang: Lang, amount: u32, unit: &str) -> String {
        let mut buf = [0u8; 48];
        let id = join_id(&mut buf, "unit", unit);
        self.format(
            lang,
            id,
            &Args::new().with("n", Arg::Int(i64::from(amount))),
        )
        .unwrap_or_else(|_| format!("{amount} {unit}"))
    }

    /// Where a fault comes from, for a reader: a fault's `source` (`case MZJ-1`, `conduct I7`,
    /// `self-inspection soc#0`) with its kind named from the catalogue's `record` group
    /// (`办件 MZJ-1`); a source of no known kind is returned as it is.
    ///
    /// ```
    /// use efficiency_core::messages::{Lang, Messages};
    /// let m = Messages::shipped();
    /// assert_eq!(m.source_text(Lang::Zh, "case MZJ-2026-000117"), "办件MZJ-2026-000117");
    /// assert_eq!(m.source_text(Lang::En, "complaint K3"), "complaint K3");
    /// assert_eq!(m.source_text(Lang::Zh, "K3"), "K3");
    /// ```
    pub fn source_text(&self, lang: Lang, source: &str) -> String {
        match source.split_once(' ') {
            Some((kind, id)) if RECORD_KINDS.contains(&kind) => {
                let name = self.name(lang, "record", kind);
                match lang {
                    Lang::Zh => format!("{name}{id}"),
                    Lang::En => format!("{name} {id}"),
                }
            }
            _ => source.to_string(),
        }
    }
}

impl Messages {
    /// An error as a sentence for a bureau's staff in `lang`: what is wrong (the catalogue's
    /// `error-…` message of its code), the value it quotes, and where (the file and field, the
    /// line, the row, the event). The code itself is left to the reader's detail line.
    ///
    /// ```
    /// use efficiency_core::error::Error;
    /// use efficiency_core::messages::{Lang, Messages};
    /// let e = Error::new("org.unknown_unit", "unknown unit \"office\"")
    ///     .with_field("campaign.json: tasks[3].owner");
    /// let m = Messages::shipped();
    /// assert_eq!(
    ///     m.error_text(Lang::Zh, &e),
    ///     "组织机构中没有这个单位：“office”（位置：campaign.json: tasks[3].owner）。"
    /// );
    /// assert_eq!(
    ///     m.error_text(Lang::En, &e),
    ///     "A unit the organisation does not have: \"office\" (at campaign.json: tasks[3].owner)."
    /// );
    /// ```
    pub fn error_text(&self, lang: Lang, e: &crate::error::Error) -> String {
        let zh = lang == Lang::Zh;
        let mut out = self.text(lang, &format!("error.{}", e.code), &Args::new());
        // The value the message quotes (`unknown unit "office"`), when it quotes one; else the
        // first date or year it names (`no holiday data for 2031`).
        let quoted = e.message.split_once('"').and_then(|(_, rest)| {
            rest.split_once('"')
                .map(|(v, _)| v)
                .filter(|v| !v.is_empty())
        });
        if let Some(v) = quoted {
            out.push_str(if zh { "：“" } else { ": \"" });
            out.push_str(v);
            out.push_str(if zh { "”" } else { "\"" });
        } else if let Some(v) = date_or_year_in(&e.message) {
            out.push_str(if zh { "：" } else { ": " });
            out.push_str(v);
        }
        let mut at: Vec<String> = Vec::new();
        if let Some(f) = &e.field {
            at.push(if zh {
                format!("位置：{}", line_column_zh(f))
            } else {
                format!("at {f}")
            });
        }
        if let Some(l) = e.line {
            at.push(if zh {
                format!("第{l}行")
            } else {
                format!("line {l}")
            });
        }
        if let Some(r) = e.row {
            at.push(if zh {
                format!("第{}条记录", u64::from(r) + 1)
            } else {
                format!("row {r}")
            });
        }
        if let Some(ev) = &e.event {
            at.push(if zh {
                format!("事件{ev}")
            } else {
                format!("event {ev}")
            });
        }
        if !at.is_empty() {
            if zh {
                out.push('（');
                out.push_str(&at.join("，"));
                out.push('）');
            } else {
                out.push_str(" (");
                out.push_str(&at.join(", "));
                out.push(')');
            }
        }
        out.push_str(if zh { "。" } else { "." });
        out
    }
}

/// A JSON position in a field (`organisation.json: line 3 column 7`) as Chinese reads it
/// (`organisation.json: 第3行第7列`); any other field as it is.
fn line_column_zh(field: &str) -> std::borrow::Cow<'_, str> {
    let Some(i) = field.rfind("line ") else {
        return field.into();
    };
    let parts: Vec<&str> = field[i..].split(' ').collect();
    match parts.as_slice() {
        ["line", l, "column", c]
            if l.bytes().all(|b| b.is_ascii_digit()) && c.bytes().all(|b| b.is_ascii_digit()) =>
        {
            format!("{}第{l}行第{c}列", &field[..i]).into()
        }
        _ => field.into(),
    }
}

/// The first moment (`2026-10-08T09:00`), date (`2026-10-08`) or year (`2031`) `text` names as
/// a word of its own.
fn date_or_year_in(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let digits = |i: usize, n: usize| {
        b.get(i..i + n)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    let mut i = 0;
    while i < b.len() {
        let starts = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if starts && digits(i, 4) {
            let date = b.get(i + 4) == Some(&b'-')
                && digits(i + 5, 2)
                && b.get(i + 7) == Some(&b'-')
                && digits(i + 8, 2);
            let mut end = if date { i + 10 } else { i + 4 };
            // A time after the date (`2026-10-08T09:00`, seconds too) is part of it.
            if date
                && matches!(b.get(end), Some(b'T' | b' '))
                && digits(end + 1, 2)
                && b.get(end + 3) == Some(&b':')
                && digits(end + 4, 2)
            {
                end += 6;
                if b.get(end) == Some(&b':') && digits(end + 1, 2) {
                    end += 3;
                }
            }
            if !b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                return Some(&text[i..end]);
            }
        }
        i += 1;
    }
    None
}

/// The kinds of record a fault's `source` names (`case X`, `conduct X`, …); each has a name in
/// the catalogue's `record` group.
pub const RECORD_KINDS: &[&str] = &[
    "case",
    "conduct",
    "complaint",
    "rating",
    "campaign",
    "self-inspection",
    "absence",
    "whereabouts",
    "publication",
];

/// A moment written for `lang`: `2026年10月30日 17:30` / `2026-10-30 17:30` (seconds when not 0).
///
/// ```
/// use efficiency_core::messages::{time_text, Lang};
/// let t = "2026-10-30T17:30:00".parse().unwrap();
/// assert_eq!(time_text(Lang::Zh, t), "2026年10月30日 17:30");
/// assert_eq!(time_text(Lang::En, t), "2026-10-30 17:30");
/// ```
pub fn time_text(lang: Lang, t: NaiveDateTime) -> String {
    // Written by hand (no `core::fmt`, no strftime pattern parsed per call): findings write
    // several times each, and replays write many findings.
    let mut out = String::with_capacity(24);
    push_date(&mut out, lang, t.date());
    out.push(' ');
    push_digits(&mut out, t.hour(), 2);
    out.push(':');
    push_digits(&mut out, t.minute(), 2);
    if t.second() != 0 {
        out.push(':');
        push_digits(&mut out, t.second(), 2);
    }
    out
}

/// `n` in decimal, at least `width` digits (zero-padded).
fn push_digits(out: &mut String, n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let (mut i, mut n) = (digits.len(), n);
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let start = i.min(digits.len() - width.min(digits.len()));
    for &d in &digits[start..] {
        out.push(char::from(d));
    }
}

fn push_date(out: &mut String, lang: Lang, d: NaiveDate) {
    use chrono::Datelike;
    let year = u32::try_from(d.year()).unwrap_or(0);
    match lang {
        Lang::Zh => {
            push_digits(out, year, 4);
            out.push('年');
            push_digits(out, d.month(), 1);
            out.push('月');
            push_digits(out, d.day(), 1);
            out.push('日');
        }
        Lang::En => {
            push_digits(out, year, 4);
            out.push('-');
            push_digits(out, d.month(), 2);
            out.push('-');
            push_digits(out, d.day(), 2);
        }
    }
}

/// A day written for `lang`: `2026年10月30日` / `2026-10-30`.
///
/// ```
/// use efficiency_core::messages::{date_text, Lang};
/// let d = "2026-10-30".parse().unwrap();
/// assert_eq!((date_text(Lang::Zh, d), date_text(Lang::En, d)), ("2026年10月30日".to_string(), "2026-10-30".to_string()));
/// ```
pub fn date_text(lang: Lang, d: NaiveDate) -> String {
    let mut out = String::with_capacity(16);
    push_date(&mut out, lang, d);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both shipped catalogues parse and define the same messages (a translation may leave out
    /// an argument, e.g. the English name where Chinese uses the Chinese one; an argument the
    /// code does not give is caught where the code formats it: `every_code_has_its_messages`).
    #[test]
    fn the_catalogues_agree() {
        let mut ids = Vec::new();
        for (_, text) in SHIPPED {
            let res = FluentResource::try_new(text.to_string()).expect("parses");
            let mut mine: Vec<String> = res
                .entries()
                .filter_map(|e| match e {
                    ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect();
            mine.sort();
            ids.push(mine);
        }
        assert_eq!(ids[0], ids[1], "zh-CN and en define the same messages");
    }

    /// Every code a catalog assigns, and every name group, has its message in both languages.
    #[test]
    fn every_code_has_its_messages() {
        use crate::catalog::{ActivityCode, CampaignCode, FindingCode, Severity};
        let m = Messages::shipped();
        let codes = FindingCode::NAMES
            .iter()
            .chain(ActivityCode::NAMES)
            .chain(CampaignCode::NAMES)
            .chain(&["conduct.incident", "whereabouts.absence_uncovered"])
            .chain(&[
                "reason.past_statutory_due",
                "reason.past_promised_due",
                "reason.promised_due_near",
                "reason.fault",
                "reason.convention_a_red",
                "reason.convention_a_yellow",
            ]);
        for lang in Lang::ALL {
            for code in codes.clone() {
                assert!(
                    m.has(lang, code),
                    "{code} has no message in {}",
                    lang.locale()
                );
            }
            for s in Severity::NAMES {
                assert!(m.has(lang, &format!("severity.{s}")), "severity {s}");
            }
        }
    }

    #[test]
    fn bad_overrides_are_coded_and_name_the_file_message_and_line() {
        let m = Messages::shipped();
        let e = m
            .with_overrides(Lang::En, "ours.ftl", "# ours\n\nnot a message\n")
            .unwrap_err();
        assert_eq!(e.code, "messages.syntax");
        assert!(e.message.starts_with("ours.ftl line 3"), "{}", e.message);
        let e = m
            .with_overrides(
                Lang::En,
                "ours.ftl",
                "reception-refused = x\nno-such-code = y\n",
            )
            .unwrap_err();
        assert_eq!(e.code, "messages.unknown_code");
        assert!(e.message.contains("ours.ftl line 2") && e.message.contains("no-such-code"));
        // Nothing of a refused file is used: the shipped message still reads.
        let args = Args::new().with("by", Arg::Text("soc01".into()));
        assert_eq!(
            m.text(Lang::En, "reception.refused", &args),
            "soc01 refused to receive the application"
        );
    }

    #[test]
    fn a_missing_argument_is_reported_not_hidden() {
        let m = Messages::shipped();
        let problems = m.check(Lang::Zh, "reception.refused", &Args::new());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(m.check(Lang::Zh, "no.such_code", &Args::new())[0].contains("no message"));
    }
}
