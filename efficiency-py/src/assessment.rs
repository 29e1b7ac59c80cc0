//! Python bindings of target assessment, the campaign and the annual review.

use efficiency_core::assessment::{self as core_assessment};
use efficiency_core::boundary::FromArg;
use efficiency_core::boundary::Whole;
use efficiency_core::campaign::{self as core_campaign, SelfInspectionForm, Submission};
use pyo3::prelude::*;

use crate::accountability::{wrap, Organisation};
use crate::clock::to_time;
use crate::convert::to_py;
use crate::convert::whole;

fn parse<T: serde::de::DeserializeOwned>(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    what: &str,
) -> PyResult<T> {
    crate::convert::from_py(py, value, what, "assessment.invalid_input")
}

/// The assessment rule table (目标考核): deductions, caps, bonuses, metric items, vetoes, grades.
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct AssessmentRules {
    inner: core_assessment::AssessmentRules,
}

#[pymethods]
impl AssessmentRules {
    /// The default table (docs/domain.md §11).
    #[new]
    fn new() -> Self {
        AssessmentRules {
            inner: core_assessment::AssessmentRules::default(),
        }
    }
    /// From JSON ("efficiency.assessment/1").
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = crate::convert::text(py, text, "text")?;
        let text = text.as_str();
        Ok(AssessmentRules {
            inner: wrap(py, core_assessment::AssessmentRules::from_json(text))?,
        })
    }
    /// From TOML (the same fields).
    #[staticmethod]
    fn from_toml(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = crate::convert::text(py, text, "text")?;
        let text = text.as_str();
        Ok(AssessmentRules {
            inner: wrap(py, core_assessment::AssessmentRules::from_toml(text))?,
        })
    }
    /// The table's version.
    #[getter]
    fn version(&self) -> String {
        self.inner.version.clone()
    }
}

/// Scorecards for `units` over the `period` [from, to); `input` a dict with any of faults,
/// inspections, commendations and metrics (rows, or the columns `case_metrics` returns);
/// `rules` the shipped table when None. Decided by the core (`score_units_of`).
#[pyfunction]
#[pyo3(name = "_score_units")]
fn score_units<'py>(
    py: Python<'py>,
    organisation: &Bound<'_, PyAny>,
    units: &Bound<'py, PyAny>,
    period: &Bound<'py, PyAny>,
    input: &Bound<'py, PyAny>,
    rules: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let organisation = crate::convert::class::<Organisation>(organisation, "organisation")?;
    let rules = rules
        .map(|r| crate::convert::class::<AssessmentRules>(r, "rules"))
        .transpose()?;
    let (units, period, input) = (
        crate::convert::value(units)?,
        crate::convert::value(period)?,
        crate::convert::value(input)?,
    );
    let cards = crate::convert::ok(
        py,
        core_assessment::score_units_of(
            &organisation.inner,
            rules.as_ref().map(|r| &r.inner),
            &units,
            &period,
            &input,
            efficiency_core::date::Zone::CHINA,
        ),
    )?;
    to_py(py, &cards)
}

/// The campaign (行政效能建设活动) for a year, from the bureau's plan or a template (JSON).
///
/// >>> import efficiency, datetime
/// >>> efficiency.Campaign(2026).phase_on(datetime.date(2026, 9, 15))["name_zh"]
/// '整改提高'
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct Campaign {
    inner: core_campaign::Campaign,
}

#[pymethods]
impl Campaign {
    /// The plan for `year`; errors name the phase or task (overlaps, gaps, a task due outside its phase).
    #[new]
    #[pyo3(signature = (year, template_json = None))]
    fn new(
        py: Python<'_>,
        year: &Bound<'_, PyAny>,
        template_json: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let template_json = crate::convert::opt_text(py, template_json, "template_json")?;
        let template_json = template_json.as_deref();
        let year = crate::convert::whole(py, year, "year", Whole::Year)? as i32;
        let t = wrap(
            py,
            core_campaign::CampaignTemplate::from_json(
                template_json.unwrap_or(core_campaign::CAMPAIGN_PLAN_JSON),
            ),
        )?;
        Ok(Campaign {
            inner: wrap(py, t.instantiate(year))?,
        })
    }
    /// The phases (code, name, name_zh, from, to).
    #[getter]
    fn phases<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.phases)
    }
    /// The tasks (code, name, phase, owner, deliverable, due).
    #[getter]
    fn tasks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.tasks)
    }
    /// The phase `date` falls in, or None.
    fn phase_on<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let date = crate::to_date(py, date, "date")?;
        to_py(py, &self.inner.phase_on(date))
    }
    /// Each unit's tasks at `as_of` and the faults for late or missing deliverables:
    /// (statuses, faults); `submissions` are dicts with task, unit and at.
    fn status<'py>(
        &self,
        py: Python<'py>,
        organisation: &Bound<'_, PyAny>,
        submissions: &Bound<'py, PyAny>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let organisation = crate::convert::class::<Organisation>(organisation, "organisation")?;
        let subs: Vec<Submission> = parse(py, submissions, "submissions")?;
        let t = to_time(py, as_of, "as_of")?;
        to_py(
            py,
            &wrap(py, self.inner.status(&organisation.inner, &subs, t))?,
        )
    }
}

