//! Case events and their JSON Lines form: one event a line, canonical key order, exact
//! round trip (`parse_line(&to_line(e)) == e`, and a canonical line prints back unchanged).

use std::borrow::Cow;

use chrono::NaiveDateTime;
pub use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::CaseError;

/// How an inquiry reached the bureau.
///
/// ```
/// use efficiency_core::case::{CaseEvent, Channel, EventKind};
/// let line = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration","window":"W1"}"#;
/// let e = CaseEvent::parse_line(line, 1)?;
/// assert!(matches!(e.kind, EventKind::Receive { .. }));
/// let inquiry = CaseEvent::parse_line(r#"{"id":"e0","case":"C1","at":"2026-11-01T09:00:00","actor":"off01","event":"inquiry","channel":"online"}"#, 1)?;
/// assert!(matches!(inquiry.kind, EventKind::Inquiry { channel: Channel::Online, .. }));
/// assert_eq!(Channel::InPerson.as_str(), "in_person");
/// # Ok::<(), efficiency_core::case::CaseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// At a window or office.
    InPerson,
    /// By telephone.
    Phone,
    /// Online.
    Online,
}

crate::names!(Channel {
    InPerson => "in_person",
    Phone => "phone",
    Online => "online",
});

/// A decision.
///
/// ```
/// use efficiency_core::case::{CaseEvent, Decision, EventKind};
/// let line = r#"{"id":"e3","case":"C1","at":"2026-11-20T10:00:00","actor":"soc01","event":"conclude","outcome":"refused","on_the_spot":false}"#;
/// assert!(matches!(CaseEvent::parse_line(line, 3)?.kind, EventKind::Conclude { outcome: Decision::Refused, .. }));
/// # Ok::<(), efficiency_core::case::CaseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The application is granted.
    Granted,
    /// The application is refused (with reasons, after acceptance).
    Refused,
}

crate::names!(Decision {
    Granted => "granted",
    Refused => "refused",
});

/// What happened, with the data each kind carries (docs/domain.md §6).
///
/// ```
/// use efficiency_core::case::{CaseEvent, EventKind};
/// let line = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration","window":"W1"}"#;
/// match CaseEvent::parse_line(line, 1)?.kind {
///     EventKind::Receive { item, window } => {
///         assert_eq!((item.as_str(), window.as_deref()), ("civil.social_org_registration", Some("W1")))
///     }
///     other => panic!("read as {}", other.name()),
/// }
/// # Ok::<(), efficiency_core::case::CaseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// Someone asks; the actor is the first responder (首问责任人).
    Inquiry {
        /// How.
        channel: Channel,
        /// The service item asked about, if known.
        item: Option<CompactString>,
    },
    /// The actor explains basis, procedure and materials, or records the request.
    Answer,
    /// Materials handed in (收件) for an item, at a window.
    Receive {
        /// Service item code.
        item: CompactString,
        /// Service window, if any.
        window: Option<CompactString>,
    },
    /// The one-time notice (一次性告知) of everything missing.
    SupplementRequest {
        /// The full list of missing materials.
        missing: Vec<String>,
    },
    /// The missing materials arrived.
    SupplementReceived,
    /// Formally accepted (受理): the clock starts. The handler is `handler`, or the actor.
    Accept {
        /// The handler (承办人), when not the actor.
        handler: Option<CompactString>,
    },
    /// Not accepted (不予受理), with reasons.
    Reject {
        /// Reasons told to the applicant.
        reasons: Vec<String>,
    },
    /// Reception refused (拒收): never allowed, always a finding.
    RefuseReception {
        /// What the actor said.
        reason: Option<String>,
    },
    /// Handed to another post of the bureau.
    Refer {
        /// Staff id of the receiving handler.
        to: CompactString,
    },
    /// The receiving handler replies on a referral.
    Reply,
    /// Guided to another agency.
    GuideOutside {
        /// Which agency.
        agency: CompactString,
    },
    /// An internal step begins.
    StepStarted {
        /// Step code from the item's workflow.
        step: CompactString,
    },
    /// An internal step ends.
    StepFinished {
        /// Step code.
        step: CompactString,
    },
    /// A special procedure stops the clock.
    Suspend {
        /// Procedure code from the item.
        procedure: CompactString,
    },
    /// The special procedure ended.
    Resume,
    /// An extension asked for.
    ExtensionRequested {
        /// How much, in the statutory unit.
        amount: u32,
        /// Why.
        reason: String,
    },
    /// The pending extension approved by the actor (whose role is in the roster).
    ExtensionApproved,
    /// The applicant told of the pending extension.
    ApplicantNotified,
    /// Decided (办结).
    Conclude {
        /// Granted or refused.
        outcome: Decision,
        /// Concluded during the visit.
        on_the_spot: bool,
    },
    /// The result published (公开).
    ResultPublished,
    /// The case marked urgent (急事急办): the item's urgent limit applies from then.
    MarkUrgent,
    /// The applicant told the date the case will be concluded by (告知办结时间).
    DueTold,
    /// The applicant withdrew.
    Withdrawn,
}

impl EventKind {
    /// The `event` field: `inquiry`, `receive`, `accept`, …
    ///
    /// ```
    /// use efficiency_core::case::CaseEvent;
    /// let line = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration","window":"W1"}"#;
    /// assert_eq!(CaseEvent::parse_line(line, 1)?.kind.name(), "receive");
    /// # Ok::<(), efficiency_core::case::CaseError>(())
    /// ```
    pub fn name(&self) -> &'static str {
        EVENT_KINDS[self.kind() as usize]
    }
}

