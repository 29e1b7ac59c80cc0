//! Electronic supervision (电子监察, docs/domain.md §4.4): supervision cards (督办卡) as records and a
//! board per unit or window at a moment.
//!
//! A **card** is raised when a case crosses a threshold of its supervision level — yellow past
//! the promised due or for a step past its limit, red past the statutory due or for a serious
//! fault (the case's [`LevelReason`]s, convention B, the default). It names the case, item,
//! unit, window and person, the level, the moment the threshold was crossed, the rule and the
//! evidence events; the supervision office then acknowledges it and closes it with a remark
//! ([`CardAction`], records the library checks but never invents).
//!
//! The **board** at a moment counts, per unit or window, the running cases at each level
//! (normal, reminder, yellow, red), the cases concluded and concluded on time and on the spot
//! (each rate with its denominator), and lists the cards raised since a previous look.
//!
//! ```
//! use efficiency_core::case::{CaseContext, Replay};
//! use efficiency_core::supervision::{board, BoardOptions};
//! let ctx = CaseContext::sample();
//! let as_of = "2026-11-30T09:00:00".parse().unwrap();
//! let mut replay = Replay::new(&ctx, as_of, None, true);
//! replay.push_lines(&include_str!("../data/sample/cases.jsonl").lines().collect::<Vec<_>>())?;
//! replay.finish();
//! let b = board(&ctx, &replay.take_statuses(), &BoardOptions::default())?;
//! let affairs = b.rows.iter().find(|r| r.group == "affairs").unwrap();
//! assert!(affairs.red >= 1);
//! assert!(b.new_cards.iter().all(|c| c.level.as_str() != "normal"));
//! # Ok::<(), efficiency_core::error::Error>(())
//! ```

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::boundary::Value;
pub use crate::case::event_lines;
use crate::case::metrics::GroupBy;
use crate::case::{CaseContext, CaseStatus, EventRow, LevelReason, LevelSource, Replay, Stage};
use crate::catalog::FindingCode;
use crate::clock::{Level, Outcome};
use crate::clock::{TimeLimit, TimeUnit};
use crate::date::Zone;
use crate::error::Error;
use crate::messages::{Arg, Args};

/// Which of the two conventions of docs/domain.md §4.4 sets the clock's part of a case's level.
///
/// ```
/// use efficiency_core::supervision::{Convention, SupervisionRules};
/// // B (default): yellow past the promised due, red past the statutory one.
/// assert_eq!(SupervisionRules::default().convention, Convention::B);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Convention {
    /// Yellow when `yellow_share` of the limit is used or at most `yellow_days_left` days
    /// remain; red past the promised due.
    A,
    /// Yellow past the promised due, red past the statutory due (the default).
    B,
}

/// The supervision rules (`efficiency.supervision/1`, default `data/rules/supervision.json`).
///
/// ```
/// use efficiency_core::supervision::SupervisionRules;
/// let rules = SupervisionRules::default();
/// assert!(rules.yellow_share > 0.0 && rules.yellow_share < 1.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SupervisionRules {
    /// `efficiency.supervision/1`.
    pub format: String,
    /// Where the numbers come from.
    #[serde(default)]
    pub source: String,
    /// `a` or `b`.
    pub convention: Convention,
    /// Convention A: yellow from this share of the limit used (0 < share ≤ 1)...
    pub yellow_share: f64,
    /// ...or when at most this many days (of the limit's unit) remain.
    pub yellow_days_left: u32,
    /// The 督办 ladder, when the bureau runs one: every card awaits the unit's reply within a
    /// limit; a reply missing or late escalates it. `None` (the default): cards are
    /// acknowledged and closed, nothing more.
    #[serde(default)]
    pub ladder: Option<Ladder>,
}

/// The 督办 ladder (docs/domain.md §4.4), a convention supervision systems run on top of the
/// cards: a card raised at a moment awaits the responsible unit's reply (an explanation, a fix,
/// an expected conclusion) within `reply_within`; without a reply by then the card is escalated
/// at that due — a yellow card to red, a red card to the leadership.
///
/// ```
/// use efficiency_core::supervision::SupervisionRules;
/// let rules = SupervisionRules::from_json(r#"{"format": "efficiency.supervision/1", "convention": "b",
///   "yellow_share": 0.75, "yellow_days_left": 2, "ladder": {"reply_within": {"amount": 2, "unit": "workdays"}}}"#)?;
/// assert_eq!(rules.ladder.map(|l| l.reply_within.amount), Some(2));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    /// How long the unit has to reply to a card, from the moment it was raised (workdays,
    /// natural days or office hours).
    pub reply_within: TimeLimit,
}

/// The default supervision rules.
///
/// ```
/// use efficiency_core::supervision::{SupervisionRules, SUPERVISION_RULES_JSON};
/// assert_eq!(SupervisionRules::from_json(SUPERVISION_RULES_JSON)?, SupervisionRules::default());
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub const SUPERVISION_RULES_JSON: &str = include_str!("../data/rules/supervision.json");

impl Default for SupervisionRules {
    fn default() -> Self {
        SupervisionRules::from_json(SUPERVISION_RULES_JSON).expect("the shipped rules are valid")
    }
}

impl SupervisionRules {
    /// Reads and checks the rules (format; a share in (0, 1]).
    ///
    /// ```
    /// use efficiency_core::supervision::SupervisionRules;
    /// let e = SupervisionRules::from_json(r#"{"format": "efficiency.supervision/1", "convention": "C"}"#).unwrap_err();
    /// assert!(e.code.starts_with("supervision."));
    /// ```
    pub fn from_json(text: &str) -> Result<SupervisionRules, Error> {
        crate::limits::document(text, "supervision rules")?;
        let bad = |field: String, message: String| {
            Error::new("supervision.invalid_rules", format!("{field}: {message}")).with_field(field)
        };
        let r: SupervisionRules = serde_json::from_str(text).map_err(|e| {
            let (path, message) = crate::json::error_parts(&e);
            bad(path, message)
        })?;
        if r.format != "efficiency.supervision/1" {
            return Err(bad(
                "format".into(),
                format!("{:?} is not efficiency.supervision/1", r.format),
            ));
        }
        if let Some(l) = &r.ladder {
            let unit = l.reply_within.unit;
            if l.reply_within.amount == 0
                || !matches!(
                    unit,
                    TimeUnit::Workdays | TimeUnit::NaturalDays | TimeUnit::WorkHours
                )
            {
                return Err(bad(
                    "ladder.reply_within".into(),
                    format!(
                        "{} is not a reply limit: at least 1 workday, natural day or office hour",
                        l.reply_within
                    ),
                ));
            }
        }
        if !(r.yellow_share > 0.0 && r.yellow_share <= 1.0) {
            return Err(bad(
                "yellow_share".into(),
                format!("{} is not in (0, 1]", r.yellow_share),
            ));
        }
        Ok(r)
    }

