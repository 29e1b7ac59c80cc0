//! Arrow in and out, through the Arrow PyCapsule interface (pyarrow, pandas through pyarrow,
//! Polars, DuckDB hand their tables over without copies through Python objects).
//!
//! In: case events as a table whose columns are the fields of [`EventRow`] (`id`, `case`, `at`,
//! `actor`, `event`, and the optional ones, or some of these as one JSON object a row in a
//! `payload` column); `at` may be a timestamp (with a zone: an instant,
//! converted to the calendar's zone; without: local wall-clock time), text in the one time
//! grammar, or epoch milliseconds. The core checks every row ([`CaseEvent::from_row`]).
//! Out: any list of core result models as an Arrow table, one column per field, types read from
//! the values (text, integers, floats, booleans, dates, times, lists kept as lists).

use std::borrow::Cow;
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, TimestampMicrosecondType};
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use efficiency_core::boundary::{self, Value};
use efficiency_core::case::{EventRow, EventTime};
use efficiency_core::error::Error;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

/// Every record batch of an Arrow input (table, batch or stream), read through.
pub(crate) fn batches(input: pyo3_arrow::input::AnyRecordBatch) -> PyResult<Vec<RecordBatch>> {
    input
        .into_reader()?
        .map(|b| b.map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string())))
        .collect()
}

use efficiency_core::case::{EVENT_COLUMNS, PAYLOAD_COLUMN};

fn column_error(code: &'static str, column: &str, message: String) -> Error {
    Error::new(code, message).with_field(column)
}

fn cast(array: &ArrayRef, to: &DataType, column: &str) -> Result<ArrayRef, Error> {
    arrow_cast::cast(array, to).map_err(|e| {
        column_error(
            "argument.wrong_type",
            column,
            format!(
                "column {column:?} ({}) cannot be read as {to}: {e}",
                array.data_type()
            ),
        )
    })
}

/// One batch of an event table as rows for the core; the rows borrow the batch's text.
pub(crate) struct EventColumns {
    /// The text columns, by their index in `EVENT_COLUMNS`.
    text: Vec<(usize, StringArray)>,
    at: ArrayRef,
    at_kind: AtKind,
    lists: Vec<(usize, ArrayRef)>,
    amount: Option<ArrayRef>,
    on_the_spot: Option<ArrayRef>,
    /// Optional fields as one JSON object a row ([`PAYLOAD_COLUMN`]).
    payload: Option<StringArray>,
    len: usize,
}

#[derive(Clone, Copy)]
enum AtKind {
    Text,
    Wall,
    Instant,
    Millis,
}

