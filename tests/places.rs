//! Place resolution over every place of the table (SPEC §10.1, issue 22): every province and
//! city resolves from its name, its name without suffix and its code (and its id) to itself,
//! through the same validation the engine runs; no two places share a name without either the
//! field deciding (吉林: `city` → 吉林市, `province`/`region` → 吉林省) or the error that lists them
//! all; every city is listed once by `regions()`.

use gongji::data::cities::{self, Spot};
use gongji::data::{places, PlaceKind};
use gongji::input::ScenarioInput;
use gongji::scenario::Scenario;
use gongji::{ErrorCode, InputError};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Where the one member of a scenario is, as validation reads `province` / `city` / `region`:
/// (province id, city code).
fn located(region: &str, province: Option<&str>, city: Option<&str>) -> Result<(Option<&'static str>, Option<u32>), InputError> {
    let mut m = json!({"id": "me", "relation": "self", "insurance": "resident"});
    if let Some(p) = province {
        m["province"] = json!(p);
    }
    if let Some(c) = city {
        m["city"] = json!(c);
    }
    let text = json!({"as_of": "2026-11-23", "region": region, "members": [m], "sharing": [], "expenses": []}).to_string();
    let s = Scenario::from_input(&ScenarioInput::from_text(&text)?)?;
    let me = &s.members[0];
    Ok((me.province_key, me.city.map(|c| c.code())))
}

fn province_id(spot: Spot) -> &'static str {
    spot.province().id
}

#[test]
fn every_city_resolves_from_its_names_code_and_id_to_itself() {
    let all: Vec<cities::City> = cities::cities().collect();
    assert!(all.len() >= 333 + 4, "{} cities", all.len());
    for c in all {
        let p = c.province();
        let code = c.code().to_string();
        let mut texts: Vec<String> = vec![c.name().to_string(), code.clone(), c.id().to_string()];
        texts.extend(c.names());
        for t in &texts {
            // With its province given, and alone.
            assert_eq!(located("national", Some(p.names[0]), Some(t)), Ok((Some(p.id), Some(c.code()))), "{t} in {}", p.id);
            match cities::district_city(t).filter(|m| *m != c) {
                // A name that is also a municipality's district (朝阳): both listed, asked.
                Some(m) => match located("national", None, Some(t)) {
                    Err(e) => assert!(e.message.contains(c.name()) && e.message.contains(m.name()), "{t}: {e:?}"),
                    other => panic!("{t}: also {} 's district, yet {other:?}", m.name()),
                },
                None => assert_eq!(located("national", None, Some(t)), Ok((Some(p.id), Some(c.code()))), "{t}"),
            }
        }
        // The name without its suffix always finds it within its province (海南 in 青海:
        // 海南藏族自治州); alone it is the city's name, or (海南) the province's.
        let short = c.short();
        assert_eq!(located("national", Some(p.names[0]), Some(short)), Ok((Some(p.id), Some(c.code()))), "{short}");
        match located("national", None, Some(short)) {
            Ok((Some(q), Some(code))) if q == p.id && code == c.code() => {}
            Ok((Some(q), city)) => {
                let other = places().iter().find(|x| x.id == q).unwrap();
                assert!(other.kind == PlaceKind::Province && other.names.contains(&short), "{short}: {q} {city:?}");
                assert!(!c.names().contains(&short.to_string()), "{short} is not a name of {}", c.name());
            }
            Err(e) if cities::district_city(short).is_some_and(|m| m != c) => {
                assert!(e.message.contains(c.name()), "{short}: {e:?}");
            }
            other => panic!("{short}: {other:?}"),
        }
        // `region` takes its code and its id (a municipality is its province there).
        let at = |r: &str| -> (Option<&str>, Option<u32>) {
            let m = json!({"id": "me", "relation": "self", "insurance": "resident"});
            let text = json!({"as_of": "2026-11-23", "region": r, "members": [m], "sharing": [], "expenses": []}).to_string();
            let s = Scenario::from_input(&ScenarioInput::from_text(&text).unwrap()).unwrap();
            assert_eq!(s.region_at.id(), c.id(), "{r}");
            (s.members[0].province_key, s.members[0].city.map(|c| c.code()))
        };
        assert_eq!(at(&code), (Some(p.id), Some(c.code())));
        assert_eq!(at(c.id()), (Some(p.id), Some(c.code())));
    }
}

