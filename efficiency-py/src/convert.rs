//! The one converter between Python objects and the core's boundary values, and the one error
//! converter. Every argument check, time grammar and zone rule is the core's
//! (`efficiency_core::boundary`); this file only says which Python type is which value.

use chrono::{NaiveDate, NaiveDateTime};
use efficiency_core::boundary::Whole;
use efficiency_core::boundary::{self, Value};
use efficiency_core::date::Zone;
use efficiency_core::error::Error;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

/// An optional named choice (`lang`, `format`, …) read by the core's `from_arg`: `default`
/// when absent.
pub(crate) fn choice<T>(
    py: Python<'_>,
    v: Option<&Bound<'_, PyAny>>,
    arg: &str,
    default: T,
    from_arg: fn(&Value, &str, T) -> Result<T, Error>,
) -> PyResult<T> {
    let v = match v {
        Some(v) => value(v)?,
        None => Value::Null,
    };
    ok(py, from_arg(&v, arg, default))
}

/// Keyword options as the core reads them (`Value::Map` of the given ones; absent ones left out).
pub(crate) fn options(pairs: &[(&str, Option<&Bound<'_, PyAny>>)]) -> PyResult<Value> {
    let mut named = Vec::new();
    for (k, v) in pairs {
        if let Some(v) = v {
            named.push((k.to_string(), value(v)?));
        }
    }
    Ok(Value::Map(named))
}

pub(crate) use crate::errors::error;

/// [`error`] where no GIL token is at hand.
pub(crate) fn error_of(e: Error) -> PyErr {
    Python::attach(|py| error(py, e))
}

/// A core result as a Python result.
pub(crate) fn ok<T, E: Into<Error>>(py: Python<'_>, r: Result<T, E>) -> PyResult<T> {
    r.map_err(|e| error(py, e))
}

/// A Python object as a boundary value. Lists and mappings nested deeper than
/// [`efficiency_core::limits::MAX_NESTING`] levels, or containing themselves, read as
/// [`Value::TooDeep`] with the path to where the limit was met (reading it is
/// `argument.too_deep`): no stack runs out, whatever the input.
pub(crate) fn value(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    value_at(obj, 0)
}

fn value_at(obj: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    if depth > efficiency_core::limits::MAX_NESTING {
        return Ok(Value::TooDeep(String::new()));
    }
    let value = |x: &Bound<'_, PyAny>| value_at(x, depth + 1);
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(match obj.extract::<i64>() {
            Ok(i) => Value::Int(i),
            Err(_) => Value::Other("int too large".into()),
        });
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(Value::Float(f.value()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::Str(s.to_str()?.to_string()));
    }
    if obj.is_instance_of::<PyDateTime>() {
        // pandas.NaT is a datetime that is not equal to itself.
        if obj.ne(obj)? {
            return Ok(Value::Null);
        }
        let offset = obj.call_method0("utcoffset")?;
        let offset = if offset.is_none() {
            None
        } else {
            Some(offset.call_method0("total_seconds")?.extract::<f64>()? as i32)
        };
        let wall = naive_wall(obj)?;
        return Ok(Value::Time { wall, offset });
    }
    if obj.is_instance_of::<PyDate>() {
        return Ok(Value::Date(obj.extract::<NaiveDate>()?));
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return items(l.iter(), value);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return items(t.iter(), value);
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut out = Vec::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = match k.cast::<PyString>() {
                Ok(s) => s.to_str()?.to_string(),
                Err(_) => k.str()?.to_str()?.to_string(),
            };
            let v = value(&v)?;
            if let Some(deep) = Value::too_deep_within(&Value::key_segment(&key), &v) {
                return Ok(deep);
            }
            out.push((key, v));
        }
        return Ok(Value::Map(out));
    }
    // The library's own value objects (a `TimeLimit`) read as the data they stand for: each
    // gives it by `__efficiency_value__`, so this converter names no area's class.
    if let Some(data) = obj.getattr_opt(pyo3::intern!(obj.py(), "__efficiency_value__"))? {
        if !obj.is_instance_of::<pyo3::types::PyType>() {
            return value(&data.call0()?);
        }
    }
    // Iterators and generators read as the list they yield.
    if obj.hasattr(pyo3::intern!(obj.py(), "__next__"))? {
        return items(
            obj.try_iter()?.collect::<PyResult<Vec<_>>>()?.into_iter(),
            value,
        );
    }
    // numpy datetime64 scalars: through datetime (NaT is None, missing).
    if obj.hasattr("dtype")? && !obj.hasattr("__len__")? {
        let kind: String = obj.getattr("dtype")?.getattr("kind")?.extract()?;
        if kind == "M" {
            return value(
                &obj.call_method1("astype", ("datetime64[us]",))?
                    .call_method0("item")?,
            );
        }
    }
    // numpy scalars: integers have __index__, floats are float subclasses (handled above).
    if obj.hasattr("__index__")? && !obj.hasattr("__len__")? {
        if let Ok(i) = obj
            .call_method0("__index__")
            .and_then(|i| i.extract::<i64>())
        {
            return Ok(Value::Int(i));
        }
    }
    if obj.hasattr("__float__")? && !obj.hasattr("__len__")? && obj.hasattr("dtype")? {
        return Ok(Value::Float(obj.call_method0("__float__")?.extract()?));
    }
    Ok(Value::Other(obj.get_type().name()?.to_string()))
}

/// The items of a list, tuple or iterator as a list value (a [`Value::TooDeep`] inside makes
/// the list one, its index prepended).
fn items<'py>(
    it: impl Iterator<Item = Bound<'py, PyAny>>,
    value: impl Fn(&Bound<'py, PyAny>) -> PyResult<Value>,
) -> PyResult<Value> {
    let mut out = Vec::with_capacity(it.size_hint().0);
    for (i, x) in it.enumerate() {
        let v = value(&x)?;
        if let Some(deep) = Value::too_deep_within(&format!("[{i}]"), &v) {
            return Ok(deep);
        }
        out.push(v);
    }
    Ok(Value::List(out))
}

/// The wall-clock fields of a datetime, ignoring its tzinfo.
fn naive_wall(obj: &Bound<'_, PyAny>) -> PyResult<NaiveDateTime> {
    let kwargs = PyDict::new(obj.py());
    kwargs.set_item("tzinfo", obj.py().None())?;
    obj.call_method("replace", (), Some(&kwargs))?.extract()
}

/// A boundary value as a Python object: dates and times as `datetime` objects, records and
/// maps as dicts (snake_case keys), lists as lists.
pub(crate) fn to_object<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Int(i) => i.into_pyobject(py)?.into_any(),
        Value::Float(f) => f.into_pyobject(py)?.into_any(),
        Value::Str(s) | Value::Other(s) | Value::TooDeep(s) => PyString::new(py, s).into_any(),
        Value::Date(d) => d.into_pyobject(py)?.into_any(),
        Value::Time { wall, .. } => wall.into_pyobject(py)?.into_any(),
        Value::List(items) => PyList::new(
            py,
            items
                .iter()
                .map(|x| to_object(py, x))
                .collect::<PyResult<Vec<_>>>()?,
        )?
        .into_any(),
        Value::Map(m) => {
            let d = PyDict::new(py);
            for (k, x) in m {
                d.set_item(k, to_object(py, x)?)?;
            }
            d.into_any()
        }
        Value::Record(m) => {
            let d = PyDict::new(py);
            for (k, x) in m {
                d.set_item(k.as_ref(), to_object(py, x)?)?;
            }
            d.into_any()
        }
    })
}

