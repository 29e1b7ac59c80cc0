//! JS bindings of the deadline clock, service items and the batch evaluator.

use chrono::NaiveDateTime;
use efficiency_core::boundary::Whole;
use efficiency_core::clock::{
    self as core_clock, Authority, ClockConfig, ClockError, ClockOptions,
};
use efficiency_core::error::Error;
use efficiency_core::item::{self, ItemClock};
use wasm_bindgen::prelude::*;

use crate::to_js;

#[wasm_bindgen(typescript_custom_section)]
const TS_CLOCK: &str = r#"
export type TimeUnitName = TimeUnit;
/** A limit as a plain object; a TimeLimit instance works too. */
export interface TimeLimitLike { amount: number; unit: TimeUnitName; }
export interface ClockOptions {
  promised?: TimeLimitLike; extensionApprover?: Authority; maxExtension?: number; maxExtensions?: number;
  dayEnd?: "close_of_business" | "midnight"; officeHours?: [string, string][]; reminderThreshold?: TimeLimitLike;
  /** The bureau's settings document (efficiency.settings/1), as text or object. */
  settings?: string | object;
}
export interface ClockColumns {
  acceptedAt: (string | Date | null)[]; amount: number | number[]; unit: TimeUnitName | TimeUnitName[];
  asOf: string | Date | (string | Date)[]; statutoryAmount?: number | number[]; concludedAt?: (string | Date | null)[];
}
"#;

fn wrap<T, E: Into<efficiency_core::error::Error>>(r: Result<T, E>) -> Result<T, JsValue> {
    crate::convert::ok(r)
}

/// A time limit argument: a `TimeLimit` or `{amount, unit}`.
fn limit_arg(value: &JsValue, name: &str) -> Result<core_clock::TimeLimit, JsValue> {
    wrap(core_clock::TimeLimit::from_value(
        &crate::convert::value(value),
        name,
    ))
}

fn uint(value: &JsValue, name: &str) -> Result<u32, efficiency_core::error::Error> {
    Ok(crate::convert::value(value).whole(name, Whole::Amount)? as u32)
}

/// A time limit: an amount and a unit.
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub struct TimeLimit {
    inner: core_clock::TimeLimit,
}

