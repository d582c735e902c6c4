//! May this sharing line pay for this patient's expense? (SPEC §6 step 4, §9.1)
//!
//! Checked in the order a clerk would, under the rules of the **sharer's** place (SPEC §9.1):
//! is sharing in force there at all (R-2021 or the local start); does the sharer have a personal
//! account; is the patient insured; are they close relatives under the rules in force on `as_of`
//! (R-KIN, R-2024 as the place implemented it); how far apart are they (same 统筹区, another
//! 统筹区 of the province from its `cross_city_from`, another province by quota, R-XPROV); and
//! may sharing pay this item there. A date known only as a window, or an item the place does not
//! decide, gives [`Check::Depends`]: the line does not pay (the conservative case) and the
//! reason says what to ask and where.

use crate::data::rule_id;
use crate::data::{Gate, InForce, Item, ItemDecision, Payability, Place, QuotaScope, Tri};
use crate::kinship::{Answer, Family, Kin};
use crate::output::{Ineligible, ReasonCode};
use crate::scenario::{Channel, Distance, Scenario, Sharing};

/// Where an eligible line's money comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The sharer's spendable balance (same province).
    Balance,
    /// The quota set aside on this line (cross-province, R-XPROV).
    Quota,
}

#[derive(Clone)]
pub enum Check {
    /// May pay, from this source, citing this rule; `decided_by` is the place decision that
    /// allowed a "depends" item, if one did.
    Eligible {
        source: Source,
        rule: &'static str,
        decided_by: Option<(&'static ItemDecision, &'static Place)>,
    },
    Ineligible(Ineligible),
    /// Turns on a local rule or date the engine does not know: does not pay; says what to ask.
    Depends(Ineligible),
    /// Kinship depends on a `via` that is missing, and the answer differs: these members need one.
    NeedsVia(Vec<usize>),
}

/// One line's answer, without its reason (what `answer` is decided from, SPEC §9.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineAnswer {
    Yes,
    No,
    Depends,
    NeedsVia,
    /// Ineligible only because a cross-province quota is not set yet.
    NeedsQuota,
}

impl Check {
    pub fn answer(&self) -> LineAnswer {
        match self {
            Check::Eligible { .. } => LineAnswer::Yes,
            Check::Ineligible(x) if x.code == ReasonCode::CrossProvinceNeedsQuota => LineAnswer::NeedsQuota,
            Check::Ineligible(_) => LineAnswer::No,
            Check::Depends(_) => LineAnswer::Depends,
            Check::NeedsVia(_) => LineAnswer::NeedsVia,
        }
    }
}

fn refusal(s: &Scenario, line: &Sharing, code: ReasonCode, rule: &'static str, message: String, fix: String) -> Ineligible {
    Ineligible { member: s.members[line.from].id.clone(), code, message, fix, rule }
}

fn no(s: &Scenario, line: &Sharing, code: ReasonCode, rule: &'static str, message: String, fix: String) -> Check {
    Check::Ineligible(refusal(s, line, code, rule, message, fix))
}

/// Where to ask in a place: its channels, in one phrase.
pub fn ask_where(place: &Place) -> String {
    place.channels.join("、")
}

fn depends(s: &Scenario, line: &Sharing, rule: &'static str, place: &Place, message: String) -> Check {
    Check::Depends(refusal(
        s,
        line,
        ReasonCode::RegionDependent,
        rule,
        message,
        format!("请向{}确认（说明两人的关系和参保地）。", ask_where(place)),
    ))
}

/// The kinship of a pair: known, or every reading with the members whose `via` would decide it.
pub fn kinship(family: &Family, a: usize, b: usize) -> Result<Kin, (Vec<usize>, Vec<Kin>)> {
    match family.kinship(a, b) {
        Answer::Known(k) => Ok(k),
        Answer::Ambiguous { need, possible } => Err((need, possible)),
    }
}

/// Whether the kin may share on `as_of` under the sharer's place: spouse, parents and children
/// from sharing's start; all 近亲属 from the place's widening.
pub fn kin_in_force(s: &Scenario, place: &Place, kin: Kin) -> InForce {
    if !kin.is_close() {
        InForce::No
    } else if kin.is_core_family() {
        InForce::Yes
    } else {
        place.facts.close_relatives_from.on(s.as_of)
    }
}

