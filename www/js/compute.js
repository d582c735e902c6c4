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
export function compute(ctx) {
  var st = ctx.state, scen = toScenario(st), evaluate = ctx.engine.evaluate;
  if (ctx.remember) scheduleSave(ctx);
  var out = evaluate(scen);
  var err = out && out.error ? out.error : null, ans = null;
  ctx.quiet = false;
  if (err && !failed()) {
    ans = answerOnly(evaluate, scen, err);
    var bm = /^members\[(\d+)\]\.balance$/.exec(err.field || '');
    if (bm && st.members[+bm[1]] && !String(st.members[+bm[1]].balance || '').trim() && !anyAmount(st) && ans) ctx.quiet = true;
  }
  if (failed()) { showFailure(ctx); postHeight(); return; }
  renderResults(ctx, out, ans, err);
  renderAnswerBar(ctx, err ? ans : out, err && !ans ? err : null);
  showPairIssues(pairIssues(evaluate, scen));
  markAdviceStale();
  postHeight();
  if (embed) { var shown = err ? ans : out; postAnswer(shown && shown.results ? shown.results[0] : null); }
}
