// 医保家庭共济计算器 — page entry. All calculation happens in the wasm engine (./pkg).
// The module is imported as a namespace so that an export a newer engine adds (relations) is
// used when present without breaking an older build.
import * as gongji from './pkg/gongji.js';
import { h, clear, $ } from './js/dom.js';
import { blankState, toScenario, encodeLink, decodeLink, loadStored, saveStored, forgetStored, setPlaces, loadBig, saveBig } from './js/state.js';
import { renderFamily, renderSharing, renderExpenses, showPairIssues } from './js/forms.js';
import { renderResults, renderAnswerBar } from './js/result.js';
import { PRESETS } from './js/presets.js';
import { renderAdvice, renderWithdraw, renderCredit } from './js/extras.js';
import { renderQuick, syncQuick, applyQuick, FIRST_Q } from './js/quick.js';
import { useRelations } from './js/labels.js';
import { startEmbed, postHeight as embedHeight, postAnswer, postScroll } from './js/embed.js';

var init = gongji.default, evaluate = gongji.evaluate, catalogue = gongji.catalogue, rules = gongji.rules, regions = gongji.regions,
  version = gongji.version, advise = gongji.advise, withdrawal = gongji.withdrawal, credit = gongji.credit;

var root = document.documentElement;
var params = new URLSearchParams(location.search);
var embed = params.get('embed') === '1';
if (embed) root.classList.add('embed');

var ctx = { state: blankState(), catalogue: [], catalogueById: {}, rulesById: {}, remember: false };

function status(text, kind) {
  var el = $('#status');
  clear(el);
  if (text) el.appendChild(h('p', { class: 'card ' + (kind || 'info') }, text));
}

function fatal(text) {
  var el = $('#fatal');
  el.textContent = text;
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
function answerOnly(scen, err) {
  var s = JSON.parse(JSON.stringify(scen));
  for (var n = 0; n < 6 && err; n++) {
    var f = err.field || '', m;
    if ((m = /^members\[(\d+)\]\.balance/.exec(f)) && s.members[+m[1]]) s.members[+m[1]].balance = '0.00';
    else if ((m = /^sharing\[(\d+)\]\.quota/.exec(f)) && s.sharing[+m[1]]) delete s.sharing[+m[1]].quota;
    else if ((m = /^expenses\[(\d+)\]/.exec(f)) && s.expenses[+m[1]]) {
      ['amount', 'personal_burden', 'out_of_catalogue', 'pooled'].forEach(function (k) { delete s.expenses[+m[1]][k]; });
      if (/venue/.test(f)) return null;
    } else return null;
    var r = evaluate(s);
    if (!r || !r.error) return r;
    if (r.error.field === f) return null;
    err = r.error;
  }
  return null;
}
// A balance not given yet is asked for only when an amount needs it.
function anyAmount(st) {
  return st.expenses.some(function (e) { return String((e.mode === 'burden' ? e.burden : e.amount) || '').trim() !== ''; });
}
function compute() {
  var st = ctx.state, scen = toScenario(st);
  var out = evaluate(scen);
  var err = out && out.error ? out.error : null, ans = null;
  ctx.quiet = false;
  if (err) {
    ans = answerOnly(scen, err);
    var bm = /^members\[(\d+)\]\.balance$/.exec(err.field || '');
    if (bm && st.members[+bm[1]] && !String(st.members[+bm[1]].balance || '').trim() && !anyAmount(st) && ans) ctx.quiet = true;
  }
  renderResults(ctx, out, ans, err);
  renderAnswerBar(ctx, err ? ans : out, err && !ans ? err : null);
  showPairIssues(pairIssues(scen));
  var adv = $('#advice-out');
  if (adv && adv.firstChild && !adv.querySelector('.stale')) {
    clear(adv); adv.appendChild(h('p', { class: 'hint stale' }, '家人、绑定或费用改动了，请重新点“比较顺位”。'));
  }
  if (ctx.remember) saveStored(st);
  postHeight();
  if (embed) { var shown = err ? ans : out; postAnswer(shown && shown.results ? shown.results[0] : null); }
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
    var url = location.href.split('#')[0] + encodeLink(ctx.state);
    var out = $('#link-out');
    out.value = url;
    out.removeAttribute('hidden');
    function done(ok) {
      $('#link-msg').textContent = ok ? '链接已复制。发给家人，打开就能看到同样的情况。' : '请长按上面的链接手动复制。';
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(function () { done(true); }, function () { out.select(); done(false); });
    else { out.select(); try { done(document.execCommand('copy')); } catch (e) { done(false); } }
  });
  var rem = $('#remember');
  rem.addEventListener('change', function () {
    ctx.remember = rem.checked;
    if (rem.checked) { saveStored(ctx.state); saveBig(root.classList.contains('big')); $('#remember-msg').textContent = '已记住：以后在这台设备上打开会自动恢复。'; }
    else { forgetStored(); $('#remember-msg').textContent = '已忘记：这台设备上不再保存任何内容。'; }
  });
  $('#reset').addEventListener('click', function () {
    status('');
    var st = blankState(); if (ctx.region) st.region = ctx.region;
    ctx.state = st; applyQuick(ctx, FIRST_Q); ctx.update('all');
    // In an article the frame has just shrunk under the visitor: bring its top back into view.
    if (embed) { postHeight(); postScroll(root); }
  });
  var pbox = $('#presets');
  PRESETS.forEach(function (p) {
    pbox.appendChild(h('button', { type: 'button', class: 'chip preset', 'data-preset': p.id, onclick: function () {
      loadPreset(p);
    } }, p.title));
  });
  window.addEventListener('hashchange', function () { openLink(true); });
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
  setState(st);
  status('已载入例子：' + p.title + '。金额都是示例数字，可以改成你家的。', 'info');
  // In an article the frame is as tall as its content: the host scrolls the answer into view.
  if (embed) { postHeight(); postScroll($('#answer')); }
}

function openLink(fromHash) {
  var r = decodeLink(location.hash);
  if (!r) return false;
  if (r.error) { status('⚠ ' + r.error + ' 当前页面上的家庭信息没有改动。', 'error'); return false; }
  var test = evaluate(toScenario(r.state));
  if (test && test.error) {
    status('⚠ 这个链接里的内容有误（' + test.error.message + '），没有载入。当前页面上的家庭信息没有改动。', 'error');
    return false;
  }
  status('已从链接恢复。链接里的内容只在你的浏览器里读取，不会发给任何服务器。', 'info');
  if (fromHash) setState(r.state); else ctx.state = r.state;
  return true;
}

function start() {
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
  var stored = loadStored();
  if (stored) { ctx.state = stored; ctx.remember = true; $('#remember').checked = true; if (loadBig()) setBig(true); }
  var pq = params.get('preset'), pre = PRESETS.filter(function (p) { return p.id === pq; })[0];
  if (!openLink(false)) {
    if (pre) { ctx.state = pre.make(); if (ctx.region) ctx.state.region = ctx.region; status('已载入例子：' + pre.title + '。金额都是示例数字，可以改成你家的。', 'info'); }
    else if (!stored) applyQuick(ctx, ctx.q); // a first question already answered: 我 → 妈妈 · 门诊看病
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
  (early ? early.then(function (m) { return init({ module_or_path: m }); }, function () { return init(); }) : init()).then(start, function (e) {
    fatal('计算器没能加载（' + (e && e.message ? e.message : e) + '）。请检查网络后刷新页面。');
  });
}

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  window.addEventListener('load', function () { navigator.serviceWorker.register('./sw.js').catch(function () { /* optional */ }); });
}
