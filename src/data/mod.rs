//! The rule table, the expense catalogue and the region profiles, compiled in from `data/`.
//!
//! `build.rs` checks the JSON files (ids unique, every item's rule exists, every regional value
//! has a source and an effective date) and turns them into the static tables below, so nothing
//! is read or parsed at run time. The types here are what the rest of the engine sees; they
//! serialize back to the same JSON shapes for `gongji catalogue|rules|regions` and the wasm
//! exports of the same names.

use crate::date::Date;
use crate::kinship::Kin;
use serde::Serialize;

pub mod cities;
pub use cities::{CitiesOf, City};

/// One rule the engine cites by `id` (R-2021, R-CARD, ...).
#[derive(Debug, Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub title: &'static str,
    /// The official document, by its number and title.
    pub document: &'static str,
    pub effective: Date,
    /// The rule in plain Chinese, written for this project.
    pub summary: &'static str,
}

/// What kind of spending an item is (SPEC §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Medical,
    Pharmacy,
    Premium,
    NotMedical,
}

/// Where the money was spent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Venue {
    DesignatedHospital,
    DesignatedPharmacy,
    NonDesignated,
    Online,
}

impl Venue {
    pub const ALL: [(&'static str, Venue); 4] = [
        ("designated_hospital", Venue::DesignatedHospital),
        ("designated_pharmacy", Venue::DesignatedPharmacy),
        ("non_designated", Venue::NonDesignated),
        ("online", Venue::Online),
    ];
}

/// Whether an account may pay an item: yes, no, or "the region decides".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payability {
    Yes,
    No,
    Depends,
    #[serde(rename = "n_a")]
    NotApplicable,
}

/// Whether the pooled fund (统筹基金) may cover an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PooledCover {
    Yes,
    No,
    /// Pharmacy purchases: pooled only where the region runs 门诊统筹 in pharmacies.
    PerRegion,
    #[serde(rename = "n_a")]
    NotApplicable,
}

/// A condition a premium item puts on the beneficiary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// The beneficiary must be enrolled in 居民医保.
    ResidentEnrollee,
    /// The beneficiary must be enrolled in 职工医保 (职工大额医疗费用补助).
    EmployeeEnrollee,
}

/// What a cross-province 共济额度 (R-XPROV) may pay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaScope {
    No,
    /// What sharing may pay for this item (medical and pharmacy 个人负担).
    AsShared,
    /// Named by R-XPROV itself (居民医保 and 长期护理保险 contributions).
    Yes,
}

/// A date fact that gates sharing for an item before the 近亲属 widening.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gate {
    /// 居民医保 contributions of spouse/parents/children: `resident_premium_from` of the place
    /// until its `close_relatives_from` (国办发〔2021〕14号 left it to places: "探索").
    ResidentPremium,
}

/// One entry of the expense catalogue (SPEC §4).
#[derive(Debug, Serialize)]
pub struct Item {
    pub id: &'static str,
    pub name: &'static str,
    pub keywords: &'static [&'static str],
    pub kind: ItemKind,
    /// Cosmetic (美白, 正畸, 医美): refused with `cosmetic_not_covered` rather than `not_medical_expense`.
    pub cosmetic: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires: Option<Requirement>,
    /// Venues where 医保 can settle it. `non_designated` is always accepted as input (all self-pay).
    pub venues: &'static [Venue],
    pub pooled: PooledCover,
    pub own: Payability,
    pub shared: Payability,
    /// What a cross-province 共济额度 may pay of it (R-XPROV).
    pub quota: QuotaScope,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gate: Option<Gate>,
    /// Excluded from personal accounts by 国办发〔2021〕14号 (养生保健、体育健身) from this date;
    /// before it, what an account could buy was local, so the answer is `depends`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded_from: Option<Date>,
    pub rule: &'static str,
    pub note: &'static str,
}

