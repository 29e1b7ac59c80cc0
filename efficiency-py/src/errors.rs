//! The exception classes, in one module every area file imports (none defines its own): a
//! class per error area under `EfficiencyError(ValueError)`, and the one function that turns a
//! core [`Error`] into the exception of its area with its attributes.

use efficiency_core::error::Error;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

pyo3::create_exception!(
    efficiency,
    EfficiencyError,
    PyValueError,
    "Base of every error raised by efficiency; `.code` is a stable string such as \"calendar.year_not_covered\"."
);
pyo3::create_exception!(
    efficiency,
    ArgumentError,
    EfficiencyError,
    "An argument that cannot be used: `.code` starts with \"argument.\" and `.field` names it."
);

pyo3::create_exception!(
    efficiency,
    CalendarError,
    EfficiencyError,
    "A calendar question or calendar data that cannot be answered: `.code` starts with \"calendar.\"."
);

pyo3::create_exception!(
    efficiency,
    ClockError,
    EfficiencyError,
    "An impossible clock event, a malformed limit or item: `.code` starts with \"clock.\" (calendar codes pass through)."
);

pyo3::create_exception!(
    efficiency,
    CaseError,
    EfficiencyError,
    "A case-log line that cannot be taken: `.code` (e.g. \"case.unknown_actor\"), `.line` and `.event` name it."
);

pyo3::create_exception!(
    efficiency,
    OrganisationError,
    EfficiencyError,
    "An organisation that cannot be used (codes org.*): the message names the field and id."
);

pyo3::create_exception!(
    efficiency,
    RulesError,
    EfficiencyError,
    "A rule table, plan, activity record or review request that cannot be used (codes accountability.*, activity.*, assessment.*, campaign.*, review.*): the message names the field."
);

static ARGUMENT_TYPE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `ArgumentTypeError(ArgumentError, TypeError)`: a value of the wrong Python type.
pub(crate) fn argument_type_error(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    ARGUMENT_TYPE_ERROR
        .get_or_try_init(py, || {
            let bases = PyTuple::new(
                py,
                [
                    py.get_type::<ArgumentError>().into_any(),
                    py.get_type::<PyTypeError>().into_any(),
                ],
            )?;
            let ns = PyDict::new(py);
            ns.set_item("__module__", "efficiency")?;
            ns.set_item(
                "__doc__",
                "An argument of the wrong type: an ArgumentError and a TypeError (`.code` is \"argument.wrong_type\").",
            )?;
            let t = py
                .import("builtins")?
                .getattr("type")?
                .call1(("ArgumentTypeError", bases, ns))?;
            Ok::<_, PyErr>(t.cast_into::<PyType>()?.unbind())
        })
        .map(|t| t.bind(py))
}

/// The exception for a core error: the class by the code's area, with `.code`, `.text` (the
/// error as a Chinese sentence for a bureau's staff), `.field`, `.row`, `.line`, `.event` and
/// `.event_index` set (None when not known).
pub(crate) fn error(py: Python<'_>, e: impl Into<Error>) -> PyErr {
    let e: Error = e.into();
    let class: Bound<'_, PyType> = match (e.area(), e.code) {
        (_, "argument.wrong_type") => match argument_type_error(py) {
            Ok(t) => t.clone(),
            Err(err) => return err,
        },
        ("argument", _) => py.get_type::<ArgumentError>(),
        ("calendar", _) => py.get_type::<CalendarError>(),
        ("clock", _) => py.get_type::<ClockError>(),
        ("case", _) => py.get_type::<CaseError>(),
        ("org", _) => py.get_type::<OrganisationError>(),
        _ => py.get_type::<RulesError>(),
    };
    let err = match class.call1((e.message.clone(),)) {
        Ok(v) => PyErr::from_value(v),
        Err(err) => return err,
    };
    let v = err.value(py);
    // Setting attributes on a fresh exception instance cannot fail in practice.
    let _ = v.setattr("code", e.code);
    let _ = v.setattr(
        "text",
        efficiency_core::messages::Messages::shipped()
            .error_text(efficiency_core::messages::Lang::Zh, &e),
    );
    let _ = v.setattr("field", e.field.clone());
    let _ = v.setattr("path", e.field);
    let _ = v.setattr("row", e.row);
    let _ = v.setattr("line", e.line);
    let _ = v.setattr("event", e.event);
    let _ = v.setattr("event_index", e.event_index);
    err
}

/// Adds the exception classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("EfficiencyError", py.get_type::<EfficiencyError>())?;
    m.add("ArgumentError", py.get_type::<ArgumentError>())?;
    m.add("ArgumentTypeError", argument_type_error(py)?)?;
    m.add("CalendarError", py.get_type::<CalendarError>())?;
    m.add("ClockError", py.get_type::<ClockError>())?;
    m.add("CaseError", py.get_type::<CaseError>())?;
    m.add("OrganisationError", py.get_type::<OrganisationError>())?;
    m.add("RulesError", py.get_type::<RulesError>())?;
    Ok(())
}
