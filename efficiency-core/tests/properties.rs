//! Invariants of the working-day arithmetic, over random dates and counts.

use chrono::{Days, NaiveDate};
use efficiency_core::calendar::Calendar;
use proptest::prelude::*;

fn date_in(first: i32, last: i32) -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(first, 1, 1).unwrap();
    let days = (NaiveDate::from_ymd_opt(last, 12, 31).unwrap() - start).num_days() as u64;
    (0..=days).prop_map(move |k| start + Days::new(k))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

    /// `workdays_between(d, add_workdays(d, n)) == n` for n ≥ 0; for n < 0 the result is the
    /// |n|-th workday strictly before d, so `workdays_between(e, d)` counts |n| - 1 workdays
    /// strictly between them, plus d itself if it is a workday. From a workday, the two
    /// directions undo each other.
    #[test]
    fn between_inverts_add(d in date_in(2004, 2025), n in -200i32..=200) {
        let cal = Calendar::china();
        if let Ok(e) = cal.add_workdays(d, n) {
            let d_counts = i32::from(cal.is_workday(d)?);
            if n >= 0 {
                prop_assert_eq!(cal.workdays_between(d, e)?, n);
            } else {
                prop_assert_eq!(cal.workdays_between(e, d)?, -n - 1 + d_counts);
            }
            if n != 0 {
                prop_assert!(cal.is_workday(e)?);
                if d_counts == 1 {
                    prop_assert_eq!(cal.add_workdays(e, -n)?, d);
                }
            }
        }
    }

    #[test]
    fn between_is_antisymmetric_and_additive(a in date_in(2004, 2026), b in date_in(2004, 2026), c in date_in(2004, 2026)) {
        let cal = Calendar::china();
        prop_assert_eq!(cal.workdays_between(a, b)?, -cal.workdays_between(b, a)?);
        prop_assert_eq!(cal.workdays_between(a, b)? + cal.workdays_between(b, c)?, cal.workdays_between(a, c)?);
    }

    #[test]
    fn next_and_previous_are_adjacent_workdays(d in date_in(2004, 2026)) {
        let cal = Calendar::china();
        if let (Ok(next), Ok(prev)) = (cal.next_workday(d), cal.previous_workday(d)) {
            prop_assert!(next > d && prev < d);
            prop_assert_eq!(cal.workdays_between(prev, next)?, 1 + i32::from(cal.is_workday(d)?));
        }
    }

    #[test]
    fn provisional_agrees_inside_the_data(d in date_in(2004, 2026), n in -60i32..=60) {
        let strict = Calendar::china();
        let provisional = Calendar::china().with_provisional(true);
        if let Ok(e) = strict.add_workdays(d, n) {
            prop_assert_eq!(provisional.add_workdays(d, n)?, e);
            prop_assert!(!provisional.is_provisional(e));
        }
    }

    #[test]
    fn provisional_years_count_weekdays(d in date_in(2027, 2400), n in -500i32..=500) {
        let cal = Calendar::china().with_provisional(true);
        if let Ok(e) = cal.add_workdays(d, n) {
            let d_counts = i32::from(cal.is_workday(d)?);
            let expected = if n >= 0 { n } else { n + 1 - d_counts };
            prop_assert_eq!(cal.workdays_between(d, e)?, expected);
            prop_assert_eq!(cal.is_provisional(e), e > NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        }
    }
}
