//! **Special procedure over its limit** (`procedure.overrun`, docs/domain.md §4.3): a special
//! procedure that stops the clock (expert review, third-party consultation, …) may have its own
//! limit, the item's `max_time` (third-party consultation: 15 workdays, 政府信息公开条例 Art. 32).
//! Time beyond it counts toward the case's limit again (the clock decides that); the overrun is
//! a finding on the person who started the procedure, naming it.

use super::{Facts, Findings};
use crate::case::CaseError;
use crate::catalog::FindingCode;

/// The clock's overruns, on the people behind the suspension.
pub(crate) fn judge(f: &Facts<'_>, out: &mut Findings<'_>) -> Result<(), CaseError> {
    for (code, finding) in f.clock_findings(|c| c == FindingCode::ProcedureOverrun) {
        out.add_from_clock(code, finding, || {
            let (events, actors) = f.clock_evidence(finding);
            // The suspension's actor started the procedure; the resumption is evidence only.
            (events, actors.into_iter().take(1).collect())
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::case::tests::{codes, status};

    /// The issue's case: a third-party consultation of 22 workdays against the 15 of 政府信息公开条例
    /// Art. 32 — a finding, and the 7 workdays beyond count toward the 20-workday reply limit.
    #[test]
    fn a_consultation_past_fifteen_workdays_is_an_overrun() {
        let log = [
            r#""at":"2026-11-02T09:00:00","actor":"aff01","event":"receive","item":"disclosure.request""#,
            r#""at":"2026-11-02T09:10:00","actor":"aff01","event":"accept""#,
            r#""at":"2026-11-03T10:00:00","actor":"aff01","event":"suspend","procedure":"third_party_consultation""#,
            r#""at":"2026-12-03T10:00:00","actor":"aff01","event":"resume""#,
        ];
        let s = status(&log, "2026-12-04T09:00:00");
        assert_eq!(codes(&s), ["procedure.overrun"]);
        assert_eq!(s.findings[0].at.to_string(), "2026-11-24 17:30:00");
        assert_eq!(s.findings[0].events, ["e3", "e4"]);
        assert_eq!(s.findings[0].people, ["aff01"]);
        // Within the 15 workdays: nothing, and the whole consultation is not counted.
        let short = [
            log[0],
            log[1],
            log[2],
            r#""at":"2026-11-20T10:00:00","actor":"aff01","event":"resume""#,
        ];
        assert!(codes(&status(&short, "2026-11-21T09:00:00")).is_empty());
    }
}
