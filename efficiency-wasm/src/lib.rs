//! WebAssembly bindings: a thin translation of `efficiency-core` for browsers and Node.
//!
//! Dates are `YYYY-MM-DD` strings; errors are thrown as `Error` objects with a stable `code`
//! property (`"calendar.year_not_covered"`, …). Nothing is decided here.

use chrono::NaiveDate;
use efficiency_core::boundary::Whole;
use efficiency_core::boundary::{self, BatchResult};
use efficiency_core::calendar::MISSING;
use efficiency_core::calendar::{self as core_cal, CalendarError};
use efficiency_core::date::format_date;
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod accountability;
mod assessment;
mod case;
mod class;
mod convert;
mod guide;
mod mask;
pub use assessment::{
    annual_review_sample, score_units, self_inspection_faults, AssessmentRules, Campaign,
};
mod clock;
pub use accountability::{
    accountability_list, AccountabilityRules, Activity, ActivityRules, Organisation,
};
pub use case::{replay_cases, Case, CaseContext};
pub use clock::{evaluate_clocks, Clock, ItemCatalog, ServiceItem, TimeLimit};

/// The result types, generated from the Rust types (scripts/gen_types.py).
#[wasm_bindgen(typescript_custom_section)]
const TS_RESULTS: &str = include_str!("types.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TS_ERRORS: &str = r#"
/** What every thrown error carries (the same fields as `ErrorData`, on an `Error`), and `text`:
 * the error as a Chinese sentence for a bureau's staff (the English is `message`). */
export interface EfficiencyError extends Error {
  code: ErrorCode; text: string; field?: string; row?: number; line?: number; event?: string; eventIndex?: number;
}
"#;

fn wrap<T, E: Into<efficiency_core::error::Error>>(r: Result<T, E>) -> Result<T, JsValue> {
    crate::convert::ok(r)
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    Ok(convert::to_object(&efficiency_core::boundary::to_value(
        value,
    )))
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
    pub(crate) inner: crate::class::Shared<core_cal::Calendar>,
}

crate::class::is_class!(Calendar, core_cal::Calendar);

#[wasm_bindgen]
impl Calendar {
    /// The object's handle in the table of live objects (how class arguments are found).
    #[wasm_bindgen(getter, js_name = "__handle", skip_typescript)]
    pub fn handle(&self) -> u32 {
        self.inner.handle()
    }
    /// Mainland China's national calendar (State Council notices 2004–2026). With
    /// `provisional = true`, later years are answered with weekends only and marked provisional.
    pub fn china(
        #[wasm_bindgen(unchecked_optional_param_type = "boolean")] provisional: JsValue,
    ) -> Result<Calendar, JsValue> {
        let provisional = crate::convert::flag_or(&provisional, "provisional", false)?;
        Ok({
            Calendar {
                inner: crate::class::Shared::new(
                    core_cal::Calendar::china().with_provisional(provisional),
                ),
            }
        })
    }

    /// A calendar from a whole document in the shipped JSON format.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean")] provisional: JsValue,
    ) -> Result<Calendar, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        let text = text.as_str();
        let provisional = crate::convert::flag_or(&provisional, "provisional", false)?;
        let inner = wrap(core_cal::Calendar::from_json(text))?;
        Ok(Calendar {
            inner: crate::class::Shared::new(inner.with_provisional(provisional)),
        })
    }

    /// A new calendar with one year added or replaced.
    #[wasm_bindgen(js_name = withYear)]
    pub fn with_year(
        &self,
        #[wasm_bindgen(js_name = yearJson, unchecked_param_type = "string")] year_json: JsValue,
    ) -> Result<Calendar, JsValue> {
        let year_json = crate::convert::text(&year_json, "yearJson")?;
        let year_json = year_json.as_str();
        Ok(Calendar {
            inner: crate::class::Shared::new(wrap(self.inner.with_year(year_json))?),
        })
    }

    /// A new calendar with a regional overlay laid on top.
    #[wasm_bindgen(js_name = withOverlay)]
    pub fn with_overlay(
        &self,
        #[wasm_bindgen(js_name = overlayJson, unchecked_param_type = "string")]
        overlay_json: JsValue,
    ) -> Result<Calendar, JsValue> {
        let overlay_json = crate::convert::text(&overlay_json, "overlayJson")?;
        let overlay_json = overlay_json.as_str();
        Ok(Calendar {
            inner: crate::class::Shared::new(wrap(self.inner.with_overlay(overlay_json))?),
        })
    }

    /// The same calendar, provisional or strict for years after its data.
    #[wasm_bindgen(js_name = withProvisional)]
    pub fn with_provisional(
        &self,
        #[wasm_bindgen(unchecked_param_type = "boolean")] provisional: JsValue,
    ) -> Result<Calendar, JsValue> {
        let provisional =
            crate::convert::ok(crate::convert::value(&provisional).flag("provisional"))?;
        Ok({
            Calendar {
                inner: crate::class::Shared::new(self.inner.with_provisional(provisional)),
            }
        })
    }

    /// The national data as JSON in the shipped format.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The zone the office's wall-clock times are in, e.g. "+08:00".
    #[wasm_bindgen(getter)]
    pub fn zone(&self) -> String {
        self.inner.zone().to_string()
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

    /// Whether the office is open on `date`.
    #[wasm_bindgen(js_name = isWorkday)]
    pub fn is_workday(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
    ) -> Result<bool, JsValue> {
        wrap(self.inner.is_workday(self.date(&date, "date")?))
    }

    /// "workday", "rest_day", "holiday" or "makeup_workday".
    #[wasm_bindgen(js_name = dayKind, unchecked_return_type = "DayKind")]
    pub fn day_kind(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
    ) -> Result<String, JsValue> {
        Ok(wrap(self.inner.day_kind(self.date(&date, "date")?))?
            .as_str()
            .to_string())
    }

    /// The English name of the holiday period `date` is in, or `undefined`.
    #[wasm_bindgen(js_name = holidayName)]
    pub fn holiday_name(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
    ) -> Result<Option<String>, JsValue> {
        wrap(self.inner.holiday_name(self.date(&date, "date")?))
    }

    /// Everything known about `date`.
    #[wasm_bindgen(js_name = dayInfo, unchecked_return_type = "DayInfo")]
    pub fn day_info(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
    ) -> Result<JsValue, JsValue> {
        to_js(&wrap(self.inner.day_info(self.date(&date, "date")?))?)
    }

    /// Whether `date` would be answered provisionally.
    #[wasm_bindgen(js_name = isProvisional)]
    pub fn is_provisional(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
    ) -> Result<bool, JsValue> {
        Ok(self.inner.is_provisional(self.date(&date, "date")?))
    }

    /// n ≥ 1: the n-th workday strictly after `date`; 0: `date`; n < 0: the |n|-th before.
    #[wasm_bindgen(js_name = addWorkdays)]
    pub fn add_workdays(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<String, JsValue> {
        let d = self.date(&date, "date")?;
        let n = convert::whole(&n, "n", Whole::Offset)? as i32;
        Ok(format_date(wrap(self.inner.add_workdays(d, n))?))
    }

    /// The number of workdays x with a < x ≤ b (negative when b < a).
    #[wasm_bindgen(js_name = workdaysBetween)]
    pub fn workdays_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] a: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] b: JsValue,
    ) -> Result<i32, JsValue> {
        wrap(
            self.inner
                .workdays_between(self.date(&a, "a")?, self.date(&b, "b")?),
        )
    }

    /// The first workday strictly after `date`.
    #[wasm_bindgen(js_name = nextWorkday)]
    pub fn next_workday(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
    ) -> Result<String, JsValue> {
        Ok(format_date(wrap(
            self.inner.next_workday(self.date(&date, "date")?),
        )?))
    }

    /// The last workday strictly before `date`.
    #[wasm_bindgen(js_name = previousWorkday)]
    pub fn previous_workday(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
    ) -> Result<String, JsValue> {
        Ok(format_date(wrap(
            self.inner.previous_workday(self.date(&date, "date")?),
        )?))
    }

    /// `addWorkdays` with its working shown: every day passed, counted or skipped, and why.
    #[wasm_bindgen(js_name = explainAddWorkdays, unchecked_return_type = "WorkdayReckoning")]
    pub fn explain_add_workdays(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<JsValue, JsValue> {
        let d = self.date(&date, "date")?;
        let n = convert::whole(&n, "n", Whole::Offset)? as i32;
        to_js(&wrap(self.inner.explain_add_workdays(d, n))?)
    }

    /// Batch `addWorkdays`: `dates` is an array of "YYYY-MM-DD" strings (null for missing), `n`
    /// a number or an array of numbers. Never throws for a bad row: each failed row is null in
    /// `values` and listed in `errors`.
    #[wasm_bindgen(js_name = addWorkdaysMany, unchecked_return_type = "DateBatch")]
    pub fn add_workdays_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "(string | null)[]")] dates: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | number[]")] n: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (days, errors) = convert::bulk_days(&dates, "dates", self.inner.zone())?;
        let n = convert::bulk_numbers(&n);
        let mut out = vec![0i64; days.len()];
        let errors = convert::ok(efficiency_core::calendar::add_workdays_batch(
            &self.inner,
            &days,
            errors,
            n.view(),
            &mut out,
        ))?;
        Ok(convert::date_batch(&out, &errors))
    }

    /// Batch `workdaysBetween` over two arrays of equal length; same conventions as
    /// `addWorkdaysMany`.
    #[wasm_bindgen(js_name = workdaysBetweenMany, unchecked_return_type = "CountBatch")]
    pub fn workdays_between_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "(string | null)[]")] a: JsValue,
        #[wasm_bindgen(unchecked_param_type = "(string | null)[]")] b: JsValue,
    ) -> Result<JsValue, JsValue> {
        let zone = self.inner.zone();
        let (a, mut errors) = convert::bulk_days(&a, "a", zone)?;
        let (b, errors_b) = convert::bulk_days(&b, "b", zone)?;
        errors.extend(errors_b);
        let mut out = vec![0i64; a.len()];
        let errors = convert::ok(efficiency_core::calendar::workdays_between_batch(
            &self.inner,
            &a,
            &b,
            errors,
            &mut out,
        ))?;
        Ok(convert::to_object_bulk(&boundary::to_value(&BatchResult {
            values: out
                .into_iter()
                .map(|v| (v != MISSING).then_some(v))
                .collect(),
            errors,
        })))
    }
}

