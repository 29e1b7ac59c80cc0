//! **Due date not told** (`due_date.not_told`, docs/domain.md §4.3, 告知办结时间): a case
//! accepted and not concluded on the spot is told its due date (`due_told`) within the item's
//! notice limit (5 workdays when the item names none) after acceptance; a case concluded within
//! that limit needs no notice. The handler (or whoever accepted) answers for it.
//!
//! A bureau whose records do not carry the notice lists the code in its rule table's
//! `not_judged` (the shipped table does, until an export records it): the review then says the
//! rule was not judged instead of faulting every case.

use super::{Arg, Args, Facts, Findings};
use crate::case::event::Kind;
use crate::case::CaseError;
use crate::catalog::FindingCode;
use crate::clock::TimeLimit;

/// The notice deadline, when it passed with the due untold and the case still open at it.
pub(crate) fn judge(f: &Facts<'_>, out: &mut Findings<'_>) -> Result<(), CaseError> {
    // Not judged (the shipped table): nothing to reckon.
    if !f.ctx.rules.judged(FindingCode::DueNotTold.as_str()) {
        return Ok(());
    }
    let Some(accepted) = f.first(Kind::Accept) else {
        return Ok(());
    };
    let limit = f
        .item
        .and_then(|i| i.notice_limit)
        .unwrap_or(TimeLimit::workdays(5));
    let deadline = f.ctx.due(accepted.at, limit)?;
    let told = f.first(Kind::DueTold);
    let concluded = f.first(Kind::Conclude);
    let in_time = told.is_some_and(|t| t.at <= deadline);
    let no_need = concluded.is_some_and(|c| c.at <= deadline);
    if !in_time && !no_need && f.as_of > deadline {
        let events =
            out.ids(std::iter::once(accepted.id.as_str()).chain(told.map(|t| t.id.as_str())));
        let people = out.ids([f.handler.unwrap_or(accepted.actor.as_str())]);
        out.add(
            FindingCode::DueNotTold,
            deadline,
            || {
                Args::new()
                    .with("accepted", Arg::Time(accepted.at))
                    .with("due", Arg::Time(deadline))
                    .with("limit", Arg::from(limit))
            },
            events,
            people,
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::case::tests::{codes_judging, status_judging};

    const ACCEPTED: [&str; 2] = [
        r#""at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration""#,
        r#""at":"2026-11-02T09:10:00","actor":"soc01","event":"accept""#,
    ];

    /// Five workdays after acceptance: by the close of 2026-11-09.
    #[test]
    fn an_untold_due_is_a_finding_after_the_notice_limit() {
        assert!(
            !codes_judging(&status_judging(&ACCEPTED, "2026-11-09T17:30:00"))
                .contains(&"due_date.not_told")
        );
        let s = status_judging(&ACCEPTED, "2026-11-09T17:31:00");
        assert!(codes_judging(&s).contains(&"due_date.not_told"));
        let told = [
            ACCEPTED[0],
            ACCEPTED[1],
            r#""at":"2026-11-02T09:15:00","actor":"soc01","event":"due_told""#,
        ];
        assert!(
            !codes_judging(&status_judging(&told, "2026-11-30T09:00:00"))
                .contains(&"due_date.not_told")
        );
        let quick = [
            ACCEPTED[0],
            ACCEPTED[1],
            r#""at":"2026-11-04T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false"#,
        ];
        assert!(
            !codes_judging(&status_judging(&quick, "2026-11-30T09:00:00"))
                .contains(&"due_date.not_told")
        );
    }

    /// The shipped rule table does not judge it (most exports do not record the notice).
    #[test]
    fn the_shipped_table_does_not_judge_it() {
        let s = crate::case::tests::status(&ACCEPTED, "2026-11-30T09:00:00");
        assert!(!crate::case::tests::codes(&s).contains(&"due_date.not_told"));
    }
}
