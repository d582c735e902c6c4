//! The answer first (SPEC §9.3): `answer`, `headline` and `next_steps` of one expense, decided
//! from who may pay (the pool, the own account, each sharing line, the unbound relatives who
//! could), never from the amounts. The page shows these sentences and decides nothing.

use super::eligibility::{self, Check};
use crate::data::rule_id;
use crate::data::{Item, ItemKind, Place, Tri};
use crate::kinship::{Family, Kin};
use crate::output::{AnswerKind, Ineligible, NextStep, NextStepCode, ReasonCode, Verdict};
use crate::scenario::{Channel, Distance, Scenario, Sharing};

pub use super::eligibility::LineAnswer;

/// Could a relative without a line to the patient pay, once bound (or with a quota)?
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateMay {
    Yes,
    /// On a local rule or date.
    Depends,
    /// In one reading of a missing `via` (SPEC §10.5: never a silent no).
    NeedsVia,
}

/// A relative with an account who has no line to the patient but could have one.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub member: usize,
    /// The kinship, when it is known.
    pub kin: Option<Kin>,
    pub may: CandidateMay,
    /// Another province: a quota is needed.
    pub quota: bool,
    pub rule: &'static str,
}

/// The members with an account who have no line to the patient: those who could pay once
/// bound, and those who could not (with why; a "no" explains itself with them, SPEC §10.2).
#[derive(Clone, Debug, Default)]
pub struct Unbound {
    pub candidates: Vec<Candidate>,
    pub refused: Vec<(usize, Kin, Ineligible)>,
}

/// How the expense was settled before anyone's money was looked at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Outcome {
    /// Who pays is decided by the lines below.
    #[default]
    Lines,
    Blocked,
    /// Nothing may pay, for this reason code (cosmetic, not medical, non-designated, …).
    NoByItem(ReasonCode),
}

/// What the answer is decided from.
#[derive(Default)]
pub struct Facts {
    pub outcome: Outcome,
    pub pooled: bool,
    pub own: Option<Tri>,
    pub lines: Vec<(usize, LineAnswer)>,
    pub candidates: Vec<Candidate>,
    /// Members with an account, without a line, who could not pay even once bound.
    pub refused: Vec<(usize, Kin, Ineligible)>,
    pub needs_money: bool,
    /// What the money needs, when it does: "balance" (a member's balance), "shareable" (the
    /// part that may be shared), else the amount or pooled parameters.
    pub needs: Option<(&'static str, usize)>,
}

pub struct Told {
    pub answer: AnswerKind,
    pub headline: String,
    pub next_steps: Vec<NextStep>,
}

/// Relatives with an account, without a line to patient `p`: who could pay this item once
/// bound (or with a quota) — the same checks as a bound line, on a line that does not exist yet
/// — and who could not.
pub fn unbound(s: &Scenario, family: &Family, p: usize, item: &'static Item) -> Unbound {
    let mut out = Unbound::default();
    // By id, not by member order (issue 11: member order never changes an answer); the
    // headline names the first.
    let mut by_id: Vec<usize> = (0..s.members.len()).collect();
    by_id.sort_unstable_by(|&a, &b| s.members[a].id.cmp(&s.members[b].id));
    for m in by_id {
        let member = &s.members[m];
        if m == p || !member.insurance.has_account() || s.sharing.iter().any(|l| l.from == m && l.to == p) {
            continue;
        }
        let quota = s.area_distance(m, p) == Distance::OtherProvince;
        let line = Sharing { from: m, to: p, channel: Channel::Unordered };
        let kin = eligibility::kinship(family, m, p).ok();
        let may = match eligibility::check(s, family, &line, item) {
            Check::Eligible { .. } | Check::NeedsQuota(_) => CandidateMay::Yes,
            Check::Depends(_) => CandidateMay::Depends,
            Check::NeedsVia { .. } => CandidateMay::NeedsVia,
            Check::Ineligible(x) => {
                if let Some(k) = kin {
                    out.refused.push((m, k, x));
                }
                continue;
            }
        };
        let rule = if quota {
            rule_id::R_XPROV
        } else if !kin.is_some_and(|k| !k.is_close() || k.is_core_family()) {
            rule_id::R_2024
        } else {
            rule_id::R_2021
        };
        out.candidates.push(Candidate { member: m, kin, may, quota, rule });
    }
    out
}

fn name(s: &Scenario, m: usize) -> &str {
    &s.members[m].name
}

fn names(s: &Scenario, ms: &[usize]) -> String {
    ms.iter().map(|&m| format!("“{}”", name(s, m))).collect::<Vec<_>>().join("、")
}

/// Where to bind or ask, for a member's place.
fn channels(place: &Place) -> String {
    eligibility::ask_where(place)
}

/// The answer, the headline and the next steps of one expense.
pub fn tell(s: &Scenario, e: usize, f: &Facts, verdict: Verdict, ineligible: &[Ineligible]) -> Told {
    let mut t = Teller::new(s, e, f, ineligible);
    let (answer, headline) = match f.outcome {
        Outcome::Blocked => t.blocked(),
        Outcome::NoByItem(code) => t.ruled_out(code),
        Outcome::Lines => t.lines(),
    };
    t.money_steps(verdict, answer);
    Told { answer, headline, next_steps: t.steps }
}

/// Writes one expense's answer: the facts, the words it reuses, the next steps so far.
struct Teller<'a> {
    s: &'a Scenario,
    e: usize,
    f: &'a Facts,
    ineligible: &'a [Ineligible],
    item: &'static Item,
    /// The patient, quoted: “妈妈”.
    pn: String,
    premium: bool,
    /// "的补牙" or "交居民医保个人缴费".
    what: String,
    /// "（医保报销后剩下的部分；先用“妈妈”自己的个人账户）"
    tail: String,
    steps: Vec<NextStep>,
}

