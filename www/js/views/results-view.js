// The engine's output, drawn (SPEC §7, §9.3): per expense a card — the answer first (answer,
// headline, payers with their distance, next steps), then the money (waterfall, steps, reasons,
// sharers) — and the year: the balances of every account. Decides nothing, adds no money.
// A large family (issue 23: 1,000 expenses) is drawn in pages: the first PAGE cards, more on a
// tap; the year as a summary (each account at the start and at the end) with the per-expense
// table for families of up to PAGE expenses. A card whose answer and inputs are unchanged is
// kept, not rebuilt (typing one amount redraws that card).
import { h, clear, $, lazyDetails } from './dom.js';
import { VERDICTS, ANSWERS, SEVERITY, MAY, DISTANCES } from '../model/labels.js';
import { memberById } from '../model/state.js';
import { itemName } from '../model/tables.js';
import { answerOf, readingWho } from './answer-bar.js';

export var PAGE = 20;

var COLORS = { pooled_fund: '#1f5fa8', own_account: '#2e7d32', shared_account: '#8a4baf', shared_quota: '#b35900', self_pay: '#5f6368' };

// Names are wrapped in Unicode isolates (FSI…PDI) so right-to-left text or bidi controls in a
// name cannot reorder the sentence around it.
function nm(st, id) { var m = memberById(st, id); return '\u2068' + (m ? (m.name || '（未填称呼）') : (id || '')) + '\u2069'; }
function yuan(s) { return s + ' 元'; }

function patientName(st, res) {
  var e = st.expenses[res.expense !== undefined ? res.expense : 0];
  var m = e ? memberById(st, e.patient) : null;
  return m && m.relation === 'self' ? '我自己' : nm(st, e ? e.patient : '') + '这边';
}
function payerText(st, step, res) {
  if (step.payer === 'self_pay') return patientName(st, res) + '还要付（现金/微信/支付宝/银行卡）';
  if (step.payer === 'pooled_fund') return '医保报销（统筹基金）';
  if (step.payer === 'own_account') return nm(st, step.member) + '自己的个人账户';
  if (step.payer === 'shared_quota') return nm(st, step.member) + '给的跨省共济额度';
  return nm(st, step.member) + '的个人账户（家庭共济' + (step.order ? '，第 ' + step.order + ' 位' : '') + '）';
}
function payerShort(st, s, res) {
  if (s.payer === 'self_pay') return patientName(st, res) + '还要付';
  if (s.payer === 'pooled_fund') return '医保报销（统筹基金）';
  if (s.payer === 'own_account') return nm(st, s.member) + '自己的账户';
  if (s.payer === 'shared_quota') return nm(st, s.member) + '的共济额度';
  return nm(st, s.member) + '的账户（共济）';
}

// A rule is shown by its document's short name; a tap shows it in plain Chinese with its source.
export function docName(r) {
  if (!r) return '';
  var m = /（([^（）]*〔[^（）]*号)）\s*$/.exec(r.document || '') || /(国办发〔\d+〕\d+号|国务院令第\d+号|医保办发〔\d+〕\d+号)/.exec(r.document || '');
  if (m) return m[1];
  var d = r.document || r.title || r.id;
  return d.length > 24 ? d.slice(0, 23) + '…' : d;
}
export function ruleTap(app, id, lead) {
  var r = app.tables.rulesById[id];
  if (!id) return null;
  if (!r) return h('span', { class: 'hint' }, '依据：' + id);
  return lazyDetails({ class: 'ruletap' }, h('summary', null, (lead || '依据：') + docName(r)), function () { return ruleBox(app, id); });
}
function ruleBox(app, id) {
  var r = app.tables.rulesById[id];
  if (!r) return id ? h('p', { class: 'rule' }, '依据：' + id) : null;
  return h('div', { class: 'rule' }, h('p', null, h('strong', null, r.title)),
    h('p', null, r.summary),
    h('p', null, '出处：' + r.document + (r.effective ? '（' + r.effective + ' 起）' : '')));
}

function sentence(st, res) {
  var v = VERDICTS[res.verdict] || res.verdict;
  var parts = res.steps.filter(function (s) { return s.payer !== 'self_pay' && Number(s.amount) > 0; })
    .map(function (s) { return payerText(st, s, res) + '付 ' + yuan(s.amount); });
  var self = res.steps.filter(function (s) { return s.payer === 'self_pay'; }).map(function (s) { return s.amount; });
  var selfText = self.length ? patientName(st, res) + '还要付 ' + yuan(self.join(' + ')) : '';
  var body;
  if (res.verdict === 'blocked') body = '这样做不合规，医保一分不付' + (selfText ? '，' + selfText : '') + '。';
  else if (parts.length) body = parts.join('，') + (selfText ? '；' + selfText : '') + '。';
  else body = (selfText || '全部自己付') + '。';
  return h('p', { class: 'money v-' + res.verdict }, h('strong', null, '金额：'), body, h('span', { class: 'sr' }, '（' + v + '）'));
}

