// Browser tests of embedding, round two (issue 25, SPEC §10.4), on node:test:
//  - any number of calculators in one article, each resized from its own messages by
//    embed-loader.js; a snippet naming two hosts (www. and m.) works on both;
//  - ?embed=compact: the quick check and its answer only, measured at 360×740; "打开完整计算器"
//    opens the full calculator with the same family;
//  - a snippet whose script a CMS stripped: a fixed height and a visible "open" link;
//  - the builder's live preview on the project's own server (scripts/serve.sh);
//  - the mini-program web-view: the family follows in the address (onShareAppMessage's
//    webViewUrl), a hint says how to share there.
// Usage: node tests/browser/embed.mjs (or with --test-name-pattern=WORD). One browser, one test
// after the other; every page is checked for page errors and requests off the allowed origins.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromiumSession, ROOT, REFERRER_POLICY } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ART = path.join(here, 'artifacts');
fs.mkdirSync(ART, { recursive: true });
if (!fs.existsSync(path.join(ROOT, 'manifest.json'))) { console.error(ROOT + ' is not a built site: run scripts/build-wasm.sh first.'); process.exit(2); }
const PHONE = { width: 360, height: 740 };
const MOBILE = { viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

const session = chromiumSession();
const startServer = (opts) => session.startServer(opts);
const startHost = (pages) => session.startHost(pages);
const problems = [];
after(() => {
  assert.ok(problems.length === 0, 'page errors or foreign requests: ' + problems.slice(0, 6).join(' | '));
});
function check(cond, msg) { assert.ok(cond, msg); }
// A context whose pages report page errors, console errors and requests off `allow` (origins).
async function newContext(opts, allow) {
  const { serviceWorkers = 'block', ...rest } = opts;
  const ctx = await session.browser.newContext({ ...rest, serviceWorkers });
  ctx.on('page', (page) => watch(page, allow));
  return ctx;
}
function watch(page, allow) {
  page.on('pageerror', (e) => problems.push('pageerror: ' + e));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('request', (r) => {
    const u = r.url();
    if (!(allow.some((o) => u.startsWith(o + '/')) || /^(data|blob|about):/.test(u))) problems.push('foreign request: ' + u);
  });
}

// The builder (embed.html) makes the snippet, as an editor would.
async function buildSnippet(page, base, { region, start = '', size = 'compact', origins = '' }) {
  await page.goto(base + 'embed.html');
  await page.waitForSelector('html.ready');
  if (region) await page.selectOption('#b-region', region);
  await page.check(`input[name="b-start"][value="${start}"]`);
  await page.check(`input[name="b-size"][value="${size}"]`);
  await page.fill('#b-origin', origins);
  return page.inputValue('#b-snippet');
}
const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
function article(title, ...parts) {
  const para = (n) => Array.from({ length: n }, (_, i) => `<p>第 ${i + 1} 段：职工医保个人账户的钱，经过家庭共济绑定以后，可以给近亲属看病买药用。</p>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="data:,"><style>body{margin:0;font:17px/1.7 sans-serif} article{padding:0 14px}</style>
</head><body><article><h1>${title}</h1>\n${para(4)}\n${parts.map((p, i) => `<h2>算一算 ${i + 1}</h2>\n<div class="box">${p}</div>\n${para(3)}`).join('\n')}
<p id="end">（完）</p></article></body></html>`;
}
const frames = (page) => page.$$eval('iframe', (fs) => fs.map((f) => ({ h: Number(f.getAttribute('height')), css: f.style.height, ready: f.getAttribute('data-gongji-ready') })));
async function contentHeight(frame) { return frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)); }
async function frameAt(page, i) {
  const f = await (await page.$$('iframe'))[i].contentFrame();
  await f.waitForSelector('html.ready', { timeout: 20000 });
  return f;
}
// waits until frame i's height attribute equals its content's height (within 2 px)
async function fitted(page, i, label) {
  const f = await frameAt(page, i);
  for (let k = 0; k < 100; k++) {
    const [h, c] = [(await frames(page))[i].h, await contentHeight(f)];
    if (Math.abs(h - c) <= 2) return h;
    await page.waitForTimeout(100);
  }
  throw new Error(`${label}: frame ${i} never took its content's height: ${(await frames(page))[i].h} vs ${await contentHeight(f)}`);
}

