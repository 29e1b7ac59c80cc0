//! Python bindings of the deadline clock, service items and the batch evaluator.

use chrono::NaiveDateTime;
use efficiency_core::boundary::Whole;
use efficiency_core::clock::{
    self as core_clock, Authority, ClockConfig, ClockError as CoreClockError, ClockOptions,
    TimeUnit, LEVEL_NAMES, OUTCOME_NAMES,
};
use efficiency_core::item::{self, ItemClock};
use numpy::datetime::{units, Datetime};
use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::{convert, errors_mode, finish_batch, number_column, time_column, Calendar};
use efficiency_core::boundary::Value;
use efficiency_core::calendar::MISSING;
use efficiency_core::date::Zone;

fn wrap<T>(py: Python<'_>, r: Result<T, CoreClockError>) -> PyResult<T> {
    convert::ok(py, r)
}

/// A time argument (a `datetime`, aware or naive, a `date`, or text in the one time grammar),
/// read by the core in the shipped calendar's zone (UTC+8).
pub(crate) fn to_time(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    name: &str,
) -> PyResult<NaiveDateTime> {
    convert::time_in(py, value, name, Zone::CHINA)
}

fn amount(py: Python<'_>, value: &Bound<'_, PyAny>, name: &str) -> PyResult<u32> {
    Ok(convert::whole(py, value, name, Whole::Amount)? as u32)
}

/// A time limit: an amount and a unit ("workdays", "natural_days", "work_hours", "on_the_spot", "months"); an on-the-spot limit has no amount (None or 0).
///
/// >>> import efficiency
/// >>> efficiency.TimeLimit.workdays(20)
/// TimeLimit.workdays(20)
/// >>> efficiency.TimeLimit.on_the_spot().unit
/// 'on_the_spot'
#[pyclass(module = "efficiency", frozen, eq, hash, from_py_object)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct TimeLimit {
    pub(crate) inner: core_clock::TimeLimit,
}

#[pymethods]
impl TimeLimit {
    /// `amount` units.
    #[new]
    fn new(py: Python<'_>, amount: &Bound<'_, PyAny>, unit: &Bound<'_, PyAny>) -> PyResult<Self> {
        let (amount, unit) = (convert::value(amount)?, convert::value(unit)?);
        Ok(TimeLimit {
            inner: convert::ok(
                py,
                core_clock::TimeLimit::from_args(&amount, &unit, "amount", "unit"),
            )?,
        })
    }
    /// `n` workdays.
    #[staticmethod]
    fn workdays(py: Python<'_>, n: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(TimeLimit {
            inner: core_clock::TimeLimit::workdays(amount(py, n, "n")?),
        })
    }
    /// `n` natural days.
    #[staticmethod]
    fn natural_days(py: Python<'_>, n: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(TimeLimit {
            inner: core_clock::TimeLimit::natural_days(amount(py, n, "n")?),
        })
    }
    /// `n` office hours.
    #[staticmethod]
    fn work_hours(py: Python<'_>, n: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(TimeLimit {
            inner: core_clock::TimeLimit::work_hours(amount(py, n, "n")?),
        })
    }
    /// `n` months (民法典 Arts. 200–203: to the same day of the month `n` months on).
    #[staticmethod]
    fn months(py: Python<'_>, n: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(TimeLimit {
            inner: core_clock::TimeLimit::months(amount(py, n, "n")?),
        })
    }
    /// On the spot (即办).
    #[staticmethod]
    fn on_the_spot() -> Self {
        TimeLimit {
            inner: core_clock::TimeLimit::on_the_spot(),
        }
    }
    /// No limit: the statute of an item no law gives a period (only its promise binds).
    #[staticmethod]
    fn none() -> Self {
        TimeLimit {
            inner: core_clock::TimeLimit::none(),
        }
    }
    /// The amount.
    #[getter]
    fn amount(&self) -> u32 {
        self.inner.amount
    }
    /// The unit.
    #[getter]
    fn unit(&self) -> &'static str {
        self.inner.unit.as_str()
    }
    fn __repr__(&self) -> String {
        match self.inner.unit {
            TimeUnit::OnTheSpot => "TimeLimit.on_the_spot()".into(),
            u => format!("TimeLimit.{}({})", u.as_str(), self.inner.amount),
        }
    }
    fn __str__(&self) -> String {
        self.inner.to_string()
    }
    /// The data this limit stands for (`{"amount": …, "unit": …}`), read wherever a limit is an
    /// argument.
    fn __efficiency_value__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &self.inner)
    }
}

