//! Streaming replay: events sorted by case id, in batches of any size; a case may continue
//! across batch boundaries. One result or error per row; one status per case.

use std::ops::Deref;

use chrono::NaiveDateTime;

use serde::Serialize;

use super::metrics::{GroupBy, GroupMetrics, Metrics, Period};
use super::{Case, CaseContext, CaseError, CaseEvent, CaseStatus, CompactString};
use crate::error::Error;

/// A row (event) that was not taken; the case goes on without it.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// Zero-based row across everything pushed so far.
    pub row: usize,
    /// Why.
    pub error: CaseError,
}

/// A finished case: its status at the stream's `as_of`, or why it could not be judged.
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
    current: Option<Case>,
    /// The last case judged, emptied, whose buffers the next case reuses.
    spare: Option<Case>,
    last_finished: Option<String>,
    row: usize,
}

impl<C: Deref<Target = CaseContext>> CaseStream<C> {
    /// A stream judging each case at `as_of`; `ctx` is `&CaseContext` or `Arc<CaseContext>`.
    pub fn new(ctx: C, as_of: NaiveDateTime) -> Self {
        CaseStream {
            ctx,
            provisional: None,
            as_of,
            current: None,
            spare: None,
            last_finished: None,
            row: 0,
        }
    }

    /// Takes one JSON line.
    pub fn push_line(&mut self, line: &str) -> (Option<RowError>, Option<CaseResult>) {
        let event = CaseEvent::parse_line(line, self.row + 1);
        self.push_checked(event)
    }

