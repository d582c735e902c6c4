#!/usr/bin/env bash
# Runs the engine's fuzz targets (evaluate_json, scenario_fields, json_reader: the JSON reader
# against serde_json) for a set time each (default 60 s), with a corpus seeded from
# the golden cases. Not part of CI. Uses cargo-fuzz (libFuzzer) on the stable toolchain:
# RUSTC_BOOTSTRAP=1 lets stable rustc accept the sanitizer flags cargo-fuzz passes.
# Any crash is saved under fuzz/artifacts/<target>/ and must become a golden case.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
export RUSTC_BOOTSTRAP=1
mkdir -p fuzz/corpus/evaluate_json fuzz/corpus/scenario_fields fuzz/corpus/json_reader
for f in tests/golden/*.json; do
  # The seed is the case's input, as the engine would receive it.
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["input"], ensure_ascii=False))' "$f" \
    > "fuzz/corpus/evaluate_json/$(basename "$f" .json)"
  cp "fuzz/corpus/evaluate_json/$(basename "$f" .json)" fuzz/corpus/json_reader/
done
status=0
for target in evaluate_json scenario_fields json_reader; do
  echo "== fuzzing $target for ${seconds}s"
  log="fuzz/${target}.log"
  if ! cargo fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 2>&1 | tee "$log" | grep -E '^(#[0-9]+\s+DONE|==[0-9]+== ERROR|SUMMARY)'; then
    :
  fi
  if grep -qE 'ERROR: libFuzzer|panicked|SUMMARY: ' "$log"; then
    echo "!! $target crashed: see $log and fuzz/artifacts/$target/"; status=1
  fi
  grep -oE 'Done [0-9]+ runs in [0-9]+ second\(s\)' "$log" | tail -n 1 | sed "s/^/$target: /"
done
exit $status
