//! One expense: blocks, pooled fund, own account, sharers by 顺位, self-pay (SPEC §6).

use super::eligibility::{self, Check, Source};
use super::payability::resolve;
use super::{Ledger, PooledRoom};
use crate::data::{ItemKind, PooledCover, Requirement, Tri};
use crate::kinship::{Family, Relation};
use crate::money::Money;
use crate::output::{ExpenseResult, Ineligible, Payer, Reason, Severity, Step, Verdict};
use crate::scenario::{Card, Channel, Charge, Insurance, Scenario};

/// Collects the lines of one expense's answer.
struct Answer {
    index: usize,
    total: Money,
    remaining: Money,
    steps: Vec<Step>,
    reasons: Vec<Reason>,
    ineligible: Vec<Ineligible>,
}

impl Answer {
    fn reason(&mut self, code: &'static str, severity: Severity, rule: &'static str, message: String) {
        self.reasons.push(Reason { code, severity, message, rule });
    }

    fn pay(&mut self, step: Step) {
        self.remaining = self.remaining.minus(step.amount);
        self.steps.push(step);
    }

    /// Ends the answer: whatever is left is self-pay.
    fn finish(mut self, verdict: Verdict) -> ExpenseResult {
        if verdict == Verdict::NeedsInput {
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
                rule: "R-ORDER",
            });
        }
        ExpenseResult {
            expense: self.index,
            verdict,
            total: self.total,
            steps: self.steps,
            reasons: self.reasons,
            ineligible_sharers: self.ineligible,
        }
    }
}

