//! Streaming replay: events sorted by case id, in batches of any size; a case may continue
//! across batch boundaries. One result or error per row; one status per case.

use std::ops::Deref;

use chrono::NaiveDateTime;

use serde::Serialize;

use super::metrics::{GroupBy, GroupMetrics, Metrics, Period};
use super::{Case, CaseContext, CaseError, CaseEvent, CaseStatus, CompactString};
use crate::error::Error;

/// A row (event) that was not taken; the case goes on without it.
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::{CaseContext, CaseStream};
/// let ctx = CaseContext::sample();
/// let mut stream = CaseStream::new(&ctx, t("2026-12-01 00:00"));
/// let (error, _) = stream.push_line("not json");
/// let e = error.expect("a bad row");
/// assert_eq!((e.row, e.error.code()), (0, "case.malformed_line"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// Zero-based row across everything pushed so far.
    pub row: usize,
    /// Why.
    pub error: CaseError,
}

/// A finished case: its status at the stream's `as_of`, or why it could not be judged.
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::{CaseContext, CaseStream};
/// let ctx = CaseContext::sample();
/// let mut stream = CaseStream::new(&ctx, t("2026-12-01 00:00"));
/// let log = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
/// ];
/// let mut done = Vec::new();
/// for line in log {
///     done.extend(stream.push_line(line).1);
/// }
/// done.extend(stream.finish());
/// assert_eq!(done.iter().map(|r| (r.case.as_str(), r.events)).collect::<Vec<_>>(), [("A", 3), ("B", 1)]);
/// assert!(done.iter().all(|r| r.status.is_ok()));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CaseResult {
    /// Case id.
    pub case: CompactString,
    /// Status, or the error that prevented judging it (e.g. a year without calendar data).
    pub status: Result<CaseStatus, CaseError>,
    /// How many events were taken.
    pub events: usize,
}

/// Replays cases from rows sorted by case id, keeping only the current case in memory.
///
/// ```
/// use efficiency_core::case::{CaseContext, CaseStream};
/// let ctx = CaseContext::sample();
/// let mut stream = CaseStream::new(&ctx, "2026-12-01T00:00:00".parse().unwrap());
/// let lines = [
///     r#"{"id":"e1","case":"A","at":"2026-11-02T09:30:00","actor":"mar01","event":"receive","item":"civil.marriage_registration"}"#,
///     r#"{"id":"e1","case":"A","at":"2026-11-02T09:31:00","actor":"mar01","event":"accept"}"#,
///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:30:00","actor":"nobody","event":"receive","item":"civil.marriage_registration"}"#,
/// ];
/// let mut done = Vec::new();
/// let mut errors = Vec::new();
/// for line in lines {
///     let (error, finished) = stream.push_line(line);
///     errors.extend(error);
///     done.extend(finished);
/// }
/// done.extend(stream.finish());
/// assert_eq!(errors.iter().map(|e| (e.row, e.error.code())).collect::<Vec<_>>(),
///            [(1, "case.duplicate_event_id"), (2, "case.unknown_actor")]);
/// // Case B took no event, so only A has a status; B's row error says why.
/// assert_eq!(done.len(), 1);
/// ```
#[derive(Debug)]
pub struct CaseStream<C: Deref<Target = CaseContext>> {
    ctx: C,
    /// The context on the provisional calendar, made when first needed.
    provisional: Option<CaseContext>,
    as_of: NaiveDateTime,
    /// The current case when `open`; otherwise the last one judged, whose buffers the next case
    /// reuses (kept in place: a case is never moved).
    case: Case,
    open: bool,
    last_finished: Option<String>,
    row: usize,
    /// Whether statuses carry their findings' messages (a replay that keeps no status only
    /// counts, and nobody reads them).
    explain: bool,
}

impl<C: Deref<Target = CaseContext>> CaseStream<C> {
    /// A stream judging each case at `as_of`; `ctx` is `&CaseContext` or `Arc<CaseContext>`.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, CaseStream};
    /// let ctx = CaseContext::sample();
    /// let stream = CaseStream::new(&ctx, t("2026-12-01 00:00"));
    /// assert_eq!(stream.rows(), 0);
    /// ```
    pub fn new(ctx: C, as_of: NaiveDateTime) -> Self {
        CaseStream {
            ctx,
            provisional: None,
            as_of,
            case: Case::new(""),
            open: false,
            last_finished: None,
            explain: true,
            row: 0,
        }
    }

    /// Takes one JSON line.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, CaseStream};
    /// let ctx = CaseContext::sample();
    /// let mut stream = CaseStream::new(&ctx, t("2026-12-01 00:00"));
    /// let log = [
    ///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
    ///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
    ///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
    ///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
    /// ];
    /// stream.push_line(log[3]);
    /// // Rows must come sorted by case id: an earlier case after a later one is refused.
    /// let (error, _) = stream.push_line(log[0]);
    /// assert_eq!(error.map(|e| e.error.code()), Some("case.unsorted_input"));
    /// ```
    pub fn push_line(&mut self, line: &str) -> (Option<RowError>, Option<CaseResult>) {
        let event = CaseEvent::parse_line(line, self.row + 1);
        self.push_checked(event)
    }

