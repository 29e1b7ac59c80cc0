//! JS bindings of the organisation, accountability, conduct, complaints and ratings.

use chrono::NaiveDateTime;
use efficiency_core::accountability::{self as acc};
use efficiency_core::activity;
use efficiency_core::org::{self};
use wasm_bindgen::prelude::*;

use crate::to_js;

fn wrap<T, E: Into<efficiency_core::error::Error>>(r: Result<T, E>) -> Result<T, JsValue> {
    crate::convert::ok(r)
}

/// The organisation: units, people, positions, the leadership group.
#[wasm_bindgen]
pub struct Organisation {
    inner: crate::class::Shared<org::Organisation>,
}

crate::class::is_class!(Organisation, org::Organisation);

#[wasm_bindgen]
impl Organisation {
    /// The object's handle in the table of live objects (how class arguments are found).
    #[wasm_bindgen(getter, js_name = "__handle", skip_typescript)]
    pub fn handle(&self) -> u32 {
        self.inner.handle()
    }
    /// From JSON ("efficiency.organisation/1"); errors carry `code` and `path`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<Organisation, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        let text = text.as_str();
        Ok(Organisation {
            inner: crate::class::Shared::new(wrap(org::Organisation::from_json(text))?),
        })
    }
    /// The sample bureau.
    pub fn sample() -> Organisation {
        Organisation {
            inner: crate::class::Shared::new(org::Organisation::sample()),
        }
    }
    /// The organisation as JSON.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }
    /// The responsibility chain above a person.
    #[wasm_bindgen(unchecked_return_type = "Link[]")]
    pub fn chain(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] person: JsValue,
    ) -> Result<JsValue, JsValue> {
        let person = crate::convert::text(&person, "person")?;
        let person = person.as_str();
        to_js(&wrap(self.inner.chain(person))?)
    }
    /// The chain for a fault of a whole unit.
    #[wasm_bindgen(js_name = unitChain, unchecked_return_type = "Link[]")]
    pub fn unit_chain(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] unit: JsValue,
    ) -> Result<JsValue, JsValue> {
        let unit = crate::convert::text(&unit, "unit")?;
        let unit = unit.as_str();
        to_js(&wrap(self.inner.unit_chain(unit))?)
    }
    /// A roster (JSON) for `CaseContext`.
    #[wasm_bindgen(js_name = rosterJson)]
    pub fn roster_json(&self) -> String {
        self.inner.roster_json()
    }
}

/// The accountability rule table.
#[wasm_bindgen]
pub struct AccountabilityRules {
    inner: crate::class::Shared<acc::AccountabilityRules>,
}

crate::class::is_class!(AccountabilityRules, acc::AccountabilityRules);

#[wasm_bindgen]
impl AccountabilityRules {
    /// The object's handle in the table of live objects (how class arguments are found).
    #[wasm_bindgen(getter, js_name = "__handle", skip_typescript)]
    pub fn handle(&self) -> u32 {
        self.inner.handle()
    }
    /// The defaults (docs/domain.md §7).
    #[wasm_bindgen(constructor)]
    pub fn new() -> AccountabilityRules {
        AccountabilityRules {
            inner: crate::class::Shared::new(acc::AccountabilityRules::default()),
        }
    }
    /// From JSON ("efficiency.accountability/1").
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<AccountabilityRules, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        let text = text.as_str();
        Ok(AccountabilityRules {
            inner: crate::class::Shared::new(wrap(acc::AccountabilityRules::from_json(text))?),
        })
    }
    /// The span of the sanctions `imposed` starting `start` ("YYYY-MM-DD"), given running ones.
    #[wasm_bindgen(js_name = sanctionSpan, unchecked_return_type = "SanctionSpan")]
    pub fn sanction_span(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "([Measure, string | Date] | { kind: Measure; start: string | Date })[]"
        )]
        running: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Measure[]")] imposed: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] start: JsValue,
    ) -> Result<JsValue, JsValue> {
        use crate::convert::value;
        to_js(&wrap(self.inner.sanction_span_of(
            &value(&running),
            &value(&imposed),
            &value(&start),
        ))?)
    }
}

impl Default for AccountabilityRules {
    fn default() -> Self {
        Self::new()
    }
}

/// Conduct rules and complaint/rating limits.
#[wasm_bindgen]
pub struct ActivityRules {
    inner: crate::class::Shared<activity::ActivityRules>,
}

crate::class::is_class!(ActivityRules, activity::ActivityRules);

#[wasm_bindgen]
impl ActivityRules {
    /// The object's handle in the table of live objects (how class arguments are found).
    #[wasm_bindgen(getter, js_name = "__handle", skip_typescript)]
    pub fn handle(&self) -> u32 {
        self.inner.handle()
    }
    /// From a conduct list and complaint limits (JSON), each defaulting to the shipped one.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = conductJson, unchecked_optional_param_type = "string")]
        conduct_json: JsValue,
        #[wasm_bindgen(js_name = complaintJson, unchecked_optional_param_type = "string")]
        complaint_json: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Calendar")] calendar: JsValue,
    ) -> Result<ActivityRules, JsValue> {
        let conduct_json = crate::convert::opt_text(&conduct_json, "conductJson")?;
        let complaint_json = crate::convert::opt_text(&complaint_json, "complaintJson")?;
        let calendar = crate::class::opt_class::<crate::Calendar>(&calendar, "calendar")?;
        let inner = wrap(activity::ActivityRules::from_parts(
            conduct_json.as_deref(),
            complaint_json.as_deref(),
            calendar.map(|c| c.inner.clone()),
        ))?;
        Ok(ActivityRules {
            inner: inner.into(),
        })
    }
    /// The conduct rules (code, name, nameZh, severity).
    #[wasm_bindgen(getter, unchecked_return_type = "ConductRule[]")]
    pub fn conduct(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.conduct)
    }
}