#[wasm_bindgen]
impl TimeLimit {
    /// `amount` of `unit` ("workdays", "natural_days", "work_hours", "on_the_spot", "months",
    /// "none").
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "number | null")] amount: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TimeUnitName")] unit: JsValue,
    ) -> Result<TimeLimit, JsValue> {
        let (amount, unit) = (crate::convert::value(&amount), crate::convert::value(&unit));
        Ok(TimeLimit {
            inner: crate::convert::ok(core_clock::TimeLimit::from_args(
                &amount, &unit, "amount", "unit",
            ))?,
        })
    }
    /// `n` workdays.
    pub fn workdays(
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<TimeLimit, JsValue> {
        let n = crate::convert::whole(&n, "n", Whole::Amount)? as u32;
        Ok({
            TimeLimit {
                inner: core_clock::TimeLimit::workdays(n),
            }
        })
    }
    /// `n` natural days.
    #[wasm_bindgen(js_name = naturalDays)]
    pub fn natural_days(
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<TimeLimit, JsValue> {
        let n = crate::convert::whole(&n, "n", Whole::Amount)? as u32;
        Ok({
            TimeLimit {
                inner: core_clock::TimeLimit::natural_days(n),
            }
        })
    }
    /// `n` months (民法典 Arts. 200–203).
    pub fn months(
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<TimeLimit, JsValue> {
        let n = crate::convert::whole(&n, "n", Whole::Amount)? as u32;
        Ok(TimeLimit {
            inner: core_clock::TimeLimit::months(n),
        })
    }
    /// `n` office hours.
    #[wasm_bindgen(js_name = workHours)]
    pub fn work_hours(
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<TimeLimit, JsValue> {
        let n = crate::convert::whole(&n, "n", Whole::Amount)? as u32;
        Ok({
            TimeLimit {
                inner: core_clock::TimeLimit::work_hours(n),
            }
        })
    }
    /// On the spot (即办).
    #[wasm_bindgen(js_name = onTheSpot)]
    pub fn on_the_spot() -> TimeLimit {
        TimeLimit {
            inner: core_clock::TimeLimit::on_the_spot(),
        }
    }
    /// No limit: the statute of an item no law gives a period (only its promise binds).
    pub fn none() -> TimeLimit {
        TimeLimit {
            inner: core_clock::TimeLimit::none(),
        }
    }
    /// The amount.
    #[wasm_bindgen(getter)]
    pub fn amount(&self) -> u32 {
        self.inner.amount
    }
    /// The unit.
    #[wasm_bindgen(getter, unchecked_return_type = "TimeUnitName")]
    pub fn unit(&self) -> String {
        self.inner.unit.as_str().to_string()
    }
    /// "20 workdays", "on the spot".
    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_js(&self) -> String {
        self.inner.to_string()
    }
    /// `{ amount, unit }`: how `JSON.stringify` and every call taking a limit read it.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "{ amount: number; unit: TimeUnitName }")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner)
    }
}

impl Clock {
    /// A time argument in the clock's calendar zone.
    fn at(
        &self,
        value: &JsValue,
        name: &str,
    ) -> Result<NaiveDateTime, efficiency_core::error::Error> {
        crate::convert::value(value).time(name, self.inner.clock().calendar().zone())
    }
}

/// A case's deadline clock (限时办结制). Times are local wall-clock ISO strings.
///
/// ```js
/// const clock = new Clock(Calendar.china(), "2026-09-28T10:00", TimeLimit.workdays(20), { promised: { amount: 10, unit: "workdays" } });
/// clock.suspend("2026-10-09T15:00", "expert review");
/// clock.resume("2026-10-13T09:00");
/// clock.status("2026-10-20T09:00").promisedDue; // "2026-10-21T17:30:00"
/// ```
#[wasm_bindgen]
pub struct Clock {
    inner: ItemClock,
}

#[wasm_bindgen]
impl Clock {
    /// A clock for a case accepted at `acceptedAt` under `statutory` ({amount, unit} or a TimeLimit).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: JsValue,
        #[wasm_bindgen(js_name = acceptedAt, unchecked_param_type = "string | Date")]
        accepted_at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TimeLimitLike")] statutory: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "ClockOptions")] options_: JsValue,
    ) -> Result<Clock, JsValue> {
        let calendar = crate::class::class::<crate::Calendar>(&calendar, "calendar")?;
        let accepted = crate::convert::time(&accepted_at, "acceptedAt", calendar.inner.zone())?;
        let statutory = limit_arg(&statutory, "statutory")?;
        let options = wrap(ClockOptions::from_value(&crate::convert::value(&options_)))?;
        Ok(Clock {
            inner: ItemClock::from(wrap(options.clock(
                calendar.inner.clone(),
                accepted,
                statutory,
            ))?),
        })
    }

    /// Incomplete application received at `receivedAt`, one-time supplement notice at `noticeAt`
    /// (more than 5 workdays apart: counts as accepted on receipt, 行政许可法 Art. 32).
    #[wasm_bindgen(js_name = supplementNotice)]
    pub fn supplement_notice(
        &mut self,
        #[wasm_bindgen(js_name = receivedAt, unchecked_param_type = "string | Date")]
        received_at: JsValue,
        #[wasm_bindgen(js_name = noticeAt, unchecked_param_type = "string | Date")]
        notice_at: JsValue,
    ) -> Result<(), JsValue> {
        wrap((|| -> Result<_, Error> {
            let (r, n) = (
                self.at(&received_at, "receivedAt")?,
                self.at(&notice_at, "noticeAt")?,
            );
            let updated = self.inner.clock().clone().with_supplement_notice(r, n)?;
            *self.inner.clock_mut() = updated;
            Ok(())
        })())
    }
    /// Stops the clock for a special procedure (an item clock takes the procedure's code).
    pub fn suspend(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] reason: JsValue,
    ) -> Result<(), JsValue> {
        let reason = crate::convert::text(&reason, "reason")?;
        let reason = reason.as_str();
        wrap((|| -> Result<_, Error> {
            let at = self.at(&at, "at")?;
            Ok(self.inner.suspend(at, reason)?)
        })())
    }
    /// Restarts the clock.
    pub fn resume(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] at: JsValue,
    ) -> Result<(), JsValue> {
        wrap(
            self.at(&at, "at")
                .and_then(|at| Ok(self.inner.clock_mut().resume(at)?)),
        )
    }
    /// Asks for an extension of `amount` in the statutory unit.
    #[wasm_bindgen(js_name = requestExtension)]
    pub fn request_extension(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] amount: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] reason: JsValue,
    ) -> Result<(), JsValue> {
        let amount = crate::convert::whole(&amount, "amount", Whole::Amount)? as f64;
        let reason = crate::convert::text(&reason, "reason")?;
        let reason = reason.as_str();
        wrap((|| -> Result<_, Error> {
            let at = self.at(&at, "at")?;
            let amount = uint(&amount.into(), "amount")?;
            Ok(self
                .inner
                .clock_mut()
                .request_extension(at, amount, reason)?)
        })())
    }
    /// Approves the open extension request; `approver` is a role such as "agency_head".
    #[wasm_bindgen(js_name = approveExtension)]
    pub fn approve_extension(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] approver: JsValue,
    ) -> Result<(), JsValue> {
        let approver = crate::convert::text(&approver, "approver")?;
        let approver = approver.as_str();
        wrap((|| -> Result<_, Error> {
            let at = self.at(&at, "at")?;
            let approver = approver.parse::<Authority>()?;
            Ok(self.inner.clock_mut().approve_extension(at, approver)?)
        })())
    }
    /// Records that the applicant was told of the open extension.
    #[wasm_bindgen(js_name = notifyApplicant)]
    pub fn notify_applicant(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] at: JsValue,
    ) -> Result<(), JsValue> {
        wrap(
            self.at(&at, "at")
                .and_then(|at| Ok(self.inner.clock_mut().notify_applicant(at)?)),
        )
    }
    /// Concludes the case.
    pub fn conclude(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] at: JsValue,
    ) -> Result<(), JsValue> {
        wrap(
            self.at(&at, "at")
                .and_then(|at| Ok(self.inner.clock_mut().conclude(at)?)),
        )
    }

    /// The events so far.
    #[wasm_bindgen(getter, unchecked_return_type = "ClockEvent[]")]
    pub fn events(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.clock().events())
    }

    /// Everything derived from the events at `asOf`.
    #[wasm_bindgen(unchecked_return_type = "ClockStatus")]
    pub fn status(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let s = wrap(
            self.at(&as_of, "asOf")
                .and_then(|t| Ok(self.inner.clock().status(t)?)),
        )?;
        to_js(&s)
    }

    /// The day-by-day working behind the statutory due at `asOf` (or the promised one).
    #[wasm_bindgen(unchecked_return_type = "ClockExplanation")]
    pub fn explain(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean")] promised: JsValue,
    ) -> Result<JsValue, JsValue> {
        let promised = crate::convert::flag_or(&promised, "promised", false)?;
        let e = wrap(
            self.at(&as_of, "asOf")
                .and_then(|t| Ok(self.inner.clock().explain(t, promised)?)),
        )?;
        to_js(&e)
    }
}