    /// Takes one event row (a table row); as [`CaseStream::push_line`].
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, CaseStream, EventRow};
    /// let ctx = CaseContext::sample();
    /// let mut stream = CaseStream::new(&ctx, t("2026-12-01 00:00"));
    /// let log = [
    ///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
    ///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
    ///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
    ///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
    /// ];
    /// for line in log {
    ///     stream.push_row(EventRow::parse(line, 1)?);
    /// }
    /// let last = stream.finish().expect("case B");
    /// assert_eq!(last.status?.findings[0].code, "reception.refused");
    /// # Ok::<(), efficiency_core::case::CaseError>(())
    /// ```
    pub fn push_row(&mut self, row: super::EventRow<'_>) -> (Option<RowError>, Option<CaseResult>) {
        let event = CaseEvent::from_row(row, self.row + 1);
        self.push_checked(event)
    }

    /// Takes a row already read: its event, or why it could not be read (the row's error).
    fn push_checked(
        &mut self,
        event: Result<CaseEvent, CaseError>,
    ) -> (Option<RowError>, Option<CaseResult>) {
        match event {
            Ok(e) => self.push(e),
            Err(error) => {
                let row = self.row;
                self.row += 1;
                (Some(RowError { row, error }), None)
            }
        }
    }

    /// Takes one event; returns the row's error, if any, and the case that just ended, if any.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, CaseEvent, CaseStream};
    /// let ctx = CaseContext::sample();
    /// let mut stream = CaseStream::new(&ctx, t("2026-12-01 00:00"));
    /// let log = [
    ///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
    ///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
    ///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
    ///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
    /// ];
    /// stream.push(CaseEvent::parse_line(log[3], 4)?);
    /// assert_eq!(stream.finish().map(|r| r.events), Some(1));
    /// # Ok::<(), efficiency_core::case::CaseError>(())
    /// ```
    pub fn push(&mut self, event: CaseEvent) -> (Option<RowError>, Option<CaseResult>) {
        let row = self.row;
        self.row += 1;
        let mut finished = None;
        let same_case = match self.current() {
            Some(c) if c.id() == event.case => true,
            Some(_) => {
                finished = self.finish_current();
                false
            }
            None => false,
        };
        // A case that goes on was checked to come after the last one when it began.
        if let Some(last) = self.last_finished.as_ref().filter(|_| !same_case) {
            if event.case.as_str() <= last.as_str() {
                let error = CaseError::new(
                    "case.unsorted_input",
                    Some(row + 1),
                    Some(&event.id),
                    format!(
                        "case {:?} comes after case {last:?}; rows must be sorted by case id",
                        event.case
                    ),
                );
                return (Some(RowError { row, error }), finished);
            }
        }
        if !self.open {
            self.case.reset(&event.case);
            self.open = true;
        }
        let error = self
            .case
            .append(&self.ctx, event)
            .err()
            .map(|error| RowError {
                row,
                error: error.at_line(Some(row + 1)),
            });
        (error, finished)
    }

    /// The case being read, if any.
    fn current(&self) -> Option<&Case> {
        self.open.then_some(&self.case)
    }

    fn finish_current(&mut self) -> Option<CaseResult> {
        if !self.open {
            return None;
        }
        self.open = false;
        let case = &self.case;
        match &mut self.last_finished {
            Some(last) => {
                last.clear();
                last.push_str(case.id());
            }
            None => self.last_finished = Some(case.id().to_string()),
        }
        if case.events().is_empty() {
            return None;
        }
        let status = match case.judge(&self.ctx, self.as_of, self.explain) {
            // A case whose clock runs into a year without holiday data (an open case at the
            // end of a period) is judged on the provisional calendar (weekends only for that
            // year) and marked provisional, never dropped from the counts.
            Err(e)
                if e.code() == "calendar.year_not_covered" && !self.ctx.calendar.provisional() =>
            {
                let ctx = self.provisional.get_or_insert_with(|| {
                    let mut ctx = (*self.ctx).clone();
                    ctx.calendar = ctx.calendar.with_provisional(true);
                    ctx
                });
                case.judge(ctx, self.as_of, self.explain).map_err(|_| e)
            }
            other => other,
        };
        let result = CaseResult {
            case: case.id().into(),
            status: status.map_err(|mut e| {
                e.message = format!("case {}: {}", case.id(), e.message);
                e
            }),
            events: case.events().len(),
        };
        Some(result)
    }

    /// Judges the current case now, as if the next row began another case.
    #[cfg(feature = "parallel")]
    fn end_case(&mut self) -> Option<CaseResult> {
        self.finish_current()
    }

    /// Ends the stream, returning the last case.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, CaseStream};
    /// let ctx = CaseContext::sample();
    /// assert!(CaseStream::new(&ctx, t("2026-12-01 00:00")).finish().is_none());
    /// ```
    pub fn finish(mut self) -> Option<CaseResult> {
        self.finish_current()
    }

    /// Rows pushed so far.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, CaseStream};
    /// let ctx = CaseContext::sample();
    /// let mut stream = CaseStream::new(&ctx, t("2026-12-01 00:00"));
    /// stream.push_line("not json");
    /// assert_eq!(stream.rows(), 1);
    /// ```
    pub fn rows(&self) -> usize {
        self.row
    }
}

/// A replay of many cases as the bindings run it: rows pushed in chunks of any size, statuses
/// (when kept) and errors taken as they come, metrics accumulated over a period. The one place
/// where a replay's accounting is done (cases counted, metrics added, errors given their row).
///
/// ```
/// use efficiency_core::case::{CaseContext, Replay};
/// let ctx = CaseContext::sample();
/// let mut replay = Replay::new(&ctx, "2026-12-01T00:00:00".parse().unwrap(), None, true);
/// replay.push_lines(&[
///     r#"{"id":"e1","case":"A","at":"2026-11-02T09:30:00","actor":"mar01","event":"receive","item":"civil.marriage_registration"}"#,
///     "not json",
/// ])?;
/// replay.finish();
/// assert_eq!(replay.take_statuses().len(), 1);
/// let errors = replay.take_errors();
/// assert_eq!((errors[0].code, errors[0].row), ("case.malformed_line", Some(1)));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug)]
pub struct Replay<C: Deref<Target = CaseContext>> {
    ctx: C,
    /// `None` once finished.
    stream: Option<CaseStream<C>>,
    metrics: Option<Metrics>,
    keep: bool,
    statuses: Vec<CaseStatus>,
    errors: Vec<Error>,
    cases: usize,
}

/// Everything a one-shot replay gives (JS `replayCases`).
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::{CaseContext, Replay};
/// let ctx = CaseContext::sample();
/// let log = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
/// ];
/// let out = Replay::new(&ctx, t("2026-12-01 00:00"), None, true).run(&log.join("\n"))?;
/// assert_eq!((out.statuses.len(), out.errors.len(), out.metrics.is_none()), (2, 0, true));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReplayOutput {
    /// One status per case judged (when kept).
    pub statuses: Vec<CaseStatus>,
    /// Metrics per group, when a period was given.
    pub metrics: Option<Vec<GroupMetrics>>,
    /// One error per bad row (with its `row`), or per case that could not be judged (no `row`).
    pub errors: Vec<Error>,
}

