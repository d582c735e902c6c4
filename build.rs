//! Compiles the rule, catalogue and region data files (`data/`) into static Rust tables.
//!
//! Why: the engine must not read files or parse JSON at run time (the wasm module would carry a
//! JSON parser and pay the parse on every page load). The data stays in reviewable JSON files with
//! a source and an effective date on every value; this script checks them and writes
//! `$OUT_DIR/data_tables.rs`, which `src/data/mod.rs` includes. A bad data file fails the build
//! with a message naming the file and the value.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    version: String,
    rules: Vec<Rule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    id: String,
    title: String,
    document: String,
    effective: String,
    summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    #[allow(dead_code)]
    note: String,
    items: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    id: String,
    name: String,
    keywords: Vec<String>,
    kind: String,
    #[serde(default)]
    cosmetic: bool,
    #[serde(default)]
    requires: Option<String>,
    venues: Vec<String>,
    pooled: String,
    own: String,
    shared: String,
    quota: bool,
    rule: String,
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sourced {
    value: String,
    source: String,
    effective: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Region {
    id: String,
    name: String,
    province: Option<String>,
    note: String,
    sharing_from: Sourced,
    close_relatives_from: Sourced,
    cross_province_from: Sourced,
    ltc: Sourced,
    depends: Vec<DependsRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DependsRule {
    item: String,
    own: bool,
    shared: bool,
    source: String,
    effective: String,
    note: String,
}

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let code = generate(Path::new("data")).unwrap_or_else(|e| panic!("data/ is invalid: {e}"));
    std::fs::write(Path::new(&out).join("data_tables.rs"), code).expect("write data_tables.rs");
}

fn read<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn date(s: &str, what: &str) -> Result<String, String> {
    let bad = || format!("{what}: '{s}' is not a YYYY-MM-DD date");
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return Err(bad());
    }
    let y: u16 = parts[0].parse().map_err(|_| bad())?;
    let m: u8 = parts[1].parse().map_err(|_| bad())?;
    let d: u8 = parts[2].parse().map_err(|_| bad())?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    Ok(format!("Date::new({y}, {m}, {d})"))
}

fn variant(value: &str, allowed: &[(&str, &str)], what: &str) -> Result<String, String> {
    allowed
        .iter()
        .find(|(k, _)| *k == value)
        .map(|(_, v)| v.to_string())
        .ok_or_else(|| format!("{what}: unknown value '{value}'"))
}

fn need_text(s: &str, what: &str) -> Result<(), String> {
    if s.trim().is_empty() {
        Err(format!("{what} must not be empty (every value needs a source)"))
    } else {
        Ok(())
    }
}

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
const REQUIRES: &[(&str, &str)] = &[
    ("resident_enrollee", "Requirement::ResidentEnrollee"),
    ("ltc_region", "Requirement::LtcRegion"),
];
const TRI: &[(&str, &str)] = &[("yes", "Tri::Yes"), ("no", "Tri::No"), ("unknown", "Tri::Unknown")];

fn sourced(s: &Sourced, what: &str, value: String) -> Result<String, String> {
    need_text(&s.source, &format!("{what}.source"))?;
    Ok(format!(
        "Sourced {{ value: {value}, source: {}, effective: {} }}",
        lit(&s.source),
        date(&s.effective, &format!("{what}.effective"))?
    ))
}

