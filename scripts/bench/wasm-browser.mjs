// Wasm side of scripts/bench.sh in headless Chromium (playwright-core, /usr/bin/chromium): serves
// www/ with scripts/server.mjs, loads a bench page from www/pkg (gitignored), times evaluate() per
// scenario like wasm-node.mjs, and prints one JSON line per scenario plus the linear memory.
// Usage: node scripts/bench/wasm-browser.mjs FILE...
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'package.json'));
const { chromium } = require('playwright-core');
const pkg = path.join(root, 'www/pkg');
const scenarios = process.argv.slice(2).map((f) => [path.basename(f, '.json'), JSON.parse(fs.readFileSync(f, 'utf8'))]);

fs.writeFileSync(path.join(pkg, '__bench.html'),
  '<!doctype html><meta charset="utf-8"><title>bench</title><script src="__measure.js"></script><script type="module" src="__bench.js"></script>\n');
fs.copyFileSync(path.join(here, 'measure.js'), path.join(pkg, '__measure.js'));
fs.writeFileSync(path.join(pkg, '__bench.js'),
  "import init, { evaluate } from './gongji.js';\n" +
  `const scenarios = ${JSON.stringify(scenarios)};\n` +
  "init({ module_or_path: 'gongji_bg.wasm' }).then(function (w) {\n" +
  '  const initial = w.memory.buffer.byteLength; const out = [];\n' +
  '  for (const [name, s] of scenarios) out.push(gongjiMeasure(name, s, evaluate, function () { return performance.now(); }));\n' +
  '  out.push({ memory_bytes_initial: initial, memory_bytes_peak: w.memory.buffer.byteLength });\n' +
  '  window.__bench = out;\n' +
  '}, function (e) { window.__bench = { failed: String(e) }; });\n');

const srv = await startServer({ root: path.join(root, 'www') });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
let code = 0;
try {
  const page = await browser.newPage();
  await page.goto(srv.url + 'pkg/__bench.html');
  await page.waitForFunction(() => window.__bench, null, { timeout: 300000 });
  const r = await page.evaluate(() => window.__bench);
  if (r.failed) throw new Error(r.failed);
  for (const line of r) console.log(JSON.stringify(line));
} catch (e) {
  console.error('wasm-browser bench failed: ' + e.message); code = 1;
} finally {
  await browser.close(); await srv.close();
  for (const f of ['__bench.html', '__bench.js', '__measure.js']) fs.rmSync(path.join(pkg, f), { force: true });
}
process.exit(code);
