//! Where two JSON values differ, as paths a reviewer can read: `expenses[0].steps[2].amount`,
//! `quotas["me->kid"]` (the engine's own field-path notation). Used by the golden harnesses
//! (tests/golden.rs natively, crates/gongji-wasm/tests/binding.rs through the wasm exports) so a
//! failing case says what changed instead of printing two whole outputs.
//!
//! Arrays are aligned on their equal elements first (longest common subsequence), so one step
//! inserted into a list reads as one addition, not as every later step changed.

use serde_json::Value;
use std::fmt::Write as _;

/// One place where the values differ. `None` on a side: nothing there (a key or element only the
/// other side has).
#[derive(Debug, PartialEq)]
pub struct Difference {
    pub path: String,
    pub expected: Option<Value>,
    pub actual: Option<Value>,
}

/// Every difference between `expected` and `actual`, in document order.
pub fn diff(expected: &Value, actual: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    walk(String::new(), expected, actual, &mut out);
    out
}

/// The first `max` differences, one block each, and how many more there are.
pub fn report(expected: &Value, actual: &Value, max: usize) -> String {
    let all = diff(expected, actual);
    let mut s = String::new();
    for d in all.iter().take(max) {
        let path = if d.path.is_empty() { "(the whole value)" } else { &d.path };
        writeln!(s, "  {path}").unwrap();
        writeln!(s, "      expected: {}", shown(d.expected.as_ref())).unwrap();
        writeln!(s, "      got:      {}", shown(d.actual.as_ref())).unwrap();
    }
    if all.len() > max {
        writeln!(s, "  (+{} more)", all.len() - max).unwrap();
    }
    s
}

fn shown(v: Option<&Value>) -> String {
    const MAX: usize = 300;
    let Some(v) = v else { return "(absent)".to_string() };
    let text = v.to_string();
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}… ({} characters)", &text[..cut], text.chars().count()),
        None => text,
    }
}

fn key_path(path: &str, key: &str) -> String {
    let plain = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    match (plain, path.is_empty()) {
        (true, true) => key.to_string(),
        (true, false) => format!("{path}.{key}"),
        (false, _) => format!("{path}[{}]", Value::from(key)),
    }
}

fn walk(path: String, e: &Value, a: &Value, out: &mut Vec<Difference>) {
    if e == a {
        return;
    }
    match (e, a) {
        (Value::Object(eo), Value::Object(ao)) => {
            for (k, ev) in eo {
                match ao.get(k) {
                    Some(av) => walk(key_path(&path, k), ev, av, out),
                    None => out.push(Difference { path: key_path(&path, k), expected: Some(ev.clone()), actual: None }),
                }
            }
            for (k, av) in ao.iter().filter(|(k, _)| !eo.contains_key(*k)) {
                out.push(Difference { path: key_path(&path, k), expected: None, actual: Some(av.clone()) });
            }
        }
        (Value::Array(ea), Value::Array(aa)) => arrays(&path, ea, aa, out),
        _ => out.push(Difference { path, expected: Some(e.clone()), actual: Some(a.clone()) }),
    }
}

/// Aligns the two arrays on a longest common subsequence of equal elements; between two aligned
/// elements, the unaligned ones are compared pairwise and the rest are only on one side. A path
/// names the element's index on the side that has it (the expected one where both do).
fn arrays(path: &str, e: &[Value], a: &[Value], out: &mut Vec<Difference>) {
    let at = |i: usize| format!("{path}[{i}]");
    let pairs = common(e, a);
    let (mut i, mut j) = (0, 0);
    for (mi, mj) in pairs.into_iter().chain([(e.len(), a.len())]) {
        let (n, m) = (mi - i, mj - j);
        for k in 0..n.min(m) {
            walk(at(i + k), &e[i + k], &a[j + k], out);
        }
        for k in m..n {
            out.push(Difference { path: at(i + k), expected: Some(e[i + k].clone()), actual: None });
        }
        for k in n..m {
            out.push(Difference { path: at(j + k), expected: None, actual: Some(a[j + k].clone()) });
        }
        (i, j) = (mi + 1, mj + 1);
    }
}

/// The index pairs of a longest common subsequence (equal elements), or none when the arrays
/// are too long to align cheaply (they are then compared index by index).
fn common(e: &[Value], a: &[Value]) -> Vec<(usize, usize)> {
    if e.len().saturating_mul(a.len()) > 1_000_000 {
        return Vec::new();
    }
    // len[i][j]: the LCS length of e[i..] and a[j..].
    let w = a.len() + 1;
    let mut len = vec![0u32; (e.len() + 1) * w];
    for i in (0..e.len()).rev() {
        for j in (0..a.len()).rev() {
            len[i * w + j] =
                if e[i] == a[j] { len[(i + 1) * w + j + 1] + 1 } else { len[(i + 1) * w + j].max(len[i * w + j + 1]) };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < e.len() && j < a.len() {
        if e[i] == a[j] {
            pairs.push((i, j));
            (i, j) = (i + 1, j + 1);
        } else if len[(i + 1) * w + j] >= len[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}
