//! Personal data in what is published (docs/domain.md §13; 个人信息保护法 Art. 25): found in free text
//! and masked by a policy that is data (`efficiency.masking/1`, default
//! `data/rules/masking.json`), with named profiles — `court` (法释〔2016〕19号: deleted),
//! `penalty_publication` (deleted), `display` (partial masks: ID first 6 + last 4, mobile 3 + 4).
//!
//! Found in free text ([`find_personal_data`]), each as a span of **character** offsets (Unicode
//! scalar values, as Python indexes a `str`):
//! - `id_number`: 18 characters, 17 digits and a digit or `X`, with a real birth date
//!   (1900–2099) and the GB 11643 check character;
//! - `bank_card`: 16–19 digits passing the Luhn check (and not an ID number);
//! - `mobile`: 11 digits `1[3-9]…`;
//! - `landline`: an area code `0` + 2–3 digits, a `-` or nothing, then 7–8 digits (not starting
//!   with 0 or 1);
//! - `plate`: a province's one-character abbreviation, a capital letter, an optional `·`, then 5
//!   (or 6, new energy) capitals or digits, without `I` or `O`;
//! - `email`: `local@domain.tld`.
//!
//! A number counts only as a whole: the characters around it are not ASCII letters or digits
//! (so a case id `MZJ-2026-000001`, a date `20261128` or an amount is never masked). Masking is
//! deterministic and idempotent (a masked text has nothing left to find), never fails on any
//! text, and records what it did without repeating what it hid.
//!
//! ```
//! use efficiency_core::mask::{MaskPolicy, mask_text};
//! let policy = MaskPolicy::default();
//! let m = mask_text("张三 身份证110101199003070011 电话13800138000", &policy, "display")?;
//! assert_eq!(m.text, "张三 身份证110101********0011 电话138****8000");
//! let m = mask_text("张三 身份证110101199003070011 电话13800138000", &policy, "court")?;
//! assert_eq!(m.text, "张三 身份证×× 电话××");
//! assert_eq!(m.masks[0].kind.as_str(), "id_number");
//! # Ok::<(), efficiency_core::error::Error>(())
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// What a span of personal data is.
///
/// ```
/// use efficiency_core::mask::{find_personal_data, DataKind};
/// let spans = find_personal_data("电话13800138000");
/// assert_eq!(spans[0].kind, DataKind::Mobile);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DataKind {
    /// 居民身份证号码 (GB 11643).
    IdNumber,
    /// 银行卡号 (Luhn).
    BankCard,
    /// 手机号码.
    Mobile,
    /// 固定电话.
    Landline,
    /// 机动车号牌.
    Plate,
    /// 电子邮箱.
    Email,
    /// A natural person's name (a record field, never guessed from free text).
    Name,
    /// An address (a record field).
    Address,
    /// Health data (a record field).
    Health,
}

crate::names!(DataKind {
    IdNumber => "id_number",
    BankCard => "bank_card",
    Mobile => "mobile",
    Landline => "landline",
    Plate => "plate",
    Email => "email",
    Name => "name",
    Address => "address",
    Health => "health",
});

/// What a profile does to one kind.
///
/// ```
/// use efficiency_core::mask::{Action, DataKind, MaskPolicy};
/// let policy = MaskPolicy::default();
/// assert_eq!(policy.profiles["court"].actions.get(&DataKind::IdNumber), Some(&Action::Delete));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    /// Replaced by the policy's `deleted` marker.
    Delete,
    /// The first `keep_start` and last `keep_end` characters kept, the others `*`.
    Partial {
        /// Characters kept at the start.
        keep_start: usize,
        /// Characters kept at the end.
        keep_end: usize,
    },
    /// A name: the surname and 某 (张某; 张某甲 / 张某乙 for two people of one surname).
    Surname,
    /// Left as it is.
    Keep,
}

/// One profile: an action per kind (a kind not listed is deleted).
///
/// ```
/// use efficiency_core::mask::MaskPolicy;
/// let policy = MaskPolicy::default();
/// assert!(!policy.profiles["display"].description.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// What it is for.
    #[serde(default)]
    pub description: String,
    /// The action per kind.
    pub actions: BTreeMap<DataKind, Action>,
}

