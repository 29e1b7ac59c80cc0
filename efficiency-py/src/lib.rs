//! Python bindings: a thin translation of `efficiency-core`.
//!
//! Each method converts its arguments, calls one core function and converts the result or the
//! error. Nothing is decided here. The Python package `efficiency` (python/efficiency) re-exports
//! this module and adds only Python niceties.

use chrono::NaiveDate;
use efficiency_core::boundary::Whole;
use efficiency_core::boundary::{self, Value};
use efficiency_core::calendar::{self as core_cal, CalendarError as CoreCalendarError, MISSING};
use efficiency_core::date::{to_epoch_micros, Zone};
use efficiency_core::error::Error;
use numpy::datetime::{units, Datetime};
use numpy::{PyArray1, PyArrayMethods, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

/// The extension's allocator (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod accountability;
mod arrow;
mod assessment;
mod case;
mod clock;
mod convert;
mod errors;
mod guide;
mod mask;

fn wrap<T>(py: Python<'_>, r: Result<T, CoreCalendarError>) -> PyResult<T> {
    convert::ok(py, r)
}

/// A date argument: `datetime.date`, `datetime.datetime` (its date in the calendar's zone) or
/// `"YYYY-MM-DD"`, read by the core.
pub(crate) fn to_date(py: Python<'_>, value: &Bound<'_, PyAny>, name: &str) -> PyResult<NaiveDate> {
    convert::date_in(py, value, name, Zone::CHINA)
}

/// How a batch call reports rows that fail: raise on the first, or return them.
pub(crate) enum Errors {
    Raise,
    Return,
}

pub(crate) fn errors_mode(py: Python<'_>, errors: &str) -> PyResult<Errors> {
    match convert::ok(
        py,
        Value::Str(errors.into()).choice("errors", &["raise", "return"]),
    )? {
        "raise" => Ok(Errors::Raise),
        _ => Ok(Errors::Return),
    }
}

/// `numpy.asarray(value, dtype=...)`, so lists, pandas columns and arrays of other units work.
pub(crate) fn as_array<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
    dtype: &str,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let np = py.import("numpy")?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("dtype", dtype)?;
    let arr = np
        .call_method("asarray", (value,), Some(&kwargs))
        .map_err(|e| {
            convert::error(
                py,
                Error::new(
                    "argument.wrong_type",
                    format!("{name} cannot be read as a numpy {dtype} array: {e}"),
                )
                .with_field(name),
            )
        })?;
    let ndim: usize = arr.getattr("ndim")?.extract()?;
    if ndim > 1 {
        return Err(convert::error(
            py,
            Error::new(
                "argument.invalid",
                format!("{name} must be one-dimensional, got {ndim} dimensions"),
            )
            .with_field(name),
        ));
    }
    np.call_method1("atleast_1d", (arr,))
}

/// Whether a column carries a time zone (a pandas column or index with a zone).
pub(crate) fn is_aware(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    let Ok(dtype) = value.getattr("dtype") else {
        return Ok(false);
    };
    Ok(dtype.hasattr("tz")? && !dtype.getattr("tz")?.is_none())
}

/// A column of times as microseconds of local time in `zone` (`MISSING` for NaT/None), each
/// read by the core: numpy/pandas columns directly (an aware one is UTC, converted to `zone`),
/// any other sequence element by element. Rows that cannot be read are returned as errors.
/// Rows that failed, with their errors.
pub(crate) type RowErrors = Vec<(usize, Error)>;

/// Row errors from the core (each knows its row) as `(row, error)` pairs.
fn rows_of(errors: Vec<Error>) -> RowErrors {
    errors
        .into_iter()
        .map(|e| (e.row.map_or(0, |r| r as usize), e))
        .collect()
}

