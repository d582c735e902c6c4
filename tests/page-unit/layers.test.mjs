// www/js in layers (ARCHITECTURE.md, "www/"): model/ (pure) ← views/ (DOM) ← flows/ (engine,
// storage, events, the app object); embed/ (the host page and the builder) uses model and views;
// entry scripts (www/app.js, www/embed-builder.js, www/embed-demo.js) sit apart. These are the
// architecture's invariants, checked on the import lines and the globals each layer touches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './engine.mjs';

const JS = path.join(REPO, 'www/js');
const layer = (d) => fs.readdirSync(path.join(JS, d)).filter((f) => f.endsWith('.js')).map((f) => ({ file: d + '/' + f, text: fs.readFileSync(path.join(JS, d, f), 'utf8') }));
const imports = (t) => [...t.matchAll(/^import\b[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
const code = (t) => t.replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\\n]|\\.)*'/g, "''");

test('www/js holds folders only: model, views, flows, embed', () => {
  const entries = fs.readdirSync(JS).filter((f) => f !== 'package.json');
  assert.deepEqual(entries.sort(), ['embed', 'flows', 'model', 'views']);
});

test('model/ is pure: imports only model/, touches no DOM, storage, location or engine', () => {
  for (const f of layer('model')) {
    for (const i of imports(f.text)) assert.match(i, /^\.\/[a-z-]+\.js$/, f.file + ' imports ' + i);
    assert.doesNotMatch(code(f.text), /\b(document|window|localStorage|sessionStorage|location|navigator|history)\b/, f.file + ' touches the browser');
  }
});

test('views/ draw: import model/ and views/ only, never the engine, flows or embedding', () => {
  for (const f of layer('views')) {
    for (const i of imports(f.text)) assert.match(i, /^(\.\/[a-z-]+|\.\.\/model\/[a-z-]+)\.js$/, f.file + ' imports ' + i);
    assert.doesNotMatch(code(f.text), /\blocalStorage\b|\.evaluate\(|\bpostMessage\b/, f.file + ' stores, calls the engine or posts');
  }
});

test('flows/ and embed/ do not import the entries or each other\'s internals the wrong way', () => {
  for (const f of layer('flows')) for (const i of imports(f.text)) assert.match(i, /^(\.\/[a-z-]+|\.\.\/(model|views)\/[a-z-]+)\.js$/, f.file + ' imports ' + i);
  for (const f of layer('embed')) for (const i of imports(f.text)) assert.match(i, /^(\.\/[a-z-]+|\.\.\/(model|views\/dom)(\/[a-z-]+)?)\.js$/, f.file + ' imports ' + i);
});

test('the app object holds the page\'s state: views/ and flows/ keep none at module level (constants only)', () => {
  for (const f of layer('views').concat(layer('flows'))) {
    const names = [...f.text.matchAll(/^(?:var|let)\s+([^;=]+)/gm)].flatMap((m) => m[1].split(',').map((x) => x.trim().split(/\s/)[0]));
    const body = code(f.text).replace(/^(?:var|let)\s+[^\n]*/gm, '');
    const changed = names.filter((n) => new RegExp('(^|[^.\\w$])' + n.replace(/\$/g, '\\$') + '\\s*([-+*/]?=(?!=)|\\+\\+|--)|(\\+\\+|--)' + n + '\\b').test(body));
    // (views/dom.js numbers the ids of labelled fields: a counter, not the page's state)
    assert.deepEqual(changed.filter((n) => !(f.file === 'views/dom.js' && n === 'seq')), [], f.file + ' changes module-level variables');
  }
});
