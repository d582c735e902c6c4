//! A place's circles (SPEC §10.2): whom an account may pay for, per item — relations added to the
//! national circle, or the only relations allowed — from a date, to a date or an end known only as
//! a window. A province also carries what its cities add, as only possible (`maybe`).

use crate::model::{Circle, Place};
use crate::places::Places;
use crate::sources::sources;
use crate::values::{date, list, lit, need_text, opt, opt_lit, variant};
use std::collections::BTreeSet;

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

/// A circle as the place carries it.
struct Carried {
    /// Where it is written (file and index), for errors.
    what: String,
    circle: Circle,
    /// A city's, carried by its province: it may apply.
    maybe: bool,
    /// The city whose circle it is (`maybe`), else empty.
    city: String,
}

/// The place's circles as `&[Circle { … }, …]`: its own, then (a province) its cities' additions.
pub fn circles(places: &Places, p: &Place, what: &str, item_ids: &BTreeSet<String>) -> Result<String, String> {
    let from_cities = if p.kind == "province" { from_cities(places, p) } else { Vec::new() };
    let own = p.circles.iter().enumerate().map(|(k, c)| Carried {
        what: format!("{what} circles[{k}]"),
        circle: c.clone(),
        maybe: false,
        city: String::new(),
    });
    list(own.chain(from_cities), |c| circle(&c, item_ids))
}

/// A province also carries, as only possible (`maybe`), what its cities add (SPEC §10.1:
/// a value that varies between cities is `depends` where the city is not known).
fn from_cities(places: &Places, p: &Place) -> Vec<Carried> {
    places
        .cities_of(p)
        .flat_map(|c| {
            c.circles.iter().filter(|x| !x.add.is_empty()).enumerate().map(move |(k, x)| {
                let mut x = x.clone();
                x.note = Some(format!("{}的规定（{}其他城市没有查到）。{}", c.name, p.name, x.note.clone().unwrap_or_default()));
                Carried { what: format!("data/places/{}.json circles[{k}]", c.id), circle: x, maybe: true, city: c.name.clone() }
            })
        })
        .collect()
}

/// One circle, checked, as `Circle { … }, `.
fn circle(carried: &Carried, item_ids: &BTreeSet<String>) -> Result<String, String> {
    let (w, c) = (&carried.what, &carried.circle);
    for i in &c.items {
        if !item_ids.contains(i) {
            return Err(format!("{w}: unknown item {i}"));
        }
    }
    if c.add.is_empty() == c.only.is_none() {
        return Err(format!("{w}: give either `add` (relations added to the national circle) or `only`"));
    }
    let (until, ends_by) = end(c, w)?;
    Ok(format!(
        "Circle {{ items: &[{}], add: {}, only: {}, from: {}, until: {until}, ends_by: {ends_by}, maybe: {}, city: {}, sources: {}, note: {} }}, ",
        c.items.iter().map(|i| lit(i)).collect::<Vec<_>>().join(", "),
        kins(&c.add, w)?,
        opt(&c.only, |o| kins(o, w))?,
        date(&c.from, w)?,
        carried.maybe,
        lit(&carried.city),
        sources(&c.sources, w)?,
        opt_lit(&c.note)
    ))
}

/// The relations as `&[Kin::…, …]` (each once; `self` is not written).
fn kins(list: &[String], w: &str) -> Result<String, String> {
    let mut out: Vec<String> = Vec::new();
    for r in list {
        let k = variant(r, CIRCLE_KIN, w)?;
        if !k.is_empty() && !out.contains(&k) {
            out.push(k);
        }
    }
    Ok(format!("&[{}]", out.join(", ")))
}

/// The circle's end: `until` (both ends that day), `ends` (a window), or never (`Date::MAX`).
fn end(c: &Circle, w: &str) -> Result<(String, String), String> {
    Ok(match (&c.until, &c.ends) {
        (Some(u), None) => (date(u, w)?, date(u, w)?),
        (None, Some(e)) => {
            need_text(&e.note, &format!("{w} ends.note"))?;
            if e.not_before > e.by {
                return Err(format!("{w}: ends.not_before is after ends.by"));
            }
            (date(&e.not_before, w)?, date(&e.by, w)?)
        }
        (None, None) => ("Date::MAX".into(), "Date::MAX".into()),
        (Some(_), Some(_)) => return Err(format!("{w}: give `until` or `ends`, not both")),
    })
}
