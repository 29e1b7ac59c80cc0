//! The fast path of [`EventRow::parse`]: a scanner for flat objects whose keys are the event
//! columns. It answers `None` (leaving the line to `serde_json`) for anything it does not take
//! exactly as `serde_json` would: escapes, control characters, unknown or repeated keys, nulls
//! in required fields, nested values other than lists of strings, odd numbers.

use std::borrow::Cow;

use super::{EventRow, EventTime};

#[test]
fn columns_are_numbered_in_order() {
    for (i, c) in super::EVENT_COLUMNS.iter().enumerate() {
        assert_eq!(column(c), Some(i));
    }
    assert_eq!(column("ID"), None);
}

struct Scanner<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

pub(super) enum Val<'a> {
    Str(&'a str),
    /// Text with escapes, unescaped (from `serde_json`).
    Owned(String),
    Num(f64),
    Bool(bool),
    Null,
    List(Vec<String>),
}

impl<'a> Scanner<'a> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.b.get(self.i) == Some(&c)).then(|| self.i += 1)
    }

    /// A string without escapes or control characters (the opening quote is next).
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.i;
        loop {
            match *self.b.get(self.i)? {
                b'"' => break,
                b'\\' | 0..=0x1f => return None,
                _ => self.i += 1,
            }
        }
        self.i += 1;
        Some(&self.s[start..self.i - 1])
    }

    fn word(&mut self, w: &str) -> bool {
        let ok = self.b[self.i..].starts_with(w.as_bytes());
        if ok {
            self.i += w.len();
        }
        ok
    }

    /// A number in JSON's grammar, read as `f64` (as `serde_json` reads a float; integers
    /// beyond 2^53 are left to it).
    fn number(&mut self) -> Option<f64> {
        let start = self.i;
        let digits = |sc: &mut Self| {
            let from = sc.i;
            while sc.b.get(sc.i).is_some_and(u8::is_ascii_digit) {
                sc.i += 1;
            }
            sc.i - from
        };
        if self.b.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let n = digits(self);
        if n == 0 || (n > 1 && self.b[int_start] == b'0') {
            return None;
        }
        let mut integer = true;
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return None;
            }
            integer = false;
        }
        // Exponents, fractions and integers beyond 15 digits are left to serde_json (whose
        // float reading may differ from the standard library's in the last digit).
        if !integer || n > 15 || matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            return None;
        }
        self.s[start..self.i].parse().ok()
    }

    fn value(&mut self) -> Option<Val<'a>> {
        self.ws();
        match *self.b.get(self.i)? {
            b'"' => self.string().map(Val::Str),
            b't' => self.word("true").then_some(Val::Bool(true)),
            b'f' => self.word("false").then_some(Val::Bool(false)),
            b'n' => self.word("null").then_some(Val::Null),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if self.eat(b']').is_some() {
                    return Some(Val::List(items));
                }
                loop {
                    items.push(self.string()?.to_string());
                    self.ws();
                    match *self.b.get(self.i)? {
                        b',' => self.i += 1,
                        b']' => {
                            self.i += 1;
                            return Some(Val::List(items));
                        }
                        _ => return None,
                    }
                }
            }
            b'-' | b'0'..=b'9' => self.number().map(Val::Num),
            _ => None,
        }
    }
}

/// Reads a line of the usual shape into `row` (a default row), or answers false (and
/// `row` is to be thrown away).
pub(super) fn row_into<'a>(text: &'a str, row: &mut EventRow<'a>) -> bool {
    row_of(text, row).is_some()
}

