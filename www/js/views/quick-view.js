// The quick check (issue 13, issue 23, SPEC §10.3): everything that changes the answer is a
// control here, one tap each — whose account and that person's insurance (职工·在职 / 职工·退休 /
// 居民医保 / 不知道), for whom, for what, where each of the two is insured (the patient's place
// only when it differs), bound — or, when the engine says the two are in other provinces, the
// 共济额度. Drawn once (renderQuick); syncQuick shows the question as it stands after any change
// and writes only what differs. The question goes to the app object (app.setQuick); the engine
// answers. Every list comes from the engine's tables.
import { h, clear, $ } from './dom.js';
import { SHORT_REL, QUICK_PEOPLE, QUICK_ITEMS, QUICK_INSURANCE, INSURANCE, DISTANCES, label } from '../model/labels.js';
import { relationChoices, relationChoice, readChoice, itemWord, relationWord } from '../model/tables.js';
import { changeQuick, quickPeople } from '../model/quick.js';
import { placeField } from './place-field.js';

function chip(text, attrs) { return h('button', Object.assign({ type: 'button', class: 'chip q-chip', 'aria-pressed': 'false' }, attrs), text); }
function nameFor(app, rel, word) { return relationWord(app.tables, rel, word) || SHORT_REL[rel] || rel; }

