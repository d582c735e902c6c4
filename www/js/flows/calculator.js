// The app object: one explicit object for the calculator page, with the family (`state`), the
// engine's tables, the guarded engine, what the engine last said of the family's lines
// (`distances`, `issues`), and every action the views may take. Views draw and call these
// methods; they never call the engine or each other. (Before: 13 functions hung on a shared
// `ctx` by several modules, plus module-level variables: issue 24 item 4.)
//
//   update(kind)       after a change: the forms redrawn as far as the change reaches
//                      ('all' | 'names' | 'value'), the quick check synced, the answer recomputed,
//                      the focus kept
//   setState(st)       a whole new family (an example, a link, undo)
//   setQuick(q)        the quick check's question (model/quick.js) written into the family
//   setRegion(value)   the account holder's place (the scenario's place)
//   …                  member, line and expense edits; setBig; reset; save; failed
import { $ } from '../views/dom.js';
import { renderFamily, renderSharing, renderExpenses } from '../views/forms.js';
import { renderQuick, syncQuick } from '../views/quick-view.js';
import { makeResultsView, PAGE } from '../views/results-view.js';
import { markAdviceStale } from '../views/advice-view.js';
import { fitBar } from '../views/answer-bar.js';
import { showFailure } from '../views/failure.js';
import { status, offerUndo } from '../views/messages.js';
import { focusKey, restoreFocus } from '../views/focus.js';
import { blankState, newMember, newLine, newExpense, nextMemberId, withoutMember, moveLine, memberById } from '../model/state.js';
import { FIRST_Q, deriveQuick, applyQuick, setOwnerPlace } from '../model/quick.js';
import { isPremium, venueFor } from '../model/tables.js';
import { compute, probe } from './compute.js';
import { makeProbe } from './pairs.js';
import { makeMemory, scheduleSave } from './remember.js';
import { isBig, setBig } from './big-text.js';
import { loadCounties } from './counties.js';

// env: { engine (flows/engine.js guarded), tables (model/tables.js), region (?region=, a place
// value or null), embed (article mode), onLayout() (the host's height), onAnswer(result),
// scrollHost(el) }
export function createCalculator(env) {
  var app = {
    state: blankState(), tables: env.tables, engine: env.engine, region: env.region || null, embed: !!env.embed,
    q: FIRST_Q, ui: { away: false }, remember: false, memory: makeMemory(),
    distances: {}, issues: {}, probe: makeProbe(), kept: null, results: makeResultsView(), formView: { shown: PAGE },
    bar: null, quickView: null, placeListeners: [], deferred: null, yearDrawn: false
  };
  if (app.region) app.state.region = app.region;

  app.update = function (kind) {
    var k = focusKey();
    if (kind === 'all') renderFamily(app);
    if (kind === 'all' || kind === 'names') { renderSharing(app); renderExpenses(app); }
    syncTop(app);
    app.q = deriveQuick(app.state);
    // what the engine says of the lines first: a distance decides a line's 顺位 or 额度 field
    if (probe(app) && kind === 'value') renderSharing(app);
    syncQuick(app);
    compute(app);
    markAdviceStale();
    if (kind !== 'value') restoreFocus(k);
  };
  app.setState = function (st) {
    app.state = st; app.ui.away = false; app.formView.shown = PAGE; app.results.shown = PAGE; app.yearDrawn = false;
    app.update('all');
  };
  app.setQuick = function (q) { applyQuick(app.state, q, app.tables); app.update('all'); };
  app.setRegion = function (value) {
    setOwnerPlace(app.state, value);
    app.update('all');
    app.placeListeners.forEach(function (f) { f(); });
  };
  // ---- members, lines, expenses (the forms' buttons) ----
  app.addMember = function () {
    var st = app.state, id = nextMemberId(st);
    st.members.push(newMember({ id: id, relation: 'mother', insurance: 'resident' }));
    app.update('all');
    var inp = document.querySelector('[data-k="m-name-' + id + '"]'); if (inp) inp.focus();
  };
  app.removeMember = function (id) {
    withoutMember(app.state, id);
    app.update('all');
    var add = $('#add-member'); if (add) add.focus();
  };
  app.addLine = function (from, to) {
    var st = app.state;
    if (from === to) return '出钱的人和用钱的人不能是同一个人。';
    if (st.sharing.some(function (x) { return x.from === from && x.to === to; })) return '这条绑定已经有了。';
    st.sharing.push(newLine({ from: from, to: to }));
    app.update('all');
    return '';
  };
  app.removeLine = function (i) { app.state.sharing.splice(i, 1); app.update('all'); };
  app.moveLine = function (b, dir) { if (moveLine(app.state, b, dir)) app.update('all'); };
  app.addExpense = function () {
    var st = app.state, last = st.expenses[st.expenses.length - 1];
    st.expenses.push(newExpense(last ? last.patient : (st.members[1] || st.members[0]).id));
    app.formView.shown = Math.max(app.formView.shown, st.expenses.length);
    app.update('all');
  };
  app.removeExpense = function (i) { app.state.expenses.splice(i, 1); app.update('all'); };
  app.setItem = function (e, id) {
    e.item = id;
    e.venue = venueFor(app.tables, id, e.venue);
    if (isPremium(app.tables, id)) e.mode = 'amount';
    app.update('all');
  };
  // the form of expense i shown (it may be on a later page)
  app.showExpense = function (i) { if (i >= app.formView.shown) { app.formView.shown = i + 1; app.update('all'); } };
  app.reset = function () {
    var st = blankState(); if (app.region) st.region = app.region;
    var prev = app.state;
    applyQuick(st, FIRST_Q, app.tables);
    app.setState(st);
    if (app.remember) offerUndo(app, '已清空，重新开始。', prev); else status(app, '');
    // In an article the frame has just shrunk under the visitor: bring its top back into view.
    app.scrollHostTo(document.documentElement);
  };
  // ---- the page around the answer ----
  app.setBig = function (on) { setBig(on); fitBar(); app.layoutChanged(); };
  app.isBig = isBig;
  app.save = function () { scheduleSave(app); };
  app.layoutChanged = function () { if (env.onLayout) env.onLayout(); };
  app.answerChanged = function (out) { if (env.onAnswer) env.onAnswer(out && out.results ? out.results[0] : null); };
  app.scrollHostTo = function (el) { if (env.scrollHost) env.scrollHost(el); };
  app.failed = function () { showFailure(app.remember); app.answerChanged(null); app.layoutChanged(); };
  app.member = function (id) { return memberById(app.state, id); };
  app.counties = function () { return loadCounties(app); };
  app.start = function () { renderQuick(app); };
  return app;
}

export function syncTop(app) { var d = $('#as-of'); if (d && d.value !== app.state.as_of) d.value = app.state.as_of; }
