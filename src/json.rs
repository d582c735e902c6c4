//! Reading the input: JSON text → a small document tree ([`Json`]) → the typed input shapes,
//! with the JSON path of every refusal.
//!
//! The engine reads its input itself instead of through serde's `Deserialize`: the typed shapes
//! are few and flat, and reading them by hand gives every error its field path
//! (`expenses[0].pooled.ratio`) without a path-tracking deserializer, keeps numbers as the
//! digits that were written (no float formatting, so `0.1` stays `0.1`), and took about a third
//! off the WebAssembly module (see docs/SITE.md, "Reading input by hand"). Output is still
//! written with serde.
//!
//! What the reader promises (tested against serde_json in tests/properties.rs):
//! - it accepts exactly the JSON documents of RFC 8259 (nested at most [`MAX_DEPTH`] levels);
//! - objects are read in document order, so the first problem in the text is the one reported,
//!   as serde's derive with `deny_unknown_fields` would: an unknown field, a value of the wrong
//!   type, then, after the whole object, a missing field;
//! - numbers keep their text (`600`, `0.5`, `1e-7`); `null` stands for "absent" only where a
//!   field is optional.

use crate::error::{echo, ErrorCode, InputError};
use crate::money::RawNumber;

/// Deepest nesting of arrays and objects accepted. The contract's deepest value is 3 levels down
/// (`expenses[0].pooled.ratio`).
pub const MAX_DEPTH: usize = 64;

/// A JSON value. Numbers keep their literal text; objects keep their keys in document order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// How this value is named in "expected …, found …" messages.
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

/// Parses JSON text, or says why it is not JSON (as an `invalid_json` error). A string with a
/// lone surrogate escape (`"\ud800"`, which no text can hold) is refused naming its field.
pub fn parse(text: &str) -> Result<Json, InputError> {
    let mut p = Parser { bytes: text.as_bytes(), at: 0 };
    let value = p.value(0).and_then(|v| {
        p.skip_ws();
        if p.at < p.bytes.len() {
            Err(p.fail("trailing characters"))
        } else {
            Ok(v)
        }
    });
    value.map_err(|f| {
        let (line, column) = line_column(text, f.at);
        if f.why == TOO_DEEP {
            return too_deep(Some((line, column)));
        }
        let mut e = InputError::new(
            ErrorCode::InvalidJson,
            "",
            format!("输入不是有效的JSON（第{line}行第{column}列）。"),
            format!("not JSON: {} at line {line} column {column}", f.why),
        );
        if let Some(path) = f.path {
            e.field = render(path.iter().rev());
            let at = if e.field.is_empty() { String::new() } else { format!("“{}”", e.field) };
            e.message = format!("{at}的文字里有不成对的代理字符（如\\ud800），不是有效的文字（第{line}行第{column}列）。");
        }
        e
    })
}

const TOO_DEEP: &str = "nested too deeply";

/// Nesting deeper than [`MAX_DEPTH`], with the position when known (the wasm binding refuses
/// values too deep for `JSON.stringify` with the same error).
pub fn too_deep(at: Option<(usize, usize)>) -> InputError {
    let at = at.map_or(String::new(), |(line, column)| format!(" at line {line} column {column}"));
    InputError::new(
        ErrorCode::InvalidJson,
        "",
        format!("输入的数据层级太深（最多{MAX_DEPTH}层）。"),
        format!("not JSON: {TOO_DEEP} (more than {MAX_DEPTH} levels){at}"),
    )
}

fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + before.iter().rev().take_while(|&&b| b != b'\n').count();
    (line, column)
}

/// Why the text is not JSON, and where; for a lone surrogate also the path of the string
/// (innermost step first), filled in as the parser returns through the containers.
struct Fail {
    why: &'static str,
    at: usize,
    path: Option<Vec<Step>>,
}

enum Step {
    Key(String),
    Index(usize),
}

/// A parser path as a field: `expenses[0].name` (keys cut to [`crate::error::ECHO_CHARS`]).
fn render<'a>(steps: impl Iterator<Item = &'a Step>) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => push_key(&mut out, k),
            Step::Index(i) => push_index(&mut out, *i),
        }
    }
    out
}

fn push_key(out: &mut String, key: &str) {
    if !out.is_empty() {
        out.push('.');
    }
    out.push_str(&echo(key));
}

fn push_index(out: &mut String, i: usize) {
    out.push('[');
    out.push_str(&i.to_string());
    out.push(']');
}

impl Fail {
    fn within(mut self, step: impl FnOnce() -> Step) -> Fail {
        if let Some(path) = &mut self.path {
            path.push(step());
        }
        self
    }
}

type Read<T> = Result<T, Fail>;

struct Parser<'t> {
    bytes: &'t [u8],
    at: usize,
}

