//! The binding layer inside a real JS engine: Node by default, headless Chromium with
//! `WASM_BINDGEN_USE_BROWSER=1` (see scripts/test-all.sh). Runs the shared calendar vectors
//! through the exported `Calendar`, so JsValue conversions and thrown errors are exercised.
#![cfg(target_arch = "wasm32")]

use efficiency_wasm::Calendar;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const VECTORS: &str = include_str!("../../tests/vectors/calendar.json");

fn code_of(err: JsValue) -> String {
    js_sys::Reflect::get(&err, &"code".into())
        .ok()
        .and_then(|c| c.as_string())
        .unwrap_or_else(|| format!("no code on {err:?}"))
}

fn run(cal: &Calendar, case: &Value) -> Result<Value, JsValue> {
    let s = |k: &str| JsValue::from_str(case["args"][k].as_str().unwrap());
    Ok(match case["op"].as_str().unwrap() {
        "day" => json!({
            "kind": cal.day_kind(s("date"))?,
            "is_workday": cal.is_workday(s("date"))?,
            "holiday_name": cal.holiday_name(s("date"))?,
        }),
        "add_workdays" => json!(cal.add_workdays(s("date"), case["args"]["n"].as_f64().unwrap())?),
        "next_workday" => json!(cal.next_workday(s("date"))?),
        "previous_workday" => json!(cal.previous_workday(s("date"))?),
        "workdays_between" => json!(cal.workdays_between(s("a"), s("b"))?),
        op => panic!("unknown op {op}"),
    })
}

#[wasm_bindgen_test]
fn calendar_vectors_through_the_binding() {
    let doc: Value = serde_json::from_str(VECTORS).unwrap();
    let strict = Calendar::china(None);
    let provisional = Calendar::china(Some(true));
    let cases = doc["cases"].as_array().unwrap();
    let mut failures = Vec::new();
    for case in cases {
        let cal = if case["calendar"] == "china" {
            &strict
        } else {
            &provisional
        };
        let got = match run(cal, case) {
            Ok(v) => json!({ "value": v }),
            Err(e) => json!({ "error": code_of(e) }),
        };
        if got != case["expect"] {
            failures.push(format!(
                "{}: expected {}, got {}",
                case["id"], case["expect"], got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_codes() {
    let cal = Calendar::china(None);
    let err = cal.add_workdays("2026-12-20".into(), 20.0).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(code_of(err.clone()), "calendar.year_not_covered");
    let msg = String::from(err.unchecked_into::<js_sys::Error>().message());
    assert!(msg.contains("2027"), "{msg}");
    assert_eq!(
        code_of(cal.add_workdays("2026-09-28".into(), 1.5).unwrap_err()),
        "calendar.invalid_argument"
    );
    assert_eq!(
        code_of(cal.is_workday(JsValue::from_f64(20260928.0)).unwrap_err()),
        "calendar.invalid_date"
    );
    assert_eq!(
        code_of(cal.is_workday(JsValue::NULL).unwrap_err()),
        "calendar.invalid_date"
    );
}

#[wasm_bindgen_test]
fn batch_never_throws_for_a_row() {
    let cal = Calendar::china(None);
    let dates = vec![
        JsValue::from_str("2026-09-28"),
        JsValue::NULL,
        JsValue::from_str("2031-01-01"),
        JsValue::from_f64(3.0),
    ];
    let out = cal
        .add_workdays_many(dates, JsValue::from_f64(20.0))
        .unwrap();
    let out: Value = serde_wasm_bindgen::from_value(out).unwrap();
    assert_eq!(out["values"], json!(["2026-10-30", null, null, null]));
    let codes: Vec<_> = out["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].clone(), e["code"].clone()))
        .collect();
    assert_eq!(
        codes,
        vec![
            (json!(2), json!("calendar.year_not_covered")),
            (json!(3), json!("calendar.invalid_date"))
        ]
    );
}

/// Proves which runtime ran: `EXPECT_BROWSER` is set at compile time for the Chromium run.
#[wasm_bindgen_test]
fn runs_where_expected() {
    let has_window = js_sys::Reflect::has(&js_sys::global(), &"window".into()).unwrap();
    assert_eq!(has_window, option_env!("EXPECT_BROWSER").is_some());
}