/// The masking policy (`efficiency.masking/1`).
///
/// ```
/// use efficiency_core::mask::{mask_text, MaskPolicy};
/// let policy = MaskPolicy::default();
/// assert_eq!(mask_text("电话13800138000", &policy, "court")?.text, "电话××");
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MaskPolicy {
    /// `efficiency.masking/1`.
    pub format: String,
    /// Where the rules come from.
    #[serde(default)]
    pub source: String,
    /// What a deleted span becomes.
    pub deleted: String,
    /// Compound surnames (two characters), for names.
    #[serde(default)]
    pub compound_surnames: Vec<String>,
    /// The profiles by name.
    pub profiles: BTreeMap<String, Profile>,
}

/// The default policy.
///
/// ```
/// use efficiency_core::mask::{MaskPolicy, MASKING_RULES_JSON};
/// assert_eq!(MaskPolicy::from_json(MASKING_RULES_JSON)?, MaskPolicy::default());
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub const MASKING_RULES_JSON: &str = include_str!("../data/rules/masking.json");

impl Default for MaskPolicy {
    fn default() -> Self {
        MaskPolicy::from_json(MASKING_RULES_JSON).expect("the shipped masking policy is valid")
    }
}

fn invalid(field: impl Into<String>, message: impl Into<String>) -> Error {
    let field = field.into();
    let message = message.into();
    Error::new("mask.invalid_policy", format!("{field}: {message}")).with_field(field)
}

impl MaskPolicy {
    /// Reads and checks a policy: the format, a non-empty `deleted` marker that nothing would
    /// find again, at least one profile.
    ///
    /// ```
    /// use efficiency_core::mask::{MaskPolicy, MASKING_RULES_JSON};
    /// assert!(MaskPolicy::from_json(MASKING_RULES_JSON).is_ok());
    /// let e = MaskPolicy::from_json(r#"{"format": "efficiency.masking/9"}"#).unwrap_err();
    /// assert!(e.code.starts_with("mask."), "{}", e.code);
    /// ```
    pub fn from_json(text: &str) -> Result<MaskPolicy, Error> {
        crate::limits::document(text, "masking policy")?;
        let p: MaskPolicy = serde_json::from_str(text).map_err(|e| {
            let (path, message) = crate::json::error_parts(&e);
            invalid(path, message)
        })?;
        if p.format != "efficiency.masking/1" {
            return Err(invalid(
                "format",
                format!("{:?} is not efficiency.masking/1", p.format),
            ));
        }
        if p.deleted.is_empty() || !find_personal_data(&p.deleted).is_empty() {
            return Err(invalid(
                "deleted",
                "must be a non-empty marker with no personal data",
            ));
        }
        if p.profiles.is_empty() {
            return Err(invalid("profiles", "at least one profile"));
        }
        for s in &p.compound_surnames {
            if s.chars().count() != 2 {
                return Err(invalid(
                    "compound_surnames",
                    format!("{s:?} is not two characters"),
                ));
            }
        }
        Ok(p)
    }

    fn profile(&self, name: &str) -> Result<&Profile, Error> {
        self.profiles.get(name).ok_or_else(|| {
            let names: Vec<&str> = self.profiles.keys().map(String::as_str).collect();
            Error::new(
                "mask.unknown_profile",
                format!(
                    "no masking profile {name:?}; the policy has {}",
                    names.join(", ")
                ),
            )
            .with_field("profile")
        })
    }
}

/// Personal data found in a text: its kind and where (character offsets, end exclusive).
///
/// ```
/// use efficiency_core::mask::find_personal_data;
/// let s = &find_personal_data("车辆京A12345违停")[0];
/// assert_eq!((s.start, s.end), (2, 9)); // code points, not bytes
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// What it is.
    pub kind: DataKind,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// What masking did to one span (never what the span said).
///
/// ```
/// use efficiency_core::mask::{mask_text, MaskPolicy};
/// let m = mask_text("电话13800138000", &MaskPolicy::default(), "court")?;
/// assert_eq!((m.masks[0].kind.as_str(), m.masks[0].action), ("mobile", "deleted"));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Mask {
    /// The record field, when a record was masked.
    pub field: Option<String>,
    /// What it was.
    pub kind: DataKind,
    /// Where it was in the input (character offsets), for free text.
    pub start: Option<usize>,
    /// One past its end.
    pub end: Option<usize>,
    /// `deleted`, `partial`, `surname` or `kept`.
    pub action: &'static str,
}

/// A masked text and what was done to it.
///
/// ```
/// use efficiency_core::mask::{mask_text, MaskPolicy};
/// let m = mask_text("no personal data here", &MaskPolicy::default(), "display")?;
/// assert_eq!((m.text.as_str(), m.masks.len()), ("no personal data here", 0));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MaskedText {
    /// The text with every span masked.
    pub text: String,
    /// The profile applied.
    pub profile: String,
    /// One entry per span found, in order.
    pub masks: Vec<Mask>,
}

