// The engine's calls during use. Every call into the module goes through guard(): a throw (a
// trap included) marks the engine as failed, and from then on no call is made and the failure
// is shown instead of any answer (after a trap the module's memory cannot be trusted).
var FAILED = { error: { code: 'engine_failed', field: '', message: '计算出错了，请重新加载页面。' } };

// mod: the module's exports; onFailure: shows the failure (the app object's `failed`).
// -> { evaluate, advise, withdrawal, credit, failed() (the error that made it fail, or null) }
export function guarded(mod, onFailure) {
  var failure = null;
  function guard(fn) {
    return function (arg) {
      if (failure) return FAILED;
      try { return fn(arg); } catch (e) { failure = e || new Error('engine failed'); onFailure(failure); return FAILED; }
    };
  }
  return { evaluate: guard(mod.evaluate), advise: guard(mod.advise), withdrawal: guard(mod.withdrawal), credit: guard(mod.credit),
    failed: function () { return failure; } };
}
