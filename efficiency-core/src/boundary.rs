//! The boundary: every value that crosses into or out of Python and JS passes through here.
//!
//! A binding converts a host value (a Python object, a JS value) into a [`Value`] with one
//! generic function, and a result back from a [`Value`] with another; everything in between —
//! which types an argument may have, which numbers are whole, how a time is read and which zone
//! it is in — is decided here, once, with the same error codes for every language:
//!
//! - `argument.wrong_type` — e.g. a number where text was expected, `true` or `"3"` for a count;
//! - `argument.missing` — `None`, `null`, `undefined` (or NaT) where a value is required;
//! - `argument.not_whole` — a fractional, NaN or infinite count, amount, year or seed;
//! - `argument.out_of_range` — a whole number outside what the argument allows;
//! - `argument.invalid_choice` — a name that is not one of the choices;
//! - dates and times are read with [`crate::date`]'s grammar (`calendar.invalid_date`,
//!   `clock.invalid_time`), aware times converted to the calendar's zone.
//!
//! Results go out through [`to_value`], a serde serializer: one serde model per result type,
//! and dates and times stay dates and times ([`Value::Date`], [`Value::Time`]) so that Python gets
//! `datetime` objects. Struct fields arrive as [`Value::Record`] (snake_case names; JS turns
//! them into camelCase), data-keyed maps as [`Value::Map`] (keys kept as they are).
//!
//! ```
//! use efficiency_core::boundary::{Value, Whole};
//! use efficiency_core::date::Zone;
//! let n = Value::Float(1.5).whole("n", Whole::Between(0, 100)).unwrap_err();
//! assert_eq!((n.code, n.field.as_deref()), ("argument.not_whole", Some("n")));
//! let t = Value::Str("2026-09-27T23:30:00Z".into()).time("at", Zone::CHINA)?;
//! assert_eq!(t.to_string(), "2026-09-28 07:30:00");
//! # Ok::<(), efficiency_core::error::Error>(())
//! ```

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::ser::{self, Serialize};

use crate::date::{self, Zone};
use crate::error::Error;

/// Reads a named choice ([`crate::names::Named`]) from a host argument: `default` when it is
/// absent (null); any other value is `argument.wrong_type` or `argument.invalid_choice` naming
/// `arg`.
///
/// ```
/// use efficiency_core::boundary::{FromArg, Value};
/// use efficiency_core::clock::Level;
/// assert_eq!(Level::from_arg(&Value::Null, "level", Level::Normal)?, Level::Normal);
/// let e = Level::from_arg(&Value::Str("orange".into()), "level", Level::Normal).unwrap_err();
/// assert_eq!((e.code, e.field.as_deref()), ("argument.invalid_choice", Some("level")));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub trait FromArg: crate::names::Named {
    /// The variant `v` names, or `default` for null.
    fn from_arg(v: &Value, arg: &str, default: Self) -> Result<Self, Error> {
        match v {
            Value::Null => Ok(default),
            v => Ok(Self::named(v.choice(arg, Self::ALL)?).expect("a listed name")),
        }
    }
}

impl<T: crate::names::Named> FromArg for T {}

/// An error as a host holds it (an `ErrorData` a result carries, such as a board's rows not
/// judged, or a thrown error's fields: `code`, `message`, `field`, `line`, `row`, `event`) as a
/// sentence for a bureau's staff in `lang` ("zh", the default, or "en"); see
/// [`crate::messages::Messages::error_text`]. A code this library does not have is
/// `argument.invalid_choice` naming `error.code`.
///
/// ```
/// use efficiency_core::boundary::{error_text_of, Value};
/// let e = Value::Map(vec![
///     ("code".into(), Value::Str("case.unknown_actor".into())),
///     ("message".into(), Value::Str("unknown actor \"x9\"".into())),
///     ("line".into(), Value::Int(12)),
/// ]);
/// assert_eq!(error_text_of(&e, &Value::Null)?, "人员名册中没有这名经办人：“x9”（第12行）。");
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub fn error_text_of(error: &Value, lang: &Value) -> Result<String, Error> {
    let lang = crate::messages::Lang::from_arg(lang, "lang", crate::messages::Lang::Zh)?;
    let given = error.get("code").string("error.code")?;
    let code = crate::error::CODES
        .iter()
        .map(|(c, _)| *c)
        .find(|c| *c == given)
        .ok_or_else(|| {
            Error::new(
                "argument.invalid_choice",
                format!("{given:?} is not an error code of this library"),
            )
            .with_field("error.code")
        })?;
    let mut e = Error::new(
        code,
        error
            .get("message")
            .opt_string("error.message")?
            .unwrap_or(""),
    );
    e.field = error
        .get("field")
        .opt_string("error.field")?
        .map(str::to_string);
    let count = Whole::Between(0, i64::from(u32::MAX));
    e.line = error
        .get("line")
        .opt_whole("error.line", count)?
        .map(|n| n as u32);
    e.row = error
        .get("row")
        .opt_whole("error.row", count)?
        .map(|n| n as u32);
    e.event = error
        .get("event")
        .opt_string("error.event")?
        .map(str::to_string);
    Ok(crate::messages::Messages::shipped().error_text(lang, &e))
}