impl Item {
    /// Whether the 2021 exclusion had not yet come on `day` (what accounts bought was local).
    pub fn locally_decided_on(&self, day: Date) -> bool {
        self.excluded_from.is_some_and(|d| day < d)
    }
}

/// Yes / no / depends, for a place's decision on an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    Yes,
    No,
    Depends,
}

/// How sure a source is (issue 12: aggregator and local-portal pages are never a source).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// A government or 医保局 site.
    Official,
    /// An official text read on a copy.
    OfficialCopy,
    /// 新华社, 中新网, 人民网, a Party or city daily.
    OfficialNews,
    OfficialNewsCopy,
}

#[derive(Debug, Serialize)]
pub struct Source {
    pub title: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<&'static str>,
    /// `YYYY-MM-DD` or `YYYY-MM`.
    pub date: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'static str>,
    pub grade: Grade,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_at: Option<&'static str>,
}

/// Whether a dated rule is in force on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum InForce {
    No,
    /// Inside a window known only from dated lists: ask locally.
    Depends,
    Yes,
}

/// A date known exactly (`not_before == by`) or as a window: not in force before `not_before`,
/// in force from `by`, unknown in between.
#[derive(Debug)]
pub struct DateFact {
    pub not_before: Date,
    pub by: Date,
    pub sources: &'static [&'static Source],
    pub note: Option<&'static str>,
    /// The place whose value this is (a city inherits its province's, a province national's).
    pub place: &'static str,
}

impl DateFact {
    pub fn on(&self, day: Date) -> InForce {
        if day >= self.by {
            InForce::Yes
        } else if day < self.not_before {
            InForce::No
        } else {
            InForce::Depends
        }
    }

    pub fn is_exact(&self) -> bool {
        self.not_before == self.by
    }

    /// "2024-12-06" or "2024-10-21至2024-12-09之间".
    pub fn describe(&self) -> String {
        if self.is_exact() {
            self.by.to_string()
        } else {
            format!("{}至{}之间的某一天", self.not_before, self.by)
        }
    }
}

impl Serialize for DateFact {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        if self.is_exact() {
            m.serialize_entry("on", &self.by)?;
        } else {
            m.serialize_entry("not_before", &self.not_before)?;
            m.serialize_entry("by", &self.by)?;
        }
        m.serialize_entry("from_place", self.place)?;
        if let Some(n) = self.note {
            m.serialize_entry("note", n)?;
        }
        m.serialize_entry("sources", self.sources)?;
        m.end()
    }
}

/// A place's dated facts, already resolved along its chain (city → province → national).
#[derive(Debug, Serialize)]
pub struct Facts {
    /// 职工医保个人账户 may pay for spouse, parents and children (R-2021 or the local start).
    pub sharing_from: &'static DateFact,
    /// Sharing between two 统筹区 of the same province.
    pub cross_city_from: &'static DateFact,
    /// All 近亲属 may share (R-2024 as implemented here).
    pub close_relatives_from: &'static DateFact,
    /// 居民医保 contributions of spouse/parents/children before the widening (14号 "探索").
    pub resident_premium_from: &'static DateFact,
    /// Cross-province sharing by quota (R-XPROV).
    pub cross_province_from: &'static DateFact,
    /// Where each of these comes from, seen from this place (SPEC §10.1: "本地规定" or "按某省规定").
    pub origins: FactOrigins,
}

/// Whose value a place's fact is: its own, its province's (a city without its own value; where
/// the province's cities differ, the province's window over them), or the national default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Own,
    Province,
    National,
}

