//! JS bindings of target assessment, the campaign and the annual review.

use efficiency_core::assessment::{self as core_assessment};
use efficiency_core::boundary::{FromArg, Whole};
use efficiency_core::campaign::{self as core_campaign, SelfInspectionForm, Submission};
use wasm_bindgen::prelude::*;

use crate::to_js;

fn wrap<T, E: Into<efficiency_core::error::Error>>(r: Result<T, E>) -> Result<T, JsValue> {
    crate::convert::ok(r)
}

fn from_js<T: serde::de::DeserializeOwned>(v: JsValue, what: &str) -> Result<T, JsValue> {
    crate::convert::ok(crate::convert::value(&v).deserialize(
        what,
        efficiency_core::date::Zone::CHINA,
        "assessment.invalid_input",
    ))
}

fn time(v: &JsValue, name: &str) -> Result<chrono::NaiveDateTime, JsValue> {
    crate::convert::time(v, name, efficiency_core::date::Zone::CHINA)
}

/// The assessment rule table.
#[wasm_bindgen]
pub struct AssessmentRules {
    inner: crate::class::Shared<core_assessment::AssessmentRules>,
}

crate::class::is_class!(AssessmentRules, core_assessment::AssessmentRules);

#[wasm_bindgen]
impl AssessmentRules {
    /// The object's handle in the table of live objects (how class arguments are found).
    #[wasm_bindgen(getter, js_name = "__handle", skip_typescript)]
    pub fn handle(&self) -> u32 {
        self.inner.handle()
    }
    /// The default table (docs/domain.md §11).
    #[wasm_bindgen(constructor)]
    pub fn new() -> AssessmentRules {
        AssessmentRules {
            inner: crate::class::Shared::new(core_assessment::AssessmentRules::default()),
        }
    }
    /// From JSON.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<AssessmentRules, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        let text = text.as_str();
        Ok(AssessmentRules {
            inner: crate::class::Shared::new(wrap(core_assessment::AssessmentRules::from_json(
                text,
            ))?),
        })
    }
    /// From TOML.
    #[wasm_bindgen(js_name = fromToml)]
    pub fn from_toml(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<AssessmentRules, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        let text = text.as_str();
        Ok(AssessmentRules {
            inner: crate::class::Shared::new(wrap(core_assessment::AssessmentRules::from_toml(
                text,
            ))?),
        })
    }
    /// The table's version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.version.clone()
    }
}

impl Default for AssessmentRules {
    fn default() -> Self {
        Self::new()
    }
}

/// Scorecards for `units` over `period` ([from, to)), ranked. `options`: { faults,
/// inspections, commendations, metrics (rows, or columns as `caseMetrics` gives them), rules
/// (the shipped table when left out) }. Decided by the core (`score_units_of`).
#[wasm_bindgen(js_name = scoreUnits, unchecked_return_type = "Scorecard[]")]
pub fn score_units(
    #[wasm_bindgen(unchecked_param_type = "Organisation")] organisation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] units: JsValue,
    #[wasm_bindgen(unchecked_param_type = "[string | Date, string | Date]")] period: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "{ faults?: Fault[]; inspections?: object[]; commendations?: object[]; metrics?: GroupMetrics[] | Record<string, unknown[]>; rules?: AssessmentRules }"
    )]
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let organisation =
        crate::class::class::<crate::accountability::Organisation>(&organisation, "organisation")?;
    let rules_arg = if options.is_object() {
        js_sys::Reflect::get(&options, &JsValue::from_str("rules")).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    let rules = crate::class::opt_class::<AssessmentRules>(&rules_arg, "options.rules")?;
    let input = match crate::convert::value(&options) {
        efficiency_core::boundary::Value::Map(m) => efficiency_core::boundary::Value::Map(
            m.into_iter().filter(|(k, _)| k != "rules").collect(),
        ),
        other => other,
    };
    let (units, period) = (
        crate::convert::value(&units),
        crate::convert::value(&period),
    );
    to_js(&crate::convert::ok(core_assessment::score_units_of(
        organisation.inner(),
        rules.as_ref().map(|r| &*r.inner),
        &units,
        &period,
        &input,
        efficiency_core::date::Zone::CHINA,
    ))?)
}

