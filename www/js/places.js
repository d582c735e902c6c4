// The places the engine has a profile for (regions() of the module, given once at start-up):
// id -> the province (and city) a member there is in, and the cities of a province.
var PLACES = {};
export function setPlaces(list) {
  PLACES = {};
  (list || []).forEach(function (r) { PLACES[r.id] = r; });
}
export function placeById(id) { return PLACES[id] || null; }
function firstName(r) { return r ? ((r.names && r.names[0]) || r.name || '') : ''; }
// The province name of a place id ('' for national or unknown), and its city name ('' if none).
export function placeProvince(id) {
  var r = PLACES[id];
  if (!r) return '';
  if (r.kind === 'city') return firstName(PLACES[r.parent]) || (r.province || '');
  if (r.kind === 'province') return firstName(r);
  return r.province || '';
}
// The cities the engine has a profile for in a province (by its name as members write it).
export function citiesOf(provinceName) {
  var out = [];
  Object.keys(PLACES).forEach(function (id) {
    var r = PLACES[id], parent = r && r.kind === 'city' ? PLACES[r.parent] : null;
    if (parent && provinceName && (parent.names || []).indexOf(provinceName) >= 0) out.push(firstName(r));
  });
  return out.sort();
}
export function placeCity(id) { var r = PLACES[id]; return r && r.kind === 'city' ? firstName(r) : ''; }