/// An event's kind without its data: the rules ask for events of a kind, and a case knows
/// which kinds it holds ([`Kind::bit`]) so that a rule skips a kind the case has not. In the
/// order of [`EVENT_KINDS`], which names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Inquiry,
    Answer,
    Receive,
    SupplementRequest,
    SupplementReceived,
    Accept,
    Reject,
    RefuseReception,
    Refer,
    Reply,
    GuideOutside,
    StepStarted,
    StepFinished,
    Suspend,
    Resume,
    ExtensionRequested,
    ExtensionApproved,
    ApplicantNotified,
    Conclude,
    ResultPublished,
    MarkUrgent,
    DueTold,
    Withdrawn,
}

impl Kind {
    /// The kind's bit in a set of kinds.
    pub(crate) const fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

impl EventKind {
    /// The kind without its data.
    pub(crate) fn kind(&self) -> Kind {
        match self {
            EventKind::Inquiry { .. } => Kind::Inquiry,
            EventKind::Answer => Kind::Answer,
            EventKind::Receive { .. } => Kind::Receive,
            EventKind::SupplementRequest { .. } => Kind::SupplementRequest,
            EventKind::SupplementReceived => Kind::SupplementReceived,
            EventKind::Accept { .. } => Kind::Accept,
            EventKind::Reject { .. } => Kind::Reject,
            EventKind::RefuseReception { .. } => Kind::RefuseReception,
            EventKind::Refer { .. } => Kind::Refer,
            EventKind::Reply => Kind::Reply,
            EventKind::GuideOutside { .. } => Kind::GuideOutside,
            EventKind::StepStarted { .. } => Kind::StepStarted,
            EventKind::StepFinished { .. } => Kind::StepFinished,
            EventKind::Suspend { .. } => Kind::Suspend,
            EventKind::Resume => Kind::Resume,
            EventKind::ExtensionRequested { .. } => Kind::ExtensionRequested,
            EventKind::ExtensionApproved => Kind::ExtensionApproved,
            EventKind::ApplicantNotified => Kind::ApplicantNotified,
            EventKind::Conclude { .. } => Kind::Conclude,
            EventKind::ResultPublished => Kind::ResultPublished,
            EventKind::MarkUrgent => Kind::MarkUrgent,
            EventKind::DueTold => Kind::DueTold,
            EventKind::Withdrawn => Kind::Withdrawn,
        }
    }
}

/// Every event kind, in the order of docs/domain.md §6.
///
/// ```
/// use efficiency_core::case::EVENT_KINDS;
/// assert_eq!(EVENT_KINDS[0], "inquiry");
/// assert!(EVENT_KINDS.contains(&"supplement_request") && EVENT_KINDS.contains(&"withdrawn"));
/// ```
pub const EVENT_KINDS: &[&str] = &[
    "inquiry",
    "answer",
    "receive",
    "supplement_request",
    "supplement_received",
    "accept",
    "reject",
    "refuse_reception",
    "refer",
    "reply",
    "guide_outside",
    "step_started",
    "step_finished",
    "suspend",
    "resume",
    "extension_requested",
    "extension_approved",
    "applicant_notified",
    "conclude",
    "result_published",
    "mark_urgent",
    "due_told",
    "withdrawn",
];

/// One line of a case log.
///
/// ```
/// use efficiency_core::case::CaseEvent;
/// let line = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration","window":"W1"}"#;
/// let e = CaseEvent::parse_line(line, 1)?;
/// assert_eq!((e.id.as_str(), e.case.as_str(), e.actor.as_str()), ("e1", "C1", "soc01"));
/// assert_eq!(e.at.to_string(), "2026-11-02 09:00:00");
/// # Ok::<(), efficiency_core::case::CaseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseEvent {
    /// Event id, unique within its case.
    pub id: CompactString,
    /// Case id.
    pub case: CompactString,
    /// When (the bureau's local time).
    pub at: NaiveDateTime,
    /// Staff id of who did it.
    pub actor: CompactString,
    /// What.
    pub kind: EventKind,
}

/// One event as a flat row: every field any event may carry (a JSON line, or a row of a table
/// whose columns have these names). [`CaseEvent::from_row`] checks it. Strings borrow from the
/// input where they can (most lines have no escapes), which keeps parsing cheap.
///
/// ```
/// use efficiency_core::case::{CaseEvent, EventRow};
/// let line = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration","window":"W1"}"#;
/// let row = EventRow::parse(line, 1)?;
/// assert_eq!((row.event.as_ref(), row.window.as_deref()), ("receive", Some("W1")));
/// assert_eq!(CaseEvent::from_row(row, 1)?, CaseEvent::parse_line(line, 1)?);
/// # Ok::<(), efficiency_core::case::CaseError>(())
/// ```
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EventRow<'a> {
    /// Event id, unique within its case.
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    /// Case id.
    #[serde(borrow)]
    pub case: Cow<'a, str>,
    /// When.
    #[serde(borrow)]
    pub at: EventTime<'a>,
    /// Staff id of who did it.
    #[serde(borrow)]
    pub actor: Cow<'a, str>,
    /// The kind (`receive`, `accept`, …).
    #[serde(borrow)]
    pub event: Cow<'a, str>,
    /// `inquiry`: how the applicant came.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Cow<'a, str>>,
    /// `receive` (required) / `inquiry`: the service item code.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub item: Option<Cow<'a, str>>,
    /// `receive`: the window.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub window: Option<Cow<'a, str>>,
    /// `supplement_request`: everything missing, named once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<Vec<String>>,
    /// `accept`: the handler, when not the actor.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub handler: Option<Cow<'a, str>>,
    /// `reject`: the reasons.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasons: Option<Vec<String>>,
    /// `refuse_reception`, `extension_requested`: why.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Cow<'a, str>>,
    /// `refer`: the staff id referred to.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub to: Option<Cow<'a, str>>,
    /// `guide_outside`: the agency.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub agency: Option<Cow<'a, str>>,
    /// `step_started` / `step_finished`: the step code.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub step: Option<Cow<'a, str>>,
    /// `suspend`: the special procedure.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<Cow<'a, str>>,
    /// `extension_requested`: the amount, in the limit's unit.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_out"
    )]
    pub amount: Option<f64>,
    /// `conclude`: granted or refused.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Cow<'a, str>>,
    /// `conclude`: concluded during the visit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_the_spot: Option<bool>,
    /// A table row's [`PAYLOAD_COLUMN`]: optional fields as one JSON object, set on the row
    /// when it is checked ([`EventRow::set_payload`]). Never part of a JSON line.
    #[serde(skip)]
    pub payload: Option<&'a str>,
}

