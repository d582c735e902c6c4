// The counties (counties.json, built from data/counties.json): fetched the first time a typed
// place fits none (views/place-field.js, through app.counties), then kept on the app object.
// Resolves with the index (model/places.js countyIndex), or null where the file cannot be had
// (offline before it was ever fetched; the unbuilt sources): then there are no county suggestions.
import { countyIndex } from '../model/places.js';

export function loadCounties(app) {
  if (!app.countyLoad) {
    var got = typeof fetch === 'function' ? fetch('counties.json', { credentials: 'same-origin' }) : Promise.reject(new Error('no fetch'));
    app.countyLoad = got.then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (byCity) { return countyIndex(byCity); }, function () { return null; });
  }
  return app.countyLoad;
}
