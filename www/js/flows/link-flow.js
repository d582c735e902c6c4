// A family from a link (#s=…). A link never replaces the family on the page by itself when that
// family is remembered ("在本机记住"), nor when the fragment changes after load: the visitor is
// asked, and opening it can be undone. In article mode (?embed=1) a fragment that changes after
// load only shows a button: the framing page cannot change the family shown.
import { h, $ } from '../views/dom.js';
import { status, askBox, card, buttons, offerUndo } from '../views/messages.js';
import { decodeLink, sameFamily, describe } from '../model/codec.js';
import { toScenario } from '../model/scenario.js';
import { copyState } from '../model/state.js';
import { evaluateKept } from './compute.js';

export var LINK_SAFE = '链接里的内容只在你的浏览器里读取，不会发给任何服务器。';

// -> null, {state} or {error}; the family is checked by the engine before it is offered (the
// engine's answer is kept: the page's first computation of the family uses it).
export function readLink(app) {
  return decodeLink(location.hash, app.tables.limits).then(function (r) {
    if (!r || r.error) return r;
    var test = evaluateKept(app, toScenario(r.state, null));
    if (app.engine.failed()) return { error: '计算出错了，没能读取这个链接。' };
    if (test && test.error) return { error: '这个链接里的内容有误（' + test.error.message + '），没有载入。' };
    return r;
  });
}
export function linkError(app, r) { status(app, '⚠ ' + r.error + ' 当前页面上的家庭信息没有改动。', 'error'); }

function openLinked(app, linkState) {
  var prev = app.state;
  app.setState(copyState(linkState));
  offerUndo(app, '已打开链接里的家庭（' + describe(linkState) + '）。' + LINK_SAFE, prev, 'top');
  var b = $('#link-ask [data-k="undo"]'); if (b && !app.embed) b.focus();
}
function keepMine(app, linkState) {
  // Take the family out of the address, so a reload does not ask again.
  if (window.history && history.replaceState) history.replaceState(null, '', location.pathname + location.search);
  var again = h('button', { type: 'button', class: 'btn ghost', 'data-k': 'link-open', onclick: function () { openLinked(app, linkState); } }, '还是打开链接里的家庭');
  card(app, 'top', [h('p', null, '已保留' + (app.remember ? '你记住的家庭' : '现在的家庭') + '，链接里的家庭没有打开。'), buttons(again)]);
}
export function askLink(app, linkState, onLoad) {
  if (app.embed && !onLoad) {
    card(app, 'top', [buttons(h('button', { type: 'button', class: 'btn', 'data-k': 'link-open', onclick: function () { openLinked(app, linkState); } },
      '链接里有另一个家庭，点此打开'))]);
    return;
  }
  var mine = app.remember ? '你在本机记住的家庭' : '现在页面上的家庭';
  card(app, 'top', [
    h('p', null, h('strong', null, '这个链接里是另一个家庭'), '（' + describe(linkState) + '）。现在显示的是' + mine + '（' + describe(app.state) + '），还没有改动。'),
    h('p', { class: 'hint' }, '打开链接里的家庭会替换它' + (app.remember ? '（也替换在本机记住的）' : '') + '，之后可以撤销。'),
    buttons(
      h('button', { type: 'button', class: 'btn', 'data-k': 'link-open', onclick: function () { openLinked(app, linkState); } }, '打开链接里的家庭'),
      h('button', { type: 'button', class: 'btn ghost', 'data-k': 'link-keep', onclick: function () { keepMine(app, linkState); } },
        app.remember ? '保留我记住的家庭' : '保留现在的家庭'))
  ]);
  if (!app.embed && !onLoad) { var s = askBox(); if (s.scrollIntoView) s.scrollIntoView({ block: 'nearest' }); }
}
// The fragment changed after load (the latest change wins).
export function wireLinkArrivals(app) {
  var seq = 0;
  window.addEventListener('hashchange', function () {
    var mine = ++seq;
    readLink(app).then(function (r) {
      if (mine !== seq || !r) return;
      if (r.error) { linkError(app, r); return; }
      if (sameFamily(r.state, app.state)) { status(app, '链接里的家庭就是现在显示的这个。', 'info'); return; }
      askLink(app, r.state, false);
    });
  });
}
