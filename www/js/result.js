// Renders the engine's output (SPEC §7): verdict, waterfall, steps, reasons, sharers, year table.
import { h, clear, $ } from './dom.js';
import { PAYERS, VERDICTS, SEVERITY } from './labels.js';
import { memberById } from './state.js';

var COLORS = { pooled_fund: '#1f5fa8', own_account: '#2e7d32', shared_account: '#8a4baf', shared_quota: '#b35900', self_pay: '#5f6368' };

// Names are wrapped in Unicode isolates (FSI…PDI) so right-to-left text or bidi controls in a
// name cannot reorder the sentence around it.
function nm(st, id) { var m = memberById(st, id); return '\u2068' + (m ? (m.name || '（未填称呼）') : (id || '')) + '\u2069'; }
function yuan(s) { return s + ' 元'; }

function payerText(st, step) {
  if (step.payer === 'self_pay') return '自己掏钱（现金/微信/支付宝/银行卡）';
  if (step.payer === 'pooled_fund') return '统筹基金报销';
  if (step.payer === 'own_account') return nm(st, step.member) + '自己的个人账户';
  if (step.payer === 'shared_quota') return nm(st, step.member) + '给的跨省共济额度';
  return nm(st, step.member) + '的个人账户（家庭共济' + (step.order ? '，第 ' + step.order + ' 位' : '') + '）';
}

function short(st, id) { var m = memberById(st, id), n = m ? (m.name || '（未填称呼）') : (id || ''); return '\u2068' + (n.length > 10 ? n.slice(0, 9) + '…' : n) + '\u2069'; }
function payerShort(st, s) {
  if (s.payer === 'self_pay') return '自己掏钱';
  if (s.payer === 'pooled_fund') return '统筹基金';
  if (s.payer === 'own_account') return short(st, s.member) + '自己的账户';
  if (s.payer === 'shared_quota') return short(st, s.member) + '的共济额度';
  return short(st, s.member) + '的账户（共济）';
}

function ruleBox(ctx, id) {
  var r = ctx.rulesById[id];
  if (!r) return id ? h('p', { class: 'rule' }, '依据：' + id) : null;
  return h('div', { class: 'rule' }, h('p', null, '依据 ', h('strong', null, r.id), '：' + r.title),
    h('p', null, '文件：' + r.document + (r.effective ? '（' + r.effective + ' 起）' : '')),
    h('p', null, r.summary));
}

function sentence(st, res, item) {
  var v = VERDICTS[res.verdict] || ['', res.verdict];
  var parts = res.steps.filter(function (s) { return s.payer !== 'self_pay' && Number(s.amount) > 0; })
    .map(function (s) { return payerText(st, s) + '付 ' + yuan(s.amount); });
  var self = res.steps.filter(function (s) { return s.payer === 'self_pay'; }).map(function (s) { return s.amount; });
  var selfText = self.length ? '自己要付 ' + yuan(self.join(' + ')) : '';
  var body;
  if (res.verdict === 'blocked') body = '这样做不合规，医保一分不付' + (selfText ? '，' + selfText : '') + '。';
  else if (res.verdict === 'needs_input') body = '还需要补充信息才能算清楚，见下面的说明。';
  else if (parts.length) body = parts.join('，') + (selfText ? '；' + selfText : '') + '。';
  else if (res.verdict === 'self_pay') body = '按规定医保和个人账户都不能付，' + (selfText || '全部自己付') + '。';
  else body = '这笔费用可以走医保，但这次没有哪个账户能付（余额不够，或家人不符合条件、没有绑定），' + (selfText || '全部自己付') + '。';
  return h('p', { class: 'verdict v-' + res.verdict },
    h('span', { class: 'badge' }, v[0] + ' ' + v[1]), ' ', body);
}

