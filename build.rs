//! Compiles the rule, catalogue and region data files (`data/`) into static Rust tables.
//!
//! Why: the engine must not read files or parse JSON at run time (the wasm module would carry a
//! JSON parser and pay the parse on every page load). The data stays in reviewable JSON files with
//! a source and an effective date on every value; this script checks them and writes
//! `$OUT_DIR/data_tables.rs`, which `src/data/mod.rs` includes. A bad data file fails the build
//! with a message naming the file and the value.

#[path = "build/divisions.rs"]
mod divisions;

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
    quota: String,
    #[serde(default)]
    gate: Option<String>,
    /// Excluded from personal accounts by 国办发〔2021〕14号 from this date; before it, local.
    #[serde(default)]
    excluded_from: Option<String>,
    rule: String,
    note: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Source {
    title: String,
    #[serde(default)]
    publisher: Option<String>,
    date: String,
    #[serde(default)]
    url: Option<String>,
    grade: String,
    #[serde(default)]
    read_at: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct DateFact {
    #[serde(default)]
    on: Option<String>,
    #[serde(default)]
    not_before: Option<String>,
    #[serde(default)]
    by: Option<String>,
    sources: Vec<Source>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
struct Facts {
    #[serde(default)]
    sharing_from: Option<DateFact>,
    #[serde(default)]
    cross_city_from: Option<DateFact>,
    #[serde(default)]
    close_relatives_from: Option<DateFact>,
    #[serde(default)]
    resident_premium_from: Option<DateFact>,
    #[serde(default)]
    cross_province_from: Option<DateFact>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Shareable {
    model: String,
    #[serde(default)]
    floor: Option<String>,
    from: String,
    #[serde(default)]
    until: Option<String>,
    account: String,
    ordered: bool,
    sources: Vec<Source>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct ItemDecision {
    item: String,
    #[serde(default)]
    own: Option<String>,
    #[serde(default)]
    shared: Option<String>,
    from: String,
    sources: Vec<Source>,
    #[serde(default)]
    note: Option<String>,
}

/// Whom an account may pay for, per item (SPEC §10.2): relations added to the national circle,
/// or the only relations allowed for these items.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Circle {
    #[serde(default)]
    items: Vec<String>,
    #[serde(default)]
    add: Vec<String>,
    #[serde(default)]
    only: Option<Vec<String>>,
    from: String,
    #[serde(default)]
    until: Option<String>,
    /// The end known only as a window: applies before `not_before`, not from `by`, depends between.
    #[serde(default)]
    ends: Option<Ends>,
    sources: Vec<Source>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Ends {
    not_before: String,
    by: String,
    /// Why the end is known only as a window (checked, not emitted).
    note: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Note {
    text: String,
    sources: Vec<Source>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Credit {
    who: String,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    rule: Option<String>,
    #[serde(default)]
    rate: Option<String>,
    #[serde(default)]
    basis: Option<String>,
    #[serde(default)]
    amount: Option<String>,
    sources: Vec<Source>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Withdrawal {
    case: String,
    text: String,
    #[serde(default)]
    from: Option<String>,
    sources: Vec<Source>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Place {
    id: String,
    /// (cities) The GB/T 2260 code.
    #[serde(default)]
    code: Option<String>,
    kind: String,
    name: String,
    names: Vec<String>,
    parent: Option<String>,
    checked: String,
    summary: String,
    #[serde(default)]
    channels: Vec<String>,
    #[serde(default)]
    facts: Facts,
    #[serde(default)]
    shareable: Vec<Shareable>,
    #[serde(default)]
    items: Vec<ItemDecision>,
    #[serde(default)]
    notes: Vec<Note>,
    #[serde(default)]
    credit: Vec<Credit>,
    #[serde(default)]
    withdrawal: Vec<Withdrawal>,
    #[serde(default)]
    circles: Vec<Circle>,
    /// (province) Basic medical insurance pooled at province level: one 统筹区 from this date.
    #[serde(default)]
    pooling: Option<DateFact>,
}

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=data/places");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/divisions.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let (code, cities) = generate(Path::new("data")).unwrap_or_else(|e| panic!("data/ is invalid: {e}"));
    std::fs::write(Path::new(&out).join("data_tables.rs"), code).expect("write data_tables.rs");
    std::fs::write(Path::new(&out).join("divisions.rs"), cities).expect("write divisions.rs");
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
const REQUIRES: &[(&str, &str)] =
    &[("resident_enrollee", "Requirement::ResidentEnrollee"), ("employee_enrollee", "Requirement::EmployeeEnrollee")];
const QUOTA: &[(&str, &str)] = &[("no", "QuotaScope::No"), ("as_shared", "QuotaScope::AsShared"), ("yes", "QuotaScope::Yes")];
const GATE: &[(&str, &str)] = &[("resident_premium", "Gate::ResidentPremium")];
const TRI: &[(&str, &str)] = &[("yes", "Tri::Yes"), ("no", "Tri::No"), ("depends", "Tri::Depends")];
const PLACE_KIND: &[(&str, &str)] =
    &[("national", "PlaceKind::National"), ("province", "PlaceKind::Province"), ("city", "PlaceKind::City")];
const GRADE: &[(&str, &str)] = &[
    ("official", "Grade::Official"),
    ("official_copy", "Grade::OfficialCopy"),
    ("official_news", "Grade::OfficialNews"),
    ("official_news_copy", "Grade::OfficialNewsCopy"),
];
const MODEL: &[(&str, &str)] = &[("above_floor", "ShareModel::AboveFloor"), ("prior_years", "ShareModel::PriorYears")];
const WHO: &[(&str, &str)] = &[("employee", "CreditWho::Employee"), ("retired", "CreditWho::Retired")];
/// Facts that may differ between the cities of one province (SPEC §10.1); the others
/// (cross-city sharing, cross-province quotas, pooling) are the province's or the nation's.
const VARY_BY_CITY: &[&str] = &["sharing_from", "close_relatives_from", "resident_premium_from"];

/// Relations of a circle, as seen from the sharer (`self` is the own account, always allowed).
const CIRCLE_KIN: &[(&str, &str)] = &[
    ("self", ""),
    ("spouse", "Kin::Spouse"),
    ("parent", "Kin::ParentChild"),
    ("child", "Kin::ParentChild"),
    ("sibling", "Kin::Siblings"),
    ("grandparent", "Kin::GrandparentGrandchild"),
    ("grandchild", "Kin::GrandparentGrandchild"),
    ("spouse_parent", "Kin::SpouseParent"),
    ("child_spouse", "Kin::ChildSpouse"),
];

fn opt_lit(s: &Option<String>) -> String {
    match s {
        Some(v) => format!("Some({})", lit(v)),
        None => "None".into(),
    }
}

/// A source's date: `YYYY-MM-DD` or `YYYY-MM`.
fn source_date(s: &str, what: &str) -> Result<(), String> {
    if s.len() == 7 {
        date(&format!("{s}-01"), what).map(|_| ())
    } else {
        date(s, what).map(|_| ())
    }
}

/// Building for the browser (wasm32): leave out what only a reader of sources needs — where a
/// source can be read (publisher, addresses), and the texts no answer uses and the calculator
/// page does not show: a place's summary and notes, the notes on its dates. `gongji regions`
/// (native) keeps all of it; the built site ships the summaries as `places.json` for the embed
/// builder (scripts/build-site.mjs). About 5 KB gzip of the module (issue 17).
fn lean() -> bool {
    std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32")
}

thread_local! {
    /// Every distinct source, emitted once as a static (`SOURCE_n`) and referred to by address.
    static SOURCES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

thread_local! {
    /// Every distinct list of channels, emitted once (most places inherit their province's).
    static CHANNELS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A place's channels as a reference to the one static holding that list.
fn channel_list(channels: &[String]) -> String {
    let list = channels.iter().map(|n| lit(n)).collect::<Vec<_>>().join(", ");
    let n = CHANNELS.with(|all| {
        let mut all = all.borrow_mut();
        all.iter().position(|s| *s == list).unwrap_or_else(|| {
            all.push(list);
            all.len() - 1
        })
    });
    format!("CHANNELS_{n}")
}

/// The host of an address (`https://ybj.fujian.gov.cn/…` → `ybj.fujian.gov.cn`).
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#', ':']).next().unwrap_or("")
}

fn is_government(url: &str) -> bool {
    let h = host(url);
    h == "gov.cn" || h.ends_with(".gov.cn")
}

/// Where a source was read is not what it is (data/places/README.md): an official text is cited
/// at its government address; a copy (`*_copy`) names the copy it was read on in `read_at`, and
/// `url` only when the original's government address is known. So no mirror, portal or
/// aggregator page is ever given as a source's address.
fn check_addresses(x: &Source, w: &str) -> Result<(), String> {
    let copy = x.grade.ends_with("_copy");
    if x.grade == "official" && !x.url.as_deref().is_some_and(is_government) {
        return Err(format!("{w}: an `official` source needs its government address in url (…gov.cn)"));
    }
    if copy && x.read_at.is_none() {
        return Err(format!("{w}: a copy ({}) needs read_at, the address of the copy that was read", x.grade));
    }
    if let Some(u) = x.url.as_deref().filter(|u| copy && !is_government(u)) {
        return Err(format!("{w}: url {u} is not the original's government address; the copy goes in read_at"));
    }
    Ok(())
}

fn sources(list: &[Source], what: &str) -> Result<String, String> {
    cited(list, what, true)
}

/// Checks a list of sources that the build leaves out (a note the wasm build does not carry):
/// the data stays valid for every target, and no unused `SOURCE_n` static is emitted.
fn check_sources(list: &[Source], what: &str) -> Result<(), String> {
    cited(list, what, false).map(|_| ())
}

fn cited(list: &[Source], what: &str, emit: bool) -> Result<String, String> {
    if list.is_empty() {
        return Err(format!("{what}: needs at least one source (title, date, grade)"));
    }
    let mut out = String::from("&[");
    for (i, x) in list.iter().enumerate() {
        let w = format!("{what} source {i}");
        need_text(&x.title, &format!("{w} title"))?;
        source_date(&x.date, &format!("{w} date"))?;
        let grade =
            variant(&x.grade, GRADE, &format!("{w} grade (official | official_copy | official_news | official_news_copy)"))?;
        check_addresses(x, &w)?;
        // The wasm module carries each source's title, date and grade; where to read it
        // (publisher, addresses) is in the native CLI's `gongji regions`, docs/PLACES.md and the
        // data files. It keeps the module within its size budget for the phone's first visit.
        let (publisher, url, read_at) =
            if lean() { (None, None, None) } else { (x.publisher.clone(), x.url.clone(), x.read_at.clone()) };
        let mut one = String::new();
        write!(
            one,
            "Source {{ title: {}, publisher: {}, date: {}, url: {}, grade: {grade}, read_at: {} }}",
            lit(&x.title),
            opt_lit(&publisher),
            lit(&x.date),
            opt_lit(&url),
            opt_lit(&read_at)
        )
        .unwrap();
        if !emit {
            continue;
        }
        let n = SOURCES.with(|all| {
            let mut all = all.borrow_mut();
            all.iter().position(|s| *s == one).unwrap_or_else(|| {
                all.push(one);
                all.len() - 1
            })
        });
        write!(out, "&SOURCE_{n}, ").unwrap();
    }
    out.push(']');
    Ok(out)
}

/// Cents of a "2000.00" amount (data only; never negative).
fn cents(s: &str, what: &str) -> Result<u64, String> {
    let (whole, frac) = s.split_once('.').unwrap_or((s, "00"));
    if frac.len() != 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || whole.is_empty()
    {
        return Err(format!("{what}: '{s}' is not an amount like 2000.00"));
    }
    let w: u64 = whole.parse().map_err(|_| format!("{what}: '{s}' is too large"))?;
    let f: u64 = frac.parse().map_err(|_| format!("{what}: bad amount"))?;
    Ok(w * 100 + f)
}

fn date_fact(f: &DateFact, what: &str, origin: &str) -> Result<String, String> {
    let (nb, by) = match (&f.on, &f.not_before, &f.by) {
        (Some(on), None, None) => (on.clone(), on.clone()),
        (None, Some(nb), Some(by)) => (nb.clone(), by.clone()),
        _ => return Err(format!("{what}: give either `on`, or both `not_before` and `by`")),
    };
    let (nbd, byd) = (date(&nb, what)?, date(&by, what)?);
    if nb > by {
        return Err(format!("{what}: not_before {nb} is after by {by}"));
    }
    Ok(format!(
        "DateFact {{ not_before: {nbd}, by: {byd}, sources: {}, note: {}, place: {} }}",
        sources(&f.sources, what)?,
        opt_lit(&if lean() { None } else { f.note.clone() }),
        lit(origin)
    ))
}

fn generate(dir: &Path) -> Result<(String, String), String> {
    let rules: RulesFile = read(&dir.join("rules.json"))?;
    let catalogue: CatalogueFile = read(&dir.join("catalogue.json"))?;
    let mut code = String::from("// @generated by build.rs from data/*.json. Do not edit.\n");

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
        let venues: Result<Vec<String>, String> = it.venues.iter().map(|v| variant(v, VENUE, &what)).collect();
        let requires = match &it.requires {
            Some(r) => format!("Some({})", variant(r, REQUIRES, &what)?),
            None => "None".into(),
        };
        writeln!(
            code,
            "  Item {{ id: {}, name: {}, keywords: &[{}], kind: {}, cosmetic: {}, requires: {}, venues: &[{}], pooled: {}, own: {}, shared: {}, quota: {}, gate: {}, excluded_from: {}, rule: {}, note: {} }},",
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
            variant(&it.quota, QUOTA, &what)?,
            match &it.gate { Some(g) => format!("Some({})", variant(g, GATE, &what)?), None => "None".into() },
            match &it.excluded_from { Some(d) => format!("Some({})", date(d, &what)?), None => "None".into() },
            lit(&it.rule),
            lit(&it.note)
        )
        .unwrap();
    }
    code.push_str("];\n");

    let mut files: Vec<_> = std::fs::read_dir(dir.join("places"))
        .map_err(|e| format!("data/places: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut places: Vec<Place> = Vec::new();
    for path in &files {
        let p: Place = read(path)?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if p.id != stem {
            return Err(format!("{}: id '{}' must match the file name", path.display(), p.id));
        }
        places.push(p);
    }
    // national first, then provinces, then cities (each by id): the table order is the listing order.
    let rank = |k: &str| match k {
        "national" => 0,
        "province" => 1,
        _ => 2,
    };
    places.sort_by(|a, b| (rank(&a.kind), &a.id).cmp(&(rank(&b.kind), &b.id)));
    let index = |id: &str| places.iter().position(|p| p.id == id);
    if places.first().map(|p| p.id.as_str()) != Some("national") {
        return Err("data/places/national.json is required (kind national)".into());
    }
    let mut all_names = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for p in &places {
        let what = format!("data/places/{}.json", p.id);
        if !ids.insert(p.id.clone()) {
            return Err(format!("{what}: duplicate id"));
        }
        variant(&p.kind, PLACE_KIND, &format!("{what} kind"))?;
        if let Some(c) = &p.code {
            if p.kind != "city" || c.len() != 6 || !c.bytes().all(|b| b.is_ascii_digit()) || c.ends_with("0000") {
                return Err(format!("{what}: code must be a city's 6-digit GB/T 2260 code"));
            }
        }
        date(&p.checked, &format!("{what} checked"))?;
        need_text(&p.name, &format!("{what} name"))?;
        need_text(&p.summary, &format!("{what} summary"))?;
        let want_parent = match p.kind.as_str() {
            "national" => None,
            "province" => Some("national"),
            _ => p.parent.as_deref(),
        };
        if p.parent.as_deref() != want_parent
            || (p.kind == "city" && p.parent.as_deref().and_then(index).map(|i| places[i].kind.as_str()) != Some("province"))
        {
            return Err(format!("{what}: parent must be null (national), \"national\" (province) or a province id (city)"));
        }
        for n in p.names.iter().chain(std::iter::once(&p.id)) {
            if !all_names.insert(n.clone()) {
                return Err(format!("{what}: the name '{n}' is used by another place"));
            }
        }
    }
    // Each place with its chain (itself, parent, …, national) and its facts resolved along it.
    let chain_of = |i: usize| -> Vec<usize> {
        let mut c = vec![i];
        let mut at = i;
        while let Some(parent) = places[at].parent.as_deref().and_then(index) {
            if c.contains(&parent) {
                break;
            }
            c.push(parent);
            at = parent;
        }
        c
    };
    // Each place's own facts once, as statics; a place refers to the nearest along its chain.
    type Pick = fn(&Facts) -> &Option<DateFact>;
    let picks: [(Pick, &str); 5] = [
        (|f| &f.sharing_from, "sharing_from"),
        (|f| &f.cross_city_from, "cross_city_from"),
        (|f| &f.close_relatives_from, "close_relatives_from"),
        (|f| &f.resident_premium_from, "resident_premium_from"),
        (|f| &f.cross_province_from, "cross_province_from"),
    ];
    // SPEC §10.1: a value that differs between the cities of a province is, for the province
    // and its cities without a value of their own, a window from the earliest to the latest
    // date known in the province (never one city's exact date). `varied[(province, fact)]`.
    let mut varied: std::collections::BTreeMap<(usize, &str), String> = std::collections::BTreeMap::new();
    for (i, prov) in places.iter().enumerate().filter(|(_, q)| q.kind == "province") {
        for (pick, name) in picks.iter().filter(|(_, n)| VARY_BY_CITY.contains(n)) {
            let own = chain_of(i).iter().find_map(|&j| pick(&places[j].facts).as_ref().map(|f| (f, &places[j])));
            let Some((base, base_place)) = own else { continue };
            let cities: Vec<(&Place, &DateFact)> = places
                .iter()
                .filter(|c| c.kind == "city" && c.parent.as_deref() == Some(prov.id.as_str()))
                .filter_map(|c| pick(&c.facts).as_ref().map(|f| (c, f)))
                .collect();
            let span = |f: &DateFact| -> (String, String) {
                match (&f.on, &f.not_before, &f.by) {
                    (Some(on), _, _) => (on.clone(), on.clone()),
                    (None, Some(nb), Some(by)) => (nb.clone(), by.clone()),
                    _ => (String::new(), String::new()),
                }
            };
            let (b_nb, b_by) = span(base);
            if cities.iter().all(|(_, f)| span(f) == (b_nb.clone(), b_by.clone())) {
                continue;
            }
            let not_before = cities.iter().map(|(_, f)| span(f).0).chain([b_nb.clone()]).min().unwrap_or_default();
            let by = cities.iter().map(|(_, f)| span(f).1).chain([b_by.clone()]).max().unwrap_or_default();
            let mut sources = base.sources.clone();
            for (_, f) in &cities {
                sources.extend(f.sources.iter().cloned());
            }
            let names: Vec<&str> = cities.iter().map(|(c, _)| c.name.as_str()).collect();
            let window = DateFact {
                on: None,
                not_before: Some(not_before),
                by: Some(by),
                sources,
                note: Some(format!(
                    "{}各地不同：{}有自己的日期，{}的日期是{}；没有本地来源的城市按全省最早到最晚的日期之间计算。",
                    prov.name,
                    names.join("、"),
                    base_place.name,
                    if b_nb == b_by { b_nb.clone() } else { format!("{b_nb}至{b_by}之间") }
                )),
            };
            let v = date_fact(&window, &format!("data/places/{}.json facts.{name} (varies by city)", prov.id), &prov.id)?;
            writeln!(code, "static FACT_{i}_{}_VARIED: DateFact = {v};", name.to_uppercase()).unwrap();
            varied.insert((i, name), format!("&FACT_{i}_{}_VARIED", name.to_uppercase()));
        }
    }
    // Each place's own facts, except a province's where its cities differ (the window replaces
    // it for the province and its cities without a value: nothing refers to it any more).
    for (j, q) in places.iter().enumerate() {
        for (pick, name) in picks {
            if let Some(f) = pick(&q.facts) {
                let v = date_fact(f, &format!("data/places/{}.json facts.{name}", q.id), &q.id)?;
                if !varied.contains_key(&(j, name)) {
                    writeln!(code, "static FACT_{j}_{}: DateFact = {v};", name.to_uppercase()).unwrap();
                }
            }
        }
    }
    code.push_str("pub static PLACES: &[Place] = &[\n");
    for (i, p) in places.iter().enumerate() {
        let what = format!("data/places/{}.json", p.id);
        let chain = chain_of(i);
        let fact = |pick: Pick, name: &str| -> Result<String, String> {
            for &j in &chain {
                // A province's value, for itself (a member who names only the province) or a
                // city without its own: windowed where its cities differ.
                if let Some(w) = varied.get(&(j, name)) {
                    return Ok(w.clone());
                }
                if pick(&places[j].facts).is_some() {
                    return Ok(format!("&FACT_{j}_{}", name.to_uppercase()));
                }
            }
            Err(format!("data/places/national.json: facts.{name} is required"))
        };
        let mut items = String::from("&[");
        for d in &p.items {
            let w = format!("{what} items[{}]", d.item);
            if !depends_items.contains(&d.item) {
                return Err(format!("{w}: not a 'depends' item of catalogue.json"));
            }
            let tri = |v: &Option<String>| -> Result<String, String> {
                match v {
                    Some(v) => Ok(format!("Some({})", variant(v, TRI, &w)?)),
                    None => Ok("None".into()),
                }
            };
            write!(
                items,
                "ItemDecision {{ item: {}, own: {}, shared: {}, from: {}, sources: {}, note: {} }}, ",
                lit(&d.item),
                tri(&d.own)?,
                tri(&d.shared)?,
                date(&d.from, &w)?,
                sources(&d.sources, &w)?,
                opt_lit(&d.note)
            )
            .unwrap();
        }
        items.push(']');
        // The money model is inherited from the nearest place that has one.
        let own_or_parent = chain.iter().map(|&j| &places[j]).find(|q| !q.shareable.is_empty());
        let mut shareable = String::from("&[");
        for sh in own_or_parent.map(|q| q.shareable.as_slice()).unwrap_or(&[]) {
            let w = format!("{what} shareable");
            let floor = match (sh.model.as_str(), &sh.floor) {
                ("above_floor", Some(f)) => cents(f, &w)?,
                ("above_floor", None) => return Err(format!("{w}: above_floor needs a floor")),
                _ => 0,
            };
            write!(
                shareable,
                "Shareable {{ model: {}, floor_cents: {floor}, from: {}, until: {}, account: {}, ordered: {}, sources: {}, note: {} }}, ",
                variant(&sh.model, MODEL, &w)?, date(&sh.from, &w)?,
                match &sh.until { Some(u) => format!("Some({})", date(u, &w)?), None => "None".into() },
                lit(&sh.account), sh.ordered, sources(&sh.sources, &w)?, opt_lit(&sh.note)
            ).unwrap();
        }
        shareable.push(']');
        let mut notes = String::from("&[");
        for (k, n) in p.notes.iter().enumerate() {
            let w = format!("{what} notes[{k}]");
            need_text(&n.text, &w)?;
            if lean() {
                check_sources(&n.sources, &w)?;
            } else {
                write!(notes, "Note {{ text: {}, sources: {} }}, ", lit(&n.text), sources(&n.sources, &w)?).unwrap();
            }
        }
        notes.push(']');
        let mut credit = String::from("&[");
        for (k, c) in p.credit.iter().enumerate() {
            let w = format!("{what} credit[{k}]");
            if let Some(a) = &c.amount {
                cents(a, &w)?;
            }
            write!(
                credit,
                "CreditFact {{ who: {}, from: {}, rule: {}, rate: {}, basis: {}, amount: {}, sources: {}, note: {} }}, ",
                variant(&c.who, WHO, &w)?,
                match &c.from {
                    Some(f) => format!("Some({})", date(f, &w)?),
                    None => "None".into(),
                },
                opt_lit(&c.rule),
                opt_lit(&c.rate),
                opt_lit(&c.basis),
                opt_lit(&c.amount),
                sources(&c.sources, &w)?,
                opt_lit(&c.note)
            )
            .unwrap();
        }
        credit.push(']');
        let mut withdrawal = String::from("&[");
        for (k, c) in p.withdrawal.iter().enumerate() {
            let w = format!("{what} withdrawal[{k}]");
            need_text(&c.text, &w)?;
            write!(
                withdrawal,
                "WithdrawalFact {{ case: {}, text: {}, from: {}, sources: {} }}, ",
                lit(&c.case),
                lit(&c.text),
                match &c.from {
                    Some(f) => format!("Some({})", date(f, &w)?),
                    None => "None".into(),
                },
                sources(&c.sources, &w)?
            )
            .unwrap();
        }
        withdrawal.push(']');
        let mut circles = String::from("&[");
        // A province also carries, as only possible (`maybe`), what its cities add (SPEC §10.1:
        // a value that varies between cities is `depends` where the city is not known).
        let from_cities: Vec<(String, Circle, String)> = if p.kind == "province" {
            places
                .iter()
                .filter(|c| c.kind == "city" && c.parent.as_deref() == Some(p.id.as_str()))
                .flat_map(|c| {
                    c.circles.iter().filter(|x| !x.add.is_empty()).enumerate().map(move |(k, x)| {
                        let mut x = x.clone();
                        x.note = Some(format!(
                            "{}的规定（{}其他城市没有查到）。{}",
                            c.name,
                            p.name,
                            x.note.clone().unwrap_or_default()
                        ));
                        (format!("data/places/{}.json circles[{k}]", c.id), x, c.name.clone())
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        let own = p.circles.iter().enumerate().map(|(k, c)| (format!("{what} circles[{k}]"), c.clone(), false, String::new()));
        for (w, c, maybe, city) in own.chain(from_cities.into_iter().map(|(w, c, city)| (w, c, true, city))) {
            let c = &c;
            for i in &c.items {
                if !item_ids.contains(i) {
                    return Err(format!("{w}: unknown item {i}"));
                }
            }
            let kins = |list: &[String]| -> Result<String, String> {
                let mut out: Vec<String> = Vec::new();
                for r in list {
                    let k = variant(r, CIRCLE_KIN, &w)?;
                    if !k.is_empty() && !out.contains(&k) {
                        out.push(k);
                    }
                }
                Ok(format!("&[{}]", out.join(", ")))
            };
            if c.add.is_empty() == c.only.is_none() {
                return Err(format!("{w}: give either `add` (relations added to the national circle) or `only`"));
            }
            let (until, ends_by) = match (&c.until, &c.ends) {
                (Some(u), None) => (date(u, &w)?, date(u, &w)?),
                (None, Some(e)) => {
                    need_text(&e.note, &format!("{w} ends.note"))?;
                    if e.not_before > e.by {
                        return Err(format!("{w}: ends.not_before is after ends.by"));
                    }
                    (date(&e.not_before, &w)?, date(&e.by, &w)?)
                }
                (None, None) => ("Date::MAX".into(), "Date::MAX".into()),
                (Some(_), Some(_)) => return Err(format!("{w}: give `until` or `ends`, not both")),
            };
            write!(
                circles,
                "Circle {{ items: &[{}], add: {}, only: {}, from: {}, until: {until}, ends_by: {ends_by}, maybe: {maybe}, city: {}, sources: {}, note: {} }}, ",
                c.items.iter().map(|i| lit(i)).collect::<Vec<_>>().join(", "),
                kins(&c.add)?,
                match &c.only {
                    Some(o) => format!("Some({})", kins(o)?),
                    None => "None".into(),
                },
                date(&c.from, &w)?,
                lit(&city),
                sources(&c.sources, &w)?,
                opt_lit(&c.note)
            )
            .unwrap();
        }
        circles.push(']');
        let pooling = match &p.pooling {
            Some(f) if p.kind == "province" => format!("Some(&{})", date_fact(f, &format!("{what} pooling"), &p.id)?),
            Some(_) => return Err(format!("{what}: pooling is a province's fact")),
            None => {
                // A city's province decides.
                match chain.iter().skip(1).map(|&j| &places[j]).find_map(|q| q.pooling.as_ref().map(|f| (q, f))) {
                    Some((q, f)) => format!("Some(&{})", date_fact(f, &format!("data/places/{}.json pooling", q.id), &q.id)?),
                    None => "None".into(),
                }
            }
        };
        let channels =
            chain.iter().map(|&j| &places[j]).find(|q| !q.channels.is_empty()).map(|q| q.channels.clone()).unwrap_or_default();
        let province = match p.kind.as_str() {
            "province" => Some(p.id.clone()),
            "city" => p.parent.clone(),
            _ => None,
        };
        writeln!(
            code,
            "  Place {{ id: {}, kind: {}, name: {}, names: &[{}], parent: {}, province: {}, chain: &[{}], checked: {}, summary: {}, channels: {}, facts: Facts {{ sharing_from: {}, cross_city_from: {}, close_relatives_from: {}, resident_premium_from: {}, cross_province_from: {} }}, shareable: {}, items: {}, notes: {}, credit: {}, withdrawal: {}, circles: {}, pooling: {}, cities: CitiesOf({i}) }},",
            lit(&p.id),
            variant(&p.kind, PLACE_KIND, &what)?,
            lit(&p.name),
            p.names.iter().map(|n| lit(n)).collect::<Vec<_>>().join(", "),
            opt_lit(&p.parent),
            opt_lit(&province),
            chain.iter().map(|j| j.to_string()).collect::<Vec<_>>().join(", "),
            lit(&p.checked),
            opt_lit(&if lean() { None } else { Some(p.summary.clone()) }),
            channel_list(&channels),
            fact(|f| &f.sharing_from, "sharing_from")?,
            fact(|f| &f.cross_city_from, "cross_city_from")?,
            fact(|f| &f.close_relatives_from, "close_relatives_from")?,
            fact(|f| &f.resident_premium_from, "resident_premium_from")?,
            fact(|f| &f.cross_province_from, "cross_province_from")?,
            shareable, items, notes, credit, withdrawal, circles, pooling
        )
        .unwrap();
    }
    code.push_str("];\n");
    SOURCES.with(|all| {
        for (n, src) in all.borrow().iter().enumerate() {
            writeln!(code, "static SOURCE_{n}: Source = {src};").unwrap();
        }
    });
    CHANNELS.with(|all| {
        for (n, list) in all.borrow().iter().enumerate() {
            writeln!(code, "static CHANNELS_{n}: &[&str] = &[{list}];").unwrap();
        }
    });
    let profiles: Vec<divisions::Profile> = places
        .iter()
        .map(|p| divisions::Profile {
            id: &p.id,
            kind: &p.kind,
            name: &p.name,
            parent: p.parent.as_deref(),
            code: p.code.as_deref(),
        })
        .collect();
    Ok((code, divisions::generate(dir, &profiles)?))
}
