// Browser tests of old and restricted browsers (issue 25 item 6, SPEC §10.4): where WebAssembly is
// missing (deleted from the page, as in iOS Lockdown Mode) or refused (a policy without
// 'wasm-unsafe-eval', which is also what Chrome before 97 does with the page's own policy), the
// page answers with the same engine as JavaScript (pkg/gongji_fallback.*.js, binaryen's wasm2js of
// the same module); every golden case through it equals the native output; a browser that can run
// neither is told it is too old, in Chinese, inside the card; a modern visitor never fetches it.
// Also measured (printed, and written to artifacts/fallback-figures.json): its size (raw, gzip,
// brotli) and its time to answer at 4× CPU next to the module's.
// Usage: node tests/browser/fallback.mjs (or with --test-name-pattern=WORD).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromiumSession, ROOT, CSP } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, '../..');
const ART = path.join(here, 'artifacts');
fs.mkdirSync(ART, { recursive: true });
if (!fs.existsSync(path.join(ROOT, 'manifest.json'))) { console.error(ROOT + ' is not a built site: run scripts/build-wasm.sh first.'); process.exit(2); }
const MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
const FALLBACK = MANIFEST.lazy.find((f) => /gongji_fallback/.test(f));
const MOBILE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
// The page's policy without 'wasm-unsafe-eval' (sent as a header: with the meta tag's, both apply).
const NO_WASM_EVAL = (csp) => csp.replace(" 'wasm-unsafe-eval'", '');

const session = chromiumSession();
const startServer = (opts) => session.startServer(opts);
const problems = [];
const figures = {};
after(() => {
  if (Object.keys(figures).length) fs.writeFileSync(path.join(ART, 'fallback-figures.json'), JSON.stringify(figures, null, 1));
  assert.ok(problems.length === 0, 'page errors: ' + problems.slice(0, 6).join(' | '));
});
function check(cond, msg) { assert.ok(cond, msg); }
async function newPage(ctx, { expectViolations = false } = {}) {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push('pageerror: ' + e));
  page.on('console', (m) => {
    // the browser reports the refused module (CSP) on the console: expected where the test refuses it
    if (m.type() === 'error' && !(expectViolations && /Content Security Policy|wasm-unsafe-eval|WebAssembly/i.test(m.text()))) problems.push('console: ' + m.text());
  });
  return page;
}
const requests = (ctx) => { const seen = []; ctx.on('request', (r) => seen.push(r.url())); return seen; };
const usedFallback = (seen) => seen.some((u) => u.endsWith('/' + FALLBACK));

// What the page shows once the engine has answered.
async function answered(page, url) {
  await page.goto(url);
  await page.waitForSelector('html.ready, #fatal:not([hidden])', { timeout: 30000 });
  return page.evaluate(() => ({ ready: document.documentElement.classList.contains('ready'), fatal: document.querySelector('#fatal').hidden ? '' : document.querySelector('#fatal').innerText,
    answer: document.querySelector('#answer').getAttribute('data-answer'), text: document.querySelector('#answer').innerText,
    results: Array.from(document.querySelectorAll('#results [data-result]')).map((r) => r.innerText) }));
}

test('WebAssembly deleted, or refused by a policy without \'wasm-unsafe-eval\': the page answers with the engine as JavaScript, exactly as with the module', async () => {
  const srv = await startServer();
  const strict = await startServer({ policy: NO_WASM_EVAL });
  for (const q of ['', '?preset=dental', '?preset=student&embed=1', '?embed=compact&preset=impostor']) {
    // the module
    let ctx = await session.browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
    let seen = requests(ctx);
    const native = await answered(await newPage(ctx), srv.url + 'index.html' + q);
    check(native.ready && !usedFallback(seen), q + ': the module answers, the fallback is not fetched');
    await ctx.close();
    for (const [label, base, init] of [['WebAssembly deleted', srv.url, () => { delete window.WebAssembly; }], ['no \'wasm-unsafe-eval\'', strict.url, null]]) {
      ctx = await session.browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
      seen = requests(ctx);
      const page = await newPage(ctx, { expectViolations: !init });
      const violations = [];
      await page.exposeFunction('__violation', (v) => violations.push(v));
      await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__violation(e.violatedDirective + ' ' + e.blockedURI)));
      if (init) await page.addInitScript(init);
      const js = await answered(page, base + 'index.html' + q);
      check(js.ready && !js.fatal, `${label} ${q}: the page answers: ${JSON.stringify(js)}`);
      check(usedFallback(seen), `${label} ${q}: through the engine as JavaScript`);
      check(JSON.stringify(js) === JSON.stringify(native), `${label} ${q}: the same answer and results as the module's:\n${JSON.stringify(js).slice(0, 300)}\n${JSON.stringify(native).slice(0, 300)}`);
      if (!init) check(violations.some((v) => /script-src/.test(v)), `${label}: the browser did refuse the module: ${violations}`);
      // and it keeps answering after a change
      await page.click('[data-q="patient:father"]');
      await page.waitForFunction(() => /爸爸/.test(document.querySelector('#answer').textContent));
      if (q === '') await page.screenshot({ path: path.join(ART, 'fallback-' + (init ? 'no-wasm' : 'csp') + '.png') });
      await ctx.close();
    }
  }
});