/// A service item (事项).
#[wasm_bindgen]
pub struct ServiceItem {
    inner: item::ServiceItem,
}

#[wasm_bindgen]
impl ServiceItem {
    /// Stable code.
    #[wasm_bindgen(getter)]
    pub fn code(&self) -> String {
        self.inner.code.clone()
    }
    /// English name.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.inner.name.clone()
    }
    /// Chinese name.
    #[wasm_bindgen(getter, js_name = nameZh)]
    pub fn name_zh(&self) -> String {
        self.inner.name_zh.clone()
    }
    /// The law the limits come from.
    #[wasm_bindgen(getter, js_name = legalBasis)]
    pub fn legal_basis(&self) -> String {
        self.inner.legal_basis.clone()
    }
    /// The statutory limit.
    #[wasm_bindgen(getter)]
    pub fn statutory(&self) -> TimeLimit {
        TimeLimit {
            inner: self.inner.statutory,
        }
    }
    /// The promised limit, if shorter.
    #[wasm_bindgen(getter)]
    pub fn promised(&self) -> Option<TimeLimit> {
        self.inner.promised.map(|inner| TimeLimit { inner })
    }
    /// The urgent (加急) limit, if the item has one.
    #[wasm_bindgen(getter)]
    pub fn urgent(&self) -> Option<TimeLimit> {
        self.inner.urgent.map(|inner| TimeLimit { inner })
    }
    /// The item as JSON.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }
    /// A clock for a case of this item; its `suspend` takes a special procedure's code.
    pub fn clock(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: JsValue,
        #[wasm_bindgen(js_name = acceptedAt, unchecked_param_type = "string | Date")]
        accepted_at: JsValue,
    ) -> Result<Clock, JsValue> {
        let calendar = crate::class::class::<crate::Calendar>(&calendar, "calendar")?;
        wrap((|| -> Result<_, Error> {
            let at =
                crate::convert::value(&accepted_at).time("acceptedAt", calendar.inner.zone())?;
            Ok(Clock {
                inner: (self.inner.clock(calendar.inner.clone(), at)?),
            })
        })())
    }
}