// The calculator for the host sites: as scripts/serve.sh --embed-from <the hosts> serves it.
const setup = {};
async function sites() {
  if (setup.calc) return setup;
  setup.pages = {};
  setup.host = await startHost((p) => setup.pages[p]);
  // the same host under a second name (a site with www. and m. hosts: two origins, one article)
  setup.hostAlt = { origin: setup.host.origin.replace('127.0.0.1', 'localhost'), url: setup.host.url.replace('127.0.0.1', 'localhost') };
  setup.calc = await startServer({ frameAncestors: `'self' ${setup.host.origin} ${setup.hostAlt.origin}` });
  setup.calcOrigin = setup.calc.url.replace(/\/$/, '');
  return setup;
}

test('two calculators in one article (a compact one and a full one): each frame resizes from its own messages; the loader runs once; open links hidden', async () => {
  const { host, calc, calcOrigin, pages } = await sites();
  const ctx = await newContext({ ...MOBILE, viewport: { width: 375, height: 667 } }, [calcOrigin, host.origin]);
  const page = await ctx.newPage();
  const a = await buildSnippet(page, calc.url, { region: 'fuzhou', size: 'compact', origins: host.origin });
  const b = await buildSnippet(page, calc.url, { start: 'dental', size: '1', origins: host.origin });
  check(!/\bid="/.test(a) && /<script src="[^"]*embed-loader\.js" async><\/script>/.test(a), 'no id in the snippet, the loader script: ' + a);
  pages['/two.html'] = article('两个计算器', a, b);
  await page.goto(host.url + 'two.html');
  const h0 = await fitted(page, 0, 'compact'), h1 = await fitted(page, 1, 'full');
  check(h0 < 1110 && h1 > 3000, `each its own height: compact ${h0}, full ${h1}`);
  check(await page.evaluate(() => window.__gongjiLoader === 1), 'the loader installed once');
  const links = await page.$$eval('[data-gongji-open]', (ls) => ls.map((l) => getComputedStyle(l).display));
  check(links.length === 2 && links.every((d) => d === 'none'), 'the open links are hidden once their frames run: ' + links);
  // the reader says the patient is insured elsewhere in the first: only the first grows
  const f0 = await frameAt(page, 0);
  await f0.click('[data-q="away"]');
  await f0.press('#pf-q-patient-place', 'Escape');   // the list of places offered closed
  await page.waitForFunction((h) => Number(document.querySelectorAll('iframe')[0].getAttribute('height')) > h + 50, h0, { timeout: 5000 });
  const g0 = await fitted(page, 0, 'compact, opened'), g1 = (await frames(page))[1].h;
  check(g1 === h1, `the second frame did not move: ${h1} → ${g1}`);
  // 清空 in the second: only the second shrinks
  const f1 = await frameAt(page, 1);
  await f1.click('#reset');
  await page.waitForFunction((h) => Number(document.querySelectorAll('iframe')[1].getAttribute('height')) < h - 500, h1, { timeout: 5000 });
  await fitted(page, 1, 'full, cleared');
  check((await frames(page))[0].h === g0, 'the first frame did not move after 清空 in the second');
  await page.screenshot({ path: path.join(ART, 'embed-two-frames.png'), fullPage: true });
  // a frame whose messages come from another frame's window, or with another type, changes nothing:
  // the host itself posting a height message for a frame (not its source) is ignored
  await page.evaluate(() => window.postMessage({ type: 'gongji:height', height: 5 }, '*'));
  await page.waitForTimeout(300);
  check((await frames(page)).every((f) => f.h > 100), 'a message from the host page itself moves no frame');
  await ctx.close();
});

test('one snippet, two hosts (www. and m.): the calculator talks to whichever of them frames it', async () => {
  const { host, hostAlt, calc, calcOrigin, pages } = await sites();
  const ctx = await newContext(MOBILE, [calcOrigin, host.origin, hostAlt.origin]);
  const page = await ctx.newPage();
  const snippet = await buildSnippet(page, calc.url, { size: 'compact', origins: `${host.origin} ${hostAlt.origin}` });
  const src = unescape(/\ssrc="([^"]+)"/.exec(snippet)[1]);
  check(src.includes('origin=' + encodeURIComponent(host.origin) + '&origin=' + encodeURIComponent(hostAlt.origin)), 'both origins in the address: ' + src);
  pages['/both.html'] = article('两个网址', snippet);
  for (const h of [host, hostAlt]) {
    await page.goto(h.url + 'both.html');
    const got = await fitted(page, 0, h.origin);
    check(got < 1110, h.origin + ': resized to ' + got);
  }
  await ctx.close();
});

