// Tiny DOM helper. User text only ever goes in as text nodes (never innerHTML).
export function h(tag, attrs) {
  var el = tag.indexOf('svg:') === 0
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  if (attrs) {
    for (var k in attrs) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') el.textContent = v;
      else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
      else if (k === 'value') el.value = v;
      else if (k === 'checked' || k === 'selected' || k === 'open') el[k] = !!v;
      else el.setAttribute(k, v === true ? '' : v);
    }
  }
  for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
  return el;
}
function add(el, c) {
  if (c === undefined || c === null || c === false) return;
  if (Array.isArray(c)) { c.forEach(function (x) { add(el, x); }); return; }
  el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
}
// A <details> whose body is built when it is first opened (a tap, the keyboard, or a script
// setting `open`): the answers carry a folded rule text under every reason, and building them
// all again on every keystroke was the largest part of a recompute (scripts/bench.sh, issue 17).
// A tap builds it in the click, before the default action opens it, so it is there at once.
export function lazyDetails(attrs, summary, build) {
  var d = h('details', attrs, summary), done = false;
  function fill() { if (!done) { done = true; add(d, build()); } }
  summary.addEventListener('click', fill);
  d.addEventListener('toggle', function () { if (d.open) fill(); });
  return d;
}
// Resolves after the next frame has been drawn (a frame callback, then a task after it); within
// 100 ms in any case, since a hidden page draws no frames.
export function afterPaint() {
  return new Promise(function (resolve) {
    var done = false;
    function go() { if (!done) { done = true; setTimeout(resolve, 0); } }
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(go);
    setTimeout(go, 100);
  });
}
export function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
export function $(sel, root) { return (root || document).querySelector(sel); }
var seq = 0;
export function uid(p) { seq += 1; return (p || 'f') + seq; }
export function select(attrs, options, value) {
  var s = h('select', attrs);
  options.forEach(function (o) {
    s.appendChild(h('option', { value: o[0], selected: o[0] === value }, o[1]));
  });
  if (value !== undefined) s.value = value;
  return s;
}
// A labelled field: <div class=field><label for>…</label> control hint</div>
export function field(text, control, hint) {
  var id = control.id || uid('c');
  control.id = id;
  var hintEl = null;
  if (hint) {
    hintEl = h('p', { class: 'hint', id: id + '-hint' }, hint);
    control.setAttribute('aria-describedby', id + '-hint');
  }
  return h('div', { class: 'field' }, h('label', { for: id }, text), control, hintEl);
}