impl<'a> EventRow<'a> {
    /// Reads one JSON line as a row, borrowing its strings. A line of the usual shape (one flat
    /// object, strings without escapes) is read by a scanner over the fixed keys, without
    /// allocating; any other line, and every line that is not a valid row, goes through
    /// `serde_json`, so the answer and the error are exactly `serde_json`'s (a fuzz target checks
    /// that the two agree).
    ///
    /// ```
    /// use efficiency_core::case::EventRow;
    /// // The row reads the line without judging it: an unknown kind is found later.
    /// let row = EventRow::parse(r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"dance"}"#, 1)?;
    /// assert_eq!(row.event.as_ref(), "dance");
    /// assert_eq!(EventRow::parse("{", 7).unwrap_err().line, Some(7));
    /// # Ok::<(), efficiency_core::case::CaseError>(())
    /// ```
    pub fn parse(text: &'a str, line: usize) -> Result<EventRow<'a>, CaseError> {
        check_line(text, line)?;
        let mut row = EventRow::default();
        if scan::row_into(text, &mut row) {
            return Ok(row);
        }
        EventRow::parse_with_serde(text, line)
    }

    /// Sets the text field at `column` (its index in [`EVENT_COLUMNS`]) as a table's cell gives
    /// it: a missing value is an empty required field (which the row's check then names) or an
    /// absent optional one. Answers false, changing nothing, for a column that is not text
    /// (`at`, `missing`, `reasons`, `amount`, `on_the_spot`).
    ///
    /// ```
    /// use efficiency_core::case::{EventRow, EVENT_COLUMNS};
    /// let mut row = EventRow::default();
    /// let column = |name| EVENT_COLUMNS.iter().position(|c| *c == name).unwrap();
    /// assert!(row.set_text(column("actor"), Some("off01")));
    /// assert!(row.set_text(column("window"), None));
    /// assert!(!row.set_text(column("amount"), Some("3")));
    /// assert_eq!((row.actor.as_ref(), row.window.is_none(), row.amount), ("off01", true, None));
    /// ```
    #[inline]
    pub fn set_text(&mut self, column: usize, value: Option<&'a str>) -> bool {
        self.set_cow(column, value.map(Cow::Borrowed))
    }

    /// [`EventRow::set_text`] with text that may be owned.
    #[inline]
    fn set_cow(&mut self, column: usize, value: Option<Cow<'a, str>>) -> bool {
        use column::*;
        let required = match column {
            0 => Some(&mut self.id),
            1 => Some(&mut self.case),
            3 => Some(&mut self.actor),
            4 => Some(&mut self.event),
            _ => None,
        };
        if let Some(field) = required {
            *field = value.unwrap_or(Cow::Borrowed(""));
            return true;
        }
        let optional = match column {
            CHANNEL => &mut self.channel,
            ITEM => &mut self.item,
            WINDOW => &mut self.window,
            HANDLER => &mut self.handler,
            REASON => &mut self.reason,
            TO => &mut self.to,
            AGENCY => &mut self.agency,
            STEP => &mut self.step,
            PROCEDURE => &mut self.procedure,
            OUTCOME => &mut self.outcome,
            _ => return false,
        };
        *optional = value;
        true
    }

    /// The optional fields given, one bit per column of [`EVENT_COLUMNS`] (5 to 18).
    fn optional_given(&self) -> u32 {
        [
            self.channel.is_some(),
            self.item.is_some(),
            self.window.is_some(),
            self.missing.is_some(),
            self.handler.is_some(),
            self.reasons.is_some(),
            self.reason.is_some(),
            self.to.is_some(),
            self.agency.is_some(),
            self.step.is_some(),
            self.procedure.is_some(),
            self.amount.is_some(),
            self.outcome.is_some(),
            self.on_the_spot.is_some(),
        ]
        .iter()
        .enumerate()
        .fold(0u32, |bits, (i, &p)| bits | (u32::from(p) << (i + 5)))
    }

    /// Sets the optional fields that a table row carries as one JSON object in its
    /// [`PAYLOAD_COLUMN`] (an event store's payload, or Spark's `to_json(struct(...))`, which
    /// moves one text column instead of a dozen mostly empty ones): each key an optional event
    /// field, its value as in a JSON line, null or left out when absent. A key that is no
    /// optional field, is given twice or also by its own column, and a value of the wrong type
    /// are errors naming the key (`case.invalid_event`, at `line`).
    ///
    /// ```
    /// use efficiency_core::case::EventRow;
    /// let mut row = EventRow::default();
    /// row.set_payload(r#"{"outcome":"granted","on_the_spot":false,"reason":null}"#, 1)?;
    /// assert_eq!((row.outcome.as_deref(), row.on_the_spot, row.reason.is_none()), (Some("granted"), Some(false), true));
    /// let e = row.set_payload(r#"{"outcome":"refused"}"#, 1).unwrap_err();
    /// assert_eq!(e.to_string(), r#"line 1: payload: "outcome" is given both as a column and in the payload"#);
    /// # Ok::<(), efficiency_core::case::CaseError>(())
    /// ```
    pub fn set_payload(&mut self, text: &'a str, line: usize) -> Result<(), CaseError> {
        self.apply_payload(text, line, true)
    }

    /// [`EventRow::set_payload`] without the scanner (a fuzz target checks the two agree).
    #[doc(hidden)]
    pub fn set_payload_with_serde(&mut self, text: &'a str, line: usize) -> Result<(), CaseError> {
        self.apply_payload(text, line, false)
    }

    fn apply_payload(&mut self, text: &'a str, line: usize, scan: bool) -> Result<(), CaseError> {
        // The error names the event (its id, when the row has one); nothing is built otherwise.
        let fail = |id: &str, message: String| {
            CaseError::new(
                "case.invalid_event",
                Some(line),
                (!id.is_empty()).then_some(id),
                format!("payload: {message}"),
            )
        };
        let fields = match scan.then(|| scan::object(text)).flatten() {
            Some(fields) => fields,
            None => scan::object_with_serde(text).map_err(|m| fail(&self.id, m))?,
        };
        let given = self.optional_given();
        let mut seen = 0u32;
        for (key, value) in fields {
            let Some(column) = scan::column(&key).filter(|&c| c >= column::CHANNEL) else {
                return Err(fail(
                    &self.id,
                    format!(
                        "{key:?} is not an optional event field; they are {}",
                        EVENT_COLUMNS[column::CHANNEL..].join(", ")
                    ),
                ));
            };
            if seen & 1 << column != 0 {
                return Err(fail(&self.id, format!("{key:?} is given twice")));
            }
            seen |= 1 << column;
            if value.is_null() {
                continue;
            }
            if given & 1 << column != 0 {
                return Err(fail(
                    &self.id,
                    format!("{key:?} is given both as a column and in the payload"),
                ));
            }
            if scan::set(self, column, value).is_none() {
                let expected = match column {
                    column::MISSING | column::REASONS => "a list of text",
                    column::AMOUNT => "a number",
                    column::ON_THE_SPOT => "true or false",
                    _ => "text",
                };
                return Err(fail(&self.id, format!("{key:?} must be {expected}")));
            }
        }
        Ok(())
    }

    /// [`EventRow::parse`] without the scanner.
    #[doc(hidden)]
    pub fn parse_with_serde(text: &'a str, line: usize) -> Result<EventRow<'a>, CaseError> {
        serde_json::from_str(text).map_err(|e| {
            let (_, m) = crate::json::error_parts(&e);
            CaseError::new("case.malformed_line", Some(line), None, m)
        })
    }
}

/// A line over [`crate::limits::MAX_LINE_BYTES`] is refused before it is read.
fn check_line(text: &str, line: usize) -> Result<(), CaseError> {
    if text.len() > crate::limits::MAX_LINE_BYTES {
        return Err(CaseError::new(
            "case.line_too_long",
            Some(line),
            None,
            format!(
                "the line is {} bytes; one event may have at most {} bytes",
                text.len(),
                crate::limits::MAX_LINE_BYTES
            ),
        ));
    }
    Ok(())
}

mod scan;

mod column;

/// The fields of an [`EventRow`], in order: the columns a table of case events may have (a
/// table's other columns are refused, or dropped by a caller that says so).
///
/// ```
/// use efficiency_core::case::EVENT_COLUMNS;
/// assert_eq!(&EVENT_COLUMNS[..5], ["id", "case", "at", "actor", "event"]);
/// ```
pub const EVENT_COLUMNS: &[&str] = &[
    "id",
    "case",
    "at",
    "actor",
    "event",
    "channel",
    "item",
    "window",
    "missing",
    "handler",
    "reasons",
    "reason",
    "to",
    "agency",
    "step",
    "procedure",
    "amount",
    "outcome",
    "on_the_spot",
];

/// The column of an event table that may carry the optional fields as one JSON object
/// ([`EventRow::set_payload`]).
///
/// ```
/// use efficiency_core::case::{EventRow, PAYLOAD_COLUMN};
/// assert_eq!(PAYLOAD_COLUMN, "payload");
/// // A table's payload column holds the rare fields as JSON.
/// let mut row = EventRow::default();
/// row.set_payload(r#"{"amount": 10}"#, 1)?;
/// assert_eq!(row.amount, Some(10.0));
/// # Ok::<(), efficiency_core::case::CaseError>(())
/// ```
pub const PAYLOAD_COLUMN: &str = "payload";

/// An event's time as given: text in the one time grammar, epoch milliseconds (what pandas
/// `to_json(orient="records", lines=True)` writes for a datetime column: its wall-clock time),
/// a wall-clock time (a naive timestamp column) or an instant (an aware one, microseconds since
/// 1970-01-01 UTC, converted to the calendar's zone).
///
/// ```
/// use efficiency_core::case::{CaseEvent, EventRow, EventTime};
/// let mut row = EventRow::parse(r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#, 1)?;
/// // An Arrow timestamp column gives epoch milliseconds of the local wall time.
/// row.at = EventTime::Millis(1_793_610_000_000.0);
/// assert_eq!(CaseEvent::from_row(row, 1)?.at.to_string(), "2026-11-02 09:00:00");
/// # Ok::<(), efficiency_core::case::CaseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum EventTime<'a> {
    /// Text in the one time grammar.
    Text(Cow<'a, str>),
    /// Epoch milliseconds of the wall-clock time.
    Millis(f64),
    /// A wall-clock (local) time.
    Wall(NaiveDateTime),
    /// An instant, microseconds since 1970-01-01T00:00Z.
    Instant(i64),
}

impl Default for EventTime<'_> {
    fn default() -> Self {
        EventTime::Text(Cow::Borrowed(""))
    }
}

impl Serialize for EventTime<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            EventTime::Text(t) => s.serialize_str(t),
            EventTime::Millis(m) => s.serialize_f64(*m),
            EventTime::Wall(t) => s.collect_str(&t.format(TIME_FORMAT)),
            EventTime::Instant(u) => s.serialize_i64(*u),
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for EventTime<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = EventTime<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a time (text) or epoch milliseconds (a number)")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<EventTime<'de>, E> {
                Ok(EventTime::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<EventTime<'de>, E> {
                Ok(EventTime::Text(Cow::Owned(v.to_string())))
            }
            fn visit_i64<E>(self, v: i64) -> Result<EventTime<'de>, E> {
                Ok(EventTime::Millis(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<EventTime<'de>, E> {
                Ok(EventTime::Millis(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<EventTime<'de>, E> {
                Ok(EventTime::Millis(v))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for EventTime<'_> {
    fn schema_name() -> Cow<'static, str> {
        "EventTime".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": ["string", "number"] })
    }
}

/// An amount is written as a whole number (it was checked to be one).
fn whole_out<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => s.serialize_u64(*x as u64),
        None => s.serialize_none(),
    }
}

/// Time format of case logs.
pub(crate) const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

impl CaseEvent {
    /// Parses one JSON line; `line` (1-based) is only used in error messages.
    ///
    /// ```
    /// use efficiency_core::case::CaseEvent;
    /// let text = r#"{"id":"e1","case":"C1","at":"2026-09-28T10:00:00","actor":"s01","event":"receive","item":"licensing.decision","window":"W1"}"#;
    /// let e = CaseEvent::parse_line(text, 1)?;
    /// assert_eq!(e.kind.name(), "receive");
    /// assert_eq!(e.to_line(), text);
    /// let err = CaseEvent::parse_line(r#"{"id":"e2","case":"C1","at":"2026-09-28T10:00:00","actor":"s01","event":"accept","to":"s02"}"#, 7).unwrap_err();
    /// assert_eq!(err.code(), "case.invalid_event");
    /// assert!(err.to_string().starts_with("line 7"));
    /// # Ok::<(), efficiency_core::case::CaseError>(())
    /// ```
    pub fn parse_line(text: &str, line: usize) -> Result<CaseEvent, CaseError> {
        check_line(text, line)?;
        let mut row = EventRow::default();
        if !scan::row_into(text, &mut row) {
            row = EventRow::parse_with_serde(text, line)?;
        }
        CaseEvent::take_row(&mut row, line)
    }