    /// Sets a case's level and reasons under these rules. Convention B is the case's own
    /// level (nothing changes). Under A, for limits in days (workdays or natural days), the
    /// clock's reason becomes: red once the promised due has passed (raised at it); yellow when
    /// the days left are at most k = max(`yellow_days_left`, ⌊(1 − `yellow_share`) × the
    /// limit's days⌋), raised at the start of the k-th day (of the unit) before the promised
    /// due's day; a reminder otherwise as before. Limits in hours and on the spot keep B.
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// use efficiency_core::case::CaseContext;
    /// let ctx = CaseContext::sample();
    /// let lines = [
    ///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
    ///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
    /// ];
    /// use efficiency_core::case::Case;
    /// use efficiency_core::clock::Level;
    /// use efficiency_core::supervision::SupervisionRules;
    /// let mut s = Case::from_jsonl(&ctx, &lines.join("\n"))?.status(&ctx, t("2026-10-20 09:00"))?;
    /// // Past the promised due (16 October): yellow under convention B.
    /// SupervisionRules::default().apply(&mut s, &ctx)?;
    /// assert_eq!(s.level, Level::Yellow);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&self, s: &mut CaseStatus, ctx: &CaseContext) -> Result<(), Error> {
        let calendar = &ctx.calendar;
        if self.convention == Convention::B {
            return Ok(());
        }
        let Some(c) = s.clock.as_ref() else {
            return Ok(());
        };
        let unit = c.promised.unit;
        if !matches!(
            unit,
            TimeUnit::Workdays | TimeUnit::NaturalDays | TimeUnit::Months
        ) {
            return Ok(());
        }
        let acceptance: Vec<String> = s
            .level_reasons
            .iter()
            .find(|r| r.source == LevelSource::Clock)
            .map(|r| r.events.clone())
            .unwrap_or_default();
        let overdue = c.level >= Level::Yellow;
        let total = c.elapsed + c.remaining;
        let k = (self.yellow_days_left as f64).max(((1.0 - self.yellow_share) * total).floor());
        let reason = if overdue {
            Some((
                Level::Red,
                c.promised_due,
                ctx.messages.text(
                    ctx.lang,
                    "reason.convention_a_red",
                    &Args::new().with("due", Arg::Time(c.promised_due)),
                ),
            ))
        } else if c.remaining <= k {
            let due_day = c.promised_due.date();
            let k = k as i32;
            let day = match unit {
                TimeUnit::Workdays => calendar
                    .add_workdays(due_day, -k)
                    .map_err(crate::clock::ClockError::from)?,
                _ => due_day - chrono::Duration::days(i64::from(k)),
            };
            Some((
                Level::Yellow,
                day.and_time(chrono::NaiveTime::MIN),
                ctx.messages.text(
                    ctx.lang,
                    "reason.convention_a_yellow",
                    &Args::new()
                        .with(
                            "left",
                            Arg::Limit(c.remaining.max(0.0) as u32, unit.as_str()),
                        )
                        .with("total", Arg::Limit(total.max(0.0) as u32, unit.as_str()))
                        .with("due", Arg::Time(c.promised_due))
                        .with(
                            "share",
                            Arg::Int((self.yellow_share * 100.0).round() as i64),
                        )
                        .with(
                            "days_left",
                            Arg::Limit(self.yellow_days_left, unit.as_str()),
                        ),
                ),
            ))
        } else if c.level == Level::Reminder {
            s.level_reasons
                .iter()
                .find(|r| r.source == LevelSource::Clock)
                .map(|r| (r.level, r.at, r.text.clone()))
        } else {
            None
        };
        s.level_reasons.retain(|r| r.source != LevelSource::Clock);
        if let Some((level, at, text)) = reason {
            s.level_reasons.push(LevelReason {
                source: LevelSource::Clock,
                level,
                code: None,
                at,
                events: acceptance,
                text,
            });
        }
        s.level_reasons
            .sort_by(|a, b| b.level.cmp(&a.level).then(a.at.cmp(&b.at)));
        s.level = s
            .level_reasons
            .iter()
            .map(|r| r.level)
            .max()
            .unwrap_or(Level::Normal);
        Ok(())
    }
}

/// A supervision card (督办卡).
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::CaseContext;
/// let ctx = CaseContext::sample();
/// let lines = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
/// ];
/// use efficiency_core::supervision::{board_of_lines, BoardOptions};
/// let board = board_of_lines(&ctx, &lines, t("2026-11-03 09:00"), &BoardOptions::default())?;
/// let ids: Vec<&str> = board.open_cards.iter().map(|c| c.id.as_str()).collect();
/// assert_eq!(ids, ["A:red:clock"]);
/// // The yellow card stays a record, superseded by the red one.
/// assert!(board.new_cards.iter().any(|c| c.id == "A:yellow:clock" && c.state == "superseded"));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Card {
    /// Stable id: `case:level:source[:code]`, the same at every look.
    pub id: String,
    /// Case id.
    pub case: String,
    /// Service item.
    pub item: Option<String>,
    /// The unit answerable for the case.
    pub unit: Option<String>,
    /// Window of receipt.
    pub window: Option<String>,
    /// The handler (or the first responder before acceptance).
    pub person: Option<String>,
    /// Yellow or red.
    pub level: Level,
    /// What crossed the threshold: the clock, a step or a fault.
    pub source: LevelSource,
    /// The finding code, for a step or a fault.
    pub code: Option<&'static str>,
    /// The moment the threshold was crossed.
    pub raised_at: NaiveDateTime,
    /// Why it was raised, for a clerk, in the context's language.
    pub text: String,
    /// Evidence event ids.
    pub events: Vec<String>,
    /// `open`, `acknowledged`, `replied`, `escalated` (the 督办 ladder), `closed`, or
    /// `superseded` (a yellow clock card kept when the case turned red; no longer open).
    pub state: &'static str,
    /// When the supervision office acknowledged it, and who.
    pub acknowledged: Option<(NaiveDateTime, String)>,
    /// When it was closed, by whom, with the remark (masked as staff read it).
    pub closed: Option<(NaiveDateTime, String, String)>,
    /// Under the 督办 ladder: by when the unit must reply.
    pub reply_due: Option<NaiveDateTime>,
    /// The unit's reply.
    pub replied: Option<CardReply>,
    /// Under the 督办 ladder, a reply missing (or late) at the reply due escalates the card.
    pub escalated: Option<Escalation>,
}

