//! One expense (SPEC §6), in the phases a clerk follows:
//!
//! 1. [`rule_out`]: what no account may pay whoever pays (someone else's card, a non-designated
//!    venue, cosmetic or not medical, an uninsured patient, a premium that does not apply);
//! 2. [`who_may_pay`]: the pool, the patient's own account and every sharing line, yes / no /
//!    depends, decided before any money is counted, so that a missing amount never hides the
//!    answer (SPEC §9.3);
//! 3. [`pooled_fund`]: what the pool pays, from the visitor's parameters or the slip;
//! 4. [`own_account`]: the patient's own account first, for every item an account may pay,
//!    premiums included (R-ORDER, SPEC §10.5);
//! 5. [`sharers`]: each line in 顺位 order, within the sharer's place's money model;
//! 6. [`rest_and_verdict`]: self-pay for the rest, who could have helped, and the verdict,
//!    which follows the money (the answer follows the answer, SPEC §10.5).
//!
//! The sentences of the answer (`answer`, `headline`, `next_steps`) are written by
//! `answer.rs` from what these phases found.

use super::answer::{self, Facts as AnswerFacts, Outcome};
use super::eligibility::{self, Check, Source};
use super::payability;
use super::{Ledger, PooledRoom};
use crate::data::rule_id;
use crate::data::{Item, ItemKind, Payability, PooledCover, Requirement, ShareModel, Tri};
use crate::kinship::{Family, Relation};
use crate::money::Money;
use crate::output::{ExpenseResult, Ineligible, MayPay, Payer, PayerLine, Reason, ReasonCode, Severity, Step, Verdict};
use crate::scenario::{Card, Channel, Charge, Expense, Insurance, Member, Scenario, Sharing};

/// Collects the lines of one expense's answer.
pub(super) struct Answer {
    /// Money only (order advice replays a year for every 顺位 order): no sentences are written.
    pub quiet: bool,
    pub index: usize,
    pub total: Option<Money>,
    pub remaining: Money,
    pub steps: Vec<Step>,
    pub reasons: Vec<Reason>,
    pub ineligible: Vec<Ineligible>,
    pub payers: Vec<PayerLine>,
    /// The expense was ruled out before anyone was asked: nobody is listed as a payer.
    pub ruled_out: bool,
}

impl Answer {
    pub fn reason(&mut self, code: ReasonCode, severity: Severity, rule: &'static str, message: String) {
        if !self.reasons.iter().any(|r| r.code == code && r.message == message) {
            self.reasons.push(Reason { code, severity, message, rule });
        }
    }

    fn pay(&mut self, step: Step) {
        self.remaining = self.remaining.minus(step.amount);
        self.steps.push(step);
    }

    fn payer(
        &mut self,
        payer: Payer,
        member: Option<String>,
        order: Option<u8>,
        may_pay: MayPay,
        code: Option<ReasonCode>,
        rule: &'static str,
    ) {
        if self.quiet {
            return;
        }
        self.payers.push(PayerLine { payer, member, order, may_pay, code, rule, distance: None });
    }

    /// Ends the answer: whatever is left is self-pay. Without a total there are no steps at
    /// all (the steps add up to the total, SPEC §10.5), and with `needs_input` none either.
    fn finish(mut self, verdict: Verdict, facts: AnswerFacts, s: &Scenario, e: usize) -> ExpenseResult {
        if verdict == Verdict::NeedsInput || self.total.is_none() {
            self.steps.clear();
        } else {
            let rest = self.remaining;
            self.pay(Step {
                payer: Payer::SelfPay,
                member: None,
                order: None,
                amount: rest,
                balance_before: None,
                balance_after: None,
                rule: rule_id::R_ORDER,
            });
        }
        if !self.ruled_out {
            self.payer(Payer::SelfPay, None, None, MayPay::Yes, None, rule_id::R_ORDER);
        }
        let told = if self.quiet {
            answer::Told { answer: crate::output::AnswerKind::No, headline: String::new(), next_steps: vec![] }
        } else {
            answer::tell(s, e, &facts, verdict, &self.ineligible)
        };
        ExpenseResult {
            expense: self.index,
            verdict,
            answer: told.answer,
            headline: told.headline,
            total: self.total,
            steps: self.steps,
            reasons: self.reasons,
            ineligible_sharers: self.ineligible,
            payers: self.payers,
            next_steps: told.next_steps,
            readings: vec![],
        }
    }
}

/// A reason, written only when sentences are wanted (the message is not even formatted in
/// money-only mode).
macro_rules! say {
    ($a:ident, $($arg:expr),+ $(,)?) => {
        if !$a.quiet {
            $a.reason($($arg),+);
        }
    };
}

/// The sharing lines to patient `p`, in 顺位 order: ordered lines, then unordered ones, then
/// quotas (keys end in the line index, so they are unique and an unstable sort is exact).
fn lines_to(s: &Scenario, p: usize) -> Vec<usize> {
    let mut lines: Vec<usize> = (0..s.sharing.len()).filter(|&i| s.sharing[i].to == p).collect();
    lines.sort_unstable_by_key(|&i| match s.sharing[i].channel {
        Channel::Ordered(n) => (0, u32::from(n), i),
        Channel::Unordered => (1, 0, i),
        Channel::Quota(_) => (2, 0, i),
    });
    lines
}

