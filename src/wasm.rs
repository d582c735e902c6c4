//! The WebAssembly binding: a thin layer over the engine's one entry point,
//! [`crate::answer_json`].
//!
//! Contract (SPEC §7): every export takes a plain JS object and returns a plain JS object
//! (amounts stay strings). **Bad input never throws**: it is returned as a value
//! `{error: {code, field, message, message_en}}`, the same shape the CLI prints, so callers test
//! `"error" in result`. Nothing here unwraps or panics; a panic would abort the module
//! (`panic = "abort"`) and leave the page without an engine for the rest of the visit.
//!
//! **How values cross.** The questions (`evaluate`, `advise`, `withdrawal`, `credit`) cross as
//! JSON text: the JS value goes through the engine's own `JSON.stringify`, the engine reads
//! the text exactly as the CLI does (same field paths, same refusal of unknown fields such as
//! `persona_burden`, same messages), and its answer comes back through `JSON.parse`. Two
//! string copies replace thousands of small calls across the boundary (one per key, string and
//! number with serde-wasm-bindgen), which measured 2-3x faster and about 20 KB smaller; see
//! ARCHITECTURE.md. The reference data (`catalogue`, `rules`, `regions`, `version`) is
//! serialized straight into JS objects with serde-wasm-bindgen.
//!
//! JSON cannot carry NaN or ±Infinity (`JSON.stringify` writes `null`, which would read as
//! "absent"). So whenever the text contains `null`, the value is written again by
//! [`plain_json`], which keeps those numbers as the strings "NaN"/"Infinity" so the engine
//! refuses them at their field, and caps nesting.
//!
//! TypeScript types for these exports: `scripts/pkg/gongji.d.ts`, copied into `www/pkg` by
//! `scripts/build-wasm.sh`.

