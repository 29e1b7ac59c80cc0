//! The rules a case is judged by, a room each: one file per rule, each with the domain paragraph
//! it comes from, the codes it finds (assigned in [`crate::catalog`]), the function that judges
//! it and its tests.
//!
//! | file | codes | docs/domain.md |
//! |---|---|---|
//! | [`inquiry`] | `inquiry.not_handled` | §5 |
//! | [`referral`] | `referral.not_followed_up` | §5 |
//! | [`reception`] | `reception.refused` | §5 |
//! | [`supplement`] | `supplement.late_notice`, `supplement.repeated` | §5 |
//! | [`step`] | `step.overdue` | §4.2 |
//! | [`time_limit`] | `time_limit.promised_missed`, `time_limit.statutory_missed` | §4.4 |
//! | [`extension`] | `extension.*` | §4.3 |
//! | [`procedure`] | `procedure.overrun` | §4.3 |
//! | [`publication`] | `publication.late` | §13 |
//! | [`urgent`] | `urgent.missed` | §4.3 |
//! | [`due_told`] | `due_date.not_told` | §4.3 |
//!
//! Each rule is a function `judge(&Facts, &mut Findings)`: [`Facts`] is what the case's events
//! established at `as_of` (read once by `Case::judge`), [`Findings`] collects what the rule
//! finds, with the severity from the bureau's rule table. Adding a rule is one file here, one
//! line in [`RULES`] and its code in the catalog.

use chrono::NaiveDateTime;

use super::event::Kind;
use super::{Case, CaseContext, CaseError, CaseEvent, CaseFinding, EventKind, Stage};
use crate::catalog::FindingCode;
use crate::clock::{ClockStatus, Finding as ClockFinding};
use crate::item::ServiceItem;
pub(crate) use crate::messages::{Arg, Args};

pub(crate) mod due_told;
pub(crate) mod extension;
pub(crate) mod inquiry;
pub(crate) mod procedure;
pub(crate) mod publication;
pub(crate) mod reception;
pub(crate) mod referral;
pub(crate) mod step;
pub(crate) mod supplement;
pub(crate) mod time_limit;
pub(crate) mod urgent;

/// A rule: the function that judges it.
pub(crate) type Rule = fn(&Facts<'_>, &mut Findings<'_>) -> Result<(), CaseError>;

/// Every rule of a case, in the order they judge (the findings are sorted by time afterwards).
pub(crate) const RULES: &[Rule] = &[
    reception::judge,
    inquiry::judge,
    referral::judge,
    supplement::judge,
    step::judge,
    time_limit::judge,
    extension::judge,
    procedure::judge,
    publication::judge,
    urgent::judge,
    due_told::judge,
];

/// What a case's events established at `as_of`: the facts every rule reads.
pub(crate) struct Facts<'a> {
    /// The calendar, items, roster and rule tables.
    pub ctx: &'a CaseContext,
    /// The case (its clock and the clock's events).
    pub case: &'a Case,
    /// The events up to `as_of`, in time order.
    pub events: &'a [CaseEvent],
    /// The kinds of those events, as a set of [`Kind::bit`]s.
    pub kinds: u32,
    /// The moment judged.
    pub as_of: NaiveDateTime,

    /// The service item, once received.
    pub item: Option<&'a ServiceItem>,
    /// The stage at `as_of`.
    pub stage: Stage,
    /// The handler, once accepted.
    pub handler: Option<&'a str>,
    /// The receipt of the application.
    pub received: Option<&'a CaseEvent>,
    /// The supplement requests (one-time notices), in time order.
    pub supplement_requests: Vec<&'a CaseEvent>,
    /// When the applicant withdrew.
    pub withdrawn_at: Option<NaiveDateTime>,
    /// The clock's status at `as_of` (or at the withdrawal), once accepted.
    pub clock: Option<&'a ClockStatus>,
}

impl<'a> Facts<'a> {
    /// The events of `kind`, in time order (none scanned when the case has no such event).
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &'a CaseEvent> + 'a {
        let events = if self.kinds & kind.bit() == 0 {
            &[][..]
        } else {
            self.events
        };
        events.iter().filter(move |e| e.kind.kind() == kind)
    }

