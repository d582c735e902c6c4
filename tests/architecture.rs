//! ARCHITECTURE.md says only what is true of the tree (issue 24 item 6): every file or folder it
//! names in backticks exists, and the limits it states are the engine's (`src/limits.rs`).

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn text() -> String {
    std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap()
}

/// Backticked words that look like a repository path: a folder ending in `/`, or a name with an
/// extension under one of the tree's top folders (generated outputs and globs left out).
fn named_paths(doc: &str) -> Vec<String> {
    let tops = ["src/", "build/", "data/", "www/", "tests/", "scripts/", "crates/", "docs/", "examples/", "fuzz/", ".cargo/"];
    let mut out = Vec::new();
    for (i, part) in doc.split('`').enumerate() {
        if i % 2 == 0 || part.contains(char::is_whitespace) || part.contains('*') || part.contains('<') {
            continue;
        }
        let p = part.trim_end_matches([',', '.', ':']);
        let generated =
            p.starts_with("www-dist") || p.starts_with("www/pkg/") || p.contains("$OUT_DIR") || p.contains("node_modules");
        let file_like = p.rsplit('/').next().is_some_and(|last| last.contains('.')) || p.ends_with('/');
        if !generated && file_like && tops.iter().any(|t| p.starts_with(t)) {
            out.push(p.to_string());
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_path_it_names_exists() {
    let doc = text();
    let paths = named_paths(&doc);
    assert!(paths.len() > 20, "ARCHITECTURE.md names few paths ({}): the parser is broken", paths.len());
    // A path may be written from the crate's root (`data/mod.rs` in the `src/` section).
    let exists = |p: &str| ["", "src", "crates/gongji-wasm"].iter().any(|base| root().join(base).join(p).exists());
    let missing: Vec<&String> = paths.iter().filter(|p| !exists(p)).collect();
    assert!(missing.is_empty(), "ARCHITECTURE.md names paths that do not exist: {missing:?}");
}

#[test]
fn the_limits_it_states_are_the_engines() {
    use gongji::limits::*;
    let doc = text();
    let at = doc.find("## Limits").expect("ARCHITECTURE.md has a Limits section");
    let limits = &doc[at..];
    for (what, n) in [
        ("members", MEMBERS),
        ("sharing lines", SHARING_LINES),
        ("expenses", EXPENSES),
        ("members whose insurance is unknown", UNKNOWN_INSURANCE),
    ] {
        assert!(limits.contains(&format!("{n} {what}")), "ARCHITECTURE.md Limits should say \"{n} {what}\"");
    }
    assert!(
        limits.contains(&format!("{}", gongji::advice::WORK_LIMIT).replace("100000", "100,000")) || limits.contains("100,000")
    );
}

/// Under a folder's heading (`### \`src/\` — …`), a file named without its folder is in it
/// (`lib.rs` under `src/` is `src/lib.rs`), or somewhere below it (`binding.rs` under
/// `crates/gongji-wasm/`).
#[test]
fn the_files_each_folder_section_names_are_in_it() {
    let doc = text();
    let mut missing = Vec::new();
    let mut checked = 0;
    for section in doc.split("\n### `").skip(1) {
        let Some(folder) = section.split('`').next().filter(|f| f.ends_with('/')) else { continue };
        let folder = folder.to_string();
        let base = root().join(&folder);
        let body = section.split("\n## ").next().unwrap_or("");
        for (i, part) in body.split('`').enumerate() {
            let name = part.trim_end_matches([',', '.', ':']);
            // The heading's opening backtick went with the split: backticked words are at even places.
            let looks_like_file = i % 2 == 0
                && i > 0
                && !name.contains(char::is_whitespace)
                && !name.contains('*')
                && !name.starts_with('$')
                && [".rs", ".json", ".mjs", ".js", ".md", ".sh", ".html", ".css", ".ts"].iter().any(|x| name.ends_with(x));
            if !looks_like_file || name.contains("www-dist") || name.starts_with("www/pkg") {
                continue;
            }
            checked += 1;
            let found = root().join(name).exists() || base.join(name).exists() || find_below(&base, name);
            if !found {
                missing.push(format!("{folder}: {name}"));
            }
        }
    }
    assert!(checked > 40, "few files checked ({checked}): the parser is broken");
    assert!(missing.is_empty(), "ARCHITECTURE.md names files its sections do not hold: {missing:?}");
}

fn find_below(dir: &std::path::Path, name: &str) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else { return false };
    entries.flatten().any(|e| {
        let p = e.path();
        if p.ends_with(name) {
            return true;
        }
        p.is_dir() && !p.ends_with("node_modules") && !p.ends_with("target") && find_below(&p, name)
    })
}
