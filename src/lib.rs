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

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{ErrorCode, ErrorResponse, InputError};
pub use output::Output;

/// The engine version reported as `engine` in every output.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Reads a scenario from any serde deserializer (serde_json for the CLI, serde-wasm-bindgen in
/// the browser), checks it, and evaluates it. Structural errors carry their JSON path.
pub fn evaluate_from<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Output, InputError> {
    let input: input::ScenarioInput = serde_path_to_error::deserialize(d)
        .map_err(|e| error::from_serde(&e.path().to_string(), &e.inner().to_string()))?;
    evaluate_input(&input)
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
    let mut de = serde_json::Deserializer::from_str(text);
    let result = evaluate_from(&mut de).and_then(|out| {
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
