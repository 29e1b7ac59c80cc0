//! Python bindings of case logs, findings, streaming replay and metrics.

use std::sync::{Arc, Mutex};

use efficiency_core::case::{
    self as core_case, CaseError as CoreCaseError, CaseEvent, Replay, ReplayOptions, Roster,
    FINDING_CATALOG,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::arrow::TableBuilder;
use crate::clock::ItemCatalog;
use crate::convert::to_py;
use crate::Calendar;
use efficiency_core::accountability::Fault;
use efficiency_core::boundary::FromArg;
use efficiency_core::messages::Lang;

fn wrap<T>(py: Python<'_>, r: Result<T, CoreCaseError>) -> PyResult<T> {
    crate::convert::ok(py, r)
}

/// Everything cases are judged against: calendar, service items, staff roster, finding rules.
///
/// >>> import efficiency
/// >>> ctx = efficiency.CaseContext.sample()
/// >>> ctx.staff_ids[:3]
/// ['dir01', 'dep01', 'soc-h']
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct CaseContext {
    inner: Arc<core_case::CaseContext>,
}

#[pymethods]
impl CaseContext {
    /// A context from a calendar, items, a roster (JSON, "efficiency.roster/1") and optional
    /// finding rules (JSON, "efficiency.finding-rules/1"; the defaults otherwise).
    #[new]
    #[pyo3(signature = (calendar, items, roster_json, rules_json = None))]
    fn new(
        py: Python<'_>,
        calendar: &Bound<'_, PyAny>,
        items: &Bound<'_, PyAny>,
        roster_json: &Bound<'_, PyAny>,
        rules_json: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let calendar = crate::convert::class::<Calendar>(calendar, "calendar")?;
        let items = crate::convert::class::<ItemCatalog>(items, "items")?;
        let roster_json = crate::convert::text(py, roster_json, "roster_json")?;
        let roster_json = roster_json.as_str();
        let rules_json = crate::convert::opt_text(py, rules_json, "rules_json")?;
        let rules_json = rules_json.as_deref();
        let roster = wrap(py, Roster::from_json(roster_json))?;
        let mut ctx =
            core_case::CaseContext::new(calendar.inner.clone(), items.inner.clone(), roster);
        if let Some(r) = rules_json {
            ctx.rules = wrap(py, core_case::FindingRules::from_json(r))?;
        }
        Ok(CaseContext {
            inner: Arc::new(ctx),
        })
    }

    /// China's calendar, the item templates, the sample bureau's roster and the default rules.
    #[staticmethod]
    fn sample() -> Self {
        CaseContext {
            inner: Arc::new(core_case::CaseContext::sample()),
        }
    }

    /// The same context writing texts (findings, level reasons, cards) in `lang`: "zh" (the
    /// default) or "en".
    fn with_lang(&self, py: Python<'_>, lang: &Bound<'_, PyAny>) -> PyResult<Self> {
        let lang = crate::convert::choice(py, Some(lang), "lang", Lang::Zh, Lang::from_arg)?;
        Ok(CaseContext {
            inner: Arc::new(self.inner.with_lang(lang)),
        })
    }

    /// The same context with a bureau's message file `name` (Fluent text) overriding some
    /// messages of `lang`; a bad file raises a coded error naming the file, message and line.
    fn with_messages(
        &self,
        py: Python<'_>,
        lang: &Bound<'_, PyAny>,
        name: &Bound<'_, PyAny>,
        text: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let lang = crate::convert::choice(py, Some(lang), "lang", Lang::Zh, Lang::from_arg)?;
        let name = crate::convert::text(py, name, "name")?;
        let text = crate::convert::text(py, text, "text")?;
        let ctx = crate::convert::ok(py, self.inner.with_messages(lang, &name, &text))?;
        Ok(CaseContext {
            inner: Arc::new(ctx),
        })
    }

    /// Staff ids in the roster.
    #[getter]
    fn staff_ids(&self) -> Vec<String> {
        self.inner
            .roster
            .staff
            .iter()
            .map(|s| s.id.clone())
            .collect()
    }
}

/// One case: its event log, checked line by line against the context.
///
/// >>> import efficiency
/// >>> ctx = efficiency.CaseContext.sample()
/// >>> case = efficiency.Case.from_jsonl(ctx, '{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"refuse_reception"}')
/// >>> [f["code"] for f in case.findings("2026-11-03T09:00")]
/// ['reception.refused']
#[pyclass(module = "efficiency")]
pub(crate) struct Case {
    ctx: Arc<core_case::CaseContext>,
    inner: core_case::Case,
}

impl Case {
    /// A moment argument, read in the zone of the case's calendar.
    fn time(&self, py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<chrono::NaiveDateTime> {
        crate::convert::time_in(py, value, "as_of", self.ctx.calendar.zone())
    }
}

#[pymethods]
impl Case {
    /// An empty case with id `case_id`; events come with `append`.
    #[new]
    fn new(
        py: Python<'_>,
        context: &Bound<'_, PyAny>,
        case_id: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let context = crate::convert::class::<CaseContext>(context, "context")?;
        let case_id = crate::convert::text(py, case_id, "case_id")?;
        let case_id = case_id.as_str();
        Ok(Case {
            ctx: context.inner.clone(),
            inner: core_case::Case::new(case_id),
        })
    }

    /// A case from JSON Lines text; the first bad line raises CaseError with `.line`.
    #[staticmethod]
    fn from_jsonl(
        py: Python<'_>,
        context: &Bound<'_, PyAny>,
        text: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let context = crate::convert::class::<CaseContext>(context, "context")?;
        let text = crate::convert::text(py, text, "text")?;
        let text = text.as_str();
        let ctx = context.inner.clone();
        let case = wrap(py, core_case::Case::from_jsonl(&ctx, text))?;
        Ok(Case { ctx, inner: case })
    }

    /// Appends one event (a JSON line or a dict) of this case. On error nothing changes.
    fn append(&mut self, py: Python<'_>, event: &Bound<'_, PyAny>) -> PyResult<()> {
        let event = crate::convert::value(event)?;
        crate::convert::ok(py, self.inner.append_value(&self.ctx, &event))
    }

    /// The case id.
    #[getter]
    fn id(&self) -> String {
        self.inner.id().to_string()
    }

    /// The stage now ("received", "accepted", "concluded", ...).
    #[getter]
    fn stage(&self) -> &'static str {
        self.inner.stage().as_str()
    }

    /// Number of events.
    fn __len__(&self) -> usize {
        self.inner.events().len()
    }

    /// The log as JSON Lines (canonical; re-reading it gives the same case).
    fn to_jsonl(&self) -> String {
        self.inner.to_jsonl()
    }

    /// Status at `as_of` (a naive datetime or ISO string): a `CaseStatus` dict.
    fn status<'py>(
        &self,
        py: Python<'py>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let t = self.time(py, as_of)?;
        to_py(py, &wrap(py, self.inner.status(&self.ctx, t))?)
    }

    /// The findings at `as_of` (`CaseFinding` dicts).
    fn findings<'py>(
        &self,
        py: Python<'py>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let t = self.time(py, as_of)?;
        to_py(py, &wrap(py, self.inner.status(&self.ctx, t))?.findings)
    }

    /// The findings at `as_of` as faults for `accountability_list` (source "case <id>", code,
    /// severity, at, people, unit, events, message).
    fn faults<'py>(
        &self,
        py: Python<'py>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let t = self.time(py, as_of)?;
        let status = wrap(py, self.inner.status(&self.ctx, t))?;
        to_py(py, &Fault::from_status(&status))
    }
}

