// The page's messages: #status, the box on top of the page for a link's family (#link-ask),
// and the offer to undo a family that replaced the visitor's.
import { h, clear, $ } from './dom.js';
import { describe } from './share.js';
import { postHeight } from './article-mode.js';

export function status(text, kind) {
  var el = $('#status');
  clear(el);
  if (text) clearAsk();
  if (text) el.appendChild(h('p', { class: 'card ' + (kind || 'info') }, text));
}

export function buttons() { return h('div', { class: 'ask-buttons' }, Array.prototype.slice.call(arguments)); }
// The question about a link's family, and what follows it, go on top of the page (above the
// quick check), where it is seen before any answer; other messages go to #status.
export function askBox() {
  var el = $('#link-ask');
  if (!el) { el = h('div', { id: 'link-ask', 'aria-live': 'polite' }); $('#app').insertBefore(el, $('#app').firstChild); }
  return el;
}
export function card(where, kids) {
  var el = where === 'top' ? askBox() : $('#status');
  clear(el);
  if (where === 'top') clear($('#status')); else if ($('#link-ask')) clear($('#link-ask'));
  el.appendChild(h('div', { class: 'card ask info' }, kids));
  postHeight();
  return el;
}
function clearAsk() { if ($('#link-ask')) clear($('#link-ask')); }

export function offerUndo(ctx, text, prev, where) {
  var undo = h('button', { type: 'button', class: 'btn ghost', 'data-k': 'undo', onclick: function () {
    ctx.setState(prev);
    card(where, [h('p', null, '已撤销，回到原来的家庭（' + describe(prev) + '）。' + (ctx.remember ? '在本机记住的也已恢复。' : ''))]);
  } }, '撤销，回到原来的家庭');
  card(where, [h('p', null, text), ctx.remember ? h('p', { class: 'hint' }, '在本机记住的家庭也换成了这个。') : null, buttons(undo)]);
}