function waterfall(st, res, idx) {
  var total = Number(res.total) || 0;
  var steps = res.steps.filter(function (s) { return Number(s.amount) > 0; });
  if (!steps.length || !(total > 0)) return null;
  var rowH = 52, H = steps.length * rowH, acc = 0;
  var tid = 'wf-t-' + idx;
  var svg = h('svg:svg', { class: 'waterfall', width: '100%', height: String(H), role: 'img', 'aria-labelledby': tid });
  svg.appendChild(h('svg:title', { id: tid }, '第 ' + (idx + 1) + ' 笔费用 ' + res.total + ' 元由谁付：' +
    steps.map(function (s) { return payerText(st, s) + ' ' + s.amount + ' 元'; }).join('；')));
  steps.forEach(function (s, i) {
    var w = Number(s.amount) / total * 100, x = acc / total * 100;
    acc += Number(s.amount);
    var y = i * rowH;
    svg.appendChild(h('svg:text', { x: '0', y: String(y + 18), class: 'wf-label' }, (i + 1) + '. ' + payerShort(st, s) + '：' + s.amount + ' 元'));
    svg.appendChild(h('svg:rect', { x: '0', y: String(y + 26), width: '100%', height: '18', class: 'wf-track' }));
    svg.appendChild(h('svg:rect', { x: x.toFixed(2) + '%', y: String(y + 26), width: Math.max(w, 0.8).toFixed(2) + '%', height: '18',
      fill: COLORS[s.payer] || '#555', class: 'wf-bar p-' + s.payer }));
  });
  return h('figure', { class: 'wf' }, svg, h('figcaption', { class: 'hint' }, '每一行是一个付款方，灰条是整笔 ' + res.total + ' 元，彩色段是这一方付的部分，从左到右按付款先后排列。'));
}

function stepsTable(st, res) {
  var rows = res.steps.map(function (s) {
    return h('tr', null, h('th', { scope: 'row' }, payerText(st, s)), h('td', { class: 'num', 'data-label': '金额' }, s.amount),
      h('td', { class: 'num', 'data-label': '付前余额' }, s.balance_before || '—'), h('td', { class: 'num', 'data-label': '付后余额' }, s.balance_after || '—'),
      h('td', { 'data-label': '依据' }, s.rule || ''));
  });
  return h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': '付款明细表' },
    h('table', { class: 'steps' }, h('caption', { class: 'sr' }, '付款明细'),
      h('thead', null, h('tr', null, ['谁付', '金额（元）', '付前余额', '付后余额', '依据'].map(function (t) { return h('th', { scope: 'col' }, t); }))),
      h('tbody', null, rows)));
}

export function renderResults(ctx, out) {
  var st = ctx.state, box = clear($('#results')), summary = $('#summary');
  if (!out) return;
  if (out.error) {
    var e = out.error;
    summary.textContent = '输入有误：' + e.message;
    box.appendChild(h('div', { class: 'card error', role: 'alert' }, h('p', null, h('strong', null, '⚠ 输入有误：'), e.message),
      e.field ? h('p', { class: 'hint' }, '位置：' + fieldText(st, e.field)) : null));
    markField(e.field);
    return;
  }
  markField(null);
  if (!out.results || !out.results.length) { summary.textContent = '添加一笔费用后，这里会显示谁付多少。'; return; }
  var short = [];
  out.results.forEach(function (res, i) {
    var ex = st.expenses[res.expense !== undefined ? res.expense : i] || {};
    var item = ctx.catalogueById[ex.item];
    if (!String((ex.mode === 'burden' ? ex.burden : ex.amount) || '').trim()) {
      short.push('第' + (i + 1) + '笔还没填金额');
      box.appendChild(h('article', { class: 'card result', 'data-result': i, 'data-verdict': 'empty' },
        h('h3', null, '第 ' + (i + 1) + ' 笔：' + nm(st, ex.patient) + ' · ' + (item ? item.name : ex.item)),
        h('p', null, '填上金额后，这里会显示谁付多少、按什么顺序扣钱。')));
      return;
    }
    var title = '第 ' + (i + 1) + ' 笔：' + nm(st, ex.patient) + ' · ' + (item ? item.name : ex.item) + ' · ' + res.total + ' 元';
    var v = VERDICTS[res.verdict] || ['', res.verdict];
    short.push('第' + (i + 1) + '笔' + v[1]);
    var reasons = (res.reasons || []).map(function (r) {
      return h('li', null, h('details', null, h('summary', null, h('span', { class: 'sev sev-' + r.severity }, '[' + (SEVERITY[r.severity] || r.severity) + '] '), r.message),
        ruleBox(ctx, r.rule)));
    });
    var inel = (res.ineligible_sharers || []).map(function (x) {
      return h('li', null, h('p', null, h('strong', null, '✗ ' + nm(st, x.member) + '：'), x.message),
        x.fix ? h('p', { class: 'fix' }, '怎么办：' + x.fix) : null, h('details', null, h('summary', null, '依据'), ruleBox(ctx, x.rule)));
    });
    box.appendChild(h('article', { class: 'card result', 'data-result': i, 'data-verdict': res.verdict },
      h('h3', null, title), sentence(st, res, item), waterfall(st, res, i),
      h('details', { class: 'steps-box', open: true }, h('summary', null, '付款明细（含余额变化）'), stepsTable(st, res)),
      reasons.length ? h('div', null, h('h4', null, '为什么'), h('ul', { class: 'reasons' }, reasons)) : null,
      inel.length ? h('div', null, h('h4', null, '不能给这次付钱的家人'), h('ul', { class: 'inel' }, inel)) : null));
  });
  if (out.results.length > 1) box.appendChild(yearTable(st, out));
  summary.textContent = short.join('，') + '。';
}