impl EventColumns {
    /// Reads the columns of `batch` (unknown columns and impossible types are errors naming
    /// the column; pandas' `__index_level_0__` columns are ignored).
    pub(crate) fn new(batch: &RecordBatch) -> Result<Self, Error> {
        let schema = batch.schema();
        for f in schema.fields() {
            let name = f.name();
            if !EVENT_COLUMNS.contains(&name.as_str())
                && name != PAYLOAD_COLUMN
                && !name.starts_with("__")
            {
                return Err(column_error(
                    "argument.invalid",
                    name,
                    format!(
                        "column {name:?} is not an event field; the fields are {} (and \
                         {PAYLOAD_COLUMN:?}, optional fields as one JSON object)",
                        EVENT_COLUMNS.join(", ")
                    ),
                ));
            }
        }
        let get = |name: &str| batch.column_by_name(name).cloned();
        for required in ["id", "case", "at", "actor", "event"] {
            if get(required).is_none() {
                return Err(column_error(
                    "argument.missing",
                    required,
                    format!("an event table needs a column {required:?}"),
                ));
            }
        }
        let mut text = Vec::new();
        let mut lists = Vec::new();
        for (i, name) in EVENT_COLUMNS.iter().enumerate() {
            let Some(col) = get(name) else { continue };
            match *name {
                "at" | "amount" | "on_the_spot" => {}
                "missing" | "reasons" => lists.push((
                    i,
                    cast(
                        &col,
                        &DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
                        name,
                    )?,
                )),
                _ => text.push((i, cast(&col, &DataType::Utf8, name)?.as_string().clone())),
            }
        }
        let at = get("at").expect("checked");
        let (at, at_kind) = match at.data_type() {
            DataType::Timestamp(_, tz) => {
                let kind = if tz.is_some() {
                    AtKind::Instant
                } else {
                    AtKind::Wall
                };
                (
                    cast(
                        &at,
                        &DataType::Timestamp(TimeUnit::Microsecond, tz.clone()),
                        "at",
                    )?,
                    kind,
                )
            }
            DataType::Date32 | DataType::Date64 => (
                cast(&at, &DataType::Timestamp(TimeUnit::Microsecond, None), "at")?,
                AtKind::Wall,
            ),
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
                (cast(&at, &DataType::Utf8, "at")?, AtKind::Text)
            }
            t if t.is_numeric() => (cast(&at, &DataType::Float64, "at")?, AtKind::Millis),
            other => {
                return Err(column_error(
                    "argument.wrong_type",
                    "at",
                    format!(
                        "column \"at\" ({other}) is not a timestamp, text or epoch milliseconds"
                    ),
                ))
            }
        };
        let amount = get("amount")
            .map(|c| cast(&c, &DataType::Float64, "amount"))
            .transpose()?;
        let on_the_spot = get("on_the_spot")
            .map(|c| cast(&c, &DataType::Boolean, "on_the_spot"))
            .transpose()?;
        let payload = get(PAYLOAD_COLUMN)
            .map(|c| {
                cast(&c, &DataType::Utf8, PAYLOAD_COLUMN).map(|c| c.as_string::<i32>().clone())
            })
            .transpose()?;
        Ok(EventColumns {
            text,
            at,
            at_kind,
            lists,
            amount,
            on_the_spot,
            payload,
            len: batch.num_rows(),
        })
    }

    /// The rows, in order, one at a time (a batch's rows are never all held at once).
    pub(crate) fn rows(&self) -> impl Iterator<Item = EventRow<'_>> + '_ {
        (0..self.len).map(|r| self.row(r))
    }

    /// Rows in the batch.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Row `r`.
    pub(crate) fn row(&self, r: usize) -> EventRow<'_> {
        let mut row = EventRow::default();
        for (i, col) in &self.text {
            let set = row.set_text(*i, (!col.is_null(r)).then(|| col.value(r)));
            debug_assert!(set, "a text column");
        }
        row.at = if self.at.is_null(r) {
            EventTime::Text(Cow::Borrowed(""))
        } else {
            match self.at_kind {
                AtKind::Text => EventTime::Text(Cow::Borrowed(self.at.as_string::<i32>().value(r))),
                AtKind::Millis => EventTime::Millis(self.at.as_primitive::<Float64Type>().value(r)),
                AtKind::Wall | AtKind::Instant => {
                    let micros = self.at.as_primitive::<TimestampMicrosecondType>().value(r);
                    match self.at_kind {
                        AtKind::Instant => EventTime::Instant(micros),
                        _ => chrono::DateTime::from_timestamp_micros(micros)
                            .map_or(EventTime::Instant(i64::MIN), |t| {
                                EventTime::Wall(t.naive_utc())
                            }),
                    }
                }
            }
        };
        for (i, col) in &self.lists {
            let col = col.as_list::<i32>();
            let v = (!col.is_null(r)).then(|| {
                let items = col.value(r);
                let items = items.as_string::<i32>();
                (0..items.len())
                    .map(|k| items.value(k).to_string())
                    .collect::<Vec<_>>()
            });
            match EVENT_COLUMNS[*i] {
                "missing" => row.missing = v,
                "reasons" => row.reasons = v,
                _ => {}
            }
        }
        if let Some(a) = &self.amount {
            row.amount = (!a.is_null(r)).then(|| a.as_primitive::<Float64Type>().value(r));
        }
        if let Some(b) = &self.on_the_spot {
            row.on_the_spot = (!b.is_null(r)).then(|| b.as_boolean().value(r));
        }
        if let Some(p) = &self.payload {
            row.payload = (!p.is_null(r)).then(|| p.value(r));
        }
        row
    }
}

