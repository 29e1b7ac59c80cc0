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