impl CaseReplay {
    fn with_state<R>(
        &self,
        f: impl FnOnce(&mut Replay<Arc<core_case::CaseContext>>) -> PyResult<R>,
    ) -> PyResult<R> {
        let mut guard = self
            .state
            .lock()
            .map_err(|_| PyValueError::new_err("replay state poisoned"))?;
        f(&mut guard)
    }
}

/// Streaming replay of many cases from JSON lines sorted by case id, in chunks of any size
/// (a case may continue into the next chunk). Keeps one case in memory; accumulates metrics
/// when a period is given; releases the GIL while it works. `efficiency.replay_cases` and
/// `efficiency.case_metrics` wrap it for files and iterators.
#[pyclass(module = "efficiency")]
pub(crate) struct CaseReplay {
    state: Mutex<Replay<Arc<core_case::CaseContext>>>,
}

#[pymethods]
impl CaseReplay {
    /// Judges every case at `as_of`; with `period=(from, to)` also accumulates metrics grouped
    /// by `group_by` ("unit", "item", "window", "handler" or "all"). `keep_statuses=False`
    /// keeps memory flat when only metrics are wanted.
    #[new]
    #[pyo3(signature = (context, as_of, *, period = None, group_by = None, keep_statuses = None))]
    fn new(
        py: Python<'_>,
        context: &Bound<'_, PyAny>,
        as_of: &Bound<'_, PyAny>,
        period: Option<&Bound<'_, PyAny>>,
        group_by: Option<&Bound<'_, PyAny>>,
        keep_statuses: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let context = crate::convert::class::<CaseContext>(context, "context")?;
        let zone = context.inner.calendar.zone();
        let as_of = crate::convert::time_in(py, as_of, "as_of", zone)?;
        let named = crate::convert::options(&[
            ("period", period),
            ("group_by", group_by),
            ("keep_statuses", keep_statuses),
        ])?;
        let options = crate::convert::ok(py, ReplayOptions::from_value(&named, zone))?;
        Ok(CaseReplay {
            state: Mutex::new(Replay::new(
                context.inner.clone(),
                as_of,
                options.metrics,
                options.keep_statuses,
            )),
        })
    }

