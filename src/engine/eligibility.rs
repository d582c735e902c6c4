//! May this sharing line pay for this patient's expense? (SPEC §6 step 4, §9.1, §10.2)
//!
//! Checked under the rules of the **sharer's** place (SPEC §9.1), every condition a clerk would
//! check: is sharing in force there at all (R-2021 or the local start); does the sharer have a
//! personal account; is the patient insured; may the place's circle of relatives include the
//! patient (R-KIN, R-2024 as the place implemented it, local additions and limits); how far apart
//! are they (same 统筹区, another 统筹区 of the province from its `cross_city_from`, another
//! province by quota, R-XPROV); and may sharing pay this item there.
//!
//! Each condition is yes, no, or depends (a date known only as a window, an item the place does
//! not decide). The line's answer is **no** as soon as one condition is no, whatever the others
//! (SPEC §10.5: `depends` never masks a definite no); else **depends** if one condition depends
//! (the line does not pay: the conservative case, and the reason says what to ask and where);
//! else the line may pay.

use crate::data::rule_id;
use crate::data::{Circle, DateFact, Gate, InForce, Item, ItemDecision, ItemKind, Payability, Place, QuotaScope, Tri};
use crate::kinship::{Answer, Family, Kin};
use crate::output::{Ineligible, ReasonCode};
use crate::scenario::{Channel, Distance, Member, Scenario, Sharing};

/// The national guideline's date (国办发〔2021〕14号, R-2021): the floor of every start window.
const NATIONAL_START: crate::date::Date = crate::date::Date::new(2021, 4, 22);

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
    /// allowed a "depends" item, `circle` the local circle that added the patient, if any.
    Eligible {
        source: Source,
        rule: &'static str,
        decided_by: Option<(&'static ItemDecision, &'static Place)>,
        circle: Option<(&'static Circle, &'static Place)>,
    },
    /// May not pay, by rule.
    Ineligible(Ineligible),
    /// Another province: may pay this item once a cross-province quota is set (R-XPROV).
    NeedsQuota(Ineligible),
    /// Turns on a local rule or date the engine does not know: does not pay; says what to ask.
    Depends(Ineligible),
    /// Kinship depends on a `via` that is missing, and the answer differs: these members need
    /// one. `pays`: where the money would come from in the reading that lets the line pay, if
    /// one does (the money is the same in every reading when that would pay nothing);
    /// `depends`: some reading turns on a local rule or date.
    NeedsVia { need: Vec<usize>, pays: Option<Source>, depends: bool },
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
            Check::Ineligible(_) => LineAnswer::No,
            Check::NeedsQuota(_) => LineAnswer::NeedsQuota,
            Check::Depends(_) => LineAnswer::Depends,
            Check::NeedsVia { .. } => LineAnswer::NeedsVia,
        }
    }

    /// The reason a line that cannot pay (now) is listed with.
    pub fn refusal(&self) -> Option<&Ineligible> {
        match self {
            Check::Ineligible(x) | Check::NeedsQuota(x) | Check::Depends(x) => Some(x),
            _ => None,
        }
    }
}

/// The conditions met so far: `Err` holds the first definite no (decides the line), `Ok` the
/// first condition that depends, if any.
type Pending = Result<Option<Check>, Check>;

/// Adds one condition's outcome: a no ends the check; the first depends is kept.
fn note(pending: &mut Option<Check>, outcome: Option<Check>) -> Result<(), Check> {
    match outcome {
        None => Ok(()),
        Some(c @ (Check::Ineligible(_) | Check::NeedsQuota(_) | Check::NeedsVia { .. })) => Err(c),
        Some(c @ Check::Depends(_)) => {
            pending.get_or_insert(c);
            Ok(())
        }
        Some(Check::Eligible { .. }) => Ok(()),
    }
}

fn refusal(s: &Scenario, line: &Sharing, code: ReasonCode, rule: &'static str, message: String, fix: String) -> Ineligible {
    Ineligible { member: s.members[line.from].id.clone(), code, message, fix, rule }
}

