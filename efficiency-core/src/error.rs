//! The one error model every language sees.
//!
//! Each area keeps its own typed error for Rust users ([`CalendarError`], [`ClockError`],
//! [`CaseError`], [`OrgError`], [`TimeError`]); at the boundary every one of them becomes an
//! [`Error`]: a stable `code` from [`CODES`], a message that names the field, the event, the date
//! or the year, and the structured parts (`field`, `row`, `line`, `event`, `event_index`) when
//! they are known. A lower layer's code passes through unchanged: a calendar gap met while
//! judging a complaint is `calendar.year_not_covered` there too.
//!
//! The bindings turn an [`Error`] into a Python exception (a subclass of `EfficiencyError`
//! chosen by the code's area, with the same attributes) or a JS `Error` (with `code` and the
//! same properties in camelCase); they never build one themselves.

use std::fmt;

use serde::Serialize;

use crate::date::TimeError;

/// An error as it crosses into Python or JS (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Error {
    /// Stable code from [`CODES`], e.g. `argument.not_whole`.
    pub code: &'static str,
    /// What is wrong, naming the argument, field, event, date or year.
    pub message: String,
    /// The argument or the document path the error is about (`n`, `units[3].head`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The 0-based row of a batch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// The 1-based line of a JSON Lines input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The id of the case event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// The 0-based position of a clock event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_index: Option<u32>,
}

impl Error {
    /// An error with a code and a message and nothing else known.
    pub fn new(code: &'static str, message: impl Into<String>) -> Error {
        Error {
            code,
            message: message.into(),
            field: None,
            row: None,
            line: None,
            event: None,
            event_index: None,
        }
    }

    /// The same error, about `field`.
    pub fn with_field(mut self, field: impl Into<String>) -> Error {
        self.field = Some(field.into());
        self
    }

    /// The same error, in batch row `row` (the message is prefixed with `row N: `).
    pub fn in_row(mut self, row: usize) -> Error {
        if self.row.is_none() {
            self.row = Some(u32::try_from(row).unwrap_or(u32::MAX));
            self.message = format!("row {row}: {}", self.message);
        }
        self
    }

