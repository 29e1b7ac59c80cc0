//! JS bindings of case logs, findings and metrics.

use std::sync::Arc;

use chrono::NaiveDateTime;
use efficiency_core::case::{
    self as core_case, metrics::GroupBy, CaseEvent, CaseStream, Metrics, Period, Roster,
    FINDING_CATALOG,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{to_js, Calendar, ItemCatalog};

#[wasm_bindgen(typescript_custom_section)]
const TS_CASE: &str = r#"
export interface CaseFinding { code: string; severity: "ordinary" | "serious" | "very_serious"; at: string; message: string; events: string[]; people: string[]; }
export interface CaseStatus {
  case: string; asOf: string; stage: string; item: string | null; window: string | null; firstResponder: string | null;
  handler: string | null; unit: string | null; decision: "granted" | "refused" | null; onTheSpot: boolean | null;
  concludedAt: string | null;
  clock: { promisedDue: string; statutoryDue: string; level: string; outcome: string | null; extendedBy: number; state: string; remaining: number; elapsed: number; elapsedWorkdays: number } | null;
  findings: CaseFinding[];
}
export interface MetricsRow {
  group: string; concluded: number; onTheSpot: number; onTime: number; early: number; extended: number; workdaysUsed: number;
  open: number; openOverdue: number; onTheSpotRate: number | null; onTimeRate: number | null; earlyRate: number | null;
  extensionRate: number | null; averageWorkdaysUsed: number | null;
}
export interface CaseRowError { row: number; line: number | null; event: string | null; code: string; message: string; }
"#;

fn wrap<T, E: Into<efficiency_core::error::Error>>(r: Result<T, E>) -> Result<T, JsValue> {
    crate::convert::ok(r)
}

fn time_arg(v: &str, name: &str) -> Result<NaiveDateTime, efficiency_core::error::Error> {
    efficiency_core::boundary::Value::Str(v.to_string())
        .time(name, efficiency_core::date::Zone::CHINA)
}

fn fmt(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// Everything cases are judged against: calendar, items, staff roster, finding rules.
#[wasm_bindgen]
pub struct CaseContext {
    inner: Arc<core_case::CaseContext>,
}

#[wasm_bindgen]
impl CaseContext {
    /// A context from a calendar, items, a roster (JSON) and optional finding rules (JSON).
    #[wasm_bindgen(constructor)]
    pub fn new(
        calendar: &Calendar,
        items: &ItemCatalog,
        roster_json: JsValue,
        rules_json: JsValue,
    ) -> Result<CaseContext, JsValue> {
        let roster_json = crate::convert::text(&roster_json, "rosterJson")?;
        let roster_json = roster_json.as_str();
        let rules_json = crate::convert::opt_text(&rules_json, "rulesJson")?;
        let roster = wrap(Roster::from_json(roster_json))?;
        let mut ctx =
            core_case::CaseContext::new(calendar.inner.clone(), items.inner.clone(), roster);
        if let Some(r) = rules_json {
            ctx.rules = wrap(core_case::FindingRules::from_json(&r))?;
        }
        Ok(CaseContext {
            inner: Arc::new(ctx),
        })
    }

    /// China's calendar, the item templates, the sample roster and the default rules.
    pub fn sample() -> CaseContext {
        CaseContext {
            inner: Arc::new(core_case::CaseContext::sample()),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsClock {
    promised_due: String,
    statutory_due: String,
    level: &'static str,
    outcome: Option<&'static str>,
    extended_by: u32,
    state: &'static str,
    remaining: f64,
    elapsed: f64,
    elapsed_workdays: f64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsFinding {
    code: &'static str,
    severity: &'static str,
    at: String,
    message: String,
    events: Vec<String>,
    people: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsStatus {
    case: String,
    as_of: String,
    stage: &'static str,
    item: Option<String>,
    window: Option<String>,
    first_responder: Option<String>,
    handler: Option<String>,
    unit: Option<String>,
    decision: Option<&'static str>,
    on_the_spot: Option<bool>,
    concluded_at: Option<String>,
    clock: Option<JsClock>,
    findings: Vec<JsFinding>,
}

fn js_status(s: &core_case::CaseStatus) -> JsStatus {
    JsStatus {
        case: s.case.clone(),
        as_of: fmt(s.as_of),
        stage: s.stage.as_str(),
        item: s.item.clone(),
        window: s.window.clone(),
        first_responder: s.first_responder.clone(),
        handler: s.handler.clone(),
        unit: s.unit.clone(),
        decision: s.decision.map(|d| match d {
            core_case::Decision::Granted => "granted",
            core_case::Decision::Refused => "refused",
        }),
        on_the_spot: s.on_the_spot,
        concluded_at: s.concluded_at.map(fmt),
        clock: s.clock.as_ref().map(|c| JsClock {
            promised_due: fmt(c.promised_due),
            statutory_due: fmt(c.statutory_due),
            level: c.level.as_str(),
            outcome: c.outcome.map(|o| o.as_str()),
            extended_by: c.extended_by,
            state: c.state.as_str(),
            remaining: c.remaining,
            elapsed: c.elapsed,
            elapsed_workdays: c.elapsed_workdays,
        }),
        findings: s
            .findings
            .iter()
            .map(|f| JsFinding {
                code: f.code,
                severity: f.severity.as_str(),
                at: fmt(f.at),
                message: f.message.clone(),
                events: f.events.clone(),
                people: f.people.clone(),
            })
            .collect(),
    }
}

/// One case: its event log, checked line by line against the context.
#[wasm_bindgen]
pub struct Case {
    ctx: Arc<core_case::CaseContext>,
    inner: core_case::Case,
}

#[wasm_bindgen]
impl Case {
    /// An empty case with id `caseId`.
    #[wasm_bindgen(constructor)]
    pub fn new(context: &CaseContext, case_id: JsValue) -> Result<Case, JsValue> {
        let case_id = crate::convert::text(&case_id, "caseId")?;
        let case_id = case_id.as_str();
        Ok({
            Case {
                ctx: context.inner.clone(),
                inner: core_case::Case::new(case_id),
            }
        })
    }

    /// A case from JSON Lines text; the first bad line throws an error with `code` and `line`.
    #[wasm_bindgen(js_name = fromJsonl)]
    pub fn from_jsonl(context: &CaseContext, text: JsValue) -> Result<Case, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        let text = text.as_str();
        let ctx = context.inner.clone();
        let inner = wrap(core_case::Case::from_jsonl(&ctx, text))?;
        Ok(Case { ctx, inner })
    }

    /// Appends one event (a JSON line) of this case. On error nothing changes.
    pub fn append(&mut self, line: JsValue) -> Result<(), JsValue> {
        let line = crate::convert::text(&line, "line")?;
        let line = line.as_str();
        let e = wrap(CaseEvent::parse_line(line, self.inner.events().len() + 1))?;
        wrap(self.inner.append(&self.ctx, e))
    }

    /// The findings at `asOf` as faults for `accountabilityList`.
    #[wasm_bindgen(unchecked_return_type = "object[]")]
    pub fn faults(
        &self,
        #[wasm_bindgen(js_name = asOf)] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = crate::convert::text(&as_of, "asOf")?;
        let as_of = as_of.as_str();
        let s = wrap(time_arg(as_of, "asOf").and_then(|t| Ok(self.inner.status(&self.ctx, t)?)))?;
        to_js(&efficiency_core::accountability::Fault::from_status(&s))
    }

    /// The case id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id().to_string()
    }

    /// The stage now.
    #[wasm_bindgen(getter)]
    pub fn stage(&self) -> String {
        self.inner.stage().as_str().to_string()
    }

    /// The number of events.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.events().len()
    }

    /// The log as JSON Lines.
    #[wasm_bindgen(js_name = toJsonl)]
    pub fn to_jsonl(&self) -> String {
        self.inner.to_jsonl()
    }

    /// Status at `asOf` ("YYYY-MM-DDTHH:MM[:SS]").
    #[wasm_bindgen(unchecked_return_type = "CaseStatus")]
    pub fn status(
        &self,
        #[wasm_bindgen(js_name = asOf)] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = crate::convert::text(&as_of, "asOf")?;
        let as_of = as_of.as_str();
        let s = wrap(time_arg(as_of, "asOf").and_then(|t| Ok(self.inner.status(&self.ctx, t)?)))?;
        to_js(&js_status(&s))
    }

    /// The findings at `asOf`.
    #[wasm_bindgen(unchecked_return_type = "CaseFinding[]")]
    pub fn findings(
        &self,
        #[wasm_bindgen(js_name = asOf)] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = crate::convert::text(&as_of, "asOf")?;
        let as_of = as_of.as_str();
        let s = wrap(time_arg(as_of, "asOf").and_then(|t| Ok(self.inner.status(&self.ctx, t)?)))?;
        to_js(&js_status(&s).findings)
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsRowError {
    row: usize,
    line: Option<usize>,
    event: Option<String>,
    code: &'static str,
    message: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsMetricsRow {
    group: String,
    concluded: u64,
    on_the_spot: u64,
    on_time: u64,
    early: u64,
    extended: u64,
    workdays_used: f64,
    open: u64,
    open_overdue: u64,
    on_the_spot_rate: Option<f64>,
    on_time_rate: Option<f64>,
    early_rate: Option<f64>,
    extension_rate: Option<f64>,
    average_workdays_used: Option<f64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsReplay {
    statuses: Vec<JsStatus>,
    metrics: Option<Vec<JsMetricsRow>>,
    errors: Vec<JsRowError>,
}

/// Replays many cases from JSON Lines sorted by case id and judges each at `asOf`; with
/// `options.from` and `options.to` also returns metrics grouped by `options.groupBy`
/// ("unit", "item", "window", "handler", "all"). Never throws for a bad row: it is listed in
/// `errors` and the case goes on without it.
#[wasm_bindgen(js_name = replayCases, unchecked_return_type = "{ statuses: CaseStatus[]; metrics: MetricsRow[] | null; errors: CaseRowError[] }")]
pub fn replay_cases(
    context: &CaseContext,
    jsonl: JsValue,
    #[wasm_bindgen(js_name = asOf)] as_of: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "{ from?: string; to?: string; groupBy?: string; keepStatuses?: boolean }"
    )]
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let jsonl = crate::convert::text(&jsonl, "jsonl")?;
    let jsonl = jsonl.as_str();
    let as_of = crate::convert::text(&as_of, "asOf")?;
    let as_of = as_of.as_str();
    let opt = |k: &str| {
        if options.is_object() {
            js_sys::Reflect::get(&options, &k.into()).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        }
    };
    let as_of = wrap(time_arg(as_of, "asOf"))?;
    let mut metrics = match (opt("from").as_string(), opt("to").as_string()) {
        (Some(a), Some(b)) => {
            let group = opt("groupBy").as_string().unwrap_or_else(|| "unit".into());
            let group = group
                .parse::<GroupBy>()
                .map_err(|m| JsValue::from(js_sys::Error::new(&m)))?;
            Some(Metrics::new(
                Period {
                    from: wrap(time_arg(&a, "from"))?,
                    to: wrap(time_arg(&b, "to"))?,
                },
                group,
            ))
        }
        _ => None,
    };
    let keep = opt("keepStatuses").as_bool().unwrap_or(true);
    let mut out = JsReplay {
        statuses: Vec::new(),
        metrics: None,
        errors: Vec::new(),
    };
    let mut stream = CaseStream::new(context.inner.clone(), as_of);
    let mut take = |r: core_case::CaseResult, out: &mut JsReplay| match r.status {
        Ok(s) => {
            if let Some(m) = metrics.as_mut() {
                m.add(&s);
            }
            if keep {
                out.statuses.push(js_status(&s));
            }
        }
        Err(e) => out.errors.push(JsRowError {
            row: usize::MAX,
            line: e.line,
            event: e.event.clone(),
            code: e.code(),
            message: e.to_string(),
        }),
    };
    for line in jsonl.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let (err, done) = stream.push_line(line);
        if let Some(e) = err {
            out.errors.push(JsRowError {
                row: e.row,
                line: e.error.line,
                event: e.error.event.clone(),
                code: e.error.code(),
                message: e.error.to_string(),
            });
        }
        if let Some(r) = done {
            take(r, &mut out);
        }
    }
    if let Some(r) = stream.finish() {
        take(r, &mut out);
    }
    out.metrics = metrics.map(|m| {
        m.rows()
            .into_iter()
            .map(|r| JsMetricsRow {
                on_the_spot_rate: r.on_the_spot_rate(),
                on_time_rate: r.on_time_rate(),
                early_rate: r.early_rate(),
                extension_rate: r.extension_rate(),
                average_workdays_used: r.average_workdays_used(),
                group: r.group,
                concluded: r.concluded,
                on_the_spot: r.on_the_spot,
                on_time: r.on_time,
                early: r.early,
                extended: r.extended,
                workdays_used: r.workdays_used,
                open: r.open,
                open_overdue: r.open_overdue,
            })
            .collect()
    });
    to_js(&out)
}

/// The finding catalog: code, name, nameZh, description.
#[wasm_bindgen(js_name = findingCatalog, unchecked_return_type = "{ code: string; name: string; name_zh: string; description: string }[]")]
pub fn finding_catalog() -> Result<JsValue, JsValue> {
    to_js(&FINDING_CATALOG)
}

/// Every event kind a case log may contain.
#[wasm_bindgen(js_name = eventKinds)]
pub fn event_kinds() -> Vec<String> {
    core_case::EVENT_KINDS
        .iter()
        .map(|s| s.to_string())
        .collect()
}
