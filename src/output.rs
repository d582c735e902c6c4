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
    /// The answer turns on a local rule or date the engine does not know (SPEC §9.2); the steps
    /// are the conservative case and the reasons say what to ask and where.
    Depends,
}

/// Every reason `code` the engine writes (in `reasons`, `ineligible_sharers` and `payers`),
/// the vocabulary the page and outside tests read. tests/vocabulary.rs fails when the engine,
/// a golden case or the page uses a code that is not here.
pub const REASON_CODES: &[&str] = &[
    "impersonation",
    "non_designated_venue",
    "cosmetic_not_covered",
    "not_medical_expense",
    "region_dependent",
    "region_rule",
    "not_close_relative",
    "sharer_no_personal_account",
    "beneficiary_not_insured",
    "not_bound",
    "cross_province_needs_quota",
    "quota_not_for_item",
    "rule_not_in_force",
    "balance_exhausted",
    "needs_input",
    "premium_not_applicable",
    "dental_therapeutic",
    "pooled_paid",
    "pooled_settled",
    "pooled_not_given",
    "pooled_carried",
    "own_card_required",
    "self_pay_rest",
    "shareable_limited",
];

/// Every `next_steps[].code` (SPEC §9.3).
pub const NEXT_STEP_CODES: &[&str] = &[
    "bind_sharing",
    "set_quota",
    "use_own_card",
    "bring_ids",
    "keep_slip",
    "ask_local",
    "pay_premium",
    "check_wallet",
    "fill_via",
    "enter_amount",
    "enter_balance",
    "enter_shareable",
    "enroll",
    "use_designated",
    "self_pay",
    "stop_impersonation",
    "ask_close_relative",
    "wait_for_rule",
    "fix_sharing",
];

/// Every `answer` (SPEC §9.3) and `verdict` (SPEC §7, §9.2).
pub const ANSWERS: &[&str] = &["yes", "not_bound", "no", "depends", "blocked", "needs_input"];
pub const VERDICTS: &[&str] = &["covered", "self_pay", "blocked", "needs_input", "depends"];

/// Can a family member's personal account (by sharing or a quota) pay for this? (SPEC §9.3)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// A bound line may pay this item for this patient.
    Yes,
    /// A close relative with an account could, once sharing is bound or a quota set.
    NotBound,
    /// No family account may, by rule.
    No,
    /// On a local rule or date the engine does not know.
    Depends,
    /// Unlawful as described.
    Blocked,
    /// A missing fact decides it.
    NeedsInput,
}

/// Yes / no / depends: whether one payer may pay (SPEC §9.3 `payers`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MayPay {
    Yes,
    No,
    Depends,
}

/// Someone who might pay, in payment order, without amounts.
#[derive(Debug, Serialize)]
pub struct PayerLine {
    pub payer: Payer,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<u8>,
    pub may_pay: MayPay,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    pub rule: &'static str,
}

/// What to do next, in plain Chinese.
#[derive(Debug, Serialize)]
pub struct NextStep {
    pub code: &'static str,
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

#[derive(Clone, Debug, Serialize)]
pub struct Ineligible {
    /// The sharer (共济人) who cannot pay for this patient.
    pub member: String,
    pub code: &'static str,
    pub message: String,
    /// What would fix it, in plain Chinese.
    pub fix: String,
    pub rule: &'static str,
}
