// The engine's lists, read once and indexed: catalogue(), rules(), regions(), relations(),
// limits() (the module's exports; the build's prerender gives the native CLI's same tables).
// The page keeps no copy of any of them (issue 24 item 1). Pure.
import { makePlaces } from './places.js';
import { SHORT_REL, KIN_WORDS, ITEM_SHORT } from './labels.js';

export function makeTables(src) {
  var t = {
    catalogue: src.catalogue || [], itemById: {},
    rulesById: {},
    relations: src.relations || [], relById: {},
    places: makePlaces(src.regions || []),
    limits: src.limits || null
  };
  t.catalogue.forEach(function (c) { t.itemById[c.id] = c; });
  (src.rules || []).forEach(function (r) { t.rulesById[r.id] = r; });
  t.relations.forEach(function (r) { t.relById[r.id] = r; });
  return t;
}

// Is the item paid as a premium (an amount only: no 结算单, no card)? The catalogue's kind says.
export function isPremium(t, id) { var c = t.itemById[id]; return !!c && c.kind === 'premium'; }
// A generation above 我 (likely retired): relations()' `elder`.
export function isElder(t, rel) { var r = t.relById[rel]; return !!r && !!r.elder; }
// The relations `via` may name for a relation ([] when via means nothing).
export function viaOf(t, rel) { var r = t.relById[rel]; return r && r.via ? r.via : []; }
// The item's words on a chip: the page's short word, else the catalogue's name.
export function itemWord(t, id) { var c = t.itemById[id]; return ITEM_SHORT[id] || (c ? c.name : id); }
export function itemName(t, id) { var c = t.itemById[id]; return c ? c.name : id; }
// The venue an item happens at first (the catalogue lists where each may happen).
export function venueFor(t, id, venue) {
  var c = t.itemById[id];
  if (c && c.venues && c.venues.length && c.venues.indexOf(venue) < 0) return c.venues[0];
  return venue;
}

// The relation choices for a select: relations() in the engine's order, a relation with two
// words (公公/岳父) as two choices. Each: [value, words, relation id, name word or ''].
export function relationChoices(t) {
  var out = [];
  t.relations.forEach(function (r) {
    var words = KIN_WORDS[r.id];
    if (words) words.forEach(function (w, i) { out.push([i ? r.id + ':' + w[0] : r.id, w[0] + '（' + w[1] + '）', r.id, w[0]]); });
    else out.push([r.id, r.name, r.id, '']);
  });
  return out;
}
// The choice a member is shown with: 岳父 when the relation is father_in_law and the name says 岳父.
export function relationChoice(relation, name) {
  var words = KIN_WORDS[relation];
  if (words) for (var i = 1; i < words.length; i++) if (name === words[i][0]) return relation + ':' + words[i][0];
  return relation;
}
// A choice's value -> { relation, word } (word: the name it brings, '' if none).
export function readChoice(value) {
  var i = String(value).indexOf(':');
  var rel = i < 0 ? value : value.slice(0, i);
  var words = KIN_WORDS[rel];
  return { relation: rel, word: i < 0 ? (words ? words[0][0] : '') : value.slice(i + 1) };
}
// The name a new member with this relation gets: the short word, the first kin word, the engine's name.
export function relationWord(t, rel, word) {
  if (word) return word;
  if (KIN_WORDS[rel]) return KIN_WORDS[rel][0][0];
  if (SHORT_REL[rel]) return SHORT_REL[rel];
  var r = t.relById[rel];
  return r ? r.name : rel;
}
// A name the page itself gave (so a new relation may replace it): a short word or a kin word.
export function isPageWord(t, name) {
  if (!name) return true;
  for (var k in SHORT_REL) if (SHORT_REL[k] === name) return true;
  for (var r in KIN_WORDS) if (KIN_WORDS[r].some(function (w) { return w[0] === name; })) return true;
  return t.relations.some(function (r) { return r.name === name; });
}