/// A period's conduct incidents, complaints and service ratings.
#[wasm_bindgen]
pub struct Activity {
    inner: activity::Activity,
}

#[wasm_bindgen]
impl Activity {
    /// From JSON ("efficiency.activity/1").
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<Activity, JsValue> {
        let text = crate::convert::text(&text, "text")?;
        let text = text.as_str();
        Ok(Activity {
            inner: wrap(activity::Activity::from_json(text))?,
        })
    }
    /// The sample bureau's activity.
    pub fn sample() -> Activity {
        Activity {
            inner: activity::Activity::sample(),
        }
    }
    /// The faults at `asOf`.
    #[wasm_bindgen(unchecked_return_type = "Fault[]")]
    pub fn faults(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Organisation")] organisation: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ActivityRules")] rules: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let organisation = crate::class::class::<crate::accountability::Organisation>(
            &organisation,
            "organisation",
        )?;
        let rules = crate::class::class::<crate::accountability::ActivityRules>(&rules, "rules")?;
        let t = crate::convert::time(&as_of, "asOf", rules.inner.calendar.zone())?;
        to_js(&wrap(self.inner.faults(
            &organisation.inner,
            &rules.inner,
            t,
        ))?)
    }
    /// The staff whereabouts board at `at` (every person with the posted entry covering the
    /// moment; at post when none; a leave's reason not shown). With `rules`, their calendar and
    /// office hours say who is off duty (a rest day, outside office hours) instead of at post.
    #[wasm_bindgen(js_name = whereaboutsBoard, unchecked_return_type = "WhereaboutsRow[]")]
    pub fn whereabouts_board(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Organisation")] organisation: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ActivityRules | undefined")] rules: JsValue,
    ) -> Result<JsValue, JsValue> {
        let organisation = crate::class::class::<crate::accountability::Organisation>(
            &organisation,
            "organisation",
        )?;
        let rules = if rules.is_undefined() || rules.is_null() {
            None
        } else {
            Some(crate::class::class::<ActivityRules>(&rules, "rules")?)
        };
        judged(
            &at,
            "at",
            efficiency_core::date::Zone::CHINA,
            |t| match &rules {
                Some(r) => self
                    .inner
                    .whereabouts_board_with(&organisation.inner, &r.inner, t),
                None => self.inner.whereabouts_board(&organisation.inner, t),
            },
        )
    }
    /// The ratings summary at `asOf` per unit, then `all`, with denominators.
    #[wasm_bindgen(js_name = ratingsSummary, unchecked_return_type = "RatingsRow[]")]
    pub fn ratings_summary(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Organisation")] organisation: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ActivityRules")] rules: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let organisation = crate::class::class::<crate::accountability::Organisation>(
            &organisation,
            "organisation",
        )?;
        let rules = crate::class::class::<crate::accountability::ActivityRules>(&rules, "rules")?;
        judged(&as_of, "asOf", rules.inner.calendar.zone(), |t| {
            self.inner
                .ratings_summary(&organisation.inner, &rules.inner, t)
        })
    }
    /// The register of published results at `asOf`: dues, profile, revision, display end,
    /// state and findings per decision.
    #[wasm_bindgen(js_name = publicationRegister, unchecked_return_type = "RegisterRow[]")]
    pub fn publication_register(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Organisation")] organisation: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ActivityRules")] rules: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let organisation = crate::class::class::<crate::accountability::Organisation>(
            &organisation,
            "organisation",
        )?;
        let rules = crate::class::class::<crate::accountability::ActivityRules>(&rules, "rules")?;
        judged(&as_of, "asOf", rules.inner.calendar.zone(), |t| {
            self.inner
                .publication_register(&organisation.inner, &rules.inner, t)
        })
    }
}

/// Rows the core draws at a moment (`at`, named `name`), as JS objects.
fn judged<T: serde::Serialize>(
    at: &JsValue,
    name: &str,
    zone: efficiency_core::date::Zone,
    rows: impl FnOnce(NaiveDateTime) -> Result<Vec<T>, org::OrgError>,
) -> Result<JsValue, JsValue> {
    let t = crate::convert::time(at, name, zone)?;
    to_js(&wrap(rows(t))?)
}

/// The accountability list for `faults` in `period` ([from, to)); `rules` the shipped
/// matrix when left out. Decided by the core (`accountability_list_of`).
#[wasm_bindgen(js_name = accountabilityList, unchecked_return_type = "Entry[]")]
pub fn accountability_list(
    #[wasm_bindgen(unchecked_param_type = "Organisation")] organisation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Fault[]")] faults: JsValue,
    #[wasm_bindgen(unchecked_param_type = "[string | Date, string | Date]")] period: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AccountabilityRules")] rules: JsValue,
) -> Result<JsValue, JsValue> {
    let organisation =
        crate::class::class::<crate::accountability::Organisation>(&organisation, "organisation")?;
    let rules =
        crate::class::opt_class::<crate::accountability::AccountabilityRules>(&rules, "rules")?;
    let (faults, period) = (
        crate::convert::value(&faults),
        crate::convert::value(&period),
    );
    to_js(&crate::convert::ok(acc::accountability_list_of(
        &organisation.inner,
        rules.as_ref().map(|r| &*r.inner),
        &faults,
        &period,
        efficiency_core::date::Zone::CHINA,
    ))?)
}
