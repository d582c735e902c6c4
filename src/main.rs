//! The native command line: `gongji eval FILE|-`, `gongji catalogue|rules|regions`.
//!
//! Prints JSON on stdout. Bad input prints `{"error": ...}` and exits with status 1; a usage or
//! file error exits with status 2.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: gongji eval FILE|-   evaluate a scenario (SPEC §7 JSON)
       gongji advise FILE|-     compare 顺位 orders over the scenario's expenses
       gongji withdraw FILE|-   withdrawal questionnaire ({\"situation\": ...})
       gongji credit FILE|-     monthly credit estimate ({\"status\": ...})
       gongji catalogue         the expense catalogue
       gongji rules             the rule table
       gongji regions           the place profiles (SPEC §9.1)
       gongji version";

fn print_json<T: serde::Serialize>(value: &T) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gongji: {e}");
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [cmd @ ("eval" | "advise" | "withdraw" | "credit"), path] => {
            let mut text = String::new();
            let read = if *path == "-" {
                std::io::stdin().read_to_string(&mut text).map(|_| ())
            } else {
                std::fs::read_to_string(path).map(|t| text = t)
            };
            if let Err(e) = read {
                eprintln!("gongji: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
            let kind = match *cmd {
                "eval" => "evaluate",
                "withdraw" => "withdrawal",
                other => other,
            };
            let Some((json, ok)) = gongji::run_json(kind, &text) else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            println!("{json}");
            if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
        }
        ["catalogue"] => print_json(&gongji::data::items()),
        ["rules"] => print_json(&gongji::data::rules()),
        ["regions"] => print_json(&gongji::data::places()),
        ["version"] => {
            println!("{{\"engine\": \"{}\", \"rules\": \"{}\"}}", gongji::ENGINE_VERSION, gongji::data::rules_version());
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
