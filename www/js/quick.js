// The quick check (issue 13): whose account, for whom, for what, where — the answer at once.
// It only builds a small scenario (members, sharing, one expense) in the page's state; the
// engine answers. Nothing here decides whether anyone may pay.
import { h, clear, $ } from './dom.js';
import { RELATIONS, SHORT_REL, QUICK_PEOPLE, QUICK_ITEMS, INSURANCE, PROVINCES, PREMIUMS, ELDER, isEmployee, label } from './labels.js';
import { memberById, newExpense } from './state.js';
import { placeProvince } from './places.js';

var INS_SHORT = { employee: '有职工医保（在职）', employee_retired: '有职工医保（退休）', resident: '参加居民医保', none: '没有参保' };
// The first question, answered on arrival: my account, for my mother, at an outpatient visit.
// Not bound yet: most people asking "can I?" have not bound; the answer then says how.
// (scripts/build-site.mjs prerenders this question's answer into the built index.html.)
export var FIRST_Q = { owner: 'self', patient: 'mother', item: 'outpatient_visit', bound: false, ownerIns: 'employee', patientIns: 'resident', patientProv: '' };

function idFor(rel) { return rel === 'self' ? 'me' : 'q-' + rel; }
function nameFor(rel) { return SHORT_REL[rel] || label(RELATIONS, rel); }
function defaultIns(rel, role) { return role === 'owner' ? (ELDER[rel] ? 'employee_retired' : 'employee') : 'resident'; }

// The quick question read back from the state (after a preset, a link, or edits below).
export function deriveQuick(st) {
  var e0 = st.expenses[0];
  var pat = e0 ? memberById(st, e0.patient) : null;
  var line = e0 ? st.sharing.filter(function (b) { return b.to === e0.patient; })[0] : null;
  var own = line ? memberById(st, line.from) : st.members.filter(function (m) { return isEmployee(m.insurance) && m !== pat; })[0] || pat;
  return { owner: own ? own.relation : 'self', patient: pat ? pat.relation : '', item: e0 ? e0.item : '', bound: !!line,
    ownerIns: own ? own.insurance : 'employee', patientIns: pat ? pat.insurance : 'resident', patientProv: pat ? (pat.province || '') : '' };
}

// Write the quick question into the state: two people (or one), one binding if bound, expense 1.
export function applyQuick(ctx, q) {
  var st = ctx.state, old = {};
  st.members.forEach(function (m) { old[m.id] = m; });
  function person(rel, ins, prov) {
    var id = idFor(rel), o = old[id] || {};
    var keep = o.relation === rel;
    return { id: id, name: keep && o.name ? o.name : nameFor(rel), relation: rel, via: keep ? (o.via || '') : '', insurance: ins,
      province: prov || '', city: '', balance: keep && isEmployee(ins) ? (o.balance || '') : '' };
  }
  var members = [];
  if (q.owner) members.push(person(q.owner, q.ownerIns, ''));
  if (q.patient && q.patient !== q.owner) members.push(person(q.patient, q.patientIns, q.patientProv));
  else if (q.patient && members[0]) members[0].province = q.patientProv || '';
  st.members = members;
  var from = q.owner ? idFor(q.owner) : '', to = q.patient ? idFor(q.patient) : '';
  var oldLine = st.sharing.filter(function (b) { return b.from === from && b.to === to; })[0];
  st.sharing = q.bound && from && to && from !== to ? [{ from: from, to: to, quota: oldLine ? oldLine.quota : '' }] : [];
  var e0 = st.expenses[0] || newExpense(to);
  e0.patient = to || from;
  if (q.item && q.item !== e0.item) {
    e0.item = q.item;
    var it = ctx.catalogueById[q.item];
    if (it && it.venues && it.venues.length && it.venues.indexOf(e0.venue) < 0) e0.venue = it.venues[0];
  }
  if (PREMIUMS[e0.item]) e0.mode = 'amount';
  st.expenses = [e0].concat(st.expenses.slice(1).filter(function (e) { return !!memberById(st, e.patient); }));
  ctx.q = q;
}

function chip(text, attrs) { return h('button', Object.assign({ type: 'button', class: 'chip q-chip', 'aria-pressed': 'false' }, attrs), text); }