/// Service items loaded from JSON ("efficiency.items/1").
#[wasm_bindgen]
pub struct ItemCatalog {
    pub(crate) inner: crate::class::Shared<item::ItemCatalog>,
}

crate::class::is_class!(ItemCatalog, item::ItemCatalog);

#[wasm_bindgen]
impl ItemCatalog {
    /// The object's handle in the table of live objects (how class arguments are found).
    #[wasm_bindgen(getter, js_name = "__handle", skip_typescript)]
    pub fn handle(&self) -> u32 {
        self.inner.handle()
    }
    /// The shipped templates.
    pub fn templates() -> ItemCatalog {
        ItemCatalog {
            inner: crate::class::Shared::new(item::ItemCatalog::templates()),
        }
    }
    /// A catalog from JSON; errors name the item and field.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<ItemCatalog, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        let text = text.as_str();
        Ok(ItemCatalog {
            inner: crate::class::Shared::new(wrap(item::ItemCatalog::from_json(text))?),
        })
    }
    /// A catalog from TOML (`[[items]]` tables with the JSON form's fields).
    #[wasm_bindgen(js_name = fromToml)]
    pub fn from_toml(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<ItemCatalog, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        let text = text.as_str();
        Ok(ItemCatalog {
            inner: crate::class::Shared::new(wrap(item::ItemCatalog::from_toml(text))?),
        })
    }
    /// The item codes.
    #[wasm_bindgen(getter)]
    pub fn codes(&self) -> Vec<String> {
        self.inner.items.iter().map(|i| i.code.clone()).collect()
    }
    /// How many items.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.items.len()
    }
    /// The item with `code`, or undefined.
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
    ) -> Result<Option<ServiceItem>, JsValue> {
        let code = crate::convert::text(&code, "code")?;
        let code = code.as_str();
        Ok({
            self.inner
                .get(code)
                .map(|i| ServiceItem { inner: i.clone() })
        })
    }
}

/// Evaluates one simple clock per row (no suspensions or extensions). Never throws for a bad
/// row: it is null in every column and listed in `errors` (with its `row`).
#[wasm_bindgen(js_name = evaluateClocks, unchecked_return_type = "ClockRows")]
pub fn evaluate_clocks(
    #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ClockColumns")] columns: JsValue,
) -> Result<JsValue, JsValue> {
    let calendar = crate::class::class::<crate::Calendar>(&calendar, "calendar")?;
    to_js(&wrap(core_clock::evaluate_rows(
        &calendar.inner,
        &ClockConfig::default(),
        &crate::convert::value(&columns),
    ))?)
}

/// Every error code the clock can produce.
#[wasm_bindgen(js_name = clockErrorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn clock_error_codes() -> Vec<String> {
    ClockError::CODES.iter().map(|s| s.to_string()).collect()
}

/// Every finding code a clock can produce.
#[wasm_bindgen(js_name = findingCodes, unchecked_return_type = "FindingCode[]")]
pub fn finding_codes() -> Vec<String> {
    core_clock::FINDING_CODES
        .iter()
        .map(|s| s.to_string())
        .collect()
}