/// The origin of each of a place's facts.
#[derive(Debug, Serialize)]
pub struct FactOrigins {
    pub sharing_from: Origin,
    pub cross_city_from: Origin,
    pub close_relatives_from: Origin,
    pub resident_premium_from: Origin,
    pub cross_province_from: Origin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareModel {
    /// Only the part of the balance above `floor` may be shared (福建's 家庭共济账户, 南京 before 2022-11).
    AboveFloor,
    /// Only the 历年账户 (earlier years' balance) may be shared (上海).
    PriorYears,
}

/// A local money model (SPEC §9.2): how much of a sharer's balance may be shared.
#[derive(Debug, Serialize)]
pub struct Shareable {
    pub model: ShareModel,
    /// `above_floor`: the amount that stays in the account (福建 ¥2,000).
    #[serde(serialize_with = "floor_text", skip_serializing_if = "is_zero")]
    pub floor_cents: u64,
    pub from: Date,
    pub until: Option<Date>,
    /// The account that is shared, as people call it there (家庭共济账户, 历年账户).
    pub account: &'static str,
    /// Whether a 顺位 applies among several sharers.
    pub ordered: bool,
    pub sources: &'static [&'static Source],
    pub note: Option<&'static str>,
}

fn is_zero(cents: &u64) -> bool {
    *cents == 0
}

fn floor_text<S: serde::Serializer>(cents: &u64, s: S) -> Result<S::Ok, S::Error> {
    crate::money::Money::from_cents(*cents).serialize(s)
}

impl Shareable {
    pub fn applies(&self, day: Date) -> bool {
        day >= self.from && self.until.map_or(true, |u| day < u)
    }

    pub fn floor(&self) -> crate::money::Money {
        crate::money::Money::from_cents(self.floor_cents)
    }
}

/// A place's decision on a "depends" item, from a date on.
#[derive(Debug, Serialize)]
pub struct ItemDecision {
    pub item: &'static str,
    pub own: Option<Tri>,
    pub shared: Option<Tri>,
    pub from: Date,
    pub sources: &'static [&'static Source],
    pub note: Option<&'static str>,
}

/// Whom an account may pay for, for some items, from a date (SPEC §10.2): relations added to
/// the national circle (some places count 配偶的父母), or the only relations allowed (天津:
/// 商业健康保险 only for 本人、配偶、父母、子女). Relations are seen from the sharer.
#[derive(Debug, Serialize)]
pub struct Circle {
    /// The items it is about; empty: every item.
    pub items: &'static [&'static str],
    pub add: &'static [Kin],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub only: Option<&'static [Kin]>,
    pub from: Date,
    /// Applies before `until`; not from `ends_by` on; between the two, whether it still applied
    /// is not known (`Date::MAX` for both: no end known).
    #[serde(skip_serializing_if = "Date::is_max")]
    pub until: Date,
    #[serde(skip_serializing_if = "Date::is_max")]
    pub ends_by: Date,
    /// Some cities of the province count these relations, the province does not (SPEC §10.1:
    /// a value that varies between cities is `depends` for the others).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub maybe: bool,
    /// For `maybe`: the city whose rule it is.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub city: &'static str,
    pub sources: &'static [&'static Source],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
}

impl Circle {
    /// Whether it applies to this item on this day: yes, no, or depends (inside its end's window,
    /// or only some cities of the province count it).
    pub fn applies(&self, item: &str, day: Date) -> InForce {
        if !(self.items.is_empty() || self.items.contains(&item)) || day < self.from || day >= self.ends_by {
            InForce::No
        } else if day >= self.until || self.maybe {
            InForce::Depends
        } else {
            InForce::Yes
        }
    }
}

/// The circle of relatives in force for one item at one place and day.
#[derive(Debug, Default)]
pub struct CircleOn {
    /// Relations added to the national circle, each with the circle and place that add it, and
    /// whether it surely applies (yes) or may (depends).
    pub added: Vec<(&'static Circle, &'static Place, InForce)>,
    /// The nearest limit, if any.
    pub only: Option<(&'static Circle, &'static Place)>,
}

impl CircleOn {
    /// The circle and place that add this kinship, if any, and whether that is sure (yes) or
    /// only possible (depends).
    pub fn adds(&self, kin: Kin) -> Option<(&'static Circle, &'static Place, InForce)> {
        self.added.iter().filter(|(c, _, _)| c.add.contains(&kin)).min_by_key(|(_, _, f)| *f != InForce::Yes).copied()
    }

