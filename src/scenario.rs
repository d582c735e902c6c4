//! The checked scenario: what the engine computes on. [`Scenario::from_input`] turns the raw
//! [`ScenarioInput`] into it, refusing anything wrong with a field-specific [`InputError`].
//!
//! After this point every id is resolved to an index, every amount is a [`Money`], every date a
//! [`Date`], and the invariants the engine relies on hold: ids unique, at most one `self`, one
//! `spouse`, one `father`...; no self-sharing; `order` unique per patient; one sharer's quotas
//! within their balance; an expense has exactly one of `amount` and `personal_burden`.

use crate::data::cities::{self, City, Spot};
use crate::data::{self, Item, ItemKind, Place, Venue};
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
    /// The province the member gave, as people say it ("福建" for "福建省", "350000" or
    /// "fujian"), for sentences; `None` when not given (then `place` and `city` say where).
    pub province: Option<String>,
    /// The place whose rules apply to this member: the city's own profile, else its province's
    /// (SPEC §9.1; issue 22: a windowed per-province default may take the province's place).
    pub place: &'static Place,
    /// The city the member is insured in, when known (a municipality's one city whenever its
    /// province is known), so that sentences can name it (SPEC §10.1).
    pub city: Option<City>,
    /// Which province and which 统筹区 the member is in, for comparing two members: the
    /// province's id, and the city's division code (or the province, where it pools as one:
    /// `cities::pooled_at_province`); `None` when not known (counted as the same).
    pub province_key: Option<&'static str>,
    pub pool_key: Option<Pool>,
    /// Personal-account balance; zero for members without an account.
    pub balance: Money,
    /// Whether the balance was given: an employee-insured member without one is answered (who
    /// may pay) and the money becomes `needs_input` only where that account would pay.
    pub balance_known: bool,
    /// The part of the balance that may be shared, when the visitor gave it (SPEC §9.2).
    pub shareable_balance: Option<Money>,
}

/// Which 统筹区 a member is in (SPEC §10.1), from the division codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pool {
    /// A province that pools as one (`cities::pooled_at_province`: 北京、天津、上海、重庆, 兵团),
    /// by its id.
    Province(&'static str),
    /// A city by its 6-digit code: two cities of one province are two 统筹区.
    City(u32),
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
    /// Where `region` is (its city, when it names one), and the id it is echoed with.
    pub region_at: Location,
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
        let region_at = region(&input.region, "region")?;
        let members = members(&input.members, region_at)?;
        let sharing = sharing(&input.sharing, &members)?;
        let expenses = input.expenses.iter().enumerate().map(|(i, e)| expense(i, e, &members)).collect::<Result<_, _>>()?;
        Ok(Scenario { as_of, region: region_at.place, region_at, members, sharing, expenses })
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

/// Where a member (or `region`) is insured (SPEC §9.1, §10.1).
#[derive(Clone, Copy, Debug)]
pub struct Location {
    /// The profile whose rules apply: the city's own, else its province's, else national.
    pub place: &'static Place,
    /// The province (its profile), when known.
    pub province: Option<&'static Place>,
    /// The city, when known (a municipality's one city whenever the province is known).
    pub city: Option<City>,
}

impl Location {
    fn national() -> Location {
        Location { place: data::national(), province: None, city: None }
    }

    fn of(spot: Spot) -> Location {
        match spot {
            Spot::Province(p) => Location { place: p, province: Some(p), city: cities::municipality(p) },
            Spot::City(c) => Location { place: c.place(), province: Some(c.province()), city: Some(c) },
        }
    }

    /// The id `region` is echoed with: the city's (`fuzhou`, `361000`), else the place's.
    pub fn id(&self) -> &'static str {
        self.city.map_or(self.place.id, |c| c.id())
    }

    /// The province and 统筹区 keys (see [`Member::province_key`]).
    fn keys(&self) -> (Option<&'static str>, Option<Pool>) {
        let pool = match (self.province, self.city) {
            (Some(p), _) if cities::pooled_at_province(p) => Some(Pool::Province(p.id)),
            (_, Some(c)) => Some(Pool::City(c.code())),
            _ => None,
        };
        (self.province.map(|p| p.id), pool)
    }
}

