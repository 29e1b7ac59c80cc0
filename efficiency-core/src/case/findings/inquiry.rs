//! **First inquiry not handled** (`inquiry.not_handled`, docs/domain.md §5, 首问负责制): the first
//! person asked answers, records, hands over or guides the inquiry within the rule table's
//! `inquiry_response` limit (default 1 workday) — unless the applicant withdrew first.

use super::{Arg, Args, Facts, Findings};
use crate::case::event::Kind;
use crate::case::{CaseError, EventKind};
use crate::catalog::FindingCode;

/// The first inquiry, if its first responder did nothing that handles it by the deadline.
pub(crate) fn judge(f: &Facts<'_>, out: &mut Findings<'_>) -> Result<(), CaseError> {
    let Some(inq) = f.first(Kind::Inquiry) else {
        return Ok(());
    };
    let deadline = f.ctx.due(inq.at, f.ctx.rules.inquiry_response)?;
    let handled = f.events.iter().any(|e| {
        e.actor == inq.actor
            && e.at <= deadline
            && matches!(
                e.kind,
                EventKind::Answer
                    | EventKind::Refer { .. }
                    | EventKind::GuideOutside { .. }
                    | EventKind::Receive { .. }
                    | EventKind::RefuseReception { .. }
            )
    });
    if !handled && !f.withdrawn_by(deadline) && f.as_of > deadline {
        let (events, people) = (out.ids([inq.id.as_str()]), out.ids([inq.actor.as_str()]));
        out.add(
            FindingCode::InquiryNotHandled,
            deadline,
            || {
                Args::new()
                    .with("asked", Arg::Time(inq.at))
                    .with("due", Arg::Time(deadline))
            },
            events,
            people,
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::case::tests::{codes, status};

    const ASKED: &str = r#""actor":"soc01","event":"inquiry","channel":"in_person""#;

    #[test]
    fn an_unanswered_inquiry_is_found_after_a_workday() {
        // Asked on Friday 2026-09-25: due at the close of Monday 09-28 (17:30).
        assert!(codes(&status(&[ASKED], "2026-09-28T17:30:00")).is_empty());
        let s = status(&[ASKED], "2026-09-28T17:31:00");
        assert_eq!(codes(&s), ["inquiry.not_handled"]);
        assert_eq!(s.findings[0].people, ["soc01"]);
    }

    #[test]
    fn an_answer_or_a_withdrawal_in_time_handles_it() {
        let answered = [ASKED, r#""actor":"soc01","event":"answer""#];
        assert!(codes(&status(&answered, "2026-10-30T00:00:00")).is_empty());
        let withdrawn = [ASKED, r#""actor":"soc01","event":"withdrawn""#];
        assert!(codes(&status(&withdrawn, "2026-10-30T00:00:00")).is_empty());
    }
}