/// The campaign for a year.
#[wasm_bindgen]
pub struct Campaign {
    inner: core_campaign::Campaign,
}

#[wasm_bindgen]
impl Campaign {
    /// The bureau's plan (or `templateJson`) for `year`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
        #[wasm_bindgen(js_name = templateJson, unchecked_optional_param_type = "string")]
        template_json: JsValue,
    ) -> Result<Campaign, JsValue> {
        let year = crate::convert::whole(&year, "year", Whole::Year)? as i32;
        let template_json = crate::convert::opt_text(&template_json, "templateJson")?;
        let t = wrap(core_campaign::CampaignTemplate::from_json(
            template_json
                .as_deref()
                .unwrap_or(core_campaign::CAMPAIGN_PLAN_JSON),
        ))?;
        Ok(Campaign {
            inner: wrap(t.instantiate(year))?,
        })
    }
    /// The phases.
    #[wasm_bindgen(getter, unchecked_return_type = "Phase[]")]
    pub fn phases(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.phases)
    }
    /// The tasks.
    #[wasm_bindgen(getter, unchecked_return_type = "Task[]")]
    pub fn tasks(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.tasks)
    }
    /// The phase on `date` ("YYYY-MM-DD"), or null.
    #[wasm_bindgen(js_name = phaseOn, unchecked_return_type = "Phase | null")]
    pub fn phase_on(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
    ) -> Result<JsValue, JsValue> {
        let d = crate::convert::date(&date, "date", efficiency_core::date::Zone::CHINA)?;
        to_js(&self.inner.phase_on(d))
    }
    /// [statuses, faults] at `asOf` for `submissions` ({task, unit, at}).
    #[wasm_bindgen(unchecked_return_type = "[TaskStatus[], Fault[]]")]
    pub fn status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Organisation")] organisation: JsValue,
        #[wasm_bindgen(unchecked_param_type = "object[]")] submissions: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let organisation = crate::class::class::<crate::accountability::Organisation>(
            &organisation,
            "organisation",
        )?;
        let subs: Vec<Submission> = from_js(submissions, "submissions")?;
        to_js(&wrap(self.inner.status(
            organisation.inner(),
            &subs,
            time(&as_of, "asOf")?,
        ))?)
    }
}

/// Overdue measures of a self-inspection form at `asOf`, as faults.
#[wasm_bindgen(js_name = selfInspectionFaults, unchecked_return_type = "Fault[]")]
pub fn self_inspection_faults(
    #[wasm_bindgen(unchecked_param_type = "Organisation")] organisation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object")] form: JsValue,
    #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
) -> Result<JsValue, JsValue> {
    let organisation =
        crate::class::class::<crate::accountability::Organisation>(&organisation, "organisation")?;
    let form: SelfInspectionForm = from_js(form, "form")?;
    to_js(&wrap(
        form.faults(organisation.inner(), time(&as_of, "asOf")?),
    )?)
}

/// The sample bureau's generated year, reviewed.
#[wasm_bindgen(js_name = annualReviewSample, unchecked_return_type = "AnnualReview")]
pub fn annual_review_sample(
    #[wasm_bindgen(unchecked_optional_param_type = "number")] year: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] cases: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] seed: JsValue,
) -> Result<JsValue, JsValue> {
    let arg = crate::convert::value;
    to_js(&wrap(efficiency_core::bureau::Bureau::review_sample(
        &arg(&year),
        &arg(&cases),
        &arg(&seed),
    ))?)
}

/// The change between two scorecards of a unit, rule by rule, ending with the total.
#[wasm_bindgen(js_name = scorecardDiff, unchecked_return_type = "DiffLine[]")]
pub fn scorecard_diff(
    #[wasm_bindgen(unchecked_param_type = "Scorecard")] before: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Scorecard")] after: JsValue,
) -> Result<JsValue, JsValue> {
    let a: core_assessment::Scorecard = from_js(before, "before")?;
    let b: core_assessment::Scorecard = from_js(after, "after")?;
    to_js(&core_assessment::diff(&a, &b))
}

