//! Rendering a guide: JSON, Markdown or HTML, in Chinese or English (the rows of 行政许可法
//! Art. 30, in its order).

use serde::{Deserialize, Serialize};

use super::*;
pub use crate::messages::Lang;

/// What a guide renders to.
///
/// ```
/// use efficiency_core::guide::GuideCatalogue;
/// let guides = GuideCatalogue::sample();
/// let guide = guides.guide("civil.social_org_registration").expect("published");
/// use efficiency_core::guide::{Lang, RenderFormat};
/// let html = guides.render("civil.social_org_registration", RenderFormat::Html, Lang::En)?;
/// assert!(html.starts_with("<") && !html.contains("<script"));
/// # Ok::<(), efficiency_core::error::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RenderFormat {
    /// The guide as published data.
    Json,
    /// A Markdown page.
    Markdown,
    /// An HTML fragment (`<article>`), escaped.
    Html,
}

crate::names!(RenderFormat {
    Json => "json",
    Markdown => "markdown",
    Html => "html",
});

/// A limit in words: `20个工作日` / `20 workdays`.
///
/// ```
/// use efficiency_core::clock::TimeLimit;
/// use efficiency_core::guide::{limit_text, Lang};
/// assert_eq!(limit_text(TimeLimit::workdays(20), Lang::Zh), "20个工作日");
/// assert_eq!(limit_text(TimeLimit::natural_days(60), Lang::En), "60 natural days");
/// assert_eq!(limit_text(TimeLimit::on_the_spot(), Lang::Zh), "即时办结");
/// ```
pub fn limit_text(limit: TimeLimit, lang: Lang) -> String {
    match (limit.unit, lang) {
        (TimeUnit::Workdays, Lang::Zh) => format!("{}个工作日", limit.amount),
        (TimeUnit::NaturalDays, Lang::Zh) => format!("{}日", limit.amount),
        (TimeUnit::WorkHours, Lang::Zh) => format!("{}个工作小时", limit.amount),
        (TimeUnit::Months, Lang::Zh) => format!("{}个月", limit.amount),
        (TimeUnit::OnTheSpot, Lang::Zh) => "即时办结".into(),
        (TimeUnit::OnTheSpot, Lang::En) => "on the spot".into(),
        (TimeUnit::NoLimit, Lang::Zh) => "法律法规未规定时限".into(),
        (TimeUnit::NoLimit, Lang::En) => "no statutory limit".into(),
        (_, Lang::En) => limit.to_string().replace('_', " "),
    }
}

/// The rows of a rendered guide: (label, text), in the order of 行政许可法 Art. 30.
fn rows(g: &Guide, c: &GuideCatalogue, lang: Lang) -> Vec<(&'static str, Vec<String>)> {
    let zh = lang == Lang::Zh;
    let l = |a: &'static str, b: &'static str| if zh { a } else { b };
    let yes_no = |b: bool| if b { l("是", "yes") } else { l("否", "no") }.to_string();
    let date = |d: Option<NaiveDate>| d.map(|d| format!(" ({d})")).unwrap_or_default();
    let mut out: Vec<(&'static str, Vec<String>)> = vec![
        (l("事项编码", "Item code"), vec![g.catalogue_code.clone()]),
        (l("事项类型", "Kind"), vec![g.kind.label(lang).into()]),
        (l("实施主体", "Implementing body"), vec![g.body.clone()]),
        (
            l("设定依据", "Legal basis"),
            g.bases
                .iter()
                .map(|b| format!("{}{} {}", b.title, date(b.date), b.article))
                .collect(),
        ),
        (l("受理条件", "Conditions"), g.conditions.clone()),
        (
            l("数量限制", "Quantity limits"),
            vec![g
                .quantity_limit
                .clone()
                .unwrap_or_else(|| l("无数量限制", "none").into())],
        ),
        (
            l("申请材料", "Materials"),
            g.materials
                .iter()
                .map(|m| {
                    let sample = m
                        .sample
                        .as_ref()
                        .map(|s| format!("{}{s}", l("；样表：", "; sample: ")))
                        .unwrap_or_default();
                    if zh {
                        format!(
                            "{}（{}，{}份，{}{}）",
                            m.name,
                            m.form.label(lang),
                            m.copies,
                            m.source,
                            sample
                        )
                    } else {
                        format!(
                            "{} ({}, {} {}, {}{})",
                            m.name,
                            m.form.label(lang),
                            m.copies,
                            if m.copies == 1 { "copy" } else { "copies" },
                            m.source,
                            sample
                        )
                    }
                })
                .collect(),
        ),
        (l("办理流程", "Procedure"), g.procedure.clone()),
    ];
    if !g.item.special_procedures.is_empty() {
        out.push((
            l("特别程序", "Special procedures"),
            g.item
                .special_procedures
                .iter()
                .map(|p| {
                    let time = p.max_time.map(|t| limit_text(t, lang)).unwrap_or_default();
                    let counts = if p.counts_toward_limit {
                        l("计入办理时限", "counts toward the limit")
                    } else {
                        l("不计入办理时限", "does not count toward the limit")
                    };
                    if zh {
                        format!("{}：不超过{}，{}", p.name, time, counts)
                    } else {
                        format!("{}: at most {}, {}", p.name, time, counts)
                    }
                })
                .collect(),
        ));
    }
    out.extend([
        (
            l("法定办结时限", "Statutory limit"),
            vec![limit_text(g.item.statutory, lang)],
        ),
        (
            l("承诺办结时限", "Promised limit"),
            vec![limit_text(
                g.item.promised.unwrap_or(g.item.statutory),
                lang,
            )],
        ),
        (l("是否即办", "On the spot"), vec![yes_no(g.on_the_spot)]),
        (
            l("到办事现场次数", "Visits needed"),
            vec![if zh {
                format!("最多{}次", g.visits)
            } else {
                format!("at most {}", g.visits)
            }],
        ),
        (
            l("收费标准及依据", "Fees and their basis"),
            if g.fees.free {
                vec![l("不收费", "free of charge").into()]
            } else {
                g.fees
                    .items
                    .iter()
                    .map(|f| {
                        if zh {
                            format!("{}：{}（依据：{}）", f.name, f.standard, f.basis)
                        } else {
                            format!("{}: {} (basis: {})", f.name, f.standard, f.basis)
                        }
                    })
                    .collect()
            },
        ),
        (l("办理结果", "Result"), vec![g.result.clone()]),
        (l("办理地点", "Place"), vec![g.place.clone()]),
        (l("办理时间", "Hours"), vec![g.hours.clone()]),
        (l("申请方式", "How to apply"), g.how_to_apply.clone()),
        (l("咨询电话", "Enquiries"), vec![g.enquiry.clone()]),
        (l("监督投诉电话", "Complaints"), vec![g.complaint.clone()]),
        (
            l("指南版本", "Guide version"),
            vec![if zh {
                format!(
                    "{}（{}，{}起施行）",
                    c.version, c.document, c.effective_from
                )
            } else {
                format!(
                    "{} ({}, in force from {})",
                    c.version, c.document, c.effective_from
                )
            }],
        ),
    ]);
    out
}

