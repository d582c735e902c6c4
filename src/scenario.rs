//! The checked scenario: what the engine computes on. [`Scenario::from_input`] turns the raw
//! [`ScenarioInput`] into it, refusing anything wrong with a field-specific [`InputError`].
//!
//! After this point every id is resolved to an index, every amount is a [`Money`], every date a
//! [`Date`], and the invariants the engine relies on hold: ids unique, at most one `self`, one
//! `spouse`, one `father`...; no self-sharing; `order` unique per patient; one sharer's quotas
//! within their balance; an expense has exactly one of `amount` and `personal_burden`.

use crate::data::{self, Item, ItemKind, Place, PlaceKind, Venue};
use crate::date::Date;
use crate::error::{ErrorCode, InputError};
use crate::input::{ExpenseInput, MemberInput, PooledInput, ScenarioInput, SharingInput};
use crate::kinship::Relation;
use crate::limits;
use crate::money::{parse_money, parse_ratio, Money, NumberProblem, RawNumber};
use rust_decimal::Decimal;

/// A member's basic medical insurance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Insurance {
    /// 职工医保, in service (在职).
    Employee,
    /// 职工医保, retired (退休).
    EmployeeRetired,
    /// 城乡居民医保 (no personal account).
    Resident,
    /// Not enrolled.
    None,
    /// The visitor does not know (不知道): 职工医保 or 居民医保. The engine answers each reading
    /// (`engine::readings`) and never evaluates a member with this insurance directly.
    Unknown,
}

impl Insurance {
    fn from_id(id: &str) -> Option<Insurance> {
        match id {
            "employee" => Some(Insurance::Employee),
            "employee_retired" => Some(Insurance::EmployeeRetired),
            "resident" => Some(Insurance::Resident),
            "none" => Some(Insurance::None),
            "unknown" => Some(Insurance::Unknown),
            _ => None,
        }
    }

    /// Only 职工医保 insured persons have a personal account (个人账户).
    pub fn has_account(self) -> bool {
        matches!(self, Insurance::Employee | Insurance::EmployeeRetired)
    }

    /// Enrolled in basic medical insurance (职工 or 居民).
    pub fn is_enrolled(self) -> bool {
        self != Insurance::None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Card {
    /// The patient's own card or 医保码.
    Own,
    /// Someone else's card: 冒名就医 (R-CARD).
    Other,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub id: String,
    /// 称呼, shown to the visitor; the id when no name was given.
    pub name: String,
    pub relation: Relation,
    pub via: Option<usize>,
    pub insurance: Insurance,
    /// Where the member is insured, as written ("福建", "福州"), for sentences; `None` when not given.
    pub province: Option<String>,
    /// The place whose rules apply to this member (city, else province, else the scenario's).
    pub place: &'static Place,
    /// Whether the place the member gave has a profile (else national rules, and the engine says so).
    pub place_known: bool,
    /// Which province and which 统筹区 the member is in, for comparing two members: a place id
    /// when known, else the normalised text; `None` when not known (counted as the same).
    pub province_key: Option<String>,
    pub pool_key: Option<String>,
    /// Personal-account balance; zero for members without an account.
    pub balance: Money,
    /// Whether the balance was given: an employee-insured member without one is answered (who
    /// may pay) and the money becomes `needs_input` only where that account would pay.
    pub balance_known: bool,
    /// The part of the balance that may be shared, when the visitor gave it (SPEC §9.2).
    pub shareable_balance: Option<Money>,
}

/// How far apart two members are insured (SPEC §9.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Distance {
    /// The same 统筹区 (or not known to differ).
    SamePool,
    /// The same province, another 统筹区.
    OtherCity,
    OtherProvince,
}

/// How a sharing line pays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// Same-province sharing with an explicit 顺位.
    Ordered(u8),
    /// Same-province sharing without a 顺位: after the ordered ones, in input order.
    Unordered,
    /// Cross-province 共济额度 set aside from the sharer's balance (R-XPROV).
    Quota(Money),
}

