//! Service items (事项) as data: each states its statutory and promised limits, the special
//! procedures whose time does not count, who may approve an extension and how much, and an
//! urgent limit. Loaded from JSON (`efficiency.items/1`, unknown fields rejected); the shipped
//! templates are [`ITEM_TEMPLATES_JSON`].

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::clock::{
    Authority, Clock, ClockError, ClockEvent, ExtensionPolicy, OfficeHours, TimeLimit,
};

/// Format tag of an item catalog.
///
/// ```
/// use efficiency_core::item::{ItemCatalog, ITEMS_FORMAT};
/// let text = format!(r#"{{"format": "{ITEMS_FORMAT}", "items": [{{"code": "x.one", "name": "One", "name_zh": "一",
///   "legal_basis": "test", "statutory": {{"amount": 5, "unit": "workdays"}}}}]}}"#);
/// assert_eq!(ItemCatalog::from_json(&text)?.items.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const ITEMS_FORMAT: &str = "efficiency.items/1";
/// The shipped templates: licensing-law limits and example civil-affairs items.
///
/// ```
/// use efficiency_core::item::{ItemCatalog, ITEM_TEMPLATES_JSON};
/// assert_eq!(ItemCatalog::from_json(ITEM_TEMPLATES_JSON)?.items.len(), ItemCatalog::templates().items.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const ITEM_TEMPLATES_JSON: &str = include_str!("../data/items/templates.json");

/// A special procedure (特别程序) an item may go through.
///
/// ```
/// use efficiency_core::item::ItemCatalog;
/// let items = ItemCatalog::templates();
/// let item = items.get("civil.social_org_registration").expect("a template");
/// let expert = item.special_procedures.iter().find(|p| p.code == "expert_review").expect("listed");
/// assert!(!expert.counts_toward_limit);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SpecialProcedure {
    /// Stable code, e.g. `expert_review`.
    pub code: String,
    /// Name, for clerks and applicants.
    pub name: String,
    /// Whether its time counts toward the limit (if so it does not stop the clock).
    pub counts_toward_limit: bool,
    /// How long it may take at most (a published guide states it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_time: Option<TimeLimit>,
}

/// One internal step of an item's workflow: every step has a responsible role and a time limit
/// (the source's "每个环节都有责任人和时限").
///
/// ```
/// use efficiency_core::item::ItemCatalog;
/// let items = ItemCatalog::templates();
/// let item = items.get("civil.social_org_registration").expect("a template");
/// use efficiency_core::clock::TimeLimit;
/// let codes: Vec<&str> = item.steps.iter().map(|s| s.code.as_str()).collect();
/// assert_eq!(codes, ["review", "approve"]);
/// assert!(item.steps.iter().all(|s| s.limit.unit == TimeLimit::workdays(1).unit));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WorkflowStep {
    /// Stable code, e.g. `review`.
    pub code: String,
    /// Name.
    pub name: String,
    /// The role responsible for the step.
    pub role: Authority,
    /// How long the step may take, counted from its start.
    pub limit: TimeLimit,
}

