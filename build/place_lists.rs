//! A place's lists, each checked and written as `&[…]`: its decisions on the catalogue's
//! "depends" items, its money model (`shareable`, inherited along the chain), notes, credit and
//! withdrawal facts. (Circles: build/circles.rs.)

use crate::model::Place;
use crate::places::Places;
use crate::sources::{check_sources, lean, sources};
use crate::values::{cents, date, list, lit, need_text, opt, opt_lit, variant};
use std::collections::BTreeSet;

const TRI: &[(&str, &str)] = &[("yes", "Tri::Yes"), ("no", "Tri::No"), ("depends", "Tri::Depends")];
const MODEL: &[(&str, &str)] = &[("above_floor", "ShareModel::AboveFloor"), ("prior_years", "ShareModel::PriorYears")];
const WHO: &[(&str, &str)] = &[("employee", "CreditWho::Employee"), ("retired", "CreditWho::Retired")];

/// The place's decisions on items the catalogue leaves to places (`depends`).
pub fn item_decisions(p: &Place, what: &str, depends: &BTreeSet<String>) -> Result<String, String> {
    list(&p.items, |d| {
        let w = format!("{what} items[{}]", d.item);
        if !depends.contains(&d.item) {
            return Err(format!("{w}: not a 'depends' item of catalogue.json"));
        }
        let tri = |v: &Option<String>| opt(v, |v| variant(v, TRI, &w));
        Ok(format!(
            "ItemDecision {{ item: {}, own: {}, shared: {}, from: {}, sources: {}, note: {} }}, ",
            lit(&d.item),
            tri(&d.own)?,
            tri(&d.shared)?,
            date(&d.from, &w)?,
            sources(&d.sources, &w)?,
            opt_lit(&d.note)
        ))
    })
}

/// The money model, inherited from the nearest place along the chain that has one.
pub fn shareable(places: &Places, chain: &[usize], what: &str) -> Result<String, String> {
    let own_or_parent = chain.iter().map(|&j| &places.list[j]).find(|q| !q.shareable.is_empty());
    list(own_or_parent.map(|q| q.shareable.as_slice()).unwrap_or(&[]), |sh| {
        let w = format!("{what} shareable");
        let floor = match (sh.model.as_str(), &sh.floor) {
            ("above_floor", Some(f)) => cents(f, &w)?,
            ("above_floor", None) => return Err(format!("{w}: above_floor needs a floor")),
            _ => 0,
        };
        Ok(format!(
            "Shareable {{ model: {}, floor_cents: {floor}, from: {}, until: {}, account: {}, ordered: {}, sources: {}, note: {} }}, ",
            variant(&sh.model, MODEL, &w)?,
            date(&sh.from, &w)?,
            opt(&sh.until, |u| date(u, &w))?,
            lit(&sh.account),
            sh.ordered,
            sources(&sh.sources, &w)?,
            opt_lit(&sh.note)
        ))
    })
}

/// The place's notes (checked but left out of the wasm build, see `lean`).
pub fn notes(p: &Place, what: &str) -> Result<String, String> {
    list(p.notes.iter().enumerate(), |(k, n)| {
        let w = format!("{what} notes[{k}]");
        need_text(&n.text, &w)?;
        if lean() {
            check_sources(&n.sources, &w)?;
            Ok(String::new())
        } else {
            Ok(format!("Note {{ text: {}, sources: {} }}, ", lit(&n.text), sources(&n.sources, &w)?))
        }
    })
}

/// The monthly credit facts (R-CREDIT).
pub fn credit(p: &Place, what: &str) -> Result<String, String> {
    list(p.credit.iter().enumerate(), |(k, c)| {
        let w = format!("{what} credit[{k}]");
        if let Some(a) = &c.amount {
            cents(a, &w)?;
        }
        Ok(format!(
            "CreditFact {{ who: {}, from: {}, rule: {}, rate: {}, basis: {}, amount: {}, sources: {}, note: {} }}, ",
            variant(&c.who, WHO, &w)?,
            opt(&c.from, |f| date(f, &w))?,
            opt_lit(&c.rule),
            opt_lit(&c.rate),
            opt_lit(&c.basis),
            opt_lit(&c.amount),
            sources(&c.sources, &w)?,
            opt_lit(&c.note)
        ))
    })
}

/// The withdrawal facts (R-WITHDRAW).
pub fn withdrawal(p: &Place, what: &str) -> Result<String, String> {
    list(p.withdrawal.iter().enumerate(), |(k, c)| {
        let w = format!("{what} withdrawal[{k}]");
        need_text(&c.text, &w)?;
        Ok(format!(
            "WithdrawalFact {{ case: {}, text: {}, from: {}, sources: {} }}, ",
            lit(&c.case),
            lit(&c.text),
            opt(&c.from, |f| date(f, &w))?,
            sources(&c.sources, &w)?
        ))
    })
}
