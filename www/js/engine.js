// The engine's calls during use. Every call into the module goes through guard(): a throw (a
// trap included) marks the engine as failed, and from then on no call is made and the failure
// is shown instead of any answer (after a trap the module's memory cannot be trusted).
var failure = null, whenFailed = function () {};
var FAILED = { error: { code: 'engine_failed', field: '', message: '计算出错了，请重新加载页面。' } };

// The error that made the engine fail, or null while it works.
export function failed() { return failure; }

function engineFailed(e) {
  failure = e || new Error('engine failed');
  whenFailed();
}
function guard(fn) {
  return function (arg) {
    if (failure) return FAILED;
    try { return fn(arg); } catch (e) { engineFailed(e); return FAILED; }
  };
}

// The module's question-answering exports, guarded; onFailure shows the failure (js/failure.js).
export function guarded(mod, onFailure) {
  whenFailed = onFailure;
  return { evaluate: guard(mod.evaluate), advise: guard(mod.advise), withdrawal: guard(mod.withdrawal), credit: guard(mod.credit) };
}
