// The page keeps presentation only (issue 24 item 1): every id it has a word for is an id of the
// engine (catalogue(), relations(), the package's types), so a renamed or removed id cannot leave
// a label behind, and no list of the engine's is typed again in the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as L from '../../www/js/model/labels.js';
import { engine, union, REPO } from './engine.mjs';

const E = await engine();
const items = E.catalogue.map((c) => c.id), rels = E.relations.map((r) => r.id);
function subset(keys, of, what) {
  const bad = keys.filter((k) => !of.includes(k));
  assert.deepEqual(bad, [], what + ' names ids the engine does not know');
}

test('labels are keyed by the engine\'s ids', () => {
  subset(Object.keys(L.ITEM_SHORT), items, 'ITEM_SHORT');
  subset(L.QUICK_ITEMS, items, 'QUICK_ITEMS');
  subset(L.COMMON_ITEMS, items, 'COMMON_ITEMS');
  subset(Object.keys(L.SHORT_REL), rels, 'SHORT_REL');
  subset(Object.keys(L.KIN_WORDS), rels, 'KIN_WORDS');
  subset(L.QUICK_PEOPLE, rels, 'QUICK_PEOPLE');
  subset(L.INSURANCE.map((x) => x[0]), union('Insurance'), 'INSURANCE');
  subset(L.QUICK_INSURANCE.map((x) => x[0]), union('Insurance'), 'QUICK_INSURANCE');
  subset(Object.keys(L.VENUES), union('Venue'), 'VENUES');
  subset(Object.keys(L.PAYERS), union('Payer'), 'PAYERS');
  subset(Object.keys(L.VERDICTS), union('Verdict'), 'VERDICTS');
  subset(Object.keys(L.ANSWERS), union('Answer'), 'ANSWERS');
  subset(Object.keys(L.DISTANCES), union('Distance'), 'DISTANCES');
  subset(Object.keys(L.MAY), union('MayPay'), 'MAY');
  subset(Object.keys(L.SEVERITY), union('Severity'), 'SEVERITY');
  subset(L.SITUATIONS.map((x) => x[0]), union('WithdrawalSituation'), 'SITUATIONS');
});

test('every value the engine may send has the page\'s word (answers, verdicts, distances, insurance, venues)', () => {
  assert.deepEqual(union('Answer').filter((a) => !L.ANSWERS[a]), []);
  assert.deepEqual(union('Verdict').filter((a) => !L.VERDICTS[a]), []);
  assert.deepEqual(union('Distance').filter((a) => !L.DISTANCES[a]), []);
  assert.deepEqual(union('Insurance').filter((a) => !L.INSURANCE.some((x) => x[0] === a)), []);
  assert.deepEqual(union('Venue').filter((a) => !L.VENUES[a]), []);
  assert.deepEqual(union('Payer').filter((a) => !L.PAYERS[a]), []);
  assert.deepEqual(union('WithdrawalSituation').filter((a) => !L.SITUATIONS.some((x) => x[0] === a)), []);
  // every relation has a short word for the quick check, or the engine's own name is used
  assert.ok(E.relations.every((r) => L.SHORT_REL[r.id] || L.KIN_WORDS[r.id] || r.name));
});

test('no list of the engine\'s is typed in the page: provinces, cities, items, relations, limits', () => {
  const files = [];
  (function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) { if (e.name !== 'pkg') walk(p); } else if (/\.js$/.test(e.name)) files.push(p); } })(path.join(REPO, 'www'));
  const provinces = E.regions.filter((r) => r.kind === 'province').map((r) => r.names[0]);
  for (const f of files) {
    const t = fs.readFileSync(f, 'utf8');
    const named = provinces.filter((p) => new RegExp("['\"]" + p + "['\"]").test(t));
    const rel = path.relative(REPO, f);
    if (rel === 'www/js/model/presets.js') continue;   // the worked examples' families live somewhere
    assert.ok(named.length < 3, rel + ' types provinces: ' + named.join(' '));
    assert.ok(!/\b(MAX_MEMBERS|MAX_EXPENSES)\b|length\s*<=\s*(30|50|100|200|1000)\b/.test(t), rel + ' types an input limit (use limits())');
    assert.ok(!/crossProvince|provinceOf\(/.test(t), rel + ' works a distance out itself (use payers[].distance)');
  }
});