/// A field name of a [`Value::Record`]: the struct's own (static), or owned for the fields of a
/// flattened part.
pub type Name = std::borrow::Cow<'static, str>;

/// A value as a host language passes it, or a result on its way out.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `None`, `null`, `undefined`, NaT.
    Null,
    /// A boolean.
    Bool(bool),
    /// A whole number the host knew to be an integer (Python `int`, JS `BigInt`).
    Int(i64),
    /// A floating-point number (every JS number; Python `float`).
    Float(f64),
    /// Text.
    Str(String),
    /// A calendar date (Python `datetime.date`).
    Date(NaiveDate),
    /// A date and time: `offset` seconds east of UTC for an aware time, `None` for a naive one.
    Time {
        /// The wall-clock time as the host had it.
        wall: NaiveDateTime,
        /// Its offset from UTC, when aware.
        offset: Option<i32>,
    },
    /// A list, tuple or array.
    List(Vec<Value>),
    /// A mapping whose keys are data (a Python dict, a JS object), in order.
    Map(Vec<(String, Value)>),
    /// A result struct's fields, in order (snake_case names; a struct with a flattened part
    /// is a record too, its names owned).
    Record(Vec<(Name, Value)>),
    /// Anything else, by its host type name (`"function"`, `"set"`, `"int too large"`).
    Other(String),
    /// Data nested deeper than [`crate::limits::MAX_NESTING`] levels, or containing itself:
    /// the converter stops there and keeps the path to it (`[0].rules[2]`), so reading it is
    /// `argument.too_deep` naming where.
    TooDeep(String),
}

impl Value {
    /// What a host converter returns in place of a child nested too deep: the whole value
    /// becomes [`Value::TooDeep`] with the path from here (`segment`: `[3]` or `.key`).
    pub fn too_deep_within(segment: &str, child: &Value) -> Option<Value> {
        match child {
            Value::TooDeep(path) => Some(Value::TooDeep(format!("{segment}{path}"))),
            _ => None,
        }
    }

    /// The error for this value where another type was needed: `argument.wrong_type` with
    /// `message`, naming `field` — or, for data nested too deep, `argument.too_deep` naming the
    /// path to where the limit was met.
    pub fn type_error(&self, field: &str, message: String) -> Error {
        match self {
            Value::TooDeep(path) => Error::new(
                "argument.too_deep",
                format!(
                    "{field}{path} is nested deeper than {} levels (or contains itself)",
                    crate::limits::MAX_NESTING
                ),
            )
            .with_field(format!("{field}{path}")),
            _ => Error::new("argument.wrong_type", message).with_field(field),
        }
    }

    /// The path segment of a mapping key: `.key`, or `["key"]` when it is not a plain name.
    pub fn key_segment(key: &str) -> String {
        if !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_') {
            format!(".{key}")
        } else {
            format!("[{key:?}]")
        }
    }
}

fn wrong_type(arg: &str, expected: &str, got: &Value) -> Error {
    got.type_error(
        arg,
        format!("{arg} must be {expected}, not {}", got.describe()),
    )
}

fn missing(arg: &str, expected: &str) -> Error {
    Error::new(
        "argument.missing",
        format!("{arg} is required ({expected})"),
    )
    .with_field(arg)
}