/// A kind of application the bureau handles.
///
/// ```
/// use efficiency_core::item::ItemCatalog;
/// let items = ItemCatalog::templates();
/// let item = items.get("civil.social_org_registration").expect("a template");
/// use efficiency_core::clock::TimeLimit;
/// assert_eq!((item.statutory, item.promised), (TimeLimit::workdays(20), Some(TimeLimit::workdays(10))));
/// assert_eq!(item.urgent, Some(TimeLimit::workdays(1)));
/// assert_eq!(item.name_zh, "社会团体成立登记");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceItem {
    /// Stable code, e.g. `licensing.decision`.
    pub code: String,
    /// English name.
    pub name: String,
    /// Chinese name.
    #[serde(default)]
    pub name_zh: String,
    /// The law and article the limits come from.
    pub legal_basis: String,
    /// Limit set by law.
    pub statutory: TimeLimit,
    /// Shorter limit the bureau promises publicly (must be within the statutory one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promised: Option<TimeLimit>,
    /// Extensions allowed; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<ExtensionPolicy>,
    /// Limit for urgent matters (急事急办).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgent: Option<TimeLimit>,
    /// Special procedures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub special_procedures: Vec<SpecialProcedure>,
    /// Internal steps, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<WorkflowStep>,
    /// The one-time supplement (clarification) notice must follow receipt within this many
    /// workdays, or the case counts as accepted on receipt: 5 when absent (行政许可法 Art. 32);
    /// 7 for an information request (政府信息公开条例 Art. 30). The clock restarts from the day
    /// after the complete (clarified) application arrives either way (docs/domain.md §4.3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_limit: Option<TimeLimit>,
    /// How soon after conclusion the result must be published; the rule table's default
    /// applies when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication_limit: Option<TimeLimit>,
    /// What the period counts from (docs/domain.md §4.3): the recorded acceptance (default), or
    /// the receipt where the law says so (政府信息公开条例 Art. 33: 自收到申请之日起), so that no
    /// bureau gains days by recording late. A clarified or supplemented application counts from
    /// the complete one either way.
    #[serde(default, skip_serializing_if = "CountsFrom::is_acceptance")]
    pub counts_from: CountsFrom,
    /// How long a supplement requested during review (审查中补正) may stop the clock; beyond it
    /// the time counts again (`procedure.overrun`). No limit when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_supplement: Option<TimeLimit>,
}

/// What an item's period counts from.
///
/// ```
/// use efficiency_core::item::{CountsFrom, ItemCatalog};
/// let items = ItemCatalog::templates();
/// // 政府信息公开条例 Art. 33 counts an information request from its receipt.
/// assert_eq!(items.get("disclosure.request").map(|i| i.counts_from), Some(CountsFrom::Receipt));
/// assert_eq!(items.get("licensing.decision").map(|i| i.counts_from), Some(CountsFrom::Acceptance));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CountsFrom {
    /// The recorded acceptance (受理).
    #[default]
    Acceptance,
    /// The receipt of the application (收到申请).
    Receipt,
}

crate::names!(CountsFrom {
    Acceptance => "acceptance",
    Receipt => "receipt",
});

impl CountsFrom {
    fn is_acceptance(&self) -> bool {
        *self == CountsFrom::Acceptance
    }
}

/// A validated set of items.
///
/// ```
/// use efficiency_core::item::ItemCatalog;
/// let items = ItemCatalog::templates();
/// assert!(items.items.iter().any(|i| i.code == "civil.marriage_registration"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemCatalog {
    /// [`ITEMS_FORMAT`].
    pub format: String,
    /// Where the items come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The items (shared: a case holds its item without copying it).
    pub items: Vec<Arc<ServiceItem>>,
}

fn invalid(field: String, message: String) -> ClockError {
    ClockError::InvalidLimit {
        code: "clock.invalid_item",
        field,
        message,
    }
}

impl ItemCatalog {
    /// The shipped templates.
    ///
    /// ```
    /// use efficiency_core::item::ItemCatalog;
    /// let items = ItemCatalog::templates();
    /// let decision = items.get("licensing.decision").unwrap();
    /// assert_eq!(decision.statutory.to_string(), "20 workdays");
    /// ```
    pub fn templates() -> ItemCatalog {
        ItemCatalog::from_json(ITEM_TEMPLATES_JSON).expect("shipped items are valid")
    }

    /// A catalog from JSON; every item is checked (unique codes, promised and urgent limits
    /// within the statutory one, unique procedure codes). Errors name the item.
    ///
    /// ```
    /// use efficiency_core::item::ItemCatalog;
    /// let bad = r#"{"format": "efficiency.items/1", "items": [{"code": "x", "name": "X", "legal_basis": "-",
    ///   "statutory": {"amount": 20, "unit": "workdays"}, "promised": {"amount": 30, "unit": "workdays"}}]}"#;
    /// let err = ItemCatalog::from_json(bad).unwrap_err();
    /// assert_eq!(err.code(), "clock.promised_exceeds_statutory");
    /// assert!(err.to_string().contains("items[0] (x)"));
    /// ```
    pub fn from_json(text: &str) -> Result<ItemCatalog, ClockError> {
        crate::limits::document(text, "items")?;
        let catalog: ItemCatalog = serde_json::from_str(text).map_err(|e| {
            let (at, m) = crate::json::error_parts(&e);
            invalid(at, m)
        })?;
        catalog.validated()
    }