#[test]
fn every_province_resolves_from_its_names_code_and_id() {
    for p in places().iter().filter(|p| p.kind == PlaceKind::Province) {
        let mut texts: Vec<String> =
            p.names.iter().map(|n| n.to_string()).chain([p.name.to_string(), p.id.to_string()]).collect();
        texts.extend(cities::province_code(p).map(|c| c.to_string()));
        for t in &texts {
            let (q, city) = located("national", Some(t), None).unwrap_or_else(|e| panic!("{t}: {e}"));
            assert_eq!(q, Some(p.id), "{t}");
            // A municipality is one city; another province's city is not known from it alone.
            assert_eq!(city.is_some(), cities::municipality(p).is_some(), "{t}");
            let (q, _) = located(t, None, None).unwrap_or_else(|e| panic!("region {t}: {e}"));
            assert_eq!(q, Some(p.id), "region {t}");
        }
    }
    assert!(cities::province_code(places().iter().find(|p| p.id == "bingtuan").unwrap()).is_none(), "兵团 has no GB/T 2260 code");
}

/// Every name, everyday name and pinyin of every place, with the places it names.
fn names() -> BTreeMap<String, Vec<Spot>> {
    let mut out: BTreeMap<String, Vec<Spot>> = BTreeMap::new();
    let mut add = |k: &str, s: Spot| {
        let v = out.entry(k.to_string()).or_default();
        if !v.contains(&s) {
            v.push(s);
        }
    };
    for p in places().iter().filter(|p| p.kind == PlaceKind::Province) {
        for n in p.names.iter().copied().chain([p.name, p.id]) {
            add(n, Spot::Province(p));
        }
    }
    for c in cities::cities() {
        for n in c.names().iter().map(String::as_str).chain([c.name(), c.id(), c.pinyin()]) {
            add(n, Spot::City(c));
        }
    }
    out
}

#[test]
fn no_two_places_share_a_name_without_the_error_that_lists_both() {
    let mut shared = 0;
    for (name, spots) in names() {
        if spots.len() < 2 {
            continue;
        }
        shared += 1;
        // A municipality's name names its province and its one city: one place.
        let same_place = spots.len() == 2 && spots.iter().all(|s| province_id(*s) == province_id(spots[0]));
        // An id names one place, whatever else shares it as a pinyin (fuzhou = 福州, not 抚州).
        let id_of = |s: &Spot| match s {
            Spot::Province(p) => p.id,
            Spot::City(c) => c.id(),
        };
        if let Some(owner) = spots.iter().find(|s| id_of(s) == name) {
            assert_eq!(located("national", None, Some(&name)).map(|x| x.0), Ok(Some(province_id(*owner))), "{name}");
            assert_eq!(located("national", Some(&name), None).map(|x| x.0), Ok(Some(province_id(*owner))), "{name}");
            continue;
        }
        for (field, want_city) in [("city", true), ("province", false)] {
            let result = if want_city { located("national", None, Some(&name)) } else { located("national", Some(&name), None) };
            // The field decides between a province and a city; what is left must be one place,
            // else the error lists every one of them.
            let kind: Vec<Spot> = spots.iter().copied().filter(|s| matches!(s, Spot::City(_)) == want_city).collect();
            let left = if kind.is_empty() { spots.clone() } else { kind };
            match result {
                Ok((province, _)) if left.len() == 1 || same_place => {
                    assert_eq!(province, Some(province_id(left[0])), "{field} {name}");
                }
                Err(e) if left.len() > 1 => {
                    assert_eq!(e.code, ErrorCode::AmbiguousPlace, "{field} {name}: {e}");
                    for s in &left {
                        assert!(e.message.contains(&s.describe()), "{field} {name}: {} misses {}", e.message, s.describe());
                    }
                }
                other => panic!("{field} {name}: {other:?} for {spots:?}"),
            }
        }
    }
    // 吉林, the municipalities (北京 …: province and city), pinyin such as taizhou, suzhou, yulin.
    assert!(shared >= 10, "{shared}");
}