impl Value {
    /// A short description for messages: `the number 42`, `null`, `the text "x"`, `a list`.
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "null (missing)".into(),
            Value::Bool(b) => format!("the boolean {b}"),
            Value::Int(i) => format!("the number {i}"),
            Value::Float(f) => format!("the number {f}"),
            Value::Str(s) => format!("the text {:?}", s.chars().take(40).collect::<String>()),
            Value::Date(d) => format!("the date {d}"),
            Value::Time { wall, .. } => format!("the time {wall}"),
            Value::List(_) => "a list".into(),
            Value::Map(_) | Value::Record(_) => "an object".into(),
            Value::Other(t) => format!("a {t}"),
            Value::TooDeep(_) => "data nested too deep".into(),
        }
    }

    /// Whether the value is missing.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Text.
    pub fn string(&self, arg: &str) -> Result<&str, Error> {
        match self {
            Value::Str(s) => Ok(s),
            Value::Null => Err(missing(arg, "text")),
            other => Err(wrong_type(arg, "text", other)),
        }
    }

    /// Text, or `None` when missing.
    pub fn opt_string(&self, arg: &str) -> Result<Option<&str>, Error> {
        if self.is_null() {
            return Ok(None);
        }
        self.string(arg).map(Some)
    }

    /// A boolean (no truthiness: `1` or `"yes"` is the wrong type).
    pub fn flag(&self, arg: &str) -> Result<bool, Error> {
        match self {
            Value::Bool(b) => Ok(*b),
            Value::Null => Err(missing(arg, "true or false")),
            other => Err(wrong_type(arg, "true or false", other)),
        }
    }

    /// A boolean, `default` when missing.
    pub fn flag_or(&self, arg: &str, default: bool) -> Result<bool, Error> {
        if self.is_null() {
            return Ok(default);
        }
        self.flag(arg)
    }

    /// A whole number of the kind `kind` (its range is decided by [`Whole`]). Floats must be
    /// finite and integral; booleans, text and lists are the wrong type.
    pub fn whole(&self, arg: &str, kind: Whole) -> Result<i64, Error> {
        let (min, max) = kind.range();
        match self {
            Value::Int(i) => check_range(*i as f64, *i, arg, min, max),
            Value::Float(f) => whole_float(*f, arg, min, max),
            Value::Null => Err(missing(arg, "a whole number")),
            Value::Other(t) if t == "int too large" => Err(Error::new(
                "argument.out_of_range",
                format!("{arg} must be a whole number from {min} to {max}"),
            )
            .with_field(arg)),
            other => Err(wrong_type(arg, "a whole number", other)),
        }
    }

    /// A whole number, or `None` when missing.
    pub fn opt_whole(&self, arg: &str, kind: Whole) -> Result<Option<i64>, Error> {
        if self.is_null() {
            return Ok(None);
        }
        self.whole(arg, kind).map(Some)
    }

    /// One of `choices`.
    pub fn choice<'c>(&self, arg: &str, choices: &[&'c str]) -> Result<&'c str, Error> {
        let s = self.string(arg)?;
        choices.iter().find(|c| **c == s).copied().ok_or_else(|| {
            Error::new(
                "argument.invalid_choice",
                format!("{arg} must be one of {}, not {s:?}", choices.join(", ")),
            )
            .with_field(arg)
        })
    }

    /// A date: `YYYY-MM-DD` text, a date, or a time (its date in `zone`).
    pub fn date(&self, arg: &str, zone: Zone) -> Result<NaiveDate, Error> {
        match self {
            Value::Str(s) => date::parse_date(s).map_err(|e| Error::from(e).with_field(arg)),
            Value::Date(d) => Ok(*d),
            Value::Time { wall, offset } => Ok(local(*wall, *offset, zone).date()),
            Value::Null => Err(missing(arg, "a date YYYY-MM-DD")),
            other => Err(wrong_type(arg, "a date YYYY-MM-DD", other)),
        }
    }

    /// A date, or `None` when missing.
    pub fn opt_date(&self, arg: &str, zone: Zone) -> Result<Option<NaiveDate>, Error> {
        if self.is_null() {
            return Ok(None);
        }
        self.date(arg, zone).map(Some)
    }

    /// A local time in `zone`: text in the [`crate::date`] grammar, a time (an aware one is
    /// converted to `zone`), or a date (its midnight).
    pub fn time(&self, arg: &str, zone: Zone) -> Result<NaiveDateTime, Error> {
        match self {
            Value::Str(s) => {
                date::parse_local_time(s, zone).map_err(|e| Error::from(e).with_field(arg))
            }
            Value::Time { wall, offset } => Ok(local(*wall, *offset, zone)),
            Value::Date(d) => Ok(d.and_time(NaiveTime::MIN)),
            Value::Null => Err(missing(arg, "a time YYYY-MM-DDTHH:MM")),
            other => Err(wrong_type(arg, "a time YYYY-MM-DDTHH:MM", other)),
        }
    }

    /// A time, or `None` when missing.
    pub fn opt_time(&self, arg: &str, zone: Zone) -> Result<Option<NaiveDateTime>, Error> {
        if self.is_null() {
            return Ok(None);
        }
        self.time(arg, zone).map(Some)
    }

    /// A period `[from, to)` given as a pair of times (a list or tuple of two).
    ///
    /// ```
    /// use efficiency_core::boundary::Value;
    /// use efficiency_core::date::Zone;
    /// let p = Value::List(vec![Value::Str("2026-01-01T00:00".into()), Value::Str("2027-01-01T00:00".into())]);
    /// let (from, to) = p.period("period", Zone::CHINA)?;
    /// assert_eq!((from.to_string(), to.to_string()), ("2026-01-01 00:00:00".into(), "2027-01-01 00:00:00".into()));
    /// let e = Value::List(vec![Value::Str("2026-01-01".into())]).period("period", Zone::CHINA).unwrap_err();
    /// assert_eq!((e.code, e.field.as_deref()), ("argument.invalid", Some("period")));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn period(&self, arg: &str, zone: Zone) -> Result<(NaiveDateTime, NaiveDateTime), Error> {
        let p = self.list(arg)?;
        if p.len() != 2 {
            return Err(Error::new(
                "argument.invalid",
                format!("{arg} must be [from, to], not {} values", p.len()),
            )
            .with_field(arg));
        }
        Ok((
            p[0].time(&format!("{arg}[0]"), zone)?,
            p[1].time(&format!("{arg}[1]"), zone)?,
        ))
    }

    /// Records given as rows (a list of records) or as columns (a record of equal-length lists,
    /// as a data frame's `to_dict("list")` or `case_metrics` gives them), as rows; missing is
    /// none.
    ///
    /// ```
    /// use efficiency_core::boundary::Value;
    /// let cols = Value::Map(vec![
    ///     ("group".into(), Value::List(vec![Value::Str("a".into()), Value::Str("b".into())])),
    ///     ("concluded".into(), Value::List(vec![Value::Int(3), Value::Int(4)])),
    /// ]);
    /// let rows = cols.rows("metrics")?;
    /// assert_eq!(rows.len(), 2);
    /// assert_eq!(rows[1].get("concluded"), &Value::Int(4));
    /// let ragged = Value::Map(vec![("a".into(), Value::List(vec![])), ("b".into(), Value::List(vec![Value::Null]))]);
    /// assert_eq!(ragged.rows("metrics").unwrap_err().code, "argument.length_mismatch");
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn rows(&self, arg: &str) -> Result<Vec<Value>, Error> {
        match self {
            Value::Null => Ok(Vec::new()),
            Value::Map(cols) => {
                let mut n = None;
                let mut lists = Vec::with_capacity(cols.len());
                for (k, v) in cols {
                    let l = v.list(&format!("{arg}.{k}"))?;
                    match n {
                        Some(len) if len != l.len() => {
                            return Err(Error::new(
                                "argument.length_mismatch",
                                format!(
                                    "{arg}: column {k:?} has {} values, the first column {len}",
                                    l.len()
                                ),
                            )
                            .with_field(arg))
                        }
                        _ => n = Some(l.len()),
                    }
                    lists.push((k, l));
                }
                Ok((0..n.unwrap_or(0))
                    .map(|i| {
                        Value::Map(
                            lists
                                .iter()
                                .map(|(k, l)| ((*k).clone(), l[i].clone()))
                                .collect(),
                        )
                    })
                    .collect())
            }
            other => Ok(other.list(arg)?.to_vec()),
        }
    }

    /// A list.
    pub fn list(&self, arg: &str) -> Result<&[Value], Error> {
        match self {
            Value::List(v) => Ok(v),
            Value::Null => Err(missing(arg, "a list")),
            other => Err(wrong_type(arg, "a list", other)),
        }
    }

    /// Checks an options argument: missing, or a mapping whose every key is one of `names` (a
    /// misspelt option is an error, never silently ignored). `what` names the kind of option.
    pub fn check_options(&self, what: &str, names: &[&str]) -> Result<(), Error> {
        let keys: Vec<String> = match self {
            Value::Null => return Ok(()),
            Value::Map(m) => m.iter().map(|(k, _)| k.clone()).collect(),
            Value::Record(m) => m.iter().map(|(k, _)| k.to_string()).collect(),
            other => {
                return Err(other.type_error(
                    "options",
                    format!("options must be an object, not {}", other.describe()),
                ))
            }
        };
        match keys.iter().find(|k| !names.contains(&k.as_str())) {
            Some(k) => Err(Error::new(
                "argument.invalid",
                format!(
                    "{k:?} is not a {what} option; they are {}",
                    names.join(", ")
                ),
            )
            .with_field(k.clone())),
            None => Ok(()),
        }
    }

    /// A JSON value as a boundary value (options and arguments written as JSON, e.g. by Rust
    /// callers and the vectors): numbers that are whole are `Int`, objects are `Map`s.
    pub fn from_json(j: &serde_json::Value) -> Value {
        use serde_json::Value as J;
        match j {
            J::Null => Value::Null,
            J::Bool(b) => Value::Bool(*b),
            J::Number(n) => match n.as_i64() {
                Some(i) => Value::Int(i),
                None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            J::String(s) => Value::Str(s.clone()),
            J::Array(v) => Value::List(v.iter().map(Value::from_json).collect()),
            J::Object(m) => Value::Map(
                m.iter()
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// The value of `key` in a mapping (`Null` when absent; data nested too deep stays so).
    pub fn get(&self, key: &str) -> &Value {
        const NULL: Value = Value::Null;
        match self {
            // Data nested too deep has every key, each too deep: reading one is the error,
            // never a silently missing option.
            Value::TooDeep(_) => self,
            Value::Map(m) => m.iter().find(|(k, _)| k == key).map_or(&NULL, |(_, v)| v),
            Value::Record(m) => m.iter().find(|(k, _)| *k == key).map_or(&NULL, |(_, v)| v),
            _ => &NULL,
        }
    }

    /// As JSON, for deserialising a rich argument (a list of faults, a form): dates become
    /// `YYYY-MM-DD`, times the local `YYYY-MM-DDTHH:MM:SS` in `zone`.
    pub fn to_json(&self, arg: &str, zone: Zone) -> Result<serde_json::Value, Error> {
        use serde_json::Value as J;
        Ok(match self {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e15 => {
                J::from(*f as i64)
            }
            Value::Float(f) => {
                serde_json::Number::from_f64(*f)
                    .map(J::Number)
                    .ok_or_else(|| {
                        Error::new("argument.not_whole", format!("{arg}: {f} is not a number"))
                            .with_field(arg)
                    })?
            }
            Value::Str(s) => J::String(s.clone()),
            Value::Date(d) => J::String(date::format_date(*d)),
            Value::Time { wall, offset } => {
                J::String(date::format_time(local(*wall, *offset, zone)))
            }
            Value::List(v) => J::Array(
                v.iter()
                    .enumerate()
                    .map(|(i, x)| x.to_json(&format!("{arg}[{i}]"), zone))
                    .collect::<Result<_, _>>()?,
            ),
            Value::Map(m) => J::Object(
                m.iter()
                    .map(|(k, x)| Ok((k.clone(), x.to_json(&format!("{arg}.{k}"), zone)?)))
                    .collect::<Result<_, Error>>()?,
            ),
            Value::Record(m) => J::Object(
                m.iter()
                    .map(|(k, x)| Ok((k.to_string(), x.to_json(&format!("{arg}.{k}"), zone)?)))
                    .collect::<Result<_, Error>>()?,
            ),
            v @ (Value::Other(_) | Value::TooDeep(_)) => {
                return Err(wrong_type(arg, "data (text, numbers, lists, objects)", v))
            }
        })
    }

    /// A rich argument deserialised into `T` (through [`Value::to_json`]); a shape error is
    /// `code` with the serde message and the argument's name.
    pub fn deserialize<T: serde::de::DeserializeOwned>(
        &self,
        arg: &str,
        zone: Zone,
        code: &'static str,
    ) -> Result<T, Error> {
        let json = self.to_json(arg, zone)?;
        serde_json::from_value(json)
            .map_err(|e| Error::new(code, format!("{arg}: {e}")).with_field(arg))
    }
}

fn local(wall: NaiveDateTime, offset: Option<i32>, zone: Zone) -> NaiveDateTime {
    match offset {
        None => wall,
        Some(o) => zone.from_offset(wall, o),
    }
}

/// The kinds of whole-number argument, each with its range: decided here, once, for every
/// binding (a binding names the kind, never the bounds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whole {
    /// A signed number of workdays to add (`n`): the range of `i32`.
    Offset,
    /// The amount of a time limit or an extension: `0..=u32::MAX`.
    Amount,
    /// A year of a campaign or a review: `2..=9998` (its dates need a year on either side).
    Year,
    /// A random seed: `0..=u32::MAX` (the same in every language, JS numbers included).
    Seed,
    /// The number of cases in the sample year: `0..=`[`crate::limits::SAMPLE_YEAR_MAX_CASES`].
    SampleCases,
    /// Any range (tests and one-off checks).
    Between(i64, i64),
}

impl Whole {
    /// `(min, max)`, inclusive.
    pub const fn range(self) -> (i64, i64) {
        match self {
            Whole::Offset => (i32::MIN as i64, i32::MAX as i64),
            Whole::Amount | Whole::Seed => (0, u32::MAX as i64),
            Whole::Year => (2, 9998),
            Whole::SampleCases => (0, crate::limits::SAMPLE_YEAR_MAX_CASES as i64),
            Whole::Between(a, b) => (a, b),
        }
    }
}

fn check_range(shown: f64, value: i64, arg: &str, min: i64, max: i64) -> Result<i64, Error> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(Error::new(
            "argument.out_of_range",
            format!("{arg} must be a whole number from {min} to {max}, not {shown}"),
        )
        .with_field(arg))
    }
}