pub(crate) fn time_column(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    name: &str,
    zone: Zone,
) -> PyResult<(Vec<i64>, RowErrors)> {
    let mut failed = Vec::new();
    if let Some(arr) = crate::arrow::arrow_array(value)? {
        // An Arrow column (pyarrow, Polars): its zone, if any, is in its type.
        let (out, errors) =
            crate::arrow::times(&arr, name, zone, false).map_err(|e| convert::error(py, e))?;
        return Ok((out, rows_of(errors)));
    }
    if value.hasattr("dtype")? {
        let aware = is_aware(value)?;
        let arr = as_array(py, value, "datetime64[us]", name)?;
        let arr: PyReadonlyArray1<'_, Datetime<units::Microseconds>> = arr.extract()?;
        let out = arr
            .as_array()
            .iter()
            .enumerate()
            .map(|(row, d)| {
                let m = i64::from(*d);
                if m == MISSING {
                    return MISSING;
                }
                match boundary::column_time(m, aware, zone, name) {
                    Ok(t) => to_epoch_micros(t),
                    Err(e) => {
                        failed.push((row, e.in_row(row)));
                        MISSING
                    }
                }
            })
            .collect();
        return Ok((out, failed));
    }
    let items: Vec<Bound<'_, PyAny>> = match value.try_iter() {
        Ok(it) if !value.is_instance_of::<PyString>() => it.collect::<PyResult<_>>()?,
        _ => vec![value.clone()],
    };
    let mut out = Vec::with_capacity(items.len());
    for (row, x) in items.iter().enumerate() {
        let v = convert::value(x)?;
        out.push(match v.opt_time(name, zone) {
            Ok(Some(t)) => to_epoch_micros(t),
            Ok(None) => MISSING,
            Err(e) => {
                failed.push((row, e.in_row(row)));
                MISSING
            }
        });
    }
    Ok((out, failed))
}

/// Day numbers: borrowed from the caller's numpy array when it already holds them (no copy),
/// owned otherwise.
pub(crate) enum DayColumn<'py> {
    Numpy(PyReadonlyArray1<'py, i64>),
    Owned(Vec<i64>),
}

impl DayColumn<'_> {
    pub(crate) fn as_slice(&self) -> &[i64] {
        match self {
            // A contiguous array (see `day_column`) always has a slice.
            DayColumn::Numpy(a) => a.as_slice().unwrap_or(&[]),
            DayColumn::Owned(v) => v,
        }
    }
}

/// A column of dates as epoch days (`MISSING` for NaT/None): as [`time_column`], the date of
/// each local time.
fn day_column<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
    name: &str,
    zone: Zone,
) -> PyResult<(DayColumn<'py>, RowErrors)> {
    if let Some(arr) = crate::arrow::arrow_array(value)? {
        let (micros, errors) =
            crate::arrow::times(&arr, name, zone, true).map_err(|e| convert::error(py, e))?;
        let days = micros
            .into_iter()
            .map(|m| {
                if m == MISSING {
                    MISSING
                } else {
                    m.div_euclid(86_400_000_000)
                }
            })
            .collect();
        return Ok((DayColumn::Owned(days), rows_of(errors)));
    }
    if value.hasattr("dtype")? && !is_aware(value)? {
        // The fast path: numpy converts whole columns of naive dates in C, and a contiguous
        // datetime64[D] array is read in place (as the int64 day numbers it holds).
        let arr = as_array(py, value, "datetime64[D]", name)?;
        let np = py.import("numpy")?;
        let arr = np
            .call_method1("ascontiguousarray", (arr,))?
            .call_method1("view", ("int64",))?;
        return Ok((DayColumn::Numpy(arr.extract()?), Vec::new()));
    }
    if value.hasattr("dtype")? {
        // An aware column: each instant's date in the calendar's zone.
        let (micros, failed) = time_column(py, value, name, zone)?;
        let days = micros
            .into_iter()
            .map(|m| {
                if m == MISSING {
                    MISSING
                } else {
                    m.div_euclid(86_400_000_000)
                }
            })
            .collect();
        return Ok((DayColumn::Owned(days), failed));
    }
    let items: Vec<Bound<'_, PyAny>> = match value.try_iter() {
        Ok(it) if !value.is_instance_of::<PyString>() => it.collect::<PyResult<_>>()?,
        _ => vec![value.clone()],
    };
    let mut failed = Vec::new();
    let mut days = Vec::with_capacity(items.len());
    for (row, x) in items.iter().enumerate() {
        days.push(match convert::value(x)?.opt_date(name, zone) {
            Ok(Some(d)) => efficiency_core::date::to_epoch_days(d),
            Ok(None) => MISSING,
            Err(e) => {
                failed.push((row, e));
                MISSING
            }
        });
    }
    Ok((DayColumn::Owned(days), failed))
}

