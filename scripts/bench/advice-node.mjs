// Order advice in wasm (Node): a family of 6 with 3 sharers per patient and 50 expenses (issue 5).
// Prints the median time of `advise` over repeated runs, beside the number of orders compared.
// With scenario files as arguments (the worst shapes of scripts/bench/make-advice-scenarios.py,
// issue 11), times each instead and prints one JSON line per file: median and first-call time,
// wasm linear memory after it (it never shrinks: run one file per process for its own peak),
// the process's peak RSS, and the answer's search/evaluated or its error code.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(process.env.GONGJI_PKG || path.join(here, '..', '..', 'www', 'pkg'));
const { initSync, advise } = await import(path.join(pkg, 'gongji.js'));
const wasm = initSync({ module: fs.readFileSync(path.join(pkg, 'gongji_bg.wasm')) });

const files = process.argv.slice(2);
if (files.length) {
  for (const file of files) {
    const s = JSON.parse(fs.readFileSync(file, 'utf8'));
    const t0 = performance.now();
    const first = advise(s);
    const firstMs = performance.now() - t0;
    const times = [firstMs];
    for (let i = 0; i < 4 && firstMs < 5000; i++) {
      const t = performance.now();
      advise(s);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const row = { scenario: path.basename(file, '.json'), runs: times.length, median_ms: +times[times.length >> 1].toFixed(1), first_ms: +firstMs.toFixed(1),
      wasm_memory_bytes: wasm.memory.buffer.byteLength, peak_rss_kb: process.resourceUsage().maxRSS };
    if (first.error) row.error = first.error.code; else { row.search = first.search; row.evaluated = first.evaluated; }
    console.log(JSON.stringify(row));
  }
  process.exit(0);
}

const m = (id, relation, insurance, balance) => Object.assign({ id, relation, insurance, province: '福建' }, balance ? { balance } : {});
const scenario = {
  as_of: '2026-11-23', region: 'national',
  members: [m('me', 'self', 'employee', '3000.00'), m('wife', 'spouse', 'employee', '1200.00'),
    m('dad', 'father', 'employee_retired', '2500.00'), m('mom', 'mother', 'resident'),
    m('kid', 'daughter', 'resident'), m('son', 'son', 'resident')],
  sharing: [
    { from: 'dad', to: 'kid', order: 1 }, { from: 'me', to: 'kid', order: 2 }, { from: 'wife', to: 'kid', order: 3 },
    { from: 'me', to: 'son', order: 1 }, { from: 'wife', to: 'son', order: 2 }, { from: 'dad', to: 'son', order: 3 },
    { from: 'me', to: 'mom', order: 1 }, { from: 'dad', to: 'mom', order: 2 },
  ],
  expenses: Array.from({ length: 50 }, (_, i) => ({
    patient: ['kid', 'son', 'mom'][i % 3], item: 'outpatient_visit', venue: 'designated_hospital',
    personal_burden: (80 + (i * 37) % 300).toFixed(2), card: 'own',
  })),
};
const first = advise(scenario);
if (first.error) { console.error(first.error); process.exit(1); }
const times = [];
for (let i = 0; i < 15; i++) {
  const t0 = performance.now();
  advise(scenario);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`order advice (wasm, Node): family of 6, 3 patients with 3/3/2 sharers, 50 expenses: ${first.evaluated} orders compared (${first.search}), median ${times[7].toFixed(1)} ms, min ${times[0].toFixed(1)} ms`);
