#!/usr/bin/env bash
# The benchmark command (not part of the test run). Prints, in one run:
#   - .wasm size raw / gzip / brotli, JS glue size, first-visit bytes (scripts/bench/sizes.mjs)
#   - evaluation time of the scenarios in scripts/bench/scenarios (SPEC §7 example, a family of
#     8 with 4 sharers, a year of 200 expenses, and the kinship blow-up of issue 11: 我 + 19 sons
#     + 10 grandsons, 1000 expenses, without and with `via`): native Rust (examples/bench.rs,
#     profile bench-native), wasm in Node and wasm in headless Chromium; median per call, ratio
#     wasm/native; the kinship ratio without/with `via` (budget <= 3)
#   - native peak memory (maximum resident set size, /usr/bin/time -v) of one evaluation of each
#   - wasm linear memory after the scenarios (its peak is the 1000-expense kinship ones; it stays there)
#   - page timings: node tests/browser/bench.mjs (the page engineer's hook), when present
#   - order advice: a family of 6 in wasm; then the worst shapes within the limits (issue 11:
#     30 members, up to 100 sharing lines, 1000 expenses), time and peak memory, native and wasm
# Everything is also saved to bench-results/ (gitignored). Set GONGJI_SKIP_BUILD=1 to reuse www/pkg.
# Usage: scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
OUTDIR=bench-results
mkdir -p "$OUTDIR"
SCEN=(scripts/bench/scenarios/spec_example.json scripts/bench/scenarios/family_of_8.json scripts/bench/scenarios/year_200.json
  scripts/bench/scenarios/kin_blowup.json scripts/bench/scenarios/kin_blowup_via.json)

[ -d node_modules/playwright-core ] && [ -d node_modules/esbuild ] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
if [ "${GONGJI_SKIP_BUILD:-}" != 1 ]; then bash scripts/build-wasm.sh > "$OUTDIR/build.log" 2>&1 || { cat "$OUTDIR/build.log"; exit 1; }; fi

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(rustc --version); node $(node --version); $(/usr/bin/chromium --version 2>/dev/null || true)"
echo
echo "== sizes"
node scripts/bench/sizes.mjs | tee "$OUTDIR/sizes.txt"

echo
echo "== evaluation time (median per call; JSON/JS object in, out)"
cargo build -q --profile bench-native --example bench
NATIVE=target/bench-native/examples/bench
"$NATIVE" "${SCEN[@]}" > "$OUTDIR/native.jsonl"
node scripts/bench/wasm-node.mjs "${SCEN[@]}" > "$OUTDIR/wasm-node.jsonl"
if node scripts/bench/wasm-browser.mjs "${SCEN[@]}" > "$OUTDIR/wasm-chromium.jsonl"; then :; else echo "(Chromium bench failed)"; : > "$OUTDIR/wasm-chromium.jsonl"; fi
node - "$OUTDIR" <<'JS'
const fs = require('fs'); const dir = process.argv[2];
const read = (f) => fs.readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const native = read('native.jsonl'), node = read('wasm-node.jsonl'), chrome = read('wasm-chromium.jsonl');
const by = (rows, s) => rows.find((r) => r.scenario === s);
const us = (r) => (r ? (r.median_us >= 1000 ? (r.median_us / 1000).toFixed(2) + ' ms' : r.median_us.toFixed(1) + ' µs') : 'n/a');
const ratio = (w, n) => (w && n ? (w.median_us / n.median_us).toFixed(1) + '×' : 'n/a');
console.log('scenario'.padEnd(16), 'native'.padStart(11), 'wasm Node'.padStart(11), 'wasm Chromium'.padStart(14), '  Node/native', ' Chromium/native  (budget <= 2.5)');
for (const n of native) {
  const a = by(node, n.scenario), c = by(chrome, n.scenario);
  console.log(n.scenario.padEnd(16), us(n).padStart(11), us(a).padStart(11), us(c).padStart(14), ratio(a, n).padStart(13), ratio(c, n).padStart(16));
}
for (const n of native) {
  const a = by(node, n.scenario);
  if (a && a.boundary_js_us) console.log(`  ${n.scenario}: of wasm in Node ${us(a)}, ${us({ median_us: a.boundary_js_us })} (${(100 * a.boundary_js_us / a.median_us).toFixed(0)}%) is JSON.stringify + JSON.parse at the boundary; the rest is the module (opt-level "z", MVP lowering: docs/SITE.md "Performance")`);
}
for (const [label, rows] of [['native', native], ['wasm Node', node], ['wasm Chromium', chrome]]) {
  const amb = by(rows, 'kin_blowup'), via = by(rows, 'kin_blowup_via');
  if (amb && via) console.log(`kinship without via / with via (${label}): ${us(amb)} / ${us(via)} = ${ratio(amb, via)}  (budget <= 3)`);
}
for (const [label, rows] of [['Node', node], ['Chromium', chrome]]) {
  const m = rows.find((r) => r.memory_bytes_peak);
  if (m) console.log(`wasm linear memory (${label}): initial ${(m.memory_bytes_initial / 1048576).toFixed(2)} MiB, after the scenarios ${(m.memory_bytes_peak / 1048576).toFixed(2)} MiB (the peak of the 1000-expense kinship scenarios, whose answers are 1.3–1.7 MB of JSON; linear memory never shrinks; docs/BENCH.md)`);
}
JS

