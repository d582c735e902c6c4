//! The WebAssembly binding of gongji: a thin layer over the engine's one entry point,
//! [`gongji::answer_json`]. The only code that knows JavaScript (wasm-bindgen, js-sys); compiled
//! for wasm32 only (natively this crate is empty). `scripts/build-wasm.sh` builds it into the
//! page's package (`www/pkg/gongji.js`, `gongji_bg.wasm`); its tests are in `tests/binding.rs`.
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
//! docs/SITE.md. The reference tables (`catalogue`, `rules`, `regions`, `relations`, `limits`) come the
//! same way, as the engine's JSON text ([`gongji::table_json`]) through `JSON.parse`; `version`
//! is serialized straight into a JS object with serde-wasm-bindgen.
//!
//! JSON cannot carry NaN or ±Infinity (`JSON.stringify` writes `null`, which would read as
//! "absent"): the one conversion, [`input_text`], writes them as strings the engine refuses at
//! their field, whatever else the input holds.
//!
//! TypeScript types for these exports: `crates/gongji-wasm/pkg/gongji.d.ts`, copied into `www/pkg` by
//! `scripts/build-wasm.sh`.

#![cfg(target_arch = "wasm32")]

use gongji::error::{ErrorCode, InputError};
use gongji::{Layout, Question, Table};
use js_sys::{JsString, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The one error helper: an input problem that is not about a particular field.
fn whole_input_error(message: &str, message_en: String) -> InputError {
    InputError::new(ErrorCode::InvalidType, "", message, message_en)
}

fn not_plain_data(why: &str) -> InputError {
    whole_input_error("输入不是有效的数据（只能是对象、数组、字符串、数字、布尔值）。", format!("input is not plain data: {why}"))
}

/// A small value as a plain JS value: serde-wasm-bindgen's JSON-compatible serializer (maps
/// become plain objects). Only for `version`: the reference tables come as JSON text from the
/// engine's own serializer ([`gongji::table_json`]), one monomorphization of their types and of
/// the JSON writer instead of two.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// A reference table: the engine's JSON text, then `JSON.parse`.
fn table(t: Table) -> JsValue {
    from_json(&gongji::table_json(t, Layout::Compact))
}

/// The engine's answer text as a JS value. The text is the engine's own serde_json output, so
/// `JSON.parse` cannot fail; `null` stands in if it ever did, never a throw.
fn from_json(text: &str) -> JsValue {
    JSON::parse(text).unwrap_or(JsValue::NULL)
}

fn error_value(e: &InputError) -> JsValue {
    from_json(&gongji::error_json(e, Layout::Compact))
}

// The one way a JS value becomes JSON text for the engine (issue 11: the answer must not depend
// on what else is in the input). `JSON.stringify` with a replacer that turns NaN and ±Infinity,
// bare or in a `Number` object, into the strings "NaN", "Infinity" and "-Infinity", which the
// engine refuses at their field (plain `JSON.stringify` writes `null`, which would read as
// "absent"). Everything else is exactly `JSON.stringify`: `toJSON` (a Date becomes its ISO
// text), boxed strings and booleans unwrapped, functions, symbols and `undefined` left out of
// objects and `null` in lists. Nesting is capped by the engine's reader (64 levels,
// `json::MAX_DEPTH`); deeper than the JS stack allows is refused with the same error.
//
// The JS lives in a wasm-bindgen snippet (a module file, no `eval`: the page's CSP allows none);
// scripts/postprocess-glue.mjs inlines it into gongji.js so the page loads no extra file. It
// returns the text; 0 (a bare function, symbol or undefined); 1 (nested deeper than the engine
// reads, which also overflows the JS stack: a RangeError); or [2, what] when JSON.stringify threw
// for another reason (a cycle, a BigInt, a getter that threw — even a RangeError of its own),
// with the error's name and message, so the refusal says what happened.
#[wasm_bindgen(inline_js = "
export function gongji_json(value) {
  try {
    var text = JSON.stringify(value, function (key, v) {
      if (typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Number]') v = Number(v);
      if (typeof v === 'number' && !isFinite(v)) return v !== v ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
      return v;
    });
    return text === undefined ? 0 : text;
  } catch (e) {
    if (e instanceof RangeError && gongji_too_deep(value)) return 1;
    var what;
    try { what = e instanceof Error ? e.name + ': ' + e.message : String(e); } catch (f) { what = 'unknown'; }
    return [2, what];
  }
}
function gongji_too_deep(value) {
  var stack = [[value, 0]], seen = 0;
  try {
    while (stack.length) {
      var top = stack.pop(), v = top[0], depth = top[1];
      if (depth > 64) return true;
      if (v === null || typeof v !== 'object') continue;
      if (++seen > 200000) return false;
      var keys = Object.keys(v);
      for (var i = 0; i < keys.length; i++) stack.push([v[keys[i]], depth + 1]);
    }
  } catch (e) {
    return false;
  }
  return false;
}
")]
extern "C" {
    fn gongji_json(value: &JsValue) -> JsValue;
}

/// The JS value as JSON text for the engine, or why it is not data.
fn input_text(input: &JsValue) -> Result<String, InputError> {
    if input.is_undefined() {
        return Err(whole_input_error("没有收到输入。", "no input (undefined)".to_string()));
    }
    let text = gongji_json(input);
    if js_sys::Array::is_array(&text) {
        // JSON.stringify threw: say what happened (at most 80 characters of it).
        let what = js_sys::Reflect::get(&text, &JsValue::from_f64(1.0)).ok().and_then(|w| w.as_string()).unwrap_or_default();
        let what = gongji::error::echo(&what);
        return Err(whole_input_error(
            &format!("输入无法读取：读取其中的数据时出错（{what}）。请只传入普通的数据（对象、数组、字符串、数字）。"),
            format!("reading the input threw: {what}"),
        ));
    }
    if !text.is_string() {
        return Err(match text.as_f64().map(|x| x as u8) {
            Some(1) => gongji::json::too_deep(None),
            _ => not_plain_data("a function or symbol"),
        });
    }
    // Longer in UTF-16 units means longer in UTF-8 bytes too: refuse before copying it in.
    if text.unchecked_ref::<JsString>().length() as usize > gongji::limits::INPUT_BYTES {
        return Err(gongji::error::input_too_large());
    }
    text.as_string().ok_or_else(|| not_plain_data("a function or symbol"))
}

/// Runs one question on a JS value: the answer, or `{error}`.
fn run(input: &JsValue, question: Question) -> JsValue {
    match input_text(input) {
        Ok(text) => from_json(&gongji::answer_json(question, &text, Layout::Compact).0),
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
    table(Table::Catalogue)
}

/// The rules with their sources and effective dates (SPEC §3).
#[wasm_bindgen]
pub fn rules() -> JsValue {
    table(Table::Rules)
}

/// Every place the engine knows (SPEC §9.1), with its values and sources (title, date, grade).
#[wasm_bindgen]
pub fn regions() -> JsValue {
    table(Table::Regions)
}

/// Every relation to 我: `{id, name, via, unique}` (which relations a `via` may name; at most
/// one per family), so forms need not keep their own list.
#[wasm_bindgen]
pub fn relations() -> JsValue {
    table(Table::Relations)
}

/// The input limits (members, lines, expenses, text lengths, the largest amount), so a page
/// need not keep its own copy.
#[wasm_bindgen]
pub fn limits() -> JsValue {
    table(Table::Limits)
}

#[derive(Serialize)]
struct Version {
    engine: &'static str,
    rules: &'static str,
}

/// `{engine, rules}`: the engine version and the rules data version.
#[wasm_bindgen]
pub fn version() -> JsValue {
    to_js(&Version { engine: gongji::ENGINE_VERSION, rules: gongji::data::rules_version() })
}
