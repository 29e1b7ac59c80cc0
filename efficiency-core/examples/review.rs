//! The main job on embedded data: the calendar and the deadline clock shown on single cases,
//! the sample case logs with their findings, then the sample bureau's whole year — metrics,
//! findings, accountability, scorecards and the campaign — judged at once.
//!
//! `cargo run -q -p efficiency-core --example review`
//!
//! With a folder, reviews a bureau's own data instead (the files of
//! `efficiency_core::bureau::BUREAU_FILES`; only `organisation.json` and `cases.jsonl` are
//! required): `cargo run -q -p efficiency-core --example review -- <folder> <year>`

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use efficiency_core::bureau::{Bureau, BUREAU_FILES, SAMPLE_BUREAU_FILES};
use efficiency_core::calendar::{Calendar, DayKind};
use efficiency_core::case::metrics::GroupBy;
use efficiency_core::case::Severity;
use efficiency_core::case::{CaseContext, CaseStream, Metrics, Period, FINDING_CATALOG};
use efficiency_core::clock::Authority;
use efficiency_core::date::parse_date;
use efficiency_core::item::ItemCatalog;

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("valid sample time")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [folder, year] = args.as_slice() {
        // A bureau's own folder: every document present, read as text, checked by the core.
        let mut texts = Vec::new();
        for (name, _) in BUREAU_FILES {
            let path = std::path::Path::new(folder).join(name);
            if path.exists() {
                texts.push((*name, std::fs::read_to_string(&path)?));
            }
        }
        let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let bureau = Bureau::from_files(&files)?;
        return annual(
            &bureau,
            year.parse()?,
            &format!("{folder} ({} case events)", bureau.case_lines.len()),
        );
    }
    if !args.is_empty() {
        return Err("usage: review [<folder> <year>]".into());
    }
    let cal = Calendar::china();
    let (first, last) = cal.covered_years();
    println!("efficiency: administrative efficiency building (行政效能建设)");
    println!("Calendar: Mainland China, State Council notices {first}-{last} (embedded)\n");

    println!(
        "A licensing decision (行政许可, 20 workdays, 行政许可法 Art. 42) accepted on 2026-09-28:"
    );
    let reckoning = cal.explain_add_workdays(parse_date("2026-09-28")?, 20)?;
    println!(
        "  due {} (the 20th workday after acceptance; {} days passed, {} skipped)",
        reckoning.due,
        reckoning.days.len(),
        reckoning.skipped().count()
    );
    println!("Days skipped and why:");
    for day in reckoning.skipped() {
        println!("  {}  {}", day.date, day.reason);
    }

    println!("\nSome days the naive weekday + holiday-list model gets wrong:");
    for s in [
        "2005-12-31",
        "2015-09-03",
        "2020-01-31",
        "2020-02-01",
        "2026-02-14",
        "2026-02-28",
    ] {
        let info = cal.day_info(parse_date(s)?)?;
        let mark = if info.kind == DayKind::MakeupWorkday {
            "open on a weekend"
        } else {
            ""
        };
        println!(
            "  {s}  {:<15} {}  {mark}",
            info.kind.as_str(),
            info.describe()
        );
    }

    println!("\nA year without a notice is an error, never a silent guess:");
    match cal.add_workdays(parse_date("2026-12-20")?, 20) {
        Ok(d) => println!("  unexpected: {d}"),
        Err(e) => println!("  [{}] {e}", e.code()),
    }
    let provisional = cal.with_provisional(true);
    let r = provisional.explain_add_workdays(parse_date("2026-12-20")?, 20)?;
    println!(
        "  provisional calendar: due {}{}",
        r.due,
        if r.provisional {
            " (PROVISIONAL: recompute when the 2027 notice is loaded)"
        } else {
            ""
        }
    );

    println!(
        "\nThe deadline clock (限时办结制): registering a social organisation (社会团体成立登记)"
    );
    let items = ItemCatalog::templates();
    let item = items
        .get("civil.social_org_registration")
        .expect("shipped item");
    println!(
        "  item {}: statutory {}, promised {}, extension up to {} by the {}",
        item.code,
        item.statutory,
        item.promised.map(|p| p.to_string()).unwrap_or_default(),
        item.extension.as_ref().map(|e| e.max_amount).unwrap_or(0),
        item.extension
            .as_ref()
            .map(|e| e.approver.as_str())
            .unwrap_or("-"),
    );
    println!("  accepted 2026-09-28 10:00; expert review 2026-10-09 15:00 to 2026-10-13 09:00;");
    println!("  extension of 10 workdays asked 2026-10-26, approved by the agency head 2026-10-27, applicant told 2026-10-28");
    let mut clock = item.clock(cal.clone(), t("2026-09-28 10:00"))?;
    clock.suspend(t("2026-10-09 15:00"), "expert_review")?;
    clock.clock_mut().resume(t("2026-10-13 09:00"))?;
    clock.clock_mut().request_extension(
        t("2026-10-26 10:00"),
        10,
        "site verification of the premises",
    )?;
    clock
        .clock_mut()
        .approve_extension(t("2026-10-27 16:00"), Authority::AgencyHead)?;
    clock.clock_mut().notify_applicant(t("2026-10-28 09:00"))?;
    for as_of in ["2026-10-20 09:00", "2026-10-29 09:00", "2026-11-20 09:00"] {
        let s = clock.status(t(as_of))?;
        println!(
            "  as of {as_of}: {:<9} level {:<8} promised due {}  statutory due {}  remaining {:>3} workdays  extended by {}",
            s.state.as_str(),
            s.level.as_str(),
            s.promised_due,
            due_text(s.statutory_due),
            s.remaining,
            s.extended_by
        );
        for f in &s.findings {
            println!("      finding {}: {}", f.code, f.text);
        }
    }
    let s = clock.status(t("2026-11-20 09:00"))?;
    println!(
        "\nHow the statutory due of {} was reached:",
        due_text(s.statutory_due)
    );
    print!("{}", clock.explain(t("2026-11-20 09:00"), false)?);

    println!("\nThe same extension approved by the supervising leader (分管领导) instead:");
    let mut wrong = item.clock(cal.clone(), t("2026-09-28 10:00"))?;
    wrong.clock_mut().request_extension(
        t("2026-10-26 10:00"),
        10,
        "site verification of the premises",
    )?;
    wrong
        .clock_mut()
        .approve_extension(t("2026-10-27 16:00"), Authority::SupervisingLeader)?;
    wrong.clock_mut().notify_applicant(t("2026-10-28 09:00"))?;
    let s = wrong.status(t("2026-11-20 09:00"))?;
    println!(
        "  level {}, statutory due {} (not moved)",
        s.level.as_str(),
        due_text(s.statutory_due)
    );
    for f in &s.findings {
        println!(
            "  finding {} at {}: {} (events {:?})",
            f.code, f.at, f.text, f.events
        );
    }
    cases()?;
    annual(
        &Bureau::from_files(SAMPLE_BUREAU_FILES)?,
        2026,
        "the sample bureau's files, efficiency-core/data/bureau",
    )?;
    Ok(())
}