    /// Checks one event row (from a JSON line or a table row); `line` (1-based) is only used in
    /// error messages. Times are read in the shipped calendar's zone (UTC+8).
    ///
    /// ```
    /// use efficiency_core::case::{CaseEvent, EventRow};
    /// // A row missing a field its kind needs is refused, naming the event.
    /// let row = EventRow::parse(r#"{"id":"e9","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"refer"}"#, 4)?;
    /// let e = CaseEvent::from_row(row, 4).unwrap_err();
    /// assert_eq!((e.code(), e.event.as_deref(), e.line), ("case.invalid_event", Some("e9"), Some(4)));
    /// # Ok::<(), efficiency_core::case::CaseError>(())
    /// ```
    pub fn from_row(mut raw: EventRow<'_>, line: usize) -> Result<CaseEvent, CaseError> {
        CaseEvent::take_row(&mut raw, line)
    }

    /// [`CaseEvent::from_row`] taking the row's values out of it (no copy of the row).
    fn take_row(raw: &mut EventRow<'_>, line: usize) -> Result<CaseEvent, CaseError> {
        let fail = |id: Option<&str>, message: String| {
            CaseError::new("case.invalid_event", Some(line), id, message)
        };
        if let Some(payload) = raw.payload.take() {
            raw.set_payload(payload, line)?;
        }
        let id = Some(raw.id.as_ref());
        let at = match &raw.at {
            EventTime::Text(t) => parse_time(t).ok_or_else(|| {
                fail(
                    id,
                    format!("at: {t:?} is not a time YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM] or epoch milliseconds"),
                )
            })?,
            EventTime::Millis(m) => from_millis(*m).ok_or_else(|| {
                fail(id, format!("at: {m} is not epoch milliseconds of a supported time"))
            })?,
            EventTime::Wall(t) => *t,
            EventTime::Instant(u) => chrono::DateTime::from_timestamp_micros(*u)
                .map(|t| crate::date::Zone::CHINA.from_utc(t.naive_utc()))
                .ok_or_else(|| fail(id, format!("at: {u} microseconds is out of range")))?,
        };
        for (name, value) in [("id", &raw.id), ("case", &raw.case), ("actor", &raw.actor)] {
            if value.trim().is_empty() {
                return Err(fail(id, format!("{name} must not be empty")));
            }
        }
        let present = raw.optional_given();
        // Which fields a kind takes: those it requires (columns, in the order a missing one is
        // named) and those it may have.
        let takes = |required: &[usize], optional: &[usize]| -> Result<(), CaseError> {
            let allowed = required
                .iter()
                .chain(optional)
                .fold(0u32, |bits, &c| bits | 1 << c);
            let stray = present & !allowed;
            if stray != 0 {
                let f = EVENT_COLUMNS[stray.trailing_zeros() as usize];
                return Err(fail(
                    id,
                    format!("field {f:?} does not belong to a {:?} event", raw.event),
                ));
            }
            if let Some(&c) = required.iter().find(|&&c| present & 1 << c == 0) {
                let f = EVENT_COLUMNS[c];
                return Err(fail(id, format!("a {:?} event needs {f:?}", raw.event)));
            }
            Ok(())
        };
        use column::*;
        let nonempty =
            |v: &mut Option<Vec<String>>, name: &str| -> Result<Vec<String>, CaseError> {
                let v = v.take().unwrap_or_default();
                if v.is_empty() || v.iter().any(|s| s.trim().is_empty()) {
                    return Err(fail(
                        id,
                        format!("{name} must list at least one non-empty entry"),
                    ));
                }
                Ok(v)
            };
        let name = |v: Option<Cow<'_, str>>| v.map(|v| CompactString::from(v.as_ref()));
        let kind = match raw.event.as_ref() {
            "inquiry" => {
                takes(&[CHANNEL], &[ITEM])?;
                EventKind::Inquiry {
                    channel: {
                        let c = raw.channel.as_deref().expect("required");
                        Channel::from_name(c).ok_or_else(|| {
                            fail(
                                id,
                                format!(
                                    "channel: {c:?} is not one of {}",
                                    Channel::NAMES.join(", ")
                                ),
                            )
                        })?
                    },
                    item: name(raw.item.take()),
                }
            }
            "answer" => takes(&[], &[]).map(|()| EventKind::Answer)?,
            "receive" => {
                takes(&[ITEM], &[WINDOW])?;
                EventKind::Receive {
                    item: name(raw.item.take()).expect("required"),
                    window: name(raw.window.take()),
                }
            }
            "supplement_request" => {
                takes(&[MISSING], &[])?;
                EventKind::SupplementRequest {
                    missing: nonempty(&mut raw.missing, "missing")?,
                }
            }
            "supplement_received" => takes(&[], &[]).map(|()| EventKind::SupplementReceived)?,
            "accept" => {
                takes(&[], &[HANDLER])?;
                EventKind::Accept {
                    handler: name(raw.handler.take()),
                }
            }
            "reject" => {
                takes(&[REASONS], &[])?;
                EventKind::Reject {
                    reasons: nonempty(&mut raw.reasons, "reasons")?,
                }
            }
            "refuse_reception" => {
                takes(&[], &[REASON])?;
                EventKind::RefuseReception {
                    reason: raw.reason.take().map(Cow::into_owned),
                }
            }
            "refer" => {
                takes(&[TO], &[])?;
                EventKind::Refer {
                    to: name(raw.to.take()).expect("required"),
                }
            }
            "reply" => takes(&[], &[]).map(|()| EventKind::Reply)?,
            "guide_outside" => {
                takes(&[AGENCY], &[])?;
                EventKind::GuideOutside {
                    agency: name(raw.agency.take()).expect("required"),
                }
            }
            "step_started" => {
                takes(&[STEP], &[])?;
                EventKind::StepStarted {
                    step: name(raw.step.take()).expect("required"),
                }
            }
            "step_finished" => {
                takes(&[STEP], &[])?;
                EventKind::StepFinished {
                    step: name(raw.step.take()).expect("required"),
                }
            }
            "suspend" => {
                takes(&[PROCEDURE], &[])?;
                EventKind::Suspend {
                    procedure: name(raw.procedure.take()).expect("required"),
                }
            }
            "resume" => takes(&[], &[]).map(|()| EventKind::Resume)?,
            "extension_requested" => {
                takes(&[AMOUNT, REASON], &[])?;
                EventKind::ExtensionRequested {
                    amount: {
                        let a = raw.amount.expect("required");
                        if a.fract() != 0.0 || !(0.0..=f64::from(u32::MAX)).contains(&a) {
                            return Err(fail(
                                id,
                                format!("amount: {a} is not a whole number from 0 to {}", u32::MAX),
                            ));
                        }
                        a as u32
                    },
                    reason: raw.reason.take().expect("required").into_owned(),
                }
            }
            "extension_approved" => takes(&[], &[]).map(|()| EventKind::ExtensionApproved)?,
            "applicant_notified" => takes(&[], &[]).map(|()| EventKind::ApplicantNotified)?,
            "conclude" => {
                takes(&[OUTCOME, ON_THE_SPOT], &[])?;
                EventKind::Conclude {
                    outcome: {
                        let o = raw.outcome.as_deref().expect("required");
                        Decision::from_name(o).ok_or_else(|| {
                            fail(
                                id,
                                format!(
                                    "outcome: {o:?} is not one of {}",
                                    Decision::NAMES.join(", ")
                                ),
                            )
                        })?
                    },
                    on_the_spot: raw.on_the_spot.expect("required"),
                }
            }
            "result_published" => takes(&[], &[]).map(|()| EventKind::ResultPublished)?,
            "mark_urgent" => takes(&[], &[]).map(|()| EventKind::MarkUrgent)?,
            "due_told" => takes(&[], &[]).map(|()| EventKind::DueTold)?,
            "withdrawn" => takes(&[], &[]).map(|()| EventKind::Withdrawn)?,
            other => {
                return Err(fail(
                    id,
                    format!(
                        "unknown event kind {other:?}; expected one of {}",
                        EVENT_KINDS.join(", ")
                    ),
                ))
            }
        };
        Ok(CaseEvent {
            id: CompactString::from(raw.id.as_ref()),
            case: CompactString::from(raw.case.as_ref()),
            at,
            actor: CompactString::from(raw.actor.as_ref()),
            kind,
        })
    }

