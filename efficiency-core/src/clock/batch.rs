//! Many simple clocks at once, from arrays: the shape analysts and Arrow-based engines need.
//! One result or one error per row; no row affects another.

use chrono::{DateTime, NaiveDateTime};

use super::reckon::Reckoner;
use super::{ClockConfig, ClockError, Level, Outcome, TimeLimit, TimeUnit};
use crate::calendar::{Calendar, MISSING};

/// Columns of a batch. Times are seconds since 1970-01-01T00:00 in local (bureau) time, as in
/// numpy `datetime64[s]`; [`MISSING`] marks a missing value. `amount`, `unit` and `as_of`
/// have one entry per row or a single entry for every row.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{evaluate_many, BatchInput, ClockConfig, TimeUnit};
/// let accepted = 1_790_589_600; // 2026-09-28 10:00, local time as epoch seconds
/// let input = BatchInput { accepted_at: &[accepted], amount: &[20], unit: &[TimeUnit::Workdays],
///     statutory_amount: None, concluded_at: None, as_of: &[accepted + 86_400] };
/// let (out, errors) = evaluate_many(&Calendar::china(), &ClockConfig::default(), &input);
/// assert!(errors.is_empty() && out.remaining == [19.0]);
/// ```
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
///
/// ```
/// use efficiency_core::clock::LEVEL_NAMES;
/// // A level column holds indexes into these names.
/// assert_eq!(LEVEL_NAMES, ["normal", "reminder", "yellow", "red"]);
/// ```
pub const LEVEL_NAMES: &[&str] = Level::NAMES;
/// Outcome codes in [`BatchOutput::outcome`]: index into `["early", "on_time", "late"]`; -1: open.
///
/// ```
/// use efficiency_core::clock::OUTCOME_NAMES;
/// assert_eq!(OUTCOME_NAMES, ["early", "on_time", "late"]);
/// ```
pub const OUTCOME_NAMES: &[&str] = Outcome::NAMES;

/// Result columns; a missing or failed row has [`MISSING`] times, NaN remaining and -1 codes.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{evaluate_many, BatchInput, ClockConfig, TimeUnit, LEVEL_NAMES};
/// let accepted = 1_790_589_600; // 2026-09-28 10:00
/// let input = BatchInput { accepted_at: &[accepted], amount: &[20], unit: &[TimeUnit::Workdays],
///     statutory_amount: None, concluded_at: None, as_of: &[1_793_700_000] }; // 2026-11-03
/// let (out, _) = evaluate_many(&Calendar::china(), &ClockConfig::default(), &input);
/// assert_eq!(LEVEL_NAMES[out.level[0] as usize], "red");
/// assert_eq!(out.outcome[0], -1); // not concluded
/// ```
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
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{evaluate_many, BatchInput, ClockConfig, TimeUnit};
/// let input = BatchInput { accepted_at: &[1_930_000_000], amount: &[20], unit: &[TimeUnit::Workdays],
///     statutory_amount: None, concluded_at: None, as_of: &[1_930_100_000] }; // in 2031
/// let (_, errors) = evaluate_many(&Calendar::china(), &ClockConfig::default(), &input);
/// assert_eq!((errors[0].row, errors[0].error.code()), (0, "calendar.year_not_covered"));
/// ```
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
            let statutory_due = Some(if statutory == promised {
                promised_due
            } else {
                rk.due(start, statutory, 0, &[])?
            });
            let v = rk.judge(
                t,
                promised,
                promised_due,
                statutory_due,
                &[],
                concluded_by_now,
            )?;
            out.promised_due[row] = promised_due.and_utc().timestamp();
            out.statutory_due[row] = statutory_due.map_or(MISSING, |d| d.and_utc().timestamp());
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
///
/// ```
/// use efficiency_core::boundary::Value;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{evaluate_rows, ClockConfig};
/// let columns = Value::Map(vec![
///     ("accepted_at".into(), Value::List(vec![Value::Str("2026-09-28T10:00".into())])),
///     ("amount".into(), Value::List(vec![Value::Int(20)])),
///     ("unit".into(), Value::Str("workdays".into())),
///     ("as_of".into(), Value::Str("2026-11-02T09:00".into())),
/// ]);
/// let rows = evaluate_rows(&Calendar::china(), &ClockConfig::default(), &columns)?;
/// assert_eq!((rows.level[0], rows.errors.len()), (Some("red"), 0));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
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