/// A replay's results as tables (Python `case_tables` gives each as an Arrow table, JS
/// `caseTables` as arrays of rows): one row per case, one per finding, one per error.
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::{CaseContext, Replay, ReplayTables};
/// let ctx = CaseContext::sample();
/// let log = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
/// ];
/// let out = Replay::new(&ctx, t("2026-12-01 00:00"), None, true).run(&log.join("\n"))?;
/// let tables = ReplayTables::new(out, &ctx);
/// assert_eq!(tables.statuses.len(), 2);
/// assert!(tables.findings.iter().any(|f| f.case == "B" && f.code == "reception.refused"));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReplayTables {
    /// One row per case judged.
    pub statuses: Vec<super::StatusRow>,
    /// One row per finding, with its case, unit, window and handler.
    pub findings: Vec<super::FindingRow>,
    /// One row per bad row (with its `row`) or case that could not be judged.
    pub errors: Vec<Error>,
    /// Metrics per group, when a period was given.
    pub metrics: Option<Vec<GroupMetrics>>,
}

impl ReplayTables {
    /// A replay's output as tables; `ctx` names the units of people for findings.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, Replay, ReplayTables};
    /// let ctx = CaseContext::sample();
    /// let out = Replay::new(&ctx, t("2026-12-01 00:00"), None, true).run("")?;
    /// assert!(ReplayTables::new(out, &ctx).statuses.is_empty());
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn new(o: ReplayOutput, ctx: &CaseContext) -> Self {
        let (statuses, findings) = ReplayTables::rows(o.statuses, ctx);
        ReplayTables {
            statuses,
            findings,
            errors: o.errors,
            metrics: o.metrics,
        }
    }

    /// The statuses' rows and their findings' rows (on every core with the `parallel`
    /// feature, where the statuses are freed too).
    ///
    /// ```
    /// use efficiency_core::case::{CaseContext, Replay, ReplayTables};
    /// let ctx = CaseContext::sample();
    /// let mut replay = Replay::new(&ctx, "2026-11-03T09:00:00".parse().unwrap(), None, true);
    /// replay.push_lines(&[r#"{"id":"e1","case":"A","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#])?;
    /// replay.finish();
    /// let (statuses, findings) = ReplayTables::rows(replay.take_statuses(), &ctx);
    /// assert_eq!((statuses.len(), findings[0].code, findings[0].unit.as_deref()), (1, "reception.refused", Some("office")));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn rows(
        statuses: Vec<CaseStatus>,
        ctx: &CaseContext,
    ) -> (Vec<super::StatusRow>, Vec<super::FindingRow>) {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            let rows = statuses.par_iter().map(CaseStatus::row).collect();
            let findings = statuses
                .par_iter()
                .flat_map_iter(|s| s.finding_rows(&ctx.roster))
                .collect();
            statuses.into_par_iter().for_each(drop);
            (rows, findings)
        }
        #[cfg(not(feature = "parallel"))]
        {
            let rows = statuses.iter().map(CaseStatus::row).collect();
            let findings = statuses
                .iter()
                .flat_map(|s| s.finding_rows(&ctx.roster))
                .collect();
            (rows, findings)
        }
    }
}

impl<C: Deref<Target = CaseContext> + Clone + Send + Sync> Replay<C> {
    /// A replay judging each case at `as_of`; with `metrics = Some((period, group_by))` it also
    /// counts every judged case. `keep = false` keeps no statuses (metrics only).
    ///
    /// ```
    /// use efficiency_core::case::{CaseContext, GroupBy, Period, Replay};
    /// let t = |s: &str| s.parse().unwrap();
    /// let ctx = CaseContext::sample();
    /// let period = Period { from: t("2026-11-01T00:00:00"), to: t("2026-12-01T00:00:00") };
    /// let mut replay = Replay::new(&ctx, period.to, Some((period, GroupBy::Unit)), false);
    /// replay.push_lines(&[
    ///     r#"{"id":"e1","case":"A","at":"2026-11-02T09:00:00","actor":"mar01","event":"receive","item":"civil.marriage_registration"}"#,
    ///     r#"{"id":"e2","case":"A","at":"2026-11-02T09:05:00","actor":"mar01","event":"accept"}"#,
    ///     r#"{"id":"e3","case":"A","at":"2026-11-02T09:50:00","actor":"mar01","event":"conclude","outcome":"granted","on_the_spot":true}"#,
    /// ])?;
    /// replay.finish();
    /// let m = replay.period_metrics()?;
    /// assert_eq!((m[0].group.as_str(), m[0].concluded, m[0].on_the_spot), ("marriage", 1, 1));
    /// assert!(replay.take_statuses().is_empty()); // keep = false: counts only
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn new(
        ctx: C,
        as_of: NaiveDateTime,
        metrics: Option<(Period, GroupBy)>,
        keep: bool,
    ) -> Self {
        Replay {
            stream: Some(CaseStream {
                explain: keep,
                ..CaseStream::new(ctx.clone(), as_of)
            }),
            ctx,
            metrics: metrics.map(|(p, g)| Metrics::new(p, g)),
            keep,
            statuses: Vec::new(),
            errors: Vec::new(),
            cases: 0,
        }
    }

    fn take(&mut self, r: CaseResult) {
        let taken = Keep {
            metrics: self.metrics.as_ref(),
            statuses: self.keep,
        }
        .taken(r);
        self.take_taken(taken);
    }

    fn take_taken(&mut self, taken: Taken) {
        self.cases += 1;
        match taken {
            Taken::Judged { counts, status } => {
                if let (Some(m), Some(c)) = (&mut self.metrics, counts) {
                    m.add_contribution(&c);
                }
                self.statuses.extend(status.map(|s| *s));
            }
            Taken::Failed(e) => self.errors.push(e.into()),
        }
    }

