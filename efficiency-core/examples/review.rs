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
use efficiency_core::case::{CaseContext, CaseStream, Metrics, Period};
use efficiency_core::clock::Authority;
use efficiency_core::date::parse_date;
use efficiency_core::item::ItemCatalog;
use efficiency_core::messages::{date_text, time_text, Lang, Messages};

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("valid sample time")
}

/// The language the example prints in: Chinese unless `--lang en` is given (the readers are
/// a bureau's staff), and the catalogue its names come from.
struct Out {
    lang: Lang,
    m: std::sync::Arc<Messages>,
}

impl Out {
    fn s<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
    fn name(&self, group: &str, code: &str) -> String {
        self.m.name(self.lang, group, code)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let lang = match args.iter().position(|a| a == "--lang") {
        Some(i) if i + 1 < args.len() => {
            let l = Lang::from_name(&args[i + 1]).ok_or("--lang takes zh or en")?;
            args.drain(i..=i + 1);
            l
        }
        Some(_) => return Err("--lang takes zh or en".into()),
        None => Lang::Zh,
    };
    let o = Out {
        lang,
        m: Messages::shipped(),
    };
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
        let what = match lang {
            Lang::Zh => format!("{folder}（{}条办件事件）", bureau.case_lines.len()),
            Lang::En => format!("{folder} ({} case events)", bureau.case_lines.len()),
        };
        return annual(&o, &bureau, year.parse()?, &what);
    }
    if !args.is_empty() {
        return Err("usage: review [--lang zh|en] [<folder> <year>]".into());
    }
    let cal = Calendar::china();
    let (first, last) = cal.covered_years();
    println!(
        "{}",
        o.s(
            "efficiency：行政效能建设规则引擎",
            "efficiency: administrative efficiency building (行政效能建设)"
        )
    );
    match lang {
        Lang::Zh => println!("日历：中国大陆，国务院{first}—{last}年节假日安排通知（内置）\n"),
        Lang::En => {
            println!("Calendar: Mainland China, State Council notices {first}-{last} (embedded)\n")
        }
    }
    println!(
        "{}",
        o.s(
            "一项行政许可决定（20个工作日，行政许可法第四十二条），2026年9月28日受理：",
            "A licensing decision (行政许可, 20 workdays, 行政许可法 Art. 42) accepted on 2026-09-28:"
        )
    );
    let reckoning = cal.explain_add_workdays(parse_date("2026-09-28")?, 20)?;
    match lang {
        Lang::Zh => println!(
            "  {}届满（受理后第20个工作日；经过{}天，跳过{}天）",
            date_text(lang, reckoning.due),
            reckoning.days.len(),
            reckoning.skipped().count()
        ),
        Lang::En => println!(
            "  due {} (the 20th workday after acceptance; {} days passed, {} skipped)",
            reckoning.due,
            reckoning.days.len(),
            reckoning.skipped().count()
        ),
    }
    println!("{}", o.s("跳过的日子及原因：", "Days skipped and why:"));
    for day in reckoning.skipped() {
        let reason = o.s(&day.reason_zh, &day.reason);
        println!("  {}  {reason}", day.date);
    }

