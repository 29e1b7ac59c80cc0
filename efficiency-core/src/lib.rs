//! `efficiency-core`: the rules of administrative efficiency building (行政效能建设) as code.
//!
//! Facts in, judgements out: rule tables (data) and event logs (facts) go in, results that
//! explain themselves come out. The core never reads the clock, does no I/O and holds no hidden
//! state; the Python and WebAssembly crates are thin translations of this one.
//!
//! This release has the foundation every deadline stands on: the [`calendar`] of working days,
//! with China's State Council holiday notices for 2004–2026 compiled in.
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
//! # Ok::<(), efficiency_core::calendar::CalendarError>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// Names an enum's variants once: `as_str`, `NAMES` (in declaration order) and `from_name`.
/// The serde names of the enum must be the same (`rename_all = "snake_case"`); a unit test
/// per enum checks it.
#[macro_export]
#[doc(hidden)]
macro_rules! names {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($name),+];
            /// The snake_case name (the serde name, the same in every language).
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $name),+ }
            }
            /// The variant named `name`, if any.
            pub fn from_name(name: &str) -> Option<$ty> {
                match name { $($name => Some($ty::$variant),)+ _ => None }
            }
            /// The variant an argument `arg` names, `default` when it is absent (null); any
            /// other value is `argument.wrong_type` or `argument.invalid_choice` naming `arg`.
            pub fn from_arg(
                v: &$crate::boundary::Value,
                arg: &str,
                default: $ty,
            ) -> Result<$ty, $crate::error::Error> {
                match v {
                    $crate::boundary::Value::Null => Ok(default),
                    v => Ok(Self::from_name(v.choice(arg, Self::NAMES)?).expect("a listed name")),
                }
            }
        }
    };
}

pub mod accountability;
pub mod activity;
pub mod assessment;
pub mod boundary;
pub mod bureau;
pub mod calendar;
pub mod campaign;
pub mod case;
pub mod clock;
pub mod date;
pub mod disclosure;
pub mod error;
pub mod guide;
mod hash;
pub mod item;
mod json;
pub mod mask;
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
    ("supervision_rules", supervision::SUPERVISION_RULES_JSON),
    ("sample_activity", activity::SAMPLE_ACTIVITY_JSON),
    ("sample_organisation", org::SAMPLE_ORGANISATION_JSON),
    ("sample_roster", case::SAMPLE_ROSTER_JSON),
];

/// The library's version (Python `__version__`, JS `version()`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
