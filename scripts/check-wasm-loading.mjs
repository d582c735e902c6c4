// Loads www/pkg in headless Chromium (playwright-core, /usr/bin/chromium; no browser download)
// under the production CSP, with the .wasm served as application/wasm, application/octet-stream
// and text/plain (bad CDNs), at the site root and under a sub-path, and checks that init() with
// no argument finds the module and evaluate() answers the SPEC §7 example.
// Usage: node scripts/check-wasm-loading.mjs   (after scripts/build-wasm.sh)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const { chromium } = require('playwright-core');
const pkg = path.join(root, 'www/pkg');
if (!fs.existsSync(path.join(pkg, 'gongji_bg.wasm'))) { console.error('www/pkg missing: run scripts/build-wasm.sh'); process.exit(2); }

// A page at the root of www/ (like index.html), served from www/pkg (gitignored, ours) with a <base>.
const example = fs.readFileSync(path.join(root, 'examples/spec_example.json'), 'utf8');
fs.writeFileSync(path.join(pkg, '__check.html'),
  '<!doctype html><meta charset="utf-8"><base href="../"><title>wasm check</title>' +
  '<script type="module" src="pkg/__check.js"></script>\n');
fs.writeFileSync(path.join(pkg, '__check.js'),
  "import init, { evaluate, version } from './gongji.js';\n" +
  `const scenario = ${example.trim()};\n` +
  'init().then(function () { window.__gongji = { out: evaluate(scenario), version: version() }; },\n' +
  '  function (e) { window.__gongji = { failed: String(e && e.stack || e) }; });\n');

// The site's own server (scripts/server.mjs, as scripts/serve.sh runs it) on www/.
function serve(mime, prefix) {
  return startServer({ root: path.join(root, 'www'), wasmMime: mime, prefix, frameAncestors: "'self'", referrerPolicy: 'no-referrer' });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
let failed = 0, passed = 0;
try {
  for (const mime of ['application/wasm', 'application/octet-stream', 'text/plain']) {
    for (const prefix of ['', '/news/2026/tools/gongji']) {
      const srv = await serve(mime, prefix);
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push('pageerror: ' + e));
      page.on('console', (m) => { if (m.type() === 'error' && !/favicon/.test(m.location().url || '')) problems.push('console: ' + m.text() + ' ' + (m.location().url || '')); });
      page.on('requestfailed', (r) => problems.push('request failed: ' + r.url()));
      page.on('response', (r) => { if (r.status() >= 400 && !/favicon\.ico$/.test(r.url())) problems.push(r.status() + ' ' + r.url()); });
      const label = `wasm as ${mime}, ${prefix || 'site root'}`;
      try {
        await page.goto(srv.url + 'pkg/__check.html');
        await page.waitForFunction(() => window.__gongji, null, { timeout: 20000 });
        const r = await page.evaluate(() => window.__gongji);
        if (r.failed) throw new Error(r.failed);
        if (!r.out || !r.out.balances || r.out.balances.me !== '2550.00') throw new Error('wrong answer: ' + JSON.stringify(r.out));
        if (problems.length) throw new Error(problems.join('; '));
        passed++; console.log(`  ok    ${label}`);
      } catch (e) {
        failed++; console.log(`  FAIL  ${label}: ${e.message}`);
      } finally {
        await page.close();
        await srv.close();
      }
    }
  }
} finally {
  await browser.close();
  fs.rmSync(path.join(pkg, '__check.html'), { force: true });
  fs.rmSync(path.join(pkg, '__check.js'), { force: true });
}
console.log(`check-wasm-loading: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