fn title(g: &Guide, lang: Lang) -> String {
    match lang {
        Lang::Zh => g.item.name_zh.clone(),
        Lang::En => g.item.name.clone(),
    }
}

/// HTML-escapes text.
///
/// ```
/// use efficiency_core::guide::escape_html;
/// assert_eq!(escape_html(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
/// ```
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// A guide rendered in a format and language.
///
/// ```
/// use efficiency_core::guide::GuideCatalogue;
/// let guides = GuideCatalogue::sample();
/// let guide = guides.guide("civil.social_org_registration").expect("published");
/// use efficiency_core::guide::{render, Lang, RenderFormat};
/// let json = render(guide, &guides, RenderFormat::Json, Lang::Zh);
/// assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
/// ```
pub fn render(g: &Guide, c: &GuideCatalogue, format: RenderFormat, lang: Lang) -> String {
    match format {
        RenderFormat::Json => serde_json::to_string_pretty(g).expect("a guide serialises"),
        RenderFormat::Markdown => {
            let (field, content) = match lang {
                Lang::Zh => ("项目", "内容"),
                Lang::En => ("Field", "Content"),
            };
            let mut s = format!(
                "# {}\n\n| {field} | {content} |\n|---|---|\n",
                md_cell(&title(g, lang))
            );
            for (label, values) in rows(g, c, lang) {
                let text = if values.len() == 1 {
                    md_cell(&values[0])
                } else {
                    values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| format!("{}. {}", i + 1, md_cell(v)))
                        .collect::<Vec<_>>()
                        .join("<br>")
                };
                s.push_str(&format!("| {label} | {text} |\n"));
            }
            s
        }
        RenderFormat::Html => {
            let lang_attr = match lang {
                Lang::Zh => "zh-CN",
                Lang::En => "en",
            };
            let mut s = format!(
                "<article class=\"guide\" lang=\"{lang_attr}\" data-item=\"{}\">\n<h1>{}</h1>\n<dl>\n",
                escape_html(&g.item.code),
                escape_html(&title(g, lang))
            );
            for (label, values) in rows(g, c, lang) {
                s.push_str(&format!("<dt>{}</dt>", escape_html(label)));
                if values.len() == 1 {
                    s.push_str(&format!("<dd>{}</dd>\n", escape_html(&values[0])));
                } else {
                    s.push_str("<dd><ol>");
                    for v in values {
                        s.push_str(&format!("<li>{}</li>", escape_html(&v)));
                    }
                    s.push_str("</ol></dd>\n");
                }
            }
            s.push_str("</dl>\n</article>\n");
            s
        }
    }
}
