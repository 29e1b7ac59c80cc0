//! WebAssembly bindings: a thin translation of `efficiency-core` for browsers and Node.
//!
//! Dates are `YYYY-MM-DD` strings; errors are thrown as `Error` objects with a stable `code`
//! property (`"calendar.year_not_covered"`, …). Nothing is decided here.

use chrono::NaiveDate;
use efficiency_core::calendar::{self as core_cal, CalendarError};
use efficiency_core::date::{format_date, parse_date};
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod accountability;
mod assessment;
mod case;
pub use assessment::{
    annual_review_sample, score_units, self_inspection_faults, AssessmentRules, Campaign,
};
mod clock;
pub use accountability::{
    accountability_list, AccountabilityRules, Activity, ActivityRules, Organisation,
};
pub use case::{replay_cases, Case, CaseContext};
pub use clock::{evaluate_clocks, Clock, ItemCatalog, ServiceItem, TimeLimit};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** "workday" | "rest_day" | "holiday" | "makeup_workday" */
export type DayKind = "workday" | "rest_day" | "holiday" | "makeup_workday";
/** Everything known about one date. */
export interface DayInfo {
  date: string; kind: DayKind; holidayName: string | null; holidayNameZh: string | null;
  region: string | null; statutory: boolean; provisional: boolean; reason: string;
}
/** One day passed by a workday count: counted (ordinal) or skipped (ordinal null), and why. */
export interface ReckonedDay { date: string; kind: DayKind; ordinal: number | null; reason: string; }
/** `addWorkdays` with its working shown. */
export interface WorkdayReckoning {
  start: string; workdays: number; due: string; provisional: boolean; days: ReckonedDay[]; text: string;
}
/** A row that failed in a batch call. */
export interface RowError { row: number; code: string; message: string; }
/** Result of a batch call: one value per row (null where the input was null or the row failed). */
export interface BatchResult<T> { values: (T | null)[]; errors: RowError[]; }
/** Errors thrown by efficiency carry a stable code. */
export interface EfficiencyError extends Error { code: string; }
"#;

fn js_error(e: &CalendarError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("EfficiencyError");
    // Reflect::set on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code().into());
    err.into()
}

fn wrap<T>(r: Result<T, CalendarError>) -> Result<T, JsValue> {
    r.map_err(|e| js_error(&e))
}

fn date_arg(value: &JsValue, name: &str) -> Result<NaiveDate, CalendarError> {
    match value.as_string() {
        Some(s) => parse_date(&s),
        None => Err(CalendarError::InvalidDate {
            input: format!("{name}: {}", describe(value)),
        }),
    }
}

fn describe(value: &JsValue) -> String {
    value
        .as_f64()
        .map(|n| n.to_string())
        .or_else(|| value.is_null().then(|| "null".to_string()))
        .or_else(|| value.is_undefined().then(|| "undefined".to_string()))
        .unwrap_or_else(|| "a non-string value".to_string())
}

