//! **Urgent case not handled in time** (`urgent.missed`, docs/domain.md §4.3, 急事急办): a case
//! marked urgent (`mark_urgent`) is concluded within the item's urgent limit (same workday when
//! the item names none) counted from the later of the marking and the acceptance; the time of
//! a special procedure does not count (a same-workday limit runs to the close of the workday a
//! procedure that covers its close ends on). The handler (or whoever accepted) answers for it.

use super::{Arg, Args, Facts, Findings};
use crate::case::event::Kind;
use crate::case::CaseError;
use crate::catalog::FindingCode;
use crate::clock::TimeLimit;

/// The urgent due, when it passed before the conclusion (or the judging moment).
pub(crate) fn judge(f: &Facts<'_>, out: &mut Findings<'_>) -> Result<(), CaseError> {
    let (Some(marked), Some(accepted)) = (f.first(Kind::MarkUrgent), f.first(Kind::Accept)) else {
        return Ok(());
    };
    let limit = f
        .item
        .and_then(|i| i.urgent)
        .unwrap_or(TimeLimit::on_the_spot());
    let from = marked.at.max(accepted.at);
    let windows = f.suspensions();
    let mut due = f.ctx.due_skipping(from, limit, &windows)?;
    if limit.unit == crate::clock::TimeUnit::OnTheSpot {
        // The same workday: a procedure running over its close moves it to the close of the
        // workday the procedure ends on.
        for &(a, b) in &windows {
            if a < due && b > from.max(a) {
                due = due.max(f.ctx.due(b, limit)?);
            }
        }
    }
    let concluded = f.first(Kind::Conclude);
    let late = match concluded {
        Some(c) => c.at > due,
        None => f.as_of > due,
    };
    if late {
        let events = out.ids(
            [marked.id.as_str(), accepted.id.as_str()]
                .into_iter()
                .chain(concluded.map(|c| c.id.as_str())),
        );
        let people = out.ids([f.handler.unwrap_or(accepted.actor.as_str())]);
        out.add(
            FindingCode::UrgentMissed,
            due,
            || {
                Args::new()
                    .with("marked", Arg::Time(marked.at))
                    .with("due", Arg::Time(due))
                    .with("limit", Arg::from(limit))
                    .with("from", Arg::Time(from))
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

    const URGENT: [&str; 3] = [
        r#""at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration""#,
        r#""at":"2026-11-02T09:10:00","actor":"soc01","event":"accept""#,
        r#""at":"2026-11-02T09:20:00","actor":"soc-h","event":"mark_urgent""#,
    ];

    /// The item's urgent limit is 1 workday: due at the close of 2026-11-03.
    #[test]
    fn an_urgent_case_is_due_within_the_items_urgent_limit() {
        assert!(codes(&status(&URGENT, "2026-11-03T17:30:00")).is_empty());
        let s = status(&URGENT, "2026-11-03T17:31:00");
        assert_eq!(codes(&s), ["urgent.missed"]);
        assert_eq!(
            (
                s.findings[0].events.as_slice(),
                s.findings[0].people.as_slice()
            ),
            (
                ["e3".to_string(), "e2".to_string()].as_slice(),
                ["soc01".to_string()].as_slice()
            )
        );
        let done = [
            URGENT[0],
            URGENT[1],
            URGENT[2],
            r#""at":"2026-11-03T16:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false"#,
        ];
        assert!(!codes(&status(&done, "2026-11-30T09:00:00")).contains(&"urgent.missed"));
    }

    /// Without an urgent limit in the item, the same workday (on the spot).
    #[test]
    fn without_an_urgent_limit_the_same_workday() {
        let log = [
            r#""at":"2026-11-02T09:00:00","actor":"aff01","event":"receive","item":"licensing.decision""#,
            r#""at":"2026-11-02T09:10:00","actor":"aff01","event":"accept""#,
            r#""at":"2026-11-02T10:00:00","actor":"aff-h","event":"mark_urgent""#,
        ];
        assert!(codes(&status(&log, "2026-11-02T17:30:00")).is_empty());
        assert_eq!(
            codes(&status(&log, "2026-11-03T09:00:00")),
            ["urgent.missed"]
        );
    }
}