// One row per payer: its words above, a bar below (HTML, so large text wraps instead of being cut).
function waterfall(st, res, idx) {
  var total = Number(res.total) || 0;
  var steps = res.steps.filter(function (s) { return Number(s.amount) > 0; });
  if (!steps.length || !(total > 0)) return null;
  var acc = 0;
  var list = h('ol', { class: 'wf', 'aria-label': '第 ' + (idx + 1) + ' 笔费用 ' + res.total + ' 元由谁付' });
  steps.forEach(function (s) {
    var bar = h('span', { class: 'wf-bar p-' + s.payer });
    // Widths are presentation only (never shown as money); set through the CSSOM (CSP-safe).
    bar.style.marginLeft = (acc / total * 100).toFixed(2) + '%';
    bar.style.width = Math.max(Number(s.amount) / total * 100, 0.8).toFixed(2) + '%';
    bar.style.background = COLORS[s.payer] || '#555';
    acc += Number(s.amount);
    list.appendChild(h('li', null, h('span', { class: 'wf-label' }, payerShort(st, s, res) + '：' + s.amount + ' 元'),
      h('span', { class: 'wf-track', 'aria-hidden': 'true' }, bar)));
  });
  return list;
}

function stepsTable(app, st, res) {
  var rows = res.steps.map(function (s) {
    var r = app.tables.rulesById[s.rule];
    return h('tr', null, h('th', { scope: 'row' }, payerText(st, s, res)), h('td', { class: 'num', 'data-label': '金额' }, s.amount),
      h('td', { class: 'num', 'data-label': '付前余额' }, s.balance_before || '—'), h('td', { class: 'num', 'data-label': '付后余额' }, s.balance_after || '—'),
      h('td', { 'data-label': '依据' }, r ? docName(r) : (s.rule || '')));
  });
  return h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': '付款明细表' },
    h('table', { class: 'steps' }, h('caption', { class: 'sr' }, '付款明细'),
      h('thead', null, h('tr', null, ['谁付', '金额（元）', '付前余额', '付后余额', '依据'].map(function (t) { return h('th', { scope: 'col' }, t); }))),
      h('tbody', null, rows)));
}

// ---- the answer (SPEC §9.3): the engine's answer, headline, payers and next steps ------------
function answerLine(res) {
  var a = answerOf(res), w = ANSWERS[a.answer] || ['', 'a-unknown'];
  var m = /^([^：。]{1,8})：([\s\S]*)$/.exec(a.headline || '');
  var lead = m ? m[1] + '：' : (w[0] ? w[0] + '：' : ''), rest = m ? m[2] : a.headline;
  return h('p', { class: 'answer ' + w[1] }, lead ? h('strong', { class: 'badge' }, lead) : null, rest);
}
function readingsList(st, res) {
  if (!res.readings || !res.readings.length) return null;
  return h('ul', { class: 'readings' }, res.readings.map(function (r) {
    var w = ANSWERS[r.answer] || ['', ''];
    return h('li', { class: w[1] }, h('strong', null, readingWho(st, r) + '：'), r.headline);
  }));
}
function payerWho(st, p, res) {
  if (p.payer === 'self_pay') return patientName(st, res) + '自己付';
  if (p.payer === 'pooled_fund') return '医保报销（统筹基金）';
  if (p.payer === 'own_account') return nm(st, p.member) + '自己的个人账户';
  if (p.payer === 'shared_quota') return nm(st, p.member) + '给的跨省共济额度';
  return nm(st, p.member) + '的个人账户（家庭共济' + (p.order ? '，第 ' + p.order + ' 位' : '') + '）';
}
function payerWhy(res, p) {
  if (!p.code) return '';
  var x = (res.ineligible_sharers || []).filter(function (s) { return s.member === p.member && s.code === p.code; })[0] ||
    (res.reasons || []).filter(function (r) { return r.code === p.code; })[0];
  return x ? x.message : '';
}
function payersList(app, st, res) {
  if (!res.payers || !res.payers.length) return null;
  var yes = res.payers.filter(function (p) { return p.may_pay === 'yes'; }).length;
  return lazyDetails({ class: 'payers-box' }, h('summary', null, '谁可能付（按扣钱的先后，' + res.payers.length + ' 方，' + yes + ' 方可以付）'), function () {
    return h('ol', { class: 'payers' }, res.payers.map(function (p) {
      var m = MAY[p.may_pay] || ['', p.may_pay];
      var why = payerWhy(res, p);
      return h('li', { class: 'may-' + p.may_pay, 'data-payer': p.payer },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, m[0]), ' ', payerWho(st, p, res), '：', h('strong', null, m[1]),
        why ? h('span', { class: 'why' }, '。' + why) : null,
        p.distance && DISTANCES[p.distance] ? h('span', { class: 'dist', 'data-distance': p.distance }, '（两人参保地：' + DISTANCES[p.distance] + '）') : null,
        ' ', ruleTap(app, p.rule));
    }));
  });
}
function nextSteps(res) {
  if (!res.next_steps || !res.next_steps.length) return null;
  return h('div', { class: 'next' }, h('h4', null, '下一步怎么做'),
    h('ol', null, res.next_steps.map(function (n) { return h('li', { 'data-code': n.code }, n.message); })));
}

