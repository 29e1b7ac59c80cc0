//! One way to report JSON syntax errors everywhere: where (`line L column C`) and what, without
//! serde_json's own position suffix.

/// `(path, message)` for a serde_json error.
pub(crate) fn error_parts(e: &serde_json::Error) -> (String, String) {
    let mut message = e.to_string();
    if let Some(i) = message.rfind(" at line ") {
        message.truncate(i);
    }
    (format!("line {} column {}", e.line(), e.column()), message)
}

/// A TOML document as JSON, TOML's native dates and times turned into the text the JSON forms
/// take (`2027-01-01`, `2027-01-01T09:00:00`), so that a rule file reads the same in TOML with
/// native dates, in TOML with quoted dates, and in JSON.
pub(crate) fn toml_as_json(text: &str) -> Result<serde_json::Value, toml::de::Error> {
    fn convert(v: toml::Value) -> serde_json::Value {
        use serde_json::Value as J;
        match v {
            toml::Value::String(s) => J::String(s),
            toml::Value::Integer(i) => J::from(i),
            toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
            toml::Value::Boolean(b) => J::Bool(b),
            toml::Value::Datetime(d) => J::String(d.to_string()),
            toml::Value::Array(a) => J::Array(a.into_iter().map(convert).collect()),
            toml::Value::Table(t) => {
                J::Object(t.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    let table: toml::Table = text.parse()?;
    Ok(convert(toml::Value::Table(table)))
}
