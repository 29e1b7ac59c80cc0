//! `tests/vectors/errors.json` in Rust: each bad input, read through the core's boundary values
//! ([`Value`] and its extractors, as the Python and JS bindings read theirs), gives the code the
//! vector expects. The same file runs in pytest, under Node and in headless Chromium.

use efficiency_core::accountability::AccountabilityRules;
use efficiency_core::activity::Activity;
use efficiency_core::assessment::AssessmentRules;
use efficiency_core::boundary::{day_column, Numbers, Value, Whole};
use efficiency_core::calendar::{add_workdays_batch, workdays_between_batch, Calendar};
use efficiency_core::campaign::{CampaignTemplate, CAMPAIGN_PLAN_JSON};
use efficiency_core::case::{Case, CaseContext};
use efficiency_core::clock::{evaluate_rows, Authority, Clock, ClockConfig, TimeLimit, TimeUnit};
use efficiency_core::date::Zone;
use efficiency_core::error::{is_known_code, Error};
use efficiency_core::org::Organisation;
use serde_json::Value as J;

const Z: Zone = Zone::CHINA;

/// Discards a result: only whether the call failed, and how, matters here.
fn used<T>(_: T) {}

/// JSON -> a boundary value, as a binding would build it from its language's values.
fn value(j: &J) -> Value {
    match j {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        J::String(s) => Value::Str(s.clone()),
        J::Array(v) => Value::List(v.iter().map(value).collect()),
        J::Object(m) => match (m.len(), m.get("$float").and_then(J::as_str)) {
            (1, Some("nan")) => Value::Float(f64::NAN),
            (1, Some("inf")) => Value::Float(f64::INFINITY),
            (1, Some("-inf")) => Value::Float(f64::NEG_INFINITY),
            _ => Value::Map(m.iter().map(|(k, v)| (k.clone(), value(v))).collect()),
        },
    }
}

fn clock(case: &J) -> Result<Clock, Error> {
    let mut c = Clock::new(
        Calendar::china(),
        Value::Str("2026-09-28T10:00".into()).time("accepted_at", Z)?,
        TimeLimit::workdays(20),
    );
    for step in case["before"].as_array().into_iter().flatten() {
        let s: Vec<Value> = step.as_array().expect("a step").iter().map(value).collect();
        let name = s[0].string("step")?;
        let at = s[1].time("at", Z)?;
        match name {
            "suspend" => c.suspend(at, s[2].string("reason")?)?,
            "conclude" => c.conclude(at)?,
            "notify_applicant" => c.notify_applicant(at)?,
            other => panic!("unknown step {other}"),
        }
    }
    Ok(c)
}

