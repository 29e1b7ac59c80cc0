//! Throughput of case replay:
//! `cargo run --release -p efficiency-core --features parallel --example bench_cases [-- N]`
//!
//! Generates N synthetic licensing cases (default 1,000,000) of 10 events each — receive,
//! accept, two internal steps (one in ten late), then either a third step or a suspension and
//! its resumption, conclude, publish — sorted by case id, and streams them through `CaseStream` on one thread,
//! judging every case and accumulating metrics. Runs twice: from in-memory events, and from
//! JSON lines (parse + replay). The input is made in chunks of 10,000 cases outside the timed
//! part. Prints the time, cases/s, the time per event next to a bare `serde_json` parse of the
//! same lines (so that the ratio means the same on any machine) and the peak resident memory,
//! which stays flat because only the current case (and one chunk of input) is held. A
//! benchmark, not a test.

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
            id: format!("e{}", out.len() + 1).into(),
            case: case.as_str().into(),
            at: t,
            actor: actor.into(),
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

/// Cases are made in chunks of this many, outside the timed part.
const CHUNK: u64 = 10_000;

struct Figures {
    secs: f64,
    events: u64,
    findings: u64,
    row_errors: usize,
}

/// The `n` cases' events, made a chunk of [`CHUNK`] cases at a time, in case order.
fn chunks(n: u64) -> impl Iterator<Item = Vec<CaseEvent>> {
    let mut g = Gen { state: 0x2026_1128 };
    (0..n).step_by(CHUNK as usize).map(move |first| {
        let last = (first + CHUNK).min(n);
        (first..last).flat_map(|i| case_events(i, &mut g)).collect()
    })
}

/// The moment the cases are judged at, and the metrics period (2005 to then).
fn moment() -> (NaiveDateTime, Period) {
    let at = |y, m, d| {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .expect("a real date")
    };
    let as_of = at(2026, 6, 30);
    (
        as_of,
        Period {
            from: at(2005, 1, 1),
            to: as_of,
        },
    )
}

/// Replays `n` cases, timing only the replay: the input is made chunk by chunk beforehand.
fn run(ctx: &CaseContext, n: u64, json: bool) -> Figures {
    let (as_of, period) = moment();
    let mut metrics = Metrics::new(period, GroupBy::Unit);
    let mut stream = CaseStream::new(ctx, as_of);
    let mut f = Figures {
        secs: 0.0,
        events: 0,
        findings: 0,
        row_errors: 0,
    };
    let take = |r: efficiency_core::case::CaseResult, metrics: &mut Metrics, findings: &mut u64| {
        let s = r.status.expect("synthetic cases are judged");
        *findings += s.findings.len() as u64;
        metrics.add(&s);
    };
    for events in chunks(n) {
        let lines: Vec<String> = if json {
            events.iter().map(CaseEvent::to_line).collect()
        } else {
            Vec::new()
        };
        f.events += events.len() as u64;
        let started = Instant::now();
        if json {
            for line in &lines {
                let (err, done) = stream.push_line(line);
                f.row_errors += usize::from(err.is_some());
                if let Some(r) = done {
                    take(r, &mut metrics, &mut f.findings);
                }
            }
        } else {
            for e in events {
                let (err, done) = stream.push(e);
                f.row_errors += usize::from(err.is_some());
                if let Some(r) = done {
                    take(r, &mut metrics, &mut f.findings);
                }
            }
        }
        f.secs += started.elapsed().as_secs_f64();
    }
    let started = Instant::now();
    if let Some(r) = stream.finish() {
        take(r, &mut metrics, &mut f.findings);
    }
    f.secs += started.elapsed().as_secs_f64();
    let row = &metrics.rows()[0];
    assert_eq!(row.concluded, n, "every case concluded in the period");
    f
}

/// A bare `serde_json` parse of the same lines, twice: skipping every value
/// (`IgnoredAny`, the least any JSON reader does) and building a `serde_json::Value`.
fn bare_parse(n: u64) -> (f64, f64) {
    let (mut skip, mut value) = (0.0, 0.0);
    for events in chunks(n) {
        let lines: Vec<String> = events.iter().map(CaseEvent::to_line).collect();
        let started = Instant::now();
        for line in &lines {
            let v: serde::de::IgnoredAny = serde_json::from_str(line).expect("valid JSON");
            std::hint::black_box(v);
        }
        skip += started.elapsed().as_secs_f64();
        let started = Instant::now();
        for line in &lines {
            let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
            std::hint::black_box(v);
        }
        value += started.elapsed().as_secs_f64();
    }
    (skip, value)
}

/// The same JSON lines through [`Replay::push_lines`] in batches of 100,000 rows, as the
/// bindings push them, on a pool of `threads` threads (one thread: the one-core path).
#[cfg(feature = "parallel")]
fn replay_batches(ctx: &CaseContext, n: u64, threads: usize) -> f64 {
    use efficiency_core::case::Replay;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let (as_of, period) = moment();
    let mut replay = Replay::new(ctx, as_of, Some((period, GroupBy::Unit)), false);
    let mut secs = 0.0;
    for events in chunks(n) {
        let lines: Vec<String> = events.iter().map(CaseEvent::to_line).collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let started = Instant::now();
        pool.install(|| replay.push_lines(&lines))
            .expect("not finished");
        secs += started.elapsed().as_secs_f64();
    }
    let started = Instant::now();
    replay.finish();
    secs += started.elapsed().as_secs_f64();
    assert!(replay.take_errors().is_empty());
    assert_eq!(replay.metrics().unwrap()[0].concluded, n);
    secs
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    // An optional second argument runs one part only (for a profiler): `events` or `json`.
    let only = std::env::args().nth(2);
    let ctx = CaseContext::sample();
    if let Some(only) = only {
        let f = run(&ctx, n, only == "json");
        println!(
            "{only}: replay {:.2} s, {:.0} ns/event",
            f.secs,
            f.secs / f.events as f64 * 1e9
        );
        return;
    }
    let (skip, value) = bare_parse(n);
    let events = n as f64 * 10.0;
    println!(
        "bare serde_json parse of the lines: {skip:.2} s skipping values (IgnoredAny, {:.0} ns/event), \
         {value:.2} s to serde_json::Value ({:.0} ns/event)",
        skip / events * 1e9,
        value / events * 1e9
    );
    for json in [false, true] {
        let f = run(&ctx, n, json);
        let per_event = f.secs / f.events as f64 * 1e9;
        println!(
            "{:<30} {n} cases, {} events: replay {:.2} s = {:.0} cases/s, {per_event:.0} ns/event \
             ({:.2}× the IgnoredAny parse, {:.2}× the Value parse); {} findings, {} row errors, peak RSS {:.0} MB",
            if json { "from JSON lines (parse+replay)" } else { "from in-memory events" },
            f.events,
            f.secs,
            n as f64 / f.secs,
            f.secs / skip,
            f.secs / value,
            f.findings,
            f.row_errors,
            peak_rss_mb().unwrap_or(f64::NAN)
        );
    }
    #[cfg(feature = "parallel")]
    {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let one = replay_batches(&ctx, n, 1);
        let all = replay_batches(&ctx, n, cores);
        println!(
            "Replay::push_lines, batches of {CHUNK} cases: one thread {one:.2} s, {cores} threads \
             {all:.2} s ({:.2}× faster; {:.0} ns/event on all cores)",
            one / all,
            all / (n as f64 * 10.0) * 1e9
        );
    }
    #[cfg(not(feature = "parallel"))]
    println!("(run with --features parallel for the replay on every core)");
}