/// A column (or one value) of whole numbers: ints as they are, floats checked per row by the
/// core, anything else the wrong type.
pub(crate) fn number_column<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
    name: &str,
) -> PyResult<NumberColumn<'py>> {
    if let Some(arr) = crate::arrow::arrow_array(value)? {
        let floats = crate::arrow::numbers(&arr, name).map_err(|e| convert::error(py, e))?;
        // A null is a missing value (argument.missing for its row), not a NaN.
        return Ok(if arrow_array::Array::null_count(&arr) == 0 {
            NumberColumn::Floats(floats)
        } else {
            NumberColumn::Values(
                floats
                    .into_iter()
                    .enumerate()
                    .map(|(i, f)| {
                        if arr.is_null(i) {
                            Value::Null
                        } else {
                            Value::Float(f)
                        }
                    })
                    .collect(),
            )
        });
    }
    let v = convert::value(value)?;
    match v {
        Value::Int(i) => return Ok(NumberColumn::Ints(vec![i])),
        Value::Float(f) => return Ok(NumberColumn::Floats(vec![f])),
        Value::Str(_)
        | Value::Bool(_)
        | Value::Null
        | Value::Date(_)
        | Value::Time { .. }
        | Value::Map(_) => {
            return Err(convert::error(
                py,
                Error::new(
                    "argument.wrong_type",
                    format!(
                        "{name} must be a whole number or an array of them, not {}",
                        v.describe()
                    ),
                )
                .with_field(name),
            ))
        }
        // A Python list or tuple: each element checked by the core (a "3" or a None fails its
        // row only, where numpy would turn the whole list into text).
        Value::List(items) if !value.hasattr("dtype")? => return Ok(NumberColumn::Values(items)),
        _ => {}
    }
    let np = py.import("numpy")?;
    let arr = np.call_method1("asarray", (value,))?;
    let kind: String = arr.getattr("dtype")?.getattr("kind")?.extract()?;
    match kind.as_str() {
        "i" | "u" => {
            let a = as_array(py, &arr, "int64", name)?;
            let a = py
                .import("numpy")?
                .call_method1("ascontiguousarray", (a,))?;
            Ok(NumberColumn::Numpy(a.extract()?))
        }
        "f" => {
            let a = as_array(py, &arr, "float64", name)?;
            let a: PyReadonlyArray1<'_, f64> = a.extract()?;
            Ok(NumberColumn::Floats(a.as_array().to_vec()))
        }
        "O" => Ok(NumberColumn::Values(
            arr.try_iter()?
                .map(|x| convert::value(&x?))
                .collect::<PyResult<_>>()?,
        )),
        other => Err(convert::error(
            py,
            Error::new(
                "argument.wrong_type",
                format!("{name} must hold whole numbers, not numpy kind {other:?}"),
            )
            .with_field(name),
        )),
    }
}

/// Owned storage for [`boundary::Numbers`].
pub(crate) enum NumberColumn<'py> {
    /// An int64 numpy array, read in place.
    Numpy(PyReadonlyArray1<'py, i64>),
    Ints(Vec<i64>),
    Floats(Vec<f64>),
    /// A list or an object array: each value checked by the core, per row.
    Values(Vec<Value>),
}

impl NumberColumn<'_> {
    pub(crate) fn view(&self) -> boundary::Numbers<'_> {
        match self {
            NumberColumn::Numpy(a) => boundary::Numbers::Ints(a.as_slice().unwrap_or(&[])),
            NumberColumn::Ints(v) => boundary::Numbers::Ints(v),
            NumberColumn::Floats(v) => boundary::Numbers::Floats(v),
            NumberColumn::Values(v) => boundary::Numbers::Values(v),
        }
    }
}

