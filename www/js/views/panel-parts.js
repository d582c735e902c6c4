// What the three panels beside the calculator share (js/advice.js, js/withdrawal.js,
// js/credit.js): the rule under a closed "依据", the place's own facts with their sources, the
// engine's refusal, and a rerun when the visitor picks another place.
import { h } from './dom.js';

export function ruleLine(app, id) {
  var r = app.tables.rulesById[id];
  return h('details', null, h('summary', null, '依据'), h('p', { class: 'rule' }, r ? r.title + '。' + r.document + '。' + r.summary : '依据'));
}
var GRADE = { official: '官方', official_copy: '官方文件（转载）', official_news: '官方媒体', official_news_copy: '官方媒体（转载）' };
// The place's own cases or figures (the engine's `local`), each shown as that place's with its sources.
export function localFacts(list) {
  if (!list || !list.length) return null;
  return h('div', null, h('h4', null, '当地规定'), h('ul', null, list.map(function (f) {
    var src = f.sources.map(function (x) { return x.title + '（' + (GRADE[x.grade] || x.grade) + '，' + x.date + '）'; }).join('；');
    return h('li', null, '\u2068' + f.place + '\u2069：' + f.text, h('span', { class: 'hint' }, ' 来源：' + src));
  })));
}
// Rerun a questionnaire when the visitor picks another place.
export function onPlace(app, run) { app.placeListeners.push(run); }
export function errorBox(e) { return h('p', { class: 'card error', role: 'alert' }, '⚠ ' + e.message); }