const SAMPLE_CASES: &str = include_str!("../data/sample/cases.jsonl");

/// Case logs (首问负责制, 一次性告知, internal steps): the sample bureau's cases replayed.
fn cases() -> Result<(), Box<dyn std::error::Error>> {
    let ctx = CaseContext::sample();
    let as_of = t("2026-11-30 09:00");
    println!("\nCase logs of the sample bureau (data/sample/cases.jsonl), judged at {as_of}:");
    let mut stream = CaseStream::new(&ctx, as_of);
    let mut results: Vec<efficiency_core::case::CaseResult> = Vec::new();
    for line in SAMPLE_CASES.lines().filter(|l| !l.trim().is_empty()) {
        let (error, done) = stream.push_line(line);
        if let Some(e) = error {
            println!("  rejected row {}: [{}] {}", e.row, e.error.code(), e.error);
        }
        results.extend(done);
    }
    results.extend(stream.finish());
    let period = Period {
        from: t("2024-01-01 00:00"),
        to: as_of,
    };
    let mut metrics = Metrics::new(period, GroupBy::Unit);
    for r in &results {
        let s = r.status.as_ref().map_err(|e| e.to_string())?;
        metrics.add(s);
        let clock = s
            .clock
            .as_ref()
            .map(|c| {
                format!(
                    "level {}{}",
                    c.level.as_str(),
                    c.outcome
                        .map(|o| format!(", {}", o.as_str()))
                        .unwrap_or_default()
                )
            })
            .unwrap_or_else(|| "no clock".into());
        println!(
            "  {}  {:<32} {:<10} {clock}",
            s.case,
            s.item.as_deref().unwrap_or("-"),
            s.stage.as_str()
        );
        for f in &s.findings {
            let name = FINDING_CATALOG
                .iter()
                .find(|i| i.code == f.code)
                .map(|i| i.name_zh)
                .unwrap_or("");
            println!(
                "      {} {} [{}] {}: {}  (events {}; people {})",
                f.at,
                f.code,
                f.severity.as_str(),
                name,
                f.text,
                if f.events.is_empty() {
                    "-".to_string()
                } else {
                    f.events.join(", ")
                },
                f.people.join(", ")
            );
        }
    }
    println!(
        "\nMetrics by unit (concluded {} to {}; open cases as of the end):",
        period.from.date(),
        period.to.date()
    );
    println!(
        "  {:<11} {:>9} {:>12} {:>12} {:>10} {:>6} {:>13}",
        "unit", "concluded", "on the spot", "on time", "avg days", "open", "open overdue"
    );
    let pct = |r: Option<f64>| {
        r.map(|x| format!("{:.0}%", x * 100.0))
            .unwrap_or_else(|| "-".into())
    };
    for r in metrics.rows() {
        println!(
            "  {:<11} {:>9} {:>12} {:>12} {:>10} {:>6} {:>13}",
            r.group,
            r.concluded,
            pct(r.on_the_spot_rate()),
            pct(r.on_time_rate()),
            r.average_workdays_used()
                .map(|x| format!("{x:.1}"))
                .unwrap_or_else(|| "-".into()),
            r.open,
            r.open_overdue
        );
    }
    Ok(())
}

