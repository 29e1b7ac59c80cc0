//! Invariants of the clock, the case replay and the scorecards, over random inputs.

use chrono::{Duration, NaiveDateTime};
use efficiency_core::calendar::Calendar;
use efficiency_core::case::{CaseContext, Replay};
use efficiency_core::clock::{Clock, ClockEvent, TimeLimit};
use proptest::prelude::*;

fn t(s: &str) -> NaiveDateTime {
    efficiency_core::date::parse_local_time(s, efficiency_core::date::Zone::CHINA).unwrap()
}

/// The sample bureau's case lines (sorted by case id).
fn sample_lines() -> Vec<&'static str> {
    efficiency_core::bureau::SAMPLE_BUREAU_FILES
        .iter()
        .find(|(n, _)| *n == "cases.jsonl")
        .unwrap()
        .1
        .lines()
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    /// No due ever precedes the receipt (docs/domain.md §4.2): for any minute of 2026 and any
    /// limit — on the spot (at night, on a rest day, in a holiday), days, natural days, hours —
    /// under either end of a counted day.
    #[test]
    fn no_due_precedes_the_receipt(
        minute in 0i64..365 * 24 * 60,
        unit in 0usize..4,
        amount in 0u32..30,
        midnight in any::<bool>(),
    ) {
        use efficiency_core::clock::{ClockConfig, DayEnd};
        let received = t("2026-01-01 00:00") + Duration::minutes(minute);
        let limit = match unit {
            0 => TimeLimit::on_the_spot(),
            1 => TimeLimit::workdays(amount),
            2 => TimeLimit::natural_days(amount),
            _ => TimeLimit::work_hours(amount),
        };
        let config = ClockConfig {
            day_end: if midnight { DayEnd::Midnight } else { DayEnd::CloseOfBusiness },
            ..ClockConfig::default()
        };
        // Dues past 2026 answered provisionally (weekends only), as asked for.
        let cal = Calendar::china().with_provisional(true);
        let clock = Clock::new(cal, received, limit).with_config(config).unwrap();
        let s = clock.status(received).unwrap();
        prop_assert!(s.statutory_due.unwrap() >= received, "{limit} from {received}: due {}", s.statutory_due.unwrap());
        prop_assert!(s.promised_due >= received, "{limit} from {received}: promised due {}", s.promised_due);
    }

    /// A suspension never brings a due forward, and the statutory due is never before the
    /// promised one nor before counting starts.
    #[test]
    fn suspensions_never_bring_the_due_forward(
        amount in 1u32..40,
        windows in proptest::collection::vec((0i64..30 * 24, 1i64..10 * 24), 0..6),
        ask_after in 0i64..120 * 24,
    ) {
        let cal = Calendar::china();
        let accepted = t("2026-03-02 10:00");
        let as_of = accepted + Duration::hours(ask_after);
        let plain = Clock::new(cal.clone(), accepted, TimeLimit::workdays(amount));
        let mut c = plain.clone();
        let mut at = accepted;
        for (gap, length) in windows {
            let s = at + Duration::hours(gap) + Duration::minutes(1);
            let r = s + Duration::hours(length);
            if r > as_of {
                break;
            }
            c.push(ClockEvent::Suspend { at: s, reason: "hearing".into(), limit: None }).unwrap();
            c.push(ClockEvent::Resume { at: r }).unwrap();
            at = r;
        }
        let (a, b) = (plain.status(as_of), c.status(as_of));
        if let (Ok(a), Ok(b)) = (a, b) {
            prop_assert!(b.statutory_due.unwrap() >= a.statutory_due.unwrap());
            prop_assert!(b.statutory_due.unwrap() >= b.promised_due);
            prop_assert!(b.promised_due > b.counting_from);
        }
    }

}

proptest! {
    // Each case replays the whole sample year twice: a few cases are enough.
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    /// Judging the sample bureau's cases in chunks of any sizes gives the same statuses, errors
    /// and metrics as one pass (a case carried across chunk boundaries).
    #[test]
    fn chunk_boundaries_change_nothing(cuts in proptest::collection::vec(1usize..400, 1..12)) {
        let ctx = CaseContext::sample();
        let lines = sample_lines();
        let as_of = t("2026-12-31 18:00");
        let judge = |chunks: &[&[&str]]| {
            let mut r = Replay::new(&ctx, as_of, None, true);
            for c in chunks {
                r.push_lines(c).unwrap();
            }
            r.finish();
            (serde_json::to_value(r.take_statuses()).unwrap(), r.take_errors().len())
        };
        let whole = judge(&[&lines]);
        let mut chunks: Vec<&[&str]> = Vec::new();
        let mut rest: &[&str] = &lines;
        for cut in cuts {
            let k = cut.min(rest.len());
            let (a, b) = rest.split_at(k);
            chunks.push(a);
            rest = b;
        }
        chunks.push(rest);
        prop_assert_eq!(judge(&chunks), whole);
    }
}