/// How a field reads a name that a province and a city share (吉林: 吉林省 and 吉林市):
/// `region` and `members[].province` mean the province, `members[].city` the city.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prefer {
    Province,
    City,
}

/// Up to this many places are named in an unknown-place error.
const SUGGESTIONS: usize = 5;

/// A place field's text → the place it names (SPEC §10.1): a Chinese name with or without its
/// suffix, a 6-digit division code or a known id. Where it fits several, the province another
/// field gave (`within`), then the field (`prefer`) decide; otherwise it is refused, listing them
/// all. Text that names no place is refused (`unknown`), listing the closest places.
fn resolve(
    text: &str,
    field: String,
    prefer: Prefer,
    within: Option<&'static Place>,
    unknown: ErrorCode,
) -> Result<Spot, InputError> {
    let t = crate::error::echo(text.trim());
    let mut pick = cities::find(text);
    if pick.is_empty() && cities::outside_mainland(text) {
        return Err(err(
            unknown,
            field,
            format!("“{t}”不在内地的基本医疗保险里，这里只能算内地的职工医保和居民医保。在内地参保的港澳台居民，请写参保所在的内地城市（如“深圳”）。"),
            "names 香港, 澳门 or 台湾, which are outside the mainland's basic medical insurance; give the mainland city where the member is insured".to_string(),
        ));
    }
    if pick.is_empty() {
        let near = describe_all(cities::closest(text, SUGGESTIONS));
        let hint = "可以写省或城市的名称（如“福州”“福州市”“恩施州”）、6位行政区划代码（如350100）或拼音（如fuzhou）；区、县请写它所属的城市（如昆山写苏州；北京、天津、上海、重庆的区可以直接写）";
        let (zh, en) = if near.is_empty() {
            (format!("不认识“{t}”这个地方。{hint}。"), "names no place".to_string())
        } else {
            (format!("不认识“{t}”这个地方，是不是：{near}？{hint}。"), format!("names no place; closest: {near}"))
        };
        return Err(err(unknown, field, zh, en));
    }
    if let Some(p) = within {
        if !pick.iter().any(|s| std::ptr::eq(s.province(), p)) {
            // 海南 with 青海 given: 海南藏族自治州 (its bare name is the province 海南's).
            pick.extend(cities::short_named_in(p, text).map(Spot::City));
        }
        pick = only(pick, |s| std::ptr::eq(s.province(), p));
    }
    pick = only(pick, |s| matches!(s, Spot::City(_)) == (prefer == Prefer::City));
    if let [one] = pick[..] {
        return Ok(one);
    }
    // In the codes' order (泰州 321200 before 台州 331000).
    let mut sorted: Vec<Spot> = Vec::new();
    for s in pick {
        let at = sorted.iter().position(|x| x.code() > s.code()).unwrap_or(sorted.len());
        sorted.insert(at, s);
    }
    let mut all = String::new();
    for (i, s) in sorted.into_iter().enumerate() {
        if i > 0 {
            all.push('、');
        }
        all.push_str(&s.describe_as(text));
    }
    Err(err(
        ErrorCode::AmbiguousPlace,
        field,
        format!("“{t}”可以指好几个地方：{all}。请在前面写上省份（如“江苏泰州”“北京朝阳”），或写6位行政区划代码。"),
        format!("fits several places: {all}; write the province before it (江苏泰州) or give the 6-digit code"),
    ))
}

/// The places that `keep`, if any; else all of them.
fn only(spots: Vec<Spot>, keep: impl Fn(&Spot) -> bool) -> Vec<Spot> {
    let mut kept = Vec::new();
    for s in &spots {
        if keep(s) {
            kept.push(*s);
        }
    }
    if kept.is_empty() {
        spots
    } else {
        kept
    }
}

/// "泰州市（江苏，321200）、台州市（浙江，331000）".
fn describe_all(spots: Vec<Spot>) -> String {
    let mut out = String::new();
    for (i, s) in spots.into_iter().enumerate() {
        if i > 0 {
            out.push('、');
        }
        out.push_str(&s.describe());
    }
    out
}