/// Ends a batch call: raise the first failed row (with `.row`), or return
/// `(values, [(row, error), ...])`.
pub(crate) fn finish_batch<'py>(
    py: Python<'py>,
    values: Bound<'py, PyAny>,
    mut failed: Vec<(usize, Error)>,
    mode: Errors,
) -> PyResult<Bound<'py, PyAny>> {
    failed.sort_by_key(|(row, _)| *row);
    match mode {
        Errors::Raise => match failed.into_iter().next() {
            Some((row, e)) => Err(convert::error(py, e.in_row(row))),
            None => Ok(values),
        },
        Errors::Return => {
            let rows = PyList::empty(py);
            for (row, e) in failed {
                let err = convert::error(py, e.in_row(row));
                rows.append(PyTuple::new(
                    py,
                    [
                        row.into_pyobject(py)?.into_any(),
                        err.value(py).clone().into_any(),
                    ],
                )?)?;
            }
            Ok(PyTuple::new(py, [values, rows.into_any()])?.into_any())
        }
    }
}

/// A working-day calendar: which days count, with China's make-up workdays.
///
/// >>> import datetime, efficiency
/// >>> cal = efficiency.Calendar.china()
/// >>> cal.add_workdays(datetime.date(2026, 9, 28), 20)
/// datetime.date(2026, 10, 30)
/// >>> cal.day_kind("2026-10-10")
/// 'makeup_workday'
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct Calendar {
    pub(crate) inner: core_cal::Calendar,
}

impl Calendar {
    fn date(&self, py: Python<'_>, value: &Bound<'_, PyAny>, name: &str) -> PyResult<NaiveDate> {
        convert::date_in(py, value, name, self.inner.zone())
    }
}

#[pymethods]
impl Calendar {
    /// Mainland China's national calendar (State Council notices 2004–2026), compiled in.
    /// With provisional=True, years after 2026 are answered with weekends only and marked
    /// provisional; otherwise they raise CalendarError (code "calendar.year_not_covered").
    #[staticmethod]
    #[pyo3(signature = (provisional = None))]
    fn china(py: Python<'_>, provisional: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let provisional = convert::flag_or(py, provisional, "provisional", false)?;
        Ok(Calendar {
            inner: core_cal::Calendar::china().with_provisional(provisional),
        })
    }

    /// A calendar from a whole document in the shipped JSON format ("efficiency.calendar/1").
    #[staticmethod]
    #[pyo3(signature = (text, provisional = None))]
    fn from_json(
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        provisional: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let provisional = convert::flag_or(py, provisional, "provisional", false)?;
        let text = crate::convert::text(py, text, "text")?;
        let text = text.as_str();
        let inner = wrap(py, core_cal::Calendar::from_json(text))?;
        Ok(Calendar {
            inner: inner.with_provisional(provisional),
        })
    }

    /// A new calendar with one year added or replaced, from a year entry in the shipped format.
    fn with_year(&self, py: Python<'_>, year_json: &Bound<'_, PyAny>) -> PyResult<Self> {
        let year_json = crate::convert::text(py, year_json, "year_json")?;
        let year_json = year_json.as_str();
        Ok(Calendar {
            inner: wrap(py, self.inner.with_year(year_json))?,
        })
    }

    /// A new calendar with a regional overlay ("efficiency.calendar-overlay/1") laid on top.
    fn with_overlay(&self, py: Python<'_>, overlay_json: &Bound<'_, PyAny>) -> PyResult<Self> {
        let overlay_json = crate::convert::text(py, overlay_json, "overlay_json")?;
        let overlay_json = overlay_json.as_str();
        Ok(Calendar {
            inner: wrap(py, self.inner.with_overlay(overlay_json))?,
        })
    }

    /// The same calendar, provisional (True) or strict (False) for years after its data.
    fn with_provisional(&self, py: Python<'_>, provisional: &Bound<'_, PyAny>) -> PyResult<Self> {
        let provisional = convert::flag_or(py, Some(provisional), "provisional", false)?;
        Ok(Calendar {
            inner: self.inner.with_provisional(provisional),
        })
    }

