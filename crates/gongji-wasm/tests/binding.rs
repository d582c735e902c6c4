//! Tests of the WebAssembly binding (`crates/gongji-wasm/src/lib.rs`), run with
//! wasm-bindgen-test in Node and in headless Chromium by `scripts/test.sh`:
//!
//!     cargo test -p gongji-wasm --target wasm32-unknown-unknown                            # Node
//!     WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_WEBDRIVER_JSON=$PWD/scripts/webdriver.json \
//!       cargo test -p gongji-wasm --target wasm32-unknown-unknown                          # Chromium
//!
//! - every golden case (`tests/golden/*.json`, embedded through the list crates/gongji-wasm/build.rs
//!   writes) goes through the exported function of its `kind` and must equal `expected` exactly,
//!   each its own test named for its file (`golden::item_dental_filling`; append
//!   `-- item_dental` to the commands above to run only the cases whose name contains it);
//! - thousands of malformed inputs must each give back `{error}` (or an answer), never a throw or
//!   a trap, and afterwards the SPEC §7 example must still evaluate correctly.
//!
//! wasm32 only: natively this file is empty.

#![cfg(target_arch = "wasm32")]

#[path = "../../../tests/support/json_diff.rs"]
mod json_diff;

use gongji_wasm::{advise, catalogue, credit, evaluate, limits, regions, relations, rules, version, withdrawal};
use js_sys::{Array, Object, Reflect};
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const GOLDEN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/golden_list.rs"));
const SPEC_EXAMPLE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/spec_example.json"));

fn js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).expect("serde_json output is valid JSON")
}

/// The JS value as JSON text, as a page would see it (`JSON.stringify`).
fn text(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string()).unwrap_or_else(|| "<not JSON>".to_string())
}

fn back(v: &JsValue) -> Value {
    serde_json::from_str(&text(v)).expect("the binding returns JSON-compatible values")
}

fn run(kind: &str, input: JsValue) -> JsValue {
    match kind {
        "evaluate" => evaluate(input),
        "advise" => advise(input),
        "withdrawal" => withdrawal(input),
        "credit" => credit(input),
        other => panic!("unknown kind {other}"),
    }
}

/// One golden case through the exported function of its `kind`: the output must equal `expected`
/// exactly. A failure names the file and the first JSON paths that differ.
fn golden_case((name, file): (&str, &str)) {
    let case: Value = serde_json::from_str(file).unwrap_or_else(|e| panic!("tests/golden/{name}: {e}"));
    let kind = case["kind"].as_str().unwrap_or("evaluate");
    let got = back(&run(kind, js(&case["input"])));
    assert!(
        got == case["expected"],
        "tests/golden/{name}: the wasm output differs from \"expected\" at {} place(s):\n{}",
        json_diff::diff(&case["expected"], &got).len(),
        json_diff::report(&case["expected"], &got, 12)
    );
}

// One test per case file: `golden::<file stem>`.
include!(concat!(env!("OUT_DIR"), "/golden_tests.rs"));

#[wasm_bindgen_test]
fn golden_set_has_at_least_40_cases() {
    assert!(GOLDEN.len() >= 40, "expected at least 40 golden cases, found {}", GOLDEN.len());
}

fn spec_example() -> Value {
    serde_json::from_str(SPEC_EXAMPLE).expect("examples/spec_example.json is JSON")
}

fn assert_spec_example_ok() {
    let out = back(&evaluate(js(&spec_example())));
    assert_eq!(out["balances"]["me"], "2550.00", "SPEC §7 example: {out}");
    assert_eq!(out["balances"]["mom"], "0.00", "SPEC §7 example: {out}");
    assert_eq!(out["quotas"]["me->kid"], "500.00", "SPEC §7 example: {out}");
}

#[wasm_bindgen_test]
fn spec_example_and_reference_data() {
    assert_spec_example_ok();
    let v = back(&version());
    assert!(v["engine"].as_str().is_some_and(|s| !s.is_empty()) && v["rules"].as_str().is_some(), "{v}");
    assert!(back(&catalogue()).as_array().is_some_and(|a| a.len() >= 24));
    assert!(back(&rules()).as_array().is_some_and(|a| a.iter().any(|r| r["id"] == "R-ORDER")));
    assert!(back(&regions()).as_array().is_some_and(|a| a.iter().any(|r| r["id"] == "national")));
    // Maps come back as plain objects, not JS `Map`s.
    let out = evaluate(js(&spec_example()));
    let balances = Reflect::get(&out, &"balances".into()).unwrap();
    assert_eq!(Object::get_prototype_of(&balances), Object::get_prototype_of(&Object::new()));
}

