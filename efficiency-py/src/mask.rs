//! Masking personal data (docs/domain.md §13): the core's `mask` module, converted.

use efficiency_core::mask as core_mask;
use pyo3::prelude::*;

use crate::convert::to_py;

/// The masking policy (`efficiency.masking/1`): profiles (`court`, `penalty_publication`,
/// `display`) that say what happens to each kind of personal data.
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct MaskPolicy {
    inner: core_mask::MaskPolicy,
}

#[pymethods]
impl MaskPolicy {
    /// The default policy (`MASKING_RULES_JSON`).
    #[new]
    fn new() -> Self {
        MaskPolicy {
            inner: core_mask::MaskPolicy::default(),
        }
    }

    /// A bureau's own policy, from JSON.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = crate::convert::text(py, text, "text")?;
        Ok(MaskPolicy {
            inner: crate::convert::ok(py, core_mask::MaskPolicy::from_json(&text))?,
        })
    }

    /// The profiles' names.
    #[getter]
    fn profiles(&self) -> Vec<String> {
        self.inner.profiles.keys().cloned().collect()
    }

    /// `text` with its personal data masked under `profile`: a dict with the masked `text`, the
    /// `profile` and `masks` (kind, start, end in characters, action; never the original).
    fn mask_text<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        profile: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = crate::convert::text(py, text, "text")?;
        let profile = crate::convert::text(py, profile, "profile")?;
        let m = crate::convert::ok(py, core_mask::mask_text(&text, &self.inner, &profile))?;
        to_py(py, &m)
    }

    /// A record masked for publication under `profile`: `fields` is a list of dicts with
    /// `field`, `kind` (a personal-data kind, `official`, `text` or `other`) and `value`.
    fn mask_record<'py>(
        &self,
        py: Python<'py>,
        fields: &Bound<'py, PyAny>,
        profile: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let fields: Vec<core_mask::RecordField> =
            crate::convert::from_py(py, fields, "fields", "mask.invalid_record")?;
        let profile = crate::convert::text(py, profile, "profile")?;
        let m = crate::convert::ok(py, core_mask::mask_record(&fields, &self.inner, &profile))?;
        to_py(py, &m)
    }
}

/// Every span of personal data in `text` (ID numbers, bank cards, mobiles, landlines, plates,
/// e-mails): dicts with kind, start and end (character offsets, end exclusive).
#[pyfunction]
fn find_personal_data<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = crate::convert::text(py, text, "text")?;
    to_py(py, &core_mask::find_personal_data(&text))
}

/// An error as a result carries it (a dict with `code`, `message`, `field`, `line`, `row`,
/// `event`, as a board's rows not judged) or an `EfficiencyError` as a sentence for a bureau's
/// staff in `lang` ("zh", the default, or "en").
#[pyfunction]
#[pyo3(signature = (error, lang = None))]
fn error_text(
    py: Python<'_>,
    error: &Bound<'_, PyAny>,
    lang: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    use crate::convert::value;
    // A raised error is read through its attributes, as a dict would give them.
    let error = if error.is_instance_of::<pyo3::exceptions::PyBaseException>() {
        let d = pyo3::types::PyDict::new(py);
        for k in ["code", "field", "line", "row", "event"] {
            d.set_item(k, error.getattr(k).ok())?;
        }
        d.set_item("message", error.str()?)?;
        d.into_any()
    } else {
        error.clone()
    };
    let lang = match lang {
        Some(l) => value(l)?,
        None => efficiency_core::boundary::Value::Null,
    };
    crate::convert::ok(
        py,
        efficiency_core::boundary::error_text_of(&value(&error)?, &lang),
    )
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<MaskPolicy>()?;
    m.add_function(wrap_pyfunction!(find_personal_data, m)?)?;
    m.add_function(wrap_pyfunction!(error_text, m)?)?;
    m.add("MASKING_RULES_JSON", core_mask::MASKING_RULES_JSON)?;
    Ok(())
}
