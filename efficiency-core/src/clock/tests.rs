use super::*;
use crate::calendar::Calendar;

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn clock(accepted: &str, statutory: TimeLimit) -> Clock {
    Clock::new(Calendar::china(), t(accepted), statutory)
}

#[test]
fn workday_limit_across_national_day() {
    let c = clock("2026-09-28 10:00", TimeLimit::workdays(20));
    let s = c.status(t("2026-09-28 10:00")).unwrap();
    assert_eq!(s.statutory_due, Some(t("2026-10-30 17:30")));
    assert_eq!(Some(s.promised_due), s.statutory_due);
    assert_eq!(
        (s.remaining, s.elapsed, s.state, s.level),
        (20.0, 0.0, State::Running, Level::Normal)
    );
    let s = c.status(t("2026-10-08 09:00")).unwrap();
    assert_eq!((s.remaining, s.elapsed), (17.0, 3.0));
    let midnight = c
        .clone()
        .with_config(ClockConfig {
            day_end: DayEnd::Midnight,
            ..ClockConfig::default()
        })
        .unwrap();
    assert_eq!(
        midnight
            .status(t("2026-10-01 00:00"))
            .unwrap()
            .statutory_due
            .unwrap(),
        t("2026-10-31 00:00")
    );
}

#[test]
fn levels_move_with_time() {
    let c = clock("2026-09-28 10:00", TimeLimit::workdays(20))
        .with_promised(TimeLimit::workdays(10))
        .unwrap();
    let at = |s: &str| c.status(t(s)).unwrap();
    assert_eq!(at("2026-10-16 09:00").promised_due, t("2026-10-16 17:30"));
    assert_eq!(at("2026-10-14 09:00").level, Level::Normal); // 2 workdays left
    assert_eq!(at("2026-10-15 09:00").level, Level::Reminder); // 1 left
    assert_eq!(at("2026-10-16 17:30").level, Level::Reminder); // last day, still in time
    let s = at("2026-10-16 17:31");
    assert_eq!((s.level, s.remaining), (Level::Yellow, 0.0));
    assert_eq!(
        s.findings.iter().map(|f| f.code).collect::<Vec<_>>(),
        vec!["time_limit.promised_missed"]
    );
    assert_eq!(at("2026-10-19 09:00").remaining, -1.0);
    let s = at("2026-10-31 09:00");
    assert_eq!(s.level, Level::Red);
    assert_eq!(s.findings.len(), 2);
}

#[test]
fn outcomes() {
    let base = clock("2026-09-28 10:00", TimeLimit::workdays(20))
        .with_promised(TimeLimit::workdays(10))
        .unwrap();
    let outcome = |at: &str| {
        let mut c = base.clone();
        c.conclude(t(at)).unwrap();
        let s = c.status(t("2026-12-01 09:00")).unwrap();
        (s.outcome, s.level, s.state)
    };
    assert_eq!(
        outcome("2026-10-15 16:00"),
        (Some(Outcome::Early), Level::Reminder, State::Concluded)
    );
    assert_eq!(
        outcome("2026-10-16 16:00"),
        (Some(Outcome::OnTime), Level::Reminder, State::Concluded)
    );
    assert_eq!(
        outcome("2026-10-19 09:00"),
        (Some(Outcome::Late), Level::Yellow, State::Concluded)
    );
    assert_eq!(
        outcome("2026-11-02 09:00"),
        (Some(Outcome::Late), Level::Red, State::Concluded)
    );
    assert_eq!(outcome("2026-10-08 09:00").0, Some(Outcome::Early));
}

#[test]
fn natural_days_roll_forward_over_a_holiday() {
    let c = clock("2026-09-01 10:00", TimeLimit::natural_days(30));
    // Day 30 is 2026-10-01, National Day: the period ends on the next workday, 2026-10-08.
    assert_eq!(
        c.status(t("2026-09-02 10:00"))
            .unwrap()
            .statutory_due
            .unwrap(),
        t("2026-10-08 17:30")
    );
    let e = c.explain(t("2026-09-02 10:00"), false).unwrap();
    assert_eq!(e.days.iter().filter(|d| d.ordinal.is_some()).count(), 30);
    assert!(e.days.last().unwrap().reason.contains("Art. 203"), "{e}");
    assert!(e
        .days
        .iter()
        .any(|d| d.date.to_string() == "2026-10-04"
            && d.reason.contains("rolls to the next workday")));
}

