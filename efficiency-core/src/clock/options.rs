//! The options of a new clock as every binding takes them — JS an options object, Python
//! keyword arguments — read from boundary values and given their defaults here, once.

use chrono::NaiveDateTime;

use super::{
    Authority, Clock, ClockConfig, DayEnd, ExtensionPolicy, OfficeHours, TimeLimit, TimeUnit,
};
use crate::boundary::{Value, Whole};
use crate::calendar::Calendar;
use crate::error::Error;

/// What a new clock may be told beyond its acceptance and statutory limit. `None` everywhere
/// means the defaults: promised = statutory, one extension of up to the statutory amount
/// approved by the agency head ([`ExtensionPolicy::default_for`]), [`ClockConfig::default`].
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{ClockOptions, TimeLimit};
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let options = ClockOptions { promised: Some(TimeLimit::workdays(10)), ..ClockOptions::default() };
/// let clock = options.clock(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20))?;
/// assert_eq!(clock.status(t("2026-10-08 09:00"))?.promised_due, t("2026-10-16 17:30"));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClockOptions {
    /// The promised (shorter) limit.
    pub promised: Option<TimeLimit>,
    /// The lowest role that may approve an extension.
    pub extension_approver: Option<Authority>,
    /// The largest extension, in the statutory unit.
    pub max_extension: Option<u32>,
    /// How many extensions a case may have.
    pub max_extensions: Option<u32>,
    /// Office hours as `("HH:MM", "HH:MM")` sessions.
    pub office_hours: Option<Vec<(String, String)>>,
    /// When the last day of a day-counted period ends.
    pub day_end: Option<DayEnd>,
    /// `reminder` when at most this much is left.
    pub reminder_threshold: Option<TimeLimit>,
    /// The bureau's settings document (`efficiency.settings/1`, text or object): its office
    /// hours, end of day, reminder and after-hours rule, under the options given one by one.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{ClockOptions, Settings, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let settings = Settings::from_json(r#"{"format": "efficiency.settings/1", "day_end": "midnight"}"#)?;
    /// let options = ClockOptions { settings: Some(settings), ..ClockOptions::default() };
    /// let clock = options.clock(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20))?;
    /// assert_eq!(clock.status(t("2026-10-08 09:00"))?.statutory_due, Some(t("2026-10-31 00:00")));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub settings: Option<super::Settings>,
}

/// The names [`ClockOptions::from_value`] reads (snake_case; JS spells them in camelCase).
///
/// ```
/// use efficiency_core::clock::CLOCK_OPTIONS;
/// assert!(CLOCK_OPTIONS.contains(&"promised") && CLOCK_OPTIONS.contains(&"day_end"));
/// ```
pub const CLOCK_OPTIONS: &[&str] = &[
    "promised",
    "extension_approver",
    "max_extension",
    "max_extensions",
    "office_hours",
    "day_end",
    "reminder_threshold",
    "settings",
];

impl TimeLimit {
    /// A time limit from its two arguments, as every language's `TimeLimit(amount, unit)` reads
    /// them (`amount_arg`, `unit_arg` name them in errors): an on-the-spot limit and no limit
    /// (`"none"`) have no amount (absent or 0; any other amount is `argument.out_of_range`, never silently dropped).
    ///
    /// ```
    /// use efficiency_core::boundary::Value;
    /// use efficiency_core::clock::TimeLimit;
    /// let l = TimeLimit::from_args(&Value::Int(5), &Value::Str("workdays".into()), "amount", "unit")?;
    /// assert_eq!(l, TimeLimit::workdays(5));
    /// let spot = TimeLimit::from_args(&Value::Null, &Value::Str("on_the_spot".into()), "amount", "unit")?;
    /// assert_eq!(spot, TimeLimit::on_the_spot());
    /// let e = TimeLimit::from_args(&Value::Int(5), &Value::Str("on_the_spot".into()), "amount", "unit")
    ///     .unwrap_err();
    /// assert_eq!((e.code, e.field.as_deref()), ("argument.out_of_range", Some("amount")));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn from_args(
        amount: &Value,
        unit: &Value,
        amount_arg: &str,
        unit_arg: &str,
    ) -> Result<TimeLimit, Error> {
        let unit: TimeUnit = unit
            .string(unit_arg)?
            .parse()
            .map_err(|e| Error::from(e).with_field(unit_arg))?;
        let amount = match (unit.has_amount(), amount) {
            (false, Value::Null) => 0,
            (_, a) => a.whole(amount_arg, Whole::Amount)? as u32,
        };
        if !unit.has_amount() && amount != 0 {
            return Err(Error::new(
                "argument.out_of_range",
                format!(
                    "{amount_arg} must be 0 or absent for {}, which has no amount (not {amount})",
                    TimeLimit { amount: 0, unit }
                ),
            )
            .with_field(amount_arg));
        }
        Ok(TimeLimit { amount, unit })
    }

    /// A time limit from a boundary value: `{amount, unit}` (amount may be omitted for
    /// `on_the_spot`).
    ///
    /// ```
    /// use efficiency_core::boundary::Value;
    /// use efficiency_core::clock::TimeLimit;
    /// let v = Value::Map(vec![("amount".into(), Value::Int(2)), ("unit".into(), Value::Str("months".into()))]);
    /// assert_eq!(TimeLimit::from_value(&v, "statutory")?, TimeLimit::months(2));
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn from_value(v: &Value, arg: &str) -> Result<TimeLimit, Error> {
        match v {
            Value::Map(_) | Value::Record(_) => TimeLimit::from_args(
                v.get("amount"),
                v.get("unit"),
                &format!("{arg}.amount"),
                &format!("{arg}.unit"),
            ),
            Value::Null => Err(Error::new(
                "argument.missing",
                format!("{arg} is required ({{amount, unit}})"),
            )
            .with_field(arg)),
            other => Err(other.type_error(
                arg,
                format!(
                    "{arg} must be a time limit {{amount, unit}}, not {}",
                    other.describe()
                ),
            )),
        }
    }
}

