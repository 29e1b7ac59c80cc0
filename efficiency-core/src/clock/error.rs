use crate::calendar::CalendarError;

/// Input the clock cannot understand: an impossible event sequence, a malformed limit, or a
/// calendar question it cannot answer. A *fault of a person* (a late extension, a missed
/// deadline) is never an error: it is a [`Finding`](super::Finding).
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{Clock, TimeLimit};
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
/// use efficiency_core::clock::ClockError;
/// let e = clock.resume(t("2026-10-01 09:00")).unwrap_err();
/// assert!(matches!(e, ClockError::InvalidEvent { index: 0, event: "resume", .. }));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ClockError {
    /// The calendar could not answer (e.g. a year without a notice).
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// An event that is impossible in the clock's current state; the clock is unchanged.
    #[error("event {index} ({event}) rejected: {message}")]
    InvalidEvent {
        /// Zero-based position the event would have had in the clock's log.
        index: usize,
        /// The event kind, e.g. `resume`.
        event: &'static str,
        /// Stable reason code, e.g. `clock.resume_without_suspension`.
        code: &'static str,
        /// What is wrong, naming the times involved.
        message: String,
    },
    /// A time limit or policy that makes no sense (e.g. a promised limit longer than the
    /// statutory one, an unknown approver role).
    #[error("invalid {field}: {message}")]
    InvalidLimit {
        /// Stable code, e.g. `clock.promised_exceeds_statutory`.
        code: &'static str,
        /// The field, e.g. `promised` or `items[2].extension.approver`.
        field: String,
        /// What is wrong.
        message: String,
    },
}

impl ClockError {
    /// The stable, machine-readable code of this error.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{Clock, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let mut clock = Clock::new(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20));
    /// assert_eq!(clock.conclude(t("2026-09-01 09:00")).unwrap_err().code(), "clock.before_acceptance");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ClockError::Calendar(e) => e.code(),
            ClockError::InvalidEvent { code, .. } | ClockError::InvalidLimit { code, .. } => code,
        }
    }

    /// Every code the clock itself produces (calendar codes pass through unchanged).
    ///
    /// ```
    /// use efficiency_core::clock::ClockError;
    /// assert!(ClockError::CODES.contains(&"clock.resume_without_suspension"));
    /// ```
    pub const CODES: &'static [&'static str] = &[
        "clock.time_goes_backwards",
        "clock.before_acceptance",
        "clock.already_suspended",
        "clock.resume_without_suspension",
        "clock.after_conclusion",
        "clock.no_pending_extension",
        "clock.already_approved",
        "clock.already_notified",
        "clock.invalid_amount",
        "clock.suspended_at_conclusion",
        "clock.invalid_supplement",
        "clock.promised_exceeds_statutory",
        "clock.unknown_authority",
        "clock.unknown_unit",
        "clock.invalid_office_hours",
        "clock.invalid_item",
        "clock.unknown_procedure",
        "clock.procedure_counts",
        "clock.invalid_time",
        "clock.explanation_too_long",
        "argument.too_large",
    ];

    pub(crate) fn limit(
        code: &'static str,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        ClockError::InvalidLimit {
            code,
            field: field.into(),
            message: message.into(),
        }
    }
}

impl From<crate::limits::TooLarge> for ClockError {
    fn from(e: crate::limits::TooLarge) -> Self {
        ClockError::limit(crate::limits::TooLarge::CODE, "document", e.message())
    }
}

impl From<ClockError> for crate::error::Error {
    fn from(e: ClockError) -> crate::error::Error {
        match e {
            ClockError::Calendar(c) => c.into(),
            ClockError::InvalidEvent { index, .. } => crate::error::Error {
                event_index: Some(u32::try_from(index).unwrap_or(u32::MAX)),
                ..crate::error::Error::new(e.code(), e.to_string())
            },
            ClockError::InvalidLimit { ref field, .. } => crate::error::Error {
                field: Some(field.clone()),
                ..crate::error::Error::new(e.code(), e.to_string())
            },
        }
    }
}
