//! A bureau's own data for the annual review, as named documents (the files of a folder, the
//! values of a JS object, the entries of a Python dict). The core reads texts, never the disk:
//! the bindings and the example read the folder and hand the texts in.
//!
//! ```
//! use efficiency_core::bureau::Bureau;
//! let files = [
//!     ("organisation.json", efficiency_core::org::SAMPLE_ORGANISATION_JSON),
//!     ("cases.jsonl", include_str!("../data/sample/cases.jsonl")),
//!     ("activity.json", efficiency_core::activity::SAMPLE_ACTIVITY_JSON),
//! ];
//! let bureau = Bureau::from_files(&files)?;
//! let review = bureau.review(2026)?;
//! assert_eq!(review.cases, 8);
//! # Ok::<(), efficiency_core::error::Error>(())
//! ```

use crate::accountability::AccountabilityRules;
use crate::activity::{Activity, ActivityRules, COMPLAINT_RULES_JSON, CONDUCT_RULES_JSON};
use crate::assessment::AssessmentRules;
use crate::boundary::Value;
use crate::calendar::Calendar;
use crate::campaign::CampaignTemplate;
use crate::case::{CaseContext, CaseEvent, EventRow, FindingRules};
use crate::error::Error;
use crate::item::ItemCatalog;
use crate::org::Organisation;
use crate::review::{AnnualReview, ReviewInput, ReviewRules, YearRecords};

/// The documents a bureau may give, by file name, and what each holds. Only
/// `organisation.json` and `cases.jsonl` are required; the others default to the shipped data.
///
/// ```
/// use efficiency_core::bureau::BUREAU_FILES;
/// let names: Vec<&str> = BUREAU_FILES.iter().map(|(name, _)| *name).collect();
/// assert_eq!(&names[..2], ["organisation.json", "cases.jsonl"]);
/// assert!(names.contains(&"settings.json"));
/// ```
pub const BUREAU_FILES: &[(&str, &str)] = &[
    (
        "organisation.json",
        "units, people, positions (efficiency.organisation/1); required",
    ),
    (
        "cases.jsonl",
        "case events, one JSON line each, sorted by case id; required",
    ),
    (
        "activity.json",
        "conduct incidents, complaints, ratings (efficiency.activity/1)",
    ),
    (
        "year.json",
        "inspections, commendations, campaign deliverables, self-inspection forms",
    ),
    (
        "calendar.json",
        "the working-day calendar (efficiency.calendar/1); default China's",
    ),
    (
        "settings.json",
        "office hours, the end of a counted day, the zone, reminder and after-hours limits (efficiency.settings/1)",
    ),
    (
        "items.json",
        "service items (efficiency.items/1); default the templates",
    ),
    ("items.toml", "service items, as TOML"),
    (
        "findings.json",
        "finding severities and limits (efficiency.finding-rules/1)",
    ),
    (
        "accountability.json",
        "the accountability matrix, repeats, sanctions",
    ),
    (
        "assessment.json",
        "the assessment table (deductions, caps, vetoes, grades)",
    ),
    ("assessment.toml", "the assessment table, as TOML"),
    ("conduct.json", "the conduct rules (六不准)"),
    ("complaints.json", "complaint and rating limits"),
    ("campaign.json", "the campaign plan"),
];

/// The sample bureau's 2026 as files (`data/bureau/`, embedded): its organisation, 400 cases'
/// events, its activity and its year records, as a bureau would bring its own. They are the
/// generated year ([`Bureau::sample`]`(2026, 400, 2026)`) written out, and reviewed the same.
///
/// ```
/// use efficiency_core::bureau::{Bureau, SAMPLE_BUREAU_FILES};
/// let bureau = Bureau::from_files(SAMPLE_BUREAU_FILES)?;
/// assert!(bureau.case_lines.len() > 1000);
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub const SAMPLE_BUREAU_FILES: &[(&str, &str)] = &[
    (
        "organisation.json",
        include_str!("../data/bureau/organisation.json"),
    ),
    ("cases.jsonl", include_str!("../data/bureau/cases.jsonl")),
    (
        "activity.json",
        include_str!("../data/bureau/activity.json"),
    ),
    ("year.json", include_str!("../data/bureau/year.json")),
];