use crate::error::{ErrorCode, ErrorResponse, InputError};
use crate::{Layout, Question};
use js_sys::{Array, Object, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The one error helper: an input problem that is not about a particular field.
fn whole_input_error(message: &str, message_en: String) -> InputError {
    InputError::new(ErrorCode::InvalidType, "", message, message_en)
}

fn not_plain_data(why: &str) -> InputError {
    whole_input_error(
        "输入不是有效的数据（只能是对象、数组、字符串、数字、布尔值）。",
        format!("input is not plain data: {why}"),
    )
}

/// Reference data as a plain JS value: serde-wasm-bindgen's JSON-compatible serializer
/// (maps become plain objects).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// The engine's answer text as a JS value. The text is the engine's own serde_json output, so
/// `JSON.parse` cannot fail; `null` stands in if it ever did, never a throw.
fn from_json(text: &str) -> JsValue {
    JSON::parse(text).unwrap_or(JsValue::NULL)
}

fn error_value(e: &InputError) -> JsValue {
    from_json(&serde_json::to_string(&ErrorResponse { error: e }).unwrap_or_default())
}

/// Deepest nesting [`plain_json`] writes. The contract's deepest path is 4 levels
/// (`expenses[0].pooled.ratio`); anything much deeper is refused before it can exhaust the
/// wasm stack (a stack overflow would trap and leave the module unusable).
const MAX_DEPTH: usize = 32;

/// The JS value as JSON text for the engine, or why it is not data.
fn input_text(input: &JsValue) -> Result<String, InputError> {
    if input.is_undefined() {
        return Err(whole_input_error("没有收到输入。", "no input (undefined)".to_string()));
    }
    // Throws for cycles, BigInt and nesting deeper than the JS stack: refused, never rethrown.
    let text = JSON::stringify(input).map_err(|_| not_plain_data("JSON.stringify refused it (a cycle, a BigInt, or too deep)"))?;
    // `undefined` for a bare function or symbol.
    if !text.is_string() {
        return Err(not_plain_data("a function or symbol"));
    }
    // Longer in UTF-16 units means longer in UTF-8 bytes too: refuse before copying it in.
    if text.length() as usize > crate::limits::INPUT_BYTES {
        return Err(crate::error::input_too_large());
    }
    let text = text.as_string().ok_or_else(|| not_plain_data("a function or symbol"))?;
    if !text.contains("null") {
        return Ok(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    plain_json(input, 0, &mut out)?;
    Ok(out)
}

/// JS's own JSON text for a string or a finite number (escaping and shortest digits as JS
/// writes them; no float formatting in Rust).
fn js_json(value: &JsValue) -> String {
    JSON::stringify(value).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

/// Writes a JS value as JSON text as `JSON.stringify` does (object keys whose value is
/// undefined, a function or a symbol are left out), except that NaN and ±Infinity become the
/// strings "NaN", "Infinity" and "-Infinity" instead of `null`, and nesting is capped.
fn plain_json(value: &JsValue, depth: usize, out: &mut String) -> Result<(), InputError> {
    if depth > MAX_DEPTH {
        return Err(whole_input_error("输入的数据层级太深。", format!("input nested deeper than {MAX_DEPTH} levels")));
    }
    if let Some(x) = value.as_f64() {
        if x.is_nan() {
            out.push_str("\"NaN\"");
        } else if x.is_infinite() {
            out.push_str(if x > 0.0 { "\"Infinity\"" } else { "\"-Infinity\"" });
        } else {
            out.push_str(&js_json(value));
        }
    } else if value.is_string() {
        out.push_str(&js_json(value));
    } else if let Some(b) = value.as_bool() {
        out.push_str(if b { "true" } else { "false" });
    } else if value.is_null() || value.is_undefined() {
        out.push_str("null");
    } else if Array::is_array(value) {
        let list: &Array = value.unchecked_ref();
        out.push('[');
        for i in 0..list.length() {
            if i > 0 {
                out.push(',');
            }
            let item = list.get(i);
            if item.is_function() || item.is_symbol() {
                out.push_str("null");
            } else {
                plain_json(&item, depth + 1, out)?;
            }
        }
        out.push(']');
    } else if value.is_object() && !value.is_function() {
        out.push('{');
        let mut first = true;
        let object: &Object = value.unchecked_ref();
        for key in Object::keys(object).iter() {
            let item = Reflect::get(value, &key).map_err(|_| not_plain_data("a property getter threw"))?;
            if item.is_undefined() || item.is_function() || item.is_symbol() {
                continue;
            }
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(&js_json(&key));
            out.push(':');
            plain_json(&item, depth + 1, out)?;
        }
        out.push('}');
    } else {
        return Err(not_plain_data("a function, symbol or BigInt"));
    }
    if out.len() > crate::limits::INPUT_BYTES {
        return Err(crate::error::input_too_large());
    }
    Ok(())
}

/// Runs one question on a JS value: the answer, or `{error}`.
fn run(input: &JsValue, question: Question) -> JsValue {
    match input_text(input) {
        Ok(text) => from_json(&crate::answer_json(question, &text, Layout::Compact).0),
        Err(e) => error_value(&e),
    }
}

/// Evaluates a scenario (SPEC §7): the output object, or `{error}` for bad input.
#[wasm_bindgen]
pub fn evaluate(scenario: JsValue) -> JsValue {
    run(&scenario, Question::Evaluate)
}

/// Compares the possible 顺位 orders for a scenario's expenses (SPEC §8), or `{error}`.
#[wasm_bindgen]
pub fn advise(scenario: JsValue) -> JsValue {
    run(&scenario, Question::Advise)
}

/// The withdrawal questionnaire (R-WITHDRAW), or `{error}`.
#[wasm_bindgen]
pub fn withdrawal(input: JsValue) -> JsValue {
    run(&input, Question::Withdrawal)
}

/// The monthly credit estimate (R-CREDIT), or `{error}`.
#[wasm_bindgen]
pub fn credit(input: JsValue) -> JsValue {
    run(&input, Question::Credit)
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
    to_js(crate::data::places())
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