const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// GB 11643: the check character of the first 17 digits.
fn id_check(digits: &[u32]) -> char {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const C: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let s: u32 = digits.iter().zip(W).map(|(d, w)| d * w).sum();
    C[(s % 11) as usize]
}

fn luhn(digits: &[u32]) -> bool {
    let s: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    s % 10 == 0
}

fn valid_birth(d: &[u32]) -> bool {
    let n = |a: usize, b: usize| d[a..b].iter().fold(0, |acc, x| acc * 10 + x);
    let (y, m, day) = (n(6, 10), n(10, 12), n(12, 14));
    (1900..=2099).contains(&y) && chrono::NaiveDate::from_ymd_opt(y as i32, m, day).is_some()
}

/// Every span of personal data in `text`, in order, not overlapping.
///
/// ```
/// use efficiency_core::mask::{find_personal_data, DataKind};
/// let spans = find_personal_data("电话13800138000，案号MZJ-2026-000001，邮箱li.si@example.com");
/// let kinds: Vec<DataKind> = spans.iter().map(|s| s.kind).collect();
/// assert_eq!(kinds, [DataKind::Mobile, DataKind::Email]); // the case number stays
/// assert_eq!((spans[0].start, spans[0].end), (2, 13)); // character offsets
/// ```
pub fn find_personal_data(text: &str) -> Vec<Span> {
    // Read as people write: full-width digits and brackets as ASCII, zero-width characters
    // skipped; spans are found on this view and mapped back to the text's own characters.
    let mut c: Vec<char> = Vec::with_capacity(text.len());
    let mut at: Vec<usize> = Vec::with_capacity(text.len());
    for (k, ch) in text.chars().enumerate() {
        let ch = match ch {
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            '０'..='９' => char::from(b'0' + (ch as u32 - '０' as u32) as u8),
            '（' => '(',
            '）' => ')',
            '－' | '‐' | '‑' | '‒' | '–' => '-',
            '＋' => '+',
            '\u{3000}' | '\u{A0}' => ' ',
            'Ｘ' | 'ｘ' => 'X',
            other => other,
        };
        c.push(ch);
        at.push(k);
    }
    let total = text.chars().count();
    let mut out = Vec::new();
    scan(&c, &mut out);
    for s in &mut out {
        s.start = at[s.start];
        s.end = if s.end < at.len() { at[s.end] } else { total };
    }
    out
}

/// [`find_personal_data`] on the normalised characters.
fn scan(c: &[char], out: &mut Vec<Span>) {
    let n = c.len();
    let mut i = 0;
    while i < n {
        // Plates: a province, a capital, optional ·, 5 or 6 capitals/digits (no I, O).
        if PROVINCES.contains(c[i]) && i + 1 < n && c[i + 1].is_ascii_uppercase() {
            let mut j = i + 2;
            if j < n && c[j] == '·' {
                j += 1;
            }
            let start_body = j;
            while j < n
                && (c[j].is_ascii_uppercase() || c[j].is_ascii_digit())
                && c[j] != 'I'
                && c[j] != 'O'
            {
                j += 1;
            }
            let len = j - start_body;
            if (len == 5 || len == 6) && (j == n || !is_word(c[j])) {
                out.push(Span {
                    kind: DataKind::Plate,
                    start: i,
                    end: j,
                });
                i = j;
                continue;
            }
        }
        if c[i] == '@' {
            if let Some(s) = email_at(c, i) {
                // An address whose local part began before `i` replaces nothing already found
                // (local parts hold no digits run we would have taken whole and bounded).
                while out.last().is_some_and(|p: &Span| p.end > s.start) {
                    out.pop();
                }
                i = s.end;
                out.push(s);
                continue;
            }
        }
        if c[i].is_ascii_digit() && (i == 0 || !c[i - 1].is_ascii_digit()) {
            i = digit_token(c, i, out);
            continue;
        }
        i += 1;
    }
}

/// Characters that may stand between the digit groups of one number as people write it
/// (`139 1234 5678`, `139-1234-5678`, `138.0013.8000`, `(020)8345 6789`).
fn is_separator(ch: char) -> bool {
    matches!(ch, ' ' | '-' | '.' | '(' | ')' | '/')
}

