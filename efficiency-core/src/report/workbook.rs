//! The annual review as the Excel workbook a supervision office forwards (`.xlsx`, written by
//! `rust_xlsxwriter`): the scorecards, every score line with its basis, the accountability list
//! and the faults, one sheet each, headers in the report's language, times as Excel times,
//! points as numbers, the header row frozen and filtered, printable landscape on A4. The same
//! bytes from Rust, Python (`Bureau.review_workbook`) and the page (`Bureau.reviewWorkbook`):
//! the workbook's creation time is the review's year end, never the clock.
//!
//! ```
//! use efficiency_core::bureau::Bureau;
//! use efficiency_core::guide::Lang;
//! let xlsx = Bureau::sample(2026, 200, 1)?.review_workbook(2026, Lang::Zh)?;
//! assert_eq!(&xlsx[..2], b"PK"); // a zip, as every .xlsx is
//! # Ok::<(), efficiency_core::error::Error>(())
//! ```

use chrono::{Datelike, NaiveDateTime, Timelike};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

use super::{ReportSources, T};
use crate::error::Error;
use crate::guide::Lang;
use crate::messages::Messages;
use crate::review::AnnualReview;

/// One cell of a sheet.
enum Cell {
    Text(String),
    Num(f64),
    Time(NaiveDateTime),
    Empty,
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::from(s.to_string())
    }
}

/// A sheet: its name, its columns (header, width in characters) and its rows.
struct Sheet {
    name: String,
    columns: Vec<(String, f64)>,
    rows: Vec<Vec<Cell>>,
}

fn excel_time(t: NaiveDateTime) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8)?.and_hms(
        t.hour() as u16,
        t.minute() as u8,
        t.second(),
    )
}

fn write(year: i32, title: &str, sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let properties = DocProperties::new()
        .set_title(title)
        .set_author(format!("efficiency {}", env!("CARGO_PKG_VERSION")))
        .set_creation_datetime(&ExcelDateTime::from_ymd(year as u16, 12, 31)?);
    wb.set_properties(&properties);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let number = Format::new().set_align(FormatAlign::Top);
    let time = Format::new()
        .set_num_format("yyyy-mm-dd hh:mm")
        .set_align(FormatAlign::Top);
    for s in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&s.name)?;
        ws.set_landscape()
            .set_paper_size(9)
            .set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
        for (c, (header, width)) in s.columns.iter().enumerate() {
            let c = c as u16;
            ws.set_column_width(c, *width)?;
            ws.write_string_with_format(0, c, header, &head)?;
        }
        for (r, row) in s.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(v) => {
                        ws.write_string_with_format(r, c, v, &text)?;
                    }
                    Cell::Num(v) => {
                        ws.write_number_with_format(r, c, *v, &number)?;
                    }
                    Cell::Time(v) => {
                        ws.write_datetime_with_format(r, c, &excel_time(*v)?, &time)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        let last_col = s.columns.len().saturating_sub(1) as u16;
        ws.autofilter(0, 0, s.rows.len() as u32, last_col)?;
    }
    wb.save_to_buffer()
}