    /// Takes a chunk of JSON lines (blank lines are skipped). Errors only when the replay is
    /// finished (`replay.finished`); a bad row is kept in [`Replay::take_errors`].
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, Replay};
    /// let ctx = CaseContext::sample();
    /// let mut replay = Replay::new(&ctx, t("2026-12-01 00:00"), None, true);
    /// let log = [
    ///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
    ///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
    ///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
    ///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
    /// ];
    /// // A case may go on in the next chunk.
    /// replay.push_lines(&log[..2])?;
    /// replay.push_lines(&log[2..])?;
    /// replay.finish();
    /// assert_eq!(replay.cases(), 2);
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn push_lines(&mut self, lines: &[&str]) -> Result<(), Error> {
        let lines = lines.iter().copied().filter(|l| !l.trim().is_empty());
        #[cfg(feature = "parallel")]
        if lines.clone().nth(parallel::MIN_ROWS).is_some() {
            let lines: Vec<&str> = lines.collect();
            return self
                .push_parallel(lines.len(), |i, line| CaseEvent::parse_line(lines[i], line));
        }
        self.push_with(lines, |stream, line| stream.push_line(line))
    }

    /// Takes a batch of event rows (the rows of a table); as [`Replay::push_lines`].
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, EventRow, Replay};
    /// let ctx = CaseContext::sample();
    /// let mut replay = Replay::new(&ctx, t("2026-12-01 00:00"), None, true);
    /// let log = [
    ///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
    ///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
    ///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
    ///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
    /// ];
    /// let rows: Vec<EventRow> = log.iter().map(|l| EventRow::parse(l, 1)).collect::<Result<_, _>>()?;
    /// replay.push_rows(rows)?;
    /// replay.finish();
    /// assert_eq!(replay.take_statuses().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn push_rows<'r>(
        &mut self,
        rows: impl IntoIterator<Item = super::EventRow<'r>>,
    ) -> Result<(), Error> {
        self.push_with(rows, |stream, row| stream.push_row(row))
    }

    /// The accounting of a pushed batch, whatever its rows: a row's error is kept with its
    /// row, and the cases it finishes are taken.
    fn push_with<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut push: impl FnMut(&mut CaseStream<C>, T) -> (Option<RowError>, Option<CaseResult>),
    ) -> Result<(), Error> {
        let Some(stream) = self.stream.as_mut() else {
            return Err(finished());
        };
        let mut done = Vec::new();
        for item in items {
            let (err, finished) = push(stream, item);
            if let Some(e) = err {
                self.errors.push(Error::from(e.error).in_row(e.row));
            }
            done.extend(finished);
        }
        for r in done {
            self.take(r);
        }
        Ok(())
    }

    /// Takes `len` rows read by `read(i, line)` (row `i` of the batch; `line`, 1-based across
    /// everything pushed, for its error), reading and judging them on every core (rayon). The
    /// statuses (in case order), the metrics and the errors are those of the one-core path: the
    /// errors listed per round of at most 65,536 rows as [`Replay::push_lines`] lists a batch's
    /// (its bad rows in row order, then the cases that could not be judged). The rows are cut
    /// into pieces of about 2,048; each core reads a piece and judges the cases it holds whole,
    /// and the replay's own stream judges the cases at the pieces' edges (one may continue a
    /// case of the previous batch, one may go on in the next) and adds every case's counts in
    /// case order. A round whose rows are not sorted by case id is read again and judged on one
    /// core. `read` must give the same answer for a row each time it is asked.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, CaseEvent, Replay};
    /// let ctx = CaseContext::sample();
    /// // 3,000 cases of two events, sorted by case id; one row is bad.
    /// let mut lines = Vec::new();
    /// for n in 0..3000 {
    ///     let case = format!("C{n:05}");
    ///     lines.push(format!(r#"{{"id":"e1","case":"{case}","at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}}"#));
    ///     lines.push(format!(r#"{{"id":"e2","case":"{case}","at":"2026-11-02T09:30:00","actor":"soc01","event":"accept"}}"#));
    /// }
    /// lines[7] = "not json".into();
    /// let mut replay = Replay::new(&ctx, t("2026-12-01 00:00"), None, true);
    /// replay.push_parallel(lines.len(), |i, line| CaseEvent::parse_line(&lines[i], line))?;
    /// replay.finish();
    /// // The same answer as one core: the statuses in case order, the bad row named.
    /// let statuses = replay.take_statuses();
    /// assert_eq!((statuses.len(), statuses[0].case.as_str()), (3000, "C00000"));
    /// let errors = replay.take_errors();
    /// assert_eq!((errors.len(), errors[0].row), (1, Some(7)));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    #[cfg(feature = "parallel")]
    pub fn push_parallel(
        &mut self,
        len: usize,
        read: impl Fn(usize, usize) -> Result<CaseEvent, CaseError> + Sync,
    ) -> Result<(), Error> {
        let Some(stream) = self.stream.as_mut() else {
            return Err(finished());
        };
        let base = stream.rows();
        if len < parallel::MIN_ROWS {
            return self.push_with(0..len, |stream, i| {
                let event = read(i, stream.rows() + 1);
                stream.push_checked(event)
            });
        }
        // Rounds of at most ROUND rows, so that memory holds one round's events whatever the
        // batch's size.
        let mut from = 0;
        while from < len {
            let to = (from + parallel::ROUND).min(len);
            let Some(stream) = self.stream.as_mut() else {
                return Err(finished());
            };
            let keep = Keep {
                metrics: self.metrics.as_ref(),
                statuses: self.keep,
            };
            let (row_errors, taken) = parallel::judge(stream, from..to, base, &read, keep);
            for e in row_errors {
                self.errors.push(Error::from(e.error).in_row(e.row));
            }
            for t in taken {
                self.take_taken(t);
            }
            from = to;
        }
        Ok(())
    }

    /// Ends the input: the last case is judged. Finishing twice does nothing.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, Replay};
    /// let ctx = CaseContext::sample();
    /// let mut replay = Replay::new(&ctx, t("2026-12-01 00:00"), None, true);
    /// replay.finish();
    /// // Nothing can be pushed after the end.
    /// assert!(replay.push_lines(&["{}"]).is_err());
    /// ```
    pub fn finish(&mut self) {
        if let Some(r) = self.stream.take().and_then(CaseStream::finish) {
            self.take(r);
        }
    }

    /// Statuses of the cases judged since the last call.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, Replay};
    /// let ctx = CaseContext::sample();
    /// let mut replay = Replay::new(&ctx, t("2026-12-01 00:00"), None, true);
    /// let log = [
    ///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
    ///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
    ///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
    ///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
    /// ];
    /// replay.push_lines(&log)?;
    /// // Case A is finished once B starts; B when the replay finishes.
    /// assert_eq!(replay.take_statuses().len(), 1);
    /// replay.finish();
    /// assert_eq!(replay.take_statuses()[0].case, "B");
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn take_statuses(&mut self) -> Vec<CaseStatus> {
        std::mem::take(&mut self.statuses)
    }

    /// Errors since the last call: a bad row has its `row` (0-based across everything pushed);
    /// a case that could not be judged as a whole has none.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, Replay};
    /// let ctx = CaseContext::sample();
    /// let mut replay = Replay::new(&ctx, t("2026-12-01 00:00"), None, true);
    /// replay.push_lines(&["", "{\"id\": 3}"])?;
    /// let errors = replay.take_errors();
    /// // Blank lines are skipped and not counted as rows.
    /// assert_eq!((errors.len(), errors[0].row), (1, Some(0)));
    /// assert!(replay.take_errors().is_empty());
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn take_errors(&mut self) -> Vec<Error> {
        std::mem::take(&mut self.errors)
    }

    /// The context cases are judged against.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, Replay};
    /// let ctx = CaseContext::sample();
    /// let replay = Replay::new(&ctx, t("2026-12-01 00:00"), None, true);
    /// assert_eq!(replay.context().calendar.zone(), ctx.calendar.zone());
    /// ```
    pub fn context(&self) -> &CaseContext {
        &self.ctx
    }

    /// Cases judged so far.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, Replay};
    /// let ctx = CaseContext::sample();
    /// let mut replay = Replay::new(&ctx, t("2026-12-01 00:00"), None, true);
    /// let log = [
    ///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
    ///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
    ///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
    ///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
    /// ];
    /// replay.push_lines(&log)?;
    /// replay.finish();
    /// assert_eq!(replay.cases(), 2);
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn cases(&self) -> usize {
        self.cases
    }

    /// Metrics per group, as asked for: a replay made without a period keeps none, and asking
    /// is `argument.missing` naming `period` (the same in every language).
    ///
    /// ```
    /// use efficiency_core::case::{CaseContext, Replay};
    /// let ctx = CaseContext::sample();
    /// let replay = Replay::new(&ctx, "2026-12-01T00:00:00".parse().unwrap(), None, true);
    /// let e = replay.period_metrics().unwrap_err();
    /// assert_eq!((e.code, e.field.as_deref()), ("argument.missing", Some("period")));
    /// ```
    pub fn period_metrics(&self) -> Result<Vec<GroupMetrics>, Error> {
        self.metrics().ok_or_else(|| {
            Error::new(
                "argument.missing",
                "no period was given when the replay was made, so no metrics were kept (give period=(from, to))",
            )
            .with_field("period")
        })
    }

    /// Metrics per group, when a period was given.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, GroupBy, Period, Replay};
    /// let ctx = CaseContext::sample();
    /// let year = Period { from: t("2026-01-01 00:00"), to: t("2027-01-01 00:00") };
    /// let mut replay = Replay::new(&ctx, t("2026-12-01 00:00"), Some((year, GroupBy::All)), false);
    /// let log = [
    ///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
    ///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
    ///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
    ///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
    /// ];
    /// replay.push_lines(&log)?;
    /// replay.finish();
    /// let m = replay.metrics().expect("a period was given");
    /// assert_eq!((m[0].group.as_str(), m[0].concluded, m[0].on_time_rate), ("all", 1, Some(1.0)));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn metrics(&self) -> Option<Vec<GroupMetrics>> {
        self.metrics
            .as_ref()
            .map(|m| m.rows().into_iter().map(GroupMetrics::from).collect())
    }

    /// Runs a list of event rows at once (a table), as tables.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, EventRow, Replay};
    /// let ctx = CaseContext::sample();
    /// let log = [
    ///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
    ///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
    ///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
    ///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
    /// ];
    /// let rows: Vec<EventRow> = log.iter().map(|l| EventRow::parse(l, 1)).collect::<Result<_, _>>()?;
    /// let tables = Replay::new(&ctx, t("2026-12-01 00:00"), None, true).run_rows(rows)?;
    /// assert_eq!(tables.statuses.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn run_rows(mut self, rows: Vec<super::EventRow<'_>>) -> Result<ReplayTables, Error> {
        self.push_rows(rows)?;
        self.finish();
        let out = ReplayOutput {
            metrics: self.metrics(),
            statuses: self.take_statuses(),
            errors: self.take_errors(),
        };
        Ok(ReplayTables::new(out, self.context()))
    }

    /// Runs a whole text of JSON lines at once.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, Replay};
    /// let ctx = CaseContext::sample();
    /// let out = Replay::new(&ctx, t("2026-12-01 00:00"), None, true).run("not json\n")?;
    /// assert_eq!((out.statuses.len(), out.errors[0].code), (0, "case.malformed_line"));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn run(mut self, text: &str) -> Result<ReplayOutput, Error> {
        self.push_lines(&text.lines().collect::<Vec<_>>())?;
        self.finish();
        Ok(ReplayOutput {
            metrics: self.metrics(),
            statuses: self.take_statuses(),
            errors: self.take_errors(),
        })
    }
}

