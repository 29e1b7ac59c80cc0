//! Every finding and fault the library emits reads in both languages from the message catalogue:
//! the case vectors (every case rule, the clock's extension and procedure faults) and the sample
//! bureau's year (complaints, ratings, whereabouts, the register, the campaign) give no code
//! without a message and no message naming an argument its code does not give.

use std::collections::BTreeSet;

use efficiency_core::bureau::Bureau;
use efficiency_core::case::{Case, CaseContext};
use efficiency_core::messages::{Lang, Messages};

fn vectors() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/cases/cases.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_case_finding_reads_in_both_languages() {
    let m = Messages::shipped();
    let mut ctx = CaseContext::sample();
    ctx.rules.not_judged.clear(); // judge every rule
    let mut seen = BTreeSet::new();
    for sc in vectors()["scenarios"].as_array().unwrap() {
        let lines: Vec<&str> = sc["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        let Ok(case) = Case::from_jsonl(&ctx, &lines.join("\n")) else {
            continue; // scenarios of bad input
        };
        let as_of = sc["as_of"].as_str().unwrap().parse().unwrap();
        let Ok(status) = case.status(&ctx, as_of) else {
            continue;
        };
        for f in &status.findings {
            assert!(!f.text.is_empty(), "{}: {} has no text", sc["id"], f.code);
            for lang in Lang::ALL {
                let problems = m.check(lang, f.code, &f.args);
                assert!(
                    problems.is_empty(),
                    "{} {} in {}: {problems:?}",
                    sc["id"],
                    f.code,
                    lang.locale()
                );
            }
            seen.insert(f.code);
        }
        for r in &status.level_reasons {
            assert!(
                !r.text.is_empty(),
                "{}: a level reason has no text",
                sc["id"]
            );
        }
    }
    // Every case rule and every fault the clock finds, through real logs.
    for code in efficiency_core::catalog::FindingCode::NAMES {
        assert!(seen.contains(code), "no vector gives {code}: {seen:?}");
    }
}

#[test]
fn every_fault_of_the_sample_year_reads_in_both_languages() {
    let m = Messages::shipped();
    let review = Bureau::sample(2026, 400, 2026)
        .unwrap()
        .review(2026)
        .unwrap();
    let mut seen = BTreeSet::new();
    for f in &review.faults {
        let code = f.message_code.as_deref().unwrap_or(&f.code);
        assert!(!f.text.is_empty(), "{} has no text", f.code);
        for lang in Lang::ALL {
            let problems = m.check(lang, code, &f.args);
            assert!(
                problems.is_empty(),
                "{code} in {}: {problems:?} ({:?})",
                lang.locale(),
                f.args
            );
        }
        seen.insert(code.to_string());
        // Its source names a kind of record the catalogue names (a reader sees 办件…, not case…).
        let kind = f.source.split_once(' ').map_or("", |(k, _)| k);
        assert!(
            efficiency_core::messages::RECORD_KINDS.contains(&kind),
            "{}: {:?}",
            f.code,
            f.source
        );
        // A conduct fault's name is its rule's, never the code.
        assert_ne!(
            m.fault_name(Lang::Zh, &f.code, &f.args),
            f.code,
            "{:?}",
            f.source
        );
    }
    assert!(seen.len() >= 20, "{seen:?}");
    // Every scorecard line, through its own message or its fault's.
    let mut kinds = BTreeSet::new();
    for c in &review.scorecards {
        for l in &c.lines {
            assert!(!l.text.is_empty(), "{}: a line has no text", l.rule);
            for lang in Lang::ALL {
                let problems = m.check(lang, &l.message_code, &l.args);
                assert!(
                    problems.is_empty(),
                    "{} in {}: {problems:?}",
                    l.rule,
                    lang.locale()
                );
            }
            kinds.insert(l.message_code.clone());
        }
    }
    assert!(
        kinds.contains("line.inspection") && kinds.contains("line.bonus_inspection"),
        "{kinds:?}"
    );
    // Every proposal of a heavier severity for a repeat.
    let proposals: Vec<_> = review
        .accountability
        .iter()
        .filter_map(|e| e.proposal.as_ref())
        .collect();
    assert!(!proposals.is_empty());
    for p in proposals {
        for lang in Lang::ALL {
            assert!(m.check(lang, "proposal.repeat", &p.args).is_empty());
        }
        assert!(p.reason.contains("重复发生"), "{}", p.reason);
    }
}

