//! The one error type of the engine: bad input, with the field it concerns.
//!
//! Every refusal names the field by its JSON path (`expenses[0].amount`), has a stable
//! machine-readable [`ErrorCode`], and a message in plain Chinese with an English twin. Errors are
//! values: no input, however broken, makes the engine panic (a panic in wasm would kill the
//! module for the rest of the visit).

use serde::Serialize;
use std::fmt;

/// What kind of input problem this is. The `snake_case` name is the `code` in the JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The text is not JSON (CLI), is not UTF-8, is nested deeper than 64 levels, or has a string
    /// with a lone surrogate (then `field` names it).
    InvalidJson,
    /// The input document is longer than `limits::INPUT_BYTES`.
    InputTooLarge,
    /// A value has the wrong JSON type (a list where an object was expected, ...).
    InvalidType,
    /// A required field is absent.
    MissingField,
    /// A field the contract does not know (often a typo: `persona_burden`).
    UnknownField,
    /// A value outside its list (`relation`, `insurance`, `card`, `venue`); a member's `city`
    /// that is not in the `province` given (the message names both).
    InvalidValue,
    /// An amount that is negative, not finite, has more than two decimals, or exceeds ¥10,000,000.
    InvalidAmount,
    /// A ratio outside 0..=1 or with more than four decimals.
    InvalidRatio,
    /// `as_of` is not a real `YYYY-MM-DD` date.
    InvalidDate,
    /// `region` (of a scenario or a questionnaire) names no place: not `national`, a known id, a
    /// 6-digit division code or a place's name. The message lists the closest places.
    UnknownRegion,
    /// `members[].province` or `members[].city` names no place (SPEC §10.1; before issue 22 such a
    /// member silently got national rules). The message lists the closest places (by edit distance
    /// and shared characters) with their codes.
    UnknownPlace,
    /// A place field (`region`, `members[].province`, `members[].city`) fits several places that
    /// the field does not tell apart ("taizhou": 泰州 and 台州). The message lists them all, each
    /// with its province and code; the code or the Chinese name decides.
    AmbiguousPlace,
    UnknownItem,
    /// A sharing line, expense or `via` names a member id that does not exist.
    UnknownMember,
    /// Two members share one id, or two sharing lines join the same pair.
    DuplicateId,
    /// An id that is empty, too long or has characters other than letters, digits, `_` and `-`.
    InvalidId,
    /// More members, sharing lines or expenses than the limits allow (see `limits`).
    TooMany,
    /// A name or province longer than the limits allow.
    TextTooLong,
    /// Relations that cannot all hold at once: two `self`, two `spouse`, two `father`, two
    /// spouses (儿媳, 女婿, 兄弟姐妹的配偶) `via` the same member, ...
    InvalidFamily,
    /// `via` is missing where required, names the wrong kind of member, or is given where it means nothing.
    InvalidVia,
    /// A sharing line from a member to themself.
    SelfSharing,
    /// `order` and `quota` on the same sharing line.
    OrderAndQuota,
    /// Two sharing lines to the same patient with the same `order`.
    DuplicateOrder,
    /// `order` not a whole number from 1 to 99.
    InvalidOrder,
    /// One sharer's quotas add up to more than their balance.
    QuotaExceedsBalance,
    /// An expense gives both `amount` and `personal_burden`, or neither; or `pooled` with `personal_burden`.
    AmountOrBurden,
    /// A member without a personal account was given a non-zero balance, or an employee has none.
    InvalidBalance,
    /// The venue cannot be where this item happens (补牙 at a pharmacy, 住院 online).
    VenueNotForItem,
    /// Order advice would take too long: too many 顺位 orders times too many expenses. The
    /// message says what to reduce.
    TooMuchWork,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::InputTooLarge => "input_too_large",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::InvalidAmount => "invalid_amount",
            ErrorCode::InvalidRatio => "invalid_ratio",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::UnknownRegion => "unknown_region",
            ErrorCode::UnknownPlace => "unknown_place",
            ErrorCode::AmbiguousPlace => "ambiguous_place",
            ErrorCode::UnknownItem => "unknown_item",
            ErrorCode::UnknownMember => "unknown_member",
            ErrorCode::DuplicateId => "duplicate_id",
            ErrorCode::InvalidId => "invalid_id",
            ErrorCode::TooMany => "too_many",
            ErrorCode::TextTooLong => "text_too_long",
            ErrorCode::InvalidFamily => "invalid_family",
            ErrorCode::InvalidVia => "invalid_via",
            ErrorCode::SelfSharing => "self_sharing",
            ErrorCode::OrderAndQuota => "order_and_quota",
            ErrorCode::DuplicateOrder => "duplicate_order",
            ErrorCode::InvalidOrder => "invalid_order",
            ErrorCode::QuotaExceedsBalance => "quota_exceeds_balance",
            ErrorCode::AmountOrBurden => "amount_or_burden",
            ErrorCode::InvalidBalance => "invalid_balance",
            ErrorCode::VenueNotForItem => "venue_not_for_item",
            ErrorCode::TooMuchWork => "too_much_work",
        }
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