    /// A catalog from TOML, the same fields as the JSON form (`[[items]]` tables), with the
    /// same checks.
    ///
    /// ```
    /// use efficiency_core::item::ItemCatalog;
    /// let toml = r#"
    /// format = "efficiency.items/1"
    /// [[items]]
    /// code = "licensing.decision"
    /// name = "Administrative licensing decision"
    /// legal_basis = "行政许可法 Art. 42"
    /// statutory = { amount = 20, unit = "workdays" }
    /// promised = { amount = 12, unit = "workdays" }
    /// extension = { max_amount = 10, approver = "agency_head" }
    /// "#;
    /// let items = ItemCatalog::from_toml(toml)?;
    /// assert_eq!(items.items[0].extension.as_ref().map(|e| e.max_count), Some(1));
    /// assert!(ItemCatalog::from_toml("format = 1").is_err());
    /// # Ok::<(), efficiency_core::clock::ClockError>(())
    /// ```
    pub fn from_toml(text: &str) -> Result<ItemCatalog, ClockError> {
        crate::limits::document(text, "items")?;
        let doc = crate::json::toml_as_json(text).map_err(|e| {
            let at = match e.span() {
                Some(span) => {
                    let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                    format!("line {line}")
                }
                None => "document".to_string(),
            };
            invalid(at, e.message().to_string())
        })?;
        let catalog: ItemCatalog = serde_json::from_value(doc)
            .map_err(|e| invalid("document".to_string(), e.to_string()))?;
        catalog.validated()
    }

    pub(crate) fn validated(self) -> Result<ItemCatalog, ClockError> {
        let catalog = self;
        if catalog.format != ITEMS_FORMAT {
            return Err(invalid(
                "format".into(),
                format!("expected {ITEMS_FORMAT:?}, found {:?}", catalog.format),
            ));
        }
        let daily = OfficeHours::default().daily_seconds();
        let mut codes = BTreeSet::new();
        for (i, item) in catalog.items.iter().enumerate() {
            let at = format!("items[{i}] ({})", item.code);
            if item.code.trim().is_empty() {
                return Err(invalid(
                    format!("items[{i}].code"),
                    "must not be empty".into(),
                ));
            }
            if !codes.insert(item.code.as_str()) {
                return Err(invalid(
                    format!("{at}.code"),
                    format!("duplicate item code {:?}", item.code),
                ));
            }
            let no_statute = item.statutory.unit == crate::clock::TimeUnit::NoLimit;
            if no_statute && item.promised.is_none_or(|p| p.unit == item.statutory.unit) {
                return Err(ClockError::limit(
                    "clock.no_limit",
                    format!("{at}.promised"),
                    "the statute sets no limit (\"none\"): the item needs a promised limit, which then binds alone".to_string(),
                ));
            }
            if let Some(p) = item.promised {
                if !p.is_within(&item.statutory, daily) {
                    return Err(ClockError::limit(
                        "clock.promised_exceeds_statutory",
                        format!("{at}.promised"),
                        format!(
                            "promised limit {p} is not within the statutory limit {}",
                            item.statutory
                        ),
                    ));
                }
            }
            if let Some(u) = item.urgent {
                let bound = item.promised.unwrap_or(item.statutory);
                if !u.is_within(&bound, daily) {
                    return Err(invalid(
                        format!("{at}.urgent"),
                        format!("urgent limit {u} is not within {bound}"),
                    ));
                }
            }
            if let Some(n) = item.notice_limit {
                if n.unit != crate::clock::TimeUnit::Workdays || n.amount == 0 {
                    return Err(invalid(
                        format!("{at}.notice_limit"),
                        format!("a notice limit is a number of workdays (at least 1), not {n}"),
                    ));
                }
            }
            if let Some(e) = &item.extension {
                if e.max_amount == 0 || e.max_count == 0 {
                    return Err(invalid(
                        format!("{at}.extension"),
                        "an extension policy needs max_amount and max_count of at least 1 (omit it for none)".into(),
                    ));
                }
            }
            let mut steps = BTreeSet::new();
            for (k, st) in item.steps.iter().enumerate() {
                if !steps.insert(st.code.as_str()) {
                    return Err(invalid(
                        format!("{at}.steps[{k}]"),
                        format!("duplicate step {:?}", st.code),
                    ));
                }
                if st.limit.unit == crate::clock::TimeUnit::OnTheSpot {
                    return Err(invalid(
                        format!("{at}.steps[{k}].limit"),
                        "a step limit needs an amount and a unit".into(),
                    ));
                }
            }
            let mut procs = BTreeSet::new();
            for (k, p) in item.special_procedures.iter().enumerate() {
                if !procs.insert(p.code.as_str()) {
                    return Err(invalid(
                        format!("{at}.special_procedures[{k}]"),
                        format!("duplicate procedure {:?}", p.code),
                    ));
                }
            }
        }
        Ok(catalog)
    }