impl<'a> Teller<'a> {
    fn new(s: &'a Scenario, e: usize, f: &'a Facts, ineligible: &'a [Ineligible]) -> Teller<'a> {
        let ex = &s.expenses[e];
        let item = ex.item;
        let pn = format!("“{}”", name(s, ex.patient));
        let premium = item.kind == ItemKind::Premium;
        let what = if premium { format!("交{}", item.name) } else { format!("的{}", item.name) };
        let mut notes: Vec<String> = Vec::new();
        if f.pooled {
            notes.push("医保报销后剩下的部分".into());
        }
        if f.own == Some(Tri::Yes) {
            notes.push(format!("先用{pn}自己的个人账户"));
        }
        let tail = if notes.is_empty() { String::new() } else { format!("（{}）", notes.join("；")) };
        Teller { s, e, f, ineligible, item, pn, premium, what, tail, steps: Vec::new() }
    }

    fn step(&mut self, code: NextStepCode, message: String) {
        if !self.steps.iter().any(|x| x.code == code) {
            self.steps.push(NextStep { code, message, field: None });
        }
    }

    /// The patient's own card (and both IDs at a pharmacy), for anything but a premium.
    fn card_steps(&mut self) {
        if self.premium {
            return;
        }
        let pn = self.pn.clone();
        self.step(NextStepCode::UseOwnCard, format!("{pn}看病买药要用自己的医保卡或医保码（可以在微信、支付宝或国家医保服务平台App里打开），家人的钱通过共济付，不能借卡。"));
        if self.item.kind == ItemKind::Pharmacy {
            self.step(NextStepCode::BringIds, format!("替{pn}去药店买药，要带上双方的身份证件。"));
        }
    }

    fn blocked(&mut self) -> (AnswerKind, String) {
        let pn = self.pn.clone();
        self.step(
            NextStepCode::StopImpersonation,
            format!("不要再用别人的医保卡；请用{pn}本人的医保卡或医保码就医，家人的账户通过家庭共济来付。"),
        );
        (AnswerKind::Blocked, format!("违法：用别人的医保卡给{pn}看病买药是冒名就医，医保不能结算，还会被追回和罚款。"))
    }

    /// Ruled out whoever pays: cosmetic, not medical, non-designated, not insured, not applicable.
    fn ruled_out(&mut self, code: ReasonCode) -> (AnswerKind, String) {
        let (pn, what, item) = (self.pn.clone(), self.what.clone(), self.item);
        let why = self.ineligible.first().map(|x| x.message.clone()).unwrap_or_default();
        let head = match code {
            ReasonCode::CosmeticNotCovered => {
                format!("不能：“{}”是美容项目，医保和任何人的个人账户都不能付，只能自己付。", item.name)
            }
            ReasonCode::NotMedicalExpense => {
                format!("不能：“{}”不是医疗费用，个人账户（包括家人的）不能付，只能自己付。", item.name)
            }
            ReasonCode::NonDesignatedVenue => {
                format!("不能：非定点的机构不能刷医保，{pn}{what}只能自己付；换到定点医院或定点药店就可以。")
            }
            ReasonCode::BeneficiaryNotInsured => format!("不能：{pn}没有参加基本医保，家人的账户不能为没有参保的人付钱。"),
            _ => format!("不能：{why}"),
        };
        match code {
            ReasonCode::BeneficiaryNotInsured => self.step(
                NextStepCode::Enroll,
                format!("先为{pn}办理居民医保参保（每年集中缴费期内，在当地税务或医保App缴费），参保后家人的账户就可以替{pn}缴费、付医药费。"),
            ),
            ReasonCode::NonDesignatedVenue => {
                self.step(NextStepCode::UseDesignated, "下次到医保定点医院（含口腔科）、签约的定点口腔诊所或定点药店。".into())
            }
            _ => self.step(NextStepCode::SelfPay, format!("这笔钱由{pn}这边自己付（现金、微信、支付宝或银行卡）。")),
        }
        (AnswerKind::No, head)
    }

    /// The lines decide, in this order: a bound line that pays; one that depends on a local
    /// rule; one whose kinship needs a `via`; a quota or a binding that would let someone pay;
    /// an unbound relative who depends on a local rule, or on a `via`; else no.
    fn lines(&mut self) -> (AnswerKind, String) {
        let f = self.f;
        let of = |a: LineAnswer| -> Vec<usize> { f.lines.iter().filter(|(_, l)| *l == a).map(|(li, _)| *li).collect() };
        let (yes, dep, via, needs_quota) =
            (of(LineAnswer::Yes), of(LineAnswer::Depends), of(LineAnswer::NeedsVia), of(LineAnswer::NeedsQuota));
        let bindable = f.candidates.iter().find(|c| c.may == CandidateMay::Yes);
        if !yes.is_empty() {
            self.yes(&yes)
        } else if let Some(&li) = dep.first() {
            self.line_depends(li)
        } else if let Some(&li) = via.first() {
            self.ask_via(self.s.sharing[li].from)
        } else if let Some(&li) = needs_quota.first() {
            self.not_bound(self.s.sharing[li].from, true, None)
        } else if let Some(c) = bindable {
            self.not_bound(c.member, c.quota, c.kin)
        } else if let Some(c) = f.candidates.iter().find(|c| c.may == CandidateMay::Depends) {
            self.candidate_depends(c.member)
        } else if let Some(c) = f.candidates.iter().find(|c| c.may == CandidateMay::NeedsVia) {
            self.ask_via(c.member)
        } else {
            self.no()
        }
    }

    fn sharers(&self, lines: &[usize]) -> String {
        names(self.s, &lines.iter().map(|&li| self.s.sharing[li].from).collect::<Vec<_>>())
    }

    fn yes(&mut self, yes: &[usize]) -> (AnswerKind, String) {
        let s = self.s;
        let (pn, tail, item) = (self.pn.clone(), self.tail.clone(), self.item);
        let quota = yes.iter().any(|&li| matches!(s.sharing[li].channel, Channel::Quota(_)));
        self.card_steps();
        if self.premium {
            let place = s.members[s.sharing[yes[0]].from].place;
            self.step(
                NextStepCode::PayPremium,
                format!("缴费时在{}选择用家庭共济（家人的个人账户）支付；额度或余额不够的部分自己补。", channels(place)),
            );
        } else {
            self.step(NextStepCode::KeepSlip, "结算后保留结算单或发票，核对家人账户各扣了多少。".into());
        }
        if quota {
            self.step(
                NextStepCode::CheckWallet,
                "跨省共济额度要双方所在统筹区都已开通；用之前在国家医保服务平台App的“医保钱包”里确认额度和余额。".into(),
            );
        }
        let by = if quota && yes.len() == 1 {
            format!("给{pn}设的跨省共济额度")
        } else {
            "的医保个人账户".to_string()
        };
        let order = if yes.len() > 1 { "按顺位" } else { "" };
        let head = if self.premium {
            format!("能：{}{by}可以替{pn}交{}{tail}。", self.sharers(yes), item.name)
        } else {
            format!("能：{}{by}可以{order}付{pn}的{}费用{tail}。", self.sharers(yes), item.name)
        };
        (AnswerKind::Yes, head)
    }

    fn line_depends(&mut self, li: usize) -> (AnswerKind, String) {
        let sharer = &self.s.members[self.s.sharing[li].from];
        let question = depends_question(self.s, self.e, li, self.ineligible);
        self.step(NextStepCode::AskLocal, format!("向{}问清楚：{question}", eligibility::ask_where_member(sharer)));
        self.card_steps();
        (AnswerKind::Depends, format!("要看当地规定：{question}"))
    }

    /// A relation that runs through someone the family does not say: ask for `via`.
    fn ask_via(&mut self, a: usize) -> (AnswerKind, String) {
        let (pn, who) = (self.pn.clone(), name(self.s, a).to_string());
        self.step(
            NextStepCode::FillVia,
            format!("在家庭成员里为相关的人选择“经由谁”（例如孙子是哪个儿子的孩子），就能算出“{who}”能不能为{pn}共济。"),
        );
        (AnswerKind::NeedsInput, format!("还差一点信息：算不出“{who}”和{pn}是不是近亲属，请说明关系经由谁。"))
    }

    fn not_bound(&mut self, who: usize, quota: bool, kin: Option<Kin>) -> (AnswerKind, String) {
        let (pn, tail, item) = (self.pn.clone(), self.tail.clone(), self.item);
        let wn = format!("“{}”", name(self.s, who));
        let place = self.s.members[who].place;
        if quota {
            self.step(
                NextStepCode::SetQuota,
                format!(
                    "请{wn}在国家医保服务平台App的“医保钱包”里为{pn}设置跨省共济额度（额度内的钱先划出，{wn}自己暂时不能用）。"
                ),
            );
        } else {
            self.step(
                NextStepCode::BindSharing,
                format!(
                    "请{wn}在{}为{pn}绑定家庭共济（职工医保个人账户家庭共济；不会用手机可以带身份证到医保经办大厅办理）。",
                    channels(place)
                ),
            );
        }
        self.card_steps();
        let rel = kin.map(|k| format!("{wn}和{pn}是{}，", k.name_zh())).unwrap_or_default();
        let how = if quota { "设置跨省共济额度" } else { "绑定家庭共济" };
        let pay = if self.premium { format!("替{pn}交{}", item.name) } else { format!("付{pn}的{}费用{tail}", item.name) };
        (AnswerKind::NotBound, format!("还差一步：{rel}先{how}，{wn}的医保个人账户就能{pay}。"))
    }

    fn candidate_depends(&mut self, c: usize) -> (AnswerKind, String) {
        let (pn, what, item) = (self.pn.clone(), self.what.clone(), self.item);
        let place = self.s.members[c].place;
        let cn = name(self.s, c).to_string();
        self.step(
            NextStepCode::AskLocal,
            format!("向{}问清楚“{cn}”能不能为{pn}共济{}。", eligibility::ask_where_member(&self.s.members[c]), item.name),
        );
        self.card_steps();
        (AnswerKind::Depends, format!("要看当地规定：“{cn}”的账户能不能付{pn}{what}，{}没有查到确定的规定。", place.name))
    }

    /// No family account may pay: why (a bound line's reason, else an unbound relative's, an
    /// in-law first with what works instead: SPEC §10.2), and what the patient can do.
    fn no(&mut self) -> (AnswerKind, String) {
        let (s, f, pn, item) = (self.s, self.f, self.pn.clone(), self.item);
        let p = s.expenses[self.e].patient;
        let in_law = f
            .refused
            .iter()
            .find(|(_, k, x)| x.code == ReasonCode::NotCloseRelative && matches!(k, Kin::SpouseParent | Kin::ChildSpouse));
        let first = self.ineligible.first().or(in_law.map(|(_, _, x)| x)).or(f.refused.first().map(|(_, _, x)| x));
        let why = match first {
            Some(x) => {
                let code = match x.code {
                    ReasonCode::NotCloseRelative if x.fix.starts_with("能用的办法") => NextStepCode::AskSpouse,
                    ReasonCode::NotCloseRelative => NextStepCode::AskCloseRelative,
                    ReasonCode::RuleNotInForce => NextStepCode::WaitForRule,
                    _ => NextStepCode::FixSharing,
                };
                self.step(code, x.fix.clone());
                if code == NextStepCode::AskSpouse {
                    format!("{}{}", x.message, x.fix)
                } else {
                    x.message.clone()
                }
            }
            None if s.members.iter().enumerate().any(|(m, x)| m != p && x.insurance.has_account()) => {
                format!("家里参加职工医保的人和{pn}都不是可以共济的近亲属（配偶、父母、子女、兄弟姐妹、祖孙）。")
            }
            None => "家里没有其他参加职工医保的人（只有职工医保才有个人账户）。".to_string(),
        };
        self.step(NextStepCode::SelfPay, format!("家人的账户付不了的部分由{pn}这边自己付（现金、微信、支付宝或银行卡）。"));
        self.card_steps();
        let head = match f.own {
            Some(Tri::Yes) => format!("{pn}用自己的医保个人账户付；家人的账户不能帮忙：{why}"),
            Some(Tri::Depends) => format!("家人的账户不能付：{why}{pn}自己的个人账户能不能付“{}”，要看当地规定。", item.name),
            _ => format!("不能：{why}"),
        };
        (AnswerKind::No, head)
    }

    /// What the money still needs (the amount, a balance, the shareable part), naming its field.
    fn money_steps(&mut self, verdict: Verdict, answer: AnswerKind) {
        let (s, f, e) = (self.s, self.f, self.e);
        if f.needs_money || verdict == Verdict::NeedsInput && answer != AnswerKind::NeedsInput {
            match f.needs {
                Some(("balance", m)) => self.step(
                    NextStepCode::EnterBalance,
                    format!("想知道各付多少，请填写“{}”的个人账户余额（可在医保App查询）。", name(s, m)),
                ),
                Some((_, m)) => self.step(
                    NextStepCode::EnterShareable,
                    format!("想知道各付多少，请填写“{}”可以共济的金额（如上海的历年账户余额）。", name(s, m)),
                ),
                None => self.step(
                    NextStepCode::EnterAmount,
                    "想知道各付多少，可以填写金额（或结算单上的“个人负担”）和当地的报销参数。".into(),
                ),
            }
        }
        let field = match f.needs {
            Some(("balance", m)) => Some(format!("members[{m}].balance")),
            Some((_, m)) => Some(format!("members[{m}].shareable_balance")),
            None if s.expenses[e].charge == crate::scenario::Charge::Unknown => Some(format!("expenses[{e}].amount")),
            None => None,
        };
        for st in self
            .steps
            .iter_mut()
            .filter(|x| matches!(x.code, NextStepCode::EnterAmount | NextStepCode::EnterBalance | NextStepCode::EnterShareable))
        {
            st.field = field.clone();
        }
    }
}

/// The question to ask locally for a line that depends on a local rule: its message.
fn depends_question(s: &Scenario, _e: usize, li: usize, ineligible: &[Ineligible]) -> String {
    let sharer = &s.members[s.sharing[li].from];
    ineligible
        .iter()
        .find(|x| x.member == sharer.id && x.code == ReasonCode::RegionDependent)
        .map(|x| x.message.clone())
        .unwrap_or_default()
}
