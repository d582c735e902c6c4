//! The native CLI as others use it from outside: `gongji eval`, the data commands, exit codes.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn gongji(args: &[&str], stdin: Option<&str>) -> (i32, Value) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongji"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run gongji");
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), json)
}

#[test]
fn eval_prints_the_spec_example_result() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/spec_example.json");
    let (code, out) = gongji(&["eval", path], None);
    assert_eq!(code, 0);
    assert_eq!(out["balances"], serde_json::json!({"me": "2550.00", "mom": "0.00"}));
    assert_eq!(out["quotas"], serde_json::json!({"me->kid": "500.00"}));
    let steps = &out["results"][0]["steps"];
    let amounts: Vec<&str> = steps.as_array().unwrap().iter().map(|s| s["amount"].as_str().unwrap()).collect();
    assert_eq!(amounts, ["300.00", "150.00", "150.00", "0.00"]);
    assert_eq!(steps[2]["balance_before"], "2700.00");
    assert_eq!(out["results"][1]["verdict"], "self_pay");
    assert_eq!(out["results"][1]["reasons"][0]["code"], "cosmetic_not_covered");
    assert!(out["results"][2]["reasons"].as_array().unwrap().iter().any(|r| r["code"] == "not_bound"));
}

#[test]
fn bad_input_prints_the_error_and_exits_1() {
    let (code, out) = gongji(&["eval", "-"], Some(r#"{"as_of":"2026-11-23","region":"national","members":[{"id":"a","relation":"self","insurance":"employee","balance":-1}]}"#));
    assert_eq!(code, 1);
    assert_eq!(out["error"]["code"], "invalid_amount");
    assert_eq!(out["error"]["field"], "members[0].balance");
    let (code, out) = gongji(&["eval", "-"], Some("{not json"));
    assert_eq!(code, 1);
    assert_eq!(out["error"]["code"], "invalid_json");
    let (code, _) = gongji(&["eval", "/nonexistent/file.json"], None);
    assert_eq!(code, 2);
    let (code, _) = gongji(&["frobnicate"], None);
    assert_eq!(code, 2);
}

#[test]
fn data_commands_print_the_tables() {
    let (code, items) = gongji(&["catalogue"], None);
    assert_eq!(code, 0);
    assert!(items.as_array().unwrap().len() >= 24);
    let (_, rules) = gongji(&["rules"], None);
    assert!(rules.as_array().unwrap().iter().any(|r| r["id"] == "R-XPROV" && r["effective"] == "2026-01-09"));
    let (_, regions) = gongji(&["regions"], None);
    assert!(regions.as_array().unwrap().iter().any(|r| r["id"] == "national"));
    let (_, credit) = gongji(&["credit", "-"], Some(r#"{"status":"employee","contribution_base":"6000"}"#));
    assert_eq!(credit["monthly"], "120.00");
}