/// Which pooled-fund room an item uses: 门诊 and 住院 have separate 起付线 and 封顶线.
fn room_kind(item_id: &str) -> usize {
    usize::from(item_id == "inpatient_stay")
}

/// What an expense's answer needs that does not depend on money, remembered across the
/// expenses of one evaluation (a year repeats the same patients and items; order advice repeats
/// the whole year for every order): each line's check per item, each patient's unbound
/// relatives per item.
#[derive(Default)]
pub struct Memo {
    /// Per line: (item id, check). A line meets at most the catalogue's few dozen items.
    checks: Vec<Vec<(&'static str, Check)>>,
    /// Per patient: (item id, unbound relatives).
    candidates: Vec<Vec<(&'static str, answer::Unbound)>>,
}

impl Memo {
    /// The remembered value for (index, item), made by `make` the first time.
    fn get<'a, T>(
        table: &'a mut Vec<Vec<(&'static str, T)>>,
        index: usize,
        item: &'static str,
        make: impl FnOnce() -> T,
    ) -> &'a T {
        if table.len() <= index {
            table.resize_with(index + 1, Vec::new);
        }
        let row = &mut table[index];
        let at = match row.iter().position(|(id, _)| std::ptr::eq(*id, item)) {
            Some(at) => at,
            None => {
                row.push((item, make()));
                row.len() - 1
            }
        };
        &row[at].1
    }
}

/// Why the money of an expense cannot be worked out: what is missing.
enum Missing {
    /// The amount or the pooled parameters.
    Amount,
    /// A member's balance, or the part of it that may be shared (SPEC §10.5).
    Balance(usize),
    Shareable(usize),
    /// A `via` that changes what a line pays.
    Via,
}

pub fn evaluate(s: &Scenario, family: &Family, ledger: &mut Ledger, index: usize, memo: &mut Memo, quiet: bool) -> ExpenseResult {
    let e = &s.expenses[index];
    let total = e.charge.total();
    let mut a = Answer {
        quiet,
        index,
        total,
        remaining: total.unwrap_or(Money::ZERO),
        steps: vec![],
        reasons: vec![],
        ineligible: vec![],
        payers: vec![],
        ruled_out: false,
    };
    let mut facts = AnswerFacts::default();
    // 1.
    if let Some((verdict, outcome)) = rule_out(s, index, &mut a) {
        facts.outcome = outcome;
        return a.finish(verdict, facts, s, index);
    }
    // 2.
    let who = who_may_pay(s, family, index, memo, &mut a, &mut facts);
    if e.charge == Charge::Unknown && who.nothing_may_pay() {
        // Nothing may pay by rule: the missing amount changes nothing (SPEC §10.5).
        return a.finish(Verdict::SelfPay, facts, s, index);
    }
    // 3.–5.
    let money = pooled_fund(s, index, ledger, &who, &mut a)
        .and_then(|()| own_account(s, index, ledger, &who, &mut a))
        .and_then(|depends| sharers(s, family, index, ledger, &who, &mut a).map(|(d, shared)| (depends || d, shared)));
    let (depends_reached, someone_shared) = match money {
        Ok(x) => x,
        Err(missing) => {
            note_missing(s, index, missing, &mut a, &mut facts);
            return a.finish(Verdict::NeedsInput, facts, s, index);
        }
    };
    // 6.
    let verdict = rest_and_verdict(s, index, ledger, &who, &facts, depends_reached, someone_shared, &mut a);
    a.finish(verdict, facts, s, index)
}

/// Phase 1: what no account may pay, whoever pays; `None` when the lines decide. Every line to
/// the patient is then listed as unable to pay, for the same reason.
fn rule_out(s: &Scenario, index: usize, a: &mut Answer) -> Option<(Verdict, Outcome)> {
    let e = &s.expenses[index];
    let patient = &s.members[e.patient];
    let out = impersonation(e, patient)
        .or_else(|| non_designated(e))
        .or_else(|| not_medical(s, e))
        .or_else(|| uninsured(patient))
        .or_else(|| wrong_scheme(e, patient))?;
    say!(a, out.code, out.severity, out.rule, out.reason);
    a.ruled_out = true;
    if !a.quiet {
        for &li in &lines_to(s, e.patient) {
            a.ineligible.push(Ineligible {
                member: s.members[s.sharing[li].from].id.clone(),
                code: out.code,
                message: out.refusal.clone(),
                fix: out.fix.clone(),
                rule: out.rule,
            });
        }
    }
    Some((out.verdict, out.outcome))
}

/// Why an expense is ruled out before anyone is asked (phase 1).
struct RuledOut {
    code: ReasonCode,
    severity: Severity,
    rule: &'static str,
    /// The reason, as the answer says it.
    reason: String,
    /// Each line's refusal, and what to do instead.
    refusal: String,
    fix: String,
    verdict: Verdict,
    outcome: Outcome,
}

impl RuledOut {
    /// Nothing may pay (self-pay), for this reason.
    fn no(code: ReasonCode, rule: &'static str, reason: String, refusal: String, fix: String) -> RuledOut {
        RuledOut {
            code,
            severity: Severity::Warning,
            rule,
            reason,
            refusal,
            fix,
            verdict: Verdict::SelfPay,
            outcome: Outcome::NoByItem(code),
        }
    }
}

