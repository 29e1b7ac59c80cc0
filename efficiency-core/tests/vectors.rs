//! Runs the language-neutral vectors in `tests/vectors/` against the Rust API.
//! Python (`efficiency-py/tests`) and JS (`efficiency-wasm/tests`) run the same files.

use efficiency_core::calendar::{Calendar, CalendarError};
use efficiency_core::date::parse_date;
use serde_json::{json, Value};

fn vectors(name: &str) -> Value {
    let path = format!("{}/../tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("vector file"))
        .expect("vector JSON")
}

fn arg<'a>(case: &'a Value, key: &str) -> &'a str {
    case["args"][key].as_str().expect("string argument")
}

fn run_calendar_case(cal: &Calendar, case: &Value) -> Result<Value, CalendarError> {
    let date = |key: &str| parse_date(arg(case, key));
    Ok(match case["op"].as_str().unwrap() {
        "day" => {
            let d = date("date")?;
            json!({
                "kind": cal.day_kind(d)?.as_str(),
                "is_workday": cal.is_workday(d)?,
                "holiday_name": cal.holiday_name(d)?,
            })
        }
        "add_workdays" => {
            let n = case["args"]["n"].as_i64().unwrap() as i32;
            json!(cal.add_workdays(date("date")?, n)?.to_string())
        }
        "next_workday" => json!(cal.next_workday(date("date")?)?.to_string()),
        "previous_workday" => json!(cal.previous_workday(date("date")?)?.to_string()),
        "workdays_between" => json!(cal.workdays_between(date("a")?, date("b")?)?),
        op => panic!("unknown op {op}"),
    })
}

#[test]
fn calendar_vectors() {
    let doc = vectors("calendar.json");
    let strict = Calendar::china();
    let provisional = Calendar::china().with_provisional(true);
    let cases = doc["cases"].as_array().unwrap();
    assert!(
        cases.len() >= 2000,
        "the issue asks for at least 2,000 cases"
    );
    let mut failures = Vec::new();
    for case in cases {
        let cal = match case["calendar"].as_str().unwrap() {
            "china" => &strict,
            "china_provisional" => &provisional,
            other => panic!("unknown calendar {other}"),
        };
        let got = match run_calendar_case(cal, case) {
            Ok(v) => json!({ "value": v }),
            Err(e) => json!({ "error": e.code() }),
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