/// How a replay is asked for, in every language: `period` (`[from, to]`, metrics are kept only
/// with one), `group_by` (`unit` by default) and `keep_statuses` (true by default).
///
/// ```
/// use efficiency_core::boundary::Value;
/// use efficiency_core::case::ReplayOptions;
/// use efficiency_core::date::Zone;
/// let v = Value::Map(vec![("keep_statuses".into(), Value::Bool(false))]);
/// let options = ReplayOptions::from_value(&v, Zone::CHINA)?;
/// assert!(!options.keep_statuses && options.metrics.is_none());
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReplayOptions {
    /// The metrics period and grouping, if metrics are wanted.
    pub metrics: Option<(Period, GroupBy)>,
    /// Whether statuses are kept.
    pub keep_statuses: bool,
}

impl ReplayOptions {
    /// Options from a mapping (missing entries keep their defaults; unknown names are errors).
    ///
    /// ```
    /// use efficiency_core::boundary::Value;
    /// use efficiency_core::case::{GroupBy, ReplayOptions};
    /// use efficiency_core::date::Zone;
    /// let v = Value::Map(vec![
    ///     ("period".into(), Value::List(vec![Value::Str("2026-01-01".into()), Value::Str("2027-01-01".into())])),
    ///     ("group_by".into(), Value::Str("window".into())),
    /// ]);
    /// let options = ReplayOptions::from_value(&v, Zone::CHINA)?;
    /// assert_eq!(options.metrics.map(|(_, g)| g), Some(GroupBy::Window));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn from_value(v: &crate::boundary::Value, zone: crate::date::Zone) -> Result<Self, Error> {
        use crate::boundary::Value;
        v.check_options("replay", &["period", "group_by", "keep_statuses"])?;
        let group = <GroupBy as crate::boundary::FromArg>::from_arg(
            v.get("group_by"),
            "group_by",
            GroupBy::Unit,
        )?;
        let metrics = match v.get("period") {
            Value::Null => None,
            p => {
                let (from, to) = p.period("period", zone)?;
                Some((Period { from, to }, group))
            }
        };
        Ok(ReplayOptions {
            metrics,
            keep_statuses: v.get("keep_statuses").flag_or("keep_statuses", true)?,
        })
    }
}