    /// Takes a chunk of case events: a text of JSON lines or a list of lines or event dicts
    /// (blank lines are skipped).
    fn push_lines(&self, py: Python<'_>, lines: &Bound<'_, PyAny>) -> PyResult<()> {
        let zone = self.with_state(|st| Ok(st.context().calendar.zone()))?;
        let lines = crate::convert::ok(
            py,
            efficiency_core::case::event_lines(&crate::convert::value(lines)?, "lines", zone),
        )?;
        py.detach(|| {
            self.with_state(|st| {
                let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
                crate::convert::ok_detached(st.push_lines(&lines))
            })
        })
    }

    /// Takes a table of case events (any Arrow table, record batch or stream: pyarrow, Polars,
    /// DuckDB, pandas through `pyarrow.Table.from_pandas`), rows sorted by case id; columns as
    /// `EVENT_COLUMNS` (see the README), times as timestamps (with a zone: converted to the
    /// calendar's; without: local), text or epoch milliseconds. Runs without the GIL.
    fn push_table(
        &self,
        py: Python<'_>,
        events: pyo3_arrow::input::AnyRecordBatch,
    ) -> PyResult<()> {
        let reader = events.into_reader()?;
        for batch in reader {
            let batch = batch.map_err(|e| PyValueError::new_err(e.to_string()))?;
            let columns =
                crate::arrow::EventColumns::new(&batch).map_err(crate::convert::error_of)?;
            py.detach(|| {
                self.with_state(|st| {
                    crate::convert::ok_detached(st.push_parallel(columns.len(), |i, line| {
                        CaseEvent::from_row(columns.row(i), line)
                    }))
                })
            })?;
        }
        Ok(())
    }

