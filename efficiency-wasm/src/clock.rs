//! JS bindings of the deadline clock, service items and the batch evaluator.

use chrono::NaiveDateTime;
use efficiency_core::boundary::Whole;
use efficiency_core::clock::{
    self as core_clock, Authority, ClockConfig, ClockError, DayEnd, ExtensionPolicy, OfficeHours,
    TimeUnit, LEVEL_NAMES, OUTCOME_NAMES,
};
use efficiency_core::error::Error;
use efficiency_core::item::{self, ItemClock};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{to_js, Calendar};

#[wasm_bindgen(typescript_custom_section)]
const TS_CLOCK: &str = r#"
export type TimeUnitName = "workdays" | "natural_days" | "work_hours" | "on_the_spot";
/** A limit as a plain object; a TimeLimit instance works too. */
export interface TimeLimitLike { amount: number; unit: TimeUnitName; }
export interface ClockOptions {
  promised?: TimeLimitLike; extensionApprover?: string; maxExtension?: number; maxExtensions?: number;
  dayEnd?: "close_of_business" | "midnight"; officeHours?: [string, string][]; reminderThreshold?: TimeLimitLike;
}
export interface Finding { code: string; at: string; message: string; events: number[]; }
export interface ClockStatus {
  asOf: string; countingFrom: string; promisedDue: string; statutoryDue: string;
  promised: TimeLimitLike; statutory: TimeLimitLike; extendedBy: number; remaining: number; elapsed: number;
  state: "running" | "suspended" | "concluded"; level: "normal" | "reminder" | "yellow" | "red";
  outcome: "early" | "on_time" | "late" | null; extensionPending: boolean; provisional: boolean; findings: Finding[];
}
export interface ClockExplanation {
  limit: TimeLimitLike; countingFrom: string; due: string; extendedBy: number;
  days: { date: string; kind: DayKind; ordinal: number | null; hours: number | null; reason: string }[]; text: string;
}
export interface ClockColumns {
  acceptedAt: (string | null)[]; amount: number | number[]; unit: TimeUnitName | TimeUnitName[];
  asOf: string | string[]; statutoryAmount?: number | number[]; concludedAt?: (string | null)[];
}
export interface ClockBatch {
  promisedDue: (string | null)[]; statutoryDue: (string | null)[]; remaining: (number | null)[];
  level: (string | null)[]; outcome: (string | null)[]; errors: RowError[];
}
"#;

fn wrap<T, E: Into<efficiency_core::error::Error>>(r: Result<T, E>) -> Result<T, JsValue> {
    crate::convert::ok(r)
}

fn time_arg(value: &JsValue, name: &str) -> Result<NaiveDateTime, efficiency_core::error::Error> {
    crate::convert::value(value).time(name, efficiency_core::date::Zone::CHINA)
}