fn generate(dir: &Path) -> Result<String, String> {
    let rules: RulesFile = read(&dir.join("rules.json"))?;
    let catalogue: CatalogueFile = read(&dir.join("catalogue.json"))?;
    let mut code = String::from("// @generated by build.rs from data/*.json. Do not edit.\n");

    date(&rules.version, "rules.version")?;
    writeln!(code, "pub const RULES_VERSION: &str = {};", lit(&rules.version)).unwrap();

    let mut rule_ids = BTreeSet::new();
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

    let mut item_ids = BTreeSet::new();
    let mut depends_items = BTreeSet::new();
    code.push_str("pub static ITEMS: &[Item] = &[\n");
    for it in &catalogue.items {
        let what = format!("catalogue item {}", it.id);
        if !item_ids.insert(it.id.clone()) {
            return Err(format!("{what}: duplicate id"));
        }
        if !rule_ids.contains(&it.rule) {
            return Err(format!("{what}: rule {} is not in rules.json", it.rule));
        }
        if it.keywords.is_empty() || it.venues.is_empty() {
            return Err(format!("{what}: needs keywords and venues"));
        }
        if it.own == "depends" || it.shared == "depends" {
            depends_items.insert(it.id.clone());
        }
        let venues: Result<Vec<String>, String> =
            it.venues.iter().map(|v| variant(v, VENUE, &what)).collect();
        let requires = match &it.requires {
            Some(r) => format!("Some({})", variant(r, REQUIRES, &what)?),
            None => "None".into(),
        };
        writeln!(
            code,
            "  Item {{ id: {}, name: {}, keywords: &[{}], kind: {}, cosmetic: {}, requires: {}, venues: &[{}], pooled: {}, own: {}, shared: {}, quota: {}, rule: {}, note: {} }},",
            lit(&it.id),
            lit(&it.name),
            it.keywords.iter().map(|k| lit(k)).collect::<Vec<_>>().join(", "),
            variant(&it.kind, KIND, &what)?,
            it.cosmetic,
            requires,
            venues?.join(", "),
            variant(&it.pooled, POOLED, &what)?,
            variant(&it.own, PAYABILITY, &what)?,
            variant(&it.shared, PAYABILITY, &what)?,
            it.quota,
            lit(&it.rule),
            lit(&it.note)
        )
        .unwrap();
    }
    code.push_str("];\n");

    let mut region_files: Vec<_> = std::fs::read_dir(dir.join("regions"))
        .map_err(|e| format!("data/regions: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    region_files.sort();
    let mut region_ids = BTreeSet::new();
    code.push_str("pub static REGIONS: &[Region] = &[\n");
    for path in &region_files {
        let r: Region = read(path)?;
        let what = format!("{} ({})", path.display(), r.id);
        if !region_ids.insert(r.id.clone()) {
            return Err(format!("{what}: duplicate region id"));
        }
        need_text(&r.name, &format!("{what} name"))?;
        let mut depends = String::new();
        for d in &r.depends {
            if !depends_items.contains(&d.item) {
                return Err(format!("{what}: depends entry for '{}', which is not a 'depends' item", d.item));
            }
            need_text(&d.source, &format!("{what} depends {} source", d.item))?;
            write!(
                depends,
                "DependsRule {{ item: {}, own: {}, shared: {}, source: {}, effective: {}, note: {} }}, ",
                lit(&d.item),
                d.own,
                d.shared,
                lit(&d.source),
                date(&d.effective, &what)?,
                lit(&d.note)
            )
            .unwrap();
        }
        writeln!(
            code,
            "  Region {{ id: {}, name: {}, province: {}, note: {}, sharing_from: {}, close_relatives_from: {}, cross_province_from: {}, ltc: {}, depends: &[{}] }},",
            lit(&r.id),
            lit(&r.name),
            match &r.province { Some(p) => format!("Some({})", lit(p)), None => "None".into() },
            lit(&r.note),
            sourced(&r.sharing_from, &format!("{what} sharing_from"), date(&r.sharing_from.value, &what)?)?,
            sourced(&r.close_relatives_from, &format!("{what} close_relatives_from"), date(&r.close_relatives_from.value, &what)?)?,
            sourced(&r.cross_province_from, &format!("{what} cross_province_from"), date(&r.cross_province_from.value, &what)?)?,
            sourced(&r.ltc, &format!("{what} ltc"), variant(&r.ltc.value, TRI, &what)?)?,
            depends
        )
        .unwrap();
    }
    code.push_str("];\n");
    if !region_ids.contains("national") {
        return Err("data/regions/national.json is required".into());
    }
    Ok(code)
}
