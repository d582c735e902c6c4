//! Golden cases: `tests/golden/*.json`, each `{"description", "rules", "input", "expected"}`,
//! and optionally `"kind"`: `evaluate` (the default), `advise`, `withdrawal` or `credit`.
//!
//! Every case file is its own test, named for the file (`item_dental_filling.json` →
//! `item_dental_filling`): it runs through the same entry point as the CLI (`run_json`) and must
//! produce `expected` exactly, and its output must cite every rule the case says it shows.
//!
//!     cargo test --test golden                                   # every case
//!     cargo test --test golden -- item_dental                    # the cases whose name contains it
//!     cargo test --test golden -- --exact item_dental_filling    # one case
//!     cargo test --test golden -- --list                         # the names
//!     GONGJI_BLESS=1 cargo test --test golden -- item_dental     # re-record those cases only
//!
//! A failure names the file and lists the first JSON paths where the output differs. To record a
//! new case, write its `input` and `"expected": null` and bless it by name; then *read* the
//! recorded output before committing: a golden case is only as good as the review of its
//! expected output. Unblessed, a case without `expected` fails.
//!
//! A `harness = false` test on libtest-mimic (Cargo.toml): the cases are found when the test
//! runs, so adding or re-recording one rebuilds nothing, and the filters, `--exact`, `--list` and
//! the summary line are libtest's.

#[path = "support/json_diff.rs"]
mod json_diff;

use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// How many differing paths a failure lists.
const SHOWN: usize = 12;

fn main() {
    let args = Arguments::from_args();
    let bless = std::env::var("GONGJI_BLESS").is_ok_and(|v| !v.is_empty() && v != "0");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let files = cases(&dir);
    let count = files.len();
    let blessed = Arc::new(Mutex::new(Vec::<String>::new()));

    let mut trials = vec![Trial::test("golden_set::at_least_40_cases", move || {
        if count >= 40 {
            Ok(())
        } else {
            Err(format!("expected at least 40 golden cases in tests/golden, found {count}").into())
        }
    })];
    trials.extend(self_tests());
    for path in files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let blessed = Arc::clone(&blessed);
        trials.push(Trial::test(name, move || {
            let shown = format!("tests/golden/{}", path.file_name().unwrap().to_string_lossy());
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{shown}: {e}"))?;
            match check(&shown, &text, bless)? {
                Some(new) if new != text => {
                    std::fs::write(&path, new).map_err(|e| format!("{shown}: {e}"))?;
                    blessed.lock().unwrap().push(shown);
                    Ok(())
                }
                _ => Ok(()),
            }
        }));
    }

    let conclusion = libtest_mimic::run(&args, trials);
    if bless && !args.list {
        let mut names = blessed.lock().unwrap().clone();
        names.sort();
        match names.len() {
            0 => println!("GONGJI_BLESS: no case file changed"),
            n => println!(
                "GONGJI_BLESS: re-recorded {n} case file(s); read each before committing (git diff tests/golden):\n  {}",
                names.join("\n  ")
            ),
        }
    }
    conclusion.exit();
}

/// `tests/golden/*.json`, in file-name order.
fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// One case file's text, checked. Blessing, `Ok(Some(text))` is the file with the output recorded
/// as `expected` (the caller writes it when it differs); otherwise `Ok(None)`. `Err` names the
/// file (`shown`) and what is wrong; blessing too, when the case lacks a description or rules or
/// its output does not cite one of them (nothing is then recorded).
fn check(shown: &str, text: &str, bless: bool) -> Result<Option<String>, Failed> {
    let mut case: Value = serde_json::from_str(text).map_err(|e| format!("{shown}: not JSON: {e}"))?;
    if !case["description"].as_str().is_some_and(|d| !d.is_empty()) {
        return Err(format!("{shown}: needs a description").into());
    }
    let Some(rules) = case["rules"].as_array().filter(|r| !r.is_empty()).cloned() else {
        return Err(format!("{shown}: needs the rules it shows").into());
    };
    let input = serde_json::to_string(&case["input"]).unwrap();
    let kind = case["kind"].as_str().unwrap_or("evaluate");
    let (output, _ok) = gongji::run_json(kind, &input).ok_or_else(|| format!("{shown}: unknown kind {kind}"))?;
    let got: Value = serde_json::from_str(&output).map_err(|e| format!("{shown}: the output is not JSON: {e}"))?;

    let blessed = if bless {
        case["expected"] = got;
        Some(serde_json::to_string_pretty(&case).unwrap() + "\n")
    } else if case["expected"].is_null() {
        let name = shown.trim_start_matches("tests/golden/").trim_end_matches(".json");
        return Err(format!(
            "{shown}: no expected output recorded yet (\"expected\": null). Record it with\n  \
             GONGJI_BLESS=1 cargo test --test golden -- --exact {name}\nand read it before committing."
        )
        .into());
    } else if case["expected"] != got {
        let name = shown.trim_start_matches("tests/golden/").trim_end_matches(".json");
        return Err(format!(
            "{shown}: the output differs from \"expected\" at {} place(s):\n{}\
             If the new output is right: GONGJI_BLESS=1 cargo test --test golden -- --exact {name}\n\
             and read `git diff {shown}` before committing.",
            json_diff::diff(&case["expected"], &got).len(),
            json_diff::report(&case["expected"], &got, SHOWN)
        )
        .into());
    } else {
        None
    };
    // Every rule the case says it shows must be cited somewhere in its output.
    for rule in &rules {
        let r = rule.as_str().ok_or_else(|| format!("{shown}: rules must be strings, found {rule}"))?;
        if r != "input" && !output.contains(&format!("\"{r}\"")) {
            return Err(format!("{shown}: the output never cites {r}").into());
        }
    }
    Ok(blessed)
}

