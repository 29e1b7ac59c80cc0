//! Masking personal data (docs/domain.md §13): the core's `mask` module, converted.

use efficiency_core::mask as core_mask;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::to_js;

fn wrap<T, E: Into<efficiency_core::error::Error>>(r: Result<T, E>) -> Result<T, JsValue> {
    crate::convert::ok(r)
}

/// The masking policy (`efficiency.masking/1`): profiles (`court`, `penalty_publication`,
/// `display`) that say what happens to each kind of personal data.
#[wasm_bindgen]
pub struct MaskPolicy {
    inner: core_mask::MaskPolicy,
}

impl Default for MaskPolicy {
    fn default() -> Self {
        MaskPolicy::new()
    }
}

#[wasm_bindgen]
impl MaskPolicy {
    /// The default policy (`dataJson("masking_rules")`).
    #[wasm_bindgen(constructor)]
    pub fn new() -> MaskPolicy {
        MaskPolicy {
            inner: core_mask::MaskPolicy::default(),
        }
    }

    /// A bureau's own policy, from JSON.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<MaskPolicy, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        Ok(MaskPolicy {
            inner: wrap(core_mask::MaskPolicy::from_json(&text))?,
        })
    }

    /// The profiles' names.
    #[wasm_bindgen(getter)]
    pub fn profiles(&self) -> Vec<String> {
        self.inner.profiles.keys().cloned().collect()
    }

    /// `text` with its personal data masked under `profile`: the masked `text`, the `profile`
    /// and `masks` (kind, start, end in code points, action; never the original).
    #[wasm_bindgen(js_name = maskText, unchecked_return_type = "MaskedText")]
    pub fn mask_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] profile: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        let profile = crate::convert::text(&profile, "profile")?;
        to_js(&wrap(core_mask::mask_text(&text, &self.inner, &profile))?)
    }

    /// A record masked for publication under `profile`: `fields` is an array of
    /// `{field, kind, value}` (kind: a personal-data kind, `official`, `text` or `other`).
    #[wasm_bindgen(js_name = maskRecord, unchecked_return_type = "MaskedRecord")]
    pub fn mask_record(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RecordField[]")] fields: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] profile: JsValue,
    ) -> Result<JsValue, JsValue> {
        let fields: Vec<core_mask::RecordField> =
            wrap(crate::convert::value(&fields).deserialize(
                "fields",
                efficiency_core::date::Zone::CHINA,
                "mask.invalid_record",
            ))?;
        let profile = crate::convert::text(&profile, "profile")?;
        to_js(&wrap(core_mask::mask_record(
            &fields,
            &self.inner,
            &profile,
        ))?)
    }
}

/// Every span of personal data in `text` (ID numbers, bank cards, mobiles, landlines, plates,
/// e-mails): `{kind, start, end}` in code points, end exclusive.
#[wasm_bindgen(js_name = findPersonalData, unchecked_return_type = "Span[]")]
pub fn find_personal_data(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = crate::convert::text(&text, "text")?;
    to_js(&core_mask::find_personal_data(&text))
}

/// An error as a result carries it (`{code, message, field, line, row, event}`, as a board's
/// rows not judged) or a thrown error, as a sentence for a bureau's staff in `lang` ("zh", the
/// default, or "en").
#[wasm_bindgen(js_name = errorText)]
pub fn error_text(
    #[wasm_bindgen(unchecked_param_type = "ErrorData | EfficiencyError")] error: JsValue,
    #[wasm_bindgen(unchecked_param_type = "\"zh\" | \"en\" | undefined")] lang: JsValue,
) -> Result<String, JsValue> {
    use efficiency_core::boundary::Value;
    let mut value = crate::convert::value(&error);
    // A thrown Error keeps its message in a property no enumeration sees: read it as a field.
    if let (Some(e), Value::Map(fields)) = (error.dyn_ref::<js_sys::Error>(), &mut value) {
        fields.retain(|(k, _)| k != "message");
        fields.push(("message".into(), Value::Str(String::from(e.message()))));
    }
    wrap(efficiency_core::boundary::error_text_of(
        &value,
        &crate::convert::value(&lang),
    ))
}