/// The Arrow type of a column of boundary values, refined from what earlier values said
/// (`found`): the first value that says decides; integers then floats make floats. `None` while
/// every value is null.
fn refine_type(found: Option<DataType>, values: &[&Value]) -> Option<DataType> {
    let scalar = |v: &Value| match v {
        Value::Bool(_) => Some(DataType::Boolean),
        Value::Int(_) => Some(DataType::Int64),
        Value::Float(_) => Some(DataType::Float64),
        Value::Date(_) => Some(DataType::Date32),
        Value::Time { .. } => Some(DataType::Timestamp(TimeUnit::Microsecond, None)),
        Value::Str(_) | Value::Other(_) | Value::TooDeep(_) | Value::Map(_) | Value::Record(_) => {
            Some(DataType::Utf8)
        }
        Value::List(_) | Value::Null => None,
    };
    let (found, rest) = match found {
        Some(t) => (t, values),
        None => {
            // Every value but null says a type; a list says its first item's (text if none).
            let first = values.iter().position(|v| !matches!(v, Value::Null))?;
            let t = match values[first] {
                Value::List(_) => {
                    // The items' one type over the whole column; items of several types (a
                    // pair of a time and a name) are text, never a type that drops the others.
                    let mut kinds = values[first..]
                        .iter()
                        .filter_map(|v| match v {
                            Value::List(items) => Some(items.iter().filter_map(scalar)),
                            _ => None,
                        })
                        .flatten();
                    let inner = match kinds.next() {
                        None => DataType::Utf8,
                        Some(k) => {
                            let mut inner = k;
                            for other in kinds {
                                inner = match (&inner, &other) {
                                    (a, b) if a == b => inner,
                                    (DataType::Int64, DataType::Float64)
                                    | (DataType::Float64, DataType::Int64) => DataType::Float64,
                                    _ => DataType::Utf8,
                                };
                            }
                            inner
                        }
                    };
                    DataType::List(Arc::new(Field::new("item", inner, true)))
                }
                other => scalar(other).expect("not null"),
            };
            (t, &values[first + 1..])
        }
    };
    // Integers and floats in one column: floats. Nothing else changes a decided type.
    if found == DataType::Int64 && rest.iter().any(|v| matches!(v, Value::Float(_))) {
        return Some(DataType::Float64);
    }
    Some(found)
}

fn text_of(v: &Value) -> Option<Cow<'_, str>> {
    Some(Cow::Owned(match v {
        Value::Null => return None,
        Value::Str(s) | Value::Other(s) | Value::TooDeep(s) => return Some(Cow::Borrowed(s)),
        Value::Map(_) | Value::Record(_) | Value::List(_) => v
            .to_json("value", efficiency_core::date::Zone::CHINA)
            .ok()?
            .to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Date(d) => efficiency_core::date::format_date(*d),
        Value::Time { wall, .. } => efficiency_core::date::format_time(*wall),
    }))
}

fn build(t: &DataType, values: &[&Value]) -> ArrayRef {
    let micros = |v: &Value| match v {
        Value::Time { wall, .. } => Some(wall.and_utc().timestamp_micros()),
        Value::Date(d) => Some(
            d.and_hms_opt(0, 0, 0)
                .expect("midnight")
                .and_utc()
                .timestamp_micros(),
        ),
        _ => None,
    };
    match t {
        DataType::Boolean => {
            let mut b = BooleanBuilder::with_capacity(values.len());
            values.iter().for_each(|v| {
                b.append_option(match v {
                    Value::Bool(x) => Some(*x),
                    _ => None,
                })
            });
            Arc::new(b.finish())
        }
        DataType::Int64 => {
            let mut b = Int64Builder::with_capacity(values.len());
            values.iter().for_each(|v| {
                b.append_option(match v {
                    Value::Int(x) => Some(*x),
                    _ => None,
                })
            });
            Arc::new(b.finish())
        }
        DataType::Float64 => {
            let mut b = Float64Builder::with_capacity(values.len());
            values.iter().for_each(|v| {
                b.append_option(match v {
                    Value::Float(x) => Some(*x),
                    Value::Int(x) => Some(*x as f64),
                    _ => None,
                })
            });
            Arc::new(b.finish())
        }
        DataType::Date32 => {
            let mut b = Date32Builder::with_capacity(values.len());
            values.iter().for_each(|v| {
                b.append_option(match v {
                    Value::Date(d) => i32::try_from(efficiency_core::date::to_epoch_days(*d)).ok(),
                    _ => None,
                })
            });
            Arc::new(b.finish())
        }
        DataType::Timestamp(..) => {
            let mut b = TimestampMicrosecondBuilder::with_capacity(values.len());
            values.iter().for_each(|v| b.append_option(micros(v)));
            Arc::new(b.finish())
        }
        DataType::List(field) => {
            let inner: Vec<&Value> = values
                .iter()
                .flat_map(|v| match v {
                    Value::List(items) => items.iter().collect::<Vec<_>>(),
                    _ => Vec::new(),
                })
                .collect();
            let flat = build(field.data_type(), &inner);
            let mut offsets = vec![0i32];
            let mut nulls = Vec::with_capacity(values.len());
            for v in values {
                let n = match v {
                    Value::List(items) => items.len(),
                    _ => 0,
                };
                offsets.push(offsets.last().copied().unwrap_or(0) + n as i32);
                nulls.push(matches!(v, Value::List(_)));
            }
            Arc::new(arrow_array::ListArray::new(
                field.clone(),
                arrow_buffer::OffsetBuffer::new(offsets.into()),
                flat,
                Some(nulls.into()),
            ))
        }
        _ => {
            let bytes = values
                .iter()
                .map(|v| match v {
                    Value::Str(s) => s.len(),
                    _ => 16,
                })
                .sum();
            let mut b = StringBuilder::with_capacity(values.len(), bytes);
            values.iter().for_each(|v| b.append_option(text_of(v)));
            Arc::new(b.finish())
        }
    }
}