    println!(
        "\n{}",
        o.s(
            "“周一至周五上班＋节假日列表”的简单算法会算错的日子：",
            "Some days the naive weekday + holiday-list model gets wrong:"
        )
    );
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
            o.s("周末调休上班", "open on a weekend")
        } else {
            ""
        };
        let describe = match lang {
            Lang::Zh => info.describe_zh(),
            Lang::En => info.describe(),
        };
        println!("  {s}  {:<15} {describe}  {mark}", info.kind.as_str());
    }

    println!(
        "\n{}",
        o.s(
            "尚未公布节假日安排的年份是错误，绝不静默猜测：",
            "A year without a notice is an error, never a silent guess:"
        )
    );
    match cal.add_workdays(parse_date("2026-12-20")?, 20) {
        Ok(d) => println!("  unexpected: {d}"),
        Err(e) => println!("  [{}] {e}", e.code()),
    }
    let provisional = cal.with_provisional(true);
    let r = provisional.explain_add_workdays(parse_date("2026-12-20")?, 20)?;
    println!(
        "  {}{}{}",
        o.s("暂定日历：届满日 ", "provisional calendar: due "),
        date_text(lang, r.due),
        if r.provisional {
            o.s(
                "（暂定：2027年节假日安排公布后重新计算）",
                " (PROVISIONAL: recompute when the 2027 notice is loaded)",
            )
        } else {
            ""
        }
    );

    println!(
        "\n{}",
        o.s(
            "限时办结制：社会团体成立登记",
            "The deadline clock (限时办结制): registering a social organisation (社会团体成立登记)"
        )
    );
    let items = ItemCatalog::templates();
    let item = items
        .get("civil.social_org_registration")
        .expect("shipped item");
    let limit = |l: efficiency_core::clock::TimeLimit| o.m.limit(lang, l.amount, l.unit.as_str());
    let approver = item
        .extension
        .as_ref()
        .map(|e| o.name("authority", e.approver.as_str()))
        .unwrap_or_default();
    let max = item.extension.as_ref().map(|e| e.max_amount).unwrap_or(0);
    match lang {
        Lang::Zh => {
            println!(
                "  事项{}：法定时限{}，承诺时限{}，经{}批准可延期至多{}个工作日",
                item.code,
                limit(item.statutory),
                item.promised.map(limit).unwrap_or_default(),
                approver,
                max
            );
            println!("  2026年9月28日 10:00受理；2026年10月9日 15:00至10月13日 09:00专家评审；");
            println!(
                "  10月26日申请延期10个工作日，10月27日机关主要负责人批准，10月28日告知申请人"
            );
        }
        Lang::En => {
            println!(
                "  item {}: statutory {}, promised {}, extension up to {max} by the {approver}",
                item.code,
                limit(item.statutory),
                item.promised.map(limit).unwrap_or_default(),
            );
            println!(
                "  accepted 2026-09-28 10:00; expert review 2026-10-09 15:00 to 2026-10-13 09:00;"
            );
            println!("  extension of 10 workdays asked 2026-10-26, approved by the agency head 2026-10-27, applicant told 2026-10-28");
        }
    }
    let mut clock = item.clock(cal.clone(), t("2026-09-28 10:00"))?;
    clock.clock_mut().set_messages(lang, &o.m);
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
        let (state, level) = (
            o.name("state", s.state.as_str()),
            o.name("level", s.level.as_str()),
        );
        match lang {
            Lang::Zh => println!(
                "  截至{as_of}：{state}，{level}，承诺期限{}，法定期限{}，剩余{}个工作日，已延期{}个工作日",
                time_text(lang, s.promised_due),
                due_text(lang, s.statutory_due),
                s.remaining,
                s.extended_by
            ),
            Lang::En => println!(
                "  as of {as_of}: {state:<9} level {level:<8} promised due {}  statutory due {}  remaining {:>3} workdays  extended by {}",
                time_text(lang, s.promised_due),
                due_text(lang, s.statutory_due),
                s.remaining,
                s.extended_by
            ),
        }
        for f in &s.findings {
            println!("      {}{}：{}", o.s("问题 ", "finding "), f.code, f.text);
        }
    }
    let s = clock.status(t("2026-11-20 09:00"))?;
    match lang {
        Lang::Zh => println!(
            "\n法定期限{}是这样算出来的：",
            due_text(lang, s.statutory_due)
        ),
        Lang::En => println!(
            "\nHow the statutory due of {} was reached:",
            due_text(lang, s.statutory_due)
        ),
    }
    print!(
        "{}",
        clock
            .explain(t("2026-11-20 09:00"), false)?
            .text_in(&o.m, lang)
    );

    println!(
        "\n{}",
        o.s(
            "同一延期若由分管领导批准：",
            "The same extension approved by the supervising leader (分管领导) instead:"
        )
    );
    let mut wrong = item.clock(cal.clone(), t("2026-09-28 10:00"))?;
    wrong.clock_mut().set_messages(lang, &o.m);
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
    match lang {
        Lang::Zh => println!(
            "  {}，法定期限{}（未顺延）",
            o.name("level", s.level.as_str()),
            due_text(lang, s.statutory_due)
        ),
        Lang::En => println!(
            "  level {}, statutory due {} (not moved)",
            s.level.as_str(),
            due_text(lang, s.statutory_due)
        ),
    }
    for f in &s.findings {
        println!(
            "  {}{} {}：{}（{} {:?}）",
            o.s("问题 ", "finding "),
            f.code,
            time_text(lang, f.at),
            f.text,
            o.s("事件", "events"),
            f.events
        );
    }
    cases(&o)?;
    annual(
        &o,
        &Bureau::from_files(SAMPLE_BUREAU_FILES)?,
        2026,
        o.s(
            "示例民政局的文件，efficiency-core/data/bureau",
            "the sample bureau's files, efficiency-core/data/bureau",
        ),
    )?;
    Ok(())
}

