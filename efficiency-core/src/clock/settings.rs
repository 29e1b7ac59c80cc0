//! A bureau's office settings (`efficiency.settings/1`, docs/domain.md §4.2): office hours with
//! the lunch break, the end of a counted day, the zone its wall-clock times are in, the reminder
//! threshold and when an on-the-spot item received after hours is due — one document of the
//! bundle (`settings.json`), used by every clock, case, board and page of the bureau.
//!
//! ```
//! use efficiency_core::calendar::Calendar;
//! use efficiency_core::clock::{DayEnd, Settings};
//! let s = Settings::from_json(r#"{"format": "efficiency.settings/1", "day_end": "midnight",
//!     "office_hours": [["08:30", "12:00"], ["14:00", "18:00"]], "zone": "+06:00"}"#)?;
//! let (calendar, config) = s.apply(Calendar::china());
//! assert_eq!((config.day_end, calendar.zone().to_string().as_str()), (DayEnd::Midnight, "+06:00"));
//! assert_eq!(config.office_hours.close().to_string(), "18:00:00");
//! let e = Settings::from_json(r#"{"format": "efficiency.settings/1", "day_end": "noon"}"#).unwrap_err();
//! assert_eq!((e.code, e.field.as_deref()), ("clock.invalid_settings", Some("day_end")));
//! # Ok::<(), efficiency_core::error::Error>(())
//! ```

use serde::Deserialize;

use super::{ClockConfig, DayEnd, OfficeHours, TimeLimit, TimeUnit};
use crate::calendar::Calendar;
use crate::date::Zone;
use crate::error::Error;

/// The shipped settings (the defaults, written out).
///
/// ```
/// use efficiency_core::clock::{Settings, SETTINGS_JSON};
/// let s = Settings::from_json(SETTINGS_JSON)?;
/// assert_eq!(s.zone.as_deref(), Some("+08:00"));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub const SETTINGS_JSON: &str = include_str!("../../data/rules/settings.json");

/// A bureau's office settings; each one left out keeps its default.
///
/// ```
/// use efficiency_core::calendar::Calendar;
/// use efficiency_core::clock::{DayEnd, Settings};
/// let s = Settings::from_json(r#"{"format": "efficiency.settings/1", "day_end": "midnight"}"#)?;
/// let (_calendar, config) = s.apply(Calendar::china());
/// assert_eq!(config.day_end, DayEnd::Midnight);
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `efficiency.settings/1`.
    pub format: String,
    /// Where the numbers come from.
    #[serde(default)]
    pub source: Option<String>,
    /// Office hours (default 09:00–12:00, 13:30–17:30).
    #[serde(default)]
    pub office_hours: Option<OfficeHours>,
    /// When the last day of a day-counted period ends.
    #[serde(default)]
    pub day_end: Option<DayEnd>,
    /// The zone of the bureau's wall-clock times (`±HH:MM`; default the calendar's).
    #[serde(default)]
    pub zone: Option<String>,
    /// `reminder` when at most this much is left before the promised due.
    #[serde(default)]
    pub reminder_threshold: Option<TimeLimit>,
    /// When an on-the-spot item received after hours or on a rest day is due.
    #[serde(default)]
    pub on_the_spot_after_hours: Option<TimeLimit>,
}

fn invalid(field: &str, message: String) -> Error {
    Error::new("clock.invalid_settings", format!("{field}: {message}")).with_field(field)
}

impl Settings {
    /// Settings from JSON; a wrong format, an unknown or malformed setting is
    /// `clock.invalid_settings` naming it.
    ///
    /// ```
    /// use efficiency_core::clock::Settings;
    /// let e = Settings::from_json(r#"{"format": "efficiency.settings/1", "lunch": "12:00"}"#).unwrap_err();
    /// assert_eq!((e.code, e.field.as_deref()), ("clock.invalid_settings", Some("lunch")));
    /// ```
    pub fn from_json(text: &str) -> Result<Settings, Error> {
        crate::limits::document(text, "settings")?;
        let doc: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            let (at, m) = crate::json::error_parts(&e);
            invalid("settings", format!("{at}: {m}"))
        })?;
        let Some(map) = doc.as_object() else {
            return Err(invalid("settings", "must be an object".into()));
        };
        const KNOWN: &[&str] = &[
            "format",
            "source",
            "office_hours",
            "day_end",
            "zone",
            "reminder_threshold",
            "on_the_spot_after_hours",
        ];
        if let Some(k) = map.keys().find(|k| !KNOWN.contains(&k.as_str())) {
            return Err(invalid(
                k,
                format!("is not a setting; they are {}", KNOWN.join(", ")),
            ));
        }
        // Each setting read on its own, so that an error names it.
        fn field<T: serde::de::DeserializeOwned>(
            map: &serde_json::Map<String, serde_json::Value>,
            name: &str,
        ) -> Result<Option<T>, Error> {
            match map.get(name) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(v) => serde_json::from_value(v.clone())
                    .map(Some)
                    .map_err(|e| invalid(name, e.to_string())),
            }
        }
        let s = Settings {
            format: field(map, "format")?.unwrap_or_default(),
            source: field(map, "source")?,
            office_hours: field(map, "office_hours")?,
            day_end: field(map, "day_end")?,
            zone: field(map, "zone")?,
            reminder_threshold: field(map, "reminder_threshold")?,
            on_the_spot_after_hours: field(map, "on_the_spot_after_hours")?,
        };
        if s.format != "efficiency.settings/1" {
            return Err(invalid(
                "format",
                format!("must be \"efficiency.settings/1\", found {:?}", s.format),
            ));
        }
        if let Some(z) = &s.zone {
            z.parse::<Zone>()
                .map_err(|e| invalid("zone", e.to_string()))?;
        }
        if let Some(l) = s.on_the_spot_after_hours {
            if l.unit == TimeUnit::OnTheSpot || l.amount == 0 {
                return Err(invalid(
                    "on_the_spot_after_hours",
                    "must be a length (e.g. 1 workday), not on the spot".into(),
                ));
            }
        }
        Ok(s)
    }

    /// The calendar in the bureau's zone and the clock configuration the settings give.
    ///
    /// ```
    /// use efficiency_core::calendar::Calendar;
    /// use efficiency_core::clock::Settings;
    /// use efficiency_core::date::Zone;
    /// let s = Settings::from_json(r#"{"format": "efficiency.settings/1", "zone": "+05:00"}"#)?;
    /// let (calendar, _) = s.apply(Calendar::china());
    /// assert_eq!(calendar.zone(), Zone::from_seconds(5 * 3600).expect("a zone"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&self, calendar: Calendar) -> (Calendar, ClockConfig) {
        let mut config = ClockConfig::default();
        if let Some(h) = &self.office_hours {
            config.office_hours = h.clone();
        }
        if let Some(d) = self.day_end {
            config.day_end = d;
        }
        if let Some(r) = self.reminder_threshold {
            config.reminder_threshold = r;
        }
        if let Some(l) = self.on_the_spot_after_hours {
            config.on_the_spot_after_hours = l;
        }
        let calendar = match self.zone.as_deref().map(str::parse::<Zone>) {
            Some(Ok(z)) => calendar.with_zone(z),
            _ => calendar,
        };
        (calendar, config)
    }
}
