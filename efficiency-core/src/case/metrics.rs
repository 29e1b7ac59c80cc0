//! Metrics over many cases (docs/domain.md §12), each with its denominator.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{CaseStatus, CompactString, Stage};
use crate::clock::{Level, Outcome};

/// The period: cases concluded in `[from, to)` are counted as concluded; open cases are
/// counted as they stand at `to`. Judge the cases at `as_of = to`.
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::Period;
/// let year = Period { from: t("2026-01-01 00:00"), to: t("2027-01-01 00:00") };
/// assert!(year.from < year.to);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period {
    /// Start, inclusive.
    pub from: NaiveDateTime,
    /// End, exclusive; the moment open cases are judged.
    pub to: NaiveDateTime,
}

/// What to group by.
///
/// ```
/// use efficiency_core::case::GroupBy;
/// assert_eq!(GroupBy::from_name("window"), Some(GroupBy::Window));
/// assert_eq!(GroupBy::Unit.as_str(), "unit");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// The handler's unit.
    Unit,
    /// The service item.
    Item,
    /// The window where it was received.
    Window,
    /// The handler.
    Handler,
    /// One row for everything.
    All,
}

crate::names!(GroupBy {
    Unit => "unit",
    Item => "item",
    Window => "window",
    Handler => "handler",
    All => "all",
});

impl std::str::FromStr for GroupBy {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        GroupBy::from_name(s).ok_or_else(|| {
            format!(
                "group_by must be one of {}; not {s:?}",
                GroupBy::NAMES.join(", ")
            )
        })
    }
}

/// Counts for one group. Rates are numerator ÷ the named denominator, `None` when it is 0.
/// Read back (for scoring) with every count optional except `group`; derived rates are ignored.
///
/// ```
/// use efficiency_core::case::metrics::merge_rows;
/// use efficiency_core::case::MetricsRow;
/// let row = MetricsRow { group: "office".into(), concluded: 4, on_time: 3, ..MetricsRow::default() };
/// assert_eq!(merge_rows(vec![row])[0].on_time_rate, Some(0.75));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MetricsRow {
    /// The group's key (`-` when the case has none, e.g. no window).
    pub group: String,
    /// Denominator of the completion rates: cases concluded in the period.
    #[serde(default)]
    pub concluded: u64,
    /// Of them, concluded during the visit.
    #[serde(default)]
    pub on_the_spot: u64,
    /// Of them, concluded by the promised due (early or on time).
    #[serde(default)]
    pub on_time: u64,
    /// Of them, concluded with at least one unit to spare.
    #[serde(default)]
    pub early: u64,
    /// Of them, with a valid extension.
    #[serde(default)]
    pub extended: u64,
    /// Sum of workdays used by them (suspensions excluded).
    #[serde(default)]
    pub workdays_used: f64,
    /// Cases accepted and not concluded at the period's end.
    #[serde(default)]
    pub open: u64,
    /// Of them, past their promised due (yellow or red).
    #[serde(default)]
    pub open_overdue: u64,
    /// Cases counted here (concluded in the period, or open at its end) whose case supervision
    /// level is yellow: at conclusion, or at the period's end (docs/domain.md §4.4).
    #[serde(default)]
    pub yellow: u64,
    /// The same at red (past the statutory due, or a serious fault).
    #[serde(default)]
    pub red: u64,
    /// Cases counted here whose clock rests on a provisional calendar year (a year without
    /// holiday data: weekends only); their dues may move when the year's notice is loaded.
    #[serde(default)]
    pub provisional: u64,
}

