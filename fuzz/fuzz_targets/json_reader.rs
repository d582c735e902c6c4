//! Fuzz target: the engine's JSON reader (src/json.rs) against serde_json on arbitrary bytes.
//! Both must accept exactly the same texts and read the same values; the one intended
//! difference is a number literal beyond f64 (`1e400`), which the reader keeps as digits for its
//! field to refuse by name. Same comparison as tests/json_reader.rs, on libFuzzer's inputs.
#![no_main]
use gongji::json::{self, Json};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn to_value(j: &Json) -> Option<Value> {
    Some(match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        // A literal serde_json cannot hold (beyond f64): no value to compare.
        Json::Number(n) => serde_json::from_str(n).ok()?,
        Json::String(s) => Value::String(s.clone()),
        Json::Array(a) => Value::Array(a.iter().map(to_value).collect::<Option<_>>()?),
        // serde_json keeps the last of repeated keys; so does this map.
        Json::Object(o) => Value::Object(o.iter().map(|(k, v)| Some((k.clone(), to_value(v)?))).collect::<Option<_>>()?),
    })
}

fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

fuzz_target!(|data: &[u8]| {
    // Text that is not UTF-8 never reaches the reader (the CLI refuses it first); serde_json
    // refuses it too.
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(serde_json::from_slice::<Value>(data).is_err());
        return;
    };
    let ours = json::parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => {
            if let Some(a) = to_value(a) {
                assert_eq!(&a, b, "read differently: {text:?}");
            }
        }
        (Err(e), Err(_)) => assert_eq!(e.code.as_str(), "invalid_json"),
        (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
        // serde_json stops at 128 levels, the reader at 64: deeper documents are refused by the
        // reader alone.
        (Err(e), Ok(_)) if nesting(text) > json::MAX_DEPTH && e.message.contains("层级太深") => {}
        _ => panic!("one reader accepts, the other not: {text:?}\n ours: {ours:?}\n serde_json: {theirs:?}"),
    }
});
