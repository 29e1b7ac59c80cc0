//! **Extensions** (docs/domain.md §4.3): an extension counts only when requested before the
//! statutory due, within the item's cap and count, approved in time by someone with the item's
//! required authority, and told to the applicant before the original due. Each failure is a
//! finding and the extension moves nothing: `extension.requested_late`,
//! `extension.not_approved`, `extension.unauthorized_approver`, `extension.over_cap`,
//! `extension.too_many`, `extension.applicant_not_notified`. The clock decides; this rule names
//! the events and the people who made them.

use super::{Facts, Findings};
use crate::case::CaseError;
use crate::catalog::FindingCode;

/// The clock's extension findings, on the people behind their events.
pub(crate) fn judge(f: &Facts<'_>, out: &mut Findings<'_>) -> Result<(), CaseError> {
    let found = f.clock_findings(|c| {
        matches!(
            c,
            FindingCode::ExtensionRequestedLate
                | FindingCode::ExtensionNotApproved
                | FindingCode::ExtensionUnauthorizedApprover
                | FindingCode::ExtensionOverCap
                | FindingCode::ExtensionTooMany
                | FindingCode::ExtensionApplicantNotNotified
        )
    });
    if f.handler.is_none() {
        return Ok(());
    }
    for (code, finding) in found {
        out.add_from_clock(code, finding, || {
            let (events, mut people) = f.clock_evidence(finding);
            people.sort();
            (events, people)
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::case::tests::{codes, status};

    #[test]
    fn an_extension_approved_by_a_unit_head_moves_nothing() {
        // The item requires the agency head; the unit head approved.
        let log = [
            r#""at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration""#,
            r#""at":"2026-11-02T09:10:00","actor":"soc01","event":"accept""#,
            r#""at":"2026-11-10T09:00:00","actor":"soc01","event":"extension_requested","amount":10,"reason":"专家评审""#,
            r#""at":"2026-11-10T10:00:00","actor":"soc-h","event":"extension_approved""#,
            r#""at":"2026-11-10T11:00:00","actor":"soc01","event":"applicant_notified""#,
        ];
        let s = status(&log, "2026-11-11T00:00:00");
        assert_eq!(codes(&s), ["extension.unauthorized_approver"]);
        assert_eq!(s.findings[0].events, ["e3", "e4"]);
        assert_eq!(s.findings[0].people, ["soc-h", "soc01"]);
    }
}
