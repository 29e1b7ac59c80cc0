//! Large and adversarial inputs timed (issue 13): an organisation whose units form one parent
//! chain, a case clock with many suspend/resume events, explanations asked far away. Prints
//! times on this machine; `cargo run --release --example adversarial`.

use std::time::Instant;

use efficiency_core::calendar::Calendar;
use efficiency_core::clock::{Clock, ClockEvent, TimeLimit};
use efficiency_core::org::Organisation;

fn chain(n: usize) -> String {
    let units: Vec<_> = (0..n)
        .map(|i| {
            let mut u = serde_json::json!({"id": format!("u{i}"), "name": "u", "kind": "business",
                "head": format!("h{i}"), "supervising_leader": "d"});
            if i > 0 {
                u["parent"] = format!("u{}", i - 1).into();
            }
            u
        })
        .collect();
    let mut people = vec![
        serde_json::json!({"id": "p", "name": "p", "position": "principal_leader"}),
        serde_json::json!({"id": "d", "name": "d", "position": "supervising_leader"}),
    ];
    people.extend((0..n).map(|i| serde_json::json!({"id": format!("h{i}"), "name": "h", "position": "unit_head", "unit": format!("u{i}")})));
    serde_json::json!({"format": "efficiency.organisation/1", "name": "chain", "principal_leader": "p",
        "units": units, "people": people})
    .to_string()
}

fn main() {
    for n in [5_000, 20_000, 100_000] {
        let text = chain(n);
        let t = Instant::now();
        let r = Organisation::from_json(&text);
        println!(
            "organisation, a parent chain of {n:>6} units: {:>8.1} ms ({})",
            t.elapsed().as_secs_f64() * 1e3,
            r.map(|_| "loaded".to_string())
                .unwrap_or_else(|e| e.code().to_string())
        );
    }
    let cal = Calendar::china().with_provisional(true);
    let at = |s: &str| {
        efficiency_core::date::parse_local_time(s, efficiency_core::date::Zone::CHINA).unwrap()
    };
    for n in [10_000usize, 100_000] {
        let mut c = Clock::new(cal.clone(), at("2026-01-05 09:00"), TimeLimit::workdays(20));
        let start = at("2026-01-05 10:00");
        let t = Instant::now();
        for i in 0..n / 2 {
            let s = start + chrono::Duration::seconds(2 * i as i64);
            c.push(ClockEvent::Suspend {
                at: s,
                reason: "r".into(),
                limit: None,
            })
            .unwrap();
            c.push(ClockEvent::Resume {
                at: s + chrono::Duration::seconds(1),
            })
            .unwrap();
        }
        println!(
            "clock with {n:>6} suspend/resume events pushed: {:>8.1} ms",
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    // The same through a case log (the case's own checks on every event too).
    let ctx = efficiency_core::case::CaseContext::sample();
    for n in [10_000usize, 99_990] {
        let mut lines = vec![
            r#"{"id":"r","case":"C","at":"2026-01-05T09:00:00","actor":"aff01","event":"receive","item":"licensing.decision"}"#.to_string(),
            r#"{"id":"a","case":"C","at":"2026-01-05T09:10:00","actor":"aff01","event":"accept"}"#.to_string(),
        ];
        let start = at("2026-01-05 10:00");
        for i in 0..n / 2 {
            let s =
                efficiency_core::date::format_time(start + chrono::Duration::seconds(2 * i as i64));
            let r = efficiency_core::date::format_time(
                start + chrono::Duration::seconds(2 * i as i64 + 1),
            );
            lines.push(format!(r#"{{"id":"s{i}","case":"C","at":"{s}","actor":"aff01","event":"suspend","procedure":"hearing"}}"#));
            lines.push(format!(
                r#"{{"id":"e{i}","case":"C","at":"{r}","actor":"aff01","event":"resume"}}"#
            ));
        }
        let text = lines.join("\n");
        let t = Instant::now();
        let case = efficiency_core::case::Case::from_jsonl(&ctx, &text).unwrap();
        let status = case.status(&ctx, at("2026-03-01 09:00")).unwrap();
        println!(
            "case log with {n:>6} suspend/resume events, read and judged: {:>8.1} ms (promised due {})",
            t.elapsed().as_secs_f64() * 1e3,
            status.clock.unwrap().promised_due
        );
    }
    let mut c = Clock::new(cal.clone(), at("2026-01-05 09:00"), TimeLimit::workdays(20));
    c.push(ClockEvent::Suspend {
        at: at("2026-01-06 10:00"),
        reason: "r".into(),
        limit: None,
    })
    .unwrap();
    let t = Instant::now();
    let r = c.explain(at("2400-01-01 09:00"), false);
    println!(
        "an open suspension explained 374 years later: {:>8.1} ms ({})",
        t.elapsed().as_secs_f64() * 1e3,
        r.map(|_| "explained".to_string())
            .unwrap_or_else(|e| e.code().to_string())
    );
    let t = Instant::now();
    let r = cal.explain_add_workdays(at("2026-01-05 09:00").date(), 2_000_000);
    println!(
        "explain_add_workdays(n = 2,000,000): {:>8.1} ms ({})",
        t.elapsed().as_secs_f64() * 1e3,
        r.map(|_| "explained".to_string())
            .unwrap_or_else(|e| e.code().to_string())
    );
}
