//! Case events and their JSON Lines form: one event a line, canonical key order, exact
//! round trip (`parse_line(&to_line(e)) == e`, and a canonical line prints back unchanged).

use std::borrow::Cow;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::CaseError;

/// How an inquiry reached the bureau.
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

/// A decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The application is granted.
    Granted,
    /// The application is refused (with reasons, after acceptance).
    Refused,
}

/// What happened, with the data each kind carries (DOMAIN.md §6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// Someone asks; the actor is the first responder (首问责任人).
    Inquiry {
        /// How.
        channel: Channel,
        /// The service item asked about, if known.
        item: Option<String>,
    },
    /// The actor explains basis, procedure and materials, or records the request.
    Answer,
    /// Materials handed in (收件) for an item, at a window.
    Receive {
        /// Service item code.
        item: String,
        /// Service window, if any.
        window: Option<String>,
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
        handler: Option<String>,
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
        to: String,
    },
    /// The receiving handler replies on a referral.
    Reply,
    /// Guided to another agency.
    GuideOutside {
        /// Which agency.
        agency: String,
    },
    /// An internal step begins.
    StepStarted {
        /// Step code from the item's workflow.
        step: String,
    },
    /// An internal step ends.
    StepFinished {
        /// Step code.
        step: String,
    },
    /// A special procedure stops the clock.
    Suspend {
        /// Procedure code from the item.
        procedure: String,
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
    /// The applicant withdrew.
    Withdrawn,
}

impl EventKind {
    /// The `event` field: `inquiry`, `receive`, `accept`, …
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::Inquiry { .. } => "inquiry",
            EventKind::Answer => "answer",
            EventKind::Receive { .. } => "receive",
            EventKind::SupplementRequest { .. } => "supplement_request",
            EventKind::SupplementReceived => "supplement_received",
            EventKind::Accept { .. } => "accept",
            EventKind::Reject { .. } => "reject",
            EventKind::RefuseReception { .. } => "refuse_reception",
            EventKind::Refer { .. } => "refer",
            EventKind::Reply => "reply",
            EventKind::GuideOutside { .. } => "guide_outside",
            EventKind::StepStarted { .. } => "step_started",
            EventKind::StepFinished { .. } => "step_finished",
            EventKind::Suspend { .. } => "suspend",
            EventKind::Resume => "resume",
            EventKind::ExtensionRequested { .. } => "extension_requested",
            EventKind::ExtensionApproved => "extension_approved",
            EventKind::ApplicantNotified => "applicant_notified",
            EventKind::Conclude { .. } => "conclude",
            EventKind::ResultPublished => "result_published",
            EventKind::Withdrawn => "withdrawn",
        }
    }
}

/// Every event kind, in the order of DOMAIN.md §6.
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
    "withdrawn",
];

/// One line of a case log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseEvent {
    /// Event id, unique within its case.
    pub id: String,
    /// Case id.
    pub case: String,
    /// When (the bureau's local time).
    pub at: NaiveDateTime,
    /// Staff id of who did it.
    pub actor: String,
    /// What.
    pub kind: EventKind,
}

