// 医保家庭共济计算器 — the calculator page's entry: loads the engine (js/flows/engine-load.js; or
// says plainly that it cannot), reads the engine's lists, makes the app object
// (js/flows/calculator.js), opens the family the visit asks for — a link's (#s=), a remembered
// one, an example (?preset=), the first question — at the place asked for (?region=), wires the
// static controls, draws the first answer, registers the service worker.
// All calculation happens in the engine (./pkg): the page never decides a rule or adds money.
import * as gongji from './pkg/gongji.js';
import { $, afterPaint } from './js/views/dom.js';
import { fatal } from './js/views/failure.js';
import { status } from './js/views/messages.js';
import { renderWithdraw } from './js/views/withdrawal-view.js';
import { renderCredit } from './js/views/credit-view.js';
import { renderAdvice } from './js/views/advice-view.js';
import { makeTables } from './js/model/tables.js';
import { placeOf, atRegion } from './js/model/places.js';
import { PRESETS } from './js/model/presets.js';
import { sameFamily } from './js/model/codec.js';
import { applyQuick, deriveQuick, FIRST_Q } from './js/model/quick.js';
import { guarded } from './js/flows/engine.js';
import { loadEngine } from './js/flows/engine-load.js';
import { createCalculator, syncTop } from './js/flows/calculator.js';
import { computeAnswerBar, probe } from './js/flows/compute.js';
import { loadStored, useStored, wireRemember } from './js/flows/remember.js';
import { LINK_SAFE, readLink, linkError, askLink, wireLinkArrivals } from './js/flows/link-flow.js';
import { wireCopyLink } from './js/flows/copy-link.js';
import { wireExamples } from './js/flows/examples.js';
import { wireBigText } from './js/flows/big-text.js';
import { wireFamilyEdits } from './js/flows/family-edit.js';
import { registerOffline } from './js/flows/offline.js';
import { syncQuick } from './js/views/quick-view.js';
import { fitBar } from './js/views/answer-bar.js';
import { startArticle, useApp, postHeight, embed } from './js/embed/article-mode.js';
import { postAnswer, postScroll } from './js/embed/host-messages.js';

var root = document.documentElement;
var params = new URLSearchParams(location.search);

// ---- article mode (?embed=1, ?embed=compact), the mini-program web-view: js/embed/article-mode.js ----
startArticle(params);

// The static controls, wired once the first answer is drawn.
function wire(app) {
  wireFamilyEdits(app);   // the date, 添加家人, 重新开始
  wireBigText(app);
  wireCopyLink(app);
  wireRemember(app);
  wireExamples(app);
  wireLinkArrivals(app);
  $('#advice-run').addEventListener('click', function () { renderAdvice(app); app.layoutChanged(); });
  // The two questionnaires sit below the calculator: drawn right after the first result, so
  // their first engine calls (and the module's lazy compilation of that code) do not delay it.
  setTimeout(function () { renderWithdraw(app); renderCredit(app); app.layoutChanged(); }, 0);
  // Any <details> opened or closed (toggle does not bubble: a capture listener sees every one):
  // in an article the frame follows its content (old kernels without ResizeObserver).
  document.addEventListener('toggle', postHeight, true);
  // the answer bar keeps to a third of the screen when the screen turns or the text grows (the
  // browser's font size, zoom): fitted again when the window or the bar's own size changes
  window.addEventListener('resize', function () { fitBar(); });
  var bar = $('#answer'), lastH = 0;
  if (typeof ResizeObserver === 'function') new ResizeObserver(function () {
    var hgt = Math.round(bar.getBoundingClientRect().height);
    if (hgt !== lastH) { lastH = hgt; fitBar(bar); lastH = Math.round(bar.getBoundingClientRect().height); }
  }).observe(bar);
}