test('compact (?embed=compact): the quick check and its answer only — at most 1.5 screens at 360×740; 打开完整计算器 carries the same family', async () => {
  const { calc, calcOrigin } = await sites();
  const ctx = await newContext(MOBILE, [calcOrigin]);
  const page = await ctx.newPage();
  const heights = {};
  for (const q of ['', '&region=fuzhou', '&preset=dental', '&preset=inlaw', '&preset=student', '&preset=sibling2023', '&preset=sibling2026', '&preset=impostor']) {
    await page.goto(calc.url + 'index.html?embed=compact' + q);
    await page.waitForSelector('html.ready');
    const r = await page.evaluate(() => {
      const vis = (el) => !!el && !!el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden';
      return { h: Math.ceil(document.body.getBoundingClientRect().height), quick: vis(document.querySelector('#quick')), answer: vis(document.querySelector('#answer')),
        full: vis(document.querySelector('#open-full')), forms: vis(document.querySelector('#members')), presets: vis(document.querySelector('#presets')),
        guides: vis(document.querySelector('#guides')), foot: vis(document.querySelector('footer')), barAfterQuick: document.querySelector('#quick').compareDocumentPosition(document.querySelector('#answer')) === 4 };
    });
    heights[q || 'bare'] = r.h;
    check(r.quick && r.answer && r.full && !r.forms && !r.presets && !r.guides && !r.foot && r.barAfterQuick, q + ': the question, its answer, the link and nothing else: ' + JSON.stringify(r));
    check(r.h <= 1.5 * 740, `${q || 'bare'}: ${r.h} px tall, more than 1.5 screens`);
  }
  // the tallest the quick check gets: the patient insured in another province (the place row, the
  // distance, the 共济额度 question); then the whole answer opened too (全文, at the reader's tap:
  // recorded, not held to the budget)
  await page.goto(calc.url + 'index.html?embed=compact');
  await page.waitForSelector('html.ready');
  await page.fill('#region', '福州');
  await page.click('[data-q="away"]');
  await page.fill('#pf-q-patient-place', '长沙');
  await page.press('#pf-q-patient-place', 'Tab');
  await page.waitForSelector('#quick .q-quota:not([hidden])');
  heights['other province'] = await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await page.click('#answer [data-k="answer-open"]');
  heights['other province, 全文 opened'] = await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  console.log('     compact heights at 360 px: ' + JSON.stringify(heights));
  fs.writeFileSync(path.join(ART, 'compact-heights.json'), JSON.stringify(heights, null, 1));
  check(heights['other province'] <= 1.5 * 740, 'the patient in another province: ' + heights['other province']);
  await page.click('#answer [data-k="answer-open"]');
  await page.click('[data-q="away"]');
  await page.waitForSelector('#quick .q-quota', { state: 'hidden' });
  await page.screenshot({ path: path.join(ART, 'compact-360.png'), fullPage: true });
  // the reader changes the question; the link follows; opening it shows the same family and answer
  await page.waitForFunction(() => /#s=/.test(document.querySelector('#open-full').href));
  const before = await page.evaluate(() => document.querySelector('#open-full').href);
  await page.click('[data-q="patient:father"]');
  await page.click('[data-q="bound"]');
  await page.waitForFunction(() => /爸爸/.test(document.querySelector('#answer').textContent) && document.querySelector('#q-bound').getAttribute('aria-pressed') === 'true');
  await page.waitForFunction((b) => document.querySelector('#open-full').href !== b, before);
  await page.waitForSelector('html[data-family-link="done"]');   // the link follows the family shown
  const shown = await page.evaluate(() => ({ answer: document.querySelector('#answer').getAttribute('data-answer'), text: document.querySelector('#answer .ab-text').innerText }));
  const href = await page.evaluate(() => document.querySelector('#open-full').href);
  check(href.startsWith(calc.url + 'index.html#s=') && !/embed|origin/.test(href), 'the full calculator\'s address: ' + href);
  const [full] = await Promise.all([ctx.waitForEvent('page'), page.click('#open-full')]);
  await full.waitForSelector('html.ready');
  const there = await full.evaluate(() => ({ answer: document.querySelector('#answer').getAttribute('data-answer'), text: document.querySelector('#answer .ab-text').innerText,
    embed: document.documentElement.classList.contains('embed'), members: document.querySelectorAll('#members fieldset').length }));
  check(there.answer === shown.answer && there.text === shown.text && !there.embed && there.members === 2, 'the full calculator shows the same family and answer: ' + JSON.stringify([shown, there]));
  await full.close();
  // "怎么付、下一步 ›" in the compact view leads there too
  const [more] = await Promise.all([ctx.waitForEvent('page'), page.click('#answer a.ab-more')]);
  await more.waitForSelector('html.ready');
  check(await more.evaluate(() => document.querySelector('#answer').getAttribute('data-answer')) === shown.answer, '怎么付 opens the full calculator with the family');
  await more.close();
  await ctx.close();
});

test('no script (a CMS that strips it): the frame keeps a fixed height that holds the compact view, and the open link shows and works', async () => {
  const { host, calc, calcOrigin, pages } = await sites();
  const ctx = await newContext(MOBILE, [calcOrigin, host.origin]);
  const page = await ctx.newPage();
  const compact = await buildSnippet(page, calc.url, { region: 'fuzhou', start: 'dental', size: 'compact', origins: host.origin });
  const full = await buildSnippet(page, calc.url, { region: 'fuzhou', size: '1', origins: host.origin });
  const strip = (s) => s.replace(/<script[\s\S]*?<\/script>/g, '').replace(/\sdata-[a-z-]+(="[^"]*")?/g, '');   // some CMSs drop data-* too
  pages['/stripped.html'] = article('没有脚本', strip(compact), strip(full));
  await page.goto(host.url + 'stripped.html');
  const f0 = await frameAt(page, 0);
  await frameAt(page, 1);
  await page.waitForTimeout(500);
  const fr = await frames(page);
  check(fr[0].h === 960 && fr[1].h === 900, 'the snippet\'s fixed heights stay: ' + JSON.stringify(fr));
  const inner = await contentHeight(f0);
  check(inner <= fr[0].h, `the compact view fits its fixed frame (${inner} in ${fr[0].h})`);
  const links = await page.$$eval('article a[target=_blank]', (ls) => ls.map((l) => ({ href: l.href, text: l.textContent, visible: !!l.getClientRects().length })));
  check(links.length === 2 && links.every((l) => l.visible && /打开/.test(l.text)), 'an open link under each frame: ' + JSON.stringify(links));
  check(links[0].href === calc.url + 'index.html?region=fuzhou&preset=dental' && links[1].href === calc.url + 'index.html?region=fuzhou', 'the links open the same place and example: ' + links.map((l) => l.href));
  const [opened] = await Promise.all([ctx.waitForEvent('page'), page.click('article a[target=_blank] >> nth=0')]);
  await opened.waitForSelector('html.ready');
  check(await opened.evaluate(() => document.querySelector('#answer').getAttribute('data-answer')) === 'yes', 'the link opens the example');
  await page.screenshot({ path: path.join(ART, 'embed-no-script.png'), fullPage: true });
  await ctx.close();
});

// scripts/serve.sh, as a person runs it (GONGJI_SKIP_BUILD=1: the site just built).
async function serveSh(args = []) {
  const child = spawn('bash', [path.resolve(here, '../../scripts/serve.sh'), '--port', '0', ...args],
    { env: { ...process.env, GONGJI_SKIP_BUILD: '1', GONGJI_SERVE_QUIET: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  const url = await new Promise((resolve) => {
    const t = setInterval(() => { const m = /on (http:\/\/[0-9.:]+\/)/.exec(out); if (m || child.exitCode !== null) { clearInterval(t); resolve(m && m[1]); } }, 50);
  });
  if (!url) throw new Error('serve.sh did not start: ' + out);
  session.servers.add({ close: async () => { child.kill(); } });
  return url;
}

test('the builder\'s live preview resizes on the project\'s own server (scripts/serve.sh), also under a no-referrer policy', async () => {
  const url = await serveSh();
  const res = await fetch(url + 'embed.html');
  check(res.headers.get('referrer-policy') === REFERRER_POLICY && REFERRER_POLICY === 'strict-origin-when-cross-origin', 'serve.sh\'s referrer policy: ' + res.headers.get('referrer-policy'));
  const strict = await startServer({ referrerPolicy: 'no-referrer' });   // what serve.sh sent before: the preview passes its origin itself
  for (const base of [url, strict.url]) {
    const origin = base.replace(/\/$/, '');
    const ctx = await newContext({ viewport: { width: 1280, height: 900 } }, [origin]);
    const page = await ctx.newPage();
    await page.goto(base + 'embed.html');
    await page.waitForSelector('html.ready');
    for (const size of ['compact', '1']) {
      await page.check(`input[name="b-size"][value="${size}"]`);
      // the preview is on this page's origin: its document can be read from here
      const fit = () => page.evaluate((s) => {
        const f = document.getElementById('gongji'), d = f.contentDocument;
        // (the frame may be between documents while it navigates: no element yet)
        if (!d || !d.documentElement || !d.body || !d.documentElement.classList.contains('ready') || !f.contentWindow.location.search.includes('embed=' + s)) return null;
        return { h: Number(f.getAttribute('height')), c: Math.ceil(d.body.getBoundingClientRect().height) };
      }, size);
      let r = null;
      for (let k = 0; k < 150 && !(r && Math.abs(r.h - r.c) <= 2); k++) { r = await fit(); if (!(r && Math.abs(r.h - r.c) <= 2)) await page.waitForTimeout(100); }
      check(r && Math.abs(r.h - r.c) <= 2, `${base} ${size}: the preview frame follows its content: ${JSON.stringify(r)}`);
      check(size === 'compact' ? r.h < 1110 : r.h > 3000, `${base} ${size}: ${r.h}`);
    }
    await ctx.close();
  }
});

const MINIPROGRAM_UA = 'Mozilla/5.0 (Linux; Android 12; M2102J2SC Build/SKQ1.211006.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5043 MMWEBSDK/20230303 MMWEBID/1 MicroMessenger/8.0.34.2340(0x2800225B) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64 miniProgram/wx0123456789abcdef';
test('mini-program web-view: the family follows in the address (what onShareAppMessage\'s webViewUrl shares), a hint says how to share; nothing is posted', async () => {
  const { calc, calcOrigin } = await sites();
  const ctx = await newContext({ ...MOBILE, userAgent: MINIPROGRAM_UA, viewport: { width: 393, height: 727 } }, [calcOrigin]);
  const page = await ctx.newPage();
  await page.goto(calc.url + 'index.html?embed=1&region=fuzhou');
  await page.waitForSelector('html.ready');
  check(await page.isVisible('#webview-share') && /转发/.test(await page.innerText('#webview-share')), 'the share hint shows');
  check(await page.isVisible('#copy-link'), '复制链接 still works there');
  await page.click('[data-q="patient:father"]');
  await page.waitForFunction(() => /爸爸/.test(document.querySelector('#answer').textContent));
  await page.waitForFunction(() => /^#s=/.test(location.hash) && /爸爸/.test(document.querySelector('#answer').textContent), null, { timeout: 5000 });
  await page.waitForSelector('html[data-family-link="done"]');   // the address carries the family shown
  const shared = await page.evaluate(() => location.href);
  const answer = await page.evaluate(() => document.querySelector('#answer .ab-text').innerText);
  check(shared.includes('?embed=1&region=fuzhou#s='), 'the address keeps its query and carries the family: ' + shared);
  // what the friend opens (the mini-program passes webViewUrl on)
  const friend = await newContext({ ...MOBILE, userAgent: MINIPROGRAM_UA }, [calcOrigin]);
  const p2 = await friend.newPage();
  await p2.goto(shared);
  await p2.waitForSelector('html.ready');
  check(await p2.evaluate(() => document.querySelector('#answer .ab-text').innerText) === answer, 'the friend sees the same answer');
  await friend.close();
  // an older WeChat whose user agent does not say miniProgram: WeixinJSBridgeReady, later, does
  const older = await newContext({ ...MOBILE, userAgent: MINIPROGRAM_UA.replace(/ miniProgram\/\S+/, '') }, [calcOrigin]);
  const p4 = await older.newPage();
  await p4.goto(calc.url + 'index.html?embed=1');
  await p4.waitForSelector('html.ready');
  check(!(await p4.isVisible('#webview-share')), 'not a web-view until WeChat says so');
  await p4.evaluate(() => { window.__wxjs_environment = 'miniprogram'; document.dispatchEvent(new Event('WeixinJSBridgeReady')); });
  await p4.waitForSelector('#webview-share', { timeout: 5000 });
  await p4.click('[data-q="patient:father"]');
  await p4.waitForFunction(() => /^#s=/.test(location.hash), null, { timeout: 5000 });
  await older.close();
  // an ordinary browser: no hint, the address is left alone
  const plain = await newContext(MOBILE, [calcOrigin]);
  const p3 = await plain.newPage();
  await p3.goto(calc.url + 'index.html?embed=1');
  await p3.waitForSelector('html.ready');
  await p3.click('[data-q="patient:father"]');
  await p3.waitForFunction(() => /爸爸/.test(document.querySelector('#answer').textContent));
  await p3.waitForTimeout(300);
  check(!(await p3.isVisible('#webview-share')) && (await p3.evaluate(() => location.hash)) === '', 'outside WeChat: no hint, no fragment');
  await plain.close();
  await ctx.close();
});