    /// The statuses judged since the last call as Arrow tables: (statuses, one row per case;
    /// findings, one row per finding with its case, unit, window and handler).
    fn take_tables<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        // A chunk of statuses at a time to rows and into the tables: memory is reused, not
        // grown by a million statuses' rows at once.
        let (statuses, findings) = py.detach(|| {
            self.with_state(|st| {
                let mut tables = (TableBuilder::default(), TableBuilder::default());
                let mut taken = st.take_statuses().into_iter();
                loop {
                    let chunk: Vec<_> = taken.by_ref().take(crate::arrow::CHUNK).collect();
                    if chunk.is_empty() {
                        break;
                    }
                    let (rows, findings) = core_case::ReplayTables::rows(chunk, st.context());
                    tables.0.push(&rows);
                    tables.1.push(&findings);
                }
                Ok(tables)
            })
        })?;
        Ok((
            crate::arrow::table_of(py, statuses)?,
            crate::arrow::table_of(py, findings)?,
        ))
    }

    /// The errors since the last call as an Arrow table (code, message, row, line, event, …).
    fn take_error_table<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let errors = self.with_state(|st| Ok(st.take_errors()))?;
        crate::arrow::table(py, &errors)
    }

    /// The metrics as an Arrow table (one row per group, counts and rates).
    fn metrics_table<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.with_state(|st| crate::convert::ok_detached(st.period_metrics()))?;
        crate::arrow::table(py, &rows)
    }

    /// Ends the input: the last case is judged.
    fn finish(&self) -> PyResult<()> {
        self.with_state(|st| {
            st.finish();
            Ok(())
        })
    }

    /// Statuses of the cases finished since the last call.
    fn take_statuses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let statuses = self.with_state(|st| Ok(st.take_statuses()))?;
        to_py(py, &statuses)
    }

    /// Rows (and cases) that failed since the last call: (row, CaseError); row is None for a
    /// case that could not be judged as a whole.
    fn take_errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let errors = self.with_state(|st| Ok(st.take_errors()))?;
        let out = PyList::empty(py);
        for e in errors {
            let row = e.row;
            let err = crate::convert::error(py, e);
            out.append((row, err.value(py).clone()))?;
        }
        Ok(out)
    }

    /// Cases judged so far.
    #[getter]
    fn cases(&self) -> PyResult<usize> {
        self.with_state(|st| Ok(st.cases()))
    }

    /// The metrics as columns (lists): group, concluded, on_the_spot, on_time, early, extended,
    /// workdays_used, open, open_overdue and the rates on_the_spot_rate, on_time_rate,
    /// early_rate, extension_rate, average_workdays_used (None where the denominator is 0).
    fn metrics<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.with_state(|st| crate::convert::ok_detached(st.period_metrics()))?;
        crate::convert::columns(py, &rows)
    }
}

/// Merges partial metrics (records with `group` and the counts of `MetricsRow`, several per
/// group: one per Spark partition, per file, per month…): counts summed per group, rates from
/// the sums. Returns a pyarrow table, one row per group.
#[pyfunction]
fn _merge_metrics<'py>(
    py: Python<'py>,
    partials: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let rows: Vec<core_case::MetricsRow> = crate::convert::ok(
        py,
        crate::convert::value(partials)?.deserialize(
            "partials",
            efficiency_core::date::Zone::CHINA,
            "argument.invalid",
        ),
    )?;
    crate::arrow::table(py, &core_case::metrics::merge_rows(rows))
}