/// The columns of a clock batch as the bindings have read them: times as seconds since
/// 1970-01-01 local time ([`MISSING`] for missing), with the errors already found reading them
/// (each with its row); numbers and units as given (one value, or one per row).
///
/// ```
/// use efficiency_core::boundary::{Numbers, Value};
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{evaluate_columns, ClockColumns, ClockConfig};
/// let unit = [Value::Str("workdays".into())];
/// let cols = ClockColumns { accepted_at: vec![1_790_589_600], amount: Numbers::Ints(&[20]), unit: &unit,
///     as_of: vec![1_790_676_000], statutory_amount: None, concluded_at: None, errors: Vec::new() };
/// let (out, errors) = evaluate_columns(&Calendar::china(), &ClockConfig::default(), cols)?;
/// assert!(errors.is_empty() && out.remaining == [19.0]);
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClockColumns<'a> {
    /// Acceptance times; a missing one is a missing row.
    pub accepted_at: Vec<i64>,
    /// Promised amounts.
    pub amount: crate::boundary::Numbers<'a>,
    /// Unit names.
    pub unit: &'a [crate::boundary::Value],
    /// When to judge.
    pub as_of: Vec<i64>,
    /// Statutory amounts (default: the promised ones).
    pub statutory_amount: Option<crate::boundary::Numbers<'a>>,
    /// Conclusion times (missing: open).
    pub concluded_at: Option<Vec<i64>>,
    /// Errors found reading the time columns.
    pub errors: Vec<crate::error::Error>,
}

/// One simple clock per row as every binding runs it: checks the columns' lengths (the only
/// error for the call as a whole, with a bad single value), reads every amount and unit per
/// row, fails a row on any bad cell (a bad single value fails every row), evaluates the rest
/// with [`evaluate_many`] and returns the result columns with every row error in row order.
///
/// ```
/// use efficiency_core::boundary::{Numbers, Value};
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{evaluate_columns, ClockColumns, ClockConfig};
/// // A fractional amount fails its row only.
/// let unit = [Value::Str("workdays".into())];
/// let cols = ClockColumns { accepted_at: vec![1_790_589_600; 2], amount: Numbers::Floats(&[20.0, 1.5]), unit: &unit,
///     as_of: vec![1_790_676_000], statutory_amount: None, concluded_at: None, errors: Vec::new() };
/// let (_, errors) = evaluate_columns(&Calendar::china(), &ClockConfig::default(), cols)?;
/// assert_eq!((errors.len(), errors[0].row, errors[0].code), (1, Some(1), "argument.not_whole"));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub fn evaluate_columns(
    cal: &Calendar,
    config: &ClockConfig,
    mut cols: ClockColumns<'_>,
) -> Result<(BatchOutput, Vec<crate::error::Error>), crate::error::Error> {
    use crate::boundary::{check_length, Whole};
    use crate::error::Error;
    let n = cols.accepted_at.len();
    check_length("amount", cols.amount.len(), n)?;
    check_length("unit", cols.unit.len(), n)?;
    check_length("as_of", cols.as_of.len(), n)?;
    if let Some(s) = &cols.statutory_amount {
        check_length("statutory_amount", s.len(), n)?;
    }
    if let Some(c) = &cols.concluded_at {
        check_length("concluded_at", c.len(), n)?;
    }
    let mut errors = std::mem::take(&mut cols.errors);
    // One value for every row: a bad one is an error for the call (it would fail every row).
    // One value per row: a bad one fails its row only.
    let whole = |col: &crate::boundary::Numbers<'_>,
                 name: &str,
                 errors: &mut Vec<Error>|
     -> Result<Vec<i64>, Error> {
        if col.len() == 1 {
            return Ok(vec![col.whole(0, name, Whole::Amount)?]);
        }
        Ok((0..n)
            .map(|row| {
                col.whole(row, name, Whole::Amount).unwrap_or_else(|e| {
                    errors.push(e.in_row(row));
                    0
                })
            })
            .collect())
    };
    let amount = whole(&cols.amount, "amount", &mut errors)?;
    let statutory = match &cols.statutory_amount {
        Some(c) => Some(whole(c, "statutory_amount", &mut errors)?),
        None => None,
    };
    let read_unit = |v: &crate::boundary::Value| {
        v.string("unit")
            .and_then(|s| s.parse::<TimeUnit>().map_err(Error::from))
    };
    let unit: Vec<TimeUnit> = if cols.unit.len() == 1 {
        vec![read_unit(&cols.unit[0])?]
    } else {
        cols.unit
            .iter()
            .enumerate()
            .map(|(row, v)| {
                read_unit(v).unwrap_or_else(|e| {
                    errors.push(e.in_row(row));
                    TimeUnit::Workdays
                })
            })
            .collect()
    };
    errors.sort_by_key(|e| e.row);
    errors.dedup_by_key(|e| e.row);
    for row in errors.iter().filter_map(|e| e.row) {
        if let Some(a) = cols.accepted_at.get_mut(row as usize) {
            *a = MISSING;
        }
    }
    let input = BatchInput {
        accepted_at: &cols.accepted_at,
        amount: &amount,
        unit: &unit,
        statutory_amount: statutory.as_deref(),
        concluded_at: cols.concluded_at.as_deref(),
        as_of: &cols.as_of,
    };
    let (out, failed) = evaluate_many(cal, config, &input);
    errors.extend(
        failed
            .into_iter()
            .map(|f| Error::from(f.error).in_row(f.row)),
    );
    errors.sort_by_key(|e| e.row);
    Ok((out, errors))
}