/// What a replay keeps of each case it judges (shared by the workers of a parallel replay).
#[derive(Clone, Copy)]
struct Keep<'m> {
    /// The replay's metrics, to work out what a case adds to them.
    metrics: Option<&'m Metrics>,
    /// Whether statuses are kept.
    statuses: bool,
}

/// A judged case as a replay takes it: what it adds to the metrics and its status if kept, or
/// why it could not be judged. Made where the case was judged (on any core), so that only
/// this, not every status, goes back to the replay.
enum Taken {
    Judged {
        counts: Option<super::metrics::Contribution>,
        /// Boxed: most replays keep no status, and then a case takes a few bytes.
        status: Option<Box<CaseStatus>>,
    },
    Failed(CaseError),
}

impl Keep<'_> {
    fn taken(&self, r: CaseResult) -> Taken {
        match r.status {
            Ok(s) => Taken::Judged {
                counts: self.metrics.and_then(|m| m.contribution(&s)),
                status: self.statuses.then(|| Box::new(s)),
            },
            Err(e) => Taken::Failed(e),
        }
    }
}

/// The parallel judgement of a batch (see [`Replay::push_parallel`]).
#[cfg(feature = "parallel")]
mod parallel {
    use std::ops::Deref;

    use rayon::prelude::*;

    use super::{CaseContext, CaseError, CaseEvent, CaseStream, Keep, RowError, Taken};

    /// Below this many rows a batch is judged on one core.
    pub(super) const MIN_ROWS: usize = 4096;

    /// The most rows read and judged in one parallel round.
    /// (Smaller in the unit tests, so that a test batch spans several rounds.)
    pub(super) const ROUND: usize = if cfg!(test) { 5000 } else { 1 << 16 };

    /// Pieces of a round are at least this many rows, and about `PIECE` when there are many.
    const MIN_PIECE: usize = 1024;
    const PIECE: usize = 2048;

    /// The rows of one piece of a round, read.
    struct Piece {
        /// The piece's first row (its index in the batch).
        first: usize,
        events: Vec<Result<CaseEvent, CaseError>>,
        /// Where each case begins (indices in `events`, rows read).
        starts: Vec<usize>,
        /// Its cases come in strictly increasing order.
        sorted: bool,
    }

    impl Piece {
        fn case(&self, start: usize) -> &str {
            match &self.events[start] {
                Ok(e) => e.case.as_str(),
                Err(_) => unreachable!("cases begin at rows read"),
            }
        }

        fn first_case(&self) -> Option<&str> {
            self.starts.first().map(|&s| self.case(s))
        }

        fn last_case(&self) -> Option<&str> {
            self.starts.last().map(|&s| self.case(s))
        }
    }

    /// The cases a piece judged whole: every case of the piece but its first (which may go on
    /// from the previous piece) and its last (which may go on in the next).
    struct Middle {
        errors: Vec<RowError>,
        taken: Vec<Taken>,
        /// Rows of the piece before its middle.
        head: usize,
        /// The middle's last case.
        last_case: String,
        /// The first row after the middle (its index in the batch).
        tail_row: usize,
    }

    /// Reads and judges rows `rows` of a batch (`read(i, line)` reads row `i`; the batch began
    /// at row `base` of the stream): row errors in row order, then the cases taken in case
    /// order, as the one-core path gives them. The rows are cut into pieces of about equal
    /// size; on any core, a piece is read and, when its cases come in order, the cases it holds
    /// whole are judged at once, while its rows are in that core's cache. Then, when the cases
    /// also come in order across the pieces, the main stream judges, in order, the cases at the
    /// pieces' edges and takes the rest as judged; otherwise the pieces' judgements are dropped
    /// and every row is read again and judged by the main stream alone.
    pub(super) fn judge<C, R>(
        main: &mut CaseStream<C>,
        rows: std::ops::Range<usize>,
        base: usize,
        read: &R,
        keep: Keep<'_>,
    ) -> (Vec<RowError>, Vec<Taken>)
    where
        C: Deref<Target = CaseContext> + Clone + Send + Sync,
        R: Fn(usize, usize) -> Result<CaseEvent, CaseError> + Sync,
    {
        let threads = rayon::current_num_threads();
        // Pieces of about PIECE rows (so that a piece's events stay in a core's cache between
        // being read and judged), at least four per thread.
        let count = (threads * 4)
            .max(rows.len() / PIECE)
            .min(rows.len().div_ceil(MIN_PIECE))
            .max(1);
        let per = rows.len().div_ceil(count);
        let ctx = main.ctx.clone();
        let as_of = main.as_of;
        let pieces: Vec<(Piece, Option<Middle>)> = (0..count)
            .into_par_iter()
            .map(|k| {
                let lo = (rows.start + k * per).min(rows.end);
                let hi = (lo + per).min(rows.end);
                let events: Vec<_> = (lo..hi).map(|i| read(i, base + i + 1)).collect();
                let mut starts: Vec<usize> = Vec::new();
                for (j, e) in events.iter().enumerate() {
                    if let Ok(e) = e {
                        let new_case = starts.last().is_none_or(|&s| match &events[s] {
                            Ok(first) => first.case != e.case,
                            Err(_) => true,
                        });
                        if new_case {
                            starts.push(j);
                        }
                    }
                }
                let mut piece = Piece {
                    first: lo,
                    events,
                    starts,
                    sorted: true,
                };
                piece.sorted = piece
                    .starts
                    .windows(2)
                    .all(|w| piece.case(w[0]) < piece.case(w[1]));
                let middle = (threads > 1 && piece.sorted)
                    .then(|| piece.judge_middle(&ctx, as_of, base, keep))
                    .flatten();
                (piece, middle)
            })
            .collect();
        // Sorted across the pieces too (a case may go on from one piece into the next), and
        // after the cases the main stream has seen.
        let mut sorted = pieces.iter().all(|(p, _)| p.sorted);
        let mut last: Option<&str> = None;
        for (p, _) in &pieces {
            let Some(first) = p.first_case() else {
                continue;
            };
            sorted &= match last {
                Some(l) => first >= l,
                None => {
                    main.last_finished.as_deref().is_none_or(|l| first > l)
                        && main.current().is_none_or(|c| first >= c.id())
                }
            };
            last = p.last_case();
        }
        let (mut errors, mut taken) = (Vec::new(), Vec::new());
        if !sorted {
            // Judged on one core, as the one-core path judges them: the rows are read again
            // (the pieces' judgements, made before the order was known, are dropped).
            drop(pieces);
            let events = rows.map(|i| read(i, base + i + 1));
            serial(main, events, keep, &mut errors, &mut taken);
            return (errors, taken);
        }
        for (p, middle) in pieces {
            let mut events = p.events;
            let Some(m) = middle else {
                serial(main, events, keep, &mut errors, &mut taken);
                continue;
            };
            let tail = events.split_off(m.head);
            serial(main, events, keep, &mut errors, &mut taken);
            taken.extend(main.end_case().map(|r| keep.taken(r)));
            errors.extend(m.errors);
            taken.extend(m.taken);
            main.row = base + m.tail_row;
            main.last_finished = Some(m.last_case);
            serial(main, tail, keep, &mut errors, &mut taken);
        }
        (errors, taken)
    }