fn whole_float(f: f64, arg: &str, min: i64, max: i64) -> Result<i64, Error> {
    if !f.is_finite() || f.fract() != 0.0 {
        return Err(Error::new(
            "argument.not_whole",
            format!("{arg} must be a whole number, not {f}"),
        )
        .with_field(arg));
    }
    if f < min as f64 || f > max as f64 {
        return Err(Error::new(
            "argument.out_of_range",
            format!("{arg} must be a whole number from {min} to {max}, not {f}"),
        )
        .with_field(arg));
    }
    Ok(f as i64)
}

/// A column of numbers as a batch receives it: whole numbers, or floats that must be whole
/// (checked per row, so one bad row fails only itself).
#[derive(Debug, Clone, Copy)]
pub enum Numbers<'a> {
    /// An integer column.
    Ints(&'a [i64]),
    /// A float column (NaN is not whole: an error for that row).
    Floats(&'a [f64]),
    /// A column of any values (JS arrays, Python lists): each checked like a scalar.
    Values(&'a [Value]),
}

impl Numbers<'_> {
    /// Rows in the column.
    pub fn len(&self) -> usize {
        match self {
            Numbers::Ints(v) => v.len(),
            Numbers::Floats(v) => v.len(),
            Numbers::Values(v) => v.len(),
        }
    }

    /// Whether the column is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `row` (or row 0 of a one-value column) as a whole number of the kind `kind`.
    pub fn whole(&self, row: usize, arg: &str, kind: Whole) -> Result<i64, Error> {
        let (min, max) = kind.range();
        let i = if self.len() == 1 { 0 } else { row };
        match self {
            Numbers::Ints(v) => check_range(v[i] as f64, v[i], arg, min, max),
            Numbers::Floats(v) => whole_float(v[i], arg, min, max),
            Numbers::Values(v) => v[i].whole(arg, kind),
        }
    }
}

/// A column of dates as day numbers since 1970-01-01 ([`crate::date::MISSING`] for a
/// missing value); a cell that is not a date is an error for its row (and missing).
pub fn day_column(values: &[Value], arg: &str, zone: Zone) -> (Vec<i64>, Vec<Error>) {
    let mut errors = Vec::new();
    let days = values
        .iter()
        .enumerate()
        .map(|(row, v)| match v.opt_date(arg, zone) {
            Ok(Some(d)) => date::to_epoch_days(d),
            Ok(None) => crate::date::MISSING,
            Err(e) => {
                errors.push(e.in_row(row));
                crate::date::MISSING
            }
        })
        .collect();
    (days, errors)
}

/// A batch result in every language: one value per row (`None` for a missing or failed row)
/// and one error per failed row, naming its row.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BatchResult<T> {
    /// The values, row by row.
    pub values: Vec<Option<T>>,
    /// The failed rows, in row order.
    pub errors: Vec<Error>,
}

