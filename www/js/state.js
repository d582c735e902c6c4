// The page's state: its shape (a blank family, a new expense, today's date) and look-ups on it.
// The places are in js/places.js, the engine's scenario is made in js/scenario.js, the share
// link and the opt-in local memory are in js/share.js.
import { placeProvince } from './places.js';

export var LINK_VERSION = 1; // of the share link and the saved copy (js/share.js)

export function today() {
  var d = new Date();
  function p(n) { return (n < 10 ? '0' : '') + n; }
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
}

export function blankState() {
  return {
    v: LINK_VERSION, as_of: today(), region: 'national', seq: 1,
    members: [{ id: 'me', name: '我', relation: 'self', via: '', insurance: 'employee', province: '', balance: '' }],
    sharing: [], expenses: []
  };
}

export function newExpense(patient) {
  return { patient: patient || 'me', item: 'outpatient_visit', venue: 'designated_hospital', mode: 'burden',
    amount: '', burden: '', card: 'own', ded: '', ratio: '', cap: '', ooc: '' };
}

export function memberById(state, id) {
  for (var i = 0; i < state.members.length; i++) if (state.members[i].id === id) return state.members[i];
  return null;
}

// A member's province: their own, else the province of the scenario's place.
export function provinceOf(state, m) { return (m && m.province) || placeProvince(state.region); }
export function crossProvince(state, b) {
  var f = memberById(state, b.from), t = memberById(state, b.to);
  var pf = provinceOf(state, f), pt = provinceOf(state, t);
  return !!(f && t && pf && pt && pf !== pt);
}
