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
        "add_workdays" => json!(cal.add_workdays(
            s("date"),
            JsValue::from_f64(case["args"]["n"].as_f64().unwrap())
        )?),
        "next_workday" => json!(cal.next_workday(s("date"))?),
        "previous_workday" => json!(cal.previous_workday(s("date"))?),
        "workdays_between" => json!(cal.workdays_between(s("a"), s("b"))?),
        op => panic!("unknown op {op}"),
    })
}

#[wasm_bindgen_test]
fn calendar_vectors_through_the_binding() {
    let doc: Value = serde_json::from_str(VECTORS).unwrap();
    let strict = Calendar::china(JsValue::UNDEFINED).unwrap();
    let provisional = Calendar::china(JsValue::TRUE).unwrap();
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
    let cal = Calendar::china(JsValue::UNDEFINED).unwrap();
    let err = cal
        .add_workdays("2026-12-20".into(), 20.0.into())
        .unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(code_of(err.clone()), "calendar.year_not_covered");
    let msg = String::from(err.unchecked_into::<js_sys::Error>().message());
    assert!(msg.contains("2027"), "{msg}");
    assert_eq!(
        code_of(
            cal.add_workdays("2026-09-28".into(), 1.5.into())
                .unwrap_err()
        ),
        "argument.not_whole"
    );
    assert_eq!(
        code_of(cal.is_workday(JsValue::from_f64(20260928.0)).unwrap_err()),
        "argument.wrong_type"
    );
    assert_eq!(
        code_of(cal.is_workday(JsValue::NULL).unwrap_err()),
        "argument.missing"
    );
    // Wrong types and impossible numbers never trap: they are coded errors naming the argument.
    for (n, code) in [
        (JsValue::from_f64(-1.0), "argument.out_of_range"),
        (JsValue::TRUE, "argument.wrong_type"),
        (JsValue::from_str("3"), "argument.wrong_type"),
        (JsValue::from_f64(f64::NAN), "argument.not_whole"),
    ] {
        assert_eq!(
            code_of(efficiency_wasm::TimeLimit::workdays(n).err().unwrap()),
            code
        );
    }
    assert_eq!(
        code_of(
            Calendar::from_json(42.into(), JsValue::UNDEFINED)
                .err()
                .unwrap()
        ),
        "argument.wrong_type"
    );
}

#[wasm_bindgen_test]
fn batch_never_throws_for_a_row() {
    let cal = Calendar::china(JsValue::UNDEFINED).unwrap();
    let dates = vec![
        JsValue::from_str("2026-09-28"),
        JsValue::NULL,
        JsValue::from_str("2031-01-01"),
        JsValue::from_f64(3.0),
    ];
    let dates: js_sys::Array = dates.into_iter().collect();
    let out = cal
        .add_workdays_many(dates.into(), JsValue::from_f64(20.0))
        .unwrap();
    let out: Value =
        serde_json::from_str(&String::from(js_sys::JSON::stringify(&out).unwrap())).unwrap();
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
            (json!(3), json!("argument.wrong_type"))
        ]
    );
}

/// Proves which runtime ran: `EXPECT_BROWSER` is set at compile time for the Chromium run.
#[wasm_bindgen_test]
fn runs_where_expected() {
    let has_window = js_sys::Reflect::has(&js_sys::global(), &"window".into()).unwrap();
    assert_eq!(has_window, option_env!("EXPECT_BROWSER").is_some());
}