#[wasm_bindgen_test]
fn numbers_from_javascript_are_accepted_like_strings() {
    let mut s = spec_example();
    s["members"][0]["balance"] = serde_json::json!(3200);
    s["members"][1]["balance"] = serde_json::json!(150.0);
    s["expenses"][0]["amount"] = serde_json::json!(600);
    s["expenses"][0]["pooled"]["ratio"] = serde_json::json!(0.5);
    let out = back(&evaluate(js(&s)));
    assert_eq!(out["balances"]["me"], "2550.00", "{out}");
}

#[wasm_bindgen_test]
fn errors_are_values_with_code_field_and_messages() {
    let mut s = spec_example();
    s["expenses"][0]["persona_burden"] = serde_json::json!("80.00");
    let out = back(&evaluate(js(&s)));
    assert_eq!(out["error"]["code"], "unknown_field", "{out}");
    assert_eq!(out["error"]["field"], "expenses[0].persona_burden", "{out}");

    let out = back(&evaluate(js(&serde_json::json!({}))));
    assert_eq!(out["error"]["code"], "missing_field", "{out}");
    for v in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_f64(f64::NAN),
        JsValue::symbol(Some("x")),
        JsValue::bigint_from_str("10"),
    ] {
        let out = back(&evaluate(v));
        let e = &out["error"];
        assert!(
            e["code"].is_string() && e["field"].is_string() && e["message"].is_string() && e["message_en"].is_string(),
            "{out}"
        );
    }
    // NaN and Infinity are refused at their field, not read as "missing".
    let mut s = spec_example();
    let base = s.clone();
    let o = js(&base);
    let e0 = Reflect::get(&Reflect::get(&o, &"expenses".into()).unwrap(), &0.into()).unwrap();
    Reflect::set(&e0, &"amount".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let out = back(&evaluate(o));
    assert_eq!(out["error"]["field"], "expenses[0].amount", "{out}");
    s["as_of"] = Value::Null;
    assert!(back(&evaluate(js(&s)))["error"].is_object());
}

/// Values JSON text cannot carry: `JSON.stringify`'s replacer in the binding writes NaN and
/// ±Infinity as strings the engine refuses at their field.
#[wasm_bindgen_test]
fn values_json_cannot_carry_are_refused_at_their_field() {
    let set = |o: &JsValue, path: &[&str], v: &JsValue| {
        let mut t = o.clone();
        for k in &path[..path.len() - 1] {
            t = Reflect::get(&t, &JsValue::from_str(k)).unwrap();
        }
        Reflect::set(&t, &JsValue::from_str(path[path.len() - 1]), v).unwrap();
    };
    let field_error = |out: &JsValue| {
        let e = back(out);
        (e["error"]["code"].as_str().unwrap_or("").to_string(), e["error"]["field"].as_str().unwrap_or("").to_string())
    };
    for (path, value, code) in [
        (&["expenses", "0", "pooled", "ratio"][..], JsValue::from_f64(f64::NAN), "invalid_ratio"),
        (&["members", "1", "balance"][..], JsValue::from_f64(f64::INFINITY), "invalid_amount"),
        (&["sharing", "1", "quota"][..], JsValue::from_f64(f64::NEG_INFINITY), "invalid_amount"),
    ] {
        let o = js(&spec_example());
        set(&o, path, &value);
        // A `null` elsewhere in the same input does not hide the NaN.
        set(&o, &["members", "0", "name"], &JsValue::NULL);
        assert_eq!(field_error(&evaluate(o)), (code.to_string(), path.join(".").replace(".0.", "[0].").replace(".1.", "[1].")));
    }
    // `null` for an optional field means absent, on the slow path as on the fast one.
    let o = js(&spec_example());
    set(&o, &["members", "2", "province"], &JsValue::NULL);
    set(&o, &["members", "0", "name"], &JsValue::UNDEFINED);
    let mut plain = spec_example();
    plain["members"][2].as_object_mut().unwrap().remove("province");
    plain["members"][0].as_object_mut().unwrap().remove("name");
    assert_eq!(back(&evaluate(o)), back(&evaluate(js(&plain))));
    // A function in a list is not data; a Date becomes its ISO text (toJSON) and is refused as a date.
    let o = js(&spec_example());
    let f = js_sys::Function::from(Reflect::get(&js_sys::global(), &"parseInt".into()).unwrap());
    Reflect::set(&Reflect::get(&o, &"expenses".into()).unwrap(), &3.into(), &f).unwrap();
    assert_eq!(field_error(&evaluate(o)).0, "invalid_type");
    let o = js(&spec_example());
    set(&o, &["as_of"], &js_sys::Date::new_0().into());
    assert_eq!(field_error(&evaluate(o)), ("invalid_date".to_string(), "as_of".to_string()));
    // Too large is refused before the text is copied into the module.
    let o = js(&spec_example());
    set(&o, &["members", "0", "name"], &long_string(gongji::limits::INPUT_BYTES + 1));
    assert_eq!(field_error(&evaluate(o)).0, "input_too_large");
    assert_spec_example_ok();
}

