//! 不知道 (SPEC §10.3): members whose insurance the visitor does not know. Each reading (职工医保
//! or 居民医保 for each such member) is evaluated in full; where every reading gives the same
//! answer it is given as it is, and where they differ the answer is `needs_input`, the headline
//! says what each reading gives, and the money is kept only where every reading agrees on it.
//! Bounded: at most `limits::UNKNOWN_INSURANCE` such members (so at most four evaluations).

use super::run;
use crate::money::Money;
use crate::output::{
    AnswerKind, ExpenseResult, NextStep, NextStepCode, OrderedMap, Output, PayerLine, Reading, ReasonCode, Verdict,
};
use crate::output::{MayPay, Reason, Severity};
use crate::scenario::{Insurance, Scenario};

/// Evaluates a scenario, answering each reading of the insurance not known.
pub fn evaluate(s: &Scenario, quiet: bool) -> Output {
    let unknown: Vec<usize> = (0..s.members.len()).filter(|&m| s.members[m].insurance == Insurance::Unknown).collect();
    if unknown.is_empty() {
        return run(s, quiet);
    }
    let readings: Vec<(Vec<Insurance>, Output)> = (0..1usize << unknown.len())
        .map(|bits| {
            let kinds: Vec<Insurance> = (0..unknown.len())
                .map(|k| if bits & (1 << k) == 0 { Insurance::Employee } else { Insurance::Resident })
                .collect();
            let mut one = s.clone();
            for (&m, &kind) in unknown.iter().zip(&kinds) {
                let member = &mut one.members[m];
                member.insurance = kind;
                if kind == Insurance::Resident {
                    member.balance = Money::ZERO;
                    member.balance_known = true;
                    member.shareable_balance = None;
                }
            }
            (kinds, run(&one, quiet))
        })
        .collect();
    merge(s, &unknown, readings, quiet)
}

fn insurance_words(i: Insurance) -> &'static str {
    match i {
        Insurance::Resident => "居民医保",
        _ => "职工医保",
    }
}

fn merge(s: &Scenario, unknown: &[usize], readings: Vec<(Vec<Insurance>, Output)>, quiet: bool) -> Output {
    let names: Vec<String> = unknown.iter().map(|&m| format!("“{}”", s.members[m].name)).collect();
    let label = |kinds: &[Insurance]| -> String {
        names.iter().zip(kinds).map(|(n, k)| format!("{n}是{}", insurance_words(*k))).collect::<Vec<_>>().join("、")
    };
    let (first_kinds, first) = &readings[0];
    let mut results = Vec::with_capacity(first.results.len());
    for i in 0..first.results.len() {
        let all: Vec<&ExpenseResult> = readings.iter().map(|(_, o)| &o.results[i]).collect();
        let r0 = all[0];
        let same_answer = all.iter().all(|r| r.answer == r0.answer && r.headline == r0.headline);
        let same_money = all.iter().all(|r| r.verdict == r0.verdict && r.total == r0.total && same_steps(r, r0));
        if same_answer && same_money && all.iter().all(|r| same_payers(&r.payers, &r0.payers)) {
            results.push(clone_result(r0, vec![]));
            continue;
        }
        let answer = if all.iter().all(|r| r.answer == r0.answer) { r0.answer } else { AnswerKind::NeedsInput };
        let mut out = clone_result(r0, vec![]);
        out.answer = answer;
        if !quiet {
            let each: Vec<String> =
                readings.iter().zip(&all).map(|((k, _), r)| format!("如果{}：{}", label(k), r.headline)).collect();
            out.headline = format!("要看{}参加的是哪种医保。{}", names.join("、"), each.join(" "));
            out.readings = readings
                .iter()
                .zip(&all)
                .map(|((kinds, _), r)| Reading {
                    insurance: OrderedMap(
                        unknown.iter().zip(kinds).map(|(&m, k)| (s.members[m].id.clone(), insurance_id(*k))).collect(),
                    ),
                    answer: r.answer,
                    headline: r.headline.clone(),
                })
                .collect();
            out.reasons = common(&all, |r| &r.reasons, |a, b| a.code == b.code && a.message == b.message);
            out.reasons.insert(
                0,
                Reason {
                    code: ReasonCode::NeedsInput,
                    severity: Severity::Warning,
                    message: format!(
                        "{}参加的是职工医保还是居民医保会影响结果：只有职工医保有个人账户，才能给家人共济或用自己的账户付。",
                        names.join("、")
                    ),
                    rule: crate::data::rule_id::R_2021,
                },
            );
            out.ineligible_sharers = common(&all, |r| &r.ineligible_sharers, |a, b| a.member == b.member && a.code == b.code);
            out.payers = merged_payers(&all);
            let mut steps = vec![NextStep {
                code: NextStepCode::AskInsurance,
                message: format!(
                    "先确认{}参加的是哪种医保：在国家医保服务平台App、微信或支付宝的医保电子凭证里可以查到参保类型（职工医保或城乡居民医保），也可以看医保卡或问单位。",
                    names.join("、")
                ),
                field: Some(format!("members[{}].insurance", unknown[0])),
            }];
            steps.extend(common(&all, |r| &r.next_steps, |a, b| a.code == b.code && a.message == b.message));
            out.next_steps = steps;
        }
        if !same_money {
            out.verdict = Verdict::NeedsInput;
            out.steps = vec![];
        }
        results.push(out);
    }
    let agree = |pick: fn(&Output) -> &OrderedMap| -> OrderedMap {
        OrderedMap(
            pick(first)
                .0
                .iter()
                .filter(|(k, v)| readings.iter().all(|(_, o)| pick(o).0.iter().any(|(k2, v2)| k2 == k && v2 == v)))
                .cloned()
                .collect(),
        )
    };
    let _ = first_kinds;
    Output {
        engine: first.engine,
        rules: first.rules,
        as_of: first.as_of,
        region: first.region,
        balances: agree(|o| &o.balances),
        quotas: agree(|o| &o.quotas),
        results,
    }
}

