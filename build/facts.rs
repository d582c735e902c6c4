//! A place's dated facts (sharing start, 省内跨统筹区, 近亲属 widening, 居民医保 premiums, cross-province,
//! pooling): exact dates or windows, each emitted once as a static (`FACT_j_NAME`), a place
//! referring to the nearest along its chain. Where the cities of a province differ, the province
//! and its cities without a date of their own get the window of all of them (SPEC §10.1).

use crate::model::{DateFact, Facts};
use crate::places::Places;
use crate::sources::{lean, sources};
use crate::values::{date, lit, opt_lit};
use std::collections::BTreeMap;
use std::fmt::Write as _;

type Pick = fn(&Facts) -> &Option<DateFact>;

/// The facts, in the order `Facts` has them.
const PICKS: [(Pick, &str); 5] = [
    (|f| &f.sharing_from, "sharing_from"),
    (|f| &f.cross_city_from, "cross_city_from"),
    (|f| &f.close_relatives_from, "close_relatives_from"),
    (|f| &f.resident_premium_from, "resident_premium_from"),
    (|f| &f.cross_province_from, "cross_province_from"),
];

/// Facts that may differ between the cities of one province (SPEC §10.1); the others
/// (cross-city sharing, cross-province quotas, pooling) are the province's or the nation's.
const VARY_BY_CITY: &[&str] = &["sharing_from", "close_relatives_from", "resident_premium_from"];

/// The windowed facts of provinces whose cities differ: `(province, fact)` → the static's address.
pub struct Windows(BTreeMap<(usize, &'static str), String>);

/// Every fact's static: first the windows of provinces whose cities differ, then each place's
/// own facts, except a province's where its cities differ (the window replaces it for the
/// province and its cities without a value: nothing refers to it any more).
pub fn write_facts(places: &Places, code: &mut String) -> Result<Windows, String> {
    let windows = city_windows(places, code)?;
    for (j, q) in places.list.iter().enumerate() {
        for (pick, name) in PICKS {
            if let Some(f) = pick(&q.facts) {
                let v = date_fact(f, &format!("data/places/{}.json facts.{name}", q.id), &q.id)?;
                if !windows.0.contains_key(&(j, name)) {
                    writeln!(code, "static FACT_{j}_{}: DateFact = {v};", name.to_uppercase()).unwrap();
                }
            }
        }
    }
    Ok(windows)
}

/// SPEC §10.1: a value that differs between the cities of a province is, for the province
/// and its cities without a value of their own, a window from the earliest to the latest
/// date known in the province (never one city's exact date).
fn city_windows(places: &Places, code: &mut String) -> Result<Windows, String> {
    let mut windows = Windows(BTreeMap::new());
    for (i, prov) in places.list.iter().enumerate().filter(|(_, q)| q.kind == "province") {
        for (pick, name) in PICKS.iter().filter(|(_, n)| VARY_BY_CITY.contains(n)) {
            let Some(window) = window(places, i, *pick) else { continue };
            let v = date_fact(&window, &format!("data/places/{}.json facts.{name} (varies by city)", prov.id), &prov.id)?;
            writeln!(code, "static FACT_{i}_{}_VARIED: DateFact = {v};", name.to_uppercase()).unwrap();
            windows.0.insert((i, name), format!("&FACT_{i}_{}_VARIED", name.to_uppercase()));
        }
    }
    Ok(windows)
}

/// The window of province `i`'s fact over its own (or inherited) date and its cities' dates,
/// citing all of them; `None` where no place gives the fact or every city agrees.
fn window(places: &Places, i: usize, pick: Pick) -> Option<DateFact> {
    let prov = &places.list[i];
    let (base, base_place) =
        places.chain(i).iter().find_map(|&j| pick(&places.list[j].facts).as_ref().map(|f| (f, &places.list[j])))?;
    let cities: Vec<_> = places.cities_of(prov).filter_map(|c| pick(&c.facts).as_ref().map(|f| (c, f))).collect();
    let (b_nb, b_by) = span(base);
    if cities.iter().all(|(_, f)| span(f) == (b_nb.clone(), b_by.clone())) {
        return None;
    }
    let not_before = cities.iter().map(|(_, f)| span(f).0).chain([b_nb.clone()]).min().unwrap_or_default();
    let by = cities.iter().map(|(_, f)| span(f).1).chain([b_by.clone()]).max().unwrap_or_default();
    let mut sources = base.sources.clone();
    for (_, f) in &cities {
        sources.extend(f.sources.iter().cloned());
    }
    let names: Vec<&str> = cities.iter().map(|(c, _)| c.name.as_str()).collect();
    Some(DateFact {
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
    })
}

/// A fact's first and last possible day (an exact date is both).
fn span(f: &DateFact) -> (String, String) {
    match (&f.on, &f.not_before, &f.by) {
        (Some(on), _, _) => (on.clone(), on.clone()),
        (None, Some(nb), Some(by)) => (nb.clone(), by.clone()),
        _ => (String::new(), String::new()),
    }
}

/// A place's `Facts { … }`: each fact the nearest along its chain has (`chain`: the place, its
/// province, national).
pub fn resolved(places: &Places, windows: &Windows, chain: &[usize]) -> Result<String, String> {
    let mut fields = Vec::new();
    let mut origins = Vec::new();
    for (pick, name) in PICKS {
        let (value, origin) = nearest(places, windows, chain, pick, name)?;
        fields.push(format!("{name}: {value}"));
        origins.push(format!("{name}: {origin}"));
    }
    Ok(format!("Facts {{ {}, origins: FactOrigins {{ {} }} }}", fields.join(", "), origins.join(", ")))
}

/// The nearest value along the chain, and whose it is seen from the chain's first place.
fn nearest(
    places: &Places,
    windows: &Windows,
    chain: &[usize],
    pick: Pick,
    name: &str,
) -> Result<(String, &'static str), String> {
    let origin = |j: usize| -> &'static str {
        if Some(&j) == chain.first() {
            "Origin::Own"
        } else if places.list[j].kind == "national" {
            "Origin::National"
        } else {
            "Origin::Province"
        }
    };
    for &j in chain {
        // A province's value, for itself (a member who names only the province) or a
        // city without its own: windowed where its cities differ.
        if let Some(w) = windows.0.get(&(j, name)) {
            return Ok((w.clone(), origin(j)));
        }
        if pick(&places.list[j].facts).is_some() {
            return Ok((format!("&FACT_{j}_{}", name.to_uppercase()), origin(j)));
        }
    }
    Err(format!("data/places/national.json: facts.{name} is required"))
}

/// A place's `pooling`: a province's own, a city's province's (one 统筹区 from that date).
pub fn pooling(places: &Places, i: usize, chain: &[usize], what: &str) -> Result<String, String> {
    let p = &places.list[i];
    Ok(match &p.pooling {
        Some(f) if p.kind == "province" => format!("Some(&{})", date_fact(f, &format!("{what} pooling"), &p.id)?),
        Some(_) => return Err(format!("{what}: pooling is a province's fact")),
        None => {
            // A city's province decides.
            match chain.iter().skip(1).map(|&j| &places.list[j]).find_map(|q| q.pooling.as_ref().map(|f| (q, f))) {
                Some((q, f)) => format!("Some(&{})", date_fact(f, &format!("data/places/{}.json pooling", q.id), &q.id)?),
                None => "None".into(),
            }
        }
    })
}

/// A dated fact, checked, as a `DateFact { … }` value (`origin`: the place that gives it).
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