impl Parser<'_> {
    fn fail(&self, why: &'static str) -> Fail {
        Fail { why, at: self.at, path: None }
    }

    /// A lone surrogate: the field is named as the parser returns through the containers.
    fn lone_surrogate(&self) -> Fail {
        Fail { why: "unpaired surrogate in a string", at: self.at, path: Some(vec![]) }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &'static [u8], value: Json) -> Read<Json> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.fail("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Read<Json> {
        self.skip_ws();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal(b"true", Json::Bool(true)),
            Some(b'f') => self.literal(b"false", Json::Bool(false)),
            Some(b'n') => self.literal(b"null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.fail("expected a value")),
            None => Err(self.fail("unexpected end of input")),
        }
    }

    /// Steps past `[` or `{`; true when the container closes at once (`[]`, `{}`).
    fn open(&mut self, depth: usize, close: u8) -> Read<bool> {
        if depth > MAX_DEPTH {
            return Err(self.fail(TOO_DEEP));
        }
        self.at += 1;
        self.skip_ws();
        let empty = self.peek() == Some(close);
        if empty {
            self.at += 1;
        }
        Ok(empty)
    }

    fn array(&mut self, depth: usize) -> Read<Json> {
        let mut items = Vec::new();
        if self.open(depth, b']')? {
            return Ok(Json::Array(items));
        }
        loop {
            let item = self.value(depth).map_err(|f| f.within(|| Step::Index(items.len())))?;
            items.push(item);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.fail("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Read<Json> {
        let mut entries = Vec::new();
        if self.open(depth, b'}')? {
            return Ok(Json::Object(entries));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.fail("expected a key in quotes"));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.fail("expected `:`"));
            }
            self.at += 1;
            let value = self.value(depth).map_err(|f| f.within(|| Step::Key(key.clone())))?;
            entries.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(entries));
                }
                _ => return Err(self.fail("expected `,` or `}`")),
            }
        }
    }

    /// A string; `self.at` is on the opening quote.
    fn string(&mut self) -> Read<String> {
        self.at += 1;
        let mut out = String::new();
        let mut run = self.at; // start of the bytes not yet copied
        loop {
            match self.peek() {
                None => return Err(self.fail("unterminated string")),
                Some(b'"') => {
                    out.push_str(self.slice(run));
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.slice(run));
                    self.at += 1;
                    let simple = match self.peek() {
                        Some(b'"') => Some('"'),
                        Some(b'\\') => Some('\\'),
                        Some(b'/') => Some('/'),
                        Some(b'b') => Some('\u{8}'),
                        Some(b'f') => Some('\u{c}'),
                        Some(b'n') => Some('\n'),
                        Some(b'r') => Some('\r'),
                        Some(b't') => Some('\t'),
                        Some(b'u') => None,
                        _ => return Err(self.fail("invalid escape")),
                    };
                    match simple {
                        Some(c) => {
                            self.at += 1;
                            out.push(c);
                        }
                        None => out.push(self.unicode_escape()?),
                    }
                    run = self.at;
                }
                Some(0..=0x1f) => return Err(self.fail("control character in a string")),
                Some(_) => {
                    // Plain characters run until a quote, a backslash or a control character.
                    let rest = &self.bytes[self.at..];
                    self.at += rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
                }
            }
        }
    }

    /// Text between `from` and the current position. Both sit on ASCII bytes (quotes,
    /// backslashes) of valid UTF-8, so the slice is whole characters.
    fn slice(&self, from: usize) -> &str {
        std::str::from_utf8(&self.bytes[from..self.at]).unwrap_or_default()
    }

    /// `uXXXX` after a backslash (a surrogate pair takes `uXXXX\\uXXXX`); `self.at` is on the
    /// `u` and ends just after the last hex digit.
    fn unicode_escape(&mut self) -> Read<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                // A high surrogate must be followed by `\u` and a low surrogate.
                if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(self.lone_surrogate());
                }
                self.at += 1;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.lone_surrogate());
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.lone_surrogate()),
            c => c,
        };
        char::from_u32(code).ok_or(self.fail("invalid escape"))
    }

    /// `u` and four hex digits; `self.at` is on the `u` and ends after the last digit.
    fn hex4(&mut self) -> Read<u32> {
        let digits = self.bytes.get(self.at + 1..self.at + 5).ok_or(self.fail("invalid escape"))?;
        let mut code = 0;
        for &d in digits {
            let v = (d as char).to_digit(16).ok_or(self.fail("invalid escape"))?;
            code = code * 16 + v;
        }
        self.at += 5;
        Ok(code)
    }

    /// A number literal per RFC 8259, kept as its text.
    fn number(&mut self) -> Read<Json> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.fail("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.fail("invalid number"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.fail("invalid number"));
            }
            self.digits();
        }
        Ok(Json::Number(self.slice(start).to_string()))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }
}

// ------------------------------------------------------------------------------ typed reading

