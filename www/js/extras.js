// Beside the calculator: order advice, withdrawal check, monthly credit estimate (SPEC §8).
import { h, clear, select, field, $ } from './dom.js';
import { memberById } from './state.js';
import { toScenario } from './scenario.js';
import { percentToRatio } from './amount-text.js';

function nm(st, id) { var m = memberById(st, id); return '\u2068' + (m ? (m.name || '（未填称呼）') : id) + '\u2069'; }
function ruleLine(ctx, id) {
  var r = ctx.rulesById[id];
  return h('details', null, h('summary', null, '依据'), h('p', { class: 'rule' }, r ? r.title + '。' + r.document + '。' + r.summary : '依据'));
}
var GRADE = { official: '官方', official_copy: '官方文件（转载）', official_news: '官方媒体', official_news_copy: '官方媒体（转载）' };
// The place's own cases or figures (the engine's `local`), each shown as that place's with its sources.
function localFacts(list) {
  if (!list || !list.length) return null;
  return h('div', null, h('h4', null, '当地规定'), h('ul', null, list.map(function (f) {
    var src = f.sources.map(function (x) { return x.title + '（' + (GRADE[x.grade] || x.grade) + '，' + x.date + '）'; }).join('；');
    return h('li', null, '\u2068' + f.place + '\u2069：' + f.text, h('span', { class: 'hint' }, ' 来源：' + src));
  })));
}
// Rerun a questionnaire when the visitor picks another place.
function onPlace(run) { var sel = document.getElementById('region'); if (sel) sel.addEventListener('change', run); }
function errorBox(e) { return h('p', { class: 'card error', role: 'alert' }, '⚠ ' + e.message); }

export function renderAdvice(ctx, engine) {
  var box = clear($('#advice-out'));
  var out = engine.advise(toScenario(ctx.state));
  if (out && out.error) { box.appendChild(errorBox(out.error)); return; }
  var st = ctx.state;
  box.appendChild(h('p', null, out.explanation));
  var list = h('ol', { class: 'options' });
  out.options.slice(0, 12).forEach(function (o, i) {
    var best = out.best.indexOf(i) >= 0;
    var tags = (o.current ? '【现在的顺位】' : '') + (best ? '【推荐】' : '');
    var dry = o.runs_dry.map(function (d) { return nm(st, d.member) + '的账户在第 ' + (d.expense + 1) + ' 笔用完'; });
    list.appendChild(h('li', { class: 'card' + (best ? ' best' : '') },
      h('p', null, h('strong', null, '方案 ' + (i + 1) + ' ' + tags)),
      o.orders.map(function (po) {
        return h('p', null, nm(st, po.patient) + '看病时：' + po.sharers.map(function (s) { return nm(st, s); }).join(' → '));
      }),
      h('p', null, '全年自己掏钱：' + o.self_pay + ' 元；老人账户还剩：' + o.elderly_left + ' 元'),
      dry.length ? h('p', { class: 'hint' }, dry.join('；') + '。') : null));
  });
  box.appendChild(list);
  if (out.options.length > 12) box.appendChild(h('p', { class: 'hint' }, '只列出前 12 种，共比较了 ' + out.evaluated + ' 种。'));
  box.appendChild(ruleLine(ctx, out.rule));
}

var SITUATIONS = [
  ['death', '参保人去世（家属想取出余额）'], ['settle_abroad', '出国（境）定居，或到港澳台定居'],
  ['leave_employee_insurance', '不再参加职工医保（改参居民医保等）'], ['move_no_transfer', '调到外地，新参保地不接收账户余额'],
  ['long_term_elsewhere', '长期在外地生活'], ['none', '以上都不是，只是想取出来']
];