    /// The limit that leaves this kinship out, if any.
    pub fn excludes(&self, kin: Kin) -> Option<(&'static Circle, &'static Place)> {
        self.only.filter(|(c, _)| !c.only.is_some_and(|o| o.contains(&kin)))
    }
}

#[derive(Debug, Serialize)]
pub struct Note {
    pub text: &'static str,
    pub sources: &'static [&'static Source],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditWho {
    Employee,
    Retired,
}

/// A local fact about monthly credits (R-CREDIT).
#[derive(Debug, Serialize)]
pub struct CreditFact {
    pub who: CreditWho,
    pub from: Option<Date>,
    pub rule: Option<&'static str>,
    pub rate: Option<&'static str>,
    pub basis: Option<&'static str>,
    pub amount: Option<&'static str>,
    pub sources: &'static [&'static Source],
    pub note: Option<&'static str>,
}

/// A local fact shown by a questionnaire as that place's, with its sources.
#[derive(Debug, Serialize)]
pub struct LocalFact {
    pub place: &'static str,
    pub case: &'static str,
    pub text: String,
    /// Each source by title, date and grade (the same in the CLI and the wasm module, which
    /// carries no addresses; `gongji regions` has them).
    #[serde(serialize_with = "cited")]
    pub sources: &'static [&'static Source],
}

fn cited<S: serde::Serializer>(list: &&'static [&'static Source], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Cited {
        title: &'static str,
        date: &'static str,
        grade: Grade,
    }
    s.collect_seq(list.iter().map(|x| Cited { title: x.title, date: x.date, grade: x.grade }))
}

/// A local case in which the account may be paid out (R-WITHDRAW).
#[derive(Debug, Serialize)]
pub struct WithdrawalFact {
    pub case: &'static str,
    pub text: &'static str,
    pub from: Option<Date>,
    pub sources: &'static [&'static Source],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    National,
    Province,
    City,
}

/// A place profile (SPEC §9.1): national, a province, or a city (统筹区), each value sourced.
#[derive(Debug, Serialize)]
pub struct Place {
    pub id: &'static str,
    pub kind: PlaceKind,
    pub name: &'static str,
    /// How people write it (`members[].province` / `members[].city` / `region` are read by
    /// [`cities::find`], which also knows every city of data/divisions.json).
    pub names: &'static [&'static str],
    pub parent: Option<&'static str>,
    /// The province id (itself for a province, its parent for a city, none for national).
    pub province: Option<&'static str>,
    /// Indices into [`places`]: itself, its parent, …, national.
    #[serde(skip)]
    pub chain: &'static [usize],
    pub checked: &'static str,
    /// The place in a few sentences (for readers; not in the wasm build, see `lean()` in build.rs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'static str>,
    /// Where to bind or ask (inherited when the place names none).
    pub channels: &'static [&'static str],
    pub facts: Facts,
    pub shareable: &'static [Shareable],
    pub items: &'static [ItemDecision],
    pub notes: &'static [Note],
    pub credit: &'static [CreditFact],
    pub withdrawal: &'static [WithdrawalFact],
    /// Whom an account may pay for here, per item (SPEC §10.2), beyond or instead of the
    /// national circle.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub circles: &'static [Circle],
    /// (province, and its cities) Basic medical insurance pooled at province level: the whole
    /// province is one 统筹区 from this date (SPEC §10.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pooling: Option<&'static DateFact>,
    /// A province's cities (SPEC §10.1; `regions()` lists them under it, compactly).
    #[serde(skip_serializing_if = "CitiesOf::is_empty")]
    pub cities: CitiesOf,
}

include!(concat!(env!("OUT_DIR"), "/data_tables.rs"));

/// The date the rule data was last reviewed, reported as `rules` in every output.
pub fn rules_version() -> &'static str {
    RULES_VERSION
}

pub fn rules() -> &'static [Rule] {
    RULES
}

pub fn items() -> &'static [Item] {
    ITEMS
}

