//! The native command line: `gongji eval FILE|-`, `gongji catalogue|rules|regions|relations`.
//!
//! Prints JSON on stdout. Bad input (also input that is not UTF-8, or longer than
//! `limits::INPUT_BYTES`: at most that much is ever read) prints `{"error": ...}` and exits
//! with status 1; a usage, file or write error exits with status 2 and says why on stderr.
//! When the reader of stdout goes away (`gongji eval big.json | head -c 10`) it stops quietly
//! with status 141, as a program stopped by SIGPIPE would. A UTF-8 byte order mark is skipped.

use gongji::error::{ErrorCode, ErrorResponse, InputError};
use std::ffi::{OsStr, OsString};
use std::io::{ErrorKind, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: gongji eval FILE|-       evaluate a scenario (SPEC §7 JSON)
       gongji advise FILE|-     compare 顺位 orders over the scenario's expenses
       gongji withdraw FILE|-   withdrawal questionnaire ({\"situation\": ...})
       gongji credit FILE|-     monthly credit estimate ({\"status\": ...})
       gongji catalogue         the expense catalogue
       gongji rules             the rule table
       gongji regions           the place profiles (SPEC §9.1)
       gongji relations         the relations to 我 (id, Chinese name, what `via` may name)
       gongji limits            the input limits (members, lines, expenses, text lengths, amounts)
       gongji version           engine and rules versions as JSON
       gongji help | --help | -h, gongji --version, gongji COMMAND --help

FILE is a path, or - for stdin; at most 2 MB of UTF-8 JSON is read. Bad input prints
{\"error\": {code, field, message, message_en}} and exits with 1; usage, file and write errors
exit with 2.";

/// One line of help per command, for `gongji COMMAND --help`.
fn command_help(cmd: &str) -> Option<&'static str> {
    USAGE.lines().find(|l| {
        l.trim_start().trim_start_matches("usage:").trim_start().strip_prefix("gongji ").and_then(|r| r.split_whitespace().next())
            == Some(cmd)
    })
}

/// Why the answer could not be written.
enum WriteFailure {
    /// The reader went away: stop quietly.
    ClosedPipe,
    Other(std::io::Error),
}

/// Whether stdout was closed when gongji started (`gongji eval file >&-`). Rust's runtime then
/// opens /dev/null in its place (read-write, as no shell redirect does), and every answer
/// would be lost with status 0; it must be status 2 with a message instead, as `> /dev/full` is.
#[cfg(target_os = "linux")]
fn stdout_closed() -> Option<std::io::Error> {
    let target = std::fs::read_link("/proc/self/fd/1").ok()?;
    let info = std::fs::read_to_string("/proc/self/fdinfo/1").ok()?;
    let flags = info.lines().find_map(|l| l.strip_prefix("flags:")).map(str::trim)?;
    let access = u32::from_str_radix(flags, 8).ok()? & 0o3;
    (target == std::path::Path::new("/dev/null") && access == 0o2).then(|| std::io::Error::other("standard output is closed"))
}

#[cfg(not(target_os = "linux"))]
fn stdout_closed() -> Option<std::io::Error> {
    None
}

/// Writes the text and a newline to stdout, flushed.
fn emit(text: &str) -> Result<(), WriteFailure> {
    if let Some(e) = stdout_closed() {
        return Err(WriteFailure::Other(e));
    }
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.write_all(b"\n")).and_then(|()| out.flush()).map_err(|e| {
        if e.kind() == ErrorKind::BrokenPipe {
            WriteFailure::ClosedPipe
        } else {
            WriteFailure::Other(e)
        }
    })
}

/// Prints the text; the exit code is `ok` unless writing failed.
fn print(text: &str, ok: ExitCode) -> ExitCode {
    match emit(text) {
        Ok(()) => ok,
        Err(WriteFailure::ClosedPipe) => ExitCode::from(141),
        Err(WriteFailure::Other(e)) => {
            // Writing to stderr can fail as well; there is nobody left to tell then.
            let _ = writeln!(std::io::stderr(), "gongji: cannot write the answer: {e}");
            ExitCode::from(2)
        }
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(s) => print(&s, ExitCode::SUCCESS),
        Err(e) => usage_error(&format!("gongji: {e}")),
    }
}

fn usage_error(message: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "{message}");
    ExitCode::from(2)
}

/// Reads at most `limits::INPUT_BYTES + 1` bytes: enough to know the input is too large.
fn read_input(path: &OsStr) -> std::io::Result<Vec<u8>> {
    let limit = gongji::limits::INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(path)?.take(limit).read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// The input as text, or the error answer: not UTF-8 is refused like text that is not JSON,
/// with where the first bad byte is.
fn input_text(bytes: &[u8]) -> Result<&str, InputError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = 1 + before.iter().rev().take_while(|&&b| b != b'\n').count();
        InputError::new(
            ErrorCode::InvalidJson,
            "",
            format!("输入不是UTF-8编码的文字（第{line}行第{column}列）。请把文件另存为UTF-8编码。"),
            format!("not UTF-8 at line {line} column {column} (byte {})", e.valid_up_to() + 1),
        )
    })
}

fn answer(kind: &str, path: &OsStr) -> ExitCode {
    let bytes = match read_input(path) {
        Ok(b) => b,
        Err(e) => return usage_error(&format!("gongji: cannot read {}: {e}", path.to_string_lossy())),
    };
    let refuse = |e: &InputError| match serde_json::to_string_pretty(&ErrorResponse { error: e }) {
        Ok(s) => print(&s, ExitCode::from(1)),
        Err(e) => usage_error(&format!("gongji: {e}")),
    };
    if bytes.len() > gongji::limits::INPUT_BYTES {
        return refuse(&gongji::error::input_too_large());
    }
    let text = match input_text(&bytes) {
        Ok(t) => t,
        Err(e) => return refuse(&e),
    };
    match gongji::run_json(kind, text) {
        Some((json, ok)) => print(&json, if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }),
        None => usage_error(USAGE),
    }
}

