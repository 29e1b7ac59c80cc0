//! JS bindings of the organisation, accountability, conduct, complaints and ratings.

use chrono::{NaiveDate, NaiveDateTime};
use efficiency_core::accountability::{self as acc, Fault, Measure, Sanction};
use efficiency_core::activity;
use efficiency_core::org::{self, OrgError};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::to_js;

pub(crate) fn org_error(e: &OrgError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("EfficiencyError");
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code().into());
    let _ = js_sys::Reflect::set(&err, &"path".into(), &e.path.clone().into());
    err.into()
}

fn wrap<T>(r: Result<T, OrgError>) -> Result<T, JsValue> {
    r.map_err(|e| org_error(&e))
}

fn bad(path: &str, message: String) -> JsValue {
    org_error(&OrgError {
        path: path.to_string(),
        message,
    })
}

fn time(s: &str, name: &str) -> Result<NaiveDateTime, JsValue> {
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .ok_or_else(|| bad(name, format!("{s:?} is not a time YYYY-MM-DDTHH:MM[:SS]")))
}

/// The organisation: units, people, positions, the leadership group.
#[wasm_bindgen]
pub struct Organisation {
    inner: org::Organisation,
}

impl Organisation {
    pub(crate) fn inner(&self) -> &org::Organisation {
        &self.inner
    }
}

#[wasm_bindgen]
impl Organisation {
    /// From JSON ("efficiency.organisation/1"); errors carry `code` and `path`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<Organisation, JsValue> {
        Ok(Organisation {
            inner: wrap(org::Organisation::from_json(text))?,
        })
    }
    /// The sample bureau.
    pub fn sample() -> Organisation {
        Organisation {
            inner: org::Organisation::sample(),
        }
    }
    /// The responsibility chain above a person.
    #[wasm_bindgen(
        unchecked_return_type = "{ person: string; position: string; unit: string | null }[]"
    )]
    pub fn chain(&self, person: &str) -> Result<JsValue, JsValue> {
        to_js(&wrap(self.inner.chain(person))?)
    }
    /// The chain for a fault of a whole unit.
    #[wasm_bindgen(js_name = unitChain, unchecked_return_type = "{ person: string; position: string; unit: string | null }[]")]
    pub fn unit_chain(&self, unit: &str) -> Result<JsValue, JsValue> {
        to_js(&wrap(self.inner.unit_chain(unit))?)
    }
    /// A roster (JSON) for `CaseContext`.
    #[wasm_bindgen(js_name = rosterJson)]
    pub fn roster_json(&self) -> String {
        serde_json::to_string(&self.inner.roster()).expect("rosters serialize")
    }
}

/// The accountability rule table.
#[wasm_bindgen]
pub struct AccountabilityRules {
    inner: acc::AccountabilityRules,
}

#[derive(Deserialize)]
struct JsSanction {
    kind: Measure,
    start: NaiveDate,
}

#[wasm_bindgen]
impl AccountabilityRules {
    /// The defaults (DOMAIN.md §7).
    #[wasm_bindgen(constructor)]
    pub fn new() -> AccountabilityRules {
        AccountabilityRules {
            inner: acc::AccountabilityRules::default(),
        }
    }
    /// From JSON ("efficiency.accountability/1").
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<AccountabilityRules, JsValue> {
        Ok(AccountabilityRules {
            inner: wrap(acc::AccountabilityRules::from_json(text))?,
        })
    }
    /// The span of new sanctions starting `start` ("YYYY-MM-DD"), given running ones.
    #[wasm_bindgen(js_name = sanctionSpan, unchecked_return_type = "{ from: string; until_min: string | null; until_max: string | null; permanent: boolean; explanation: string }")]
    pub fn sanction_span(
        &self,
        #[wasm_bindgen(unchecked_param_type = "{ kind: string; start: string }[]")]
        running: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] new: JsValue,
        start: &str,
    ) -> Result<JsValue, JsValue> {
        let running: Vec<JsSanction> =
            serde_wasm_bindgen::from_value(running).map_err(|e| bad("running", e.to_string()))?;
        let new: Vec<Measure> =
            serde_wasm_bindgen::from_value(new).map_err(|e| bad("new", e.to_string()))?;
        let start = NaiveDate::parse_from_str(start, "%Y-%m-%d")
            .map_err(|_| bad("start", format!("{start:?} is not a date YYYY-MM-DD")))?;
        let running: Vec<Sanction> = running
            .into_iter()
            .map(|s| Sanction {
                kind: s.kind,
                start: s.start,
            })
            .collect();
        to_js(&self.inner.sanction_span(&running, &new, start))
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
    inner: activity::ActivityRules,
}

#[wasm_bindgen]
impl ActivityRules {
    /// From a conduct list and complaint limits (JSON), each defaulting to the shipped one.
    #[wasm_bindgen(constructor)]
    pub fn new(
        conduct_json: Option<String>,
        complaint_json: Option<String>,
    ) -> Result<ActivityRules, JsValue> {
        let inner = wrap(activity::ActivityRules::from_json(
            conduct_json
                .as_deref()
                .unwrap_or(activity::CONDUCT_RULES_JSON),
            complaint_json
                .as_deref()
                .unwrap_or(activity::COMPLAINT_RULES_JSON),
            efficiency_core::calendar::Calendar::china(),
        ))?;
        Ok(ActivityRules { inner })
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
    pub fn from_json(text: &str) -> Result<Activity, JsValue> {
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
    #[wasm_bindgen(unchecked_return_type = "object[]")]
    pub fn faults(
        &self,
        organisation: &Organisation,
        rules: &ActivityRules,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
    ) -> Result<JsValue, JsValue> {
        let t = time(as_of, "asOf")?;
        to_js(&wrap(self.inner.faults(
            &organisation.inner,
            &rules.inner,
            t,
        ))?)
    }
}

/// The accountability list for faults (objects as `Activity.faults` makes them) in [from, to).
#[wasm_bindgen(js_name = accountabilityList, unchecked_return_type = "object[]")]
pub fn accountability_list(
    organisation: &Organisation,
    rules: &AccountabilityRules,
    #[wasm_bindgen(unchecked_param_type = "object[]")] faults: JsValue,
    from: &str,
    to: &str,
) -> Result<JsValue, JsValue> {
    let faults: Vec<Fault> =
        serde_wasm_bindgen::from_value(faults).map_err(|e| bad("faults", e.to_string()))?;
    let (a, b) = (time(from, "from")?, time(to, "to")?);
    to_js(&wrap(acc::accountability_list(
        &organisation.inner,
        &rules.inner,
        &faults,
        a,
        b,
    ))?)
}