// The first question (FIRST_Q, js/model/quick.js) is answered on arrival; a link's family, a
// remembered family or an example asked for in the address comes first.
async function start() {
  if (window.performance && performance.mark) performance.mark('gongji-engine-ready');
  var tables = makeTables({ catalogue: gongji.catalogue(), rules: gongji.rules(), regions: gongji.regions(),
    relations: gongji.relations(), limits: gongji.limits() });
  var app = null;
  var engine = guarded(gongji, function () { if (app) app.failed(); });
  var place = placeOf(tables.places, params.get('region') || '');
  app = createCalculator({ engine: engine, tables: tables, region: place ? place.value : null, embed: embed,
    onLayout: postHeight, onAnswer: function (res) { if (embed) postAnswer(res); }, scrollHost: function (el) { if (embed) { postHeight(); postScroll(el); } } });
  useApp(app);
  app.start();
  var v = gongji.version();
  $('#version').textContent = '计算引擎 ' + v.engine + '，规则数据 ' + v.rules;
  useStored(app, await loadStored(app.memory, tables.limits));
  var pq = params.get('preset'), pre = PRESETS.filter(function (p) { return p.id === pq; })[0];
  var link = await readLink(app), opened = false, asked = false;
  if (link && link.error) linkError(app, link);
  else if (link && link.state) {
    if (app.remember && !sameFamily(link.state, app.state)) { askLink(app, link.state, true); asked = true; } // the remembered family stays until the visitor chooses
    else { app.state = link.state; opened = true; status(app, '已从链接恢复。' + LINK_SAFE, 'info'); }
  }
  if (!opened) {
    if (pre && app.remember) { if (!asked) status(app, '已打开你在本机记住的家庭（网址里的例子“' + pre.title + '”没有载入，可以在下面“看看例子”里点它）。', 'info'); }
    else if (pre) { app.state = pre.make(); if (app.region) atRegion(app.state, app.region, tables.places); status(app, '已载入例子：' + pre.title + '。金额都是示例数字，可以改成你家的。', 'info'); }
    else if (!app.remember) applyQuick(app.state, FIRST_Q, tables); // a first question already answered: 我 → 妈妈 · 门诊看病
    if (app.region) app.state.region = app.region;
  }
  // Unless the HTML already shows this answer (the built page's first question or example), the
  // answer comes first: the quick check and the answer bar are drawn and painted (html.answered)
  // before the forms and results below them are built, which at 4x CPU takes a few hundred ms.
  // (Until html.ready, the CSS keeps what is not drawn yet invisible.)
  var shown = root.classList.contains('pre') && !root.classList.contains('pre-off') && !root.classList.contains('pre-preset');
  $('#loading').setAttribute('hidden', '');
  $('#app').removeAttribute('hidden');
  if (!shown) {
    syncTop(app);
    app.q = deriveQuick(app.state);
    probe(app);
    syncQuick(app);
    if (computeAnswerBar(app)) {
      root.classList.add('answered');
      await afterPaint();
    }
  }
  wire(app);
  app.update('all');
  root.classList.add('ready');
  if (window.performance && performance.mark) performance.mark('gongji-first-result');
}

// The engine: the WebAssembly module (boot.js started fetching and compiling it before this
// script arrived), or where WebAssembly is missing or refused, the same engine as JavaScript
// (js/flows/engine-load.js). A browser that can run neither is told so plainly (never "the network").
loadEngine(gongji, window.__gongjiWasm).then(function () {
  return start().catch(function (e) {
    // A throw while setting up (a trap in the first calls included): no half-drawn page.
    fatal('计算器出错了，没能打开。请重新加载页面。', true, e && e.message ? e.message : String(e));
    postHeight();
  });
}, function (e) {
  if (e && e.kind === 'old') fatal('这个浏览器太旧，或者它的安全设置不允许运行计算器。请用手机自带的浏览器打开，或把微信、浏览器更新到最新版本后再试。', false, e.message);
  else fatal('计算器没能加载完（网络断了或太慢）。请检查网络后刷新页面。', true, e && e.message ? e.message : String(e));
  postHeight();
});

registerOffline();
