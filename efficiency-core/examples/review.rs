//! The main job on embedded data. For now: the working-day calendar behind every deadline.
//!
//! `cargo run -q -p efficiency-core --example review`

use efficiency_core::calendar::{Calendar, DayKind};
use efficiency_core::date::parse_date;

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
    Ok(())
}