pub fn evaluate(s: &Scenario, family: &Family, ledger: &mut Ledger, index: usize) -> ExpenseResult {
    let e = &s.expenses[index];
    let item = e.item;
    let p = e.patient;
    let patient = &s.members[p];
    let total = e.charge.total();
    let mut a = Answer { index, total, remaining: total, steps: vec![], reasons: vec![], ineligible: vec![] };

    // 1. Blocks.
    if item.kind != ItemKind::Premium && e.card == Card::Other {
        a.reason(
            "impersonation",
            Severity::Error,
            "R-CARD",
            format!(
                "用别人的医保卡给“{}”看病买药属于冒名就医，是违法行为：医保不予结算；借出医保卡的人可被暂停医保直接结算3至12个月；冒用别人的卡骗取医保基金的，要退回骗取的钱，并处骗取金额2至5倍的罚款，情节严重按诈骗追究刑事责任。正确做法：用“{}”本人的医保卡或医保码，再通过家庭共济让家人的账户付钱——共济的是钱，不是卡。",
                patient.name, patient.name
            ),
        );
        return a.finish(Verdict::Blocked);
    }
    if e.venue == crate::data::Venue::NonDesignated {
        a.reason(
            "non_designated_venue",
            Severity::Warning,
            "R-2021",
            format!(
                "非定点的诊所、社区服务站等不能刷医保，“{}”的这笔费用统筹和个人账户都不能付，只能自己付。下次请选医保定点医院（含口腔科）、签约的定点口腔诊所或定点药店。",
                item.name
            ),
        );
        return a.finish(Verdict::SelfPay);
    }
    if item.kind == ItemKind::NotMedical {
        if item.cosmetic {
            a.reason(
                "cosmetic_not_covered",
                Severity::Warning,
                item.rule,
                format!("“{}”属于美容项目，不是治疗，统筹基金和任何人的个人账户都不能付，只能自己付。", item.name),
            );
        } else {
            a.reason(
                "not_medical_expense",
                Severity::Warning,
                "R-2021",
                format!("“{}”不是医疗费用，个人账户（包括家人共济的钱）不能用于养生保健、健身和生活消费，只能自己付。", item.name),
            );
        }
        return a.finish(Verdict::SelfPay);
    }
    if !patient.insurance.is_enrolled() {
        a.reason(
            "beneficiary_not_insured",
            Severity::Warning,
            "R-2024",
            format!("“{}”没有参加基本医保：统筹基金不报销，家人的个人账户也不能为没有参保的人付钱。", patient.name),
        );
        for line in s.sharing.iter().filter(|l| l.to == p) {
            a.ineligible.push(Ineligible {
                member: s.members[line.from].id.clone(),
                code: "beneficiary_not_insured",
                message: format!("“{}”没有参加基本医保，不能接受家庭共济。", patient.name),
                fix: format!("先为“{}”办理居民医保参保登记，之后可以用家庭共济替他缴费、付医药费。", patient.name),
                rule: "R-2024",
            });
        }
        return a.finish(Verdict::SelfPay);
    }
    match item.requires {
        Some(Requirement::ResidentEnrollee) if patient.insurance != Insurance::Resident => {
            a.reason(
                "premium_not_applicable",
                Severity::Warning,
                item.rule,
                format!("“{}”参加的是职工医保，职工医保费按月从工资里缴，不能用家庭共济交居民医保费。", patient.name),
            );
            return a.finish(Verdict::SelfPay);
        }
        Some(Requirement::LtcRegion) if s.region.ltc.value != Tri::Yes => {
            let why = if s.region.ltc.value == Tri::No { "当地没有开办长期护理保险" } else { "所选地区是否开办了长期护理保险不确定" };
            a.reason(
                "region_dependent",
                Severity::Warning,
                item.rule,
                format!("{why}（{}），这里按不能用个人账户缴纳计算。请选择您所在的城市，或向当地医保部门确认。", s.region.ltc.source),
            );
            return a.finish(Verdict::SelfPay);
        }
        _ => {}
    }

    let own_ok = resolve(s, item, item.own, true, &mut a.reasons);
    let shared_ok = resolve(s, item, item.shared, false, &mut a.reasons);
    let pooled_applies = matches!(item.pooled, PooledCover::Yes | PooledCover::PerRegion);
    if !pooled_applies && !own_ok && !shared_ok {
        return a.finish(Verdict::SelfPay);
    }
    if item.rule == "R-DENTAL" && item.pooled == PooledCover::Yes {
        a.reason(
            "dental_therapeutic",
            Severity::Info,
            "R-DENTAL",
            format!("“{}”属于治疗性口腔项目，可以走医保；要在定点医院的口腔科或签约的定点口腔诊所做。", item.name),
        );
    }

    // 2. Pooled fund.
    if pooled_applies {
        match e.charge {
            Charge::Burden(b) => a.reason(
                "pooled_settled",
                Severity::Info,
                "R-ORDER",
                format!("按结算单上的个人负担{b}元计算：统筹基金报销的部分在结算时已经扣除。"),
            ),
            Charge::Amount { amount, out_of_catalogue } => {
                // Pharmacy purchases (per_region) are pooled only with parameters given on the
                // expense itself: outpatient/inpatient room carried over does not apply there.
                let carried = if item.pooled == PooledCover::Yes { ledger.pooled[p] } else { None };
                let room = match (e.pooled, carried) {
                    (Some(given), None) => {
                        Some(PooledRoom { deductible_left: given.deductible_left, cap_left: given.cap_left, ratio: given.ratio })
                    }
                    (Some(given), Some(carried)) => {
                        if (given.deductible_left, given.cap_left) != (carried.deductible_left, carried.cap_left) {
                            a.reason(
                                "pooled_carried",
                                Severity::Info,
                                "R-ORDER",
                                format!(
                                    "“{}”今年前面的费用已经用掉了一部分起付线和封顶线，这里接着用剩下的：起付线还剩{}元，封顶线还剩{}元。",
                                    patient.name, carried.deductible_left, carried.cap_left
                                ),
                            );
                        }
                        Some(PooledRoom { ratio: given.ratio, ..carried })
                    }
                    (None, Some(carried)) => Some(carried),
                    (None, None) if item.pooled == PooledCover::Yes => {
                        a.reason(
                            "needs_input",
                            Severity::Warning,
                            "R-ORDER",
                            format!(
                                "要算统筹基金给“{}”报销多少，需要当地的剩余起付线、报销比例和剩余封顶线；也可以直接填写结算单上的“个人负担”金额。本计算器不会替您猜当地的报销比例。",
                                patient.name
                            ),
                        );
                        return a.finish(Verdict::NeedsInput);
                    }
                    (None, None) => {
                        a.reason(
                            "pooled_not_given",
                            Severity::Info,
                            "R-ORDER",
                            "药店买药能不能走门诊统筹报销，由当地规定。没有填写统筹参数，这里按统筹不报销计算；如果结算单上有统筹支付，请改填“个人负担”。".into(),
                        );
                        None
                    }
                };
                if let Some(room) = room {
                    let covered = amount.minus(out_of_catalogue);
                    let over_deductible = if covered > room.deductible_left { covered.minus(room.deductible_left) } else { Money::ZERO };
                    let product = over_deductible.decimal() * room.ratio;
                    let pooled = Money::round(product.min(room.cap_left.decimal()));
                    let used_deductible = covered.min(room.deductible_left);
                    if item.pooled == PooledCover::Yes {
                        ledger.pooled[p] = Some(PooledRoom {
                            deductible_left: room.deductible_left.minus(used_deductible),
                            cap_left: room.cap_left.minus(pooled),
                            ratio: room.ratio,
                        });
                    }
                    let mut msg = format!(
                        "统筹基金报销：（目录内{} − 剩余起付线{}）× 报销比例{}% = {}元",
                        covered,
                        room.deductible_left.min(covered),
                        (room.ratio * rust_decimal::Decimal::ONE_HUNDRED).normalize(),
                        Money::round(product)
                    );
                    if Money::round(product) > room.cap_left {
                        msg.push_str(&format!("，超过剩余封顶线，按{}元报销", room.cap_left));
                    }
                    msg.push('。');
                    if !out_of_catalogue.is_zero() {
                        msg.push_str(&format!("目录外的{out_of_catalogue}元统筹不报销。"));
                    }
                    a.reason("pooled_paid", Severity::Info, "R-ORDER", msg);
                    a.pay(Step {
                        payer: Payer::PooledFund,
                        member: Some(patient.id.clone()),
                        order: None,
                        amount: pooled,
                        balance_before: None,
                        balance_after: None,
                        rule: "R-ORDER",
                    });
                }
            }
        }
    }

    // 3. The patient's own account.
    if own_ok && patient.insurance.has_account() {
        let before = ledger.balances[p];
        let pay = a.remaining.min(before);
        ledger.balances[p] = before.minus(pay);
        if a.remaining > before {
            a.reason(
                "balance_exhausted",
                Severity::Info,
                "R-ORDER",
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
            rule: "R-ORDER",
        });
    }

    // 4. Sharers, in 顺位 order: ordered lines, then unordered ones, then quotas (keys end in the
    //    line index, so they are unique and an unstable sort is exact).
    let mut lines: Vec<usize> = (0..s.sharing.len()).filter(|&i| s.sharing[i].to == p).collect();
    lines.sort_unstable_by_key(|&i| match s.sharing[i].channel {
        Channel::Ordered(n) => (0, u32::from(n), i),
        Channel::Unordered => (1, 0, i),
        Channel::Quota(_) => (2, 0, i),
    });
    let mut someone_shared = false;
    if shared_ok {
        for li in lines {
            let line = &s.sharing[li];
            let sharer = &s.members[line.from];
            match eligibility::check(s, family, line, item) {
                Check::NeedsVia(members) => {
                    if a.remaining.is_zero() {
                        continue;
                    }
                    let names: Vec<String> = members.iter().map(|&m| format!("“{}”", s.members[m].name)).collect();
                    let names = names.join("、");
                    // Whom they run through, where the family lists nobody who fits (a grandchild
                    // whose parent is not listed): that person must be added first.
                    let missing = run_through(s, &members, |m| !family.can_name_via(m));
                    // Several 儿媳 (女婿, 兄弟姐妹的配偶) without `via` for too few listed places:
                    // the one who is the listed person's spouse names them.
                    let spouses = members.iter().all(|&m| s.members[m].relation.is_spouse_of_via());
                    let how = if missing.is_empty() && members.len() > 1 && spouses {
                        let whom = run_through(s, &members, |_| true);
                        format!(
                            "他们不可能都是家里列出的{whom}的配偶：请为其中是家里{whom}配偶的人选择“经由谁”（其余的算作家里没有列出的{whom}的配偶）。"
                        )
                    } else if missing.is_empty() {
                        format!("请在家庭成员里为{names}选择“经由谁”。")
                    } else {
                        format!("家里还没有列出他们经由的{missing}：请把这位家人也加入家庭成员，再为{names}选择“经由谁”。")
                    };
                    a.reason(
                        "needs_input",
                        Severity::Warning,
                        "R-KIN",
                        format!("算不出“{}”和“{}”是不是近亲属：{names}是经由家里哪一位算的？{how}", sharer.name, patient.name),
                    );
                    return a.finish(Verdict::NeedsInput);
                }
                Check::Ineligible(x) => a.ineligible.push(x),
                Check::Eligible(source, kin) => {
                    if a.remaining.is_zero() {
                        continue;
                    }
                    someone_shared = true;
                    let (before, payer, order, rule) = match source {
                        Source::Balance => {
                            let order = match line.channel {
                                Channel::Ordered(n) => Some(n),
                                _ => None,
                            };
                            let kin_rule = if kin.is_core_family() { "R-2021" } else { "R-2024" };
                            let rule = if item.kind == ItemKind::Premium { item.rule } else { kin_rule };
                            (ledger.balances[line.from], Payer::SharedAccount, order, rule)
                        }
                        Source::Quota => (ledger.quotas[li], Payer::SharedQuota, None, "R-XPROV"),
                    };
                    let pay = a.remaining.min(before);
                    let after = before.minus(pay);
                    match source {
                        Source::Balance => ledger.balances[line.from] = after,
                        Source::Quota => ledger.quotas[li] = after,
                    }
                    if a.remaining > before {
                        let what = if source == Source::Quota { "给这位亲属的共济额度" } else { "个人账户" };
                        a.reason(
                            "balance_exhausted",
                            Severity::Info,
                            "R-ORDER",
                            format!("“{}”的{}只有{}元，用完后由下一位共济人或患者自己付。", sharer.name, what, before),
                        );
                    }
                    a.pay(Step {
                        payer,
                        member: Some(sharer.id.clone()),
                        order,
                        amount: pay,
                        balance_before: Some(before),
                        balance_after: Some(after),
                        rule,
                    });
                }
            }
        }
    }
    if someone_shared && item.kind != ItemKind::Premium {
        a.reason(
            "own_card_required",
            Severity::Info,
            "R-CARD",
            format!("家人账户付钱时，“{}”看病买药仍然要用自己的医保卡或医保码；替人买药要带双方身份证件。", patient.name),
        );
    }

    // 5. Self-pay for the rest, and who could have helped.
    if !a.remaining.is_zero() {
        if shared_ok {
            suggest_unbound(s, family, ledger, p, &mut a);
        }
        a.reason(
            "self_pay_rest",
            Severity::Info,
            "R-ORDER",
            format!("剩下的{}元由“{}”自己付（现金、微信、支付宝或银行卡）。", a.remaining, patient.name),
        );
    }
    a.finish(Verdict::Covered)
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

/// Close relatives with money who could share with the patient but have not bound it.
fn suggest_unbound(s: &Scenario, family: &Family, ledger: &Ledger, p: usize, a: &mut Answer) {
    if s.as_of < s.region.sharing_from.value {
        return;
    }
    let patient = &s.members[p];
    for (m, member) in s.members.iter().enumerate() {
        if m == p || !member.insurance.has_account() || ledger.balances[m].is_zero() {
            continue;
        }
        if s.sharing.iter().any(|l| l.from == m && l.to == p) {
            continue;
        }
        let Ok(kin) = eligibility::kinship(family, m, p) else { continue };
        if !eligibility::kin_may_share(s, kin) {
            continue;
        }
        let same = eligibility::same_province(s, m, p);
        if !same && s.as_of < s.region.cross_province_from.value {
            continue;
        }
        let how = if same {
            "在国家医保服务平台App（地方专区→职工医保个人账户家庭共济）、当地医保公众号或医保大厅绑定家庭共济后"
        } else {
            "两人不在同一个省，设置跨省共济额度后"
        };
        a.reason(
            "not_bound",
            Severity::Info,
            if kin.is_core_family() { "R-2021" } else { "R-2024" },
            format!(
                "“{}”和“{}”是{}，“{}”的职工医保个人账户还有{}元，但还没有为“{}”绑定家庭共济。{}，这部分可以由“{}”的账户支付。",
                member.name, patient.name, kin.name_zh(), member.name, ledger.balances[m], patient.name, how, member.name
            ),
        );
    }
}