/// A group's counts with their rates (each `None` when its denominator is 0): what metrics
/// report in every language. (A flat record, not `MetricsRow` flattened: every result is a
/// plain struct so the bindings' one converter and the generated types see its fields.)
///
/// ```
/// use efficiency_core::case::metrics::merge_rows;
/// use efficiency_core::case::MetricsRow;
/// let m = &merge_rows(vec![MetricsRow { group: "office".into(), concluded: 2, early: 1, ..MetricsRow::default() }])[0];
/// assert_eq!((m.group.as_str(), m.concluded, m.early_rate), ("office", 2, Some(0.5)));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GroupMetrics {
    /// The group's key (`-` when the case has none).
    pub group: String,
    /// Cases concluded in the period (the completion rates' denominator).
    pub concluded: u64,
    /// Of them, concluded during the visit.
    pub on_the_spot: u64,
    /// Of them, concluded by the promised due.
    pub on_time: u64,
    /// Of them, concluded with at least one unit to spare.
    pub early: u64,
    /// Of them, with a valid extension.
    pub extended: u64,
    /// Sum of workdays used by them.
    pub workdays_used: f64,
    /// Cases open at the period's end.
    pub open: u64,
    /// Of them, past their promised due.
    pub open_overdue: u64,
    /// Cases counted here at a yellow case level (at conclusion, or at the period's end).
    pub yellow: u64,
    /// Cases counted here at a red case level.
    pub red: u64,
    /// Cases counted here on a provisional calendar year (their dues may move).
    pub provisional: u64,
    /// on_the_spot ÷ concluded.
    pub on_the_spot_rate: Option<f64>,
    /// on_time ÷ concluded.
    pub on_time_rate: Option<f64>,
    /// early ÷ concluded.
    pub early_rate: Option<f64>,
    /// extended ÷ concluded.
    pub extension_rate: Option<f64>,
    /// workdays_used ÷ concluded.
    pub average_workdays_used: Option<f64>,
}

impl From<MetricsRow> for GroupMetrics {
    fn from(r: MetricsRow) -> Self {
        GroupMetrics {
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
            yellow: r.yellow,
            red: r.red,
            provisional: r.provisional,
        }
    }
}

fn rate(n: u64, d: u64) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

impl MetricsRow {
    /// on_the_spot ÷ concluded.
    ///
    /// ```
    /// use efficiency_core::case::metrics::merge_rows;
    /// use efficiency_core::case::MetricsRow;
    /// let row = MetricsRow { group: "W2".into(), concluded: 4, on_the_spot: 1, ..MetricsRow::default() };
    /// assert_eq!(row.on_the_spot_rate(), Some(0.25));
    /// assert_eq!(merge_rows(vec![row])[0].on_the_spot_rate, Some(0.25));
    /// ```
    pub fn on_the_spot_rate(&self) -> Option<f64> {
        rate(self.on_the_spot, self.concluded)
    }
    /// on_time ÷ concluded.
    ///
    /// ```
    /// use efficiency_core::case::metrics::merge_rows;
    /// use efficiency_core::case::MetricsRow;
    /// // No case concluded: no rate (not 0 %, not 100 %).
    /// let row = MetricsRow { group: "office".into(), ..MetricsRow::default() };
    /// assert_eq!(row.on_time_rate(), None);
    /// assert_eq!(merge_rows(vec![row])[0].on_time_rate, None);
    /// ```
    pub fn on_time_rate(&self) -> Option<f64> {
        rate(self.on_time, self.concluded)
    }
    /// early ÷ concluded.
    ///
    /// ```
    /// use efficiency_core::case::metrics::merge_rows;
    /// use efficiency_core::case::MetricsRow;
    /// let row = MetricsRow { group: "office".into(), concluded: 5, early: 2, ..MetricsRow::default() };
    /// assert_eq!(row.early_rate(), Some(0.4));
    /// assert_eq!(merge_rows(vec![row])[0].early_rate, Some(0.4));
    /// ```
    pub fn early_rate(&self) -> Option<f64> {
        rate(self.early, self.concluded)
    }
    /// extended ÷ concluded.
    ///
    /// ```
    /// use efficiency_core::case::metrics::merge_rows;
    /// use efficiency_core::case::MetricsRow;
    /// let row = MetricsRow { group: "office".into(), concluded: 10, extended: 1, ..MetricsRow::default() };
    /// assert_eq!(row.extension_rate(), Some(0.1));
    /// assert_eq!(merge_rows(vec![row])[0].extension_rate, Some(0.1));
    /// ```
    pub fn extension_rate(&self) -> Option<f64> {
        rate(self.extended, self.concluded)
    }
    /// workdays_used ÷ concluded.
    ///
    /// ```
    /// use efficiency_core::case::metrics::merge_rows;
    /// use efficiency_core::case::MetricsRow;
    /// let row = MetricsRow { group: "office".into(), concluded: 2, workdays_used: 7.0, ..MetricsRow::default() };
    /// assert_eq!(row.average_workdays_used(), Some(3.5));
    /// assert_eq!(merge_rows(vec![row])[0].average_workdays_used, Some(3.5));
    /// ```
    pub fn average_workdays_used(&self) -> Option<f64> {
        (self.concluded > 0).then(|| self.workdays_used / self.concluded as f64)
    }
}