/// The digit groups of the number starting at `c[i]` (a digit): `(start, end)` of each, the
/// groups joined by runs of at most two separators. Ends at anything else.
fn groups(c: &[char], i: usize) -> Vec<(usize, usize)> {
    let n = c.len();
    let mut out = Vec::new();
    let mut k = i;
    loop {
        let s = k;
        while k < n && c[k].is_ascii_digit() {
            k += 1;
        }
        out.push((s, k));
        // An ID's check character X ends the number.
        if k < n && matches!(c[k], 'X' | 'x') {
            break;
        }
        let mut m = k;
        while m < n && m - k < 2 && is_separator(c[m]) {
            m += 1;
        }
        if m == k || m >= n || !c[m].is_ascii_digit() || out.len() >= 12 {
            break;
        }
        k = m;
    }
    out
}

/// What a whole number's digits are, when personal: an ID (GB 11643, with its check
/// character `x` when given), a bank card (Luhn), a mobile (with `86`/`0086` before it), or a
/// landline with its area code. `area`: the digits of a separate first group (`010-…`, `(020)…`)
/// — then it alone is the area code.
fn classify(d: &[u32], x: bool, area: Option<usize>) -> Option<DataKind> {
    let len = d.len();
    if x {
        return (len == 17 && valid_birth_17(d) && id_check(d) == 'X')
            .then_some(DataKind::IdNumber);
    }
    if len == 18 && valid_birth_17(d) && id_check(&d[..17]) == char::from_digit(d[17], 10)? {
        return Some(DataKind::IdNumber);
    }
    if (16..=19).contains(&len) && d[0] != 0 && luhn(d) {
        return Some(DataKind::BankCard);
    }
    let mobile = |m: &[u32]| m.len() == 11 && m[0] == 1 && (3..=9).contains(&m[1]);
    if mobile(d)
        || (len == 13 && d[..2] == [8, 6] && mobile(&d[2..]))
        || (len == 15 && d[..4] == [0, 0, 8, 6] && mobile(&d[4..]))
    {
        return Some(DataKind::Mobile);
    }
    // 0 + area (2 or 3 digits, not starting 0) + local (7 or 8, not starting 0 or 1).
    if (10..=12).contains(&len) && d[0] == 0 && d[1] != 0 {
        let areas: &[usize] = match area {
            Some(a @ 3..=4) => &[a - 1],
            Some(_) => &[],
            None => &[2, 3],
        };
        for &area in areas {
            let local = len - 1 - area;
            if (7..=8).contains(&local) && d[1 + area] > 1 {
                return Some(DataKind::Landline);
            }
        }
    }
    None
}

fn valid_birth_17(d: &[u32]) -> bool {
    d.len() >= 14 && valid_birth(d)
}

/// Reads the number starting at `c[i]` (a digit not after another) and pushes the personal
/// data in it; returns where scanning goes on. Amounts (`13800000000.00元`, `¥…`) are not
/// personal data; a number of several groups that is not personal as a whole is read for
/// personal runs of its groups (`2026 13912345678`).
fn digit_token(c: &[char], i: usize, out: &mut Vec<Span>) -> usize {
    let n = c.len();
    let g = groups(c, i);
    let (last_start, last_end) = g[g.len() - 1];
    let end = last_end;
    // An amount: a decimal tail of one or two digits, a currency sign before, a unit after.
    let decimal =
        g.len() >= 2 && c[last_start - 1] == '.' && (1..=2).contains(&(last_end - last_start));
    let sign_before = i > 0 && matches!(c[i - 1], '¥' | '￥' | '$');
    let unit_after = end < n && matches!(c[end], '元' | '万' | '亿' | '%');
    // Hexadecimal (`0x…`) is not a number a person is reached at.
    let hex = i >= 2 && matches!(c[i - 1], 'x' | 'X') && c[i - 2] == '0';
    if decimal || sign_before || unit_after || hex {
        return end;
    }
    let digits = |a: usize, b: usize| -> Vec<u32> {
        g[a..=b]
            .iter()
            .flat_map(|&(s, e)| c[s..e].iter().map(|x| x.to_digit(10).unwrap_or(0)))
            .collect()
    };
    let mut a = 0;
    while a < g.len() {
        let mut found = None;
        let mut b = g.len() - 1;
        loop {
            let d = digits(a, b);
            // Glued to a longer digit run on neither side (a span never splits a number).
            let x = b == g.len() - 1 && g[b].1 < n && matches!(c[g[b].1], 'X' | 'x');
            if d.len() <= 24 {
                let area = (b > a && c[g[a].0] == '0').then(|| g[a].1 - g[a].0);
                if let Some(kind) = classify(&d, x, area) {
                    found = Some((kind, b, x));
                    break;
                }
            }
            if b == a {
                break;
            }
            b -= 1;
        }
        match found {
            Some((kind, b, x)) => {
                let mut start = g[a].0;
                let mut stop = g[b].1 + usize::from(x);
                // What is written with it: a mobile's `+` (`+86 139…`), a landline's bracket
                // round its area code (`(020)8345…`).
                let before = (start > 0).then(|| c[start - 1]);
                match (kind, before) {
                    (DataKind::Mobile, Some('+')) | (DataKind::Landline, Some('(')) => start -= 1,
                    _ => {}
                }
                // A landline's extension: `-8001`, `转8001`.
                if kind == DataKind::Landline {
                    if b + 1 < g.len() && g[b + 1].1 - g[b + 1].0 <= 5 {
                        stop = g[b + 1].1;
                    } else if stop + 1 < n && c[stop] == '转' && c[stop + 1].is_ascii_digit() {
                        let mut k = stop + 1;
                        while k < n && c[k].is_ascii_digit() && k - stop <= 5 {
                            k += 1;
                        }
                        stop = k;
                    }
                }
                out.push(Span {
                    kind,
                    start,
                    end: stop,
                });
                if stop >= end {
                    return stop;
                }
                a = g.iter().position(|&(s, _)| s >= stop).unwrap_or(g.len());
            }
            None => a += 1,
        }
    }
    end
}

