use super::*;
use crate::date::parse_date;

fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

#[test]
fn weekday_arithmetic_matches_chrono() {
    let base = d("2000-01-01");
    for day in base.iter_days().take(3000) {
        let n = i64::from(ce(day));
        let is_weekday = !matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        assert_eq!(
            weekdays_through(n) - weekdays_through(n - 1) == 1,
            is_weekday,
            "{day}"
        );
        if is_weekday {
            assert_eq!(nth_weekday(weekdays_through(n)), n, "{day}");
        }
    }
}

/// Each notice balances: weekdays off = statutory days + make-up workdays (every statutory day
/// on a weekend is paid back with an in-lieu weekday, every extra weekday off with a make-up
/// Saturday or Sunday). The one exception is 2020, whose Spring Festival was extended by 2020-01-31
/// (a Friday off) and 2020-02-01 (no longer a make-up workday).
#[test]
fn every_notice_balances() {
    let doc = Calendar::china().document().clone();
    for y in &doc.years {
        let mut weekdays_off = 0;
        let mut statutory = 0;
        let mut makeup = 0;
        for p in &y.periods {
            let (from, to) = (d(&p.from), d(&p.to));
            weekdays_off += from
                .iter_days()
                .take_while(|x| *x <= to)
                .filter(|x| !matches!(x.weekday(), Weekday::Sat | Weekday::Sun))
                .count() as i32;
            statutory += p
                .festivals
                .iter()
                .map(|f| f.statutory.len() as i32)
                .sum::<i32>();
            makeup += p.makeup_workdays.len() as i32;
        }
        let expected_extra = if y.year == 2020 { 2 } else { 0 };
        assert_eq!(
            weekdays_off - statutory - makeup,
            expected_extra,
            "year {}",
            y.year
        );
    }
}

#[test]
fn statutory_days_follow_the_law_of_each_year() {
    // 10 statutory days until 2007, 11 from 2008 (+1 one-off in 2015), 13 from 2025.
    let doc = Calendar::china().document().clone();
    for y in &doc.years {
        let n: usize = y
            .periods
            .iter()
            .flat_map(|p| &p.festivals)
            .map(|f| f.statutory.len())
            .sum();
        let expected = match y.year {
            ..=2007 => 10,
            2015 => 12,
            2008..=2024 => 11,
            _ => 13,
        };
        assert_eq!(n, expected, "year {}", y.year);
    }
}

#[test]
fn facts_from_the_notices() {
    let cal = Calendar::china();
    let kind = |s: &str| cal.day_kind(d(s)).unwrap();
    // The 2006 notice makes 2005-12-31 (Saturday) a workday; some datasets miss it.
    assert_eq!(kind("2005-12-31"), DayKind::MakeupWorkday);
    assert_eq!(kind("2006-01-03"), DayKind::Holiday);
    // 2007 New Year paid for with 2006-12-30/31.
    assert_eq!(kind("2006-12-30"), DayKind::MakeupWorkday);
    // 2008: first Qingming holiday; New Year period reaching back into 2007.
    assert_eq!(kind("2008-04-04"), DayKind::Holiday);
    assert_eq!(kind("2007-12-31"), DayKind::Holiday);
    assert_eq!(kind("2007-12-29"), DayKind::MakeupWorkday);
    // 2004-2007: Labour Day week; 2008+: one day.
    assert_eq!(kind("2007-05-07"), DayKind::Holiday);
    assert_eq!(kind("2008-05-05"), DayKind::Workday);
    // One-off: war victory anniversary.
    assert_eq!(kind("2015-09-03"), DayKind::Holiday);
    assert_eq!(kind("2015-09-04"), DayKind::Holiday);
    assert_eq!(kind("2015-09-06"), DayKind::MakeupWorkday);
    // 2019 Labour Day change.
    assert_eq!(kind("2019-05-02"), DayKind::Holiday);
    assert_eq!(kind("2019-05-05"), DayKind::MakeupWorkday);
    // 2020 extension: Jan 31 and Feb 1-2 off, Feb 1 no longer a make-up day, Feb 3 back.
    assert_eq!(kind("2020-01-31"), DayKind::Holiday);
    assert_eq!(kind("2020-02-01"), DayKind::Holiday);
    assert_eq!(kind("2020-02-03"), DayKind::Workday);
    // 2024: New Year's Eve (Feb 9) was a workday; 2025: statutory again.
    assert_eq!(kind("2024-02-09"), DayKind::Workday);
    assert!(cal.day_info(d("2025-01-28")).unwrap().statutory);
    // 2025: Labour Day 2 statutory days.
    assert!(cal.day_info(d("2025-05-02")).unwrap().statutory);
    assert!(!cal.day_info(d("2024-05-02")).unwrap().statutory);
    // 2026.
    assert_eq!(kind("2026-02-14"), DayKind::MakeupWorkday);
    assert_eq!(kind("2026-02-23"), DayKind::Holiday);
    assert_eq!(kind("2026-09-20"), DayKind::MakeupWorkday);
    assert_eq!(
        cal.holiday_name(d("2026-02-15")).unwrap().as_deref(),
        Some("Spring Festival")
    );
}

