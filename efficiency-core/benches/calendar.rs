//! `cargo bench -p efficiency-core --bench calendar`
//!
//! Single calls on chrono dates over a pre-generated set of (date, n) pairs (dates 2005-2025,
//! n 0-60), so the figure is per call, not per loop of one repeated input. `workdays_between`
//! runs next to a plain prefix-sum lookup over the same days, the baseline it is held to.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use efficiency_core::calendar::Calendar;

fn inputs(count: usize) -> Vec<(NaiveDate, i32, NaiveDate)> {
    // A small LCG keeps the bench free of extra dependencies and reproducible.
    let mut state: u64 = 0x2026_1128;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as u32
    };
    let start = NaiveDate::from_ymd_opt(2005, 1, 1).unwrap();
    let span = (NaiveDate::from_ymd_opt(2025, 12, 31).unwrap() - start).num_days() as u32;
    (0..count)
        .map(|_| {
            let a = start + Days::new(u64::from(next() % span));
            let b = start + Days::new(u64::from(next() % span));
            (a, (next() % 61) as i32, b)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let cal = Calendar::china();
    let data = inputs(4096);
    let mut g = c.benchmark_group("calendar");
    g.throughput(Throughput::Elements(data.len() as u64));
    g.bench_function("add_workdays", |b| {
        b.iter(|| {
            for &(d, n, _) in &data {
                black_box(cal.add_workdays(black_box(d), black_box(n)).unwrap());
            }
        })
    });
    g.bench_function("workdays_between", |b| {
        b.iter(|| {
            for &(a, _, e) in &data {
                black_box(cal.workdays_between(black_box(a), black_box(e)).unwrap());
            }
        })
    });
    g.bench_function("is_workday", |b| {
        b.iter(|| {
            for &(d, _, _) in &data {
                black_box(cal.is_workday(black_box(d)).unwrap());
            }
        })
    });
    // The baseline every calendar question is held to: a plain prefix sum of workdays over a
    // day index (no checks, no errors), the least a table lookup can cost.
    let first = NaiveDate::from_ymd_opt(2004, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let mut prefix = vec![0u32];
    let mut d = first;
    while d <= last {
        let w = u32::from(cal.is_workday(d).unwrap());
        prefix.push(prefix[prefix.len() - 1] + w);
        d = d + Days::new(1);
    }
    let index = |d: NaiveDate| (d - first).num_days() as usize;
    g.bench_function("workdays_between (plain prefix sum, the baseline)", |b| {
        b.iter(|| {
            for &(a, _, e) in &data {
                let (a, e) = (index(black_box(a)), index(black_box(e)));
                black_box(i64::from(prefix[e]) - i64::from(prefix[a]));
            }
        })
    });
    let days: Vec<i64> = data
        .iter()
        .map(|(d, _, _)| efficiency_core::date::to_epoch_days(*d))
        .collect();
    let ns: Vec<i64> = data.iter().map(|(_, n, _)| i64::from(*n)).collect();
    let mut out = vec![0i64; days.len()];
    g.bench_function("add_workdays_many", |b| {
        b.iter(|| black_box(cal.add_workdays_many(black_box(&days), black_box(&ns), &mut out)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
