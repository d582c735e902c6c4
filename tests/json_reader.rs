//! The engine's own JSON reader (src/json.rs) against serde_json, the reference: on random
//! documents, mutated documents and random text, both accept exactly the same texts and read
//! the same values (except number literals beyond the range of f64, which the reader keeps as
//! digits for the field to refuse); and every refusal of a typed field names its path.

use gongji::json::{self, Json};
use proptest::prelude::*;
use serde_json::Value;

/// The reader's tree as a serde_json value (number literals read by serde_json itself), so the
/// two readers can be compared.
fn to_value(j: &Json) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => serde_json::from_str(n).expect("a number literal the reader accepted is JSON"),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(a) => Value::Array(a.iter().map(to_value).collect()),
        // serde_json keeps the last of repeated keys; the reader keeps all (and the typed
        // reading refuses repeats), so compare with the last one winning as well.
        Json::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), to_value(v))).collect()),
    }
}

fn agree(text: &str) -> Result<(), TestCaseError> {
    let ours = json::parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => prop_assert_eq!(&to_value(a), b, "read differently: {}", text),
        (Err(e), Err(_)) => prop_assert_eq!(e.code.as_str(), "invalid_json"),
        // The one intended difference: serde_json refuses literals beyond f64 (1e400); the reader
        // keeps their digits, and the field they are in refuses them by name (too large).
        (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
        _ => prop_assert!(false, "one reader accepts, the other not: {:?}\n ours: {:?}\n serde_json: {:?}", text, ours, theirs),
    }
    Ok(())
}

/// Random JSON values, with awkward strings (escapes, CJK, astral characters) and numbers.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(Value::from),
        "[a-z\"\\\\/\\n\\t\u{0}-\u{1f}医保😀]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_\"]{0,6}", inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn reads_what_serde_json_reads(v in value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { v.to_string() };
        agree(&text)?;
    }

    #[test]
    fn refuses_what_serde_json_refuses(v in value(), cut in 0usize..400, at in 0usize..400, byte in prop::sample::select(b"{}[]:,\"\\ 0123456789.eE+-tfnulx\n".to_vec())) {
        let text = v.to_string();
        let cut = cut.min(text.len());
        if text.is_char_boundary(cut) {
            agree(&text[..cut])?;
        }
        let mut bytes = text.into_bytes();
        if !bytes.is_empty() {
            let i = at % bytes.len();
            bytes[i] = byte;
            if let Ok(mutated) = String::from_utf8(bytes) {
                agree(&mutated)?;
            }
        }
    }

    #[test]
    fn random_text_is_judged_alike(s in "[{}\\[\\]:,\"\\\\ 0-9.eE+\\-tfnrul/bu]{0,40}") {
        agree(&s)?;
    }
}

