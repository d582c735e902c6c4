//! The one error type of the engine: bad input, with the field it concerns.
//!
//! Every refusal names the field by its JSON path (`expenses[0].amount`), has a stable
//! machine-readable [`ErrorCode`], and a message in plain Chinese with an English twin. Errors are
//! values: no input, however broken, makes the engine panic (a panic in wasm would kill the
//! module for the rest of the visit).

use serde::Serialize;
use std::fmt;

crate::codes::vocabulary! {
    /// What kind of input problem this is. The `snake_case` name is the `code` in the JSON.
    pub enum ErrorCode {
        /// The text is not JSON (CLI), is not UTF-8, is nested deeper than 64 levels, or has a string
        /// with a lone surrogate (then `field` names it).
        InvalidJson = "invalid_json",
        /// The input document is longer than `limits::INPUT_BYTES`.
        InputTooLarge = "input_too_large",
        /// A value has the wrong JSON type (a list where an object was expected, ...).
        InvalidType = "invalid_type",
        /// A required field is absent.
        MissingField = "missing_field",
        /// A field the contract does not know (often a typo: `persona_burden`).
        UnknownField = "unknown_field",
        /// A value outside its list (`relation`, `insurance`, `card`, `venue`); a member's `city`
        /// that is not in the `province` given (the message names both).
        InvalidValue = "invalid_value",
        /// An amount that is negative, not finite, has more than two decimals, or exceeds ¥10,000,000.
        InvalidAmount = "invalid_amount",
        /// A ratio outside 0..=1 or with more than four decimals.
        InvalidRatio = "invalid_ratio",
        /// `as_of` is not a real `YYYY-MM-DD` date.
        InvalidDate = "invalid_date",
        /// `region` (of a scenario or a questionnaire) names no place: not `national`, a known id, a
        /// 6-digit division code or a place's name. The message lists the closest places.
        UnknownRegion = "unknown_region",
        /// `members[].province` or `members[].city` names no place (SPEC §10.1; before issue 22 such a
        /// member silently got national rules). The message lists the closest places (by edit distance
        /// and shared characters) with their codes.
        UnknownPlace = "unknown_place",
        /// A place field (`region`, `members[].province`, `members[].city`) fits several places that
        /// the field does not tell apart ("taizhou": 泰州 and 台州). The message lists them all, each
        /// with its province and code; the code or the Chinese name decides.
        AmbiguousPlace = "ambiguous_place",
        UnknownItem = "unknown_item",
        /// A sharing line, expense or `via` names a member id that does not exist.
        UnknownMember = "unknown_member",
        /// Two members share one id, or two sharing lines join the same pair.
        DuplicateId = "duplicate_id",
        /// An id that is empty, too long or has characters other than letters, digits, `_` and `-`.
        InvalidId = "invalid_id",
        /// More members, sharing lines or expenses than the limits allow (see `limits`).
        TooMany = "too_many",
        /// A name or province longer than the limits allow.
        TextTooLong = "text_too_long",
        /// Relations that cannot all hold at once: two `self`, two `spouse`, two `father`, two
        /// spouses (儿媳, 女婿, 兄弟姐妹的配偶) `via` the same member, ...
        InvalidFamily = "invalid_family",
        /// `via` is missing where required, names the wrong kind of member, or is given where it means nothing.
        InvalidVia = "invalid_via",
        /// A sharing line from a member to themself.
        SelfSharing = "self_sharing",
        /// `order` and `quota` on the same sharing line.
        OrderAndQuota = "order_and_quota",
        /// Two sharing lines to the same patient with the same `order`.
        DuplicateOrder = "duplicate_order",
        /// `order` not a whole number from 1 to 99.
        InvalidOrder = "invalid_order",
        /// One sharer's quotas add up to more than their balance.
        QuotaExceedsBalance = "quota_exceeds_balance",
        /// An expense gives both `amount` and `personal_burden`, or neither; or `pooled` with `personal_burden`.
        AmountOrBurden = "amount_or_burden",
        /// A member without a personal account was given a non-zero balance, or an employee has none.
        InvalidBalance = "invalid_balance",
        /// The venue cannot be where this item happens (补牙 at a pharmacy, 住院 online).
        VenueNotForItem = "venue_not_for_item",
        /// Order advice would take too long: too many 顺位 orders times too many expenses. The
        /// message says what to reduce.
        TooMuchWork = "too_much_work",
    }
}

/// Bad input: which field, what kind of problem, and what to do, in Chinese and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputError {
    pub code: ErrorCode,
    /// JSON path of the field, e.g. `expenses[0].amount`; empty for the whole document.
    pub field: String,
    /// Plain Chinese, for the visitor.
    pub message: String,
    /// English, for developers embedding the engine.
    pub message_en: String,
}

impl InputError {
    pub fn new(code: ErrorCode, field: impl Into<String>, message: impl Into<String>, message_en: impl Into<String>) -> Self {
        InputError { code, field: field.into(), message: message.into(), message_en: message_en.into() }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at `{}`: {}", self.code.as_str(), self.field, self.message_en)
    }
}

impl std::error::Error for InputError {}

/// The error as the public contract shows it: `{"error": {...}}`.
#[derive(Serialize)]
pub struct ErrorResponse<'a> {
    pub error: &'a InputError,
}

/// Longest piece of input text repeated in an error (field paths and messages): a 2 MB
/// unknown key must not come back as a 6 MB error.
pub const ECHO_CHARS: usize = 80;

/// Input text to repeat in an error: at most [`ECHO_CHARS`] characters, then `…`.
pub fn echo(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(ECHO_CHARS) {
        None => std::borrow::Cow::Borrowed(text),
        Some((cut, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..cut])),
    }
}

/// The whole input is longer than [`crate::limits::INPUT_BYTES`].
pub fn input_too_large() -> InputError {
    let mb = crate::limits::INPUT_BYTES / 1_000_000;
    InputError::new(
        ErrorCode::InputTooLarge,
        "",
        format!("输入的数据太大（超过{mb}MB），请减少费用或成员的条数。"),
        format!("input larger than {} bytes of JSON", crate::limits::INPUT_BYTES),
    )
}