/// Units to commend among `cards` (the best grade, no veto); the shipped rules when `rules`
/// is omitted.
#[wasm_bindgen(js_name = commendationList)]
pub fn commendation_list(
    #[wasm_bindgen(unchecked_param_type = "Scorecard[]")] cards: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AssessmentRules")] rules: JsValue,
) -> Result<Vec<String>, JsValue> {
    let rules = crate::class::opt_class::<AssessmentRules>(&rules, "rules")?;
    let cards: Vec<core_assessment::Scorecard> = from_js(cards, "cards")?;
    Ok(core_assessment::commendation_list(
        &cards,
        rules.as_ref().map(|r| r.inner()),
    ))
}

/// [unit, head] pairs to hold responsible: units in the lowest grade or vetoed; the shipped
/// rules when `rules` is omitted.
#[wasm_bindgen(js_name = headsResponsible, unchecked_return_type = "[string, string][]")]
pub fn heads_responsible(
    #[wasm_bindgen(unchecked_param_type = "Scorecard[]")] cards: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AssessmentRules")] rules: JsValue,
) -> Result<JsValue, JsValue> {
    let rules = crate::class::opt_class::<AssessmentRules>(&rules, "rules")?;
    let cards: Vec<core_assessment::Scorecard> = from_js(cards, "cards")?;
    to_js(&core_assessment::heads_responsible(
        &cards,
        rules.as_ref().map(|r| r.inner()),
    ))
}

/// A bureau's own data for the annual review (organisation, cases, activity, year records and,
/// optionally, its own calendar, items and rule tables), checked by the core; errors name the
/// file and the place inside it.
#[wasm_bindgen]
pub struct Bureau {
    inner: efficiency_core::bureau::Bureau,
}

#[wasm_bindgen]
impl Bureau {
    /// From named documents: an object from file name (`organisation.json`, `cases.jsonl`, …,
    /// see `bureauFiles()`) to its text or to the document itself (an object as `JSON.parse`
    /// gives it; `cases.jsonl` may be an array of event objects).
    #[wasm_bindgen(js_name = fromFiles)]
    pub fn from_files(
        #[wasm_bindgen(unchecked_param_type = "Record<string, string | object>")] files: JsValue,
    ) -> Result<Bureau, JsValue> {
        Ok(Bureau {
            inner: wrap(efficiency_core::bureau::Bureau::from_value(
                &crate::convert::document(&files),
            ))?,
        })
    }

    /// The sample bureau with a generated year (deterministic for `seed`).
    pub fn sample(
        #[wasm_bindgen(unchecked_optional_param_type = "number")] year: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number")] cases: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number")] seed: JsValue,
    ) -> Result<Bureau, JsValue> {
        let arg = crate::convert::value;
        Ok(Bureau {
            inner: wrap(efficiency_core::bureau::Bureau::sample_args(
                &arg(&year),
                &arg(&cases),
                &arg(&seed),
            ))?,
        })
    }