/// Merges partial metrics (several rows per group, e.g. one per Spark partition or per file):
/// counts are summed per group and the rates computed from the sums. Groups come out sorted.
///
/// ```
/// use efficiency_core::case::metrics::{merge_rows, MetricsRow};
/// let part = |concluded, on_time| MetricsRow { group: "affairs".into(), concluded, on_time, ..MetricsRow::default() };
/// let merged = merge_rows(vec![part(3, 3), part(1, 0)]);
/// assert_eq!((merged[0].concluded, merged[0].on_time_rate), (4, Some(0.75)));
/// ```
pub fn merge_rows(rows: Vec<MetricsRow>) -> Vec<GroupMetrics> {
    let mut m = Metrics {
        period: Period {
            from: NaiveDateTime::MIN,
            to: NaiveDateTime::MAX,
        },
        group_by: GroupBy::All,
        rows: BTreeMap::new(),
    };
    for r in rows {
        m.absorb(r.group.clone(), &r);
    }
    m.rows().into_iter().map(GroupMetrics::from).collect()
}

/// Accumulates case statuses into rows; memory grows with the number of groups, not cases.
///
/// ```
/// use efficiency_core::case::{Case, CaseContext, Metrics, Period};
/// use efficiency_core::case::metrics::GroupBy;
/// let ctx = CaseContext::sample();
/// let log = r#"{"id":"e1","case":"C1","at":"2026-11-02T09:30:00","actor":"mar01","event":"receive","item":"civil.marriage_registration","window":"W2"}
/// {"id":"e2","case":"C1","at":"2026-11-02T09:31:00","actor":"mar01","event":"accept"}
/// {"id":"e3","case":"C1","at":"2026-11-02T10:05:00","actor":"mar01","event":"conclude","outcome":"granted","on_the_spot":true}"#;
/// let case = Case::from_jsonl(&ctx, log)?;
/// let period = Period { from: "2026-11-01T00:00:00".parse().unwrap(), to: "2026-12-01T00:00:00".parse().unwrap() };
/// let mut m = Metrics::new(period, GroupBy::Unit);
/// m.add(&case.status(&ctx, period.to)?);
/// let rows = m.rows();
/// assert_eq!((rows[0].group.as_str(), rows[0].concluded, rows[0].on_the_spot_rate()), ("marriage", 1, Some(1.0)));
/// # Ok::<(), efficiency_core::case::CaseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Metrics {
    period: Period,
    group_by: GroupBy,
    rows: BTreeMap<String, MetricsRow>,
}

/// What one case adds to [`Metrics`] ([`Metrics::contribution`]).
#[derive(Debug, Clone)]
pub(crate) struct Contribution {
    group: CompactString,
    /// Concluded in the period (else open).
    concluded: bool,
    on_the_spot: bool,
    on_time: bool,
    early: bool,
    extended: bool,
    workdays_used: Option<f64>,
    /// Open past its promised due.
    overdue: bool,
    provisional: bool,
    level: Level,
}

impl Metrics {
    /// Empty metrics for `period`, grouped by `group_by`.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{GroupBy, Metrics, Period};
    /// let m = Metrics::new(Period { from: t("2026-01-01 00:00"), to: t("2027-01-01 00:00") }, GroupBy::Window);
    /// assert!(m.rows().is_empty());
    /// ```
    pub fn new(period: Period, group_by: GroupBy) -> Self {
        Metrics {
            period,
            group_by,
            rows: BTreeMap::new(),
        }
    }

