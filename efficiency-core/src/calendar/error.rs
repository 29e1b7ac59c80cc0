use chrono::NaiveDate;

/// Everything that can go wrong with a calendar question or calendar data.
///
/// Each variant has a stable [`code`](CalendarError::code) that Python (`.code`) and JS
/// (`error.code`) see unchanged, and a message that names the date, the year or the field.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::date::parse_date;
/// let cal = Calendar::china();
/// use efficiency_core::calendar::CalendarError;
/// let e = cal.add_workdays(parse_date("2031-01-02")?, 1).unwrap_err();
/// assert!(matches!(e, CalendarError::YearNotCovered { year: 2031, .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// A date string that is not a real `YYYY-MM-DD` date.
    #[error("{input:?} is not a valid date; expected YYYY-MM-DD, e.g. 2026-09-28")]
    InvalidDate {
        /// The text as given (at most 40 characters of it).
        input: String,
    },
    /// A question needs a year for which the calendar has no holiday notice.
    #[error("{}", year_not_covered_message(*.year, *.date, *.first, *.last, *.provisional_allowed))]
    YearNotCovered {
        /// The year without data.
        year: i32,
        /// The date asked about, when there is one.
        date: Option<NaiveDate>,
        /// First covered year.
        first: i32,
        /// Last covered year.
        last: i32,
        /// Whether a provisional calendar would answer (the year is after the covered range).
        provisional_allowed: bool,
    },
    /// An argument of the wrong type or range, as the bindings receive it (e.g. a JS number
    /// that is not an integer).
    #[error("invalid argument {argument}: {message}")]
    InvalidArgument {
        /// The argument's name.
        argument: String,
        /// What is wrong with it.
        message: String,
    },
    /// An explanation that would list more days than [`crate::limits::MAX_EXPLAINED_DAYS`].
    #[error("{operation} would list {days} days; an explanation covers at most {max}")]
    TooLong {
        /// The question, with its arguments.
        operation: String,
        /// Days it would list.
        days: i64,
        /// The maximum.
        max: i64,
    },
    /// A document larger than [`crate::limits::MAX_DOCUMENT_BYTES`] (`argument.too_large`).
    #[error("{message}")]
    TooLarge {
        /// What is wrong, with the size and the limit.
        message: String,
    },
    /// A result would fall outside the dates this library can represent (years 1–9999).
    #[error("{operation} leaves the supported date range (years 1-9999)")]
    OutOfRange {
        /// The operation, with its arguments.
        operation: String,
    },
    /// Calendar or overlay data that is malformed or contradicts itself.
    #[error("invalid calendar data at {path}: {message}")]
    InvalidData {
        /// Where in the document: `years[3].periods[1].from`, or `line 4 column 9`.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// An overlay that contradicts the calendar it is laid on.
    #[error("overlay conflict on {date} at {path}: {message}")]
    OverlayConflict {
        /// The contested date.
        date: NaiveDate,
        /// Where in the overlay document.
        path: String,
        /// What the two sources say.
        message: String,
    },
}

fn year_not_covered_message(
    year: i32,
    date: Option<NaiveDate>,
    first: i32,
    last: i32,
    provisional_allowed: bool,
) -> String {
    let what = match date {
        Some(d) => format!("{d} is in {year}"),
        None => format!("the answer needs {year}"),
    };
    let hint = if provisional_allowed {
        format!("; load the {year} notice (with_year) or use a provisional calendar")
    } else {
        String::new()
    };
    format!("no holiday data for {year}: {what}, and this calendar covers {first}-{last}{hint}")
}

impl CalendarError {
    /// The stable, machine-readable code of this error, e.g. `"calendar.year_not_covered"`.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::date::parse_date;
    /// let cal = Calendar::china();
    /// assert_eq!(cal.day_kind(parse_date("2003-06-01")?).unwrap_err().code(), "calendar.year_not_covered");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CalendarError::InvalidDate { .. } => "calendar.invalid_date",
            CalendarError::YearNotCovered { .. } => "calendar.year_not_covered",
            CalendarError::InvalidArgument { .. } => "calendar.invalid_argument",
            CalendarError::OutOfRange { .. } => "calendar.out_of_range",
            CalendarError::InvalidData { .. } => "calendar.invalid_data",
            CalendarError::OverlayConflict { .. } => "calendar.overlay_conflict",
            CalendarError::TooLong { .. } => "calendar.explanation_too_long",
            CalendarError::TooLarge { .. } => crate::limits::TooLarge::CODE,
        }
    }

    /// Every code this type can produce, for documentation and for binding tests.
    ///
    /// ```
    /// use efficiency_core::calendar::CalendarError;
    /// assert!(CalendarError::CODES.contains(&"calendar.invalid_date"));
    /// assert!(CalendarError::CODES.contains(&"calendar.year_not_covered"));
    /// ```
    pub const CODES: &'static [&'static str] = &[
        "calendar.invalid_date",
        "calendar.year_not_covered",
        "calendar.invalid_argument",
        "calendar.out_of_range",
        "calendar.invalid_data",
        "calendar.overlay_conflict",
        "calendar.explanation_too_long",
        "argument.too_large",
    ];

    pub(crate) fn data(path: impl Into<String>, message: impl Into<String>) -> Self {
        CalendarError::InvalidData {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl From<crate::date::TimeError> for CalendarError {
    fn from(e: crate::date::TimeError) -> Self {
        match e {
            crate::date::TimeError::InvalidDate { input }
            | crate::date::TimeError::InvalidTime { input } => CalendarError::InvalidDate { input },
        }
    }
}

impl From<crate::limits::TooLarge> for CalendarError {
    fn from(e: crate::limits::TooLarge) -> Self {
        CalendarError::TooLarge {
            message: e.message(),
        }
    }
}

impl From<CalendarError> for crate::error::Error {
    fn from(e: CalendarError) -> crate::error::Error {
        let field = match &e {
            CalendarError::InvalidData { path, .. }
            | CalendarError::OverlayConflict { path, .. } => Some(path.clone()),
            CalendarError::InvalidArgument { argument, .. } => Some(argument.clone()),
            _ => None,
        };
        crate::error::Error {
            field,
            ..crate::error::Error::new(e.code(), e.to_string())
        }
    }
}
