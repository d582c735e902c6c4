//! Golden cases: `tests/golden/*.json`, each `{"description", "rules", "input", "expected"}`,
//! and optionally `"kind"`: `evaluate` (the default), `advise`, `withdrawal` or `credit`.
//!
//! Every case runs through the same entry point as the CLI (`evaluate_json`) and must produce
//! `expected` exactly. To record a new case, write its `input` and `"expected": null`, run
//! `GONGJI_BLESS=1 cargo test --test golden`, then *read* the recorded output before committing:
//! a golden case is only as good as the review of its expected output.

use serde_json::Value;
use std::path::PathBuf;

fn cases() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/golden exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn golden_cases_match() {
    let bless = std::env::var_os("GONGJI_BLESS").is_some();
    let files = cases();
    assert!(files.len() >= 40, "expected at least 40 golden cases, found {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("readable case");
        let mut case: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(case["description"].as_str().is_some_and(|d| !d.is_empty()), "{name}: needs a description");
        assert!(case["rules"].as_array().is_some_and(|r| !r.is_empty()), "{name}: needs the rules it shows");
        let input = serde_json::to_string(&case["input"]).unwrap();
        let kind = case["kind"].as_str().unwrap_or("evaluate");
        let (output, _ok) = gongji::run_json(kind, &input).unwrap_or_else(|| panic!("{name}: unknown kind {kind}"));
        let got: Value = serde_json::from_str(&output).unwrap();
        if bless {
            case["expected"] = got;
            std::fs::write(path, serde_json::to_string_pretty(&case).unwrap() + "\n").unwrap();
        } else if case["expected"] != got {
            failures.push(format!("{name}\n  expected: {}\n  got:      {}", case["expected"], got));
        }
        // Every rule the case says it shows must be cited somewhere in its output.
        if !bless {
            for rule in case["rules"].as_array().unwrap() {
                let r = rule.as_str().unwrap();
                assert!(output.contains(&format!("\"{r}\"")) || r == "input", "{name}: output never cites {r}");
            }
        }
    }
    assert!(failures.is_empty(), "{} golden case(s) differ:\n{}", failures.len(), failures.join("\n"));
}
