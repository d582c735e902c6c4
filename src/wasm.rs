//! The WebAssembly binding: a thin layer over the engine's public entry points.
//!
//! Contract (SPEC §7): every export takes a plain JS object and returns a plain JS object
//! (maps become objects, amounts stay strings). **Bad input never throws**: it is returned as a
//! value `{error: {code, field, message, message_en}}`, the same shape the CLI prints, so callers
//! test `"error" in result`. Nothing here unwraps or panics; a panic would abort the module
//! (`panic = "abort"`) and leave the page without an engine for the rest of the visit.
//!
//! Values cross the boundary as JSON text (`JSON.stringify` in, `JSON.parse` out) and go through
//! serde_json exactly as in the CLI, so wasm and native give byte-identical answers. (Reading
//! JS objects directly with serde-wasm-bindgen skipped unknown fields, so typos such as
//! `persona_burden` were silently ignored, and it reworded error messages.) Non-finite numbers
//! (NaN, Infinity), which JSON.stringify would turn into `null`, are passed as the strings
//! "NaN"/"Infinity" so the engine refuses them at their field.
//!
//! TypeScript types for these exports: `scripts/pkg/gongji.d.ts`, copied into `www/pkg` by
//! `scripts/build-wasm.sh`.

use crate::error::{ErrorCode, ErrorResponse, InputError};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The one error helper: an input problem that is not about a particular field.
fn whole_input_error(message: &str, message_en: String) -> InputError {
    InputError::new(ErrorCode::InvalidType, "", message, message_en)
}

/// Any serializable answer as a plain JS value (via JSON text, like the CLI prints it).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let parsed = serde_json::to_string(value)
        .map_err(|e| e.to_string())
        .and_then(|text| js_sys::JSON::parse(&text).map_err(|e| format!("{e:?}")));
    match parsed {
        Ok(v) => v,
        // Not expected (outputs are strings, small integers and objects), but never a panic.
        Err(e) => {
            let err = whole_input_error("计算结果无法转换，请刷新页面后重试。", format!("internal: cannot convert the result: {e}"));
            let text = serde_json::to_string(&ErrorResponse { error: &err }).unwrap_or_default();
            js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
        }
    }
}

/// The input as JSON text. NaN and ±Infinity become strings (JSON.stringify would make them
/// `null`, i.e. "missing"); values JSON cannot express (BigInt, cycles, absurd nesting) are an error.
fn to_json_text(input: &JsValue) -> Result<String, InputError> {
    if input.is_undefined() {
        return Err(whole_input_error("没有收到输入。", "no input (undefined)".to_string()));
    }
    // Fast path without a replacer (a replacer is a call into wasm for every key); only when
    // the text has a `null`, which may have been a NaN or an Infinity, stringify again with it.
    // JSON.stringify may also give `undefined` (for a symbol or a function): not a string.
    if let Some(text) = js_sys::JSON::stringify(input).ok().and_then(|s| JsValue::from(s).as_string()) {
        if !text.contains("null") {
            return Ok(text);
        }
    }
    let replacer = Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(|_key: JsValue, value: JsValue| match value.as_f64() {
        Some(x) if !x.is_finite() => JsValue::from_str(if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }),
        _ => value,
    });
    let text = js_sys::JSON::stringify_with_replacer(input, replacer.as_ref().unchecked_ref::<JsValue>());
    drop(replacer);
    match text {
        Ok(s) => JsValue::from(s)
            .as_string()
            .ok_or_else(|| whole_input_error("输入不是有效的数据。", "input is not representable as JSON".to_string())),
        Err(e) => {
            let why = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
            Err(whole_input_error("输入不是有效的数据（无法转换为JSON）。", format!("input is not representable as JSON: {why}")))
        }
    }
}

/// Runs one entry point on a JS value: the answer, or `{error}`. Mirrors the CLI's JSON path.
fn run<O: Serialize>(
    input: &JsValue,
    entry: impl FnOnce(&mut serde_json::Deserializer<serde_json::de::StrRead<'_>>) -> Result<O, InputError>,
) -> JsValue {
    let result = to_json_text(input).and_then(|text| {
        let mut de = serde_json::Deserializer::from_str(&text);
        let out = entry(&mut de)?;
        de.end().map_err(|e| InputError::new(ErrorCode::InvalidJson, "", "输入不是有效的JSON。", format!("trailing characters: {e}")))?;
        Ok(out)
    });
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