    /// The national data as JSON in the shipped format.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// (first, last) year with a notice.
    #[getter]
    fn covered_years(&self) -> (i32, i32) {
        self.inner.covered_years()
    }

    /// Whether years after the data are answered provisionally.
    #[getter]
    fn provisional(&self) -> bool {
        self.inner.provisional()
    }

    /// Region codes: the national data's, then each overlay's.
    #[getter]
    fn regions(&self) -> Vec<String> {
        self.inner.regions()
    }

    /// Whether the office is open on `date`.
    fn is_workday(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        let d = self.date(py, date, "date")?;
        wrap(py, self.inner.is_workday(d))
    }

    /// "workday", "rest_day", "holiday" or "makeup_workday".
    fn day_kind(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<&'static str> {
        let d = self.date(py, date, "date")?;
        Ok(wrap(py, self.inner.day_kind(d))?.as_str())
    }

    /// The English name of the holiday period `date` is in, or None.
    fn holiday_name(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
        let d = self.date(py, date, "date")?;
        wrap(py, self.inner.holiday_name(d))
    }

    /// Everything known about `date`, as a dict (kind, holiday names, statutory, provisional, reason).
    fn day_info<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = self.date(py, date, "date")?;
        convert::to_py(py, &wrap(py, self.inner.day_info(d))?)
    }

    /// Whether `date` would be answered provisionally (after the data, provisional calendar).
    fn is_provisional(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.is_provisional(self.date(py, date, "date")?))
    }

    /// n ≥ 1: the n-th workday strictly after `date`; 0: `date`; n < 0: the |n|-th before.
    fn add_workdays(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        n: &Bound<'_, PyAny>,
    ) -> PyResult<NaiveDate> {
        let d = self.date(py, date, "date")?;
        let n = convert::whole(py, n, "n", Whole::Offset)? as i32;
        wrap(py, self.inner.add_workdays(d, n))
    }

    /// The number of workdays x with a < x ≤ b (negative when b < a).
    fn workdays_between(
        &self,
        py: Python<'_>,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
    ) -> PyResult<i32> {
        let (a, b) = (self.date(py, a, "a")?, self.date(py, b, "b")?);
        wrap(py, self.inner.workdays_between(a, b))
    }

    /// The first workday strictly after `date`.
    fn next_workday(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
        let d = self.date(py, date, "date")?;
        wrap(py, self.inner.next_workday(d))
    }

    /// The last workday strictly before `date`.
    fn previous_workday(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
        let d = self.date(py, date, "date")?;
        wrap(py, self.inner.previous_workday(d))
    }

    /// add_workdays with its working shown: a dict with start, workdays, due, provisional and
    /// days (each: date, kind, ordinal or None, reason).
    fn explain_add_workdays<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = self.date(py, date, "date")?;
        let n = convert::whole(py, n, "n", Whole::Offset)? as i32;
        convert::to_py(py, &wrap(py, self.inner.explain_add_workdays(d, n))?)
    }

    /// Vectorised add_workdays over numpy datetime64[D] dates (anything numpy.asarray accepts)
    /// and an int or int array `n`; returns datetime64[D]. NaT stays NaT. Runs without the GIL.
    /// errors="raise" raises on the first failing row (the error has `.row`); errors="return"
    /// returns (values, [(row, error), ...]) with NaT in failed rows.
    #[pyo3(signature = (dates, n, *, errors = "raise"))]
    fn add_workdays_many<'py>(
        &self,
        py: Python<'py>,
        dates: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mode = errors_mode(py, errors)?;
        let (days, failed) = day_column(py, dates, "dates", self.inner.zone())?;
        let n = number_column(py, n, "n")?;
        let (days, n) = (days.as_slice(), n.view());
        // The answer is written straight into the numpy array returned (one allocation).
        let values = PyArray1::<i64>::zeros(py, days.len(), false);
        let failed = {
            let mut out = values.readwrite();
            let out = out.as_slice_mut()?;
            py.detach(|| {
                let failed = failed.into_iter().map(|(row, e)| e.in_row(row)).collect();
                efficiency_core::calendar::add_workdays_batch(&self.inner, days, failed, n, out)
            })
            .map_err(|e| convert::error(py, e))?
        };
        let values = values.call_method1("view", ("datetime64[D]",))?;
        let values = crate::arrow::like_input(py, dates, values)?;
        finish_batch(py, values, rows_of(failed), mode)
    }

    /// Vectorised workdays_between over two date arrays of equal length; returns int64.
    /// NaT in either input gives the int64 minimum (numpy has no integer NaT); errors as in
    /// add_workdays_many.
    #[pyo3(signature = (a, b, *, errors = "raise"))]
    fn workdays_between_many<'py>(
        &self,
        py: Python<'py>,
        a: &Bound<'py, PyAny>,
        b: &Bound<'py, PyAny>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mode = errors_mode(py, errors)?;
        let (a, mut failed) = day_column(py, a, "a", self.inner.zone())?;
        let (b, failed_b) = day_column(py, b, "b", self.inner.zone())?;
        failed.extend(failed_b);
        let (a, b) = (a.as_slice(), b.as_slice());
        let values = PyArray1::<i64>::zeros(py, a.len(), false);
        let failed = {
            let mut out = values.readwrite();
            let out = out.as_slice_mut()?;
            py.detach(|| {
                let failed = failed.into_iter().map(|(row, e)| e.in_row(row)).collect();
                efficiency_core::calendar::workdays_between_batch(&self.inner, a, b, failed, out)
            })
            .map_err(|e| convert::error(py, e))?
        };
        finish_batch(py, values.into_any(), rows_of(failed), mode)
    }

    /// The zone the office's wall-clock times are in, e.g. "+08:00".
    #[getter]
    fn zone(&self) -> String {
        self.inner.zone().to_string()
    }

    fn __repr__(&self) -> String {
        let (first, last) = self.inner.covered_years();
        format!(
            "Calendar(regions={:?}, covered_years=({first}, {last}), provisional={})",
            self.inner.regions(),
            if self.inner.provisional() {
                "True"
            } else {
                "False"
            }
        )
    }
}

