//! **Referral not followed up** (`referral.not_followed_up`, docs/domain.md §5): a request handed
//! to another post must get a reply or an action from the receiving person within the item's
//! limit (its promise, else its statutory limit; the rule table's `referral_follow_up`, default 3
//! workdays, when no item is known or the item is on the spot). Both the referrer and the
//! receiver answer for it.

use super::{Arg, Args, Facts, Findings};
use crate::case::event::Kind;
use crate::case::{CaseError, EventKind};
use crate::catalog::FindingCode;
use crate::clock::TimeUnit;

/// One finding per referral its receiver did not act on by the deadline.
pub(crate) fn judge(f: &Facts<'_>, out: &mut Findings<'_>) -> Result<(), CaseError> {
    for r in f.of_kind(Kind::Refer) {
        let EventKind::Refer { to } = &r.kind else {
            unreachable!("filtered to referrals")
        };
        let limit = f
            .item
            .map(|i| i.promised.unwrap_or(i.statutory))
            .filter(|l| l.unit != TimeUnit::OnTheSpot)
            .unwrap_or(f.ctx.rules.referral_follow_up);
        let deadline = f.ctx.due(r.at, limit)?;
        let acted = f.events.iter().any(|e| {
            e.actor == to
                && e.at >= r.at
                && e.at <= deadline
                && matches!(
                    e.kind,
                    EventKind::Reply
                        | EventKind::Answer
                        | EventKind::Receive { .. }
                        | EventKind::Accept { .. }
                        | EventKind::Conclude { .. }
                        | EventKind::Reject { .. }
                )
        });
        if !acted && !f.withdrawn_by(deadline) && f.as_of > deadline {
            let events = out.ids([r.id.as_str()]);
            let people = out.ids([r.actor.as_str(), to.as_str()]);
            out.add(
                FindingCode::ReferralNotFollowedUp,
                deadline,
                || {
                    Args::new()
                        .with("by", Arg::Text(f.name_of(&r.actor)))
                        .with("to", Arg::Text(f.name_of(to)))
                        .with("at", Arg::Time(r.at))
                        .with("due", Arg::Time(deadline))
                        .with("limit", Arg::from(limit))
                },
                events,
                people,
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::case::tests::{codes, status};

    #[test]
    fn a_referral_without_reply_names_both_people() {
        let log = [
            r#""actor":"soc01","event":"inquiry","channel":"in_person""#,
            r#""actor":"soc01","event":"refer","to":"mar01""#,
        ];
        // No item: the rule table's 3 workdays from Friday 2026-09-25, to the close of 09-30.
        assert!(codes(&status(&log, "2026-09-30T17:30:00")).is_empty());
        let s = status(&log, "2026-09-30T17:31:00");
        assert_eq!(codes(&s), ["referral.not_followed_up"]);
        assert_eq!(s.findings[0].people, ["soc01", "mar01"]);
        let replied = [log[0], log[1], r#""actor":"mar01","event":"reply""#];
        assert!(codes(&status(&replied, "2026-10-30T00:00:00")).is_empty());
    }
}
