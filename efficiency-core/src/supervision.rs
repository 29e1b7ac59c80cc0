//! Electronic supervision (电子监察, DOMAIN.md §4.4): supervision cards (督办卡) as records and a
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
//! let b = board(&replay.take_statuses(), &BoardOptions::default())?;
//! let affairs = b.rows.iter().find(|r| r.group == "affairs").unwrap();
//! assert!(affairs.red >= 1);
//! assert!(b.new_cards.iter().all(|c| c.level.as_str() != "normal"));
//! # Ok::<(), efficiency_core::error::Error>(())
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::boundary::Value;
use crate::case::metrics::GroupBy;
use crate::case::{CaseContext, CaseStatus, EventRow, LevelSource, Replay, Stage};
use crate::clock::{Level, Outcome};
use crate::date::Zone;
use crate::error::Error;

/// A supervision card (督办卡).
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
    /// The rule, for a clerk.
    pub rule: String,
    /// Evidence event ids.
    pub events: Vec<String>,
    /// `open`, `acknowledged` or `closed`.
    pub state: &'static str,
    /// When the supervision office acknowledged it, and who.
    pub acknowledged: Option<(NaiveDateTime, String)>,
    /// When it was closed, by whom, with the remark.
    pub closed: Option<(NaiveDateTime, String, String)>,
}

/// What the supervision office did to a card.
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardOptions {
    /// Per unit (default) or per window (or item, handler, all).
    pub group_by: GroupBy,
    /// List the cards raised after this moment (all when `None`).
    pub since: Option<NaiveDateTime>,
    /// What the supervision office did to the cards so far.
    pub actions: Vec<CardAction>,
}

impl Default for BoardOptions {
    fn default() -> Self {
        BoardOptions {
            group_by: GroupBy::Unit,
            since: None,
            actions: Vec::new(),
        }
    }
}

impl BoardOptions {
    /// Options from a mapping (`group_by`, `since`, `actions`; unknown names are errors).
    pub fn from_value(v: &Value, zone: Zone) -> Result<Self, Error> {
        v.check_options("board", &["group_by", "since", "actions"])?;
        let group_by = match v.get("group_by") {
            Value::Null => GroupBy::Unit,
            g => GroupBy::from_name(g.choice("group_by", GroupBy::NAMES)?).expect("a listed name"),
        };
        let actions = match v.get("actions") {
            Value::Null => Vec::new(),
            a => a.deserialize("actions", zone, "supervision.invalid_action")?,
        };
        Ok(BoardOptions {
            group_by,
            since: v.get("since").opt_time("since", zone)?,
            actions,
        })
    }
}

/// One row of the board.
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
}

/// The supervision board at a moment.
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