/// Rows converted at once by [`TableBuilder::push`].
pub(crate) const CHUNK: usize = 16_384;

/// A column's pieces, one per chunk.
enum Piece {
    Built(ArrayRef),
    /// A chunk with no value in this column (its type not known yet).
    Nulls(usize),
}

/// A column being built, chunk by chunk.
struct Column {
    name: String,
    found: Option<DataType>,
    pieces: Vec<Piece>,
}

/// An Arrow table built from records pushed a chunk at a time.
///
/// Records are converted [`CHUNK`] rows at a time (on every core, with rayon) and each chunk's
/// columns built before the next is converted: the records of a million statuses would take a
/// gigabyte, and fresh memory costs more than the conversion. A column's type is what the whole
/// column says, whatever the chunks ([`refine_type`] carried from chunk to chunk); columns are in
/// the order their fields first appear.
#[derive(Default)]
pub(crate) struct TableBuilder {
    columns: Vec<Column>,
    /// The rows of each chunk so far.
    chunks: Vec<usize>,
}

impl TableBuilder {
    /// Adds `rows` (converted in chunks of [`CHUNK`]).
    pub(crate) fn push<T: serde::Serialize + Sync>(&mut self, rows: &[T]) {
        rows.chunks(CHUNK).for_each(|part| self.push_chunk(part));
    }

    fn push_chunk<T: serde::Serialize + Sync>(&mut self, part: &[T]) {
        use rayon::prelude::*;
        const NULL: Value = Value::Null;
        let records: Vec<Value> = part.par_iter().map(boundary::to_value).collect();
        let columns = &mut self.columns;
        // Rows of one model have their fields in one order: a key in its column's place is
        // known at once; a key seen for the first time is a new column (null before).
        let mut note = |i: usize, k: &str| {
            if columns.get(i).is_none_or(|c| c.name != k) && !columns.iter().any(|c| c.name == k) {
                columns.push(Column {
                    name: k.to_string(),
                    found: None,
                    pieces: Vec::new(),
                });
            }
        };
        for r in &records {
            match r {
                Value::Record(m) => m.iter().enumerate().for_each(|(i, (k, _))| note(i, k)),
                Value::Map(m) => m.iter().enumerate().for_each(|(i, (k, _))| note(i, k)),
                _ => {}
            }
        }
        columns.par_iter_mut().enumerate().for_each(|(i, column)| {
            let name = column.name.as_str();
            let values: Vec<&Value> = records
                .iter()
                .map(|r| match r {
                    Value::Record(m) => match m.get(i) {
                        Some((k, v)) if *k == name => v,
                        _ => r.get(name),
                    },
                    Value::Map(_) => r.get(name),
                    _ => &NULL,
                })
                .collect();
            column.found = refine_type(column.found.take(), &values);
            column.pieces.push(match &column.found {
                Some(t) => Piece::Built(build(t, &values)),
                None => Piece::Nulls(values.len()),
            });
        });
        self.chunks.push(part.len());
        // Freed on every core too (a record is many small allocations).
        records.into_par_iter().for_each(drop);
    }