/// 冒名就医 (R-CARD): someone else's card for a visit or a purchase.
fn impersonation(e: &Expense, patient: &Member) -> Option<RuledOut> {
    if e.item.kind == ItemKind::Premium || e.card != Card::Other {
        return None;
    }
    Some(RuledOut {
        code: ReasonCode::Impersonation,
        severity: Severity::Error,
        rule: rule_id::R_CARD,
        reason: format!(
            "用别人的医保卡给“{}”看病买药属于冒名就医，是违法行为：医保不予结算；借出医保卡的人可被暂停医保直接结算3至12个月；冒用别人的卡骗取医保基金的，要退回骗取的钱，并处骗取金额2至5倍的罚款，情节严重按诈骗追究刑事责任。正确做法：用“{}”本人的医保卡或医保码，再通过家庭共济让家人的账户付钱——共济的是钱，不是卡。",
            patient.name, patient.name
        ),
        refusal: "冒名就医，医保不能结算。".into(),
        fix: format!("用“{}”本人的医保卡或医保码。", patient.name),
        verdict: Verdict::Blocked,
        outcome: Outcome::Blocked,
    })
}

/// A non-designated clinic or service station takes no 医保.
fn non_designated(e: &Expense) -> Option<RuledOut> {
    if e.venue != crate::data::Venue::NonDesignated {
        return None;
    }
    Some(RuledOut::no(
        ReasonCode::NonDesignatedVenue,
        rule_id::R_2021,
        format!(
            "非定点的诊所、社区服务站等不能刷医保，“{}”的这笔费用统筹和个人账户都不能付，只能自己付。下次请选医保定点医院（含口腔科）、签约的定点口腔诊所或定点药店。",
            e.item.name
        ),
        "非定点机构不能刷医保。".into(),
        "到医保定点医院或定点药店。".into(),
    ))
}

/// Not a medical expense (or cosmetic). Before 国办发〔2021〕14号, what an account could buy was
/// local: those items are asked like any other (they come out `depends`).
fn not_medical(s: &Scenario, e: &Expense) -> Option<RuledOut> {
    let item = e.item;
    if item.kind != ItemKind::NotMedical || item.locally_decided_on(s.as_of) {
        return None;
    }
    let (code, rule, reason) = if item.cosmetic {
        (
            ReasonCode::CosmeticNotCovered,
            item.rule,
            format!("“{}”属于美容项目，不是治疗，统筹基金和任何人的个人账户都不能付，只能自己付。", item.name),
        )
    } else {
        (
            ReasonCode::NotMedicalExpense,
            rule_id::R_2021,
            format!("“{}”不是医疗费用，个人账户（包括家人共济的钱）不能用于养生保健、健身和生活消费，只能自己付。", item.name),
        )
    };
    Some(RuledOut::no(code, rule, reason, format!("“{}”不能用个人账户付。", item.name), "只能自己付。".into()))
}

/// The patient is not insured: neither the pool nor anyone's account pays.
fn uninsured(patient: &Member) -> Option<RuledOut> {
    if patient.insurance.is_enrolled() {
        return None;
    }
    Some(RuledOut::no(
        ReasonCode::BeneficiaryNotInsured,
        rule_id::R_2024,
        format!("“{}”没有参加基本医保：统筹基金不报销，家人的个人账户也不能为没有参保的人付钱。", patient.name),
        format!("“{}”没有参加基本医保，不能接受家庭共济。", patient.name),
        format!("先为“{}”办理居民医保参保登记，之后可以用家庭共济替他缴费、付医药费。", patient.name),
    ))
}

/// A premium of the other scheme (居民医保 for an employee, 大额医疗 for a non-employee).
fn wrong_scheme(e: &Expense, patient: &Member) -> Option<RuledOut> {
    let reason = match e.item.requires {
        Some(Requirement::ResidentEnrollee) if patient.insurance != Insurance::Resident => {
            format!("“{}”参加的是职工医保，职工医保费按月从工资里缴，不能用家庭共济交居民医保费。", patient.name)
        }
        Some(Requirement::EmployeeEnrollee) if !patient.insurance.has_account() => {
            format!("“{}”没有参加职工医保，不用交职工大额医疗费用补助。", patient.name)
        }
        _ => return None,
    };
    Some(RuledOut::no(ReasonCode::PremiumNotApplicable, e.item.rule, reason.clone(), reason, "这项缴费不适用。".into()))
}

/// Who may pay an expense, before any money (phase 2).
struct Who {
    /// The pool may pay (covered items; pharmacy purchases where the place runs 门诊统筹).
    pooled: bool,
    /// The patient's own account, when the patient has one and accounts may pay the item.
    own: Option<Tri>,
    /// Each line to the patient, in 顺位 order, with its check.
    lines: Vec<(usize, Check)>,
}

impl Who {
    /// Nothing may pay by rule: no pool, no own account, every line a definite no.
    fn nothing_may_pay(&self) -> bool {
        !self.pooled
            && matches!(self.own, None | Some(Tri::No))
            && self.lines.iter().all(|(_, c)| matches!(c, Check::Ineligible(_) | Check::NeedsQuota(_)))
    }
}

