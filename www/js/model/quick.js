// The quick check's question (issue 13, SPEC §10.3): whose account and that person's insurance,
// for whom, for what, where each of the two is insured, bound (or the 共济额度) — written into the
// family as two members, one line and the first expense, and read back from it. The engine
// answers; nothing here decides whether anyone may pay. Pure.
//   q = { owner, ownerWord, ownerIns, ownerPlace, patient, patientWord, patientIns, patientPlace,
//         item, bound, quota }   (relation ids; words: 公公/岳父 …; place values: model/places.js)
// ownerPlace is the account holder's own place ('' = the scenario's `region`, which the quick
// check's place field sets); patientPlace is the patient's only where it differs from it.
import { memberById, newMember, newExpense, newLine, isEmployee } from './state.js';
import { isElder, isPremium, relationWord, isPageWord, venueFor } from './tables.js';
import { KIN_WORDS } from './labels.js';

// The first question, answered on arrival: my account (职工医保, 在职), for my mother, at an
// outpatient visit, not bound yet (most people asking "can I?" have not; the answer says how).
// (scripts/build-site.mjs prerenders this question's answer into the built index.html.)
export var FIRST_Q = { owner: 'self', ownerWord: '', ownerIns: 'employee', ownerPlace: '', patient: 'mother', patientWord: '', patientIns: 'resident',
  item: 'outpatient_visit', bound: false, quota: '', patientPlace: '' };

export function memberIdFor(rel) { return rel === 'self' ? 'me' : 'q-' + rel; }
// The insurance a person gets when first picked: the account holder 职工医保 (退休 for a generation
// above 我, relations()' elder), the patient 居民医保. Always shown, one tap to change.
export function defaultInsurance(tables, rel, role) {
  if (role === 'owner') return isElder(tables, rel) ? 'employee_retired' : 'employee';
  return 'resident';
}
// Where a member is insured, as stored ('' = at the scenario's `region`).
export function placeOfMember(m) { return m ? m.city || m.province || '' : ''; }
function wordOf(m) {
  var words = m ? KIN_WORDS[m.relation] : null;
  if (!words) return '';
  for (var i = 0; i < words.length; i++) if (words[i][0] === m.name) return m.name;
  return '';
}

// The two people of the quick question in the family: the first expense's patient, and whose
// account — the one bound to the patient, else the first other 职工医保 member, else the first
// other member. { owner, patient, line } (members, or null).
export function quickPeople(st) {
  var e0 = st.expenses[0];
  var pat = e0 ? memberById(st, e0.patient) : null;
  var line = e0 ? st.sharing.filter(function (b) { return b.to === e0.patient; })[0] : null;
  var own = line ? memberById(st, line.from) : st.members.filter(function (m) { return isEmployee(m.insurance) && m !== pat; })[0] ||
    st.members.filter(function (m) { return m !== pat; })[0] || pat;
  return { owner: own, patient: pat, line: line || null };
}

// The quick question read back from the family (after an example, a link, or edits below).
export function deriveQuick(st) {
  var people = quickPeople(st), pat = people.patient, own = people.owner, line = people.line, e0 = st.expenses[0];
  return {
    owner: own ? own.relation : 'self', ownerWord: wordOf(own), ownerIns: own ? own.insurance : 'employee', ownerPlace: placeOfMember(own),
    patient: pat ? pat.relation : '', patientWord: wordOf(pat), patientIns: pat ? pat.insurance : 'resident',
    patientPlace: pat && pat !== own && placeOfMember(pat) !== placeOfMember(own) ? placeOfMember(pat) : '',
    item: e0 ? e0.item : '', bound: !!line, quota: line ? line.quota || '' : ''
  };
}

// Write the quick question into the family: the two people (or one), one line when bound, the
// first expense; later expenses of people still there are kept.
export function applyQuick(st, q, tables) {
  var old = {};
  st.members.forEach(function (m) { old[m.id] = m; });
  function person(rel, word, ins, place) {
    var id = memberIdFor(rel), o = old[id] || {};
    var keep = o.relation === rel;
    var name = keep && o.name && !(word && isPageWord(tables, o.name)) ? o.name : relationWord(tables, rel, word);
    if (!place) place = keep ? { province: o.province, city: o.city } : null;
    return newMember({ id: id, name: name, relation: rel, via: keep ? o.via : '', insurance: ins,
      province: place ? place.province : '', city: place ? place.city : '',
      balance: keep && isEmployee(ins) ? o.balance : '', shareable: keep && isEmployee(ins) ? o.shareable : '' });
  }
  var members = [];
  // the account holder keeps a place of their own (an example's, a link's); the patient is
  // where the account holder is unless the question says otherwise
  if (q.owner) members.push(person(q.owner, q.ownerWord, q.ownerIns, null));
  var here = members[0] ? { province: members[0].province, city: members[0].city } : { province: '', city: '' };
  var away = q.patientPlace ? placeFields(tables, q.patientPlace) : here;
  if (q.patient && q.patient !== q.owner) members.push(person(q.patient, q.patientWord, q.patientIns, away));
  st.members = members;
  var from = q.owner ? memberIdFor(q.owner) : '', to = q.patient ? memberIdFor(q.patient) : '';
  st.sharing = q.bound && from && to && from !== to ? [newLine({ from: from, to: to, quota: q.quota || '' })] : [];
  var e0 = st.expenses[0] || newExpense(to);
  e0.patient = to || from;
  if (q.item && q.item !== e0.item) { e0.item = q.item; e0.venue = venueFor(tables, q.item, e0.venue); }
  if (isPremium(tables, e0.item)) e0.mode = 'amount';
  st.expenses = [e0].concat(st.expenses.slice(1).filter(function (e) { return !!memberById(st, e.patient); }));
  return st;
}
// A place value -> the member's fields (a province id goes in province, anything else in city).
function placeFields(tables, value) {
  var p = tables.places.byValue[value];
  if (p && p.kind === 'province') return { province: p.value, city: '' };
  if (p && p.kind === 'national') return { province: '', city: '' };
  return { province: '', city: value };
}

// The account holder's place typed in the quick check: it becomes the scenario's place (where
// everyone is unless said otherwise); the account holder's own place, and the patient's where it
// was the same, give way to it.
export function setOwnerPlace(st, value) {
  var people = quickPeople(st), own = people.owner, pat = people.patient, was = placeOfMember(own);
  if (own) { own.province = ''; own.city = ''; }
  if (pat && pat !== own && placeOfMember(pat) === was) { pat.province = ''; pat.city = ''; }
  st.region = value || 'national';
  return st;
}

// A change to one part of the question, as a tap makes it (picking a person resets that person's
// insurance to its default, and a new patient to "same place").
export function changeQuick(q, key, value, tables) {
  var n = {};
  for (var k in q) n[k] = q[k];
  if (key === 'owner' || key === 'patient') {
    var rel = typeof value === 'string' ? value : value.relation;
    n[key] = rel;
    n[key + 'Word'] = typeof value === 'string' ? '' : value.word || '';
    n[key + 'Ins'] = defaultInsurance(tables, rel, key);
    if (key === 'patient') n.patientPlace = '';
  } else n[key] = value;
  return n;
}