/// The scenario's (or a questionnaire's) `region`: `national`, or a place as [`resolve`] reads it
/// (a province first: 吉林 is 吉林省).
pub fn region(text: &str, field: &str) -> Result<Location, InputError> {
    let t = text.trim();
    let national = data::national();
    if t == national.id || national.names.contains(&t) {
        return Ok(Location::national());
    }
    resolve(t, field.to_string(), Prefer::Province, None, ErrorCode::UnknownRegion).map(Location::of)
}

/// Where a member is insured (SPEC §9.1, §10.1): a member without province and city is where
/// `region` is; a city implies its province, and a province that contradicts it is refused
/// (naming both); a name both could mean is read as the field says ([`Prefer`]).
fn locate(
    province: Option<&str>,
    city: Option<&str>,
    region: Location,
    field: &dyn Fn(&str) -> String,
) -> Result<Location, InputError> {
    let p = match province {
        Some(t) => Some(resolve(t, field("province"), Prefer::Province, None, ErrorCode::UnknownPlace)?),
        None => None,
    };
    let c = match city {
        Some(t) => Some(resolve(t, field("city"), Prefer::City, p.map(Spot::province), ErrorCode::UnknownPlace)?),
        None => None,
    };
    Ok(match (p, c) {
        (None, None) => region,
        (Some(one), None) | (None, Some(one)) => Location::of(one),
        (Some(p), Some(c)) => {
            let (pp, cp) = (p.province(), c.province());
            if !std::ptr::eq(pp, cp) {
                return Err(err(
                    ErrorCode::InvalidValue,
                    field("city"),
                    format!(
                        "城市“{}”在{}，省份却填了{}。请检查省份和城市（填了城市，省份可以不填）。",
                        c.name(),
                        cities::province_name(cp),
                        cities::province_name(pp)
                    ),
                    format!("the city is in {}, not in the province given ({})", cp.id, pp.id),
                ));
            }
            match (p, c) {
                (Spot::City(a), Spot::City(b)) if a != b => {
                    return Err(err(
                        ErrorCode::InvalidValue,
                        field("city"),
                        format!("省份填的是城市“{}”，城市填的是“{}”，不是同一个地方。请只填一个城市。", a.name(), b.name()),
                        "province names another city than city",
                    ))
                }
                (Spot::City(_), Spot::Province(_)) => Location::of(p),
                _ => Location::of(c),
            }
        }
    })
}

/// Every member checked and located (SPEC §5, §9.1), then each `via` resolved.
fn members(input: &[MemberInput], region: Location) -> Result<Vec<Member>, InputError> {
    let mut out: Vec<Member> = Vec::with_capacity(input.len());
    // Places already read, by what was written (a family is mostly in one or two places): each
    // distinct (province, city) is read once.
    let mut read: Vec<(Option<String>, Option<String>, Location)> = Vec::new();
    for (i, m) in input.iter().enumerate() {
        let member = member(i, m, &out, region, &mut read)?;
        out.push(member);
    }
    // `via` refers to other members: resolve after all are known.
    for (i, m) in input.iter().enumerate() {
        if let Some(j) = via(i, m, &out)? {
            out[i].via = Some(j);
        }
    }
    Ok(out)
}