/// Phase 2: the pool, the own account, each line — yes, no or depends — with the payers listed
/// in payment order and the lines that cannot pay listed with their reason.
fn who_may_pay(s: &Scenario, family: &Family, index: usize, memo: &mut Memo, a: &mut Answer, facts: &mut AnswerFacts) -> Who {
    let e = &s.expenses[index];
    let item = e.item;
    let p = e.patient;
    let patient = &s.members[p];
    let pooled = matches!(item.pooled, PooledCover::Yes | PooledCover::PerRegion);
    let own = (patient.insurance.has_account() && item.own != Payability::NotApplicable).then(|| {
        let (own, decision) = payability::own(s, item, patient);
        own_reasons(s, item, patient, own, decision, a);
        own
    });
    let lines = lines_to(s, p);
    if !a.quiet {
        let unbound = Memo::get(&mut memo.candidates, p, item.id, || answer::unbound(s, family, p, item));
        facts.candidates = unbound.candidates.clone();
        facts.refused = unbound.refused.clone();
    }
    let lines: Vec<(usize, Check)> = lines
        .iter()
        .map(|&li| (li, Memo::get(&mut memo.checks, li, item.id, || eligibility::check(s, family, &s.sharing[li], item)).clone()))
        .collect();
    if item.rule == rule_id::R_DENTAL && item.pooled == PooledCover::Yes {
        say!(
            a,
            ReasonCode::DentalTherapeutic,
            Severity::Info,
            rule_id::R_DENTAL,
            format!("“{}”属于治疗性口腔项目，可以走医保；要在定点医院的口腔科或签约的定点口腔诊所做。", item.name),
        );
    }
    if pooled {
        a.payer(Payer::PooledFund, Some(patient.id.clone()), None, MayPay::Yes, None, rule_id::R_ORDER);
    }
    if let Some(own) = own {
        let (may, code) = match own {
            Tri::Yes => (MayPay::Yes, None),
            Tri::No => (MayPay::No, Some(ReasonCode::RegionRule)),
            Tri::Depends => (MayPay::Depends, Some(ReasonCode::RegionDependent)),
        };
        a.payer(Payer::OwnAccount, Some(patient.id.clone()), None, may, code, rule_id::R_ORDER);
    }
    for (li, check) in &lines {
        let line = &s.sharing[*li];
        let member = Some(s.members[line.from].id.clone());
        let (may, code, rule) = match check {
            Check::Eligible { rule, .. } => (MayPay::Yes, None, *rule),
            Check::Ineligible(x) | Check::NeedsQuota(x) => (MayPay::No, Some(x.code), x.rule),
            Check::Depends(x) => (MayPay::Depends, Some(x.code), x.rule),
            Check::NeedsVia { .. } => (MayPay::Depends, Some(ReasonCode::NeedsInput), rule_id::R_KIN),
        };
        a.payer(payer_of(line), member, order_of(line), may, code, rule);
        if let Some(last) = a.payers.last_mut() {
            last.distance = Some(distance_code(s.area_distance(line.from, line.to)));
        }
    }
    facts.lines = lines.iter().map(|(li, c)| (*li, c.answer())).collect();
    // Lines that cannot pay are listed with their reason whatever the amounts (SPEC §9.3).
    if !a.quiet {
        for (_, check) in &lines {
            if let Some(x) = check.refusal() {
                a.ineligible.push(x.clone());
            }
        }
    }
    facts.own = own;
    facts.pooled = pooled;
    Who { pooled, own, lines }
}

/// The reasons about the own account: a place's decision, or that the place decides and what
/// to ask.
fn own_reasons(
    s: &Scenario,
    item: &Item,
    patient: &Member,
    own: Tri,
    decision: Option<(&'static crate::data::ItemDecision, &'static crate::data::Place)>,
    a: &mut Answer,
) {
    if let Some((d, by)) = decision.filter(|_| own != Tri::Depends) {
        say!(
            a,
            ReasonCode::RegionRule,
            Severity::Info,
            item.rule,
            format!(
                "“{}”能否用本人个人账户付由当地规定。{}：{}（依据：{}，{}起）。",
                item.name,
                by.name,
                d.note.unwrap_or(if own == Tri::Yes { "可以" } else { "不可以" }),
                d.sources.first().map_or("", |x| x.title),
                d.from
            ),
        );
    }
    if own == Tri::Depends {
        let note = if item.locally_decided_on(s.as_of) {
            format!(
                "{}以前，个人账户能买什么由各地自己规定（有的地方允许买{}）",
                item.excluded_from.map_or(String::new(), |d| d.to_string()),
                item.name
            )
        } else {
            item.note.to_string()
        };
        say!(
            a,
            ReasonCode::RegionDependent,
            Severity::Warning,
            item.rule,
            format!(
                "{}。“{}”能否用本人个人账户付由各地规定，{}，这里先按不能付计算。请向{}确认。",
                note,
                item.name,
                if patient.place.is_national() {
                    "没有选择参保地".to_string()
                } else {
                    format!("{}没有查到规定", patient.place.name)
                },
                eligibility::ask_where_member(patient)
            ),
        );
    }
}