    /// The table: its schema and one record batch per chunk (none without rows), every
    /// column's chunks in the column's type.
    pub(crate) fn finish(self) -> (Arc<Schema>, Vec<RecordBatch>) {
        use rayon::prelude::*;
        let chunks = self.chunks;
        let built: Vec<(Field, Vec<ArrayRef>)> = self
            .columns
            .into_par_iter()
            .map(|column| {
                let t = column.found.unwrap_or(DataType::Utf8);
                // Chunks before the column's first key are nulls; a column whose integers turned
                // to floats in a later chunk has its earlier chunks cast (as `build` would have).
                let before = chunks.len() - column.pieces.len();
                let pieces = chunks[..before]
                    .iter()
                    .map(|n| Piece::Nulls(*n))
                    .chain(column.pieces)
                    .map(|piece| match piece {
                        Piece::Nulls(n) => arrow_array::new_null_array(&t, n),
                        Piece::Built(a) if a.data_type() == &t => a,
                        Piece::Built(a) => {
                            arrow_cast::cast(&a, &t).expect("integers read as floats")
                        }
                    })
                    .collect();
                (Field::new(column.name, t, true), pieces)
            })
            .collect();
        let schema = Arc::new(Schema::new(
            built.iter().map(|(f, _)| f.clone()).collect::<Vec<_>>(),
        ));
        let mut pieces: Vec<std::vec::IntoIter<ArrayRef>> =
            built.into_iter().map(|(_, p)| p.into_iter()).collect();
        let batches = if schema.fields().is_empty() {
            Vec::new()
        } else {
            chunks
                .iter()
                .map(|_| {
                    let columns = pieces
                        .iter_mut()
                        .map(|p| p.next().expect("a piece per chunk"));
                    RecordBatch::try_new(schema.clone(), columns.collect())
                        .expect("columns built to the schema")
                })
                .collect()
        };
        (schema, batches)
    }
}

/// Records as a table for Python: a `pyarrow.Table` when pyarrow is installed, otherwise an
/// object with `__arrow_c_stream__` (Polars, DuckDB and pyarrow read it without a copy).
pub(crate) fn table<'py, T: serde::Serialize + Sync>(
    py: Python<'py>,
    rows: &[T],
) -> PyResult<Bound<'py, PyAny>> {
    let table = py.detach(|| {
        let mut table = TableBuilder::default();
        table.push(rows);
        table
    });
    table_of(py, table)
}

/// A built table for Python (as [`table`]); its record batches are the builder's chunks.
pub(crate) fn table_of(py: Python<'_>, table: TableBuilder) -> PyResult<Bound<'_, PyAny>> {
    let (schema, batches) = py.detach(|| table.finish());
    let table = PyTable::try_new(batches, schema)?;
    if py.import("pyarrow").is_ok() {
        return table.into_pyarrow(py);
    }
    Ok(table.into_pyobject(py)?.into_any())
}

/// An Arrow array handed in through the PyCapsule interface (a pyarrow Array or ChunkedArray, a
/// Polars Series, …) as one array (chunks concatenated); `None` for anything else. A table or
/// record batch is not a column: `None` too.
pub(crate) fn arrow_array(value: &Bound<'_, PyAny>) -> PyResult<Option<ArrayRef>> {
    if value.hasattr("schema")? && value.hasattr("num_rows")? {
        return Ok(None);
    }
    if value.hasattr("__arrow_c_array__")? {
        if let Ok(a) = value.extract::<pyo3_arrow::PyArray>() {
            return Ok(Some(a.into_inner().0));
        }
    }
    if value.hasattr("__arrow_c_stream__")? {
        if let Ok(c) = value.extract::<pyo3_arrow::PyChunkedArray>() {
            let (chunks, _) = c.into_inner();
            let refs: Vec<&dyn Array> = chunks.iter().map(|c| c.as_ref()).collect();
            return match refs.as_slice() {
                [] => Ok(Some(arrow_array::new_empty_array(&DataType::Null))),
                [one] => Ok(Some(arrow_array::make_array(one.to_data()))),
                many => arrow_select::concat::concat(many)
                    .map(Some)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string())),
            };
        }
    }
    Ok(None)
}