pub fn check(s: &Scenario, family: &Family, line: &Sharing, item: &Item) -> Check {
    let sharer = &s.members[line.from];
    let patient = &s.members[line.to];
    let place = sharer.place;
    let start = &place.facts.sharing_from;
    match start.on(s.as_of) {
        InForce::Yes => {}
        // Before the national start with no local date known: local pilots (福建 2020) existed.
        InForce::No if start.place == "national" => {
            return depends(
                s, line, rule_id::R_2021, place,
                format!(
                    "{}时国家层面的家庭共济（{}起）还没开始；个别地方更早试行（如福建2020年7月起）。“{}”所在地当时能不能共济，要看当地规定。",
                    s.as_of, start.by, sharer.name
                ),
            )
        }
        InForce::No => {
            return no(
                s, line, ReasonCode::RuleNotInForce, rule_id::R_2021,
                format!("{}时{}还没有家庭共济：职工医保个人账户从{}起才能给家人用。", s.as_of, place.name, start.describe()),
                format!("{}以后的费用才能共济。", start.describe()),
            )
        }
        InForce::Depends => {
            return depends(
                s, line, rule_id::R_2021, place,
                format!("{}开始家庭共济的确切日期没有查到（{}），{}时能不能共济要看当地。", place.name, start.describe(), s.as_of),
            )
        }
    }
    if !sharer.insurance.has_account() {
        return no(
            s,
            line,
            ReasonCode::SharerNoPersonalAccount,
            rule_id::R_2021,
            format!("“{}”没有参加职工医保，没有个人账户，不能给别人共济。", sharer.name),
            "只有参加职工医保（在职或退休）的人才能把个人账户的钱给家人用。".into(),
        );
    }
    if !patient.insurance.is_enrolled() {
        return no(
            s,
            line,
            ReasonCode::BeneficiaryNotInsured,
            rule_id::R_2024,
            format!("“{}”没有参加基本医保，不能接受家庭共济。", patient.name),
            format!("先给“{}”办理居民医保或职工医保参保，再绑定家庭共济。", patient.name),
        );
    }
    match kinship(family, line.from, line.to) {
        Ok(kin) => check_kin(s, line, item, kin),
        Err((need, possible)) => {
            // Ask only when the readings give different answers (SPEC §9.3).
            let mut readings = possible.iter().map(|&k| check_kin(s, line, item, k));
            let Some(first) = readings.next() else { return Check::NeedsVia(need) };
            let mut same = true;
            for other in readings {
                // Readings agree when they give the same answer (and, to pay, the same source
                // and rule); the reason may differ (e.g. "not a relative" vs "not yet in force").
                let agree = match (&first, &other) {
                    (Check::Eligible { source: a, rule: x, .. }, Check::Eligible { source: b, rule: y, .. }) => a == b && x == y,
                    (a, b) => a.answer() == b.answer(),
                };
                same &= agree;
            }
            match first {
                _ if !same => Check::NeedsVia(need),
                Check::Ineligible(mut x) => {
                    let names: Vec<String> = need.iter().map(|&m| format!("“{}”", s.members[m].name)).collect();
                    x.message = format!("{}（无论{}经由家里哪一位算，结果都一样。）", x.message, names.join("、"));
                    Check::Ineligible(x)
                }
                other => other,
            }
        }
    }
}

