//! The WebAssembly binding's tests (wasm-bindgen-test, Node and headless Chromium) are in
//! tests/wasm_binding/tests.rs, compiled into the library as a unit-test module because the
//! binding (src/wasm.rs) is private. Run them with scripts/test.sh, or:
//!
//!     bash scripts/gen-wasm-golden-list.sh
//!     cargo test --lib --target wasm32-unknown-unknown                            # Node
//!     WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_WEBDRIVER_JSON=$PWD/scripts/webdriver.json \
//!       cargo test --lib --target wasm32-unknown-unknown                          # Chromium
//!
//! Natively this file checks that the embedded list of golden cases is well-formed.

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn wasm_golden_list_names_existing_cases() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let list = std::fs::read_to_string(dir.join("tests/wasm_golden_list.in")).expect("tests/wasm_golden_list.in exists");
    let mut n = 0;
    for line in list.lines().filter(|l| l.contains("include_str!")) {
        let name = line.split('"').nth(1).expect("a quoted file name");
        assert!(
            dir.join("tests/golden").join(name).is_file(),
            "tests/wasm_golden_list.in names a missing case {name}: run scripts/gen-wasm-golden-list.sh"
        );
        n += 1;
    }
    assert!(n >= 40, "only {n} golden cases in tests/wasm_golden_list.in");
}