    /// The item with `code`.
    ///
    /// ```
    /// use efficiency_core::item::ItemCatalog;
    /// let items = ItemCatalog::templates();
    /// let steps: Vec<_> = items.get("licensing.decision").unwrap().steps.iter().map(|s| s.code.as_str()).collect();
    /// assert_eq!(steps, ["review", "sign_off", "approve"]);
    /// ```
    pub fn get(&self, code: &str) -> Option<&ServiceItem> {
        self.shared(code).map(|i| &**i)
    }

    /// The item of a code, shared.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use efficiency_core::item::ItemCatalog;
    /// let items = ItemCatalog::templates();
    /// let a = items.shared("licensing.decision").expect("listed");
    /// assert!(Arc::ptr_eq(a, items.shared("licensing.decision").expect("listed")));
    /// ```
    pub fn shared(&self, code: &str) -> Option<&Arc<ServiceItem>> {
        self.items.iter().find(|i| i.code == code)
    }
}

impl ServiceItem {
    /// The item as JSON, as a catalogue lists it.
    ///
    /// ```
    /// use efficiency_core::item::{ItemCatalog, ServiceItem};
    /// let items = ItemCatalog::templates();
    /// let item = items.get("disclosure.request").unwrap();
    /// let again: ServiceItem = serde_json::from_str(&item.to_json()).unwrap();
    /// assert_eq!(&again, item);
    /// assert!(item.to_json().contains(r#""counts_from": "receipt""#));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("items serialize")
    }

    /// A clock for a case of this item accepted at `accepted_at`.
    ///
    /// ```
    /// use efficiency_core::{calendar::Calendar, item::ItemCatalog};
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let item = ItemCatalog::templates().get("civil.social_org_registration").unwrap().clone();
    /// let clock = item.clock(Calendar::china(), t("2026-09-28 10:00"))?;
    /// let s = clock.status(t("2026-09-28 10:00"))?;
    /// assert_eq!(s.promised_due.to_string(), "2026-10-16 17:30:00");
    /// assert_eq!(s.statutory_due.map(|d| d.to_string()).as_deref(), Some("2026-10-30 17:30:00"));
    /// # Ok::<(), efficiency_core::clock::ClockError>(())
    /// ```
    pub fn clock(
        &self,
        calendar: Calendar,
        accepted_at: NaiveDateTime,
    ) -> Result<ItemClock, ClockError> {
        let mut clock = self.clock_unbound(calendar, accepted_at)?;
        clock.item = Some(Arc::new(self.clone()));
        Ok(clock)
    }

    /// As [`ServiceItem::clock`], sharing the item instead of copying it.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::item::{ItemCatalog, ServiceItem};
    /// let items = ItemCatalog::templates();
    /// let item = items.shared("civil.social_org_registration").expect("listed");
    /// let clock = ServiceItem::shared_clock(item, Calendar::china(), t("2026-09-28 10:00"))?;
    /// assert_eq!(clock.clock().status(t("2026-10-08 09:00"))?.promised_due, t("2026-10-16 17:30"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shared_clock(
        item: &Arc<ServiceItem>,
        calendar: Calendar,
        accepted_at: NaiveDateTime,
    ) -> Result<ItemClock, ClockError> {
        let mut clock = item.clock_unbound(calendar, accepted_at)?;
        clock.item = Some(Arc::clone(item));
        Ok(clock)
    }

    fn clock_unbound(
        &self,
        calendar: Calendar,
        accepted_at: NaiveDateTime,
    ) -> Result<ItemClock, ClockError> {
        let mut clock = Clock::new(calendar, accepted_at, self.statutory)
            .with_extension_policy(self.extension.clone().unwrap_or(ExtensionPolicy::NONE));
        if let Some(p) = self.promised {
            clock = clock.with_promised(p)?;
        }
        if let Some(n) = self.notice_limit {
            clock = clock.with_notice_limit(n.amount);
        }
        Ok(ItemClock { clock, item: None })
    }
}