/// A core result model as a Python object (see [`to_object`]).
pub(crate) fn to_py<'py>(
    py: Python<'py>,
    value: &impl serde::Serialize,
) -> PyResult<Bound<'py, PyAny>> {
    to_object(py, &boundary::to_value(value))
}

/// Rows of a core result model as a dict of columns (lists), one per key.
pub(crate) fn columns<'py>(
    py: Python<'py>,
    rows: &[impl serde::Serialize],
) -> PyResult<Bound<'py, PyAny>> {
    to_object(py, &boundary::to_columns(rows))
}

/// A core result where no `Python` token is at hand (inside `py.detach`): the error is raised
/// with the GIL taken back.
pub(crate) fn ok_detached<T, E: Into<Error>>(r: Result<T, E>) -> PyResult<T> {
    r.map_err(|e| error_of(e.into()))
}

/// A rich argument (a list of faults, a form) deserialised by the core; shape errors carry
/// `code` and name the argument.
pub(crate) fn from_py<T: serde::de::DeserializeOwned>(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    arg: &str,
    code: &'static str,
) -> PyResult<T> {
    ok(py, value(obj)?.deserialize(arg, Zone::CHINA, code))
}

/// A time argument, read by the core in `zone`.
pub(crate) fn time_in(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    arg: &str,
    zone: Zone,
) -> PyResult<NaiveDateTime> {
    ok(py, value(obj)?.time(arg, zone))
}

