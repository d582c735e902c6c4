//! Money: yuan as `rust_decimal::Decimal`, never a float.
//!
//! Amounts arrive as strings ("12.30") or, from JavaScript, as numbers. A [`RawNumber`] keeps
//! whatever came in, untouched, so that validation can say exactly what is wrong with which
//! field; [`parse_money`] and [`parse_ratio`] turn it into a checked value. A [`Money`] is always
//! between 0 and [`MAX_AMOUNT`] with at most two decimals, and serializes as a two-decimal string.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

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

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn min(self, other: Money) -> Money {
        if self <= other { self } else { other }
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

/// A number exactly as it arrived: a string, or a JSON/JavaScript number.
#[derive(Clone, Debug, PartialEq)]
pub enum RawNumber {
    Text(String),
    /// JavaScript numbers are IEEE doubles. They are converted once, through their shortest
    /// round-trip decimal text (what `String(x)` shows in JS), and never used for arithmetic.
    Float(f64),
    Int(i128),
}

impl<'de> Deserialize<'de> for RawNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawNumber;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount as a string like \"12.30\" or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawNumber, E> {
                // Keep only a bounded prefix: the length check in validation still sees it is too long.
                let end = v.char_indices().nth(MAX_NUMBER_TEXT + 1).map_or(v.len(), |(i, _)| i);
                Ok(RawNumber::Text(v[..end].to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawNumber, E> {
                Ok(RawNumber::Float(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawNumber, E> {
                Ok(RawNumber::Int(i128::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawNumber, E> {
                Ok(RawNumber::Int(i128::from(v)))
            }
        }
        d.deserialize_any(V)
    }
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

impl RawNumber {
    /// The decimal text this number stands for, or why there is none.
    fn text(&self) -> Result<String, NumberProblem> {
        match self {
            RawNumber::Text(t) => Ok(t.clone()),
            RawNumber::Int(i) => Ok(i.to_string()),
            RawNumber::Float(x) => {
                if !x.is_finite() {
                    Err(NumberProblem::NotFinite)
                } else if x.abs() >= 1e15 {
                    Err(if *x < 0.0 { NumberProblem::Negative } else { NumberProblem::TooLarge })
                } else {
                    // Rust prints the shortest text that round-trips, without an exponent.
                    Ok(format!("{x}"))
                }
            }
        }
    }

    fn decimal(&self) -> Result<Decimal, NumberProblem> {
        let text = self.text()?;
        let t = text.as_str();
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
        let value = Decimal::from_str(t).map_err(|_| NumberProblem::TooLarge)?;
        if negative && !value.is_zero() {
            return Err(NumberProblem::Negative);
        }
        Ok(value.abs())
    }
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
        RawNumber::Text(s.into())
    }

    #[test]
    fn money_accepts_strings_and_js_numbers() {
        assert_eq!(parse_money(&text("12.30")).map(|m| m.to_string()), Ok("12.30".into()));
        assert_eq!(parse_money(&text("7")).map(|m| m.to_string()), Ok("7.00".into()));
        assert_eq!(parse_money(&RawNumber::Float(0.1)).map(|m| m.to_string()), Ok("0.10".into()));
        assert_eq!(parse_money(&RawNumber::Float(19.99)).map(|m| m.to_string()), Ok("19.99".into()));
        assert_eq!(parse_money(&RawNumber::Int(600)).map(|m| m.to_string()), Ok("600.00".into()));
        assert_eq!(parse_money(&text("10000000.00")).map(|m| m.to_string()), Ok("10000000.00".into()));
        assert_eq!(parse_money(&text("-0")).map(|m| m.to_string()), Ok("0.00".into()));
    }

    #[test]
    fn money_refuses_what_is_not_an_amount() {
        use NumberProblem::*;
        for (raw, want) in [
            (text("-1"), Negative),
            (RawNumber::Float(-0.5), Negative),
            (text("1.234"), TooManyDecimals),
            (RawNumber::Float(0.1 + 0.2), TooManyDecimals),
            (text("10000000.01"), TooLarge),
            (RawNumber::Float(1e300), TooLarge),
            (text("99999999999999999999999999999999999999"), TooLarge),
            (RawNumber::Float(f64::NAN), NotFinite),
            (RawNumber::Float(f64::INFINITY), NotFinite),
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
