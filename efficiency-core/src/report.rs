//! The annual review as a report a leadership group reads and files (总结验收报告): one
//! self-contained HTML file — styles inline, charts as inline SVG, no script, no network — that
//! prints cleanly to A4 PDF. Rust, Python (`Bureau.review_report`) and the web page
//! (`Bureau.reviewReport`) produce the same bytes from the same review.
//!
//! ```
//! use efficiency_core::bureau::Bureau;
//! use efficiency_core::guide::Lang;
//! let bureau = Bureau::sample(2026, 400, 2026)?;
//! let html = bureau.review_report(2026, Lang::Zh)?;
//! assert!(html.starts_with("<!doctype html>\n<html lang=\"zh-CN\">"));
//! assert!(html.contains("<h1>2026年度行政效能建设总结验收报告</h1>"));
//! assert!(!html.contains("<script"));
//! # Ok::<(), efficiency_core::error::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::case::Severity;
use crate::guide::{escape_html as esc, Lang};
use crate::messages::Messages;
use crate::org::Organisation;
use crate::review::AnnualReview;

struct T {
    zh: bool,
    lang: Lang,
    m: std::sync::Arc<Messages>,
}

impl T {
    /// The catalogue's name of `code` in `group` in the report's language.
    fn name(&self, group: &str, code: &str) -> String {
        self.m.name(self.lang, group, code)
    }

    fn s<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        if self.zh {
            zh
        } else {
            en
        }
    }
}

fn pct(n: Option<f64>) -> String {
    n.map_or("–".into(), |r| format!("{:.1}%", r * 100.0))
}

fn num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// A unit's name as the report prints it: in Chinese, the Chinese name a bilingual name gives
/// in brackets (`Social affairs (社会事务科)` → `社会事务科`); otherwise the name without it; a
/// Chinese name is printed whole.
fn short_name(name: &str, zh: bool) -> String {
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    match (name.rfind(['(', '（']), name.ends_with([')', '）'])) {
        (Some(i), true) => {
            let open = name[i..].chars().next().map_or(1, char::len_utf8);
            let inner = &name[i + open..name.len() - name.chars().last().map_or(1, char::len_utf8)];
            let outer = name[..i].trim();
            // Only an English name with its Chinese in brackets is split; a Chinese name with
            // a bracket of its own (`1号窗口（社会组织）`) is one name.
            if cjk(outer) {
                name.to_string()
            } else if zh && cjk(inner) {
                inner.to_string()
            } else if !zh && cjk(inner) && !outer.is_empty() {
                outer.to_string()
            } else {
                name.to_string()
            }
        }
        _ => name.to_string(),
    }
}