    /// The canonical JSON line (no trailing newline).
    ///
    /// ```
    /// use efficiency_core::case::CaseEvent;
    /// let line = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration","window":"W1"}"#;
    /// let e = CaseEvent::parse_line(line, 1)?;
    /// assert_eq!(CaseEvent::parse_line(&e.to_line(), 1)?, e);
    /// # Ok::<(), efficiency_core::case::CaseError>(())
    /// ```
    pub fn to_line(&self) -> String {
        let mut l = EventRow {
            id: Cow::Borrowed(&self.id),
            case: Cow::Borrowed(&self.case),
            at: EventTime::Text(Cow::Owned(self.at.format(TIME_FORMAT).to_string())),
            actor: Cow::Borrowed(&self.actor),
            event: Cow::Borrowed(self.kind.name()),
            ..EventRow::default()
        };
        match &self.kind {
            EventKind::Inquiry { channel, item } => {
                l.channel = Some(Cow::Borrowed(channel.as_str()));
                l.item = item.as_deref().map(Cow::Borrowed);
            }
            EventKind::Receive { item, window } => {
                l.item = Some(Cow::Borrowed(item));
                l.window = window.as_deref().map(Cow::Borrowed);
            }
            EventKind::SupplementRequest { missing } => l.missing = Some(missing.clone()),
            EventKind::Accept { handler } => l.handler = handler.as_deref().map(Cow::Borrowed),
            EventKind::Reject { reasons } => l.reasons = Some(reasons.clone()),
            EventKind::RefuseReception { reason } => {
                l.reason = reason.as_deref().map(Cow::Borrowed)
            }
            EventKind::Refer { to } => l.to = Some(Cow::Borrowed(to)),
            EventKind::GuideOutside { agency } => l.agency = Some(Cow::Borrowed(agency)),
            EventKind::StepStarted { step } | EventKind::StepFinished { step } => {
                l.step = Some(Cow::Borrowed(step))
            }
            EventKind::Suspend { procedure } => l.procedure = Some(Cow::Borrowed(procedure)),
            EventKind::ExtensionRequested { amount, reason } => {
                l.amount = Some(f64::from(*amount));
                l.reason = Some(Cow::Borrowed(reason));
            }
            EventKind::Conclude {
                outcome,
                on_the_spot,
            } => {
                l.outcome = Some(Cow::Borrowed(outcome.as_str()));
                l.on_the_spot = Some(*on_the_spot);
            }
            EventKind::Answer
            | EventKind::SupplementReceived
            | EventKind::Reply
            | EventKind::Resume
            | EventKind::ExtensionApproved
            | EventKind::ApplicantNotified
            | EventKind::ResultPublished
            | EventKind::MarkUrgent
            | EventKind::DueTold
            | EventKind::Withdrawn => {}
        }
        serde_json::to_string(&l).expect("lines serialize")
    }
}

/// Reads an event time with the one time grammar ([`crate::date::parse_time`]): local
/// `YYYY-MM-DDTHH:MM:SS` (the form the library writes) and everything pandas and common
/// exporters write (a space, no seconds, fractions, `Z` or an offset, converted to UTC+8, the
/// shipped calendar's zone).
fn parse_time(s: &str) -> Option<NaiveDateTime> {
    crate::date::parse_local_time(s, crate::date::Zone::CHINA).ok()
}

/// Epoch milliseconds as the wall-clock time they encode: pandas writes a naive (local) datetime
/// column this way, so the number is read as local time, as a naive numpy or pandas column is.
/// Export an aware column with `date_format="iso"` to keep its offset.
fn from_millis(m: f64) -> Option<NaiveDateTime> {
    if !m.is_finite() || m.fract() != 0.0 || m.abs() > 1.0e16 {
        return None;
    }
    chrono::DateTime::from_timestamp_millis(m as i64).map(|t| t.naive_utc())
}

/// Parses a whole JSON Lines text (blank lines skipped), stopping at the first bad line.
///
/// ```
/// use efficiency_core::case::parse_lines;
/// let text = "{\"id\":\"e1\",\"case\":\"C1\",\"at\":\"2026-11-02T09:00:00\",\"actor\":\"off01\",\"event\":\"refuse_reception\"}\n\n";
/// assert_eq!(parse_lines(text)?.len(), 1);
/// assert_eq!(parse_lines("{}\nnot json").unwrap_err().line, Some(1));
/// # Ok::<(), efficiency_core::case::CaseError>(())
/// ```
pub fn parse_lines(text: &str) -> Result<Vec<CaseEvent>, CaseError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| CaseEvent::parse_line(l, i + 1))
        .collect()
}