/// The times of an Arrow array as local times in `zone` (microseconds since 1970-01-01 local,
/// [`MISSING`] for null): timestamps with a zone are instants, converted; without one, local;
/// dates are their midnight; text is read with the one time grammar. A bad cell fails its row.
pub(crate) fn times(
    array: &ArrayRef,
    name: &str,
    zone: efficiency_core::date::Zone,
    dates: bool,
) -> Result<(Vec<i64>, Vec<Error>), Error> {
    use efficiency_core::calendar::MISSING;
    let mut errors = Vec::new();
    let out = match array.data_type() {
        DataType::Timestamp(_, tz) => {
            let aware = tz.is_some();
            let a = cast(
                array,
                &DataType::Timestamp(TimeUnit::Microsecond, tz.clone()),
                name,
            )?;
            let a = a.as_primitive::<TimestampMicrosecondType>();
            (0..a.len())
                .map(|r| {
                    if a.is_null(r) {
                        return MISSING;
                    }
                    match boundary::column_time(a.value(r), aware, zone, name) {
                        Ok(t) => t.and_utc().timestamp_micros(),
                        Err(e) => {
                            errors.push(e.in_row(r));
                            MISSING
                        }
                    }
                })
                .collect()
        }
        DataType::Date32 | DataType::Date64 => {
            let a = cast(
                array,
                &DataType::Timestamp(TimeUnit::Microsecond, None),
                name,
            )?;
            let a = a.as_primitive::<TimestampMicrosecondType>();
            (0..a.len())
                .map(|r| if a.is_null(r) { MISSING } else { a.value(r) })
                .collect()
        }
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
            let a = cast(array, &DataType::Utf8, name)?;
            let a = a.as_string::<i32>();
            (0..a.len())
                .map(|r| {
                    if a.is_null(r) {
                        return MISSING;
                    }
                    let v = Value::Str(a.value(r).to_string());
                    // A date column reads text as dates, a time column as times (as scalars do).
                    let read = if dates {
                        v.date(name, zone)
                            .map(|d| d.and_time(chrono::NaiveTime::MIN))
                    } else {
                        v.time(name, zone)
                    };
                    match read {
                        Ok(t) => t.and_utc().timestamp_micros(),
                        Err(e) => {
                            errors.push(e.in_row(r));
                            MISSING
                        }
                    }
                })
                .collect()
        }
        other => {
            return Err(column_error(
                "argument.wrong_type",
                name,
                format!("{name} must hold timestamps, dates or text, not Arrow {other}"),
            ))
        }
    };
    Ok((out, errors))
}

/// An Arrow column of numbers as floats (each checked per row by the core as a whole number).
pub(crate) fn numbers(array: &ArrayRef, name: &str) -> Result<Vec<f64>, Error> {
    if !array.data_type().is_numeric() {
        return Err(column_error(
            "argument.wrong_type",
            name,
            format!("{name} must hold numbers, not Arrow {}", array.data_type()),
        ));
    }
    let a = cast(array, &DataType::Float64, name)?;
    let a = a.as_primitive::<Float64Type>();
    Ok((0..a.len())
        .map(|r| if a.is_null(r) { f64::NAN } else { a.value(r) })
        .collect())
}

