// Recompute: the scenario to the engine after every change, and its answer drawn (results, the
// answer bar, bad pairs, stale advice, the host's copy in an article).
// The answer without money: when the full scenario has an input error, the field at fault is set
// aside (an amount left out, a balance or quota not read) so the other answers stay. The amounts
// of this second run are never shown; only answer, headline, payers and next steps are.
// A balance not given yet is asked for only when an amount needs it.
import { toScenario } from './scenario.js';
import { answerOnly } from './answer-only.js';
import { renderResults, renderAnswerBar } from './result.js';
import { showPairIssues } from './forms.js';
import { pairIssues } from './pairs.js';
import { markAdviceStale } from './advice.js';
import { failed } from './engine.js';
import { showFailure } from './failure.js';
import { scheduleSave } from './remember.js';
import { embed, postHeight } from './article-mode.js';
import { postAnswer } from './embed.js';

function anyAmount(st) {
  return st.expenses.some(function (e) { return String((e.mode === 'burden' ? e.burden : e.amount) || '').trim() !== ''; });
}
// The engine's answer to the family: out (or {error}), the field error, and the answer without
// money when there is one (ctx.quiet: a balance not asked for yet).
function answerTo(ctx, scen) {
  var st = ctx.state, evaluate = ctx.engine.evaluate;
  var out = evaluate(scen);
  var err = out && out.error ? out.error : null, ans = null;
  ctx.quiet = false;
  if (err && !failed()) {
    ans = answerOnly(evaluate, scen, err);
    var bm = /^members\[(\d+)\]\.balance$/.exec(err.field || '');
    if (bm && st.members[+bm[1]] && !String(st.members[+bm[1]].balance || '').trim() && !anyAmount(st) && ans) ctx.quiet = true;
  }
  return { out: out, err: err, ans: ans };
}
// The answer bar for an answerTo result: the answer, the answer without money, or the error.
function drawBar(ctx, a) {
  renderAnswerBar(ctx, a.err ? a.ans : a.out, a.err && !a.ans ? a.err : null);
}
export function compute(ctx) {
  var scen = toScenario(ctx.state);
  if (ctx.remember) scheduleSave(ctx);
  var a = answerTo(ctx, scen), out = a.out, err = a.err, ans = a.ans, evaluate = ctx.engine.evaluate;
  if (failed()) { showFailure(ctx); postHeight(); return; }
  renderResults(ctx, out, ans, err);
  drawBar(ctx, a);
  showPairIssues(pairIssues(evaluate, scen));
  markAdviceStale();
  postHeight();
  if (embed) { var shown = err ? ans : out; postAnswer(shown && shown.results ? shown.results[0] : null); }
}

// The answer bar alone, for the first answer of a family the HTML does not hold (a link, a
// remembered family, an example at a place): app.js lets it paint before it builds the forms and
// results below it, which compute() then draws with the same answer. False when the engine failed.
export function computeAnswerBar(ctx) {
  var a = answerTo(ctx, toScenario(ctx.state));
  if (failed()) return false;
  drawBar(ctx, a);
  return true;
}
