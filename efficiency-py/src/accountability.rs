//! Python bindings of the organisation, accountability, conduct, complaints and ratings.
//! Results cross as JSON-shaped Python objects (dicts and lists); the `efficiency` facade turns
//! time strings into datetimes.

use efficiency_core::accountability::{self as acc};
use efficiency_core::activity::{self, ActivityRules as CoreActivityRules};
use efficiency_core::org::{self, OrgError};
use pyo3::prelude::*;

use crate::Calendar;
use efficiency_core::date::Zone;

pub(crate) fn wrap<T>(py: Python<'_>, r: Result<T, OrgError>) -> PyResult<T> {
    crate::convert::ok(py, r)
}

pub(crate) use crate::convert::to_py;

/// The organisation: units, people, positions, the leadership group.
///
/// >>> import efficiency
/// >>> [link["person"] for link in efficiency.Organisation.sample().chain("soc01")]
/// ['soc01', 'soc-h', 'dep01', 'dir01']
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct Organisation {
    pub(crate) inner: org::Organisation,
}

#[pymethods]
impl Organisation {
    /// An organisation from JSON ("efficiency.organisation/1"); errors name the field and id.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = crate::convert::text(py, text, "text")?;
        let text = text.as_str();
        Ok(Organisation {
            inner: wrap(py, org::Organisation::from_json(text))?,
        })
    }
    /// The sample bureau.
    #[staticmethod]
    fn sample() -> Self {
        Organisation {
            inner: org::Organisation::sample(),
        }
    }
    /// The responsibility chain above a person: person, unit head, supervising leader, principal leader.
    fn chain<'py>(
        &self,
        py: Python<'py>,
        person: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let person = crate::convert::text(py, person, "person")?;
        let person = person.as_str();
        to_py(py, &wrap(py, self.inner.chain(person))?)
    }
    /// The chain for a fault of a whole unit.
    fn unit_chain<'py>(
        &self,
        py: Python<'py>,
        unit: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let unit = crate::convert::text(py, unit, "unit")?;
        let unit = unit.as_str();
        to_py(py, &wrap(py, self.inner.unit_chain(unit))?)
    }
    /// A roster (JSON) for `CaseContext`, from the organisation's people.
    fn roster_json(&self) -> String {
        self.inner.roster_json()
    }
    /// The organisation as JSON.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
}

/// The accountability rule table: severity x role matrix, repeats, sanction periods.
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct AccountabilityRules {
    inner: acc::AccountabilityRules,
}

#[pymethods]
impl AccountabilityRules {
    /// The defaults (docs/domain.md §7).
    #[new]
    fn new() -> Self {
        AccountabilityRules {
            inner: acc::AccountabilityRules::default(),
        }
    }
    /// Rules from JSON ("efficiency.accountability/1").
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = crate::convert::text(py, text, "text")?;
        let text = text.as_str();
        Ok(AccountabilityRules {
            inner: wrap(py, acc::AccountabilityRules::from_json(text))?,
        })
    }
    /// The span of the sanctions `imposed` (one or several, decided together) starting `start`, given
    /// `running` sanctions as (kind, start date) pairs: a dict with until_min, until_max,
    /// permanent and explanation.
    fn sanction_span<'py>(
        &self,
        py: Python<'py>,
        running: &Bound<'py, PyAny>,
        imposed: &Bound<'py, PyAny>,
        start: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        use crate::convert::{ok, value};
        let span = ok(
            py,
            self.inner
                .sanction_span_of(&value(running)?, &value(imposed)?, &value(start)?),
        )?;
        to_py(py, &span)
    }
}

/// Conduct rules and complaint/rating limits (defaults: the six prohibitions, 7 / 15 / 15 workdays).
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct ActivityRules {
    inner: CoreActivityRules,
}

#[pymethods]
impl ActivityRules {
    /// Rules from a conduct list and complaint limits (JSON), each defaulting to the shipped one.
    #[new]
    #[pyo3(signature = (conduct_json = None, complaint_json = None, calendar = None))]
    fn new(
        py: Python<'_>,
        conduct_json: Option<&Bound<'_, PyAny>>,
        complaint_json: Option<&Bound<'_, PyAny>>,
        calendar: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let calendar = calendar
            .map(|v| crate::convert::class::<Calendar>(v, "calendar"))
            .transpose()?;
        let conduct_json = crate::convert::opt_text(py, conduct_json, "conduct_json")?;
        let conduct_json = conduct_json.as_deref();
        let complaint_json = crate::convert::opt_text(py, complaint_json, "complaint_json")?;
        let complaint_json = complaint_json.as_deref();
        let inner = wrap(
            py,
            CoreActivityRules::from_parts(
                conduct_json,
                complaint_json,
                calendar.map(|c| c.inner.clone()),
            ),
        )?;
        Ok(ActivityRules { inner })
    }
    /// The conduct rules as dicts (code, name, name_zh, severity).
    #[getter]
    fn conduct<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.conduct)
    }
}

/// A period's conduct incidents, complaints and service ratings ("efficiency.activity/1").
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct Activity {
    inner: activity::Activity,
}

