//! Service guides (docs/domain.md §13): the core's `guide` module, converted.

use efficiency_core::boundary::FromArg;
use efficiency_core::guide::{self as core_guide, Lang, RenderFormat};
use pyo3::prelude::*;

use crate::convert::to_py;

/// A published catalogue of service guides (`efficiency.guides/1`): one version, each guide a
/// superset of the service item the clock uses.
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct GuideCatalogue {
    inner: core_guide::GuideCatalogue,
}

#[pymethods]
impl GuideCatalogue {
    /// A catalogue from JSON, checked (codes name the field: `guide.fee_unstated`,
    /// `guide.catch_all_condition`, `clock.promised_exceeds_statutory`, …).
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = crate::convert::text(py, text, "text")?;
        Ok(GuideCatalogue {
            inner: crate::convert::ok(py, core_guide::GuideCatalogue::from_json(&text))?,
        })
    }
    /// The sample bureau's catalogue (`SAMPLE_GUIDES_JSON`).
    #[staticmethod]
    fn sample() -> Self {
        GuideCatalogue {
            inner: core_guide::GuideCatalogue::sample(),
        }
    }
    /// Version.
    #[getter]
    fn version(&self) -> String {
        self.inner.version.clone()
    }
    /// The document publishing it.
    #[getter]
    fn document(&self) -> String {
        self.inner.document.clone()
    }
    /// From when it applies.
    #[getter]
    fn effective_from<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.effective_from)
    }
    /// The guides as dicts (the format's fields).
    #[getter]
    fn guides<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.guides)
    }
    /// The items as the clock uses them (exactly the published limits).
    fn items(&self) -> crate::clock::ItemCatalog {
        crate::clock::ItemCatalog {
            inner: self.inner.items(),
        }
    }
    /// One guide rendered: `format` "html" (default), "markdown" or "json"; `lang` "zh"
    /// (default) or "en".
    #[pyo3(signature = (code, format = None, lang = None))]
    fn render(
        &self,
        py: Python<'_>,
        code: &Bound<'_, PyAny>,
        format: Option<&Bound<'_, PyAny>>,
        lang: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let code = crate::convert::text(py, code, "code")?;
        let format = crate::convert::choice(
            py,
            format,
            "format",
            RenderFormat::Html,
            RenderFormat::from_arg,
        )?;
        let lang = crate::convert::choice(py, lang, "lang", Lang::Zh, Lang::from_arg)?;
        crate::convert::ok(py, self.inner.render(&code, format, lang))
    }
    /// What changed since `previous` (cancelled, adjusted with the fields, new), with this
    /// version's date and document.
    fn diff<'py>(
        &self,
        py: Python<'py>,
        previous: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let previous = crate::convert::class::<GuideCatalogue>(previous, "previous")?;
        to_py(py, &core_guide::diff(&previous.inner, &self.inner))
    }
    /// The streamlining report per unit, then `all` (items, steps, materials, visits, promised
    /// against statutory days), beside `previous`'s numbers when given; an Arrow table of the
    /// flattened rows with `table=True`.
    #[pyo3(signature = (previous = None, *, table = false))]
    fn streamlining<'py>(
        &self,
        py: Python<'py>,
        previous: Option<&Bound<'_, PyAny>>,
        table: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let previous = previous
            .map(|v| crate::convert::class::<GuideCatalogue>(v, "previous"))
            .transpose()?;
        let rows = core_guide::streamlining(&self.inner, previous.as_ref().map(|p| &p.inner));
        if table {
            crate::arrow::table(py, &core_guide::streamlining_flat(&rows))
        } else {
            to_py(py, &rows)
        }
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<GuideCatalogue>()?;
    m.add("SAMPLE_GUIDES_JSON", core_guide::SAMPLE_GUIDES_JSON)?;
    Ok(())
}