/// The question a command asks, for the commands that read a file.
fn question_kind(cmd: &str) -> Option<&'static str> {
    Some(match cmd {
        "eval" => "evaluate",
        "advise" => "advise",
        "withdraw" => "withdrawal",
        "credit" => "credit",
        _ => return None,
    })
}

fn main() -> ExitCode {
    // Arguments as the system gives them: a file name need not be UTF-8 (a GBK name on Linux).
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    // The file argument of eval/advise/withdraw/credit is used as it is; every other argument
    // is a command or flag, which is ASCII.
    if let [cmd, path] = args.as_slice() {
        if let Some(kind) = cmd.to_str().and_then(question_kind) {
            if !matches!(path.to_str(), Some("--help" | "-h")) {
                return answer(kind, path);
            }
        }
    }
    let Some(args) = args.iter().map(|a| a.to_str()).collect::<Option<Vec<&str>>>() else {
        return usage_error(&format!("gongji: an argument is not valid text\n{USAGE}"));
    };
    match args.as_slice() {
        ["help" | "--help" | "-h"] => print(USAGE, ExitCode::SUCCESS),
        ["--version" | "-V"] => {
            print(&format!("gongji {} (rules {})", gongji::ENGINE_VERSION, gongji::data::rules_version()), ExitCode::SUCCESS)
        }
        [cmd, "--help" | "-h"] => match command_help(cmd) {
            Some(line) => {
                print(&format!("usage: {}", line.trim_start().trim_start_matches("usage:").trim_start()), ExitCode::SUCCESS)
            }
            None => usage_error(USAGE),
        },
        ["catalogue"] => print_json(&gongji::data::items()),
        ["rules"] => print_json(&gongji::data::rules()),
        ["regions"] => print_json(&gongji::data::places()),
        ["relations"] => print_json(&gongji::relations()),
        ["limits"] => print_json(&gongji::limits::LIMITS),
        ["version"] => print(
            &format!("{{\"engine\": \"{}\", \"rules\": \"{}\"}}", gongji::ENGINE_VERSION, gongji::data::rules_version()),
            ExitCode::SUCCESS,
        ),
        _ => usage_error(USAGE),
    }
}