#[test]
fn unknown_text_is_refused_with_close_places_never_national() {
    for (text, near) in [
        ("厦们", "厦门市"),
        ("福洲市", "福州市"),
        ("xiamn", "厦门市"),
        ("350201", "厦门市"),
        ("恩施自治州", "恩施土家族苗族自治州"),
    ] {
        let e = located("national", None, Some(text)).unwrap_err();
        assert_eq!((e.code, e.field.as_str()), (ErrorCode::UnknownPlace, "members[0].city"), "{text}");
        assert!(e.message.contains(near), "{text}: {}", e.message);
        let e = located("national", Some(text), None).unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownPlace, "{text}");
        let e = located(text, None, None).unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownRegion, "{text}");
    }
    // Bounded: long text compares its first 20 characters; an error echoes at most 80.
    let long = "某".repeat(20);
    let e = located("national", None, Some(&long)).unwrap_err();
    assert_eq!(e.code, ErrorCode::UnknownPlace);
    let region = "x".repeat(5000);
    let e = located(&region, None, None).unwrap_err();
    assert!(e.message.chars().count() < 300, "{}", e.message);
}

#[test]
fn a_contradicting_province_names_both() {
    let e = located("national", Some("广东"), Some("厦门")).unwrap_err();
    assert_eq!((e.code, e.field.as_str()), (ErrorCode::InvalidValue, "members[0].city"));
    assert!(e.message.contains("厦门市") && e.message.contains("福建") && e.message.contains("广东"), "{}", e.message);
    let e = located("national", Some("深圳"), Some("广州")).unwrap_err();
    assert!(e.message.contains("深圳市") && e.message.contains("广州市"), "{}", e.message);
    // A city in the province field is that city.
    assert_eq!(located("national", Some("深圳"), None), Ok((Some("guangdong"), Some(440300))));
    assert_eq!(located("national", Some("深圳市"), Some("深圳")), Ok((Some("guangdong"), Some(440300))));
}

#[test]
fn regions_lists_every_city_once_under_its_province() {
    let regions: Value = serde_json::from_str(&gongji::table_json(gongji::Table::Regions, gongji::Layout::Compact)).unwrap();
    let mut seen = BTreeMap::new();
    for r in regions.as_array().unwrap() {
        for c in r["cities"].as_array().into_iter().flatten() {
            assert_eq!(r["kind"], "province");
            let code = c["code"].as_str().unwrap().to_string();
            assert!(seen.insert(code.clone(), r["id"].clone()).is_none(), "{code} twice");
            let city = cities::city_by_code(code.parse().unwrap()).unwrap();
            assert_eq!((c["id"].as_str(), c["name"].as_str()), (Some(city.id()), Some(city.name())));
            assert_eq!(r["id"], city.province().id);
            assert_eq!(c["profile"], json!(city.profile().is_some()));
        }
    }
    assert_eq!(seen.len(), cities::cities().count());
    assert!(regions.as_array().unwrap().iter().all(|r| r["kind"] != "national" || r.get("cities").is_none()));
}

#[test]
fn every_municipal_district_names_its_municipality() {
    let mut n = 0;
    for c in cities::cities().filter(|c| c.is_municipality()) {
        let p = c.province();
        for d in c.districts() {
            n += 1;
            // With its municipality given it is the municipality; alone too, or (朝阳, also a
            // city's name) an error that lists both.
            assert_eq!(located("national", Some(p.names[0]), Some(d)), Ok((Some(p.id), Some(c.code()))), "{d}");
            match located("national", None, Some(d)) {
                Ok(found) => assert_eq!(found, (Some(p.id), Some(c.code())), "{d}"),
                Err(e) => assert!(e.message.contains(c.name()) && e.message.contains("好几个"), "{d}: {e:?}"),
            }
        }
    }
    assert!(n >= 100, "{n} district names");
}