    impl Piece {
        /// Judges the cases the piece holds whole (all but its first and last), taking their
        /// rows out of it; `None` for a piece of fewer than three cases.
        fn judge_middle<C>(
            &mut self,
            ctx: &C,
            as_of: chrono::NaiveDateTime,
            base: usize,
            keep: Keep<'_>,
        ) -> Option<Middle>
        where
            C: Deref<Target = CaseContext> + Clone,
        {
            let n = self.starts.len();
            if n < 3 {
                return None;
            }
            let (head, tail) = (self.starts[1], self.starts[n - 1]);
            let last_case = self.case(self.starts[n - 2]).to_string();
            let mut stream = CaseStream::new(ctx.clone(), as_of);
            stream.row = base + self.first + head;
            stream.explain = keep.statuses;
            let (mut errors, mut taken) = (Vec::new(), Vec::new());
            let rows = self.events.drain(head..tail);
            serial(&mut stream, rows, keep, &mut errors, &mut taken);
            // What is left: the first case's rows, then the last's.
            self.starts = vec![self.starts[0], head];
            taken.extend(stream.finish().map(|r| keep.taken(r)));
            Some(Middle {
                errors,
                taken,
                head,
                last_case,
                tail_row: self.first + tail,
            })
        }
    }

    /// Pushes `events` through `stream` in order, keeping the row errors and the cases taken.
    fn serial<C: Deref<Target = CaseContext>>(
        stream: &mut CaseStream<C>,
        events: impl IntoIterator<Item = Result<CaseEvent, CaseError>>,
        keep: Keep<'_>,
        errors: &mut Vec<RowError>,
        taken: &mut Vec<Taken>,
    ) {
        for e in events {
            let (err, finished) = stream.push_checked(e);
            errors.extend(err);
            taken.extend(finished.map(|r| keep.taken(r)));
        }
    }
}

