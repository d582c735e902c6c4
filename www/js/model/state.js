// The page's state: a family as the page keeps it (text as typed), its shape and look-ups.
// Pure: no DOM, no storage, no engine (tests/page-unit runs it in Node).
//   { v, as_of, region, seq, members: [member], sharing: [line], expenses: [expense] }
// The engine's scenario is made from it by model/scenario.js; its text form (links, the saved
// copy) is model/codec.js.

export var LINK_VERSION = 1; // of the share link and the saved copy (model/codec.js)

// Every field of a member, a sharing line and an expense, with its empty value: the one list
// (the codec packs and reads these keys, the forms and the quick check make members from it).
export var MEMBER_FIELDS = { id: '', name: '', relation: 'other', via: '', insurance: 'none', province: '', city: '', balance: '', shareable: '' };
export var LINE_FIELDS = { from: '', to: '', quota: '' };
export var EXPENSE_FIELDS = { patient: 'me', item: 'outpatient_visit', venue: 'designated_hospital', mode: 'burden',
  amount: '', burden: '', card: 'own', ded: '', ratio: '', cap: '', ooc: '' };

function fill(defaults, fields) {
  var o = {};
  for (var k in defaults) o[k] = fields && typeof fields[k] === 'string' ? fields[k] : defaults[k];
  return o;
}
export function newMember(fields) { return fill(MEMBER_FIELDS, fields); }
export function newLine(fields) { return fill(LINE_FIELDS, fields); }
export function newExpense(patient, fields) {
  var e = fill(EXPENSE_FIELDS, fields);
  if (patient) e.patient = patient;
  return e;
}

export function today(d) {
  d = d || new Date();
  function p(n) { return (n < 10 ? '0' : '') + n; }
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
}

export function blankState(asOf) {
  return {
    v: LINK_VERSION, as_of: asOf || today(), region: 'national', seq: 1,
    members: [newMember({ id: 'me', name: '我', relation: 'self', insurance: 'employee' })],
    sharing: [], expenses: []
  };
}

export function copyState(st) { return JSON.parse(JSON.stringify(st)); }

export function memberById(state, id) {
  for (var i = 0; i < state.members.length; i++) if (state.members[i].id === id) return state.members[i];
  return null;
}
export function isEmployee(ins) { return ins === 'employee' || ins === 'employee_retired'; }
// A member's account may exist: 职工医保, or not known yet (不知道: the engine reads both).
export function mayHaveAccount(ins) { return isEmployee(ins) || ins === 'unknown'; }
export function lineKey(b) { return b.from + '->' + b.to; }

// A new member id: "m" + the next number not in use.
export function nextMemberId(state) {
  var id;
  do { state.seq = (state.seq || 1) + 1; id = 'm' + state.seq; } while (memberById(state, id));
  return id;
}
// The family without `id` and everything that hangs on it (lines, expenses, via).
export function withoutMember(state, id) {
  state.members = state.members.filter(function (m) { return m.id !== id; });
  state.sharing = state.sharing.filter(function (b) { return b.from !== id && b.to !== id; });
  state.expenses = state.expenses.filter(function (e) { return e.patient !== id; });
  state.members.forEach(function (m) { if (m.via === id) m.via = ''; });
  return state;
}
// Move line `b` one place up (-1) or down (+1) among the lines to the same patient.
export function moveLine(state, b, dir) {
  var same = state.sharing.filter(function (x) { return x.to === b.to; });
  var j = same.indexOf(b) + dir;
  if (j < 0 || j >= same.length) return false;
  var other = same[j], ia = state.sharing.indexOf(b), ib = state.sharing.indexOf(other);
  state.sharing[ia] = other; state.sharing[ib] = b;
  return true;
}
