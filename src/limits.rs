//! Input limits: generous for any real family and year, small enough that a hostile or broken
//! input cannot make the engine slow or large. Each limit has its own error (`too_many`,
//! `text_too_long`, `invalid_amount`) naming the field. Documented in README.md.

/// Members of one family.
pub const MEMBERS: usize = 30;
/// Sharing lines (who shares to whom).
pub const SHARING_LINES: usize = 100;
/// Expenses in one scenario (a year of them).
pub const EXPENSES: usize = 1000;
/// Member, patient and sharing ids: 1 to 64 characters of letters, digits, `_` and `-`.
pub const ID_CHARS: usize = 64;
/// Member names (称呼), in characters.
pub const NAME_CHARS: usize = 40;
/// Province names, in characters.
pub const PROVINCE_CHARS: usize = 20;
/// Members whose insurance is `unknown` (不知道): each doubles the evaluations (SPEC §10.3).
pub const UNKNOWN_INSURANCE: usize = 2;
/// Highest 顺位 on a sharing line.
pub const MAX_ORDER: u8 = 99;
/// The whole input document, in bytes of JSON text (UTF-8). A year of 1000 expenses with
/// pooled parameters is about 250 KB; anything this large is not a family's year.
pub const INPUT_BYTES: usize = 2_000_000;

/// The limits as the `limits()` table (the page checks its own inputs against these, never a copy).
#[derive(Debug, serde::Serialize)]
pub struct Limits {
    pub members: usize,
    pub sharing_lines: usize,
    pub expenses: usize,
    pub id_chars: usize,
    pub name_chars: usize,
    pub province_chars: usize,
    pub max_order: u8,
    pub input_bytes: usize,
    pub unknown_insurance: usize,
    /// The largest amount, in yuan.
    pub max_amount: &'static str,
}

pub const LIMITS: Limits = Limits {
    members: MEMBERS,
    sharing_lines: SHARING_LINES,
    expenses: EXPENSES,
    id_chars: ID_CHARS,
    name_chars: NAME_CHARS,
    province_chars: PROVINCE_CHARS,
    max_order: MAX_ORDER,
    input_bytes: INPUT_BYTES,
    unknown_insurance: UNKNOWN_INSURANCE,
    max_amount: "10000000.00",
};