/// The rest of the checks, once the pair's kinship is known.
fn check_kin(s: &Scenario, line: &Sharing, item: &Item, kin: Kin) -> Check {
    let sharer = &s.members[line.from];
    let patient = &s.members[line.to];
    let place = sharer.place;
    if !kin.is_close() {
        let fix = if kin == Kin::Unknown {
            "如果两人其实是近亲属，请在家庭成员里选择具体关系。".to_string()
        } else {
            format!(
                "可以请“{}”的近亲属（配偶、父母、子女等）中参加职工医保的人为{}共济，或者自己付。",
                patient.name, patient.name
            )
        };
        return no(
            s,
            line,
            ReasonCode::NotCloseRelative,
            rule_id::R_KIN,
            format!("“{}”和“{}”是{}，不是民法典规定的近亲属，不能共济。", sharer.name, patient.name, kin.name_zh()),
            fix,
        );
    }
    let widening = &place.facts.close_relatives_from;
    match kin_in_force(s, place, kin) {
        InForce::Yes => {}
        InForce::No => {
            return no(
                s,
                line,
                ReasonCode::RuleNotInForce,
                rule_id::R_2024,
                format!(
                    "“{}”和“{}”是{}。{}从{}起，共济范围才从配偶、父母、子女扩大到全部近亲属；{}时还不行。",
                    sharer.name,
                    patient.name,
                    kin.name_zh(),
                    origin_name(widening),
                    widening.describe(),
                    s.as_of
                ),
                format!("{}以后的费用可以共济。", widening.describe()),
            )
        }
        InForce::Depends => {
            return depends(
                s,
                line,
                rule_id::R_2024,
                place,
                format!(
                    "“{}”和“{}”是{}。{}扩大到全部近亲属的确切日期没有查到（{}），{}时能不能共济要看当地。",
                    sharer.name,
                    patient.name,
                    kin.name_zh(),
                    origin_name(widening),
                    widening.describe(),
                    s.as_of
                ),
            )
        }
    }
    let cross = &place.facts.cross_province_from;
    let distance = s.distance(line.from, line.to);
    let source = match (line.channel, distance) {
        (Channel::Quota(_), _) => match cross.on(s.as_of) {
            InForce::Yes => Source::Quota,
            InForce::No => {
                return no(
                    s,
                    line,
                    ReasonCode::RuleNotInForce,
                    rule_id::R_XPROV,
                    format!("跨省共济额度从{}起才有，{}时还不能用。", cross.describe(), s.as_of),
                    format!("{}以后可以设置跨省共济额度。", cross.by),
                )
            }
            InForce::Depends => {
                return depends(
                    s,
                    line,
                    rule_id::R_XPROV,
                    place,
                    format!(
                        "{}时跨省共济额度还没有全国推开（通知{}发布），只有双方所在统筹区都开通了“医保钱包”才行。",
                        s.as_of, cross.by
                    ),
                )
            }
        },
        (_, Distance::OtherProvince) => {
            let (sp, pp) = (province(sharer.province.as_deref()), province(patient.province.as_deref()));
            return match cross.on(s.as_of) {
                InForce::Yes => no(
                    s,
                    line,
                    ReasonCode::CrossProvinceNeedsQuota,
                    rule_id::R_XPROV,
                    format!("“{}”在{sp}，“{}”在{pp}，跨省共济不能直接扣余额，要先设置共济额度。", sharer.name, patient.name),
                    format!(
                        "请“{}”在国家医保服务平台App为“{}”设置跨省共济额度（额度内的钱先划出，本人暂时不能用）。",
                        sharer.name, patient.name
                    ),
                ),
                InForce::No => no(
                    s,
                    line,
                    ReasonCode::RuleNotInForce,
                    rule_id::R_XPROV,
                    format!("“{}”在{sp}，“{}”在{pp}，{}时还没有跨省共济。", sharer.name, patient.name, s.as_of),
                    format!("{}以后可以设置跨省共济额度。", cross.by),
                ),
                InForce::Depends => depends(
                    s,
                    line,
                    rule_id::R_XPROV,
                    place,
                    format!(
                        "“{}”在{sp}，“{}”在{pp}。{}时跨省共济只能通过“医保钱包”，要双方所在统筹区都已开通（{}起全国推开）。",
                        sharer.name, patient.name, s.as_of, cross.by
                    ),
                ),
            };
        }
        (_, Distance::OtherCity) => {
            let between = &place.facts.cross_city_from;
            match between.on(s.as_of) {
                InForce::Yes => Source::Balance,
                InForce::No => {
                    return no(
                        s, line, ReasonCode::RuleNotInForce, rule_id::R_2021,
                        format!(
                            "“{}”和“{}”在同一个省的不同城市（统筹区）参保，{}省内跨统筹区共济从{}起才开通，{}时还不行。",
                            sharer.name, patient.name, origin_name(between), between.describe(), s.as_of
                        ),
                        format!("{}以后可以共济。", between.describe()),
                    )
                }
                InForce::Depends => {
                    return depends(
                        s, line, rule_id::R_2021, place,
                        format!(
                            "“{}”和“{}”在同一个省的不同城市（统筹区）参保。省内跨统筹区共济开通的确切日期没有查到（{}），{}时能不能共济要看当地。",
                            sharer.name, patient.name, between.describe(), s.as_of
                        ),
                    )
                }
            }
        }
        (_, Distance::SamePool) => Source::Balance,
    };
    // The item, under the sharer's place.
    if item.gate == Some(Gate::ResidentPremium) && widening.on(s.as_of) != InForce::Yes && source != Source::Quota {
        let gate = &place.facts.resident_premium_from;
        match gate.on(s.as_of) {
            InForce::Yes => {}
            InForce::No => {
                return no(
                    s, line, ReasonCode::RuleNotInForce, rule_id::R_2021,
                    format!("{}时{}还不能用个人账户替家人交居民医保费（从{}起才可以）。", s.as_of, place.name, gate.describe()),
                    format!("{}以后可以共济缴费。", gate.describe()),
                )
            }
            InForce::Depends => {
                return depends(
                    s, line, rule_id::R_2021, place,
                    format!(
                        "国办发〔2021〕14号只说各地“探索”用个人账户替配偶、父母、子女交居民医保费；{}时{}是否已经可以，要看当地（扩大到近亲属后各地都可以）。",
                        s.as_of, place.name
                    ),
                )
            }
        }
    }
    if source == Source::Quota && item.quota == QuotaScope::No {
        return no(
            s,
            line,
            ReasonCode::QuotaNotForItem,
            rule_id::R_XPROV,
            format!("跨省共济额度只能付看病买药中个人负担的部分和居民医保、长护险缴费，不能付“{}”。", item.name),
            "这笔费用只能由患者自己付，或由同省的共济人按顺位支付。".into(),
        );
    }
    let mut decided_by = None;
    let quota_named = source == Source::Quota && item.quota == QuotaScope::Yes;
    if !quota_named {
        match item.shared {
            Payability::Yes => {}
            Payability::No | Payability::NotApplicable => {
                return no(
                    s,
                    line,
                    ReasonCode::NotMedicalExpense,
                    item.rule,
                    format!("“{}”不能用家人的个人账户付。", item.name),
                    "这笔费用只能自己付。".into(),
                )
            }
            Payability::Depends => match place.decision(item.id, s.as_of) {
                Some((d, by)) if d.shared == Some(Tri::Yes) => decided_by = Some((d, by)),
                Some((d, by)) if d.shared == Some(Tri::No) => {
                    return no(
                        s,
                        line,
                        ReasonCode::RegionRule,
                        item.rule,
                        format!(
                            "按{}的规定，“{}”不能用家人共济的钱付（依据：{}）。",
                            by.name,
                            item.name,
                            d.sources.first().map_or("当地规定", |x| x.title)
                        ),
                        d.note.unwrap_or("这笔费用只能自己付。").to_string(),
                    )
                }
                _ => {
                    return depends(
                        s,
                        line,
                        item.rule,
                        place,
                        format!(
                            "“{}”能不能用家人共济的钱付，国家没有统一规定，{}也没有查到规定。{}。",
                            item.name, place.name, item.note
                        ),
                    )
                }
            },
        }
    }
    let rule = match source {
        Source::Quota => rule_id::R_XPROV,
        // A premium paid before the widening was paid under a local rule (国办发〔2021〕14号 "探索").
        Source::Balance if item.kind == crate::data::ItemKind::Premium && widening.on(s.as_of) != InForce::Yes => rule_id::R_2021,
        Source::Balance if item.kind == crate::data::ItemKind::Premium => rule_id::R_2024,
        Source::Balance if kin.is_core_family() => rule_id::R_2021,
        Source::Balance => rule_id::R_2024,
    };
    Check::Eligible { source, rule, decided_by }
}

/// The name of the place a fact comes from (a city's cross-city date is its province's).
fn origin_name(f: &crate::data::DateFact) -> &'static str {
    crate::data::place(f.place).map_or("当地", |p| p.name)
}

fn province(p: Option<&str>) -> &str {
    p.unwrap_or("未填省份")
}