/// Overdue measures of a self-inspection form (dict with unit and items) at `as_of`, as faults.
#[pyfunction]
fn self_inspection_faults<'py>(
    py: Python<'py>,
    organisation: &Bound<'_, PyAny>,
    form: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let organisation = crate::convert::class::<Organisation>(organisation, "organisation")?;
    let form: SelfInspectionForm = parse(py, form, "form")?;
    let t = to_time(py, as_of, "as_of")?;
    to_py(py, &wrap(py, form.faults(&organisation.inner, t))?)
}

/// The sample bureau's generated year, reviewed: metrics, faults, accountability, scorecards,
/// campaign. Runs without the GIL.
#[pyfunction]
#[pyo3(name = "_annual_review_sample")]
fn annual_review_sample<'py>(
    py: Python<'py>,
    year: &Bound<'py, PyAny>,
    cases: &Bound<'py, PyAny>,
    seed: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let arg = crate::convert::value;
    let (year, cases, seed) = (arg(year)?, arg(cases)?, arg(seed)?);
    let review = py.detach(|| efficiency_core::bureau::Bureau::review_sample(&year, &cases, &seed));
    to_py(py, &crate::convert::ok(py, review)?)
}

/// The change between two scorecards of a unit (dicts as `score_units` returns them), rule by
/// rule, ending with the total.
#[pyfunction]
fn scorecard_diff<'py>(
    py: Python<'py>,
    before: &Bound<'py, PyAny>,
    after: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let a: core_assessment::Scorecard = parse(py, before, "before")?;
    let b: core_assessment::Scorecard = parse(py, after, "after")?;
    to_py(py, &core_assessment::diff(&a, &b))
}

