//! Native side of scripts/bench.sh: times the whole JSON-in, JSON-out evaluation (read, check,
//! evaluate, write compact JSON — exactly what the wasm export runs between JSON.stringify and
//! JSON.parse) of each scenario file, and prints one JSON
//! line per scenario: `{"scenario", "runs", "median_us", "min_us"}`. With `--advise`, times order
//! advice instead and adds the process's peak resident memory so far (`peak_rss_kb`, Linux) and
//! the answer's `search` and `evaluated` (or its error code): run it once per file for the
//! peak of each.
//!
//!     cargo run --profile bench-native --example bench -- [--runs N] [--advise] FILE...
use gongji::{answer_json, Layout, Question};
use std::time::Instant;

/// Peak resident set size of this process (VmHWM), in KiB; 0 where /proc is missing.
fn peak_rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let advise = args.iter().any(|a| a == "--advise");
    args.retain(|a| a != "--advise");
    let question = if advise { Question::Advise } else { Question::Evaluate };
    let evaluate = |text: &str| answer_json(question, text, Layout::Compact);
    let mut runs: usize = 0;
    if let Some(i) = args.iter().position(|a| a == "--runs") {
        runs = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(0);
        args.drain(i..(i + 2).min(args.len()));
    }
    if args.is_empty() {
        eprintln!("usage: bench [--runs N] FILE...");
        std::process::exit(2);
    }
    for file in &args {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{file}: {e}");
                std::process::exit(1);
            }
        };
        let (out, ok) = evaluate(&text);
        let name = std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let answer: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        let (detail, refused) = match answer["error"]["code"].as_str() {
            Some(code) => (format!(",\"error\":\"{code}\""), true),
            None if advise => (format!(",\"search\":{},\"evaluated\":{}", answer["search"], answer["evaluated"]), false),
            None => (String::new(), false),
        };
        if !(ok || advise && refused) {
            eprintln!("{file}: the scenario is refused: {out}");
            std::process::exit(1);
        }
        // Enough runs for about half a second per scenario unless told.
        let t = Instant::now();
        std::hint::black_box(evaluate(std::hint::black_box(&text)));
        let one = t.elapsed().as_secs_f64().max(1e-7);
        // A slow scenario (the kinship blow-up of issue 11 took seconds) gets three runs.
        let n = if runs > 0 {
            runs
        } else if one > 0.1 {
            3
        } else {
            ((0.5 / one) as usize).clamp(if advise { 5 } else { 50 }, 20_000)
        };
        let mut times: Vec<f64> = (0..n)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(evaluate(std::hint::black_box(&text)));
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let peak = if advise { format!(",\"peak_rss_kb\":{}", peak_rss_kb()) } else { String::new() };
        println!(
            "{{\"scenario\":\"{name}\",\"runs\":{n},\"median_us\":{:.2},\"min_us\":{:.2}{peak}{detail}}}",
            times[n / 2],
            times[0]
        );
    }
}
