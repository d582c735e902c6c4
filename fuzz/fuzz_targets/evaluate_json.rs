//! Fuzz target: arbitrary bytes into the JSON entry point of every engine function.
//! Any panic is a bug (in wasm it would kill the module for the rest of the visit).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for kind in ["evaluate", "advise", "withdrawal", "credit"] {
        if let Some((out, _)) = gongji::run_json(kind, &text) {
            // Whatever came in, what comes out is JSON.
            assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok());
        }
    }
});