#[test]
fn escapes_numbers_and_edges() {
    for text in [
        r#""\u00e9\u533b\ud83d\ude00\/\b\f\n\r\t\"\\""#,
        r#""\ud83d""#,
        r#""\ude00""#,
        r#""\ud83dx""#,
        r#""\ud83d\u0041""#,
        r#""\u12""#,
        r#""\x""#,
        "\"\u{1}\"",
        "-0",
        "-0.0e+00",
        "01",
        "1.",
        ".5",
        "+1",
        "1e",
        "1e+",
        "1E-7",
        "-",
        "  [1 , 2 ]  ",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "tru",
        "nul",
        "[] []",
        "",
        " ",
        "\u{feff}{}",
    ] {
        agree(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}

#[test]
fn nesting_is_capped_without_overflowing_the_stack() {
    let ok = format!("{}{}", "[".repeat(json::MAX_DEPTH), "]".repeat(json::MAX_DEPTH));
    assert!(json::parse(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(json::MAX_DEPTH + 1), "]".repeat(json::MAX_DEPTH + 1));
    let e = json::parse(&deep).unwrap_err();
    assert!(e.message_en.contains("nested too deeply"), "{e:?}");
    let very_deep = "{\"a\":".repeat(200_000);
    assert_eq!(json::parse(&very_deep).unwrap_err().code.as_str(), "invalid_json");
}

/// Typed reading names the field of every refusal, in document order as serde's derive would.
#[test]
fn typed_errors_name_their_field() {
    let base = r#"{"as_of":"2026-11-23","region":"national","members":[{"id":"me","relation":"self","insurance":"resident"}]"#;
    for (tail, code, field) in [
        (
            r#","expenses":[{"patient":"me","item":"dental_filling","venue":"designated_hospital","amount":"1","card":"own","pooled":{"ratio":[]}}]}"#,
            "invalid_type",
            "expenses[0].pooled.ratio",
        ),
        (
            r#","expenses":[{"patient":"me","item":"dental_filling","venue":"designated_hospital","amount":"1","card":"own","pooled":{"ratio":"0.5"}}]}"#,
            "missing_field",
            "expenses[0].pooled.deductible_left",
        ),
        (
            r#","expenses":[{"patient":"me","item":"x","venue":"v","card":"own","amount":1,"amout":2}]}"#,
            "unknown_field",
            "expenses[0].amout",
        ),
        (r#","sharing":[{"from":"me","to":"me","from":"me"}]}"#, "invalid_type", "sharing[0].from"),
        (r#","sharing":{}}"#, "invalid_type", "sharing"),
        (r#","sharing":null}"#, "invalid_type", "sharing"),
        (r#","expenses":[1]}"#, "invalid_type", "expenses[0]"),
        (r#","expenses":[{"patient":7}]}"#, "invalid_type", "expenses[0].patient"),
        (r#","expenses":[{"patient":"me"}]}"#, "missing_field", "expenses[0].item"),
    ] {
        let text = format!("{base}{tail}");
        let (out, ok) = gongji::evaluate_json(&text);
        assert!(!ok, "{text}");
        let out: Value = serde_json::from_str(&out).unwrap();
        assert_eq!((out["error"]["code"].as_str(), out["error"]["field"].as_str()), (Some(code), Some(field)), "{text}\n{out}");
    }
    let many = format!(
        r#"{{"as_of":"2026-11-23","region":"national","members":[{}]}}"#,
        vec![r#"{"id":"a","relation":"self","insurance":"none"}"#; 31].join(",")
    );
    let out: Value = serde_json::from_str(&gongji::evaluate_json(&many).0).unwrap();
    assert_eq!((out["error"]["code"].as_str(), out["error"]["field"].as_str()), (Some("too_many"), Some("members")), "{out}");
    let out: Value = serde_json::from_str(&gongji::evaluate_json("[]").0).unwrap();
    assert_eq!((out["error"]["code"].as_str(), out["error"]["field"].as_str()), (Some("invalid_type"), Some("")), "{out}");
    let huge = " ".repeat(gongji::limits::INPUT_BYTES + 1);
    let out: Value = serde_json::from_str(&gongji::evaluate_json(&huge).0).unwrap();
    assert_eq!(out["error"]["code"], "input_too_large", "{out}");
}

/// Errors repeat at most ~80 characters of input (issue 11 item 9): a 1.9 MB unknown key gave a
/// 5.7 MB error.
#[test]
fn errors_echo_little_of_the_input() {
    let key = "k".repeat(1_900_000);
    let text = format!(r#"{{"as_of":"2026-11-23","{key}":1}}"#);
    let (out, ok) = gongji::evaluate_json(&text);
    assert!(!ok);
    assert!(out.len() < 1_000, "{} bytes", out.len());
    let out: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(out["error"]["code"], "unknown_field");
    let field = out["error"]["field"].as_str().unwrap();
    assert_eq!(field, format!("{}…", "k".repeat(gongji::error::ECHO_CHARS)));
    assert!(out["error"]["message"].as_str().unwrap().contains(field));
    // A member id nobody has, echoed in the message, is cut as well.
    let long_id = "医".repeat(500);
    let text = format!(
        r#"{{"as_of":"2026-11-23","region":"national","members":[{{"id":"me","relation":"self","insurance":"employee","balance":"1"}}],"sharing":[{{"from":"{long_id}","to":"me","order":1}}]}}"#
    );
    let out: Value = serde_json::from_str(&gongji::evaluate_json(&text).0).unwrap();
    assert!(out["error"]["message"].as_str().unwrap().chars().count() < 120, "{out}");
}

/// A string holding a lone surrogate (`"\ud800"`, which JS can send and no text can hold) is
/// refused naming its field; the Chinese message of every other `invalid_json` gives the line
/// and column as the English one does.
#[test]
fn lone_surrogates_name_their_field_and_positions_are_given() {
    for (text, field) in [
        (r#"{"members":[{"id":"a","name":"x\ud800y"}]}"#, "members[0].name"),
        (r#"{"members":[{"id":"a","name":"\udc00"}]}"#, "members[0].name"),
        (r#"{"expenses":[1,{"item":"\ud83d\u0041"}]}"#, "expenses[1].item"),
        (r#"{"a\ud800":1}"#, ""),
        (r#""\ud800""#, ""),
    ] {
        let e = json::parse(text).unwrap_err();
        assert_eq!((e.code.as_str(), e.field.as_str()), ("invalid_json", field), "{text}: {e:?}");
        assert!(e.message.contains("代理字符"), "{e:?}");
    }
    let e = json::parse("{\n  \"a\": tru\n}").unwrap_err();
    assert!(e.message.contains("第2行第8列") && e.message_en.contains("line 2 column 8"), "{e:?}");
    let deep = format!("{}{}", "[".repeat(json::MAX_DEPTH + 1), "]".repeat(json::MAX_DEPTH + 1));
    let e = json::parse(&deep).unwrap_err();
    assert!(e.message.contains("层级太深") && e.message.contains("64"), "{e:?}");
}