const SAMPLE_CASES: &str = include_str!("../data/sample/cases.jsonl");

/// Case logs (首问负责制, 一次性告知, internal steps): the sample bureau's cases replayed.
fn cases(o: &Out) -> Result<(), Box<dyn std::error::Error>> {
    let ctx = CaseContext::sample().with_lang(o.lang);
    let as_of = t("2026-11-30 09:00");
    match o.lang {
        Lang::Zh => println!(
            "\n示例民政局的办件记录（data/sample/cases.jsonl），于{}评判：",
            time_text(o.lang, as_of)
        ),
        Lang::En => println!(
            "\nCase logs of the sample bureau (data/sample/cases.jsonl), judged at {as_of}:"
        ),
    }
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
                    "{}{}",
                    o.name("level", c.level.as_str()),
                    c.outcome
                        .map(|x| format!("，{}", o.name("outcome", x.as_str())))
                        .unwrap_or_default()
                )
            })
            .unwrap_or_else(|| o.s("无时限钟", "no clock").into());
        println!(
            "  {}  {:<32} {:<10} {clock}",
            s.case,
            s.item.as_deref().unwrap_or("-"),
            o.name("stage", s.stage.as_str())
        );
        for f in &s.findings {
            println!(
                "      {} {}［{}］{}：{}（{} {}；{} {}）",
                time_text(o.lang, f.at),
                o.name("finding", f.code),
                o.name("severity", f.severity.as_str()),
                f.code,
                f.text,
                o.s("事件", "events"),
                if f.events.is_empty() {
                    "-".to_string()
                } else {
                    f.events.join(", ")
                },
                o.s("人员", "people"),
                f.people.join(", ")
            );
        }
    }
    match o.lang {
        Lang::Zh => println!(
            "\n各单位指标（{}至{}办结；未结案件截至期末）：",
            date_text(o.lang, period.from.date()),
            date_text(o.lang, period.to.date())
        ),
        Lang::En => println!(
            "\nMetrics by unit (concluded {} to {}; open cases as of the end):",
            period.from.date(),
            period.to.date()
        ),
    }
    let head: [&str; 7] = match o.lang {
        Lang::Zh => [
            "单位",
            "办结",
            "现场办结率",
            "按时办结率",
            "平均用时",
            "未结",
            "超期未结",
        ],
        Lang::En => [
            "unit",
            "concluded",
            "on the spot",
            "on time",
            "avg days",
            "open",
            "open overdue",
        ],
    };
    println!(
        "  {:<11} {:>9} {:>12} {:>12} {:>10} {:>6} {:>13}",
        head[0], head[1], head[2], head[3], head[4], head[5], head[6]
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

/// The main job: a bureau's whole year, judged at once.
fn annual(
    o: &Out,
    bureau: &Bureau,
    year: i32,
    what: &str,
) -> Result<(), Box<dyn std::error::Error>> {
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
    match o.lang {
        Lang::Zh => {
            println!("\n==================== {year}年度行政效能评估 ====================");
            println!(
                "{}（{what}：{}件，{}条事件，{}行被拒）",
                org.name,
                r.cases,
                r.events,
                r.rejected_rows.len()
            );
            println!("\n一、各科室效能指标（分母：{year}年办结的案件；未结＝已受理、年末未办结；黄牌/红牌＝办结时或年末处于黄牌、红牌的案件）");
        }
        Lang::En => {
            println!("\n==================== ANNUAL REVIEW {year} ====================");
            println!(
                "{} ({what}: {} cases, {} events, {} rejected rows)",
                org.name,
                r.cases,
                r.events,
                r.rejected_rows.len()
            );
            println!("\n1. Metrics per unit (denominator: cases concluded in {year}; open = accepted, not concluded at year end; cards = cases at a yellow / red level, at conclusion or at year end)");
        }
    }
    let head: [&str; 9] = match o.lang {
        Lang::Zh => [
            "科室",
            "办结",
            "现场办结率",
            "按时办结率",
            "提前办结率",
            "延期率",
            "平均用时",
            "超期未结",
            "黄牌/红牌",
        ],
        Lang::En => [
            "unit",
            "concluded",
            "on the spot",
            "on time",
            "early",
            "extension",
            "avg days",
            "open overdue",
            "cards Y/R",
        ],
    };
    println!(
        "  {:<11} {:>9} {:>14} {:>14} {:>14} {:>14} {:>9} {:>13} {:>10}",
        head[0], head[1], head[2], head[3], head[4], head[5], head[6], head[7], head[8]
    );
    for m in &r.metrics {
        let unit = match org.unit(&m.group) {
            Some(u) => u.name.clone(),
            None if m.group == "all" => o.s("全局", "all").to_string(),
            None => m.group.clone(),
        };
        println!(
            "  {:<11} {:>9} {:>14} {:>14} {:>14} {:>14} {:>9} {:>13} {:>10}",
            unit,
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
    match o.lang {
        Lang::Zh => println!("\n二、发现的问题（共{}个）", r.faults.len()),
        Lang::En => println!("\n2. Findings ({} in all)", r.faults.len()),
    }
    for (code, n) in &r.faults_by_code {
        let none = efficiency_core::messages::Args::new();
        let args = r
            .faults
            .iter()
            .find(|f| &f.code == code)
            .map_or(&none, |f| &f.args);
        let name = o.m.fault_name(o.lang, code, args);
        println!("  {n:>4}  {name}（{code}）");
    }
    match o.lang {
        Lang::Zh => println!("\n三、责任追究（{}条；由规则确定责任人和过错程度，一年内重复发生的拟加重，由领导小组决定）", r.accountability.len()),
        Lang::En => println!("\n3. Accountability list ({} lines; the rules decide who answers and the fault's severity, a repeat proposes a heavier one, the leadership decides)", r.accountability.len()),
    }
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
        (o.s("按规则：  ", "by rule:            "), false),
        (o.s("含拟加重：", "with the proposals: "), true),
    ] {
        println!(
            "  {label} {} {:>3}, {} {:>3}, {} {:>3}",
            o.name("severity", "ordinary"),
            count(proposed, Severity::Ordinary),
            o.name("severity", "serious"),
            count(proposed, Severity::Serious),
            o.name("severity", "very_serious"),
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
                    .map(|m| o.name("measure", m.as_str()))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .unwrap_or_default();
        let worst = o.name("severity", worst.as_str());
        match o.lang {
            Lang::Zh => println!("  {id:<7} {name:<6} 直接责任{direct:>3}项，领导责任{lead:>3}项，拟加重{proposals:>2}项；最重{worst} → 可选处理：{measures}"),
            Lang::En => println!("  {id:<7} {name:<6} {direct:>3} direct, {lead:>3} leadership, {proposals:>2} proposals; worst {worst:<8} → allowed: {measures}"),
        }
    }
    if let Some(e) = r.accountability.iter().find(|e| e.proposal.is_some()) {
        let p = e.proposal.as_ref().expect("found with one");
        println!(
            "  {} {} {}：{}{}；{}；{} {}",
            o.s("例：", "e.g."),
            e.person,
            e.code,
            o.s("按规则", "by rule "),
            o.name("severity", e.severity.as_str()),
            p.reason,
            o.s("证据", "evidence"),
            e.events.join(", ")
        );
    }
    let version = r
        .scorecards
        .first()
        .map(|c| c.rules_version.as_str())
        .unwrap_or("-");
    match o.lang {
        Lang::Zh => println!("\n四、目标考核（基础分100，上限110；考核细则版本{version}）"),
        Lang::En => println!("\n4. Scorecards (base 100, cap 110; rules version {version})"),
    }
    for c in &r.scorecards {
        println!(
            "  #{} {:<11} {:>6.1}  {}{}",
            c.rank,
            c.unit_name,
            c.total,
            o.s(&c.grade_zh, &c.grade),
            if c.vetoes.is_empty() {
                String::new()
            } else {
                format!("  ({}: {})", o.s("一票否决", "veto"), c.vetoes.join("; "))
            }
        );
        let mut by_rule: BTreeMap<&str, (usize, f64, String)> = BTreeMap::new();
        for l in &c.lines {
            let e = by_rule
                .entry(l.rule.as_str())
                .or_insert_with(|| (0, 0.0, l.rule_name(&o.m, o.lang)));
            e.0 += 1;
            e.1 += l.points;
        }
        for (rule, (n, pts, name)) in by_rule {
            println!("        {pts:>+7.1}  {name}（{rule}）×{n}");
        }
    }
    println!(
        "  {}: {}",
        o.s("表彰", "commended"),
        r.commendations.join(", ")
    );
    println!(
        "  {}: {}",
        o.s("追究科室负责人责任", "unit heads held responsible"),
        r.heads_responsible
            .iter()
            .map(|(u, h)| format!("{h} ({u})"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    match o.lang {
        Lang::Zh => println!("\n五、{}年行政效能建设活动：各阶段及任务", r.campaign.year),
        Lang::En => println!("\n5. Campaign {}: phases and deliverables", r.campaign.year),
    }
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
        match o.lang {
            Lang::Zh => println!(
                "  {}（{}至{}）：按时完成{}项，逾期完成{}项，逾期未交{}项",
                p.name_zh,
                date_text(o.lang, p.from),
                date_text(o.lang, p.to),
                count("done"),
                count("late"),
                count("overdue")
            ),
            Lang::En => println!(
                "  {} ({} to {}): {} done, {} late, {} missing",
                p.name,
                p.from,
                p.to,
                count("done"),
                count("late"),
                count("overdue")
            ),
        }
        for s in states.iter().filter(|s| s.state != "done") {
            println!(
                "      {} {} {} {}: {}",
                s.unit,
                s.task,
                o.s("应于", "due"),
                date_text(o.lang, s.due),
                s.state
            );
        }
    }
    Ok(())
}

/// A statutory due, or none where no law sets a period.
fn due_text(lang: Lang, due: Option<chrono::NaiveDateTime>) -> String {
    match (due, lang) {
        (Some(d), _) => time_text(lang, d),
        (None, Lang::Zh) => "无（法律法规未规定）".into(),
        (None, Lang::En) => "none".into(),
    }
}