fn finding_name(code: &str) -> String {
    let zh = FINDING_CATALOG
        .iter()
        .find(|f| f.code == code)
        .map(|f| f.name_zh);
    let zh = zh.or(match code {
        "conduct.absence" => Some("迟到早退、擅离职守"),
        "conduct.abuse_of_position" => Some("吃拿卡要"),
        "conduct.idling" => Some("上班聊天、上网、玩游戏"),
        "conduct.rudeness" => Some("故意刁难、态度恶劣"),
        "conduct.shirking" => Some("推诿扯皮、拖延办事"),
        "conduct.defiance" => Some("有令不行、有禁不止"),
        "complaint.acceptance_late" => Some("投诉受理超期"),
        "complaint.transfer_late" => Some("投诉转办超期"),
        "complaint.investigation_late" => Some("投诉调查超期"),
        "complaint.reply_late" => Some("投诉答复超期"),
        "complaint.substantiated" => Some("投诉属实"),
        "complaint.partly_substantiated" => Some("投诉部分属实"),
        "rating.follow_up_missed" => Some("差评未回访整改"),
        "campaign.task_late" => Some("活动任务逾期完成"),
        "campaign.task_missing" => Some("活动任务未完成"),
        "self_inspection.measure_overdue" => Some("自查整改措施逾期"),
        _ => None,
    });
    match zh {
        Some(z) => format!("{code} ({z})"),
        None => code.to_string(),
    }
}