/// The responsible unit's reply to a card (an explanation, a fix, an expected conclusion).
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::case::CaseContext;
/// use efficiency_core::supervision::{board_of_lines, BoardOptions, CardAction, Ladder, SupervisionRules};
/// use efficiency_core::clock::TimeLimit;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let ctx = CaseContext::sample();
/// let lines = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
/// ];
/// let rules = SupervisionRules { ladder: Some(Ladder { reply_within: TimeLimit::workdays(2) }), ..SupervisionRules::default() };
/// let reply = CardAction { card: "A:yellow:clock".into(), action: "reply".into(), at: t("2026-10-19 10:00"),
///     by: "soc-h".into(), remark: Some("材料已补齐，预计10月22日办结".into()) };
/// let options = BoardOptions { rules, actions: vec![reply], ..BoardOptions::default() };
/// let board = board_of_lines(&ctx, &lines, t("2026-10-21 09:00"), &options)?;
/// let r = board.open_cards[0].replied.as_ref().expect("recorded");
/// assert_eq!((r.at, r.by.as_str()), (t("2026-10-19 10:00"), "soc-h"));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CardReply {
    /// When.
    pub at: NaiveDateTime,
    /// Who (of the unit).
    pub by: String,
    /// What it says (masked as staff read it: an applicant's phone or ID is not repeated).
    pub text: String,
}

/// A card escalated by the 督办 ladder: when (its reply due) and to whom.
///
/// ```
/// use chrono::NaiveDateTime;
/// use efficiency_core::case::CaseContext;
/// use efficiency_core::supervision::{board_of_lines, BoardOptions, CardAction, Ladder, SupervisionRules};
/// use efficiency_core::clock::TimeLimit;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// let ctx = CaseContext::sample();
/// let lines = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
/// ];
/// let rules = SupervisionRules { ladder: Some(Ladder { reply_within: TimeLimit::workdays(2) }), ..SupervisionRules::default() };
/// // The yellow card raised at the promised due (16 October) went unanswered for 2 workdays.
/// let options = BoardOptions { rules, ..BoardOptions::default() };
/// let board = board_of_lines(&ctx, &lines, t("2026-10-21 09:00"), &options)?;
/// let e = board.open_cards[0].escalated.expect("escalated");
/// assert_eq!((e.at, e.to), (t("2026-10-20 17:30"), "red"));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Escalation {
    /// The reply due that passed without a reply.
    pub at: NaiveDateTime,
    /// `red` (a yellow card) or `leadership` (a red card).
    pub to: &'static str,
}

/// What the supervision office did to a card.
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::CaseContext;
/// let ctx = CaseContext::sample();
/// let lines = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
/// ];
/// use efficiency_core::supervision::{board_of_lines, BoardOptions, CardAction};
/// let ack = CardAction { card: "A:yellow:clock".into(), action: "acknowledge".into(), at: t("2026-10-19 09:00"),
///     by: "soc-h".into(), remark: None };
/// let options = BoardOptions { actions: vec![ack], ..BoardOptions::default() };
/// let board = board_of_lines(&ctx, &lines, t("2026-10-20 09:00"), &options)?;
/// assert!(board.open_cards[0].acknowledged.is_some());
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CardAction {
    /// The card's id.
    pub card: String,
    /// `acknowledge` or `close`.
    pub action: String,
    /// When.
    #[serde(deserialize_with = "crate::date::serde_time::time")]
    pub at: NaiveDateTime,
    /// Who.
    pub by: String,
    /// The remark (required to close).
    #[serde(default)]
    pub remark: Option<String>,
}

/// How the board is drawn.
///
/// ```
/// use efficiency_core::case::GroupBy;
/// use efficiency_core::supervision::BoardOptions;
/// let options = BoardOptions::default();
/// assert_eq!((options.group_by, options.since, options.actions.len()), (GroupBy::Unit, None, 0));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BoardOptions {
    /// Per unit (default) or per window (or item, handler, all).
    pub group_by: GroupBy,
    /// List the cards raised after this moment (all when `None`).
    pub since: Option<NaiveDateTime>,
    /// What the supervision office did to the cards so far.
    pub actions: Vec<CardAction>,
    /// The convention and its numbers (applied when the board is drawn from events).
    pub rules: SupervisionRules,
}

impl Default for BoardOptions {
    fn default() -> Self {
        BoardOptions {
            group_by: GroupBy::Unit,
            since: None,
            actions: Vec::new(),
            rules: SupervisionRules::default(),
        }
    }
}

impl BoardOptions {
    /// Options from a mapping (`group_by`, `since`, `actions`; unknown names are errors).
    ///
    /// ```
    /// use efficiency_core::boundary::Value;
    /// use efficiency_core::case::GroupBy;
    /// use efficiency_core::date::Zone;
    /// use efficiency_core::supervision::BoardOptions;
    /// let v = Value::Map(vec![("group_by".into(), Value::Str("window".into()))]);
    /// assert_eq!(BoardOptions::from_value(&v, Zone::CHINA)?.group_by, GroupBy::Window);
    /// # Ok::<(), efficiency_core::error::Error>(())
    /// ```
    pub fn from_value(v: &Value, zone: Zone) -> Result<Self, Error> {
        v.check_options("board", &["group_by", "since", "actions", "rules"])?;
        let group_by = <GroupBy as crate::boundary::FromArg>::from_arg(
            v.get("group_by"),
            "group_by",
            GroupBy::Unit,
        )?;
        let actions = match v.get("actions") {
            Value::Null => Vec::new(),
            a => a.deserialize("actions", zone, "supervision.invalid_action")?,
        };
        let rules = match v.get("rules") {
            Value::Null => SupervisionRules::default(),
            Value::Str(text) => SupervisionRules::from_json(text)?,
            r => SupervisionRules::from_json(&r.to_json("rules", zone)?.to_string())?,
        };
        Ok(BoardOptions {
            group_by,
            since: v.get("since").opt_time("since", zone)?,
            actions,
            rules,
        })
    }
}

