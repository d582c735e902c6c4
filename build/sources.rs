//! Sources (data/places/README.md): every value cites at least one, each with a title, a date
//! and a grade, cited at an address that is what it is. Each distinct source is emitted once as
//! a static (`SOURCE_n`) and referred to by address.

use crate::model::Source;
use crate::values::{self, date, intern, lit, need_text, opt_lit, variant};
use std::fmt::Write as _;

const GRADE: &[(&str, &str)] = &[
    ("official", "Grade::Official"),
    ("official_copy", "Grade::OfficialCopy"),
    ("official_news", "Grade::OfficialNews"),
    ("official_news_copy", "Grade::OfficialNewsCopy"),
];

thread_local! {
    /// Every distinct source, emitted once as a static (`SOURCE_n`) and referred to by address.
    static SOURCES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Building for the browser (wasm32): leave out what only a reader of sources needs — where a
/// source can be read (publisher, addresses), and the texts no answer uses and the calculator
/// page does not show: a place's summary and notes, the notes on its dates. `gongji regions`
/// (native) keeps all of it; the built site ships the summaries as `places.json` for the embed
/// builder (scripts/build-site.mjs). About 5 KB gzip of the module (issue 17).
pub fn lean() -> bool {
    std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32")
}

/// A list of sources, checked, as `&[&SOURCE_n, …]`.
pub fn sources(list: &[Source], what: &str) -> Result<String, String> {
    cited(list, what, true)
}

/// Checks a list of sources that the build leaves out (a note the wasm build does not carry):
/// the data stays valid for every target, and no unused `SOURCE_n` static is emitted.
pub fn check_sources(list: &[Source], what: &str) -> Result<(), String> {
    cited(list, what, false).map(|_| ())
}

/// Every source once, as the statics the lists refer to (after every list is written).
pub fn write_sources(code: &mut String) {
    SOURCES.with(|all| {
        for (n, src) in all.borrow().iter().enumerate() {
            writeln!(code, "static SOURCE_{n}: Source = {src};").unwrap();
        }
    });
}

fn cited(list: &[Source], what: &str, emit: bool) -> Result<String, String> {
    if list.is_empty() {
        return Err(format!("{what}: needs at least one source (title, date, grade)"));
    }
    values::list(list.iter().enumerate(), |(i, x)| {
        let one = source(x, &format!("{what} source {i}"))?;
        if !emit {
            return Ok(String::new());
        }
        let n = SOURCES.with(|all| intern(all, one));
        Ok(format!("&SOURCE_{n}, "))
    })
}

/// One source, checked, as a `Source { … }` value.
fn source(x: &Source, w: &str) -> Result<String, String> {
    need_text(&x.title, &format!("{w} title"))?;
    source_date(&x.date, &format!("{w} date"))?;
    let grade = variant(&x.grade, GRADE, &format!("{w} grade (official | official_copy | official_news | official_news_copy)"))?;
    check_addresses(x, w)?;
    // The wasm module carries each source's title, date and grade; where to read it
    // (publisher, addresses) is in the native CLI's `gongji regions`, docs/PLACES.md and the
    // data files. It keeps the module within its size budget for the phone's first visit.
    let (publisher, url, read_at) =
        if lean() { (None, None, None) } else { (x.publisher.clone(), x.url.clone(), x.read_at.clone()) };
    Ok(format!(
        "Source {{ title: {}, publisher: {}, date: {}, url: {}, grade: {grade}, read_at: {} }}",
        lit(&x.title),
        opt_lit(&publisher),
        lit(&x.date),
        opt_lit(&url),
        opt_lit(&read_at)
    ))
}

/// A source's date: `YYYY-MM-DD` or `YYYY-MM`.
fn source_date(s: &str, what: &str) -> Result<(), String> {
    if s.len() == 7 {
        date(&format!("{s}-01"), what).map(|_| ())
    } else {
        date(s, what).map(|_| ())
    }
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