#[test]
fn hour_limits_count_office_time_only() {
    // Wednesday 16:00 before National Day: 1.5 h that day, then 2.5 h on 2026-10-08.
    let c = clock("2026-09-30 16:00", TimeLimit::work_hours(4));
    assert_eq!(
        c.status(t("2026-09-30 16:00"))
            .unwrap()
            .statutory_due
            .unwrap(),
        t("2026-10-08 11:30")
    );
    // Across lunch: 11:00 + 2 h = 14:30.
    let c = clock("2026-11-02 11:00", TimeLimit::work_hours(2));
    let s = c.status(t("2026-11-02 12:45")).unwrap();
    assert_eq!(s.statutory_due, Some(t("2026-11-02 14:30")));
    assert_eq!((s.elapsed, s.remaining), (1.0, 1.0));
    // Accepted at night (online): counting starts at the next opening.
    let c = clock("2026-11-02 20:00", TimeLimit::work_hours(3));
    assert_eq!(
        c.status(t("2026-11-02 20:00"))
            .unwrap()
            .statutory_due
            .unwrap(),
        t("2026-11-03 12:00")
    );
    // A suspension excludes exactly the office time it covers.
    let mut c = clock("2026-11-02 09:00", TimeLimit::work_hours(8));
    c.suspend(t("2026-11-02 10:00"), "testing").unwrap();
    c.resume(t("2026-11-02 14:00")).unwrap(); // 2 h + 0.5 h of office time suspended
                                              // 4.5 h counted on Nov 2; 3.5 h on Nov 3: 09:00-12:00 and 13:30-14:00.
    assert_eq!(
        c.status(t("2026-11-02 15:00"))
            .unwrap()
            .statutory_due
            .unwrap(),
        t("2026-11-03 14:00")
    );
}

#[test]
fn on_the_spot_items_are_due_the_same_day() {
    let mut c = clock("2026-11-02 10:00", TimeLimit::on_the_spot());
    assert_eq!(
        c.status(t("2026-11-02 10:00"))
            .unwrap()
            .statutory_due
            .unwrap(),
        t("2026-11-02 17:30")
    );
    c.conclude(t("2026-11-02 10:20")).unwrap();
    assert_eq!(
        c.status(t("2026-11-02 11:00")).unwrap().outcome,
        Some(Outcome::OnTime)
    );
    let mut late = clock("2026-11-02 10:00", TimeLimit::on_the_spot());
    late.conclude(t("2026-11-03 09:30")).unwrap();
    assert_eq!(
        late.status(t("2026-11-03 10:00")).unwrap().outcome,
        Some(Outcome::Late)
    );
    assert_eq!(
        late.request_extension(t("2026-11-03 10:00"), 1, "x")
            .unwrap_err()
            .code(),
        "clock.after_conclusion"
    );
}

#[test]
fn suspension_excludes_days_after_its_start_through_its_end() {
    let mut c = clock("2026-09-28 10:00", TimeLimit::workdays(20))
        .with_promised(TimeLimit::workdays(10))
        .unwrap();
    c.suspend(t("2026-10-09 15:00"), "expert review (专家评审)")
        .unwrap();
    let s = c.status(t("2026-10-12 10:00")).unwrap();
    assert_eq!(s.state, State::Suspended);
    // As if resumed now: Oct 10 and Oct 12 are out, so the promised due moves 2 workdays.
    assert_eq!(s.promised_due, t("2026-10-20 17:30"));
    c.resume(t("2026-10-13 09:00")).unwrap();
    let s = c.status(t("2026-10-20 09:00")).unwrap();
    assert_eq!(s.promised_due, t("2026-10-21 17:30"));
    assert_eq!((s.elapsed, s.remaining), (9.0, 1.0)); // today counts as elapsed
    let e = c.explain(t("2026-10-20 09:00"), true).unwrap();
    let oct13 = e
        .days
        .iter()
        .find(|d| d.date.to_string() == "2026-10-13")
        .unwrap();
    assert_eq!(oct13.reason, "suspended: expert review (专家评审)");
    assert_eq!(oct13.reason_zh, "中止计时：expert review (专家评审)");
    let zh = |date: &str| {
        let day = e.days.iter().find(|x| x.date.to_string() == date).unwrap();
        day.reason_zh.as_str()
    };
    assert_eq!(zh("2026-10-10"), "中止计时：expert review (专家评审)"); // a make-up workday
    assert_eq!(zh("2026-10-01"), "国庆节（法定假日）");
    assert_eq!(zh("2026-10-21"), "计入");
    // Without the suspension, the make-up workday counts and says why it is a workday.
    let plain = clock("2026-09-28 10:00", TimeLimit::workdays(20));
    let unsuspended = plain.explain(t("2026-10-20 09:00"), false).unwrap();
    let oct10 = unsuspended
        .days
        .iter()
        .find(|x| x.date.to_string() == "2026-10-10");
    assert_eq!(oct10.unwrap().reason_zh, "调休上班（国庆节），计入");
    assert!(e.to_string().contains("2026-10-21   10  counted"), "{e}");
}