/// One row of the board.
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::CaseContext;
/// let ctx = CaseContext::sample();
/// let lines = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
/// ];
/// use efficiency_core::supervision::{board_of_lines, BoardOptions};
/// let board = board_of_lines(&ctx, &lines, t("2026-10-20 09:00"), &BoardOptions::default())?;
/// let row = board.rows.iter().find(|r| r.group == "social_org").expect("a row per unit");
/// assert_eq!((row.running, row.yellow, row.red), (1, 1, 0));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardRow {
    /// The unit or window (`-` when the case has none).
    pub group: String,
    /// Cases accepted and not concluded at the moment.
    pub running: u64,
    /// Of them, at a normal level.
    pub normal: u64,
    /// Of them, at a reminder (预警).
    pub reminder: u64,
    /// Of them, yellow (黄牌).
    pub yellow: u64,
    /// Of them, red (红牌).
    pub red: u64,
    /// Cases concluded (the denominator of the rates below).
    pub concluded: u64,
    /// Of them, by the promised due.
    pub concluded_on_time: u64,
    /// concluded_on_time ÷ concluded.
    pub on_time_rate: Option<f64>,
    /// Of them, during the visit.
    pub on_the_spot: u64,
    /// on_the_spot ÷ concluded.
    pub on_the_spot_rate: Option<f64>,
    /// Cards raised since the previous look.
    pub new_cards: u64,
    /// Cards not yet closed.
    pub open_cards: u64,
    /// Of them, escalated by the 督办 ladder (no reply by the reply due).
    pub escalated_cards: u64,
}

/// The supervision board at a moment.
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::CaseContext;
/// let ctx = CaseContext::sample();
/// let lines = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
/// ];
/// use efficiency_core::supervision::{board_of_lines, BoardOptions};
/// let board = board_of_lines(&ctx, &lines, t("2026-10-20 09:00"), &BoardOptions::default())?;
/// assert_eq!(board.rows.last().map(|r| r.group.as_str()), Some("all"));
/// assert!(board.errors.is_empty());
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Board {
    /// The moment (the statuses' `as_of`, the latest when they differ).
    pub as_of: Option<NaiveDateTime>,
    /// The previous look.
    pub since: Option<NaiveDateTime>,
    /// `unit` or `window`.
    pub group_by: GroupBy,
    /// One row per group, sorted, then `all`.
    pub rows: Vec<BoardRow>,
    /// The cards raised since the previous look, by time.
    pub new_cards: Vec<Card>,
    /// Every card not closed, by time.
    pub open_cards: Vec<Card>,
    /// Rows or cases that could not be judged (when the board was drawn from events): the
    /// counts leave them out, and say so here.
    pub errors: Vec<Error>,
}

fn card_id(case: &str, level: Level, source: LevelSource, code: Option<&str>) -> String {
    match code {
        Some(c) => format!("{case}:{}:{}:{c}", level.as_str(), source.as_str()),
        None => format!("{case}:{}:{}", level.as_str(), source.as_str()),
    }
}

/// The cards of cases at their moments (docs/domain.md §4.4): one per crossing at yellow or red
/// (a reminder is not a card), with the office's actions applied. A card is a record, never
/// lost: when a case's clock passes the statutory due after the promised one, its yellow card
/// stays, `superseded` by the red one; the clock passing the statutory due and the
/// `time_limit.statutory_missed` fault it makes are one crossing, one card. An action naming no
/// card, acting before the card was raised, closing without a remark, or acting on a closed card
/// is an error naming it (use [`board`] to have such actions listed as row errors instead).
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::CaseContext;
/// let ctx = CaseContext::sample();
/// let lines = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
/// ];
/// use efficiency_core::case::Case;
/// use efficiency_core::supervision::{cards, BoardOptions};
/// let s = Case::from_jsonl(&ctx, &lines.join("\n"))?.status(&ctx, t("2026-11-03 09:00"))?;
/// let all = cards(&ctx, &[s], &BoardOptions::default())?;
/// assert_eq!(all.len(), 2); // yellow (superseded) and red
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cards(
    ctx: &CaseContext,
    statuses: &[CaseStatus],
    options: &BoardOptions,
) -> Result<Vec<Card>, Error> {
    let (cards, mut errors) = cards_and_errors(ctx, statuses, options);
    match errors.is_empty() {
        true => Ok(cards),
        false => Err(errors.remove(0)),
    }
}

/// The card a status's reason raises.
fn card_of(s: &CaseStatus, r: &LevelReason, level: Level, at: NaiveDateTime, text: String) -> Card {
    Card {
        id: card_id(&s.case, level, r.source, r.code),
        case: s.case.to_string(),
        item: s.item.as_deref().map(String::from),
        unit: s.unit.as_deref().map(String::from),
        window: s.window.as_deref().map(String::from),
        person: s
            .handler
            .as_ref()
            .or(s.first_responder.as_ref())
            .map(|p| p.to_string()),
        level,
        source: r.source,
        code: r.code,
        raised_at: at,
        text,
        events: r.events.clone(),
        state: "open",
        acknowledged: None,
        closed: None,
        reply_due: None,
        replied: None,
        escalated: None,
    }
}