fn no(s: &Scenario, line: &Sharing, code: ReasonCode, rule: &'static str, message: String, fix: String) -> Option<Check> {
    Some(Check::Ineligible(refusal(s, line, code, rule, message, fix)))
}

/// Where to ask in a place: its channels, in one phrase.
pub fn ask_where(place: &Place) -> String {
    place.channels.join("、")
}

/// Where a member asks: their city's 医保局 first where the city is known (SPEC §10.1: the
/// answer names the city and where to ask), then the place's channels.
pub fn ask_where_member(m: &Member) -> String {
    match &m.city {
        Some(c) => format!("{}医保局、{}", c.name(), ask_where(m.place)),
        None => ask_where(m.place),
    }
}

fn depends(s: &Scenario, line: &Sharing, rule: &'static str, message: String) -> Option<Check> {
    Some(Check::Depends(refusal(
        s,
        line,
        ReasonCode::RegionDependent,
        rule,
        message,
        format!("请向{}确认（说明两人的关系和参保地）。", ask_where_member(&s.members[line.from])),
    )))
}

/// A rule in force at the sharer's place on `as_of` (`on`), under `rule`: yes (`None`); not
/// yet, a no (`rule_not_in_force`) with the sentence and fix `not_yet` writes; not known, a
/// depends with the sentence `unknown` writes.
fn dated(
    s: &Scenario,
    line: &Sharing,
    on: InForce,
    rule: &'static str,
    not_yet: impl FnOnce() -> (String, String),
    unknown: impl FnOnce() -> String,
) -> Option<Check> {
    match on {
        InForce::Yes => None,
        InForce::No => {
            let (message, fix) = not_yet();
            no(s, line, ReasonCode::RuleNotInForce, rule, message, fix)
        }
        InForce::Depends => depends(s, line, rule, unknown()),
    }
}

/// The kinship of a pair, from the first member's side: known, or every reading with the
/// members whose `via` would decide it.
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

/// Where a member is insured, in words: the place the engine used for them.
pub fn place_words(m: &Member) -> String {
    match (&m.city, &m.province) {
        (Some(c), _) => c.name().to_string(),
        (None, Some(p)) => p.clone(),
        (None, None) => m.place.name.to_string(),
    }
}

pub fn check(s: &Scenario, family: &Family, line: &Sharing, item: &Item) -> Check {
    let pending = match prerequisites(s, line) {
        Ok(p) => p,
        Err(no) => return no,
    };
    match kinship(family, line.from, line.to) {
        Ok(kin) => settle(pending, check_kin(s, family, line, item, kin)),
        Err((need, possible)) => {
            // Every reading, each with the conditions met before kinship (SPEC §10.5).
            let readings: Vec<Check> =
                possible.iter().map(|&k| settle(pending.clone(), check_kin(s, family, line, item, k))).collect();
            let Some(first) = readings.first().cloned() else { return Check::NeedsVia { need, pays: None, depends: false } };
            // Readings agree when they give the same answer (and, to pay, the same source); the
            // reason may differ (e.g. "not a relative" vs "not yet in force").
            let same = readings.iter().all(|r| match (&first, r) {
                (Check::Eligible { source: a, .. }, Check::Eligible { source: b, .. }) => a == b,
                (a, b) => a.answer() == b.answer(),
            });
            if !same {
                let pays = readings.iter().find_map(|r| match r {
                    Check::Eligible { source, .. } => Some(*source),
                    _ => None,
                });
                let depends = readings.iter().any(|r| matches!(r, Check::Depends(_)));
                return Check::NeedsVia { need, pays, depends };
            }
            match first {
                Check::Ineligible(mut x) => {
                    let names: Vec<String> = need.iter().map(|&m| format!("“{}”", s.members[m].name)).collect();
                    x.message = format!("{}（无论{}经由家里哪一位算，结果都一样。）", x.message, names.join("、"));
                    Check::Ineligible(x)
                }
                // Every reading pays from the same source; the rules may differ (R-2021 for a
                // parent, R-2024 for a sibling): R-2024 covers both once the widening is in force.
                Check::Eligible { source, rule, decided_by, circle } => {
                    let rules_differ = readings.iter().any(|r| matches!(r, Check::Eligible { rule: x, .. } if *x != rule));
                    let rule = if rules_differ && source == Source::Balance { rule_id::R_2024 } else { rule };
                    Check::Eligible { source, rule, decided_by, circle }
                }
                other => other,
            }
        }
    }
}

