//! The sample bureau shipped as files (`data/bureau/`): the generated year written out as a
//! bureau would bring its own, so the README's run command reviews files, not a generator.
//! The files are the generator's output exactly; `UPDATE_SAMPLE=1 cargo test -p efficiency-core
//! --test sample_bureau` rewrites them after a change to the generator.

use efficiency_core::bureau::Bureau;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/bureau");

fn generated() -> Vec<(&'static str, String)> {
    let input = efficiency_core::review::sample_year(2026, 400, 2026).unwrap();
    let mut cases = input.case_lines.join("\n");
    cases.push('\n');
    let pretty = |v: &dyn erased::Json| v.json();
    vec![
        (
            "organisation.json",
            efficiency_core::org::SAMPLE_ORGANISATION_JSON.to_string(),
        ),
        ("cases.jsonl", cases),
        ("activity.json", pretty(&input.activity)),
        ("year.json", pretty(&input.records)),
    ]
}

mod erased {
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            let mut s = serde_json::to_string_pretty(self).unwrap();
            s.push('\n');
            s
        }
    }
}

#[test]
fn the_shipped_files_are_the_generated_year() {
    let files = generated();
    if std::env::var_os("UPDATE_SAMPLE").is_some() {
        for (name, text) in &files {
            std::fs::write(format!("{DIR}/{name}"), text).unwrap();
        }
    }
    for (name, text) in &files {
        let shipped = std::fs::read_to_string(format!("{DIR}/{name}")).unwrap();
        assert!(
            shipped == *text,
            "data/bureau/{name} differs from the generator; run UPDATE_SAMPLE=1 cargo test -p efficiency-core --test sample_bureau"
        );
    }
}

#[test]
fn the_shipped_files_give_the_generated_review() {
    let files = efficiency_core::bureau::SAMPLE_BUREAU_FILES;
    let from_files = Bureau::from_files(files).unwrap().review(2026).unwrap();
    let generated = Bureau::sample(2026, 400, 2026)
        .unwrap()
        .review(2026)
        .unwrap();
    assert_eq!(
        serde_json::to_value(&from_files).unwrap(),
        serde_json::to_value(&generated).unwrap()
    );
}

/// The sample bundle's annual review report, in both languages, as the bytes every language
/// must produce (`tests/vectors/report/`; Python and JS compare their own output with them).
#[test]
fn the_report_is_the_same_bytes_everywhere() {
    use efficiency_core::guide::Lang;
    let bureau = Bureau::from_files(efficiency_core::bureau::SAMPLE_BUREAU_FILES).unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/report");
    for (lang, name) in [
        (Lang::Zh, "sample-2026.zh.html"),
        (Lang::En, "sample-2026.en.html"),
    ] {
        let html = bureau.review_report(2026, lang).unwrap();
        let path = format!("{dir}/{name}");
        if std::env::var_os("UPDATE_SAMPLE").is_some() {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(&path, &html).unwrap();
        }
        let want = std::fs::read_to_string(&path).unwrap();
        assert!(html == want, "{name} differs; run UPDATE_SAMPLE=1 cargo test -p efficiency-core --test sample_bureau");
        // Self-contained: no script, no external resource.
        assert!(
            !html.contains("<script") && !html.contains("http://") && !html.contains("https://")
        );
    }
    // The workbook the office forwards: the same bytes whenever and wherever it is written.
    for (lang, name) in [
        (Lang::Zh, "sample-2026.zh.xlsx"),
        (Lang::En, "sample-2026.en.xlsx"),
    ] {
        let xlsx = bureau.review_workbook(2026, lang).unwrap();
        let path = format!("{dir}/{name}");
        if std::env::var_os("UPDATE_SAMPLE").is_some() {
            std::fs::write(&path, &xlsx).unwrap();
        }
        let want = std::fs::read(&path).unwrap();
        assert!(xlsx == want, "{name} differs; run UPDATE_SAMPLE=1 cargo test -p efficiency-core --test sample_bureau");
        assert_eq!(xlsx, bureau.review_workbook(2026, lang).unwrap());
    }
}
