// Browser tests of the built site (www-dist/, scripts/build-site.mjs), issue 15 item 3 and 17:
//  - the prerendered first answer is the module's answer: same text, data-answer and colour,
//    nothing moves when the page takes over; a preset or a link never shows it;
//  - the service worker moves between releases atomically: v1 → v2 half deployed (v2's sw.js and
//    index.html, its scripts and .wasm missing or stale) keeps v1 whole; v2 whole takes over at
//    once, never a mix, and no navigation hangs at the takeover (issue 24 item 7, issue 25 item 5);
//  - two copies on one origin keep each other's offline cache;
//  - what ships: hashed names, the manifest in the worker, the preload list, the CSP.
// On node:test, one browser, one test after the other: `node tests/browser/site.mjs`, or
// `node --test-name-pattern='service worker' tests/browser/site.mjs` for some. Add a test at the end
// with test(name, async () => { ... }); every page made with newPage() is checked for page errors.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';
import { chromiumSession, ROOT, CSP, withInline } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
if (!fs.existsSync(path.join(ROOT, 'manifest.json'))) { console.error(ROOT + ' is not a built site: run scripts/build-wasm.sh first.'); process.exit(2); }
const MOBILE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const errors = [];
const session = chromiumSession();
const startServer = (opts) => session.startServer(opts);
after(() => check(errors.length === 0, 'page errors: ' + errors.slice(0, 5).join(' | ')));
function check(cond, msg) { assert.ok(cond, msg); }
async function newPage(ctx) {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  return page;
}

// What a visitor sees of the first screen.
function firstScreen() {
  // markup with attributes in a fixed order (the build's DOM writes them in another order)
  const norm = (n) => n.nodeType === 3 ? n.data : n.nodeType !== 1 ? '' : '<' + n.localName +
    Array.from(n.attributes).map((a) => ' ' + a.name + '="' + a.value + '"').sort().join('') + '>' + Array.from(n.childNodes).map(norm).join('') + '</>';
  const bar = document.querySelector('#answer');
  const quick = document.querySelector('#quick');
  // (the next steps behind "全文" are hidden until opened: the engine's words for the place, which
  // the prerendered bar may not have yet)
  const shown = bar.cloneNode(true);
  shown.querySelectorAll('.ab-later').forEach((x) => x.remove());
  return {
    answer: bar.getAttribute('data-answer'), cls: bar.className, text: bar.innerText, html: norm(shown),
    quick: quick.innerText, quickHtml: Array.from(quick.childNodes).map(norm).join('').replace(/ selected=""/g, ''),
    pressed: Array.from(quick.querySelectorAll('[aria-pressed="true"]')).map((b) => b.getAttribute('data-q')),
    selects: Array.from(quick.querySelectorAll('select')).map((s) => (s.id || s.getAttribute('data-q')) + '=' + s.value),
    places: Array.from(quick.querySelectorAll('input')).map((s) => s.id + '=' + s.value),
    top: Math.round(bar.getBoundingClientRect().top), bottom: Math.round(bar.getBoundingClientRect().bottom),
    quickHeight: Math.round(quick.getBoundingClientRect().height),
  };
}

