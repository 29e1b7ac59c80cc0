//! The floors of the core (ARCHITECTURE.md, "Floors"): a module may use only modules on lower
//! floors. This test reads every source file (comments, doc comments and test modules left out)
//! and fails on an import the map does not allow, naming the file and the path.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The floors, lowest first. ARCHITECTURE.md shows the same table (checked below when the file
/// is there, i.e. outside the packaged crate).
const FLOORS: &[(&str, &[&str])] = &[
    ("ground", &["date", "json", "hash", "limits", "names"]),
    ("codes", &["error", "catalog"]),
    ("messages", &["messages"]),
    ("the boundary", &["boundary"]),
    ("days", &["calendar"]),
    ("clocks", &["clock"]),
    ("items", &["item"]),
    ("cases", &["case"]),
    ("people", &["org"]),
    ("answers and texts", &["accountability", "mask", "guide"]),
    ("records", &["disclosure", "campaign"]),
    ("a period", &["activity", "supervision"]),
    ("scores", &["assessment"]),
    ("the year", &["review"]),
    ("the report", &["report"]),
    ("a bureau's files", &["bureau"]),
];

fn floor_of() -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for (i, (_, mods)) in FLOORS.iter().enumerate() {
        for md in *mods {
            assert!(m.insert(*md, i).is_none(), "{md} is on two floors");
        }
    }
    m
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without comments and without its test modules (a `#[cfg(test)]` item runs
/// to the end of the file in this crate; files that are test modules are left out whole).
fn code(text: &str) -> String {
    let body = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    };
    body.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a piece of code names through `crate::` (also inside `use crate::{…}`).
fn imports(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let end = group
                .find("};")
                .or_else(|| group.find('}'))
                .unwrap_or(group.len());
            let mut depth = 0;
            let mut item = String::new();
            for ch in group[..end].chars().chain([',']) {
                match ch {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        let name: String = item
                            .trim()
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                            .collect();
                        if !name.is_empty() {
                            out.push(name);
                        }
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(ch);
            }
        } else {
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
        rest = after;
    }
    out
}

#[test]
fn no_module_imports_from_its_own_floor_or_above() {
    let floors = floor_of();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut wrong = Vec::new();
    for path in &all {
        let rel = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "lib.rs" || rel.ends_with("/tests.rs") {
            continue; // the crate root declares every module; test modules may use anything
        }
        let module = rel.split('/').next().unwrap().trim_end_matches(".rs");
        let Some(&mine) = floors.get(module) else {
            panic!(
                "src/{rel}: module {module} is on no floor (add it to FLOORS and ARCHITECTURE.md)"
            );
        };
        let text = std::fs::read_to_string(path).unwrap();
        for used in imports(&code(&text)) {
            if used == module {
                continue;
            }
            match floors.get(used.as_str()) {
                Some(&theirs) if theirs < mine => {}
                Some(&theirs) => wrong.push(format!(
                    "src/{rel}: {module} (floor {mine}, {}) uses {used} (floor {theirs}, {})",
                    FLOORS[mine].0, FLOORS[theirs].0
                )),
                None => wrong.push(format!("src/{rel}: uses crate::{used}, on no floor")),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports the floors do not allow:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_architecture_map_shows_these_floors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ARCHITECTURE.md");
    let Ok(map) = std::fs::read_to_string(path) else {
        return; // the packaged crate has no ARCHITECTURE.md
    };
    for (i, (name, mods)) in FLOORS.iter().enumerate() {
        let row = format!(
            "| {i} | {name} | {} |",
            mods.iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        assert!(
            map.contains(&row),
            "ARCHITECTURE.md lacks the floor row {row}"
        );
    }
}

#[test]
fn the_parser_sees_grouped_and_plain_imports() {
    let c = code("use crate::{calendar::Calendar, clock::{Level, TimeLimit}};\nlet x = crate::org::f(); // crate::bureau\n#[cfg(test)]\nuse crate::review;");
    assert_eq!(imports(&c), ["calendar", "clock", "org"]);
}