/// [`cards`], with every action that cannot be applied as an error (the others applied).
pub(crate) fn cards_and_errors(
    ctx: &CaseContext,
    statuses: &[CaseStatus],
    options: &BoardOptions,
) -> (Vec<Card>, Vec<Error>) {
    let actions = &options.actions;
    let mut out: Vec<Card> = Vec::new();
    for s in statuses {
        for r in s.level_reasons.iter().filter(|r| r.level >= Level::Yellow) {
            // The statutory due crossed is the clock's red card; its fault is the same crossing.
            if r.source == LevelSource::Fault
                && r.code == Some(FindingCode::StatutoryMissed.as_str())
                && s.level_reasons
                    .iter()
                    .any(|c| c.source == LevelSource::Clock && c.level == Level::Red)
            {
                continue;
            }
            let id = card_id(&s.case, r.level, r.source, r.code);
            if out.iter().any(|c| c.id == id) {
                continue; // two findings of one code: one card, the first moment
            }
            // A red clock card keeps the yellow one it supersedes (past the promised due first).
            if let (LevelSource::Clock, Level::Red, Some(c)) = (r.source, r.level, &s.clock) {
                // (Convention B: red at the statutory due, after yellow at the promised one.)
                if c.statutory_due
                    .is_some_and(|s| c.promised_due < s && r.at == s)
                {
                    let mut yellow = card_of(
                        s,
                        r,
                        Level::Yellow,
                        c.promised_due,
                        ctx.messages.text(
                            ctx.lang,
                            "reason.past_promised_due",
                            &Args::new().with("due", Arg::Time(c.promised_due)),
                        ),
                    );
                    yellow.state = "superseded";
                    out.push(yellow);
                }
            }
            out.push(card_of(s, r, r.level, r.at, r.text.clone()));
        }
    }
    let mut errors = Vec::new();
    // The 督办 ladder: each card awaits a reply within the limit.
    if let Some(ladder) = &options.rules.ladder {
        let reckoner = crate::clock::reckon::Reckoner {
            cal: &ctx.calendar,
            config: &ctx.config,
        };
        for card in out.iter_mut() {
            match reckoner.due(card.raised_at, ladder.reply_within, 0, &[]) {
                Ok(due) => card.reply_due = Some(due),
                // A reply due in a year without holiday data: said, never guessed.
                Err(e) => {
                    errors.push(Error::from(e).with_field(format!("cards ({}).reply_due", card.id)))
                }
            }
        }
    }
    let mut sorted: Vec<(usize, &CardAction)> = actions.iter().enumerate().collect();
    sorted.sort_by_key(|(_, a)| a.at);
    for (i, a) in sorted {
        let fail = |message: String| {
            Error::new(
                "supervision.invalid_action",
                format!("actions[{i}] ({}): {message}", a.card),
            )
            .with_field(format!("actions[{i}]"))
        };
        let Some(card) = out.iter_mut().find(|c| c.id == a.card) else {
            errors.push(fail("no such card at this moment".into()));
            continue;
        };
        if a.at < card.raised_at {
            errors.push(fail(format!(
                "at {} is before the card was raised ({})",
                a.at, card.raised_at
            )));
            continue;
        }
        if card.closed.is_some() {
            errors.push(fail("the card is already closed".into()));
            continue;
        }
        let superseded = card.state == "superseded";
        match a.action.as_str() {
            "acknowledge" => {
                card.acknowledged.get_or_insert((a.at, a.by.clone()));
                if !superseded {
                    card.state = "acknowledged";
                }
            }
            "reply" => {
                let Some(remark) = a.remark.clone().filter(|r| !r.trim().is_empty()) else {
                    errors.push(fail("a reply needs its text (the remark)".into()));
                    continue;
                };
                if card.replied.is_some() {
                    errors.push(fail("the card is already replied to".into()));
                    continue;
                }
                // Free text an office writes may name an applicant: masked as staff read it.
                card.replied = Some(CardReply {
                    at: a.at,
                    by: a.by.clone(),
                    text: crate::mask::for_staff(&remark),
                });
                if !superseded {
                    card.state = "replied";
                }
            }
            "close" => {
                let Some(remark) = a.remark.clone().filter(|r| !r.trim().is_empty()) else {
                    errors.push(fail("closing a card needs a remark".into()));
                    continue;
                };
                card.acknowledged.get_or_insert((a.at, a.by.clone()));
                card.closed = Some((a.at, a.by.clone(), crate::mask::for_staff(&remark)));
                card.state = "closed";
            }
            other => errors.push(fail(format!(
                "{other:?} is none of acknowledge, reply and close"
            ))),
        }
    }
    // Escalation at the reply due, when the reply is missing or came later and the card was
    // still open then (closed before its due, it needs no reply).
    // A superseded yellow card was live until its red card was raised: its history up to then
    // stays in the record.
    let as_of = statuses.iter().map(|s| s.as_of).max();
    let red_clock: HashMap<String, NaiveDateTime> = out
        .iter()
        .filter(|c| c.source == LevelSource::Clock && c.level == Level::Red)
        .map(|c| (c.case.clone(), c.raised_at))
        .collect();
    for card in &mut out {
        let Some(due) = card.reply_due else { continue };
        let live_until = match card.state {
            "superseded" => red_clock.get(&card.case).copied(),
            _ => as_of,
        };
        let replied_in_time = card.replied.as_ref().is_some_and(|r| r.at <= due);
        let closed_in_time = card.closed.as_ref().is_some_and(|c| c.0 <= due);
        if live_until.is_some_and(|t| t > due) && !replied_in_time && !closed_in_time {
            let to = if card.level == Level::Red {
                "leadership"
            } else {
                "red"
            };
            card.escalated = Some(Escalation { at: due, to });
            if matches!(card.state, "open" | "acknowledged") {
                card.state = "escalated";
            }
        }
    }
    out.sort_by(|a, b| a.raised_at.cmp(&b.raised_at).then_with(|| a.id.cmp(&b.id)));
    (out, errors)
}

fn rate(n: u64, d: u64) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