impl ClockOptions {
    /// Options from a mapping (missing or `null` entries keep their default); an unknown name
    /// is an error (`argument.invalid`), so a misspelt option is never silently ignored.
    ///
    /// ```
    /// use efficiency_core::boundary::Value;
    /// use efficiency_core::clock::ClockOptions;
    /// let v = Value::Map(vec![("day_end".into(), Value::Str("midnight".into()))]);
    /// assert!(ClockOptions::from_value(&v)?.day_end.is_some());
    /// let bad = Value::Map(vec![("promissed".into(), Value::Null)]);
    /// assert_eq!(ClockOptions::from_value(&bad).unwrap_err().code, "argument.invalid");
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn from_value(v: &Value) -> Result<ClockOptions, Error> {
        v.check_options("clock", CLOCK_OPTIONS)?;
        let limit = |k: &str| match v.get(k) {
            Value::Null => Ok(None),
            x => TimeLimit::from_value(x, k).map(Some),
        };
        let amount = |k: &str| {
            v.get(k)
                .opt_whole(k, Whole::Amount)
                .map(|a| a.map(|a| a as u32))
        };
        let office_hours = match v.get("office_hours") {
            Value::Null => None,
            h => Some(
                h.list("office_hours")?
                    .iter()
                    .enumerate()
                    .map(|(i, pair)| {
                        let arg = format!("office_hours[{i}]");
                        let p = pair.list(&arg)?;
                        if p.len() != 2 {
                            return Err(Error::new(
                                "argument.invalid",
                                format!("{arg} must be a pair (from, to), not {} values", p.len()),
                            )
                            .with_field(arg));
                        }
                        Ok((
                            p[0].string(&arg)?.to_string(),
                            p[1].string(&arg)?.to_string(),
                        ))
                    })
                    .collect::<Result<Vec<_>, Error>>()?,
            ),
        };
        Ok(ClockOptions {
            promised: limit("promised")?,
            extension_approver: v
                .get("extension_approver")
                .opt_string("extension_approver")?
                .map(|a| a.parse::<Authority>())
                .transpose()
                .map_err(|e| Error::from(e).with_field("extension_approver"))?,
            max_extension: amount("max_extension")?,
            max_extensions: amount("max_extensions")?,
            office_hours,
            day_end: match v.get("day_end").opt_string("day_end")? {
                None => None,
                Some(d) => Some(
                    match Value::Str(d.into())
                        .choice("day_end", &["close_of_business", "midnight"])?
                    {
                        "midnight" => DayEnd::Midnight,
                        _ => DayEnd::CloseOfBusiness,
                    },
                ),
            },
            reminder_threshold: limit("reminder_threshold")?,
            settings: match v.get("settings") {
                Value::Null => None,
                Value::Str(text) => Some(super::Settings::from_json(text)?),
                doc => Some(super::Settings::from_json(
                    &doc.to_json("settings", crate::date::Zone::CHINA)?
                        .to_string(),
                )?),
            },
        })
    }

    /// The clock these options describe.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::{ClockOptions, TimeLimit};
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// // A promise beyond the statute is refused, with the reason.
    /// let options = ClockOptions { promised: Some(TimeLimit::workdays(30)), ..ClockOptions::default() };
    /// let e = options.clock(Calendar::china(), t("2026-09-28 10:00"), TimeLimit::workdays(20)).unwrap_err();
    /// assert_eq!(e.code, "clock.promised_exceeds_statutory");
    /// ```
    pub fn clock(
        &self,
        calendar: Calendar,
        accepted_at: NaiveDateTime,
        statutory: TimeLimit,
    ) -> Result<Clock, Error> {
        let mut config = ClockConfig::default();
        if let Some(s) = &self.settings {
            let (in_zone, from_settings) = s.apply(calendar.clone());
            // The zone is the calendar's: a clock's times were read in it already.
            if in_zone.zone() != calendar.zone() {
                return Err(Error::new(
                    "clock.invalid_settings",
                    format!(
                        "settings.zone {} is not the calendar's zone {}: build the calendar in the bureau's zone",
                        in_zone.zone(),
                        calendar.zone()
                    ),
                )
                .with_field("settings.zone"));
            }
            config = from_settings;
        }
        if let Some(h) = &self.office_hours {
            let pairs: Vec<(&str, &str)> =
                h.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            config.office_hours = OfficeHours::new(&pairs)?;
        }
        if let Some(d) = self.day_end {
            config.day_end = d;
        }
        if let Some(r) = self.reminder_threshold {
            config.reminder_threshold = r;
        }
        let default = ExtensionPolicy::default_for(statutory);
        let policy = ExtensionPolicy {
            max_amount: self.max_extension.unwrap_or(default.max_amount),
            approver: self.extension_approver.unwrap_or(default.approver),
            max_count: self.max_extensions.unwrap_or(default.max_count),
            unit: None,
        };
        let mut clock = Clock::new(calendar, accepted_at, statutory)
            .with_extension_policy(policy)
            .with_config(config)?;
        if let Some(p) = self.promised {
            clock = clock.with_promised(p)?;
        }
        Ok(clock)
    }
}