/// The supervision board (电子监察, docs/domain.md §4.4) of the cases in `events` judged at `as_of`:
/// per unit (or `group_by="window"`) the running cases at each level, the concluded ones with
/// their on-time and on-the-spot rates and denominators, the cards raised since `since` and
/// those still open, with the office's `actions` (dicts: card, action "acknowledge" or "close",
/// at, by, remark) applied; `rules` are the supervision rules (a dict or JSON text, default
/// `SUPERVISION_RULES_JSON`: convention B). `events` are JSON lines (a list or one text) or an Arrow table,
/// sorted by case id; unreadable rows are listed in `errors`.
#[pyfunction]
#[pyo3(signature = (context, events, *, as_of, group_by = None, since = None, actions = None, rules = None, table = false))]
#[allow(clippy::too_many_arguments)] // keyword options, named in Python's signature
fn supervision_board<'py>(
    py: Python<'py>,
    context: &Bound<'_, PyAny>,
    events: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    group_by: Option<&Bound<'py, PyAny>>,
    since: Option<&Bound<'py, PyAny>>,
    actions: Option<&Bound<'py, PyAny>>,
    rules: Option<&Bound<'py, PyAny>>,
    table: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let context = crate::convert::class::<CaseContext>(context, "context")?;
    use efficiency_core::supervision::{board_of_lines, board_of_rows, event_lines};
    let zone = context.inner.calendar.zone();
    let (as_of, options) = board_args(py, zone, as_of, [group_by, since, actions, rules])?;
    let ctx = context.inner.clone();
    let board = if events.hasattr("__arrow_c_stream__")? || events.hasattr("__arrow_c_array__")? {
        let batches = crate::arrow::batches(events.extract()?)?;
        let columns = batches
            .iter()
            .map(crate::arrow::EventColumns::new)
            .collect::<Result<Vec<_>, _>>()
            .map_err(crate::convert::error_of)?;
        py.detach(|| board_of_rows(&ctx, columns.iter().flat_map(|c| c.rows()), as_of, &options))
    } else {
        let lines = crate::convert::ok(
            py,
            event_lines(&crate::convert::value(events)?, "events", zone),
        )?;
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        py.detach(|| board_of_lines(&ctx, &refs, as_of, &options))
    };
    board_out(py, &crate::convert::ok(py, board)?, table)
}

/// A board as a dict, or with `table` as a dict of Arrow tables (rows, new_cards, open_cards,
/// errors).
/// The moment and the options of a board call (`group_by`, `since`, `actions`, `rules`, in
/// that order), read by the core's `BoardOptions`.
pub(crate) fn board_args<'py>(
    py: Python<'py>,
    zone: efficiency_core::date::Zone,
    as_of: &Bound<'py, PyAny>,
    [group_by, since, actions, rules]: [Option<&Bound<'py, PyAny>>; 4],
) -> PyResult<(
    chrono::NaiveDateTime,
    efficiency_core::supervision::BoardOptions,
)> {
    let as_of = crate::convert::time_in(py, as_of, "as_of", zone)?;
    let named = crate::convert::options(&[
        ("group_by", group_by),
        ("since", since),
        ("actions", actions),
        ("rules", rules),
    ])?;
    let options = crate::convert::ok(
        py,
        efficiency_core::supervision::BoardOptions::from_value(&named, zone),
    )?;
    Ok((as_of, options))
}

pub(crate) fn board_out<'py>(
    py: Python<'py>,
    board: &efficiency_core::supervision::Board,
    table: bool,
) -> PyResult<Bound<'py, PyAny>> {
    if !table {
        return to_py(py, board);
    }
    let d = PyDict::new(py);
    d.set_item("rows", crate::arrow::table(py, &board.rows)?)?;
    d.set_item("new_cards", crate::arrow::table(py, &board.new_cards)?)?;
    d.set_item("open_cards", crate::arrow::table(py, &board.open_cards)?)?;
    d.set_item("errors", crate::arrow::table(py, &board.errors)?)?;
    Ok(d.into_any())
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(_merge_metrics, m)?)?;
    m.add_function(wrap_pyfunction!(supervision_board, m)?)?;
    m.add(
        "SUPERVISION_RULES_JSON",
        efficiency_core::supervision::SUPERVISION_RULES_JSON,
    )?;
    m.add_class::<CaseContext>()?;
    m.add_class::<Case>()?;
    m.add_class::<CaseReplay>()?;
    m.add("CASE_ERROR_CODES", CoreCaseError::CODES.to_vec())?;
    m.add("EVENT_KINDS", core_case::EVENT_KINDS.to_vec())?;
    m.add("EVENT_COLUMNS", core_case::EVENT_COLUMNS.to_vec())?;
    m.add("PAYLOAD_COLUMN", core_case::PAYLOAD_COLUMN)?;
    // The catalog as the one result model (the same fields as JS findingCatalog()).
    m.add("FINDING_CATALOG", to_py(py, &FINDING_CATALOG)?)?;
    Ok(())
}