/// The kinship's verdict combined with what was pending before it: a no decides; else a
/// pending depends; else the kinship's verdict.
fn settle(pending: Option<Check>, after: Check) -> Check {
    match (pending, after) {
        (_, no @ Check::Ineligible(_)) => no,
        (Some(dep), _) => dep,
        (None, after) => after,
    }
}

/// The conditions that do not depend on kinship: sharing in force at the sharer's place, the
/// sharer's account, the patient's insurance.
fn prerequisites(s: &Scenario, line: &Sharing) -> Pending {
    let sharer = &s.members[line.from];
    let patient = &s.members[line.to];
    let place = sharer.place;
    let start = &place.facts.sharing_from;
    let mut pending = None;
    let on = start.on(s.as_of);
    // Before the national guideline, where the place's own start is not known (its window
    // begins at the guideline): local schemes existed (浙江 2016, 广西 2018, 四川 2019, 福建
    // 2020), so it depends; before a start the place's own sources give, it is a no.
    let started = if on == InForce::No && start.not_before == NATIONAL_START {
        depends(
            s,
            line,
            rule_id::R_2021,
            format!(
                "{}时国家层面的家庭共济（{}起）还没开始；有些地方更早就有（如浙江2016年、福建2020年）。“{}”所在地当时能不能共济，要看当地规定。",
                s.as_of, NATIONAL_START, sharer.name
            ),
        )
    } else {
        dated(
            s,
            line,
            on,
            rule_id::R_2021,
            || {
                (
                    format!("{}时{}还没有家庭共济：职工医保个人账户从{}起才能给家人用。", s.as_of, place.name, start.describe()),
                    format!("{}以后的费用才能共济。", start.describe()),
                )
            },
            || {
                format!(
                    "{}开始家庭共济的确切日期没有查到（{}），{}时能不能共济要看当地。",
                    origin_name(start),
                    start.describe(),
                    s.as_of
                )
            },
        )
    };
    note(&mut pending, started)?;
    if !sharer.insurance.has_account() {
        note(
            &mut pending,
            no(
                s,
                line,
                ReasonCode::SharerNoPersonalAccount,
                rule_id::R_2021,
                format!("“{}”没有参加职工医保，没有个人账户，不能给别人共济。", sharer.name),
                "只有参加职工医保（在职或退休）的人才能把个人账户的钱给家人用。".into(),
            ),
        )?;
    }
    if !patient.insurance.is_enrolled() {
        note(
            &mut pending,
            no(
                s,
                line,
                ReasonCode::BeneficiaryNotInsured,
                rule_id::R_2024,
                format!("“{}”没有参加基本医保，不能接受家庭共济。", patient.name),
                format!("先给“{}”办理居民医保或职工医保参保，再绑定家庭共济。", patient.name),
            ),
        )?;
    }
    Ok(pending)
}

/// The rest of the checks, once the pair's kinship is known (seen from the sharer).
fn check_kin(s: &Scenario, family: &Family, line: &Sharing, item: &Item, kin: Kin) -> Check {
    let mut pending = None;
    match conditions(s, family, line, item, kin, &mut pending) {
        Err(no) => no,
        Ok(eligible) => pending.unwrap_or(eligible),
    }
}

