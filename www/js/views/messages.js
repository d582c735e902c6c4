// The page's messages: #status, the box on top of the page for a question about the family
// (#link-ask: a link's family, another tab's), and the offer to undo a family that replaced the
// visitor's. app: the app object (app.setState, app.remember, app.layoutChanged).
import { h, clear, $ } from './dom.js';
import { describe } from '../model/codec.js';

export function status(app, text, kind) {
  var el = $('#status');
  clear(el);
  if (text) clearAsk();
  if (text) el.appendChild(h('p', { class: 'card ' + (kind || 'info') }, text));
  if (app && app.layoutChanged) app.layoutChanged();
}

export function buttons() { return h('div', { class: 'ask-buttons' }, Array.prototype.slice.call(arguments)); }
// The question about a link's family, and what follows it, go on top of the page (above the
// quick check), where it is seen before any answer; other messages go to #status.
export function askBox() {
  var el = $('#link-ask');
  if (!el) { el = h('div', { id: 'link-ask', 'aria-live': 'polite' }); $('#app').insertBefore(el, $('#app').firstChild); }
  return el;
}
export function card(app, where, kids) {
  var el = where === 'top' ? askBox() : $('#status');
  clear(el);
  if (where === 'top') clear($('#status')); else clearAsk();
  el.appendChild(h('div', { class: 'card ask info' }, kids));
  if (app && app.layoutChanged) app.layoutChanged();
  return el;
}
export function clearAsk() { if ($('#link-ask')) clear($('#link-ask')); }

export function offerUndo(app, text, prev, where) {
  var undo = h('button', { type: 'button', class: 'btn ghost', 'data-k': 'undo', onclick: function () {
    app.setState(prev);
    card(app, where, [h('p', null, '已撤销，回到原来的家庭（' + describe(prev) + '）。' + (app.remember ? '在本机记住的也已恢复。' : ''))]);
  } }, '撤销，回到原来的家庭');
  card(app, where, [h('p', null, text), app.remember ? h('p', { class: 'hint' }, '在本机记住的家庭也换成了这个。') : null, buttons(undo)]);
}
