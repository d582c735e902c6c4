//! # gongji — 医保家庭共济计算器
//!
//! Answers, for a family and a list of expenses: *which account pays how much, in what order,
//! and why* — under China's rules for sharing a 职工医保 personal account with relatives
//! (家庭共济), citing the rule behind every line.
//!
//! Pure Rust, no JavaScript types: the wasm binding (`src/wasm.rs`) and the CLI
//! (`src/main.rs`) are thin layers over [`evaluate_from`].
//!
//! Flow: JSON → [`input::ScenarioInput`] (shape only) → [`scenario::Scenario`] (checked, or an
//! [`InputError`] naming the field) → [`engine::evaluate`] → [`Output`].
//!
//! Codemap and invariants: see ARCHITECTURE.md.

pub mod advice;
pub mod credit;
pub mod data;
pub mod date;
pub mod engine;
pub mod error;
pub mod input;
pub mod kinship;
pub mod limits;
pub mod money;
pub mod output;
pub mod scenario;
pub mod withdrawal;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{ErrorCode, ErrorResponse, InputError};
pub use output::Output;

/// The engine version reported as `engine` in every output.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Reads any input shape from any serde deserializer (JSON text for the CLI; in the browser a
/// `serde_json::Value` that `src/wasm.rs` read from the JS value with serde-wasm-bindgen);
/// structural errors carry their JSON path.
pub fn decode<'de, T: serde::Deserialize<'de>, D: serde::Deserializer<'de>>(d: D) -> Result<T, InputError> {
    serde_path_to_error::deserialize(d).map_err(|e| error::from_serde(&e.path().to_string(), &e.inner().to_string()))
}

/// Reads a scenario (SPEC §7), checks it, and evaluates it.
pub fn evaluate_from<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Output, InputError> {
    evaluate_input(&decode(d)?)
}

/// Reads a scenario and compares the possible 顺位 orders over its expenses (SPEC §8).
pub fn advise_from<'de, D: serde::Deserializer<'de>>(d: D) -> Result<advice::Advice, InputError> {
    advice::advise(&decode(d)?)
}

/// Answers the withdrawal questionnaire (R-WITHDRAW).
pub fn withdrawal_from<'de, D: serde::Deserializer<'de>>(d: D) -> Result<withdrawal::WithdrawalAnswer, InputError> {
    withdrawal::check(&decode(d)?)
}

/// Estimates the monthly credit to a personal account (R-CREDIT).
pub fn credit_from<'de, D: serde::Deserializer<'de>>(d: D) -> Result<credit::CreditEstimate, InputError> {
    credit::estimate(&decode(d)?)
}

/// Checks and evaluates an already-deserialized scenario.
pub fn evaluate_input(input: &input::ScenarioInput) -> Result<Output, InputError> {
    let scenario = scenario::Scenario::from_input(input)?;
    Ok(engine::evaluate(&scenario))
}

/// Native convenience: JSON text in, pretty JSON text out (the output, or `{"error": ...}`),
/// and whether it succeeded.
#[cfg(not(target_arch = "wasm32"))]
pub fn evaluate_json(text: &str) -> (String, bool) {
    json_entry(text, |de| evaluate_from(de))
}

/// The entry points by name, for the CLI and the golden tests: `evaluate`, `advise`,
/// `withdrawal`, `credit`.
#[cfg(not(target_arch = "wasm32"))]
pub fn run_json(kind: &str, text: &str) -> Option<(String, bool)> {
    Some(match kind {
        "evaluate" => evaluate_json(text),
        "advise" => json_entry(text, |de| advise_from(de)),
        "withdrawal" => json_entry(text, |de| withdrawal_from(de)),
        "credit" => json_entry(text, |de| credit_from(de)),
        _ => return None,
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn json_entry<O: serde::Serialize>(
    text: &str,
    run: impl FnOnce(&mut serde_json::Deserializer<serde_json::de::StrRead<'_>>) -> Result<O, InputError>,
) -> (String, bool) {
    let mut de = serde_json::Deserializer::from_str(text);
    let result = run(&mut de).and_then(|out| {
        de.end().map_err(|e| {
            InputError::new(ErrorCode::InvalidJson, "", "输入不是有效的JSON。", format!("trailing characters: {e}"))
        })?;
        Ok(out)
    });
    let result = result.map_err(|e| match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        // Text that is not JSON at all gets its own code.
        Err(j) if !j.is_data() => {
            InputError::new(ErrorCode::InvalidJson, "", "输入不是有效的JSON。", format!("not JSON: {j}"))
        }
        _ => e,
    });
    match result {
        Ok(out) => (to_pretty(&out), true),
        Err(e) => (to_pretty(&ErrorResponse { error: &e }), false),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn to_pretty<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\":{{\"code\":\"internal\",\"message\":\"{e}\"}}}}"))
}
