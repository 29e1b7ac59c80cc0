//! The one converter between JS values and the core's boundary values, and the one error
//! converter. Every argument check, time grammar and zone rule is the core's
//! (`efficiency_core::boundary`); this file only says which JS type is which value. Every
//! exported function takes its arguments as `JsValue` and reads them here, so that no value of
//! any type can trap the module.

use efficiency_core::boundary::Whole;
use efficiency_core::boundary::{camel_case, Value};
use efficiency_core::date::Zone;
use efficiency_core::error::Error;
use wasm_bindgen::{JsCast, JsValue};

/// A core error as a thrown JS `Error`: `name` "EfficiencyError", `code`, and `field`, `row`,
/// `line`, `event`, `eventIndex` (null when not known); `path` repeats `field`.
pub(crate) fn error(e: impl Into<Error>) -> JsValue {
    let e: Error = e.into();
    let err = js_sys::Error::new(&e.message);
    err.set_name("EfficiencyError");
    let set = |k: &str, v: JsValue| {
        // Reflect::set on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&err, &k.into(), &v);
    };
    let opt_str = |v: &Option<String>| v.clone().map_or(JsValue::NULL, JsValue::from);
    let opt_num = |v: Option<u32>| v.map_or(JsValue::NULL, |n| JsValue::from_f64(f64::from(n)));
    // Argument and option names as JS spells them (`as_of` -> `asOf`, `options.group_by` ->
    // `options.groupBy`); from the first index or record id on (`[0]`, `(K9)`) the path is
    // inside a document and keeps its keys and ids as given (`guides[0] (civil.x).fees`).
    let field = e.field.as_deref().map(|f| {
        let i = f.find(['[', '(']).unwrap_or(f.len());
        let names = f[..i]
            .split('.')
            .map(camel_case)
            .collect::<Vec<_>>()
            .join(".");
        format!("{names}{}", &f[i..])
    });
    set("code", e.code.into());
    // The error as a Chinese sentence for a bureau's staff (the English is `message`).
    set(
        "text",
        efficiency_core::messages::Messages::shipped()
            .error_text(efficiency_core::messages::Lang::Zh, &e)
            .into(),
    );
    set("field", opt_str(&field));
    set("path", opt_str(&field));
    set("row", opt_num(e.row));
    set("line", opt_num(e.line));
    set("event", opt_str(&e.event));
    set("eventIndex", opt_num(e.event_index));
    err.into()
}

/// A core result as a JS result.
pub(crate) fn ok<T, E: Into<Error>>(r: Result<T, E>) -> Result<T, JsValue> {
    r.map_err(error)
}

/// A JS value as a boundary value. Object keys are camelCase in JS and snake_case in the core.
/// An object with a `toJSON` method (a `TimeLimit`, any user class) is read through it, as
/// `JSON.stringify` would read it.
pub(crate) fn value(v: &JsValue) -> Value {
    value_with(v, Keys::Snake, 0)
}

/// A JS value holding a document (the parsed contents of a bureau's file): object keys are
/// data and stay as they are.
pub(crate) fn document(v: &JsValue) -> Value {
    value_with(v, Keys::AsGiven, 0)
}

#[derive(Clone, Copy)]
enum Keys {
    Snake,
    AsGiven,
}

/// Lists and objects nested deeper than [`efficiency_core::limits::MAX_NESTING`] levels, or
/// containing themselves, read as [`Value::TooDeep`] with the path to where the limit was met
/// (reading it is `argument.too_deep`): no stack runs out, whatever the input.
fn value_with(v: &JsValue, keys: Keys, depth: usize) -> Value {
    if depth > efficiency_core::limits::MAX_NESTING {
        return Value::TooDeep(String::new());
    }
    if v.is_object() && !v.is_instance_of::<js_sys::Date>() {
        let to_json = js_sys::Reflect::get(v, &"toJSON".into()).unwrap_or(JsValue::UNDEFINED);
        if let Some(f) = to_json.dyn_ref::<js_sys::Function>() {
            return match f.call0(v) {
                Ok(x) => plain_value(&x, keys, depth),
                Err(_) => Value::Other("object whose toJSON threw".into()),
            };
        }
    }
    plain_value(v, keys, depth)
}