fn construct(class: &str, arg: &JsValue) -> JsValue {
    let ctor: js_sys::Function = Reflect::get(&js_sys::global(), &class.into()).unwrap().into();
    Reflect::construct(&ctor, &Array::of1(arg)).unwrap()
}

fn set_at(o: &JsValue, path: &[&str], v: &JsValue) {
    let mut t = o.clone();
    for k in &path[..path.len() - 1] {
        t = Reflect::get(&t, &JsValue::from_str(k)).unwrap();
    }
    Reflect::set(&t, &JsValue::from_str(path[path.len() - 1]), v).unwrap();
}

/// One answer per value (issue 11 item 8): the answer to a boxed primitive, NaN or deep nesting
/// does not depend on whether the text `null` appears elsewhere in the input.
#[wasm_bindgen_test]
fn one_answer_whatever_else_the_input_holds() {
    for with_null in [false, true] {
        let o = js(&spec_example());
        if with_null {
            set_at(&o, &["members", "0", "name"], &JsValue::NULL);
        }
        let name = if with_null { Value::Null } else { spec_example()["members"][0]["name"].clone() };
        // `new String('national')` is the string, as JSON.stringify has it.
        set_at(&o, &["region"], &construct("String", &"national".into()));
        set_at(&o, &["members", "2", "name"], &construct("String", &"妻子".into()));
        let out = back(&evaluate(o));
        assert_eq!(out["region"], "national", "with null: {with_null}: {out}");
        let mut plain = spec_example();
        plain["members"][0]["name"] = name;
        plain["members"][2]["name"] = "妻子".into();
        assert_eq!(out, back(&evaluate(js(&plain))), "with null: {with_null}");
        // `new Number(NaN)` is NaN: refused at its field, never read as absent.
        let o = js(&spec_example());
        if with_null {
            set_at(&o, &["members", "0", "name"], &JsValue::NULL);
        }
        set_at(&o, &["members", "1", "balance"], &construct("Number", &JsValue::from_f64(f64::NAN)));
        let out = back(&evaluate(o));
        assert_eq!(
            (&out["error"]["code"], &out["error"]["field"]),
            (&"invalid_amount".into(), &"members[1].balance".into()),
            "{out}"
        );
        // `new Number(3200)` is 3200.
        let o = js(&spec_example());
        set_at(&o, &["members", "0", "balance"], &construct("Number", &JsValue::from_f64(3200.0)));
        assert_eq!(back(&evaluate(o))["balances"]["me"], "2550.00");
        // Nesting: 64 levels reach the reader's typed checks; 65, or far more than the JS
        // stack takes, get the same refusal, with or without a null inside.
        let inner = if with_null { JsValue::NULL } else { JsValue::from_str("x") };
        let nest = |depth: usize| {
            let mut v = inner.clone();
            for _ in 0..depth {
                let o = Object::new();
                Reflect::set(&o, &"members".into(), &v).unwrap();
                v = o.into();
            }
            back(&evaluate(v))
        };
        assert_eq!(nest(64)["error"]["code"], "invalid_type");
        let (a, b) = (nest(65), nest(200_000));
        assert_eq!(a["error"]["code"], "invalid_json", "{a}");
        assert_eq!((&a["error"]["code"], &a["error"]["message"]), (&b["error"]["code"], &b["error"]["message"]), "{a} {b}");
        assert!(a["error"]["message"].as_str().unwrap().contains("64"), "{a}");
    }
    assert_spec_example_ok();
}