    /// The area of the code: the part before the first dot (`calendar`, `argument`, …).
    pub fn area(&self) -> &'static str {
        self.code.split('.').next().unwrap_or(self.code)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<TimeError> for Error {
    fn from(e: TimeError) -> Error {
        Error::new(e.code(), e.to_string())
    }
}

/// Every error code, with what it means. Codes are stable: a code is never renamed or reused
/// (see the version policy); tests check that every error raised anywhere carries one of them.
pub const CODES: &[(&str, &str)] = &[
    // Arguments, as any language passes them.
    (
        "argument.wrong_type",
        "an argument of the wrong type (a number where text was expected, …)",
    ),
    (
        "argument.missing",
        "a required argument or field is missing (null, None, undefined)",
    ),
    (
        "argument.not_whole",
        "a count, amount, year or seed that is fractional, NaN or infinite",
    ),
    (
        "argument.out_of_range",
        "a whole number outside the range the argument allows",
    ),
    (
        "argument.invalid_choice",
        "a name that is not one of the allowed choices",
    ),
    (
        "argument.length_mismatch",
        "batch columns of different lengths",
    ),
    (
        "argument.invalid",
        "an argument that cannot be used, for the reason given",
    ),
    (
        "argument.too_deep",
        "an argument nested deeper than limits::MAX_NESTING (100) levels, or containing itself",
    ),
    (
        "argument.too_large",
        "a document over the size limit (limits::MAX_DOCUMENT_BYTES, 64 MiB)",
    ),
    // Dates, times and the calendar.
    ("calendar.invalid_date", "not a real YYYY-MM-DD date"),
    (
        "calendar.year_not_covered",
        "a date in a year without holiday data",
    ),
    (
        "calendar.invalid_argument",
        "a calendar argument out of range",
    ),
    ("calendar.out_of_range", "a result outside years 1-9999"),
    (
        "calendar.explanation_too_long",
        "an explanation that would list more days than the documented maximum (MAX_EXPLAINED_DAYS)",
    ),
    (
        "calendar.invalid_data",
        "calendar or overlay data that is malformed or contradicts itself",
    ),
    (
        "calendar.overlay_conflict",
        "an overlay that contradicts the national data",
    ),
    // The clock and items.
    (
        "clock.invalid_time",
        "not a time YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±HH:MM]",
    ),
    (
        "clock.explanation_too_long",
        "an explanation that would list more days than the documented maximum (MAX_EXPLAINED_DAYS)",
    ),
    (
        "clock.time_goes_backwards",
        "a clock event earlier than the one before",
    ),
    (
        "clock.before_acceptance",
        "a clock event before the acceptance",
    ),
    ("clock.already_suspended", "a suspension while suspended"),
    (
        "clock.resume_without_suspension",
        "a resumption without a suspension",
    ),
    (
        "clock.after_conclusion",
        "a clock event after the conclusion",
    ),
    (
        "clock.no_pending_extension",
        "an extension approval or notice without a request",
    ),
    (
        "clock.already_approved",
        "a second approval of one extension",
    ),
    ("clock.already_notified", "a second notice of one extension"),
    (
        "clock.invalid_amount",
        "an amount that makes no sense for its unit",
    ),
    (
        "clock.suspended_at_conclusion",
        "a conclusion while suspended",
    ),
    (
        "clock.invalid_supplement",
        "a supplement notice that is impossible",
    ),
    (
        "clock.promised_exceeds_statutory",
        "a promised limit longer than the statutory one",
    ),
    (
        "clock.no_limit",
        "no limit (\"none\") where a period is needed: a promise, or a statute without a promise",
    ),
    (
        "clock.unknown_authority",
        "an approver role that does not exist",
    ),
    ("clock.unknown_unit", "a time unit that does not exist"),
    // A bureau's message catalogue (messages).
    (
        "messages.syntax",
        "a message file that is not valid Fluent (names the file and the line)",
    ),
    (
        "messages.unknown_code",
        "a message for a code the catalogue does not have",
    ),
    (
        "messages.unknown_argument",
        "a message naming an argument its code does not give",
    ),
    (
        "clock.invalid_office_hours",
        "office hours that overlap or are out of order",
    ),
    (
        "clock.invalid_settings",
        "a bureau's settings document (settings.json) that cannot be used; the field is named",
    ),
    (
        "clock.invalid_item",
        "a service item or catalogue that is malformed",
    ),
    (
        "clock.unknown_procedure",
        "a special procedure the item does not list",
    ),
    (
        "clock.procedure_counts",
        "a special procedure whose time counts toward the limit",
    ),
    // Cases.
    ("case.malformed_line", "a JSON Lines row that is not JSON"),
    (
        "case.invalid_event",
        "an event with missing or wrong fields",
    ),
    (
        "case.duplicate_event_id",
        "an event id seen before in the case",
    ),
    (
        "case.time_goes_backwards",
        "an event earlier than the one before",
    ),
    ("case.wrong_case", "an event of another case"),
    ("case.unknown_actor", "an actor the roster does not have"),
    ("case.unknown_item", "an item the catalogue does not have"),
    ("case.unknown_step", "a step the item does not have"),
    ("case.step_already_started", "a step started twice"),
    ("case.step_not_started", "a step finished before it started"),
    (
        "case.impossible_transition",
        "an event impossible at the case's stage",
    ),
    ("case.not_referred", "a reply without a referral"),
    ("case.unsorted_input", "rows not sorted by case id"),
    ("case.invalid_rules", "finding rules that are malformed"),
    (
        "case.too_many_events",
        "a case with more events than MAX_EVENTS_PER_CASE (100,000)",
    ),
    (
        "case.line_too_long",
        "a case log line (one event) over limits::MAX_LINE_BYTES (1 MiB)",
    ),
    // The organisation.
    (
        "org.invalid_json",
        "organisation data that is not JSON of the format",
    ),
    ("org.wrong_format", "a document of another format"),
    ("org.empty_id", "an empty id"),
    ("org.duplicate_id", "two people or units with one id"),
    (
        "org.unknown_person",
        "a person the organisation does not have",
    ),
    ("org.unknown_unit", "a unit the organisation does not have"),
    (
        "org.not_principal",
        "the principal leader named is not in that position",
    ),
    ("org.second_principal", "a second principal leader"),
    ("org.missing_unit", "staff or a unit head without a unit"),
    (
        "org.person_in_window",
        "a person placed in a window instead of its unit",
    ),
    ("org.missing_head", "a unit without a head"),
    (
        "org.missing_supervising_leader",
        "a unit without a supervising leader",
    ),
    (
        "org.wrong_position",
        "a person in a role their position does not allow",
    ),
    (
        "org.missing_parent",
        "a window without the unit it belongs to",
    ),
    (
        "org.window_head_elsewhere",
        "a window headed by someone from another unit",
    ),
    ("org.incompatible_positions", "one person heading two units"),
    ("org.cycle", "units whose parents form a cycle"),
    (
        "org.too_large",
        "an organisation with more units or people than MAX_ORGANISATION_ENTRIES (1,000,000)",
    ),
    // Rule tables and activity.
    (
        "accountability.invalid_rules",
        "accountability rules that are malformed",
    ),
    (
        "accountability.invalid_fault",
        "a fault that cannot be judged (unknown code, unit, …)",
    ),
    (
        "activity.invalid",
        "conduct, complaint or rating data that is malformed",
    ),
    (
        "assessment.invalid_rules",
        "assessment rules that are malformed",
    ),
    (
        "assessment.invalid_input",
        "scoring input that is malformed",
    ),
    ("campaign.invalid_plan", "a campaign plan that is malformed"),
    (
        "campaign.invalid_input",
        "submissions or forms that are malformed",
    ),
    ("review.invalid", "a review request that cannot be met"),
    (
        "mask.invalid_policy",
        "a masking policy that does not load (format, marker, profiles)",
    ),
    (
        "mask.unknown_profile",
        "a masking profile the policy does not have",
    ),
    (
        "mask.invalid_record",
        "a record field whose kind is not a personal-data kind, official, text or other",
    ),
    (
        "supervision.invalid_rules",
        "supervision rules that do not load (format, convention, share)",
    ),
    (
        "supervision.invalid_action",
        "an action on a supervision card that names no card, comes before it or lacks a remark",
    ),    (
        "supervision.unknown_card",
        "a card id the cases do not have at the moment asked",
    ),
    (
        "guide.invalid",
        "a service-guide catalogue that does not load (format, a required field empty, a duplicate)",
    ),
    (
        "guide.invalid_code",
        "an item's catalogue code the code scheme refuses",
    ),
    (
        "guide.fee_unstated",
        "fees neither stated as free nor listed",
    ),
    (
        "guide.fee_basis_missing",
        "a fee without its standard or its basis",
    ),
    (
        "guide.catch_all_condition",
        "a catch-all condition (其他条件) in a guide",
    ),
    (
        "guide.catch_all_material",
        "a guide material that is a catch-all (其他材料…): every material is named once",
    ),
    (
        "guide.special_procedure_time_missing",
        "a published special procedure that does not state its time",
    ),
    ("guide.unknown_item", "an item code the catalogue does not have"),
    // The report.
    (
        "report.workbook",
        "a workbook that cannot be written (a sheet over Excel's limits)",
    ),
];

/// Whether `code` is in [`CODES`].
pub fn is_known_code(code: &str) -> bool {
    CODES.iter().any(|(c, _)| *c == code)
}

impl From<crate::limits::TooLarge> for Error {
    fn from(e: crate::limits::TooLarge) -> Self {
        Error::new(crate::limits::TooLarge::CODE, e.message()).with_field(e.what)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::CalendarError;
    use crate::case::CaseError;
    use crate::clock::ClockError;
    use crate::org::OrgError;

    #[test]
    fn every_typed_code_is_published() {
        for code in CalendarError::CODES
            .iter()
            .chain(ClockError::CODES)
            .chain(CaseError::CODES)
            .chain(OrgError::CODES)
        {
            assert!(is_known_code(code), "{code} missing from error::CODES");
        }
        let mut seen = std::collections::BTreeSet::new();
        for (c, _) in CODES {
            assert!(seen.insert(c), "{c} listed twice");
        }
    }
}