fn extended(events: &[(&str, &str)]) -> Clock {
    let mut c = clock("2026-09-28 10:00", TimeLimit::workdays(20))
        .with_promised(TimeLimit::workdays(15))
        .unwrap()
        .with_extension_policy(ExtensionPolicy {
            max_amount: 10,
            approver: Authority::AgencyHead,
            max_count: 1,
            unit: None,
        });
    for (kind, at) in events {
        let at = t(at);
        match *kind {
            "request" => c
                .request_extension(at, 10, "site inspection needed")
                .unwrap(),
            "request15" => c
                .request_extension(at, 15, "site inspection needed")
                .unwrap(),
            "approve" => c.approve_extension(at, Authority::AgencyHead).unwrap(),
            "approve_deputy" => c
                .approve_extension(at, Authority::SupervisingLeader)
                .unwrap(),
            "notify" => c.notify_applicant(at).unwrap(),
            "conclude" => c.conclude(at).unwrap(),
            other => panic!("{other}"),
        }
    }
    c
}

fn codes(s: &ClockStatus) -> Vec<&'static str> {
    s.findings.iter().map(|f| f.code).collect()
}

#[test]
fn a_valid_extension_moves_both_dues() {
    let c = extended(&[
        ("request", "2026-10-20 10:00"),
        ("approve", "2026-10-21 10:00"),
        ("notify", "2026-10-22 10:00"),
    ]);
    let s = c.status(t("2026-10-23 09:00")).unwrap();
    assert_eq!(
        (s.extended_by, s.statutory_due.unwrap(), s.promised_due),
        (10, t("2026-11-13 17:30"), t("2026-11-06 17:30"))
    );
    assert!(s.findings.is_empty());
    // Before the notice it is pending and moves nothing yet.
    let s = c.status(t("2026-10-21 12:00")).unwrap();
    assert_eq!((s.extended_by, s.extension_pending), (0, true));
}

#[test]
fn faulty_extensions_move_nothing_and_are_findings() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (
            &[
                ("request", "2026-11-02 10:00"),
                ("approve", "2026-11-02 11:00"),
                ("notify", "2026-11-02 12:00"),
            ],
            "extension.requested_late",
        ),
        (
            &[
                ("request", "2026-10-20 10:00"),
                ("approve_deputy", "2026-10-21 10:00"),
                ("notify", "2026-10-22 10:00"),
            ],
            "extension.unauthorized_approver",
        ),
        (
            &[
                ("request15", "2026-10-20 10:00"),
                ("approve", "2026-10-21 10:00"),
                ("notify", "2026-10-22 10:00"),
            ],
            "extension.over_cap",
        ),
        (
            &[
                ("request", "2026-10-20 10:00"),
                ("notify", "2026-10-22 10:00"),
            ],
            "extension.not_approved",
        ),
        (
            &[
                ("request", "2026-10-20 10:00"),
                ("approve", "2026-10-21 10:00"),
            ],
            "extension.applicant_not_notified",
        ),
        (
            &[
                ("request", "2026-10-20 10:00"),
                ("approve", "2026-10-21 10:00"),
                ("notify", "2026-11-02 10:00"),
            ],
            "extension.applicant_not_notified",
        ),
        (
            &[
                ("request", "2026-10-20 10:00"),
                ("approve", "2026-10-21 10:00"),
                ("notify", "2026-10-22 10:00"),
                ("request", "2026-11-05 10:00"),
                ("approve", "2026-11-05 11:00"),
                ("notify", "2026-11-05 12:00"),
            ],
            "extension.too_many",
        ),
    ];
    for (events, code) in cases {
        let c = extended(events);
        let s = c.status(t("2026-11-20 09:00")).unwrap();
        assert!(codes(&s).contains(code), "{code}: {:?}", codes(&s));
        let expected_ext = if *code == "extension.too_many" { 10 } else { 0 };
        assert_eq!(s.extended_by, expected_ext, "{code}");
        let f = s.findings.iter().find(|f| f.code == *code).unwrap();
        assert!(!f.events.is_empty() && !f.text.is_empty());
    }
}