test('prerendered first answer = the module\'s answer, and nothing moves when the page takes over (bare, ?region=ID with the same answer, ?embed=1)', async () => {
  const srv = await startServer();
  for (const q of ['', '?region=fuzhou', '?embed=1', '?embed=1&region=shenzhen', '?embed=compact', '?embed=compact&region=fuzhou']) {
    // the page's script never arrives: exactly what the HTML shows before the engine has loaded
    let ctx = await session.browser.newContext(MOBILE);
    await ctx.route('**/app.*.js', (r) => r.abort());
    let page = await newPage(ctx);
    await page.goto(srv.url + 'index.html' + q);
    const pre = await page.evaluate(firstScreen);
    check(pre.answer && pre.answer !== 'none' && pre.text.length > 4, q + ': the HTML carries an answer: ' + JSON.stringify(pre));
    check(pre.bottom <= 740, q + ': the prerendered answer is on the first screen: ' + pre.bottom);
    const place = { fuzhou: '福州', shenzhen: '深圳' }[(/region=(\w+)/.exec(q) || [])[1]] || '';
    check(pre.places.includes('region=' + place), q + ': the place shown is the address\'s: ' + pre.places);
    await ctx.close();
    // with scripts: the page takes over; record every answer the bar shows on the way — in
    // every frame drawn after a change (requestAnimationFrame), and only once #status is parsed:
    // before it nothing is drawn (<link rel=expect blocking=render>), and a bar the parser has
    // half read (a network chunk ending inside it, on a busy machine) is never seen.
    ctx = await session.browser.newContext(MOBILE);
    await ctx.addInitScript(() => {
      window.__seen = [];
      let pending = false;
      const look = () => {
        pending = false;
        const el = document.querySelector('#answer');
        if (el && el.firstChild && document.getElementById('status')) {
          const shown = el.cloneNode(true);
          shown.querySelectorAll('.ab-later').forEach((x) => x.remove());   // hidden until 全文
          const s = el.getAttribute('data-answer') + '|' + shown.textContent;
          if (window.__seen[window.__seen.length - 1] !== s) window.__seen.push(s);
        }
      };
      new MutationObserver(() => { if (!pending) { pending = true; requestAnimationFrame(look); } })
        .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    page = await newPage(ctx);
    await page.goto(srv.url + 'index.html' + q);
    await page.waitForSelector('html.ready');
    const live = await page.evaluate(firstScreen);
    for (const k of Object.keys(pre)) check(JSON.stringify(pre[k]) === JSON.stringify(live[k]), `${q}: ${k} changed at takeover: ${JSON.stringify(pre[k])} → ${JSON.stringify(live[k])}`);
    const seen = await page.evaluate(() => window.__seen);
    check(seen.every((s) => s === seen[0]), q + ': the bar showed something else on the way: ' + JSON.stringify(seen));
    // and it is the module's answer for the same question computed now (not only the page's redraw)
    await page.click('[data-q="patient:father"]');
    await page.waitForFunction(() => /爸爸/.test(document.querySelector('#answer').textContent));
    await page.click('[data-q="patient:mother"]');
    await page.waitForFunction((t) => document.querySelector('#answer').innerText === t, pre.text);
    check(await page.$eval('#answer', (el) => el.getAttribute('data-answer')) === pre.answer, q + ': recomputed: same answer');
    await ctx.close();
  }
  await srv.close();
});

// Init script: what the answer bar shows in every frame drawn before the page is ready.
function framesOfTheBar() {
  window.__frames = [];
  const look = () => {
    const bar = document.getElementById('answer');
    if (bar && document.getElementById('status')) {
      window.__frames.push({ answer: bar.getAttribute('data-answer'), top: Math.round(bar.getBoundingClientRect().top),
        visible: getComputedStyle(bar).visibility === 'visible' && getComputedStyle(document.getElementById('app')).visibility === 'visible' });
    }
    if (!document.documentElement || !document.documentElement.classList.contains('ready')) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

test('each worked example (?preset=ID) shows its own prerendered question and answer = the module\'s, before the engine; nothing moves at takeover', async () => {
  const srv = await startServer();
  const ids = [...fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8').matchAll(/<div data-preset="([a-z0-9_]+)"/g)].map((m) => m[1]);
  check(ids.length >= 6, 'every example prerendered: ' + ids);
  for (const embed of ['', '&embed=1']) {
    for (const id of ids) {
      const q = '?preset=' + id + embed;
      // without the page's script: what the HTML shows
      let ctx = await session.browser.newContext(MOBILE);
      await ctx.route('**/app.*.js', (r) => r.abort());
      let page = await newPage(ctx);
      await page.goto(srv.url + 'index.html' + q);
      await page.waitForLoadState('load');
      const pre = await page.evaluate(() => {
        const bar = document.querySelector('#answer');
        const quick = document.querySelector('#quick');
        return { answer: bar.getAttribute('data-answer'), cls: bar.className, text: bar.innerText, visible: getComputedStyle(bar).visibility,
          quick: getComputedStyle(quick).visibility, question: quick.innerText, top: Math.round(bar.getBoundingClientRect().top),
          pressed: Array.from(quick.querySelectorAll('[aria-pressed="true"]')).map((b) => b.getAttribute('data-q')).join(' '),
          statusBars: document.querySelectorAll('[data-answer][role=status]').length };
      });
      check(pre.answer && pre.answer !== 'none' && pre.visible === 'visible' && pre.quick === 'visible' && pre.statusBars === 1,
        q + ': the example\'s question and answer show (and only the bar): ' + JSON.stringify(pre));
      check(pre.top >= 0 && pre.top < 700, q + ': the prerendered answer is on the first screen: ' + pre.top);
      await ctx.close();
      // with the engine: the same answer, text and place; and in every frame drawn before, the
      // bar showed that answer or nothing (never the bare page's), in that place
      ctx = await session.browser.newContext(MOBILE);
      await ctx.addInitScript(framesOfTheBar);
      page = await newPage(ctx);
      await page.goto(srv.url + 'index.html' + q);
      await page.waitForSelector('html.ready');
      const live = await page.evaluate(() => {
        const bar = document.querySelector('#answer');
        const quick = document.querySelector('#quick');
        return { answer: bar.getAttribute('data-answer'), cls: bar.className, text: bar.innerText, top: Math.round(bar.getBoundingClientRect().top), frames: window.__frames,
          question: quick.innerText, pressed: Array.from(quick.querySelectorAll('[aria-pressed="true"]')).map((b) => b.getAttribute('data-q')).join(' ') };
      });
      const odd = live.frames.filter((f) => f.visible && (f.answer !== live.answer || Math.abs(f.top - live.top) > 2));
      check(odd.length === 0, `${q}: before takeover the bar showed another answer or stood elsewhere (now ${live.answer}@${live.top}): ${JSON.stringify(odd.slice(0, 3))}`);
      for (const k of ['answer', 'cls', 'text', 'question', 'pressed']) check(pre[k] === live[k], `${q}: ${k} changed at takeover: ${JSON.stringify(pre[k])} → ${JSON.stringify(live[k])}`);
      check(Math.abs(pre.top - live.top) <= 2, `${q}: the bar moved at takeover: ${pre.top} → ${live.top}`);
      await ctx.close();
    }
  }
  await srv.close();
});

test('an example at a place, an unknown place or example, a shared link: no prerendered answer shows', async () => {
  const srv = await startServer();
  const ctx = await session.browser.newContext(MOBILE);
  await ctx.route('**/app.*.js', (r) => r.abort());   // the engine never arrives
  const page = await newPage(ctx);
  for (const q of ['?preset=nosuch', '?preset=dental&region=fuzhou', '?region=nosuch', '#s=abc']) {
    await page.goto(srv.url + 'index.html' + q);
    await page.waitForLoadState('load');
    const s = await page.evaluate(() => ({ app: getComputedStyle(document.querySelector('#app')).visibility, loading: !!document.querySelector('#loading').getClientRects().length }));
    check(s.app === 'hidden' && s.loading, q + ': ' + JSON.stringify(s));
  }
  await page.goto(srv.url + 'index.html?embed=1');
  await page.waitForLoadState('load');
  check(await page.evaluate(() => document.documentElement.classList.contains('embed') && getComputedStyle(document.querySelector('#answer')).visibility === 'visible'),
    '?embed=1: the answer shows and the chrome is hidden from the start');
  await ctx.close();
  await srv.close();
});

test('a shared link: the engine\'s answer is painted first, with its question, before the forms; nothing moves when the rest is built', async () => {
  const srv = await startServer();
  const ctx = await session.browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
  let page = await newPage(ctx);
  await page.goto(srv.url + 'index.html?preset=dental');
  await page.waitForSelector('html.ready');
  await page.click('#copy-link');
  await page.waitForSelector('#link-msg[data-done]', { timeout: 30000 });   // made asynchronously
  const link = await page.inputValue('#link-out');
  await page.close();
  // the first frame with html.answered, seen just before it is drawn
  await ctx.addInitScript(() => {
    new MutationObserver(() => {
      const root = document.documentElement;
      if (window.__first || !root.classList.contains('answered') || root.classList.contains('ready')) return;
      window.__first = 'pending';
      requestAnimationFrame(() => {
        const bar = document.querySelector('#answer'), vis = (sel) => getComputedStyle(document.querySelector(sel)).visibility;
        window.__first = { answer: bar.getAttribute('data-answer'), text: bar.innerText, top: Math.round(bar.getBoundingClientRect().top),
          quick: document.querySelector('#quick').innerText, barVis: vis('#answer'), quickVis: vis('#quick'), results: vis('.result-block'),
          loading: !!document.querySelector('#loading').getClientRects().length, ready: root.classList.contains('ready') };
      });
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  page = await newPage(ctx);
  await page.goto(link);
  await page.waitForSelector('html.ready');
  const r = await page.evaluate(() => {
    const bar = document.querySelector('#answer');
    return { first: window.__first, answer: bar.getAttribute('data-answer'), text: bar.innerText, top: Math.round(bar.getBoundingClientRect().top), quick: document.querySelector('#quick').innerText };
  });
  const f = r.first;
  check(f && typeof f === 'object', 'the answer was drawn before the rest: ' + JSON.stringify(f));
  check(!f.ready && f.barVis === 'visible' && f.quickVis === 'visible' && f.results === 'hidden' && !f.loading, 'first frame: the question and its answer only: ' + JSON.stringify(f));
  check(f.answer === 'yes' && f.answer === r.answer && f.text === r.text && f.quick === r.quick, 'the same answer and question once all is built: ' + JSON.stringify([f, r]));
  check(f.top === r.top, 'the bar does not move: ' + f.top + ' → ' + r.top);
  await ctx.close();
  await srv.close();
});

// A release as a host makes it: v1 is the built site; v2 changes the app bundle (it marks the page)
// and the .wasm (a custom section appended), then the build's release step renames them by their
// new content and rewrites the manifest. The host keeps v1's files for pages of v1 still open.
function makeReleases(tmp) {
  const v1 = path.join(tmp, 'v1'), v2 = path.join(tmp, 'v2');
  fs.cpSync(ROOT, v1, { recursive: true });
  fs.cpSync(ROOT, v2, { recursive: true });
  const m1 = JSON.parse(fs.readFileSync(path.join(v1, 'manifest.json'), 'utf8'));
  const app = m1.files.find((f) => /^app\.[0-9a-f]{10}\.js$/.test(f)), wasm = m1.files.find((f) => /\.wasm$/.test(f));
  fs.appendFileSync(path.join(v2, app), '\ndocument.documentElement.setAttribute("data-build","v2");\n');
  const name = Buffer.from('gongji-release-v2');
  fs.appendFileSync(path.join(v2, wasm), Buffer.concat([Buffer.from([0, name.length + 1, name.length]), name]));
  execFileSync(process.execPath, [path.resolve(here, '../../scripts/build-site.mjs'), '--release', v2]);
  const m2 = JSON.parse(fs.readFileSync(path.join(v2, 'manifest.json'), 'utf8'));
  for (const f of [app, wasm]) fs.copyFileSync(path.join(v1, f), path.join(v2, f));   // v1's files stay on the host
  return { v1, v2, m1, m2, app1: app, wasm1: wasm, app2: m2.files.find((f) => /^app\./.test(f)), wasm2: m2.files.find((f) => /\.wasm$/.test(f)) };
}

test('service worker: v2 half deployed (its sw.js and index.html; its scripts and .wasm missing, or stale v1 bytes under v2\'s names) never installs, v1 keeps serving whole; v2 whole takes over at once; no navigation hangs', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-sw-'));
  const R = makeReleases(tmp);
  check(R.m1.version !== R.m2.version && R.app1 !== R.app2 && R.wasm1 !== R.wasm2, 'two releases, new names: ' + [R.app1, R.app2, R.wasm1, R.wasm2]);
  // half deployed: v1's files, with v2's sw.js, index.html and manifest.json over them
  const half = path.join(tmp, 'half');
  fs.cpSync(R.v1, half, { recursive: true });
  for (const f of ['sw.js', 'index.html', 'manifest.json']) fs.copyFileSync(path.join(R.v2, f), path.join(half, f));
  const len = (d, f) => fs.statSync(path.join(d, f)).size;
  const opts = { root: R.v1, alias: null };
  const srv = await startServer(opts);
  const scope = new URL(srv.url).pathname;
  const cacheOf = (m) => 'gongji ' + scope + ' ' + m.version;
  const ctx = await session.browser.newContext({ ...MOBILE, serviceWorkers: 'allow' });
  // One visit: the script it runs, the .wasm its own preload link names (as the page would fetch
  // it), the caches. A navigation that does not load within 20 s fails the test.
  async function visit(label) {
    const page = await newPage(ctx);
    await page.goto(srv.url + 'index.html', { timeout: 20000 });
    await page.waitForSelector('html.ready', { timeout: 20000 });
    const v = await page.evaluate(async () => {
      const href = document.querySelector('link[rel=preload][type="application/wasm"]').getAttribute('href');
      return {
        script: document.documentElement.getAttribute('data-build') || 'v1', wasmName: href,
        wasm: (await (await fetch(href)).arrayBuffer()).byteLength,
        caches: await caches.keys(), controlled: !!navigator.serviceWorker.controller,
        answer: document.querySelector('#answer').getAttribute('data-answer'), fatal: !document.querySelector('#fatal').hidden,
      };
    });
    v.wasmVersion = v.wasm === len(R.v1, R.wasm1) ? 'v1' : v.wasm === len(R.v2, R.wasm2) ? 'v2' : 'other';
    check(!v.fatal && v.answer && v.answer !== 'none', `${label}: the page works: ${JSON.stringify(v)}`);
    check(v.script === v.wasmVersion, `${label}: mixed versions: script ${v.script}, wasm ${v.wasmVersion}`);
    return { page, v };
  }
  // the worker looks for a new release; resolves once it is installed and active, or refused
  const settle = (page) => page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    try { await r.update(); } catch (e) { /* a refused release */ }
    for (let i = 0; i < 200 && (r.installing || r.waiting || (r.active && r.active.state !== 'activated')); i++) await new Promise((res) => setTimeout(res, 100));
    return { installing: !!r.installing, waiting: !!r.waiting, active: r.active && r.active.state };
  });
  // v1, installed and in control (its activation claims the first page)
  let { page, v } = await visit('v1 first visit');
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
  await page.close();
  ({ page, v } = await visit('v1 second visit'));
  check(v.controlled && v.script === 'v1' && JSON.stringify(v.caches) === JSON.stringify([cacheOf(R.m1)]), 'v1 cached (named by its scope) and in control: ' + JSON.stringify(v));
  // half deployed, v2's files missing: the install fails, every visit runs v1 whole
  opts.root = half;
  let s = await settle(page);
  check(!s.installing && !s.waiting && s.active === 'activated', 'v2 not installed while its files are missing: ' + JSON.stringify(s));
  await page.close();
  ({ page, v } = await visit('half deployed (files missing)'));
  check(v.controlled && v.script === 'v1' && JSON.stringify(v.caches) === JSON.stringify([cacheOf(R.m1)]), 'still v1 alone: ' + JSON.stringify(v));
  // half deployed behind a stale edge: v2's names answered with v1's bytes (HTTP 200): the hashes
  // do not match, the install fails, v1 keeps serving
  opts.alias = (p) => (p === '/' + R.app2 ? '/' + R.app1 : p === '/' + R.wasm2 ? '/' + R.wasm1 : null);
  s = await settle(page);
  check(!s.installing && !s.waiting && s.active === 'activated', 'v2 not installed from stale bytes: ' + JSON.stringify(s));
  await page.close();
  ({ page, v } = await visit('half deployed (stale bytes)'));
  check(v.controlled && v.script === 'v1' && JSON.stringify(v.caches) === JSON.stringify([cacheOf(R.m1)]), 'still v1 alone: ' + JSON.stringify(v));
  // v2 deployed whole: it installs, checks out and takes over at once; the page open since v1
  // keeps running v1 and still gets v1's .wasm by its name (the host keeps v1's files a while)
  opts.root = R.v2; opts.alias = null;
  s = await settle(page);
  check(!s.installing && !s.waiting && s.active === 'activated', 'v2 installed and active: ' + JSON.stringify(s));
  const still = await page.evaluate(async () => {
    const href = document.querySelector('link[rel=preload][type="application/wasm"]').getAttribute('href');
    return { script: document.documentElement.getAttribute('data-build') || 'v1', wasm: (await (await fetch(href)).arrayBuffer()).byteLength, caches: await caches.keys() };
  });
  check(still.script === 'v1' && still.wasm === len(R.v1, R.wasm1), 'the open v1 page still gets v1\'s .wasm: ' + JSON.stringify(still));
  check(JSON.stringify(still.caches) === JSON.stringify([cacheOf(R.m2)]), 'v2\'s cache only, v1\'s deleted: ' + JSON.stringify(still.caches));
  await page.close();
  // the next visit: v2, at once (no second try, no navigation that hangs)
  ({ page, v } = await visit('next visit'));
  check(v.script === 'v2' && v.controlled && JSON.stringify(v.caches) === JSON.stringify([cacheOf(R.m2)]), 'v2 took over: ' + JSON.stringify(v));
  await ctx.route('**/*', (r) => r.abort());      // and it works offline
  await page.reload();
  await page.waitForSelector('html.ready', { timeout: 20000 });
  check(await page.evaluate(() => document.documentElement.getAttribute('data-build')) === 'v2', 'offline: v2');
  await ctx.close();
  await srv.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('service worker: two copies on one origin (/a/ and /b/) keep each other\'s offline cache through a release of one of them', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-sw2-'));
  const R = makeReleases(tmp);
  // one origin, two copies under two paths: /a/ runs v1 then v2, /b/ stays on v1
  const copies = { a: R.v1, b: R.v1 };
  const base = path.join(tmp, 'site');
  const link = () => {
    fs.rmSync(base, { recursive: true, force: true });
    fs.mkdirSync(base);
    for (const [k, d] of Object.entries(copies)) fs.symlinkSync(d, path.join(base, k));
  };
  link();
  const srv = await startServer({ root: base });
  const ctx = await session.browser.newContext({ ...MOBILE, serviceWorkers: 'allow' });
  async function open(where) {
    const page = await newPage(ctx);
    await page.goto(srv.url + where + '/index.html', { timeout: 20000 });
    await page.waitForSelector('html.ready', { timeout: 20000 });
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
    return page;
  }
  let pa = await open('a'), pb = await open('b');
  const keys = () => pa.evaluate(() => caches.keys());
  const scopeOf = (k) => new URL(srv.url + k + '/').pathname;
  check(JSON.stringify((await keys()).sort()) === JSON.stringify(['gongji ' + scopeOf('a') + ' ' + R.m1.version, 'gongji ' + scopeOf('b') + ' ' + R.m1.version].sort()), 'one cache per copy: ' + await keys());
  copies.a = R.v2; link();
  await pa.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    await r.update();
    for (let i = 0; i < 200 && (r.installing || r.waiting || r.active.state !== 'activated'); i++) await new Promise((res) => setTimeout(res, 100));
  });
  await pa.close();
  pa = await open('a');
  check(await pa.evaluate(() => document.documentElement.getAttribute('data-build')) === 'v2', '/a/ runs v2');
  const after = (await keys()).sort();
  check(JSON.stringify(after) === JSON.stringify(['gongji ' + scopeOf('a') + ' ' + R.m2.version, 'gongji ' + scopeOf('b') + ' ' + R.m1.version].sort()), '/b/\'s cache kept through /a/\'s release: ' + after);
  // /b/ still works offline
  await pb.close();
  await ctx.setOffline(true);
  pb = await newPage(ctx);
  await pb.goto(srv.url + 'b/index.html');
  await pb.waitForSelector('html.ready', { timeout: 20000 });
  check(await pb.evaluate(() => document.documentElement.getAttribute('data-build')) === null, '/b/ offline: v1');
  await ctx.close();
  await srv.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('what ships: one manifest for the worker and the preload list; scripts minified; CSP = the page\'s plus exactly its inline elements', async () => {
  const m = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  const sw = fs.readFileSync(path.join(ROOT, 'sw.js'), 'utf8');
  const inWorker = JSON.parse(/var MANIFEST=(\{[^\n]*\});/.exec(sw)[1]);
  check(inWorker.version === m.version && JSON.stringify(inWorker.sha256) === JSON.stringify(m.hashes), 'sw.js carries the manifest and every SHA-256');
  check(JSON.stringify(inWorker.lazy) === JSON.stringify(m.lazy) && m.lazy.length === 2 && m.lazy.includes('counties.json') &&
    m.lazy.some((f) => /^pkg\/gongji_fallback\.[0-9a-f]{10}\.js$/.test(f)), 'the engine as JavaScript and the counties are fetched only when asked for: ' + m.lazy);
  check(JSON.stringify(inWorker.files.concat(inWorker.lazy).sort()) === JSON.stringify(m.files.slice().sort()), 'the worker caches the rest with the release');
  for (const f of m.files) {
    const hashed = /\.([0-9a-f]{10})\.(js|css|wasm)$/.exec(f);
    if (/^(index\.html|embed\.html|sw\.js|embed-loader\.js|places\.json|counties\.json)$/.test(f)) check(!hashed, 'kept its name: ' + f);
    else check(hashed && m.hashes[f].startsWith(hashed[1]), 'named by its content: ' + f);
    check(crypto.createHash('sha256').update(fs.readFileSync(path.join(ROOT, f))).digest('hex') === m.hashes[f], 'the manifest\'s SHA-256 is the file\'s: ' + f);
  }
  const html = fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8');
  const pre = [...html.matchAll(/<link rel="(?:module)?preload" href="([^"]+)"/g)].map((x) => x[1]);
  check(pre.length > 0 && pre.every((f) => m.files.includes(f) && !m.lazy.includes(f)), 'preload list within the manifest, without the fallback: ' + pre);
  for (const f of m.files) check(fs.existsSync(path.join(ROOT, f)), 'listed file exists: ' + f);
  for (const [, src] of html.matchAll(/<script[^>]*src="([^"]+)"/g)) check(m.files.includes(src), 'script in the manifest: ' + src);
  const meta = (t) => (t.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/) || [])[1];
  check(meta(fs.readFileSync(path.resolve(here, '../../www/index.html'), 'utf8')) === CSP, 'www/index.html says the policy of scripts/server.mjs');
  // The stylesheet and boot.js are inlined (one round trip less before the first paint); the
  // policy allows exactly those two elements by hash, nothing else inline.
  const hash = (t) => `'sha256-${crypto.createHash('sha256').update(t, 'utf8').digest('base64')}'`;
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((x) => hash(x[1]));
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((x) => hash(x[1]));
  check(scripts.length === 1 && styles.length === 1, 'one inline script (boot.js) and one inline stylesheet: ' + scripts.length + ', ' + styles.length);
  check(JSON.stringify(m.inline) === JSON.stringify({ 'index.html': { script: scripts, style: styles } }), 'the manifest lists their hashes: ' + JSON.stringify(m.inline));
  check(meta(html) === withInline(CSP, m.inline['index.html']), 'the meta tag allows them and nothing more: ' + meta(html));
  check(!/\sstyle="|\son[a-z]+="/i.test(html.replace(/<template[\s\S]*?<\/template>/g, '')), 'no style attribute or inline handler');
  check(!m.files.includes('boot.js'), 'boot.js is not shipped as a file any more');
  // in the browser, under the header and the meta tag: no violation, the styles apply, boot.js ran
  const srv = await startServer();
  const ctx = await session.browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
  const page = await newPage(ctx);
  await page.addInitScript(() => { window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI)); });
  await page.goto(srv.url + 'index.html?preset=dental');
  await page.waitForSelector('html.ready');
  const r = await page.evaluate(() => ({ v: window.__violations, margin: getComputedStyle(document.body).marginTop, early: !!window.__gongjiWasm }));
  check(r.v.length === 0, 'no CSP violation: ' + r.v.join(' | '));
  check(r.margin === '0px' && r.early, 'the inline stylesheet applies and boot.js ran: ' + JSON.stringify(r));
  await ctx.close();
  const app = fs.readFileSync(path.join(ROOT, m.files.find((f) => /^app\./.test(f))), 'utf8');
  check(app.split('\n').length < 20, 'app.js is minified');
});
