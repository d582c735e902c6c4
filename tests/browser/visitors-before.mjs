// The visitors of issue 13 on the page as it was before the quick check (kept for the record:
// `node tests/browser/visitors-before.mjs` on commit cbb6fe0 printed the BEFORE figures in
// tests/browser/README.md). Each flow is the shortest a careful visitor finds on that page.
import { startServer, loadPlaywright, CHROMIUM } from './server.mjs';
import { Visitor } from './visitor.mjs';

const { chromium } = await loadPlaywright();
const browser = await chromium.launch(CHROMIUM);
const srv = await startServer();
const MOBILE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const V0 = '#results [data-result="0"] .verdict';

async function run(name, q, flow) {
  const context = await browser.newContext(MOBILE);
  const page = await context.newPage();
  await page.goto(srv.url + 'index.html' + q);
  await page.waitForSelector('html.ready');
  const v = new Visitor(page);
  const answers = await flow(v, page);
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(JSON.stringify({ visitor: name, ...v.figures(), pageHeight: h, answers }));
  await context.close();
}
async function addMember(v, page, rel, ins, bal) {
  await v.tap('#add-member');
  const id = await page.$eval('#members fieldset:last-of-type', (f) => f.getAttribute('data-member'));
  await v.choose(`[data-k="m-rel-${id}"]`, rel);
  if (ins) await v.choose(`[data-k="m-ins-${id}"]`, ins);
  if (bal) await v.type(`[data-k="m-bal-${id}"]`, bal);
  return id;
}

await run('福州 mother: 补牙, 洗牙, 种植牙 from her son', '', async (v) => {
  const a = [];
  await v.tap('[data-preset="dental"]'); a.push(await v.see(V0));
  await v.tap('[data-k="e0-chip-dental_scaling"]'); a.push(await v.see(V0));
  await v.tap('[data-k="e0-chip-dental_implant"]'); a.push(await v.see(V0));
  return a;
});
await run('深圳 father, daughter in 北京 on 居民医保', '', async (v, page) => {
  await v.tap('[data-preset="student"]');
  await v.choose('[data-k="m-prov-me"]', '广东');
  await v.choose('[data-k="m-rel-kid"]', 'daughter');
  return [await v.see(V0)];
});
await run('a man paying for his wife\'s mother (岳母)', '', async (v, page) => {
  await v.type('[data-k="m-bal-me"]', '3000');
  const id = await addMember(v, page, 'mother_in_law');
  await v.choose('[data-k="b-new-to"]', id);
  await v.tap('[data-k="b-add"]');
  await v.choose('[data-k="e0-patient"]', id);
  await v.type('[data-k="e0-burden"]', '300');
  return [await v.see(V0)];
});
await run('a reader inside a WeChat article (?embed=1): 爸爸住院', '?embed=1', async (v, page) => {
  await v.type('[data-k="m-bal-me"]', '3000');
  const id = await addMember(v, page, 'father');
  await v.choose('[data-k="b-new-to"]', id);
  await v.tap('[data-k="b-add"]');
  await v.choose('[data-k="e0-patient"]', id);
  await v.tap('[data-k="e0-chip-inpatient_stay"]');
  await v.type('[data-k="e0-burden"]', '2000');
  return [await v.see(V0)];
});
await run('a grandmother helping her grandson', '', async (v, page) => {
  await v.choose('[data-k="m-ins-me"]', 'employee_retired');
  await v.type('[data-k="m-bal-me"]', '2000');
  const id = await addMember(v, page, 'grandson');
  await v.choose('[data-k="b-new-to"]', id);
  await v.tap('[data-k="b-add"]');
  await v.choose('[data-k="e0-patient"]', id);
  await v.type('[data-k="e0-burden"]', '200');
  return [await v.see(V0)];
});
await browser.close();
await srv.close();