fn fmt(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn uint(value: &JsValue, name: &str) -> Result<u32, efficiency_core::error::Error> {
    Ok(crate::convert::value(value).whole(name, Whole::Amount)? as u32)
}

fn limit_arg(
    value: &JsValue,
    name: &str,
) -> Result<core_clock::TimeLimit, efficiency_core::error::Error> {
    if let Some(l) = wasm_bindgen::convert::TryFromJsValue::try_from_js_value_ref(value)
        .map(|l: TimeLimit| l.inner)
    {
        return Ok(l);
    }
    let unit = crate::convert::value(&get(value, "unit"))
        .string(&format!("{name}.unit"))?
        .parse::<TimeUnit>()?;
    let amount = if unit == TimeUnit::OnTheSpot {
        0
    } else {
        uint(&get(value, "amount"), name)?
    };
    Ok(core_clock::TimeLimit { amount, unit })
}

#[derive(Serialize)]
struct JsLimit {
    amount: u32,
    unit: &'static str,
}

fn js_limit(l: core_clock::TimeLimit) -> JsLimit {
    JsLimit {
        amount: l.amount,
        unit: l.unit.as_str(),
    }
}

/// A time limit: an amount and a unit.
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub struct TimeLimit {
    inner: core_clock::TimeLimit,
}

#[wasm_bindgen]
impl TimeLimit {
    /// `amount` of `unit` ("workdays", "natural_days", "work_hours", "on_the_spot").
    #[wasm_bindgen(constructor)]
    pub fn new(amount: JsValue, unit: JsValue) -> Result<TimeLimit, JsValue> {
        let amount = crate::convert::whole(&amount, "amount", Whole::Amount)? as f64;
        let unit = crate::convert::text(&unit, "unit")?;
        let unit = unit.as_str();
        let obj = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&obj, &"amount".into(), &amount.into());
        let _ = js_sys::Reflect::set(&obj, &"unit".into(), &unit.into());
        Ok(TimeLimit {
            inner: wrap(limit_arg(&obj, "limit"))?,
        })
    }
    /// `n` workdays.
    pub fn workdays(n: JsValue) -> Result<TimeLimit, JsValue> {
        let n = crate::convert::whole(&n, "n", Whole::Amount)? as u32;
        Ok({
            TimeLimit {
                inner: core_clock::TimeLimit::workdays(n),
            }
        })
    }
    /// `n` natural days.
    #[wasm_bindgen(js_name = naturalDays)]
    pub fn natural_days(n: JsValue) -> Result<TimeLimit, JsValue> {
        let n = crate::convert::whole(&n, "n", Whole::Amount)? as u32;
        Ok({
            TimeLimit {
                inner: core_clock::TimeLimit::natural_days(n),
            }
        })
    }
    /// `n` office hours.
    #[wasm_bindgen(js_name = workHours)]
    pub fn work_hours(n: JsValue) -> Result<TimeLimit, JsValue> {
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
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsFinding {
    code: &'static str,
    at: String,
    message: String,
    events: Vec<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsStatus {
    as_of: String,
    counting_from: String,
    promised_due: String,
    statutory_due: String,
    promised: JsLimit,
    statutory: JsLimit,
    extended_by: u32,
    remaining: f64,
    elapsed: f64,
    state: &'static str,
    level: &'static str,
    outcome: Option<&'static str>,
    extension_pending: bool,
    provisional: bool,
    findings: Vec<JsFinding>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsExplainedDay {
    date: String,
    kind: &'static str,
    ordinal: Option<i64>,
    hours: Option<f64>,
    reason: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsExplanation {
    limit: JsLimit,
    counting_from: String,
    due: String,
    extended_by: u32,
    days: Vec<JsExplainedDay>,
    text: String,
}

fn options(
    calendar: &Calendar,
    accepted: NaiveDateTime,
    statutory: core_clock::TimeLimit,
    opts: &JsValue,
) -> Result<core_clock::Clock, Error> {
    let mut config = ClockConfig::default();
    let opt = |k: &str| {
        if opts.is_object() {
            get(opts, k)
        } else {
            JsValue::UNDEFINED
        }
    };
    let approver = match opt("extensionApprover").as_string() {
        Some(s) => s.parse::<Authority>()?,
        None => Authority::AgencyHead,
    };
    let max_amount = match opt("maxExtension") {
        v if v.is_undefined() || v.is_null() => statutory.amount,
        v => uint(&v, "maxExtension")?,
    };
    let max_count = match opt("maxExtensions") {
        v if v.is_undefined() || v.is_null() => 1,
        v => uint(&v, "maxExtensions")?,
    };
    if let Some(d) = opt("dayEnd").as_string() {
        config.day_end = match d.as_str() {
            "close_of_business" => DayEnd::CloseOfBusiness,
            "midnight" => DayEnd::Midnight,
            other => {
                return Err(Error::new(
                    "argument.invalid_choice",
                    format!("dayEnd must be close_of_business or midnight, not {other:?}"),
                )
                .with_field("dayEnd"))
            }
        };
    }
    let hours = opt("officeHours");
    if js_sys::Array::is_array(&hours) {
        let pairs: Vec<(String, String)> = js_sys::Array::from(&hours)
            .iter()
            .map(|p| {
                (
                    get(&p, "0").as_string().unwrap_or_default(),
                    get(&p, "1").as_string().unwrap_or_default(),
                )
            })
            .collect();
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        config.office_hours = OfficeHours::new(&refs)?;
    }
    let reminder = opt("reminderThreshold");
    if reminder.is_object() {
        config.reminder_threshold = limit_arg(&reminder, "reminderThreshold")?;
    }
    let mut clock = core_clock::Clock::new(calendar.inner.clone(), accepted, statutory)
        .with_extension_policy(ExtensionPolicy {
            max_amount,
            approver,
            max_count,
        })
        .with_config(config)?;
    let promised = opt("promised");
    if promised.is_object() {
        clock = clock.with_promised(limit_arg(&promised, "promised")?)?;
    }
    Ok(clock)
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
        calendar: &Calendar,
        #[wasm_bindgen(js_name = acceptedAt)] accepted_at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TimeLimitLike")] statutory: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ClockOptions")] options_: JsValue,
    ) -> Result<Clock, JsValue> {
        wrap((|| -> Result<_, Error> {
            let accepted = time_arg(&accepted_at, "acceptedAt")?;
            let statutory = limit_arg(&statutory, "statutory")?;
            Ok(Clock {
                inner: ItemClock::from(options(calendar, accepted, statutory, &options_)?),
            })
        })())
    }

    /// Incomplete application received at `receivedAt`, one-time supplement notice at `noticeAt`
    /// (more than 5 workdays apart: counts as accepted on receipt, 行政许可法 Art. 32).
    #[wasm_bindgen(js_name = supplementNotice)]
    pub fn supplement_notice(
        &mut self,
        received_at: JsValue,
        notice_at: JsValue,
    ) -> Result<(), JsValue> {
        wrap((|| -> Result<_, Error> {
            let (r, n) = (
                time_arg(&received_at, "receivedAt")?,
                time_arg(&notice_at, "noticeAt")?,
            );
            let updated = self.inner.clock().clone().with_supplement_notice(r, n)?;
            *self.inner.clock_mut() = updated;
            Ok(())
        })())
    }
    /// Stops the clock for a special procedure (an item clock takes the procedure's code).
    pub fn suspend(&mut self, at: JsValue, reason: JsValue) -> Result<(), JsValue> {
        let reason = crate::convert::text(&reason, "reason")?;
        let reason = reason.as_str();
        wrap((|| -> Result<_, Error> {
            let at = time_arg(&at, "at")?;
            Ok(self.inner.suspend(at, reason)?)
        })())
    }
    /// Restarts the clock.
    pub fn resume(&mut self, at: JsValue) -> Result<(), JsValue> {
        wrap(time_arg(&at, "at").and_then(|at| Ok(self.inner.clock_mut().resume(at)?)))
    }
    /// Asks for an extension of `amount` in the statutory unit.
    #[wasm_bindgen(js_name = requestExtension)]
    pub fn request_extension(
        &mut self,
        at: JsValue,
        amount: JsValue,
        reason: JsValue,
    ) -> Result<(), JsValue> {
        let amount = crate::convert::whole(&amount, "amount", Whole::Amount)? as f64;
        let reason = crate::convert::text(&reason, "reason")?;
        let reason = reason.as_str();
        wrap((|| -> Result<_, Error> {
            let at = time_arg(&at, "at")?;
            let amount = uint(&amount.into(), "amount")?;
            Ok(self
                .inner
                .clock_mut()
                .request_extension(at, amount, reason)?)
        })())
    }
    /// Approves the open extension request; `approver` is a role such as "agency_head".
    #[wasm_bindgen(js_name = approveExtension)]
    pub fn approve_extension(&mut self, at: JsValue, approver: JsValue) -> Result<(), JsValue> {
        let approver = crate::convert::text(&approver, "approver")?;
        let approver = approver.as_str();
        wrap((|| -> Result<_, Error> {
            let at = time_arg(&at, "at")?;
            let approver = approver.parse::<Authority>()?;
            Ok(self.inner.clock_mut().approve_extension(at, approver)?)
        })())
    }
    /// Records that the applicant was told of the open extension.
    #[wasm_bindgen(js_name = notifyApplicant)]
    pub fn notify_applicant(&mut self, at: JsValue) -> Result<(), JsValue> {
        wrap(time_arg(&at, "at").and_then(|at| Ok(self.inner.clock_mut().notify_applicant(at)?)))
    }
    /// Concludes the case.
    pub fn conclude(&mut self, at: JsValue) -> Result<(), JsValue> {
        wrap(time_arg(&at, "at").and_then(|at| Ok(self.inner.clock_mut().conclude(at)?)))
    }

    /// The events so far.
    #[wasm_bindgen(getter, unchecked_return_type = "object[]")]
    pub fn events(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.clock().events())
    }

    /// Everything derived from the events at `asOf`.
    #[wasm_bindgen(unchecked_return_type = "ClockStatus")]
    pub fn status(
        &self,
        #[wasm_bindgen(js_name = asOf)] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let s = wrap(time_arg(&as_of, "asOf").and_then(|t| Ok(self.inner.clock().status(t)?)))?;
        to_js(&JsStatus {
            as_of: fmt(s.as_of),
            counting_from: fmt(s.counting_from),
            promised_due: fmt(s.promised_due),
            statutory_due: fmt(s.statutory_due),
            promised: js_limit(s.promised),
            statutory: js_limit(s.statutory),
            extended_by: s.extended_by,
            remaining: s.remaining,
            elapsed: s.elapsed,
            state: s.state.as_str(),
            level: s.level.as_str(),
            outcome: s.outcome.map(|o| o.as_str()),
            extension_pending: s.extension_pending,
            provisional: s.provisional,
            findings: s
                .findings
                .into_iter()
                .map(|f| JsFinding {
                    code: f.code,
                    at: fmt(f.at),
                    message: f.message,
                    events: f.events,
                })
                .collect(),
        })
    }

    /// The day-by-day working behind the statutory due at `asOf` (or the promised one).
    #[wasm_bindgen(unchecked_return_type = "ClockExplanation")]
    pub fn explain(
        &self,
        #[wasm_bindgen(js_name = asOf)] as_of: JsValue,
        promised: JsValue,
    ) -> Result<JsValue, JsValue> {
        let promised = crate::convert::flag_or(&promised, "promised", false)?;
        let e = wrap(
            time_arg(&as_of, "asOf").and_then(|t| Ok(self.inner.clock().explain(t, promised)?)),
        )?;
        to_js(&JsExplanation {
            limit: js_limit(e.limit),
            counting_from: fmt(e.counting_from),
            due: fmt(e.due),
            extended_by: e.extended_by,
            text: e.to_string(),
            days: e
                .days
                .into_iter()
                .map(|d| JsExplainedDay {
                    date: d.date.to_string(),
                    kind: d.kind.as_str(),
                    ordinal: d.ordinal,
                    hours: d.hours,
                    reason: d.reason,
                })
                .collect(),
        })
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
    /// The item as JSON.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.inner).expect("items serialize")
    }
    /// A clock for a case of this item; its `suspend` takes a special procedure's code.
    pub fn clock(
        &self,
        calendar: &Calendar,
        #[wasm_bindgen(js_name = acceptedAt)] accepted_at: JsValue,
    ) -> Result<Clock, JsValue> {
        wrap((|| -> Result<_, Error> {
            let at = time_arg(&accepted_at, "acceptedAt")?;
            Ok(Clock {
                inner: (self.inner.clock(calendar.inner.clone(), at)?),
            })
        })())
    }
}

/// Service items loaded from JSON ("efficiency.items/1").
#[wasm_bindgen]
pub struct ItemCatalog {
    pub(crate) inner: item::ItemCatalog,
}

#[wasm_bindgen]
impl ItemCatalog {
    /// The shipped templates.
    pub fn templates() -> ItemCatalog {
        ItemCatalog {
            inner: item::ItemCatalog::templates(),
        }
    }
    /// A catalog from JSON; errors name the item and field.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: JsValue) -> Result<ItemCatalog, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        let text = text.as_str();
        Ok(ItemCatalog {
            inner: wrap(item::ItemCatalog::from_json(text))?,
        })
    }
    /// A catalog from TOML (`[[items]]` tables with the JSON form's fields).
    #[wasm_bindgen(js_name = fromToml)]
    pub fn from_toml(text: JsValue) -> Result<ItemCatalog, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        let text = text.as_str();
        Ok(ItemCatalog {
            inner: wrap(item::ItemCatalog::from_toml(text))?,
        })
    }
    /// The item codes.
    #[wasm_bindgen(getter)]
    pub fn codes(&self) -> Vec<String> {
        self.inner.items.iter().map(|i| i.code.clone()).collect()
    }
    /// The item with `code`, or undefined.
    pub fn get(&self, code: JsValue) -> Result<Option<ServiceItem>, JsValue> {
        let code = crate::convert::text(&code, "code")?;
        let code = code.as_str();
        Ok({
            self.inner
                .get(code)
                .map(|i| ServiceItem { inner: i.clone() })
        })
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsClockBatch {
    promised_due: Vec<Option<String>>,
    statutory_due: Vec<Option<String>>,
    remaining: Vec<Option<f64>>,
    level: Vec<Option<&'static str>>,
    outcome: Vec<Option<&'static str>>,
    errors: Vec<crate::JsRowError>,
}

fn column(cols: &JsValue, key: &str) -> Vec<JsValue> {
    let v = get(cols, key);
    if js_sys::Array::is_array(&v) {
        js_sys::Array::from(&v).to_vec()
    } else if v.is_undefined() {
        Vec::new()
    } else {
        vec![v]
    }
}

/// Evaluates one simple clock per row (no suspensions or extensions). Never throws for a bad
/// row: it is null in every column and listed in `errors`.
#[wasm_bindgen(js_name = evaluateClocks, unchecked_return_type = "ClockBatch")]
pub fn evaluate_clocks(
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "ClockColumns")] columns: JsValue,
) -> Result<JsValue, JsValue> {
    const MISSING: i64 = efficiency_core::calendar::MISSING;
    let secs = |v: &JsValue, name: &str| -> Result<i64, Error> {
        if v.is_null() || v.is_undefined() {
            return Ok(MISSING);
        }
        Ok(time_arg(v, name)?.and_utc().timestamp())
    };
    let accepted_js = column(&columns, "acceptedAt");
    let n = accepted_js.len();
    let mut out = JsClockBatch {
        promised_due: vec![None; n],
        statutory_due: vec![None; n],
        remaining: vec![None; n],
        level: vec![None; n],
        outcome: vec![None; n],
        errors: Vec::new(),
    };
    // Parse every column up front; a bad cell fails its row only.
    let mut row_error: Vec<Option<Error>> = vec![None; n];
    let note = |row: usize, e: Error, errs: &mut Vec<Option<Error>>| {
        if errs[row].is_none() {
            errs[row] = Some(e);
        }
    };
    let mut accepted = vec![MISSING; n];
    for (i, v) in accepted_js.iter().enumerate() {
        match secs(v, "acceptedAt") {
            Ok(s) => accepted[i] = s,
            Err(e) => note(i, e, &mut row_error),
        }
    }
    let per_row = |key: &str, len_ok_single: bool| -> Result<Vec<JsValue>, JsValue> {
        let c = column(&columns, key);
        if c.len() == n
            || (len_ok_single && c.len() == 1)
            || (key == "concludedAt" && c.is_empty())
            || (key == "statutoryAmount" && c.is_empty())
        {
            Ok(c)
        } else {
            Err(crate::convert::error(
                Error::new(
                    "argument.length_mismatch",
                    format!(
                        "{key} must have one value or one per row: {n} rows, {} values",
                        c.len()
                    ),
                )
                .with_field(key),
            ))
        }
    };
    let amount_js = per_row("amount", true)?;
    let unit_js = per_row("unit", true)?;
    let as_of_js = per_row("asOf", true)?;
    let statutory_js = per_row("statutoryAmount", true)?;
    let concluded_js = per_row("concludedAt", false)?;
    let idx = |c: &Vec<JsValue>, row: usize| if c.len() == 1 { 0 } else { row };
    let mut amount = vec![0i64; n];
    let mut unit = vec![TimeUnit::Workdays; n];
    let mut as_of = vec![0i64; n];
    let mut statutory = vec![0i64; n];
    let mut concluded = vec![MISSING; n];
    for row in 0..n {
        let r = (|| -> Result<(), Error> {
            amount[row] = i64::from(uint(&amount_js[idx(&amount_js, row)], "amount")?);
            unit[row] = crate::convert::value(&unit_js[idx(&unit_js, row)])
                .string("unit")?
                .parse::<TimeUnit>()?;
            as_of[row] = secs(&as_of_js[idx(&as_of_js, row)], "asOf")?;
            statutory[row] = if statutory_js.is_empty() {
                amount[row]
            } else {
                i64::from(uint(
                    &statutory_js[idx(&statutory_js, row)],
                    "statutoryAmount",
                )?)
            };
            if !concluded_js.is_empty() {
                concluded[row] = secs(&concluded_js[row], "concludedAt")?;
            }
            Ok(())
        })();
        if let Err(e) = r {
            note(row, e, &mut row_error);
        }
    }
    for (row, e) in row_error.iter().enumerate() {
        if e.is_some() {
            accepted[row] = MISSING;
        }
    }
    let input = core_clock::BatchInput {
        accepted_at: &accepted,
        amount: &amount,
        unit: &unit,
        statutory_amount: Some(&statutory),
        concluded_at: Some(&concluded),
        as_of: &as_of,
    };
    let (res, failed) = core_clock::evaluate_many(&calendar.inner, &ClockConfig::default(), &input);
    for f in failed {
        note(f.row, Error::from(f.error), &mut row_error);
    }
    let time = |s: i64| chrono::DateTime::from_timestamp(s, 0).map(|d| fmt(d.naive_utc()));
    for (row, error) in row_error.iter().enumerate() {
        if let Some(e) = error {
            out.errors.push(crate::JsRowError {
                row,
                code: e.code,
                message: e.to_string(),
            });
            continue;
        }
        if res.promised_due[row] == MISSING {
            continue;
        }
        out.promised_due[row] = time(res.promised_due[row]);
        out.statutory_due[row] = time(res.statutory_due[row]);
        out.remaining[row] = Some(res.remaining[row]);
        out.level[row] = usize::try_from(res.level[row]).ok().map(|i| LEVEL_NAMES[i]);
        out.outcome[row] = usize::try_from(res.outcome[row])
            .ok()
            .map(|i| OUTCOME_NAMES[i]);
    }
    to_js(&out)
}

/// Every error code the clock can produce.
#[wasm_bindgen(js_name = clockErrorCodes)]
pub fn clock_error_codes() -> Vec<String> {
    ClockError::CODES.iter().map(|s| s.to_string()).collect()
}

/// Every finding code a clock can produce.
#[wasm_bindgen(js_name = findingCodes)]
pub fn finding_codes() -> Vec<String> {
    core_clock::FINDING_CODES
        .iter()
        .map(|s| s.to_string())
        .collect()
}