/// Phase 3: the pooled fund, from the visitor's parameters (or carried from earlier expenses
/// of the year), or already settled on the slip.
fn pooled_fund(s: &Scenario, index: usize, ledger: &mut Ledger, who: &Who, a: &mut Answer) -> Result<(), Missing> {
    let e = &s.expenses[index];
    let item = e.item;
    let p = e.patient;
    if !who.pooled {
        return if e.charge == Charge::Unknown { Err(Missing::Amount) } else { Ok(()) };
    }
    let (amount, out_of_catalogue) = match e.charge {
        Charge::Unknown => return Err(Missing::Amount),
        Charge::Burden(b) => {
            say!(
                a,
                ReasonCode::PooledSettled,
                Severity::Info,
                rule_id::R_ORDER,
                format!("按结算单上的个人负担{b}元计算：统筹基金报销的部分在结算时已经扣除。"),
            );
            return Ok(());
        }
        Charge::Amount { amount, out_of_catalogue } => (amount, out_of_catalogue),
    };
    let kind = room_kind(item.id);
    let Some(room) = pooled_room(s, index, ledger, kind, a)? else { return Ok(()) };
    let covered = amount.minus(out_of_catalogue);
    let over_deductible = if covered > room.deductible_left { covered.minus(room.deductible_left) } else { Money::ZERO };
    let product = over_deductible.decimal() * room.ratio;
    let pooled = Money::round(product.min(room.cap_left.decimal()));
    let used_deductible = covered.min(room.deductible_left);
    if item.pooled == PooledCover::Yes {
        ledger.pooled[p][kind] = Some(PooledRoom {
            deductible_left: room.deductible_left.minus(used_deductible),
            cap_left: room.cap_left.minus(pooled),
            ratio: room.ratio,
        });
    }
    say!(a, ReasonCode::PooledPaid, Severity::Info, rule_id::R_ORDER, pooled_sentence(covered, room, product, out_of_catalogue));
    a.pay(Step {
        payer: Payer::PooledFund,
        member: Some(s.members[p].id.clone()),
        order: None,
        amount: pooled,
        balance_before: None,
        balance_after: None,
        rule: rule_id::R_ORDER,
    });
    Ok(())
}

/// The pooled room this expense is paid from (`kind`: 门诊 or 住院). Parameters given on the
/// expense win; room carries from earlier expenses of the same kind only when none are given.
/// Pharmacy purchases are pooled only with parameters given on the expense itself (`None`:
/// the pool pays nothing here).
fn pooled_room(s: &Scenario, index: usize, ledger: &Ledger, kind: usize, a: &mut Answer) -> Result<Option<PooledRoom>, Missing> {
    let e = &s.expenses[index];
    let item = e.item;
    let carried = if item.pooled == PooledCover::Yes { ledger.pooled[e.patient][kind] } else { None };
    Ok(Some(match (e.pooled, carried) {
        (Some(given), _) => PooledRoom { deductible_left: given.deductible_left, cap_left: given.cap_left, ratio: given.ratio },
        (None, Some(carried)) => {
            say!(
                a,
                ReasonCode::PooledCarried,
                Severity::Info,
                rule_id::R_ORDER,
                format!(
                    "没有填写这笔的统筹参数，接着用“{}”今年前面同类费用剩下的：起付线还剩{}元，封顶线还剩{}元，报销比例{}%。",
                    s.members[e.patient].name,
                    carried.deductible_left,
                    carried.cap_left,
                    (carried.ratio * rust_decimal::Decimal::ONE_HUNDRED).normalize()
                ),
            );
            carried
        }
        (None, None) if item.pooled == PooledCover::Yes => return Err(Missing::Amount),
        (None, None) => {
            say!(
                a,
                ReasonCode::PooledNotGiven,
                Severity::Info,
                rule_id::R_ORDER,
                "药店买药能不能走门诊统筹报销，由当地规定。没有填写统筹参数，这里按统筹不报销计算；如果结算单上有统筹支付，请改填“个人负担”。".into(),
            );
            return Ok(None);
        }
    }))
}

/// How the pool's part was computed (`product`: before the cap).
fn pooled_sentence(covered: Money, room: PooledRoom, product: rust_decimal::Decimal, out_of_catalogue: Money) -> String {
    let mut msg = format!(
        "医保报销（统筹基金）：（目录内{} − 剩余起付线{}）× 报销比例{}% = {}元（剩余起付线{}元，剩余封顶线{}元）",
        covered,
        room.deductible_left.min(covered),
        (room.ratio * rust_decimal::Decimal::ONE_HUNDRED).normalize(),
        Money::round(product),
        room.deductible_left,
        room.cap_left
    );
    if Money::round(product) > room.cap_left {
        msg.push_str(&format!("，超过剩余封顶线，按{}元报销", room.cap_left));
    }
    msg.push('。');
    if !out_of_catalogue.is_zero() {
        msg.push_str(&format!("目录外的{out_of_catalogue}元统筹不报销。"));
    }
    msg
}

/// Phase 4: the patient's own account, for every item an account may pay (premiums included).
/// `Ok(true)` when the own account depends on a local rule and money was still to pay.
fn own_account(s: &Scenario, index: usize, ledger: &mut Ledger, who: &Who, a: &mut Answer) -> Result<bool, Missing> {
    let e = &s.expenses[index];
    let p = e.patient;
    let patient = &s.members[p];
    match who.own {
        Some(Tri::Yes) if a.remaining.is_zero() => Ok(false),
        Some(Tri::Yes) if !patient.balance_known => Err(Missing::Balance(p)),
        Some(Tri::Yes) => {
            let before = ledger.balances[p];
            let pay = a.remaining.min(before);
            ledger.balances[p] = before.minus(pay);
            if a.remaining > before {
                say!(
                    a,
                    ReasonCode::BalanceExhausted,
                    Severity::Info,
                    rule_id::R_ORDER,
                    format!("“{}”自己的个人账户只有{}元，不够付，用完后再由共济人或自己付。", patient.name, before),
                );
            }
            a.pay(Step {
                payer: Payer::OwnAccount,
                member: Some(patient.id.clone()),
                order: None,
                amount: pay,
                balance_before: Some(before),
                balance_after: Some(ledger.balances[p]),
                rule: rule_id::R_ORDER,
            });
            Ok(false)
        }
        Some(Tri::Depends) => Ok(!a.remaining.is_zero()),
        Some(Tri::No) | None => Ok(false),
    }
}