/// The main job: a bureau's whole year, judged at once.
fn annual(bureau: &Bureau, year: i32, what: &str) -> Result<(), Box<dyn std::error::Error>> {
    let org = &bureau.organisation;
    // A progress bar on stderr for long reviews (a bureau's year can be millions of events).
    let mut bar = |done: usize, total: usize| {
        if total >= 50_000 {
            let filled = done * 30 / total.max(1);
            eprint!(
                "\r  judging cases [{}{}] {done}/{total}",
                "#".repeat(filled),
                " ".repeat(30 - filled)
            );
            if done == total {
                eprintln!();
            }
        }
    };
    let r = bureau.review_progress(year, &mut bar)?;
    let pct = |x: Option<f64>| {
        x.map(|v| format!("{:.1}%", v * 100.0))
            .unwrap_or_else(|| "-".into())
    };
    println!("\n==================== ANNUAL REVIEW {year} 年度行政效能评估 ====================");
    println!(
        "{} ({what}: {} cases, {} events, {} rejected rows)",
        org.name,
        r.cases,
        r.events,
        r.rejected_rows.len()
    );
    println!("\n1. Metrics per unit 各科室效能指标 (denominator: cases concluded in {year}; open = accepted, not concluded at year end; cards = cases at a yellow / red level, at conclusion or at year end)");
    println!(
        "  {:<11} {:>9} {:>14} {:>14} {:>14} {:>14} {:>9} {:>13} {:>10}",
        "unit",
        "concluded",
        "on the spot",
        "on time",
        "early",
        "extension",
        "avg days",
        "open overdue",
        "cards Y/R"
    );
    println!(
        "  {:<11} {:>9} {:>14} {:>14} {:>14} {:>14} {:>9} {:>13} {:>10}",
        "科室",
        "办结",
        "现场办结率",
        "按时办结率",
        "提前办结率",
        "延期率",
        "平均用时",
        "超期未结",
        "黄牌/红牌"
    );
    for m in &r.metrics {
        println!(
            "  {:<11} {:>9} {:>14} {:>14} {:>14} {:>14} {:>9} {:>13} {:>10}",
            m.group,
            m.concluded,
            pct(m.on_the_spot_rate),
            pct(m.on_time_rate),
            pct(m.early_rate),
            pct(m.extension_rate),
            m.average_workdays_used
                .map(|x| format!("{x:.1}"))
                .unwrap_or_else(|| "-".into()),
            format!("{}/{}", m.open_overdue, m.open),
            format!("{}/{}", m.yellow, m.red)
        );
    }
    println!("\n2. Findings 发现的问题 ({} in all)", r.faults.len());
    for (code, n) in &r.faults_by_code {
        println!("  {n:>4}  {}", finding_name(code));
    }
    println!("\n3. Accountability list 责任追究 ({} lines; the rules decide who answers and the fault's severity, a repeat proposes a heavier one, the leadership decides)", r.accountability.len());
    let count = |proposed: bool, s: Severity| {
        r.accountability
            .iter()
            .filter(|e| {
                let sev = match (&e.proposal, proposed) {
                    (Some(p), true) => p.severity,
                    _ => e.severity,
                };
                sev == s
            })
            .count()
    };
    for (label, proposed) in [
        ("by rule:            ", false),
        ("with the proposals: ", true),
    ] {
        println!(
            "  {label} ordinary {:>3}, serious {:>3}, very serious {:>3}",
            count(proposed, Severity::Ordinary),
            count(proposed, Severity::Serious),
            count(proposed, Severity::VerySerious)
        );
    }
    let mut per_person: BTreeMap<(String, String), Vec<&efficiency_core::accountability::Entry>> =
        BTreeMap::new();
    for e in &r.accountability {
        per_person
            .entry((e.person.clone(), e.name.clone()))
            .or_default()
            .push(e);
    }
    for ((id, name), entries) in &per_person {
        let worst = entries.iter().map(|e| e.severity).max().expect("non-empty");
        let direct = entries
            .iter()
            .filter(|e| e.responsibility.as_str() == "direct")
            .count();
        let lead = entries.len() - direct;
        let proposals = entries.iter().filter(|e| e.proposal.is_some()).count();
        let measures = entries
            .iter()
            .find(|e| e.severity == worst)
            .map(|e| {
                e.measures
                    .iter()
                    .map(|m| m.as_str())
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .unwrap_or_default();
        println!("  {id:<7} {name:<18} {direct:>3} direct, {lead:>3} leadership, {proposals:>2} proposals; worst {:<8} → allowed: {measures}", worst.as_str());
    }
    if let Some(e) = r.accountability.iter().find(|e| e.proposal.is_some()) {
        let p = e.proposal.as_ref().expect("found with one");
        println!(
            "  e.g. {} {}: {} by rule; {}; evidence {}",
            e.person,
            e.code,
            e.severity.as_str(),
            p.reason,
            e.events.join(", ")
        );
    }
    println!(
        "\n4. Scorecards 目标考核 (base 100, cap 110; rules version {})",
        r.scorecards
            .first()
            .map(|c| c.rules_version.as_str())
            .unwrap_or("-")
    );
    for c in &r.scorecards {
        println!(
            "  #{} {:<11} {:>6.1}  {} {}{}",
            c.rank,
            c.unit,
            c.total,
            c.grade,
            c.grade_zh,
            if c.vetoes.is_empty() {
                String::new()
            } else {
                format!("  (veto 一票否决: {})", c.vetoes.join("; "))
            }
        );
        let mut by_rule: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
        for l in &c.lines {
            let e = by_rule.entry(l.rule.as_str()).or_default();
            e.0 += 1;
            e.1 += l.points;
        }
        for (rule, (n, pts)) in by_rule {
            println!("        {pts:>+7.1}  {rule} ×{n}");
        }
    }
    println!("  commended 表彰: {}", r.commendations.join(", "));
    println!(
        "  unit heads held responsible 追究科室负责人责任: {}",
        r.heads_responsible
            .iter()
            .map(|(u, h)| format!("{h} ({u})"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "\n5. Campaign 行政效能建设活动 {} — phases and deliverables",
        r.campaign.year
    );
    for p in &r.campaign.phases {
        let tasks: Vec<_> = r
            .campaign
            .tasks
            .iter()
            .filter(|t| t.phase == p.code)
            .collect();
        let states: Vec<_> = r
            .campaign_status
            .iter()
            .filter(|s| tasks.iter().any(|t| t.code == s.task))
            .collect();
        let count = |st: &str| states.iter().filter(|s| s.state == st).count();
        println!(
            "  {} {} ({} to {}): {} done, {} late, {} missing",
            p.name,
            p.name_zh,
            p.from,
            p.to,
            count("done"),
            count("late"),
            count("overdue")
        );
        for s in states.iter().filter(|s| s.state != "done") {
            println!("      {} {} due {}: {}", s.unit, s.task, s.due, s.state);
        }
    }
    Ok(())
}

/// A statutory due, or "none" where no law sets a period.
fn due_text(due: Option<chrono::NaiveDateTime>) -> String {
    due.map_or_else(|| "none".into(), |d| d.to_string())
}