/// The case events a host passes as `arg`, as JSON lines, the same in every language: one text
/// (JSON Lines; blank lines left out), or a list whose items are each a line of text or an event
/// object (a dict, a JS object; times in it read in `zone`). Anything else is
/// `argument.wrong_type` naming `arg` (or the item).
///
/// ```
/// use efficiency_core::boundary::Value;
/// use efficiency_core::date::Zone;
/// use efficiency_core::case::event_lines;
/// let line = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#;
/// let as_text = event_lines(&Value::Str(format!("{line}\n\n")), "events", Zone::CHINA)?;
/// let as_list = event_lines(&Value::List(vec![Value::Str(line.into())]), "events", Zone::CHINA)?;
/// assert_eq!(as_text, as_list);
/// let e = event_lines(&Value::Int(3), "events", Zone::CHINA).unwrap_err();
/// assert_eq!((e.code, e.field.as_deref()), ("argument.wrong_type", Some("events")));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub fn event_lines(
    v: &crate::boundary::Value,
    arg: &str,
    zone: crate::date::Zone,
) -> Result<Vec<String>, crate::error::Error> {
    use crate::boundary::Value;
    let keep = |l: &str| !l.trim().is_empty();
    match v {
        Value::Str(text) => Ok(text
            .lines()
            .filter(|l| keep(l))
            .map(str::to_string)
            .collect()),
        v => {
            let mut out = Vec::new();
            for (i, item) in v.list(arg)?.iter().enumerate() {
                match item {
                    Value::Str(line) => {
                        if keep(line) {
                            out.push(line.clone());
                        }
                    }
                    other => out.push(other.to_json(&format!("{arg}[{i}]"), zone)?.to_string()),
                }
            }
            Ok(out)
        }
    }
}