/// One simple clock per row from boundary values (the JS `evaluateClocks`): `columns` maps
/// `accepted_at`, `amount`, `unit`, `as_of` and optionally `statutory_amount` and
/// `concluded_at` to a list (one value per row) or a single value for every row; then as
/// [`evaluate_columns`].
///
/// ```
/// use efficiency_core::boundary::Value;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{evaluate_rows, ClockConfig};
/// // Not an object of columns: an error, never an empty answer.
/// let e = evaluate_rows(&Calendar::china(), &ClockConfig::default(), &Value::List(vec![])).unwrap_err();
/// assert_eq!((e.code, e.field.as_deref()), ("argument.wrong_type", Some("columns")));
/// ```
pub fn evaluate_rows(
    cal: &Calendar,
    config: &ClockConfig,
    columns: &crate::boundary::Value,
) -> Result<ClockRows, crate::error::Error> {
    use crate::boundary::{Numbers, Value};
    use crate::error::Error;
    let zone = cal.zone();
    // The columns object itself: an object of the known columns, the four required present
    // (an array where one is missing would judge nothing, silently).
    if !matches!(columns, Value::Map(_) | Value::Record(_)) {
        return Err(columns.type_error(
            "columns",
            format!(
                "columns must be an object of columns (accepted_at, amount, unit, as_of, …), not {}",
                columns.describe()
            ),
        ));
    }
    const COLUMNS: [&str; 6] = [
        "accepted_at",
        "amount",
        "unit",
        "as_of",
        "statutory_amount",
        "concluded_at",
    ];
    columns.check_options("clock column", &COLUMNS)?;
    if let Some(k) = COLUMNS[..4].iter().find(|k| columns.get(k) == &Value::Null) {
        return Err(
            Error::new("argument.missing", format!("the column {k} is missing")).with_field(*k),
        );
    }
    let column = |key: &str| -> Vec<Value> {
        match columns.get(key) {
            Value::List(v) => v.clone(),
            Value::Null => Vec::new(),
            v => vec![v.clone()],
        }
    };
    let mut errors = Vec::new();
    // A time column: one value per row (a bad one fails its row), or one for every row (a bad
    // one fails the call).
    let mut seconds = |key: &str, values: &[Value], per_row: bool| -> Result<Vec<i64>, Error> {
        let secs =
            |t: Option<chrono::NaiveDateTime>| t.map_or(MISSING, |t| t.and_utc().timestamp());
        if !per_row && values.len() == 1 {
            return Ok(vec![secs(values[0].opt_time(key, zone)?)]);
        }
        Ok(values
            .iter()
            .enumerate()
            .map(|(row, v)| {
                v.opt_time(key, zone).map(secs).unwrap_or_else(|e| {
                    errors.push(e.in_row(row));
                    MISSING
                })
            })
            .collect())
    };
    let accepted_at = seconds("accepted_at", &column("accepted_at"), true)?;
    let as_of = seconds("as_of", &column("as_of"), false)?;
    let concluded = column("concluded_at");
    let concluded_at = match concluded.is_empty() {
        true => None,
        false => Some(seconds("concluded_at", &concluded, false)?),
    };
    let (amount, unit, statutory) = (column("amount"), column("unit"), column("statutory_amount"));
    let n = accepted_at.len();
    let (out, errors) = evaluate_columns(
        cal,
        config,
        ClockColumns {
            accepted_at,
            amount: Numbers::Values(&amount),
            unit: &unit,
            as_of,
            statutory_amount: (!statutory.is_empty()).then_some(Numbers::Values(&statutory)),
            concluded_at,
            errors,
        },
    )?;
    let time = |s: i64| (s != MISSING).then(|| time(s, "").ok()).flatten();
    let failed: std::collections::BTreeSet<u32> = errors.iter().filter_map(|e| e.row).collect();
    let mut rows = ClockRows::default();
    for row in 0..n {
        let ok = !failed.contains(&(row as u32)) && out.promised_due[row] != MISSING;
        rows.promised_due
            .push(ok.then(|| time(out.promised_due[row])).flatten());
        rows.statutory_due
            .push(ok.then(|| time(out.statutory_due[row])).flatten());
        rows.remaining.push(ok.then_some(out.remaining[row]));
        rows.level.push(
            ok.then(|| usize::try_from(out.level[row]).ok().map(|i| LEVEL_NAMES[i]))
                .flatten(),
        );
        rows.outcome.push(
            ok.then(|| {
                usize::try_from(out.outcome[row])
                    .ok()
                    .map(|i| OUTCOME_NAMES[i])
            })
            .flatten(),
        );
    }
    rows.errors = errors;
    Ok(rows)
}