export function renderQuick(app) {
  var box = clear($('#quick')), t = app.tables;
  function set(k, v) { app.setQuick(changeQuick(app.q, k, v, t)); }
  var choices = relationChoices(t).filter(function (c) { return QUICK_PEOPLE.indexOf(c[0]) < 0; });
  function people(role, legend) {
    var more = h('select', { class: 'q-more', 'data-q': role + '-more', 'aria-label': legend + '：其他亲属' },
      h('option', { value: '' }, '其他亲属…'),
      choices.map(function (c) { return h('option', { value: c[0] }, c[3] || nameFor(app, c[2], '')); }));
    more.addEventListener('change', function () { if (more.value) set(role, readChoice(more.value)); });
    return h('div', { class: 'q-group', role: 'group', 'aria-labelledby': 'q-' + role + '-legend' },
      h('div', { class: 'q-head' }, h('span', { class: 'q-legend', id: 'q-' + role + '-legend' }, legend), more),
      h('div', { class: 'chips' }, QUICK_PEOPLE.map(function (rel) {
        return chip(SHORT_REL[rel], { 'data-q': role + ':' + rel, onclick: function () { set(role, rel); } });
      })));
  }
  // The account holder's insurance: four chips (不知道 → the engine answers each possibility).
  var ins = h('div', { class: 'chips q-ins', role: 'group', 'aria-labelledby': 'q-ins-legend' },
    h('span', { class: 'sr', id: 'q-ins-legend' }, '参加的医保'),
    QUICK_INSURANCE.map(function (x) { return chip(x[1], { class: 'chip q-chip q-ins-chip', 'data-q': 'ownerIns:' + x[0], onclick: function () { set('ownerIns', x[0]); } }); }));
  var owner = people('owner', '谁的医保账户？');
  owner.appendChild(ins);
  var itemMore = h('select', { class: 'q-more', 'data-q': 'item-more', 'aria-label': '用来付什么：其他项目' },
    h('option', { value: '' }, '其他项目…'),
    t.catalogue.filter(function (c) { return QUICK_ITEMS.indexOf(c.id) < 0; }).map(function (c) { return h('option', { value: c.id }, c.name); }));
  itemMore.addEventListener('change', function () { if (itemMore.value) set('item', itemMore.value); });
  var items = h('div', { class: 'q-group', role: 'group', 'aria-labelledby': 'q-item-legend' },
    h('div', { class: 'q-head' }, h('span', { class: 'q-legend', id: 'q-item-legend' }, '用来付什么？'), itemMore),
    h('div', { class: 'grid' }, QUICK_ITEMS.filter(function (id) { return t.itemById[id]; }).map(function (id) {
      return chip(itemWord(t, id), { 'data-q': 'item:' + id, onclick: function () { set('item', id); } });
    })));
  // Where: the account holder's place (the scenario's place: everyone not said otherwise is
  // there), and — only when it differs — the patient's.
  var ownPlace = placeField(app, { key: 'region', id: 'region', value: app.state.region, empty: '城市或省', national: true,
    field: 'region', label: '出钱的人在哪参保',
    onChange: function (value) { app.setRegion(value || 'national'); } });
  var away = h('button', { type: 'button', class: 'chip toggle q-away', 'data-q': 'away', 'aria-pressed': 'false', 'aria-label': '用钱的人在别处参保',
    onclick: function () {
      var on = away.getAttribute('aria-pressed') !== 'true';
      app.ui.away = on;
      if (!on) set('patientPlace', ''); else { syncQuick(app); patPlace.input.focus(); }
    } }, h('span', { class: 'q-away-text', 'aria-hidden': 'true' }, '用钱的人在别处'));
  var patPlace = placeField(app, { key: 'q-patient-place', value: app.q.patientPlace, empty: '写城市或省，例如“长沙”', label: '用钱的人在哪参保',
    onChange: function (value) { set('patientPlace', value); } });
  var patRow = h('div', { class: 'q-place q-place-2', hidden: true },
    h('label', { for: patPlace.input.id, class: 'q-pat-place-label' }, '用钱的人在'), h('div', { class: 'pf q-pf' }, patPlace.input, patPlace.list),
    h('span', { class: 'q-place-tail', 'aria-hidden': 'true' }, '参保'));
  var dist = h('p', { class: 'q-dist hint', 'aria-live': 'polite' });
  // Bound — or the 共济额度, when the engine says the two are in other provinces.
  var bound = h('button', { type: 'button', class: 'chip toggle', id: 'q-bound', 'data-q': 'bound', 'aria-pressed': 'false',
    onclick: function () { set('bound', !app.q.bound); } }, '已办好共济绑定');
  var quota = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', id: 'q-quota', 'data-q': 'quota', 'data-k': 'q-quota',
    oninput: function () { var q = changeQuick(app.q, 'quota', quota.value, t); q.bound = quota.value.trim() !== ''; app.setQuick(q); } });
  var quotaBox = h('div', { class: 'q-quota', hidden: true }, h('label', { for: 'q-quota' }, '跨省共济额度设了多少（元）？没设就空着'), quota);
  // the patient's insurance: a select whose choices say whose it is ("妈妈：居民医保")
  var patIns = h('select', { 'data-q': 'patient-ins', id: 'q-patient-ins', class: 'q-pat-ins', 'aria-label': '用钱的人参加的医保' },
    INSURANCE.map(function (o) { return h('option', { value: o[0] }, o[1].replace(/（.*）$/, '')); }));
  patIns.addEventListener('change', function () { set('patientIns', patIns.value); });
  box.appendChild(h('h2', { id: 'quick-title', class: 'q-title' }, '家人的医保账户，能不能给这笔钱付？'));
  box.appendChild(owner);
  box.appendChild(people('patient', '给谁用？'));
  box.appendChild(items);
  box.appendChild(h('div', { class: 'q-place' }, h('label', { for: 'region', class: 'q-place-label' }, '在哪参保'),
    h('div', { class: 'pf q-pf' }, ownPlace.input, ownPlace.list), away));
  box.appendChild(patRow);
  box.appendChild(dist);
  box.appendChild(h('div', { class: 'q-row' }, bound, quotaBox, patIns));
  app.quickView = { ownPlace: ownPlace, patPlace: patPlace };
}