pub fn places() -> &'static [Place] {
    PLACES
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

pub fn item(id: &str) -> Option<&'static Item> {
    ITEMS.iter().find(|i| i.id == id)
}

/// A place by its id (`national`, `fujian`, `fuzhou`, …).
pub fn place(id: &str) -> Option<&'static Place> {
    PLACES.iter().find(|p| p.id == id)
}

/// 北京、天津、上海、重庆: the province is one city (SPEC §9.1).
pub const MUNICIPALITIES: [&str; 4] = ["beijing", "tianjin", "shanghai", "chongqing"];

pub fn is_municipality(id: &str) -> bool {
    MUNICIPALITIES.contains(&id)
}

/// The national profile (always the first place; build.rs checks it exists).
pub fn national() -> &'static Place {
    &PLACES[0]
}

impl Place {
    /// Itself, its parent, …, national.
    pub fn chain(&self) -> impl Iterator<Item = &'static Place> + '_ {
        self.chain.iter().filter_map(|&i| PLACES.get(i))
    }

    /// The nearest decision on a "depends" item in force on `day`, with the place that made it.
    pub fn decision(&self, item: &str, day: Date) -> Option<(&'static ItemDecision, &'static Place)> {
        self.chain().find_map(|p| p.items.iter().find(|d| d.item == item && d.from <= day).map(|d| (d, p)))
    }

    /// The circle of relatives for an item on a day: additions along the chain, the nearest limit.
    pub fn circle_on(&self, item: &str, day: Date) -> CircleOn {
        let mut on = CircleOn::default();
        for p in self.chain() {
            for c in p.circles {
                let applies = c.applies(item, day);
                if applies == InForce::No {
                    continue;
                }
                if !c.add.is_empty() {
                    on.added.push((c, p, applies));
                }
                if c.only.is_some() && on.only.is_none() && applies == InForce::Yes {
                    on.only = Some((c, p));
                }
            }
        }
        on
    }