/// Phase 5: each line in 顺位 order pays what it may. `Ok((depends, shared))`: a line that
/// depends on a local rule was reached with money still to pay; some line's account paid.
fn sharers(
    s: &Scenario,
    family: &Family,
    index: usize,
    ledger: &mut Ledger,
    who: &Who,
    a: &mut Answer,
) -> Result<(bool, bool), Missing> {
    let (mut depends_reached, mut someone_shared) = (false, false);
    for (li, check) in &who.lines {
        let depends = match check {
            Check::Depends(_) => true,
            Check::NeedsVia { depends, .. } => *depends,
            _ => false,
        };
        depends_reached |= depends && !a.remaining.is_zero();
        let Some((source, rule)) = line_source(s, family, index, ledger, *li, check, a)? else { continue };
        someone_shared |= matches!(check, Check::Eligible { .. });
        pay_from_line(s, ledger, *li, (source, rule), check, a)?;
    }
    Ok((depends_reached, someone_shared))
}

/// Where line `li` pays from, and under which rule; `None` when it pays nothing here (it may
/// not, or nothing is left to pay). Says the local rules an eligible line pays under.
fn line_source(
    s: &Scenario,
    family: &Family,
    index: usize,
    ledger: &Ledger,
    li: usize,
    check: &Check,
    a: &mut Answer,
) -> Result<Option<(Source, &'static str)>, Missing> {
    match check {
        Check::Ineligible(_) | Check::NeedsQuota(_) | Check::Depends(_) => Ok(None),
        // The readings of a missing `via` differ: the money is the same in all of them when
        // the reading that pays would pay nothing (SPEC §10.5); else it needs the `via`.
        Check::NeedsVia { need, pays, .. } => {
            let Some(source) = *pays else { return Ok(None) };
            if a.remaining.is_zero() {
                return Ok(None);
            }
            let would = available(s, ledger, li, source, a, true)?;
            if !would.is_zero() {
                let sharer = &s.members[s.sharing[li].from];
                let patient = &s.members[s.expenses[index].patient];
                say!(
                    a,
                    ReasonCode::NeedsInput,
                    Severity::Warning,
                    rule_id::R_KIN,
                    via_question(s, family, &sharer.name, &patient.name, need)
                );
                return Err(Missing::Via);
            }
            Ok(Some((source, rule_id::R_KIN)))
        }
        &Check::Eligible { source, rule, decided_by, circle } => {
            let item = s.expenses[index].item;
            if let Some((d, by)) = decided_by {
                say!(
                    a,
                    ReasonCode::RegionRule,
                    Severity::Info,
                    item.rule,
                    format!(
                        "“{}”能否用家人共济的钱付由当地规定。{}：{}（依据：{}，{}起）。",
                        item.name,
                        by.name,
                        d.note.unwrap_or("可以"),
                        d.sources.first().map_or("", |x| x.title),
                        d.from
                    ),
                );
            }
            if let Some((c, by)) = circle {
                say!(
                    a,
                    ReasonCode::RegionRule,
                    Severity::Info,
                    rule_id::R_2021,
                    format!(
                        "按{}的规定，家庭共济的范围还包括{}（依据：{}，{}起）。{}",
                        by.name,
                        super::words::circle_added(c.add),
                        c.sources.first().map_or("当地规定", |x| x.title),
                        c.from,
                        c.note.unwrap_or("")
                    ),
                );
            }
            Ok(if a.remaining.is_zero() { None } else { Some((source, rule)) })
        }
    }
}