/// Rows of one result model as columns: a map from each key (in first-seen order) to the list
/// of its values, `Null` where a row lacks the key. For tables (`pandas.DataFrame(columns)`).
pub fn to_columns<T: Serialize>(rows: &[T]) -> Value {
    let mut names: Vec<String> = Vec::new();
    let records: Vec<Value> = rows.iter().map(to_value).collect();
    for r in &records {
        let keys: Vec<String> = match r {
            Value::Record(m) => m.iter().map(|(k, _)| k.to_string()).collect(),
            Value::Map(m) => m.iter().map(|(k, _)| k.clone()).collect(),
            _ => Vec::new(),
        };
        for k in keys {
            if !names.contains(&k) {
                names.push(k);
            }
        }
    }
    Value::Map(
        names
            .into_iter()
            .map(|k| {
                let column = records.iter().map(|r| r.get(&k).clone()).collect();
                (k, Value::List(column))
            })
            .collect(),
    )
}

/// Checks that a batch argument has one value per row (or a single value for all).
pub fn check_length(arg: &str, len: usize, rows: usize) -> Result<(), Error> {
    if len == 1 || len == rows {
        Ok(())
    } else {
        Err(Error::new(
            "argument.length_mismatch",
            format!("{arg} must have one value or one per row: {rows} rows, {len} values"),
        )
        .with_field(arg))
    }
}

