//! The shapes of the data files (`data/rules.json`, `data/catalogue.json`, `data/places/*.json`),
//! as serde reads them: unknown fields refused. Schema and meaning: data/places/README.md.

use serde::Deserialize;
use std::path::Path;

/// A data file read as its shape, or an error naming the file.
pub fn read<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    pub version: String,
    pub rules: Vec<Rule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub title: String,
    pub document: String,
    pub effective: String,
    pub summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    #[allow(dead_code)]
    pub note: String,
    pub items: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub name: String,
    pub keywords: Vec<String>,
    pub kind: String,
    #[serde(default)]
    pub cosmetic: bool,
    #[serde(default)]
    pub requires: Option<String>,
    pub venues: Vec<String>,
    pub pooled: String,
    pub own: String,
    pub shared: String,
    pub quota: String,
    #[serde(default)]
    pub gate: Option<String>,
    /// Excluded from personal accounts by 国办发〔2021〕14号 from this date; before it, local.
    #[serde(default)]
    pub excluded_from: Option<String>,
    pub rule: String,
    pub note: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    #[serde(default)]
    pub publisher: Option<String>,
    pub date: String,
    #[serde(default)]
    pub url: Option<String>,
    pub grade: String,
    #[serde(default)]
    pub read_at: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct DateFact {
    #[serde(default)]
    pub on: Option<String>,
    #[serde(default)]
    pub not_before: Option<String>,
    #[serde(default)]
    pub by: Option<String>,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    #[serde(default)]
    pub sharing_from: Option<DateFact>,
    #[serde(default)]
    pub cross_city_from: Option<DateFact>,
    #[serde(default)]
    pub close_relatives_from: Option<DateFact>,
    #[serde(default)]
    pub resident_premium_from: Option<DateFact>,
    #[serde(default)]
    pub cross_province_from: Option<DateFact>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Shareable {
    pub model: String,
    #[serde(default)]
    pub floor: Option<String>,
    pub from: String,
    #[serde(default)]
    pub until: Option<String>,
    pub account: String,
    pub ordered: bool,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct ItemDecision {
    pub item: String,
    #[serde(default)]
    pub own: Option<String>,
    #[serde(default)]
    pub shared: Option<String>,
    pub from: String,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Whom an account may pay for, per item (SPEC §10.2): relations added to the national circle,
/// or the only relations allowed for these items.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Circle {
    #[serde(default)]
    pub items: Vec<String>,
    #[serde(default)]
    pub add: Vec<String>,
    #[serde(default)]
    pub only: Option<Vec<String>>,
    pub from: String,
    #[serde(default)]
    pub until: Option<String>,
    /// The end known only as a window: applies before `not_before`, not from `by`, depends between.
    #[serde(default)]
    pub ends: Option<Ends>,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Ends {
    pub not_before: String,
    pub by: String,
    /// Why the end is known only as a window (checked, not emitted).
    pub note: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: String,
    pub sources: Vec<Source>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Credit {
    pub who: String,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub rule: Option<String>,
    #[serde(default)]
    pub rate: Option<String>,
    #[serde(default)]
    pub basis: Option<String>,
    #[serde(default)]
    pub amount: Option<String>,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    pub case: String,
    pub text: String,
    #[serde(default)]
    pub from: Option<String>,
    pub sources: Vec<Source>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    /// (cities) The GB/T 2260 code.
    #[serde(default)]
    pub code: Option<String>,
    pub kind: String,
    pub name: String,
    pub names: Vec<String>,
    pub parent: Option<String>,
    pub checked: String,
    pub summary: String,
    #[serde(default)]
    pub channels: Vec<String>,
    #[serde(default)]
    pub facts: Facts,
    #[serde(default)]
    pub shareable: Vec<Shareable>,
    #[serde(default)]
    pub items: Vec<ItemDecision>,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub credit: Vec<Credit>,
    #[serde(default)]
    pub withdrawal: Vec<Withdrawal>,
    #[serde(default)]
    pub circles: Vec<Circle>,
    /// (province) Basic medical insurance pooled at province level: one 统筹区 from this date.
    #[serde(default)]
    pub pooling: Option<DateFact>,
}