echo
echo "== native peak memory (one evaluation; maximum resident set size)"
for s in "${SCEN[@]}"; do
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$NATIVE" --runs 1 "$s" 2>&1 >/dev/null | sed -n "s|.*Maximum resident set size (kbytes): \([0-9]*\)|$(basename "$s" .json): \1 KiB|p"
  else
    echo "$(basename "$s" .json): /usr/bin/time not available"
  fi
done | tee "$OUTDIR/native-memory.txt"

echo
if [ -f tests/browser/bench.mjs ]; then
  echo "== page (tests/browser/bench.mjs)"
  node tests/browser/bench.mjs | tee "$OUTDIR/page.txt"
else
  echo "== page: tests/browser/bench.mjs not present (hook for the page benchmark)"
fi
echo; node scripts/bench/advice-node.mjs | tee "$OUTDIR/advice.txt"
echo
echo "== order advice, worst shapes within the limits (issue 11; scripts/bench/make-advice-scenarios.py)"
python3 scripts/bench/make-advice-scenarios.py "$OUTDIR/advice" > /dev/null
ADVICE=("$OUTDIR"/advice/advice_*.json)
# One process per scenario, so each peak is its own.
for f in "${ADVICE[@]}"; do "$NATIVE" --advise "$f"; done > "$OUTDIR/advice-native.jsonl"
for f in "${ADVICE[@]}"; do node scripts/bench/advice-node.mjs "$f"; done > "$OUTDIR/advice-wasm-node.jsonl"
node - "$OUTDIR" <<'JS'
const fs = require('fs'); const dir = process.argv[2];
const read = (f) => fs.readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const native = read('advice-native.jsonl'), node = read('advice-wasm-node.jsonl');
console.log('scenario'.padEnd(14), 'answer'.padEnd(24), 'native'.padStart(10), 'peak RSS'.padStart(10), 'wasm Node'.padStart(11), 'linear mem'.padStart(11), 'Node RSS'.padStart(10));
for (const n of native) {
  const w = node.find((r) => r.scenario === n.scenario) || {};
  const answer = n.error ? 'refused: ' + n.error : `${n.search} ${n.evaluated}`;
  console.log(n.scenario.padEnd(14), answer.padEnd(24), ((n.median_us / 1000).toFixed(1) + ' ms').padStart(10), ((n.peak_rss_kb / 1024).toFixed(1) + ' MB').padStart(10),
    (w.median_ms != null ? w.median_ms.toFixed(1) + ' ms' : 'n/a').padStart(11), (w.wasm_memory_bytes ? (w.wasm_memory_bytes / 1048576).toFixed(1) + ' MB' : 'n/a').padStart(11),
    (w.peak_rss_kb ? (w.peak_rss_kb / 1024).toFixed(0) + ' MB' : 'n/a').padStart(10));
}
console.log('(budget: <= 1 s natively and <= 64 MB, or refused at once; before issue 11, advice_issue took 132 s and 7 GB natively, the others ran out of 8 GB or took > 150 s)');
JS