/// The local time of a time column's entry: `micros` since 1970-01-01 as the host stored it;
/// `aware` columns (a pandas column with a zone, an Arrow timestamp with a zone) store UTC and
/// are converted to `zone`, naive columns store the wall-clock time itself.
pub fn column_time(
    micros: i64,
    aware: bool,
    zone: Zone,
    arg: &str,
) -> Result<NaiveDateTime, Error> {
    let t = date::from_epoch_micros(micros).ok_or_else(|| {
        Error::new(
            "calendar.out_of_range",
            format!("{arg}: {micros} µs is outside years 1-9999"),
        )
        .with_field(arg)
    })?;
    Ok(if aware { zone.from_utc(t) } else { t })
}

/// A result as a [`Value`] (see the module documentation).
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    value
        .serialize(ValueSerializer)
        .unwrap_or_else(|e| Value::Other(format!("unserialisable result: {e}")))
}

/// The error of the boundary's value serializer (never produced by the crate's own result types).
#[derive(Debug)]
pub struct SerError(String);

impl std::fmt::Display for SerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for SerError {}
impl ser::Error for SerError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        SerError(msg.to_string())
    }
}

/// The serde serializer behind [`to_value`]. Text that a type writes through `collect_str` and
/// that reads as an ISO date or time (chrono's `NaiveDate`, `NaiveDateTime`) becomes a
/// [`Value::Date`] or [`Value::Time`]; text written as a string stays text.
struct ValueSerializer;

