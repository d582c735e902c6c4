//! # gongji — 医保家庭共济计算器
//!
//! Answers, for a family and a list of expenses: *which account pays how much, in what order,
//! and why* — under China's rules for sharing a 职工医保 personal account with relatives
//! (家庭共济), citing the rule behind every line.
//!
//! Pure Rust, no JavaScript types: the wasm binding (crate `gongji-wasm`, crates/gongji-wasm) and the CLI
//! (`src/main.rs`) are thin layers over [`answer_json`].
//!
//! Flow: JSON text → [`json`] (tree, then typed fields with paths) → [`input::ScenarioInput`]
//! (shape only) → [`scenario::Scenario`] (checked, or an [`InputError`] naming the field) →
//! [`engine::evaluate`] → [`Output`] → JSON text (serde).
//!
//! Codemap and invariants: see ARCHITECTURE.md.

pub mod advice;
pub mod codes;
pub mod credit;
pub mod data;
pub mod date;
pub mod engine;
pub mod error;
pub mod input;
pub mod json;
pub mod kinship;
pub mod limits;
pub mod money;
pub mod output;
pub mod scenario;
pub mod withdrawal;

pub use error::{ErrorCode, ErrorResponse, InputError};
pub use output::{Output, ENGINE_VERSION};

/// One relation to 我, as a form lists it: `gongji relations` and the wasm export `relations()`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RelationInfo {
    /// The contract id (`grandson`).
    pub id: &'static str,
    /// The Chinese name (孙子).
    pub name: &'static str,
    /// Relations the member named by `via` may have (a grandson runs through a son); empty
    /// where `via` means nothing.
    pub via: Vec<&'static str>,
    /// At most one per family (a person has one father, one spouse).
    pub unique: bool,
    /// A generation above 我 (likely retired; the "elderly" of order advice).
    pub elder: bool,
}

/// Every relation, in the order the contract lists them (SPEC §5).
pub fn relations() -> Vec<RelationInfo> {
    kinship::Relation::ALL
        .iter()
        .map(|&(r, id, name)| RelationInfo {
            id,
            name,
            via: r.via_relations().unwrap_or(&[]).iter().map(|v| v.id()).collect(),
            unique: r.is_unique(),
            elder: r.is_elder(),
        })
        .collect()
}

/// The questions the engine answers. Each takes one JSON document and gives one back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// A scenario (SPEC §7): who pays how much, in what order, and why.
    Evaluate,
    /// The possible 顺位 orders over a scenario's expenses compared (SPEC §8).
    Advise,
    /// The withdrawal questionnaire (R-WITHDRAW).
    Withdrawal,
    /// The monthly credit estimate (R-CREDIT).
    Credit,
}

impl Question {
    /// By the name the CLI, the golden cases and the wasm exports use: `evaluate`, `advise`,
    /// `withdrawal`, `credit`.
    pub fn from_name(name: &str) -> Option<Question> {
        Some(match name {
            "evaluate" => Question::Evaluate,
            "advise" => Question::Advise,
            "withdrawal" => Question::Withdrawal,
            "credit" => Question::Credit,
            _ => return None,
        })
    }
}

/// How the answer text is laid out: indented for people (CLI), compact for programs (wasm).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Pretty,
    Compact,
}

/// The one entry point behind the CLI and the wasm exports: JSON text in, JSON text out (the
/// answer, or `{"error": ...}`), and whether it succeeded. Text longer than
/// [`limits::INPUT_BYTES`] is refused before it is read.
pub fn answer_json(question: Question, text: &str, layout: Layout) -> (String, bool) {
    if text.len() > limits::INPUT_BYTES {
        let e = error::input_too_large();
        return (error_json(&e, layout), false);
    }
    let result = match question {
        Question::Evaluate => input::ScenarioInput::from_text(text).and_then(|i| evaluate_input(&i)).map(|o| to_json(&o, layout)),
        Question::Advise => input::ScenarioInput::from_text(text).and_then(|i| advice::advise(&i)).map(|o| to_json(&o, layout)),
        Question::Withdrawal => {
            withdrawal::WithdrawalInput::from_text(text).and_then(|i| withdrawal::check(&i)).map(|o| to_json(&o, layout))
        }
        Question::Credit => credit::CreditInput::from_text(text).and_then(|i| credit::estimate(&i)).map(|o| to_json(&o, layout)),
    };
    match result {
        Ok(answer) => (answer, true),
        Err(e) => (error_json(&e, layout), false),
    }
}

/// An input problem as the answer text `{"error": {...}}`, as [`answer_json`] writes it (the
/// wasm binding's refusals before the engine is reached).
pub fn error_json(e: &InputError, layout: Layout) -> String {
    to_json(&ErrorResponse { error: e }, layout)
}

/// The reference tables the CLI prints and the wasm module exports (`catalogue`, `rules`,
/// `regions`, `relations`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// The expense catalogue (SPEC §4).
    Catalogue,
    /// The rules with their sources and effective dates (SPEC §3).
    Rules,
    /// Every place the engine knows (SPEC §9.1), with its values and sources.
    Regions,
    /// Every relation to 我 ([`relations`]).
    Relations,
    /// The input limits ([`limits::LIMITS`]).
    Limits,
}

/// A reference table as JSON text, through the answers' serializer (one monomorphization of the
/// JSON writer in the wasm module, whichever crate asks).
pub fn table_json(table: Table, layout: Layout) -> String {
    match table {
        Table::Catalogue => to_json(data::items(), layout),
        Table::Rules => to_json(data::rules(), layout),
        Table::Regions => to_json(data::places(), layout),
        Table::Relations => to_json(&relations(), layout),
        Table::Limits => to_json(&limits::LIMITS, layout),
    }
}

/// Checks and evaluates a scenario already read.
pub fn evaluate_input(input: &input::ScenarioInput) -> Result<Output, InputError> {
    let scenario = scenario::Scenario::from_input(input)?;
    Ok(engine::evaluate(&scenario))
}

/// Convenience: a scenario as JSON text in, pretty JSON text out, and whether it succeeded.
pub fn evaluate_json(text: &str) -> (String, bool) {
    answer_json(Question::Evaluate, text, Layout::Pretty)
}

/// Convenience for the CLI and the tests: [`answer_json`] by question name, pretty; `None` for
/// an unknown name.
pub fn run_json(kind: &str, text: &str) -> Option<(String, bool)> {
    Some(answer_json(Question::from_name(kind)?, text, Layout::Pretty))
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T, layout: Layout) -> String {
    // The wasm module only ever writes compact JSON: leaving the pretty printer out of it saves
    // one monomorphization of every output type (about a tenth of the module).
    let text = match layout {
        #[cfg(not(target_arch = "wasm32"))]
        Layout::Pretty => serde_json::to_string_pretty(value),
        _ => serde_json::to_string(value),
    };
    // Serializing the engine's own types cannot fail (string keys, no floats); still no panic.
    text.unwrap_or_else(|_| {
        "{\"error\":{\"code\":\"internal\",\"field\":\"\",\"message\":\"计算结果无法转换。\",\"message_en\":\"internal: cannot serialize the answer\"}}".to_string()
    })
}
