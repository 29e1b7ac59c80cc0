//! A stable fuzz harness (issue 13): every parser and the case event path, fed mutations of the
//! shipped data and the vectors, must answer with a value or a coded error — never a panic.
//!
//! The test command runs a short smoke pass (a fixed number of inputs per target, the same on
//! every run); `scripts/fuzz.sh SECONDS` runs each target for a given time with a seed from the
//! clock. An input that panics is written to `target/tmp/fuzz-crashes/` and the run fails naming it;
//! copied into `efficiency-core/tests/fuzz-regressions/<target>/`, it is replayed on every run.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use efficiency_core::{
    accountability, activity, assessment, bureau, calendar, campaign, case, date, guide, item,
    mask, org, supervision,
};

/// The crate's directory: seeds are its data and its test vectors (a link to the repository's
/// `tests/vectors`, packaged with the crate).
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A target: a name, the seed files it starts from, and what it runs on one input.
struct Target {
    name: &'static str,
    seeds: &'static [&'static str],
    run: fn(&str),
}

fn ctx() -> &'static case::CaseContext {
    static CTX: std::sync::OnceLock<case::CaseContext> = std::sync::OnceLock::new();
    CTX.get_or_init(case::CaseContext::sample)
}

const TARGETS: &[Target] = &[
    Target {
        // A table row's payload column: the scanner and serde_json read it alike (every line of
        // the input is one payload, on a row whose `window` is already a column).
        name: "event_payload",
        seeds: &["data/sample/cases.jsonl", "tests/fuzz-seeds/payloads.jsonl"],
        run: |s| {
            for line in s.lines() {
                let row = || case::EventRow {
                    id: "e1".into(),
                    window: Some("W1".into()),
                    ..case::EventRow::default()
                };
                let (mut fast, mut slow) = (row(), row());
                let a = fast.set_payload(line, 1).map(|()| format!("{fast:?}"));
                let b = slow
                    .set_payload_with_serde(line, 1)
                    .map(|()| format!("{slow:?}"));
                let show = |r: Result<String, case::CaseError>| r.map_err(|e| e.to_string());
                assert_eq!(show(a), show(b), "{line}");
            }
        },
    },
    Target {
        name: "calendar",
        seeds: &["data/calendar/china.json"],
        run: |s| {
            let _ = calendar::Calendar::from_json(s);
        },
    },
    Target {
        name: "items_json",
        seeds: &["data/items/templates.json"],
        run: |s| {
            let _ = item::ItemCatalog::from_json(s);
        },
    },
    Target {
        name: "items_toml",
        seeds: &["data/items/templates.json"],
        run: |s| {
            let _ = item::ItemCatalog::from_toml(s);
        },
    },
    Target {
        name: "guides",
        seeds: &["data/items/guides.json"],
        run: |s| {
            let _ = guide::GuideCatalogue::from_json(s);
        },
    },
    Target {
        name: "organisation",
        seeds: &["data/sample/organisation.json"],
        run: |s| {
            let _ = org::Organisation::from_json(s);
        },
    },
    Target {
        name: "activity",
        seeds: &["data/sample/activity.json"],
        run: |s| {
            if let Ok(a) = activity::Activity::from_json(s) {
                let (o, r) = (
                    org::Organisation::sample(),
                    activity::ActivityRules::default(),
                );
                let at = date::parse_local_time("2026-12-31 18:00", date::Zone::CHINA).unwrap();
                let _ = a.faults(&o, &r, at);
                let _ = a.ratings_summary(&o, &r, at);
                let _ = a.whereabouts_board(&o, at);
            }
        },
    },
    Target {
        name: "accountability_rules",
        seeds: &["data/rules/accountability.json"],
        run: |s| {
            let _ = accountability::AccountabilityRules::from_json(s);
        },
    },
    Target {
        name: "assessment_rules",
        seeds: &["data/rules/assessment.json"],
        run: |s| {
            let _ = assessment::AssessmentRules::from_json(s);
            let _ = assessment::AssessmentRules::from_toml(s);
        },
    },
    Target {
        name: "complaint_rules",
        seeds: &["data/rules/complaints.json"],
        run: |s| {
            let _ = activity::ActivityRules::from_json(
                activity::CONDUCT_RULES_JSON,
                s,
                calendar::Calendar::china(),
            );
        },
    },
    Target {
        name: "campaign_plan",
        seeds: &["data/campaign/plan.json"],
        run: |s| {
            let _ = campaign::CampaignTemplate::from_json(s);
        },
    },
    Target {
        name: "masking_policy",
        seeds: &["data/rules/masking.json"],
        run: |s| {
            let _ = mask::MaskPolicy::from_json(s);
        },
    },
    Target {
        name: "supervision_rules",
        seeds: &["data/rules/supervision.json"],
        run: |s| {
            let _ = supervision::SupervisionRules::from_json(s);
        },
    },
    Target {
        name: "finding_rules",
        seeds: &["data/rules/findings.json"],
        run: |s| {
            let _ = case::FindingRules::from_json(s);
        },
    },
    Target {
        name: "case_log",
        seeds: &["data/sample/cases.jsonl"],
        run: |s| {
            if let Ok(c) = case::Case::from_jsonl(ctx(), s) {
                let at = date::parse_local_time("2026-12-31 18:00", date::Zone::CHINA).unwrap();
                let _ = c.status(ctx(), at);
            }
        },
    },
    Target {
        // The scanner of usual lines answers exactly as serde_json does: the same row, or it
        // leaves the line to serde_json (and then the answer is serde_json's by construction).
        name: "event_row_scanner",
        seeds: &["data/sample/cases.jsonl", "data/bureau/cases.jsonl"],
        run: |s| {
            for line in s.lines().take(64) {
                let fast = case::EventRow::parse(line, 1);
                let serde = case::EventRow::parse_with_serde(line, 1);
                match (fast, serde) {
                    (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "{line}"),
                    (Err(a), Err(b)) => assert_eq!(a, b, "{line}"),
                    (a, b) => panic!("scanner {a:?}, serde_json {b:?}: {line}"),
                }
            }
        },
    },
    Target {
        name: "board",
        seeds: &["data/sample/cases.jsonl"],
        run: |s| {
            let lines: Vec<&str> = s.lines().collect();
            let at = date::parse_local_time("2026-12-31 18:00", date::Zone::CHINA).unwrap();
            let _ = supervision::board_of_lines(
                ctx(),
                &lines,
                at,
                &supervision::BoardOptions::default(),
            );
        },
    },
    Target {
        name: "bureau_year",
        seeds: &["data/sample/year.json"],
        run: |s| {
            let files = [
                ("organisation.json", org::SAMPLE_ORGANISATION_JSON),
                ("year.json", s),
            ];
            let _ = bureau::Bureau::from_files(&files);
        },
    },
    Target {
        name: "time_grammar",
        seeds: &["tests/vectors/errors.json"],
        run: |s| {
            for line in s.lines().take(64) {
                let _ = date::parse_time(line);
                let _ = date::parse_date(line);
            }
        },
    },
    Target {
        name: "masking_text",
        seeds: &["tests/vectors/masking/masking.json"],
        run: |s| {
            let p = mask::MaskPolicy::default();
            let _ = mask::find_personal_data(s);
            for profile in ["court", "penalty_publication", "display"] {
                let once = mask::mask_text(s, &p, profile).unwrap();
                let twice = mask::mask_text(&once.text, &p, profile).unwrap();
                assert_eq!(once.text, twice.text, "masking is idempotent");
            }
        },
    },
];