/// Walks a flat JSON object `{"key": value, …}` (the whole text, spaces around it), handing
/// each member to `member`: `None` when the text is not of the usual shape or `member` says so.
fn members<'a>(
    text: &'a str,
    mut member: impl FnMut(&'a str, Val<'a>) -> Option<()>,
) -> Option<()> {
    let mut sc = Scanner {
        s: text,
        b: text.as_bytes(),
        i: 0,
    };
    sc.eat(b'{')?;
    if sc.eat(b'}').is_none() {
        loop {
            let key = sc.string()?;
            sc.eat(b':')?;
            member(key, sc.value()?)?;
            sc.ws();
            match *sc.b.get(sc.i)? {
                b',' => sc.i += 1,
                b'}' => {
                    sc.i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    sc.ws();
    (sc.i == sc.b.len()).then_some(())
}

/// A JSON line into `row`. The hot path of JSON Lines keeps its own loop rather than
/// [`members`]' closure: measured, the closure cost up to 10 % on 10⁷ events.
fn row_of<'a>(text: &'a str, row: &mut EventRow<'a>) -> Option<()> {
    let mut sc = Scanner {
        s: text,
        b: text.as_bytes(),
        i: 0,
    };
    sc.eat(b'{')?;
    let mut seen = 0u32;
    if sc.eat(b'}').is_none() {
        loop {
            let key = sc.string()?;
            let k = column(key)?;
            if seen & (1 << k) != 0 {
                return None;
            }
            seen |= 1 << k;
            sc.eat(b':')?;
            let v = sc.value()?;
            set(row, k, v)?;
            sc.ws();
            match *sc.b.get(sc.i)? {
                b',' => sc.i += 1,
                b'}' => {
                    sc.i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    sc.ws();
    // Trailing text, or a required field missing: serde_json says which.
    let required = 0b11111;
    (sc.i == sc.b.len() && seen & required == required).then_some(())
}

impl Val<'_> {
    pub(super) fn is_null(&self) -> bool {
        matches!(self, Val::Null)
    }
}

/// A flat JSON object of the usual shape (strings without escapes, plain numbers) as its
/// keys and values in order, or `None` (then [`object_with_serde`] reads it).
pub(super) fn object(text: &str) -> Option<Vec<(Cow<'_, str>, Val<'_>)>> {
    let mut fields = Vec::new();
    members(text, |key, v| {
        fields.push((Cow::Borrowed(key), v));
        Some(())
    })?;
    Some(fields)
}

/// Any JSON object, read by `serde_json`: its keys and values in order (a key given twice
/// stays twice, for the caller to refuse); a value that is no text, number, boolean, null
/// or list of text is refused, naming its key.
pub(super) fn object_with_serde(text: &str) -> Result<Vec<(Cow<'_, str>, Val<'_>)>, String> {
    /// A JSON object's entries in order, duplicates kept.
    struct Entries(Vec<(String, serde_json::Value)>);
    impl<'de> serde::Deserialize<'de> for Entries {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Visit;
            impl<'de> serde::de::Visitor<'de> for Visit {
                type Value = Entries;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("a JSON object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Entries, A::Error> {
                    let mut entries = Vec::new();
                    while let Some(entry) = map.next_entry()? {
                        entries.push(entry);
                    }
                    Ok(Entries(entries))
                }
            }
            d.deserialize_map(Visit)
        }
    }
    let Entries(map) = serde_json::from_str(text).map_err(|e| {
        let (_, m) = crate::json::error_parts(&e);
        format!("not a JSON object: {m}")
    })?;
    map.into_iter()
        .map(|(key, value)| {
            use serde_json::Value as J;
            let v = match value {
                J::String(s) => Val::Owned(s),
                J::Number(n) => Val::Num(n.as_f64().unwrap_or(f64::NAN)),
                J::Bool(b) => Val::Bool(b),
                J::Null => Val::Null,
                J::Array(items) => Val::List(
                    items
                        .into_iter()
                        .map(|i| match i {
                            J::String(s) => Ok(s),
                            other => Err(format!("{key:?} holds {other}, not text")),
                        })
                        .collect::<Result<_, _>>()?,
                ),
                J::Object(_) => return Err(format!("{key:?} is an object, not a value")),
            };
            Ok((Cow::Owned(key), v))
        })
        .collect()
}

/// The index of a key in [`EVENT_COLUMNS`].
pub(super) fn column(key: &str) -> Option<usize> {
    Some(match key {
        "id" => 0,
        "case" => 1,
        "at" => 2,
        "actor" => 3,
        "event" => 4,
        "channel" => 5,
        "item" => 6,
        "window" => 7,
        "missing" => 8,
        "handler" => 9,
        "reasons" => 10,
        "reason" => 11,
        "to" => 12,
        "agency" => 13,
        "step" => 14,
        "procedure" => 15,
        "amount" => 16,
        "outcome" => 17,
        "on_the_spot" => 18,
        _ => return None,
    })
}

pub(super) fn set<'a>(row: &mut EventRow<'a>, column: usize, v: Val<'a>) -> Option<()> {
    let list = |v: Val<'a>| match v {
        Val::List(l) => Some(Some(l)),
        Val::Null => Some(None),
        _ => None,
    };
    match (column, v) {
        // id, case, actor, event: text, never null.
        (0 | 1 | 3 | 4, Val::Str(s)) => {
            row.set_text(column, Some(s));
        }
        (0 | 1 | 3 | 4, Val::Owned(s)) => {
            row.set_cow(column, Some(Cow::Owned(s)));
        }
        (0 | 1 | 3 | 4, _) => return None,
        (2, Val::Str(s)) => row.at = EventTime::Text(Cow::Borrowed(s)),
        (2, Val::Owned(s)) => row.at = EventTime::Text(Cow::Owned(s)),
        (2, Val::Num(n)) => row.at = EventTime::Millis(n),
        (2, _) => return None,
        (super::column::MISSING, v) => row.missing = list(v)?,
        (super::column::REASONS, v) => row.reasons = list(v)?,
        (super::column::AMOUNT, Val::Num(n)) => row.amount = Some(n),
        (super::column::AMOUNT, Val::Null) => row.amount = None,
        (super::column::ON_THE_SPOT, Val::Bool(b)) => row.on_the_spot = Some(b),
        (super::column::ON_THE_SPOT, Val::Null) => row.on_the_spot = None,
        // The other optional fields: text or null.
        (_, Val::Str(s)) => return row.set_text(column, Some(s)).then_some(()),
        (_, Val::Owned(s)) => return row.set_cow(column, Some(Cow::Owned(s))).then_some(()),
        (_, Val::Null) => return row.set_cow(column, None).then_some(()),
        _ => return None,
    }
    Some(())
}
