// The engine's tables for the page's unit tests: the built package's Node entry (www/pkg, made by
// scripts/build-wasm.sh), loaded once. Only the lists (catalogue, rules, regions, relations,
// limits) and the types' unions are read here; no page code calls the engine in these tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../..');
const PKG = path.join(REPO, 'www/pkg');

let loaded = null;
export async function engine() {
  if (loaded) return loaded;
  if (!fs.existsSync(path.join(PKG, 'gongji.node.js'))) throw new Error('www/pkg is missing: run scripts/build-wasm.sh first');
  const mod = await import(path.join(PKG, 'gongji.node.js'));
  await mod.default();
  loaded = { mod, catalogue: mod.catalogue(), rules: mod.rules(), regions: mod.regions(), relations: mod.relations(), limits: mod.limits() };
  return loaded;
}
// A string-literal union of the package's types ('Insurance', 'Venue', 'Answer', …) as a list.
export function union(name) {
  const dts = fs.readFileSync(path.join(PKG, 'gongji.d.ts'), 'utf8');
  const m = new RegExp('export type ' + name + ' =([^;]*);').exec(dts);
  if (!m) throw new Error('gongji.d.ts has no type ' + name);
  return [...m[1].matchAll(/'([a-z_]+)'/g)].map((x) => x[1]);
}