/// The review as an `.xlsx` workbook in `lang` (sheets: scorecards, score lines, the
/// accountability list, the faults).
pub fn review_workbook(
    r: &AnnualReview,
    src: &ReportSources<'_>,
    lang: Lang,
) -> Result<Vec<u8>, Error> {
    let t = T {
        zh: lang == Lang::Zh,
        lang,
        m: Messages::shipped(),
    };
    let unit = |id: Option<&str>| -> Cell {
        id.map_or(Cell::Empty, |id| {
            Cell::from(
                src.org
                    .unit(id)
                    .map(|u| super::short_name(&u.name, t.zh))
                    .unwrap_or_else(|| id.to_string()),
            )
        })
    };
    let person = |id: &str| -> String {
        src.org
            .person(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    };
    let col = |zh: &str, en: &str, w: f64| (t.s(zh, en).to_string(), w);
    let scorecards = Sheet {
        name: t.s("考核得分", "Scorecards").into(),
        columns: vec![
            col("名次", "Rank", 6.0),
            col("单位", "Unit", 16.0),
            col("负责人", "Head", 10.0),
            col("得分", "Points", 8.0),
            col("等次", "Grade", 10.0),
            col("按分数的等次", "Grade by points", 12.0),
            col("一票否决", "Vetoes", 30.0),
            col("考核办法版本", "Rules version", 14.0),
        ],
        rows: r
            .scorecards
            .iter()
            .map(|c| {
                vec![
                    Cell::Num(c.rank as f64),
                    Cell::from(super::short_name(&c.unit_name, t.zh)),
                    Cell::from(c.head.as_deref().map(person).unwrap_or_default()),
                    Cell::Num(c.total),
                    Cell::from(if t.zh {
                        c.grade_zh.clone()
                    } else {
                        c.grade.clone()
                    }),
                    Cell::from(t.name("grade", &c.grade_by_points)),
                    Cell::from(t.join(if t.zh { &c.vetoes_zh } else { &c.vetoes })),
                    Cell::from(c.rules_version.clone()),
                ]
            })
            .collect(),
    };
    let lines = Sheet {
        name: t.s("考核明细", "Score lines").into(),
        columns: vec![
            col("单位", "Unit", 16.0),
            col("项目", "Rule", 22.0),
            col("类别", "Category", 16.0),
            col("分值", "Points", 8.0),
            col("来源", "Source", 22.0),
            col("依据", "Basis", 70.0),
            col("证据", "Evidence", 12.0),
        ],
        rows: r
            .scorecards
            .iter()
            .flat_map(|c| {
                let t = &t;
                c.lines.iter().map(move |l| {
                    let sources: Vec<String> = l
                        .findings
                        .iter()
                        .filter_map(|f| f.rsplit_once(' '))
                        .map(|(s, _)| t.m.source_text(t.lang, s))
                        .collect();
                    vec![
                        Cell::from(super::short_name(&c.unit_name, t.zh)),
                        Cell::from(l.rule_name(&t.m, t.lang)),
                        Cell::from(t.name("category", &l.category)),
                        Cell::Num(l.points),
                        Cell::from(t.join(&sources)),
                        Cell::from(l.clone().localized(&t.m, t.lang).text),
                        Cell::from(l.events.join(", ")),
                    ]
                })
            })
            .collect(),
    };
    let accountability = Sheet {
        name: t.s("问责清单", "Accountability").into(),
        columns: vec![
            col("姓名", "Name", 10.0),
            col("单位", "Unit", 16.0),
            col("责任类型", "Responsibility", 12.0),
            col("过错", "Fault", 20.0),
            col("过错程度（按规则）", "Severity (by rule)", 10.0),
            col("拟从重", "Proposed", 10.0),
            col("拟从重理由", "Why", 40.0),
            col("可选处理方式", "Measures allowed", 30.0),
            col("对年度考核等次的影响", "Effect on the annual grade", 30.0),
            col("时间", "When", 17.0),
            col("来源", "Source", 22.0),
            col("事实", "What happened", 60.0),
            col("证据", "Evidence", 12.0),
        ],
        rows: r
            .accountability
            .iter()
            .map(|e| {
                let measures: Vec<String> = e
                    .measures
                    .iter()
                    .map(|m| t.name("measure", m.as_str()))
                    .collect();
                let effects: Vec<String> = e
                    .grade_effects
                    .iter()
                    .map(|(m, g)| {
                        format!(
                            "{}{}{}",
                            t.name("measure", m.as_str()),
                            t.s("：", ": "),
                            t.name("effect", g)
                        )
                    })
                    .collect();
                vec![
                    Cell::from(e.name.clone()),
                    unit(e.unit.as_deref()),
                    Cell::from(t.name("responsibility", e.responsibility.as_str())),
                    Cell::from(t.m.fault_name(t.lang, &e.code, &e.args)),
                    Cell::from(t.name("severity", e.severity.as_str())),
                    Cell::from(
                        e.proposal
                            .as_ref()
                            .map(|p| t.name("severity", p.severity.as_str()))
                            .unwrap_or_default(),
                    ),
                    Cell::from(
                        e.proposal
                            .as_ref()
                            .map(|p| t.m.text(t.lang, "proposal.repeat", &p.args))
                            .unwrap_or_default(),
                    ),
                    Cell::from(t.join(&measures)),
                    Cell::from(effects.join(t.s("；", "; "))),
                    Cell::Time(e.at),
                    Cell::from(t.m.source_text(t.lang, &e.source)),
                    Cell::from(if e.args.is_empty() {
                        e.text.clone()
                    } else {
                        t.m.text(
                            t.lang,
                            e.message_code.as_deref().unwrap_or(&e.code),
                            &e.args,
                        )
                    }),
                    Cell::from(e.events.join(", ")),
                ]
            })
            .collect(),
    };
    let faults = Sheet {
        name: t.s("过错明细", "Faults").into(),
        columns: vec![
            col("时间", "When", 17.0),
            col("过错", "Fault", 20.0),
            col("程度", "Severity", 10.0),
            col("单位", "Unit", 16.0),
            col("人员", "People", 14.0),
            col("来源", "Source", 22.0),
            col("事实", "What happened", 70.0),
            col("规则代码", "Code", 28.0),
        ],
        rows: r
            .faults
            .iter()
            .map(|f| {
                let people: Vec<String> = f.people.iter().map(|p| person(p)).collect();
                let text = if f.args.is_empty() {
                    f.text.clone()
                } else {
                    t.m.text(
                        t.lang,
                        f.message_code.as_deref().unwrap_or(&f.code),
                        &f.args,
                    )
                };
                vec![
                    Cell::Time(f.at),
                    Cell::from(t.m.fault_name(t.lang, &f.code, &f.args)),
                    Cell::from(t.name("severity", f.severity.as_str())),
                    unit(crate::assessment::unit_of(src.org, f).as_deref()),
                    Cell::from(t.join(&people)),
                    Cell::from(t.m.source_text(t.lang, &f.source)),
                    Cell::from(text),
                    Cell::from(f.code.as_str()),
                ]
            })
            .collect(),
    };
    let title = if t.zh {
        format!("{}年度行政效能建设考核与问责清单", r.year)
    } else {
        format!("Annual review {}: scorecards and accountability", r.year)
    };
    write(r.year, &title, &[scorecards, lines, accountability, faults]).map_err(|e| {
        Error::new(
            "report.workbook",
            format!("the workbook could not be written: {e}"),
        )
    })
}
