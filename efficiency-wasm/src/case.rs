//! JS bindings of case logs, findings and metrics.

use std::sync::Arc;

use efficiency_core::boundary::FromArg;
use efficiency_core::case::{self as core_case, Replay, ReplayOptions, Roster, FINDING_CATALOG};
use efficiency_core::messages::Lang;
use wasm_bindgen::prelude::*;

use crate::to_js;

#[wasm_bindgen(typescript_custom_section)]
const TS_CASE: &str = r#"
/** How a replay is asked for: metrics over `period` grouped by `groupBy`; statuses kept unless `keepStatuses` is false. */
export interface ReplayOptions {
  period?: [string | Date, string | Date]; groupBy?: "unit" | "item" | "window" | "handler" | "all"; keepStatuses?: boolean;
}
/** What the supervision office did to a card. */
export interface CardAction { card: string; action: "acknowledge" | "close"; at: string | Date; by: string; remark?: string }
/** How a supervision board is drawn: grouped by `groupBy` (default unit), cards raised after `since`, the office's `actions`. */
export interface BoardOptions {
  groupBy?: "unit" | "item" | "window" | "handler" | "all"; since?: string | Date; actions?: CardAction[];
  /** The supervision rules (the document, or its JSON text; default `dataJson("supervision_rules")`: convention B). */
  rules?: { format: string; convention: "a" | "b"; yellow_share: number; yellow_days_left: number; source?: string } | string;
}
"#;

fn wrap<T, E: Into<efficiency_core::error::Error>>(r: Result<T, E>) -> Result<T, JsValue> {
    crate::convert::ok(r)
}

impl Case {
    fn status_at(&self, as_of: &JsValue) -> Result<core_case::CaseStatus, JsValue> {
        let t = crate::convert::time(as_of, "asOf", self.ctx.calendar.zone())?;
        wrap(self.inner.status(&self.ctx, t))
    }
}

/// Everything cases are judged against: calendar, items, staff roster, finding rules.
#[wasm_bindgen]
pub struct CaseContext {
    inner: crate::class::Shared<Arc<core_case::CaseContext>>,
}

crate::class::is_class!(CaseContext, Arc<core_case::CaseContext>);

#[wasm_bindgen]
impl CaseContext {
    /// The object's handle in the table of live objects (how class arguments are found).
    #[wasm_bindgen(getter, js_name = "__handle", skip_typescript)]
    pub fn handle(&self) -> u32 {
        self.inner.handle()
    }
    /// A context from a calendar, items, a roster (JSON) and optional finding rules (JSON).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Calendar")] calendar: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ItemCatalog")] items: JsValue,
        #[wasm_bindgen(js_name = rosterJson, unchecked_param_type = "string")] roster_json: JsValue,
        #[wasm_bindgen(js_name = rulesJson, unchecked_optional_param_type = "string")]
        rules_json: JsValue,
    ) -> Result<CaseContext, JsValue> {
        let calendar = crate::class::class::<crate::Calendar>(&calendar, "calendar")?;
        let items = crate::class::class::<crate::clock::ItemCatalog>(&items, "items")?;
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
            inner: crate::class::Shared::new(Arc::new(ctx)),
        })
    }

    /// The same context writing texts (findings, level reasons, cards) in `lang`: "zh" (the
    /// default) or "en".
    #[wasm_bindgen(js_name = withLang)]
    pub fn with_lang(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"zh\" | \"en\"")] lang: JsValue,
    ) -> Result<CaseContext, JsValue> {
        let lang = wrap(Lang::from_arg(
            &crate::convert::value(&lang),
            "lang",
            Lang::Zh,
        ))?;
        Ok(CaseContext {
            inner: crate::class::Shared::new(Arc::new(self.inner.with_lang(lang))),
        })
    }

    /// The same context with a bureau's message file `name` (Fluent text) overriding some
    /// messages of `lang`; a bad file throws a coded error naming the file, message and line.
    #[wasm_bindgen(js_name = withMessages)]
    pub fn with_messages(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"zh\" | \"en\"")] lang: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<CaseContext, JsValue> {
        let lang = wrap(Lang::from_arg(
            &crate::convert::value(&lang),
            "lang",
            Lang::Zh,
        ))?;
        let name = crate::convert::text(&name, "name")?;
        let text = crate::convert::text(&text, "text")?;
        let ctx = wrap(self.inner.with_messages(lang, &name, &text))?;
        Ok(CaseContext {
            inner: crate::class::Shared::new(Arc::new(ctx)),
        })
    }

    /// Staff ids in the roster.
    #[wasm_bindgen(getter, js_name = staffIds)]
    pub fn staff_ids(&self) -> Vec<String> {
        self.inner
            .roster
            .staff
            .iter()
            .map(|s| s.id.clone())
            .collect()
    }

    /// China's calendar, the item templates, the sample roster and the default rules.
    pub fn sample() -> CaseContext {
        CaseContext {
            inner: crate::class::Shared::new(Arc::new(core_case::CaseContext::sample())),
        }
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
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "CaseContext")] context: JsValue,
        #[wasm_bindgen(js_name = caseId, unchecked_param_type = "string")] case_id: JsValue,
    ) -> Result<Case, JsValue> {
        let context = crate::class::class::<crate::case::CaseContext>(&context, "context")?;
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
    pub fn from_jsonl(
        #[wasm_bindgen(unchecked_param_type = "CaseContext")] context: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<Case, JsValue> {
        let context = crate::class::class::<crate::case::CaseContext>(&context, "context")?;
        let text = crate::convert::text(&text, "text")?;
        let text = text.as_str();
        let ctx = context.inner.clone();
        let inner = wrap(core_case::Case::from_jsonl(&ctx, text))?;
        Ok(Case { ctx, inner })
    }

    /// Appends one event (a JSON line or an event object) of this case. On error nothing changes.
    pub fn append(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | object")] event: JsValue,
    ) -> Result<(), JsValue> {
        let event = crate::convert::value(&event);
        crate::convert::ok(self.inner.append_value(&self.ctx, &event))
    }

    /// The findings at `asOf` as faults for `accountabilityList`.
    #[wasm_bindgen(unchecked_return_type = "Fault[]")]
    pub fn faults(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let s = self.status_at(&as_of)?;
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
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let s = self.status_at(&as_of)?;
        to_js(&s)
    }

    /// The findings at `asOf`.
    #[wasm_bindgen(unchecked_return_type = "CaseFinding[]")]
    pub fn findings(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let s = self.status_at(&as_of)?;
        to_js(&s.findings)
    }
}

