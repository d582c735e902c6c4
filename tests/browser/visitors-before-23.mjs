// Not a test: issue 23's visitors on the page as it was before (the quick check with its
// assumptions behind "改", the 39-place select), kept for the record like visitors-before.mjs.
// Each visitor does what the page then offered to reach the right yes/no; taps and px scrolled
// are counted by the same Visitor (tests/browser/visitor.mjs). Output: visitors-before-23.txt.
// Usage: build the page of that commit (git worktree add /tmp/before 15a69ee; scripts/build-wasm.sh
// there), then GONGJI_WWW=/tmp/before/www-dist node tests/browser/visitors-before-23.mjs
import zlib from 'node:zlib';
import { startServer, loadPlaywright, CHROMIUM } from './server.mjs';
import { Visitor } from './visitor.mjs';

const { chromium } = await loadPlaywright();
const browser = await chromium.launch(CHROMIUM);
const srv = await startServer();
const MOBILE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const ZOOM200 = { viewport: { width: 320, height: 370 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const bare = (t) => t.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ');

// Waits for the answer, then reads it: the visitor scrolls to it if it is not in view (counted).
async function answer(page, want, words = [], v = null) {
  await page.waitForFunction(([a, ws]) => {
    const el = document.querySelector('[data-answer][role=status]'), t = el.innerText.replace(/[\u2068\u2069]/g, '');
    return (!a || el.getAttribute('data-answer') === a) && ws.every((w) => t.includes(w));
  }, [want, words], { timeout: 8000 }).catch(() => {});
  if (v) await v.reach('[data-answer][role=status]');
  return page.evaluate(() => {
    const el = document.querySelector('[data-answer][role=status]'), r = el.getBoundingClientRect();
    return { answer: el.getAttribute('data-answer'), text: el.innerText, height: Math.round(r.height), inView: r.top >= 0 && r.bottom <= innerHeight + 1,
      sideways: document.documentElement.scrollWidth > innerWidth + 1 };
  });
}
async function run(name, opts, flow) {
  const ctx = await browser.newContext({ ...opts, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(srv.url + 'index.html');
  await page.waitForSelector('html.ready');
  const v = new Visitor(page);
  let out;
  try { out = await flow(v, page); } catch (e) { out = { note: 'could not: ' + e.message.split('\n')[0] }; }
  if (out.a) out.a.text = bare(out.a.text).slice(0, 120);
  console.log(name.padEnd(34) + JSON.stringify({ ...v.figures(), ...out }));
  await ctx.close();
}

await run('通辽 couple, 居民医保', MOBILE, async (v, page) => {
  await v.choose('#region', 'tongliao');
  await v.tap('[data-q="patient:spouse"]');
  const wrong = await answer(page, null);
  await v.tap('[data-q="assume"]');
  await v.choose('[data-q="owner-ins"]', 'resident');
  return { firstShown: wrong.answer, a: await answer(page, 'no', [], v) };
});
await run('深圳 worker, mother in 湖南', MOBILE, async (v, page) => {
  await v.choose('#region', 'shenzhen');
  await v.tap('[data-q="assume"]');
  await v.choose('[data-q="patient-prov"]', '湖南');
  return { a: await answer(page, 'not_bound', ['跨省'], v) };
});
await run('天津 retiree → 配偶', MOBILE, async (v, page) => {
  await v.choose('#region', 'tianjin');
  await v.tap('[data-q="patient:spouse"]');
  await v.tap('[data-q="assume"]');
  await v.choose('[data-q="owner-ins"]', 'employee_retired');
  return { a: await answer(page, 'not_bound', [], v) };
});
await run('daughter-in-law → 公公', MOBILE, async (v, page) => {
  await v.choose('[data-q="patient-more"]', 'father_in_law');
  const a = await answer(page, 'no', [], v);
  return { a, names: /公公\/岳父/.test(a.text) ? '公公/岳父' : '公公' };
});
await run('glasses', MOBILE, async (v, page) => {
  await v.choose('[data-q="item-more"]', 'glasses');
  return { a: await answer(page, null, [], v) };
});
await run('大字 at 200% zoom (320×370)', ZOOM200, async (v, page) => {
  await v.tap('#big-text');
  await v.tap('[data-q="patient:father"]');
  await v.tap('[data-q="item:inpatient_stay"]');
  return { a: await answer(page, 'not_bound', [], v) };
});

// the 1,000-expense link at 4× CPU (the same family as tests/browser/visitors.mjs)
{
  const M = (id, name, relation, insurance, province, balance) => ({ id, name, relation, insurance, province, balance });
  const members = [M('me', '我', 'self', 'employee', '福建', '50000.00'), M('sp', '老伴', 'spouse', 'employee_retired', '福建', '30000.00'),
    M('mom', '妈妈', 'mother', 'resident', '福建', ''), M('kid', '儿子', 'son', 'resident', '北京', '')];
  const items = [['outpatient_visit', 'designated_hospital'], ['catalogue_drug', 'designated_pharmacy'], ['dental_filling', 'designated_hospital'], ['inpatient_stay', 'designated_hospital']];
  const pats = ['mom', 'kid', 'sp', 'me'], expenses = [];
  for (let i = 0; i < 1000; i++) {
    const [item, venue] = items[i % 4], amt = (37 + ((i * 7919) % 4000) + (i % 100) / 100).toFixed(2);
    const e = { patient: pats[(i >> 2) % 4], item };
    if (venue !== 'designated_hospital') e.venue = venue;
    if (i % 3 === 0) Object.assign(e, { mode: 'amount', amount: amt, ded: '0', ratio: '50', cap: '20000.00' }); else e.burden = amt;
    expenses.push(e);
  }
  const fam = { v: 1, as_of: '2026-06-01', region: 'national', seq: 5, members, sharing: [{ from: 'me', to: 'mom' }, { from: 'sp', to: 'mom' }, { from: 'me', to: 'kid', quota: '9000.00' }, { from: 'me', to: 'sp' }], expenses };
  const link = '#s=z.' + zlib.deflateSync(Buffer.from(JSON.stringify(fam))).toString('base64url');
  const ctx = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const t0 = Date.now();
  await page.goto(srv.url + 'index.html' + link);
  await page.waitForSelector('html.ready', { timeout: 300000 });
  const ready = Date.now() - t0;
  const els = await page.evaluate(() => document.getElementsByTagName('*').length);
  const edit = await page.evaluate(() => new Promise((res) => {
    const el = document.querySelector('[data-k="e0-amount"]'), t = performance.now();
    el.value = '123.00'; el.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => setTimeout(() => res(performance.now() - t), 0));
  }));
  console.log('1,000-expense link, 4× CPU'.padEnd(34) + JSON.stringify({ readyMs: ready, elements: els, editMs: Math.round(edit), link: link.length }));
  await ctx.close();
}
await browser.close();
await srv.close();