/// splitmix64: small, fast, reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "null",
    "true",
    "-1",
    "0",
    "1e309",
    "-0",
    "4294967296",
    "18446744073709551616",
    "\"\"",
    "[]",
    "{}",
    "\"2026-02-29\"",
    "\"9999-12-31T23:59:59\"",
    "\"0001-01-01\"",
    "\"2026-10-01T25:00\"",
    "\"workdays\"",
    "\"on_the_spot\"",
    "\"natural_days\"",
    "\u{0}",
    "\u{202e}",
    "张某",
    "110101199003077777",
    "\"format\"",
    ",",
    ":",
    "\n",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "}}}}",
    "\\u0000",
    "\"\\ud800\"",
];

fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let n = v.len();
        match rng.below(6) {
            0 if n > 0 => {
                let i = rng.below(n);
                v[i] = rng.next() as u8;
            }
            1 if n > 0 => {
                let i = rng.below(n);
                let j = (i + 1 + rng.below(64)).min(n);
                v.drain(i..j);
            }
            2 if n > 0 => {
                let i = rng.below(n);
                let j = (i + 1 + rng.below(256)).min(n);
                let chunk = v[i..j].to_vec();
                v.splice(i..i, chunk);
            }
            3 => {
                let i = rng.below(n + 1);
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                v.splice(i..i, t.iter().copied());
            }
            4 if !other.is_empty() => {
                let i = rng.below(n + 1);
                let a = rng.below(other.len());
                let b = (a + 1 + rng.below(512)).min(other.len());
                v.splice(i..i, other[a..b].iter().copied());
            }
            _ if n > 0 => {
                let i = rng.below(n);
                v.truncate(i);
            }
            _ => {}
        }
    }
    v
}