// The results as drawn last time: { cards: [{ sig, node }], year: { sig, node }, shown } — a
// recompute keeps a card whose answer and inputs are unchanged, so it is not built again and a
// 付款明细 or 为什么 the visitor opened there stays open. One per page (made by the app object).
export function makeResultsView() { return { cards: [], year: null, shown: PAGE }; }

// out: the full answer (or {error}); ans: the answer without money when out is an error.
// view: makeResultsView()'s object. quiet: a balance not asked for yet (a hint, not an error).
export function renderResults(app, view, out, ans, err, quiet) {
  var st = app.state, box = $('#results'), summary = $('#summary');
  if (!out) { clear(box); view.cards = []; view.year = null; return; }
  markField(st, err, quiet);
  // The engine asks for a missing value at its field (a balance an amount now needs).
  if (!err && out.results) {
    var ask = null;
    for (var r = 0; r < out.results.length && !ask; r++) (out.results[r].next_steps || []).forEach(function (x) { if (!ask && x.field && (x.code === 'enter_balance' || x.code === 'enter_shareable')) ask = x; });
    if (ask) markField(st, { field: ask.field, message: ask.message }, false);
  }
  var data = err ? ans : out, nodes = [];
  if (err && !quiet) {
    nodes.push(h('div', { class: 'card error' }, h('p', null, h('strong', null, '⚠ 有一处要改：'), err.message),
      h('p', { class: 'hint' }, '位置：' + fieldText(st, err.field) + (data ? '。下面先只回答能不能付，改好以后再算金额。' : ''))));
  }
  if (!data || !data.results || !data.results.length) {
    showNodes(box, nodes);
    view.cards = []; view.year = null;
    summary.textContent = err ? '' : '添加一笔费用后，这里会显示谁付多少。';
    return;
  }
  var all = data.results, n = all.length, shown = Math.min(n, Math.max(view.shown, PAGE));
  var members = JSON.stringify(st.members), cards = [];
  for (var i = 0; i < shown; i++) {
    var res = all[i], ex = st.expenses[res.expense !== undefined ? res.expense : i] || {};
    // everything the card shows or builds later is read from these
    var sig = JSON.stringify([i, !!err, res, ex]) + members, old = view.cards[i];
    var node = old && old.sig === sig && old.node.parentNode === box ? old.node : resultCard(app, st, res, i, ex, err);
    cards.push({ sig: sig, node: node });
    nodes.push(node);
  }
  view.cards = cards;
  if (shown < n) {
    nodes.push(h('p', { class: 'more-results' }, h('button', { type: 'button', class: 'btn ghost', 'data-k': 'results-more',
      onclick: function () { view.shown = shown + PAGE; renderResults(app, view, out, ans, err, quiet); if (app.layoutChanged) app.layoutChanged(); } },
    '再显示 ' + Math.min(PAGE, n - shown) + ' 笔（已显示 ' + shown + ' 笔，共 ' + n + ' 笔）')));
  }
  if (!err && n > 1) {
    // the year drawn again only when what it shows changed
    var ysig = n <= PAGE ? JSON.stringify([all.map(function (x) { return [x.expense, x.steps]; }), data.balances, data.quotas, st.expenses.map(function (e) { return e.patient; })]) + members : null;
    if (!view.year || ysig === null || view.year.sig !== ysig || view.year.node.parentNode !== box) view.year = { sig: ysig, node: yearTable(st, data, n > PAGE) };
    nodes.push(view.year.node);
  } else view.year = null;
  showNodes(box, nodes);
  summary.textContent = summaryText(all);
}
// "第1笔：能；第2笔：只能自费。" — or, for a large family, how many expenses got which answer.
function summaryText(all) {
  if (all.length <= PAGE) {
    return all.map(function (res, i) { var a = answerOf(res), w = ANSWERS[a.answer] || ['', '']; return '第' + (i + 1) + '笔：' + (w[0] || a.headline); }).join('；') + '。';
  }
  var counts = {}, order = [];
  all.forEach(function (res) { var a = answerOf(res).answer; if (!counts[a]) { counts[a] = 0; order.push(a); } counts[a] += 1; });
  return '共 ' + all.length + ' 笔：' + order.map(function (a) { return ((ANSWERS[a] || [a])[0]) + ' ' + counts[a] + ' 笔'; }).join('，') + '。';
}
// Makes box's children exactly `nodes`, in order: the others removed first, so a kept card (its
// order never changes) is never moved, only the new ones inserted.
function showNodes(box, nodes) {
  for (var c = box.firstChild, next; c; c = next) { next = c.nextSibling; if (nodes.indexOf(c) < 0) box.removeChild(c); }
  nodes.forEach(function (n, i) { if (box.childNodes[i] !== n) box.insertBefore(n, box.childNodes[i] || null); });
}
function resultCard(app, st, res, i, ex, err) {
  var a = answerOf(res);
  var hasMoney = !err && res.verdict !== 'needs_input' && res.steps && res.steps.length;
  var title = '第 ' + (i + 1) + ' 笔：' + nm(st, ex.patient) + ' · ' + itemName(app.tables, ex.item) + (hasMoney ? ' · ' + res.total + ' 元' : '');
  var nWhy = (res.reasons || []).length + (res.ineligible_sharers || []).length;
  function why() {
    var reasons = (res.reasons || []).map(function (r) {
      return h('li', null, h('span', { class: 'sev sev-' + r.severity }, '[' + (SEVERITY[r.severity] || r.severity) + '] '), r.message, ' ', ruleTap(app, r.rule));
    });
    var inel = (res.ineligible_sharers || []).map(function (x) {
      return h('li', null, h('p', null, h('strong', null, '✗ ' + nm(st, x.member) + '：'), x.message),
        x.fix ? h('p', { class: 'fix' }, '怎么办：' + x.fix) : null, ruleTap(app, x.rule));
    });
    return [reasons.length ? h('ul', { class: 'reasons' }, reasons) : null,
      inel.length ? h('div', null, h('h4', null, '不能给这次付钱的家人'), h('ul', { class: 'inel' }, inel)) : null];
  }
  var k = 'e' + i + '-' + (ex.mode === 'burden' ? 'burden' : 'amount');
  var money = hasMoney
    ? [sentence(st, res), waterfall(st, res, i),
      lazyDetails({ class: 'steps-box' }, h('summary', null, '付款明细（含余额变化）'), function () { return stepsTable(app, st, res); })]
    : h('p', { class: 'money' }, h('a', { href: '#', 'data-k': 'calc-' + i, class: 'calc', onclick: function (ev) {
      ev.preventDefault();
      if (app.showExpense) app.showExpense(i);
      var f = document.querySelector('[data-k="' + k + '"]'); if (f) { f.scrollIntoView({ block: 'center' }); f.focus(); }
    } }, '算一算要付多少：填上金额 ›'));
  return h('article', { class: 'card result', id: 'result-' + i, 'data-result': i, 'data-verdict': res.verdict, 'data-answer': a.answer },
    h('h3', null, title), answerLine(res), readingsList(st, res), nextSteps(res), payersList(app, st, res), money,
    nWhy ? lazyDetails({ class: 'why-box' }, h('summary', null, '为什么（' + nWhy + ' 条说明）'), why) : null);
}