#[test]
fn strict_calendar_names_the_year_and_range() {
    let cal = Calendar::china();
    let e = cal.is_workday(d("2027-01-04")).unwrap_err();
    assert_eq!(e.code(), "calendar.year_not_covered");
    let msg = e.to_string();
    assert!(
        msg.contains("2027") && msg.contains("2004-2026") && msg.contains("2027-01-04"),
        "{msg}"
    );
    let e = cal.add_workdays(d("2026-12-30"), 5).unwrap_err();
    assert!(e.to_string().contains("2027"), "{e}");
    let e = cal.add_workdays(d("2004-01-05"), -5).unwrap_err();
    assert!(e.to_string().contains("2003"), "{e}");
    assert!(matches!(
        e,
        CalendarError::YearNotCovered {
            provisional_allowed: false,
            ..
        }
    ));
    assert!(cal
        .workdays_between(d("2003-12-31"), d("2004-01-05"))
        .is_err());
}

#[test]
fn provisional_calendar_answers_future_years_with_weekends_and_says_so() {
    let cal = Calendar::china().with_provisional(true);
    assert_eq!(
        cal.add_workdays(d("2026-12-30"), 3).unwrap(),
        d("2027-01-04")
    );
    let r = cal.explain_add_workdays(d("2026-12-30"), 3).unwrap();
    assert!(r.provisional);
    let r = cal.explain_add_workdays(d("2026-12-01"), 3).unwrap();
    assert!(!r.provisional);
    assert_eq!(
        cal.workdays_between(d("2026-12-31"), d("2027-12-31"))
            .unwrap(),
        261
    );
    // Weekends only: 2027-01-01 counts until the 2027 notice is loaded.
    assert_eq!(
        cal.add_workdays(d("2027-01-04"), -1).unwrap(),
        d("2027-01-01")
    );
    // Never before the data.
    assert!(cal.is_workday(d("2003-06-02")).is_err());
    // Still bounded.
    assert_eq!(
        cal.add_workdays(d("9999-12-30"), 5).unwrap_err().code(),
        "calendar.out_of_range"
    );
}

#[test]
fn json_round_trip_is_exact() {
    let cal = Calendar::china();
    let again = Calendar::from_json(&cal.to_json()).unwrap();
    assert_eq!(again.document(), cal.document());
    let reparsed: serde_json::Value = serde_json::from_str(&cal.to_json()).unwrap();
    let shipped: serde_json::Value = serde_json::from_str(CHINA_JSON).unwrap();
    assert_eq!(reparsed, shipped);
}

fn with_2026(edit: impl Fn(&mut serde_json::Value)) -> Result<Calendar, CalendarError> {
    let mut v: serde_json::Value = serde_json::from_str(CHINA_JSON).unwrap();
    edit(&mut v);
    Calendar::from_json(&v.to_string())
}

