//! The main job on embedded data. For now: the working-day calendar behind every deadline.
//!
//! `cargo run -q -p efficiency-core --example review`

use chrono::NaiveDateTime;
use efficiency_core::accountability::{accountability_list, AccountabilityRules, Fault};
use efficiency_core::activity::{Activity, ActivityRules};
use efficiency_core::calendar::{Calendar, DayKind};
use efficiency_core::case::metrics::GroupBy;
use efficiency_core::case::{CaseContext, CaseStream, Metrics, Period, FINDING_CATALOG};
use efficiency_core::clock::Authority;
use efficiency_core::date::parse_date;
use efficiency_core::item::ItemCatalog;
use efficiency_core::org::Organisation;

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("valid sample time")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cal = Calendar::china();
    let (first, last) = cal.covered_years();
    println!("efficiency: administrative efficiency building (行政效能建设)");
    println!("Calendar: Mainland China, State Council notices {first}-{last} (embedded)\n");

    println!(
        "A licensing decision (行政许可, 20 workdays, 行政许可法 Art. 42) accepted on 2026-09-28:"
    );
    let reckoning = cal.explain_add_workdays(parse_date("2026-09-28")?, 20)?;
    println!("{reckoning}");
    println!("Days skipped and why:");
    for day in reckoning.skipped() {
        println!("  {}  {}", day.date, day.reason);
    }

    println!("\nSome days the naive weekday + holiday-list model gets wrong:");
    for s in [
        "2005-12-31",
        "2015-09-03",
        "2020-01-31",
        "2020-02-01",
        "2026-02-14",
        "2026-02-28",
    ] {
        let info = cal.day_info(parse_date(s)?)?;
        let mark = if info.kind == DayKind::MakeupWorkday {
            "open on a weekend"
        } else {
            ""
        };
        println!(
            "  {s}  {:<15} {}  {mark}",
            info.kind.as_str(),
            info.describe()
        );
    }

    println!("\nA year without a notice is an error, never a silent guess:");
    match cal.add_workdays(parse_date("2026-12-20")?, 20) {
        Ok(d) => println!("  unexpected: {d}"),
        Err(e) => println!("  [{}] {e}", e.code()),
    }
    let provisional = cal.with_provisional(true);
    let r = provisional.explain_add_workdays(parse_date("2026-12-20")?, 20)?;
    println!(
        "  provisional calendar: due {}{}",
        r.due,
        if r.provisional {
            " (PROVISIONAL: recompute when the 2027 notice is loaded)"
        } else {
            ""
        }
    );

    println!(
        "\nThe deadline clock (限时办结制): registering a social organisation (社会团体成立登记)"
    );
    let items = ItemCatalog::templates();
    let item = items
        .get("civil.social_org_registration")
        .expect("shipped item");
    println!(
        "  item {}: statutory {}, promised {}, extension up to {} by the {}",
        item.code,
        item.statutory,
        item.promised.map(|p| p.to_string()).unwrap_or_default(),
        item.extension.map(|e| e.max_amount).unwrap_or(0),
        item.extension.map(|e| e.approver.as_str()).unwrap_or("-"),
    );
    println!("  accepted 2026-09-28 10:00; expert review 2026-10-09 15:00 to 2026-10-13 09:00;");
    println!("  extension of 10 workdays asked 2026-10-26, approved by the agency head 2026-10-27, applicant told 2026-10-28");
    let mut clock = item.clock(cal.clone(), t("2026-09-28 10:00"))?;
    clock.suspend(t("2026-10-09 15:00"), "expert_review")?;
    clock.clock_mut().resume(t("2026-10-13 09:00"))?;
    clock.clock_mut().request_extension(
        t("2026-10-26 10:00"),
        10,
        "site verification of the premises",
    )?;
    clock
        .clock_mut()
        .approve_extension(t("2026-10-27 16:00"), Authority::AgencyHead)?;
    clock.clock_mut().notify_applicant(t("2026-10-28 09:00"))?;
    for as_of in ["2026-10-20 09:00", "2026-10-29 09:00", "2026-11-20 09:00"] {
        let s = clock.status(t(as_of))?;
        println!(
            "  as of {as_of}: {:<9} level {:<8} promised due {}  statutory due {}  remaining {:>3} workdays  extended by {}",
            s.state.as_str(),
            s.level.as_str(),
            s.promised_due,
            s.statutory_due,
            s.remaining,
            s.extended_by
        );
        for f in &s.findings {
            println!("      finding {}: {}", f.code, f.message);
        }
    }
    let s = clock.status(t("2026-11-20 09:00"))?;
    println!(
        "\nHow the statutory due of {} was reached:",
        s.statutory_due
    );
    print!("{}", clock.explain(t("2026-11-20 09:00"), false)?);

    println!("\nThe same extension approved by the supervising leader (分管领导) instead:");
    let mut wrong = item.clock(cal.clone(), t("2026-09-28 10:00"))?;
    wrong.clock_mut().request_extension(
        t("2026-10-26 10:00"),
        10,
        "site verification of the premises",
    )?;
    wrong
        .clock_mut()
        .approve_extension(t("2026-10-27 16:00"), Authority::SupervisingLeader)?;
    wrong.clock_mut().notify_applicant(t("2026-10-28 09:00"))?;
    let s = wrong.status(t("2026-11-20 09:00"))?;
    println!(
        "  level {}, statutory due {} (not moved)",
        s.level.as_str(),
        s.statutory_due
    );
    for f in &s.findings {
        println!(
            "  finding {} at {}: {} (events {:?})",
            f.code, f.at, f.message, f.events
        );
    }
    let case_faults = cases()?;
    accountability(case_faults)?;
    Ok(())
}