fn plain_value(v: &JsValue, keys: Keys, depth: usize) -> Value {
    // Strings first: the common argument, one crossing.
    if let Some(s) = v.as_string() {
        return Value::Str(s);
    }
    if v.is_null() || v.is_undefined() {
        return Value::Null;
    }
    if let Some(b) = v.as_bool() {
        return Value::Bool(b);
    }
    if let Some(f) = v.as_f64() {
        return Value::Float(f);
    }
    if let Some(s) = v.as_string() {
        return Value::Str(s);
    }
    if v.is_bigint() {
        return match i64::try_from(v.clone().unchecked_into::<js_sys::BigInt>()) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::Other("int too large".into()),
        };
    }
    if let Some(d) = v.dyn_ref::<js_sys::Date>() {
        let ms = d.get_time();
        return match chrono::DateTime::from_timestamp_millis(ms as i64) {
            Some(t) if ms.is_finite() => Value::Time {
                wall: t.naive_utc(),
                offset: Some(0),
            },
            _ => Value::Other("invalid Date".into()),
        };
    }
    if js_sys::Array::is_array(v) {
        let a: &js_sys::Array = v.unchecked_ref();
        let mut out = Vec::with_capacity(a.length() as usize);
        for (i, x) in a.iter().enumerate() {
            let x = value_with(&x, keys, depth + 1);
            if let Some(deep) = Value::too_deep_within(&format!("[{i}]"), &x) {
                return deep;
            }
            out.push(x);
        }
        return Value::List(out);
    }
    if v.is_function() {
        return Value::Other("function".into());
    }
    if v.is_object() {
        let obj: &js_sys::Object = v.unchecked_ref();
        let entries = js_sys::Object::entries(obj);
        let mut out = Vec::with_capacity(entries.length() as usize);
        for pair in entries.iter() {
            let pair: js_sys::Array = pair.unchecked_into();
            let given = pair.get(0).as_string().unwrap_or_default();
            let x = value_with(&pair.get(1), keys, depth + 1);
            if let Some(deep) = Value::too_deep_within(&Value::key_segment(&given), &x) {
                return deep;
            }
            let key = match keys {
                Keys::Snake => efficiency_core::boundary::snake_case(&given),
                Keys::AsGiven => given,
            };
            out.push((key, x));
        }
        return Value::Map(out);
    }
    Value::Other(v.js_typeof().as_string().unwrap_or_else(|| "value".into()))
}

/// A boundary value as a JS value: dates and times as ISO strings, records with camelCase
/// keys, maps with their keys as they are.
pub(crate) fn to_object(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Int(i) => JsValue::from_f64(*i as f64),
        Value::Float(f) => JsValue::from_f64(*f),
        Value::Str(s) | Value::Other(s) | Value::TooDeep(s) => JsValue::from_str(s),
        Value::Date(d) => JsValue::from_str(&efficiency_core::date::format_date(*d)),
        Value::Time { wall, .. } => JsValue::from_str(&efficiency_core::date::format_time(*wall)),
        Value::List(items) => items
            .iter()
            .map(to_object)
            .collect::<js_sys::Array>()
            .into(),
        Value::Map(m) => {
            let o = js_sys::Object::new();
            for (k, x) in m {
                let _ = js_sys::Reflect::set(&o, &k.into(), &to_object(x));
            }
            o.into()
        }
        Value::Record(m) => {
            let o = js_sys::Object::new();
            for (k, x) in m {
                let _ = js_sys::Reflect::set(&o, &camel_case(k).into(), &to_object(x));
            }
            o.into()
        }
    }
}

