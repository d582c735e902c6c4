//! Money: yuan as `rust_decimal::Decimal`, never a float.
//!
//! Amounts arrive as strings ("12.30") or as JSON numbers. A [`RawNumber`] keeps the digits that
//! came in, untouched, so that validation can say exactly what is wrong with which
//! field; [`parse_money`] and [`parse_ratio`] turn it into a checked value. A [`Money`] is always
//! between 0 and [`MAX_AMOUNT`] with at most two decimals, and serializes as a two-decimal string.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};
use std::fmt;

/// The largest amount accepted anywhere: ¥10,000,000.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(10_000_000, 0, 0, false, 0);

/// Longest numeric text looked at; anything longer is refused before parsing.
const MAX_NUMBER_TEXT: usize = 32;

/// A non-negative amount of yuan with at most two decimals, at most [`MAX_AMOUNT`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Money(Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Wraps a value the engine computed; rounds to the fen, half away from zero (四舍五入),
    /// and clamps at zero (the engine never computes a negative amount; tests prove it).
    pub fn round(value: Decimal) -> Money {
        let v = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        Money(v.max(Decimal::ZERO))
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// An amount from the data tables, in fen (checked by build.rs; clamped to the limit).
    pub fn from_cents(cents: u64) -> Money {
        Money(Decimal::new(i64::try_from(cents).unwrap_or(i64::MAX), 2).min(MAX_AMOUNT))
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn min(self, other: Money) -> Money {
        if self <= other {
            self
        } else {
            other
        }
    }

    /// `self − other`, never below zero.
    pub fn minus(self, other: Money) -> Money {
        debug_assert!(other <= self, "minus would go negative: {self} - {other}");
        Money((self.0 - other.0).max(Decimal::ZERO))
    }

    pub fn plus(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = self.0;
        d.rescale(2);
        fmt::Display::fmt(&d, f)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A number exactly as it arrived: a string, or the text of a JSON number literal (what
/// `JSON.stringify` writes for a JavaScript number: its shortest round-trip digits, `0.1`,
/// `1e-7`). Never a float: the digits go straight into a [`Decimal`].
#[derive(Clone, Debug, PartialEq)]
pub enum RawNumber {
    Text(String),
    Literal(String),
}

/// Why a number was refused. Validation turns it into a field-specific [`crate::InputError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberProblem {
    NotANumber,
    NotFinite,
    Negative,
    TooManyDecimals,
    TooLarge,
    /// A ratio outside 0..=1.
    OutOfRange,
}

/// Most significant digits a [`Decimal`] holds.
const MAX_DIGITS: usize = 28;

impl RawNumber {
    /// A number given as a string; only a bounded prefix is kept (the length check still sees
    /// that it is too long).
    pub fn text(s: &str) -> RawNumber {
        let end = s.char_indices().nth(MAX_NUMBER_TEXT + 1).map_or(s.len(), |(i, _)| i);
        RawNumber::Text(s[..end].to_string())
    }

    /// The exact value, or why there is none. Accepts `-?digits(.digits)?` (and, for number
    /// literals, an exponent); negative zero is zero.
    pub fn decimal(&self) -> Result<Decimal, NumberProblem> {
        let plain;
        let t: &str = match self {
            RawNumber::Text(t) => t,
            RawNumber::Literal(l) => {
                plain = without_exponent(l)?;
                &plain
            }
        };
        if t.len() > MAX_NUMBER_TEXT {
            return Err(NumberProblem::TooLarge);
        }
        let (negative, digits) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (digits, None),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
            return Err(match t {
                "NaN" | "Infinity" | "-Infinity" | "inf" | "-inf" => NumberProblem::NotFinite,
                _ => NumberProblem::NotANumber,
            });
        }
        let int = int.trim_start_matches('0');
        let frac = frac.unwrap_or("").trim_end_matches('0');
        if negative && (int.len() + frac.len()) > 0 {
            return Err(NumberProblem::Negative);
        }
        if frac.len() > MAX_DIGITS {
            return Err(NumberProblem::TooManyDecimals);
        }
        if int.len() + frac.len() > MAX_DIGITS {
            return Err(NumberProblem::TooLarge);
        }
        // At most 28 digits: fits an i128 and a Decimal's 96-bit mantissa.
        let mantissa = int.bytes().chain(frac.bytes()).fold(0i128, |m, d| m * 10 + i128::from(d - b'0'));
        Decimal::try_from_i128_with_scale(mantissa, frac.len() as u32).map_err(|_| NumberProblem::TooLarge)
    }
}

/// A number literal written without its exponent (`1.5e3` → `1500`, `1e-7` → `0.0000001`).
/// Exponents that would need more than a Decimal's digits are refused here, by sign.
fn without_exponent(literal: &str) -> Result<String, NumberProblem> {
    let Some(e) = literal.find(['e', 'E']) else {
        return Ok(literal.to_string());
    };
    let (mantissa, exponent) = (&literal[..e], &literal[e + 1..]);
    let (negative, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa),
    };
    let (exp_negative, exp_digits) = match exponent.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, exponent.trim_start_matches('+')),
    };
    let magnitude = exp_digits.bytes().fold(0i64, |m, d| (m * 10 + i64::from(d.wrapping_sub(b'0'))).min(10_000));
    let exp = if exp_negative { -magnitude } else { magnitude };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = int.chars().chain(frac.chars()).collect();
    if digits.bytes().all(|d| d == b'0') {
        return Ok("0".to_string());
    }
    let point = int.len() as i64 + exp;
    if negative {
        return Err(NumberProblem::Negative);
    }
    if point > MAX_DIGITS as i64 + 1 {
        return Err(NumberProblem::TooLarge);
    }
    if point < -(MAX_DIGITS as i64) {
        return Err(NumberProblem::TooManyDecimals);
    }
    Ok(if point <= 0 {
        format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{a}.{b}")
    })
}

