// The answer bar (SPEC §9.4): one element with data-answer and role=status, always in view
// (sticky at the top and at the bottom of the screen, so it shows wherever its place in the page
// is), never more than a third of the screen (SPEC §10.3): the answer's words and the start of
// the engine's headline, each reading of an insurance not known (不知道), the first next step —
// clamped by the stylesheet; "全文" opens the whole headline and every next step in place.
// Draws the engine's words only; decides nothing.
import { h, clear, $ } from './dom.js';
import { ANSWERS, INSURANCE, label } from '../model/labels.js';
import { memberById } from '../model/state.js';

// An engine without the answer fields: say what the money verdict says, nothing more.
export function answerOf(res) {
  if (res && res.answer) return { answer: res.answer, headline: res.headline || '' };
  return { answer: res && (res.verdict === 'blocked' || res.verdict === 'needs_input') ? res.verdict : 'unknown', headline: '' };
}
// The engine's headline starts with the answer in words ("能：", "还差一步：" …): that part is
// set in bold in the answer's colour; a headline without it gets the answer's words in front.
export function headlineParts(a) {
  var w = ANSWERS[a.answer] || ['', 'a-unknown'];
  var m = /^([^：。]{1,8})：([\s\S]*)$/.exec(a.headline || '');
  if (m) return [m[1] + '：', m[2]];
  return [w[0] ? w[0] + '：' : '', a.headline || ''];
}
function nm(st, id) { var m = memberById(st, id); return '\u2068' + (m ? m.name || '（未填称呼）' : id) + '\u2069'; }
// "“我”是职工医保": who was read as having which insurance, for one reading.
export function readingWho(st, r) {
  return Object.keys(r.insurance || {}).map(function (id) {
    return '“' + nm(st, id) + '”是' + label(INSURANCE, r.insurance[id]).replace(/（.*）$/, '');
  }).join('、');
}
// With readings, the headline's own first sentence ("要看…参加的是哪种医保。") leads; the rest
// of it is the readings, shown one to a line.
function leadOf(text, hasReadings) {
  if (!hasReadings) return text;
  var i = text.indexOf('。');
  return i > 0 ? text.slice(0, i + 1) : text;
}