#[test]
fn bad_data_is_rejected_with_its_path() {
    let last = 22; // 2026
    type Edit = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(move |v| v["years"][last]["periods"][0]["from"] = "2026-02-30".into()),
            "years[22].periods[0].from",
        ),
        (
            Box::new(move |v| v["years"][last]["periods"][0]["to"] = "2025-12-30".into()),
            "years[22].periods[0].to",
        ),
        (
            Box::new(move |v| {
                v["years"][last]["periods"][0]["makeup_workdays"][0] = "2026-01-05".into()
            }),
            "must be a Saturday or Sunday",
        ),
        (
            Box::new(move |v| {
                v["years"][last]["periods"][1]["festivals"][0]["statutory"][0] = "2026-03-01".into()
            }),
            "outside its period",
        ),
        (
            Box::new(move |v| v["years"][last]["periods"][1]["from"] = "2026-02-14".into()),
            "claimed twice",
        ),
        (
            Box::new(|v| {
                v["years"].as_array_mut().unwrap().remove(21);
            }),
            "without gaps",
        ),
        (
            Box::new(move |v| v["years"][last]["notice"] = "".into()),
            "years[22].notice",
        ),
        (
            Box::new(move |v| v["years"][last]["periods"][0]["colour"] = "red".into()),
            "unknown field `colour`",
        ),
        (Box::new(move |v| v["format"] = "ical".into()), "format"),
        (
            Box::new(move |v| v["years"][last]["periods"][0]["festivals"] = serde_json::json!([])),
            "festivals",
        ),
    ];
    for (edit, needle) in cases {
        let e = with_2026(edit).unwrap_err();
        assert_eq!(e.code(), "calendar.invalid_data");
        assert!(
            e.to_string().contains(needle),
            "{e} should mention {needle}"
        );
    }
    let e = Calendar::from_json("{not json").unwrap_err();
    assert!(e.to_string().contains("line 1"), "{e}");
}

#[test]
fn with_year_adds_replaces_and_refuses_gaps() {
    let cal = Calendar::china();
    let y2027 = r#"{"year": 2027, "notice": "test notice", "periods": [
        {"festivals": [{"name": "New Year's Day", "name_zh": "元旦", "statutory": ["2027-01-01"]}],
         "from": "2026-12-31", "to": "2027-01-01", "makeup_workdays": ["2027-01-02"]}]}"#;
    let next = cal.with_year(y2027).unwrap();
    assert_eq!(next.covered_years(), (2004, 2027));
    assert_eq!(next.day_kind(d("2026-12-31")).unwrap(), DayKind::Holiday);
    assert_eq!(
        next.day_kind(d("2027-01-02")).unwrap(),
        DayKind::MakeupWorkday
    );
    // The original is untouched.
    assert_eq!(cal.day_kind(d("2026-12-31")).unwrap(), DayKind::Workday);
    // A gap is refused.
    let y2029 = y2027.replace("2027", "2029").replace("2026", "2028");
    assert!(cal
        .with_year(&y2029)
        .unwrap_err()
        .to_string()
        .contains("gap"));
    // Replacing a year with a contradictory one (claims 2025's day) is refused whole.
    let bad = r#"{"year": 2026, "notice": "t", "periods": [
        {"festivals": [{"name": "X"}], "from": "2025-12-31", "to": "2026-01-01"},
        {"festivals": [{"name": "Y"}], "from": "2026-01-01", "to": "2026-01-02"}]}"#;
    assert_eq!(
        cal.with_year(bad).unwrap_err().code(),
        "calendar.invalid_data"
    );
}

#[test]
fn overlay_conflicts_are_named() {
    let ov = r#"{"format": "efficiency.calendar-overlay/1", "region": "CN-GX", "name": "Guangxi",
      "years": [{"year": 2026, "notice": "t", "periods": [
        {"festivals": [{"name": "Sanyuesan", "name_zh": "三月三"}], "from": "2026-04-05", "to": "2026-04-06"}]}]}"#;
    let e = Calendar::china().with_overlay(ov).unwrap_err();
    assert_eq!(e.code(), "calendar.overlay_conflict");
    assert!(
        e.to_string().contains("2026-04-05") && e.to_string().contains("Qingming"),
        "{e}"
    );
    let ov_2030 = ov.replace("2026", "2030");
    assert!(Calendar::china()
        .with_overlay(&ov_2030)
        .unwrap_err()
        .to_string()
        .contains("not covered"));
    let fine = ov
        .replace("2026-04-05", "2026-04-20")
        .replace("2026-04-06", "2026-04-21");
    let cal = Calendar::china().with_overlay(&fine).unwrap();
    assert_eq!(cal.regions(), vec!["CN".to_string(), "CN-GX".to_string()]);
    let info = cal.day_info(d("2026-04-20")).unwrap();
    assert_eq!(info.period.unwrap().region, "CN-GX");
    // Overlays survive adding a year.
    let y2027 = r#"{"year": 2027, "notice": "t", "periods": []}"#;
    assert_eq!(
        cal.with_year(y2027)
            .unwrap()
            .day_kind(d("2026-04-21"))
            .unwrap(),
        DayKind::Holiday
    );
}

