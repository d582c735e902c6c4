//! The rule table, the expense catalogue and the region profiles, compiled in from `data/`.
//!
//! `build.rs` checks the JSON files (ids unique, every item's rule exists, every regional value
//! has a source and an effective date) and turns them into the static tables below, so nothing
//! is read or parsed at run time. The types here are what the rest of the engine sees; they
//! serialize back to the same JSON shapes for `gongji catalogue|rules|regions` and the wasm
//! exports of the same names.

use crate::date::Date;
use serde::Serialize;

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

/// A condition a premium item puts on the beneficiary or the region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// The beneficiary must be enrolled in 居民医保.
    ResidentEnrollee,
    /// The region must run 长期护理保险.
    LtcRegion,
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
    /// Whether a cross-province 共济额度 may pay it (R-XPROV).
    pub quota: bool,
    pub rule: &'static str,
    pub note: &'static str,
}

/// Yes / no / not known, for regional facts such as "does the region run 长护险".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    Yes,
    No,
    Unknown,
}

/// A regional value with where it comes from and since when it holds.
#[derive(Debug, Serialize)]
pub struct Sourced<T: 'static> {
    pub value: T,
    pub source: &'static str,
    pub effective: Date,
}

/// How a region decides one "depends" item.
#[derive(Debug, Serialize)]
pub struct DependsRule {
    pub item: &'static str,
    pub own: bool,
    pub shared: bool,
    pub source: &'static str,
    pub effective: Date,
    pub note: &'static str,
}

/// A region profile: local dates and local decisions, each with its source.
#[derive(Debug, Serialize)]
pub struct Region {
    pub id: &'static str,
    pub name: &'static str,
    pub province: Option<&'static str>,
    pub note: &'static str,
    /// From when 职工医保个人账户 may pay for spouse, parents and children here (R-2021).
    pub sharing_from: Sourced<Date>,
    /// From when all 近亲属 may share here (R-2024).
    pub close_relatives_from: Sourced<Date>,
    /// From when cross-province sharing by quota works (R-XPROV).
    pub cross_province_from: Sourced<Date>,
    /// Whether the region runs 长期护理保险.
    pub ltc: Sourced<Tri>,
    pub depends: &'static [DependsRule],
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

pub fn regions() -> &'static [Region] {
    REGIONS
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

pub fn item(id: &str) -> Option<&'static Item> {
    ITEMS.iter().find(|i| i.id == id)
}

pub fn region(id: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.id == id)
}

impl Region {
    /// The region's decision on a "depends" item, if it has one.
    pub fn depends_rule(&self, item: &str) -> Option<&'static DependsRule> {
        self.depends.iter().find(|d| d.item == item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_catalogue_is_complete_and_consistent() {
        let spec_ids = [
            "dental_filling", "dental_extraction", "root_canal", "periodontal_treatment",
            "gingivitis_treatment", "dental_scaling", "dental_implant", "orthodontics",
            "teeth_whitening", "cosmetic_crown", "outpatient_visit", "inpatient_stay",
            "catalogue_drug", "non_catalogue_drug", "medical_device", "vaccine_self_paid",
            "physical_exam", "resident_premium", "ltc_premium", "commercial_insurance",
            "health_supplement", "daily_goods", "fitness", "cosmetic_surgery",
        ];
        for id in spec_ids {
            assert!(item(id).is_some(), "catalogue misses {id}");
        }
        for it in items() {
            assert!(rule(it.rule).is_some(), "{} cites unknown rule {}", it.id, it.rule);
            // Nothing outside medicine is ever payable by an account.
            if it.kind == ItemKind::NotMedical {
                assert_eq!((it.own, it.shared, it.quota), (Payability::No, Payability::No, false), "{}", it.id);
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
        for id in ["R-2021", "R-2024", "R-KIN", "R-XPROV", "R-WALLET", "R-CARD", "R-DENTAL", "R-ORDER", "R-WITHDRAW", "R-CREDIT"] {
            let r = rule(id).unwrap_or_else(|| panic!("missing {id}"));
            assert!(!r.document.is_empty() && !r.summary.is_empty());
        }
        assert_eq!(rule("R-XPROV").map(|r| r.effective), Some(Date::new(2026, 1, 9)));
        assert_eq!(rule("R-2021").map(|r| r.effective), Some(Date::new(2021, 4, 22)));
    }

    #[test]
    fn national_region_has_the_spec_dates() {
        let n = region("national").expect("national profile");
        assert_eq!(n.sharing_from.value, Date::new(2021, 4, 22));
        assert_eq!(n.close_relatives_from.value, Date::new(2024, 8, 1));
        assert_eq!(n.cross_province_from.value, Date::new(2026, 1, 9));
        assert!(n.depends.is_empty(), "the national default decides no 'depends' item");
        for r in regions() {
            for d in r.depends {
                let it = item(d.item).expect("depends item exists");
                assert!(it.own == Payability::Depends || it.shared == Payability::Depends);
            }
        }
    }
}