/// A string holding a lone surrogate (JS strings can) is refused naming its field.
#[wasm_bindgen_test]
fn a_lone_surrogate_names_its_field() {
    let o = js(&spec_example());
    let lone = js_sys::JSON::parse(r#""妈\ud800妈""#).unwrap();
    set_at(&o, &["members", "1", "name"], &lone);
    let out = back(&evaluate(o));
    assert_eq!((&out["error"]["code"], &out["error"]["field"]), (&"invalid_json".into(), &"members[1].name".into()), "{out}");
}

/// A getter that throws (even a RangeError of its own) is reported as what happened, not as
/// "nested more than 64 levels"; real depth still is (issue 21 item 7).
#[wasm_bindgen_test]
fn a_getter_that_throws_is_reported_as_such() {
    for (thrown, said) in [("new Error('boom')", "Error: boom"), ("new RangeError('mine')", "RangeError: mine")] {
        let o = js(&spec_example());
        let getter = js_sys::Function::new_no_args(&format!("throw {thrown};"));
        let descriptor = Object::new();
        Reflect::set(&descriptor, &"get".into(), &getter).unwrap();
        Reflect::set(&descriptor, &"enumerable".into(), &JsValue::TRUE).unwrap();
        let member = Reflect::get(&Reflect::get(&o, &"members".into()).unwrap(), &JsValue::from_f64(0.0)).unwrap();
        Object::define_property(&member.into(), &"name".into(), &descriptor);
        let out = back(&evaluate(o));
        let message = out["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(said) && !message.contains("64"), "{out}");
        assert!(out["error"]["message_en"].as_str().unwrap_or_default().contains(said), "{out}");
    }
    let out = back(&evaluate(deep(100_000, false)));
    assert_eq!(out["error"]["code"], "invalid_json", "{out}");
    assert_spec_example_ok();
}

#[wasm_bindgen_test]
fn limits_are_the_engines() {
    let l = back(&limits());
    assert_eq!(l["members"], gongji::limits::MEMBERS);
    assert_eq!(l["expenses"], gongji::limits::EXPENSES);
    assert_eq!(l["max_amount"], "10000000.00");
}

#[wasm_bindgen_test]
fn relations_list_every_relation() {
    let list = back(&relations());
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 27);
    let grandson = list.iter().find(|r| r["id"] == "grandson").unwrap();
    assert_eq!(grandson["name"], "孙子");
    assert_eq!(grandson["via"], serde_json::json!(["son"]));
    assert_eq!(grandson["unique"], false);
    let father = list.iter().find(|r| r["id"] == "father").unwrap();
    assert_eq!((&father["via"], &father["unique"]), (&serde_json::json!([]), &Value::Bool(true)));
}

// ------------------------------------------------------------------ stress: malformed inputs

/// A small deterministic generator (no dependency, same sequence in Node and Chromium).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn long_string(n: usize) -> JsValue {
    JsValue::from_str(&"长".repeat(n))
}

fn big_array(n: u32, item: &JsValue) -> JsValue {
    let a = Array::new_with_length(n);
    for i in 0..n {
        a.set(i, item.clone());
    }
    a.into()
}

fn deep(depth: usize, object: bool) -> JsValue {
    let mut v = JsValue::from_str("x");
    for _ in 0..depth {
        v = if object {
            let o = Object::new();
            Reflect::set(&o, &"members".into(), &v).unwrap();
            o.into()
        } else {
            Array::of1(&v).into()
        };
    }
    v
}

