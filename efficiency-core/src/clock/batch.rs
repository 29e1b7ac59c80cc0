//! Many simple clocks at once, from arrays: the shape analysts and Arrow-based engines need.
//! One result or one error per row; no row affects another.

use chrono::{DateTime, NaiveDateTime};

use super::reckon::Reckoner;
use super::{ClockConfig, ClockError, Level, Outcome, TimeLimit, TimeUnit};
use crate::calendar::{Calendar, MISSING};

/// Columns of a batch. Times are seconds since 1970-01-01T00:00 in local (bureau) time, as in
/// numpy `datetime64[s]`; [`MISSING`] marks a missing value. `amount`, `unit` and `as_of`
/// have one entry per row or a single entry for every row.
#[derive(Debug, Clone, Copy)]
pub struct BatchInput<'a> {
    /// When each case was accepted; a missing one gives a missing result (no error).
    pub accepted_at: &'a [i64],
    /// Promised limit amount.
    pub amount: &'a [i64],
    /// Unit of the limits.
    pub unit: &'a [TimeUnit],
    /// Statutory limit amount in the same unit; `None`: the same as `amount`.
    pub statutory_amount: Option<&'a [i64]>,
    /// When each case was concluded; `None` or [`MISSING`]: still open.
    pub concluded_at: Option<&'a [i64]>,
    /// The moment to judge at.
    pub as_of: &'a [i64],
}

/// Level codes in [`BatchOutput::level`]: index into `["normal", "reminder", "yellow", "red"]`.
pub const LEVEL_NAMES: &[&str] = Level::NAMES;
/// Outcome codes in [`BatchOutput::outcome`]: index into `["early", "on_time", "late"]`; -1: open.
pub const OUTCOME_NAMES: &[&str] = Outcome::NAMES;

/// Result columns; a missing or failed row has [`MISSING`] times, NaN remaining and -1 codes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchOutput {
    /// Promised due, seconds since 1970-01-01T00:00.
    pub promised_due: Vec<i64>,
    /// Statutory due.
    pub statutory_due: Vec<i64>,
    /// Remaining before the promised due, in the limit's unit (negative when overdue).
    pub remaining: Vec<f64>,
    /// Supervision level code (see [`LEVEL_NAMES`]).
    pub level: Vec<i8>,
    /// Outcome code (see [`OUTCOME_NAMES`]), -1 for open cases.
    pub outcome: Vec<i8>,
}

/// A row that failed.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockRowError {
    /// Zero-based row.
    pub row: usize,
    /// Why.
    pub error: ClockError,
}

fn pick<T: Copy>(col: &[T], row: usize) -> T {
    if col.len() == 1 {
        col[0]
    } else {
        col[row]
    }
}

fn time(secs: i64, field: &str) -> Result<NaiveDateTime, ClockError> {
    DateTime::from_timestamp(secs, 0)
        .map(|d| d.naive_utc())
        .ok_or_else(|| {
            ClockError::limit(
                "clock.invalid_time",
                field,
                format!("{secs} seconds is outside the supported range"),
            )
        })
}

fn level_code(l: Level) -> i8 {
    match l {
        Level::Normal => 0,
        Level::Reminder => 1,
        Level::Yellow => 2,
        Level::Red => 3,
    }
}

fn outcome_code(o: Option<Outcome>) -> i8 {
    match o {
        None => -1,
        Some(Outcome::Early) => 0,
        Some(Outcome::OnTime) => 1,
        Some(Outcome::Late) => 2,
    }
}

