//! The rules (`data/rules.json` → `RULES`, `rule_id::*`) and the expense catalogue
//! (`data/catalogue.json` → `ITEMS`): ids unique, every item's rule known.

use crate::model::{CatalogueFile, Item, RulesFile};
use crate::values::{date, lit, need_text, opt, variant};
use std::collections::BTreeSet;
use std::fmt::Write as _;

const PAYABILITY: &[(&str, &str)] = &[
    ("yes", "Payability::Yes"),
    ("no", "Payability::No"),
    ("depends", "Payability::Depends"),
    ("n_a", "Payability::NotApplicable"),
];
const POOLED: &[(&str, &str)] = &[
    ("yes", "PooledCover::Yes"),
    ("no", "PooledCover::No"),
    ("per_region", "PooledCover::PerRegion"),
    ("n_a", "PooledCover::NotApplicable"),
];
const KIND: &[(&str, &str)] = &[
    ("medical", "ItemKind::Medical"),
    ("pharmacy", "ItemKind::Pharmacy"),
    ("premium", "ItemKind::Premium"),
    ("not_medical", "ItemKind::NotMedical"),
];
const VENUE: &[(&str, &str)] = &[
    ("designated_hospital", "Venue::DesignatedHospital"),
    ("designated_pharmacy", "Venue::DesignatedPharmacy"),
    ("non_designated", "Venue::NonDesignated"),
    ("online", "Venue::Online"),
];
const REQUIRES: &[(&str, &str)] =
    &[("resident_enrollee", "Requirement::ResidentEnrollee"), ("employee_enrollee", "Requirement::EmployeeEnrollee")];
const QUOTA: &[(&str, &str)] = &[("no", "QuotaScope::No"), ("as_shared", "QuotaScope::AsShared"), ("yes", "QuotaScope::Yes")];
const GATE: &[(&str, &str)] = &[("resident_premium", "Gate::ResidentPremium")];

/// The catalogue's ids, for the places that name items.
pub struct Items {
    pub ids: BTreeSet<String>,
    /// The items whose own-account or shared payability is `depends` (a place decides them).
    pub depends: BTreeSet<String>,
}

/// `RULES_VERSION`, the rule ids as constants and `RULES`; the set of rule ids.
pub fn rules(rules: &RulesFile, code: &mut String) -> Result<BTreeSet<String>, String> {
    date(&rules.version, "rules.version")?;
    writeln!(code, "pub const RULES_VERSION: &str = {};", lit(&rules.version)).unwrap();

    let mut rule_ids = BTreeSet::new();
    // Rule ids as constants (`rule_id::R_ORDER`): citing an id rules.json does not have fails
    // to compile.
    code.push_str("/// Every rule id of data/rules.json, as a constant.\npub mod rule_id {\n");
    for r in &rules.rules {
        writeln!(code, "    pub const {}: &str = {};", r.id.replace('-', "_"), lit(&r.id)).unwrap();
    }
    code.push_str("}\n");
    code.push_str("pub static RULES: &[Rule] = &[\n");
    for r in &rules.rules {
        if !rule_ids.insert(r.id.clone()) {
            return Err(format!("rules.json: duplicate rule id {}", r.id));
        }
        for (v, w) in [(&r.title, "title"), (&r.document, "document"), (&r.summary, "summary")] {
            need_text(v, &format!("rule {} {w}", r.id))?;
        }
        writeln!(
            code,
            "  Rule {{ id: {}, title: {}, document: {}, effective: {}, summary: {} }},",
            lit(&r.id),
            lit(&r.title),
            lit(&r.document),
            date(&r.effective, &format!("rule {}", r.id))?,
            lit(&r.summary)
        )
        .unwrap();
    }
    code.push_str("];\n");
    Ok(rule_ids)
}

/// `ITEMS`: each item checked against the rules.
pub fn items(catalogue: &CatalogueFile, rule_ids: &BTreeSet<String>, code: &mut String) -> Result<Items, String> {
    let mut items = Items { ids: BTreeSet::new(), depends: BTreeSet::new() };
    code.push_str("pub static ITEMS: &[Item] = &[\n");
    for it in &catalogue.items {
        let what = format!("catalogue item {}", it.id);
        if !items.ids.insert(it.id.clone()) {
            return Err(format!("{what}: duplicate id"));
        }
        if !rule_ids.contains(&it.rule) {
            return Err(format!("{what}: rule {} is not in rules.json", it.rule));
        }
        if it.keywords.is_empty() || it.venues.is_empty() {
            return Err(format!("{what}: needs keywords and venues"));
        }
        if it.own == "depends" || it.shared == "depends" {
            items.depends.insert(it.id.clone());
        }
        code.push_str(&item(it, &what)?);
    }
    code.push_str("];\n");
    Ok(items)
}

/// One line of `ITEMS`.
fn item(it: &Item, what: &str) -> Result<String, String> {
    let venues: Result<Vec<String>, String> = it.venues.iter().map(|v| variant(v, VENUE, what)).collect();
    let requires = opt(&it.requires, |r| variant(r, REQUIRES, what))?;
    Ok(format!(
        "  Item {{ id: {}, name: {}, keywords: &[{}], kind: {}, cosmetic: {}, requires: {}, venues: &[{}], pooled: {}, own: {}, shared: {}, quota: {}, gate: {}, excluded_from: {}, rule: {}, note: {} }},\n",
        lit(&it.id),
        lit(&it.name),
        it.keywords.iter().map(|k| lit(k)).collect::<Vec<_>>().join(", "),
        variant(&it.kind, KIND, what)?,
        it.cosmetic,
        requires,
        venues?.join(", "),
        variant(&it.pooled, POOLED, what)?,
        variant(&it.own, PAYABILITY, what)?,
        variant(&it.shared, PAYABILITY, what)?,
        variant(&it.quota, QUOTA, what)?,
        opt(&it.gate, |g| variant(g, GATE, what))?,
        opt(&it.excluded_from, |d| date(d, what))?,
        lit(&it.rule),
        lit(&it.note)
    ))
}