export function renderQuick(ctx, places) {
  var box = clear($('#quick'));
  function set(k, v) {
    var q = Object.assign({}, ctx.q); q[k] = v;
    if (k === 'owner') q.ownerIns = defaultIns(v, 'owner');
    if (k === 'patient') { q.patientIns = defaultIns(v, 'patient'); q.patientProv = ''; }
    applyQuick(ctx, q); ctx.update('all');
  }
  function people(role, legend) {
    var more = h('select', { class: 'q-more', 'data-q': role + '-more', 'aria-label': legend + '：其他亲属' },
      h('option', { value: '' }, '其他亲属…'),
      RELATIONS.filter(function (r) { return QUICK_PEOPLE.indexOf(r[0]) < 0; }).map(function (r) { return h('option', { value: r[0] }, nameFor(r[0])); }));
    more.addEventListener('change', function () { if (more.value) set(role, more.value); });
    return h('div', { class: 'q-group', role: 'group', 'aria-labelledby': 'q-' + role + '-legend' },
      h('div', { class: 'q-head' }, h('span', { class: 'q-legend', id: 'q-' + role + '-legend' }, legend), more),
      h('div', { class: 'chips' }, QUICK_PEOPLE.map(function (rel) {
        return chip(nameFor(rel), { 'data-q': role + ':' + rel, onclick: function () { set(role, rel); } });
      })));
  }
  var itemMore = h('select', { class: 'q-more', 'data-q': 'item-more', 'aria-label': '用来付什么：其他项目' },
    h('option', { value: '' }, '其他项目…'),
    ctx.catalogue.filter(function (c) { return !QUICK_ITEMS.some(function (x) { return x[0] === c.id; }); })
      .map(function (c) { return h('option', { value: c.id }, c.name); }));
  itemMore.addEventListener('change', function () { if (itemMore.value) set('item', itemMore.value); });
  var items = h('div', { class: 'q-group', role: 'group', 'aria-labelledby': 'q-item-legend' },
    h('div', { class: 'q-head' }, h('span', { class: 'q-legend', id: 'q-item-legend' }, '用来付什么？'), itemMore),
    h('div', { class: 'grid' }, QUICK_ITEMS.map(function (x) {
      return chip(x[1], { 'data-q': 'item:' + x[0], onclick: function () { set('item', x[0]); } });
    })));
  // Place: one list, provinces each followed by their cities (from regions()).
  var place = h('select', { id: 'region', 'data-k': 'region' });
  placeOptions(places).forEach(function (o) { place.appendChild(h('option', { value: o[0] }, o[1])); });
  place.addEventListener('change', function () { ctx.state.region = place.value; ctx.update('all'); });
  var bound = h('button', { type: 'button', class: 'chip toggle', id: 'q-bound', 'data-q': 'bound', 'aria-pressed': 'false',
    onclick: function () { set('bound', !ctx.q.bound); } }, '已经办好家庭共济绑定');
  // The assumptions, visible and editable in one tap.
  var ownIns = h('select', { 'data-q': 'owner-ins', id: 'q-owner-ins' }, INSURANCE.map(function (o) { return h('option', { value: o[0] }, o[1]); }));
  ownIns.addEventListener('change', function () { var q = Object.assign({}, ctx.q, { ownerIns: ownIns.value }); applyQuick(ctx, q); ctx.update('all'); });
  var patIns = h('select', { 'data-q': 'patient-ins', id: 'q-patient-ins' }, INSURANCE.map(function (o) { return h('option', { value: o[0] }, o[1]); }));
  patIns.addEventListener('change', function () { var q = Object.assign({}, ctx.q, { patientIns: patIns.value }); applyQuick(ctx, q); ctx.update('all'); });
  var patProv = h('select', { 'data-q': 'patient-prov', id: 'q-patient-prov' }, h('option', { value: '' }, '和出钱的人同一个地方'),
    PROVINCES.map(function (p) { return h('option', { value: p }, p); }));
  patProv.addEventListener('change', function () { var q = Object.assign({}, ctx.q, { patientProv: patProv.value }); applyQuick(ctx, q); ctx.update('all'); });
  var assume = h('details', { class: 'q-assume', id: 'q-assume' }, h('summary', { 'data-q': 'assume' }, h('span', { class: 'q-assume-text' }), ' ', h('span', { class: 'q-edit' }, '改')),
    h('div', { class: 'q-edit-box' },
      h('div', { class: 'field' }, h('label', { for: 'q-owner-ins', class: 'q-owner-ins-label' }, '出钱的人参加的医保'), ownIns),
      h('div', { class: 'field' }, h('label', { for: 'q-patient-ins', class: 'q-patient-ins-label' }, '用钱的人参加的医保'), patIns),
      h('div', { class: 'field' }, h('label', { for: 'q-patient-prov', class: 'q-patient-prov-label' }, '用钱的人在哪个省参保'), patProv)));
  box.appendChild(h('h2', { id: 'quick-title', class: 'q-title' }, '家人的医保账户，能不能给这笔钱付？'));
  box.appendChild(people('owner', '谁的医保账户？'));
  box.appendChild(people('patient', '给谁用？'));
  box.appendChild(items);
  box.appendChild(h('div', { class: 'q-place field' }, h('label', { for: 'region' }, '在哪参保'), place));
  box.appendChild(h('div', { class: 'q-row' }, bound));
  box.appendChild(assume);
}