/// Evaluates one simple clock per row (no suspensions or extensions: those need the event
/// log of [`Clock`](super::Clock)). Same rules and same answers as [`Clock::status`](super::Clock::status).
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{evaluate_many, BatchInput, ClockConfig, TimeUnit};
/// let accepted = 1_790_589_600; // 2026-09-28 10:00
/// let input = BatchInput {
///     accepted_at: &[accepted, accepted],
///     amount: &[20],
///     unit: &[TimeUnit::Workdays],
///     statutory_amount: None,
///     concluded_at: None,
///     as_of: &[accepted + 86_400, 1_900_000_000],
/// };
/// let (out, errors) = evaluate_many(&Calendar::china(), &ClockConfig::default(), &input);
/// assert_eq!(out.promised_due[0], 1_793_381_400); // 2026-10-30 17:30
/// assert_eq!(out.remaining[0], 19.0);
/// assert_eq!((errors.len(), errors[0].row, errors[0].error.code()), (1, 1, "calendar.year_not_covered"));
/// ```
pub fn evaluate_many(
    cal: &Calendar,
    config: &ClockConfig,
    input: &BatchInput<'_>,
) -> (BatchOutput, Vec<ClockRowError>) {
    let n = input.accepted_at.len();
    let mut out = BatchOutput {
        promised_due: vec![MISSING; n],
        statutory_due: vec![MISSING; n],
        remaining: vec![f64::NAN; n],
        level: vec![-1; n],
        outcome: vec![-1; n],
    };
    let mut errors = Vec::new();
    let lengths_ok = [input.amount.len(), input.unit.len(), input.as_of.len()]
        .iter()
        .chain(input.statutory_amount.map(|s| s.len()).as_slice())
        .all(|&len| len == 1 || len == n)
        && input.concluded_at.is_none_or(|c| c.len() == n);
    if !lengths_ok {
        let error = ClockError::limit(
            "clock.invalid_amount",
            "columns",
            format!("every column needs {n} entries (or one)"),
        );
        return (
            out,
            (0..n)
                .map(|row| ClockRowError {
                    row,
                    error: error.clone(),
                })
                .collect(),
        );
    }
    let rk = Reckoner { cal, config };
    let daily = config.office_hours.daily_seconds();
    for row in 0..n {
        let accepted = input.accepted_at[row];
        if accepted == MISSING {
            continue;
        }
        let result = (|| -> Result<(), ClockError> {
            let unit = pick(input.unit, row);
            let amount = pick(input.amount, row);
            let statutory_amount = input
                .statutory_amount
                .map(|s| pick(s, row))
                .unwrap_or(amount);
            let to_u32 = |v: i64, field: &str| {
                u32::try_from(v).map_err(|_| {
                    ClockError::limit(
                        "clock.invalid_amount",
                        field,
                        format!("{v} is not a non-negative amount"),
                    )
                })
            };
            let promised = TimeLimit {
                amount: to_u32(amount, "amount")?,
                unit,
            };
            let statutory = TimeLimit {
                amount: to_u32(statutory_amount, "statutory_amount")?,
                unit,
            };
            if !promised.is_within(&statutory, daily) {
                return Err(ClockError::limit(
                    "clock.promised_exceeds_statutory",
                    "amount",
                    format!(
                        "promised limit {promised} is not within the statutory limit {statutory}"
                    ),
                ));
            }
            let start = time(accepted, "accepted_at")?;
            let concluded = match input.concluded_at.map(|c| c[row]) {
                None | Some(MISSING) => None,
                Some(c) => Some(time(c, "concluded_at")?),
            };
            let as_of = time(pick(input.as_of, row), "as_of")?;
            let t = concluded.map_or(as_of, |c| c.min(as_of));
            if t < start || concluded.is_some_and(|c| c < start) {
                return Err(ClockError::limit(
                    "clock.invalid_time",
                    "as_of",
                    format!("{t} is before the acceptance at {start}"),
                ));
            }
            let concluded_by_now = concluded.is_some_and(|c| c <= as_of);
            let promised_due = rk.due(start, promised, 0, &[])?;
            let statutory_due = if statutory == promised {
                promised_due
            } else {
                rk.due(start, statutory, 0, &[])?
            };
            let v = rk.judge(
                t,
                promised,
                promised_due,
                statutory_due,
                &[],
                concluded_by_now,
            )?;
            out.promised_due[row] = promised_due.and_utc().timestamp();
            out.statutory_due[row] = statutory_due.and_utc().timestamp();
            out.remaining[row] = v.remaining;
            out.level[row] = level_code(v.level);
            out.outcome[row] = outcome_code(v.outcome);
            Ok(())
        })();
        if let Err(error) = result {
            errors.push(ClockRowError { row, error });
        }
    }
    (out, errors)
}

/// [`evaluate_rows`]'s result: one value per row in each column (`None` for a missing or
/// failed row) and one error per failed row, naming its row.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClockRows {
    /// Promised due.
    pub promised_due: Vec<Option<NaiveDateTime>>,
    /// Statutory due.
    pub statutory_due: Vec<Option<NaiveDateTime>>,
    /// Remaining before the promised due, in the limit's unit.
    pub remaining: Vec<Option<f64>>,
    /// Supervision level.
    pub level: Vec<Option<&'static str>>,
    /// Outcome of a concluded case.
    pub outcome: Vec<Option<&'static str>>,
    /// The failed rows.
    pub errors: Vec<crate::error::Error>,
}