    /// The annual review of `year`; `progress(done, total)`, if given, is called with the case
    /// events judged so far (every 10,000 and at the end).
    #[wasm_bindgen(unchecked_return_type = "AnnualReview")]
    pub fn review(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "(done: number, total: number) => void")]
        progress: JsValue,
    ) -> Result<JsValue, JsValue> {
        let year = crate::convert::whole(&year, "year", Whole::Year)? as i32;
        let callback = progress.dyn_ref::<js_sys::Function>().cloned();
        let mut thrown: Option<JsValue> = None;
        let review = self.inner.review_progress(year, &mut |done, total| {
            if let (Some(f), None) = (&callback, &thrown) {
                thrown = f
                    .call2(
                        &JsValue::NULL,
                        &(done as f64).into(),
                        &(total as f64).into(),
                    )
                    .err();
            }
        });
        if let Some(e) = thrown {
            return Err(e);
        }
        to_js(&wrap(review)?)
    }

    /// The supervision board of the bureau's cases at `asOf` (options as `supervisionBoard`:
    /// groupBy, since, actions, rules).
    #[wasm_bindgen(js_name = supervisionBoard, unchecked_return_type = "Board")]
    pub fn supervision_board(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "BoardOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        use efficiency_core::supervision::BoardOptions;
        let zone = self.inner.context.calendar.zone();
        let as_of = crate::convert::time(&as_of, "asOf", zone)?;
        let options = wrap(BoardOptions::from_value(
            &crate::convert::value(&options),
            zone,
        ))?;
        to_js(&wrap(self.inner.supervision_board(as_of, &options))?)
    }

    /// A supervision card explained at `asOf`: the card, its evidence events and, for a clock
    /// card, the period day by day (`options.rules`: the supervision rules, default B).
    #[wasm_bindgen(js_name = explainCard, unchecked_return_type = "CardExplanation")]
    pub fn explain_card(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] card: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "BoardOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        use efficiency_core::supervision::BoardOptions;
        let zone = self.inner.context.calendar.zone();
        let card = crate::convert::text(&card, "card")?;
        let as_of = crate::convert::time(&as_of, "asOf", zone)?;
        let options = wrap(BoardOptions::from_value(
            &crate::convert::value(&options),
            zone,
        ))?;
        to_js(&wrap(self.inner.explain_card(
            &card,
            as_of,
            &options.rules,
        ))?)
    }

    /// The annual review of `year` as a report to file: one self-contained HTML document that
    /// prints to A4; `lang` "zh" (default) or "en".
    #[wasm_bindgen(js_name = reviewReport)]
    pub fn review_report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
        #[wasm_bindgen(unchecked_param_type = "\"zh\" | \"en\" | undefined")] lang: JsValue,
    ) -> Result<String, JsValue> {
        let (year, lang) = year_and_lang(&year, &lang)?;
        wrap(self.inner.review_report(year, lang))
    }

    /// The annual review of `year` as the Excel workbook (`.xlsx` bytes) the supervision office
    /// forwards: scorecards, score lines, the accountability list, the faults; `lang` "zh"
    /// (default) or "en". The same bytes Rust and Python produce.
    #[wasm_bindgen(js_name = reviewWorkbook)]
    pub fn review_workbook(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
        #[wasm_bindgen(unchecked_param_type = "\"zh\" | \"en\" | undefined")] lang: JsValue,
    ) -> Result<Vec<u8>, JsValue> {
        let (year, lang) = year_and_lang(&year, &lang)?;
        wrap(self.inner.review_workbook(year, lang))
    }

    /// The annual review of `year` as flat tables (arrays of rows).
    #[wasm_bindgen(js_name = reviewTables, unchecked_return_type = "ReviewTables")]
    pub fn review_tables(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
    ) -> Result<JsValue, JsValue> {
        let year = crate::convert::whole(&year, "year", Whole::Year)? as i32;
        to_js(&wrap(self.inner.review_tables(year))?)
    }

    /// Number of case events.
    #[wasm_bindgen(getter, js_name = caseEvents)]
    pub fn case_events(&self) -> usize {
        self.inner.case_lines.len()
    }
}

/// The sample bureau's 2026 as files (organisation.json, cases.jsonl, activity.json,
/// year.json): an object for `Bureau.fromFiles`, the same files the Rust example reviews.
#[wasm_bindgen(js_name = sampleBureauFiles, unchecked_return_type = "Record<string, string>")]
pub fn sample_bureau_files() -> JsValue {
    let o = js_sys::Object::new();
    for (name, text) in efficiency_core::bureau::SAMPLE_BUREAU_FILES {
        js_sys::Reflect::set(&o, &(*name).into(), &(*text).into()).expect("a plain object");
    }
    o.into()
}

/// The documents a bureau may give (`Bureau.fromFiles`).
#[wasm_bindgen(js_name = bureauFiles)]
pub fn bureau_files() -> Vec<String> {
    efficiency_core::bureau::BUREAU_FILES
        .iter()
        .map(|(n, _)| n.to_string())
        .collect()
}

/// The `year` and `lang` ("zh" by default) of a report or workbook.
fn year_and_lang(
    year: &JsValue,
    lang: &JsValue,
) -> Result<(i32, efficiency_core::guide::Lang), JsValue> {
    use efficiency_core::guide::Lang;
    let year = crate::convert::whole(year, "year", Whole::Year)? as i32;
    let lang = wrap(Lang::from_arg(
        &crate::convert::value(lang),
        "lang",
        Lang::Zh,
    ))?;
    Ok((year, lang))
}