/// A case's deadline clock (限时办结制).
///
/// >>> import datetime as dt, efficiency
/// >>> cal = efficiency.Calendar.china()
/// >>> clock = efficiency.Clock(cal, dt.datetime(2026, 9, 28, 10), efficiency.TimeLimit.workdays(20),
/// ...                          promised=efficiency.TimeLimit.workdays(10))
/// >>> clock.suspend(dt.datetime(2026, 10, 9, 15), "expert review")
/// >>> clock.resume(dt.datetime(2026, 10, 13, 9))
/// >>> s = clock.status(dt.datetime(2026, 10, 20, 9))
/// >>> s["promised_due"], s["level"]
/// (datetime.datetime(2026, 10, 21, 17, 30), 'reminder')
#[pyclass(module = "efficiency")]
pub(crate) struct Clock {
    inner: ItemClock,
}

impl Clock {
    fn time(
        &self,
        py: Python<'_>,
        value: &Bound<'_, PyAny>,
        name: &str,
    ) -> PyResult<NaiveDateTime> {
        convert::time_in(py, value, name, self.inner.clock().calendar().zone())
    }
}

#[pymethods]
impl Clock {
    /// A clock for a case accepted at `accepted_at` (a naive datetime, the bureau's local time).
    /// By default the promised limit is the statutory one and one extension of up to the
    /// statutory amount (max_extension) may be approved by the agency head.
    #[new]
    #[pyo3(signature = (calendar, accepted_at, statutory, promised = None, extension_approver = None,
                        max_extension = None, max_extensions = None, office_hours = None, day_end = None,
                        reminder_threshold = None, settings = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        calendar: &Bound<'_, PyAny>,
        accepted_at: &Bound<'_, PyAny>,
        statutory: &Bound<'_, PyAny>,
        promised: Option<&Bound<'_, PyAny>>,
        extension_approver: Option<&Bound<'_, PyAny>>,
        max_extension: Option<&Bound<'_, PyAny>>,
        max_extensions: Option<&Bound<'_, PyAny>>,
        office_hours: Option<&Bound<'_, PyAny>>,
        day_end: Option<&Bound<'_, PyAny>>,
        reminder_threshold: Option<&Bound<'_, PyAny>>,
        settings: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let calendar = crate::convert::class::<Calendar>(calendar, "calendar")?;
        let zone = calendar.inner.zone();
        let accepted = convert::time_in(py, accepted_at, "accepted_at", zone)?;
        let statutory = convert::ok(
            py,
            core_clock::TimeLimit::from_value(&convert::value(statutory)?, "statutory"),
        )?;
        // The keyword arguments as one mapping: the core reads them and decides the defaults.
        let named = [
            ("promised", promised),
            ("extension_approver", extension_approver),
            ("max_extension", max_extension),
            ("max_extensions", max_extensions),
            ("office_hours", office_hours),
            ("day_end", day_end),
            ("reminder_threshold", reminder_threshold),
            ("settings", settings),
        ];
        let mut options = Vec::new();
        for (k, v) in named {
            if let Some(v) = v {
                options.push((k.to_string(), convert::value(v)?));
            }
        }
        let options = convert::ok(py, ClockOptions::from_value(&Value::Map(options)))?;
        let clock = convert::ok(
            py,
            options.clock(calendar.inner.clone(), accepted, statutory),
        )?;
        Ok(Clock {
            inner: ItemClock::from(clock),
        })
    }

    /// The application came in incomplete at `received_at`; the one-time supplement notice went
    /// out at `notice_at`. More than 5 workdays between them: the case counts as accepted on
    /// receipt (行政许可法 Art. 32), and that is a finding.
    fn supplement_notice(
        &mut self,
        py: Python<'_>,
        received_at: &Bound<'_, PyAny>,
        notice_at: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let (r, n) = (
            self.time(py, received_at, "received_at")?,
            self.time(py, notice_at, "notice_at")?,
        );
        let clock = self.inner.clock().clone();
        let updated = wrap(py, clock.with_supplement_notice(r, n))?;
        *self.inner.clock_mut() = updated;
        Ok(())
    }

    /// Stops the clock for a special procedure (for a clock made from an item: the procedure's code).
    fn suspend(
        &mut self,
        py: Python<'_>,
        at: &Bound<'_, PyAny>,
        reason: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let reason = crate::convert::text(py, reason, "reason")?;
        let reason = reason.as_str();
        let at = self.time(py, at, "at")?;
        wrap(py, self.inner.suspend(at, reason))
    }
    /// Restarts the clock.
    fn resume(&mut self, py: Python<'_>, at: &Bound<'_, PyAny>) -> PyResult<()> {
        let at = self.time(py, at, "at")?;
        wrap(py, self.inner.clock_mut().resume(at))
    }
    /// Asks for an extension of `amount` in the statutory limit's unit.
    fn request_extension(
        &mut self,
        py: Python<'_>,
        at: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        reason: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let reason = crate::convert::text(py, reason, "reason")?;
        let reason = reason.as_str();
        let at = self.time(py, at, "at")?;
        let amount = self::amount(py, amount, "amount")?;
        wrap(
            py,
            self.inner.clock_mut().request_extension(at, amount, reason),
        )
    }
    /// Approves the open extension request; `approver` is a role such as "agency_head".
    fn approve_extension(
        &mut self,
        py: Python<'_>,
        at: &Bound<'_, PyAny>,
        approver: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let approver = crate::convert::text(py, approver, "approver")?;
        let approver = approver.as_str();
        let at = self.time(py, at, "at")?;
        let approver = wrap(py, approver.parse::<Authority>())?;
        wrap(py, self.inner.clock_mut().approve_extension(at, approver))
    }
    /// Records that the applicant was told of the open extension and its reasons.
    fn notify_applicant(&mut self, py: Python<'_>, at: &Bound<'_, PyAny>) -> PyResult<()> {
        let at = self.time(py, at, "at")?;
        wrap(py, self.inner.clock_mut().notify_applicant(at))
    }
    /// Concludes the case.
    fn conclude(&mut self, py: Python<'_>, at: &Bound<'_, PyAny>) -> PyResult<()> {
        let at = self.time(py, at, "at")?;
        wrap(py, self.inner.clock_mut().conclude(at))
    }

    /// The events so far, as dicts (event, at and the event's own fields).
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &self.inner.clock().events())
    }

    /// Everything derived from the events at `as_of` (later events are ignored): a
    /// `ClockStatus` dict.
    fn status<'py>(
        &self,
        py: Python<'py>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let as_of = self.time(py, as_of, "as_of")?;
        convert::to_py(py, &wrap(py, self.inner.clock().status(as_of))?)
    }

    /// The day-by-day working behind the statutory due at `as_of` (promised=True: the promised
    /// due): a dict with limit, counting_from, due, extended_by, days (date, kind, ordinal,
    /// hours, reason) and text.
    #[pyo3(signature = (as_of, promised = None))]
    fn explain<'py>(
        &self,
        py: Python<'py>,
        as_of: &Bound<'py, PyAny>,
        promised: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let promised = convert::flag_or(py, promised, "promised", false)?;
        let as_of = self.time(py, as_of, "as_of")?;
        convert::to_py(py, &wrap(py, self.inner.clock().explain(as_of, promised))?)
    }

    fn __repr__(&self) -> String {
        format!(
            "Clock(accepted_at={}, events={})",
            self.inner.clock().accepted_at(),
            self.inner.clock().events().len()
        )
    }
}