fn int_arg(value: f64, name: &str) -> Result<i32, CalendarError> {
    if value.fract() == 0.0 && value >= f64::from(i32::MIN) && value <= f64::from(i32::MAX) {
        Ok(value as i32)
    } else {
        Err(CalendarError::InvalidArgument {
            argument: name.to_string(),
            message: format!("{value} is not an integer in the 32-bit range"),
        })
    }
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsDayInfo {
    date: String,
    kind: &'static str,
    holiday_name: Option<String>,
    holiday_name_zh: Option<String>,
    region: Option<String>,
    statutory: bool,
    provisional: bool,
    reason: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsReckonedDay {
    date: String,
    kind: &'static str,
    ordinal: Option<i32>,
    reason: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsReckoning {
    start: String,
    workdays: i32,
    due: String,
    provisional: bool,
    days: Vec<JsReckonedDay>,
    text: String,
}

#[derive(Serialize)]
pub(crate) struct JsRowError {
    pub(crate) row: usize,
    pub(crate) code: &'static str,
    pub(crate) message: String,
}

#[derive(Serialize)]
struct JsBatch<T> {
    values: Vec<Option<T>>,
    errors: Vec<JsRowError>,
}

/// A working-day calendar: which days count, with China's make-up workdays.
///
/// ```js
/// const cal = Calendar.china();
/// cal.addWorkdays("2026-09-28", 20); // "2026-10-30"
/// cal.dayKind("2005-12-31");         // "makeup_workday"
/// ```
#[wasm_bindgen]
pub struct Calendar {
    pub(crate) inner: core_cal::Calendar,
}

#[wasm_bindgen]
impl Calendar {
    /// Mainland China's national calendar (State Council notices 2004–2026). With
    /// `provisional = true`, later years are answered with weekends only and marked provisional.
    pub fn china(provisional: Option<bool>) -> Calendar {
        Calendar {
            inner: core_cal::Calendar::china().with_provisional(provisional.unwrap_or(false)),
        }
    }

    /// A calendar from a whole document in the shipped JSON format.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str, provisional: Option<bool>) -> Result<Calendar, JsValue> {
        let inner = wrap(core_cal::Calendar::from_json(text))?;
        Ok(Calendar {
            inner: inner.with_provisional(provisional.unwrap_or(false)),
        })
    }

    /// A new calendar with one year added or replaced.
    #[wasm_bindgen(js_name = withYear)]
    pub fn with_year(&self, year_json: &str) -> Result<Calendar, JsValue> {
        Ok(Calendar {
            inner: wrap(self.inner.with_year(year_json))?,
        })
    }

    /// A new calendar with a regional overlay laid on top.
    #[wasm_bindgen(js_name = withOverlay)]
    pub fn with_overlay(&self, overlay_json: &str) -> Result<Calendar, JsValue> {
        Ok(Calendar {
            inner: wrap(self.inner.with_overlay(overlay_json))?,
        })
    }

    /// The same calendar, provisional or strict for years after its data.
    #[wasm_bindgen(js_name = withProvisional)]
    pub fn with_provisional(&self, provisional: bool) -> Calendar {
        Calendar {
            inner: self.inner.with_provisional(provisional),
        }
    }

    /// The national data as JSON in the shipped format.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// `[first, last]` year with a notice.
    #[wasm_bindgen(getter, js_name = coveredYears, unchecked_return_type = "[number, number]")]
    pub fn covered_years(&self) -> js_sys::Array {
        let (a, b) = self.inner.covered_years();
        js_sys::Array::of2(&a.into(), &b.into())
    }

    /// Whether later years are answered provisionally.
    #[wasm_bindgen(getter)]
    pub fn provisional(&self) -> bool {
        self.inner.provisional()
    }

    /// Region codes: the national data's, then each overlay's.
    #[wasm_bindgen(getter)]
    pub fn regions(&self) -> Vec<String> {
        self.inner.regions()
    }

    /// Whether the office is open on `date` ("YYYY-MM-DD").
    #[wasm_bindgen(js_name = isWorkday)]
    pub fn is_workday(&self, date: JsValue) -> Result<bool, JsValue> {
        wrap(date_arg(&date, "date").and_then(|d| self.inner.is_workday(d)))
    }

    /// "workday", "rest_day", "holiday" or "makeup_workday".
    #[wasm_bindgen(js_name = dayKind, unchecked_return_type = "DayKind")]
    pub fn day_kind(&self, date: JsValue) -> Result<String, JsValue> {
        wrap(
            date_arg(&date, "date")
                .and_then(|d| self.inner.day_kind(d))
                .map(|k| k.as_str().to_string()),
        )
    }

    /// The English name of the holiday period `date` is in, or `undefined`.
    #[wasm_bindgen(js_name = holidayName)]
    pub fn holiday_name(&self, date: JsValue) -> Result<Option<String>, JsValue> {
        wrap(date_arg(&date, "date").and_then(|d| self.inner.holiday_name(d)))
    }

    /// Everything known about `date`.
    #[wasm_bindgen(js_name = dayInfo, unchecked_return_type = "DayInfo")]
    pub fn day_info(&self, date: JsValue) -> Result<JsValue, JsValue> {
        let info = wrap(date_arg(&date, "date").and_then(|d| self.inner.day_info(d)))?;
        to_js(&JsDayInfo {
            date: format_date(info.date),
            kind: info.kind.as_str(),
            holiday_name: info.period.as_ref().map(|p| p.name.clone()),
            holiday_name_zh: info.period.as_ref().map(|p| p.name_zh.clone()),
            region: info.period.as_ref().map(|p| p.region.clone()),
            statutory: info.statutory,
            provisional: info.provisional,
            reason: info.describe(),
        })
    }

    /// Whether `date` would be answered provisionally.
    #[wasm_bindgen(js_name = isProvisional)]
    pub fn is_provisional(&self, date: JsValue) -> Result<bool, JsValue> {
        wrap(date_arg(&date, "date").map(|d| self.inner.is_provisional(d)))
    }

    /// n ≥ 1: the n-th workday strictly after `date`; 0: `date`; n < 0: the |n|-th before.
    #[wasm_bindgen(js_name = addWorkdays)]
    pub fn add_workdays(&self, date: JsValue, n: f64) -> Result<String, JsValue> {
        wrap((|| {
            let d = date_arg(&date, "date")?;
            Ok(format_date(self.inner.add_workdays(d, int_arg(n, "n")?)?))
        })())
    }

    /// The number of workdays x with a < x ≤ b (negative when b < a).
    #[wasm_bindgen(js_name = workdaysBetween)]
    pub fn workdays_between(&self, a: JsValue, b: JsValue) -> Result<i32, JsValue> {
        wrap((|| {
            self.inner
                .workdays_between(date_arg(&a, "a")?, date_arg(&b, "b")?)
        })())
    }

    /// The first workday strictly after `date`.
    #[wasm_bindgen(js_name = nextWorkday)]
    pub fn next_workday(&self, date: JsValue) -> Result<String, JsValue> {
        wrap(
            date_arg(&date, "date")
                .and_then(|d| self.inner.next_workday(d))
                .map(format_date),
        )
    }

    /// The last workday strictly before `date`.
    #[wasm_bindgen(js_name = previousWorkday)]
    pub fn previous_workday(&self, date: JsValue) -> Result<String, JsValue> {
        wrap(
            date_arg(&date, "date")
                .and_then(|d| self.inner.previous_workday(d))
                .map(format_date),
        )
    }

    /// `addWorkdays` with its working shown: every day passed, counted or skipped, and why.
    #[wasm_bindgen(js_name = explainAddWorkdays, unchecked_return_type = "WorkdayReckoning")]
    pub fn explain_add_workdays(&self, date: JsValue, n: f64) -> Result<JsValue, JsValue> {
        let r = wrap((|| {
            self.inner
                .explain_add_workdays(date_arg(&date, "date")?, int_arg(n, "n")?)
        })())?;
        to_js(&JsReckoning {
            start: format_date(r.start),
            workdays: r.workdays,
            due: format_date(r.due),
            provisional: r.provisional,
            text: r.to_string(),
            days: r
                .days
                .into_iter()
                .map(|d| JsReckonedDay {
                    date: format_date(d.date),
                    kind: d.kind.as_str(),
                    ordinal: d.ordinal,
                    reason: d.reason,
                })
                .collect(),
        })
    }

    /// Batch `addWorkdays`: `dates` is an array of "YYYY-MM-DD" strings (null for missing), `n`
    /// a number or an array of numbers. Never throws for a bad row: each failed row is null in
    /// `values` and listed in `errors`.
    #[wasm_bindgen(js_name = addWorkdaysMany, unchecked_return_type = "BatchResult<string>")]
    pub fn add_workdays_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "(string | null)[]")] dates: Vec<JsValue>,
        #[wasm_bindgen(unchecked_param_type = "number | number[]")] n: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ns: Vec<f64> = match n.as_f64() {
            Some(x) => vec![x],
            None if js_sys::Array::is_array(&n) => js_sys::Array::from(&n)
                .iter()
                .map(|v| v.as_f64().unwrap_or(f64::NAN))
                .collect(),
            None => {
                return Err(js_error(&CalendarError::InvalidArgument {
                    argument: "n".into(),
                    message: "must be a number or an array of numbers".into(),
                }))
            }
        };
        if ns.len() != 1 && ns.len() != dates.len() {
            return Err(js_error(&CalendarError::InvalidArgument {
                argument: "n".into(),
                message: format!("has {} entries for {} dates", ns.len(), dates.len()),
            }));
        }
        let mut out = JsBatch {
            values: Vec::with_capacity(dates.len()),
            errors: Vec::new(),
        };
        for (row, d) in dates.iter().enumerate() {
            if d.is_null() || d.is_undefined() {
                out.values.push(None);
                continue;
            }
            let k = ns[if ns.len() == 1 { 0 } else { row }];
            let r =
                date_arg(d, "dates[]").and_then(|d| self.inner.add_workdays(d, int_arg(k, "n")?));
            match r {
                Ok(v) => out.values.push(Some(format_date(v))),
                Err(e) => {
                    out.values.push(None);
                    out.errors.push(JsRowError {
                        row,
                        code: e.code(),
                        message: e.to_string(),
                    });
                }
            }
        }
        to_js(&out)
    }

    /// Batch `workdaysBetween` over two arrays of equal length; same conventions as
    /// `addWorkdaysMany`.
    #[wasm_bindgen(js_name = workdaysBetweenMany, unchecked_return_type = "BatchResult<number>")]
    pub fn workdays_between_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "(string | null)[]")] a: Vec<JsValue>,
        #[wasm_bindgen(unchecked_param_type = "(string | null)[]")] b: Vec<JsValue>,
    ) -> Result<JsValue, JsValue> {
        if a.len() != b.len() {
            return Err(js_error(&CalendarError::InvalidArgument {
                argument: "b".into(),
                message: format!("has {} entries, a has {}", b.len(), a.len()),
            }));
        }
        let mut out = JsBatch {
            values: Vec::with_capacity(a.len()),
            errors: Vec::new(),
        };
        for (row, (x, y)) in a.iter().zip(&b).enumerate() {
            if x.is_null() || x.is_undefined() || y.is_null() || y.is_undefined() {
                out.values.push(None);
                continue;
            }
            let r = date_arg(x, "a[]")
                .and_then(|x| self.inner.workdays_between(x, date_arg(y, "b[]")?));
            match r {
                Ok(v) => out.values.push(Some(v)),
                Err(e) => {
                    out.values.push(None);
                    out.errors.push(JsRowError {
                        row,
                        code: e.code(),
                        message: e.to_string(),
                    });
                }
            }
        }
        to_js(&out)
    }
}

/// Every error code the calendar can produce.
#[wasm_bindgen(js_name = calendarErrorCodes)]
pub fn calendar_error_codes() -> Vec<String> {
    CalendarError::CODES.iter().map(|s| s.to_string()).collect()
}

/// The version of the library.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