/// The checks after kinship, in the order a clerk makes them: the place's circle of relatives,
/// how far apart they are (the money's source), the premium gate, what a quota may pay, the
/// item, the local circle's limits; then the rule an eligible line pays under.
fn conditions(
    s: &Scenario,
    family: &Family,
    line: &Sharing,
    item: &Item,
    kin: Kin,
    pending: &mut Option<Check>,
) -> Result<Check, Check> {
    let place = s.members[line.from].place;
    let circle = place.circle_on(item.id, s.as_of);
    let found = circle.adds(kin);
    let added = match found {
        Some((c, by, InForce::Yes)) => Some((c, by)),
        _ => None,
    };
    note(pending, relatives_here(s, family, line, kin, found))?;
    let source = source_of(s, family, line, item, kin, pending)?;
    note(pending, premium_gate(s, line, item, source))?;
    note(pending, quota_scope(s, line, item, source))?;
    let mut decided_by = None;
    let quota_named = source == Source::Quota && item.quota == QuotaScope::Yes;
    if !quota_named {
        let (outcome, decision) = item_payable(s, line, item);
        decided_by = decision;
        note(pending, outcome)?;
    }
    note(pending, circle.excludes(kin).and_then(|(c, by)| outside_local_circle(s, line, item, kin, c, by)))?;
    let rule = match source {
        Source::Quota => rule_id::R_XPROV,
        // A premium paid before the widening was paid under a local rule (国办发〔2021〕14号 "探索").
        Source::Balance if item.kind == ItemKind::Premium && place.facts.close_relatives_from.on(s.as_of) != InForce::Yes => {
            rule_id::R_2021
        }
        Source::Balance if item.kind == ItemKind::Premium => rule_id::R_2024,
        Source::Balance if kin.is_core_family() || added.is_some() => rule_id::R_2021,
        Source::Balance => rule_id::R_2024,
    };
    Ok(Check::Eligible { source, rule, decided_by, circle: added })
}

/// Are they relatives who may share here? The national circle ([`relatives`]), unless the
/// place's circle surely adds them (`found` in force: yes). Where it only may (its end
/// unknown, or only some of its province's cities), a national no becomes the question to ask.
fn relatives_here(
    s: &Scenario,
    family: &Family,
    line: &Sharing,
    kin: Kin,
    found: Option<(&'static Circle, &'static Place, InForce)>,
) -> Option<Check> {
    let (c, by) = match found {
        Some((_, _, InForce::Yes)) => return None,
        Some((c, by, _)) => (c, by),
        None => return relatives(s, family, line, kin),
    };
    let sharer = &s.members[line.from];
    let place = sharer.place;
    match relatives(s, family, line, kin)? {
        Check::Ineligible(_) => depends(
            s,
            line,
            rule_id::R_KIN,
            if c.maybe {
                format!(
                    "“{}”和“{}”是{}，国家规定不包括在家庭共济范围内；{}有的城市（如{}）把{}算在内（依据：{}），{}的规定没有查到，要看当地。",
                    sharer.name,
                    s.members[line.to].name,
                    kin.name_zh(),
                    by.name,
                    c.city,
                    super::words::circle_added(c.add),
                    c.sources.first().map_or("当地规定", |x| x.title),
                    place.name
                )
            } else {
                format!(
                    "“{}”和“{}”是{}，国家规定不包括在家庭共济范围内；{}的规定把{}算在内（依据：{}，{}起），{}时是否仍然如此要看当地。",
                    sharer.name,
                    s.members[line.to].name,
                    kin.name_zh(),
                    by.name,
                    super::words::circle_added(c.add),
                    c.sources.first().map_or("当地规定", |x| x.title),
                    c.from,
                    s.as_of
                )
            },
        ),
        other => Some(other),
    }
}

/// A cross-province quota pays only what R-XPROV names.
fn quota_scope(s: &Scenario, line: &Sharing, item: &Item, source: Source) -> Option<Check> {
    if source != Source::Quota || item.quota != QuotaScope::No {
        return None;
    }
    no(
        s,
        line,
        ReasonCode::QuotaNotForItem,
        rule_id::R_XPROV,
        format!("跨省共济额度只能付看病买药中个人负担的部分和居民医保、长护险缴费，不能付“{}”。", item.name),
        "这笔费用只能由患者自己付，或由同省的共济人按顺位支付。".into(),
    )
}