function fieldText(st, f) {
  var m = /^members\[(\d+)\]/.exec(f || '');
  if (m && st.members[+m[1]]) return '家人“' + (st.members[+m[1]].name || '') + '”那一栏';
  m = /^expenses\[(\d+)\]/.exec(f || '');
  if (m) return '第 ' + (+m[1] + 1) + ' 笔费用';
  m = /^sharing\[(\d+)\]/.exec(f || '');
  if (m) return '第 ' + (+m[1] + 1) + ' 条绑定';
  return '整个填写内容';
}
// The error is shown at its field, in words; quiet: only a hint (a balance not needed yet).
function markField(st, err, quiet) {
  Array.prototype.forEach.call(document.querySelectorAll('[aria-invalid]'), function (el) { el.removeAttribute('aria-invalid'); });
  Array.prototype.forEach.call(document.querySelectorAll('.field-error'), function (el) { el.parentNode.removeChild(el); });
  if (!err || !err.field) return;
  var el = document.querySelector('[data-field="' + err.field.replace(/"/g, '') + '"]');
  if (!el) return;
  var hidden = el.closest ? el.closest('[hidden]') : null;
  if (hidden && hidden.classList.contains('shareable-field')) hidden.removeAttribute('hidden');
  var id = 'err-' + err.field.replace(/[^a-z0-9]/gi, '-');
  var p = h('p', { class: quiet ? 'field-error quiet hint' : 'field-error', id: id, role: quiet ? null : 'alert' },
    quiet ? '要算金额时再填这里。是否能付不受影响。' : '⚠ ' + err.message);
  if (!quiet) el.setAttribute('aria-invalid', 'true');
  var wrap = el.closest ? el.closest('.field') : null;
  (wrap || el.parentNode).appendChild(p);
  var d = (el.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x.indexOf('err-') !== 0; });
  d.push(id); el.setAttribute('aria-describedby', d.join(' '));
}