/// Replays many cases from JSON Lines sorted by case id and judges each at `asOf`; with
/// `options.period = [from, to]` also returns metrics grouped by `options.groupBy` ("unit",
/// "item", "window", "handler", "all"). Never throws for a bad row: it is listed in `errors`
/// (with its `row`) and the case goes on without it. For input in chunks, use `CaseReplay`.
#[wasm_bindgen(js_name = replayCases, unchecked_return_type = "ReplayOutput")]
pub fn replay_cases(
    #[wasm_bindgen(unchecked_param_type = "CaseContext")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] lines: JsValue,
    #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ReplayOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let replay = CaseReplay::new(context, as_of, options)?;
    let lines = crate::convert::text(&lines, "lines")?;
    to_js(&wrap(replay.inner.run(&lines))?)
}

/// Merges partial metrics (objects with `group` and the counts of a metrics row, several per
/// group: one per worker, file or month): counts summed per group, rates from the sums.
#[wasm_bindgen(js_name = mergeMetrics, unchecked_return_type = "GroupMetrics[]")]
pub fn merge_metrics(
    #[wasm_bindgen(unchecked_param_type = "object[]")] partials: JsValue,
) -> Result<JsValue, JsValue> {
    let rows: Vec<efficiency_core::case::MetricsRow> =
        wrap(crate::convert::value(&partials).deserialize(
            "partials",
            efficiency_core::date::Zone::CHINA,
            "argument.invalid",
        ))?;
    to_js(&efficiency_core::case::metrics::merge_rows(rows))
}

/// Judges every case of a text of JSON lines or an array of lines or event objects (sorted by case id; keys as the JSON line
/// fields, in camelCase or snake_case; `at` text, a `Date` or epoch milliseconds) at `asOf`, and
/// returns tables as arrays of rows: `statuses` (one per case), `findings` (one per finding,
/// with its case, unit, window and handler), `errors`, and `metrics` with `options.period`.
#[wasm_bindgen(js_name = caseTables, unchecked_return_type = "ReplayTables")]
pub fn case_tables(
    #[wasm_bindgen(unchecked_param_type = "CaseContext")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | (string | object)[]")] events: JsValue,
    #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ReplayOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let ctx = crate::class::class::<CaseContext>(&context, "context")?;
    let zone = ctx.inner.calendar.zone();
    let replay = CaseReplay::new(context, as_of, options)?;
    // A text of JSON lines, or each event object as its JSON line (dates as local times).
    let lines = wrap(efficiency_core::case::event_lines(
        &crate::convert::value(&events),
        "events",
        zone,
    ))?;
    let mut inner = replay.inner;
    wrap(inner.push_lines(&lines.iter().map(String::as_str).collect::<Vec<_>>()))?;
    inner.finish();
    let out = efficiency_core::case::ReplayOutput {
        metrics: inner.metrics(),
        statuses: inner.take_statuses(),
        errors: inner.take_errors(),
    };
    to_js(&efficiency_core::case::ReplayTables::new(out, &ctx.inner))
}