#[cfg(test)]
mod kind_tests {
    /// `Kind` and `EVENT_KINDS` are one list: each kind's name is the line's `event`.
    #[test]
    fn every_kind_is_named_by_its_place() {
        use super::{CaseEvent, Kind, EVENT_KINDS};
        assert_eq!(EVENT_KINDS.len(), Kind::Withdrawn as usize + 1);
        let line = |k: &str| {
            format!(
                r#"{{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"a","event":"{k}"}}"#
            )
        };
        for name in [
            "answer",
            "supplement_received",
            "reply",
            "resume",
            "extension_approved",
            "applicant_notified",
            "result_published",
            "mark_urgent",
            "due_told",
            "withdrawn",
        ] {
            assert_eq!(
                CaseEvent::parse_line(&line(name), 1).unwrap().kind.name(),
                name
            );
        }
    }
}

#[cfg(test)]
mod columns_tests {
    use super::*;

    /// `EVENT_COLUMNS` is exactly the fields of an event row, in order.
    #[test]
    fn event_columns_are_the_rows_fields() {
        let row = EventRow {
            channel: Some("walk_in".into()),
            item: Some("".into()),
            window: Some("".into()),
            missing: Some(vec![]),
            handler: Some("".into()),
            reasons: Some(vec![]),
            reason: Some("".into()),
            to: Some("".into()),
            agency: Some("".into()),
            step: Some("".into()),
            procedure: Some("".into()),
            amount: Some(1.0),
            outcome: Some("granted".into()),
            on_the_spot: Some(true),
            ..EventRow::default()
        };
        let v = serde_json::to_value(&row).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut want = EVENT_COLUMNS.to_vec();
        keys.sort_unstable();
        want.sort_unstable();
        assert_eq!(keys, want);
    }