// Balance of every account after each expense, read from the steps (no arithmetic). `summary`
// (a large family): each account at the start and at the end of the year only.
function yearTable(st, out, summary) {
  var accounts = [], seen = {};
  function acct(key, text) { if (!seen[key]) { seen[key] = { key: key, text: text, first: null, last: null, n: 0 }; accounts.push(seen[key]); } return seen[key]; }
  function pat(res, i) { var e = st.expenses[res.expense !== undefined ? res.expense : i]; return e ? e.patient : ''; }
  function keyOf(s, res, i) { return s.payer === 'shared_quota' ? 'q:' + s.member + '->' + pat(res, i) : 'b:' + s.member; }
  out.results.forEach(function (res, i) {
    res.steps.forEach(function (s) {
      if (s.balance_before === undefined) return;
      var a = s.payer === 'shared_quota'
        ? acct(keyOf(s, res, i), nm(st, s.member) + '给' + nm(st, pat(res, i)) + '的额度')
        : acct(keyOf(s, res, i), nm(st, s.member) + '的账户');
      if (a.first === null) a.first = s.balance_before;
      if (s.balance_after !== undefined) a.last = s.balance_after;
      a.n += 1;
    });
  });
  // Accounts no expense touched keep their (spendable) balance all year.
  Object.keys(out.balances || {}).forEach(function (id) {
    if (!seen['b:' + id]) { var a = acct('b:' + id, nm(st, id) + '的账户'); a.first = a.last = out.balances[id]; }
  });
  Object.keys(out.quotas || {}).forEach(function (k) {
    var p = k.split('->');
    if (!seen['q:' + k]) { var a = acct('q:' + k, nm(st, p[0]) + '给' + nm(st, p[1]) + '的额度'); a.first = a.last = out.quotas[k]; }
  });
  if (!accounts.length) return h('p', { class: 'muted' }, '这几笔费用都没有动用个人账户。');
  var wrap = function (caption, table) {
    return h('section', { class: 'card year' }, h('h3', null, caption),
      h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': '各账户余额变化表' }, table));
  };
  if (summary) {
    return wrap('一年下来：各账户开始时和最后还剩多少（元）', h('table', null,
      h('thead', null, h('tr', null, ['账户', '开始时', '最后', '付了几次'].map(function (t) { return h('th', { scope: 'col' }, t); }))),
      h('tbody', null, accounts.map(function (a) {
        return h('tr', null, h('th', { scope: 'row' }, a.text), h('td', { class: 'num' }, a.first), h('td', { class: 'num' }, a.last === null ? a.first : a.last), h('td', { class: 'num' }, String(a.n)));
      }))));
  }
  var cur = {};
  accounts.forEach(function (a) { cur[a.key] = a.first; });
  var body = out.results.map(function (res, i) {
    res.steps.forEach(function (s) { if (s.balance_after !== undefined) cur[keyOf(s, res, i)] = s.balance_after; });
    return h('tr', null, h('th', { scope: 'row' }, '第 ' + (i + 1) + ' 笔后'), accounts.map(function (a) { return h('td', { class: 'num' }, cur[a.key]); }));
  });
  var head = h('tr', null, h('th', { scope: 'col' }, ''), accounts.map(function (a) { return h('th', { scope: 'col' }, a.text); }));
  var start = h('tr', null, h('th', { scope: 'row' }, '开始时'), accounts.map(function (a) { return h('td', { class: 'num' }, a.first); }));
  return wrap('一年下来：每笔之后各账户还剩多少（元）', h('table', null, h('thead', null, head), h('tbody', null, start, body)));
}