/// The names a report reads (severities, responsibilities, measures, categories, metrics,
/// levels, outcomes, approvers) exist in both languages for every value.
#[test]
fn every_name_a_report_reads_exists_in_both_languages() {
    use efficiency_core::accountability::{Measure, Responsibility};
    use efficiency_core::catalog::Severity;
    use efficiency_core::clock::{Authority, Level, Outcome};
    let m = Messages::shipped();
    use efficiency_core::case::{LevelSource, EVENT_KINDS};
    let groups: [(&str, &[&str]); 11] = [
        ("event", EVENT_KINDS),
        ("record", efficiency_core::messages::RECORD_KINDS),
        ("source", LevelSource::NAMES),
        ("escalation", &["red", "leadership"]),
        ("severity", Severity::NAMES),
        ("responsibility", Responsibility::NAMES),
        ("measure", Measure::NAMES),
        ("level", Level::NAMES),
        ("outcome", Outcome::NAMES),
        ("authority", Authority::NAMES),
        (
            "metric",
            &["on_time_rate", "on_the_spot_rate", "early_rate"],
        ),
    ];
    for code in [
        "explain.head",
        "card.head",
        "card.rule",
        "card.evidence",
        "card.reply_due",
        "card.escalated",
    ] {
        for lang in Lang::ALL {
            assert!(m.has(lang, code), "{code} in {}", lang.locale());
        }
    }
    // The label of every kind of field a published record holds.
    let kinds = efficiency_core::mask::DataKind::NAMES
        .iter()
        .chain(&["official", "text", "other"]);
    for k in kinds {
        for lang in Lang::ALL {
            assert!(
                m.has(lang, &format!("field.{k}")),
                "field-{k} in {}",
                lang.locale()
            );
        }
    }
    // The grades of the shipped assessment rules and what the shipped measures do to a grade.
    let grades: Vec<String> = efficiency_core::assessment::AssessmentRules::default()
        .grades
        .iter()
        .map(|g| format!("grade.{}", g.name))
        .collect();
    let effects: Vec<String> = efficiency_core::accountability::AccountabilityRules::default()
        .grade_effects
        .values()
        .map(|e| format!("effect.{e}"))
        .collect();
    assert!(grades.len() >= 4 && effects.len() >= 3);
    for code in grades.iter().chain(&effects) {
        for lang in Lang::ALL {
            assert!(m.has(lang, code), "{code} in {}", lang.locale());
        }
    }
    for lang in Lang::ALL {
        for (group, names) in groups {
            for n in names {
                let code = format!("{group}.{n}");
                assert!(m.has(lang, &code), "{group}-{n} in {}", lang.locale());
            }
        }
    }
}

/// An error naming a year or a date and quoting nothing reads with it.
#[test]
fn an_error_names_its_year_or_date() {
    let m = Messages::shipped();
    let e = efficiency_core::error::Error::new(
        "calendar.year_not_covered",
        "the calendar has no holiday data for 2031 (it covers 2004-2026)",
    );
    assert!(
        m.error_text(Lang::Zh, &e).ends_with("：2031。"),
        "{}",
        m.error_text(Lang::Zh, &e)
    );
    let e = efficiency_core::error::Error::new("clock.before_acceptance", "at 2026-10-08T09:00 x");
    assert!(m.error_text(Lang::En, &e).ends_with(": 2026-10-08T09:00."));
    // A JSON position reads in Chinese.
    let e = efficiency_core::error::Error::new("org.invalid_json", "EOF while parsing")
        .with_field("organisation.json: line 3 column 7");
    assert_eq!(
        m.error_text(Lang::Zh, &e),
        "组织机构数据不是有效的 JSON（位置：organisation.json: 第3行第7列）。"
    );
    let e = efficiency_core::error::Error::new("clock.invalid_amount", "amount 20261 of days");
    assert!(!m.error_text(Lang::Zh, &e).contains("2026"));
}

/// Every error code reads as a sentence in both languages (what a bureau's staff see when a
/// file does not load), and the sentence names where.
#[test]
fn every_error_reads_as_a_sentence_in_both_languages() {
    let m = Messages::shipped();
    for (code, _) in efficiency_core::error::CODES {
        for lang in Lang::ALL {
            let id = format!("error.{code}");
            assert!(m.has(lang, &id), "{id} in {}", lang.locale());
        }
        let e = efficiency_core::error::Error::new(code, "given \"x\"").with_field("f.json: a[0]");
        let zh = m.error_text(Lang::Zh, &e);
        assert!(
            zh.contains("位置：f.json: a[0]") && zh.contains("“x”") && !zh.contains(code),
            "{zh}"
        );
    }
}