fn email_at(c: &[char], at: usize) -> Option<Span> {
    let local = |x: char| x.is_ascii_alphanumeric() || "._%+-".contains(x);
    let mut s = at;
    while s > 0 && local(c[s - 1]) {
        s -= 1;
    }
    while s < at && !c[s].is_ascii_alphanumeric() {
        s += 1;
    }
    if s == at {
        return None;
    }
    let domain = |x: char| x.is_ascii_alphanumeric() || x == '-' || x == '.';
    let mut e = at + 1;
    while e < c.len() && domain(c[e]) {
        e += 1;
    }
    while e > at + 1 && c[e - 1] == '.' {
        e -= 1;
    }
    let host: String = c[at + 1..e].iter().collect();
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels.last()?;
    (labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty())
        && tld.len() >= 2
        && tld.chars().all(|x| x.is_ascii_alphabetic()))
    .then_some(Span {
        kind: DataKind::Email,
        start: s,
        end: e,
    })
}

fn apply(policy: &MaskPolicy, action: &Action, original: &[char]) -> (String, &'static str) {
    match action {
        Action::Keep => (original.iter().collect(), "kept"),
        Action::Partial {
            keep_start,
            keep_end,
        } if keep_start + keep_end < original.len() => {
            let n = original.len();
            let s: String = original
                .iter()
                .enumerate()
                .map(|(i, &x)| {
                    if i < *keep_start || i >= n - keep_end {
                        x
                    } else {
                        '*'
                    }
                })
                .collect();
            (s, "partial")
        }
        // A partial mask that would keep everything, or a surname rule on a number: deleted.
        _ => (policy.deleted.clone(), "deleted"),
    }
}

/// `text` with every span of personal data masked under `profile` (see the module).
///
/// ```
/// use efficiency_core::mask::{mask_text, MaskPolicy};
/// let m = mask_text("车牌京A12345", MaskPolicy::shipped(), "display")?;
/// assert_eq!((m.masks.len(), m.masks[0].kind.as_str()), (1, "plate"));
/// assert!(!m.text.contains("A12345"));
/// // An unknown profile is an error naming it.
/// assert_eq!(mask_text("x", MaskPolicy::shipped(), "press").unwrap_err().code, "mask.unknown_profile");
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub fn mask_text(text: &str, policy: &MaskPolicy, profile: &str) -> Result<MaskedText, Error> {
    let p = policy.profile(profile)?;
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut masks = Vec::new();
    let mut at = 0;
    for s in find_personal_data(text) {
        out.extend(&chars[at..s.start]);
        let action = p.actions.get(&s.kind).unwrap_or(&Action::Delete);
        let (replacement, done) = apply(policy, action, &chars[s.start..s.end]);
        out.push_str(&replacement);
        masks.push(Mask {
            field: None,
            kind: s.kind,
            start: Some(s.start),
            end: Some(s.end),
            action: done,
        });
        at = s.end;
    }
    out.extend(&chars[at..]);
    Ok(MaskedText {
        text: out,
        profile: profile.to_string(),
        masks,
    })
}

