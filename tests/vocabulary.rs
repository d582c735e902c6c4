//! One vocabulary per concept (issue 16): reason codes, next-step codes, answers, verdicts and
//! rule ids live in the engine (`gongji::output::*`, `data/rules.json`). This test fails when a
//! golden case, the engine's source or the page names one the engine does not know.

use gongji::output::{ANSWERS, NEXT_STEP_CODES, REASON_CODES, VERDICTS};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            if !p.ends_with("pkg") {
                files(&p, ext, out);
            }
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rule_ids() -> Vec<String> {
    gongji::data::rules().iter().map(|r| r.id.to_string()).collect()
}

fn walk(v: &Value, path: &str, bad: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let here = format!("{path}.{k}");
                if let Value::String(s) = x {
                    let ok = match (k.as_str(), path.rsplit('.').next().unwrap_or("")) {
                        ("code", p) if p.starts_with("next_steps") => NEXT_STEP_CODES.contains(&s.as_str()),
                        ("code", p) if p.starts_with("error") => true,
                        ("code", _) => REASON_CODES.contains(&s.as_str()),
                        ("answer", p) if !p.starts_with("results") && path != "$" => true,
                        ("answer", _) if path.contains("results") => ANSWERS.contains(&s.as_str()),
                        ("verdict", _) => VERDICTS.contains(&s.as_str()),
                        ("rule", _) => rule_ids().contains(s),
                        _ => true,
                    };
                    if !ok {
                        bad.push(format!("{here} = {s}"));
                    }
                }
                walk(x, &here, bad);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(x, &format!("{path}[{i}]"), bad);
            }
        }
        _ => {}
    }
}

#[test]
fn golden_outputs_use_only_known_codes() {
    let mut list = Vec::new();
    files(&root().join("tests/golden"), "json", &mut list);
    let mut bad = Vec::new();
    for f in &list {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        if case["kind"].as_str().unwrap_or("evaluate") == "evaluate" {
            let mut here = Vec::new();
            walk(&case["expected"], "$", &mut here);
            bad.extend(here.into_iter().map(|b| format!("{}: {b}", f.display())));
        }
    }
    assert!(bad.is_empty(), "unknown codes:\n{}", bad.join("\n"));
}

#[test]
fn the_engine_cites_rules_only_through_rule_id() {
    let mut list = Vec::new();
    files(&root().join("src"), "rs", &mut list);
    for f in list.iter().filter(|f| !f.starts_with(root().join("src/data"))) {
        let text = std::fs::read_to_string(f).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        assert!(!code.contains("\"R-"), "{}: cite rules as rule_id::R_… (generated from data/rules.json)", f.display());
    }
}

#[test]
fn the_page_names_only_codes_the_engine_knows() {
    // Literals the page compares with an answer, a verdict or a code: `=== 'x'`, `case 'x'` and
    // keys of the page's label tables (`x: '…'`) that look like codes.
    let mut list = Vec::new();
    files(&root().join("www"), "js", &mut list);
    let known: Vec<&str> = REASON_CODES
        .iter()
        .chain(NEXT_STEP_CODES)
        .chain(ANSWERS)
        .chain(VERDICTS)
        .chain(gongji::withdrawal::ANSWERS)
        .chain(gongji::error::ErrorCode::TEXTS) // (the page reads an error's code: a missing balance)
        .copied()
        .collect();
    let mut bad = Vec::new();
    for f in &list {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            for marker in [".answer === '", ".verdict === '", ".code === '", "answer === '", "verdict === '"] {
                let mut rest = line;
                while let Some(at) = rest.find(marker) {
                    let tail = &rest[at + marker.len()..];
                    let word: String = tail.chars().take_while(|c| *c != '\'').collect();
                    if !known.contains(&word.as_str()) && word != "error" {
                        bad.push(format!("{}:{}: {word}", f.display(), i + 1));
                    }
                    rest = tail;
                }
            }
            if line.contains("'R-") {
                bad.push(format!("{}:{}: a rule id in the page (show the document name from rules())", f.display(), i + 1));
            }
        }
    }
    assert!(bad.is_empty(), "the page names codes the engine does not know:\n{}", bad.join("\n"));
}

/// Every vocabulary of the engine, as the README lists it between its `codes` markers.
fn codes_block() -> String {
    use gongji::codes::{AnswerKind, DistanceCode, MayPay, NextStepCode, ReasonCode, Verdict};
    use gongji::error::ErrorCode;
    let list = |texts: &[&str]| texts.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ");
    format!(
        "<!-- codes: generated from src/codes.rs and src/error.rs by tests/vocabulary.rs (GONGJI_BLESS=1 cargo test --test vocabulary rewrites it) -->\n\
         | field | values |\n|---|---|\n\
         | `answer` | {} |\n| `verdict` | {} |\n| `payers[].may_pay` | {} |\n| `payers[].distance` | {} |\n\
         | reason `code` (`reasons`, `ineligible_sharers`, `payers`) | {} |\n| `next_steps[].code` | {} |\n\
         | `error.code` | {} |\n<!-- codes: end -->",
        list(AnswerKind::TEXTS),
        list(Verdict::TEXTS),
        list(MayPay::TEXTS),
        list(DistanceCode::TEXTS),
        list(ReasonCode::TEXTS),
        list(NextStepCode::TEXTS),
        list(ErrorCode::TEXTS),
    )
}

/// The README's table of codes is the engine's (issue 24 item 2): regenerated with
/// `GONGJI_BLESS=1 cargo test --test vocabulary`, checked otherwise.
#[test]
fn the_readme_lists_every_code() {
    let path = root().join("README.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("<!-- codes: generated").expect("README has the codes block");
    let end = text.find("<!-- codes: end -->").expect("README has the end of the codes block") + "<!-- codes: end -->".len();
    let want = codes_block();
    if std::env::var("GONGJI_BLESS").is_ok_and(|v| !v.is_empty() && v != "0") {
        std::fs::write(&path, format!("{}{}{}", &text[..start], want, &text[end..])).unwrap();
    } else {
        assert_eq!(&text[start..end], want, "README's codes block is stale: GONGJI_BLESS=1 cargo test --test vocabulary");
    }
}

/// The package's TypeScript unions hold exactly the engine's values (issue 24 item 2).
#[test]
fn the_types_list_every_code() {
    use gongji::codes::{AnswerKind, DistanceCode, MayPay, NextStepCode, ReasonCode, Verdict};
    use gongji::error::ErrorCode;
    let dts = std::fs::read_to_string(root().join("crates/gongji-wasm/pkg/gongji.d.ts")).unwrap();
    let union = |name: &str| -> Vec<String> {
        let at = dts.find(&format!("export type {name} =")).unwrap_or_else(|| panic!("gongji.d.ts has no type {name}"));
        let body = &dts[at..at + dts[at..].find(';').unwrap()];
        let mut v: Vec<String> = body.split('\'').skip(1).step_by(2).map(str::to_string).collect();
        v.sort();
        v
    };
    let sorted = |texts: &[&str]| {
        let mut v: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        v.sort();
        v
    };
    for (name, texts) in [
        ("Answer", AnswerKind::TEXTS),
        ("Verdict", Verdict::TEXTS),
        ("MayPay", MayPay::TEXTS),
        ("Distance", DistanceCode::TEXTS),
        ("ReasonCode", ReasonCode::TEXTS),
        ("NextStepCode", NextStepCode::TEXTS),
        ("ErrorCode", ErrorCode::TEXTS),
    ] {
        assert_eq!(union(name), sorted(texts), "gongji.d.ts type {name} differs from the engine's list");
    }
}
