//! The annual review as the report a leadership group files (总结验收报告): one self-contained
//! HTML file — styles inline, charts as inline SVG, no script, no network — laid out for A4 in
//! the manner of GB/T 9704 official documents (margins 37/26/35/28 mm, a 仿宋 body at 16 pt where
//! the font exists, 黑体 and 楷体 headings, page numbers `— n —` outside on alternate pages),
//! printable to PDF from Chromium with no row, chart or heading cut from what follows it.
//!
//! Its sections are those such a report is written in: 一、基本情况 (the figures with their
//! denominators), 二、主要做法 (the campaign by phase and its deliverables), 三、存在问题 (faults
//! grouped and counted, the units and items with most), 四、问责情况 (the accountability list by
//! severity, measure and responsibility), 五、考核结果 (every scorecard with each line's basis),
//! 六、整改措施 (what each unit must still do, and by when), then the seal and date, then the
//! attachments — the only place codes appear. Rust, Python (`Bureau.review_report`) and the web
//! page (`Bureau.reviewReport`) produce the same bytes from the same review.
//!
//! ```
//! use efficiency_core::bureau::Bureau;
//! use efficiency_core::guide::Lang;
//! let bureau = Bureau::sample(2026, 400, 2026)?;
//! let html = bureau.review_report(2026, Lang::Zh)?;
//! assert!(html.starts_with("<!doctype html>\n<html lang=\"zh-CN\">"));
//! assert!(html.contains("<h1>2026年度行政效能建设总结验收报告</h1>"));
//! for section in ["一、基本情况", "二、主要做法", "三、存在问题", "四、问责情况", "五、考核结果", "六、整改措施"] {
//!     assert!(html.contains(section), "{section}");
//! }
//! assert!(!html.contains("<script"));
//! # Ok::<(), efficiency_core::error::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::accountability::Fault;
use crate::case::Severity;
use crate::guide::{escape_html as esc, Lang};
use crate::item::ItemCatalog;
use crate::messages::{date_text, Arg, Messages};
use crate::org::Organisation;
use crate::review::AnnualReview;
use crate::supervision::Card;

mod workbook;
pub use workbook::review_workbook;