/// A service item (事项): limits, special procedures and extension policy, as data.
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct ServiceItem {
    inner: item::ServiceItem,
}

#[pymethods]
impl ServiceItem {
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    #[getter]
    fn name_zh(&self) -> &str {
        &self.inner.name_zh
    }
    #[getter]
    fn legal_basis(&self) -> &str {
        &self.inner.legal_basis
    }
    #[getter]
    fn statutory(&self) -> TimeLimit {
        TimeLimit {
            inner: self.inner.statutory,
        }
    }
    #[getter]
    fn promised(&self) -> Option<TimeLimit> {
        self.inner.promised.map(|inner| TimeLimit { inner })
    }
    #[getter]
    fn urgent(&self) -> Option<TimeLimit> {
        self.inner.urgent.map(|inner| TimeLimit { inner })
    }
    /// The item as JSON (one entry of an items file).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    /// A clock for a case of this item; its `suspend` takes a special procedure's code.
    fn clock(
        &self,
        py: Python<'_>,
        calendar: &Bound<'_, PyAny>,
        accepted_at: &Bound<'_, PyAny>,
    ) -> PyResult<Clock> {
        let calendar = crate::convert::class::<Calendar>(calendar, "calendar")?;
        let at = convert::time_in(py, accepted_at, "accepted_at", calendar.inner.zone())?;
        Ok(Clock {
            inner: (wrap(py, self.inner.clock(calendar.inner.clone(), at))?),
        })
    }
    fn __repr__(&self) -> String {
        format!(
            "ServiceItem(code={:?}, statutory={}, promised={:?})",
            self.inner.code,
            self.inner.statutory,
            self.inner.promised.map(|p| p.to_string())
        )
    }
}

