//! The result types' JSON Schema, generated from the Rust types (schemars), checked in at
//! `tests/api/schema.json`. The TypeScript declarations (efficiency-wasm/src/types.d.ts) and the
//! Python TypedDicts (efficiency-py/python/efficiency/types.py) are generated from that file by
//! `scripts/gen_types.py`; the Python and JS tests check every result against it.
//!
//! Run with `cargo test -p efficiency-core --features schema --test schema`; after changing a
//! result type, `UPDATE_SCHEMA=1` rewrites the file (then run `python3 scripts/gen_types.py`).
#![cfg(feature = "schema")]

use efficiency_core::{
    accountability, activity, assessment, boundary, calendar, campaign, case, clock, disclosure,
    error, guide, mask, org, review, supervision,
};
use schemars::generate::SchemaSettings;
use schemars::JsonSchema;

/// The result types every language returns, by the name the generated types use.
fn roots(g: &mut schemars::SchemaGenerator) -> serde_json::Map<String, serde_json::Value> {
    let mut roots = serde_json::Map::new();
    macro_rules! root {
        ($($name:literal => $t:ty),* $(,)?) => {$(
            roots.insert($name.to_string(), g.subschema_for::<$t>().to_value());
        )*};
    }
    root! {
        "DayInfo" => calendar::DayInfo,
        "WorkdayReckoning" => calendar::WorkdayReckoning,
        "ClockStatus" => clock::ClockStatus,
        "ClockExplanation" => clock::Explanation,
        "ClockEvent" => clock::ClockEvent,
        "ClockRows" => clock::ClockRows,
        "TimeLimitData" => clock::TimeLimit,
        "CaseStatus" => case::CaseStatus,
        "ReplayOutput" => case::ReplayOutput,
        "ReplayTables" => case::ReplayTables,
        "StatusRow" => case::StatusRow,
        "FindingRow" => case::FindingRow,
        "GroupMetrics" => case::GroupMetrics,
        "FindingInfo" => case::FindingInfo,
        "Link" => org::Link,
        "Fault" => accountability::Fault,
        "Entry" => accountability::Entry,
        "SanctionSpan" => accountability::SanctionSpan,
        "ConductRule" => activity::ConductRule,
        "Scorecard" => assessment::Scorecard,
        "DiffLine" => assessment::DiffLine,
        "Phase" => campaign::Phase,
        "Task" => campaign::Task,
        "TaskStatus" => campaign::TaskStatus,
        "AnnualReview" => review::AnnualReview,
        "ReviewTables" => review::ReviewTables,
        "ErrorData" => error::Error,
        "Board" => supervision::Board,
        "CardExplanation" => supervision::CardExplanation,
        "WhereaboutsRow" => disclosure::WhereaboutsRow,
        "RatingsRow" => disclosure::RatingsRow,
        "RegisterRow" => disclosure::RegisterRow,
        "Guide" => guide::Guide,
        "CatalogueDiff" => guide::CatalogueDiff,
        "StreamliningRow" => guide::StreamliningRow,
        "Span" => mask::Span,
        "MaskedText" => mask::MaskedText,
        "MaskedRecord" => mask::MaskedRecord,
        "RecordField" => mask::RecordField,
        "DateBatch" => boundary::BatchResult<chrono::NaiveDate>,
        "CountBatch" => boundary::BatchResult<i64>,
    }
    roots
}

#[test]
fn schema_json_is_current() {
    let mut g = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let roots = roots(&mut g);
    let defs: serde_json::Map<String, serde_json::Value> = g.take_definitions(true);
    let codes = |list: Vec<&str>| list.into_iter().map(String::from).collect::<Vec<_>>();
    let doc = serde_json::json!({
        "about": "JSON Schema of every result type, generated from the Rust types by efficiency-core/tests/schema.rs (UPDATE_SCHEMA=1 to rewrite). Keys are snake_case; JS results use the same keys in camelCase.",
        "roots": roots,
        "codes": {
            "ErrorCode": codes(error::CODES.iter().map(|(c, _)| *c).collect()),
            "FindingCode": codes(case::FINDING_CATALOG.iter().map(|f| f.code).collect()),
            "EventKind": codes(case::EVENT_KINDS.to_vec()),
        },
        "$defs": defs,
    });
    let mut doc = doc;
    prose_only(&mut doc);
    let text = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/api/schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let current = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        current == text,
        "tests/api/schema.json is out of date: run UPDATE_SCHEMA=1 cargo test -p efficiency-core --features schema --test schema, then python3 scripts/gen_types.py"
    );
}

/// Every root's serialised sample has exactly the fields its schema lists (the hand-written
/// `Serialize` impls cannot drift from their hand-written schemas).
#[test]
fn samples_match_their_schemas() {
    let cal = calendar::Calendar::china();
    let d = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let mut g = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let check = |name: &str, schema: schemars::Schema, value: serde_json::Value| {
        let props: std::collections::BTreeSet<String> = schema
            .get("properties")
            .and_then(|p| p.as_object())
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default();
        let keys: std::collections::BTreeSet<String> =
            value.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys, props,
            "{name}: serialised fields differ from the schema"
        );
    };
    check(
        "DayInfo",
        calendar::DayInfo::json_schema(&mut g),
        serde_json::to_value(cal.day_info(d).unwrap()).unwrap(),
    );
    check(
        "WorkdayReckoning",
        calendar::WorkdayReckoning::json_schema(&mut g),
        serde_json::to_value(cal.explain_add_workdays(d, 3).unwrap()).unwrap(),
    );
    let clock = clock::Clock::new(
        cal,
        "2026-09-28T10:00:00".parse().unwrap(),
        clock::TimeLimit::workdays(20),
    );
    check(
        "ClockExplanation",
        clock::Explanation::json_schema(&mut g),
        serde_json::to_value(
            clock
                .explain("2026-10-20T10:00:00".parse().unwrap(), false)
                .unwrap(),
        )
        .unwrap(),
    );
}

/// Descriptions as prose: a doc comment's runnable examples (fenced code) are for the Rust docs,
/// not for the generated Python and TypeScript types.
fn prose_only(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                match x {
                    serde_json::Value::String(s) if k == "description" => *s = without_code(s),
                    _ => prose_only(x),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(prose_only),
        _ => {}
    }
}

fn without_code(text: &str) -> String {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push(line);
        }
    }
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out.join("\n")
}

#[test]
fn descriptions_leave_out_code() {
    assert_eq!(without_code("A limit.\n\n```\nlet x = 1;\n```"), "A limit.");
    assert_eq!(without_code("One.\n\nTwo."), "One.\n\nTwo.");
}