/// A value of some wrong or extreme kind; `heavy` allows the expensive ones.
fn bad_value(rng: &mut Lcg, heavy: bool) -> JsValue {
    match rng.below(if heavy { 28 } else { 22 }) {
        0 => JsValue::NULL,
        1 => JsValue::UNDEFINED,
        2 => JsValue::TRUE,
        3 => JsValue::from_f64(f64::NAN),
        4 => JsValue::from_f64(f64::INFINITY),
        5 => JsValue::from_f64(f64::NEG_INFINITY),
        6 => JsValue::from_f64(-0.0),
        7 => JsValue::from_f64(1e308),
        8 => JsValue::from_f64(-12.345),
        9 => JsValue::from_f64(9007199254740993.0),
        10 => JsValue::from_f64(0.1 + 0.2),
        11 => JsValue::from_str(""),
        12 => JsValue::from_str("12.3.4"),
        13 => JsValue::from_str("1e400"),
        14 => JsValue::from_str("-0.00"),
        15 => JsValue::from_str("９９.００"),
        16 => JsValue::from_str("\u{0}\u{feff}\u{202e}"),
        17 => Object::new().into(),
        18 => Array::new().into(),
        19 => JsValue::symbol(Some("s")),
        20 => JsValue::bigint_from_str("123456789012345678901234567890"),
        21 => js_sys::Date::new_0().into(),
        22 => long_string(100_000 + rng.below(900_000) as usize),
        23 => big_array(100_000, &JsValue::from_f64(1.0)),
        24 => big_array(10_000, &js(&spec_example()["members"][0])),
        25 => deep(100_000, false),
        26 => deep(10_000, true),
        _ => deep(200, rng.below(2) == 0),
    }
}

/// Paths into the SPEC §7 example where a bad value can be put.
const PLACES: &[&[&str]] = &[
    &[],
    &["as_of"],
    &["region"],
    &["members"],
    &["members", "0"],
    &["members", "0", "id"],
    &["members", "0", "relation"],
    &["members", "0", "insurance"],
    &["members", "0", "balance"],
    &["members", "1", "via"],
    &["members", "2", "name"],
    &["members", "3", "province"],
    &["sharing"],
    &["sharing", "0", "from"],
    &["sharing", "0", "order"],
    &["sharing", "1", "quota"],
    &["expenses"],
    &["expenses", "0"],
    &["expenses", "0", "amount"],
    &["expenses", "0", "pooled"],
    &["expenses", "0", "pooled", "ratio"],
    &["expenses", "0", "pooled", "cap_left"],
    &["expenses", "1", "item"],
    &["expenses", "1", "card"],
    &["expenses", "2", "personal_burden"],
    &["expenses", "2", "venue"],
    &["expenses", "0", "unknown_field"],
];

fn with_bad_value(place: &[&str], bad: JsValue) -> JsValue {
    if place.is_empty() {
        return bad;
    }
    let root = js(&spec_example());
    let mut target = root.clone();
    for key in &place[..place.len() - 1] {
        target = Reflect::get(&target, &JsValue::from_str(key)).unwrap();
    }
    Reflect::set(&target, &JsValue::from_str(place[place.len() - 1]), &bad).unwrap();
    root
}

fn assert_answer_or_error(kind: &str, out: &JsValue) {
    assert!(out.is_object(), "{kind}: not an object: {out:?}");
    let has = |k: &str| Reflect::has(out, &JsValue::from_str(k)).unwrap_or(false);
    assert!(has("error") || has("results") || has("options") || has("answer") || has("monthly"), "{kind}: {}", text(out));
}

#[wasm_bindgen_test]
fn thousands_of_malformed_inputs_never_break_the_module() {
    let mut rng = Lcg(20261123);
    let kinds = ["evaluate", "advise", "withdrawal", "credit"];
    let mut errors = 0;
    let total = 3000;
    for i in 0..total {
        let heavy = i % 100 == 0;
        let place = PLACES[rng.below(PLACES.len() as u64) as usize];
        let input = with_bad_value(place, bad_value(&mut rng, heavy));
        // Mostly evaluate; advise is costlier (it replays the year for each order).
        let kind = if i % 10 == 0 { kinds[rng.below(4) as usize] } else { "evaluate" };
        let out = run(kind, input);
        assert_answer_or_error(kind, &out);
        if Reflect::has(&out, &"error".into()).unwrap_or(false) {
            errors += 1;
        }
    }
    assert!(errors > total / 2, "most malformed inputs must be refused, only {errors} of {total} were");
    // Whole-document oddities.
    for v in [deep(100_000, true), big_array(100_000, &JsValue::NULL), long_string(2_000_000)] {
        assert_answer_or_error("evaluate", &evaluate(v));
    }
    // The module is still alive and still right.
    assert_spec_example_ok();
}