/// A set of service items loaded from JSON ("efficiency.items/1"); `templates()` are shipped.
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct ItemCatalog {
    pub(crate) inner: item::ItemCatalog,
}

#[pymethods]
impl ItemCatalog {
    /// The shipped templates (行政许可法 limits and example civil-affairs items).
    #[staticmethod]
    fn templates() -> Self {
        ItemCatalog {
            inner: item::ItemCatalog::templates(),
        }
    }
    /// A catalog from JSON; errors name the item and field.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = crate::convert::text(py, text, "text")?;
        let text = text.as_str();
        Ok(ItemCatalog {
            inner: wrap(py, item::ItemCatalog::from_json(text))?,
        })
    }
    /// A catalog from TOML (`[[items]]` tables with the JSON form's fields).
    #[staticmethod]
    fn from_toml(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = crate::convert::text(py, text, "text")?;
        let text = text.as_str();
        Ok(ItemCatalog {
            inner: wrap(py, item::ItemCatalog::from_toml(text))?,
        })
    }
    /// The item codes.
    #[getter]
    fn codes(&self) -> Vec<String> {
        self.inner.items.iter().map(|i| i.code.clone()).collect()
    }
    /// The item with `code`; KeyError if there is none.
    fn __getitem__(&self, code: &str) -> PyResult<ServiceItem> {
        self.inner
            .get(code)
            .map(|i| ServiceItem { inner: i.clone() })
            .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(code.to_string()))
    }
    fn __len__(&self) -> usize {
        self.inner.items.len()
    }
}

