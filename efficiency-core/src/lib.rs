//! `efficiency-core`: the rules of administrative efficiency building (行政效能建设) as code.
//!
//! Facts in, judgements out: rule tables (data with defaults) and event logs (facts) go in;
//! results that explain themselves come out — a deadline lists the days it skipped and why, a
//! deduction names its findings and events. A fault of a person is a *finding*, never an error;
//! an error is bad input, with a stable code naming the field, event, date or year. The core
//! never reads the clock, does no I/O and holds no hidden state; the Python (`efficiency`) and
//! WebAssembly (`efficiency-wasm`) packages translate its arguments and results and add nothing.
//!
//! | Area | Modules |
//! |---|---|
//! | Working days: China's State Council notices 2004–2026 compiled in, regional overlays, a provisional mode | [`calendar`], [`date`] |
//! | Deadline clocks: statutory and promised limits, suspensions, extensions, levels | [`clock`], [`item`] |
//! | Cases as event logs: first inquiry, the one-time notice, steps, findings, metrics, streaming and parallel replay | [`case`] |
//! | Accountability, conduct and complaints | [`org`], [`accountability`], [`activity`] |
//! | Target assessment, the campaign and the annual review of a bureau's own data | [`assessment`], [`campaign`], [`review`], [`bureau`], [`report`] |
//! | Disclosure (whereabouts, published decisions, ratings, information requests), masking, service guides | [`disclosure`], [`mask`], [`guide`] |
//! | Electronic supervision: cards and the board | [`supervision`] |
//! | One boundary for every language: values, options, error codes | [`boundary`], [`error`] |
//!
//! The calendar:
//!
//! ```
//! use efficiency_core::calendar::{Calendar, DayKind};
//! use chrono::NaiveDate;
//!
//! let cal = Calendar::china();
//! let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
//! // 2026-10-10 is a Saturday, and a make-up workday for National Day.
//! assert_eq!(cal.day_kind(d("2026-10-10"))?, DayKind::MakeupWorkday);
//! // A licensing decision (20 workdays) accepted on 2026-09-28 is due on 2026-10-30.
//! assert_eq!(cal.add_workdays(d("2026-09-28"), 20)?, d("2026-10-30"));
//! // A year whose holidays are not announced is an error, not a guess.
//! assert_eq!(cal.add_workdays(d("2026-12-28"), 10).unwrap_err().code(), "calendar.year_not_covered");
//! # Ok::<(), efficiency_core::calendar::CalendarError>(())
//! ```
//!
//! A case, judged from its events (a finding is a fault of a person, with its evidence):
//!
//! ```
//! use efficiency_core::case::{Case, CaseContext};
//! let ctx = CaseContext::sample();
//! let log = r#"{"id":"e1","case":"C1","at":"2026-09-28T09:30:00","actor":"soc01","event":"receive","item":"civil.social_org_registration","window":"W1"}
//! {"id":"e2","case":"C1","at":"2026-09-28T09:40:00","actor":"soc01","event":"accept"}
//! {"id":"e3","case":"C1","at":"2026-10-20T16:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#;
//! let status = Case::from_jsonl(&ctx, log)?.status(&ctx, "2026-11-30T09:00:00".parse().unwrap())?;
//! assert_eq!(status.findings[0].code, "time_limit.promised_missed");
//! assert_eq!(status.findings[0].events, ["e2", "e3"]);
//! # Ok::<(), efficiency_core::case::CaseError>(())
//! ```
//!
//! The annual review of a bureau's own files (here the sample bureau shipped with the crate):
//!
//! ```
//! use efficiency_core::bureau::{Bureau, SAMPLE_BUREAU_FILES};
//! let review = Bureau::from_files(SAMPLE_BUREAU_FILES)?.review(2026)?;
//! assert_eq!((review.cases, review.events), (400, 2576));
//! // Units ranked by score; every point explains itself (rule, findings, events).
//! let best = &review.scorecards[0];
//! assert_eq!((best.unit.as_str(), best.total), ("office", 98.0));
//! assert!(best.lines.iter().all(|l| !l.rule.is_empty()));
//! # Ok::<(), efficiency_core::error::Error>(())
//! ```
//!
//! The repository's README (whose Rust examples run as this crate's doctests) has the guide for
//! every area; `ARCHITECTURE.md` maps the crates and their invariants.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// The README's Rust examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", env!("CARGO_PKG_README")))]
pub struct ReadmeDoctests;

/// The Rust guide's examples (`docs/guide-rust.md`), run as doctests.
#[cfg(doctest)]
#[doc = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/guide-rust.md"))]
pub struct GuideDoctests;

pub mod accountability;
pub mod activity;
pub mod assessment;
pub mod boundary;
pub mod bureau;
pub mod calendar;
pub mod campaign;
pub mod case;
pub mod catalog;
pub mod clock;
pub mod date;
pub mod disclosure;
pub mod error;
pub mod guide;
mod hash;
pub mod item;
mod json;
pub mod limits;
pub mod mask;
pub mod messages;
pub mod names;
pub mod org;
pub mod report;
pub mod review;
pub mod supervision;

/// The shipped data every binding exposes, by name: the defaults a bureau starts from and
/// replaces with its own (Python `<NAME>_JSON` constants, JS `dataJson(name)`).
pub const DATA: &[(&str, &str)] = &[
    (
        "accountability_rules",
        accountability::ACCOUNTABILITY_RULES_JSON,
    ),
    ("assessment_rules", assessment::ASSESSMENT_RULES_JSON),
    ("campaign_plan", campaign::CAMPAIGN_PLAN_JSON),
    ("china_calendar", calendar::CHINA_JSON),
    ("complaint_rules", activity::COMPLAINT_RULES_JSON),
    ("conduct_rules", activity::CONDUCT_RULES_JSON),
    ("finding_rules", case::FINDING_RULES_JSON),
    ("item_templates", item::ITEM_TEMPLATES_JSON),
    ("sample_guides", guide::SAMPLE_GUIDES_JSON),
    ("masking_rules", mask::MASKING_RULES_JSON),
    ("settings", clock::SETTINGS_JSON),
    ("supervision_rules", supervision::SUPERVISION_RULES_JSON),
    ("sample_activity", activity::SAMPLE_ACTIVITY_JSON),
    ("sample_organisation", org::SAMPLE_ORGANISATION_JSON),
    ("sample_roster", case::SAMPLE_ROSTER_JSON),
];

/// The library's version (Python `__version__`, JS `version()`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