/// A horizontal bar chart as inline SVG: one bar per (label, value), scaled to `max`.
fn bars(title: &str, rows: &[(String, f64, String)], max: f64, colour: &str) -> String {
    let (w, row_h, label_w) = (640.0, 26.0, 230.0);
    let h = row_h * rows.len() as f64 + 30.0;
    let mut s = format!(
        "<figure><svg role=\"img\" aria-label=\"{t}\" viewBox=\"0 0 {w} {h}\" width=\"100%\" font-size=\"13\">\n<title>{t}</title>\n",
        t = esc(title)
    );
    for (i, (label, value, text)) in rows.iter().enumerate() {
        let y = 10.0 + row_h * i as f64;
        let bw = if max > 0.0 {
            (w - label_w - 80.0) * (value / max).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let _ = writeln!(
            s,
            "<text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{l}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{bw:.1}\" height=\"18\" fill=\"{colour}\"/><text x=\"{vx:.1}\" y=\"{ty}\">{v}</text>",
            lx = label_w - 8.0,
            ty = y + 14.0,
            l = esc(label),
            vx = label_w + bw + 6.0,
            v = esc(text),
        );
    }
    s.push_str("</svg><figcaption>");
    s.push_str(&esc(title));
    s.push_str("</figcaption></figure>\n");
    s
}

const STYLE: &str = r#"
  :root { color: #1d2433; font: 14px/1.55 "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
  body { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 1.6rem; text-align: center; margin: .5rem 0 .25rem; }
  .sub { text-align: center; color: #555; margin: 0 0 1.5rem; }
  h2 { font-size: 1.2rem; border-bottom: 2px solid #9b1c1c; padding-bottom: .2rem; margin-top: 2rem; }
  h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-variant-numeric: tabular-nums; }
  th, td { border: 1px solid #c9ced8; padding: .25rem .45rem; text-align: left; vertical-align: top; }
  th { background: #f1f3f7; }
  td.n, th.n { text-align: right; }
  .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .6rem; }
  .kpi { border: 1px solid #c9ced8; border-radius: 6px; padding: .5rem .7rem; }
  .kpi b { display: block; font-size: 1.35rem; }
  .kpi small { color: #555; }
  .veto { color: #9b1c1c; font-weight: bold; }
  figure { margin: .5rem 0 1rem; }
  figcaption { font-size: .85rem; color: #555; text-align: center; }
  .sign { margin-top: 3rem; display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; }
  .sign div { border-top: 1px solid #1d2433; padding-top: .3rem; }
  @page { size: A4; margin: 16mm 14mm; }
  @media print { body { padding: 0; max-width: none; } section, table, figure, .kpis { break-inside: avoid; } h2 { break-after: avoid; } }
  @media (max-width: 480px) { body { padding: .6rem; } table { font-size: 12px; } }
"#;

/// The review as one self-contained HTML document in `lang`: the title, then each section
/// in the order a leadership group files them (one function each below), then the seals.
pub fn review_html(r: &AnnualReview, org: &Organisation, lang: Lang) -> String {
    let page = Page {
        r,
        org,
        t: T {
            zh: lang == Lang::Zh,
            lang,
            m: Messages::shipped(),
        },
        totals: Totals::of(r),
    };
    let mut h = String::with_capacity(64 * 1024);
    page.head(&mut h);
    page.overview(&mut h);
    page.time_limits_by_unit(&mut h);
    page.scorecards(&mut h);
    page.accountability(&mut h);
    page.campaign(&mut h);
    page.faults_by_code(&mut h);
    page.commendations(&mut h);
    page.rows_not_judged(&mut h);
    page.seals(&mut h);
    h
}

/// What every section reads: the review, the organisation (for unit names), the language and
/// the bureau's totals.
struct Page<'a> {
    r: &'a AnnualReview,
    org: &'a Organisation,
    t: T,
    totals: Totals,
}

/// The units' metrics summed (the "all" row left out): every rate states its denominator.
struct Totals {
    concluded: u64,
    on_time: u64,
    on_the_spot: u64,
    extended: u64,
    yellow: u64,
    red: u64,
    open_overdue: u64,
}

impl Totals {
    fn of(r: &AnnualReview) -> Totals {
        let units: Vec<&crate::case::GroupMetrics> =
            r.metrics.iter().filter(|m| m.group != "all").collect();
        let sum =
            |f: fn(&crate::case::GroupMetrics) -> u64| units.iter().map(|m| f(m)).sum::<u64>();
        Totals {
            concluded: sum(|m| m.concluded),
            on_time: sum(|m| m.on_time),
            on_the_spot: sum(|m| m.on_the_spot),
            extended: sum(|m| m.extended),
            yellow: sum(|m| m.yellow),
            red: sum(|m| m.red),
            open_overdue: sum(|m| m.open_overdue),
        }
    }
}

fn rate(n: u64, d: u64) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

impl Page<'_> {
    fn unit_name(&self, id: &str) -> String {
        self.org
            .unit(id)
            .map(|u| short_name(&u.name, self.t.zh))
            .unwrap_or_else(|| id.to_string())
    }

    /// The document head and the title block.
    fn head(&self, h: &mut String) {
        let (r, org, t) = (self.r, self.org, &self.t);
        let title = if t.zh {
            format!("{}年度行政效能建设总结验收报告", r.year)
        } else {
            format!(
                "Administrative efficiency building: annual review {}",
                r.year
            )
        };
        let _ = write!(
            h,
            "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"sub\">{} · {}</p>\n",
            if t.zh { "zh-CN" } else { "en" },
            esc(&title),
            esc(&title),
            esc(&org.name),
            esc(&if t.zh {
                format!("{}年1月1日至12月31日 · 依据 efficiency {}", r.year, env!("CARGO_PKG_VERSION"))
            } else {
                format!("1 January to 31 December {} · efficiency {}", r.year, env!("CARGO_PKG_VERSION"))
            })
        );
    }

    /// 1. Key numbers: cases, rates with their denominators, cards, faults; rules and rows not judged.
    fn overview(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        let Totals {
            concluded,
            on_time,
            on_the_spot,
            extended: _,
            yellow,
            red,
            open_overdue,
        } = self.totals;
        h.push_str(&format!(
            "<section>\n<h2>{}</h2>\n<div class=\"kpis\">\n",
            t.s("一、总体情况", "1. Overview")
        ));
        let kpi = |h: &mut String, label: &str, value: String, note: String| {
            let _ = writeln!(
                h,
                "<div class=\"kpi\"><small>{}</small><b>{}</b><small>{}</small></div>",
                esc(label),
                esc(&value),
                esc(&note)
            );
        };
        kpi(
            h,
            t.s("受理案件", "Cases judged"),
            r.cases.to_string(),
            format!("{} {}", r.events, t.s("条事件记录", "events")),
        );
        kpi(
            h,
            t.s("按时办结率", "On-time rate"),
            pct(rate(on_time, concluded)),
            format!("{on_time} / {concluded}"),
        );
        kpi(
            h,
            t.s("即办率", "On-the-spot rate"),
            pct(rate(on_the_spot, concluded)),
            format!("{on_the_spot} / {concluded}"),
        );
        kpi(
            h,
            t.s("黄牌 / 红牌", "Yellow / red cards"),
            format!("{yellow} / {red}"),
            format!("{open_overdue} {}", t.s("件在办超期", "open and overdue")),
        );
        kpi(
            h,
            t.s("过错", "Faults"),
            r.faults.len().to_string(),
            format!(
                "{} {}",
                r.accountability.len(),
                t.s("条问责记录", "accountability lines")
            ),
        );
        if !r.not_judged.is_empty() {
            kpi(
                h,
                t.s("未判定的规则", "Rules not judged"),
                r.not_judged.len().to_string(),
                r.not_judged.join(", "),
            );
        }
        if !r.rejected_rows.is_empty() {
            kpi(
                h,
                t.s("无法判定的记录", "Rows not judged"),
                r.rejected_rows.len().to_string(),
                t.s("详见附录", "see the appendix").into(),
            );
        }
        h.push_str("</div>\n</section>\n");
    }

    /// 2. Time limits by unit: the metrics table and the on-time chart.
    fn time_limits_by_unit(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        let Totals {
            concluded,
            on_time,
            on_the_spot,
            extended,
            yellow,
            red,
            open_overdue: _,
        } = self.totals;
        h.push_str(&format!(
            "<section>\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead>\n<tbody>\n",
            t.s("二、办件时效（按单位）", "2. Time limits by unit"),
            t.s("单位", "Unit"),
            t.s("办结", "Concluded"),
            t.s("按时办结率", "On time"),
            t.s("即办率", "On the spot"),
            t.s("延期率", "Extended"),
            t.s("黄牌", "Yellow"),
            t.s("红牌", "Red"),
        ));
        let mut chart = Vec::new();
        for m in &r.metrics {
            let name = if m.group == "all" {
                t.s("合计", "All").to_string()
            } else {
                self.unit_name(&m.group)
            };
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{} <small>({}/{})</small></td><td class=\"n\">{} <small>({}/{})</small></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(&name),
                m.concluded,
                pct(m.on_time_rate),
                m.on_time,
                m.concluded,
                pct(m.on_the_spot_rate),
                m.on_the_spot,
                m.concluded,
                pct(m.extension_rate),
                m.yellow,
                m.red
            );
            if m.group != "all" {
                chart.push((
                    name,
                    m.on_time_rate.unwrap_or(0.0) * 100.0,
                    pct(m.on_time_rate),
                ));
            }
        }
        let _ = writeln!(
            h,
            "<tr><th>{}</th><th class=\"n\">{concluded}</th><th class=\"n\">{} <small>({on_time}/{concluded})</small></th><th class=\"n\">{} <small>({on_the_spot}/{concluded})</small></th><th class=\"n\">{}</th><th class=\"n\">{yellow}</th><th class=\"n\">{red}</th></tr>",
            t.s("合计", "All"),
            pct(rate(on_time, concluded)),
            pct(rate(on_the_spot, concluded)),
            pct(rate(extended, concluded)),
        );
        h.push_str("</tbody>\n</table>\n");
        h.push_str(&bars(
            t.s("各单位按时办结率", "On-time rate by unit"),
            &chart,
            100.0,
            "#2f6f4f",
        ));
        h.push_str("</section>\n");
    }

    /// 3. Target assessment: the points chart, then each unit's scorecard with the basis of every line.
    fn scorecards(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        h.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            t.s("三、目标考核得分", "3. Target assessment")
        ));
        let chart: Vec<(String, f64, String)> = r
            .scorecards
            .iter()
            .map(|c| {
                (
                    short_name(&c.unit_name, t.zh),
                    c.total,
                    format!(
                        "{} {}",
                        num(c.total),
                        if t.zh { &c.grade_zh } else { &c.grade }
                    ),
                )
            })
            .collect();
        let max = r
            .scorecards
            .iter()
            .map(|c| c.total)
            .fold(100.0_f64, f64::max);
        h.push_str(&bars(
            t.s("各单位得分", "Points by unit"),
            &chart,
            max,
            "#1f4e8c",
        ));
        for c in &r.scorecards {
            let _ = writeln!(
                h,
                "<h3>{}. {} — {} {}</h3>",
                c.rank,
                esc(&c.unit_name),
                num(c.total),
                esc(if t.zh { &c.grade_zh } else { &c.grade })
            );
            if !c.vetoes.is_empty() {
                let _ = writeln!(
                    h,
                    "<p class=\"veto\">{}: {}</p>",
                    t.s("一票否决", "Veto"),
                    esc(&c.vetoes.join("; "))
                );
            }
            let _ = writeln!(
                h,
                "<table><thead><tr><th>{}</th><th>{}</th><th class=\"n\">{}</th><th>{}</th></tr></thead><tbody>",
                t.s("项目", "Rule"),
                t.s("类别", "Category"),
                t.s("分值", "Points"),
                t.s("依据（过错与事件）", "Basis (findings and events)")
            );
            for l in &c.lines {
                let text = l.clone().localized(&t.m, t.lang).text;
                let basis = if l.events.is_empty() {
                    text
                } else {
                    format!("{text}（{}）", l.events.join("、"))
                };
                let _ = writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                    esc(&l.rule_name(&t.m, t.lang)),
                    esc(&t.name("category", &l.category)),
                    num(l.points),
                    esc(&basis)
                );
            }
            h.push_str("</tbody></table>\n");
        }
        h.push_str("</section>\n");
    }

    /// 4. Accountability: severities by rule and with the repeat proposals, responsibilities.
    fn accountability(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        h.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            t.s(
                "四、责任追究（拟处理意见分布）",
                "4. Accountability: proposed distribution"
            )
        ));
        let sev_name = |s: Severity| t.name("severity", s.as_str());
        let mut by_rule: BTreeMap<Severity, usize> = BTreeMap::new();
        let mut with_proposal: BTreeMap<Severity, usize> = BTreeMap::new();
        let mut by_resp: BTreeMap<String, usize> = BTreeMap::new();
        for e in &r.accountability {
            *by_rule.entry(e.severity).or_default() += 1;
            *with_proposal
                .entry(e.proposal.as_ref().map_or(e.severity, |p| p.severity))
                .or_default() += 1;
            *by_resp
                .entry(t.name("responsibility", e.responsibility.as_str()))
                .or_default() += 1;
        }
        let _ = writeln!(
            h,
            "<table><thead><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead><tbody>",
            t.s("过错程度", "Severity"),
            t.s("按规则", "By rule"),
            t.s("含拟加重", "With the proposals")
        );
        for s in [Severity::Ordinary, Severity::Serious, Severity::VerySerious] {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                sev_name(s),
                by_rule.get(&s).copied().unwrap_or(0),
                with_proposal.get(&s).copied().unwrap_or(0)
            );
        }
        h.push_str("</tbody></table>\n");
        let chart: Vec<(String, f64, String)> = by_resp
            .iter()
            .map(|(k, v)| (k.to_string(), *v as f64, v.to_string()))
            .collect();
        let max = chart.iter().map(|c| c.1).fold(0.0, f64::max);
        h.push_str(&bars(
            t.s("按责任类型", "By responsibility"),
            &chart,
            max,
            "#9b1c1c",
        ));
        let proposals = r
            .accountability
            .iter()
            .filter(|e| e.proposal.is_some())
            .count();
        let _ = writeln!(
            h,
            "<p>{}</p>",
            esc(&if t.zh {
                format!("共{}条问责记录，其中{}条因一年内重复发生同类过错拟加重处理（由领导小组研究决定）。", r.accountability.len(), proposals)
            } else {
                format!("{} accountability lines; {} repeats propose a heavier severity (for the leadership group to decide).", r.accountability.len(), proposals)
            })
        );
        h.push_str("</section>\n");
    }

    /// 5. The campaign by phase: tasks done on time, late, overdue and pending.
    fn campaign(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        h.push_str(&format!(
            "<section>\n<h2>{}</h2>\n<table><thead><tr><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead><tbody>\n",
            t.s("五、集中教育活动（分阶段）", "5. The campaign by phase"),
            t.s("阶段", "Phase"),
            t.s("时间", "Dates"),
            t.s("按时完成", "Done on time"),
            t.s("逾期完成", "Late"),
            t.s("逾期未交", "Overdue"),
            t.s("未到期", "Pending"),
        ));
        for p in &r.campaign.phases {
            let mut n: BTreeMap<&str, usize> = BTreeMap::new();
            for s in &r.campaign_status {
                if r.campaign
                    .tasks
                    .iter()
                    .any(|t| t.code == s.task && t.phase == p.code)
                {
                    *n.entry(s.state).or_default() += 1;
                }
            }
            let get = |k| n.get(k).copied().unwrap_or(0);
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{} – {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(if t.zh { &p.name_zh } else { &p.name }),
                p.from,
                p.to,
                get("done"),
                get("late"),
                get("overdue"),
                get("pending")
            );
        }
        h.push_str("</tbody></table>\n</section>\n");
    }

    /// 6. Faults by code.
    fn faults_by_code(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        h.push_str(&format!(
            "<section>\n<h2>{}</h2>\n<table><thead><tr><th>{}</th><th class=\"n\">{}</th></tr></thead><tbody>\n",
            t.s("六、过错分类统计", "6. Faults by code"),
            t.s("过错类型（代码）", "Fault (code)"),
            t.s("次数", "Count"),
        ));
        let none = crate::messages::Args::new();
        for (code, n) in &r.faults_by_code {
            let args = r
                .faults
                .iter()
                .find(|f| &f.code == code)
                .map_or(&none, |f| &f.args);
            let _ = writeln!(
                h,
                "<tr><td>{}（<code>{}</code>）</td><td class=\"n\">{n}</td></tr>",
                esc(&t.m.fault_name(t.lang, code, args)),
                esc(code)
            );
        }
        h.push_str("</tbody></table>\n</section>\n");
    }

    /// 7. Commendations and the unit heads answerable (only when there are any).
    fn commendations(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        if !r.commendations.is_empty() || !r.heads_responsible.is_empty() {
            h.push_str(&format!(
                "<section>\n<h2>{}</h2>\n<ul>\n",
                t.s("七、表彰与责任", "7. Commendations and responsibility")
            ));
            for u in &r.commendations {
                let _ = writeln!(
                    h,
                    "<li>{}: {}</li>",
                    t.s("拟表彰", "To commend"),
                    esc(&self.unit_name(u))
                );
            }
            for (u, head) in &r.heads_responsible {
                let _ = writeln!(
                    h,
                    "<li>{}: {} ({})</li>",
                    t.s("单位负责人负责", "Unit head answerable"),
                    esc(&self.unit_name(u)),
                    esc(head)
                );
            }
            h.push_str("</ul>\n</section>\n");
        }
    }

    /// Appendix: the rows that could not be judged (only when there are any).
    fn rows_not_judged(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        if !r.rejected_rows.is_empty() {
            h.push_str(&format!(
                "<section>\n<h2>{}</h2>\n<table><tbody>\n",
                t.s("附录：无法判定的记录", "Appendix: rows not judged")
            ));
            for (row, code, message) in &r.rejected_rows {
                let _ = writeln!(
                    h,
                    "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
                    if *row == usize::MAX {
                        "–".to_string()
                    } else {
                        row.to_string()
                    },
                    esc(code),
                    esc(message)
                );
            }
            h.push_str("</tbody></table>\n</section>\n");
        }
    }

    /// The seals of the leadership group and the date.
    fn seals(&self, h: &mut String) {
        let t = &self.t;
        let _ = write!(
            h,
            "<div class=\"sign\"><div>{}</div><div>{}</div></div>\n</body>\n</html>\n",
            t.s("行政效能建设领导小组（盖章）", "Leadership group (seal)"),
            t.s("日期", "Date")
        );
    }
}
