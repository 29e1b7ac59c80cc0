//! `cargo bench -p efficiency-core --bench clock`
//!
//! Clock evaluations: the batch evaluator over arrays (the analysts' path) and `Clock::status`
//! for single clocks with and without a suspension. Inputs: accepted 2005-2025 at random office
//! times, workday / natural-day / hour limits, as_of 0-60 days later.

use std::hint::black_box;

use chrono::{DateTime, NaiveDateTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use efficiency_core::calendar::Calendar;
use efficiency_core::clock::{evaluate_many, BatchInput, Clock, ClockConfig, TimeLimit, TimeUnit};

struct Rows {
    accepted: Vec<i64>,
    amount: Vec<i64>,
    unit: Vec<TimeUnit>,
    as_of: Vec<i64>,
}

fn rows(n: usize) -> Rows {
    let mut state: u64 = 0x2026_1128;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as i64
    };
    let start = 1_104_537_600; // 2005-01-01
    let span = 21 * 365 * 86_400;
    let mut r = Rows {
        accepted: vec![],
        amount: vec![],
        unit: vec![],
        as_of: vec![],
    };
    for _ in 0..n {
        let a = start + next() % span;
        let a = a - a % 86_400 + 9 * 3600 + next() % (8 * 3600);
        r.accepted.push(a);
        let (amount, unit) = match next() % 10 {
            0 => (next() % 16 + 1, TimeUnit::WorkHours),
            1 | 2 => (next() % 60 + 1, TimeUnit::NaturalDays),
            _ => (next() % 45 + 1, TimeUnit::Workdays),
        };
        r.amount.push(amount);
        r.unit.push(unit);
        r.as_of.push(a + next() % (60 * 86_400));
    }
    r
}

fn t(secs: i64) -> NaiveDateTime {
    DateTime::from_timestamp(secs, 0).unwrap().naive_utc()
}

fn bench(c: &mut Criterion) {
    let cal = Calendar::china();
    let config = ClockConfig::default();
    let r = rows(4096);
    let mut g = c.benchmark_group("clock");
    g.throughput(Throughput::Elements(r.accepted.len() as u64));
    g.bench_function("evaluate_many", |b| {
        let input = BatchInput {
            accepted_at: &r.accepted,
            amount: &r.amount,
            unit: &r.unit,
            statutory_amount: None,
            concluded_at: None,
            as_of: &r.as_of,
        };
        b.iter(|| black_box(evaluate_many(&cal, &config, black_box(&input))))
    });
    let clocks: Vec<Clock> = (0..r.accepted.len())
        .map(|i| {
            let limit = TimeLimit {
                amount: r.amount[i] as u32,
                unit: r.unit[i],
            };
            Clock::new(cal.clone(), t(r.accepted[i]), limit)
        })
        .collect();
    g.bench_function("status", |b| {
        b.iter(|| {
            for (i, clock) in clocks.iter().enumerate() {
                black_box(clock.status(t(r.as_of[i])).unwrap());
            }
        })
    });
    let suspended: Vec<Clock> = clocks
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut c = c.clone();
            c.suspend(t(r.accepted[i] + 86_400), "expert review")
                .unwrap();
            c.resume(t(r.accepted[i] + 5 * 86_400)).unwrap();
            c
        })
        .collect();
    g.bench_function("status_with_suspension", |b| {
        b.iter(|| {
            for (i, clock) in suspended.iter().enumerate() {
                black_box(clock.status(t(r.as_of[i] + 5 * 86_400)).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