// out: the engine's output (or the answer without money); err: an error to show instead;
// total: how many expenses the family has (when `out` answers the first one alone).
// app.bar: { open } — whether "全文" is open (kept while the headline stays the same).
export function renderAnswerBar(app, out, err, total) {
  var bar = $('#answer'), st = app.state, view = app.bar || (app.bar = { open: false, headline: null, sig: null });
  var res = out && out.results && out.results[0];
  // drawn again only when what it shows changed (typing an amount mostly changes nothing here)
  var sig = JSON.stringify([res ? [res.answer, res.headline, res.readings, res.next_steps] : null, err ? err.message : null,
    total || (out && out.results ? out.results.length : 0), st.members.length, res ? null : st.expenses.length]) + JSON.stringify(st.members.map(function (m) { return m.name; }));
  if (sig === view.sig && bar.firstChild) return;
  view.sig = sig;
  clear(bar);
  if (!res) {
    bar.setAttribute('data-answer', err ? 'error' : 'none');
    bar.className = 'answerbar ' + (err ? 'a-error' : 'a-none');
    bar.appendChild(h('p', { class: 'ab-text' }, err ? h('strong', { class: 'ab-label' }, '有一处要改：') : null,
      err ? err.message : (st.expenses.length ? '正在计算……' : '选一选上面的问题，这里就显示答案。')));
    view.headline = null;
    return;
  }
  var a = answerOf(res), w = ANSWERS[a.answer] || ['', 'a-unknown'];
  if (view.headline !== a.headline) { view.open = false; view.headline = a.headline; }
  bar.setAttribute('data-answer', a.answer);
  bar.className = 'answerbar ' + w[1] + (view.open ? ' open' : '');
  var n = total || out.results.length, p = headlineParts(a), readings = res.readings || [];
  bar.appendChild(h('p', { class: 'ab-text' }, p[0] ? h('strong', { class: 'ab-label' }, p[0]) : null,
    h('span', { class: 'ab-lead' }, leadOf(p[1], readings.length)),
    readings.length ? h('span', { class: 'ab-rest' }, p[1].slice(leadOf(p[1], true).length)) : null));
  if (readings.length) {
    bar.appendChild(h('ul', { class: 'ab-readings' }, readings.map(function (r) {
      var rw = ANSWERS[r.answer] || ['', 'a-unknown'];
      return h('li', { class: rw[1], 'data-reading': r.answer }, readingWho(st, r) + '：', h('strong', { class: 'ab-label' }, rw[0]));
    })));
  }
  // The next steps: all of them behind "全文"; the first one shown at once where the answer is
  // not already "do this" (能 / 先绑定): a no, a depends, a question — what works, or what to ask.
  var steps = res.next_steps || [], lead = a.answer !== 'yes' && a.answer !== 'not_bound';
  if (steps.length) {
    bar.appendChild(h('ol', { class: 'ab-next', 'aria-label': '下一步' }, steps.map(function (x, i) {
      var own = /^[^：。]{2,6}：/.test(x.message);   // the engine's own lead ("能用的办法：")
      // a step the headline also says (an in-law's "能用的办法"): shown while the headline is cut
      // short, not again once 全文 shows the whole headline (ab-said)
      var said = (a.headline || '').indexOf(x.message) >= 0;
      var cls = [i || !lead ? 'ab-later' : '', said ? 'ab-said' : ''].join(' ').trim();
      return h('li', { 'data-code': x.code, class: cls || null }, i || own ? null : h('strong', null, '下一步：'), x.message);
    })));
  }
  var toggle = h('button', { type: 'button', class: 'ab-toggle', 'data-k': 'answer-open', 'aria-expanded': view.open ? 'true' : 'false',
    onclick: function () {
      view.open = !view.open;
      bar.classList.toggle('open', view.open);
      toggle.setAttribute('aria-expanded', view.open ? 'true' : 'false');
      toggle.textContent = view.open ? '收起' : '全文';
      fitBar(bar);
      // open, the bar leaves its sticky place for its place in the page: keep it in view
      if (view.open && bar.scrollIntoView) bar.scrollIntoView({ block: 'nearest' });
      if (app.layoutChanged) app.layoutChanged();
    } }, view.open ? '收起' : '全文');
  // which expense the bar answers, and a family larger than the quick check's two (the answer is
  // for the family below): beside the tools, never clamped away
  var about = (n > 1 ? '第 1 笔，共 ' + n + ' 笔' : '') + (st.members.length > 2 ? (n > 1 ? '；' : '') + st.members.length + ' 位家人' : '');
  var many = about ? h('span', { class: 'ab-n ab-family' }, about) : null;
  bar.appendChild(h('div', { class: 'ab-tools' }, toggle,
    h('a', { class: 'ab-more', href: '#result-0', 'data-k': 'answer-more' }, '怎么付', h('span', { class: 'ab-more-long' }, '、下一步'), ' ›'), many));
  fitBar(bar);
}

// At most a third of the screen (SPEC §10.3), whatever the text size (大字, the browser's own font
// size, zoom): fewer lines of the headline until it fits (fit-1 … fit-3: the stylesheet's clamps);
// the whole of it stays one tap away (全文). Nothing to measure where nothing is laid out (the
// build's prerender) or while 全文 is open.
export var FITS = ['fit-1', 'fit-2', 'fit-3'];
export function fitBar(bar) {
  bar = bar || $('#answer');
  if (!bar || typeof window === 'undefined' || !window.innerHeight || !bar.getClientRects || !bar.getClientRects().length) return;
  FITS.forEach(function (c) { bar.classList.remove(c); });
  if (bar.classList.contains('open')) return;
  var max = window.innerHeight / 3;
  for (var i = 0; i < FITS.length && bar.getBoundingClientRect().height > max; i++) {
    if (i) bar.classList.remove(FITS[i - 1]);
    bar.classList.add(FITS[i]);
  }
}