/// One operation of the manifest (tests/api.json), its arguments read as the bindings read them.
fn call(case: &J) -> Result<(), Error> {
    let op = case["op"].as_str().expect("op");
    let args: Vec<Value> = case["args"]
        .as_array()
        .expect("args")
        .iter()
        .map(value)
        .collect();
    let a = |i: usize| args.get(i).unwrap_or(&Value::Null);
    let cal = Calendar::china();
    let date = |i: usize, name: &str| a(i).date(name, Z);
    let time = |i: usize, name: &str| a(i).time(name, Z);
    match op {
        "calendar.is_workday" => used(cal.is_workday(date(0, "date")?)?),
        "calendar.day_kind" => used(cal.day_kind(date(0, "date")?)?),
        "calendar.holiday_name" => used(cal.holiday_name(date(0, "date")?)?),
        "calendar.day_info" => used(cal.day_info(date(0, "date")?)?),
        "calendar.is_provisional" => used(cal.is_provisional(date(0, "date")?)),
        "calendar.next_workday" => used(cal.next_workday(date(0, "date")?)?),
        "calendar.previous_workday" => used(cal.previous_workday(date(0, "date")?)?),
        "calendar.add_workdays" | "calendar.explain_add_workdays" => {
            let d = date(0, "date")?;
            let n = a(1).whole("n", Whole::Offset)? as i32;
            if op.ends_with("explain_add_workdays") {
                used(cal.explain_add_workdays(d, n)?);
            } else {
                used(cal.add_workdays(d, n)?);
            }
        }
        "calendar.workdays_between" => used(cal.workdays_between(date(0, "a")?, date(1, "b")?)?),
        "Calendar.from_json" => used(Calendar::from_json(a(0).string("text")?)?),
        "Calendar.china" => {
            used(Calendar::china().with_provisional(a(0).flag_or("provisional", false)?))
        }
        "calendar.with_year" => used(cal.with_year(a(0).string("year_json")?)?),
        "TimeLimit.new" => {
            let amount = a(0).whole("amount", Whole::Amount)? as u32;
            let unit: TimeUnit = a(1).string("unit")?.parse()?;
            used(TimeLimit { amount, unit });
        }
        "TimeLimit.workdays" | "TimeLimit.natural_days" | "TimeLimit.work_hours" => {
            used(a(0).whole("n", Whole::Amount)?);
        }
        "Clock.new" => {
            let at = time(0, "accepted_at")?;
            let n = a(1).whole("n", Whole::Amount)? as u32;
            used(Clock::new(cal, at, TimeLimit::workdays(n)));
        }
        "clock.suspend" => {
            let reason = a(1).string("reason")?;
            clock(case)?.suspend(time(0, "at")?, reason)?;
        }
        "clock.resume" => clock(case)?.resume(time(0, "at")?)?,
        "clock.conclude" => clock(case)?.conclude(time(0, "at")?)?,
        "clock.notify_applicant" => clock(case)?.notify_applicant(time(0, "at")?)?,
        "clock.request_extension" => {
            let amount = a(1).whole("amount", Whole::Amount)? as u32;
            let reason = a(2).string("reason")?;
            clock(case)?.request_extension(time(0, "at")?, amount, reason)?;
        }
        "clock.approve_extension" => {
            let approver: Authority = a(1).string("approver")?.parse()?;
            clock(case)?.approve_extension(time(0, "at")?, approver)?;
        }
        "clock.status" => used(clock(case)?.status(time(0, "as_of")?)?),
        "Case.from_jsonl" => used(Case::from_jsonl(
            &CaseContext::sample(),
            a(0).string("text")?,
        )?),
        "case.status" => {
            let ctx = CaseContext::sample();
            let lines: Vec<&str> = case["case_lines"]
                .as_array()
                .expect("case_lines")
                .iter()
                .map(|l| l.as_str().expect("a line"))
                .collect();
            let kase = Case::from_jsonl(&ctx, &lines.join("\n")).expect("a valid case");
            used(kase.status(&ctx, time(0, "as_of")?)?);
        }
        "Organisation.from_json" => used(Organisation::from_json(a(0).string("text")?)?),
        "organisation.chain" => used(Organisation::sample().chain(a(0).string("person")?)?),
        "organisation.unit_chain" => used(Organisation::sample().unit_chain(a(0).string("unit")?)?),
        "AccountabilityRules.from_json" => {
            used(AccountabilityRules::from_json(a(0).string("text")?)?)
        }
        "accountability_list" => used(efficiency_core::accountability::accountability_list_of(
            &Organisation::sample(),
            None,
            a(0),
            a(1),
            Zone::CHINA,
        )?),
        "score_units" => used(efficiency_core::assessment::score_units_of(
            &Organisation::sample(),
            None,
            a(0),
            a(1),
            a(2),
            Zone::CHINA,
        )?),
        "accountability_rules.sanction_span" => {
            used(AccountabilityRules::default().sanction_span_of(a(0), a(1), a(2))?)
        }
        "AssessmentRules.from_json" => used(AssessmentRules::from_json(a(0).string("text")?)?),
        "AssessmentRules.from_toml" => used(AssessmentRules::from_toml(a(0).string("text")?)?),
        "Campaign.new" => {
            let plan = a(1).opt_string("template_json")?;
            let year = a(0).whole("year", Whole::Year)? as i32;
            let template = CampaignTemplate::from_json(plan.unwrap_or(CAMPAIGN_PLAN_JSON))?;
            used(template.instantiate(year)?);
        }
        "campaign.phase_on" => {
            let d = date(0, "date")?;
            let c = CampaignTemplate::from_json(CAMPAIGN_PLAN_JSON)?.instantiate(2026)?;
            used(c.phase_on(d));
        }
        "annual_review_sample" => {
            let year = a(0).whole("year", Whole::Year)? as i32;
            let cases = a(1).whole("cases", Whole::SampleCases)? as usize;
            let seed = a(2).whole("seed", Whole::Seed)? as u64;
            used(efficiency_core::review::sample_year(year, cases, seed)?);
        }
        "Activity.from_json" => used(Activity::from_json(a(0).string("text")?)?),
        "activity.faults" => {
            let activity = Activity::from_json(a(0).string("text")?)?;
            let rules = efficiency_core::activity::ActivityRules::from_json(
                efficiency_core::activity::CONDUCT_RULES_JSON,
                efficiency_core::activity::COMPLAINT_RULES_JSON,
                Calendar::china(),
            )?;
            used(activity.faults(&Organisation::sample(), &rules, time(1, "as_of")?)?)
        }
        "evaluate_clocks" => {
            let columns = Value::Map(
                ["accepted_at", "amount", "unit", "as_of"]
                    .iter()
                    .zip(&args)
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
            );
            used(evaluate_rows(&cal, &ClockConfig::default(), &columns)?)
        }
        other => panic!("errors.json calls {other}, which this runner does not know"),
    }
    Ok(())
}