/// A [`Clock`], bound to its item or not. Bound, its suspensions name one of the item's
/// special procedures; unbound (`ItemClock::from(clock)`), a suspension takes any reason.
///
/// ```
/// use efficiency_core::item::ItemCatalog;
/// let items = ItemCatalog::templates();
/// let item = items.get("civil.social_org_registration").expect("a template");
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::calendar::Calendar;
/// let mut clock = item.clock(Calendar::china(), t("2026-09-28 10:00"))?;
/// // The item's special procedures stop its clock by their code.
/// clock.suspend(t("2026-10-09 15:00"), "expert_review")?;
/// clock.clock_mut().resume(t("2026-10-13 09:00"))?;
/// // 10, 12 and 13 October do not count: the due moves from 30 October to 4 November.
/// assert_eq!(clock.clock().status(t("2026-10-20 09:00"))?.statutory_due, Some(t("2026-11-04 17:30")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ItemClock {
    clock: Clock,
    item: Option<Arc<ServiceItem>>,
}

impl From<Clock> for ItemClock {
    fn from(clock: Clock) -> Self {
        ItemClock { clock, item: None }
    }
}

impl ItemClock {
    /// Stops the clock for the item's special procedure `procedure` (by code). A procedure
    /// whose time counts toward the limit does not stop the clock: that is an error, as is a
    /// procedure the item does not list.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::item::ItemCatalog;
    /// let t = |s: &str| s.parse().unwrap();
    /// let items = ItemCatalog::templates();
    /// let item = items.get("civil.social_org_registration").unwrap();
    /// let mut c = item.clock(Calendar::china(), t("2026-11-02T09:00:00"))?;
    /// c.suspend(t("2026-11-03T09:00:00"), "expert_review")?; // 专家评审: not counted
    /// // A site check counts toward the limit, and an unknown procedure is refused.
    /// assert_eq!(c.suspend(t("2026-11-04T09:00:00"), "site_visit").unwrap_err().code(), "clock.procedure_counts");
    /// assert_eq!(c.suspend(t("2026-11-04T09:00:00"), "lunch").unwrap_err().code(), "clock.unknown_procedure");
    /// # Ok::<(), efficiency_core::clock::ClockError>(())
    /// ```
    pub fn suspend(&mut self, at: NaiveDateTime, procedure: &str) -> Result<(), ClockError> {
        let Some(item) = &self.item else {
            return self.clock.suspend(at, procedure);
        };
        let index = self.clock.events().len();
        let fail = |code, message| ClockError::InvalidEvent {
            index,
            event: "suspend",
            code,
            message,
        };
        match item.special_procedures.iter().find(|p| p.code == procedure) {
            None => Err(fail(
                "clock.unknown_procedure",
                format!("item {} has no special procedure {procedure:?}", item.code),
            )),
            Some(p) if p.counts_toward_limit => Err(fail(
                "clock.procedure_counts",
                format!(
                    "{} counts toward the limit of {}; it does not stop the clock",
                    p.name, item.code
                ),
            )),
            Some(p) => {
                let reason = p.name.clone();
                self.clock.push(ClockEvent::Suspend {
                    at,
                    reason,
                    limit: p.max_time,
                })
            }
        }
    }