#[derive(Clone, Debug)]
pub struct Sharing {
    /// The sharer (共济人), whose account pays.
    pub from: usize,
    /// The beneficiary (被共济人).
    pub to: usize,
    pub channel: Channel,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charge {
    /// The whole bill; the pooled fund is computed from `pooled` parameters.
    Amount { amount: Money, out_of_catalogue: Money },
    /// 个人负担 from a settlement slip: the pooled fund has already paid its part.
    Burden(Money),
    /// No amount yet: the engine still answers who may pay (SPEC §9.3), not how much.
    Unknown,
}

impl Charge {
    pub fn total(self) -> Option<Money> {
        match self {
            Charge::Amount { amount, .. } => Some(amount),
            Charge::Burden(b) => Some(b),
            Charge::Unknown => None,
        }
    }
}

/// The visitor's local pooled-fund parameters for this patient and this year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PooledParams {
    pub deductible_left: Money,
    pub ratio: Decimal,
    pub cap_left: Money,
}

#[derive(Clone, Debug)]
pub struct Expense {
    pub patient: usize,
    pub item: &'static Item,
    pub venue: Venue,
    pub charge: Charge,
    pub card: Card,
    pub pooled: Option<PooledParams>,
}

#[derive(Clone, Debug)]
pub struct Scenario {
    pub as_of: Date,
    /// The default place (`region`): where members without a province or city are.
    pub region: &'static Place,
    pub members: Vec<Member>,
    pub sharing: Vec<Sharing>,
    pub expenses: Vec<Expense>,
}

fn err(code: ErrorCode, field: String, zh: impl Into<String>, en: impl Into<String>) -> InputError {
    InputError::new(code, field, zh, en)
}

fn number_error(field: String, problem: NumberProblem, what_zh: &str) -> InputError {
    let (zh, en, code) = match problem {
        NumberProblem::NotANumber => ("不是有效的数字，请填写像 12.30 这样的金额", "not a number", ErrorCode::InvalidAmount),
        NumberProblem::NotFinite => ("不是有限的数字", "not a finite number", ErrorCode::InvalidAmount),
        NumberProblem::Negative => ("不能是负数", "must not be negative", ErrorCode::InvalidAmount),
        NumberProblem::TooManyDecimals => ("最多只能有两位小数（到分）", "more than two decimals", ErrorCode::InvalidAmount),
        NumberProblem::TooLarge => ("超过了1000万元的上限", "above the 10,000,000 limit", ErrorCode::InvalidAmount),
        NumberProblem::OutOfRange => ("必须在0到1之间", "must be between 0 and 1", ErrorCode::InvalidRatio),
    };
    err(code, field, format!("{what_zh}{zh}。"), en)
}

fn money(raw: &RawNumber, field: String, what_zh: &str) -> Result<Money, InputError> {
    parse_money(raw).map_err(|p| number_error(field, p, what_zh))
}

fn ratio(raw: &RawNumber, field: String) -> Result<Decimal, InputError> {
    parse_ratio(raw).map_err(|p| {
        let mut e = number_error(field, p, "报销比例");
        e.code = ErrorCode::InvalidRatio;
        if p == NumberProblem::TooManyDecimals {
            e.message = "报销比例最多四位小数，例如 0.85。".into();
            e.message_en = "more than four decimals".into();
        }
        e
    })
}

fn check_id(id: &str, field: String) -> Result<(), InputError> {
    let ok_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if id.is_empty() || id.chars().count() > limits::ID_CHARS || !id.chars().all(ok_char) {
        return Err(err(
            ErrorCode::InvalidId,
            field,
            format!("编号须为1到{}个字母、数字、下划线或短横线。", limits::ID_CHARS),
            "ids are 1-64 ASCII letters, digits, '_' or '-'",
        ));
    }
    Ok(())
}

