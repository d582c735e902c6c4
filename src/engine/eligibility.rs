//! May this sharing line pay for this patient's expense? (SPEC §6 step 4)
//!
//! Checked in the order a clerk would: is sharing in force at all (R-2021); does the sharer have
//! a personal account; is the patient insured; are they close relatives under the rules in
//! force on `as_of` (R-KIN, R-2024); same province, or a quota for cross-province (R-XPROV).

use crate::data::Item;
use crate::kinship::{Answer, Family, Kin};
use crate::output::Ineligible;
use crate::scenario::{Channel, Scenario, Sharing};

/// Where an eligible line's money comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The sharer's spendable balance (same province).
    Balance,
    /// The quota set aside on this line (cross-province, R-XPROV).
    Quota,
}

pub enum Check {
    /// May pay, from this source; `Kin` is the pair's kinship (it decides R-2021 vs R-2024).
    Eligible(Source, Kin),
    Ineligible(Ineligible),
    /// Kinship depends on a `via` that is missing: these member indices need one.
    NeedsVia(Vec<usize>),
}

fn no(line: &Sharing, s: &Scenario, code: &'static str, rule: &'static str, message: String, fix: String) -> Check {
    Check::Ineligible(Ineligible { member: s.members[line.from].id.clone(), code, message, fix, rule })
}

/// Whether two members are in the same province. A missing province counts as the same place
/// (the family is described from one place); the engine says so in a reason.
pub fn same_province(s: &Scenario, a: usize, b: usize) -> bool {
    match (&s.members[a].province, &s.members[b].province) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// The kinship of a pair, or the members whose `via` would decide it. Readings that agree on
/// what matters here (close or not; spouse/parents/children or not) count as known; the first
/// possible kinship names it.
pub fn kinship(family: &Family, a: usize, b: usize) -> Result<Kin, Vec<usize>> {
    match family.kinship(a, b) {
        Answer::Known(k) => Ok(k),
        Answer::Ambiguous { need, possible } => {
            let class = |k: &Kin| (k.is_close(), k.is_core_family());
            match possible.split_first() {
                Some((first, rest)) if rest.iter().all(|k| class(k) == class(first)) => Ok(*first),
                _ => Err(need),
            }
        }
    }
}

/// Whether the kin may share on `as_of`: all 近亲属 after the region's widening date, only
/// spouse/parents/children before it.
pub fn kin_may_share(s: &Scenario, kin: Kin) -> bool {
    kin.is_close() && (kin.is_core_family() || s.as_of >= s.region.close_relatives_from.value)
}

pub fn check(s: &Scenario, family: &Family, line: &Sharing, item: &Item) -> Check {
    let sharer = &s.members[line.from];
    let patient = &s.members[line.to];
    let region = s.region;
    if s.as_of < region.sharing_from.value {
        return no(
            line, s, "rule_not_in_force", "R-2021",
            format!("{}时还没有家庭共济：职工医保个人账户从{}起才能给家人用。", s.as_of, region.sharing_from.value),
            format!("{}以后的费用才能共济。", region.sharing_from.value),
        );
    }
    if !sharer.insurance.has_account() {
        return no(
            line, s, "sharer_no_personal_account", "R-2021",
            format!("“{}”没有参加职工医保，没有个人账户，不能给别人共济。", sharer.name),
            "只有参加职工医保（在职或退休）的人才能把个人账户的钱给家人用。".into(),
        );
    }
    if !patient.insurance.is_enrolled() {
        return no(
            line, s, "beneficiary_not_insured", "R-2024",
            format!("“{}”没有参加基本医保，不能接受家庭共济。", patient.name),
            format!("先给“{}”办理居民医保或职工医保参保，再绑定家庭共济。", patient.name),
        );
    }
    let kin = match kinship(family, line.from, line.to) {
        Ok(k) => k,
        Err(members) => return Check::NeedsVia(members),
    };
    if !kin.is_close() {
        let fix = if kin == Kin::Unknown {
            "如果两人其实是近亲属，请在家庭成员里选择具体关系。".to_string()
        } else {
            format!("“{}”可以请{}的近亲属（配偶、父母、子女等）中参加职工医保的人共济。", patient.name, patient.name)
        };
        return no(
            line, s, "not_close_relative", "R-KIN",
            format!("“{}”和“{}”是{}，不是民法典规定的近亲属，不能共济。", sharer.name, patient.name, kin.name_zh()),
            fix,
        );
    }
    if !kin_may_share(s, kin) {
        return no(
            line, s, "rule_not_in_force", "R-2024",
            format!(
                "“{}”和“{}”是{}。{}起（本地区），共济范围才从配偶、父母、子女扩大到全部近亲属；{}时还不行。",
                sharer.name, patient.name, kin.name_zh(), region.close_relatives_from.value, s.as_of
            ),
            format!("{}以后的费用可以共济。", region.close_relatives_from.value),
        );
    }
    let same = same_province(s, line.from, line.to);
    match line.channel {
        Channel::Quota(_) => {
            if s.as_of < region.cross_province_from.value {
                return no(
                    line, s, "rule_not_in_force", "R-XPROV",
                    format!("跨省共济额度从{}起才有，{}时还不能用。", region.cross_province_from.value, s.as_of),
                    format!("{}以后可以设置跨省共济额度。", region.cross_province_from.value),
                );
            }
            if !item.quota {
                return no(
                    line, s, "quota_not_for_item", "R-XPROV",
                    format!("跨省共济额度只能付看病买药中个人负担的部分和居民医保、长护险缴费，不能付“{}”。", item.name),
                    "这笔费用只能由患者自己付，或由同省的共济人按顺位支付。".into(),
                );
            }
            Check::Eligible(Source::Quota, kin)
        }
        Channel::Ordered(_) | Channel::Unordered if !same => {
            if s.as_of < region.cross_province_from.value {
                no(
                    line, s, "rule_not_in_force", "R-XPROV",
                    format!(
                        "“{}”在{}，“{}”在{}，跨省共济从{}起才开通，{}时还不行。",
                        sharer.name, province(sharer.province.as_deref()), patient.name,
                        province(patient.province.as_deref()), region.cross_province_from.value, s.as_of
                    ),
                    format!("{}以后可以设置跨省共济额度。", region.cross_province_from.value),
                )
            } else {
                no(
                    line, s, "cross_province_needs_quota", "R-XPROV",
                    format!(
                        "“{}”在{}，“{}”在{}，跨省共济不能直接扣余额，要先设置共济额度。",
                        sharer.name, province(sharer.province.as_deref()), patient.name, province(patient.province.as_deref())
                    ),
                    format!("请“{}”在国家医保服务平台App为“{}”设置跨省共济额度（额度内的钱先划出，本人暂时不能用）。", sharer.name, patient.name),
                )
            }
        }
        Channel::Ordered(_) | Channel::Unordered => Check::Eligible(Source::Balance, kin),
    }
}

fn province(p: Option<&str>) -> &str {
    p.unwrap_or("未填省份")
}