#[test]
fn explanation_names_each_skipped_day() {
    let r = Calendar::china()
        .explain_add_workdays(d("2026-09-28"), 20)
        .unwrap();
    assert_eq!(r.due, d("2026-10-30"));
    assert_eq!(r.days.iter().filter(|x| x.ordinal.is_some()).count(), 20);
    let oct10 = r.days.iter().find(|x| x.date == d("2026-10-10")).unwrap();
    assert_eq!(
        (oct10.ordinal, oct10.reason.as_str()),
        (Some(5), "make-up workday for National Day (国庆节)")
    );
    let oct4 = r.days.iter().find(|x| x.date == d("2026-10-04")).unwrap();
    assert_eq!(
        oct4.reason,
        "holiday: National Day (国庆节), in-lieu rest day"
    );
    // The same reasons in Chinese, from the data (no language decides them later).
    let zh = |date: &str| {
        r.days
            .iter()
            .find(|x| x.date == d(date))
            .unwrap()
            .reason_zh
            .clone()
    };
    assert_eq!(zh("2026-10-10"), "调休上班（国庆节）");
    assert_eq!(zh("2026-10-04"), "国庆节（调休放假）");
    assert_eq!(zh("2026-10-01"), "国庆节（法定假日）");
    assert_eq!(zh("2026-10-17"), "周末");
    assert_eq!(zh("2026-09-29"), "工作日");
    let provisional = Calendar::china()
        .with_provisional(true)
        .explain_add_workdays(d("2026-12-30"), 3)
        .unwrap();
    let jan2 = provisional
        .days
        .iter()
        .find(|x| x.date == d("2027-01-02"))
        .unwrap();
    assert_eq!(
        jan2.reason,
        "weekend (provisional: no notice for this year)"
    );
    assert_eq!(jan2.reason_zh, "周末（暂定：该年节假日安排未公布）");
    let back = Calendar::china()
        .explain_add_workdays(d("2026-10-08"), -3)
        .unwrap();
    assert_eq!(back.due, d("2026-09-28"));
    assert_eq!(back.days.first().unwrap().ordinal, Some(-3));
    assert_eq!(
        back.days
            .iter()
            .rev()
            .find(|x| x.ordinal.is_some())
            .unwrap()
            .ordinal,
        Some(-1)
    );
    let text = r.to_string();
    assert!(
        text.contains("2026-10-01 Thu    -  holiday: National Day"),
        "{text}"
    );
}

#[test]
fn batch_rows_are_independent() {
    let cal = Calendar::china();
    let e = |s: &str| crate::date::to_epoch_days(d(s));
    let dates = [
        e("2026-09-28"),
        MISSING,
        e("2027-03-01"),
        e("2026-10-08"),
        i64::MAX - 5,
    ];
    let mut out = [0; 5];
    let errors = cal.add_workdays_many(&dates, &[20, 1, 1, -1, 1], &mut out);
    assert_eq!(out[0], e("2026-10-30"));
    assert_eq!(out[1], MISSING);
    assert_eq!(out[3], e("2026-09-30"));
    assert_eq!(errors.iter().map(|r| r.row).collect::<Vec<_>>(), vec![2, 4]);
    assert_eq!(errors[1].error.code(), "calendar.out_of_range");
    let mut out = [0; 2];
    let errors = cal.workdays_between_many(
        &[e("2026-09-28"), e("2026-01-01")],
        &[e("2026-10-30"), e("2030-01-01")],
        &mut out,
    );
    assert_eq!(out[0], 20);
    assert_eq!(errors.len(), 1);
}