impl MaskPolicy {
    /// The shipped policy, read once (`MASKING_RULES_JSON`).
    ///
    /// ```
    /// use efficiency_core::mask::MaskPolicy;
    /// let p = MaskPolicy::shipped();
    /// assert!(["court", "penalty_publication", "display"].iter().all(|n| p.profiles.contains_key(*n)));
    /// ```
    pub fn shipped() -> &'static MaskPolicy {
        static POLICY: std::sync::OnceLock<MaskPolicy> = std::sync::OnceLock::new();
        POLICY.get_or_init(MaskPolicy::default)
    }
}

/// Free text from a person (an incident's description, a complaint's summary) as it enters a
/// fault message and the accountability list: masked with the shipped policy's `display`
/// profile (ID first 6 + last 4, mobile 3 + 4, the rest partial), so no ID or phone number is
/// carried verbatim into what staff read and print.
///
/// ```
/// use efficiency_core::mask::for_staff;
/// assert_eq!(for_staff("来电13800138000投诉"), "来电138****8000投诉");
/// ```
pub fn for_staff(text: &str) -> String {
    let policy = MaskPolicy::shipped();
    match mask_text(text, policy, "display") {
        Ok(m) => m.text,
        // The shipped policy has the profile; should a change drop it, delete rather than leak.
        Err(_) => find_personal_data(text)
            .iter()
            .rev()
            .fold(text.chars().collect::<Vec<_>>(), |mut c, s| {
                c.splice(s.start..s.end, policy.deleted.chars());
                c
            })
            .into_iter()
            .collect(),
    }
}

/// A name as surname + 某 (+ 甲/乙/… when `nth` of several people sharing the surname; `None`
/// when the surname is one person's).
///
/// ```
/// use efficiency_core::mask::{mask_name, MaskPolicy};
/// let p = MaskPolicy::shipped();
/// assert_eq!(mask_name("张三", p, None), "张某");
/// assert_eq!(mask_name("张伟", p, Some(1)), "张某乙");
/// ```
pub fn mask_name(name: &str, policy: &MaskPolicy, nth: Option<usize>) -> String {
    let surname = surname(name, policy);
    const ORDER: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    let suffix = nth.map_or(String::new(), |i| {
        ORDER
            .get(i)
            .map_or_else(|| (i + 1).to_string(), |s| s.to_string())
    });
    format!("{surname}某{suffix}")
}

fn surname(name: &str, policy: &MaskPolicy) -> String {
    let name = name.trim();
    let two: String = name.chars().take(2).collect();
    if name.chars().count() > 2 && policy.compound_surnames.contains(&two) {
        two
    } else {
        name.chars().take(1).collect()
    }
}

/// One field of a record to publish: its name, what kind of data it holds, and its text.
/// `kind` is a [`DataKind`] name, `official` (a public servant acting in office: never masked),
/// `text` (free text: scanned, and the record's masked names replaced in it) or `other` (kept).
///
/// ```
/// use efficiency_core::mask::{mask_record, MaskPolicy, RecordField};
/// let f = RecordField { field: "party".into(), kind: "name".into(), value: "张三".into(), label: None };
/// let r = mask_record(&[f], &MaskPolicy::default(), "penalty_publication")?;
/// assert_eq!(r.fields, [("party".to_string(), "张某".to_string())]);
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecordField {
    /// The field's name.
    pub field: String,
    /// What it holds.
    pub kind: String,
    /// Its value.
    pub value: String,
    /// How a reader names it (当事人, 案情摘要); the catalogue's name of its kind when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A masked record: the fields in their order and what was done.
///
/// ```
/// use efficiency_core::mask::{mask_record, MaskPolicy, RecordField};
/// // An official acting in office is not masked.
/// let f = RecordField { field: "handler".into(), kind: "official".into(), value: "李娜".into(), label: None };
/// let r = mask_record(&[f], &MaskPolicy::default(), "penalty_publication")?;
/// assert_eq!((r.fields[0].1.as_str(), r.masks.len()), ("李娜", 0));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MaskedRecord {
    /// Field name and masked value, in the record's order.
    pub fields: Vec<(String, String)>,
    /// Each field's label as the public reads it, in the same order: the record's own, else
    /// the catalogue's name of its kind in Chinese (姓名, 身份证号码, 内容).
    pub labels: Vec<String>,
    /// The profile applied.
    pub profile: String,
    /// What was done, per field (and per span in text fields).
    pub masks: Vec<Mask>,
}