    /// The money model in force on `day`, if the place limits what may be shared.
    pub fn shareable_on(&self, day: Date) -> Option<&'static Shareable> {
        self.shareable.iter().find(|m| m.applies(day))
    }

    /// Local withdrawal cases along the chain (R-WITHDRAW), each as that place's, with sources.
    pub fn local_withdrawal(&self) -> Vec<LocalFact> {
        self.chain()
            .flat_map(|p| {
                p.withdrawal.iter().map(move |w| LocalFact {
                    place: p.name,
                    case: w.case,
                    text: w.text.to_string(),
                    sources: w.sources,
                })
            })
            .collect()
    }

    /// Local credit facts along the chain (R-CREDIT) for employees or retirees.
    pub fn local_credit(&self, who: CreditWho) -> Vec<LocalFact> {
        self.chain()
            .flat_map(|p| {
                p.credit.iter().filter(move |c| c.who == who).map(move |c| {
                    let mut text = String::new();
                    if let Some(r) = c.rule {
                        text.push_str(r);
                    }
                    if let Some(r) = c.rate {
                        text.push_str(&format!("；比例 {r}"));
                    }
                    if let Some(b) = c.basis {
                        text.push_str(&format!("（基数：{b}）"));
                    }
                    if let Some(a) = c.amount {
                        text.push_str(&format!("；每月{a}元"));
                    }
                    if let Some(f) = c.from {
                        text.push_str(&format!("；{f}起"));
                    }
                    if let Some(n) = c.note {
                        text.push_str(&format!("。{n}"));
                    }
                    LocalFact {
                        place: p.name,
                        case: if who == CreditWho::Retired { "retired" } else { "employee" },
                        text,
                        sources: c.sources,
                    }
                })
            })
            .collect()
    }

    /// The place's own id when it is a known place, else "national".
    pub fn is_national(&self) -> bool {
        self.kind == PlaceKind::National
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_catalogue_is_complete_and_consistent() {
        let spec_ids = [
            "dental_filling",
            "dental_extraction",
            "root_canal",
            "periodontal_treatment",
            "gingivitis_treatment",
            "dental_scaling",
            "dental_implant",
            "orthodontics",
            "teeth_whitening",
            "cosmetic_crown",
            "outpatient_visit",
            "inpatient_stay",
            "catalogue_drug",
            "non_catalogue_drug",
            "medical_device",
            "vaccine_self_paid",
            "physical_exam",
            "resident_premium",
            "ltc_premium",
            "commercial_insurance",
            "health_supplement",
            "daily_goods",
            "fitness",
            "cosmetic_surgery",
        ];
        for id in spec_ids {
            assert!(item(id).is_some(), "catalogue misses {id}");
        }
        for it in items() {
            assert!(rule(it.rule).is_some(), "{} cites unknown rule {}", it.id, it.rule);
            // Nothing outside medicine is ever payable by an account.
            if it.kind == ItemKind::NotMedical {
                assert_eq!((it.own, it.shared, it.quota), (Payability::No, Payability::No, QuotaScope::No), "{}", it.id);
            }
            // Premiums are never pooled and never the premium payer's own medical spending.
            if it.kind == ItemKind::Premium {
                assert_eq!(it.pooled, PooledCover::NotApplicable, "{}", it.id);
                assert!(it.venues == [Venue::Online], "{}", it.id);
            }
            if it.pooled == PooledCover::Yes {
                assert_eq!(it.own, Payability::Yes, "{}: pooled items are payable by the own account", it.id);
            }
        }
    }

    #[test]
    fn spec_rules_exist_with_documents() {
        for id in ["R-2021", "R-2024", "R-KIN", "R-XPROV", "R-WALLET", "R-CARD", "R-DENTAL", "R-ORDER", "R-WITHDRAW", "R-CREDIT"]
        {
            let r = rule(id).unwrap_or_else(|| panic!("missing {id}"));
            assert!(!r.document.is_empty() && !r.summary.is_empty());
        }
        assert_eq!(rule("R-XPROV").map(|r| r.effective), Some(Date::new(2026, 1, 9)));
        assert_eq!(rule("R-2021").map(|r| r.effective), Some(Date::new(2021, 4, 22)));
    }

    #[test]
    fn national_place_has_the_spec_dates_and_every_place_resolves() {
        let n = national();
        assert_eq!(n.id, "national");
        // A visitor with no place could be in any province: the start is the window from the guideline
        // to the last province's (SPEC §10.1, issue 21 item 6).
        assert_eq!(n.facts.sharing_from.not_before, Date::new(2021, 4, 22));
        assert!(n.facts.sharing_from.by > Date::new(2021, 4, 22));
        assert_eq!(n.facts.cross_province_from.by, Date::new(2026, 1, 9));
        assert!(n.items.is_empty(), "the national default decides no 'depends' item");
        for id in [
            "beijing",
            "tianjin",
            "hebei",
            "shanxi",
            "neimenggu",
            "liaoning",
            "jilin",
            "heilongjiang",
            "shanghai",
            "jiangsu",
            "zhejiang",
            "anhui",
            "fujian",
            "jiangxi",
            "shandong",
            "henan",
            "hubei",
            "hunan",
            "guangdong",
            "guangxi",
            "hainan",
            "chongqing",
            "sichuan",
            "guizhou",
            "yunnan",
            "xizang",
            "shaanxi",
            "gansu",
            "qinghai",
            "ningxia",
            "xinjiang",
            "bingtuan",
            "fuzhou",
            "shenzhen",
            "nanjing",
            "tongliao",
            "guangzhou",
            "ningbo",
        ] {
            let p = place(id).unwrap_or_else(|| panic!("missing place {id}"));
            assert_eq!(p.chain().last().map(|q| q.id), Some("national"), "{id}");
            for d in p.items {
                let it = item(d.item).expect("decided item exists");
                assert!(it.own == Payability::Depends || it.shared == Payability::Depends, "{id} decides {}", it.id);
            }
        }
    }
}