/// Units to commend (the best grade, no veto) among `cards`.
#[pyfunction]
#[pyo3(signature = (cards, rules = None))]
fn commendation_list(
    py: Python<'_>,
    cards: &Bound<'_, PyAny>,
    rules: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<String>> {
    let rules = rules
        .map(|v| crate::convert::class::<AssessmentRules>(v, "rules"))
        .transpose()?;
    let cards: Vec<core_assessment::Scorecard> = parse(py, cards, "cards")?;
    Ok(core_assessment::commendation_list(
        &cards,
        rules.as_ref().map(|r| &r.inner),
    ))
}

/// (unit, head) pairs to hold responsible: units in the lowest grade or vetoed.
#[pyfunction]
#[pyo3(signature = (cards, rules = None))]
fn heads_responsible(
    py: Python<'_>,
    cards: &Bound<'_, PyAny>,
    rules: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<(String, String)>> {
    let rules = rules
        .map(|v| crate::convert::class::<AssessmentRules>(v, "rules"))
        .transpose()?;
    let cards: Vec<core_assessment::Scorecard> = parse(py, cards, "cards")?;
    Ok(core_assessment::heads_responsible(
        &cards,
        rules.as_ref().map(|r| &r.inner),
    ))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(scorecard_diff, m)?)?;
    m.add_function(wrap_pyfunction!(commendation_list, m)?)?;
    m.add_function(wrap_pyfunction!(heads_responsible, m)?)?;
    m.add_class::<AssessmentRules>()?;
    m.add_class::<Campaign>()?;
    m.add_class::<Bureau>()?;
    m.add(
        "BUREAU_FILES",
        efficiency_core::bureau::BUREAU_FILES
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>(),
    )?;
    m.add(
        "SAMPLE_BUREAU_FILES",
        efficiency_core::bureau::SAMPLE_BUREAU_FILES
            .iter()
            .copied()
            .collect::<std::collections::BTreeMap<_, _>>(),
    )?;
    m.add_function(wrap_pyfunction!(score_units, m)?)?;
    m.add_function(wrap_pyfunction!(self_inspection_faults, m)?)?;
    m.add_function(wrap_pyfunction!(annual_review_sample, m)?)?;
    Ok(())
}

/// A bureau's own data for the annual review (organisation, cases, activity, year records and,
/// optionally, its own calendar, items and rule tables), checked by the core; errors name the
/// file and the place inside it.
#[pyclass(module = "efficiency", frozen)]
pub(crate) struct Bureau {
    inner: efficiency_core::bureau::Bureau,
}

#[pymethods]
impl Bureau {
    /// From named documents: a dict from file name (`organisation.json`, `cases.jsonl`, …, see
    /// `BUREAU_FILES`) to its text or to the document itself (a dict; `cases.jsonl` may be a
    /// list of event dicts). `cases`, if given, is the case events as a table (pyarrow, Polars,
    /// pandas through pyarrow, DuckDB, Parquet: any Arrow table or stream, sorted by case id,
    /// columns as `EVENT_COLUMNS`) instead of `cases.jsonl`; a bad row is an error naming it.
    #[staticmethod]
    #[pyo3(signature = (files, cases = None))]
    fn from_files(
        py: Python<'_>,
        files: &Bound<'_, PyAny>,
        cases: Option<pyo3_arrow::input::AnyRecordBatch>,
    ) -> PyResult<Self> {
        let files = crate::convert::value(files)?;
        let inner = match cases {
            None => py.detach(|| efficiency_core::bureau::Bureau::from_value(&files)),
            Some(events) => {
                let batches = crate::arrow::batches(events)?;
                let columns = batches
                    .iter()
                    .map(crate::arrow::EventColumns::new)
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(crate::convert::error_of)?;
                py.detach(|| {
                    efficiency_core::bureau::Bureau::from_value_and_rows(
                        &files,
                        columns.iter().flat_map(|c| c.rows()),
                    )
                })
            }
        };
        Ok(Bureau {
            inner: crate::convert::ok(py, inner)?,
        })
    }

    /// From a folder holding the documents (those of `BUREAU_FILES` that are present); `cases`
    /// as for `from_files` (then the folder has no `cases.jsonl`).
    #[staticmethod]
    #[pyo3(signature = (path, cases = None))]
    fn from_folder(
        py: Python<'_>,
        path: std::path::PathBuf,
        cases: Option<pyo3_arrow::input::AnyRecordBatch>,
    ) -> PyResult<Self> {
        let files = pyo3::types::PyDict::new(py);
        for (name, _) in efficiency_core::bureau::BUREAU_FILES {
            let p = path.join(name);
            if p.exists() {
                let text = std::fs::read_to_string(&p).map_err(|e| {
                    pyo3::exceptions::PyOSError::new_err(format!("{}: {e}", p.display()))
                })?;
                files.set_item(*name, text)?;
            }
        }
        Bureau::from_files(py, files.as_any(), cases)
    }

    /// The sample bureau with a generated year (deterministic for `seed`).
    #[staticmethod]
    #[pyo3(signature = (year = None, cases = None, seed = None))]
    fn sample(
        py: Python<'_>,
        year: Option<&Bound<'_, PyAny>>,
        cases: Option<&Bound<'_, PyAny>>,
        seed: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let arg = |v: Option<&Bound<'_, PyAny>>| {
            v.map_or(
                Ok(efficiency_core::boundary::Value::Null),
                crate::convert::value,
            )
        };
        let (year, cases, seed) = (arg(year)?, arg(cases)?, arg(seed)?);
        Ok(Bureau {
            inner: crate::convert::ok(
                py,
                efficiency_core::bureau::Bureau::sample_args(&year, &cases, &seed),
            )?,
        })
    }

    /// The annual review of `year` (an `AnnualReview` dict; see `annual_review_sample`).
    /// `progress(done, total)`, if given, is called with the case events judged so far (every
    /// 10,000 and at the end); an exception it raises ends the review.
    #[pyo3(signature = (year, progress = None))]
    fn review<'py>(
        &self,
        py: Python<'py>,
        year: &Bound<'py, PyAny>,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let year = whole(py, year, "year", Whole::Year)? as i32;
        let mut raised: Option<PyErr> = None;
        let review = py.detach(|| {
            self.inner.review_progress(year, &mut |done, total| {
                if let (Some(f), None) = (&progress, &raised) {
                    raised = Python::attach(|py| f.call1(py, (done, total)).err());
                }
            })
        });
        if let Some(e) = raised {
            return Err(e);
        }
        to_py(py, &review.map_err(|e| crate::convert::error(py, e))?)
    }

    /// The supervision board of the bureau's cases at `as_of` (the options of
    /// `supervision_board`: group_by, since, actions, rules).
    #[pyo3(signature = (*, as_of, group_by = None, since = None, actions = None, rules = None, table = false))]
    #[allow(clippy::too_many_arguments)] // keyword options, named in Python's signature
    fn supervision_board<'py>(
        &self,
        py: Python<'py>,
        as_of: &Bound<'py, PyAny>,
        group_by: Option<&Bound<'py, PyAny>>,
        since: Option<&Bound<'py, PyAny>>,
        actions: Option<&Bound<'py, PyAny>>,
        rules: Option<&Bound<'py, PyAny>>,
        table: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let zone = self.inner.context.calendar.zone();
        let (as_of, options) =
            crate::case::board_args(py, zone, as_of, [group_by, since, actions, rules])?;
        let board = py
            .detach(|| self.inner.supervision_board(as_of, &options))
            .map_err(|e| crate::convert::error(py, e))?;
        crate::case::board_out(py, &board, table)
    }

    /// A supervision card explained at `as_of`: the card, its evidence events and, for a clock
    /// card, the period day by day (`rules`: the supervision rules, default convention B).
    #[pyo3(signature = (card, *, as_of, rules = None))]
    fn explain_card<'py>(
        &self,
        py: Python<'py>,
        card: &Bound<'py, PyAny>,
        as_of: &Bound<'py, PyAny>,
        rules: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let zone = self.inner.context.calendar.zone();
        let card = crate::convert::text(py, card, "card")?;
        let (as_of, options) = crate::case::board_args(py, zone, as_of, [None, None, None, rules])?;
        let x = py
            .detach(|| self.inner.explain_card(&card, as_of, &options.rules))
            .map_err(|e| crate::convert::error(py, e))?;
        to_py(py, &x)
    }

    /// The annual review of `year` as a report to file (总结验收报告): one self-contained HTML
    /// document (inline styles and SVG charts, no script) that prints to A4; `lang` "zh"
    /// (default) or "en". The same text Rust and JS produce.
    #[pyo3(signature = (year, lang = None))]
    fn review_report(
        &self,
        py: Python<'_>,
        year: &Bound<'_, PyAny>,
        lang: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        use efficiency_core::guide::Lang;
        let year = whole(py, year, "year", Whole::Year)? as i32;
        let lang = crate::convert::choice(py, lang, "lang", Lang::Zh, Lang::from_arg)?;
        py.detach(|| self.inner.review_report(year, lang))
            .map_err(|e| crate::convert::error(py, e))
    }

    /// The annual review of `year` as the Excel workbook (`.xlsx` bytes) the supervision office
    /// forwards: scorecards, score lines, the accountability list, the faults; `lang` "zh"
    /// (default) or "en". The same bytes Rust and JS produce.
    #[pyo3(signature = (year, lang = None))]
    fn review_workbook<'py>(
        &self,
        py: Python<'py>,
        year: &Bound<'py, PyAny>,
        lang: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        use efficiency_core::guide::Lang;
        let year = whole(py, year, "year", Whole::Year)? as i32;
        let lang = crate::convert::choice(py, lang, "lang", Lang::Zh, Lang::from_arg)?;
        let bytes = py
            .detach(|| self.inner.review_workbook(year, lang))
            .map_err(|e| crate::convert::error(py, e))?;
        Ok(pyo3::types::PyBytes::new(py, &bytes))
    }

    /// The annual review of `year` as Arrow tables (a dict: metrics, faults with the unit they
    /// count against, accountability, scorecards, score_lines, campaign_status).
    fn review_tables<'py>(
        &self,
        py: Python<'py>,
        year: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        let year = whole(py, year, "year", Whole::Year)? as i32;
        let t = py
            .detach(|| self.inner.review_tables(year))
            .map_err(|e| crate::convert::error(py, e))?;
        let d = pyo3::types::PyDict::new(py);
        d.set_item("metrics", crate::arrow::table(py, &t.metrics)?)?;
        d.set_item("faults", crate::arrow::table(py, &t.faults)?)?;
        d.set_item(
            "accountability",
            crate::arrow::table(py, &t.accountability)?,
        )?;
        d.set_item("scorecards", crate::arrow::table(py, &t.scorecards)?)?;
        d.set_item("score_lines", crate::arrow::table(py, &t.score_lines)?)?;
        d.set_item(
            "campaign_status",
            crate::arrow::table(py, &t.campaign_status)?,
        )?;
        Ok(d)
    }

    /// Number of case events.
    #[getter]
    fn case_events(&self) -> usize {
        self.inner.case_lines.len()
    }
}