/// Member `i`, checked against the members before it (`before`): id, relation, insurance,
/// name, where it is insured, balances. Its `via` is resolved later ([`via`]).
fn member(
    i: usize,
    m: &MemberInput,
    before: &[Member],
    region: Location,
    read: &mut Vec<(Option<String>, Option<String>, Location)>,
) -> Result<Member, InputError> {
    let f = |name: &str| format!("members[{i}].{name}");
    check_id(&m.id, f("id"))?;
    if before.iter().any(|o| o.id == m.id) {
        return Err(err(ErrorCode::DuplicateId, f("id"), format!("编号“{}”重复了。", m.id), "duplicate member id"));
    }
    let relation = check_relation(m, before, f("relation"))?;
    let insurance = Insurance::from_id(&m.insurance).ok_or_else(|| {
        err(
            ErrorCode::InvalidValue,
            f("insurance"),
            "参保类型只能是职工医保（在职/退休）、居民医保、未参保或不知道。",
            "insurance must be employee, employee_retired, resident, none or unknown",
        )
    })?;
    let name = display_name(m, f("name"))?;
    let province = place_text(&m.province, f("province"), "省份")?;
    let city = place_text(&m.city, f("city"), "城市")?;
    let at = match read.iter().find(|r| r.0 == province && r.1 == city) {
        Some(r) => r.2,
        None => {
            let at = locate(province.as_deref(), city.as_deref(), region, &|name: &str| f(name))?;
            read.push((province.clone(), city.clone(), at));
            at
        }
    };
    let (province_key, pool_key) = at.keys();
    // Not known: a balance given is kept for the reading in which the member has 职工医保.
    let may_have_account = insurance.has_account() || insurance == Insurance::Unknown;
    let balance = read_balance(m, may_have_account, &name, f("balance"))?;
    let shareable_balance = read_shareable_balance(m, may_have_account, balance, &name, f("shareable_balance"))?;
    if insurance == Insurance::Unknown
        && before.iter().filter(|o| o.insurance == Insurance::Unknown).count() >= limits::UNKNOWN_INSURANCE
    {
        return Err(err(
            ErrorCode::TooMany,
            f("insurance"),
            format!("最多{}位家人的参保类型可以填“不知道”，请先确认其他人的。", limits::UNKNOWN_INSURANCE),
            format!("at most {} members may have insurance unknown", limits::UNKNOWN_INSURANCE),
        ));
    }
    Ok(Member {
        id: m.id.clone(),
        name,
        relation,
        via: None,
        insurance,
        // The province as people say it, where one was given (福建 for "福建省", "350000" or
        // "fujian"); else `place` names where the member is (the city's or region's place).
        province: province.as_ref().and(at.province).map(|p| cities::province_name(p).to_string()),
        place: at.place,
        city: at.city,
        province_key,
        pool_key,
        balance,
        balance_known: m.balance.is_some() || !may_have_account,
        shareable_balance,
    })
}

/// The member's relation to 我; a one-of-a-kind relation (a father, a spouse) only once.
fn check_relation(m: &MemberInput, before: &[Member], field: String) -> Result<Relation, InputError> {
    let relation = Relation::from_id(&m.relation)
        .ok_or_else(|| err(ErrorCode::InvalidValue, field.clone(), "不认识这个关系，请从列表中选择。", "unknown relation id"))?;
    if relation.is_unique() {
        if let Some(o) = before.iter().find(|o| o.relation == relation) {
            return Err(err(
                ErrorCode::InvalidFamily,
                field,
                format!("家里只能有一位“{}”，“{}”已经是了。", relation.name_zh(), o.name),
                "only one member may have this relation",
            ));
        }
    }
    Ok(relation)
}