/// The elements of a JSON array text, each as its raw slice (`None` when the text is not a
/// flat array this scanner reads; the caller then reads element by element).
fn json_elements(text: &str) -> Option<Vec<&str>> {
    let b = text.as_bytes();
    let (mut i, mut out) = (1usize, Vec::new());
    if b.first() != Some(&b'[') {
        return None;
    }
    if b.get(1) == Some(&b']') {
        return Some(out);
    }
    loop {
        let start = i;
        let (mut depth, mut in_str) = (0i32, false);
        while i < b.len() {
            match (in_str, b[i]) {
                (true, b'\\') => i += 1,
                (true, b'"') => in_str = false,
                (false, b'"') => in_str = true,
                (false, b'[' | b'{') => depth += 1,
                (false, b']' | b'}') if depth > 0 => depth -= 1,
                (false, b',' | b']') if depth == 0 => break,
                _ => {}
            }
            i += 1;
        }
        out.push(text.get(start..i)?);
        match b.get(i) {
            Some(b',') => i += 1,
            Some(b']') => return Some(out),
            _ => return None,
        }
    }
}

/// A JS array of dates as day numbers, read in bulk (one `JSON.stringify` crossing): plain
/// `"YYYY-MM-DD"` strings are parsed from the text; anything else (null, a `Date`, a number, an
/// object) is read again one by one through [`value`], so every element is read exactly as
/// [`Value::date`] reads it. Bad elements are errors for their rows.
pub(crate) fn bulk_days(
    v: &JsValue,
    arg: &str,
    zone: Zone,
) -> Result<(Vec<i64>, Vec<efficiency_core::error::Error>), JsValue> {
    let slow = |values: &[Value]| efficiency_core::boundary::day_column(values, arg, zone);
    if !js_sys::Array::is_array(v) {
        let list = ok(value(v).list(arg).map(<[Value]>::to_vec))?;
        return Ok(slow(&list));
    }
    let array: &js_sys::Array = v.unchecked_ref();
    let text = js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string());
    let elements = text.as_deref().and_then(json_elements);
    let Some(elements) = elements.filter(|e| e.len() == array.length() as usize) else {
        return Ok(slow(&array.iter().map(|x| value(&x)).collect::<Vec<_>>()));
    };
    let mut errors = Vec::new();
    let days = elements
        .iter()
        .enumerate()
        .map(|(row, raw)| {
            let plain = raw
                .strip_prefix('"')
                .and_then(|r| r.strip_suffix('"'))
                .filter(|r| r.len() == 10)
                .and_then(|r| efficiency_core::date::parse_date(r).ok());
            let read = match plain {
                Some(d) => Ok(Some(d)),
                None => value(&array.get(row as u32)).opt_date(arg, zone),
            };
            match read {
                Ok(Some(d)) => efficiency_core::date::to_epoch_days(d),
                Ok(None) => efficiency_core::calendar::MISSING,
                Err(e) => {
                    errors.push(e.in_row(row));
                    efficiency_core::calendar::MISSING
                }
            }
        })
        .collect();
    Ok((days, errors))
}

/// A JS number or array of numbers, read in bulk: plain JSON numbers are parsed from one
/// `JSON.stringify` text; when any element is something else (null, which may have been NaN;
/// text; an object) every element is read through [`value`] instead, so each is checked
/// exactly as a scalar would be.
pub(crate) enum BulkNumbers {
    Floats(Vec<f64>),
    Values(Vec<Value>),
}

impl BulkNumbers {
    pub(crate) fn view(&self) -> efficiency_core::boundary::Numbers<'_> {
        match self {
            BulkNumbers::Floats(v) => efficiency_core::boundary::Numbers::Floats(v),
            BulkNumbers::Values(v) => efficiency_core::boundary::Numbers::Values(v),
        }
    }
}

