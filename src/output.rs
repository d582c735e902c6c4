//! The output JSON of the public contract (SPEC §7). Field order matches the spec.

use crate::date::Date;
use crate::money::Money;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// The engine version reported as `engine` in every output (and by `gongji version`).
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

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

/// A JSON object whose keys keep the order they were inserted in (member order): balances and
/// quotas (money), or a reading's insurances (member id → `employee` / `resident`).
#[derive(Clone, Debug, Default)]
pub struct OrderedMap<V = Money>(pub Vec<(String, V)>);

/// Member id → `employee` / `resident`, in member order.
pub type Insurances = OrderedMap<&'static str>;

impl<V: Serialize> Serialize for OrderedMap<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

pub use crate::codes::{AnswerKind, DistanceCode, MayPay, NextStepCode, ReasonCode, Verdict};

/// Every reason `code` the engine writes (in `reasons`, `ineligible_sharers` and `payers`).
pub const REASON_CODES: &[&str] = ReasonCode::TEXTS;
/// Every `next_steps[].code` (SPEC §9.3).
pub const NEXT_STEP_CODES: &[&str] = NextStepCode::TEXTS;
/// Every `answer` (SPEC §9.3) and `verdict` (SPEC §7, §9.2).
pub const ANSWERS: &[&str] = AnswerKind::TEXTS;
pub const VERDICTS: &[&str] = Verdict::TEXTS;

/// Someone who might pay, in payment order, without amounts.
#[derive(Clone, Debug, Serialize)]
pub struct PayerLine {
    pub payer: Payer,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<u8>,
    pub may_pay: MayPay,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<ReasonCode>,
    pub rule: &'static str,
    /// (sharing lines) How far apart the two are insured (SPEC §10.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<DistanceCode>,
}

/// What to do next, in plain Chinese.
#[derive(Clone, Debug, Serialize)]
pub struct NextStep {
    pub code: NextStepCode,
    pub message: String,
    /// The input field to fill in, when the step asks for one (`members[0].balance`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ExpenseResult {
    /// Index of the expense in the input.
    pub expense: usize,
    pub verdict: Verdict,
    /// The answer to the visitor's question (SPEC §9.3), given even when amounts are missing.
    pub answer: AnswerKind,
    pub headline: String,
    /// The amount of the expense; `null` when it was not given.
    pub total: Option<Money>,
    pub steps: Vec<Step>,
    pub reasons: Vec<Reason>,
    pub ineligible_sharers: Vec<Ineligible>,
    pub payers: Vec<PayerLine>,
    pub next_steps: Vec<NextStep>,
    /// Where the visitor does not know someone's insurance (不知道, SPEC §10.3) and the readings
    /// answer differently: each reading's answer.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
}

/// One reading of insurance the visitor does not know: which insurance each such member has
/// in it (member id → `employee` / `resident`), and the answer it gives.
#[derive(Clone, Debug, Serialize)]
pub struct Reading {
    pub insurance: Insurances,
    pub answer: AnswerKind,
    pub headline: String,
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

#[derive(Clone, Debug, Serialize)]
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

#[derive(Clone, Debug, Serialize)]
pub struct Reason {
    pub code: ReasonCode,
    pub severity: Severity,
    pub message: String,
    pub rule: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct Ineligible {
    /// The sharer (共济人) who cannot pay for this patient.
    pub member: String,
    pub code: ReasonCode,
    pub message: String,
    /// What would fix it, in plain Chinese.
    pub fix: String,
    pub rule: &'static str,
}