/// Everything a bureau brings to its annual review.
///
/// ```
/// use efficiency_core::bureau::Bureau;
/// let bureau = Bureau::sample(2026, 40, 1)?;
/// assert_eq!(bureau.organisation.units.iter().filter(|u| u.id == "social_org").count(), 1);
/// assert!(!bureau.case_lines.is_empty());
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Bureau {
    /// The organisation.
    pub organisation: Organisation,
    /// Calendar, items, roster (from the organisation) and finding rules.
    pub context: CaseContext,
    /// The rule tables.
    pub rules: ReviewRules,
    /// Case events, JSON lines sorted by case id.
    pub case_lines: Vec<String>,
    /// Conduct incidents, complaints and ratings.
    pub activity: Activity,
    /// Inspections, commendations, deliverables, forms.
    pub records: YearRecords,
}

/// An error of the document `file`: its code is kept, the file is named.
fn in_file(file: &str, e: impl Into<Error>) -> Error {
    let mut e: Error = e.into();
    e.message = format!("{file}: {}", e.message);
    e.field = Some(match e.field.take() {
        Some(f) => format!("{file}: {f}"),
        None => file.to_string(),
    });
    e
}

impl Bureau {
    /// A bureau from named documents (see [`BUREAU_FILES`]). A name that is not one of them,
    /// a missing required one, or a document that does not load is an error naming the file
    /// (and the path or line inside it).
    ///
    /// ```
    /// use efficiency_core::bureau::{Bureau, SAMPLE_BUREAU_FILES};
    /// assert!(Bureau::from_files(SAMPLE_BUREAU_FILES).is_ok());
    /// let e = Bureau::from_files(&[("organisation.json", "{}")]).unwrap_err();
    /// assert!(e.field.unwrap().starts_with("organisation.json"));
    /// let e = Bureau::from_files(&[("minutes.docx", "")]).unwrap_err();
    /// assert!(e.to_string().contains("minutes.docx"), "{e}");
    /// ```
    pub fn from_files(files: &[(&str, &str)]) -> Result<Bureau, Error> {
        Bureau::build(files, None)
    }

