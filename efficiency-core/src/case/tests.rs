//! Helpers for the rules' tests: a case from short event fragments.

use super::{Case, CaseContext, CaseStatus};

/// The sample context's status of case `C1` at `as_of`, from event fragments: each is the body
/// of an event's JSON object without its id and case (ids are `e1`, `e2`, … in order); one
/// without `"at"` happens ten minutes after the one before (the first at 2026-09-25 09:00, a
/// Friday).
pub(crate) fn status(fragments: &[&str], as_of: &str) -> CaseStatus {
    status_in(&CaseContext::sample(), fragments, as_of)
}

/// As [`status`], with every rule judged (the shipped table's `not_judged` emptied).
pub(crate) fn status_judging(fragments: &[&str], as_of: &str) -> CaseStatus {
    let mut ctx = CaseContext::sample();
    ctx.rules.not_judged.clear();
    status_in(&ctx, fragments, as_of)
}

/// The codes of a status's findings, in order (for [`status_judging`]).
pub(crate) fn codes_judging(s: &CaseStatus) -> Vec<&'static str> {
    codes(s)
}

fn status_in(ctx: &CaseContext, fragments: &[&str], as_of: &str) -> CaseStatus {
    let mut at = "2026-09-25T09:00:00"
        .parse::<chrono::NaiveDateTime>()
        .unwrap();
    let log: Vec<String> = fragments
        .iter()
        .enumerate()
        .map(|(i, body)| {
            if body.contains("\"at\":") {
                let t = body.split("\"at\":\"").nth(1).unwrap();
                at = t[..19].parse().unwrap();
                format!(r#"{{"id":"e{}","case":"C1",{body}}}"#, i + 1)
            } else {
                if i > 0 {
                    at += chrono::Duration::minutes(10);
                }
                format!(
                    r#"{{"id":"e{}","case":"C1","at":"{}",{body}}}"#,
                    i + 1,
                    at.format("%Y-%m-%dT%H:%M:%S")
                )
            }
        })
        .collect();
    let case = Case::from_jsonl(ctx, &log.join("\n")).unwrap_or_else(|e| panic!("{e}"));
    case.status(ctx, as_of.parse().unwrap()).unwrap()
}

/// The codes of a status's findings, in order.
pub(crate) fn codes(s: &CaseStatus) -> Vec<&'static str> {
    s.findings.iter().map(|f| f.code).collect()
}
