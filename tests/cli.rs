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
    let (code, out) = gongji(
        &["eval", "-"],
        Some(
            r#"{"as_of":"2026-11-23","region":"national","members":[{"id":"a","relation":"self","insurance":"employee","balance":-1}]}"#,
        ),
    );
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

/// Runs gongji with raw bytes on stdin; (status, stdout, stderr).
fn gongji_raw(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongji"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gongji");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    // Writing may fail once gongji has read all it wants and closed stdin.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn help_and_version_as_a_unix_tool() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let (code, out, _) = gongji_raw(args, b"");
        assert_eq!(code, 0, "{args:?}");
        assert!(out.contains("gongji eval FILE|-") && out.contains("gongji relations"), "{out}");
    }
    let (code, out, _) = gongji_raw(&["--version"], b"");
    assert_eq!(code, 0);
    assert!(out.starts_with(&format!("gongji {}", env!("CARGO_PKG_VERSION"))), "{out}");
    let (code, out, _) = gongji_raw(&["eval", "--help"], b"");
    assert_eq!(code, 0);
    assert!(out.starts_with("usage: gongji eval FILE|-") && out.lines().count() == 1, "{out}");
    let (code, _, err) = gongji_raw(&["frobnicate", "--help"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("usage:"));
}

#[test]
fn input_bytes_bom_utf8_and_size() {
    let credit = br#"{"status":"employee","contribution_base":"6000"}"#;
    // A UTF-8 byte order mark (Windows Notepad) is skipped.
    let (code, out, _) = gongji_raw(&["credit", "-"], &[b"\xEF\xBB\xBF".as_slice(), credit].concat());
    assert_eq!(code, 0, "{out}");
    // Not UTF-8: the JSON error object, with where.
    let (code, out, _) = gongji_raw(&["credit", "-"], b"{\"status\":\"\xFF\"}");
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["error"]["code"].as_str(), v["error"]["field"].as_str()), (Some("invalid_json"), Some("")), "{v}");
    assert!(
        v["error"]["message"].as_str().unwrap().contains("UTF-8")
            && v["error"]["message"].as_str().unwrap().contains("第1行第12列"),
        "{v}"
    );
    // Bad JSON: the Chinese message gives line and column too.
    let (_, out, _) = gongji_raw(&["eval", "-"], b"{\n  \"as_of\": tru\n}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v["error"]["message"].as_str().unwrap().contains("第2行第12列"), "{v}");
    // More than the limit: refused after reading just past it (not the whole stream).
    let big = vec![b' '; gongji::limits::INPUT_BYTES + 5_000_000];
    let (code, out, _) = gongji_raw(&["eval", "-"], &big);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["error"]["code"], "input_too_large");
}

#[test]
fn a_closed_pipe_or_a_full_disk_is_not_a_crash() {
    // The reader goes away after a few bytes: a quiet stop with SIGPIPE's status, no panic.
    let scenario = r#"{"as_of":"2026-11-23","region":"national","members":[{"id":"me","relation":"self","insurance":"employee","balance":"1"}],"expenses":[EXP]}"#.replace(
        "EXP",
        &vec![r#"{"patient":"me","item":"outpatient_visit","venue":"designated_hospital","personal_burden":"10.00","card":"own"}"#; 1000].join(","),
    );
    let path = std::env::temp_dir().join(format!("gongji-cli-pipe-{}.json", std::process::id()));
    std::fs::write(&path, scenario).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongji"))
        .args(["eval", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    std::fs::remove_file(&path).ok();
    assert_eq!(out.status.code(), Some(141));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    // A full disk: a message on stderr and status 2.
    if let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") {
        let out = Command::new(env!("CARGO_BIN_EXE_gongji")).arg("catalogue").stdout(full).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn relations_lists_what_via_may_name() {
    let (code, list) = gongji(&["relations"], None);
    assert_eq!(code, 0);
    let uncle = list.as_array().unwrap().iter().find(|r| r["id"] == "uncle").unwrap();
    assert_eq!(uncle["name"], "叔伯/舅舅");
    assert!(uncle["via"].as_array().unwrap().iter().any(|v| v == "father"));
}

/// A file name that is not UTF-8 (a GBK name on Linux) is read like any other, never a panic.
#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("gongji-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // "福州.json" in GBK.
    let name = std::ffi::OsStr::from_bytes(b"\xb8\xa3\xd6\xdd.json");
    let path = dir.join(name);
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/spec_example.json"), &path).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gongji")).arg("eval").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(serde_json::from_slice::<Value>(&out.stdout).unwrap()["results"].is_array());
    // A missing one is a clear error naming it, status 2.
    let missing = dir.join(std::ffi::OsStr::from_bytes(b"\xff.json"));
    let out = Command::new(env!("CARGO_BIN_EXE_gongji")).arg("eval").arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    // A command that is not text is a usage error, not a panic.
    let out = Command::new(env!("CARGO_BIN_EXE_gongji")).arg(std::ffi::OsStr::from_bytes(b"\xff")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `gongji eval file >&-`: the answer cannot be written, so the status says so (2), as it does
/// for a full disk — never 0 with the answer lost.
#[cfg(target_os = "linux")]
#[test]
fn a_closed_stdout_is_a_write_error() {
    let script = format!(
        "'{}' eval '{}' >&-",
        env!("CARGO_BIN_EXE_gongji"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/spec_example.json")
    );
    let out = Command::new("sh").arg("-c").arg(&script).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard output is closed"));
    // Sent to /dev/null on purpose: fine.
    let script = script.replace(">&-", "> /dev/null");
    let out = Command::new("sh").arg("-c").arg(&script).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}