    /// The first event of `kind`.
    pub fn first(&self, kind: Kind) -> Option<&'a CaseEvent> {
        self.of_kind(kind).next()
    }

    /// A person as a finding's text names them: their name on the roster (their id when not
    /// on it). The finding's `people` keep the ids.
    pub fn name_of(&self, person: &str) -> String {
        self.ctx
            .roster
            .get(person)
            .map_or(person, |s| s.name.as_str())
            .to_string()
    }

    /// The unit of a person on the roster (their own id when not on it).
    pub fn unit_of<'s>(&self, actor: &'s str) -> &'s str
    where
        'a: 's,
    {
        self.ctx
            .roster
            .get(actor)
            .map_or(actor, |s| s.unit.as_str())
    }

    /// The case's suspensions (special procedures) up to `as_of`, as `(from, to)` windows in
    /// time order; one still open runs to `as_of`, as the clock counts it.
    pub fn suspensions(&self) -> Vec<(NaiveDateTime, NaiveDateTime)> {
        let mut out = Vec::new();
        if self.kinds & (Kind::Suspend.bit() | Kind::SupplementRequest.bit()) == 0 {
            return out; // nothing stopped the clock
        }
        // A special procedure, or a supplement requested during review (after acceptance).
        let mut accepted = false;
        let mut open: Option<NaiveDateTime> = None;
        for e in self.events {
            match e.kind {
                EventKind::Accept { .. } => accepted = true,
                EventKind::Suspend { .. } if open.is_none() => open = Some(e.at),
                EventKind::SupplementRequest { .. } if accepted && open.is_none() => {
                    open = Some(e.at)
                }
                EventKind::Resume | EventKind::SupplementReceived if accepted => {
                    if let Some(from) = open.take() {
                        out.push((from, e.at));
                    }
                }
                _ => {}
            }
        }
        if let Some(from) = open {
            out.push((from, self.as_of.max(from)));
        }
        out
    }

    /// Whether the applicant withdrew by `deadline` (a duty that ends with the case).
    pub fn withdrawn_by(&self, deadline: NaiveDateTime) -> bool {
        self.withdrawn_at.is_some_and(|w| w <= deadline)
    }

    /// The case's event ids and actors behind a clock finding (the clock numbers its own events).
    pub fn clock_evidence(&self, f: &ClockFinding) -> (Vec<String>, Vec<String>) {
        let case_events = f
            .events
            .iter()
            .filter_map(|&i| self.case.clock_events.get(i))
            .map(|&i| &self.case.events[i]);
        case_events
            .map(|e| (e.id.to_string(), e.actor.to_string()))
            .unzip()
    }

    /// The clock's findings whose code `wanted` accepts, with their catalog code.
    pub fn clock_findings(
        &self,
        wanted: impl Fn(FindingCode) -> bool + 'a,
    ) -> impl Iterator<Item = (FindingCode, &'a ClockFinding)> + 'a {
        self.clock
            .into_iter()
            .flat_map(|c| c.findings.iter())
            .filter_map(move |f| {
                let code = FindingCode::from_name(f.code).expect("a catalog code");
                wanted(code).then_some((code, f))
            })
    }
}

/// What the rules found, with the severities of the bureau's rule table. With `explain` off (a
/// replay that only counts) a finding keeps no message, events or people.
pub(crate) struct Findings<'a> {
    ctx: &'a CaseContext,
    explain: bool,
    list: Vec<CaseFinding>,
}

impl<'a> Findings<'a> {
    pub fn new(ctx: &'a CaseContext, explain: bool) -> Self {
        Findings {
            ctx,
            explain,
            list: Vec::new(),
        }
    }

    /// Adds a finding; its arguments and text are made only when they will be read.
    pub fn add(
        &mut self,
        code: FindingCode,
        at: NaiveDateTime,
        args: impl FnOnce() -> Args,
        events: Vec<String>,
        mut people: Vec<String>,
    ) {
        let code = code.as_str();
        if !self.ctx.rules.judged(code) {
            return; // the bureau's data cannot tell; the review lists the rule as not judged
        }
        people.dedup();
        let (text, args) = if self.explain {
            let args = args();
            (self.ctx.messages.text(self.ctx.lang, code, &args), args)
        } else {
            (String::new(), Args::new())
        };
        self.list.push(CaseFinding {
            code,
            severity: self.ctx.rules.severity(code),
            at,
            text,
            args,
            events,
            people,
        });
    }

    /// A finding the clock decided: its code, time and arguments (written in the context's
    /// language and catalogue), with the events and people `name` gives (asked only when they
    /// will be read).
    pub fn add_from_clock(
        &mut self,
        code: FindingCode,
        finding: &ClockFinding,
        name: impl FnOnce() -> (Vec<String>, Vec<String>),
    ) {
        let (events, people) = if self.explain {
            name()
        } else {
            (Vec::new(), Vec::new())
        };
        self.add(code, finding.at, || finding.args.clone(), events, people);
    }

    pub fn ids<'s>(&self, list: impl IntoIterator<Item = &'s str>) -> Vec<String> {
        if self.explain {
            list.into_iter().map(str::to_string).collect()
        } else {
            Vec::new()
        }
    }

    /// The findings in time order (then by code).
    pub fn into_sorted(mut self) -> Vec<CaseFinding> {
        self.list
            .sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.code.cmp(b.code)));
        self.list
    }
}

/// Every rule in [`RULES`] finds only codes of its own file (the catalog's `rule` field), and
/// every case finding code has a rule.
#[cfg(test)]
mod tests {
    use crate::catalog::FINDING_CATALOG;

    #[test]
    fn every_case_code_is_judged_in_its_room() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for f in FINDING_CATALOG {
            assert!(
                f.rule.starts_with("case/findings/"),
                "{} is judged outside case/findings",
                f.code
            );
            let text = std::fs::read_to_string(dir.join(f.rule)).unwrap();
            let variant = crate::catalog::FindingCode::from_name(f.code).unwrap();
            assert!(
                text.contains(&format!("FindingCode::{variant:?}")),
                "{} does not find {}",
                f.rule,
                f.code
            );
        }
    }
}