test('every golden case through the engine as JavaScript (the shipped, minified file) equals the native output', async () => {
  // a page with the glue (www/pkg/gongji.js) and the shipped fallback, under a policy that refuses WebAssembly
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-fallback-'));
  fs.copyFileSync(path.join(REPO, 'www/pkg/gongji.js'), path.join(dir, 'gongji.js'));
  fs.copyFileSync(path.join(ROOT, FALLBACK), path.join(dir, 'fallback.js'));
  fs.copyFileSync(path.join(REPO, 'www/pkg/gongji_bg.wasm'), path.join(dir, 'gongji_bg.wasm'));
  const cases = fs.readdirSync(path.join(REPO, 'tests/golden')).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ name: f, ...JSON.parse(fs.readFileSync(path.join(REPO, 'tests/golden', f), 'utf8')) }));
  fs.writeFileSync(path.join(dir, 'cases.json'), JSON.stringify(cases.map((c) => ({ name: c.name, kind: c.kind || 'evaluate', input: c.input }))));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>fallback golden</title>
<meta http-equiv="Content-Security-Policy" content="${NO_WASM_EVAL(CSP)}"><link rel="icon" href="data:,">
<script src="fallback.js"></script><script type="module" src="run.js"></script>`);
  fs.writeFileSync(path.join(dir, 'run.js'), `import * as g from './gongji.js';
