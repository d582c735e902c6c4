// Page benchmark under mobile throttling (CDP): 1.6 Mbps down, 750 kbps up, 150 ms RTT, 4x CPU.
// Measures time to first result (cold and warm cache), recompute time after an input change,
// and the bytes transferred (gzip, as a static host would serve them). Usage: node tests/browser/bench.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, loadPlaywright, CHROMIUM } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
if (!fs.existsSync(path.resolve(here, '../../www/pkg/gongji_bg.wasm'))) { console.error('www/pkg is missing: run scripts/build-wasm.sh first.'); process.exit(2); }
const { chromium } = await loadPlaywright();
const browser = await chromium.launch(CHROMIUM);
const srv = await startServer({ gzip: true });
const RUNS = Number(process.env.BENCH_RUNS || 5);

async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const bytes = { n: 0, reqs: 0 };
  cdp.on('Network.loadingFinished', (e) => { bytes.n += e.encodedDataLength; bytes.reqs++; });
  return bytes;
}
async function firstResult(page) {
  await page.waitForSelector('html.ready', { timeout: 60000 });
  return page.evaluate(() => {
    const m = performance.getEntriesByName('gongji-first-result')[0];
    const nav = performance.getEntriesByType('navigation')[0];
    return { ms: m ? m.startTime : NaN, dcl: nav ? nav.domContentLoadedEventEnd : NaN };
  });
}
function median(a) { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; }

const cold = [], warm = [], coldBytes = [], warmBytes = [];
let recompute = [];
for (let r = 0; r < RUNS; r++) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: 'allow' });
  const page = await context.newPage();
  let bytes = await throttle(page);
  await page.goto(srv.url + 'index.html');
  const c = await firstResult(page);
  cold.push(c.ms); coldBytes.push(bytes.n);
  // let the service worker install before the warm visit (its own fetches are not counted)
  await page.waitForFunction(() => navigator.serviceWorker.getRegistrations().then((x) => x.length > 0 && !!x[0].active), null, { timeout: 60000 }).catch(() => {});
  const page2 = await context.newPage();
  bytes = await throttle(page2);
  await page.close();
  await page2.goto(srv.url + 'index.html');
  const w = await firstResult(page2);
  warm.push(w.ms); warmBytes.push(bytes.n);
  // recompute after an input change (a family with two expenses and a sharer)
  await page2.click('[data-preset="dental"]');
  await page2.waitForSelector('#results [data-result="1"]');
  const times = await page2.evaluate(() => {
    const el = document.querySelector('[data-k="e0-amount"]');
    const out = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      el.value = String(600 + i) + '.00';
      el.dispatchEvent(new Event('input', { bubbles: true }));
      out.push(performance.now() - t0);
    }
    return out;
  });
  recompute = recompute.concat(times);
  await context.close();
}
const f = (x) => x.toFixed(0);
console.log(`throttling: 1.6 Mbps down, 750 kbps up, 150 ms RTT, CPU 4x; viewport 360x740; ${RUNS} runs; median shown`);
console.log(`time to first result, cold cache: ${f(median(cold))} ms  (runs: ${cold.map(f).join(', ')})`);
console.log(`time to first result, warm (HTTP cache + service worker): ${f(median(warm))} ms  (runs: ${warm.map(f).join(', ')})`);
console.log(`recompute after an input change (2 expenses, 1 sharer, incl. re-render): median ${median(recompute).toFixed(1)} ms, max ${Math.max(...recompute).toFixed(1)} ms`);
console.log(`transferred on first visit (gzip): ${median(coldBytes)} bytes (${(median(coldBytes) / 1024).toFixed(1)} KiB); warm visit: ${median(warmBytes)} bytes`);
await browser.close();
await srv.close();