/// What the report reads beside the review: the organisation (unit and person names), the
/// items (their names) and the supervision cards still open at the year's end (what each unit
/// must still do).
pub struct ReportSources<'a> {
    /// The organisation.
    pub org: &'a Organisation,
    /// The service items.
    pub items: &'a ItemCatalog,
    /// The cards open at the year's last moment.
    pub open_cards: &'a [Card],
}

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

    /// The n-th heading number of a level: `一、` / `1.` (level 1), `（一）` / `(1)` (level 2).
    fn number(&self, level: u8, n: usize) -> String {
        const ZH: [&str; 20] = [
            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
            "十四", "十五", "十六", "十七", "十八", "十九", "二十",
        ];
        let zh = ZH.get(n.wrapping_sub(1)).copied();
        match (self.zh, level, zh) {
            (true, 1, Some(z)) => format!("{z}、"),
            (true, _, Some(z)) => format!("（{z}）"),
            (_, 1, _) => format!("{n}. "),
            _ => format!("({n}) "),
        }
    }

    fn date(&self, d: chrono::NaiveDate) -> String {
        date_text(self.lang, d)
    }

    /// A list joined as the language joins one: `甲、乙、丙` / `a, b, c`.
    fn join(&self, parts: &[String]) -> String {
        parts.join(self.s("、", ", "))
    }

    /// Counts as a list: `一般74起、较重20起` (`measure` the Chinese measure word) /
    /// `74 ordinary, 20 serious`.
    fn tally<'n>(
        &self,
        counts: impl IntoIterator<Item = (&'n str, usize)>,
        measure: &str,
    ) -> String {
        let parts: Vec<String> = counts
            .into_iter()
            .map(|(name, n)| {
                if self.zh {
                    format!("{name}{n}{measure}")
                } else {
                    format!("{n} {name}")
                }
            })
            .collect();
        self.join(&parts)
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
        "<figure><svg role=\"img\" aria-label=\"{t}\" viewBox=\"0 0 {w} {h}\" width=\"100%\" font-size=\"15\">\n<title>{t}</title>\n",
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

/// A table: a header row (a column whose name starts with `#` is numeric, right-aligned) and
/// rows of already-escaped cells. Rows are never cut across pages and the header repeats.
fn table(h: &mut String, head: &[&str], rows: &[Vec<String>]) {
    table_class(h, "", head, rows);
}

/// [`table`] with a class on the table (its column widths in the style).
fn table_class(h: &mut String, class: &str, head: &[&str], rows: &[Vec<String>]) {
    if class.is_empty() {
        h.push_str("<table><thead><tr>");
    } else {
        let _ = write!(h, "<table class=\"{class}\"><thead><tr>");
    }
    for c in head {
        match c.strip_prefix('#') {
            Some(c) => {
                let _ = write!(h, "<th class=\"n\">{}</th>", esc(c));
            }
            None => {
                let _ = write!(h, "<th>{}</th>", esc(c));
            }
        }
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        h.push_str("<tr>");
        for (i, cell) in r.iter().enumerate() {
            if head.get(i).is_some_and(|c| c.starts_with('#')) {
                let _ = write!(h, "<td class=\"n\">{cell}</td>");
            } else {
                let _ = write!(h, "<td>{cell}</td>");
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table>\n");
}

/// Opens the block of a heading and its table: kept on one page when the table is short (a
/// long one starts where it is, its heading kept with its first rows, so no page is left
/// half empty).
fn block(h: &mut String, rows: usize) {
    h.push_str(if rows <= 8 {
        "<div class=\"keep\">"
    } else {
        "<div>"
    });
}

fn para(h: &mut String, text: &str) {
    let _ = writeln!(h, "<p>{}</p>", esc(text));
}

const STYLE: &str = r#"
  :root { color: #000; font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "WenQuanYi Zen Hei", serif; font-size: 16pt; line-height: 28pt; }
  body { max-width: 156mm; margin: 0 auto; padding: 12mm 6mm; }
  h1 { font: 22pt/1.6 "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", "AR PL UMing CN", "WenQuanYi Zen Hei", serif; text-align: center; margin: 0 0 .3em; }
  .from { text-align: center; margin: 0 0 28pt; }
  h2 { font: 16pt/28pt "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", sans-serif; margin: 14pt 0 0; text-indent: 2em; }
  h3 { font: 16pt/28pt "KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", "WenQuanYi Zen Hei", serif; margin: 6pt 0 0; text-indent: 2em; }
  p { margin: 0; text-indent: 2em; text-align: justify; }
  table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 12pt; line-height: 18pt; font-variant-numeric: tabular-nums; }
  th, td { border: .5pt solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; }
  th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-weight: normal; }
  td.n, th.n { text-align: right; white-space: nowrap; }
  figure { margin: 6pt 0 10pt; }
  figcaption { font-size: 12pt; line-height: 18pt; text-align: center; }
  .veto { font-weight: bold; }
  table.todo td:first-child { width: 30%; } table.todo td:last-child { width: 24%; }
  .end { margin-top: 28pt; break-before: avoid; }
  .end > div { display: inline-block; width: 100%; }
  .seal { text-align: right; margin-top: 56pt; text-indent: 0; padding-right: 4em; }
  .annex { break-before: page; }
  .annex h2 { text-indent: 0; margin-top: 0; }
  .annex h2 + p { text-align: center; font-weight: bold; text-indent: 0; }
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  @page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", "Noto Serif CJK SC", "AR PL UMing CN", serif; vertical-align: top; padding-top: 7mm; padding-right: 1em; } }
  @page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", "Noto Serif CJK SC", "AR PL UMing CN", serif; vertical-align: top; padding-top: 7mm; padding-left: 1em; } }
  @media print { body { padding: 0; max-width: none; } }
  tr, figure, .end, .keep { break-inside: avoid; }
  h1, h2, h3, .from, .lead { break-after: avoid; }
  @media (max-width: 480px) { :root { font-size: 13pt; line-height: 22pt; } body { padding: 4mm 3mm; } h1 { font-size: 18pt; } h2, h3 { font-size: 13pt; line-height: 22pt; } table { font-size: 10pt; line-height: 14pt; } }
"#;

/// The review as one self-contained HTML document in `lang`: the title, then each section in
/// the order a bureau files them (one function each below), the seal, then the attachments.
pub fn review_html(r: &AnnualReview, sources: &ReportSources<'_>, lang: Lang) -> String {
    let page = Page {
        r,
        src: sources,
        t: T {
            zh: lang == Lang::Zh,
            lang,
            m: Messages::shipped(),
        },
        totals: Totals::of(r),
    };
    let mut h = String::with_capacity(96 * 1024);
    page.head(&mut h);
    page.basics(&mut h);
    page.practice(&mut h);
    page.problems(&mut h);
    page.accountability(&mut h);
    page.assessment(&mut h);
    page.rectification(&mut h);
    page.seal(&mut h);
    page.annexes(&mut h);
    h.push_str("</body>\n</html>\n");
    h
}

/// What every section reads: the review, its sources, the language and the bureau's totals.
struct Page<'a> {
    r: &'a AnnualReview,
    src: &'a ReportSources<'a>,
    t: T,
    totals: Totals,
}

/// The units' metrics summed (the "all" row left out): every rate states its denominator.
struct Totals {
    concluded: u64,
    on_time: u64,
    on_the_spot: u64,
    extended: u64,
    open: u64,
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
            open: sum(|m| m.open),
            yellow: sum(|m| m.yellow),
            red: sum(|m| m.red),
            open_overdue: sum(|m| m.open_overdue),
        }
    }
}

fn rate(n: u64, d: u64) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

const SEVERITIES: [Severity; 3] = [Severity::Ordinary, Severity::Serious, Severity::VerySerious];