/// A list being built.
struct SeqBuilder(Vec<Value>);
/// A map being built.
struct MapBuilder(Vec<(String, Value)>, Option<String>, bool);
/// A struct being built.
struct RecordBuilder(Vec<(Name, Value)>);
/// An enum variant with fields being built.
struct VariantBuilder(&'static str, RecordBuilder);
/// An enum tuple variant being built.
struct TupleVariantBuilder(&'static str, Vec<Value>);

type R = Result<Value, SerError>;

impl ser::Serializer for ValueSerializer {
    type Ok = Value;
    type Error = SerError;
    type SerializeSeq = SeqBuilder;
    type SerializeTuple = SeqBuilder;
    type SerializeTupleStruct = SeqBuilder;
    type SerializeTupleVariant = TupleVariantBuilder;
    type SerializeMap = MapBuilder;
    type SerializeStruct = RecordBuilder;
    type SerializeStructVariant = VariantBuilder;

    fn serialize_bool(self, v: bool) -> R {
        Ok(Value::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> R {
        Ok(Value::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> R {
        Ok(Value::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> R {
        Ok(Value::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> R {
        Ok(Value::Int(v))
    }
    fn serialize_u8(self, v: u8) -> R {
        Ok(Value::Int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> R {
        Ok(Value::Int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> R {
        Ok(Value::Int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> R {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn serialize_f32(self, v: f32) -> R {
        Ok(Value::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> R {
        Ok(Value::Float(v))
    }
    fn serialize_char(self, v: char) -> R {
        Ok(Value::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> R {
        Ok(Value::Str(v.to_string()))
    }
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> R {
        let s = value.to_string();
        if s.len() == 10 {
            if let Ok(d) = date::parse_date(&s) {
                return Ok(Value::Date(d));
            }
        }
        if s.len() >= 19 && s.as_bytes()[10] == b'T' {
            if let Ok(t) = date::parse_time(&s) {
                if t.offset.is_none() {
                    return Ok(Value::Time {
                        wall: t.wall,
                        offset: None,
                    });
                }
            }
        }
        Ok(Value::Str(s))
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        Ok(Value::List(
            v.iter().map(|b| Value::Int((*b).into())).collect(),
        ))
    }
    fn serialize_none(self) -> R {
        Ok(Value::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(Value::Null)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> R {
        Ok(Value::Null)
    }
    fn serialize_unit_variant(self, _n: &'static str, _i: u32, variant: &'static str) -> R {
        Ok(Value::Str(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _n: &'static str, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _n: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> R {
        Ok(Value::Record(vec![(
            Name::Borrowed(variant),
            value.serialize(ValueSerializer)?,
        )]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder, SerError> {
        Ok(SeqBuilder(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder, SerError> {
        Ok(SeqBuilder(Vec::with_capacity(len)))
    }
    fn serialize_tuple_struct(self, _n: &'static str, len: usize) -> Result<SeqBuilder, SerError> {
        Ok(SeqBuilder(Vec::with_capacity(len)))
    }
    fn serialize_tuple_variant(
        self,
        _n: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<TupleVariantBuilder, SerError> {
        Ok(TupleVariantBuilder(variant, Vec::with_capacity(len)))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder, SerError> {
        // serde serializes a struct with a `#[serde(flatten)]` part as a map of unknown length;
        // data-keyed maps (BTreeMap, HashMap) know theirs. The first is a record.
        Ok(MapBuilder(
            Vec::with_capacity(len.unwrap_or(0)),
            None,
            len.is_none(),
        ))
    }
    fn serialize_struct(self, _n: &'static str, len: usize) -> Result<RecordBuilder, SerError> {
        Ok(RecordBuilder(Vec::with_capacity(len)))
    }
    fn serialize_struct_variant(
        self,
        _n: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantBuilder, SerError> {
        Ok(VariantBuilder(
            variant,
            RecordBuilder(Vec::with_capacity(len)),
        ))
    }
}

impl ser::SerializeSeq for SeqBuilder {
    type Ok = Value;
    type Error = SerError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.0.push(value.serialize(ValueSerializer)?);
        Ok(())
    }
    fn end(self) -> R {
        Ok(Value::List(self.0))
    }
}
impl ser::SerializeTuple for SeqBuilder {
    type Ok = Value;
    type Error = SerError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> R {
        Ok(Value::List(self.0))
    }
}
impl ser::SerializeTupleStruct for SeqBuilder {
    type Ok = Value;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> R {
        Ok(Value::List(self.0))
    }
}
impl ser::SerializeTupleVariant for TupleVariantBuilder {
    type Ok = Value;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.1.push(value.serialize(ValueSerializer)?);
        Ok(())
    }
    fn end(self) -> R {
        Ok(Value::Record(vec![(
            Name::Borrowed(self.0),
            Value::List(self.1),
        )]))
    }
}
impl ser::SerializeMap for MapBuilder {
    type Ok = Value;
    type Error = SerError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerError> {
        self.1 = Some(match key.serialize(ValueSerializer)? {
            Value::Str(s) => s,
            Value::Int(i) => i.to_string(),
            Value::Date(d) => date::format_date(d),
            other => return Err(SerError(format!("map key {other:?} is not text"))),
        });
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        let key = self
            .1
            .take()
            .ok_or_else(|| SerError("map value without key".into()))?;
        self.0.push((key, value.serialize(ValueSerializer)?));
        Ok(())
    }
    fn end(self) -> R {
        if self.2 {
            Ok(Value::Record(
                self.0
                    .into_iter()
                    .map(|(k, v)| (Name::Owned(k), v))
                    .collect(),
            ))
        } else {
            Ok(Value::Map(self.0))
        }
    }
}
impl ser::SerializeStruct for RecordBuilder {
    type Ok = Value;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        self.0
            .push((Name::Borrowed(key), value.serialize(ValueSerializer)?));
        Ok(())
    }
    fn end(self) -> R {
        Ok(Value::Record(self.0))
    }
}
impl ser::SerializeStructVariant for VariantBuilder {
    type Ok = Value;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        ser::SerializeStruct::serialize_field(&mut self.1, key, value)
    }
    fn end(self) -> R {
        Ok(Value::Record(vec![(
            Name::Borrowed(self.0),
            Value::Record(self.1 .0),
        )]))
    }
}

/// snake_case → camelCase, the naming rule of every JS result key.
///
/// ```
/// assert_eq!(efficiency_core::boundary::camel_case("promised_due"), "promisedDue");
/// assert_eq!(efficiency_core::boundary::camel_case("name_zh"), "nameZh");
/// ```
pub fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// camelCase → snake_case, for keys of objects JS passes in.
///
/// ```
/// assert_eq!(efficiency_core::boundary::snake_case("promisedDue"), "promised_due");
/// ```
pub fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    struct S {
        due: NaiveDateTime,
        day: NaiveDate,
        note: String,
        level: crate::clock::Level,
        map: std::collections::BTreeMap<String, u32>,
    }

    #[test]
    fn results_keep_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 30).unwrap();
        let s = S {
            due: d.and_hms_opt(17, 30, 0).unwrap(),
            day: d,
            note: "2026-10-30".into(),
            level: crate::clock::Level::Red,
            map: [("unit_a".to_string(), 3)].into(),
        };
        let Value::Record(f) = to_value(&s) else {
            panic!()
        };
        assert!(matches!(f[0].1, Value::Time { .. }));
        assert_eq!(f[1].1, Value::Date(d));
        assert_eq!(f[2].1, Value::Str("2026-10-30".into()));
        assert_eq!(f[3].1, Value::Str("red".into()));
        assert_eq!(f[4].1, Value::Map(vec![("unit_a".into(), Value::Int(3))]));
    }

    #[test]
    fn whole_numbers() {
        let w = |v: Value| v.whole("n", Whole::Between(-5, 5)).map_err(|e| e.code);
        assert_eq!(w(Value::Float(3.0)), Ok(3));
        assert_eq!(w(Value::Int(-5)), Ok(-5));
        assert_eq!(w(Value::Float(f64::NAN)), Err("argument.not_whole"));
        assert_eq!(w(Value::Float(f64::INFINITY)), Err("argument.not_whole"));
        assert_eq!(w(Value::Float(2.5)), Err("argument.not_whole"));
        assert_eq!(w(Value::Float(6.0)), Err("argument.out_of_range"));
        assert_eq!(w(Value::Bool(true)), Err("argument.wrong_type"));
        assert_eq!(w(Value::Str("3".into())), Err("argument.wrong_type"));
        assert_eq!(w(Value::Null), Err("argument.missing"));
    }

    /// A struct with a flattened part is a record (its names camelCased in JS), not a data map:
    /// a guide's item fields reached JS as `name_zh` where the types say `nameZh`.
    #[test]
    fn data_nested_too_deep_is_a_coded_error_wherever_it_is_read() {
        let deep = Value::TooDeep("[0][1]".into());
        let e = deep.string("label").unwrap_err();
        assert_eq!(
            (e.code, e.field.as_deref()),
            ("argument.too_deep", Some("label[0][1]"))
        );
        // An option read from it is not silently missing.
        assert!(matches!(deep.get("actions"), Value::TooDeep(_)));
        let e = deep.check_options("board", &["actions"]).unwrap_err();
        assert_eq!(e.code, "argument.too_deep");
        let e = Value::List(vec![deep.clone()])
            .to_json("fields", crate::date::Zone::CHINA)
            .unwrap_err();
        assert_eq!(
            (e.code, e.field.as_deref()),
            ("argument.too_deep", Some("fields[0][0][1]"))
        );
        // The converters' helper: a child too deep makes its parent so, the path growing.
        assert_eq!(
            Value::too_deep_within(&Value::key_segment("rules"), &deep),
            Some(Value::TooDeep(".rules[0][1]".into()))
        );
        assert_eq!(Value::key_segment("a b"), "[\"a b\"]");
    }

    #[test]
    fn a_flattened_struct_is_a_record() {
        #[derive(serde::Serialize)]
        struct Inner {
            name_zh: &'static str,
        }
        #[derive(serde::Serialize)]
        struct Outer {
            #[serde(flatten)]
            inner: Inner,
            fees: std::collections::BTreeMap<&'static str, u32>,
        }
        let v = to_value(&Outer {
            inner: Inner { name_zh: "登记" },
            fees: [("id_card", 0)].into(),
        });
        let Value::Record(f) = v else { panic!("{v:?}") };
        assert_eq!(f[0], (Name::Borrowed("name_zh"), Value::Str("登记".into())));
        assert_eq!(f[1].1, Value::Map(vec![("id_card".into(), Value::Int(0))]));
    }
}
