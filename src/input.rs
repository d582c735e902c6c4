//! The input JSON exactly as the public contract has it (SPEC §7), before any checking.
//!
//! Everything that can be wrong in a value (an unknown relation, a negative amount) is kept as
//! raw text or a [`RawNumber`] here, so that [`crate::scenario`] can refuse it with a precise,
//! field-specific message. Only the *shape* is enforced by serde: unknown fields are refused
//! (they are usually typos), and lists are cut off at their limit while being read, so a huge
//! list is refused without being held in memory.

use crate::limits;
use crate::money::RawNumber;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioInput {
    pub as_of: String,
    pub region: String,
    pub members: Limited<MemberInput, { limits::MEMBERS }>,
    #[serde(default)]
    pub sharing: Limited<SharingInput, { limits::SHARING_LINES }>,
    #[serde(default)]
    pub expenses: Limited<ExpenseInput, { limits::EXPENSES }>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberInput {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    pub relation: String,
    #[serde(default)]
    pub via: Option<String>,
    pub insurance: String,
    #[serde(default)]
    pub province: Option<String>,
    #[serde(default)]
    pub balance: Option<RawNumber>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharingInput {
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub order: Option<RawNumber>,
    #[serde(default)]
    pub quota: Option<RawNumber>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpenseInput {
    pub patient: String,
    pub item: String,
    pub venue: String,
    #[serde(default)]
    pub amount: Option<RawNumber>,
    #[serde(default)]
    pub personal_burden: Option<RawNumber>,
    /// Part of `amount` outside the 医保 catalogue (自费): never pooled.
    #[serde(default)]
    pub out_of_catalogue: Option<RawNumber>,
    pub card: String,
    #[serde(default)]
    pub pooled: Option<PooledInput>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PooledInput {
    pub deductible_left: RawNumber,
    pub ratio: RawNumber,
    pub cap_left: RawNumber,
}

/// A list read with a limit: more than `N` entries is an error as soon as entry `N + 1` arrives.
#[derive(Debug)]
pub struct Limited<T, const N: usize>(pub Vec<T>);

impl<T, const N: usize> Default for Limited<T, N> {
    fn default() -> Self {
        Limited(Vec::new())
    }
}

/// Prefix of the serde error message that [`crate::error::from_serde`] maps to `too_many`.
pub const TOO_MANY_PREFIX: &str = "too many entries, at most ";

impl<'de, T: Deserialize<'de>, const N: usize> Deserialize<'de> for Limited<T, N> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T, const N: usize>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for V<T, N> {
            type Value = Limited<T, N>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a list of at most {N} entries")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(N));
                while let Some(x) = seq.next_element()? {
                    if out.len() == N {
                        return Err(de::Error::custom(format_args!("{TOO_MANY_PREFIX}{N}")));
                    }
                    out.push(x);
                }
                Ok(Limited(out))
            }
        }
        d.deserialize_seq(V::<T, N>(PhantomData))
    }
}