    /// A bureau from named documents whose case events come as rows (an Arrow table's rows, a
    /// host's list of event objects) instead of `cases.jsonl`: every row is checked as a JSON
    /// line would be, and a bad one is an error naming its row (0-based) and field.
    ///
    /// ```
    /// use efficiency_core::bureau::{Bureau, SAMPLE_BUREAU_FILES};
    /// use efficiency_core::case::EventRow;
    /// let files: Vec<(&str, &str)> = SAMPLE_BUREAU_FILES.iter().copied().filter(|(n, _)| *n != "cases.jsonl").collect();
    /// let row = EventRow::parse(r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"off01","event":"refuse_reception"}"#, 1)?;
    /// let bureau = Bureau::from_files_and_rows(&files, [row])?;
    /// assert_eq!(bureau.case_lines.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_files_and_rows<'a>(
        files: &[(&str, &str)],
        rows: impl IntoIterator<Item = EventRow<'a>>,
    ) -> Result<Bureau, Error> {
        if files.iter().any(|(n, _)| *n == "cases.jsonl") {
            return Err(Error::new(
                "argument.invalid",
                "give the case events once: cases.jsonl or a table of cases, not both",
            )
            .with_field("cases"));
        }
        let lines = rows
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                CaseEvent::from_row(row, i + 1)
                    .map(|e| e.to_line())
                    .map_err(|e| in_file("cases", Error::from(e).in_row(i)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Bureau::build(files, Some(lines))
    }

    /// A bureau from documents as a host language holds them: a mapping from file name to its
    /// text, or to the document itself (a JS object, a Python dict); `cases.jsonl` may be a list
    /// of event objects. Every value goes through the same checks as a file's text.
    ///
    /// ```
    /// use efficiency_core::boundary::Value;
    /// use efficiency_core::bureau::Bureau;
    /// let event = |id: &str, at: &str, event: &str| Value::Map(vec![
    ///     ("id".into(), Value::Str(id.into())), ("case".into(), Value::Str("C1".into())),
    ///     ("at".into(), Value::Str(at.into())), ("actor".into(), Value::Str("mar01".into())),
    ///     ("event".into(), Value::Str(event.into())),
    /// ]);
    /// let mut receive = event("e1", "2026-03-02T09:00", "receive");
    /// if let Value::Map(m) = &mut receive {
    ///     m.push(("item".into(), Value::Str("civil.marriage_registration".into())));
    /// }
    /// let files = Value::Map(vec![
    ///     ("organisation.json".into(), Value::Str(efficiency_core::org::SAMPLE_ORGANISATION_JSON.into())),
    ///     ("cases.jsonl".into(), Value::List(vec![receive, event("e2", "2026-03-02T09:05", "accept")])),
    /// ]);
    /// assert_eq!(Bureau::from_value(&files)?.review(2026)?.cases, 1);
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn from_value(files: &Value) -> Result<Bureau, Error> {
        let texts = Bureau::texts(files)?;
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        Bureau::from_files(&refs)
    }

    /// As [`Bureau::from_value`], with the case events as rows (see
    /// [`Bureau::from_files_and_rows`]).
    ///
    /// ```
    /// use efficiency_core::boundary::Value;
    /// use efficiency_core::bureau::{Bureau, SAMPLE_BUREAU_FILES};
    /// let org = SAMPLE_BUREAU_FILES.iter().find(|(n, _)| *n == "organisation.json").map(|(_, t)| *t).expect("shipped");
    /// let files = Value::Map(vec![("organisation.json".into(), Value::Str(org.into()))]);
    /// let bureau = Bureau::from_value_and_rows(&files, std::iter::empty())?;
    /// assert!(bureau.case_lines.is_empty());
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn from_value_and_rows<'a>(
        files: &Value,
        rows: impl IntoIterator<Item = EventRow<'a>>,
    ) -> Result<Bureau, Error> {
        let texts = Bureau::texts(files)?;
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        Bureau::from_files_and_rows(&refs, rows)
    }

    /// The documents of a host's mapping as texts.
    fn texts(files: &Value) -> Result<Vec<(String, String)>, Error> {
        let Value::Map(entries) = files else {
            return Err(files.type_error(
                "files",
                format!(
                    "files must be a mapping from file name to its text or document, not {}",
                    files.describe()
                ),
            ));
        };
        let zone = crate::date::Zone::CHINA;
        let mut texts = Vec::with_capacity(entries.len());
        for (name, v) in entries {
            let text = match v {
                Value::Str(t) => t.clone(),
                Value::List(rows) if name == "cases.jsonl" => {
                    let mut out = String::new();
                    for (i, r) in rows.iter().enumerate() {
                        let arg = format!("{name}[{i}]");
                        out.push_str(&r.to_json(&arg, zone)?.to_string());
                        out.push('\n');
                    }
                    out
                }
                Value::Map(_) | Value::Record(_) => v.to_json(name, zone)?.to_string(),
                other => {
                    return Err(other.type_error(
                        name,
                        format!(
                            "{name} must be its text or the document, not {}",
                            other.describe()
                        ),
                    ))
                }
            };
            texts.push((name.clone(), text));
        }
        Ok(texts)
    }

    fn build(files: &[(&str, &str)], case_rows: Option<Vec<String>>) -> Result<Bureau, Error> {
        for (name, text) in files {
            crate::limits::document(text, name)?;
            if !BUREAU_FILES.iter().any(|(n, _)| n == name) {
                let names: Vec<&str> = BUREAU_FILES.iter().map(|(n, _)| *n).collect();
                return Err(Error::new(
                    "argument.invalid",
                    format!(
                        "{name:?} is not a bureau document; they are {}",
                        names.join(", ")
                    ),
                )
                .with_field(*name));
            }
        }
        let get = |name: &str| files.iter().find(|(n, _)| *n == name).map(|(_, t)| *t);
        let required = |name: &'static str| {
            get(name).ok_or_else(|| {
                Error::new("argument.missing", format!("a bureau needs {name}")).with_field(name)
            })
        };
        let organisation = Organisation::from_json(required("organisation.json")?)
            .map_err(|e| in_file("organisation.json", e))?;
        let calendar = match get("calendar.json") {
            Some(t) => Calendar::from_json(t).map_err(|e| in_file("calendar.json", e))?,
            None => Calendar::china(),
        };
        // The bureau's office settings: every clock, case, board and register uses them.
        let settings = match get("settings.json") {
            Some(t) => {
                crate::clock::Settings::from_json(t).map_err(|e| in_file("settings.json", e))?
            }
            None => crate::clock::Settings::default(),
        };
        let (calendar, clock_config) = settings.apply(calendar);
        let items = match (get("items.json"), get("items.toml")) {
            (Some(t), _) => ItemCatalog::from_json(t).map_err(|e| in_file("items.json", e))?,
            (None, Some(t)) => ItemCatalog::from_toml(t).map_err(|e| in_file("items.toml", e))?,
            (None, None) => ItemCatalog::templates(),
        };
        let mut context = CaseContext::new(calendar.clone(), items, organisation.roster());
        context.config = clock_config.clone();
        if let Some(t) = get("findings.json") {
            context.rules = FindingRules::from_json(t).map_err(|e| in_file("findings.json", e))?;
        }
        let mut rules = ReviewRules::default();
        if let Some(t) = get("accountability.json") {
            rules.accountability =
                AccountabilityRules::from_json(t).map_err(|e| in_file("accountability.json", e))?;
        }
        match (get("assessment.json"), get("assessment.toml")) {
            (Some(t), _) => {
                rules.assessment =
                    AssessmentRules::from_json(t).map_err(|e| in_file("assessment.json", e))?
            }
            (None, Some(t)) => {
                rules.assessment =
                    AssessmentRules::from_toml(t).map_err(|e| in_file("assessment.toml", e))?
            }
            (None, None) => {}
        }
        let (conduct, complaints) = (get("conduct.json"), get("complaints.json"));
        rules.activity = Some(
            ActivityRules::from_json(
                conduct.unwrap_or(CONDUCT_RULES_JSON),
                complaints.unwrap_or(COMPLAINT_RULES_JSON),
                calendar,
            )
            .map(|r| r.with_clock_config(clock_config))
            .map_err(|e| {
                let file = if conduct.is_some() {
                    "conduct.json"
                } else {
                    "complaints.json"
                };
                in_file(file, e)
            })?,
        );
        if let Some(t) = get("campaign.json") {
            rules.campaign =
                CampaignTemplate::from_json(t).map_err(|e| in_file("campaign.json", e))?;
        }
        let activity = match get("activity.json") {
            Some(t) => Activity::from_json(t).map_err(|e| in_file("activity.json", e))?,
            None => Activity::default(),
        };
        let records = match get("year.json") {
            Some(t) => serde_json::from_str(t).map_err(|e| {
                let (path, message) = crate::json::error_parts(&e);
                in_file(
                    "year.json",
                    Error::new("review.invalid", message).with_field(path),
                )
            })?,
            None => YearRecords::default(),
        };
        let case_lines = match case_rows {
            Some(lines) => lines,
            None => required("cases.jsonl")?
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect(),
        };
        Ok(Bureau {
            organisation,
            context,
            rules,
            case_lines,
            activity,
            records,
        })
    }

    /// The sample bureau with its generated year (`cases` cases, deterministic for `seed`).
    ///
    /// ```
    /// use efficiency_core::bureau::Bureau;
    /// let bureau = Bureau::sample(2026, 40, 1)?;
    /// assert_eq!(bureau.review(2026)?.year, 2026);
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn sample(year: i32, cases: usize, seed: u64) -> Result<Bureau, Error> {
        let input = crate::review::sample_year(year, cases, seed)?;
        let organisation = Organisation::sample();
        let context = CaseContext::new(
            Calendar::china(),
            ItemCatalog::templates(),
            organisation.roster(),
        );
        Ok(Bureau {
            organisation,
            context,
            rules: ReviewRules::default(),
            case_lines: input.case_lines,
            activity: input.activity,
            records: input.records,
        })
    }

    /// The sample bureau from a host's arguments, each optional (null): `year` (default 2026),
    /// `cases` (400) and `seed` (2026) — read here once for every language.
    ///
    /// ```
    /// use efficiency_core::boundary::Value;
    /// use efficiency_core::bureau::Bureau;
    /// let b = Bureau::sample_args(&Value::Null, &Value::Int(40), &Value::Null)?;
    /// assert_eq!(b.review(2026)?.cases, 40);
    /// let e = Bureau::sample_args(&Value::Float(1.5), &Value::Null, &Value::Null).unwrap_err();
    /// assert_eq!((e.code, e.field.as_deref()), ("argument.not_whole", Some("year")));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn sample_args(year: &Value, cases: &Value, seed: &Value) -> Result<Bureau, Error> {
        let (year, cases, seed) = Self::sample_numbers(year, cases, seed, false)?;
        Bureau::sample(year, cases, seed)
    }

    /// The sample bureau's generated year, reviewed (the main job in one call): `year`, `cases`
    /// and `seed` are required here (a missing one is `argument.missing` naming it).
    ///
    /// ```
    /// use efficiency_core::boundary::Value;
    /// use efficiency_core::bureau::Bureau;
    /// let r = Bureau::review_sample(&Value::Int(2026), &Value::Int(40), &Value::Int(1))?;
    /// assert_eq!((r.year, r.cases), (2026, 40));
    /// let e = Bureau::review_sample(&Value::Null, &Value::Int(40), &Value::Int(1)).unwrap_err();
    /// assert_eq!((e.code, e.field.as_deref()), ("argument.missing", Some("year")));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn review_sample(year: &Value, cases: &Value, seed: &Value) -> Result<AnnualReview, Error> {
        let (year, cases, seed) = Self::sample_numbers(year, cases, seed, true)?;
        Bureau::sample(year, cases, seed)?.review(year)
    }

    fn sample_numbers(
        year: &Value,
        cases: &Value,
        seed: &Value,
        required: bool,
    ) -> Result<(i32, usize, u64), Error> {
        use crate::boundary::Whole;
        let n = |v: &Value, name: &str, kind: Whole, default: i64| {
            if required {
                v.whole(name, kind)
            } else {
                v.opt_whole(name, kind).map(|x| x.unwrap_or(default))
            }
        };
        Ok((
            n(year, "year", Whole::Year, 2026)? as i32,
            n(cases, "cases", Whole::SampleCases, 400)? as usize,
            n(seed, "seed", Whole::Seed, 2026)? as u64,
        ))
    }

    /// The annual review of `year` over this bureau's data.
    ///
    /// ```
    /// use efficiency_core::bureau::Bureau;
    /// let bureau = Bureau::sample(2026, 40, 1)?;
    /// let review = bureau.review(2026)?;
    /// assert!(review.cases > 0 && !review.scorecards.is_empty());
    /// // A year the calendar does not cover is an error naming it.
    /// assert_eq!(bureau.review(2031).unwrap_err().code, "calendar.year_not_covered");
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn review(&self, year: i32) -> Result<AnnualReview, Error> {
        self.review_progress(year, &mut |_, _| {})
    }

    /// As [`Bureau::review`], telling `progress(done, total)` case events as it goes.
    ///
    /// ```
    /// use efficiency_core::bureau::Bureau;
    /// let bureau = Bureau::sample(2026, 40, 1)?;
    /// let mut calls = 0;
    /// let review = bureau.review_progress(2026, &mut |done, total| {
    ///     calls += 1;
    ///     assert!(done <= total);
    /// })?;
    /// assert!(calls >= 1 && review.events > 0);
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn review_progress(
        &self,
        year: i32,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<AnnualReview, Error> {
        let (first, last) = self.context.calendar.covered_years();
        if !(first..=last).contains(&year) {
            return Err(Error::new(
                "calendar.year_not_covered",
                format!(
                    "the calendar has no holiday data for {year} (it covers {first}-{last}); \
                     add the year's notice to calendar.json"
                ),
            )
            .with_field("year"));
        }
        let input = ReviewInput {
            year,
            case_lines: self.case_lines.clone(),
            activity: self.activity.clone(),
            records: self.records.clone(),
        };
        Ok(crate::review::annual_review_progress(
            &self.context,
            &self.organisation,
            &input,
            &self.rules,
            progress,
        )?)
    }

    /// The supervision board of the bureau's cases at `as_of` (docs/domain.md §4.4; see
    /// [`crate::supervision::board_of_lines`]): what the office page shows for the sample or a
    /// bureau's own files.
    ///
    /// ```
    /// use efficiency_core::bureau::{Bureau, SAMPLE_BUREAU_FILES};
    /// use efficiency_core::supervision::BoardOptions;
    /// let b = Bureau::from_files(SAMPLE_BUREAU_FILES)?
    ///     .supervision_board("2026-11-30T17:30:00".parse().unwrap(), &BoardOptions::default())?;
    /// let all = b.rows.iter().find(|r| r.group == "all").unwrap();
    /// assert_eq!((all.concluded, all.concluded_on_time, all.running), (380, 366, 4));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn supervision_board(
        &self,
        as_of: chrono::NaiveDateTime,
        options: &crate::supervision::BoardOptions,
    ) -> Result<crate::supervision::Board, Error> {
        let lines: Vec<&str> = self.case_lines.iter().map(String::as_str).collect();
        crate::supervision::board_of_lines(&self.context, &lines, as_of, options)
    }

    /// A supervision card of the bureau's cases explained at `as_of` (see
    /// [`crate::supervision::explain_card`]).
    ///
    /// ```
    /// use efficiency_core::bureau::Bureau;
    /// let bureau = Bureau::sample(2026, 40, 1)?;
    /// use efficiency_core::supervision::{BoardOptions, SupervisionRules};
    /// let as_of = "2026-11-10T09:00:00".parse().expect("a time");
    /// let board = bureau.supervision_board(as_of, &BoardOptions::default())?;
    /// let card = &board.open_cards[0];
    /// let x = bureau.explain_card(&card.id, as_of, &SupervisionRules::default())?;
    /// assert_eq!(x.card.id, card.id);
    /// assert!(!x.evidence.is_empty());
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn explain_card(
        &self,
        card: &str,
        as_of: chrono::NaiveDateTime,
        rules: &crate::supervision::SupervisionRules,
    ) -> Result<crate::supervision::CardExplanation, Error> {
        let lines: Vec<&str> = self.case_lines.iter().map(String::as_str).collect();
        crate::supervision::explain_card(&self.context, &lines, card, as_of, rules)
    }

    /// The annual review of `year` as a report to file (self-contained HTML, see
    /// [`crate::report`]).
    ///
    /// ```
    /// use efficiency_core::bureau::{Bureau, SAMPLE_BUREAU_FILES};
    /// use efficiency_core::guide::Lang;
    /// let html = Bureau::from_files(SAMPLE_BUREAU_FILES)?.review_report(2026, Lang::Zh)?;
    /// assert!(html.starts_with("<!doctype html>") && !html.contains("<script"));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn review_report(&self, year: i32, lang: crate::guide::Lang) -> Result<String, Error> {
        let (review, board) = self.review_and_year_end_board(year, lang)?;
        Ok(crate::report::review_html(
            &review,
            &self.report_sources(&board),
            lang,
        ))
    }

    /// The annual review of `year` as the Excel workbook the supervision office forwards:
    /// scorecards, score lines, the accountability list and the faults (see
    /// [`crate::report::review_workbook`]); the same bytes in every language binding.
    ///
    /// ```
    /// use efficiency_core::bureau::{Bureau, SAMPLE_BUREAU_FILES};
    /// use efficiency_core::guide::Lang;
    /// let xlsx = Bureau::from_files(SAMPLE_BUREAU_FILES)?.review_workbook(2026, Lang::Zh)?;
    /// assert!(xlsx.starts_with(b"PK"));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn review_workbook(&self, year: i32, lang: crate::guide::Lang) -> Result<Vec<u8>, Error> {
        let (review, board) = self.review_and_year_end_board(year, lang)?;
        crate::report::review_workbook(&review, &self.report_sources(&board), lang)
    }

    /// The review of `year` and the supervision board at its last second, the cards written
    /// in `lang` (what the report and the workbook read).
    fn review_and_year_end_board(
        &self,
        year: i32,
        lang: crate::guide::Lang,
    ) -> Result<(AnnualReview, crate::supervision::Board), Error> {
        let review = self.review(year)?;
        let end = chrono::NaiveDate::from_ymd_opt(year, 12, 31)
            .and_then(|d| d.and_hms_opt(23, 59, 59))
            .ok_or_else(|| Error::new("review.invalid", format!("no 31 December in {year}")))?;
        let lines: Vec<&str> = self.case_lines.iter().map(String::as_str).collect();
        let board = crate::supervision::board_of_lines(
            &self.context.with_lang(lang),
            &lines,
            end,
            &crate::supervision::BoardOptions::default(),
        )?;
        Ok((review, board))
    }

    fn report_sources<'a>(
        &'a self,
        board: &'a crate::supervision::Board,
    ) -> crate::report::ReportSources<'a> {
        crate::report::ReportSources {
            org: &self.organisation,
            items: &self.context.items,
            open_cards: &board.open_cards,
        }
    }

    /// The annual review of `year` as flat tables (faults with the unit they count against).
    ///
    /// ```
    /// use efficiency_core::bureau::Bureau;
    /// let bureau = Bureau::sample(2026, 40, 1)?;
    /// let tables = bureau.review_tables(2026)?;
    /// assert_eq!(tables.scorecards.len(), bureau.review(2026)?.scorecards.len());
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn review_tables(&self, year: i32) -> Result<crate::review::ReviewTables, Error> {
        Ok(self.review(year)?.tables(&self.organisation))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample year's accountability list as the README describes it: 115 lines, 74 ordinary
    /// and 41 serious by rule, none very serious; 38 repeats propose ordinary → serious, all on
    /// the repeater's own line; no proposal ever reaches very serious or a leadership line.
    /// A bureau's settings are used by its cases: with 24:00 as the end of a day, a case
    /// concluded at 18:10 on its last day is on time; a bad setting is an error naming the file
    /// and the field.
    #[test]
    fn a_bureaus_settings_reach_its_cases() {
        let org = SAMPLE_BUREAU_FILES
            .iter()
            .find(|(n, _)| *n == "organisation.json")
            .unwrap()
            .1;
        let cases = concat!(
            r#"{"id":"e1","case":"C1","at":"2026-09-28T10:00:00","actor":"aff01","event":"receive","item":"licensing.decision"}"#,
            "\n",
            r#"{"id":"e2","case":"C1","at":"2026-09-28T10:05:00","actor":"aff01","event":"accept"}"#,
            "\n",
            r#"{"id":"e3","case":"C1","at":"2026-10-30T18:10:00","actor":"aff01","event":"conclude","outcome":"granted","on_the_spot":false}"#,
            "\n"
        );
        let at = "2026-11-02T09:00:00".parse().unwrap();
        let outcome = |files: &[(&str, &str)]| {
            let b = Bureau::from_files(files).unwrap();
            let board = b.supervision_board(at, &Default::default()).unwrap();
            let all = board
                .rows
                .iter()
                .find(|r| r.group == "all")
                .unwrap()
                .clone();
            (all.concluded, all.concluded_on_time)
        };
        let midnight = r#"{"format": "efficiency.settings/1", "day_end": "midnight"}"#;
        assert_eq!(
            outcome(&[("organisation.json", org), ("cases.jsonl", cases)]),
            (1, 0)
        );
        assert_eq!(
            outcome(&[
                ("organisation.json", org),
                ("cases.jsonl", cases),
                ("settings.json", midnight)
            ]),
            (1, 1)
        );
        let bad = r#"{"format": "efficiency.settings/1", "office_hours": [["9", "12"]]}"#;
        let e = Bureau::from_files(&[
            ("organisation.json", org),
            ("cases.jsonl", cases),
            ("settings.json", bad),
        ])
        .unwrap_err();
        assert_eq!(e.code, "clock.invalid_settings");
        assert!(
            e.field.as_deref().unwrap().starts_with("settings.json"),
            "{:?}",
            e.field
        );
    }

    /// A bureau whose export has no publication records marks the rule as not judged: no
    /// `publication.late` anywhere, and the review and the report say which rule was not judged.
    #[test]
    fn a_rule_without_data_is_not_judged_and_said_so() {
        let rules = crate::case::FINDING_RULES_JSON.replacen(
            "\"not_judged\": [\"due_date.not_told\"]",
            "\"not_judged\": [\"publication.late\"]",
            1,
        );
        let mut files: Vec<(&str, &str)> = SAMPLE_BUREAU_FILES.to_vec();
        files.push(("findings.json", &rules));
        let bureau = Bureau::from_files(&files).unwrap();
        let r = bureau.review(2026).unwrap();
        assert_eq!(r.not_judged, ["publication.late"]);
        assert!(r.faults.iter().all(|f| f.code != "publication.late"));
        assert!(!r.faults_by_code.contains_key("publication.late"));
        let before = Bureau::from_files(SAMPLE_BUREAU_FILES)
            .unwrap()
            .review(2026)
            .unwrap();
        assert_eq!(before.faults_by_code["publication.late"], 18);
        let report = bureau.review_report(2026, crate::guide::Lang::Zh).unwrap();
        // Said in the figures by name, and by code in the attachment.
        assert!(report.contains("以下规则本年度未作判定") && report.contains("结果未按时公开"));
        assert!(report.contains("<code>publication.late</code>"));
        // An unknown code is an error naming it.
        let bad = rules.replace("[\"publication.late\"]", "[\"publication.tardy\"]");
        files.pop();
        files.push(("findings.json", &bad));
        let e = Bureau::from_files(&files).unwrap_err();
        assert!(e.to_string().contains("publication.tardy"), "{e}");
    }

    #[test]
    fn the_sample_year_proposes_what_the_readme_says() {
        use crate::accountability::Responsibility;
        use crate::case::Severity::{Ordinary, Serious, VerySerious};
        let r = Bureau::sample(2026, 400, 2026)
            .unwrap()
            .review(2026)
            .unwrap();
        let by_rule = |s| r.accountability.iter().filter(|e| e.severity == s).count();
        assert_eq!(
            (
                r.accountability.len(),
                by_rule(Ordinary),
                by_rule(Serious),
                by_rule(VerySerious)
            ),
            (115, 74, 41, 0)
        );
        let proposals: Vec<_> = r
            .accountability
            .iter()
            .filter_map(|e| e.proposal.as_ref().map(|p| (e, p)))
            .collect();
        assert_eq!(proposals.len(), 38);
        for (e, p) in proposals {
            assert_eq!(
                (e.severity, p.severity, e.responsibility),
                (Ordinary, Serious, Responsibility::Direct)
            );
            let prior = e
                .repeat_of
                .as_ref()
                .expect("a proposal names the earlier fault");
            assert!(p.reason.contains(&prior.source), "{}", p.reason);
            assert_eq!(e.to_decide[0], "severity");
        }
    }

    /// The generated sample keeps its cases in id order past 9,999 (none is rejected as
    /// unsorted).
    #[test]
    fn the_sample_beyond_9999_cases_is_sorted() {
        let r = Bureau::sample(2026, 10_050, 3)
            .unwrap()
            .review(2026)
            .unwrap();
        assert_eq!(r.cases, 10_050);
        assert!(r.rejected_rows.is_empty(), "{:?}", &r.rejected_rows[..1]);
    }

    /// The sample bureau's files reviewed for 2026: the same numbers the Python and JS tests
    /// assert for the same files.
    #[test]
    fn the_sample_files_give_the_review_every_language_gives() {
        let files = [
            ("organisation.json", crate::org::SAMPLE_ORGANISATION_JSON),
            ("cases.jsonl", include_str!("../data/sample/cases.jsonl")),
            ("activity.json", crate::activity::SAMPLE_ACTIVITY_JSON),
            ("year.json", include_str!("../data/sample/year.json")),
        ];
        let r = Bureau::from_files(&files).unwrap().review(2026).unwrap();
        assert_eq!(
            (r.cases, r.faults.len(), r.accountability.len()),
            (8, 34, 42)
        );
        let cards: Vec<(&str, f64, &str)> = r
            .scorecards
            .iter()
            .map(|c| (c.unit.as_str(), c.total, c.grade.as_str()))
            .collect();
        assert_eq!(
            cards,
            [
                ("office", 95.0, "excellent"),
                ("marriage", 93.5, "excellent"),
                ("social_org", 90.5, "excellent"),
                ("affairs", 62.5, "unqualified")
            ]
        );
    }
}
