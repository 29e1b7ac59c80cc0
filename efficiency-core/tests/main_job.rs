//! The README's first command, `cargo run -q -p efficiency-core --example review`, runs the main
//! job on the embedded sample bureau and prints what the README says: in Chinese by default, in
//! English with `--lang en`. (`cargo test` builds the examples; this runs the one it built.)

use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> PathBuf {
    // target/<profile>/deps/main_job-… → target/<profile>/examples/<name>
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap().join("examples");
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} was not built (cargo test builds the examples)",
        path.display()
    );
    path
}

fn run(args: &[&str]) -> String {
    let out = Command::new(example("review")).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "review {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_main_job_prints_the_year_in_chinese_and_in_english() {
    let zh = run(&[]);
    for part in [
        "2026年10月30日届满（受理后第20个工作日",
        "2026年度行政效能评估",
        "某市民政局（示例民政局的文件",
        "一、各科室效能指标",
        "二、发现的问题",
        "三、责任追究",
        "四、目标考核",
        "五、2026年行政效能建设活动",
        "延期由分管领导于2026年10月27日 16:00批准，依规应由机关主要负责人批准",
    ] {
        assert!(zh.contains(part), "the Chinese run lacks {part:?}");
    }
    let en = run(&["--lang", "en"]);
    for part in [
        "due 2026-10-30 (the 20th workday after acceptance",
        "ANNUAL REVIEW 2026",
        "1. Metrics per unit",
        "4. Scorecards",
    ] {
        assert!(en.contains(part), "the English run lacks {part:?}");
    }
    let bad = Command::new(example("review"))
        .args(["--lang", "fr"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
}
