// A probe, not a test (issue 24 item 7): repeats the service worker's takeover many times and logs
// what the workers and the navigation do, to find why a navigation started right after the last
// page of the old version closed sometimes never loads.
//   node tests/browser/sw-probe.mjs [runs=30]      (GONGJI_WWW=dir for another built site)
// Each run: a page controlled by version N is open, N+1 is released (a marker appended to the app
// bundle, the manifest rebuilt), installs and waits; the page closes and a new page navigates at
// once. Logged per run: every ServiceWorker.workerVersionUpdated (version, status, running status,
// controlled clients), the navigation's requests and responses (and whether a worker answered),
// the frame's load events; a run whose navigation does not load in 15 s prints the whole log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, loadPlaywright, CHROMIUM, ROOT } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.argv[2] || 30);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-swprobe-'));
const site = path.join(tmp, 'site');
fs.cpSync(ROOT, site, { recursive: true });
const manifest = () => JSON.parse(fs.readFileSync(path.join(site, 'manifest.json'), 'utf8'));
const appFile = () => manifest().files.find((f) => /^app(\.[0-9a-f]+)?\.js$/.test(f));
function release(n) {
  fs.appendFileSync(path.join(site, appFile()), `\ndocument.documentElement.setAttribute("data-build","v${n}");\n`);
  execFileSync(process.execPath, [path.resolve(here, '../../scripts/build-site.mjs'), '--manifest-only', site]);
}
const { chromium } = await loadPlaywright();
const browser = await chromium.launch(CHROMIUM);
const srv = await startServer({ root: site });
const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'allow' });
const t0 = Date.now();
let log = [];
const say = (s) => log.push(((Date.now() - t0) / 1000).toFixed(3) + ' ' + s);
// one CDP session on a page that stays open the whole time (not a client of the site: about:blank)
const watcher = await ctx.newPage();
const cdp = await ctx.newCDPSession(watcher);
await cdp.send('ServiceWorker.enable');
cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
  for (const v of e.versions) say(`sw v${v.versionId} ${v.status} ${v.runningStatus} clients=${(v.controlledClients || []).length} script=${(v.scriptLastModified || '')}`);
});
cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => { for (const r of e.registrations) say(`reg ${r.registrationId} deleted=${r.isDeleted}`); });
cdp.on('ServiceWorker.workerErrorReported', (e) => say('sw error ' + JSON.stringify(e.errorMessage)));

async function open(label) {
  const page = await ctx.newPage();
  page.on('request', (r) => { if (r.isNavigationRequest()) say(`${label} nav request ${r.url().replace(srv.url, '')}`); });
  page.on('response', (r) => { if (r.request().isNavigationRequest()) say(`${label} nav response ${r.status()} fromSW=${r.fromServiceWorker()}`); });
  page.on('requestfailed', (r) => say(`${label} failed ${r.url().replace(srv.url, '')} ${r.failure() && r.failure().errorText}`));
  page.on('domcontentloaded', () => say(label + ' domcontentloaded'));
  page.on('load', () => say(label + ' load'));
  page.on('console', (m) => say(`${label} console ${m.type()} ${m.text()}`));
  let ok = true;
  try { await page.goto(srv.url + 'index.html', { timeout: 15000 }); }
  catch (e) { ok = false; say(label + ' goto: ' + String(e.message).split('\n')[0]); }
  if (ok) {
    try { await page.waitForSelector('html.ready', { timeout: 15000 }); }
    catch (e) { ok = false; say(label + ' not ready'); }
  }
  return { page, ok };
}
// a step that does not finish in `ms` is logged and given up (the log then shows where it stuck)
function within(what, ms, p) {
  let timer;
  const late = new Promise((res) => { timer = setTimeout(() => { say(what + ': no answer in ' + ms + ' ms'); res(null); }, ms); });
  return Promise.race([p.finally(() => clearTimeout(timer)), late]);
}
const state = (page) => within('state', 15000, page.evaluate(async () => {
  const r = await navigator.serviceWorker.getRegistration();
  return { build: document.documentElement.getAttribute('data-build') || 'v0', controlled: !!navigator.serviceWorker.controller,
    active: r && r.active && r.active.state, waiting: !!(r && r.waiting), installing: !!(r && r.installing) };
}));
const settle = (page) => within('settle', 20000, page.evaluate(async () => {
  const r = await navigator.serviceWorker.getRegistration();
  try { await r.update(); } catch (e) { /* a failed install */ }
  for (let i = 0; i < 100 && (r.installing || (r.active && r.active.state === 'activating')); i++) await new Promise((res) => setTimeout(res, 100));
  return { waiting: !!r.waiting, active: r.active && r.active.state };
}));

let { page } = await open('first');
await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
let hangs = 0, uncontrolled = 0, old = 0, runStart = Date.now();
setInterval(() => { if (Date.now() - runStart > 60000) { console.log('WATCHDOG: a run is taking over 60 s\n  ' + log.join('\n  ')); runStart = Date.now(); } }, 5000).unref();
for (let n = 1; n <= RUNS; n++) {
  log = [];
  runStart = Date.now();
  release(n);
  const settled = await settle(page);
  say(`run ${n}: v${n} released: ${JSON.stringify(settled)}`);
  await page.close();
  say('old page closed');
  const r = await open('next');
  page = r.page;
  let s = null;
  if (r.ok) s = await state(page);
  say('state ' + JSON.stringify(s));
  if (r.ok && !s) { console.log(`run ${n}: STUCK\n  ` + log.join('\n  ')); break; }
  if (!r.ok) {
    hangs++;
    // does it ever load, does the waiting worker ever activate? then start again on a new page
    await new Promise((res) => setTimeout(res, 10000));
    say('10 s later: ' + await within('the hung page', 5000, page.evaluate(() => document.readyState + ' ' + location.href).catch((e) => 'no document: ' + String(e.message).split('\n')[0])));
    console.log(`run ${n}: HANG\n  ` + log.join('\n  '));
    await within('closing the hung page', 5000, page.close().catch(() => {}));
    ({ page } = await open('after the hang'));
    console.log('  after the hang: ' + JSON.stringify(await state(page).catch((e) => String(e))));
  }
  else {
    if (!s.controlled) uncontrolled++;
    if (s.build !== 'v' + n) old++;
    console.log(`run ${n}: ${s.build} controlled=${s.controlled}`);
    // make sure this version is the one in control before the next release
    for (let i = 0; i < 3 && s && !(s.controlled && s.build === 'v' + n); i++) {
      await page.close();
      ({ page } = await open('again'));
      s = await state(page);
    }
    if (!s) { console.log(`run ${n}: STUCK\n  ` + log.join('\n  ')); break; }
  }
  if (process.env.PROBE_VERBOSE) console.log('  ' + log.join('\n  '));
}
console.log(`${RUNS} runs: ${hangs} hung, ${uncontrolled} uncontrolled, ${old} still on the old version`);
await browser.close();
await srv.close();
fs.rmSync(tmp, { recursive: true, force: true });
