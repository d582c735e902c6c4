// The withdrawal questionnaire (R-WITHDRAW): may the account's balance be taken out, who
// applies, what to bring.
import { h, clear, select, field, $ } from './dom.js';
import { ruleLine, localFacts, onPlace, errorBox } from './panel-parts.js';
import { SITUATIONS } from '../model/labels.js';

export function renderWithdraw(app) {
  var box = clear($('#withdraw'));
  var sit = select({ 'data-k': 'w-sit' }, SITUATIONS, 'death');
  var bills = h('input', { type: 'checkbox', 'data-k': 'w-bills' });
  var filing = h('input', { type: 'checkbox', 'data-k': 'w-filing' });
  var out = h('div', { 'aria-live': 'polite' });
  function run() {
    clear(out);
    var a = app.engine.withdrawal({ situation: sit.value, outstanding_bills: bills.checked, remote_filing: filing.checked, region: app.state.region });
    if (a && a.error) { out.appendChild(errorBox(a.error)); return; }
    var mark = a.answer === 'can_apply' ? '✓' : a.answer === 'generally_not' ? '✗' : '?';
    out.appendChild(h('div', { class: 'card' }, h('p', { class: 'verdict' }, h('strong', null, mark + ' ' + a.headline)), h('p', null, a.message),
      a.who_applies ? h('p', null, '谁去办：' + a.who_applies) : null,
      a.materials.length ? h('div', null, h('h4', null, '一般要带的材料'), h('ul', null, a.materials.map(function (m) { return h('li', null, m); }))) : null,
      a.warnings.length ? h('div', null, h('h4', null, '注意'), h('ul', null, a.warnings.map(function (m) { return h('li', null, m); }))) : null,
      localFacts(a.local), ruleLine(app, a.rule)));
  }
  [sit, bills, filing].forEach(function (el) { el.addEventListener('change', run); });
  onPlace(app, run);
  box.appendChild(h('div', null, field('是什么情况', sit),
    h('label', { class: 'check' }, bills, h('span', null, '还有没结清的医药费')),
    h('label', { class: 'check' }, filing, h('span', null, '已经办了长期异地就医备案')), out));
  run();
}