/// A column of unit names (or one name) as boundary values; the core reads each.
fn unit_column(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Vec<Value>> {
    // The common case, a list of names, without a type check per element.
    if value.is_instance_of::<pyo3::types::PyList>() {
        if let Ok(names) = value.extract::<Vec<String>>() {
            return Ok(names.into_iter().map(Value::Str).collect());
        }
    }
    Ok(match convert::value(value)? {
        Value::List(v) => v,
        Value::Other(_) => {
            // A numpy array or another iterable of names.
            let list = py.import("builtins")?.getattr("list")?.call1((value,));
            match list.map(|l| convert::value(&l)) {
                Ok(Ok(Value::List(v))) => v,
                _ => vec![convert::value(value)?],
            }
        }
        one => vec![one],
    })
}

fn seconds_of(micros: Vec<i64>) -> Vec<i64> {
    micros
        .into_iter()
        .map(|m| {
            if m == MISSING {
                MISSING
            } else {
                m.div_euclid(1_000_000)
            }
        })
        .collect()
}

/// Evaluates one simple clock per row (no suspensions or extensions) and releases the GIL.
/// Times are numpy datetime64 (any unit; compared at second precision, local time). Returns a
/// dict of arrays: promised_due and statutory_due (datetime64[s]), remaining (float64),
/// level (int8 codes into LEVELS), outcome (int8 codes into OUTCOMES, -1 while open). A failed
/// or missing row has NaT / NaN / -1. errors="raise" raises the first failed row (`.row`);
/// errors="return" returns (columns, [(row, error), ...]).
#[pyfunction]
#[pyo3(signature = (calendar, accepted_at, amount, unit, as_of, *, statutory_amount = None, concluded_at = None, errors = "raise"))]
#[allow(clippy::too_many_arguments)]
fn evaluate_clocks<'py>(
    py: Python<'py>,
    calendar: &Bound<'_, PyAny>,
    accepted_at: &Bound<'py, PyAny>,
    amount: &Bound<'py, PyAny>,
    unit: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    statutory_amount: Option<&Bound<'py, PyAny>>,
    concluded_at: Option<&Bound<'py, PyAny>>,
    errors: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let calendar = crate::convert::class::<Calendar>(calendar, "calendar")?;
    let mode = errors_mode(py, errors)?;
    let zone = calendar.inner.zone();
    // Times: a column per row, or one value for every row (read strictly: a bad one fails the call).
    let column = |v: &Bound<'py, PyAny>, name: &str| -> PyResult<(Vec<i64>, crate::RowErrors)> {
        if v.hasattr("__len__")? && !v.is_instance_of::<pyo3::types::PyString>() {
            let (micros, failed) = time_column(py, v, name, zone)?;
            return Ok((seconds_of(micros), failed));
        }
        let t = convert::time_in(py, v, name, zone)?;
        Ok((vec![t.and_utc().timestamp()], Vec::new()))
    };
    let (accepted, mut failed) = time_column(py, accepted_at, "accepted_at", zone)?;
    let (as_of, as_of_failed) = column(as_of, "as_of")?;
    failed.extend(as_of_failed);
    let concluded = match concluded_at {
        Some(c) => {
            let (c, f) = column(c, "concluded_at")?;
            failed.extend(f);
            Some(c)
        }
        None => None,
    };
    let amounts = number_column(py, amount, "amount")?;
    let statutory = statutory_amount
        .map(|s| number_column(py, s, "statutory_amount"))
        .transpose()?;
    let units = unit_column(py, unit)?;
    let columns = core_clock::ClockColumns {
        accepted_at: seconds_of(accepted),
        amount: amounts.view(),
        unit: &units,
        as_of,
        statutory_amount: statutory.as_ref().map(|s| s.view()),
        concluded_at: concluded,
        errors: failed.into_iter().map(|(row, e)| e.in_row(row)).collect(),
    };
    let cal = &calendar.inner;
    let (out, failed) = py
        .detach(|| core_clock::evaluate_columns(cal, &ClockConfig::default(), columns))
        .map_err(|e| convert::error(py, e))?;
    let to_dt = |v: Vec<i64>| -> Vec<Datetime<units::Seconds>> {
        v.into_iter().map(Datetime::from).collect()
    };
    let cols = PyDict::new(py);
    cols.set_item(
        "promised_due",
        PyArray1::from_vec(py, to_dt(out.promised_due)),
    )?;
    cols.set_item(
        "statutory_due",
        PyArray1::from_vec(py, to_dt(out.statutory_due)),
    )?;
    cols.set_item("remaining", PyArray1::from_vec(py, out.remaining))?;
    cols.set_item("level", PyArray1::from_vec(py, out.level))?;
    cols.set_item("outcome", PyArray1::from_vec(py, out.outcome))?;
    let failed = failed
        .into_iter()
        .map(|e| (e.row.map_or(0, |r| r as usize), e))
        .collect();
    finish_batch(py, cols.into_any(), failed, mode)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<TimeLimit>()?;
    m.add_class::<Clock>()?;
    m.add_class::<ServiceItem>()?;
    m.add_class::<ItemCatalog>()?;
    m.add_function(wrap_pyfunction!(evaluate_clocks, m)?)?;
    m.add("CLOCK_ERROR_CODES", CoreClockError::CODES.to_vec())?;
    m.add("FINDING_CODES", core_clock::FINDING_CODES.to_vec())?;
    m.add("LEVELS", PyTuple::new(py, LEVEL_NAMES)?)?;
    m.add("OUTCOMES", PyTuple::new(py, OUTCOME_NAMES)?)?;
    Ok(())
}