fn check_text(text: &str, max: usize, field: String, what_zh: &str) -> Result<String, InputError> {
    let t = text.trim();
    if t.chars().count() > max {
        return Err(err(
            ErrorCode::TextTooLong,
            field,
            format!("{what_zh}太长了，最多{max}个字。"),
            format!("longer than {max} characters"),
        ));
    }
    if t.chars().any(|c| c.is_control()) {
        return Err(err(ErrorCode::InvalidValue, field, format!("{what_zh}里有控制字符。"), "control characters"));
    }
    // Text appears inside the engine's sentences, isolated (U+2068 … U+2069): a direction
    // control could end the isolate early or reverse the rest of the sentence.
    if t.chars().any(is_bidi_control) {
        return Err(err(
            ErrorCode::InvalidValue,
            field,
            format!("{what_zh}里有改变文字方向的隐藏字符（如从右到左标记），请删掉后重新输入。"),
            "bidirectional control characters (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C) are not allowed",
        ));
    }
    Ok(t.to_string())
}

/// Unicode direction controls: embeddings and overrides, isolates, marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// "福建省" and "福建" are the same province; so are "广西壮族自治区" and "广西".
pub fn normalize_province(p: &str) -> String {
    let mut s = p.trim();
    for suffix in ["壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            if !rest.is_empty() {
                s = rest;
                break;
            }
        }
    }
    s.to_string()
}

impl Scenario {
    pub fn from_input(input: &ScenarioInput) -> Result<Scenario, InputError> {
        let as_of = Date::parse(&input.as_of).ok_or_else(|| {
            err(
                ErrorCode::InvalidDate,
                "as_of".into(),
                "日期要写成 2026-11-23 这样的真实日期。",
                "as_of must be a real YYYY-MM-DD date",
            )
        })?;
        let region = data::place(&input.region).ok_or_else(|| {
            err(
                ErrorCode::UnknownRegion,
                "region".into(),
                "不认识这个地区，请从列表中选择（没有您的城市就选“全国通用规则”）。",
                "unknown region id; see `gongji regions`",
            )
        })?;
        let members = members(&input.members, region)?;
        let sharing = sharing(&input.sharing, &members)?;
        let expenses = input.expenses.iter().enumerate().map(|(i, e)| expense(i, e, &members)).collect::<Result<_, _>>()?;
        Ok(Scenario { as_of, region, members, sharing, expenses })
    }

    pub fn member_index(members: &[Member], id: &str) -> Option<usize> {
        members.iter().position(|m| m.id == id)
    }

    /// How far apart members `a` and `b` are insured, counting a province pooled at province
    /// level (one 统筹区, SPEC §10.1) as one area from its `pooling` date on.
    pub fn area_distance(&self, a: usize, b: usize) -> Distance {
        match self.distance(a, b) {
            Distance::OtherCity
                if self.members[a].place.pooling.is_some_and(|f| f.on(self.as_of) == crate::data::InForce::Yes) =>
            {
                Distance::SamePool
            }
            d => d,
        }
    }

    /// How far apart members `a` and `b` are insured (their places only).
    pub fn distance(&self, a: usize, b: usize) -> Distance {
        let (x, y) = (&self.members[a], &self.members[b]);
        match (&x.province_key, &y.province_key) {
            (Some(p), Some(q)) if p != q => return Distance::OtherProvince,
            _ => {}
        }
        match (&x.pool_key, &y.pool_key) {
            (Some(p), Some(q)) if p != q => Distance::OtherCity,
            _ => Distance::SamePool,
        }
    }
}