/// A date argument, read by the core in `zone`.
pub(crate) fn date_in(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    arg: &str,
    zone: Zone,
) -> PyResult<NaiveDate> {
    ok(py, value(obj)?.date(arg, zone))
}

/// A whole-number argument in `min..=max`, checked by the core.
pub(crate) fn whole(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    arg: &str,
    kind: Whole,
) -> PyResult<i64> {
    ok(py, value(obj)?.whole(arg, kind))
}

/// A true/false argument (missing: `default`), checked by the core (no truthiness: 1 or "yes"
/// is the wrong type).
pub(crate) fn flag_or(
    py: Python<'_>,
    obj: Option<&Bound<'_, PyAny>>,
    arg: &str,
    default: bool,
) -> PyResult<bool> {
    match obj {
        None => Ok(default),
        Some(o) => ok(py, value(o)?.flag_or(arg, default)),
    }
}

/// A text argument, checked by the core.
pub(crate) fn text(py: Python<'_>, obj: &Bound<'_, PyAny>, arg: &str) -> PyResult<String> {
    ok(py, value(obj)?.string(arg).map(str::to_string))
}

/// A text argument that may be missing (`None`), checked by the core.
pub(crate) fn opt_text(
    py: Python<'_>,
    obj: Option<&Bound<'_, PyAny>>,
    arg: &str,
) -> PyResult<Option<String>> {
    match obj {
        None => Ok(None),
        Some(o) => ok(py, value(o)?.opt_string(arg).map(|s| s.map(str::to_string))),
    }
}

/// An argument that must be one of the library's classes: `argument.wrong_type` naming `arg`
/// otherwise (pyo3's own would be an uncoded `TypeError`).
pub(crate) fn class<'py, T: pyo3::PyClass>(
    obj: &Bound<'py, PyAny>,
    arg: &str,
) -> PyResult<PyRef<'py, T>> {
    match obj.cast::<T>() {
        // An object in use by the call itself (passed to its own method that changes it) is a
        // coded error, never a panic.
        Ok(b) => b.try_borrow().map_err(|_| {
            error(
                obj.py(),
                Error::new(
                    "argument.invalid",
                    format!(
                        "{arg} is in use by this very call; pass another {}",
                        T::NAME
                    ),
                )
                .with_field(arg),
            )
        }),
        Err(_) => {
            let got = obj
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_else(|_| "?".into());
            Err(error(
                obj.py(),
                Error::new(
                    "argument.wrong_type",
                    format!("{arg} must be a {}, not {got}", T::NAME),
                )
                .with_field(arg),
            ))
        }
    }
}