    /// See [`Clock::with_config`].
    ///
    /// ```
    /// use efficiency_core::item::ItemCatalog;
    /// let items = ItemCatalog::templates();
    /// let item = items.get("civil.social_org_registration").expect("a template");
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{ClockConfig, DayEnd};
    /// let config = ClockConfig { day_end: DayEnd::Midnight, ..ClockConfig::default() };
    /// let clock = item.clock(Calendar::china(), t("2026-09-28 10:00"))?.with_config(config)?;
    /// assert_eq!(clock.clock().status(t("2026-10-08 09:00"))?.statutory_due, Some(t("2026-10-31 00:00")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_config(
        mut self,
        config: crate::clock::ClockConfig,
    ) -> Result<ItemClock, ClockError> {
        self.clock = self.clock.with_config(config)?;
        Ok(self)
    }

    /// See [`Clock::with_supplement_notice`].
    ///
    /// ```
    /// use efficiency_core::item::ItemCatalog;
    /// let items = ItemCatalog::templates();
    /// let item = items.get("civil.social_org_registration").expect("a template");
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::calendar::Calendar;
    /// let clock = item.clock(Calendar::china(), t("2026-09-28 10:00"))?
    ///     .with_supplement_notice(t("2026-09-24 10:00"), t("2026-09-25 10:00"))?;
    /// assert!(clock.clock().status(t("2026-10-08 09:00"))?.findings.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_supplement_notice(
        mut self,
        received_at: NaiveDateTime,
        notice_at: NaiveDateTime,
    ) -> Result<ItemClock, ClockError> {
        self.clock = self.clock.with_supplement_notice(received_at, notice_at)?;
        Ok(self)
    }

    /// The underlying clock, for every other event and for [`Clock::status`].
    ///
    /// ```
    /// use efficiency_core::item::ItemCatalog;
    /// let items = ItemCatalog::templates();
    /// let item = items.get("civil.social_org_registration").expect("a template");
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::calendar::Calendar;
    /// let clock = item.clock(Calendar::china(), t("2026-09-28 10:00"))?;
    /// assert_eq!(clock.clock().accepted_at(), t("2026-09-28 10:00"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// The underlying clock, mutable.
    ///
    /// ```
    /// use efficiency_core::item::ItemCatalog;
    /// let items = ItemCatalog::templates();
    /// let item = items.get("civil.social_org_registration").expect("a template");
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::calendar::Calendar;
    /// let mut clock = item.clock(Calendar::china(), t("2026-09-28 10:00"))?;
    /// clock.clock_mut().conclude(t("2026-10-09 10:00"))?;
    /// assert_eq!(clock.clock().events().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clock_mut(&mut self) -> &mut Clock {
        &mut self.clock
    }

    /// The item, when bound.
    ///
    /// ```
    /// use efficiency_core::item::ItemCatalog;
    /// let items = ItemCatalog::templates();
    /// let item = items.get("civil.social_org_registration").expect("a template");
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::calendar::Calendar;
    /// let clock = item.clock(Calendar::china(), t("2026-09-28 10:00"))?;
    /// assert_eq!(clock.item().map(|i| i.code.as_str()), Some("civil.social_org_registration"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn item(&self) -> Option<&ServiceItem> {
        self.item.as_deref()
    }
}