// Show the question as it stands (pressed chips, places, the bound / quota row, labels). Runs
// on every change (every keystroke in an amount): it writes only what differs.
export function syncQuick(app) {
  var q = app.q, st = app.state, t = app.tables, v = app.quickView;
  if (!v) return;
  function setAttr(el, k, val) { if (el && el.getAttribute(k) !== val) el.setAttribute(k, val); }
  function setValue(el, val) { if (el && el.value !== val) el.value = val; }
  function setText(sel, text) { var el = $(sel); if (el && el.textContent !== text) el.textContent = text; }
  function hide(el, off) { if (el && el.hasAttribute('hidden') !== off) { if (off) el.setAttribute('hidden', ''); else el.removeAttribute('hidden'); } }
  Array.prototype.forEach.call(document.querySelectorAll('#quick [data-q*=":"]'), function (b) {
    var kv = b.getAttribute('data-q').split(':');
    var on = kv[0] === 'owner' || kv[0] === 'patient' ? q[kv[0]] === kv[1] && !q[kv[0] + 'Word'] : q[kv[0]] === kv[1];
    setAttr(b, 'aria-pressed', on ? 'true' : 'false');
  });
  ['owner', 'patient'].forEach(function (k) {
    var sel = $('#quick [data-q="' + k + '-more"]');
    if (!sel) return;
    var val = QUICK_PEOPLE.indexOf(q[k]) >= 0 ? '' : relationChoice(q[k], q[k + 'Word']);
    var has = Array.prototype.some.call(sel.options, function (o) { return o.value && o.value === val; });
    setValue(sel, has ? val : '');
    if (sel.classList.contains('on') !== has) sel.classList.toggle('on', has);
  });
  var itemSel = $('#quick [data-q="item-more"]');
  if (itemSel) {
    var hasItem = QUICK_ITEMS.indexOf(q.item) < 0 && Array.prototype.some.call(itemSel.options, function (o) { return o.value && o.value === q.item; });
    setValue(itemSel, hasItem ? q.item : '');
    if (itemSel.classList.contains('on') !== hasItem) itemSel.classList.toggle('on', hasItem);
  }
  v.ownPlace.set(q.ownerPlace || (st.region === 'national' ? '' : st.region));
  var on = nameFor(app, q.owner, q.ownerWord), pn = q.patient ? nameFor(app, q.patient, q.patientWord) : '';
  var two = !!q.patient && q.patient !== q.owner;
  setText('#q-ins-legend', on + '参加的医保');
  setText('.q-place-label', on + '在');
  setAttr(v.ownPlace.input, 'aria-label', on + '在哪参保');
  var away = two && (!!q.patientPlace || !!app.ui.away);
  if (!two) app.ui.away = false;
  setAttr($('#quick [data-q="away"]'), 'aria-pressed', away ? 'true' : 'false');
  hide($('#quick [data-q="away"]'), !two);
  setText('.q-away-text', (pn || '用钱的人') + '在别处');
  setAttr($('#quick [data-q="away"]'), 'aria-label', (pn || '用钱的人') + '在别处参保');
  hide($('.q-place-2'), !away);
  setText('.q-pat-place-label', pn + '在');
  setAttr(v.patPlace.input, 'aria-label', pn + '在哪参保');
  v.patPlace.set(q.patientPlace || '');
  // What the engine said of the two (payers[].distance, from the pair probe: flows/pairs.js).
  var people = quickPeople(st);
  var d = two && people.owner && people.patient && app.distances ? app.distances[people.owner.id + '->' + people.patient.id] : '';
  var far = d === 'other_province';
  var dist = $('#quick .q-dist');
  // the engine compares the two places only when both are given (one not given is where the
  // other is: ARCHITECTURE "Missing province"), so the page asks for the first one too
  var ownerSaid = !!q.ownerPlace || (st.region && st.region !== 'national');
  var distText = !away ? '' : !ownerSaid ? '也写上' + on + '在哪参保，才能比较两地。'
    : d && DISTANCES[d] ? on + '和' + pn + '：' + DISTANCES[d] + (far ? '，要设“跨省共济额度”' : '') : '';
  setText('#quick .q-dist', distText);
  hide(dist, !distText);
  hide($('#q-bound'), !two || far);
  hide($('#quick .q-quota'), !two || !far);
  setAttr($('#q-bound'), 'aria-pressed', q.bound ? 'true' : 'false');
  if (document.activeElement !== $('#q-quota')) setValue($('#q-quota'), q.quota || '');
  setText('#quick .q-quota label', '跨省共济额度设了多少（元）？没设就空着');
  var pi = $('#q-patient-ins');
  hide(pi, !two);
  setAttr(pi, 'aria-label', (pn || '用钱的人') + '参加的医保');
  Array.prototype.forEach.call(pi.options, function (o) {
    var text = (pn || '用钱的人') + '：' + label(INSURANCE, o.value).replace(/（.*）$/, '');
    if (o.textContent !== text) o.textContent = text;
  });
  setValue(pi, q.patientIns || 'resident');
}
