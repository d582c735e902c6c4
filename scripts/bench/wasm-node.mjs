// Wasm side of scripts/bench.sh in Node: times evaluate() (JS object in, JS object out) of each
// scenario file with the built www/pkg (or $GONGJI_PKG), prints one JSON line per scenario, then
// the wasm linear memory (initial and after all scenarios, the year one included).
// Usage: node scripts/bench/wasm-node.mjs FILE...
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const measure = createRequire(import.meta.url)(path.join(here, 'measure.js'));
const pkg = path.resolve(process.env.GONGJI_PKG || path.join(here, '../../www/pkg'));
const { initSync, evaluate } = await import(path.join(pkg, 'gongji.js'));
const wasm = initSync({ module: fs.readFileSync(path.join(pkg, 'gongji_bg.wasm')) });
const memInitial = wasm.memory.buffer.byteLength;

for (const file of process.argv.slice(2)) {
  const scenario = JSON.parse(fs.readFileSync(file, 'utf8'));
  const row = measure(path.basename(file, '.json'), scenario, evaluate, () => performance.now());
  // Where the wasm/native difference goes, part 1: the JS side of the boundary alone (the
  // scenario to JSON text, the answer's text back to objects), which native does not do.
  const outText = JSON.stringify(evaluate(scenario));
  row.boundary_js_us = measure('boundary', scenario, (s) => { JSON.stringify(s); return JSON.parse(outText); }, () => performance.now()).median_us;
  console.log(JSON.stringify(row));
}
console.log(JSON.stringify({ memory_bytes_initial: memInitial, memory_bytes_peak: wasm.memory.buffer.byteLength }));
