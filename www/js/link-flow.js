// A family from a link (#s=…). A link never replaces the family on the page by itself when that
// family is remembered ("在本机记住"), nor when the fragment changes after load: the visitor is
// asked, and opening it can be undone. In article mode (?embed=1) a fragment that changes after
// load only shows a button: the framing page cannot change the family shown.
import { h, $ } from './dom.js';
import { decodeLink, sameFamily, describe } from './share.js';
import { toScenario } from './scenario.js';
import { failed } from './engine.js';
import { status, askBox, card, buttons, offerUndo } from './messages.js';
import { embed } from './article-mode.js';

export var LINK_SAFE = '链接里的内容只在你的浏览器里读取，不会发给任何服务器。';
var linkSeq = 0;
function copyOf(st) { return JSON.parse(JSON.stringify(st)); }

// -> null, {state} or {error}; the family is checked by the engine before it is offered.
export function readLink(ctx) {
  return decodeLink(location.hash).then(function (r) {
    if (!r || r.error) return r;
    var test = ctx.engine.evaluate(toScenario(r.state));
    if (failed()) return { error: '计算出错了，没能读取这个链接。' };
    if (test && test.error) return { error: '这个链接里的内容有误（' + test.error.message + '），没有载入。' };
    return r;
  });
}
export function linkError(r) { status('⚠ ' + r.error + ' 当前页面上的家庭信息没有改动。', 'error'); }

function openLinked(ctx, linkState) {
  var prev = ctx.state;
  ctx.setState(copyOf(linkState));
  offerUndo(ctx, '已打开链接里的家庭（' + describe(linkState) + '）。' + LINK_SAFE, prev, 'top');
  var b = $('#status [data-k="undo"]'); if (b && !embed) b.focus();
}
function keepMine(ctx, linkState) {
  // Take the family out of the address, so a reload does not ask again.
  if (window.history && history.replaceState) history.replaceState(null, '', location.pathname + location.search);
  var again = h('button', { type: 'button', class: 'btn ghost', 'data-k': 'link-open', onclick: function () { openLinked(ctx, linkState); } }, '还是打开链接里的家庭');
  card('top', [h('p', null, '已保留' + (ctx.remember ? '你记住的家庭' : '现在的家庭') + '，链接里的家庭没有打开。'), buttons(again)]);
}
export function askLink(ctx, linkState, onLoad) {
  if (embed && !onLoad) {
    card('top', [buttons(h('button', { type: 'button', class: 'btn', 'data-k': 'link-open', onclick: function () { openLinked(ctx, linkState); } },
      '链接里有另一个家庭，点此打开'))]);
    return;
  }
  var mine = ctx.remember ? '你在本机记住的家庭' : '现在页面上的家庭';
  card('top', [
    h('p', null, h('strong', null, '这个链接里是另一个家庭'), '（' + describe(linkState) + '）。现在显示的是' + mine + '（' + describe(ctx.state) + '），还没有改动。'),
    h('p', { class: 'hint' }, '打开链接里的家庭会替换它' + (ctx.remember ? '（也替换在本机记住的）' : '') + '，之后可以撤销。'),
    buttons(
      h('button', { type: 'button', class: 'btn', 'data-k': 'link-open', onclick: function () { openLinked(ctx, linkState); } }, '打开链接里的家庭'),
      h('button', { type: 'button', class: 'btn ghost', 'data-k': 'link-keep', onclick: function () { keepMine(ctx, linkState); } },
        ctx.remember ? '保留我记住的家庭' : '保留现在的家庭'))
  ]);
  if (!embed && !onLoad) { var s = askBox(); if (s.scrollIntoView) s.scrollIntoView({ block: 'nearest' }); }
}
// The fragment changed after load.
function linkArrived(ctx) {
  var mySeq = ++linkSeq;
  return readLink(ctx).then(function (r) {
    if (mySeq !== linkSeq || !r) return;
    if (r.error) { linkError(r); return; }
    if (sameFamily(r.state, ctx.state)) { status('链接里的家庭就是现在显示的这个。', 'info'); return; }
    askLink(ctx, r.state, false);
  });
}
export function wireLinkArrivals(ctx) {
  window.addEventListener('hashchange', function () { linkArrived(ctx); });
}