#[pymethods]
impl Activity {
    /// Activity from JSON.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = crate::convert::text(py, text, "text")?;
        let text = text.as_str();
        Ok(Activity {
            inner: wrap(py, activity::Activity::from_json(text))?,
        })
    }
    /// The sample bureau's activity.
    #[staticmethod]
    fn sample() -> Self {
        Activity {
            inner: activity::Activity::sample(),
        }
    }
    /// The faults at `as_of`, as dicts (source, code, severity, at, people, unit, events, message).
    fn faults<'py>(
        &self,
        py: Python<'py>,
        organisation: &Bound<'_, PyAny>,
        rules: &Bound<'_, PyAny>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let organisation = crate::convert::class::<Organisation>(organisation, "organisation")?;
        let rules = crate::convert::class::<ActivityRules>(rules, "rules")?;
        let t = crate::convert::time_in(py, as_of, "as_of", rules.inner.calendar.zone())?;
        to_py(
            py,
            &wrap(py, self.inner.faults(&organisation.inner, &rules.inner, t))?,
        )
    }
    /// The staff whereabouts board at `at` (docs/domain.md §13): every person with the posted entry
    /// covering the moment (at post when none; a leave's reason not shown). With `rules`, their
    /// calendar and office hours say who is off duty (a rest day, outside office hours) instead
    /// of at post. Dicts, or an Arrow table with `table=True`.
    #[pyo3(signature = (organisation, at, rules = None, *, table = false))]
    fn whereabouts_board<'py>(
        &self,
        py: Python<'py>,
        organisation: &Bound<'_, PyAny>,
        at: &Bound<'py, PyAny>,
        rules: Option<&Bound<'_, PyAny>>,
        table: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let organisation = crate::convert::class::<Organisation>(organisation, "organisation")?;
        let rules = match rules {
            Some(r) if !r.is_none() => Some(crate::convert::class::<ActivityRules>(r, "rules")?),
            _ => None,
        };
        judged(py, at, "at", Zone::CHINA, table, |t| match &rules {
            Some(r) => self
                .inner
                .whereabouts_board_with(&organisation.inner, &r.inner, t),
            None => self.inner.whereabouts_board(&organisation.inner, t),
        })
    }
    /// The ratings summary at `as_of` per unit, then `all` (好差评 with denominators: logged,
    /// excluded by upheld appeals, counted, by score, bad rate, call-backs and fixes on time).
    #[pyo3(signature = (organisation, rules, as_of, *, table = false))]
    fn ratings_summary<'py>(
        &self,
        py: Python<'py>,
        organisation: &Bound<'_, PyAny>,
        rules: &Bound<'_, PyAny>,
        as_of: &Bound<'py, PyAny>,
        table: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let organisation = crate::convert::class::<Organisation>(organisation, "organisation")?;
        let rules = crate::convert::class::<ActivityRules>(rules, "rules")?;
        judged(
            py,
            as_of,
            "as_of",
            rules.inner.calendar.zone(),
            table,
            |t| {
                self.inner
                    .ratings_summary(&organisation.inner, &rules.inner, t)
            },
        )
    }
    /// The register of published results at `as_of` (公开办事结果): per decision its due, when
    /// it went online under which masking profile, revision dues, display end, state, findings.
    #[pyo3(signature = (organisation, rules, as_of, *, table = false))]
    fn publication_register<'py>(
        &self,
        py: Python<'py>,
        organisation: &Bound<'_, PyAny>,
        rules: &Bound<'_, PyAny>,
        as_of: &Bound<'py, PyAny>,
        table: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let organisation = crate::convert::class::<Organisation>(organisation, "organisation")?;
        let rules = crate::convert::class::<ActivityRules>(rules, "rules")?;
        judged(
            py,
            as_of,
            "as_of",
            rules.inner.calendar.zone(),
            table,
            |t| {
                self.inner
                    .publication_register(&organisation.inner, &rules.inner, t)
            },
        )
    }
}

/// Rows the core draws at a moment (`at`, named `name`), as dicts or one Arrow table.
fn judged<'py, T: serde::Serialize + Sync>(
    py: Python<'py>,
    at: &Bound<'py, PyAny>,
    name: &str,
    zone: Zone,
    table: bool,
    rows: impl FnOnce(chrono::NaiveDateTime) -> Result<Vec<T>, OrgError>,
) -> PyResult<Bound<'py, PyAny>> {
    let t = crate::convert::time_in(py, at, name, zone)?;
    let rows = wrap(py, rows(t))?;
    rows_out(py, &rows, table)
}

/// Records as dicts, or as one Arrow table.
fn rows_out<'py, T: serde::Serialize + Sync>(
    py: Python<'py>,
    rows: &[T],
    table: bool,
) -> PyResult<Bound<'py, PyAny>> {
    if table {
        crate::arrow::table(py, rows)
    } else {
        to_py(py, &rows)
    }
}

/// The accountability list for `faults` (dicts as `Activity.faults` and `Case.faults` make
/// them) in the `period` [from, to); `rules` the shipped matrix when None. Decided by the core
/// (`accountability_list_of`).
#[pyfunction]
#[pyo3(name = "_accountability_list")]
fn accountability_list<'py>(
    py: Python<'py>,
    organisation: &Bound<'_, PyAny>,
    faults: &Bound<'py, PyAny>,
    period: &Bound<'py, PyAny>,
    rules: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let organisation = crate::convert::class::<Organisation>(organisation, "organisation")?;
    let rules = rules
        .map(|r| crate::convert::class::<AccountabilityRules>(r, "rules"))
        .transpose()?;
    let (faults, period) = (
        crate::convert::value(faults)?,
        crate::convert::value(period)?,
    );
    let list = crate::convert::ok(
        py,
        acc::accountability_list_of(
            &organisation.inner,
            rules.as_ref().map(|r| &r.inner),
            &faults,
            &period,
            Zone::CHINA,
        ),
    )?;
    to_py(py, &list)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Organisation>()?;
    m.add_class::<AccountabilityRules>()?;
    m.add_class::<ActivityRules>()?;
    m.add_class::<Activity>()?;
    m.add_function(wrap_pyfunction!(accountability_list, m)?)?;
    Ok(())
}
