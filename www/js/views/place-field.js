// A place, typed or picked (SPEC §10.3: "a city typed or picked from every city, with everyday
// spellings"): a text field (ARIA combobox) whose suggestions come from the engine's list of
// places (regions(): every province, 兵团, every city with its everyday names, codes and ids).
// Typing a name that fits one place exactly takes it at once ("长沙", "恩施州", "350100"); a tap on
// a suggestion takes it; tapping a province offers its cities next. Text that fits no place (or
// several) is handed on as typed: the engine then says so at the field, with the closest places;
// a county's name (昆山) offers its city (苏州) from the list of counties (app.counties).
import { h, clear } from './dom.js';
import { placeOf, placeName, placeLabel, searchPlaces, exactPlace, countyCities } from '../model/places.js';

// opts: { key (data-k; the input's id is "pf-" + key unless opts.id), id, value (a stored place
// value), empty (the placeholder: what no place means here), field (data-field, for the engine's
// errors), national (offer 全国 first), label (aria-label when the field has no <label>),
// onChange(value, place) }
export function placeField(app, opts) {
  var places = app.tables.places, listId = 'pf-list-' + opts.key;
  var committed = opts.value || '';
  var input = h('input', { type: 'text', id: opts.id || 'pf-' + opts.key, 'data-k': opts.key, autocomplete: 'off', autocapitalize: 'off',
    spellcheck: 'false', enterkeyhint: 'done', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
    'aria-controls': listId, placeholder: opts.empty || '', 'data-field': opts.field || null, 'aria-label': opts.label || null,
    class: 'pf-input', value: shown(committed) });
  var list = h('ul', { id: listId, class: 'pf-list', role: 'listbox', hidden: true, 'aria-label': '可选的地方' });
  var options = [], active = -1;

  function shown(v) { return v && v !== 'national' ? placeName(places, v) : ''; }
  function commit(p, raw) {
    var value = p ? p.value : (raw || '');
    if (p && p.kind === 'national') value = opts.national ? p.value : '';
    if (value === committed) return;
    committed = value;
    opts.onChange(value, p || null);
  }
  // labels: the options' words where they are not the places' own (a county's city)
  function open(items, head, labels) {
    clear(list);
    options = items;
    active = -1;
    if (head) list.appendChild(h('li', { class: 'pf-head', role: 'presentation' }, head));
    items.forEach(function (p, i) {
      var li = h('li', { id: listId + '-' + i, role: 'option', class: 'pf-opt', 'aria-selected': 'false', 'data-value': p.value },
        labels ? labels[i] : p === 'same' ? opts.empty : placeLabel(p));
      // mousedown keeps the focus in the field (no blur before the pick)
      li.addEventListener('mousedown', function (ev) { ev.preventDefault(); });
      li.addEventListener('click', function () { pick(p); });
      list.appendChild(li);
    });
    var on = items.length > 0;
    if (on) list.removeAttribute('hidden'); else list.setAttribute('hidden', '');
    input.setAttribute('aria-expanded', on ? 'true' : 'false');
    input.removeAttribute('aria-activedescendant');
    if (app.layoutChanged) app.layoutChanged();
    if (on && items.length <= 8) unhide();   // (typed text's few, not the list of every province)
  }
  // The suggestions where they can be tapped: above the answer bar where it sticks to the bottom
  // of the screen (scrolled up as far as that needs, the field itself staying in view).
  function unhide() {
    var bar = document.getElementById('answer');
    if (!bar || !list.getBoundingClientRect || typeof window.scrollBy !== 'function') return;
    var b = bar.getBoundingClientRect(), r = list.getBoundingClientRect(), f = input.getBoundingClientRect();
    var limit = getComputedStyle(bar).position === 'sticky' && b.top > f.bottom ? b.top : window.innerHeight;
    var by = Math.min(r.bottom - limit + 8, f.top - 8);
    if (by > 0) window.scrollBy(0, by);
  }
  function close() { open([]); }
  function suggest() {
    var text = input.value.trim();
    var items = searchPlaces(places, text, text ? 8 : 40);
    if (!text) items = [opts.national ? places.national : 'same'].concat(items);
    open(items.filter(Boolean), text ? null : '选省，再选城市；也可以直接打字，例如“长沙”“恩施”。');
    // No place by that name: a county (昆山)? Its city is offered (医保 counts by city), once the
    // list of counties is in (fetched the first time it is needed).
    if (text && !items.length && app.counties) {
      app.counties().then(function (index) {
        if (input.value.trim() !== text || document.activeElement !== input) return;
        var hits = countyCities(places, index, text, 8);
        if (!hits.length) return;
        open(hits.map(function (x) { return x.place; }), hits.length > 1 ? '“' + text + '”在好几个城市，选一个：' : '“' + text + '”属于：',
          hits.map(function (x) { return placeLabel(x.place) + ' · ' + x.county; }));
      });
    }
  }
  function pick(p) {
    if (p === 'same') { input.value = ''; commit(null, ''); close(); return; }
    input.value = p.kind === 'national' && !opts.national ? '' : p.kind === 'national' ? '' : p.name;
    commit(p);
    if (p.kind === 'province' && p.cities.length > 1) {
      open(p.cities, '在' + p.name + '哪个城市参保？（不知道就不用选）');
      input.focus();
    } else close();
  }
  function setActive(i) {
    var lis = list.querySelectorAll('.pf-opt');
    if (!lis.length) return;
    active = (i + lis.length) % lis.length;
    Array.prototype.forEach.call(lis, function (li, j) { li.setAttribute('aria-selected', j === active ? 'true' : 'false'); });
    input.setAttribute('aria-activedescendant', lis[active].id);
    if (lis[active].scrollIntoView) lis[active].scrollIntoView({ block: 'nearest' });
  }

  input.addEventListener('focus', function () { suggest(); });
  input.addEventListener('input', function () {
    suggest();
    var exact = exactPlace(places, input.value);
    if (exact) commit(exact);
    else if (!input.value.trim()) commit(null, '');
  });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown') { ev.preventDefault(); if (list.hasAttribute('hidden')) suggest(); setActive(active + 1); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); setActive(active - 1); }
    else if (ev.key === 'Enter') { ev.preventDefault(); if (active >= 0 && options[active]) pick(options[active]); else finish(); }
    else if (ev.key === 'Escape') { if (!list.hasAttribute('hidden')) { ev.preventDefault(); close(); } }
  });
  // Leaving the field: what is typed stands (a place, nothing, or text for the engine to judge).
  function finish() {
    var text = input.value.trim();
    close();
    if (!text) { commit(null, ''); return; }
    var exact = exactPlace(places, text);
    if (exact) { commit(exact); input.value = exact.kind === 'national' ? '' : exact.name; return; }
    if (text !== shown(committed)) commit(null, text);
  }
  input.addEventListener('blur', function () { setTimeout(function () { if (document.activeElement !== input) finish(); }, 0); });

  return {
    input: input, list: list,
    set: function (v) { committed = v || ''; if (document.activeElement !== input) input.value = shown(committed); },
    value: function () { return committed; },
    setField: function (f) { input.setAttribute('data-field', f); },
    place: function () { return placeOf(places, committed); },
    wrap: function (text, hint) {
      var kids = [h('label', { for: input.id }, text), input, list];
      if (hint) { kids.push(h('p', { class: 'hint', id: input.id + '-hint' }, hint)); input.setAttribute('aria-describedby', input.id + '-hint'); }
      return h('div', { class: 'field pf' }, kids);
    }
  };
}