/// The harness's own checks (named `harness::…`, so a case-name filter leaves them out).
fn self_tests() -> Vec<Trial> {
    let case = |expected: Value| {
        json!({
            "description": "SPEC §7 example",
            "rules": ["R-ORDER"],
            "input": serde_json::from_str::<Value>(include_str!("../examples/spec_example.json")).unwrap(),
            "expected": expected,
        })
        .to_string()
    };
    let message = |r: Result<Option<String>, Failed>| r.err().and_then(|f| f.message().map(str::to_string));
    vec![
        Trial::test("harness::unrecorded_case_fails_naming_its_file", move || {
            let m = message(check("tests/golden/new_case.json", &case(Value::Null), false)).unwrap_or_default();
            if m.starts_with("tests/golden/new_case.json: no expected output") && m.contains("-- --exact new_case") {
                Ok(())
            } else {
                Err(format!("unexpected message: {m:?}").into())
            }
        }),
        Trial::test("harness::blessing_records_the_output", move || {
            let text = check("tests/golden/new_case.json", &case(Value::Null), true)?.ok_or("nothing recorded")?;
            let recorded: Value = serde_json::from_str(&text).unwrap();
            check("tests/golden/new_case.json", &text, false)?;
            match recorded["expected"]["balances"]["me"].as_str() {
                Some("2550.00") => Ok(()),
                _ => Err(format!("recorded {}", recorded["expected"]).into()),
            }
        }),
        Trial::test("harness::a_difference_names_its_path", move || {
            let text = check("tests/golden/c.json", &case(Value::Null), true)?.unwrap();
            let mut wrong: Value = serde_json::from_str(&text).unwrap();
            wrong["expected"]["balances"]["me"] = json!("1.00");
            let m = message(check("tests/golden/c.json", &wrong.to_string(), false)).unwrap_or_default();
            if m.starts_with("tests/golden/c.json: the output differs from \"expected\" at 1 place(s):\n  balances.me\n")
                && m.contains("expected: \"1.00\"")
                && m.contains("got:      \"2550.00\"")
            {
                Ok(())
            } else {
                Err(format!("unexpected message: {m}").into())
            }
        }),
        Trial::test("harness::json_diff_aligns_arrays", || {
            let e = json!({"steps": [{"a": 1}, {"a": 2}, {"a": 3}], "q": {"me->kid": "1.00"}});
            let a = json!({"steps": [{"a": 1}, {"a": 9}, {"a": 2}, {"a": 3}], "q": {"me->kid": "2.00"}, "n": 1});
            let mut got: Vec<(String, Option<Value>, Option<Value>)> =
                json_diff::diff(&e, &a).into_iter().map(|d| (d.path, d.expected, d.actual)).collect();
            got.sort_by(|x, y| x.0.cmp(&y.0));
            let want = vec![
                ("n".to_string(), None, Some(json!(1))),
                ("q[\"me->kid\"]".to_string(), Some(json!("1.00")), Some(json!("2.00"))),
                ("steps[1]".to_string(), None, Some(json!({"a": 9}))),
            ];
            if got == want {
                Ok(())
            } else {
                Err(format!("{got:?}").into())
            }
        }),
    ]
}