fn insurance_id(i: Insurance) -> &'static str {
    match i {
        Insurance::Resident => "resident",
        _ => "employee",
    }
}

fn same_steps(a: &ExpenseResult, b: &ExpenseResult) -> bool {
    a.steps.len() == b.steps.len()
        && a.steps.iter().zip(&b.steps).all(|(x, y)| x.payer == y.payer && x.member == y.member && x.amount == y.amount)
}

fn same_payers(a: &[PayerLine], b: &[PayerLine]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.payer == y.payer && x.member == y.member && x.may_pay == y.may_pay)
}

/// Every payer of any reading, in the order of the reading that lists the most; `may_pay` where
/// the readings agree, else `depends` (the answer turns on the insurance).
fn merged_payers(all: &[&ExpenseResult]) -> Vec<PayerLine> {
    let widest = all.iter().max_by_key(|r| r.payers.len()).map_or(&all[0].payers, |r| &r.payers);
    widest
        .iter()
        .map(|p| {
            let agree =
                all.iter().all(|r| r.payers.iter().any(|q| q.payer == p.payer && q.member == p.member && q.may_pay == p.may_pay));
            PayerLine {
                payer: p.payer,
                member: p.member.clone(),
                order: p.order,
                may_pay: if agree { p.may_pay } else { MayPay::Depends },
                code: if agree { p.code } else { Some(ReasonCode::NeedsInput) },
                rule: p.rule,
                distance: p.distance,
            }
        })
        .collect()
}

/// What every reading has.
fn common<T: Clone>(all: &[&ExpenseResult], list: impl Fn(&ExpenseResult) -> &Vec<T>, same: impl Fn(&T, &T) -> bool) -> Vec<T> {
    list(all[0]).iter().filter(|x| all.iter().all(|r| list(r).iter().any(|y| same(x, y)))).cloned().collect()
}

fn clone_result(r: &ExpenseResult, readings: Vec<Reading>) -> ExpenseResult {
    ExpenseResult {
        expense: r.expense,
        verdict: r.verdict,
        answer: r.answer,
        headline: r.headline.clone(),
        total: r.total,
        steps: r.steps.clone(),
        reasons: r.reasons.clone(),
        ineligible_sharers: r.ineligible_sharers.clone(),
        payers: r.payers.clone(),
        next_steps: r.next_steps.clone(),
        readings,
    }
}