function fieldText(st, f) {
  var m = /^members\[(\d+)\]/.exec(f);
  if (m && st.members[+m[1]]) return '成员“' + (st.members[+m[1]].name || '') + '”（' + f + '）';
  m = /^expenses\[(\d+)\]/.exec(f);
  if (m) return '第 ' + (+m[1] + 1) + ' 笔费用（' + f + '）';
  m = /^sharing\[(\d+)\]/.exec(f);
  if (m) return '第 ' + (+m[1] + 1) + ' 条绑定（' + f + '）';
  return f;
}
function markField(f) {
  Array.prototype.forEach.call(document.querySelectorAll('[aria-invalid]'), function (el) { el.removeAttribute('aria-invalid'); });
  if (!f) return;
  var el = document.querySelector('[data-field="' + f.replace(/"/g, '') + '"]');
  if (el) el.setAttribute('aria-invalid', 'true');
}

// Balance of every account after each expense, read from the steps (no arithmetic).
function yearTable(st, out) {
  var accounts = [], seen = {};
  function acct(key, text) { if (!seen[key]) { seen[key] = { key: key, text: text, first: null }; accounts.push(seen[key]); } return seen[key]; }
  function pat(res, i) { var e = st.expenses[res.expense !== undefined ? res.expense : i]; return e ? e.patient : ''; }
  out.results.forEach(function (res, i) {
    res.steps.forEach(function (s) {
      if (s.balance_before === undefined) return;
      var a = s.payer === 'shared_quota'
        ? acct('q:' + s.member + '->' + pat(res, i), nm(st, s.member) + '给' + nm(st, pat(res, i)) + '的额度')
        : acct('b:' + s.member, nm(st, s.member) + '的账户');
      if (a.first === null) a.first = s.balance_before;
    });
  });
  // Accounts no expense touched keep their (spendable) balance all year.
  Object.keys(out.balances || {}).forEach(function (id) {
    if (!seen['b:' + id]) acct('b:' + id, nm(st, id) + '的账户').first = out.balances[id];
  });
  Object.keys(out.quotas || {}).forEach(function (k) {
    var p = k.split('->');
    if (!seen['q:' + k]) acct('q:' + k, nm(st, p[0]) + '给' + nm(st, p[1]) + '的额度').first = out.quotas[k];
  });
  if (!accounts.length) return h('p', { class: 'muted' }, '这几笔费用都没有动用个人账户。');
  var cur = {};
  accounts.forEach(function (a) { cur[a.key] = a.first; });
  var body = out.results.map(function (res, i) {
    res.steps.forEach(function (s) {
      if (s.balance_after === undefined) return;
      var key = s.payer === 'shared_quota' ? 'q:' + s.member + '->' + pat(res, i) : 'b:' + s.member;
      cur[key] = s.balance_after;
    });
    return h('tr', null, h('th', { scope: 'row' }, '第 ' + (i + 1) + ' 笔后'), accounts.map(function (a) { return h('td', { class: 'num' }, cur[a.key]); }));
  });
  var head = h('tr', null, h('th', { scope: 'col' }, ''), accounts.map(function (a) { return h('th', { scope: 'col' }, a.text); }));
  var start = h('tr', null, h('th', { scope: 'row' }, '开始时'), accounts.map(function (a) { return h('td', { class: 'num' }, a.first); }));
  return h('section', { class: 'card year' }, h('h3', null, '一年下来：每笔之后各账户还剩多少（元）'),
    h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': '各账户余额变化表' },
      h('table', null, h('thead', null, head), h('tbody', null, start, body))));
}
