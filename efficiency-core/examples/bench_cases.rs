//! Throughput of case replay: `cargo run --release -p efficiency-core --example bench_cases [-- N]`
//!
//! Generates N synthetic licensing cases (default 1,000,000) of 10 events each — receive,
//! accept, two internal steps (one in ten late), then either a third step or a suspension and
//! its resumption, conclude, publish — sorted by case id, and streams them through `CaseStream` on one thread,
//! judging every case and accumulating metrics. Runs twice: from in-memory events, and from
//! JSON lines (parse + replay). Prints the time, cases/s and the peak resident memory, which
//! stays flat because only the current case is held. A benchmark, not a test.

use std::time::Instant;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use efficiency_core::case::metrics::GroupBy;
use efficiency_core::case::{
    CaseContext, CaseEvent, CaseStream, Decision, EventKind, Metrics, Period,
};

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

struct Gen {
    state: u64,
}

impl Gen {
    fn next(&mut self) -> u64 {
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.state >> 33
    }
}

/// The 8 events of case `i`, in time order.
fn case_events(i: u64, g: &mut Gen) -> Vec<CaseEvent> {
    let case = format!("C{i:08}");
    let start = NaiveDate::from_ymd_opt(2005, 1, 3)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let mut t: NaiveDateTime = start
        + Duration::days((g.next() % (20 * 365)) as i64)
        + Duration::minutes((g.next() % 420) as i64);
    let mut out = Vec::with_capacity(8);
    let mut push = |t: NaiveDateTime, actor: &str, kind: EventKind| {
        out.push(CaseEvent {
            id: format!("e{}", out.len() + 1),
            case: case.clone(),
            at: t,
            actor: actor.to_string(),
            kind,
        });
    };
    push(
        t,
        "aff01",
        EventKind::Receive {
            item: "licensing.decision".into(),
            window: Some("W3".into()),
        },
    );
    t += Duration::minutes(10);
    push(t, "aff01", EventKind::Accept { handler: None });
    let slow = g.next() % 10 == 0;
    for (step, actor, days) in [("review", "aff01", 10), ("sign_off", "aff-h", 2)] {
        t += Duration::hours(1);
        push(t, actor, EventKind::StepStarted { step: step.into() });
        t += Duration::days(if slow { days * 2 } else { days });
        push(t, actor, EventKind::StepFinished { step: step.into() });
    }
    if g.next() % 4 == 0 {
        t += Duration::hours(1);
        push(
            t,
            "aff01",
            EventKind::Suspend {
                procedure: "expert_review".into(),
            },
        );
        t += Duration::days(3);
        push(t, "aff01", EventKind::Resume);
    } else {
        t += Duration::hours(1);
        push(
            t,
            "dir01",
            EventKind::StepStarted {
                step: "approve".into(),
            },
        );
        t += Duration::days(1);
        push(
            t,
            "dir01",
            EventKind::StepFinished {
                step: "approve".into(),
            },
        );
    }
    t += Duration::hours(2);
    push(
        t,
        "aff01",
        EventKind::Conclude {
            outcome: Decision::Granted,
            on_the_spot: false,
        },
    );
    t += Duration::days((g.next() % 12) as i64);
    push(t, "aff01", EventKind::ResultPublished);
    out
}

fn run(ctx: &CaseContext, n: u64, json: bool) -> (f64, u64, u64, usize) {
    let mut g = Gen { state: 0x2026_1128 };
    let as_of = NaiveDate::from_ymd_opt(2026, 6, 30)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let period = Period {
        from: NaiveDate::from_ymd_opt(2005, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap(),
        to: as_of,
    };
    let mut metrics = Metrics::new(period, GroupBy::Unit);
    let mut stream = CaseStream::new(ctx, as_of);
    let (mut events, mut findings, mut row_errors) = (0u64, 0u64, 0usize);
    let started = Instant::now();
    let take = |r: efficiency_core::case::CaseResult, metrics: &mut Metrics, findings: &mut u64| {
        let s = r.status.expect("synthetic cases are judged");
        *findings += s.findings.len() as u64;
        metrics.add(&s);
    };
    for i in 0..n {
        for e in case_events(i, &mut g) {
            events += 1;
            let (err, done) = if json {
                stream.push_line(&e.to_line())
            } else {
                stream.push(e)
            };
            row_errors += usize::from(err.is_some());
            if let Some(r) = done {
                take(r, &mut metrics, &mut findings);
            }
        }
    }
    if let Some(r) = stream.finish() {
        take(r, &mut metrics, &mut findings);
    }
    let secs = started.elapsed().as_secs_f64();
    let row = &metrics.rows()[0];
    assert_eq!(row.concluded, n, "every case concluded in the period");
    (secs, events, findings, row_errors)
}

/// The cost of making the input alone (generating events and, for JSON, printing them), so
/// that it can be taken out of the replay figures.
fn generation_only(n: u64, json: bool) -> f64 {
    let mut g = Gen { state: 0x2026_1128 };
    let started = Instant::now();
    let mut bytes = 0usize;
    for i in 0..n {
        for e in case_events(i, &mut g) {
            bytes += if json { e.to_line().len() } else { e.id.len() };
        }
    }
    std::hint::black_box(bytes);
    started.elapsed().as_secs_f64()
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let ctx = CaseContext::sample();
    for json in [false, true] {
        let (secs, events, findings, errors) = run(&ctx, n, json);
        let input = generation_only(n, json);
        println!(
            "{:<30} {n} cases, {events} events: {secs:.2} s in all, of which {input:.2} s making the input; \
             replay {:.2} s = {:.0} cases/s; {findings} findings, {errors} row errors, peak RSS {:.0} MB",
            if json { "from JSON lines (parse+replay)" } else { "from in-memory events" },
            secs - input,
            n as f64 / (secs - input),
            peak_rss_mb().unwrap_or(f64::NAN)
        );
    }
}