fn finished() -> Error {
    Error::new(
        "argument.invalid",
        "this replay is finished; start a new one",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::metrics::{GroupBy, Period};

    /// At the end of 2026 a case still open whose due falls in 2027 (no holiday data yet) is
    /// counted, judged on the provisional calendar and marked so: never dropped.
    #[test]
    fn open_cases_at_the_end_of_a_period_are_counted_provisionally() {
        let ctx = CaseContext::sample();
        let t = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        let lines = [
            r#"{"id":"e1","case":"A","at":"2026-12-21T09:10:00","actor":"aff01","event":"receive","item":"licensing.decision","window":"W3"}"#,
            r#"{"id":"e2","case":"A","at":"2026-12-21T09:20:00","actor":"aff01","event":"accept"}"#,
            r#"{"id":"e1","case":"B","at":"2026-11-02T09:10:00","actor":"aff01","event":"receive","item":"licensing.decision","window":"W3"}"#,
            r#"{"id":"e2","case":"B","at":"2026-11-02T09:20:00","actor":"aff01","event":"accept"}"#,
        ];
        let period = Period {
            from: t("2026-01-01T00:00:00"),
            to: t("2027-01-01T00:00:00"),
        };
        let mut replay = Replay::new(&ctx, period.to, Some((period, GroupBy::Unit)), true);
        replay.push_lines(&lines).unwrap();
        replay.finish();
        assert_eq!(replay.take_errors(), vec![]);
        let statuses = replay.take_statuses();
        let a = statuses.iter().find(|s| s.case == "A").unwrap();
        assert!(a.clock.as_ref().unwrap().provisional);
        // Both are judged at 2027-01-01 00:00, a moment in a year without data.
        let m = &replay.metrics().unwrap()[0];
        assert_eq!((m.open, m.open_overdue, m.provisional), (2, 1, 2));
    }

    /// A large batch judged on every core gives what pushing its rows one by one gives: the
    /// statuses and metrics, in the same order, and the same errors (bad rows, a case out of
    /// order, a case that cannot be judged), whatever the batch boundaries (a case carried
    /// across them). Only the errors' order may differ: a batch lists its bad rows first.
    #[cfg(feature = "parallel")]
    #[test]
    fn parallel_batches_equal_one_row_at_a_time() {
        let ctx = CaseContext::sample();
        let t = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        let sample = include_str!("../../data/bureau/cases.jsonl");
        // The sample's cases four times over, renamed so that the ids stay sorted, with bad
        // rows, a case out of order and a case judged at a moment without calendar data.
        let mut lines: Vec<String> = Vec::new();
        for copy in 0..4 {
            for (i, line) in sample.lines().enumerate() {
                let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
                let case = format!("{copy}-{}", v["case"].as_str().unwrap());
                v["case"] = case.into();
                lines.push(v.to_string());
                if i % 997 == 5 {
                    lines.push("not json".into());
                }
                if i % 1499 == 7 {
                    lines.push(line.replace("\"event\":\"", "\"event\":\"x"));
                }
            }
        }
        // A case that cannot be judged (2003: before the calendar's data), between two copies.
        let between = lines
            .iter()
            .position(|l| l.contains("\"case\":\"2-"))
            .unwrap();
        for (i, event) in ["receive\",\"item\":\"licensing.decision", "accept"]
            .iter()
            .enumerate()
        {
            lines.insert(
                between + i,
                format!(r#"{{"id":"e{i}","case":"1-ZZZ","at":"2003-05-05T09:1{i}:00","actor":"aff01","event":"{event}"}}"#),
            );
        }
        // A case of 2,500 rows, longer than a parallel piece: it spans several.
        let long = (0..2500).map(|i| {
            let kind = if i == 0 { r#""inquiry","channel":"phone""# } else { r#""answer""# };
            format!(r#"{{"id":"q{i}","case":"1-ZZY","at":"2026-03-02T09:00:00","actor":"off01","event":{kind}}}"#)
        });
        lines.splice(between..between, long);
        let n = lines.len();
        lines.insert(n * 9 / 10, lines[10].clone());
        let period = Period {
            from: t("2020-01-01T00:00:00"),
            to: t("2027-01-01T00:00:00"),
        };
        let run = |chunks: &[usize], threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut replay = Replay::new(&ctx, period.to, Some((period, GroupBy::Unit)), true);
            let mut at = 0;
            for &size in chunks.iter().chain(std::iter::repeat(&usize::MAX)) {
                if at >= lines.len() {
                    break;
                }
                let end = at.saturating_add(size).min(lines.len());
                let chunk: Vec<&str> = lines[at..end].iter().map(String::as_str).collect();
                pool.install(|| replay.push_lines(&chunk)).unwrap();
                at = end;
            }
            replay.finish();
            (
                replay.take_statuses(),
                replay.take_errors(),
                replay.metrics(),
            )
        };
        let sorted = |mut errors: Vec<Error>| {
            errors.sort_by_key(|e| (e.row, e.message.clone()));
            errors
        };
        let mut one_by_one = run(&vec![1; lines.len()], 1);
        one_by_one.1 = sorted(one_by_one.1);
        assert!(one_by_one.1.len() > 5, "the input has bad rows");
        for code in [
            "case.unsorted_input",
            "calendar.year_not_covered",
            "case.malformed_line",
        ] {
            assert!(one_by_one.1.iter().any(|e| e.code == code), "{code}");
        }
        for chunks in [
            vec![usize::MAX],
            vec![9000],
            vec![4100, 5000],
            vec![4097; 4],
            vec![6000, 30, 4500],
        ] {
            for threads in [1, 2, 4] {
                let together = run(&chunks, threads);
                let at = format!("chunks {chunks:?}, {threads} threads");
                assert_eq!(together.0, one_by_one.0, "statuses, {at}");
                assert_eq!(sorted(together.1), one_by_one.1, "errors, {at}");
                assert_eq!(together.2, one_by_one.2, "metrics, {at}");
            }
        }
    }

    /// A replay that keeps no status writes no finding message or evidence, and counts the
    /// same: each case judged so is the case judged in full, messages and evidence emptied.
    #[test]
    fn a_replay_that_keeps_no_status_counts_the_same() {
        let ctx = CaseContext::sample();
        let t = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        let lines: Vec<&str> = include_str!("../../data/bureau/cases.jsonl")
            .lines()
            .collect();
        let period = Period {
            from: t("2026-01-01T00:00:00"),
            to: t("2027-01-01T00:00:00"),
        };
        for group in [GroupBy::Unit, GroupBy::Item, GroupBy::Handler] {
            let run = |keep: bool| {
                let mut replay = Replay::new(&ctx, period.to, Some((period, group)), keep);
                replay.push_lines(&lines).unwrap();
                replay.finish();
                (replay.metrics(), replay.take_errors())
            };
            assert_eq!(run(false), run(true), "{group:?}");
        }
        let events = crate::case::parse_lines(&lines.join("\n")).unwrap();
        let mut judged = 0;
        for case in events.chunk_by(|a, b| a.case == b.case) {
            let mut c = Case::new(&case[0].case);
            for e in case {
                c.append(&ctx, e.clone()).unwrap();
            }
            for as_of in [t("2026-07-01T00:00:00"), period.to] {
                let (Ok(mut full), Ok(bare)) = (c.status(&ctx, as_of), c.judge(&ctx, as_of, false))
                else {
                    continue;
                };
                judged += 1;
                for f in &mut full.findings {
                    f.text.clear();
                    f.args = Default::default();
                    f.events.clear();
                    f.people.clear();
                }
                for r in &mut full.level_reasons {
                    r.text.clear();
                    r.events.clear();
                }
                assert_eq!(bare, full, "case {}", c.id());
            }
        }
        assert!(judged > 700, "{judged} statuses compared");
    }

    #[test]
    fn a_case_that_cannot_be_judged_is_named() {
        let ctx = CaseContext::sample();
        // Before the data: the provisional calendar does not answer either.
        let mut replay = Replay::new(&ctx, "2003-06-01T00:00:00".parse().unwrap(), None, true);
        replay
            .push_lines(&[
                r#"{"id":"e1","case":"Z9","at":"2003-05-05T09:10:00","actor":"aff01","event":"receive","item":"licensing.decision"}"#,
                r#"{"id":"e2","case":"Z9","at":"2003-05-05T09:20:00","actor":"aff01","event":"accept"}"#,
            ])
            .unwrap();
        replay.finish();
        let errors = replay.take_errors();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.starts_with("case Z9: "),
            "{}",
            errors[0].message
        );
    }
}
