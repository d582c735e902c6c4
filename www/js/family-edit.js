// Changes to the family made outside the forms' own fields: add or remove a member, move a
// binding up or down, the date of the question, and "重新开始".
import { $ } from './dom.js';
import { blankState } from './state.js';
import { applyQuick, FIRST_Q } from './quick.js';
import { status, offerUndo } from './messages.js';
import { embed, postHeight } from './article-mode.js';
import { postScroll } from './embed.js';

// ctx.removeMember and ctx.moveBinding, called by the forms (js/forms.js).
export function installFamilyEdits(ctx) {
  ctx.removeMember = function (id) {
    var st = ctx.state;
    st.members = st.members.filter(function (m) { return m.id !== id; });
    st.sharing = st.sharing.filter(function (b) { return b.from !== id && b.to !== id; });
    st.expenses = st.expenses.filter(function (e) { return e.patient !== id; });
    st.members.forEach(function (m) { if (m.via === id) m.via = ''; });
    ctx.update('all');
    var add = $('#add-member'); if (add) add.focus();
  };
  ctx.moveBinding = function (b, dir) {
    var st = ctx.state, same = st.sharing.filter(function (x) { return x.to === b.to; });
    var j = same.indexOf(b) + dir;
    if (j < 0 || j >= same.length) return;
    var other = same[j], ia = st.sharing.indexOf(b), ib = st.sharing.indexOf(other);
    st.sharing[ia] = other; st.sharing[ib] = b;
    ctx.update('all');
  };
}

// The static controls: the date, "添加家人", "重新开始".
export function wireFamilyEdits(ctx) {
  $('#as-of').addEventListener('change', function () {
    if (/^\d{4}-\d{2}-\d{2}$/.test(this.value)) { ctx.state.as_of = this.value; ctx.update('value'); }
  });
  $('#add-member').addEventListener('click', function () {
    var st = ctx.state, id;
    do { st.seq = (st.seq || 1) + 1; id = 'm' + st.seq; } while (st.members.some(function (m) { return m.id === id; }));
    st.members.push({ id: id, name: '', relation: 'mother', via: '', insurance: 'resident', province: '', city: '', balance: '' });
    ctx.update('all');
    var inp = document.querySelector('[data-k="m-name-' + id + '"]'); if (inp) inp.focus();
  });
  $('#reset').addEventListener('click', function () {
    var st = blankState(); if (ctx.region) st.region = ctx.region;
    var prev = ctx.state;
    ctx.state = st; applyQuick(ctx, FIRST_Q); ctx.update('all');
    if (ctx.remember) offerUndo(ctx, '已清空，重新开始。', prev); else status('');
    // In an article the frame has just shrunk under the visitor: bring its top back into view.
    if (embed) { postHeight(); postScroll(document.documentElement); }
  });
}
