//! **Limits missed** (docs/domain.md §4.4, 限时办结制): not concluded by the promised due
//! (`time_limit.promised_missed`, a yellow card) or by the statutory due
//! (`time_limit.statutory_missed`, a red card). The clock decides when a limit ran out; this rule
//! names the handler and the events behind it: the acceptance, the event that started the
//! running period (the last resumption before the due), then the clock's own (the late
//! conclusion).

use super::{Facts, Findings};
use crate::case::event::Kind;
use crate::case::{CaseError, EventKind};
use crate::catalog::FindingCode;

/// The clock's missed limits, on the handler.
pub(crate) fn judge(f: &Facts<'_>, out: &mut Findings<'_>) -> Result<(), CaseError> {
    let Some(handler) = f.handler else {
        return Ok(());
    };
    let missed = f.clock_findings(|c| {
        matches!(
            c,
            FindingCode::PromisedMissed | FindingCode::StatutoryMissed
        )
    });
    for (code, finding) in missed {
        out.add_from_clock(code, finding, || {
            let (clock_events, _) = f.clock_evidence(finding);
            let acceptance = f.first(Kind::Accept);
            let resumed = f
                .events
                .iter()
                .rev()
                .find(|e| e.at <= finding.at && matches!(e.kind, EventKind::Resume));
            let mut events: Vec<String> = acceptance
                .into_iter()
                .chain(resumed)
                .map(|e| e.id.to_string())
                .filter(|id| !clock_events.contains(id))
                .collect();
            events.extend(clock_events);
            (events, vec![handler.to_string()])
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::case::tests::{codes, status};

    #[test]
    fn a_late_conclusion_names_the_acceptance_and_the_conclusion() {
        // Promised 10 workdays from 2026-11-02: due 11-16; statutory 20: due 11-30.
        let log = [
            r#""at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration""#,
            r#""at":"2026-11-02T09:10:00","actor":"soc01","event":"accept""#,
            r#""at":"2026-11-18T09:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false"#,
            r#""at":"2026-11-18T10:00:00","actor":"soc01","event":"result_published""#,
        ];
        let s = status(&log, "2026-12-01T00:00:00");
        assert_eq!(codes(&s), ["time_limit.promised_missed"]);
        assert_eq!(s.findings[0].events, ["e2", "e3"]);
        assert_eq!(s.findings[0].people, ["soc01"]);
    }
}