/// The place allows this item only for some relations (`c.only`, by `by`), and not for these.
fn outside_local_circle(s: &Scenario, line: &Sharing, item: &Item, kin: Kin, c: &Circle, by: &Place) -> Option<Check> {
    no(
        s,
        line,
        ReasonCode::OutsideLocalCircle,
        item.rule,
        format!(
            "按{}的规定，“{}”只能用个人账户为{}付（依据：{}，{}起）；“{}”和“{}”是{}，不在其中。",
            by.name,
            item.name,
            super::words::circle_only(c.only.unwrap_or(&[])),
            c.sources.first().map_or("当地规定", |x| x.title),
            c.from,
            s.members[line.from].name,
            s.members[line.to].name,
            kin.name_zh()
        ),
        format!("可以由“{}”本人或其配偶、父母、子女中参加职工医保的人支付，或者自己付。", s.members[line.to].name),
    )
}

/// Are they relatives the national circle includes, on `as_of`, at the sharer's place?
fn relatives(s: &Scenario, family: &Family, line: &Sharing, kin: Kin) -> Option<Check> {
    let sharer = &s.members[line.from];
    let patient = &s.members[line.to];
    let place = sharer.place;
    if !kin.is_close() {
        return no(
            s,
            line,
            ReasonCode::NotCloseRelative,
            rule_id::R_KIN,
            not_close_message(sharer, patient, kin),
            not_close_fix(s, family, line, kin),
        );
    }
    let widening = &place.facts.close_relatives_from;
    dated(
        s,
        line,
        kin_in_force(s, place, kin),
        rule_id::R_2024,
        || {
            (
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
        },
        || {
            format!(
                "“{}”和“{}”是{}。{}扩大到全部近亲属的确切日期没有查到（{}），{}时能不能共济要看当地。",
                sharer.name,
                patient.name,
                kin.name_zh(),
                origin_name(widening),
                widening.describe(),
                s.as_of
            )
        },
    )
}

fn not_close_message(sharer: &Member, patient: &Member, kin: Kin) -> String {
    let base = format!("“{}”和“{}”是{}，不是民法典规定的近亲属", sharer.name, patient.name, kin.name_zh());
    if matches!(kin, Kin::SpouseParent | Kin::ChildSpouse) {
        // SPEC §10.2: say that a few places count 配偶的父母, and whom to ask.
        format!(
            "{base}。国家规定的家庭共济范围不包括配偶的父母（公婆、岳父母）和子女的配偶；个别地方另有规定，可以向{}确认。",
            ask_where_member(sharer)
        )
    } else {
        format!("{base}，不能共济。")
    }
}

/// What works instead: for an in-law, the patient's own child (the sharer's spouse) may bind
/// and pay; else a close relative of the patient with 职工医保.
fn not_close_fix(s: &Scenario, family: &Family, line: &Sharing, kin: Kin) -> String {
    let patient = &s.members[line.to];
    if kin == Kin::Unknown {
        return "如果两人其实是近亲属，请在家庭成员里选择具体关系。".to_string();
    }
    if matches!(kin, Kin::SpouseParent | Kin::ChildSpouse) {
        // The member who is the sharer's spouse and the patient's child (or parent).
        let bridge = (0..s.members.len()).find(|&m| {
            m != line.from
                && m != line.to
                && family.kinship(line.from, m) == Answer::Known(Kin::Spouse)
                && family.kinship(m, line.to) == Answer::Known(Kin::ParentChild)
        });
        let who = match bridge {
            Some(m) if s.members[m].insurance.has_account() => format!("“{}”", s.members[m].name),
            Some(m) => format!("“{}”的子女中参加职工医保的人（“{}”没有职工医保个人账户）", patient.name, s.members[m].name),
            None if kin == Kin::SpouseParent => {
                format!("“{}”的子女（也就是“{}”的配偶）", patient.name, s.members[line.from].name)
            }
            None => format!("“{}”的父母", patient.name),
        };
        let own = if patient.insurance.has_account() {
            format!("“{}”自己的个人账户也可以付。", patient.name)
        } else {
            String::new()
        };
        return format!(
            "能用的办法：{who}和“{}”是近亲属，可以用自己的职工医保个人账户为“{}”绑定家庭共济。{own}",
            patient.name, patient.name
        );
    }
    format!("可以请“{}”的近亲属（配偶、父母、子女等）中参加职工医保的人为{}共济，或者自己付。", patient.name, patient.name)
}

/// Where the money would come from, given how far apart they are (SPEC §9.1, R-XPROV).
fn source_of(
    s: &Scenario,
    family: &Family,
    line: &Sharing,
    item: &Item,
    kin: Kin,
    pending: &mut Option<Check>,
) -> Result<Source, Check> {
    if let Channel::Quota(_) = line.channel {
        note(pending, quota_in_force(s, line))?;
        return Ok(Source::Quota);
    }
    match s.area_distance(line.from, line.to) {
        Distance::SamePool => Ok(Source::Balance),
        Distance::OtherCity => {
            note(pending, cross_city(s, line))?;
            Ok(Source::Balance)
        }
        Distance::OtherProvince => Err(cross_province(s, family, line, item, kin)),
    }
}

/// A quota line: are cross-province quotas in force at the sharer's place?
fn quota_in_force(s: &Scenario, line: &Sharing) -> Option<Check> {
    let place = s.members[line.from].place;
    let cross = &place.facts.cross_province_from;
    dated(
        s,
        line,
        cross.on(s.as_of),
        rule_id::R_XPROV,
        || {
            (
                format!("跨省共济额度从{}起才有，{}时还不能用。", cross.describe(), s.as_of),
                format!("{}以后可以设置跨省共济额度。", cross.by),
            )
        },
        || format!("{}时跨省共济额度还没有全国推开（通知{}发布），只有双方所在统筹区都开通了“医保钱包”才行。", s.as_of, cross.by),
    )
}

/// Two 统筹区 of one province: is sharing between them (省内跨统筹区) open at the sharer's place?
fn cross_city(s: &Scenario, line: &Sharing) -> Option<Check> {
    let sharer = &s.members[line.from];
    let patient = &s.members[line.to];
    let place = sharer.place;
    let (sp, pp) = (place_words(sharer), place_words(patient));
    let between = &place.facts.cross_city_from;
    dated(
        s,
        line,
        between.on(s.as_of),
        rule_id::R_2021,
        || {
            (
                format!(
                    "“{}”在{sp}、“{}”在{pp}，是同一个省的不同统筹区；{}省内跨统筹区共济从{}起才开通，{}时还不行。",
                    sharer.name,
                    patient.name,
                    origin_name(between),
                    between.describe(),
                    s.as_of
                ),
                format!("{}以后可以共济。", between.describe()),
            )
        },
        || {
            format!(
                "“{}”在{sp}、“{}”在{pp}，是同一个省的不同统筹区。省内跨统筹区共济开通的确切日期没有查到（{}），{}时能不能共济要看当地。",
                sharer.name,
                patient.name,
                between.describe(),
                s.as_of
            )
        },
    )
}

/// Two provinces, no quota on the line: the balance cannot pay. Would a quota pay this item?
/// The same line is asked with one (R-XPROV), and the answer says so.
fn cross_province(s: &Scenario, family: &Family, line: &Sharing, item: &Item, kin: Kin) -> Check {
    let sharer = &s.members[line.from];
    let patient = &s.members[line.to];
    let (sp, pp) = (place_words(sharer), place_words(patient));
    let with_quota = Sharing { from: line.from, to: line.to, channel: Channel::Quota(crate::money::Money::ZERO) };
    let message = format!("“{}”在{sp}，“{}”在{pp}，跨省共济不能直接扣余额，要先设置共济额度。", sharer.name, patient.name);
    match check_kin(s, family, &with_quota, item, kin) {
        Check::Eligible { .. } => Check::NeedsQuota(refusal(
            s,
            line,
            ReasonCode::CrossProvinceNeedsQuota,
            rule_id::R_XPROV,
            message,
            format!(
                "请“{}”在国家医保服务平台App为“{}”设置跨省共济额度（额度内的钱先划出，本人暂时不能用）。",
                sharer.name, patient.name
            ),
        )),
        Check::Depends(mut x) => {
            x.message = format!("“{}”在{sp}，“{}”在{pp}，跨省共济要用共济额度。{}", sharer.name, patient.name, x.message);
            Check::Depends(x)
        }
        Check::Ineligible(x) if x.code == ReasonCode::RuleNotInForce && x.rule == rule_id::R_XPROV => Check::Ineligible(refusal(
            s,
            line,
            ReasonCode::RuleNotInForce,
            rule_id::R_XPROV,
            format!("“{}”在{sp}，“{}”在{pp}，{}时还没有跨省共济。", sharer.name, patient.name, s.as_of),
            format!("{}以后可以设置跨省共济额度。", sharer.place.facts.cross_province_from.by),
        )),
        Check::Ineligible(x) => Check::Ineligible(refusal(
            s,
            line,
            ReasonCode::CrossProvinceNeedsQuota,
            x.rule,
            format!("{message}而且即使设置了额度也不能付：{}", x.message),
            x.fix,
        )),
        other => other,
    }
}

/// 居民医保 contributions before the widening: the place's own start (国办发〔2021〕14号 "探索").
fn premium_gate(s: &Scenario, line: &Sharing, item: &Item, source: Source) -> Option<Check> {
    let place = s.members[line.from].place;
    if item.gate != Some(Gate::ResidentPremium)
        || place.facts.close_relatives_from.on(s.as_of) == InForce::Yes
        || source == Source::Quota
    {
        return None;
    }
    let gate = &place.facts.resident_premium_from;
    dated(
        s,
        line,
        gate.on(s.as_of),
        rule_id::R_2021,
        || {
            (
                format!("{}时{}还不能用个人账户替家人交居民医保费（从{}起才可以）。", s.as_of, place.name, gate.describe()),
                format!("{}以后可以共济缴费。", gate.describe()),
            )
        },
        || {
            format!(
                "国办发〔2021〕14号只说各地“探索”用个人账户替配偶、父母、子女交居民医保费；{}时{}是否已经可以，要看当地（扩大到近亲属后各地都可以）。",
                s.as_of, place.name
            )
        },
    )
}

/// May sharing pay this item at the sharer's place (the catalogue, or the place's decision)?
fn item_payable(s: &Scenario, line: &Sharing, item: &Item) -> (Option<Check>, Option<(&'static ItemDecision, &'static Place)>) {
    let place = s.members[line.from].place;
    let shared = if item.locally_decided_on(s.as_of) { Payability::Depends } else { item.shared };
    match shared {
        Payability::Yes => (None, None),
        Payability::No | Payability::NotApplicable => (
            no(
                s,
                line,
                ReasonCode::NotMedicalExpense,
                item.rule,
                format!("“{}”不能用家人的个人账户付。", item.name),
                "这笔费用只能自己付。".into(),
            ),
            None,
        ),
        Payability::Depends => match place.decision(item.id, s.as_of) {
            Some((d, by)) if d.shared == Some(Tri::Yes) && !item.locally_decided_on(s.as_of) => (None, Some((d, by))),
            Some((d, by)) if d.shared == Some(Tri::No) => (
                no(
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
                ),
                None,
            ),
            _ if item.locally_decided_on(s.as_of) => (
                depends(
                    s,
                    line,
                    item.rule,
                    format!(
                        "{}以前，个人账户能买什么由各地自己规定（有的地方允许买{}）；{}时{}是否允许，要看当地当时的规定。",
                        item.excluded_from.map_or(String::new(), |d| d.to_string()),
                        item.name,
                        s.as_of,
                        place.name
                    ),
                ),
                None,
            ),
            _ => (
                depends(
                    s,
                    line,
                    item.rule,
                    if place.is_national() {
                        format!(
                            "“{}”能不能用家人共济的钱付，国家没有统一规定，各地不同（没有选择参保地）。{}。",
                            item.name, item.note
                        )
                    } else {
                        format!(
                            "“{}”能不能用家人共济的钱付，国家没有统一规定，{}也没有查到规定。{}。",
                            item.name, place.name, item.note
                        )
                    },
                ),
                None,
            ),
        },
    }
}

/// The name of the place a fact comes from (a city's cross-city date is its province's).
fn origin_name(f: &DateFact) -> &'static str {
    match crate::data::place(f.place) {
        Some(p) if p.is_national() => "各地",
        Some(p) => p.name,
        None => "当地",
    }
}
