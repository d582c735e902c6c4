//! The calculation of SPEC §6: for each expense in order, who pays how much, and why.
//!
//! [`evaluate`] walks the expenses in input order. Each one sees the balances, quotas and
//! pooled-fund usage that earlier ones left ([`Ledger`]). An expense that needs more input
//! leaves the ledger untouched. The invariants the tests prove: the steps of an expense add up
//! exactly to its total; no balance or quota goes below zero; no account pays for an item it may
//! not pay; sharers are charged in 顺位 order; the result is deterministic.

mod answer;
mod eligibility;
mod expense;
mod payability;
mod readings;
mod words;

use crate::data::{self, InForce};
use crate::kinship::{Family, Person};
use crate::money::Money;
use crate::output::{OrderedMap, Output, Verdict, ENGINE_VERSION};
use crate::scenario::{Channel, Scenario};
use rust_decimal::Decimal;

/// Pooled-fund room left for one patient this year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PooledRoom {
    pub deductible_left: Money,
    pub cap_left: Money,
    pub ratio: Decimal,
}

/// Money state carried from one expense to the next.
#[derive(Clone, Debug)]
pub struct Ledger {
    /// Spendable personal-account balance per member (quotas already set aside).
    pub balances: Vec<Money>,
    /// Quota left per sharing line (zero for lines without a quota).
    pub quotas: Vec<Money>,
    /// Pooled-fund room per member, once known: [门诊, 住院] (separate 起付线 and 封顶线).
    pub pooled: Vec<[Option<PooledRoom>; 2]>,
    /// What each member's account has paid for others so far (for the money models of SPEC §9.2).
    pub shared_out: Vec<Money>,
}

impl Ledger {
    fn open(s: &Scenario) -> Ledger {
        let mut balances: Vec<Money> = s.members.iter().map(|m| m.balance).collect();
        let mut quotas = vec![Money::ZERO; s.sharing.len()];
        for (i, line) in s.sharing.iter().enumerate() {
            if let Channel::Quota(q) = line.channel {
                // A quota is set aside only while the relation can stand (SPEC §9.2): the
                // beneficiary is insured and cross-province quotas exist at the sharer's place.
                // Checked in scenario validation: one sharer's quotas fit in their balance.
                let stands = s.members[line.to].insurance.is_enrolled()
                    && s.members[line.from].place.facts.cross_province_from.on(s.as_of) == InForce::Yes;
                if stands {
                    balances[line.from] = balances[line.from].minus(q);
                    quotas[i] = q;
                }
            }
        }
        Ledger { balances, quotas, pooled: vec![[None, None]; s.members.len()], shared_out: vec![Money::ZERO; s.members.len()] }
    }
}

/// Evaluates a checked scenario. Infallible: every refusal was made during validation.
pub fn evaluate(s: &Scenario) -> Output {
    readings::evaluate(s, false)
}

/// The money of a scenario only: the same steps and balances as [`evaluate`], with no
/// sentences (no reasons, headlines, payers or next steps). For order advice, which replays a
/// year for every 顺位 order.
pub fn evaluate_money(s: &Scenario) -> Output {
    readings::evaluate(s, true)
}

fn run(s: &Scenario, quiet: bool) -> Output {
    let family = Family::new(s.members.iter().map(|m| Person { relation: m.relation, via: m.via }).collect());
    let mut ledger = Ledger::open(s);
    let mut results = Vec::with_capacity(s.expenses.len());
    let mut memo = expense::Memo::default();
    for i in 0..s.expenses.len() {
        let mut trial = ledger.clone();
        let result = expense::evaluate(s, &family, &mut trial, i, &mut memo, quiet);
        if result.verdict != Verdict::NeedsInput {
            ledger = trial;
        }
        results.push(result);
    }
    let balances = OrderedMap(
        s.members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.insurance.has_account() && m.balance_known)
            .map(|(i, m)| (m.id.clone(), ledger.balances[i]))
            .collect(),
    );
    let quotas = OrderedMap(
        s.sharing
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l.channel, Channel::Quota(_)))
            .map(|(i, l)| (format!("{}->{}", s.members[l.from].id, s.members[l.to].id), ledger.quotas[i]))
            .collect(),
    );
    Output {
        engine: ENGINE_VERSION,
        rules: data::rules_version(),
        as_of: s.as_of,
        region: s.region_at.id(),
        results,
        balances,
        quotas,
    }
}