/// Masks a record for publication under `profile`: names become surname + 某 (甲/乙 when two
/// parties share a surname), officials stay, other personal fields follow the profile, and
/// free-text fields are scanned, with the record's own names replaced by their masked form.
///
/// ```
/// use efficiency_core::mask::{mask_record, MaskPolicy, RecordField};
/// let f = |field: &str, kind: &str, value: &str| RecordField { field: field.into(), kind: kind.into(), value: value.into(), label: None };
/// let r = mask_record(
///     &[f("party", "name", "王五"), f("handler", "official", "李娜"), f("facts", "text", "王五电话13800138000")],
///     MaskPolicy::shipped(),
///     "penalty_publication",
/// )?;
/// let values: Vec<&str> = r.fields.iter().map(|(_, v)| v.as_str()).collect();
/// assert_eq!(values, ["王某", "李娜", "王某电话××"]);
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub fn mask_record(
    fields: &[RecordField],
    policy: &MaskPolicy,
    profile: &str,
) -> Result<MaskedRecord, Error> {
    let p = policy.profile(profile)?;
    let mut out = Vec::with_capacity(fields.len());
    let mut labels = Vec::with_capacity(fields.len());
    let mut masks = Vec::new();
    // Names first: who shares a surname decides 甲/乙.
    let names: Vec<&str> = fields
        .iter()
        .filter(|f| f.kind == "name" && !f.value.trim().is_empty())
        .map(|f| f.value.trim())
        .collect();
    // Other personal values (ID numbers, phones, addresses …) of the record, longest first.
    let mut personal: Vec<(DataKind, &str)> = fields
        .iter()
        .filter(|f| f.kind != "name")
        .filter_map(|f| DataKind::from_name(&f.kind).map(|k| (k, f.value.trim())))
        .filter(|(_, v)| v.chars().count() >= 4)
        .collect();
    personal.sort_by_key(|(_, v)| std::cmp::Reverse(v.chars().count()));
    let name_action = p.actions.get(&DataKind::Name).unwrap_or(&Action::Surname);
    let masked_name = |name: &str| -> String {
        match name_action {
            Action::Keep => name.to_string(),
            Action::Surname => {
                let s = surname(name, policy);
                let same: Vec<&&str> = names.iter().filter(|n| surname(n, policy) == s).collect();
                let mut distinct: Vec<&str> = Vec::new();
                for n in same {
                    if !distinct.contains(n) {
                        distinct.push(n);
                    }
                }
                let nth = (distinct.len() > 1)
                    .then(|| distinct.iter().position(|n| *n == name))
                    .flatten();
                mask_name(name, policy, nth)
            }
            other => apply(policy, other, &name.chars().collect::<Vec<_>>()).0,
        }
    };
    for (i, f) in fields.iter().enumerate() {
        let bad_kind = || {
            Error::new(
                "mask.invalid_record",
                format!(
                    "fields[{i}] ({}): kind {:?} is none of {}, official, text, other",
                    f.field,
                    f.kind,
                    DataKind::NAMES.join(", ")
                ),
            )
            .with_field(format!("fields[{i}].kind"))
        };
        let (value, action) = match f.kind.as_str() {
            "official" | "other" => (f.value.clone(), None),
            "name" => {
                let v = masked_name(f.value.trim());
                let done = match name_action {
                    Action::Keep => "kept",
                    Action::Surname => "surname",
                    Action::Partial { .. } => "partial",
                    Action::Delete => "deleted",
                };
                (v, Some((DataKind::Name, done)))
            }
            "text" => {
                let mut m = mask_text(&f.value, policy, profile)?;
                for mk in &mut m.masks {
                    mk.field = Some(f.field.clone());
                }
                masks.append(&mut m.masks);
                let mut text = m.text;
                // Longest names first, so 欧阳明 is not half-replaced by 欧阳.
                let mut by_len = names.clone();
                by_len.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
                for n in by_len {
                    if text.contains(n) {
                        text = text.replace(n, &masked_name(n));
                        masks.push(Mask {
                            field: Some(f.field.clone()),
                            kind: DataKind::Name,
                            start: None,
                            end: None,
                            action: "surname",
                        });
                    }
                }
                // The record's own personal data repeated in its text goes as its field goes,
                // even where the scan would not recognise it (an ID with a wrong check digit).
                for (kind, v) in &personal {
                    if text.contains(v) {
                        let action = p.actions.get(kind).unwrap_or(&Action::Delete);
                        let (masked, done) = apply(policy, action, &v.chars().collect::<Vec<_>>());
                        text = text.replace(v, &masked);
                        masks.push(Mask {
                            field: Some(f.field.clone()),
                            kind: *kind,
                            start: None,
                            end: None,
                            action: done,
                        });
                    }
                }
                (text, None)
            }
            k => {
                let kind = DataKind::from_name(k).ok_or_else(bad_kind)?;
                let action = p.actions.get(&kind).unwrap_or(&Action::Delete);
                let (v, done) = apply(policy, action, &f.value.chars().collect::<Vec<_>>());
                (v, Some((kind, done)))
            }
        };
        if let Some((kind, done)) = action {
            masks.push(Mask {
                field: Some(f.field.clone()),
                kind,
                start: None,
                end: None,
                action: done,
            });
        }
        out.push((f.field.clone(), value));
        labels.push(f.label.clone().unwrap_or_else(|| {
            crate::messages::Messages::shipped().name(crate::messages::Lang::Zh, "field", &f.kind)
        }));
    }
    Ok(MaskedRecord {
        fields: out,
        labels,
        profile: profile.to_string(),
        masks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_twice_changes_nothing() {
        let policy = MaskPolicy::default();
        let text = "李四 110101199003070011 6222021234567890128 13912345678 010-62345678 京A12345 li.si@example.com 2026-11-28 MZJ-2026-000001";
        for profile in policy.profiles.keys() {
            let once = mask_text(text, &policy, profile).unwrap();
            let twice = mask_text(&once.text, &policy, profile).unwrap();
            assert_eq!(once.text, twice.text, "{profile}");
            assert!(
                twice.masks.iter().all(|m| m.action == "kept"),
                "{profile}: {:?}",
                twice.masks
            );
        }
    }

    #[test]
    fn two_parties_of_one_surname_are_told_apart() {
        let policy = MaskPolicy::default();
        let f = |field: &str, kind: &str, value: &str| RecordField {
            field: field.into(),
            kind: kind.into(),
            value: value.into(),
            label: None,
        };
        let r = mask_record(
            &[
                f("applicant", "name", "张三"),
                f("third_party", "name", "张伟"),
                f("handler", "official", "李娜"),
                f(
                    "facts",
                    "text",
                    "张三与张伟于2026年3月争议，李娜受理，电话13800138000",
                ),
            ],
            &policy,
            "penalty_publication",
        )
        .unwrap();
        let v: Vec<&str> = r.fields.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(v[..3], ["张某甲", "张某乙", "李娜"]);
        assert_eq!(v[3], "张某甲与张某乙于2026年3月争议，李娜受理，电话××");
    }
}

#[cfg(test)]
mod staff_tests {
    /// The issue's text: no ID or phone number reaches a fault message verbatim.
    #[test]
    fn activity_text_reaches_faults_masked() {
        let act = crate::activity::Activity::from_json(
            r#"{"format": "efficiency.activity/1", "incidents": [{"id": "I9", "person": "soc02",
                "rule": "conduct.rudeness", "at": "2026-06-01T10:00:00", "source": "complaint",
                "description": "对张三 身份证110101199001011237 电话13800138000 态度恶劣"}]}"#,
        )
        .unwrap();
        let org = crate::org::Organisation::sample();
        let rules = crate::activity::ActivityRules::default();
        let faults = act
            .faults(&org, &rules, "2026-12-31T00:00:00".parse().unwrap())
            .unwrap();
        let m = &faults[0].text;
        assert!(
            m.contains("110101********1237") && m.contains("138****8000"),
            "{m}"
        );
        assert!(!m.contains("13800138000") && !m.contains("110101199001011237"));
    }

    #[test]
    fn a_records_own_personal_data_in_its_text_is_masked_even_unrecognised() {
        use crate::mask::{mask_record, DataKind, MaskPolicy, RecordField};
        // 110101199003077777 fails the GB 11643 check: the scan leaves it, the record does not.
        let fields = [
            RecordField {
                field: "party".into(),
                kind: "name".into(),
                value: "张伟".into(),
                label: None,
            },
            RecordField {
                field: "party_id".into(),
                kind: "id_number".into(),
                value: "110101199003077777".into(),
                label: None,
            },
            RecordField {
                field: "summary".into(),
                kind: "text".into(),
                value: "张伟（身份证110101199003077777）".into(),
                label: None,
            },
        ];
        let m = mask_record(&fields, &MaskPolicy::default(), "court").unwrap();
        assert_eq!(m.fields[2].1, "张某（身份证××）");
        assert!(m
            .masks
            .iter()
            .any(|k| k.field.as_deref() == Some("summary") && k.kind == DataKind::IdNumber));
    }
}
