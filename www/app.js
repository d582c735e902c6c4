// 医保家庭共济计算器 — page entry. All calculation happens in the wasm engine (./pkg).
// The module is imported as a namespace so that an export a newer engine adds (relations) is
// used when present without breaking an older build.
import * as gongji from './pkg/gongji.js';
import { h, clear, $ } from './js/dom.js';
import { blankState } from './js/state.js';
import { toScenario } from './js/scenario.js';
import { setPlaces } from './js/places.js';
import { encodePayload, decodeLink, loadStored, saveStored, forgetStored, loadBig, saveBig, sameFamily, familyKey, describe } from './js/share.js';
import { renderFamily, renderSharing, renderExpenses, showPairIssues } from './js/forms.js';
import { renderResults, renderAnswerBar } from './js/result.js';
import { PRESETS } from './js/presets.js';
import { renderAdvice } from './js/advice.js';
import { renderWithdraw } from './js/withdrawal.js';
import { renderCredit } from './js/credit.js';
import { renderQuick, syncQuick, applyQuick, FIRST_Q } from './js/quick.js';
import { useRelations } from './js/labels.js';
import { startEmbed, postHeight as embedHeight, postAnswer, postScroll } from './js/embed.js';
import { answerOnly } from './js/answer-only.js';

// Every call into the module during use goes through guard(): a throw (a trap included) marks
// the engine as failed, and from then on no call is made and the failure is shown instead of any
// answer (after a trap the module's memory cannot be trusted).
var failure = null;
var FAILED = { error: { code: 'engine_failed', field: '', message: '计算出错了，请重新加载页面。' } };
function guard(fn) {
  return function (arg) {
    if (failure) return FAILED;
    try { return fn(arg); } catch (e) { engineFailed(e); return FAILED; }
  };
}
var init = gongji.default, catalogue = gongji.catalogue, rules = gongji.rules, regions = gongji.regions, version = gongji.version,
  evaluate = guard(gongji.evaluate), advise = guard(gongji.advise), withdrawal = guard(gongji.withdrawal), credit = guard(gongji.credit);

var root = document.documentElement;
var params = new URLSearchParams(location.search);
var embed = params.get('embed') === '1';
if (embed) root.classList.add('embed');

var ctx = { state: blankState(), catalogue: [], catalogueById: {}, rulesById: {}, remember: false };

function status(text, kind) {
  var el = $('#status');
  clear(el);
  if (text) clearAsk();
  if (text) el.appendChild(h('p', { class: 'card ' + (kind || 'info') }, text));
}

function reloadButton() {
  return h('button', { type: 'button', class: 'btn reload', 'data-k': 'reload', onclick: function () { location.reload(); } }, '重新加载');
}
function fatal(text, reload) {
  var el = $('#fatal');
  el.textContent = text;
  if (reload) { el.appendChild(document.createTextNode(' ')); el.appendChild(reloadButton()); }
  el.removeAttribute('hidden');
  $('#app').setAttribute('hidden', '');
  postHeight();
}

// ---- article mode (?embed=1): height, answer and scroll messages to the host (js/embed.js) ----
function postHeight() { if (embed) embedHeight(); }
if (embed) {
  startEmbed(params);
  // In an article the answer comes first, under the title line: the frame is as tall as its
  // content, so a sticky bar cannot follow the reader; at the top it is in the frame's first
  // screen whatever the reader taps (and the host scrolls it into view after an example).
  $('#app').insertBefore($('#answer'), $('#quick'));
}

