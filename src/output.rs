//! The output JSON of the public contract (SPEC §7). Field order matches the spec.

use crate::date::Date;
use crate::money::Money;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

#[derive(Debug, Serialize)]
pub struct Output {
    pub engine: &'static str,
    pub rules: &'static str,
    pub as_of: Date,
    pub region: &'static str,
    pub results: Vec<ExpenseResult>,
    /// Spendable personal-account balance of every member who has one, after all expenses.
    pub balances: OrderedMap,
    /// What is left of each cross-province quota, keyed `"from->to"`.
    pub quotas: OrderedMap,
}

/// A JSON object whose keys keep the order they were inserted in (member order).
#[derive(Debug, Default)]
pub struct OrderedMap(pub Vec<(String, Money)>);

impl Serialize for OrderedMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// 医保 may settle it: the pool and/or accounts can pay (even if balances are empty).
    Covered,
    /// Lawful, but by rule nothing from 医保 or any account.
    SelfPay,
    /// Unlawful as described (冒名就医).
    Blocked,
    /// The answer depends on something not given; no steps, balances untouched.
    NeedsInput,
}

#[derive(Debug, Serialize)]
pub struct ExpenseResult {
    /// Index of the expense in the input.
    pub expense: usize,
    pub verdict: Verdict,
    pub total: Money,
    pub steps: Vec<Step>,
    pub reasons: Vec<Reason>,
    pub ineligible_sharers: Vec<Ineligible>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    PooledFund,
    OwnAccount,
    SharedAccount,
    SharedQuota,
    SelfPay,
}

#[derive(Debug, Serialize)]
pub struct Step {
    pub payer: Payer,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<u8>,
    pub amount: Money,
    /// For accounts: the balance (for `shared_quota`: the quota) before and after this step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance_before: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance_after: Option<Money>,
    pub rule: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Serialize)]
pub struct Reason {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub rule: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Ineligible {
    /// The sharer (共济人) who cannot pay for this patient.
    pub member: String,
    pub code: &'static str,
    pub message: String,
    /// What would fix it, in plain Chinese.
    pub fix: String,
    pub rule: &'static str,
}
