//! The calendar's batch questions as every binding asks them: day-number columns in, the
//! answers written in place, one error per failed row (the call fails only for a column of the
//! wrong length or a bad single argument).

use crate::boundary::{check_length, Numbers, Whole};
use crate::error::Error;

use super::{Calendar, MISSING};

/// Batch `add_workdays` as every binding runs it: `days` (day numbers,
/// [`MISSING`] for missing) with the errors already found reading them, `n` one
/// number or one per row; the due days go to `out` (one slot per day). Returns every row error
/// in row order; the call itself fails only for a column of the wrong length or a bad single
/// `n`. Nothing is copied when every `n` is a valid integer (the common case).
///
/// ```
/// use efficiency_core::boundary::Numbers;
/// use efficiency_core::calendar::{add_workdays_batch, Calendar};
/// use efficiency_core::date::{parse_date, to_epoch_days};
/// let days = [to_epoch_days(parse_date("2026-09-30")?), to_epoch_days(parse_date("2026-10-09")?)];
/// let mut out = [0; 2];
/// let errors = add_workdays_batch(&Calendar::china(), &days, Vec::new(), Numbers::Ints(&[5, 2]), &mut out)?;
/// assert!(errors.is_empty());
/// // 10 October 2026, a Saturday, is a make-up workday.
/// assert_eq!(out, [to_epoch_days(parse_date("2026-10-13")?), to_epoch_days(parse_date("2026-10-12")?)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_workdays_batch(
    cal: &Calendar,
    days: &[i64],
    mut errors: Vec<Error>,
    n: Numbers<'_>,
    out: &mut [i64],
) -> Result<Vec<Error>, Error> {
    use std::borrow::Cow;
    check_length("n", n.len(), days.len())?;
    check_length("out", out.len(), days.len())?;
    let (lo, hi) = Whole::Offset.range();
    let fast = match n {
        Numbers::Ints(v) if v.iter().all(|x| (lo..=hi).contains(x)) => Some(v),
        _ => None,
    };
    let (days, ns): (Cow<'_, [i64]>, Cow<'_, [i64]>) = match fast {
        Some(v) => (Cow::Borrowed(days), Cow::Borrowed(v)),
        None => {
            let mut days = Cow::Borrowed(days);
            let mut ns = vec![0i64; if n.len() == 1 { 1 } else { days.len() }];
            for (row, slot) in ns.iter_mut().enumerate() {
                match n.whole(row, "n", Whole::Offset) {
                    Ok(v) => *slot = v,
                    Err(e) if n.len() == 1 => return Err(e),
                    Err(e) => {
                        if days[row] != MISSING {
                            errors.push(e.in_row(row));
                            days.to_mut()[row] = MISSING;
                        }
                    }
                }
            }
            (days, Cow::Owned(ns))
        }
    };
    let failed = cal.add_workdays_many(&days, &ns, out);
    errors.extend(
        failed
            .into_iter()
            .map(|f| Error::from(f.error).in_row(f.row)),
    );
    errors.sort_by_key(|e| e.row);
    Ok(errors)
}

/// Batch `workdays_between` as every binding runs it (see [`add_workdays_batch`]); `a`, `b` and
/// `out` must have the same length.
///
/// ```
/// use efficiency_core::calendar::{workdays_between_batch, Calendar};
/// use efficiency_core::date::{parse_date, to_epoch_days};
/// let a = [to_epoch_days(parse_date("2026-09-28")?)];
/// let b = [to_epoch_days(parse_date("2026-10-12")?)];
/// let mut out = [0; 1];
/// let errors = workdays_between_batch(&Calendar::china(), &a, &b, Vec::new(), &mut out)?;
/// assert!(errors.is_empty() && out == [6]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn workdays_between_batch(
    cal: &Calendar,
    a: &[i64],
    b: &[i64],
    mut errors: Vec<Error>,
    out: &mut [i64],
) -> Result<Vec<Error>, Error> {
    if a.len() != b.len() {
        return Err(Error::new(
            "argument.length_mismatch",
            format!(
                "a and b must have the same length: {} and {}",
                a.len(),
                b.len()
            ),
        )
        .with_field("b"));
    }
    check_length("out", out.len(), a.len())?;
    let failed = cal.workdays_between_many(a, b, out);
    errors.extend(
        failed
            .into_iter()
            .map(|f| Error::from(f.error).in_row(f.row)),
    );
    errors.sort_by_key(|e| e.row);
    Ok(errors)
}