/// The member's name for sentences (the id when none is given), isolated.
fn display_name(m: &MemberInput, field: String) -> Result<String, InputError> {
    let name = match &m.name {
        Some(n) => {
            let n = check_text(n, limits::NAME_CHARS, field, "称呼")?;
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
    Ok(format!("\u{2068}{name}\u{2069}"))
}

/// A member's province or city as written, checked; `None` when absent or blank.
fn place_text(text: &Option<String>, field: String, what_zh: &str) -> Result<Option<String>, InputError> {
    match text {
        Some(t) => {
            let t = check_text(t, limits::PROVINCE_CHARS, field, what_zh)?;
            Ok(if t.is_empty() { None } else { Some(t) })
        }
        None => Ok(None),
    }
}

/// The personal account's balance: only a member who may have 职工医保 has one (else absent or 0).
fn read_balance(m: &MemberInput, may_have_account: bool, name: &str, field: String) -> Result<Money, InputError> {
    Ok(match (&m.balance, may_have_account) {
        (Some(raw), true) => money(raw, field, "个人账户余额")?,
        (None, true) => Money::ZERO,
        (Some(raw), false) => {
            let b = money(raw, field.clone(), "个人账户余额")?;
            if !b.is_zero() {
                return Err(err(
                    ErrorCode::InvalidBalance,
                    field,
                    format!("“{name}”没有参加职工医保，没有个人账户，余额应为空。"),
                    "only employee-insured members have a personal account",
                ));
            }
            Money::ZERO
        }
        (None, false) => Money::ZERO,
    })
}

/// The part of the balance that may be shared, where given: within the balance, and only for a
/// member who may have an account.
fn read_shareable_balance(
    m: &MemberInput,
    may_have_account: bool,
    balance: Money,
    name: &str,
    field: String,
) -> Result<Option<Money>, InputError> {
    let Some(raw) = &m.shareable_balance else { return Ok(None) };
    let v = money(raw, field.clone(), "可共济的金额")?;
    if !may_have_account && !v.is_zero() {
        return Err(err(
            ErrorCode::InvalidBalance,
            field,
            format!("“{name}”没有参加职工医保，没有个人账户，没有可共济的钱。"),
            "only employee-insured members have a personal account",
        ));
    }
    if m.balance.is_some() && v > balance {
        return Err(err(
            ErrorCode::InvalidBalance,
            field,
            format!("可共济的金额不能比个人账户余额{balance}元还多。"),
            "shareable_balance exceeds balance",
        ));
    }
    Ok(Some(v))
}

/// Member `i`'s `via` (all members known): the member a relation runs through, of a relation
/// that fits; a spouse (儿媳, 女婿, 兄弟姐妹的配偶) only one per member.
fn via(i: usize, m: &MemberInput, out: &[Member]) -> Result<Option<usize>, InputError> {
    let field = format!("members[{i}].via");
    let relation = out[i].relation;
    let (v, fits) = match (&m.via, relation.via_relations()) {
        (None, _) => return Ok(None),
        (Some(v), _) if v.is_empty() => return Ok(None),
        (Some(_), None) => {
            return Err(err(
                ErrorCode::InvalidVia,
                field,
                format!("“{}”的关系不需要填写“经由谁”。", relation.name_zh()),
                "via is only for relations that run through another member",
            ))
        }
        (Some(v), Some(fits)) => (v, fits),
    };
    let j = Scenario::member_index(out, v).ok_or_else(|| {
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
    Ok(Some(j))
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

/// Expense `i`: its patient, item, venue, card, money and pooled parameters, checked.
fn expense(i: usize, e: &ExpenseInput, members: &[Member]) -> Result<Expense, InputError> {
    let f = |name: &str| format!("expenses[{i}].{name}");
    let patient = lookup(members, &e.patient, f("patient"))?;
    let item = data::item(&e.item).ok_or_else(|| {
        err(ErrorCode::UnknownItem, f("item"), "不认识这个费用项目，请从列表中选择。", "unknown item id; see `gongji catalogue`")
    })?;
    let venue = venue(e, item, f("venue"))?;
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
    let charge = charge(e, &f)?;
    let pooled = match &e.pooled {
        Some(p) => Some(pooled_params(p, i)?),
        None => None,
    };
    Ok(Expense { patient, item, venue, charge, card, pooled })
}

/// Where the expense happened: a venue the item can happen at (anything but a premium may
/// happen at a non-designated place).
fn venue(e: &ExpenseInput, item: &'static Item, field: String) -> Result<Venue, InputError> {
    let venue = Venue::ALL.iter().find(|(id, _)| *id == e.venue).map(|(_, v)| *v).ok_or_else(|| {
        err(
            ErrorCode::InvalidValue,
            field.clone(),
            "就医地点只能是定点医疗机构、定点药店、非定点机构或线上缴费。",
            "unknown venue",
        )
    })?;
    let premium = item.kind == ItemKind::Premium;
    let venue_ok = item.venues.contains(&venue) || (venue == Venue::NonDesignated && !premium);
    if !venue_ok {
        return Err(err(
            ErrorCode::VenueNotForItem,
            field,
            format!("“{}”不能在这个地点发生，请重新选择地点。", item.name),
            "this item cannot happen at this venue",
        ));
    }
    Ok(venue)
}

/// The money: the total (with what is outside the catalogue), the slip's 个人负担, or not given;
/// never both, and the pooled parameters only with a total.
fn charge(e: &ExpenseInput, f: &dyn Fn(&str) -> String) -> Result<Charge, InputError> {
    Ok(match (&e.amount, &e.personal_burden) {
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
    })
}

fn pooled_params(p: &PooledInput, i: usize) -> Result<PooledParams, InputError> {
    let f = |name: &str| format!("expenses[{i}].pooled.{name}");
    Ok(PooledParams {
        deductible_left: money(&p.deductible_left, f("deductible_left"), "剩余起付线")?,
        ratio: ratio(&p.ratio, f("ratio"))?,
        cap_left: money(&p.cap_left, f("cap_left"), "剩余封顶线")?,
    })
}
