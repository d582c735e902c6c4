//! Checked values and the Rust text they are written as: literals, dates, amounts, the variants
//! of a closed vocabulary, and texts emitted once each as a numbered static.

use std::cell::RefCell;

/// A string literal.
pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// `Some("…")` or `None`.
pub fn opt_lit(s: &Option<String>) -> String {
    match s {
        Some(v) => format!("Some({})", lit(v)),
        None => "None".into(),
    }
}

/// `Some(…)` of what `write` makes of the value, or `None`.
pub fn opt<T>(value: &Option<T>, write: impl FnOnce(&T) -> Result<String, String>) -> Result<String, String> {
    match value {
        Some(v) => Ok(format!("Some({})", write(v)?)),
        None => Ok("None".into()),
    }
}

/// A `YYYY-MM-DD` date as `Date::new(y, m, d)`.
pub fn date(s: &str, what: &str) -> Result<String, String> {
    let bad = || format!("{what}: '{s}' is not a YYYY-MM-DD date");
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return Err(bad());
    }
    let y: u16 = parts[0].parse().map_err(|_| bad())?;
    let m: u8 = parts[1].parse().map_err(|_| bad())?;
    let d: u8 = parts[2].parse().map_err(|_| bad())?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    Ok(format!("Date::new({y}, {m}, {d})"))
}

/// The Rust variant of a data value (`allowed`: data value → variant).
pub fn variant(value: &str, allowed: &[(&str, &str)], what: &str) -> Result<String, String> {
    allowed
        .iter()
        .find(|(k, _)| *k == value)
        .map(|(_, v)| v.to_string())
        .ok_or_else(|| format!("{what}: unknown value '{value}'"))
}

pub fn need_text(s: &str, what: &str) -> Result<(), String> {
    if s.trim().is_empty() {
        Err(format!("{what} must not be empty (every value needs a source)"))
    } else {
        Ok(())
    }
}

/// Cents of a "2000.00" amount (data only; never negative).
pub fn cents(s: &str, what: &str) -> Result<u64, String> {
    let (whole, frac) = s.split_once('.').unwrap_or((s, "00"));
    if frac.len() != 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || whole.is_empty()
    {
        return Err(format!("{what}: '{s}' is not an amount like 2000.00"));
    }
    let w: u64 = whole.parse().map_err(|_| format!("{what}: '{s}' is too large"))?;
    let f: u64 = frac.parse().map_err(|_| format!("{what}: bad amount"))?;
    Ok(w * 100 + f)
}

/// `&[…]`: what `each` writes of every entry (each ending in `, `), in order.
pub fn list<T>(
    entries: impl IntoIterator<Item = T>,
    mut each: impl FnMut(T) -> Result<String, String>,
) -> Result<String, String> {
    let mut out = String::from("&[");
    for x in entries {
        out.push_str(&each(x)?);
    }
    out.push(']');
    Ok(out)
}

/// The number of `text` among the texts emitted once each (`all`, in first-use order): a
/// source or a list of channels many places share is one static, referred to by address.
pub fn intern(all: &RefCell<Vec<String>>, text: String) -> usize {
    let mut all = all.borrow_mut();
    all.iter().position(|s| *s == text).unwrap_or_else(|| {
        all.push(text);
        all.len() - 1
    })
}
