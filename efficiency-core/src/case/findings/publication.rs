//! **Result not published in time** (`publication.late`, docs/domain.md §13, 三公开): the result
//! of a concluded case is published within the item's publication limit (the rule table's
//! `publication`, default 7 workdays) after the conclusion; the handler answers for it.

use super::{Arg, Args, Facts, Findings};
use crate::case::event::Kind;
use crate::case::CaseError;
use crate::catalog::FindingCode;
use crate::clock::reckon::Reckoner;

/// The conclusion, if its result was published late or not yet past the deadline.
pub(crate) fn judge(f: &Facts<'_>, out: &mut Findings<'_>) -> Result<(), CaseError> {
    let (Some(concluded), Some(item)) = (f.first(Kind::Conclude), f.item) else {
        return Ok(());
    };
    let limit = item.publication_limit.unwrap_or(f.ctx.rules.publication);
    let published = f.first(Kind::ResultPublished);
    let judged_at = published.map_or(f.as_of, |p| p.at);
    if Reckoner::surely_in_time(concluded.at, limit, judged_at) {
        return Ok(()); // most results: in time, without reckoning the due
    }
    let deadline = f.ctx.due(concluded.at, limit)?;
    if judged_at > deadline {
        let events =
            out.ids(std::iter::once(concluded.id.as_str()).chain(published.map(|p| p.id.as_str())));
        let people = out.ids([f.handler.unwrap_or(concluded.actor.as_str())]);
        out.add(
            FindingCode::PublicationLate,
            deadline,
            || {
                Args::new()
                    .with("decision", Arg::Text(f.case.id().to_string()))
                    .with("decided", Arg::Time(concluded.at))
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
    use crate::case::tests::{codes, status};

    #[test]
    fn an_unpublished_result_is_late_after_the_items_limit() {
        let log = [
            r#""at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration""#,
            r#""at":"2026-11-02T09:10:00","actor":"soc01","event":"accept""#,
            r#""at":"2026-11-03T09:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false"#,
        ];
        // The item publishes within 5 workdays: by the close of 2026-11-10.
        assert!(codes(&status(&log, "2026-11-10T17:30:00")).is_empty());
        let s = status(&log, "2026-11-10T17:31:00");
        assert_eq!(codes(&s), ["publication.late"]);
        assert_eq!(s.findings[0].events, ["e3"]);
    }
}