/// A money amount: 0 ≤ x ≤ ¥10,000,000, at most two decimals.
pub fn parse_money(raw: &RawNumber) -> Result<Money, NumberProblem> {
    let value = raw.decimal()?;
    if value > MAX_AMOUNT {
        return Err(NumberProblem::TooLarge);
    }
    if value.normalize().scale() > 2 {
        return Err(NumberProblem::TooManyDecimals);
    }
    Ok(Money(value))
}

/// A ratio such as the pooled fund's 报销比例: 0 ≤ r ≤ 1, at most four decimals.
pub fn parse_ratio(raw: &RawNumber) -> Result<Decimal, NumberProblem> {
    let value = raw.decimal()?;
    if value > Decimal::ONE {
        return Err(NumberProblem::OutOfRange);
    }
    if value.normalize().scale() > 4 {
        return Err(NumberProblem::TooManyDecimals);
    }
    Ok(value.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> RawNumber {
        RawNumber::text(s)
    }

    fn lit(s: &str) -> RawNumber {
        RawNumber::Literal(s.into())
    }

    #[test]
    fn money_accepts_strings_and_js_numbers() {
        assert_eq!(parse_money(&text("12.30")).map(|m| m.to_string()), Ok("12.30".into()));
        assert_eq!(parse_money(&text("7")).map(|m| m.to_string()), Ok("7.00".into()));
        assert_eq!(parse_money(&lit("0.1")).map(|m| m.to_string()), Ok("0.10".into()));
        assert_eq!(parse_money(&lit("19.99")).map(|m| m.to_string()), Ok("19.99".into()));
        assert_eq!(parse_money(&lit("600")).map(|m| m.to_string()), Ok("600.00".into()));
        assert_eq!(parse_money(&lit("1.5e3")).map(|m| m.to_string()), Ok("1500.00".into()));
        assert_eq!(parse_money(&lit("125e-2")).map(|m| m.to_string()), Ok("1.25".into()));
        assert_eq!(parse_money(&lit("0e-99")).map(|m| m.to_string()), Ok("0.00".into()));
        assert_eq!(parse_money(&lit("-0")).map(|m| m.to_string()), Ok("0.00".into()));
        assert_eq!(parse_money(&text("10000000.00")).map(|m| m.to_string()), Ok("10000000.00".into()));
        assert_eq!(parse_money(&text("-0")).map(|m| m.to_string()), Ok("0.00".into()));
    }

    #[test]
    fn money_refuses_what_is_not_an_amount() {
        use NumberProblem::*;
        for (raw, want) in [
            (text("-1"), Negative),
            (lit("-0.5"), Negative),
            (lit("-1e-7"), Negative),
            (text("1.234"), TooManyDecimals),
            (lit("0.30000000000000004"), TooManyDecimals),
            (lit("1e-7"), TooManyDecimals),
            (lit("1e-99999"), TooManyDecimals),
            (text("10000000.01"), TooLarge),
            (lit("1e300"), TooLarge),
            (lit("1e+21"), TooLarge),
            (lit("1E99999999999999999999"), TooLarge),
            (text("99999999999999999999999999999999999999"), TooLarge),
            (text("Infinity"), NotFinite),
            (text("NaN"), NotFinite),
            (text("1e3"), NotANumber),
            (text(" 12"), NotANumber),
            (text("12."), NotANumber),
            (text(""), NotANumber),
            (text("¥12"), NotANumber),
            (text("+12"), NotANumber),
        ] {
            assert_eq!(parse_money(&raw), Err(want), "{raw:?}");
        }
    }

    #[test]
    fn trailing_zeros_do_not_count_as_decimals() {
        assert!(parse_money(&text("12.3000")).is_ok());
        assert_eq!(parse_ratio(&text("0.50")).map(|d| d.to_string()), Ok("0.5".into()));
        assert_eq!(parse_ratio(&text("1.5")), Err(NumberProblem::OutOfRange));
        assert_eq!(parse_ratio(&text("0.12345")), Err(NumberProblem::TooManyDecimals));
    }

    #[test]
    fn rounding_is_half_away_from_zero_to_the_fen() {
        assert_eq!(Money::round(Decimal::new(12345, 3)).to_string(), "12.35");
        assert_eq!(Money::round(Decimal::new(12344, 3)).to_string(), "12.34");
        assert_eq!(Money::round(Decimal::new(5, 3)).to_string(), "0.01");
    }
}
