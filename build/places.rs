//! The place profiles (`data/places/*.json` → `PLACES`): read, checked (ids, codes, names,
//! parents), and each written as one row with its facts, channels, money model and lists
//! resolved along its chain (itself, its province, national) at build time.

use crate::catalogue::Items;
use crate::divisions::Profile;
use crate::facts::{self, Windows};
use crate::model::{read, Place};
use crate::sources::lean;
use crate::values::{date, intern, lit, need_text, opt_lit, variant};
use crate::{circles, place_lists};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

const PLACE_KIND: &[(&str, &str)] =
    &[("national", "PlaceKind::National"), ("province", "PlaceKind::Province"), ("city", "PlaceKind::City")];

thread_local! {
    /// Every distinct list of channels, emitted once (most places inherit their province's).
    static CHANNELS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Every place profile, in table order: national first, then provinces, then cities (each by
/// id): the table order is the listing order.
pub struct Places {
    pub list: Vec<Place>,
}

impl Places {
    /// Every `*.json` of the folder, its `id` its file name.
    pub fn read(dir: &Path) -> Result<Places, String> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("data/places: {e}"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        let mut list: Vec<Place> = Vec::new();
        for path in &files {
            let p: Place = read(path)?;
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            if p.id != stem {
                return Err(format!("{}: id '{}' must match the file name", path.display(), p.id));
            }
            list.push(p);
        }
        let rank = |k: &str| match k {
            "national" => 0,
            "province" => 1,
            _ => 2,
        };
        list.sort_by(|a, b| (rank(&a.kind), &a.id).cmp(&(rank(&b.kind), &b.id)));
        Ok(Places { list })
    }

    /// National first; ids and names unique; codes, dates, texts and parents as they must be.
    pub fn check(&self) -> Result<(), String> {
        if self.list.first().map(|p| p.id.as_str()) != Some("national") {
            return Err("data/places/national.json is required (kind national)".into());
        }
        let mut all_names = BTreeSet::new();
        let mut ids = BTreeSet::new();
        for p in &self.list {
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
            self.check_parent(p, &what)?;
            for n in p.names.iter().chain(std::iter::once(&p.id)) {
                if !all_names.insert(n.clone()) {
                    return Err(format!("{what}: the name '{n}' is used by another place"));
                }
            }
        }
        Ok(())
    }

    fn check_parent(&self, p: &Place, what: &str) -> Result<(), String> {
        let want_parent = match p.kind.as_str() {
            "national" => None,
            "province" => Some("national"),
            _ => p.parent.as_deref(),
        };
        if p.parent.as_deref() != want_parent
            || (p.kind == "city"
                && p.parent.as_deref().and_then(|id| self.index(id)).map(|i| self.list[i].kind.as_str()) != Some("province"))
        {
            return Err(format!("{what}: parent must be null (national), \"national\" (province) or a province id (city)"));
        }
        Ok(())
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.list.iter().position(|p| p.id == id)
    }

    /// The place and its ancestors: itself, its parent, …, national.
    pub fn chain(&self, i: usize) -> Vec<usize> {
        let mut c = vec![i];
        let mut at = i;
        while let Some(parent) = self.list[at].parent.as_deref().and_then(|id| self.index(id)) {
            if c.contains(&parent) {
                break;
            }
            c.push(parent);
            at = parent;
        }
        c
    }

    /// The city profiles of a province.
    pub fn cities_of<'a>(&'a self, province: &'a Place) -> impl Iterator<Item = &'a Place> {
        self.list.iter().filter(|c| c.kind == "city" && c.parent.as_deref() == Some(province.id.as_str()))
    }

    /// The profiles as build/divisions.rs needs them.
    pub fn profiles(&self) -> Vec<Profile<'_>> {
        self.list
            .iter()
            .map(|p| Profile { id: &p.id, kind: &p.kind, name: &p.name, parent: p.parent.as_deref(), code: p.code.as_deref() })
            .collect()
    }
}

/// `PLACES`, a row a place (after the facts' statics: build/facts.rs).
pub fn write_table(places: &Places, windows: &Windows, items: &Items, code: &mut String) -> Result<(), String> {
    code.push_str("pub static PLACES: &[Place] = &[\n");
    for i in 0..places.list.len() {
        code.push_str(&row(places, i, windows, items)?);
    }
    code.push_str("];\n");
    Ok(())
}

/// Every list of channels once, as the statics the rows refer to (after the table).
pub fn write_channels(code: &mut String) {
    CHANNELS.with(|all| {
        for (n, list) in all.borrow().iter().enumerate() {
            writeln!(code, "static CHANNELS_{n}: &[&str] = &[{list}];").unwrap();
        }
    });
}

/// One place's row of `PLACES`.
fn row(places: &Places, i: usize, windows: &Windows, items: &Items) -> Result<String, String> {
    let p = &places.list[i];
    let what = format!("data/places/{}.json", p.id);
    let chain = places.chain(i);
    let decisions = place_lists::item_decisions(p, &what, &items.depends)?;
    let shareable = place_lists::shareable(places, &chain, &what)?;
    let notes = place_lists::notes(p, &what)?;
    let credit = place_lists::credit(p, &what)?;
    let withdrawal = place_lists::withdrawal(p, &what)?;
    let circles = circles::circles(places, p, &what, &items.ids)?;
    let pooling = facts::pooling(places, i, &chain, &what)?;
    let channels =
        chain.iter().map(|&j| &places.list[j]).find(|q| !q.channels.is_empty()).map(|q| q.channels.clone()).unwrap_or_default();
    let province = match p.kind.as_str() {
        "province" => Some(p.id.clone()),
        "city" => p.parent.clone(),
        _ => None,
    };
    Ok(format!(
        "  Place {{ id: {}, kind: {}, name: {}, names: &[{}], parent: {}, province: {}, chain: &[{}], checked: {}, summary: {}, channels: {}, facts: {}, shareable: {shareable}, items: {decisions}, notes: {notes}, credit: {credit}, withdrawal: {withdrawal}, circles: {circles}, pooling: {pooling}, cities: CitiesOf({i}) }},\n",
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
        facts::resolved(places, windows, &chain)?,
    ))
}

/// A place's channels as a reference to the one static holding that list.
fn channel_list(channels: &[String]) -> String {
    let list = channels.iter().map(|n| lit(n)).collect::<Vec<_>>().join(", ");
    format!("CHANNELS_{}", CHANNELS.with(|all| intern(all, list)))
}