impl Page<'_> {
    fn unit_name(&self, id: &str) -> String {
        if id == "-" {
            return self.t.s("未指定单位", "no unit").into();
        }
        self.src
            .org
            .unit(id)
            .map(|u| short_name(&u.name, self.t.zh))
            .unwrap_or_else(|| id.to_string())
    }

    fn person_name(&self, id: &str) -> String {
        self.src
            .org
            .person(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    fn item_name(&self, code: &str) -> String {
        self.src.items.get(code).map_or_else(
            || code.to_string(),
            |i| {
                if self.t.zh {
                    i.name_zh.clone()
                } else {
                    i.name.clone()
                }
            },
        )
    }

    fn fault_name(&self, f: &Fault) -> String {
        self.t.m.fault_name(self.t.lang, &f.code, &f.args)
    }

    fn h2(&self, h: &mut String, n: usize, zh: &str, en: &str) {
        let _ = writeln!(
            h,
            "<h2>{}{}</h2>",
            self.t.number(1, n),
            esc(self.t.s(zh, en))
        );
    }

    /// A numbered level-2 heading with its table (`class` on the table when not empty), kept
    /// together as [`block`] decides.
    fn headed_table(
        &self,
        h: &mut String,
        n: usize,
        title: &str,
        class: &str,
        head: &[&str],
        rows: &[Vec<String>],
    ) {
        block(h, rows.len());
        self.h3(h, n, title);
        table_class(h, class, head, rows);
        h.push_str("</div>\n");
    }

    fn h3(&self, h: &mut String, n: usize, title: &str) {
        let _ = writeln!(h, "<h3>{}{}</h3>", self.t.number(2, n), esc(title));
    }

    /// The document head, the title and the lead paragraph.
    fn head(&self, h: &mut String) {
        let (r, org, t) = (self.r, self.src.org, &self.t);
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
            "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"efficiency {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"from\">{}</p>\n",
            if t.zh { "zh-CN" } else { "en" },
            env!("CARGO_PKG_VERSION"),
            esc(&title),
            esc(&title),
            esc(&org.name),
        );
        let lead = if t.zh {
            format!(
                "根据本单位行政效能建设实施方案和年度目标考核办法，现将{}年1月1日至12月31日行政效能建设工作情况报告如下。",
                r.year
            )
        } else {
            format!(
                "Under the bureau's plan for administrative efficiency building and its annual target assessment, this report covers 1 January to 31 December {}.",
                r.year
            )
        };
        let _ = writeln!(h, "<p class=\"lead\">{}</p>", esc(&lead));
    }

    /// 一、基本情况: the year's figures, each rate with its denominator, then the table by unit.
    fn basics(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        let Totals {
            concluded,
            on_time,
            on_the_spot,
            extended,
            open,
            yellow,
            red,
            open_overdue,
        } = self.totals;
        self.h2(h, 1, "基本情况", "The year in figures");
        let faults = r.faults.len();
        let people: std::collections::BTreeSet<&str> =
            r.accountability.iter().map(|e| e.person.as_str()).collect();
        para(
            h,
            &if t.zh {
                format!(
                    "全年共办理办件{}件（办理记录{}条）。办结{concluded}件，其中按时办结{on_time}件，按时办结率{}（{on_time}/{concluded}）；当场办结{on_the_spot}件，即办率{}（{on_the_spot}/{concluded}）；经批准延期办结{extended}件。年末在办{open}件，其中超过承诺时限{open_overdue}件。全年亮黄牌{yellow}件、红牌{red}件；查实过错{faults}起，形成问责记录{}条，涉及{}人。",
                    r.cases,
                    r.events,
                    pct(rate(on_time, concluded)),
                    pct(rate(on_the_spot, concluded)),
                    r.accountability.len(),
                    people.len()
                )
            } else {
                format!(
                    "{} cases were handled in the year ({} records). {concluded} were concluded: {on_time} on time, an on-time rate of {} ({on_time}/{concluded}); {on_the_spot} on the spot, {} ({on_the_spot}/{concluded}); {extended} with an approved extension. {open} were open at the year's end, {open_overdue} of them past the promised due. {yellow} cases reached a yellow card and {red} a red one; {faults} faults were established, giving {} accountability lines for {} people.",
                    r.cases,
                    r.events,
                    pct(rate(on_time, concluded)),
                    pct(rate(on_the_spot, concluded)),
                    r.accountability.len(),
                    people.len()
                )
            },
        );
        if !r.not_judged.is_empty() {
            let names: Vec<String> = r.not_judged.iter().map(|c| t.name("finding", c)).collect();
            para(
                h,
                &if t.zh {
                    format!(
                        "因缺少相关数据，以下规则本年度未作判定，相关过错未计入（规则代码见附件1）：{}。",
                        t.join(&names)
                    )
                } else {
                    format!(
                        "For lack of data these rules were not judged this year and no fault of theirs is counted (their codes in attachment 1): {}.",
                        t.join(&names)
                    )
                },
            );
        }
        if !r.rejected_rows.is_empty() {
            para(
                h,
                &if t.zh {
                    format!(
                        "另有{}条记录无法判定，未计入以上数字（见附件2）。",
                        r.rejected_rows.len()
                    )
                } else {
                    format!(
                        "{} further records could not be judged and are not counted above (attachment 2).",
                        r.rejected_rows.len()
                    )
                },
            );
        }
        let mut rows = Vec::new();
        let mut chart = Vec::new();
        for m in r.metrics.iter().filter(|m| m.group != "all") {
            let name = self.unit_name(&m.group);
            rows.push(vec![
                esc(&name),
                m.concluded.to_string(),
                format!(
                    "{} <small>({}/{})</small>",
                    pct(m.on_time_rate),
                    m.on_time,
                    m.concluded
                ),
                format!(
                    "{} <small>({}/{})</small>",
                    pct(m.on_the_spot_rate),
                    m.on_the_spot,
                    m.concluded
                ),
                m.extended.to_string(),
                m.open_overdue.to_string(),
                m.yellow.to_string(),
                m.red.to_string(),
            ]);
            chart.push((
                name,
                m.on_time_rate.unwrap_or(0.0) * 100.0,
                pct(m.on_time_rate),
            ));
        }
        rows.push(vec![
            esc(t.s("合计", "All")),
            concluded.to_string(),
            format!(
                "{} <small>({on_time}/{concluded})</small>",
                pct(rate(on_time, concluded))
            ),
            format!(
                "{} <small>({on_the_spot}/{concluded})</small>",
                pct(rate(on_the_spot, concluded))
            ),
            extended.to_string(),
            open_overdue.to_string(),
            yellow.to_string(),
            red.to_string(),
        ]);
        self.headed_table(
            h,
            1,
            t.s("各单位办件时效", "Time limits by unit"),
            "",
            &[
                t.s("单位", "Unit"),
                t.s("#办结", "#Concluded"),
                t.s("#按时办结率", "#On time"),
                t.s("#即办率", "#On the spot"),
                t.s("#延期", "#Extended"),
                t.s("#年末超期", "#Overdue at year end"),
                t.s("#黄牌", "#Yellow"),
                t.s("#红牌", "#Red"),
            ],
            &rows,
        );
        h.push_str(&bars(
            t.s("各单位按时办结率", "On-time rate by unit"),
            &chart,
            100.0,
            "#2f6f4f",
        ));
    }

    /// 二、主要做法: the campaign by phase, each task with its deliverable and how the units
    /// handed it in.
    fn practice(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        self.h2(h, 2, "主要做法", "What was done");
        let count = |task: Option<&str>, state: &str| {
            r.campaign_status
                .iter()
                .filter(|s| task.is_none_or(|c| s.task == c) && s.state == state)
                .count()
        };
        let (done, late, overdue, pending) = (
            count(None, "done"),
            count(None, "late"),
            count(None, "overdue"),
            count(None, "pending"),
        );
        para(
            h,
            &if t.zh {
                format!(
                    "按照行政效能建设活动安排，全年分{}个阶段开展，共部署任务{}项，应报送材料{}份：按时报送{done}份，逾期报送{late}份，逾期未报送{overdue}份，未到期{pending}份。",
                    r.campaign.phases.len(),
                    r.campaign.tasks.len(),
                    r.campaign_status.len()
                )
            } else {
                format!(
                    "The campaign ran in {} phases with {} tasks and {} deliverables owed: {done} handed in on time, {late} late, {overdue} missing past their due, {pending} not yet due.",
                    r.campaign.phases.len(),
                    r.campaign.tasks.len(),
                    r.campaign_status.len()
                )
            },
        );
        for (i, p) in r.campaign.phases.iter().enumerate() {
            let title = format!(
                "{}（{}至{}）",
                if t.zh { &p.name_zh } else { &p.name },
                t.date(p.from),
                t.date(p.to)
            );
            let title = if t.zh {
                title
            } else {
                format!("{} ({} to {})", p.name, t.date(p.from), t.date(p.to))
            };
            let rows: Vec<Vec<String>> = r
                .campaign
                .tasks
                .iter()
                .filter(|k| k.phase == p.code)
                .map(|k| {
                    vec![
                        esc(&k.name),
                        esc(&k.deliverable),
                        esc(&t.date(k.due)),
                        count(Some(&k.code), "done").to_string(),
                        count(Some(&k.code), "late").to_string(),
                        count(Some(&k.code), "overdue").to_string(),
                        count(Some(&k.code), "pending").to_string(),
                    ]
                })
                .collect();
            self.headed_table(
                h,
                i + 1,
                &title,
                "",
                &[
                    t.s("任务", "Task"),
                    t.s("报送材料", "Deliverable"),
                    t.s("时限", "Due"),
                    t.s("#按时", "#On time"),
                    t.s("#逾期报送", "#Late"),
                    t.s("#逾期未报", "#Missing"),
                    t.s("#未到期", "#Not due"),
                ],
                &rows,
            );
        }
    }

    /// 三、存在问题: the faults by kind and severity, the units and the items with most.
    fn problems(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        self.h2(h, 3, "存在问题", "Problems found");
        let by_sev = |s: Severity| r.faults.iter().filter(|f| f.severity == s).count();
        let names: Vec<(String, usize)> = SEVERITIES
            .iter()
            .map(|s| (t.name("severity", s.as_str()), by_sev(*s)))
            .collect();
        let sev = t.tally(names.iter().map(|(k, n)| (k.as_str(), *n)), "起");
        para(
            h,
            &if t.zh {
                format!(
                    "全年查实过错{}起，其中{}。按问题类型统计如下：",
                    r.faults.len(),
                    sev
                )
            } else {
                format!(
                    "{} faults were established: {}. By kind:",
                    r.faults.len(),
                    sev
                )
            },
        );
        // Kinds, most frequent first (a conduct rule's faults under the rule's own name).
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        for f in &r.faults {
            *kinds.entry(self.fault_name(f)).or_default() += 1;
        }
        let mut kinds: Vec<(String, usize)> = kinds.into_iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let total = r.faults.len().max(1) as f64;
        let rows: Vec<Vec<String>> = kinds
            .iter()
            .map(|(name, n)| {
                vec![
                    esc(name),
                    n.to_string(),
                    format!("{:.1}%", *n as f64 * 100.0 / total),
                ]
            })
            .collect();
        self.headed_table(
            h,
            1,
            t.s("按问题类型", "By kind"),
            "",
            &[
                t.s("问题类型", "Kind"),
                t.s("#起数", "#Count"),
                t.s("#占比", "#Share"),
            ],
            &rows,
        );
        // Units: faults counted against each (a person's against their unit).
        let mut units: BTreeMap<String, (usize, usize, BTreeMap<String, usize>)> = BTreeMap::new();
        for f in &r.faults {
            // A fault no unit answers for (a bureau leader's) is counted under "-" (no unit).
            let u = crate::assessment::unit_of(self.src.org, f).unwrap_or_else(|| "-".into());
            let e = units.entry(u).or_default();
            e.0 += 1;
            if f.severity != Severity::Ordinary {
                e.1 += 1;
            }
            *e.2.entry(self.fault_name(f)).or_default() += 1;
        }
        let mut units: Vec<_> = units.into_iter().collect();
        units.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(&b.0)));
        let rows: Vec<Vec<String>> = units
            .iter()
            .map(|(u, (n, heavy, kinds))| {
                let mut k: Vec<(&String, &usize)> = kinds.iter().collect();
                k.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
                let main: Vec<String> = k
                    .iter()
                    .take(3)
                    .map(|(name, n)| {
                        if t.zh {
                            format!("{name}{n}起")
                        } else {
                            format!("{name} ({n})")
                        }
                    })
                    .collect();
                vec![
                    esc(&self.unit_name(u)),
                    n.to_string(),
                    heavy.to_string(),
                    esc(&t.join(&main)),
                ]
            })
            .collect();
        self.headed_table(
            h,
            2,
            t.s("问题较多的单位", "Units with most faults"),
            "",
            &[
                t.s("单位", "Unit"),
                t.s("#过错", "#Faults"),
                t.s("#较重以上", "#Serious or worse"),
                t.s("主要问题", "Main kinds"),
            ],
            &rows,
        );
        // Items: those whose cases reached a card or were overdue at the year's end, worst first.
        let mut items: Vec<&crate::case::GroupMetrics> = r
            .metrics_by_item
            .iter()
            .filter(|m| m.red + m.yellow + m.open_overdue > 0)
            .collect();
        items.sort_by(|a, b| {
            (b.red, b.yellow, b.open_overdue)
                .cmp(&(a.red, a.yellow, a.open_overdue))
                .then_with(|| a.group.cmp(&b.group))
        });
        let rows: Vec<Vec<String>> = items
            .iter()
            .take(10)
            .map(|m| {
                vec![
                    esc(&self.item_name(&m.group)),
                    m.concluded.to_string(),
                    format!(
                        "{} <small>({}/{})</small>",
                        pct(m.on_time_rate),
                        m.on_time,
                        m.concluded
                    ),
                    m.yellow.to_string(),
                    m.red.to_string(),
                    m.open_overdue.to_string(),
                ]
            })
            .collect();
        block(h, rows.len());
        self.h3(h, 3, t.s("超时较多的事项", "Items most often late"));
        if rows.is_empty() {
            para(
                h,
                t.s(
                    "全年没有事项亮牌或年末超期。",
                    "No item reached a card or was overdue at the year's end.",
                ),
            );
        } else {
            table(
                h,
                &[
                    t.s("事项", "Item"),
                    t.s("#办结", "#Concluded"),
                    t.s("#按时办结率", "#On time"),
                    t.s("#黄牌", "#Yellow"),
                    t.s("#红牌", "#Red"),
                    t.s("#年末超期", "#Overdue at year end"),
                ],
                &rows,
            );
        }
        h.push_str("</div>\n");
    }

    /// 四、问责情况: the accountability lines by severity (by rule and with the proposals),
    /// the measures each severity allows, by responsibility.
    fn accountability(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        self.h2(h, 4, "问责情况", "Accountability");
        let mut by_rule: BTreeMap<Severity, usize> = BTreeMap::new();
        let mut with_proposal: BTreeMap<Severity, usize> = BTreeMap::new();
        let mut measures: BTreeMap<Severity, Vec<crate::accountability::Measure>> = BTreeMap::new();
        let mut by_resp: BTreeMap<String, usize> = BTreeMap::new();
        for e in &r.accountability {
            *by_rule.entry(e.severity).or_default() += 1;
            *with_proposal
                .entry(e.proposal.as_ref().map_or(e.severity, |p| p.severity))
                .or_default() += 1;
            let m = measures.entry(e.severity).or_default();
            for x in &e.measures {
                if !m.contains(x) {
                    m.push(*x);
                }
            }
            *by_resp
                .entry(t.name("responsibility", e.responsibility.as_str()))
                .or_default() += 1;
        }
        let proposals = r
            .accountability
            .iter()
            .filter(|e| e.proposal.is_some())
            .count();
        let resp = t.tally(by_resp.iter().map(|(k, v)| (k.as_str(), *v)), "条");
        para(
            h,
            &if t.zh {
                format!(
                    "依照责任追究办法，全年形成问责记录{}条，其中{}。按规则认定的过错程度及可选处理方式如下；{proposals}条因一年内重复发生同类过错拟从重处理，由领导小组研究决定。问责清单（姓名、单位、过错、程度、可选处理）以电子表格另行报送。",
                    r.accountability.len(),
                    resp
                )
            } else {
                format!(
                    "Under the accountability rules the year gives {} accountability lines: {}. The severities the rules decide and the measures each allows follow; {proposals} repeats within a year propose a heavier severity, for the leadership group to decide. The list itself (name, unit, fault, severity, measures) goes with this report as a workbook.",
                    r.accountability.len(),
                    resp
                )
            },
        );
        let rows: Vec<Vec<String>> = SEVERITIES
            .iter()
            .map(|s| {
                let names: Vec<String> = measures
                    .get(s)
                    .map(|m| m.iter().map(|x| t.name("measure", x.as_str())).collect())
                    .unwrap_or_default();
                vec![
                    esc(&t.name("severity", s.as_str())),
                    by_rule.get(s).copied().unwrap_or(0).to_string(),
                    with_proposal.get(s).copied().unwrap_or(0).to_string(),
                    esc(&t.join(&names)),
                ]
            })
            .collect();
        table(
            h,
            &[
                t.s("过错程度", "Severity"),
                t.s("#按规则", "#By rule"),
                t.s("#含拟从重", "#With the proposals"),
                t.s("可选处理方式", "Measures allowed"),
            ],
            &rows,
        );
        let chart: Vec<(String, f64, String)> = by_resp
            .iter()
            .map(|(k, v)| (k.to_string(), *v as f64, v.to_string()))
            .collect();
        let max = chart.iter().map(|c| c.1).fold(0.0, f64::max);
        h.push_str(&bars(
            t.s(
                "问责记录按责任类型",
                "Accountability lines by responsibility",
            ),
            &chart,
            max,
            "#9b1c1c",
        ));
    }

    /// 五、考核结果: the points of every unit, then each scorecard with the basis of every line.
    fn assessment(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        self.h2(h, 5, "考核结果", "Target assessment");
        let grade = |c: &crate::assessment::Scorecard| {
            if t.zh {
                c.grade_zh.clone()
            } else {
                c.grade.clone()
            }
        };
        let mut grades: Vec<(String, usize)> = Vec::new();
        for c in &r.scorecards {
            let g = grade(c);
            match grades.iter_mut().find(|(x, _)| *x == g) {
                Some(x) => x.1 += 1,
                None => grades.push((g, 1)),
            }
        }
        let grades = t.tally(grades.iter().map(|(g, n)| (g.as_str(), *n)), "个");
        para(
            h,
            &if t.zh {
                format!(
                    "参加年度目标考核的单位{}个，其中{}。各单位得分及每一项加减分的依据如下。",
                    r.scorecards.len(),
                    grades
                )
            } else {
                format!(
                    "{} units were assessed: {}. Each unit's points and the basis of every line follow.",
                    r.scorecards.len(),
                    grades
                )
            },
        );
        let chart: Vec<(String, f64, String)> = r
            .scorecards
            .iter()
            .map(|c| {
                (
                    short_name(&c.unit_name, t.zh),
                    c.total,
                    format!("{} {}", num(c.total), grade(c)),
                )
            })
            .collect();
        let max = r
            .scorecards
            .iter()
            .map(|c| c.total)
            .fold(100.0_f64, f64::max);
        h.push_str(&bars(
            t.s("各单位考核得分", "Points by unit"),
            &chart,
            max,
            "#1f4e8c",
        ));
        for (i, c) in r.scorecards.iter().enumerate() {
            let title = if t.zh {
                format!(
                    "{}：{}分，{}（第{}名）",
                    short_name(&c.unit_name, true),
                    num(c.total),
                    grade(c),
                    c.rank
                )
            } else {
                format!(
                    "{}: {} points, {} (rank {})",
                    short_name(&c.unit_name, false),
                    num(c.total),
                    grade(c),
                    c.rank
                )
            };
            let rows = self.score_rows(c);
            block(h, rows.len());
            self.h3(h, i + 1, &title);
            let vetoes = if t.zh { &c.vetoes_zh } else { &c.vetoes };
            if !vetoes.is_empty() {
                let _ = writeln!(
                    h,
                    "<p class=\"veto\">{}{}{}</p>",
                    t.s("一票否决：", "Veto: "),
                    esc(&t.join(vetoes)),
                    t.s("。", ".")
                );
            }
            table(
                h,
                &[
                    t.s("项目", "Rule"),
                    t.s("类别", "Category"),
                    t.s("#分值", "#Points"),
                    t.s("依据", "Basis"),
                ],
                &rows,
            );
            h.push_str("</div>\n");
        }
        for u in &r.commendations {
            para(
                h,
                &if t.zh {
                    format!("{}考核成绩优秀，拟予表彰。", self.unit_name(u))
                } else {
                    format!("{} is proposed for commendation.", self.unit_name(u))
                },
            );
        }
        for (u, head) in &r.heads_responsible {
            para(
                h,
                &if t.zh {
                    format!(
                        "{}考核结果较差，单位负责人{}应承担相应责任。",
                        self.unit_name(u),
                        self.person_name(head)
                    )
                } else {
                    format!(
                        "{} did worst; its head, {}, answers for it.",
                        self.unit_name(u),
                        self.person_name(head)
                    )
                },
            );
        }
    }

    /// A scorecard's lines as the report prints them: lines of one rule and category are one
    /// row (their count and points summed) whose basis names every source (办件…, 投诉…); a
    /// rule met once shows its line's whole text. Every line's own text is in the workbook.
    fn score_rows(&self, c: &crate::assessment::Scorecard) -> Vec<Vec<String>> {
        let t = &self.t;
        let mut groups: Vec<(String, String, f64, Vec<&crate::assessment::ScoreLine>)> = Vec::new();
        for l in &c.lines {
            let rule = l.rule_name(&t.m, t.lang);
            match groups.iter_mut().find(|g| g.0 == rule && g.1 == l.category) {
                Some(g) => {
                    g.2 += l.points;
                    g.3.push(l);
                }
                None => groups.push((rule, l.category.clone(), l.points, vec![l])),
            }
        }
        let source = |l: &crate::assessment::ScoreLine| {
            l.findings
                .first()
                .and_then(|f| f.rsplit_once(' '))
                .filter(|(source, _)| {
                    source
                        .split_once(' ')
                        .is_some_and(|(kind, _)| crate::messages::RECORD_KINDS.contains(&kind))
                })
                .map(|(source, _)| t.m.source_text(t.lang, source))
        };
        groups
            .into_iter()
            .map(|(rule, category, points, lines)| {
                let basis = if let [l] = lines.as_slice() {
                    let text = (*l).clone().localized(&t.m, t.lang).text;
                    match source(l) {
                        Some(s) if !text.contains(s.as_str()) => {
                            format!("{s}{}{text}", t.s("：", ": "))
                        }
                        _ => text,
                    }
                } else {
                    let sources: Vec<String> = lines.iter().filter_map(|l| source(l)).collect();
                    if t.zh {
                        format!("{}起：{}", lines.len(), t.join(&sources))
                    } else {
                        format!("{} times: {}", lines.len(), t.join(&sources))
                    }
                };
                vec![
                    esc(&rule),
                    esc(&t.name("category", &category)),
                    num(points),
                    esc(&basis),
                ]
            })
            .collect()
    }

    /// 六、整改措施: for each unit, the cards still open at the year's end, the self-inspection
    /// measures past their deadline and the campaign deliverables still missing — what to do
    /// and by when.
    fn rectification(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        self.h2(h, 6, "整改措施", "What each unit must still do");
        let mut todo: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
        for c in self.src.open_cards {
            // A card of a case no unit answers for (a refusal at the window: nothing was
            // received) goes to the unit of the person it names, else under "-" (no unit).
            let unit = c
                .unit
                .clone()
                .or_else(|| {
                    let p = self.src.org.person(c.person.as_deref()?)?;
                    p.unit.clone()
                })
                .unwrap_or_else(|| "-".into());
            let level = t.name("level", c.level.as_str());
            let what = match c.item.as_deref() {
                Some(i) => format!(
                    "{}{}（{}，{level}）",
                    t.s("督办办件", "Open card on case "),
                    c.case,
                    self.item_name(i)
                ),
                None => format!(
                    "{}{}（{level}）",
                    t.s("督办办件", "Open card on case "),
                    c.case
                ),
            };
            let by = match c.reply_due {
                Some(d) => format!(
                    "{}{}",
                    t.s("回复期限：", "reply by "),
                    crate::messages::time_text(t.lang, d)
                ),
                None => t.s("立即办理并说明情况", "at once, with an account").into(),
            };
            todo.entry(unit)
                .or_default()
                .push(vec![esc(&what), esc(&c.text), esc(&by)]);
        }
        let arg = |f: &Fault, k: &str| match f.args.get(k) {
            Some(Arg::Text(s)) => s.clone(),
            Some(Arg::Date(d)) => t.date(*d),
            _ => String::new(),
        };
        for f in &r.faults {
            let (what, need) = match f.code.as_str() {
                "self_inspection.measure_overdue" => (
                    format!(
                        "{}{}",
                        t.s("自查问题：", "Self-inspection: "),
                        arg(f, "problem")
                    ),
                    arg(f, "measure"),
                ),
                "campaign.task_missing" => (
                    format!("{}{}", t.s("活动任务：", "Campaign task: "), arg(f, "task")),
                    format!("{}{}", t.s("补交", "hand in "), arg(f, "deliverable")),
                ),
                _ => continue,
            };
            let unit = crate::assessment::unit_of(self.src.org, f).unwrap_or_else(|| "-".into());
            let by = if t.zh {
                format!("已逾期（原定{}），立即完成", arg(f, "due"))
            } else {
                format!("overdue (was {}): at once", arg(f, "due"))
            };
            todo.entry(unit)
                .or_default()
                .push(vec![esc(&what), esc(&need), esc(&by)]);
        }
        if todo.is_empty() {
            para(
                h,
                t.s(
                    "年末各单位无待整改事项。",
                    "No unit has anything left to do at the year's end.",
                ),
            );
            return;
        }
        para(
            h,
            &if t.zh {
                format!(
                    "针对上述问题，截至{}年12月31日，以下事项尚待整改，各单位须逐项落实并按期报告整改结果：",
                    r.year
                )
            } else {
                format!(
                    "At 31 December {} these are still to be done; each unit reports each one done by its date:",
                    r.year
                )
            },
        );
        for (i, (unit, rows)) in todo.iter().enumerate() {
            self.headed_table(
                h,
                i + 1,
                &self.unit_name(unit),
                "todo",
                &[
                    t.s("事项", "What"),
                    t.s("整改要求", "To do"),
                    t.s("完成时限", "By when"),
                ],
                rows,
            );
        }
    }

    /// The next steps, the closing line, the issuing body and the date, as one block no page
    /// breaks: the seal never stands on a page without the text before it (GB/T 9704 7.3.5).
    fn seal(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        let open = self.src.open_cards.len();
        let overdue = r
            .faults
            .iter()
            .filter(|f| {
                matches!(
                    f.code.as_str(),
                    "self_inspection.measure_overdue" | "campaign.task_missing"
                )
            })
            .count();
        let next = if t.zh {
            format!(
                "下一步，各单位要对照本报告所列问题逐项整改，年末未关闭的{open}张督办卡和{overdue}项逾期未完成事项限期办结销号，整改情况纳入{}年度目标考核。",
                r.year + 1
            )
        } else {
            format!(
                "Next, each unit rectifies every problem listed here: the {open} cards still open at the year's end and the {overdue} items past their date are to be closed, and how it went counts in the {} assessment.",
                r.year + 1
            )
        };
        let _ = writeln!(
            h,
            "<div class=\"end\"><div><p>{}</p><p>{}</p><p class=\"seal\">{}<br>{}</p></div></div>",
            esc(&next),
            t.s("特此报告。", "Submitted for the record."),
            esc(&format!(
                "{}{}",
                self.src.org.name,
                t.s("行政效能建设领导小组", " — efficiency leadership group")
            )),
            esc(&t.date(chrono::NaiveDate::from_ymd_opt(r.year, 12, 31).unwrap_or_default())),
        );
    }

    /// Attachments: the faults with their codes, the rules not judged, the rows not judged.
    fn annexes(&self, h: &mut String) {
        let (r, t) = (self.r, &self.t);
        h.push_str("<section class=\"annex\">\n");
        let _ = writeln!(
            h,
            "<h2>{}</h2>\n<p>{}</p>",
            t.s("附件1", "Attachment 1"),
            t.s("过错类型与规则代码对照", "Faults and their rule codes")
        );
        let none = crate::messages::Args::new();
        let mut rows: Vec<Vec<String>> = r
            .faults_by_code
            .iter()
            .map(|(code, n)| {
                let args = r
                    .faults
                    .iter()
                    .find(|f| &f.code == code)
                    .map_or(&none, |f| &f.args);
                vec![
                    esc(&t.m.fault_name(t.lang, code, args)),
                    format!("<code>{}</code>", esc(code)),
                    n.to_string(),
                ]
            })
            .collect();
        for code in &r.not_judged {
            rows.push(vec![
                esc(&t.name("finding", code)),
                format!("<code>{}</code>", esc(code)),
                esc(t.s("未判定", "not judged")),
            ]);
        }
        table(
            h,
            &[
                t.s("过错类型", "Fault"),
                t.s("规则代码", "Code"),
                t.s("#起数", "#Count"),
            ],
            &rows,
        );
        h.push_str("</section>\n");
        if !r.rejected_rows.is_empty() {
            h.push_str("<section class=\"annex\">\n");
            let _ = writeln!(
                h,
                "<h2>{}</h2>\n<p>{}</p>",
                t.s("附件2", "Attachment 2"),
                t.s("无法判定的记录", "Records not judged")
            );
            let rows: Vec<Vec<String>> = r
                .rejected_rows
                .iter()
                .map(|(row, code, message)| {
                    vec![
                        if *row == usize::MAX {
                            "–".to_string()
                        } else {
                            row.to_string()
                        },
                        format!("<code>{}</code>", esc(code)),
                        esc(message),
                    ]
                })
                .collect();
            table(
                h,
                &[
                    t.s("#行", "#Row"),
                    t.s("错误代码", "Code"),
                    t.s("说明", "Message"),
                ],
                &rows,
            );
            h.push_str("</section>\n");
        }
    }
}