/// A result column in the kind of the input: a pyarrow array when the input was an Arrow column
/// and pyarrow is installed, the numpy array otherwise.
pub(crate) fn like_input<'py>(
    py: Python<'py>,
    input: &Bound<'py, PyAny>,
    values: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let arrow = (input.hasattr("__arrow_c_array__")? || input.hasattr("__arrow_c_stream__")?)
        && !(input.hasattr("schema")? && input.hasattr("num_rows")?);
    match (arrow, py.import("pyarrow")) {
        (true, Ok(pa)) => pa.call_method1("array", (values,)),
        _ => Ok(values),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(serde::Serialize)]
    struct Row {
        case: String,
        at: Option<chrono::NaiveDateTime>,
        day: Option<chrono::NaiveDate>,
        people: Vec<String>,
        extra: serde_json::Value,
        flag: Option<bool>,
    }

    fn batch_in_chunks<T: serde::Serialize + Sync>(rows: &[T], chunk: usize) -> RecordBatch {
        let mut table = TableBuilder::default();
        rows.chunks(chunk.clamp(1, CHUNK))
            .for_each(|part| table.push_chunk(part));
        let (schema, batches) = table.finish();
        arrow_select::concat::concat_batches(&schema, &batches).unwrap()
    }

    /// Built a chunk at a time, a table is the one built at once, whatever falls in which chunk:
    /// columns null in the first chunks, integers turning to floats, keys first seen late.
    #[test]
    fn a_table_built_in_chunks_is_the_table_built_at_once() {
        let at = |h: u32| {
            chrono::NaiveDate::from_ymd_opt(2026, 11, 2)
                .unwrap()
                .and_hms_opt(h, 0, 0)
        };
        let rows: Vec<Row> = (0..23u32)
            .map(|i| Row {
                case: format!("C{i}"),
                at: (i > 7).then(|| at(i % 24)).flatten(),
                day: (i % 5 == 0).then(|| chrono::NaiveDate::from_ymd_opt(2026, 1, 1 + i).unwrap()),
                people: (0..i % 3).map(|k| format!("p{k}")).collect(),
                extra: match i {
                    0..=4 => json!(null),
                    5..=10 => json!(i),
                    11 => json!(1.5),
                    _ => json!({"nested": i}),
                },
                flag: (i > 20).then_some(i % 2 == 0),
            })
            .collect();
        let whole = batch_in_chunks(&rows, usize::MAX);
        let text_list = DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)));
        let types: Vec<DataType> = whole
            .schema()
            .fields()
            .iter()
            .map(|f| f.data_type().clone())
            .collect();
        assert_eq!(
            types,
            [
                DataType::Utf8,
                DataType::Timestamp(TimeUnit::Microsecond, None),
                DataType::Date32,
                text_list,
                DataType::Float64,
                DataType::Boolean
            ]
        );
        let extra = whole.column(4).as_primitive::<Float64Type>();
        assert_eq!(
            (extra.is_null(0), extra.value(5), extra.value(11)),
            (true, 5.0, 1.5)
        );
        // A map in a column of numbers is no number.
        assert!(extra.is_null(12));
        for chunk in [1, 2, 3, 7, 22] {
            assert_eq!(batch_in_chunks(&rows, chunk), whole, "chunks of {chunk}");
        }
        // Maps whose keys first appear late, and a column that never has a value.
        let maps: Vec<serde_json::Value> = (0..9)
            .map(|i| match i {
                0..=3 => json!({"a": i, "never": null}),
                _ => json!({"a": i, "never": null, "late": [i, i + 1]}),
            })
            .collect();
        let whole = batch_in_chunks(&maps, usize::MAX);
        assert_eq!(whole.schema().field(1).data_type(), &DataType::Utf8);
        assert_eq!(
            whole.schema().field(2).data_type(),
            &DataType::List(Arc::new(Field::new("item", DataType::Int64, true)))
        );
        assert!(whole.column(2).is_null(3) && !whole.column(2).is_null(4));
        assert_eq!(whole.num_columns(), 3);
        for chunk in [1, 2, 4, 5] {
            assert_eq!(batch_in_chunks(&maps, chunk), whole, "chunks of {chunk}");
        }
        assert_eq!(batch_in_chunks::<Row>(&[], 4).num_columns(), 0);
    }

    /// A column of pairs of a time and a name (a card's `acknowledged`) keeps both: text items,
    /// never a timestamp list that drops the names.
    #[test]
    fn pairs_of_several_types_are_text_lists() {
        #[derive(serde::Serialize)]
        struct Row {
            pair: Option<(chrono::NaiveDateTime, String)>,
        }
        let at =
            chrono::NaiveDateTime::parse_from_str("2026-11-03 17:30", "%Y-%m-%d %H:%M").unwrap();
        let rows = [
            Row { pair: None },
            Row {
                pair: Some((at, "dir01".into())),
            },
        ];
        let batch = batch_in_chunks(&rows, 2);
        let text_list = DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)));
        assert_eq!(batch.schema().field(0).data_type(), &text_list);
        let list = batch
            .column(0)
            .as_any()
            .downcast_ref::<arrow_array::ListArray>()
            .unwrap();
        let items = list.value(1);
        let items = items
            .as_any()
            .downcast_ref::<arrow_array::StringArray>()
            .unwrap();
        assert_eq!(
            (items.value(0), items.value(1)),
            ("2026-11-03T17:30:00", "dir01")
        );
    }
}
