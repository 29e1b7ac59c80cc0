//! **Internal step overdue** (`step.overdue`, docs/domain.md §4.2 内部环节): each internal step of
//! an item (review, sign-off, approval, …) has its own limit, counted from the step's start; a
//! step finished after it, or still open past it while the case is accepted, is a fault of the
//! person who started it. A step returned and started again is judged per visit; several units
//! may run the same step in parallel (会审/并联审批), each visit judged with its own start and
//! finish (a finish closes the visit of its own unit). A suspension
//! of the case (a special procedure) stops every running step's clock too: its time does not
//! count toward the step's limit.

use super::{Arg, Args, Facts, Findings};
use crate::case::event::Kind;
use crate::case::{CaseError, EventKind, Stage};
use crate::catalog::FindingCode;
use crate::clock::reckon::Reckoner;

/// One finding per visit of a step past its limit.
pub(crate) fn judge(f: &Facts<'_>, out: &mut Findings<'_>) -> Result<(), CaseError> {
    let Some(item) = f.item else {
        return Ok(());
    };
    let mut suspensions = None; // read once, when a step is judged
    for s in f.of_kind(Kind::StepStarted) {
        let EventKind::StepStarted { step } = &s.kind else {
            unreachable!("filtered to step starts")
        };
        let Some(def) = item.steps.iter().find(|d| d.code == step) else {
            continue;
        };
        // A finish closes the visit of its own unit (the same person needs no roster lookup).
        let finished = f.events.iter().find(|e| {
            e.at >= s.at
                && matches!(&e.kind, EventKind::StepFinished { step: done } if done == step)
                && (e.actor == s.actor || f.unit_of(&e.actor) == f.unit_of(&s.actor))
        });
        // The time the visit is judged at: its finish, or now while the case is accepted.
        let judged_at = match finished {
            Some(done) => done.at,
            None if f.stage == Stage::Accepted => f.as_of,
            None => continue, // left open by a case that ended: judged by the case's own clock
        };
        if Reckoner::surely_in_time(s.at, def.limit, judged_at) {
            continue; // most visits: in time, without reckoning the due
        }
        // Suspensions count only when one overlaps the step's running time.
        let plain = f.ctx.due(s.at, def.limit)?;
        let windows = suspensions.get_or_insert_with(|| f.suspensions());
        let deadline = if windows.iter().any(|&(a, b)| b > s.at && a < plain) {
            f.ctx.due_skipping(s.at, def.limit, windows)?
        } else {
            plain
        };
        let late = judged_at > deadline;
        if late {
            let events =
                out.ids(std::iter::once(s.id.as_str()).chain(finished.map(|e| e.id.as_str())));
            let people = out.ids([s.actor.as_str()]);
            out.add(
                FindingCode::StepOverdue,
                deadline,
                || {
                    Args::new()
                        .with("step", Arg::Text(def.code.clone()))
                        .with("step_name", Arg::Text(def.name.clone()))
                        .with("limit", Arg::from(def.limit))
                        .with("started", Arg::Time(s.at))
                        .with("due", Arg::Time(deadline))
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

    /// The issue's case: an expert review suspends the case 11-03 to 11-13 inside a 5-workday
    /// review; the review finished 11-16 is on time (3 workdays counted), not overdue.
    #[test]
    fn a_suspension_stops_the_steps_clock() {
        let log = [
            r#""at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration""#,
            r#""at":"2026-11-02T09:10:00","actor":"soc01","event":"accept""#,
            r#""at":"2026-11-02T09:20:00","actor":"soc01","event":"step_started","step":"review""#,
            r#""at":"2026-11-03T10:00:00","actor":"soc01","event":"suspend","procedure":"expert_review""#,
            r#""at":"2026-11-13T10:00:00","actor":"soc01","event":"resume""#,
            r#""at":"2026-11-16T16:00:00","actor":"soc01","event":"step_finished","step":"review""#,
        ];
        assert!(codes(&status(&log, "2026-11-17T09:00:00")).is_empty());
        // Still suspended: the step's clock is stopped, nothing is overdue however long it lasts.
        assert!(codes(&status(&log[..4], "2026-11-30T09:00:00")).is_empty());
        // Without the suspension the same review is overdue.
        let plain = [log[0], log[1], log[2], log[5]];
        assert_eq!(
            codes(&status(&plain, "2026-11-12T09:00:00")),
            ["step.overdue"]
        );
    }

    /// Parallel review (会审): the same step run by two units, each visit judged on its own; the
    /// second start is not refused.
    #[test]
    fn parallel_visits_of_one_step_are_judged_each() {
        let log = [
            r#""at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration""#,
            r#""at":"2026-11-02T09:10:00","actor":"soc01","event":"accept""#,
            r#""at":"2026-11-02T09:20:00","actor":"soc01","event":"step_started","step":"review""#,
            r#""at":"2026-11-02T09:30:00","actor":"aff01","event":"step_started","step":"review""#,
            r#""at":"2026-11-05T09:00:00","actor":"soc01","event":"step_finished","step":"review""#,
            r#""at":"2026-11-12T09:00:00","actor":"aff01","event":"step_finished","step":"review""#,
        ];
        let s = status(&log, "2026-11-13T09:00:00");
        assert_eq!(codes(&s), ["step.overdue"]);
        assert_eq!(s.findings[0].events, ["e4", "e6"]);
        assert_eq!(s.findings[0].people, ["aff01"]);
    }

    #[test]
    fn a_review_past_its_five_workdays_is_overdue() {
        let log = [
            r#""at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration""#,
            r#""at":"2026-11-02T09:10:00","actor":"soc01","event":"accept""#,
            r#""at":"2026-11-02T09:20:00","actor":"soc01","event":"step_started","step":"review""#,
            r#""at":"2026-11-10T09:00:00","actor":"soc01","event":"step_finished","step":"review""#,
        ];
        let s = status(&log, "2026-11-10T10:00:00");
        assert_eq!(codes(&s), ["step.overdue"]);
        assert_eq!(s.findings[0].events, ["e3", "e4"]);
        let in_time = [
            log[0],
            log[1],
            log[2],
            r#""at":"2026-11-09T09:00:00","actor":"soc01","event":"step_finished","step":"review""#,
        ];
        assert!(codes(&status(&in_time, "2026-11-10T10:00:00")).is_empty());
    }
}