    /// Counts one case (its status should be judged at `period.to`).
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{CaseContext, GroupBy, Metrics, Period, Replay};
    /// let ctx = CaseContext::sample();
    /// let mut replay = Replay::new(&ctx, t("2026-12-01 00:00"), None, true);
    /// let lines = [
    ///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
    ///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
    ///     r#"{"id":"e3","case":"A","at":"2026-10-09T10:00:00","actor":"soc01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
    ///     r#"{"id":"e1","case":"B","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#,
    /// ];
    /// replay.push_lines(&lines)?;
    /// replay.finish();
    /// let mut m = Metrics::new(Period { from: t("2026-01-01 00:00"), to: t("2027-01-01 00:00") }, GroupBy::Unit);
    /// for s in replay.take_statuses() {
    ///     m.add(&s);
    /// }
    /// assert_eq!((m.rows()[0].group.as_str(), m.rows()[0].concluded, m.rows()[0].on_time), ("social_org", 1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, s: &CaseStatus) {
        if let Some(c) = self.contribution(s) {
            self.add_contribution(&c);
        }
    }

    /// What one case adds to the counts, if anything (a case neither concluded in the period
    /// nor open adds nothing). Worked out where the case is judged, so that a parallel replay
    /// hands the counts a few numbers per case instead of its status, and adds them in case
    /// order (the sums, `workdays_used` too, are those of the one-core path).
    pub(crate) fn contribution(&self, s: &CaseStatus) -> Option<Contribution> {
        let concluded = s
            .concluded_at
            .is_some_and(|c| c >= self.period.from && c < self.period.to);
        let open = s.stage == Stage::Accepted;
        if !concluded && !open {
            return None;
        }
        let group = match self.group_by {
            GroupBy::Unit => s.unit.as_deref(),
            GroupBy::Item => s.item.as_deref(),
            GroupBy::Window => s.window.as_deref(),
            GroupBy::Handler => s.handler.as_deref(),
            GroupBy::All => Some("all"),
        }
        .unwrap_or("-");
        let clock = s.clock.as_ref();
        Some(Contribution {
            group: group.into(),
            concluded,
            on_the_spot: s.on_the_spot == Some(true),
            on_time: clock
                .is_some_and(|c| matches!(c.outcome, Some(Outcome::Early | Outcome::OnTime))),
            early: clock.is_some_and(|c| c.outcome == Some(Outcome::Early)),
            extended: clock.is_some_and(|c| c.extended_by > 0),
            workdays_used: clock.map(|c| c.elapsed_workdays),
            overdue: clock.is_some_and(|c| c.level >= Level::Yellow),
            provisional: clock.is_some_and(|c| c.provisional),
            level: s.level,
        })
    }

    /// Adds what [`Metrics::contribution`] worked out.
    pub(crate) fn add_contribution(&mut self, c: &Contribution) {
        // The group's row, made (and its key copied) only the first time.
        if !self.rows.contains_key(c.group.as_str()) {
            let row = MetricsRow {
                group: c.group.to_string(),
                ..MetricsRow::default()
            };
            self.rows.insert(c.group.to_string(), row);
        }
        let row = self.rows.get_mut(c.group.as_str()).expect("inserted above");
        row.provisional += u64::from(c.provisional);
        row.yellow += u64::from(c.level == Level::Yellow);
        row.red += u64::from(c.level == Level::Red);
        if c.concluded {
            row.concluded += 1;
            row.on_the_spot += u64::from(c.on_the_spot);
            row.on_time += u64::from(c.on_time);
            row.early += u64::from(c.early);
            row.extended += u64::from(c.extended);
            if let Some(w) = c.workdays_used {
                row.workdays_used += w;
            }
        } else {
            row.open += 1;
            row.open_overdue += u64::from(c.overdue);
        }
    }

    /// Merges another accumulator of the same period and grouping (for parallel work).
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{GroupBy, Metrics, Period};
    /// let year = Period { from: t("2026-01-01 00:00"), to: t("2027-01-01 00:00") };
    /// let (mut a, b) = (Metrics::new(year, GroupBy::Unit), Metrics::new(year, GroupBy::Unit));
    /// a.merge(b);
    /// assert_eq!(a.period(), year);
    /// ```
    pub fn merge(&mut self, other: Metrics) {
        for (k, r) in other.rows {
            self.absorb(k, &r);
        }
    }

    fn absorb(&mut self, k: String, r: &MetricsRow) {
        let row = self.rows.entry(k.clone()).or_insert_with(|| MetricsRow {
            group: k,
            ..MetricsRow::default()
        });
        row.concluded += r.concluded;
        row.on_the_spot += r.on_the_spot;
        row.on_time += r.on_time;
        row.early += r.early;
        row.extended += r.extended;
        row.workdays_used += r.workdays_used;
        row.open += r.open;
        row.open_overdue += r.open_overdue;
        row.yellow += r.yellow;
        row.red += r.red;
        row.provisional += r.provisional;
    }

    /// The rows, by group key.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{GroupBy, Metrics, Period};
    /// let m = Metrics::new(Period { from: t("2026-01-01 00:00"), to: t("2027-01-01 00:00") }, GroupBy::Unit);
    /// assert!(m.rows().is_empty());
    /// ```
    pub fn rows(&self) -> Vec<MetricsRow> {
        self.rows.values().cloned().collect()
    }

    /// The period.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::{GroupBy, Metrics, Period};
    /// let year = Period { from: t("2026-01-01 00:00"), to: t("2027-01-01 00:00") };
    /// assert_eq!(Metrics::new(year, GroupBy::All).period().to, t("2027-01-01 00:00"));
    /// ```
    pub fn period(&self) -> Period {
        self.period
    }
}