/// Line `li` pays what it may from its source (`paid`: source and rule): the balance's shareable
/// part or the quota, as a step; says when it runs out.
fn pay_from_line(
    s: &Scenario,
    ledger: &mut Ledger,
    li: usize,
    (source, rule): (Source, &'static str),
    check: &Check,
    a: &mut Answer,
) -> Result<(), Missing> {
    let line = &s.sharing[li];
    let sharer = &s.members[line.from];
    let before = match source {
        Source::Balance => ledger.balances[line.from],
        Source::Quota => ledger.quotas[li],
    };
    let available = available(s, ledger, li, source, a, false)?;
    let pay = a.remaining.min(available);
    let after = before.minus(pay);
    match source {
        Source::Balance => {
            ledger.balances[line.from] = after;
            ledger.shared_out[line.from] = ledger.shared_out[line.from].plus(pay);
        }
        Source::Quota => ledger.quotas[li] = after,
    }
    if a.remaining > available && matches!(check, Check::Eligible { .. }) {
        let what = if source == Source::Quota { "给这位亲属的共济额度" } else { "个人账户里可以共济的钱" };
        say!(
            a,
            ReasonCode::BalanceExhausted,
            Severity::Info,
            rule_id::R_ORDER,
            format!("“{}”的{}只有{}元，用完后由下一位共济人或患者自己付。", sharer.name, what, available),
        );
    }
    let payer = if source == Source::Quota { Payer::SharedQuota } else { Payer::SharedAccount };
    let order = if source == Source::Quota { None } else { order_of(line) };
    a.pay(Step {
        payer,
        member: Some(sharer.id.clone()),
        order,
        amount: pay,
        balance_before: Some(before),
        balance_after: Some(after),
        rule,
    });
    Ok(())
}

/// What a line's source may pay now: the quota left, or the part of the sharer's balance that
/// may be shared (SPEC §9.2 money models). `probe`: only asking (no reasons written).
fn available(s: &Scenario, ledger: &Ledger, li: usize, source: Source, a: &mut Answer, probe: bool) -> Result<Money, Missing> {
    let from = s.sharing[li].from;
    match source {
        Source::Quota => Ok(ledger.quotas[li]),
        Source::Balance if !s.members[from].balance_known => Err(Missing::Balance(from)),
        Source::Balance => shareable_now(s, ledger, from, a, probe).ok_or(Missing::Shareable(from)),
    }
}

/// Writes what is missing for the money (the answer is given all the same).
fn note_missing(s: &Scenario, index: usize, missing: Missing, a: &mut Answer, facts: &mut AnswerFacts) {
    let e = &s.expenses[index];
    let patient = &s.members[e.patient];
    match missing {
        Missing::Amount => {
            let what = if e.charge == Charge::Unknown {
                "金额（总金额，或结算单上的“个人负担”）"
            } else {
                "当地的剩余起付线、报销比例和剩余封顶线（也可以直接填写结算单上的“个人负担”）"
            };
            say!(
                a,
                ReasonCode::NeedsInput,
                Severity::Warning,
                rule_id::R_ORDER,
                format!(
                    "要算出“{}”这笔各付多少，还需要{what}。谁能付已经在上面说明；本计算器不会替您猜当地的报销比例。",
                    patient.name
                ),
            );
            facts.needs_money = true;
        }
        Missing::Balance(m) => {
            say!(a, ReasonCode::NeedsInput, Severity::Warning, rule_id::R_ORDER, balance_missing(&s.members[m]));
            facts.needs_money = true;
            facts.needs = Some(("balance", m));
        }
        Missing::Shareable(m) => {
            facts.needs_money = true;
            facts.needs = Some(("shareable", m));
        }
        Missing::Via => {}
    }
}

/// Phase 6: self-pay for the rest, who could have helped, and the verdict: `covered` when the
/// pool or an account may pay (SPEC §7); `depends` when a payer that a local rule decides was
/// reached with money still to pay; else `self_pay`.
#[allow(clippy::too_many_arguments)]
fn rest_and_verdict(
    s: &Scenario,
    index: usize,
    ledger: &Ledger,
    who: &Who,
    facts: &AnswerFacts,
    depends_reached: bool,
    someone_shared: bool,
    a: &mut Answer,
) -> Verdict {
    let e = &s.expenses[index];
    let item = e.item;
    let patient = &s.members[e.patient];
    if someone_shared && item.kind != ItemKind::Premium {
        say!(
            a,
            ReasonCode::OwnCardRequired,
            Severity::Info,
            rule_id::R_CARD,
            format!("家人账户付钱时，“{}”看病买药仍然要用自己的医保卡或医保码；替人买药要带双方身份证件。", patient.name),
        );
    }
    if !a.remaining.is_zero() && !a.quiet {
        for c in facts.candidates.iter().filter(|c| c.may == answer::CandidateMay::Yes) {
            if ledger.balances[c.member].is_zero() {
                continue;
            }
            let m = &s.members[c.member];
            let how = if c.quota {
                "两人不在同一个省，设置跨省共济额度后"
            } else {
                "在国家医保服务平台App（地方专区→职工医保个人账户家庭共济）、当地医保公众号或医保大厅绑定家庭共济后"
            };
            let kin = c.kin.map_or("近亲属", |k| k.name_zh());
            a.reason(
                ReasonCode::NotBound,
                Severity::Info,
                c.rule,
                format!(
                    "“{}”和“{}”是{}，“{}”的职工医保个人账户还有{}元，但还没有为“{}”绑定家庭共济。{}，这部分可以由“{}”的账户支付。",
                    m.name, patient.name, kin, m.name, ledger.balances[c.member], patient.name, how, m.name
                ),
            );
        }
        a.reason(
            ReasonCode::SelfPayRest,
            Severity::Info,
            rule_id::R_ORDER,
            format!("剩下的{}元由“{}”这边自己付（现金、微信、支付宝或银行卡）。", a.remaining, patient.name),
        );
    }
    let line_may = |f: fn(&Check) -> bool| who.lines.iter().any(|(_, c)| f(c));
    let someone_may = who.pooled
        || who.own == Some(Tri::Yes)
        || line_may(|c| matches!(c, Check::Eligible { .. } | Check::NeedsVia { pays: Some(_), .. }));
    if depends_reached {
        Verdict::Depends
    } else if someone_may {
        Verdict::Covered
    } else if who.own == Some(Tri::Depends)
        || line_may(|c| matches!(c, Check::Depends(_) | Check::NeedsVia { depends: true, .. }))
    {
        Verdict::Depends
    } else {
        Verdict::SelfPay
    }
}

/// The question asked when a pair's kinship depends on a missing `via`: for which members, and,
/// where the family lists nobody they may run through (a grandchild whose parent is not
/// listed), that this person must be added first. Independent of member order but for the
/// order of the names.
pub(super) fn via_question(s: &Scenario, family: &Family, sharer: &str, patient: &str, members: &[usize]) -> String {
    let names: Vec<String> = members.iter().map(|&m| format!("“{}”", s.members[m].name)).collect();
    let names = names.join("、");
    let missing = run_through(s, members, |m| !family.can_name_via(m));
    // Several 儿媳 (女婿, 兄弟姐妹的配偶) without `via` for too few listed places: the ones who
    // are the listed people's spouses name them.
    let spouses = members.iter().all(|&m| s.members[m].relation.is_spouse_of_via());
    let how = if missing.is_empty() && members.len() > 1 && spouses {
        let whom = run_through(s, members, |_| true);
        format!("他们不可能都是家里列出的{whom}的配偶：请为其中是家里{whom}配偶的人选择“经由谁”（其余的算作家里没有列出的{whom}的配偶）。")
    } else if missing.is_empty() {
        format!("请在家庭成员里为{names}选择“经由谁”。")
    } else {
        format!("家里还没有列出他们经由的{missing}：请把这位家人也加入家庭成员，再为{names}选择“经由谁”。")
    };
    format!("算不出“{sharer}”和“{patient}”是不是近亲属：{names}是经由家里哪一位算的？{how}")
}

/// Whom these members' relations run through ("儿子", "兄弟或姐妹"), for those that `keep`;
/// each once, in the order of [`Relation::ALL`] (not of the members).
fn run_through(s: &Scenario, members: &[usize], keep: impl Fn(usize) -> bool) -> String {
    let mut out = String::new();
    for (r, _, _) in Relation::ALL {
        let Some(fits) = r.via_relations() else { continue };
        if !members.iter().any(|&m| s.members[m].relation == r && keep(m)) {
            continue;
        }
        let mut what = String::new();
        for (i, f) in fits.iter().enumerate() {
            what.push_str(if i == 0 { "" } else { "或" });
            what.push_str(f.name_zh());
        }
        if !out.split('、').any(|x| x == what) {
            out.push_str(if out.is_empty() { "" } else { "、" });
            out.push_str(&what);
        }
    }
    out
}

/// How much of member `m`'s balance may be shared now, under their place's money model
/// (SPEC §9.2); `None` when the model needs a figure the visitor has not given. A figure the
/// visitor gave wins wherever it is given (SPEC §10.5), and the reasons say so.
fn shareable_now(s: &Scenario, ledger: &Ledger, m: usize, a: &mut Answer, probe: bool) -> Option<Money> {
    let member = &s.members[m];
    let balance = ledger.balances[m];
    let quiet = a.quiet || probe;
    if let Some(given) = member.shareable_balance {
        let left = if given > ledger.shared_out[m] { given.minus(ledger.shared_out[m]) } else { Money::ZERO };
        if !quiet {
            a.reason(
                ReasonCode::ShareableLimited,
                Severity::Info,
                rule_id::R_ORDER,
                format!(
                    "按您填写的“{}”可以共济的金额{}元计算（今年已共济{}元，还可以共济{}元）。",
                    member.name,
                    given,
                    ledger.shared_out[m],
                    left.min(balance)
                ),
            );
        }
        return Some(left.min(balance));
    }
    let Some(model) = member.place.shareable_on(s.as_of) else { return Some(balance) };
    match model.model {
        ShareModel::AboveFloor => {
            let floor = model.floor();
            let above = if balance > floor { balance.minus(floor) } else { Money::ZERO };
            if !quiet {
                a.reason(
                    ReasonCode::ShareableLimited,
                    Severity::Info,
                    rule_id::R_ORDER,
                    format!(
                        "按{}的规定，只有个人账户超过{}元的部分可以共济（{}）：“{}”现在最多可以共济{}元。{}",
                        member.place.name,
                        floor,
                        model.account,
                        member.name,
                        above,
                        model.note.unwrap_or("")
                    ),
                );
            }
            Some(above)
        }
        ShareModel::PriorYears => {
            if !quiet {
                a.reason(
                    ReasonCode::NeedsInput,
                    Severity::Warning,
                    rule_id::R_ORDER,
                    format!(
                        "按{}的规定，只有{}可以共济：请填写“{}”的{}余额（可在当地医保App查询），才能算出各付多少。",
                        member.place.name, model.account, member.name, model.account
                    ),
                );
            }
            None
        }
    }
}

fn balance_missing(m: &Member) -> String {
    format!("要算出各付多少，请填写“{}”的个人账户余额（可在国家医保服务平台App、微信或支付宝的医保服务里查询）。谁能付已经在上面说明。", m.name)
}

fn distance_code(d: crate::scenario::Distance) -> crate::output::DistanceCode {
    use crate::output::DistanceCode;
    use crate::scenario::Distance;
    match d {
        Distance::SamePool => DistanceCode::SameArea,
        Distance::OtherCity => DistanceCode::SameProvince,
        Distance::OtherProvince => DistanceCode::OtherProvince,
    }
}

fn payer_of(line: &Sharing) -> Payer {
    match line.channel {
        Channel::Quota(_) => Payer::SharedQuota,
        _ => Payer::SharedAccount,
    }
}

fn order_of(line: &Sharing) -> Option<u8> {
    match line.channel {
        Channel::Ordered(n) => Some(n),
        _ => None,
    }
}