/// The cards of cases at their moments: one per reason at yellow or red (a reminder is not a
/// card), with the office's actions applied. An action naming no card, acting before the card
/// was raised, closing without a remark, or acting on a closed card is an error naming it.
pub fn cards(statuses: &[CaseStatus], actions: &[CardAction]) -> Result<Vec<Card>, Error> {
    let mut out: Vec<Card> = Vec::new();
    for s in statuses {
        for r in s.level_reasons.iter().filter(|r| r.level >= Level::Yellow) {
            let id = card_id(&s.case, r.level, r.source, r.code);
            if out.iter().any(|c| c.id == id) {
                continue; // two findings of one code: one card, the first moment
            }
            out.push(Card {
                id,
                case: s.case.clone(),
                item: s.item.clone(),
                unit: s.unit.clone(),
                window: s.window.clone(),
                person: s.handler.clone().or_else(|| s.first_responder.clone()),
                level: r.level,
                source: r.source,
                code: r.code,
                raised_at: r.at,
                rule: r.message.clone(),
                events: r.events.clone(),
                state: "open",
                acknowledged: None,
                closed: None,
            });
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
        let card = out
            .iter_mut()
            .find(|c| c.id == a.card)
            .ok_or_else(|| fail("no such card at this moment".into()))?;
        if a.at < card.raised_at {
            return Err(fail(format!(
                "at {} is before the card was raised ({})",
                a.at, card.raised_at
            )));
        }
        if card.closed.is_some() {
            return Err(fail("the card is already closed".into()));
        }
        match a.action.as_str() {
            "acknowledge" => {
                card.acknowledged.get_or_insert((a.at, a.by.clone()));
                card.state = "acknowledged";
            }
            "close" => {
                let remark = a
                    .remark
                    .clone()
                    .filter(|r| !r.trim().is_empty())
                    .ok_or_else(|| fail("closing a card needs a remark".into()))?;
                card.acknowledged.get_or_insert((a.at, a.by.clone()));
                card.closed = Some((a.at, a.by.clone(), remark));
                card.state = "closed";
            }
            other => return Err(fail(format!("{other:?} is neither acknowledge nor close"))),
        }
    }
    out.sort_by(|a, b| a.raised_at.cmp(&b.raised_at).then_with(|| a.id.cmp(&b.id)));
    Ok(out)
}

fn rate(n: u64, d: u64) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

/// The board of `statuses` (each judged at the board's moment) with the office's actions.
pub fn board(statuses: &[CaseStatus], options: &BoardOptions) -> Result<Board, Error> {
    let key = |s: &CaseStatus| -> String {
        match options.group_by {
            GroupBy::Window => s.window.clone(),
            GroupBy::Item => s.item.clone(),
            GroupBy::Handler => s.handler.clone(),
            GroupBy::All => Some("all".into()),
            GroupBy::Unit => s.unit.clone(),
        }
        .unwrap_or_else(|| "-".into())
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
    let cards = cards(statuses, &options.actions)?;
    let group_of = |c: &Card| -> String {
        statuses
            .iter()
            .find(|s| s.case == c.case)
            .map(key)
            .unwrap_or_else(|| "-".into())
    };
    let new_cards: Vec<Card> = cards
        .iter()
        .filter(|c| options.since.is_none_or(|t| c.raised_at > t))
        .cloned()
        .collect();
    let open_cards: Vec<Card> = cards
        .iter()
        .filter(|c| c.closed.is_none())
        .cloned()
        .collect();
    for c in &new_cards {
        if let Some(r) = rows.get_mut(&group_of(c)) {
            r.new_cards += 1;
        }
        all.new_cards += 1;
    }
    for c in &open_cards {
        if let Some(r) = rows.get_mut(&group_of(c)) {
            r.open_cards += 1;
        }
        all.open_cards += 1;
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
        errors: Vec::new(),
    })
}

/// The board of the cases in `lines` (JSON Lines sorted by case id) judged at `as_of`; rows
/// that cannot be read are left out and listed in `errors`.
pub fn board_of_lines(
    ctx: &CaseContext,
    lines: &[&str],
    as_of: NaiveDateTime,
    options: &BoardOptions,
) -> Result<Board, Error> {
    let mut replay = Replay::new(ctx, as_of, None, true);
    replay.push_lines(lines)?;
    finish(replay, as_of, options)
}

/// As [`board_of_lines`], from event rows (a table's rows).
pub fn board_of_rows<'r>(
    ctx: &CaseContext,
    rows: impl IntoIterator<Item = EventRow<'r>>,
    as_of: NaiveDateTime,
    options: &BoardOptions,
) -> Result<Board, Error> {
    let mut replay = Replay::new(ctx, as_of, None, true);
    replay.push_rows(rows)?;
    finish(replay, as_of, options)
}

fn finish(
    mut replay: Replay<&CaseContext>,
    as_of: NaiveDateTime,
    options: &BoardOptions,
) -> Result<Board, Error> {
    replay.finish();
    let mut b = board(&replay.take_statuses(), options)?;
    b.errors = replay.take_errors();
    b.as_of = Some(as_of);
    Ok(b)
}
