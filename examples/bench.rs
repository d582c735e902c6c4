//! Native side of scripts/bench.sh: times the whole JSON-in, JSON-out evaluation (read, check,
//! evaluate, write compact JSON — exactly what the wasm export runs between JSON.stringify and
//! JSON.parse) of each scenario file, and prints one JSON
//! line per scenario: `{"scenario", "runs", "median_us", "min_us"}`.
//!
//!     cargo run --profile bench-native --example bench -- [--runs N] FILE...
use gongji::{answer_json, Layout, Question};
use std::time::Instant;

fn evaluate(text: &str) -> (String, bool) {
    answer_json(Question::Evaluate, text, Layout::Compact)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
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
        if !ok {
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
            ((0.5 / one) as usize).clamp(50, 20_000)
        };
        let mut times: Vec<f64> = (0..n)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(evaluate(std::hint::black_box(&text)));
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let name = std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        println!(
            "{{\"scenario\":\"{name}\",\"runs\":{n},\"median_us\":{:.2},\"min_us\":{:.2}}}",
            times[n / 2],
            times[0]
        );
    }
}