fn crash_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-crashes")
}

/// Runs `target` on `input`; a panic writes the input out and returns its path.
fn try_one(target: &Target, input: &str) -> Option<PathBuf> {
    let run = target.run;
    if catch_unwind(AssertUnwindSafe(|| run(input))).is_ok() {
        return None;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in input.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let path = crash_dir().join(format!("{}-{h:016x}.txt", target.name));
    std::fs::create_dir_all(crash_dir()).unwrap();
    std::fs::write(&path, input).unwrap();
    Some(path)
}

#[test]
fn no_input_panics() {
    let seconds: Option<u64> = std::env::var("EFFICIENCY_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok());
    let seed = match seconds {
        Some(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64,
        None => 0x5EED,
    };
    // Quiet panics: a crash is reported by its input file, not by a backtrace per input.
    std::panic::set_hook(Box::new(|_| {}));
    let others: Vec<u8> = std::fs::read(Path::new(ROOT).join("tests/vectors/errors.json")).unwrap();
    let mut crashes = Vec::new();
    let mut total = 0usize;
    let mut targets = 0usize;
    // EFFICIENCY_FUZZ_TARGET=name runs one target only.
    let only = std::env::var("EFFICIENCY_FUZZ_TARGET").ok();
    for target in TARGETS
        .iter()
        .filter(|t| only.as_deref().is_none_or(|o| o.is_empty() || o == t.name))
    {
        targets += 1;
        // Earlier crash inputs first, then mutations of the seeds.
        let regressions = Path::new(ROOT)
            .join("tests/fuzz-regressions")
            .join(target.name);
        if let Ok(dir) = std::fs::read_dir(&regressions) {
            for f in dir.flatten() {
                let text = String::from_utf8_lossy(&std::fs::read(f.path()).unwrap()).into_owned();
                crashes.extend(try_one(target, &text));
            }
        }
        let seeds: Vec<Vec<u8>> = target
            .seeds
            .iter()
            .map(|p| std::fs::read(Path::new(ROOT).join(p)).unwrap())
            .collect();
        let mut rng = Rng(seed ^ (target.name.len() as u64).wrapping_mul(0x1234_5678_9ABC_DEF1));
        let deadline = seconds.map(|s| Instant::now() + Duration::from_secs(s));
        let mut n = 0usize;
        loop {
            match deadline {
                Some(d) if Instant::now() >= d => break,
                None if n >= 200 => break,
                _ => {}
            }
            let base = &seeds[rng.below(seeds.len())];
            // Large seeds (case logs) are cut to a window so each run stays cheap.
            let base = if base.len() > 8192 {
                let a = rng.below(base.len() - 4096);
                &base[a..a + 4096]
            } else {
                &base[..]
            };
            let input = String::from_utf8_lossy(&mutate(&mut rng, base, &others)).into_owned();
            crashes.extend(try_one(target, &input));
            n += 1;
        }
        total += n;
    }
    let _ = std::panic::take_hook();
    if seconds.is_some() {
        println!("fuzz: {total} inputs over {targets} targets, seed {seed:#x}");
    }
    assert!(crashes.is_empty(), "inputs that panic (copy them into efficiency-core/tests/fuzz-regressions/<target>/): {crashes:?}");
}
