//! Python bindings: a thin translation of `efficiency-core`.
//!
//! Each method converts its arguments, calls one core function and converts the result or the
//! error. Nothing is decided here. The Python package `efficiency` (python/efficiency) re-exports
//! this module and adds only Python niceties.

use chrono::NaiveDate;
use efficiency_core::calendar::{
    self as core_cal, CalendarError as CoreCalendarError, DayInfo, MISSING,
};
use efficiency_core::date::parse_date;
use numpy::datetime::{units, Datetime};
use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDict, PyList, PyString, PyTuple};

pyo3::create_exception!(
    efficiency,
    EfficiencyError,
    PyValueError,
    "Base of every error raised by efficiency; `.code` is a stable string such as \"calendar.year_not_covered\"."
);
mod accountability;
mod assessment;
mod case;
mod clock;

pyo3::create_exception!(
    efficiency,
    CalendarError,
    EfficiencyError,
    "A calendar question or calendar data that cannot be answered: `.code` starts with \"calendar.\"."
);

pub(crate) fn calendar_err(py: Python<'_>, e: &CoreCalendarError) -> PyErr {
    let err = CalendarError::new_err(e.to_string());
    // Setting an attribute on a fresh exception instance cannot fail in practice; if it did,
    // the error still carries its message.
    let _ = err.value(py).setattr("code", e.code());
    err
}

fn wrap<T>(py: Python<'_>, r: Result<T, CoreCalendarError>) -> PyResult<T> {
    r.map_err(|e| calendar_err(py, &e))
}

/// A date argument: `datetime.date`, `datetime.datetime` (its date is used) or `"YYYY-MM-DD"`.
pub(crate) fn to_date(py: Python<'_>, value: &Bound<'_, PyAny>, name: &str) -> PyResult<NaiveDate> {
    if let Ok(s) = value.cast::<PyString>() {
        return wrap(py, parse_date(s.to_str()?));
    }
    if value.is_instance_of::<PyDate>() {
        return value.extract::<NaiveDate>();
    }
    Err(PyTypeError::new_err(format!(
        "{name} must be a datetime.date or a 'YYYY-MM-DD' string, not {}",
        value.get_type().name()?
    )))
}

fn day_info_dict<'py>(py: Python<'py>, info: &DayInfo) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("date", info.date)?;
    d.set_item("kind", info.kind.as_str())?;
    d.set_item(
        "holiday_name",
        info.period.as_ref().map(|p| p.name.as_str()),
    )?;
    d.set_item(
        "holiday_name_zh",
        info.period.as_ref().map(|p| p.name_zh.as_str()),
    )?;
    d.set_item("region", info.period.as_ref().map(|p| p.region.as_str()))?;
    d.set_item("statutory", info.statutory)?;
    d.set_item("provisional", info.provisional)?;
    d.set_item("reason", info.describe())?;
    Ok(d)
}

/// How a batch call reports rows that fail: raise on the first, or return them.
pub(crate) enum Errors {
    Raise,
    Return,
}

pub(crate) fn errors_mode(errors: &str) -> PyResult<Errors> {
    match errors {
        "raise" => Ok(Errors::Raise),
        "return" => Ok(Errors::Return),
        other => Err(PyValueError::new_err(format!(
            "errors must be 'raise' or 'return', not {other:?}"
        ))),
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
            PyTypeError::new_err(format!(
                "{name} cannot be read as a numpy {dtype} array: {e}"
            ))
        })?;
    let ndim: usize = arr.getattr("ndim")?.extract()?;
    if ndim > 1 {
        return Err(PyValueError::new_err(format!(
            "{name} must be one-dimensional, got {ndim} dimensions"
        )));
    }
    np.call_method1("atleast_1d", (arr,))
}

fn day_numbers(py: Python<'_>, value: &Bound<'_, PyAny>, name: &str) -> PyResult<Vec<i64>> {
    let arr = as_array(py, value, "datetime64[D]", name)?;
    let arr: PyReadonlyArray1<'_, Datetime<units::Days>> = arr.extract()?;
    Ok(arr.as_array().iter().map(|d| i64::from(*d)).collect())
}