/// A member's place, whether it has a profile, and the province and 统筹区 keys.
type Located = (&'static Place, bool, Option<String>, Option<String>);

/// Where a member is insured: the place whose rules apply, whether it has a profile, and the
/// province and 统筹区 keys. SPEC §9.1: a member without province and city is where `region` is.
fn locate(
    province: Option<&str>,
    city: Option<&str>,
    default: &'static Place,
    field: &dyn Fn(&str) -> String,
) -> Result<Located, InputError> {
    let municipal = |p: &'static Place| data::is_municipality(p.id).then(|| p.id.to_string());
    let given_province = match province {
        Some(text) => match data::place_named(text, &[PlaceKind::Province]) {
            Some(p) => Some(Ok(p)),
            None => Some(Err(normalize_province(text))),
        },
        None => None,
    };
    if let Some(text) = city {
        return match data::place_named(text, &[PlaceKind::City, PlaceKind::Province]) {
            Some(c) => {
                let c_province = c.province.unwrap_or(c.id);
                if let Some(Ok(p)) = &given_province {
                    if p.id != c_province {
                        return Err(err(
                            ErrorCode::InvalidValue,
                            field("city"),
                            format!("“{}”不在{}，请检查省份和城市。", c.name, p.name),
                            "this city is not in the given province",
                        ));
                    }
                }
                Ok((c, true, Some(c_province.to_string()), Some(c.id.to_string())))
            }
            None => {
                let pool = Some(normalize_city(text));
                Ok(match given_province {
                    Some(Ok(p)) => (p, false, Some(p.id.to_string()), pool),
                    Some(Err(t)) => (data::national(), false, Some(t), pool),
                    None => (data::national(), false, None, pool),
                })
            }
        };
    }
    Ok(match given_province {
        Some(Ok(p)) => (p, true, Some(p.id.to_string()), municipal(p)),
        Some(Err(t)) => (data::national(), false, Some(t), None),
        None => {
            let province = default.province.map(str::to_string);
            let pool = match default.kind {
                PlaceKind::City => Some(default.id.to_string()),
                _ => data::place(default.id).and_then(municipal),
            };
            (default, true, province, pool)
        }
    })
}

/// "福州市" and "福州" are the same 统筹区.
fn normalize_city(c: &str) -> String {
    let s = c.trim();
    for suffix in ["市", "地区", "盟"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    s.to_string()
}

fn members(input: &[MemberInput], region: &'static Place) -> Result<Vec<Member>, InputError> {
    let mut out: Vec<Member> = Vec::with_capacity(input.len());
    for (i, m) in input.iter().enumerate() {
        let f = |name: &str| format!("members[{i}].{name}");
        check_id(&m.id, f("id"))?;
        if out.iter().any(|o| o.id == m.id) {
            return Err(err(ErrorCode::DuplicateId, f("id"), format!("编号“{}”重复了。", m.id), "duplicate member id"));
        }
        let relation = Relation::from_id(&m.relation).ok_or_else(|| {
            err(ErrorCode::InvalidValue, f("relation"), "不认识这个关系，请从列表中选择。", "unknown relation id")
        })?;
        if relation.is_unique() {
            if let Some(o) = out.iter().find(|o| o.relation == relation) {
                return Err(err(
                    ErrorCode::InvalidFamily,
                    f("relation"),
                    format!("家里只能有一位“{}”，“{}”已经是了。", relation.name_zh(), o.name),
                    "only one member may have this relation",
                ));
            }
        }
        let insurance = Insurance::from_id(&m.insurance).ok_or_else(|| {
            err(
                ErrorCode::InvalidValue,
                f("insurance"),
                "参保类型只能是职工医保（在职/退休）、居民医保、未参保或不知道。",
                "insurance must be employee, employee_retired, resident, none or unknown",
            )
        })?;
        let name = match &m.name {
            Some(n) => {
                let n = check_text(n, limits::NAME_CHARS, f("name"), "称呼")?;
                if n.is_empty() {
                    m.id.clone()
                } else {
                    n
                }
            }
            None => m.id.clone(),
        };
        // Names appear inside engine sentences: isolate them (U+2068 … U+2069) so that a name
        // with right-to-left or override characters cannot reorder the rest of the sentence.
        let name = format!("\u{2068}{name}\u{2069}");
        let province = match &m.province {
            Some(p) => {
                let p = check_text(p, limits::PROVINCE_CHARS, f("province"), "省份")?;
                if p.is_empty() {
                    None
                } else {
                    Some(p)
                }
            }
            None => None,
        };
        let city = match &m.city {
            Some(c) => {
                let c = check_text(c, limits::PROVINCE_CHARS, f("city"), "城市")?;
                if c.is_empty() {
                    None
                } else {
                    Some(c)
                }
            }
            None => None,
        };
        let (place, place_known, province_key, pool_key) =
            locate(province.as_deref(), city.as_deref(), region, &|name: &str| f(name))?;
        // Not known: a balance given is kept for the reading in which the member has 职工医保.
        let may_have_account = insurance.has_account() || insurance == Insurance::Unknown;
        let balance = match (&m.balance, may_have_account) {
            (Some(raw), true) => money(raw, f("balance"), "个人账户余额")?,
            (None, true) => Money::ZERO,
            (Some(raw), false) => {
                let b = money(raw, f("balance"), "个人账户余额")?;
                if !b.is_zero() {
                    return Err(err(
                        ErrorCode::InvalidBalance,
                        f("balance"),
                        format!("“{name}”没有参加职工医保，没有个人账户，余额应为空。"),
                        "only employee-insured members have a personal account",
                    ));
                }
                Money::ZERO
            }
            (None, false) => Money::ZERO,
        };
        let shareable_balance = match &m.shareable_balance {
            None => None,
            Some(raw) => {
                let v = money(raw, f("shareable_balance"), "可共济的金额")?;
                if !may_have_account && !v.is_zero() {
                    return Err(err(
                        ErrorCode::InvalidBalance,
                        f("shareable_balance"),
                        format!("“{name}”没有参加职工医保，没有个人账户，没有可共济的钱。"),
                        "only employee-insured members have a personal account",
                    ));
                }
                if m.balance.is_some() && v > balance {
                    return Err(err(
                        ErrorCode::InvalidBalance,
                        f("shareable_balance"),
                        format!("可共济的金额不能比个人账户余额{balance}元还多。"),
                        "shareable_balance exceeds balance",
                    ));
                }
                Some(v)
            }
        };
        if insurance == Insurance::Unknown
            && out.iter().filter(|o| o.insurance == Insurance::Unknown).count() >= limits::UNKNOWN_INSURANCE
        {
            return Err(err(
                ErrorCode::TooMany,
                f("insurance"),
                format!("最多{}位家人的参保类型可以填“不知道”，请先确认其他人的。", limits::UNKNOWN_INSURANCE),
                format!("at most {} members may have insurance unknown", limits::UNKNOWN_INSURANCE),
            ));
        }
        out.push(Member {
            id: m.id.clone(),
            name,
            relation,
            via: None,
            insurance,
            province,
            place,
            place_known,
            province_key,
            pool_key,
            balance,
            balance_known: m.balance.is_some() || !may_have_account,
            shareable_balance,
        });
    }
    // `via` refers to other members: resolve after all are known.
    for (i, m) in input.iter().enumerate() {
        let field = format!("members[{i}].via");
        let relation = out[i].relation;
        match (&m.via, relation.via_relations()) {
            (None, _) => {}
            (Some(v), _) if v.is_empty() => {}
            (Some(_), None) => {
                return Err(err(
                    ErrorCode::InvalidVia,
                    field,
                    format!("“{}”的关系不需要填写“经由谁”。", relation.name_zh()),
                    "via is only for relations that run through another member",
                ))
            }
            (Some(v), Some(fits)) => {
                let j = Scenario::member_index(&out, v).ok_or_else(|| {
                    err(
                        ErrorCode::UnknownMember,
                        field.clone(),
                        format!("找不到编号为“{}”的家庭成员。", crate::error::echo(v)),
                        "via names no member",
                    )
                })?;
                if !fits.contains(&out[j].relation) {
                    let want: Vec<&str> = fits.iter().map(|r| r.name_zh()).collect();
                    return Err(err(
                        ErrorCode::InvalidVia,
                        field,
                        format!("“{}”要经由{}来算，“{}”不是。", relation.name_zh(), want.join("或"), out[j].name),
                        "via names a member of the wrong relation",
                    ));
                }
                // 儿媳, 女婿, 兄弟姐妹的配偶 are the spouse of their `via`: one each.
                if relation.is_spouse_of_via() {
                    if let Some(o) = out.iter().find(|o| o.via == Some(j) && o.relation.is_spouse_of_via()) {
                        return Err(err(
                            ErrorCode::InvalidFamily,
                            field,
                            format!("“{}”只能有一位配偶，“{}”已经经由“{}”算作配偶了。", out[j].name, o.name, out[j].name),
                            "two members are the spouse of the same via member",
                        ));
                    }
                }
                out[i].via = Some(j);
            }
        }
    }
    Ok(out)
}

fn lookup(members: &[Member], id: &str, field: String) -> Result<usize, InputError> {
    Scenario::member_index(members, id).ok_or_else(|| {
        err(
            ErrorCode::UnknownMember,
            field,
            format!("找不到编号为“{}”的家庭成员。", crate::error::echo(id)),
            "no member has this id",
        )
    })
}

fn order(raw: &RawNumber, field: String) -> Result<u8, InputError> {
    let bad = || {
        err(
            ErrorCode::InvalidOrder,
            field.clone(),
            format!("顺位要填1到{}的整数。", limits::MAX_ORDER),
            "order must be a whole number from 1 to 99",
        )
    };
    // A whole number, written as `3`, `"3"` or `3.0`.
    let value = raw.decimal().map_err(|_| bad())?.normalize();
    if value.scale() != 0 {
        return Err(bad());
    }
    let value = value.mantissa();
    u8::try_from(value).ok().filter(|v| (1..=limits::MAX_ORDER).contains(v)).ok_or_else(bad)
}

fn sharing(input: &[SharingInput], members: &[Member]) -> Result<Vec<Sharing>, InputError> {
    let mut out: Vec<Sharing> = Vec::with_capacity(input.len());
    for (i, s) in input.iter().enumerate() {
        let f = |name: &str| format!("sharing[{i}].{name}");
        let from = lookup(members, &s.from, f("from"))?;
        let to = lookup(members, &s.to, f("to"))?;
        if from == to {
            return Err(err(
                ErrorCode::SelfSharing,
                f("to"),
                "不能和自己共济：本人的账户本来就能给自己用。",
                "a member cannot share with themself",
            ));
        }
        if out.iter().any(|o| o.from == from && o.to == to) {
            return Err(err(
                ErrorCode::DuplicateId,
                format!("sharing[{i}]"),
                format!("“{}”到“{}”的共济关系重复了。", members[from].name, members[to].name),
                "duplicate sharing line for this pair",
            ));
        }
        let channel = match (&s.order, &s.quota) {
            (Some(_), Some(_)) => {
                return Err(err(
                    ErrorCode::OrderAndQuota,
                    format!("sharing[{i}]"),
                    "同一条共济关系不能既填顺位又填额度：同省共济按顺位扣款，跨省共济用额度。",
                    "order and quota are exclusive on one sharing line",
                ))
            }
            (Some(o), None) => {
                let n = order(o, f("order"))?;
                if out.iter().any(|x| x.to == to && x.channel == Channel::Ordered(n)) {
                    return Err(err(
                        ErrorCode::DuplicateOrder,
                        f("order"),
                        format!("给“{}”共济的人里已经有第{n}顺位了，每个顺位只能有一人。", members[to].name),
                        "two sharers of one patient have the same order",
                    ));
                }
                Channel::Ordered(n)
            }
            (None, Some(q)) => Channel::Quota(money(q, f("quota"), "共济额度")?),
            (None, None) => Channel::Unordered,
        };
        out.push(Sharing { from, to, channel });
    }
    // A sharer's quotas are set aside from their balance: together they must fit in it.
    for (m, member) in members.iter().enumerate() {
        let total = out.iter().filter(|s| s.from == m).fold(Money::ZERO, |acc, s| match s.channel {
            Channel::Quota(q) => acc.plus(q),
            _ => acc,
        });
        if !total.is_zero() && !member.balance_known {
            let i = out.iter().rposition(|s| s.from == m && matches!(s.channel, Channel::Quota(_))).unwrap_or(0);
            return Err(err(
                ErrorCode::InvalidBalance,
                format!("sharing[{i}].quota"),
                format!("“{}”设置了共济额度，请先填写“{}”的个人账户余额（可在医保App查询）。", member.name, member.name),
                "a sharer with a quota needs a balance",
            ));
        }
        if total > member.balance {
            let i = out.iter().rposition(|s| s.from == m && matches!(s.channel, Channel::Quota(_))).unwrap_or(0);
            return Err(err(
                ErrorCode::QuotaExceedsBalance,
                format!("sharing[{i}].quota"),
                format!("“{}”设置的共济额度合计{}元，超过了个人账户余额{}元。", member.name, total, member.balance),
                "one sharer's quotas add up to more than their balance",
            ));
        }
    }
    Ok(out)
}

fn expense(i: usize, e: &ExpenseInput, members: &[Member]) -> Result<Expense, InputError> {
    let f = |name: &str| format!("expenses[{i}].{name}");
    let patient = lookup(members, &e.patient, f("patient"))?;
    let item = data::item(&e.item).ok_or_else(|| {
        err(ErrorCode::UnknownItem, f("item"), "不认识这个费用项目，请从列表中选择。", "unknown item id; see `gongji catalogue`")
    })?;
    let venue = Venue::ALL.iter().find(|(id, _)| *id == e.venue).map(|(_, v)| *v).ok_or_else(|| {
        err(ErrorCode::InvalidValue, f("venue"), "就医地点只能是定点医疗机构、定点药店、非定点机构或线上缴费。", "unknown venue")
    })?;
    let premium = item.kind == ItemKind::Premium;
    let venue_ok = item.venues.contains(&venue) || (venue == Venue::NonDesignated && !premium);
    if !venue_ok {
        return Err(err(
            ErrorCode::VenueNotForItem,
            f("venue"),
            format!("“{}”不能在这个地点发生，请重新选择地点。", item.name),
            "this item cannot happen at this venue",
        ));
    }
    let card = match e.card.as_str() {
        "own" => Card::Own,
        "other" => Card::Other,
        _ => {
            return Err(err(
                ErrorCode::InvalidValue,
                f("card"),
                "用卡只能是本人（own）或别人（other）。",
                "card must be own or other",
            ))
        }
    };
    let charge = match (&e.amount, &e.personal_burden) {
        (Some(a), None) => {
            let amount = money(a, f("amount"), "金额")?;
            let out_of_catalogue = match &e.out_of_catalogue {
                Some(o) => money(o, f("out_of_catalogue"), "目录外自费金额")?,
                None => Money::ZERO,
            };
            if out_of_catalogue > amount {
                return Err(err(
                    ErrorCode::InvalidAmount,
                    f("out_of_catalogue"),
                    "目录外自费部分不能比总金额还多。",
                    "out_of_catalogue exceeds amount",
                ));
            }
            Charge::Amount { amount, out_of_catalogue }
        }
        (None, Some(b)) => {
            if e.pooled.is_some() || e.out_of_catalogue.is_some() {
                return Err(err(
                    ErrorCode::AmountOrBurden,
                    f("pooled"),
                    "填了结算单上的“个人负担”，说明统筹已经报销过了，不用再填统筹参数或目录外金额。",
                    "pooled/out_of_catalogue go with amount, not with personal_burden",
                ));
            }
            Charge::Burden(money(b, f("personal_burden"), "个人负担")?)
        }
        (Some(_), Some(_)) => {
            return Err(err(
                ErrorCode::AmountOrBurden,
                f("personal_burden"),
                "“总金额”和“个人负担”只填一个：有结算单就填个人负担，否则填总金额。",
                "give either amount or personal_burden, not both",
            ))
        }
        (None, None) => {
            if e.out_of_catalogue.is_some() {
                return Err(err(
                    ErrorCode::AmountOrBurden,
                    f("amount"),
                    "填了目录外金额，也请填写总金额。",
                    "out_of_catalogue goes with amount",
                ));
            }
            Charge::Unknown
        }
    };
    let pooled = match &e.pooled {
        Some(p) => Some(pooled_params(p, i)?),
        None => None,
    };
    Ok(Expense { patient, item, venue, charge, card, pooled })
}

fn pooled_params(p: &PooledInput, i: usize) -> Result<PooledParams, InputError> {
    let f = |name: &str| format!("expenses[{i}].pooled.{name}");
    Ok(PooledParams {
        deductible_left: money(&p.deductible_left, f("deductible_left"), "剩余起付线")?,
        ratio: ratio(&p.ratio, f("ratio"))?,
        cap_left: money(&p.cap_left, f("cap_left"), "剩余封顶线")?,
    })
}
