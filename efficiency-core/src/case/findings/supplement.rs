//! **The one-time notice** (一次性告知, docs/domain.md §5; 行政许可法 Art. 32):
//! - `supplement.late_notice` — the notice of what is missing came later than the item's notice
//!   limit after receipt (default 5 workdays; 7 for an information request, 政府信息公开条例
//!   Art. 30); the case then counts as accepted on receipt (the clock does so);
//! - `supplement.repeated` — a second or later supplement request: everything missing must be
//!   named once.
//!
//! A supplement requested after acceptance, during review (审查中补正), is neither: it is a
//! procedure of its own that stops the clock until the supplement arrives (the case's `append`
//! and the clock decide it).

use super::{Arg, Args, Facts, Findings};
use crate::case::CaseError;
use crate::catalog::FindingCode;
use crate::clock::ClockError;

/// The notice limit in workdays when the item names none (行政许可法 Art. 32).
const DEFAULT_NOTICE_WORKDAYS: u32 = 5;

/// A late first notice, and every further request.
pub(crate) fn judge(f: &Facts<'_>, out: &mut Findings<'_>) -> Result<(), CaseError> {
    let (Some(rec), Some(first)) = (f.received, f.supplement_requests.first()) else {
        return Ok(());
    };
    let within = f
        .item
        .and_then(|i| i.notice_limit)
        .map_or(DEFAULT_NOTICE_WORKDAYS, |n| n.amount);
    let elapsed = f
        .ctx
        .calendar
        .workdays_between(rec.at.date(), first.at.date())
        .map_err(ClockError::from)?;
    if elapsed > i32::try_from(within).unwrap_or(i32::MAX) {
        let events = out.ids([rec.id.as_str(), first.id.as_str()]);
        let people = out.ids([first.actor.as_str()]);
        out.add(
            FindingCode::SupplementLateNotice,
            first.at,
            || {
                Args::new()
                    .with("notice", Arg::Time(first.at))
                    .with("within", Arg::Int(i64::from(within)))
                    .with("received", Arg::Time(rec.at))
            },
            events,
            people,
        );
    }
    for again in f.supplement_requests.iter().skip(1) {
        let events = out.ids([first.id.as_str(), again.id.as_str()]);
        let people = out.ids([again.actor.as_str()]);
        out.add(
            FindingCode::SupplementRepeated,
            again.at,
            || {
                Args::new()
                    .with("at", Arg::Time(again.at))
                    .with("first", Arg::Time(first.at))
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

    const RECEIVED: &str = r#""at":"2026-09-25T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration""#;

    #[test]
    fn a_second_request_breaks_the_one_time_notice() {
        let log = [
            RECEIVED,
            r#""at":"2026-09-25T10:00:00","actor":"soc01","event":"supplement_request","missing":["章程"]"#,
            r#""at":"2026-09-28T10:00:00","actor":"soc01","event":"supplement_received""#,
            r#""at":"2026-09-28T11:00:00","actor":"soc01","event":"supplement_request","missing":["验资报告"]"#,
        ];
        let s = status(&log, "2026-09-29T00:00:00");
        assert_eq!(codes(&s), ["supplement.repeated"]);
        assert_eq!(s.findings[0].events, ["e2", "e4"]);
    }

    #[test]
    fn a_notice_after_five_workdays_is_late() {
        // Received Friday 09-25; 10-12 is more than five workdays later (National Day between).
        let log = [
            RECEIVED,
            r#""at":"2026-10-12T09:00:00","actor":"soc01","event":"supplement_request","missing":["章程"]"#,
        ];
        assert_eq!(
            codes(&status(&log, "2026-10-13T00:00:00")),
            ["supplement.late_notice"]
        );
    }

    /// During review: the clock stops for the supplement, and it is not a second notice.
    #[test]
    fn a_supplement_during_review_stops_the_clock() {
        let log = [
            RECEIVED,
            r#""at":"2026-09-25T10:00:00","actor":"soc01","event":"supplement_request","missing":["章程"]"#,
            r#""at":"2026-09-28T10:00:00","actor":"soc01","event":"supplement_received""#,
            r#""at":"2026-09-28T11:00:00","actor":"soc01","event":"accept""#,
            r#""at":"2026-10-12T10:00:00","actor":"soc01","event":"supplement_request","missing":["验资报告"]"#,
            r#""at":"2026-10-26T10:00:00","actor":"soc01","event":"supplement_received""#,
        ];
        // Promised 10 workdays from the complete materials (09-28): due 10-16 without the stop
        // (National Day, the make-up Saturday 10-10 counted); the 10 workdays stopped (10-13 to
        // 10-26) move it to 10-30.
        let s = status(&log, "2026-10-27T09:00:00");
        assert!(codes(&s).is_empty(), "{:?}", codes(&s));
        assert_eq!(
            s.clock.unwrap().promised_due.to_string(),
            "2026-10-30 17:30:00"
        );
        // Still waiting for it: the clock is stopped, the case accepted.
        let waiting = status(&log[..5], "2026-10-20T09:00:00");
        assert_eq!(
            (waiting.stage.as_str(), codes(&waiting).len()),
            ("accepted", 0)
        );
    }
}