let refused = '';
try { await g.default({ module_or_path: 'gongji_bg.wasm' }); } catch (e) { refused = String(e); }
g.initFallback(window.__gongjiFallback);
const cases = await (await fetch('cases.json')).json();
const t0 = performance.now();
window.__out = { refused, outs: cases.map((c) => ({ name: c.name, out: g[c.kind](c.input) })), ms: performance.now() - t0, version: g.version() };
`);
  const srv = await startServer({ root: dir, policy: NO_WASM_EVAL });
  const ctx = await session.browser.newContext({ serviceWorkers: 'block' });
  const page = await newPage(ctx, { expectViolations: true });
  await page.goto(srv.url + 'index.html');
  await page.waitForFunction(() => window.__out, null, { timeout: 120000 });
  const r = await page.evaluate(() => window.__out);
  check(r.refused !== '', 'the module itself cannot load on this page');
  let same = 0;
  for (const o of r.outs) {
    const c = cases.find((x) => x.name === o.name);
    assert.deepStrictEqual(o.out, c.expected, o.name + ': the fallback differs from the native output');
    same++;
  }
  check(same === cases.length && same >= 100, 'every golden case: ' + same);
  console.log(`     ${same} golden cases through the fallback equal the native output (${r.ms.toFixed(0)} ms in all, no throttling)`);
  figures.golden = { cases: same, ms: Math.round(r.ms) };
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a browser that can run neither: says plainly, in Chinese, that it is too old (never "check the network"), inside the card at 320 px', async () => {
  const srv = await startServer();
  const strict = await startServer({ policy: NO_WASM_EVAL });
  const cases = [
    // the fallback fetched but not runnable (an engine too old for it)
    ['WebAssembly missing, the fallback does not run', srv.url, () => { delete window.WebAssembly; }, (r) => r.fulfill({ contentType: 'text/javascript', body: 'throw new SyntaxError("Unexpected token \'=>\' in a very long English message that would run off a narrow card if it were not wrapped properly");' }), 'old'],
    // WebAssembly refused and the fallback not reachable
    ['WebAssembly refused, the fallback missing', strict.url, null, (r) => r.fulfill({ status: 404, body: 'not found' }), 'old'],
    // the network really failed: then it says so
    ['the .wasm and the fallback both unreachable', srv.url, null, 'network', 'network'],
  ];
  for (const [label, base, init, fallbackRoute, kind] of cases) {
    const ctx = await session.browser.newContext({ ...MOBILE, viewport: { width: 320, height: 640 }, serviceWorkers: 'block' });
    if (fallbackRoute === 'network') await ctx.route(/\.(wasm|js)$/, (r) => (/gongji_(bg|fallback)/.test(r.request().url()) ? r.abort('internetdisconnected') : r.continue()));
    else await ctx.route('**/' + FALLBACK, fallbackRoute);
    const page = await newPage(ctx, { expectViolations: true });
    if (init) await page.addInitScript(init);
    const n = problems.length;
    const r = await answered(page, base + 'index.html');
    problems.length = n;   // the script error and refused module are what this test is about
    const box = await page.$eval('#fatal', (el) => ({ sw: el.scrollWidth, cw: el.clientWidth, right: el.getBoundingClientRect().right, vw: innerWidth,
      docw: document.documentElement.scrollWidth, kids: Array.from(el.querySelectorAll('*')).map((k) => k.getBoundingClientRect().right) }));
    check(!r.ready && r.fatal, label + ': the failure is shown: ' + JSON.stringify(r));
    if (kind === 'old') check(/浏览器太旧/.test(r.fatal) && !/网络/.test(r.fatal), `${label}: plain Chinese, too old, not the network: ${r.fatal}`);
    else check(/网络/.test(r.fatal), `${label}: the network: ${r.fatal}`);
    check(box.sw <= box.cw + 1 && box.right <= box.vw && box.docw <= box.vw && box.kids.every((x) => x <= box.vw), `${label}: the text stays in the card: ${JSON.stringify(box)}`);
    await page.screenshot({ path: path.join(ART, 'fallback-fails-' + kind + '-' + label.replace(/\W+/g, '-').slice(0, 30) + '.png') });
    await ctx.close();
  }
});

test('a modern visitor never fetches the fallback: not the page, not the service worker (also after going offline)', async () => {
  const srv = await startServer();
  const ctx = await session.browser.newContext({ ...MOBILE, serviceWorkers: 'allow' });
  const seen = requests(ctx);
  const page = await newPage(ctx);
  await page.goto(srv.url + 'index.html?preset=dental');
  await page.waitForSelector('html.ready');
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
  await page.reload();
  await page.waitForSelector('html.ready');
  const cached = await page.evaluate(async () => { const out = []; for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) out.push(r.url); return out; });
  check(cached.length >= 5 && !cached.some((u) => /gongji_fallback/.test(u)), 'the worker cached the release without the fallback: ' + cached.map((u) => u.split('/').pop()));
  await ctx.setOffline(true);
  await page.reload();
  await page.waitForSelector('html.ready');
  check(!usedFallback(seen) && seen.some((u) => /\.wasm$/.test(u)), 'no request for the fallback: ' + seen.map((u) => u.split('/').pop()).join(', '));
  await ctx.close();
});

// The time from navigation to the engine's first answer (performance mark gongji-engine-ready: the
// engine is loaded; gongji-first-result: the page is answered and built), at 4× CPU.
// slow: also the benchmark's phone network (1.6 Mbps down, 750 kbps up, 150 ms RTT; gzip).
async function timed(base, q, init, slow) {
  const ctx = await session.browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
  const page = await newPage(ctx, { expectViolations: true });
  if (init) await page.addInitScript(init);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (slow) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  }
  await page.goto(base + 'index.html' + q);
  await page.waitForSelector('html.ready', { timeout: 60000 });
  const t = await page.evaluate(() => ({ engine: performance.getEntriesByName('gongji-engine-ready')[0].startTime, ready: performance.getEntriesByName('gongji-first-result')[0].startTime }));
  // one more answer after a change, the page's own recompute
  const t0 = Date.now();
  await page.click('[data-q="patient:father"]');
  await page.waitForFunction(() => /爸爸/.test(document.querySelector('#answer').textContent));
  t.recompute = Date.now() - t0;
  await ctx.close();
  return t;
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
test('measured: the fallback\'s size, and its time to answer at 4× CPU next to the module\'s', async () => {
  const bytes = fs.readFileSync(path.join(ROOT, FALLBACK)), wasm = fs.readFileSync(path.join(ROOT, MANIFEST.files.find((f) => /\.wasm$/.test(f))));
  const size = (b) => ({ raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length, brotli: zlib.brotliCompressSync(b).length });
  figures.size = { fallback: size(bytes), wasm: size(wasm) };
  const srv = await startServer({ gzip: true });
  const RUNS = Number(process.env.FALLBACK_RUNS || 1);
  for (const slow of [false, true]) {
    for (const [label, init] of [['module', null], ['javascript', () => { delete window.WebAssembly; }]]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timed(srv.url, '?preset=dental', init, slow));
      figures[label + (slow ? ', 1.6 Mbps' : '')] = { engineReady: Math.round(median(runs.map((r) => r.engine))), answeredAndBuilt: Math.round(median(runs.map((r) => r.ready))),
        recomputeAfterTap: Math.round(median(runs.map((r) => r.recompute))), runs: RUNS };
    }
  }
  console.log('     fallback: ' + JSON.stringify(figures.size.fallback) + ' B; the module: ' + JSON.stringify(figures.size.wasm) + ' B');
  for (const k of ['module', 'javascript', 'module, 1.6 Mbps', 'javascript, 1.6 Mbps']) console.log(`     4x CPU, ${k}: ${JSON.stringify(figures[k])} (ms from navigation, median)`);
  check(figures.javascript.answeredAndBuilt < 15000, 'the fallback answers within 15 s at 4x CPU');
});