/// Where a value sits in the input, built on the stack as the reader descends and turned into
/// text (`expenses[0].amount`) only when an error needs it.
#[derive(Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    pub const ROOT: Path<'static> = Path { parent: None, step: Segment::Root };

    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path { parent: Some(self), step: Segment::Key(key) }
    }

    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path { parent: Some(self), step: Segment::Index(i) }
    }

    /// The path as the `field` of an error: `expenses[0].amount`; empty for the document. A key
    /// longer than [`crate::error::ECHO_CHARS`] is cut short with an ellipsis.
    pub fn render(&self) -> String {
        let mut out = match self.parent {
            Some(p) => p.render(),
            None => String::new(),
        };
        match self.step {
            Segment::Root => {}
            Segment::Key(k) => push_key(&mut out, k),
            Segment::Index(i) => push_index(&mut out, i),
        }
        out
    }
}

fn invalid_type(found: &Json, expected: &str, path: &Path) -> InputError {
    InputError::new(
        ErrorCode::InvalidType,
        path.render(),
        "这一项的格式不对（类型错误）。",
        format!("invalid type: {}, expected {expected}", found.kind()),
    )
}

/// Reads the fields of an object in document order, handing each known one to `field`
/// (name, value, path of the value). Refuses what is not an object, unknown fields and
/// repeated fields, naming them.
pub fn fields<'v>(
    value: &'v Json,
    path: &Path,
    known: &[&str],
    mut field: impl FnMut(&str, &'v Json, &Path) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let Json::Object(entries) = value else {
        return Err(invalid_type(value, "an object", path));
    };
    for (i, (key, v)) in entries.iter().enumerate() {
        let here = path.key(key);
        if !known.contains(&key.as_str()) {
            return Err(InputError::new(
                ErrorCode::UnknownField,
                here.render(),
                format!("不认识的字段“{}”，请检查拼写。", echo(key)),
                format!("unknown field `{}`", echo(key)),
            ));
        }
        if entries[..i].iter().any(|(k, _)| k == key) {
            return Err(InputError::new(
                ErrorCode::InvalidType,
                here.render(),
                format!("字段“{}”重复出现了。", echo(key)),
                format!("duplicate field `{}`", echo(key)),
            ));
        }
        field(key, v, &here)?;
    }
    Ok(())
}

/// A required field's value, or `missing_field` naming it (`expenses[0].card`).
pub fn required<T>(value: Option<T>, object: &Path, name: &str) -> Result<T, InputError> {
    value.ok_or_else(|| {
        InputError::new(
            ErrorCode::MissingField,
            object.key(name).render(),
            format!("缺少必填项“{name}”。"),
            format!("missing field `{name}`"),
        )
    })
}

pub fn string(value: &Json, path: &Path) -> Result<String, InputError> {
    match value {
        Json::String(s) => Ok(s.clone()),
        other => Err(invalid_type(other, "a string", path)),
    }
}

/// An optional string: `null` is the same as leaving the field out.
pub fn optional_string(value: &Json, path: &Path) -> Result<Option<String>, InputError> {
    match value {
        Json::Null => Ok(None),
        other => string(other, path).map(Some),
    }
}

pub fn boolean(value: &Json, path: &Path) -> Result<bool, InputError> {
    match value {
        Json::Bool(b) => Ok(*b),
        other => Err(invalid_type(other, "true or false", path)),
    }
}

/// An amount, ratio or order: a string (`"12.30"`) or a number literal (`12.3`), kept as text
/// for [`crate::money`] to check.
pub fn number(value: &Json, path: &Path) -> Result<RawNumber, InputError> {
    match value {
        Json::String(s) => Ok(RawNumber::text(s)),
        Json::Number(n) => Ok(RawNumber::Literal(n.clone())),
        other => Err(invalid_type(other, "an amount as a string like \"12.30\" or a number", path)),
    }
}

/// An optional number: `null` is the same as leaving the field out.
pub fn optional_number(value: &Json, path: &Path) -> Result<Option<RawNumber>, InputError> {
    match value {
        Json::Null => Ok(None),
        other => number(other, path).map(Some),
    }
}

/// A list of at most `limit` entries, each read by `item` with its own path (`members[2]`).
pub fn list<T>(
    value: &Json,
    path: &Path,
    limit: usize,
    mut item: impl FnMut(&Json, &Path) -> Result<T, InputError>,
) -> Result<Vec<T>, InputError> {
    let Json::Array(items) = value else {
        return Err(invalid_type(value, "a list", path));
    };
    if items.len() > limit {
        return Err(InputError::new(
            ErrorCode::TooMany,
            path.render(),
            format!("这一项最多只能有{limit}条。"),
            format!("too many entries, at most {limit}"),
        ));
    }
    items.iter().enumerate().map(|(i, v)| item(v, &path.index(i))).collect()
}
