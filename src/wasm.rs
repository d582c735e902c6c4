//! The WebAssembly binding: a thin layer over the engine's public entry points.
//!
//! Contract (SPEC §7): every export takes a plain JS object and returns a plain JS object
//! (maps become objects, amounts stay strings). **Bad input never throws**: it is returned as a
//! value `{error: {code, field, message, message_en}}`, the same shape the CLI prints, so callers
//! test `"error" in result`. Nothing here unwraps or panics; a panic would abort the module
//! (`panic = "abort"`) and leave the page without an engine for the rest of the visit.
//!
//! Values cross the boundary through serde-wasm-bindgen, in both directions. On the way in, the JS
//! value is first read into a JSON value ([`JsonSeed`]) and then decoded by the engine exactly as
//! the CLI decodes JSON text, so wasm and native give identical answers: reading the engine's
//! structs straight from JS would only look up known field names, and typos such as
//! `persona_burden` would be silently ignored. NaN and ±Infinity are kept as the strings
//! "NaN"/"Infinity" so the engine refuses them at their field; nesting is capped.
//!
//! TypeScript types for these exports: `scripts/pkg/gongji.d.ts`, copied into `www/pkg` by
//! `scripts/build-wasm.sh`.

use crate::error::{ErrorCode, ErrorResponse, InputError};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// The one error helper: an input problem that is not about a particular field.
fn whole_input_error(message: &str, message_en: String) -> InputError {
    InputError::new(ErrorCode::InvalidType, "", message, message_en)
}

/// Any serializable answer as a plain JS value: serde-wasm-bindgen's JSON-compatible
/// serializer (maps become plain objects, in the order the engine wrote them).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    match value.serialize(&serializer) {
        Ok(v) => v,
        // Not expected (outputs are strings, small integers and objects), but never a panic.
        Err(e) => {
            let err = whole_input_error("计算结果无法转换，请刷新页面后重试。", format!("internal: cannot convert the result: {e}"));
            ErrorResponse { error: &err }.serialize(&serializer).unwrap_or(JsValue::NULL)
        }
    }
}

/// Deepest nesting read from a JS value. The contract's deepest path is 4 levels
/// (`expenses[0].pooled.ratio`); anything much deeper is refused before it can exhaust the
/// wasm stack (a stack overflow would trap and leave the module unusable).
const MAX_DEPTH: usize = 32;

/// Reads a JS value through serde-wasm-bindgen into a JSON value, keeping *every* key (so the
/// engine's `deny_unknown_fields` still catches typos like `persona_burden`; reading structs
/// directly from JS only looks up the known field names) and keeping NaN and ±Infinity as the
/// strings "NaN"/"Infinity" (so the field that carries them is refused by name, not as missing).
struct JsonSeed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for JsonSeed {
    type Value = serde_json::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for JsonSeed {
    type Value = serde_json::Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("plain data: objects, arrays, strings, numbers, booleans or null")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(match serde_json::Number::from_f64(v) {
            Some(n) => Value::Number(n),
            None if v.is_nan() => Value::from("NaN"),
            None if v > 0.0 => Value::from("Infinity"),
            None => Value::from("-Infinity"),
        })
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        if self.depth >= MAX_DEPTH {
            return Err(de::Error::custom(TOO_DEEP));
        }
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(JsonSeed { depth: self.depth + 1 })? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        if self.depth >= MAX_DEPTH {
            return Err(de::Error::custom(TOO_DEEP));
        }
        let mut out = serde_json::Map::new();
        while let Some(k) = map.next_key::<String>()? {
            let v = map.next_value_seed(JsonSeed { depth: self.depth + 1 })?;
            out.insert(k, v);
        }
        Ok(Value::Object(out))
    }
}

const TOO_DEEP: &str = "nested too deeply";

/// Runs one entry point on a JS value: the answer, or `{error}`. The JS value is read through
/// serde-wasm-bindgen into a JSON value, which the engine then decodes exactly as the CLI decodes
/// JSON text (same field paths, same refusals of unknown fields, same messages).
fn run<O: Serialize>(input: &JsValue, entry: impl FnOnce(Value) -> Result<O, InputError>) -> JsValue {
    let result = if input.is_undefined() {
        Err(whole_input_error("没有收到输入。", "no input (undefined)".to_string()))
    } else {
        JsonSeed { depth: 0 }
            .deserialize(serde_wasm_bindgen::Deserializer::from(input.clone()))
            .map_err(|e| {
                let why = e.to_string();
                if why.contains(TOO_DEEP) {
                    whole_input_error("输入的数据层级太深。", format!("input nested deeper than {MAX_DEPTH} levels"))
                } else {
                    whole_input_error("输入不是有效的数据（只能是对象、数组、字符串、数字、布尔值）。", format!("input is not plain data: {why}"))
                }
            })
            .and_then(entry)
    };
    match result {
        Ok(out) => to_js(&out),
        Err(e) => to_js(&ErrorResponse { error: &e }),
    }
}

/// Evaluates a scenario (SPEC §7): the output object, or `{error}` for bad input.
#[wasm_bindgen]
pub fn evaluate(scenario: JsValue) -> JsValue {
    run(&scenario, |de| crate::evaluate_from(de))
}

/// Compares the possible 顺位 orders for a scenario's expenses (SPEC §8), or `{error}`.
#[wasm_bindgen]
pub fn advise(scenario: JsValue) -> JsValue {
    run(&scenario, |de| crate::advise_from(de))
}

/// The withdrawal questionnaire (R-WITHDRAW), or `{error}`.
#[wasm_bindgen]
pub fn withdrawal(input: JsValue) -> JsValue {
    run(&input, |de| crate::withdrawal_from(de))
}

/// The monthly credit estimate (R-CREDIT), or `{error}`.
#[wasm_bindgen]
pub fn credit(input: JsValue) -> JsValue {
    run(&input, |de| crate::credit_from(de))
}

/// The expense catalogue (SPEC §4).
#[wasm_bindgen]
pub fn catalogue() -> JsValue {
    to_js(crate::data::items())
}

/// The rules with their sources and effective dates (SPEC §3).
#[wasm_bindgen]
pub fn rules() -> JsValue {
    to_js(crate::data::rules())
}

/// The region profiles.
#[wasm_bindgen]
pub fn regions() -> JsValue {
    to_js(crate::data::regions())
}

#[derive(Serialize)]
struct Version {
    engine: &'static str,
    rules: &'static str,
}

/// `{engine, rules}`: the engine version and the rules data version.
#[wasm_bindgen]
pub fn version() -> JsValue {
    to_js(&Version { engine: crate::ENGINE_VERSION, rules: crate::data::rules_version() })
}

// The wasm-bindgen tests live in tests/wasm_binding/tests.rs; they call the exports above, which
// are private to the library, so they are compiled in here as a unit-test module.
#[cfg(test)]
#[path = "../tests/wasm_binding/tests.rs"]
mod tests;
