//! Fuzz target: structurally valid scenarios with fuzzed values. The input bytes drive a small
//! generator so that most inputs get past the JSON parser and exercise the engine itself.
#![no_main]
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

const RELATIONS: &[&str] = &[
    "self", "spouse", "father", "mother", "brother", "sister", "son", "daughter", "paternal_grandfather",
    "maternal_grandmother", "grandson", "maternal_granddaughter", "father_in_law", "mother_in_law", "son_in_law",
    "daughter_in_law", "spouse_sibling", "sibling_spouse", "nephew", "niece", "uncle", "aunt", "other",
];
const INSURANCE: &[&str] = &["employee", "employee_retired", "resident", "none"];
const VENUES: &[&str] = &["designated_hospital", "designated_pharmacy", "non_designated", "online"];
const DATES: &[&str] = &["2020-01-01", "2021-04-22", "2023-05-01", "2024-08-01", "2026-01-08", "2026-01-09", "2026-11-23"];

struct Bytes<'a>(&'a [u8], usize);
impl Bytes<'_> {
    fn next(&mut self) -> u8 {
        let b = self.0.get(self.1).copied().unwrap_or(0);
        self.1 += 1;
        b
    }
    fn pick<'b>(&mut self, from: &[&'b str]) -> &'b str {
        from[usize::from(self.next()) % from.len()]
    }
    fn amount(&mut self) -> Value {
        let raw = u32::from_le_bytes([self.next(), self.next(), self.next(), 0]);
        match self.next() % 8 {
            0 => json!(f64::from(raw) / 100.0),
            1 => json!(format!("{}.{}", raw / 1000, raw % 1000)),
            _ => json!(format!("{}.{:02}", raw / 100, raw % 100)),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data, 0);
    let items: Vec<&str> = gongji::data::items().iter().map(|i| i.id).collect();
    let n = 1 + usize::from(b.next() % 8);
    let members: Vec<Value> = (0..n)
        .map(|i| {
            let mut m = json!({"id": format!("m{i}"), "relation": b.pick(RELATIONS), "insurance": b.pick(INSURANCE),
                               "province": b.pick(&["福建", "北京", "广西壮族自治区", ""])});
            if b.next() % 4 != 0 { m["balance"] = b.amount(); }
            if b.next() % 5 == 0 { m["via"] = json!(format!("m{}", b.next() as usize % n)); }
            m
        })
        .collect();
    let sharing: Vec<Value> = (0..b.next() % 10)
        .map(|_| {
            let mut l = json!({"from": format!("m{}", b.next() as usize % n), "to": format!("m{}", b.next() as usize % n)});
            match b.next() % 3 { 0 => l["order"] = json!(b.next() % 8), 1 => l["quota"] = b.amount(), _ => {} }
            l
        })
        .collect();
    let expenses: Vec<Value> = (0..b.next() % 12)
        .map(|_| {
            let mut e = json!({"patient": format!("m{}", b.next() as usize % n), "item": b.pick(&items),
                               "venue": b.pick(VENUES), "card": if b.next() % 6 == 0 { "other" } else { "own" }});
            if b.next() % 2 == 0 { e["amount"] = b.amount() } else { e["personal_burden"] = b.amount() }
            if b.next() % 3 == 0 { e["pooled"] = json!({"deductible_left": b.amount(), "ratio": format!("0.{}", b.next()), "cap_left": b.amount()}); }
            e
        })
        .collect();
    let scenario = json!({"as_of": b.pick(DATES), "region": "national", "members": members, "sharing": sharing, "expenses": expenses});
    let text = scenario.to_string();
    let (out, ok) = gongji::evaluate_json(&text);
    let out: Value = serde_json::from_str(&out).expect("output is JSON");
    if ok {
        for r in out["results"].as_array().expect("results") {
            if r["verdict"] == "needs_input" { continue; }
            let total: rust_decimal_free::Cents = r["total"].as_str().expect("total").into();
            let sum: i64 = r["steps"].as_array().expect("steps").iter()
                .map(|s| rust_decimal_free::Cents::from(s["amount"].as_str().expect("amount")).0).sum();
            assert_eq!(sum, total.0, "steps add up to the total");
        }
    }
    let _ = gongji::run_json("advise", &text);
});

/// Two-decimal strings as integer cents, without pulling in a decimal crate.
mod rust_decimal_free {
    pub struct Cents(pub i64);
    impl From<&str> for Cents {
        fn from(s: &str) -> Cents {
            let (i, f) = s.split_once('.').expect("two decimals");
            Cents(i.parse::<i64>().expect("int") * 100 + f.parse::<i64>().expect("cents"))
        }
    }
}