/// The native part of the `efficiency` package.
#[pymodule]
fn _efficiency(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Calendar>()?;
    for (name, json) in efficiency_core::DATA {
        m.add(format!("{}_JSON", name.to_uppercase()), *json)?;
    }
    errors::register(m)?;
    m.add(
        "ERROR_CODES",
        efficiency_core::error::CODES
            .iter()
            .map(|(c, _)| *c)
            .collect::<Vec<_>>(),
    )?;
    m.add(
        "CALENDAR_ERROR_CODES",
        core_cal::CalendarError::CODES.to_vec(),
    )?;
    m.add("MISSING_INT", MISSING)?;
    clock::register(m)?;
    case::register(m)?;
    accountability::register(m)?;
    assessment::register(m)?;
    mask::register(m)?;
    guide::register(m)?;
    m.add("__version__", efficiency_core::VERSION)?;
    Ok(())
}

#[cfg(test)]
mod floors {
    /// The binding's ground floor: the converter and the exception classes import no area
    /// module (an area file imports them, never the other way), so no circle runs through them.
    #[test]
    fn the_converter_and_the_errors_name_no_area() {
        for (file, text) in [
            ("convert.rs", include_str!("convert.rs")),
            ("errors.rs", include_str!("errors.rs")),
        ] {
            let upward: Vec<&str> = text
                .match_indices("crate::")
                .map(|(i, _)| {
                    let rest = &text[i + 7..];
                    &rest[..rest
                        .find(|c: char| !c.is_alphanumeric() && c != '_')
                        .unwrap_or(rest.len())]
                })
                .filter(|m| !["errors", "convert"].contains(m))
                .collect();
            assert!(upward.is_empty(), "{file} imports {upward:?}");
        }
    }
}
