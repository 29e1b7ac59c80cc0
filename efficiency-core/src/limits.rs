//! The documented resource limits, in one place (README, "Resource limits and hostile input").
//! Each is enforced with a coded error in every language; none depends on the machine.
//! Ground floor: depends on nothing (the areas read their limits from here).
//!
//! ```
//! use efficiency_core::{calendar::Calendar, limits};
//! let huge = " ".repeat(limits::MAX_DOCUMENT_BYTES + 1);
//! let e = Calendar::from_json(&huge).unwrap_err();
//! assert_eq!(e.code(), "argument.too_large");
//! assert!(e.to_string().contains("67108865 bytes"), "{e}");
//! ```

/// The most events one case may have (a documented resource limit; every check per event is
/// constant time, so a case at the limit is judged in well under a second).
pub const MAX_EVENTS_PER_CASE: usize = 100_000;

/// The most days an explanation lists (about ten years): beyond it, asking is an error
/// (`clock.explanation_too_long`, `calendar.explanation_too_long`), never hours of work and
/// gigabytes of days.
pub const MAX_EXPLAINED_DAYS: i64 = 3660;

/// The most units, and the most people, one organisation may have (a documented resource
/// limit; loading is linear in both, whatever the shape of the parent links).
pub const MAX_ORGANISATION_ENTRIES: usize = 1_000_000;

/// The most cases `review::sample_year` generates (the sample is for demonstrations, not load tests).
pub const SAMPLE_YEAR_MAX_CASES: usize = 100_000;

/// The largest document (a calendar, an item catalogue, a rule table, an organisation, a
/// bureau's file, a case log read whole) in bytes: 64 MiB. Case logs larger than this are read
/// as a stream of lines (`Replay`, `CaseStream`), which this limit does not bound.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// The longest line of a case log (one event) in bytes: 1 MiB (`case.line_too_long`).
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// How deep a host argument may nest (lists and mappings inside each other): deeper, or a
/// value that contains itself, is `argument.too_deep` naming where, before any stack runs out.
/// A bureau's documents nest a handful of levels.
pub const MAX_NESTING: usize = 100;

/// A document over [`MAX_DOCUMENT_BYTES`]: each area's error type is made from it, with the
/// code `argument.too_large`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TooLarge {
    /// What the document is (`calendar`, `items`, `organisation.json`, …).
    pub what: String,
    /// Its size in bytes.
    pub bytes: usize,
}

impl TooLarge {
    pub(crate) const CODE: &'static str = "argument.too_large";

    pub(crate) fn message(&self) -> String {
        format!(
            "the {} document is {} bytes; a document may have at most {MAX_DOCUMENT_BYTES} bytes \
             (stream a large case log line by line instead)",
            self.what, self.bytes
        )
    }
}

/// Checks a document's size before it is parsed.
pub(crate) fn document(text: &str, what: &str) -> Result<(), TooLarge> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(TooLarge {
            what: what.to_string(),
            bytes: text.len(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{CaseContext, CaseEvent, Replay};

    /// Every document parser refuses an oversized document with `argument.too_large`, before
    /// reading it; a long case log line is a row error, and the replay goes on.
    #[test]
    fn oversized_documents_and_lines_are_coded_errors() {
        let huge = " ".repeat(MAX_DOCUMENT_BYTES + 1);
        let codes = [
            crate::calendar::Calendar::from_json(&huge)
                .unwrap_err()
                .code(),
            crate::item::ItemCatalog::from_json(&huge)
                .unwrap_err()
                .code(),
            crate::item::ItemCatalog::from_toml(&huge)
                .unwrap_err()
                .code(),
            crate::guide::GuideCatalogue::from_json(&huge)
                .unwrap_err()
                .code,
            crate::org::Organisation::from_json(&huge).unwrap_err().code,
            crate::campaign::CampaignTemplate::from_json(&huge)
                .unwrap_err()
                .code,
            crate::supervision::SupervisionRules::from_json(&huge)
                .unwrap_err()
                .code,
            crate::mask::MaskPolicy::from_json(&huge).unwrap_err().code,
            crate::assessment::AssessmentRules::from_json(&huge)
                .unwrap_err()
                .code,
            crate::assessment::AssessmentRules::from_toml(&huge)
                .unwrap_err()
                .code,
            crate::accountability::AccountabilityRules::from_json(&huge)
                .unwrap_err()
                .code,
            crate::activity::Activity::from_json(&huge)
                .unwrap_err()
                .code,
            crate::case::Roster::from_json(&huge).unwrap_err().code(),
            crate::case::FindingRules::from_json(&huge)
                .unwrap_err()
                .code(),
            crate::case::Case::from_jsonl(&CaseContext::sample(), &huge)
                .unwrap_err()
                .code(),
        ];
        assert!(
            codes.iter().all(|c| *c == "argument.too_large"),
            "{codes:?}"
        );
        let e = crate::bureau::Bureau::from_files(&[("organisation.json", &huge)]).unwrap_err();
        assert_eq!(
            (e.code, e.field.as_deref()),
            ("argument.too_large", Some("organisation.json"))
        );

        let long = format!("{{\"id\":\"{}\"}}", "x".repeat(MAX_LINE_BYTES));
        assert_eq!(
            CaseEvent::parse_line(&long, 3).unwrap_err().code(),
            "case.line_too_long"
        );
        let ctx = CaseContext::sample();
        let mut replay = Replay::new(&ctx, "2026-12-01T00:00:00".parse().unwrap(), None, true);
        replay
            .push_lines(&[
                &long,
                r#"{"id":"e1","case":"A","at":"2026-11-02T09:30:00","actor":"mar01","event":"receive","item":"civil.marriage_registration"}"#,
            ])
            .unwrap();
        replay.finish();
        let errors = replay.take_errors();
        assert_eq!(
            (errors[0].code, errors[0].row),
            ("case.line_too_long", Some(0))
        );
        assert_eq!(replay.take_statuses().len(), 1);
    }
}