#[test]
fn every_bad_input_gives_its_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/errors.json");
    let doc: J = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 150);
    let mut failures = Vec::new();
    for case in cases {
        let want = &case["expect"];
        let got = match call(case) {
            Ok(()) => "no error".to_string(),
            Err(e) => {
                let mut ok = e.code == want["code"].as_str().unwrap() && is_known_code(e.code);
                if let Some(field) = want["field"].as_str() {
                    ok &= e.field.as_deref() == Some(field);
                }
                if let Some(line) = case["line"].as_u64() {
                    ok &= e.line == Some(line as u32);
                }
                if ok {
                    continue;
                }
                format!(
                    "{} field {:?} line {:?}: {}",
                    e.code, e.field, e.line, e.message
                )
            }
        };
        failures.push(format!("{}: expected {want}, got {got}", case["id"]));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The batches: each call succeeds and lists exactly the expected (row, code) errors.
fn batch_errors(b: &J) -> Result<Vec<(u32, &'static str)>, Error> {
    let args: Vec<Value> = b["args"]
        .as_array()
        .expect("args")
        .iter()
        .map(value)
        .collect();
    let cal = Calendar::china();
    let list = |v: &Value| match v {
        Value::List(x) => x.clone(),
        one => vec![one.clone()],
    };
    let errors = match b["op"].as_str().expect("op") {
        "calendar.add_workdays_many" => {
            let (days, errors) = day_column(&list(&args[0]), "dates", Z);
            let n = list(&args[1]);
            let mut out = vec![0; days.len()];
            add_workdays_batch(&cal, &days, errors, Numbers::Values(&n), &mut out)?
        }
        "calendar.workdays_between_many" => {
            let (a, mut errors) = day_column(&list(&args[0]), "a", Z);
            let (b, errors_b) = day_column(&list(&args[1]), "b", Z);
            errors.extend(errors_b);
            let mut out = vec![0; a.len()];
            workdays_between_batch(&cal, &a, &b, errors, &mut out)?
        }
        "evaluate_clocks" => {
            let columns = Value::Map(
                ["accepted_at", "amount", "unit", "as_of"]
                    .iter()
                    .zip(&args)
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
            );
            evaluate_rows(&cal, &ClockConfig::default(), &columns)?.errors
        }
        other => panic!("unknown batch op {other}"),
    };
    Ok(errors
        .iter()
        .map(|e| (e.row.expect("a row"), e.code))
        .collect())
}

#[test]
fn batches_never_fail_whole() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/errors.json");
    let doc: J = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let batches = doc["batches"].as_array().unwrap();
    assert!(batches.len() >= 5);
    for b in batches {
        let want: Vec<(u32, String)> = b["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r[0].as_u64().unwrap() as u32,
                    r[1].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let got: Vec<(u32, String)> = batch_errors(b)
            .unwrap_or_else(|e| panic!("{}: the batch failed whole: {e:?}", b["id"]))
            .into_iter()
            .map(|(r, c)| (r, c.to_string()))
            .collect();
        assert_eq!(got, want, "{}", b["id"]);
    }
}