    /// A row whose optional fields come in a payload is the row whose fields come as columns,
    /// whether the payload is read by the scanner or by serde_json (escapes, exponents).
    #[test]
    fn a_payload_sets_the_optional_fields_as_columns_would() {
        let columns = r#"{"id":"e3","case":"A","at":"2026-11-02T09:00","actor":"off01","event":"conclude","outcome":"gr\u0061nted","on_the_spot":true}"#;
        let want = CaseEvent::from_row(EventRow::parse(columns, 1).unwrap(), 1).unwrap();
        for payload in [
            r#"{"outcome":"granted","on_the_spot":true}"#,
            r#" { "on_the_spot" : true , "outcome" : "gr\u0061nted", "reason": null } "#,
        ] {
            let row = EventRow {
                id: "e3".into(),
                case: "A".into(),
                at: EventTime::Text("2026-11-02T09:00".into()),
                actor: "off01".into(),
                event: "conclude".into(),
                payload: Some(payload),
                ..EventRow::default()
            };
            assert_eq!(CaseEvent::from_row(row, 7).unwrap(), want, "{payload}");
        }
        // A payload is a table's column, never a key of a JSON line.
        let line = r#"{"id":"e1","case":"A","at":"2026-11-02T09:00","actor":"off01","event":"accept","payload":"{}"}"#;
        let e = EventRow::parse(line, 2).unwrap_err();
        assert!(
            e.message.contains("unknown field `payload`"),
            "{}",
            e.message
        );
        let mut row = EventRow::default();
        row.set_payload(r#"{"amount":1e1,"missing":["a\"b"],"reasons":[]}"#, 1)
            .unwrap();
        assert_eq!(row.amount, Some(10.0));
        assert_eq!(row.missing, Some(vec![r#"a"b"#.to_string()]));
        assert_eq!(row.reasons, Some(vec![]));
        let mut row = EventRow::default();
        row.set_payload("{}", 1).unwrap();
        assert_eq!(row.optional_given(), 0);
    }

    #[test]
    fn a_bad_payload_is_an_error_naming_the_key() {
        let fails = |payload: &str, given: Option<&str>| {
            let mut row = EventRow {
                id: "e1".into(),
                window: given.map(Into::into),
                ..EventRow::default()
            };
            let e = row.set_payload(payload, 4).unwrap_err();
            assert_eq!(
                (e.code(), e.line, e.event.as_deref()),
                ("case.invalid_event", Some(4), Some("e1"))
            );
            e.message
        };
        let cases = [
            (
                r#"{"colour":"red"}"#,
                None,
                r#"payload: "colour" is not an optional event field; they are channel, item"#,
            ),
            (
                r#"{"at":"2026-11-02T09:00"}"#,
                None,
                r#"payload: "at" is not an optional event field"#,
            ),
            (
                r#"{"item":"a","item":"b"}"#,
                None,
                r#"payload: "item" is given twice"#,
            ),
            (
                r#"{"item":"a","item":"\u0062"}"#,
                None,
                r#"payload: "item" is given twice"#,
            ),
            (
                r#"{"window":"W2"}"#,
                Some("W1"),
                r#"payload: "window" is given both as a column and in the payload"#,
            ),
            (
                r#"{"amount":"3"}"#,
                None,
                r#"payload: "amount" must be a number"#,
            ),
            (
                r#"{"on_the_spot":1}"#,
                None,
                r#"payload: "on_the_spot" must be true or false"#,
            ),
            (
                r#"{"missing":"a"}"#,
                None,
                r#"payload: "missing" must be a list of text"#,
            ),
            (
                r#"{"missing":[1]}"#,
                None,
                r#"payload: "missing" holds 1, not text"#,
            ),
            (
                r#"{"item":{"a":1}}"#,
                None,
                r#"payload: "item" is an object, not a value"#,
            ),
            (r#"{"window":3}"#, None, r#"payload: "window" must be text"#),
            (
                r#"["item"]"#,
                None,
                "payload: not a JSON object: invalid type: sequence, expected a JSON object",
            ),
            (
                r#"{"item":"a""#,
                None,
                "payload: not a JSON object: EOF while parsing an object",
            ),
        ];
        for (payload, given, want) in cases {
            let got = fails(payload, given);
            assert!(got.starts_with(want), "{payload}: {got}");
        }
        // A null in the payload is no value: no clash with the column.
        let mut row = EventRow {
            window: Some("W1".into()),
            ..EventRow::default()
        };
        row.set_payload(r#"{"window":null}"#, 1).unwrap();
        assert_eq!(row.window.as_deref(), Some("W1"));
    }
}