/// One simple clock per row from boundary values (the JS `evaluateClocks`): `columns` maps
/// `accepted_at`, `amount`, `unit`, `as_of` and optionally `statutory_amount` and
/// `concluded_at` to a list (one value per row) or a single value for every row. A missing
/// `accepted_at` (null) is a missing row; a bad cell fails its row only. Errors for the call as
/// a whole: a column of the wrong length (`argument.length_mismatch`) or no `accepted_at`.
pub fn evaluate_rows(
    cal: &Calendar,
    config: &ClockConfig,
    columns: &crate::boundary::Value,
) -> Result<ClockRows, crate::error::Error> {
    use crate::boundary::{check_length, Value, Whole};
    use crate::error::Error;
    let zone = cal.zone();
    let column = |key: &str| -> Vec<Value> {
        match columns.get(key) {
            Value::List(v) => v.clone(),
            Value::Null => Vec::new(),
            v => vec![v.clone()],
        }
    };
    let accepted_v = column("accepted_at");
    let n = accepted_v.len();
    let per_row = |key: &str, optional: bool| -> Result<Vec<Value>, Error> {
        let c = column(key);
        if optional && c.is_empty() {
            return Ok(c);
        }
        check_length(key, c.len(), n)?;
        Ok(c)
    };
    let amount_v = per_row("amount", false)?;
    let unit_v = per_row("unit", false)?;
    let as_of_v = per_row("as_of", false)?;
    let statutory_v = per_row("statutory_amount", true)?;
    let concluded_v = per_row("concluded_at", true)?;
    let pick = |c: &[Value], row: usize| -> Value {
        c.get(if c.len() == 1 { 0 } else { row })
            .cloned()
            .unwrap_or(Value::Null)
    };
    let secs = |v: &Value, arg: &str| -> Result<i64, Error> {
        Ok(match v.opt_time(arg, zone)? {
            Some(t) => t.and_utc().timestamp(),
            None => MISSING,
        })
    };
    let mut errors: Vec<Option<Error>> = vec![None; n];
    let mut accepted = vec![MISSING; n];
    let mut amount = vec![0i64; n];
    let mut unit = vec![TimeUnit::Workdays; n];
    let mut as_of = vec![0i64; n];
    let mut statutory = vec![0i64; n];
    let mut concluded = vec![MISSING; n];
    for row in 0..n {
        let r = (|| -> Result<(), Error> {
            accepted[row] = secs(&accepted_v[row], "accepted_at")?;
            amount[row] = pick(&amount_v, row).whole("amount", Whole::Amount)?;
            unit[row] = pick(&unit_v, row).string("unit")?.parse::<TimeUnit>()?;
            as_of[row] = secs(&pick(&as_of_v, row), "as_of")?;
            statutory[row] = if statutory_v.is_empty() {
                amount[row]
            } else {
                pick(&statutory_v, row).whole("statutory_amount", Whole::Amount)?
            };
            if !concluded_v.is_empty() {
                concluded[row] = secs(&pick(&concluded_v, row), "concluded_at")?;
            }
            Ok(())
        })();
        if let Err(e) = r {
            accepted[row] = MISSING;
            errors[row] = Some(e.in_row(row));
        }
    }
    let input = BatchInput {
        accepted_at: &accepted,
        amount: &amount,
        unit: &unit,
        statutory_amount: Some(&statutory),
        concluded_at: Some(&concluded),
        as_of: &as_of,
    };
    let (res, failed) = evaluate_many(cal, config, &input);
    for f in failed {
        errors[f.row].get_or_insert_with(|| Error::from(f.error).in_row(f.row));
    }
    let time = |s: i64| (s != MISSING).then(|| time(s, "").ok()).flatten();
    let mut out = ClockRows::default();
    for (row, error) in errors.iter().enumerate() {
        let ok = error.is_none() && res.promised_due[row] != MISSING;
        out.promised_due
            .push(ok.then(|| time(res.promised_due[row])).flatten());
        out.statutory_due
            .push(ok.then(|| time(res.statutory_due[row])).flatten());
        out.remaining.push(ok.then_some(res.remaining[row]));
        out.level.push(
            ok.then(|| usize::try_from(res.level[row]).ok().map(|i| LEVEL_NAMES[i]))
                .flatten(),
        );
        out.outcome.push(
            ok.then(|| {
                usize::try_from(res.outcome[row])
                    .ok()
                    .map(|i| OUTCOME_NAMES[i])
            })
            .flatten(),
        );
    }
    out.errors = errors.into_iter().flatten().collect();
    Ok(out)
}