// ---- recompute ------------------------------------------------------------
// The answer without money: when the full scenario has an input error, the field at fault is set
// aside (an amount left out, a balance or quota not read) so the other answers stay. The amounts
// of this second run are never shown; only answer, headline, payers and next steps are.
// A balance not given yet is asked for only when an amount needs it.
function anyAmount(st) {
  return st.expenses.some(function (e) { return String((e.mode === 'burden' ? e.burden : e.amount) || '').trim() !== ''; });
}
function compute() {
  var st = ctx.state, scen = toScenario(st);
  if (ctx.remember) scheduleSave();
  var out = evaluate(scen);
  var err = out && out.error ? out.error : null, ans = null;
  ctx.quiet = false;
  if (err && !failure) {
    ans = answerOnly(evaluate, scen, err);
    var bm = /^members\[(\d+)\]\.balance$/.exec(err.field || '');
    if (bm && st.members[+bm[1]] && !String(st.members[+bm[1]].balance || '').trim() && !anyAmount(st) && ans) ctx.quiet = true;
  }
  if (failure) { showFailure(); postHeight(); return; }
  renderResults(ctx, out, ans, err);
  renderAnswerBar(ctx, err ? ans : out, err && !ans ? err : null);
  showPairIssues(pairIssues(scen));
  var adv = $('#advice-out');
  if (adv && adv.firstChild && !adv.querySelector('.stale')) {
    clear(adv); adv.appendChild(h('p', { class: 'hint stale' }, '家人、绑定或费用改动了，请重新点“比较顺位”。'));
  }
  postHeight();
  if (embed) { var shown = err ? ans : out; postAnswer(shown && shown.results ? shown.results[0] : null); }
}

// ---- engine failure: plain words and a reload button, never an old answer ---------------
function engineFailed(e) {
  failure = e || new Error('engine failed');
  showFailure();
}
function showFailure() {
  var bar = $('#answer');
  if (bar.getAttribute('data-answer') !== 'failed') {
    clear(bar);
    bar.setAttribute('data-answer', 'failed');
    bar.className = 'answerbar a-failed';
    bar.appendChild(h('p', { class: 'ab-text' }, h('strong', { class: 'ab-label' }, '计算出错了，'), '请重新加载页面。'));
    bar.appendChild(reloadButton());
  }
  var box = $('#results');
  if (!box.querySelector('.failed')) {
    clear(box);
    box.appendChild(h('div', { class: 'card error failed' },
      h('p', null, h('strong', null, '⚠ 计算出错了，'), '这里不再显示结果，以免看到过时的数字。请重新加载页面。'),
      h('p', { class: 'hint' }, ctx.remember ? '你填的内容已在本机记住，重新加载后还在。' : '重新加载会清空你填的内容；想留着，先点下面的“复制链接”。'),
      reloadButton()));
  }
  $('#summary').textContent = '';
  var adv = $('#advice-out'); if (adv) clear(adv);
  postHeight();
  if (embed) postAnswer(null); // the host's copy of the answer is not kept either
}

// ---- "在本机记住": saved after every change, one save at a time, the latest state wins ----------
var saving = false, saveAgain = false, savedOnce = false, lastRememberMsg = '', savedKey = null;
function rememberMsg(text, warn) {
  var el = $('#remember-msg');
  if (text === lastRememberMsg) return;
  lastRememberMsg = text;
  el.textContent = text;
  el.classList.toggle('warn', !!warn);
}
function scheduleSave() {
  if (saving) { saveAgain = true; return; }
  var key = familyKey(ctx.state);
  if (key === savedKey) return; // nothing changed since the last save (or since it was read)
  saving = true;
  saveStored(ctx.state, function () { return ctx.remember; }).then(function (r) {
    saving = false;
    if (!ctx.remember) return;
    if (r.error) rememberMsg('⚠ ' + r.error + (savedOnce ? '最新的改动没有记住，这台设备上保存的还是之前的内容。' : '所以还没有记住。'), true);
    else if (r.ok) { savedOnce = true; savedKey = key; rememberMsg('已记住：以后在这台设备上打开会自动恢复。'); }
    if (saveAgain) { saveAgain = false; scheduleSave(); }
  }, function () {
    saving = false;
    if (ctx.remember) rememberMsg('⚠ 没能记住最新的改动（浏览器出错了）。' + (savedOnce ? '这台设备上保存的还是之前的内容。' : ''), true);
  });
}