impl Calendar {
    fn date(&self, v: &JsValue, name: &str) -> Result<NaiveDate, JsValue> {
        convert::date(v, name, self.inner.zone())
    }
}

/// The shipped data by name (the defaults a bureau replaces with its own): see `dataNames()`.
#[wasm_bindgen(js_name = dataJson)]
pub fn data_json(
    #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
) -> Result<String, JsValue> {
    let names: Vec<&str> = efficiency_core::DATA.iter().map(|(n, _)| *n).collect();
    let name = convert::ok(convert::value(&name).choice("name", &names))?;
    Ok(efficiency_core::DATA
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, j)| *j)
        .to_string())
}

/// The names `dataJson` knows.
#[wasm_bindgen(js_name = dataNames)]
pub fn data_names() -> Vec<String> {
    efficiency_core::DATA
        .iter()
        .map(|(n, _)| n.to_string())
        .collect()
}

/// Every error code, in every language (the published list).
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn error_codes() -> Vec<String> {
    efficiency_core::error::CODES
        .iter()
        .map(|(c, _)| c.to_string())
        .collect()
}

/// Every error code the calendar can produce.
#[wasm_bindgen(js_name = calendarErrorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn calendar_error_codes() -> Vec<String> {
    CalendarError::CODES.iter().map(|s| s.to_string()).collect()
}

/// The version of the library.
#[wasm_bindgen]
pub fn version() -> String {
    efficiency_core::VERSION.to_string()
}

#[cfg(test)]
mod floors {
    /// The binding's ground floor: the converter and the class table import no area module
    /// (an area file imports them, never the other way), so no circle runs through them.
    #[test]
    fn the_converter_and_the_class_table_name_no_area() {
        for (file, text) in [
            ("convert.rs", include_str!("convert.rs")),
            ("class.rs", include_str!("class.rs")),
        ] {
            let upward: Vec<&str> = text
                .match_indices("crate::")
                .map(|(i, _)| {
                    let rest = &text[i + 7..];
                    &rest[..rest
                        .find(|c: char| !c.is_alphanumeric() && c != '_')
                        .unwrap_or(rest.len())]
                })
                .filter(|m| !["class", "convert"].contains(m))
                .collect();
            assert!(upward.is_empty(), "{file} imports {upward:?}");
        }
    }
}