export function renderWithdraw(ctx, engine) {
  var box = clear($('#withdraw'));
  var sit = select({ 'data-k': 'w-sit' }, SITUATIONS, 'death');
  var bills = h('input', { type: 'checkbox', 'data-k': 'w-bills' });
  var filing = h('input', { type: 'checkbox', 'data-k': 'w-filing' });
  var out = h('div', { 'aria-live': 'polite' });
  function run() {
    clear(out);
    var a = engine.withdrawal({ situation: sit.value, outstanding_bills: bills.checked, remote_filing: filing.checked, region: ctx.state.region });
    if (a && a.error) { out.appendChild(errorBox(a.error)); return; }
    var mark = a.answer === 'can_apply' ? '✓' : a.answer === 'generally_not' ? '✗' : '?';
    out.appendChild(h('div', { class: 'card' }, h('p', { class: 'verdict' }, h('strong', null, mark + ' ' + a.headline)), h('p', null, a.message),
      a.who_applies ? h('p', null, '谁去办：' + a.who_applies) : null,
      a.materials.length ? h('div', null, h('h4', null, '一般要带的材料'), h('ul', null, a.materials.map(function (m) { return h('li', null, m); }))) : null,
      a.warnings.length ? h('div', null, h('h4', null, '注意'), h('ul', null, a.warnings.map(function (m) { return h('li', null, m); }))) : null,
      localFacts(a.local), ruleLine(ctx, a.rule)));
  }
  [sit, bills, filing].forEach(function (el) { el.addEventListener('change', run); });
  onPlace(run);
  box.appendChild(h('div', null, field('是什么情况', sit),
    h('label', { class: 'check' }, bills, h('span', null, '还有没结清的医药费')),
    h('label', { class: 'check' }, filing, h('span', null, '已经办了长期异地就医备案')), out));
  run();
}

export function renderCredit(ctx, engine) {
  var box = clear($('#credit'));
  var status = 'employee';
  var base = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: '例如 6000', 'data-k': 'c-base' });
  var rate = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: '不填按 2%', 'data-k': 'c-rate' });
  var fixed = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: '例如 120', 'data-k': 'c-fixed' });
  var pension = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: '例如 3000', 'data-k': 'c-pension' });
  var fBase = field('医保缴费基数（元/月）', base, '一般是上一年的月平均工资，工资条或单位人事处能查到。');
  var fFixed = field('当地公布的退休人员每月划入定额（元，知道就填）', fixed);
  var fPension = field('不知道定额：填每月基本养老金（元）', pension);
  var out = h('div', { 'aria-live': 'polite' });
  function show(el, on) { if (on) el.removeAttribute('hidden'); else el.setAttribute('hidden', ''); }
  function run() {
    show(fBase, status === 'employee'); show(fFixed, status === 'retired'); show(fPension, status === 'retired');
    clear(out);
    var inp = { status: status, region: ctx.state.region };
    if (rate.value.trim()) inp.rate = percentToRatio(rate.value);
    if (status === 'employee') { if (!base.value.trim()) { out.appendChild(h('p', { class: 'hint' }, '填上缴费基数就能估算。')); return; } inp.contribution_base = base.value.trim(); }
    else {
      if (fixed.value.trim()) inp.fixed_amount = fixed.value.trim();
      else if (pension.value.trim()) inp.pension = pension.value.trim();
      else { out.appendChild(h('p', { class: 'hint' }, '填上定额或养老金就能估算。')); return; }
    }
    var c = engine.credit(inp);
    if (c && c.error) { out.appendChild(errorBox(c.error)); return; }
    out.appendChild(h('div', { class: 'card' }, h('p', { class: 'verdict' }, h('strong', null, '每月约 ' + c.monthly + ' 元，一年约 ' + c.yearly + ' 元')),
      h('p', null, '算法：' + c.formula), h('ul', null, c.notes.map(function (n) { return h('li', null, n); })), localFacts(c.local), ruleLine(ctx, c.rule)));
  }
  onPlace(run);
  var radios = h('fieldset', { class: 'radios' }, h('legend', null, '在职还是退休'),
    [['employee', '在职'], ['retired', '退休']].map(function (o) {
      return h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'c-status', value: o[0], checked: o[0] === status, 'data-k': 'c-status-' + o[0],
        onchange: function () { status = o[0]; run(); } }), h('span', null, o[1]));
    }));
  [base, rate, fixed, pension].forEach(function (el) { el.addEventListener('input', run); });
  box.appendChild(h('div', null, radios, fBase, fFixed, fPension, field('划入比例（%，可不填）', rate, '不填按国家规定的大约 2% 估算；当地有公布的比例可以填上。'), out));
  run();
}