/// The flat shape of a line: every field any event may carry. Strings borrow from the input
/// where they can (most lines have no escapes), which keeps parsing cheap.
#[derive(Debug, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct Line<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    case: Cow<'a, str>,
    #[serde(borrow)]
    at: Cow<'a, str>,
    #[serde(borrow)]
    actor: Cow<'a, str>,
    #[serde(borrow)]
    event: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    channel: Option<Channel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    window: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    missing: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    handler: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reasons: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    agency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    step: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    procedure: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<Decision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    on_the_spot: Option<bool>,
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
        let fail = |id: Option<&str>, message: String| {
            CaseError::new("case.invalid_event", Some(line), id, message)
        };
        let raw: Line<'_> = serde_json::from_str(text).map_err(|e| {
            let (_, m) = crate::json::error_parts(&e);
            CaseError::new("case.malformed_line", Some(line), None, m)
        })?;
        let id = Some(raw.id.as_ref());
        let at = parse_time(&raw.at).ok_or_else(|| {
            fail(
                id,
                format!(
                    "at: {:?} is not a time YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]",
                    raw.at
                ),
            )
        })?;
        for (name, value) in [("id", &raw.id), ("case", &raw.case), ("actor", &raw.actor)] {
            if value.trim().is_empty() {
                return Err(fail(id, format!("{name} must not be empty")));
            }
        }
        // Which optional fields each kind takes: (required, optional).
        let (required, optional): (&[&str], &[&str]) = match raw.event.as_ref() {
            "inquiry" => (&["channel"], &["item"]),
            "receive" => (&["item"], &["window"]),
            "supplement_request" => (&["missing"], &[]),
            "accept" => (&[], &["handler"]),
            "reject" => (&["reasons"], &[]),
            "refuse_reception" => (&[], &["reason"]),
            "refer" => (&["to"], &[]),
            "guide_outside" => (&["agency"], &[]),
            "step_started" | "step_finished" => (&["step"], &[]),
            "suspend" => (&["procedure"], &[]),
            "extension_requested" => (&["amount", "reason"], &[]),
            "conclude" => (&["outcome", "on_the_spot"], &[]),
            "answer"
            | "supplement_received"
            | "reply"
            | "resume"
            | "extension_approved"
            | "applicant_notified"
            | "result_published"
            | "withdrawn" => (&[], &[]),
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
        let present: [(&str, bool); 14] = [
            ("channel", raw.channel.is_some()),
            ("item", raw.item.is_some()),
            ("window", raw.window.is_some()),
            ("missing", raw.missing.is_some()),
            ("handler", raw.handler.is_some()),
            ("reasons", raw.reasons.is_some()),
            ("reason", raw.reason.is_some()),
            ("to", raw.to.is_some()),
            ("agency", raw.agency.is_some()),
            ("step", raw.step.is_some()),
            ("procedure", raw.procedure.is_some()),
            ("amount", raw.amount.is_some()),
            ("outcome", raw.outcome.is_some()),
            ("on_the_spot", raw.on_the_spot.is_some()),
        ];
        for (f, _) in present.iter().filter(|(_, p)| *p) {
            if !required.contains(f) && !optional.contains(f) {
                return Err(fail(
                    id,
                    format!("field {f:?} does not belong to a {:?} event", raw.event),
                ));
            }
        }
        for f in required {
            if !present.iter().any(|(n, p)| *p && n == f) {
                return Err(fail(id, format!("a {:?} event needs {f:?}", raw.event)));
            }
        }
        let nonempty = |v: &Option<Vec<String>>, name: &str| -> Result<Vec<String>, CaseError> {
            let v = v.clone().unwrap_or_default();
            if v.is_empty() || v.iter().any(|s| s.trim().is_empty()) {
                return Err(fail(
                    id,
                    format!("{name} must list at least one non-empty entry"),
                ));
            }
            Ok(v)
        };
        let kind = match raw.event.as_ref() {
            "inquiry" => EventKind::Inquiry {
                channel: raw.channel.expect("required"),
                item: raw.item.clone(),
            },
            "answer" => EventKind::Answer,
            "receive" => EventKind::Receive {
                item: raw.item.clone().expect("required"),
                window: raw.window.clone(),
            },
            "supplement_request" => EventKind::SupplementRequest {
                missing: nonempty(&raw.missing, "missing")?,
            },
            "supplement_received" => EventKind::SupplementReceived,
            "accept" => EventKind::Accept {
                handler: raw.handler.clone(),
            },
            "reject" => EventKind::Reject {
                reasons: nonempty(&raw.reasons, "reasons")?,
            },
            "refuse_reception" => EventKind::RefuseReception {
                reason: raw.reason.clone(),
            },
            "refer" => EventKind::Refer {
                to: raw.to.clone().expect("required"),
            },
            "reply" => EventKind::Reply,
            "guide_outside" => EventKind::GuideOutside {
                agency: raw.agency.clone().expect("required"),
            },
            "step_started" => EventKind::StepStarted {
                step: raw.step.clone().expect("required"),
            },
            "step_finished" => EventKind::StepFinished {
                step: raw.step.clone().expect("required"),
            },
            "suspend" => EventKind::Suspend {
                procedure: raw.procedure.clone().expect("required"),
            },
            "resume" => EventKind::Resume,
            "extension_requested" => EventKind::ExtensionRequested {
                amount: raw.amount.expect("required"),
                reason: raw.reason.clone().expect("required"),
            },
            "extension_approved" => EventKind::ExtensionApproved,
            "applicant_notified" => EventKind::ApplicantNotified,
            "conclude" => EventKind::Conclude {
                outcome: raw.outcome.expect("required"),
                on_the_spot: raw.on_the_spot.expect("required"),
            },
            "result_published" => EventKind::ResultPublished,
            "withdrawn" => EventKind::Withdrawn,
            _ => unreachable!("checked above"),
        };
        Ok(CaseEvent {
            id: raw.id.into_owned(),
            case: raw.case.into_owned(),
            at,
            actor: raw.actor.into_owned(),
            kind,
        })
    }

    /// The canonical JSON line (no trailing newline).
    pub fn to_line(&self) -> String {
        let mut l = Line {
            id: Cow::Borrowed(&self.id),
            case: Cow::Borrowed(&self.case),
            at: Cow::Owned(self.at.format(TIME_FORMAT).to_string()),
            actor: Cow::Borrowed(&self.actor),
            event: Cow::Borrowed(self.kind.name()),
            ..Line::default()
        };
        match &self.kind {
            EventKind::Inquiry { channel, item } => {
                l.channel = Some(*channel);
                l.item = item.clone();
            }
            EventKind::Receive { item, window } => {
                l.item = Some(item.clone());
                l.window = window.clone();
            }
            EventKind::SupplementRequest { missing } => l.missing = Some(missing.clone()),
            EventKind::Accept { handler } => l.handler = handler.clone(),
            EventKind::Reject { reasons } => l.reasons = Some(reasons.clone()),
            EventKind::RefuseReception { reason } => l.reason = reason.clone(),
            EventKind::Refer { to } => l.to = Some(to.clone()),
            EventKind::GuideOutside { agency } => l.agency = Some(agency.clone()),
            EventKind::StepStarted { step } | EventKind::StepFinished { step } => {
                l.step = Some(step.clone())
            }
            EventKind::Suspend { procedure } => l.procedure = Some(procedure.clone()),
            EventKind::ExtensionRequested { amount, reason } => {
                l.amount = Some(*amount);
                l.reason = Some(reason.clone());
            }
            EventKind::Conclude {
                outcome,
                on_the_spot,
            } => {
                l.outcome = Some(*outcome);
                l.on_the_spot = Some(*on_the_spot);
            }
            EventKind::Answer
            | EventKind::SupplementReceived
            | EventKind::Reply
            | EventKind::Resume
            | EventKind::ExtensionApproved
            | EventKind::ApplicantNotified
            | EventKind::ResultPublished
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

/// Parses a whole JSON Lines text (blank lines skipped), stopping at the first bad line.
pub fn parse_lines(text: &str) -> Result<Vec<CaseEvent>, CaseError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| CaseEvent::parse_line(l, i + 1))
        .collect()
}