impl std::ops::Deref for ItemClock {
    type Target = Clock;
    fn deref(&self) -> &Clock {
        &self.clock
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(items: &str) -> Result<ItemCatalog, ClockError> {
        ItemCatalog::from_json(&format!(
            r#"{{"format": "efficiency.items/1", "items": [{items}]}}"#
        ))
    }

    const ITEM: &str = r#"{"code": "a", "name": "A", "legal_basis": "-", "statutory": {"amount": 20, "unit": "workdays"}}"#;

    #[test]
    fn templates_load_and_have_the_laws_numbers() {
        let t = ItemCatalog::templates();
        let joint = t.get("licensing.joint").unwrap();
        assert_eq!(joint.statutory, TimeLimit::workdays(45));
        let ext = joint.extension.clone().unwrap();
        assert_eq!(
            (ext.max_amount, ext.approver.as_str(), ext.max_count),
            (15, "government_head", 1)
        );
        assert!(t.items.len() >= 10);
    }

    #[test]
    fn bad_items_name_the_item_and_field() {
        let dup = catalog(&format!("{ITEM}, {ITEM}")).unwrap_err();
        assert!(
            dup.to_string().contains("items[1] (a).code") && dup.to_string().contains("duplicate"),
            "{dup}"
        );
        let urgent = ITEM.replace("}}", r#"}, "urgent": {"amount": 30, "unit": "workdays"}}"#);
        assert!(catalog(&urgent)
            .unwrap_err()
            .to_string()
            .contains("items[0] (a).urgent"));
        let unknown = ITEM.replace(r#""name": "A""#, r#""name": "A", "colour": "red""#);
        assert!(catalog(&unknown)
            .unwrap_err()
            .to_string()
            .contains("unknown field `colour`"));
        let approver = ITEM.replace(
            "}}",
            r#"}, "extension": {"max_amount": 5, "approver": "janitor"}}"#,
        );
        assert!(catalog(&approver)
            .unwrap_err()
            .to_string()
            .contains("janitor"));
        let unit = ITEM.replace("workdays", "fortnights");
        assert!(catalog(&unit)
            .unwrap_err()
            .to_string()
            .contains("fortnights"));
        let toml_err = ItemCatalog::from_toml(
            "format = \"efficiency.items/1\"\n[[items]]\ncode = \"a\"\ncolour = 1\n",
        )
        .unwrap_err();
        assert!(toml_err.to_string().contains("colour"), "{toml_err}");
    }

    /// A statute of "none" (docs/domain.md §4.2): the item needs a promise, which binds alone
    /// (no statutory due, never red); "none" as the promise is refused, naming the field.
    #[test]
    fn an_item_without_a_statute_runs_on_its_promise() {
        let none = r#"{"amount": 0, "unit": "none"}"#;
        let bare = ITEM.replace(r#"{"amount": 20, "unit": "workdays"}"#, none);
        let e = catalog(&bare).unwrap_err();
        assert_eq!(e.code(), "clock.no_limit");
        assert!(e.to_string().contains("items[0] (a).promised"), "{e}");
        let promised_none = bare.replace("}}", &format!("}}, \"promised\": {none}}}"));
        assert_eq!(
            catalog(&promised_none).unwrap_err().code(),
            "clock.no_limit"
        );
        let promised = bare.replace(
            "}}",
            r#"}, "promised": {"amount": 15, "unit": "workdays"}}"#,
        );
        let c = catalog(&promised).unwrap();
        let item = c.get("a").unwrap();
        let t = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let clock = item
            .clock(Calendar::china(), t("2026-09-28 10:00"))
            .unwrap();
        let s = clock.status(t("2026-12-31 10:00")).unwrap();
        assert_eq!(
            (s.statutory_due, s.promised_due),
            (None, t("2026-10-23 17:30"))
        );
        assert_eq!(s.level.as_str(), "yellow");
        let codes: Vec<_> = s.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, ["time_limit.promised_missed"]);
        // The statutory due cannot be explained; the promised one can.
        let e = clock.explain(t("2026-12-31 10:00"), false).unwrap_err();
        assert_eq!(e.code(), "clock.no_limit");
        assert!(clock.explain(t("2026-12-31 10:00"), true).is_ok());
    }

    #[test]
    fn item_clocks_know_their_procedures() {
        let t = ItemCatalog::templates();
        let item = t.get("licensing.decision").unwrap();
        let at = NaiveDateTime::parse_from_str("2026-09-28 10:00", "%Y-%m-%d %H:%M").unwrap();
        let mut c = item.clock(Calendar::china(), at).unwrap();
        assert_eq!(
            c.suspend(at, "karaoke").unwrap_err().code(),
            "clock.unknown_procedure"
        );
        c.suspend(at, "hearing").unwrap();
        assert_eq!(c.events().len(), 1);
    }
}