#[test]
fn impossible_sequences_are_errors_and_change_nothing() {
    let mut c = clock("2026-09-28 10:00", TimeLimit::workdays(20));
    assert_eq!(
        c.resume(t("2026-09-29 10:00")).unwrap_err().code(),
        "clock.resume_without_suspension"
    );
    c.suspend(t("2026-09-29 10:00"), "hearing").unwrap();
    assert_eq!(
        c.suspend(t("2026-09-30 10:00"), "again")
            .unwrap_err()
            .code(),
        "clock.already_suspended"
    );
    assert_eq!(
        c.resume(t("2026-09-29 09:00")).unwrap_err().code(),
        "clock.time_goes_backwards"
    );
    assert_eq!(
        c.conclude(t("2026-09-30 10:00")).unwrap_err().code(),
        "clock.suspended_at_conclusion"
    );
    assert_eq!(
        c.approve_extension(t("2026-09-30 10:00"), Authority::AgencyHead)
            .unwrap_err()
            .code(),
        "clock.no_pending_extension"
    );
    assert_eq!(c.events().len(), 1);
    let err = c.resume(t("2026-09-29 09:00")).unwrap_err();
    assert!(
        err.to_string().contains("event 1 (resume)")
            && err.to_string().contains("2026-09-29 10:00"),
        "{err}"
    );
    assert_eq!(
        clock("2026-09-28 10:00", TimeLimit::workdays(20))
            .with_promised(TimeLimit::workdays(25))
            .unwrap_err()
            .code(),
        "clock.promised_exceeds_statutory"
    );
    assert_eq!(
        clock("2026-09-28 10:00", TimeLimit::workdays(20))
            .suspend(t("2026-09-27 10:00"), "x")
            .unwrap_err()
            .code(),
        "clock.before_acceptance"
    );
}

#[test]
fn late_supplement_notice_counts_from_receipt() {
    let c = clock("2026-09-14 10:00", TimeLimit::workdays(20))
        .with_supplement_notice(t("2026-09-01 10:00"), t("2026-09-10 10:00"))
        .unwrap();
    let s = c.status(t("2026-09-15 10:00")).unwrap();
    assert_eq!(s.counting_from, t("2026-09-01 10:00"));
    assert_eq!(codes(&s), vec!["supplement.late_notice"]);
    let timely = clock("2026-09-14 10:00", TimeLimit::workdays(20))
        .with_supplement_notice(t("2026-09-01 10:00"), t("2026-09-08 10:00"))
        .unwrap();
    assert_eq!(
        timely.status(t("2026-09-15 10:00")).unwrap().counting_from,
        t("2026-09-14 10:00")
    );
}

#[test]
fn years_without_data_are_errors_not_guesses() {
    let c = clock("2026-12-01 10:00", TimeLimit::workdays(30));
    assert_eq!(
        c.status(t("2026-12-02 10:00")).unwrap_err().code(),
        "calendar.year_not_covered"
    );
    let p = Clock::new(
        Calendar::china().with_provisional(true),
        t("2026-12-01 10:00"),
        TimeLimit::workdays(30),
    );
    assert!(p.status(t("2026-12-02 10:00")).unwrap().provisional);
}

#[test]
fn limits_compare_across_units() {
    let day = OfficeHours::default().daily_seconds();
    assert!(TimeLimit::work_hours(7).is_within(&TimeLimit::workdays(1), day));
    assert!(!TimeLimit::work_hours(8).is_within(&TimeLimit::workdays(1), day));
    assert!(TimeLimit::natural_days(10).is_within(&TimeLimit::workdays(10), day));
    assert!(!TimeLimit::workdays(5).is_within(&TimeLimit::natural_days(10), day));
    assert!(TimeLimit::on_the_spot().is_within(&TimeLimit::work_hours(1), day));
}

#[test]
fn explanations_are_bounded_and_many_events_stay_cheap() {
    // 10^4 suspend/resume pairs: every push is checked in constant time.
    let mut c = clock("2026-09-28 10:00", TimeLimit::workdays(20));
    let start = t("2026-09-28 11:00");
    for i in 0..10_000 {
        let s = start + chrono::Duration::seconds(2 * i);
        c.suspend(s, "hearing").unwrap();
        c.resume(s + chrono::Duration::seconds(1)).unwrap();
    }
    assert_eq!(c.events().len(), 20_000);
    // An open suspension asked about centuries later: a coded error, not a walk over the days.
    let mut c = Clock::new(
        Calendar::china().with_provisional(true),
        t("2026-09-28 10:00"),
        TimeLimit::workdays(20),
    );
    c.suspend(t("2026-09-29 10:00"), "hearing").unwrap();
    let e = c.explain(t("2400-01-01 09:00"), false).unwrap_err();
    assert_eq!(e.code(), "clock.explanation_too_long");
    assert!(c.status(t("2400-01-01 09:00")).is_ok());
}