fn integers(py: Python<'_>, value: &Bound<'_, PyAny>, name: &str) -> PyResult<Vec<i64>> {
    if let Ok(n) = value.extract::<i64>() {
        return Ok(vec![n]);
    }
    let arr = as_array(py, value, "int64", name)?;
    let arr: PyReadonlyArray1<'_, i64> = arr.extract()?;
    Ok(arr.as_array().to_vec())
}

/// Ends a batch call: raise the first failed row (with `.row`, and "row N: " before the
/// message), or return `(values, [(row, error), ...])`.
pub(crate) fn finish_batch<'py, E: std::fmt::Display>(
    py: Python<'py>,
    values: Bound<'py, PyAny>,
    failed: &[(usize, E)],
    mode: Errors,
    to_err: impl Fn(Python<'py>, &E) -> PyErr,
) -> PyResult<Bound<'py, PyAny>> {
    match mode {
        Errors::Raise => match failed.first() {
            Some((row, e)) => {
                let err = to_err(py, e);
                let v = err.value(py);
                let _ = v.setattr("row", *row);
                let _ = v.setattr("args", (format!("row {row}: {e}"),));
                Err(err)
            }
            None => Ok(values),
        },
        Errors::Return => {
            let rows = PyList::empty(py);
            for (row, e) in failed {
                let err = to_err(py, e);
                let _ = err.value(py).setattr("row", *row);
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

#[pymethods]
impl Calendar {
    /// Mainland China's national calendar (State Council notices 2004–2026), compiled in.
    /// With provisional=True, years after 2026 are answered with weekends only and marked
    /// provisional; otherwise they raise CalendarError (code "calendar.year_not_covered").
    #[staticmethod]
    #[pyo3(signature = (provisional = false))]
    fn china(provisional: bool) -> Self {
        Calendar {
            inner: core_cal::Calendar::china().with_provisional(provisional),
        }
    }

    /// A calendar from a whole document in the shipped JSON format ("efficiency.calendar/1").
    #[staticmethod]
    #[pyo3(signature = (text, provisional = false))]
    fn from_json(py: Python<'_>, text: &str, provisional: bool) -> PyResult<Self> {
        let inner = wrap(py, core_cal::Calendar::from_json(text))?;
        Ok(Calendar {
            inner: inner.with_provisional(provisional),
        })
    }

    /// A new calendar with one year added or replaced, from a year entry in the shipped format.
    fn with_year(&self, py: Python<'_>, year_json: &str) -> PyResult<Self> {
        Ok(Calendar {
            inner: wrap(py, self.inner.with_year(year_json))?,
        })
    }

    /// A new calendar with a regional overlay ("efficiency.calendar-overlay/1") laid on top.
    fn with_overlay(&self, py: Python<'_>, overlay_json: &str) -> PyResult<Self> {
        Ok(Calendar {
            inner: wrap(py, self.inner.with_overlay(overlay_json))?,
        })
    }

    /// The same calendar, provisional (True) or strict (False) for years after its data.
    fn with_provisional(&self, provisional: bool) -> Self {
        Calendar {
            inner: self.inner.with_provisional(provisional),
        }
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
        let d = to_date(py, date, "date")?;
        wrap(py, self.inner.is_workday(d))
    }

    /// "workday", "rest_day", "holiday" or "makeup_workday".
    fn day_kind(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<&'static str> {
        let d = to_date(py, date, "date")?;
        Ok(wrap(py, self.inner.day_kind(d))?.as_str())
    }

    /// The English name of the holiday period `date` is in, or None.
    fn holiday_name(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
        let d = to_date(py, date, "date")?;
        wrap(py, self.inner.holiday_name(d))
    }

    /// Everything known about `date`, as a dict (kind, holiday names, statutory, provisional, reason).
    fn day_info<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let d = to_date(py, date, "date")?;
        day_info_dict(py, &wrap(py, self.inner.day_info(d))?)
    }

    /// Whether `date` would be answered provisionally (after the data, provisional calendar).
    fn is_provisional(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.is_provisional(to_date(py, date, "date")?))
    }

    /// n ≥ 1: the n-th workday strictly after `date`; 0: `date`; n < 0: the |n|-th before.
    fn add_workdays(&self, py: Python<'_>, date: &Bound<'_, PyAny>, n: i32) -> PyResult<NaiveDate> {
        let d = to_date(py, date, "date")?;
        wrap(py, self.inner.add_workdays(d, n))
    }

    /// The number of workdays x with a < x ≤ b (negative when b < a).
    fn workdays_between(
        &self,
        py: Python<'_>,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
    ) -> PyResult<i32> {
        let (a, b) = (to_date(py, a, "a")?, to_date(py, b, "b")?);
        wrap(py, self.inner.workdays_between(a, b))
    }

    /// The first workday strictly after `date`.
    fn next_workday(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
        let d = to_date(py, date, "date")?;
        wrap(py, self.inner.next_workday(d))
    }

    /// The last workday strictly before `date`.
    fn previous_workday(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
        let d = to_date(py, date, "date")?;
        wrap(py, self.inner.previous_workday(d))
    }

    /// add_workdays with its working shown: a dict with start, workdays, due, provisional and
    /// days (each: date, kind, ordinal or None, reason).
    fn explain_add_workdays<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
        n: i32,
    ) -> PyResult<Bound<'py, PyDict>> {
        let d = to_date(py, date, "date")?;
        let r = wrap(py, self.inner.explain_add_workdays(d, n))?;
        let out = PyDict::new(py);
        out.set_item("start", r.start)?;
        out.set_item("workdays", r.workdays)?;
        out.set_item("due", r.due)?;
        out.set_item("provisional", r.provisional)?;
        let days = PyList::empty(py);
        for day in &r.days {
            let x = PyDict::new(py);
            x.set_item("date", day.date)?;
            x.set_item("kind", day.kind.as_str())?;
            x.set_item("ordinal", day.ordinal)?;
            x.set_item("reason", &day.reason)?;
            days.append(x)?;
        }
        out.set_item("days", days)?;
        out.set_item("text", r.to_string())?;
        Ok(out)
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
        let mode = errors_mode(errors)?;
        let days = day_numbers(py, dates, "dates")?;
        let ns = integers(py, n, "n")?;
        if ns.len() != 1 && ns.len() != days.len() {
            return Err(PyValueError::new_err(format!(
                "n must be an int or have one entry per date: {} dates, {} n",
                days.len(),
                ns.len()
            )));
        }
        let (out, failed) = py.detach(|| {
            let mut out = vec![0i64; days.len()];
            let failed = self.inner.add_workdays_many(&days, &ns, &mut out);
            (out, failed)
        });
        let out: Vec<Datetime<units::Days>> = out.into_iter().map(Datetime::from).collect();
        let values = PyArray1::from_vec(py, out).into_any();
        finish_batch(
            py,
            values,
            &failed
                .into_iter()
                .map(|f| (f.row, f.error))
                .collect::<Vec<_>>(),
            mode,
            |py, e| calendar_err(py, e),
        )
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
        let mode = errors_mode(errors)?;
        let a = day_numbers(py, a, "a")?;
        let b = day_numbers(py, b, "b")?;
        if a.len() != b.len() {
            return Err(PyValueError::new_err(format!(
                "a and b must have the same length: {} and {}",
                a.len(),
                b.len()
            )));
        }
        let (out, failed) = py.detach(|| {
            let mut out = vec![0i64; a.len()];
            let failed = self.inner.workdays_between_many(&a, &b, &mut out);
            (out, failed)
        });
        let values = PyArray1::from_vec(py, out).into_any();
        finish_batch(
            py,
            values,
            &failed
                .into_iter()
                .map(|f| (f.row, f.error))
                .collect::<Vec<_>>(),
            mode,
            |py, e| calendar_err(py, e),
        )
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
    let py = m.py();
    m.add_class::<Calendar>()?;
    m.add("EfficiencyError", py.get_type::<EfficiencyError>())?;
    m.add("CalendarError", py.get_type::<CalendarError>())?;
    m.add(
        "CALENDAR_ERROR_CODES",
        core_cal::CalendarError::CODES.to_vec(),
    )?;
    m.add("MISSING_INT", MISSING)?;
    clock::register(m)?;
    case::register(m)?;
    accountability::register(m)?;
    assessment::register(m)?;
    m.add("CHINA_CALENDAR_JSON", core_cal::CHINA_JSON)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
