// Order advice (SPEC §8): the 顺位 orders the engine compared over the year, best first.
import { h, clear, $ } from './dom.js';
import { memberById } from '../model/state.js';
import { toScenario } from '../model/scenario.js';
import { ruleLine, errorBox } from './panel-parts.js';

function nm(st, id) { var m = memberById(st, id); return '\u2068' + (m ? (m.name || '（未填称呼）') : id) + '\u2069'; }

export function renderAdvice(app) {
  var box = clear($('#advice-out'));
  var out = app.engine.advise(toScenario(app.state, app.distances));
  if (out && out.error) { box.appendChild(errorBox(out.error)); return; }
  var st = app.state;
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
  box.appendChild(ruleLine(app, out.rule));
}

// The family, the bindings or the expenses changed: advice already shown says so.
export function markAdviceStale() {
  var adv = $('#advice-out');
  if (adv && adv.firstChild && !adv.querySelector('.stale')) {
    clear(adv); adv.appendChild(h('p', { class: 'hint stale' }, '家人、绑定或费用改动了，请重新点“比较顺位”。'));
  }
}
