//! The WebAssembly binding: a thin layer over the engine's public entry points.
//!
//! Contract (SPEC §7): every export takes a plain JS object and returns a plain JS object
//! (maps become objects, amounts stay strings). **Bad input never throws**: it is returned as a
//! value `{error: {code, field, message, message_en}}`, the same shape the CLI prints, so callers
//! test `"error" in result`. Nothing here unwraps or panics; a panic would abort the module
//! (`panic = "abort"`) and leave the page without an engine for the rest of the visit.
//!
//! TypeScript types for these exports: `scripts/pkg/gongji.d.ts`, copied into `www/pkg` by
//! `scripts/build-wasm.sh`.

use crate::error::{ErrorCode, ErrorResponse, InputError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Serializes any result as a plain, JSON-compatible JS value (objects, not `Map`s).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    match value.serialize(&serializer) {
        Ok(v) => v,
        // Not expected (outputs are strings, small integers and objects), but never a panic.
        Err(e) => {
            let err = InputError::new(
                ErrorCode::InvalidType,
                "",
                "计算结果无法转换，请刷新页面后重试。",
                format!("internal: cannot convert the result to JavaScript: {e}"),
            );
            ErrorResponse { error: &err }.serialize(&serializer).unwrap_or(JsValue::NULL)
        }
    }
}

/// The one place a `Result` of the engine becomes a JS value: the output, or `{error}`.
fn answer<T: Serialize>(result: Result<T, InputError>) -> JsValue {
    match result {
        Ok(out) => to_js(&out),
        Err(e) => to_js(&ErrorResponse { error: &e }),
    }
}

fn de(input: JsValue) -> serde_wasm_bindgen::Deserializer {
    serde_wasm_bindgen::Deserializer::from(input)
}

/// Evaluates a scenario (SPEC §7): the output object, or `{error}` for bad input.
#[wasm_bindgen]
pub fn evaluate(scenario: JsValue) -> JsValue {
    answer(crate::evaluate_from(de(scenario)))
}

/// Compares the possible 顺位 orders for a scenario's expenses (SPEC §8), or `{error}`.
#[wasm_bindgen]
pub fn advise(scenario: JsValue) -> JsValue {
    answer(crate::advise_from(de(scenario)))
}

/// The withdrawal questionnaire (R-WITHDRAW), or `{error}`.
#[wasm_bindgen]
pub fn withdrawal(input: JsValue) -> JsValue {
    answer(crate::withdrawal_from(de(input)))
}

/// The monthly credit estimate (R-CREDIT), or `{error}`.
#[wasm_bindgen]
pub fn credit(input: JsValue) -> JsValue {
    answer(crate::credit_from(de(input)))
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