/// The board of `statuses` (each judged at the board's moment) with the office's actions.
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::CaseContext;
/// let ctx = CaseContext::sample();
/// let lines = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
/// ];
/// use efficiency_core::case::Case;
/// use efficiency_core::supervision::{board, BoardOptions};
/// let s = Case::from_jsonl(&ctx, &lines.join("\n"))?.status(&ctx, t("2026-10-20 09:00"))?;
/// let b = board(&ctx, &[s], &BoardOptions::default())?;
/// assert_eq!(b.new_cards.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn board(
    ctx: &CaseContext,
    statuses: &[CaseStatus],
    options: &BoardOptions,
) -> Result<Board, Error> {
    let key = |s: &CaseStatus| -> String {
        match options.group_by {
            GroupBy::Window => s.window.as_deref(),
            GroupBy::Item => s.item.as_deref(),
            GroupBy::Handler => s.handler.as_deref(),
            GroupBy::All => Some("all"),
            GroupBy::Unit => s.unit.as_deref(),
        }
        .unwrap_or("-")
        .to_string()
    };
    let mut rows: BTreeMap<String, BoardRow> = BTreeMap::new();
    let mut all = BoardRow {
        group: "all".into(),
        ..BoardRow::default()
    };
    for s in statuses {
        let k = key(s);
        let row = rows.entry(k.clone()).or_insert_with(|| BoardRow {
            group: k,
            ..BoardRow::default()
        });
        for r in [&mut *row, &mut all] {
            if s.stage == Stage::Accepted {
                r.running += 1;
                match s.level {
                    Level::Normal => r.normal += 1,
                    Level::Reminder => r.reminder += 1,
                    Level::Yellow => r.yellow += 1,
                    Level::Red => r.red += 1,
                }
            } else if s.stage == Stage::Concluded {
                r.concluded += 1;
                let outcome = s.clock.as_ref().and_then(|c| c.outcome);
                r.concluded_on_time +=
                    u64::from(matches!(outcome, Some(Outcome::Early | Outcome::OnTime)));
                r.on_the_spot += u64::from(s.on_the_spot == Some(true));
            }
        }
    }
    // A bad office action is a row error of the board, not a failed board.
    let (cards, action_errors) = cards_and_errors(ctx, statuses, options);
    // Each card's group, by its case (looked up once per case, not searched per card).
    let mut groups: HashMap<&str, String> = HashMap::with_capacity(statuses.len());
    for s in statuses {
        groups.entry(s.case.as_str()).or_insert_with(|| key(s));
    }
    let group_of = |c: &Card| -> String {
        groups
            .get(c.case.as_str())
            .cloned()
            .unwrap_or_else(|| "-".into())
    };
    let new_cards: Vec<Card> = cards
        .iter()
        .filter(|c| options.since.is_none_or(|t| c.raised_at > t))
        .cloned()
        .collect();
    let open_cards: Vec<Card> = cards
        .iter()
        .filter(|c| c.closed.is_none() && c.state != "superseded")
        .cloned()
        .collect();
    for c in &new_cards {
        if let Some(r) = rows.get_mut(&group_of(c)) {
            r.new_cards += 1;
        }
        all.new_cards += 1;
    }
    for c in &open_cards {
        let escalated = u64::from(c.escalated.is_some());
        if let Some(r) = rows.get_mut(&group_of(c)) {
            r.open_cards += 1;
            r.escalated_cards += escalated;
        }
        all.open_cards += 1;
        all.escalated_cards += escalated;
    }
    let mut rows: Vec<BoardRow> = rows.into_values().collect();
    rows.push(all);
    for r in &mut rows {
        r.on_time_rate = rate(r.concluded_on_time, r.concluded);
        r.on_the_spot_rate = rate(r.on_the_spot, r.concluded);
    }
    Ok(Board {
        as_of: statuses.iter().map(|s| s.as_of).max(),
        since: options.since,
        group_by: options.group_by,
        rows,
        new_cards,
        open_cards,
        errors: action_errors,
    })
}

/// The board of the cases in `lines` (JSON Lines sorted by case id) judged at `as_of`; rows
/// that cannot be read are left out and listed in `errors`.
///
/// ```
/// use efficiency_core::case::CaseContext;
/// use efficiency_core::supervision::{board_of_lines, BoardOptions};
/// let lines = [
///     r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"C1","at":"2026-11-02T09:10:00","actor":"soc01","event":"accept"}"#,
///     "not json",
/// ];
/// // Promised 10 workdays from 2026-11-02: past due on 11-20, yellow.
/// let b = board_of_lines(&CaseContext::sample(), &lines, "2026-11-20T09:00:00".parse().unwrap(), &BoardOptions::default())?;
/// let all = b.rows.iter().find(|r| r.group == "all").unwrap();
/// assert_eq!((all.running, all.yellow, b.errors.len()), (1, 1, 1));
/// assert_eq!(b.open_cards[0].id, "C1:yellow:clock");
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub fn board_of_lines(
    ctx: &CaseContext,
    lines: &[&str],
    as_of: NaiveDateTime,
    options: &BoardOptions,
) -> Result<Board, Error> {
    let mut replay = Replay::new(ctx, as_of, None, true);
    replay.push_lines(lines)?;
    finish(replay, ctx, as_of, options)
}

/// As [`board_of_lines`], from event rows (a table's rows).
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::CaseContext;
/// let ctx = CaseContext::sample();
/// let lines = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
/// ];
/// use efficiency_core::case::EventRow;
/// use efficiency_core::supervision::{board_of_rows, BoardOptions};
/// let rows: Vec<EventRow> = lines.iter().map(|l| EventRow::parse(l, 1)).collect::<Result<_, _>>()?;
/// let b = board_of_rows(&ctx, rows, t("2026-10-20 09:00"), &BoardOptions::default())?;
/// assert_eq!(b.rows.last().map(|r| r.running), Some(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn board_of_rows<'r>(
    ctx: &CaseContext,
    rows: impl IntoIterator<Item = EventRow<'r>>,
    as_of: NaiveDateTime,
    options: &BoardOptions,
) -> Result<Board, Error> {
    let mut replay = Replay::new(ctx, as_of, None, true);
    replay.push_rows(rows)?;
    finish(replay, ctx, as_of, options)
}

fn finish(
    mut replay: Replay<&CaseContext>,
    ctx: &CaseContext,
    as_of: NaiveDateTime,
    options: &BoardOptions,
) -> Result<Board, Error> {
    replay.finish();
    let mut statuses = replay.take_statuses();
    for s in &mut statuses {
        options.rules.apply(s, ctx)?;
    }
    let mut b = board(ctx, &statuses, options)?;
    let mut errors = replay.take_errors();
    errors.append(&mut b.errors);
    b.errors = errors;
    b.as_of = Some(as_of);
    Ok(b)
}

/// A card explained (docs/domain.md §4.4): the card, the case's events that are its evidence, and,
/// for a card raised by the clock, the period day by day up to the due that was crossed.
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::CaseContext;
/// let ctx = CaseContext::sample();
/// let lines = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
/// ];
/// use efficiency_core::supervision::{explain_card, SupervisionRules};
/// let x = explain_card(&ctx, &lines, "A:yellow:clock", t("2026-10-20 09:00"), &SupervisionRules::default())?;
/// assert!(x.text.contains("A:yellow:clock"));
/// assert!(x.clock.is_some());
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CardExplanation {
    /// The card as the board shows it at the moment.
    pub card: Card,
    /// The evidence events (id, kind, time, actor), in the case's order.
    pub evidence: Vec<EvidenceEvent>,
    /// For a clock card: every day of the period crossed (promised for yellow under
    /// convention B, statutory for red), counted or skipped and why.
    pub clock: Option<crate::clock::Explanation>,
    /// The whole explanation as text, for a clerk or a letter.
    pub text: String,
}