// Probe every bound pair with a plain clinic visit so a bad pair shows at once. The probe depends
// on the family and the bindings only, so typing an amount reuses the last answer.
var lastProbe = { key: null, issues: {} };
function pairIssues(scen) {
  var patients = [];
  scen.sharing.forEach(function (b) { if (patients.indexOf(b.to) < 0) patients.push(b.to); });
  if (!patients.length) return {};
  var probe = { as_of: scen.as_of, region: scen.region, members: scen.members, sharing: scen.sharing,
    expenses: patients.map(function (p) {
      return { patient: p, item: 'outpatient_visit', venue: 'designated_hospital', personal_burden: '100.00', card: 'own' };
    }) };
  var key = JSON.stringify(probe);
  if (key === lastProbe.key) return lastProbe.issues;
  var issues = {};
  var pr = evaluate(probe);
  if (pr && pr.results) pr.results.forEach(function (r, i) {
    (r.ineligible_sharers || []).forEach(function (x) {
      var k = x.member + '->' + patients[i];
      (issues[k] = issues[k] || []).push(x);
    });
  });
  lastProbe = { key: key, issues: issues };
  return issues;
}

function focusKey() { var a = document.activeElement; return a && a.getAttribute ? a.getAttribute('data-k') : null; }
function restoreFocus(k) {
  if (!k) return;
  function find(key) { return document.querySelector('[data-k="' + key.replace(/"/g, '') + '"]'); }
  var el = find(k);
  // A move button that just became disabled hands the focus to its partner.
  if (el && el.disabled) el = find(k.indexOf('b-up-') === 0 ? k.replace('b-up-', 'b-down-') : k.replace('b-down-', 'b-up-'));
  if (el && !el.disabled) el.focus();
}

ctx.update = function (kind) {
  var k = focusKey();
  if (kind === 'all') renderFamily(ctx);
  if (kind === 'all' || kind === 'names') { renderSharing(ctx); renderExpenses(ctx); }
  syncTop();
  syncQuick(ctx);
  compute();
  if (kind !== 'value') restoreFocus(k);
};
ctx.removeMember = function (id) {
  var st = ctx.state;
  st.members = st.members.filter(function (m) { return m.id !== id; });
  st.sharing = st.sharing.filter(function (b) { return b.from !== id && b.to !== id; });
  st.expenses = st.expenses.filter(function (e) { return e.patient !== id; });
  st.members.forEach(function (m) { if (m.via === id) m.via = ''; });
  ctx.update('all');
  var add = $('#add-member'); if (add) add.focus();
};
ctx.moveBinding = function (b, dir) {
  var st = ctx.state, same = st.sharing.filter(function (x) { return x.to === b.to; });
  var j = same.indexOf(b) + dir;
  if (j < 0 || j >= same.length) return;
  var other = same[j], ia = st.sharing.indexOf(b), ib = st.sharing.indexOf(other);
  st.sharing[ia] = other; st.sharing[ib] = b;
  ctx.update('all');
};

function setState(st) { ctx.state = st; ctx.update('all'); }

function syncTop() {
  $('#as-of').value = ctx.state.as_of;
}
function setBig(on) {
  root.classList.toggle('big', on);
  var big = $('#big-text');
  big.setAttribute('aria-pressed', on ? 'true' : 'false');
  big.querySelector('.big-state').textContent = on ? '：开' : '：关';
  postHeight();
}

// ---- wiring of the static controls ----------------------------------------
function wire() {
  $('#as-of').addEventListener('change', function () {
    if (/^\d{4}-\d{2}-\d{2}$/.test(this.value)) { ctx.state.as_of = this.value; ctx.update('value'); }
  });
  $('#add-member').addEventListener('click', function () {
    var st = ctx.state, id;
    do { st.seq = (st.seq || 1) + 1; id = 'm' + st.seq; } while (st.members.some(function (m) { return m.id === id; }));
    st.members.push({ id: id, name: '', relation: 'mother', via: '', insurance: 'resident', province: '', city: '', balance: '' });
    ctx.update('all');
    var inp = document.querySelector('[data-k="m-name-' + id + '"]'); if (inp) inp.focus();
  });
  var big = $('#big-text');
  big.addEventListener('click', function () {
    var on = !root.classList.contains('big');
    setBig(on);
    if (ctx.remember) saveBig(on);
  });
  $('#copy-link').addEventListener('click', function () {
    var out = $('#link-out'), msg = $('#link-msg');
    msg.textContent = '正在生成链接……';
    msg.classList.remove('warn');
    encodePayload(ctx.state).then(function (enc) {
      if (enc.error) {
        // Never a link this page would refuse: say why instead.
        out.value = ''; out.setAttribute('hidden', '');
        msg.textContent = '⚠ 没有生成链接：' + enc.error;
        msg.classList.add('warn');
        return;
      }
      var url = location.href.split('#')[0] + '#s=' + enc.text;
      out.value = url;
      out.removeAttribute('hidden');
      function done(ok) {
        msg.textContent = ok ? '链接已复制。发给家人，打开就能看到同样的情况。' : '请长按上面的链接手动复制。';
      }
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(function () { done(true); }, function () { out.select(); done(false); });
      else { out.select(); try { done(document.execCommand('copy')); } catch (e) { done(false); } }
      postHeight();
    }, function () {
      msg.textContent = '⚠ 没有生成链接（浏览器出错了），请重新加载页面后再试。';
      msg.classList.add('warn');
    });
  });
  var rem = $('#remember');
  rem.addEventListener('change', function () {
    ctx.remember = rem.checked;
    if (rem.checked) { savedOnce = false; savedKey = null; rememberMsg('正在记住……'); scheduleSave(); saveBig(root.classList.contains('big')); }
    else { forgetStored(); savedOnce = false; rememberMsg('已忘记：这台设备上不再保存任何内容。'); }
  });
  $('#reset').addEventListener('click', function () {
    var st = blankState(); if (ctx.region) st.region = ctx.region;
    var prev = ctx.state;
    ctx.state = st; applyQuick(ctx, FIRST_Q); ctx.update('all');
    if (ctx.remember) offerUndo('已清空，重新开始。', prev); else status('');
    // In an article the frame has just shrunk under the visitor: bring its top back into view.
    if (embed) { postHeight(); postScroll(root); }
  });
  var pbox = $('#presets');
  PRESETS.forEach(function (p) {
    pbox.appendChild(h('button', { type: 'button', class: 'chip preset', 'data-preset': p.id, onclick: function () {
      loadPreset(p);
    } }, p.title));
  });
  window.addEventListener('hashchange', function () { linkArrived(false); });
  var engine = { advise: advise, withdrawal: withdrawal, credit: credit };
  $('#advice-run').addEventListener('click', function () { renderAdvice(ctx, engine); postHeight(); });
  // The two questionnaires sit below the calculator: drawn right after the first result, so
  // their first engine calls (and the module's lazy compilation of that code) do not delay it.
  setTimeout(function () { renderWithdraw(ctx, engine); renderCredit(ctx, engine); postHeight(); }, 0);
  Array.prototype.forEach.call(document.querySelectorAll('#app details'), function (d) { d.addEventListener('toggle', postHeight); });
}

// The first question (FIRST_Q, js/quick.js) is answered on arrival.

function loadPreset(p) {
  var st = p.make();
  if (ctx.region) st.region = ctx.region;
  var prev = ctx.state;
  setState(st);
  var text = '已载入例子：' + p.title + '。金额都是示例数字，可以改成你家的。';
  if (ctx.remember && !sameFamily(prev, st)) offerUndo(text, prev); else status(text, 'info');
  // In an article the frame is as tall as its content: the host scrolls the answer into view.
  if (embed) { postHeight(); postScroll($('#answer')); }
}

// ---- a family from a link -------------------------------------------------------------------
// A link never replaces the family on the page by itself when that family is remembered
// ("在本机记住"), nor when the fragment changes after load: the visitor is asked, and opening it
// can be undone. In article mode (?embed=1) a fragment that changes after load only shows a
// button: the framing page cannot change the family shown.
var LINK_SAFE = '链接里的内容只在你的浏览器里读取，不会发给任何服务器。';
var linkSeq = 0;
function copyOf(st) { return JSON.parse(JSON.stringify(st)); }
function buttons() { return h('div', { class: 'ask-buttons' }, Array.prototype.slice.call(arguments)); }
// The question about a link's family, and what follows it, go on top of the page (above the
// quick check), where it is seen before any answer; other messages go to #status.
function askBox() {
  var el = $('#link-ask');
  if (!el) { el = h('div', { id: 'link-ask', 'aria-live': 'polite' }); $('#app').insertBefore(el, $('#app').firstChild); }
  return el;
}
function card(where, kids) {
  var el = where === 'top' ? askBox() : $('#status');
  clear(el);
  if (where === 'top') clear($('#status')); else if ($('#link-ask')) clear($('#link-ask'));
  el.appendChild(h('div', { class: 'card ask info' }, kids));
  postHeight();
  return el;
}
function clearAsk() { if ($('#link-ask')) clear($('#link-ask')); }

// -> null, {state} or {error}; the family is checked by the engine before it is offered.
function readLink() {
  return decodeLink(location.hash).then(function (r) {
    if (!r || r.error) return r;
    var test = evaluate(toScenario(r.state));
    if (failure) return { error: '计算出错了，没能读取这个链接。' };
    if (test && test.error) return { error: '这个链接里的内容有误（' + test.error.message + '），没有载入。' };
    return r;
  });
}
function linkError(r) { status('⚠ ' + r.error + ' 当前页面上的家庭信息没有改动。', 'error'); }

function offerUndo(text, prev, where) {
  var undo = h('button', { type: 'button', class: 'btn ghost', 'data-k': 'undo', onclick: function () {
    setState(prev);
    card(where, [h('p', null, '已撤销，回到原来的家庭（' + describe(prev) + '）。' + (ctx.remember ? '在本机记住的也已恢复。' : ''))]);
  } }, '撤销，回到原来的家庭');
  card(where, [h('p', null, text), ctx.remember ? h('p', { class: 'hint' }, '在本机记住的家庭也换成了这个。') : null, buttons(undo)]);
}
function openLinked(linkState) {
  var prev = ctx.state;
  setState(copyOf(linkState));
  offerUndo('已打开链接里的家庭（' + describe(linkState) + '）。' + LINK_SAFE, prev, 'top');
  var b = $('#status [data-k="undo"]'); if (b && !embed) b.focus();
}
function keepMine(linkState) {
  // Take the family out of the address, so a reload does not ask again.
  if (window.history && history.replaceState) history.replaceState(null, '', location.pathname + location.search);
  var again = h('button', { type: 'button', class: 'btn ghost', 'data-k': 'link-open', onclick: function () { openLinked(linkState); } }, '还是打开链接里的家庭');
  card('top', [h('p', null, '已保留' + (ctx.remember ? '你记住的家庭' : '现在的家庭') + '，链接里的家庭没有打开。'), buttons(again)]);
}
function askLink(linkState, onLoad) {
  if (embed && !onLoad) {
    card('top', [buttons(h('button', { type: 'button', class: 'btn', 'data-k': 'link-open', onclick: function () { openLinked(linkState); } },
      '链接里有另一个家庭，点此打开'))]);
    return;
  }
  var mine = ctx.remember ? '你在本机记住的家庭' : '现在页面上的家庭';
  card('top', [
    h('p', null, h('strong', null, '这个链接里是另一个家庭'), '（' + describe(linkState) + '）。现在显示的是' + mine + '（' + describe(ctx.state) + '），还没有改动。'),
    h('p', { class: 'hint' }, '打开链接里的家庭会替换它' + (ctx.remember ? '（也替换在本机记住的）' : '') + '，之后可以撤销。'),
    buttons(
      h('button', { type: 'button', class: 'btn', 'data-k': 'link-open', onclick: function () { openLinked(linkState); } }, '打开链接里的家庭'),
      h('button', { type: 'button', class: 'btn ghost', 'data-k': 'link-keep', onclick: function () { keepMine(linkState); } },
        ctx.remember ? '保留我记住的家庭' : '保留现在的家庭'))
  ]);
  if (!embed && !onLoad) { var s = askBox(); if (s.scrollIntoView) s.scrollIntoView({ block: 'nearest' }); }
}
// The fragment changed after load.
function linkArrived() {
  var mySeq = ++linkSeq;
  return readLink().then(function (r) {
    if (mySeq !== linkSeq || !r) return;
    if (r.error) { linkError(r); return; }
    if (sameFamily(r.state, ctx.state)) { status('链接里的家庭就是现在显示的这个。', 'info'); return; }
    askLink(r.state, false);
  });
}

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
  var stored = await loadStored();
  if (stored && stored.state) {
    ctx.state = stored.state; ctx.remember = true; savedOnce = true; savedKey = familyKey(stored.state); $('#remember').checked = true; if (loadBig()) setBig(true);
    rememberMsg('已记住：这是你在这台设备上记住的家庭，改动会自动保存。');
  } else if (stored && stored.error) {
    // Kept as it is (never dropped silently); turning "在本机记住" on again replaces it.
    rememberMsg('⚠ 这台设备上记住的家庭读不出来：' + stored.error + ' 它还留在本机，没有删除；勾选“在本机记住”会用现在的家庭替换它。', true);
  }
  var pq = params.get('preset'), pre = PRESETS.filter(function (p) { return p.id === pq; })[0];
  var link = await readLink(), opened = false, asked = false;
  if (link && link.error) linkError(link);
  else if (link && link.state) {
    if (ctx.remember && !sameFamily(link.state, ctx.state)) { askLink(link.state, true); asked = true; } // the remembered family stays until the visitor chooses
    else { ctx.state = link.state; opened = true; status('已从链接恢复。' + LINK_SAFE, 'info'); }
  }
  if (!opened) {
    if (pre && ctx.remember) { if (!asked) status('已打开你在本机记住的家庭（网址里的例子“' + pre.title + '”没有载入，可以在下面“看看例子”里点它）。', 'info'); }
    else if (pre) { ctx.state = pre.make(); if (ctx.region) ctx.state.region = ctx.region; status('已载入例子：' + pre.title + '。金额都是示例数字，可以改成你家的。', 'info'); }
    else if (!ctx.remember) applyQuick(ctx, ctx.q); // a first question already answered: 我 → 妈妈 · 门诊看病
    if (ctx.region) ctx.state.region = ctx.region;
  }
  wire();
  $('#loading').setAttribute('hidden', '');
  $('#app').removeAttribute('hidden');
  ctx.update('all');
  root.classList.add('ready');
  if (window.performance && performance.mark) performance.mark('gongji-first-result');
}

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  fatal('你的浏览器关闭了 WebAssembly（例如苹果手机的“锁定模式”，或某些安全设置），计算器无法运行。请换一个浏览器，或暂时对本站关闭锁定模式后再打开。');
} else {
  // boot.js started fetching and compiling the module before this script arrived; if that
  // failed (or boot.js is missing), init() loads it itself.
  var early = window.__gongjiWasm;
  (early ? early.then(function (m) { return init({ module_or_path: m }); }, function () { return init(); }) : init()).then(function () {
    return start().catch(function (e) {
      // A throw while setting up (a trap in the first calls included): no half-drawn page.
      fatal('计算器出错了，没能打开（' + (e && e.message ? e.message : e) + '）。请重新加载页面。', true);
    });
  }, function (e) {
    fatal('计算器没能加载（' + (e && e.message ? e.message : e) + '）。请检查网络后刷新页面。', true);
  });
}

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  window.addEventListener('load', function () { navigator.serviceWorker.register('./sw.js').catch(function () { /* optional */ }); });
}
