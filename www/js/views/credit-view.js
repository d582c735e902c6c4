// The monthly credit estimate (R-CREDIT): what goes into the account each month, in work or
// retired.
import { h, clear, field, $ } from './dom.js';
import { percentToRatio } from '../model/amount-text.js';
import { ruleLine, localFacts, onPlace, errorBox } from './panel-parts.js';

export function renderCredit(app) {
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
    var inp = { status: status, region: app.state.region };
    if (rate.value.trim()) inp.rate = percentToRatio(rate.value);
    if (status === 'employee') { if (!base.value.trim()) { out.appendChild(h('p', { class: 'hint' }, '填上缴费基数就能估算。')); return; } inp.contribution_base = base.value.trim(); }
    else {
      if (fixed.value.trim()) inp.fixed_amount = fixed.value.trim();
      else if (pension.value.trim()) inp.pension = pension.value.trim();
      else { out.appendChild(h('p', { class: 'hint' }, '填上定额或养老金就能估算。')); return; }
    }
    var c = app.engine.credit(inp);
    if (c && c.error) { out.appendChild(errorBox(c.error)); return; }
    out.appendChild(h('div', { class: 'card' }, h('p', { class: 'verdict' }, h('strong', null, '每月约 ' + c.monthly + ' 元，一年约 ' + c.yearly + ' 元')),
      h('p', null, '算法：' + c.formula), h('ul', null, c.notes.map(function (n) { return h('li', null, n); })), localFacts(c.local), ruleLine(app, c.rule)));
  }
  onPlace(app, run);
  var radios = h('fieldset', { class: 'radios' }, h('legend', null, '在职还是退休'),
    [['employee', '在职'], ['retired', '退休']].map(function (o) {
      return h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'c-status', value: o[0], checked: o[0] === status, 'data-k': 'c-status-' + o[0],
        onchange: function () { status = o[0]; run(); } }), h('span', null, o[1]));
    }));
  [base, rate, fixed, pension].forEach(function (el) { el.addEventListener('input', run); });
  box.appendChild(h('div', null, radios, fBase, fFixed, fPension, field('划入比例（%，可不填）', rate, '不填按国家规定的大约 2% 估算；当地有公布的比例可以填上。'), out));
  run();
}