/// The supervision board (电子监察, docs/domain.md §4.4) of the cases in `events` (JSON Lines text or
/// an array of event objects, sorted by case id) judged at `asOf`: per unit (or
/// `options.groupBy: "window"`) the running cases at each level, the concluded ones with their
/// rates and denominators, the cards raised since `options.since` and those still open, with
/// the office's `options.actions` ({card, action, at, by, remark}) applied.
#[wasm_bindgen(js_name = supervisionBoard, unchecked_return_type = "Board")]
pub fn supervision_board(
    #[wasm_bindgen(unchecked_param_type = "CaseContext")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | object[]")] events: JsValue,
    #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BoardOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let context = crate::class::class::<crate::case::CaseContext>(&context, "context")?;
    use efficiency_core::supervision::{board_of_lines, event_lines, BoardOptions};
    let zone = context.inner.calendar.zone();
    let as_of = crate::convert::time(&as_of, "asOf", zone)?;
    let options = wrap(BoardOptions::from_value(
        &crate::convert::value(&options),
        zone,
    ))?;
    let lines = wrap(event_lines(&crate::convert::value(&events), "events", zone))?;
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    to_js(&wrap(board_of_lines(
        &context.inner,
        &refs,
        as_of,
        &options,
    ))?)
}

/// Streaming replay of many cases from JSON lines sorted by case id, in chunks of any size (a
/// case may continue into the next chunk); keeps one case in memory.
#[wasm_bindgen]
pub struct CaseReplay {
    inner: Replay<Arc<core_case::CaseContext>>,
}

#[wasm_bindgen]
impl CaseReplay {
    /// Judges every case at `asOf`; `options` as for `replayCases`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "CaseContext")] context: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReplayOptions")] options: JsValue,
    ) -> Result<CaseReplay, JsValue> {
        let context = crate::class::class::<crate::case::CaseContext>(&context, "context")?;
        let zone = context.inner.calendar.zone();
        let as_of = crate::convert::time(&as_of, "asOf", zone)?;
        let options = wrap(ReplayOptions::from_value(
            &crate::convert::value(&options),
            zone,
        ))?;
        Ok(CaseReplay {
            inner: Replay::new(
                context.inner.clone(),
                as_of,
                options.metrics,
                options.keep_statuses,
            ),
        })
    }

    /// Takes a chunk of case events: a text of JSON lines or an array of lines or event
    /// objects (blank lines are skipped).
    #[wasm_bindgen(js_name = pushLines)]
    pub fn push_lines(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | (string | object)[]")] lines: JsValue,
    ) -> Result<(), JsValue> {
        let lines = wrap(efficiency_core::case::event_lines(
            &crate::convert::value(&lines),
            "lines",
            self.inner.context().calendar.zone(),
        ))?;
        let text: Vec<&str> = lines.iter().map(String::as_str).collect();
        wrap(self.inner.push_lines(&text))
    }

    /// Ends the input: the last case is judged.
    pub fn finish(&mut self) {
        self.inner.finish();
    }

    /// Statuses of the cases judged since the last call.
    #[wasm_bindgen(js_name = takeStatuses, unchecked_return_type = "CaseStatus[]")]
    pub fn take_statuses(&mut self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.take_statuses())
    }

    /// Errors since the last call: a bad row has its `row`; a case that could not be judged as
    /// a whole has none.
    #[wasm_bindgen(js_name = takeErrors, unchecked_return_type = "ErrorData[]")]
    pub fn take_errors(&mut self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.take_errors())
    }

    /// Cases judged so far.
    #[wasm_bindgen(getter)]
    pub fn cases(&self) -> usize {
        self.inner.cases()
    }

    /// Metrics per group (counts and rates); `argument.missing` (field `period`) when the
    /// replay was made without a period.
    #[wasm_bindgen(unchecked_return_type = "GroupMetrics[]")]
    pub fn metrics(&self) -> Result<JsValue, JsValue> {
        to_js(&crate::convert::ok(self.inner.period_metrics())?)
    }
}

/// The finding catalog: code, name, nameZh, description.
#[wasm_bindgen(js_name = findingCatalog, unchecked_return_type = "FindingInfo[]")]
pub fn finding_catalog() -> Result<JsValue, JsValue> {
    to_js(&FINDING_CATALOG)
}

/// Every error code a case log can produce.
#[wasm_bindgen(js_name = caseErrorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn case_error_codes() -> Vec<String> {
    core_case::CaseError::CODES
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// The columns a table of case events may have (the fields of an event row, in order).
#[wasm_bindgen(js_name = eventColumns)]
pub fn event_columns() -> Vec<String> {
    core_case::EVENT_COLUMNS
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// Every event kind a case log may contain.
#[wasm_bindgen(js_name = eventKinds, unchecked_return_type = "EventKind[]")]
pub fn event_kinds() -> Vec<String> {
    core_case::EVENT_KINDS
        .iter()
        .map(|s| s.to_string())
        .collect()
}