    /// Takes one event row (a table row); as [`CaseStream::push_line`].
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
    pub fn push(&mut self, event: CaseEvent) -> (Option<RowError>, Option<CaseResult>) {
        let row = self.row;
        self.row += 1;
        let mut finished = None;
        let same_case = match &self.current {
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
        let spare = &mut self.spare;
        let case = self.current.get_or_insert_with(|| match spare.take() {
            Some(mut c) => {
                c.reset(&event.case);
                c
            }
            None => Case::new(&event.case),
        });
        let error = case.append(&self.ctx, event).err().map(|error| RowError {
            row,
            error: error.at_line(Some(row + 1)),
        });
        (error, finished)
    }

    fn finish_current(&mut self) -> Option<CaseResult> {
        let case = self.current.take()?;
        match &mut self.last_finished {
            Some(last) => {
                last.clear();
                last.push_str(case.id());
            }
            None => self.last_finished = Some(case.id().to_string()),
        }
        if case.events().is_empty() {
            self.spare = Some(case);
            return None;
        }
        let status = match case.status(&self.ctx, self.as_of) {
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
                case.status(ctx, self.as_of).map_err(|_| e)
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
        self.spare = Some(case);
        Some(result)
    }

    /// Judges the current case now, as if the next row began another case.
    #[cfg(feature = "parallel")]
    fn end_case(&mut self) -> Option<CaseResult> {
        self.finish_current()
    }

    /// Ends the stream, returning the last case.
    pub fn finish(mut self) -> Option<CaseResult> {
        self.finish_current()
    }

    /// Rows pushed so far.
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
    pub fn new(o: ReplayOutput, ctx: &CaseContext) -> Self {
        ReplayTables {
            findings: o
                .statuses
                .iter()
                .flat_map(|s| s.finding_rows(&ctx.roster))
                .collect(),
            statuses: o.statuses.iter().map(|s| s.row()).collect(),
            errors: o.errors,
            metrics: o.metrics,
        }
    }
}

impl<C: Deref<Target = CaseContext> + Clone + Send + Sync> Replay<C> {
    /// A replay judging each case at `as_of`; with `metrics = Some((period, group_by))` it also
    /// counts every judged case. `keep = false` keeps no statuses (metrics only).
    pub fn new(
        ctx: C,
        as_of: NaiveDateTime,
        metrics: Option<(Period, GroupBy)>,
        keep: bool,
    ) -> Self {
        Replay {
            stream: Some(CaseStream::new(ctx.clone(), as_of)),
            ctx,
            metrics: metrics.map(|(p, g)| Metrics::new(p, g)),
            keep,
            statuses: Vec::new(),
            errors: Vec::new(),
            cases: 0,
        }
    }

    fn take(&mut self, r: CaseResult) {
        self.cases += 1;
        match r.status {
            Ok(s) => {
                if let Some(m) = &mut self.metrics {
                    m.add(&s);
                }
                if self.keep {
                    self.statuses.push(s);
                }
            }
            Err(e) => self.errors.push(e.into()),
        }
    }

    /// Takes a chunk of JSON lines (blank lines are skipped). Errors only when the replay is
    /// finished (`replay.finished`); a bad row is kept in [`Replay::take_errors`].
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
    /// (its bad rows in row order, then the cases that could not be judged). The rows are read
    /// in parallel, then cut at case boundaries into pieces judged in parallel, each case whole
    /// in one piece; the first case (which may continue a case of the previous batch) and the
    /// last (which may go on in the next) are judged by the replay's own stream. Rows not sorted
    /// by case id are judged on one core.
    #[cfg(feature = "parallel")]
    pub fn push_parallel(
        &mut self,
        len: usize,
        read: impl Fn(usize, usize) -> Result<CaseEvent, CaseError> + Sync,
    ) -> Result<(), Error> {
        use rayon::prelude::*;
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
            let events: Vec<Result<CaseEvent, CaseError>> = (from..to)
                .into_par_iter()
                .map(|i| read(i, base + i + 1))
                .collect();
            let (row_errors, results) = parallel::judge(stream, events);
            for e in row_errors {
                self.errors.push(Error::from(e.error).in_row(e.row));
            }
            for r in results {
                self.take(r);
            }
            from = to;
        }
        Ok(())
    }

    /// Ends the input: the last case is judged. Finishing twice does nothing.
    pub fn finish(&mut self) {
        if let Some(r) = self.stream.take().and_then(CaseStream::finish) {
            self.take(r);
        }
    }

    /// Statuses of the cases judged since the last call.
    pub fn take_statuses(&mut self) -> Vec<CaseStatus> {
        std::mem::take(&mut self.statuses)
    }

    /// Errors since the last call: a bad row has its `row` (0-based across everything pushed);
    /// a case that could not be judged as a whole has none.
    pub fn take_errors(&mut self) -> Vec<Error> {
        std::mem::take(&mut self.errors)
    }

    /// The context cases are judged against.
    pub fn context(&self) -> &CaseContext {
        &self.ctx
    }

    /// Cases judged so far.
    pub fn cases(&self) -> usize {
        self.cases
    }

    /// Metrics per group, when a period was given.
    pub fn metrics(&self) -> Option<Vec<GroupMetrics>> {
        self.metrics
            .as_ref()
            .map(|m| m.rows().into_iter().map(GroupMetrics::from).collect())
    }

    /// Runs a list of event rows at once (a table), as tables.
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
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReplayOptions {
    /// The metrics period and grouping, if metrics are wanted.
    pub metrics: Option<(Period, GroupBy)>,
    /// Whether statuses are kept.
    pub keep_statuses: bool,
}

impl ReplayOptions {
    /// Options from a mapping (missing entries keep their defaults; unknown names are errors).
    pub fn from_value(v: &crate::boundary::Value, zone: crate::date::Zone) -> Result<Self, Error> {
        use crate::boundary::Value;
        v.check_options("replay", &["period", "group_by", "keep_statuses"])?;
        let group = GroupBy::from_arg(v.get("group_by"), "group_by", GroupBy::Unit)?;
        let metrics = match v.get("period") {
            Value::Null => None,
            p => {
                let p = p.list("period")?;
                if p.len() != 2 {
                    return Err(Error::new(
                        "argument.invalid",
                        format!("period must be [from, to], not {} values", p.len()),
                    )
                    .with_field("period"));
                }
                let period = Period {
                    from: p[0].time("period[0]", zone)?,
                    to: p[1].time("period[1]", zone)?,
                };
                Some((period, group))
            }
        };
        Ok(ReplayOptions {
            metrics,
            keep_statuses: v.get("keep_statuses").flag_or("keep_statuses", true)?,
        })
    }
}

/// The parallel judgement of a batch (see [`Replay::push_parallel`]).
#[cfg(feature = "parallel")]
mod parallel {
    use std::ops::Deref;

    use rayon::prelude::*;

    use super::{CaseContext, CaseError, CaseEvent, CaseResult, CaseStream, RowError};

    /// Below this many rows a batch is judged on one core.
    pub(super) const MIN_ROWS: usize = 4096;

    /// The most rows read and judged in one parallel round.
    /// (Smaller in the unit tests, so that a test batch spans several rounds.)
    pub(super) const ROUND: usize = if cfg!(test) { 5000 } else { 1 << 16 };

    type Judged = (Vec<RowError>, Vec<CaseResult>);

    /// Judges read rows: row errors in row order, then the cases finished, in case order (as
    /// the one-core path gives for a batch).
    pub(super) fn judge<C>(
        main: &mut CaseStream<C>,
        events: Vec<Result<CaseEvent, CaseError>>,
    ) -> Judged
    where
        C: Deref<Target = CaseContext> + Clone + Send + Sync,
    {
        // Where each case begins: (row, case id), for rows that were read.
        let mut starts: Vec<(usize, &str)> = Vec::new();
        for (i, e) in events.iter().enumerate() {
            if let Ok(e) = e {
                if starts.last().is_none_or(|(_, c)| *c != e.case.as_str()) {
                    starts.push((i, e.case.as_str()));
                }
            }
        }
        let sorted = starts.windows(2).all(|w| w[0].1 < w[1].1)
            && starts.first().is_none_or(|(_, first)| {
                main.last_finished
                    .as_deref()
                    .is_none_or(|last| *first > last)
                    && main.current.as_ref().is_none_or(|c| *first >= c.id())
            });
        let threads = rayon::current_num_threads();
        if !sorted || starts.len() < 3 || threads < 2 {
            return serial(main, events);
        }
        // Cases 1 .. n-2 are whole in this batch: cut them into pieces of about equal rows.
        let (first_end, last_start) = (starts[1].0, starts[starts.len() - 1].0);
        let pieces = (threads * 4).min(starts.len() - 2);
        let per_piece = (last_start - first_end).div_ceil(pieces);
        let mut cuts = vec![first_end];
        for &(row, _) in &starts[2..starts.len() - 1] {
            if row - cuts[cuts.len() - 1] >= per_piece {
                cuts.push(row);
            }
        }
        cuts.push(last_start);
        let last_middle_case = starts[starts.len() - 2].1.to_string();
        let base = main.rows();
        let mut events = events;
        let tail: Vec<_> = events.drain(last_start..).collect();
        let mut middle: Vec<Vec<_>> = Vec::with_capacity(cuts.len() - 1);
        for w in cuts.windows(2).rev() {
            middle.push(events.drain(w[0]..).collect());
        }
        middle.reverse();
        let head = events;

        let (mut row_errors, mut results) = serial(main, head);
        results.extend(main.end_case());
        let ctx = main.ctx.clone();
        let as_of = main.as_of;
        let judged: Vec<Judged> = middle
            .into_par_iter()
            .zip(cuts.par_windows(2))
            .map(|(rows, w)| {
                let mut stream = CaseStream::new(ctx.clone(), as_of);
                stream.row = base + w[0];
                let (errors, mut done) = serial(&mut stream, rows);
                done.extend(stream.finish());
                (errors, done)
            })
            .collect();
        for (errors, done) in judged {
            row_errors.extend(errors);
            results.extend(done);
        }
        main.row = base + last_start;
        main.last_finished = Some(last_middle_case);
        let (errors, done) = serial(main, tail);
        row_errors.extend(errors);
        results.extend(done);
        (row_errors, results)
    }

    fn serial<C: Deref<Target = CaseContext>>(
        stream: &mut CaseStream<C>,
        events: Vec<Result<CaseEvent, CaseError>>,
    ) -> Judged {
        let (mut errors, mut done) = (Vec::new(), Vec::new());
        for e in events {
            let (err, finished) = stream.push_checked(e);
            errors.extend(err);
            done.extend(finished);
        }
        (errors, done)
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
        let n = lines.len();
        lines.insert(n * 9 / 10, lines[10].clone());
        let period = Period {
            from: t("2020-01-01T00:00:00"),
            to: t("2027-01-01T00:00:00"),
        };
        let run = |chunks: &[usize]| {
            let mut replay = Replay::new(&ctx, period.to, Some((period, GroupBy::Unit)), true);
            let mut at = 0;
            for &size in chunks.iter().chain(std::iter::repeat(&usize::MAX)) {
                if at >= lines.len() {
                    break;
                }
                let end = at.saturating_add(size).min(lines.len());
                let chunk: Vec<&str> = lines[at..end].iter().map(String::as_str).collect();
                replay.push_lines(&chunk).unwrap();
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
        let mut one_by_one = run(&vec![1; lines.len()]);
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
            let together = run(&chunks);
            assert_eq!(together.0, one_by_one.0, "statuses, chunks {chunks:?}");
            assert_eq!(
                sorted(together.1),
                one_by_one.1,
                "errors, chunks {chunks:?}"
            );
            assert_eq!(together.2, one_by_one.2, "metrics, chunks {chunks:?}");
        }
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
