// 医保家庭共济计算器 — page entry: the start-up, wiring the page's modules (js/) together around
// one shared `ctx`. All calculation happens in the wasm engine (./pkg).
// The module is imported as a namespace so that an export a newer engine adds (relations) is
// used when present without breaking an older build.
import * as gongji from './pkg/gongji.js';
import { $, afterPaint } from './js/dom.js';
import { blankState } from './js/state.js';
import { setPlaces } from './js/places.js';
import { loadStored, sameFamily } from './js/share.js';
import { PRESETS } from './js/presets.js';
import { renderQuick, applyQuick, syncQuick, FIRST_Q } from './js/quick.js';
import { useRelations } from './js/labels.js';
import { guarded } from './js/engine.js';
import { fatal, showFailure } from './js/failure.js';
import { startArticle, postHeight } from './js/article-mode.js';
import { status } from './js/messages.js';
import { installRedraw, syncTop } from './js/redraw.js';
import { computeAnswerBar } from './js/compute.js';
import { installFamilyEdits, wireFamilyEdits } from './js/family-edit.js';
import { wireBigText } from './js/big-text.js';
import { wireCopyLink } from './js/copy-link.js';
import { useStored, wireRemember } from './js/remember.js';
import { wireExamples } from './js/examples.js';
import { LINK_SAFE, readLink, linkError, askLink, wireLinkArrivals } from './js/link-flow.js';
import { wireAdvice } from './js/advice.js';
import { renderWithdraw } from './js/withdrawal.js';
import { renderCredit } from './js/credit.js';
import { registerOffline } from './js/offline.js';
import { loadEngine } from './js/engine-load.js';

var catalogue = gongji.catalogue, rules = gongji.rules, regions = gongji.regions, version = gongji.version;

var root = document.documentElement;
var params = new URLSearchParams(location.search);

// What the modules share: the family (state), the reference tables, the guarded engine calls
// (js/engine.js), ctx.update / ctx.setState (js/redraw.js), ctx.removeMember / ctx.moveBinding
// (js/family-edit.js).
var ctx = { state: blankState(), catalogue: [], catalogueById: {}, rulesById: {}, remember: false };
ctx.engine = guarded(gongji, function () { showFailure(ctx); });
installRedraw(ctx);
installFamilyEdits(ctx);

// ---- article mode (?embed=1, ?embed=compact), the mini-program web-view: js/article-mode.js ----
startArticle(params, ctx);

// ---- wiring of the static controls ----------------------------------------
function wire() {
  wireFamilyEdits(ctx);   // the date, 添加家人, 重新开始
  wireBigText(ctx);
  wireCopyLink(ctx);
  wireRemember(ctx);
  wireExamples(ctx);
  wireLinkArrivals(ctx);
  wireAdvice(ctx);
  // The two questionnaires sit below the calculator: drawn right after the first result, so
  // their first engine calls (and the module's lazy compilation of that code) do not delay it.
  setTimeout(function () { renderWithdraw(ctx, ctx.engine); renderCredit(ctx, ctx.engine); postHeight(); }, 0);
  // Any <details> opened or closed, also those the results redraw on every change (付款明细,
  // 为什么): in an article the frame follows its content. Where ResizeObserver exists (js/embed.js)
  // it does that anyway; old kernels without it had only these listeners, which missed the
  // results' own details. (toggle does not bubble: a capture listener sees every one.)
  document.addEventListener('toggle', postHeight, true);
}

// The first question (FIRST_Q, js/quick.js) is answered on arrival; a link's family, a
// remembered family or an example asked for in the address comes first.
async function start() {
  if (window.performance && performance.mark) performance.mark('gongji-engine-ready');
  var cat = catalogue();
  ctx.catalogue = cat;
  cat.forEach(function (c) { ctx.catalogueById[c.id] = c; });
  rules().forEach(function (r) { ctx.rulesById[r.id] = r; });
  if (typeof gongji.relations === 'function') useRelations(gongji.relations());
  var places = regions();
  setPlaces(places);
  var placeIds = {};
  places.forEach(function (r) { placeIds[r.id] = true; });
  var rq = params.get('region');
  if (rq && placeIds[rq]) { ctx.region = rq; ctx.state.region = rq; }
  ctx.q = FIRST_Q;
  renderQuick(ctx, places);
  var v = version();
  $('#version').textContent = '计算引擎 ' + v.engine + '，规则数据 ' + v.rules;
  useStored(ctx, await loadStored());
  var pq = params.get('preset'), pre = PRESETS.filter(function (p) { return p.id === pq; })[0];
  var link = await readLink(ctx), opened = false, asked = false;
  if (link && link.error) linkError(link);
  else if (link && link.state) {
    if (ctx.remember && !sameFamily(link.state, ctx.state)) { askLink(ctx, link.state, true); asked = true; } // the remembered family stays until the visitor chooses
    else { ctx.state = link.state; opened = true; status('已从链接恢复。' + LINK_SAFE, 'info'); }
  }
  if (!opened) {
    if (pre && ctx.remember) { if (!asked) status('已打开你在本机记住的家庭（网址里的例子“' + pre.title + '”没有载入，可以在下面“看看例子”里点它）。', 'info'); }
    else if (pre) { ctx.state = pre.make(); if (ctx.region) ctx.state.region = ctx.region; status('已载入例子：' + pre.title + '。金额都是示例数字，可以改成你家的。', 'info'); }
    else if (!ctx.remember) applyQuick(ctx, ctx.q); // a first question already answered: 我 → 妈妈 · 门诊看病
    if (ctx.region) ctx.state.region = ctx.region;
  }
  // Unless the HTML already shows this answer (the built page's first question or example), the
  // answer comes first: the quick check and the answer bar are drawn and painted (html.answered)
  // before the forms and results below them are built, which at 4x CPU takes a few hundred ms.
  // (Until html.ready, the CSS keeps what is not drawn yet invisible.)
  var shown = root.classList.contains('pre') && !root.classList.contains('pre-off') && !root.classList.contains('pre-preset');
  $('#loading').setAttribute('hidden', '');
  $('#app').removeAttribute('hidden');
  if (!shown) {
    syncTop(ctx);
    syncQuick(ctx);
    if (computeAnswerBar(ctx)) {
      root.classList.add('answered');
      await afterPaint();
    }
  }
  wire();
  ctx.update('all');
  root.classList.add('ready');
  if (window.performance && performance.mark) performance.mark('gongji-first-result');
}

// The engine: the WebAssembly module (boot.js started fetching and compiling it before this
// script arrived), or where WebAssembly is missing or refused, the same engine as JavaScript
// (js/engine-load.js). A browser that can run neither is told so plainly (never "the network").
loadEngine(gongji, window.__gongjiWasm).then(function () {
  return start().catch(function (e) {
    // A throw while setting up (a trap in the first calls included): no half-drawn page.
    fatal('计算器出错了，没能打开。请重新加载页面。', true, e && e.message ? e.message : String(e));
  });
}, function (e) {
  if (e && e.kind === 'old') fatal('这个浏览器太旧，或者它的安全设置不允许运行计算器。请用手机自带的浏览器打开，或把微信、浏览器更新到最新版本后再试。', false, e.message);
  else fatal('计算器没能加载完（网络断了或太慢）。请检查网络后刷新页面。', true, e && e.message ? e.message : String(e));
});

registerOffline();