pub(crate) fn bulk_numbers(v: &JsValue) -> BulkNumbers {
    if !js_sys::Array::is_array(v) {
        return BulkNumbers::Values(vec![value(v)]);
    }
    let array: &js_sys::Array = v.unchecked_ref();
    let text = js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string());
    let floats = text
        .as_deref()
        .and_then(json_elements)
        .filter(|e| e.len() == array.length() as usize)
        .and_then(|e| {
            e.iter()
                .map(|raw| {
                    raw.bytes()
                        .all(|c| {
                            c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.' | b'e' | b'E')
                        })
                        .then(|| raw.parse::<f64>().ok())
                        .flatten()
                })
                .collect::<Option<Vec<f64>>>()
        });
    match floats {
        Some(f) => BulkNumbers::Floats(f),
        None => BulkNumbers::Values(array.iter().map(|x| value(&x)).collect()),
    }
}

/// A batch of dates (`values`, null where missing) and its row errors as one JS object, built as
/// JSON text and parsed once.
pub(crate) fn date_batch(values: &[i64], errors: &[efficiency_core::error::Error]) -> JsValue {
    let mut text = String::with_capacity(values.len() * 13 + 32);
    text.push_str("{\"values\":[");
    for (i, &d) in values.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        match (d != efficiency_core::calendar::MISSING)
            .then(|| efficiency_core::date::from_epoch_days(d))
            .flatten()
        {
            Some(d) => {
                text.push('"');
                efficiency_core::date::push_date(&mut text, d);
                text.push('"');
            }
            None => text.push_str("null"),
        }
    }
    text.push_str("],\"errors\":");
    let errors = efficiency_core::boundary::to_value(&errors);
    text.push_str(&bulk_json(&errors).to_string());
    text.push('}');
    js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
}

fn bulk_json(v: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::Str(s) | Value::Other(s) | Value::TooDeep(s) => J::String(s.clone()),
        Value::Date(d) => J::String(efficiency_core::date::format_date(*d)),
        Value::Time { wall, .. } => J::String(efficiency_core::date::format_time(*wall)),
        Value::List(items) => J::Array(items.iter().map(bulk_json).collect()),
        Value::Map(m) => J::Object(m.iter().map(|(k, x)| (k.clone(), bulk_json(x))).collect()),
        Value::Record(m) => J::Object(
            m.iter()
                .map(|(k, x)| (camel_case(k), bulk_json(x)))
                .collect(),
        ),
    }
}

/// A result in bulk: one `JSON.parse` crossing instead of one per element (for batches). Keys
/// of records are camelCase as in [`to_object`]; a non-finite number becomes null.
pub(crate) fn to_object_bulk(v: &Value) -> JsValue {
    js_sys::JSON::parse(&bulk_json(v).to_string()).unwrap_or_else(|_| to_object(v))
}

/// A text argument.
pub(crate) fn text(v: &JsValue, arg: &str) -> Result<String, JsValue> {
    ok(value(v).string(arg).map(str::to_string))
}

/// A text argument that may be missing.
pub(crate) fn opt_text(v: &JsValue, arg: &str) -> Result<Option<String>, JsValue> {
    ok(value(v).opt_string(arg).map(|s| s.map(str::to_string)))
}

/// A boolean argument, `default` when missing.
pub(crate) fn flag_or(v: &JsValue, arg: &str, default: bool) -> Result<bool, JsValue> {
    ok(value(v).flag_or(arg, default))
}

/// A whole-number argument in `min..=max`.
pub(crate) fn whole(v: &JsValue, arg: &str, kind: Whole) -> Result<i64, JsValue> {
    ok(value(v).whole(arg, kind))
}

/// A time argument in `zone` (text in the one grammar, or a JS `Date`, an instant).
pub(crate) fn time(v: &JsValue, arg: &str, zone: Zone) -> Result<chrono::NaiveDateTime, JsValue> {
    ok(value(v).time(arg, zone))
}

/// A date argument in `zone`.
pub(crate) fn date(v: &JsValue, arg: &str, zone: Zone) -> Result<chrono::NaiveDate, JsValue> {
    ok(value(v).date(arg, zone))
}
