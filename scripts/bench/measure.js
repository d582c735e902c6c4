// The timing loop shared by the Node and Chromium wasm benchmarks (plain script, ES2017; also
// loaded as text into the browser page). Calls are timed in batches of at least 5 ms, so timer
// resolution (Chromium rounds performance.now()) does not matter; the median is per call.
function gongjiMeasure(name, scenario, evaluateFn, now) {
  var t0 = now();
  var first = evaluateFn(scenario);
  var firstMs = now() - t0;
  if (first && first.error) throw new Error(name + ': refused: ' + JSON.stringify(first.error));
  if (firstMs > 100) {
    // A slow scenario (the kinship blow-up of issue 11 took seconds): three more single calls.
    var slow = [];
    for (var k = 0; k < 3; k++) { var s0 = now(); evaluateFn(scenario); slow.push(now() - s0); }
    slow.sort(function (x, y) { return x - y; });
    return { scenario: name, runs: 3, median_us: +(slow[1] * 1000).toFixed(2), min_us: +(slow[0] * 1000).toFixed(2) };
  }
  var warm = 0, w0 = now();
  while (now() - w0 < 300) { evaluateFn(scenario); warm++; }
  var one = Math.max((now() - w0) / warm, 0.0005);
  var batch = Math.max(1, Math.ceil(5 / one));
  var batches = Math.min(200, Math.max(15, Math.round(1000 / (one * batch))));
  var times = [];
  for (var b = 0; b < batches; b++) {
    var t = now();
    for (var i = 0; i < batch; i++) evaluateFn(scenario);
    times.push((now() - t) / batch);
  }
  times.sort(function (x, y) { return x - y; });
  return { scenario: name, runs: batches * batch, median_us: +(times[times.length >> 1] * 1000).toFixed(2), min_us: +(times[0] * 1000).toFixed(2) };
}
if (typeof module !== 'undefined') module.exports = gongjiMeasure;