const SAMPLE_CASES: &str = include_str!("../data/sample/cases.jsonl");

/// Case logs (首问负责制, 一次性告知, internal steps): the sample bureau's cases replayed.
fn cases() -> Result<Vec<Fault>, Box<dyn std::error::Error>> {
    let ctx = CaseContext::sample();
    let as_of = t("2026-11-30 09:00");
    println!("\nCase logs of the sample bureau (data/sample/cases.jsonl), judged at {as_of}:");
    let mut stream = CaseStream::new(&ctx, as_of);
    let mut results: Vec<efficiency_core::case::CaseResult> = Vec::new();
    for line in SAMPLE_CASES.lines().filter(|l| !l.trim().is_empty()) {
        let (error, done) = stream.push_line(line);
        if let Some(e) = error {
            println!("  rejected row {}: [{}] {}", e.row, e.error.code(), e.error);
        }
        results.extend(done);
    }
    results.extend(stream.finish());
    let period = Period {
        from: t("2024-01-01 00:00"),
        to: as_of,
    };
    let mut metrics = Metrics::new(period, GroupBy::Unit);
    for r in &results {
        let s = r.status.as_ref().map_err(|e| e.to_string())?;
        metrics.add(s);
        let clock = s
            .clock
            .as_ref()
            .map(|c| {
                format!(
                    "level {}{}",
                    c.level.as_str(),
                    c.outcome
                        .map(|o| format!(", {}", o.as_str()))
                        .unwrap_or_default()
                )
            })
            .unwrap_or_else(|| "no clock".into());
        println!(
            "  {}  {:<32} {:<10} {clock}",
            s.case,
            s.item.as_deref().unwrap_or("-"),
            s.stage.as_str()
        );
        for f in &s.findings {
            let name = FINDING_CATALOG
                .iter()
                .find(|i| i.code == f.code)
                .map(|i| i.name_zh)
                .unwrap_or("");
            println!(
                "      {} {} [{}] {}: {}  (events {}; people {})",
                f.at,
                f.code,
                f.severity.as_str(),
                name,
                f.message,
                if f.events.is_empty() {
                    "-".to_string()
                } else {
                    f.events.join(", ")
                },
                f.people.join(", ")
            );
        }
    }
    println!(
        "\nMetrics by unit (concluded {} to {}; open cases as of the end):",
        period.from.date(),
        period.to.date()
    );
    println!(
        "  {:<11} {:>9} {:>12} {:>12} {:>10} {:>6} {:>13}",
        "unit", "concluded", "on the spot", "on time", "avg days", "open", "open overdue"
    );
    let pct = |r: Option<f64>| {
        r.map(|x| format!("{:.0}%", x * 100.0))
            .unwrap_or_else(|| "-".into())
    };
    for r in metrics.rows() {
        println!(
            "  {:<11} {:>9} {:>12} {:>12} {:>10} {:>6} {:>13}",
            r.group,
            r.concluded,
            pct(r.on_the_spot_rate()),
            pct(r.on_time_rate()),
            r.average_workdays_used()
                .map(|x| format!("{x:.1}"))
                .unwrap_or_else(|| "-".into()),
            r.open,
            r.open_overdue
        );
    }
    let mut faults = Vec::new();
    for r in &results {
        if let Ok(s) = &r.status {
            faults.extend(s.findings.iter().map(|f| Fault::from_case(&s.case, f)));
        }
    }
    Ok(faults)
}

/// The accountability list (责任追究制) for 2026: case findings, conduct incidents, complaints
/// and ratings, traced to the people who answer for them.
fn accountability(case_faults: Vec<Fault>) -> Result<(), Box<dyn std::error::Error>> {
    let org = Organisation::sample();
    let as_of = t("2026-12-31 18:00");
    let mut faults = case_faults;
    faults.extend(Activity::sample().faults(&org, &ActivityRules::default(), as_of)?);
    faults.sort_by_key(|f| f.at);
    let (from, to) = (t("2026-01-01 00:00"), t("2027-01-01 00:00"));
    let list = accountability_list(&org, &AccountabilityRules::default(), &faults, from, to)?;
    println!("\nAccountability list (责任追究) for 2026 — {} faults, {} lines; the rules decide who answers and how severe,", faults.len(), list.len());
    println!("the leadership chooses the measure among those allowed:");
    println!(
        "  {:<7} {:<20} {:<22} {:<36} {:<14} measures allowed (source; evidence)",
        "person", "name", "responsibility", "finding", "severity"
    );
    for e in &list {
        let sev = if e.severity != e.base_severity {
            format!(
                "{}↑ (repeat of {})",
                e.severity.as_str(),
                e.repeat_of
                    .as_ref()
                    .map(|p| p.source.as_str())
                    .unwrap_or("")
            )
        } else {
            e.severity.as_str().to_string()
        };
        println!(
            "  {:<7} {:<20} {:<22} {:<36} {:<14} {} ({}; {})",
            e.person,
            e.name,
            e.responsibility.as_str(),
            e.code,
            sev,
            e.measures
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
            e.source,
            if e.events.is_empty() {
                "-".to_string()
            } else {
                e.events.join(", ")
            }
        );
    }
    Ok(())
}
