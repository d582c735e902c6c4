// Recompute: the family to the engine after every change, and its answer drawn — the answer bar,
// the results, each line's distance and bad pairs, stale advice, the host's copy in an article.
// - When the scenario has an input error, the field at fault is set aside (model/answer-only.js)
//   so the answers stay; their amounts are never shown. A balance not given yet is asked for
//   only when an amount needs it (`quiet`).
// - A large family (more than BIG expenses; issue 23: 1,000 expenses answer in ≤ 2 s at 4× CPU
//   and every edit repaints in ≤ 100 ms): the answer bar is drawn at once from the first expense
//   alone (an answer never depends on money: ARCHITECTURE, "the answer never waits for money"), and the whole year is
//   evaluated when the visitor pauses (DEFER_MS), in one engine call, then drawn in pages.
// - The last full evaluation is kept by its scenario: the engine is not asked the same twice
//   (a link's check answers the page's first computation too).
import { toScenario } from '../model/scenario.js';
import { answerOnly } from '../model/answer-only.js';
import { quickPeople } from '../model/quick.js';
import { renderResults } from '../views/results-view.js';
import { renderAnswerBar } from '../views/answer-bar.js';
import { showPairIssues } from '../views/forms.js';
import { probePairs } from './pairs.js';

export var BIG = 60;
export var DEFER_MS = 250;

function anyAmount(st) {
  return st.expenses.some(function (e) { return String((e.mode === 'burden' ? e.burden : e.amount) || '').trim() !== ''; });
}
// The engine's full answer for a scenario, remembered for the same scenario.
export function evaluateKept(app, scen) {
  var json = JSON.stringify(scen), kept = app.kept;
  if (kept && kept.json === json) return kept.out;
  var out = app.engine.evaluate(scen);
  app.kept = { json: json, out: out };
  return out;
}
// The engine's answer to the family: out (or {error}), the field error, and the answer without
// money when there is one (quiet: a balance not asked for yet).
function answerTo(app, scen, full) {
  var st = app.state, evaluate = app.engine.evaluate;
  var out = full ? evaluateKept(app, scen) : evaluate(scen);
  var err = out && out.error ? out.error : null, ans = null, quiet = false;
  if (err && !app.engine.failed()) {
    ans = answerOnly(evaluate, scen, err, app.tables.limits && app.tables.limits.max_amount);
    var bm = /^members\[(\d+)\]\.balance$/.exec(err.field || '');
    if (bm && st.members[+bm[1]] && !String(st.members[+bm[1]].balance || '').trim() && !anyAmount(st) && ans) quiet = true;
  }
  return { out: out, err: err, ans: ans, quiet: quiet };
}
function drawBar(app, a, total) {
  renderAnswerBar(app, a.err ? a.ans : a.out, a.err && !a.ans ? a.err : null, total);
}
// The pair probe: the distances (and bad pairs) of the family's lines and of the quick check's
// pair. Returns true when a distance changed (a line's 顺位 / 额度 field changes with it).
export function probe(app) {
  var st = app.state, two = quickPeople(st);
  var extra = two.owner && two.patient && two.owner !== two.patient ? [{ from: two.owner.id, to: two.patient.id }] : [];
  var before = JSON.stringify(app.distances || {});
  // (members and lines are what the probe reads: no expense is made into the scenario for it)
  var p = probePairs(app.engine.evaluate, app.probe, toScenario(st, app.distances, { expenses: [] }), extra);
  app.distances = p.distances;
  app.issues = p.issues;
  return JSON.stringify(p.distances) !== before;
}

// After a change: the answer, now (the whole year too, unless the family is large).
export function compute(app) {
  var st = app.state;
  if (app.remember) app.save();
  if (app.engine.failed()) { app.failed(); return; }
  if (st.expenses.length > BIG) {
    // the answer bar from the first expense alone; the year when the visitor pauses (at once the
    // first time: a link's family, whose check the engine has just answered)
    var first = answerTo(app, toScenario(st, app.distances, { expenses: [0] }), false);
    if (app.engine.failed()) { app.failed(); return; }
    drawBar(app, first, st.expenses.length);
    app.answerChanged(first.err ? first.ans : first.out);
    markBusy(true);
    clearTimeout(app.deferred);
    app.deferred = setTimeout(function () { computeYear(app); }, app.yearDrawn ? DEFER_MS : 0);
  } else {
    clearTimeout(app.deferred);
    var a = answerTo(app, toScenario(st, app.distances), true);
    if (app.engine.failed()) { app.failed(); return; }
    renderResults(app, app.results, a.out, a.ans, a.err, a.quiet);
    drawBar(app, a);
    app.answerChanged(a.err ? a.ans : a.out);
  }
  showPairIssues(app.issues || {});
  app.layoutChanged();
}
// The whole year of a large family (deferred), drawn in pages.
function computeYear(app) {
  app.yearDrawn = true;
  var a = answerTo(app, toScenario(app.state, app.distances), true);
  if (app.engine.failed()) { app.failed(); return; }
  renderResults(app, app.results, a.out, a.ans, a.err, a.quiet);
  if (a.err) drawBar(app, a, app.state.expenses.length);
  markBusy(false);
  app.layoutChanged();
}
function markBusy(on) {
  var box = document.getElementById('results');
  if (!box) return;
  if (on) box.setAttribute('aria-busy', 'true'); else box.removeAttribute('aria-busy');
}

// The answer bar alone, for the first answer of a family the HTML does not hold (a link, a
// remembered family, an example at a place): app.js lets it paint before it builds the forms and
// results below it, which compute() then draws with the same answer. False when the engine failed.
export function computeAnswerBar(app) {
  var st = app.state, big = st.expenses.length > BIG;
  var a = answerTo(app, toScenario(st, app.distances, big ? { expenses: [0] } : null), !big);
  if (app.engine.failed()) return false;
  drawBar(app, a, big ? st.expenses.length : undefined);
  return true;
}