/// One evidence event of a card.
///
/// ```
/// use chrono::NaiveDateTime;
/// let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// use efficiency_core::case::CaseContext;
/// let ctx = CaseContext::sample();
/// let lines = [
///     r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
/// ];
/// use efficiency_core::supervision::{explain_card, SupervisionRules};
/// let x = explain_card(&ctx, &lines, "A:yellow:clock", t("2026-10-20 09:00"), &SupervisionRules::default())?;
/// // The clock's card rests on the acceptance, which started the clock.
/// assert_eq!(x.evidence.iter().map(|e| (e.id.as_str(), e.event.as_str())).collect::<Vec<_>>(), [("e2", "accept")]);
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EvidenceEvent {
    /// Event id.
    pub id: String,
    /// Its kind (`accept`, `step_started`, …).
    pub event: String,
    /// When.
    pub at: NaiveDateTime,
    /// Who.
    pub actor: String,
    /// The event as the office reads it: when, who by name, what happened
    /// (`证据e2：2026年11月2日 09:10 李娜（soc01）受理`).
    pub text: String,
}

/// Explains the card `card_id` (`case:level:source[:code]`) of the case in `lines` at `as_of`;
/// a card the case does not have at that moment is `supervision.unknown_card`.
///
/// ```
/// use efficiency_core::case::CaseContext;
/// use efficiency_core::supervision::{explain_card, SupervisionRules};
/// let lines = [
///     r#"{"id":"e1","case":"C1","at":"2026-11-02T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
///     r#"{"id":"e2","case":"C1","at":"2026-11-02T09:10:00","actor":"soc01","event":"accept"}"#,
/// ];
/// let (ctx, at) = (CaseContext::sample(), "2026-11-20T09:00:00".parse().unwrap());
/// let x = explain_card(&ctx, &lines, "C1:yellow:clock", at, &SupervisionRules::default())?;
/// assert!(x.text.contains("依据：超过承诺期限2026年11月16日 17:30"), "{}", x.text);
/// assert!(x.text.contains("证据e2：2026年11月2日 09:10 李娜（soc01）受理"), "{}", x.text);
/// let e = explain_card(&ctx, &lines, "C1:red:clock", at, &SupervisionRules::default()).unwrap_err();
/// assert_eq!(e.code, "supervision.unknown_card");
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
pub fn explain_card(
    ctx: &CaseContext,
    lines: &[&str],
    card_id: &str,
    as_of: NaiveDateTime,
    rules: &SupervisionRules,
) -> Result<CardExplanation, Error> {
    let case_id = card_id.split(':').next().unwrap_or_default();
    let unknown = || {
        Error::new(
            "supervision.unknown_card",
            format!("no card {card_id:?} at {as_of}"),
        )
        .with_field("card")
    };
    // The case's lines (a cheap filter first; the case parser checks every line it keeps).
    let needle = format!("\"{case_id}\"");
    let mine: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.contains(&needle))
        // Only the lines whose `case` is this case (another case may mention its id).
        .filter(|l| {
            serde_json::from_str::<serde_json::Value>(l)
                .is_ok_and(|v| v.get("case").and_then(|c| c.as_str()) == Some(case_id))
        })
        .collect();
    if case_id.is_empty() || mine.is_empty() {
        return Err(unknown());
    }
    let case = crate::case::Case::from_jsonl(ctx, &mine.join("\n"))?;
    if case.id() != case_id {
        return Err(unknown());
    }
    let mut status = case.status(ctx, as_of)?;
    rules.apply(&mut status, ctx)?;
    let options = BoardOptions {
        rules: rules.clone(),
        ..BoardOptions::default()
    };
    let card = cards(ctx, std::slice::from_ref(&status), &options)?
        .into_iter()
        .find(|c| c.id == card_id)
        .ok_or_else(unknown)?;
    let (m, lang) = (&ctx.messages, ctx.lang);
    let evidence: Vec<EvidenceEvent> = case
        .events()
        .iter()
        .filter(|e| card.events.iter().any(|id| *id == e.id))
        .map(|e| {
            // A person by name (and id), as the office reads them.
            let actor = match ctx.roster.get(&e.actor) {
                Some(s) if s.name != e.actor.as_str() => format!("{}（{}）", s.name, e.actor),
                _ => e.actor.to_string(),
            };
            let args = Args::new()
                .with("id", Arg::Text(e.id.to_string()))
                .with("at", Arg::Time(e.at))
                .with("actor", Arg::Text(actor))
                .with("event", Arg::Name("event", e.kind.name()));
            EvidenceEvent {
                id: e.id.to_string(),
                event: e.kind.name().to_string(),
                at: e.at,
                actor: e.actor.to_string(),
                text: m.text(lang, "card.evidence", &args),
            }
        })
        .collect();
    let clock = match (card.source, case.clock()) {
        (LevelSource::Clock, Some(c)) => {
            let promised = card.level == Level::Yellow && rules.convention == Convention::B;
            Some(c.explain(as_of.min(status.concluded_at.unwrap_or(as_of)), promised)?)
        }
        _ => None,
    };
    let line = |code: &str, args: Args, text: &mut String| {
        text.push_str(&m.text(lang, code, &args));
        text.push('\n');
    };
    let mut text = String::new();
    line(
        "card.head",
        Args::new()
            .with("card", Arg::Text(card.id.clone()))
            .with("level", Arg::Name("level", card.level.as_str()))
            .with("source", Arg::Name("source", card.source.as_str()))
            .with("case", Arg::Text(card.case.clone()))
            .with("raised", Arg::Time(card.raised_at)),
        &mut text,
    );
    line(
        "card.rule",
        Args::new().with("text", Arg::Text(card.text.clone())),
        &mut text,
    );
    for e in &evidence {
        text.push_str(&e.text);
        text.push('\n');
    }
    if let Some(due) = card.reply_due {
        line(
            "card.reply_due",
            Args::new().with("due", Arg::Time(due)),
            &mut text,
        );
    }
    if let Some(e) = &card.escalated {
        line(
            "card.escalated",
            Args::new()
                .with("to", Arg::Name("escalation", e.to))
                .with("at", Arg::Time(e.at)),
            &mut text,
        );
    }
    if let Some(x) = &clock {
        text.push_str(&x.text_in(m, lang));
    }
    Ok(CardExplanation {
        card,
        evidence,
        clock,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A card is explained from its own case's lines only, even when another case's event
    /// names it (here in the missing materials of a supplement request).
    #[test]
    fn a_card_is_explained_from_its_own_case() {
        let ctx = CaseContext::sample();
        let lines = [
            r#"{"id":"e1","case":"A1","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration","window":"W1"}"#,
            r#"{"id":"e2","case":"A1","at":"2026-09-28T09:10:00","actor":"soc01","event":"accept"}"#,
            r#"{"id":"e1","case":"B2","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration","window":"W1"}"#,
            r#"{"id":"e2","case":"B2","at":"2026-09-29T09:00:00","actor":"soc01","event":"supplement_request","missing":["A1"]}"#,
        ];
        let at =
            crate::date::parse_local_time("2026-11-30 17:30", crate::date::Zone::CHINA).unwrap();
        let x = explain_card(
            &ctx,
            &lines,
            "A1:red:clock",
            at,
            &SupervisionRules::default(),
        )
        .unwrap();
        assert_eq!(x.card.case, "A1");
        assert_eq!(x.evidence.len(), 1);
        assert!(x
            .clock
            .is_some_and(|c| c.days.iter().filter(|d| d.ordinal.is_some()).count() == 20));
        let e = explain_card(
            &ctx,
            &lines,
            "Z9:red:clock",
            at,
            &SupervisionRules::default(),
        )
        .unwrap_err();
        assert_eq!(e.code, "supervision.unknown_card");
    }

    fn ladder(days: u32) -> SupervisionRules {
        SupervisionRules {
            ladder: Some(Ladder {
                reply_within: TimeLimit::workdays(days),
            }),
            ..SupervisionRules::default()
        }
    }

    const LADDER_CASE: [&str; 2] = [
        r#"{"id":"e1","case":"A","at":"2026-09-28T09:00:00","actor":"soc01","event":"receive","item":"civil.social_org_registration"}"#,
        r#"{"id":"e2","case":"A","at":"2026-09-28T09:30:00","actor":"soc01","event":"accept"}"#,
    ];

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    /// The yellow card (raised at the promised due, 16 October 17:30) awaits a reply within 2
    /// workdays (by 20 October 17:30); without one it is escalated to red at that due.
    #[test]
    fn a_card_without_a_reply_is_escalated_at_its_due() {
        let ctx = CaseContext::sample();
        let options = BoardOptions {
            rules: ladder(2),
            ..BoardOptions::default()
        };
        let before = board_of_lines(&ctx, &LADDER_CASE, t("2026-10-20 17:00"), &options).unwrap();
        let card = &before.open_cards[0];
        assert_eq!(
            (card.reply_due, card.escalated, card.state),
            (Some(t("2026-10-20 17:30")), None, "open")
        );
        let after = board_of_lines(&ctx, &LADDER_CASE, t("2026-10-21 09:00"), &options).unwrap();
        let card = &after.open_cards[0];
        assert_eq!(
            (card.escalated, card.state),
            (
                Some(Escalation {
                    at: t("2026-10-20 17:30"),
                    to: "red"
                }),
                "escalated"
            )
        );
        // Without the ladder, nothing awaits a reply.
        let plain = board_of_lines(
            &ctx,
            &LADDER_CASE,
            t("2026-10-21 09:00"),
            &BoardOptions::default(),
        )
        .unwrap();
        assert_eq!(
            (plain.open_cards[0].reply_due, plain.open_cards[0].escalated),
            (None, None)
        );
    }

    /// A reply in time stops the escalation; a late reply does not undo it; a reply needs its
    /// text; a red card escalates to the leadership.
    #[test]
    fn replies_in_time_late_and_empty() {
        let ctx = CaseContext::sample();
        let reply = |at: &str, remark: Option<&str>| CardAction {
            card: "A:yellow:clock".into(),
            action: "reply".into(),
            at: t(at),
            by: "soc-h".into(),
            remark: remark.map(String::from),
        };
        let at = |actions: Vec<CardAction>, when: &str| {
            let options = BoardOptions {
                rules: ladder(2),
                actions,
                ..BoardOptions::default()
            };
            board_of_lines(&ctx, &LADDER_CASE, t(when), &options).unwrap()
        };
        let b = at(
            vec![reply(
                "2026-10-19 10:00",
                Some("材料已补齐，预计10月22日办结"),
            )],
            "2026-10-21 09:00",
        );
        assert_eq!(
            (b.open_cards[0].state, b.open_cards[0].escalated),
            ("replied", None)
        );
        // The reply's free text is masked as staff read it.
        let b = at(
            vec![reply(
                "2026-10-19 10:00",
                Some("已电话联系申请人13800138000"),
            )],
            "2026-10-21 09:00",
        );
        assert_eq!(
            b.open_cards[0].replied.as_ref().unwrap().text,
            "已电话联系申请人138****8000"
        );
        let b = at(
            vec![reply("2026-10-21 10:00", Some("late"))],
            "2026-10-22 09:00",
        );
        assert_eq!(
            b.open_cards[0].escalated,
            Some(Escalation {
                at: t("2026-10-20 17:30"),
                to: "red"
            })
        );
        let b = at(
            vec![reply("2026-10-19 10:00", Some("  "))],
            "2026-10-19 11:00",
        );
        assert_eq!(
            (b.errors.len(), b.errors[0].code),
            (1, "supervision.invalid_action")
        );
        // Past the statutory due (30 October): the red card, unanswered by 3 November, goes up.
        let b = at(vec![], "2026-11-04 09:00");
        let red = b.open_cards.iter().find(|c| c.id == "A:red:clock").unwrap();
        assert_eq!(
            red.escalated,
            Some(Escalation {
                at: t("2026-11-03 17:30"),
                to: "leadership"
            })
        );
        // The superseded yellow card keeps its history: escalated on 20 October, before the red.
        let yellow = b
            .new_cards
            .iter()
            .find(|c| c.id == "A:yellow:clock")
            .unwrap();
        assert_eq!(
            (yellow.state, yellow.escalated),
            (
                "superseded",
                Some(Escalation {
                    at: t("2026-10-20 17:30"),
                    to: "red"
                })
            )
        );
    }

    #[test]
    fn a_ladder_needs_a_real_limit() {
        let text = r#"{"format": "efficiency.supervision/1", "convention": "b", "yellow_share": 0.75,
            "yellow_days_left": 2, "ladder": {"reply_within": {"amount": 0, "unit": "workdays"}}}"#;
        let e = SupervisionRules::from_json(text).unwrap_err();
        assert_eq!(
            (e.code, e.field.as_deref()),
            ("supervision.invalid_rules", Some("ladder.reply_within"))
        );
    }
}