export function placeOptions(places) {
  var out = [], byParent = {};
  var known = (places || []).filter(function (r) { return r && r.id; });
  var hasKind = known.some(function (r) { return r.kind; });
  if (!hasKind) return known.map(function (r) { return [r.id, r.name]; });
  known.forEach(function (r) { if (r.kind === 'city') (byParent[r.parent] = byParent[r.parent] || []).push(r); });
  known.filter(function (r) { return r.kind === 'national'; }).forEach(function (r) { out.push([r.id, '全国通用（没选地方）']); });
  known.filter(function (r) { return r.kind === 'province'; }).forEach(function (p) {
    out.push([p.id, p.name]);
    (byParent[p.id] || []).forEach(function (c) { out.push([c.id, '\u3000' + c.name]); });
  });
  return out;
}

// Show the quick question as it stands (pressed chips, the place, the assumptions).
// Runs on every change (every keystroke in an amount): it writes only what differs.
export function syncQuick(ctx) {
  var q = ctx.q = deriveQuick(ctx.state), st = ctx.state;
  function setAttr(el, k, v) { if (el.getAttribute(k) !== v) el.setAttribute(k, v); }
  function setValue(el, v) { if (el && el.value !== v) el.value = v; }
  Array.prototype.forEach.call(document.querySelectorAll('#quick [data-q*=":"]'), function (b) {
    var kv = b.getAttribute('data-q').split(':');
    setAttr(b, 'aria-pressed', q[kv[0]] === kv[1] ? 'true' : 'false');
  });
  ['owner', 'patient', 'item'].forEach(function (k) {
    var sel = $('#quick [data-q="' + k + '-more"]');
    if (!sel) return;
    var has = Array.prototype.some.call(sel.options, function (o) { return o.value && o.value === q[k]; });
    setValue(sel, has ? q[k] : '');
    if (sel.classList.contains('on') !== has) sel.classList.toggle('on', has);
  });
  var b = $('#q-bound'); if (b) setAttr(b, 'aria-pressed', q.bound ? 'true' : 'false');
  setValue($('#region'), st.region);
  setValue($('#q-owner-ins'), q.ownerIns); setValue($('#q-patient-ins'), q.patientIns); setValue($('#q-patient-prov'), q.patientProv || '');
  var on = nameFor(q.owner), pn = q.patient ? nameFor(q.patient) : '';
  function setText(sel, t) { var el = $(sel); if (el && el.textContent !== t) el.textContent = t; }
  setText('.q-owner-ins-label', on + '参加的医保');
  setText('.q-patient-ins-label', (pn || '用钱的人') + '参加的医保');
  setText('.q-patient-prov-label', (pn || '用钱的人') + '在哪个省参保');
  var where = q.patientProv ? '在' + q.patientProv + '参保' : '在同一个地方参保';
  var t = '假设：' + on + INS_SHORT[q.ownerIns] + (pn && q.patient !== q.owner ? '，' + pn + INS_SHORT[q.patientIns] + '，' + where : '') + '。';
  if (st.members.length > 2) t = '现在按下面填的 ' + st.members.length + ' 位家人计算。';
  setText('.q-assume-text', t);
}
