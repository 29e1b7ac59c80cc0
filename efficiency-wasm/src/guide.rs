//! Service guides (docs/domain.md §13): the core's `guide` module, converted.

use efficiency_core::boundary::FromArg;
use efficiency_core::guide::{self as core_guide, Lang, RenderFormat};
use wasm_bindgen::prelude::*;

use crate::to_js;

fn wrap<T, E: Into<efficiency_core::error::Error>>(r: Result<T, E>) -> Result<T, JsValue> {
    crate::convert::ok(r)
}

/// A published catalogue of service guides (`efficiency.guides/1`).
#[wasm_bindgen]
pub struct GuideCatalogue {
    inner: crate::class::Shared<core_guide::GuideCatalogue>,
}

crate::class::is_class!(GuideCatalogue, core_guide::GuideCatalogue);

#[wasm_bindgen]
impl GuideCatalogue {
    /// The object's handle in the table of live objects (how class arguments are found).
    #[wasm_bindgen(getter, js_name = "__handle", skip_typescript)]
    pub fn handle(&self) -> u32 {
        self.inner.handle()
    }
    /// A catalogue from JSON, checked (codes name the field).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<GuideCatalogue, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        Ok(GuideCatalogue {
            inner: crate::class::Shared::new(wrap(core_guide::GuideCatalogue::from_json(&text))?),
        })
    }
    /// The sample bureau's catalogue (`dataJson("sample_guides")`).
    pub fn sample() -> GuideCatalogue {
        GuideCatalogue {
            inner: crate::class::Shared::new(core_guide::GuideCatalogue::sample()),
        }
    }
    /// Version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.version.clone()
    }
    /// The document publishing it.
    #[wasm_bindgen(getter)]
    pub fn document(&self) -> String {
        self.inner.document.clone()
    }
    /// From when it applies (`YYYY-MM-DD`).
    #[wasm_bindgen(getter, js_name = effectiveFrom)]
    pub fn effective_from(&self) -> String {
        self.inner.effective_from.to_string()
    }
    /// The guides (the format's fields, camelCased).
    #[wasm_bindgen(getter, unchecked_return_type = "Guide[]")]
    pub fn guides(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.guides)
    }
    /// The items as the clock uses them.
    pub fn items(&self) -> crate::clock::ItemCatalog {
        crate::clock::ItemCatalog {
            inner: crate::class::Shared::new(self.inner.items()),
        }
    }
    /// One guide rendered: `format` "html" (default), "markdown" or "json"; `lang` "zh"
    /// (default) or "en".
    pub fn render(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
        #[wasm_bindgen(unchecked_param_type = "\"html\" | \"markdown\" | \"json\" | undefined")]
        format: JsValue,
        #[wasm_bindgen(unchecked_param_type = "\"zh\" | \"en\" | undefined")] lang: JsValue,
    ) -> Result<String, JsValue> {
        let code = crate::convert::text(&code, "code")?;
        let format = wrap(RenderFormat::from_arg(
            &crate::convert::value(&format),
            "format",
            RenderFormat::Html,
        ))?;
        let lang = wrap(Lang::from_arg(
            &crate::convert::value(&lang),
            "lang",
            Lang::Zh,
        ))?;
        wrap(self.inner.render(&code, format, lang))
    }
    /// What changed since `previous` (cancelled, adjusted with the fields, new).
    #[wasm_bindgen(unchecked_return_type = "CatalogueDiff")]
    pub fn diff(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GuideCatalogue")] previous: JsValue,
    ) -> Result<JsValue, JsValue> {
        let previous = crate::class::class::<GuideCatalogue>(&previous, "previous")?;
        to_js(&core_guide::diff(&previous.inner, &self.inner))
    }
    /// The streamlining report per unit, then `all` (items, steps, materials, visits, promised
    /// against statutory days), beside `previous`'s numbers when given.
    #[wasm_bindgen(unchecked_return_type = "StreamliningRow[]")]
    pub fn streamlining(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "GuideCatalogue")] previous: JsValue,
    ) -> Result<JsValue, JsValue> {
        let previous = crate::class::opt_class::<GuideCatalogue>(&previous, "previous")?;
        to_js(&core_guide::streamlining(
            &self.inner,
            previous.as_ref().map(|p| &*p.inner),
        ))
    }
}
