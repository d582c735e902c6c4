#!/usr/bin/env node
// Writes docs/PLACES.md from the place data, so the page is never typed by hand.
//
//   node scripts/gen-places-md.mjs            run `cargo run -q --release -- regions`, write docs/PLACES.md
//   node scripts/gen-places-md.mjs --stdin    read the `regions` JSON from stdin instead
//   node scripts/gen-places-md.mjs --check    exit 1 (and say where) if docs/PLACES.md is not what
//                                             the data gives; nothing is written
//   --out FILE                                write FILE instead of docs/PLACES.md
//
// Inputs: the `regions` JSON (every place with its facts resolved along its chain, `from_place`
// naming where each value comes from), data/places/*.json (what each place states itself: its code,
// circles, items, money model, credit, withdrawal), and docs/places-not-found.json (the national
// lists, the rules that turn them into windows, and what was searched and not found). No
// dependencies; the output depends only on the inputs (no dates, no ordering from the file system).

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

export const FACTS = ["sharing_from", "cross_city_from", "close_relatives_from", "resident_premium_from", "cross_province_from"];
const FACT_CN = {
  sharing_from: "家庭共济起点",
  cross_city_from: "省内跨市",
  close_relatives_from: "近亲属",
  resident_premium_from: "代缴居民医保",
  cross_province_from: "跨省",
};
const LISTS = ["pooling", "circles", "items", "shareable", "credit", "withdrawal", "notes", "channels"];
export const GRADES = ["official", "official_copy", "official_news", "official_news_copy"];
const RELATION_CN = {
  self: "本人", spouse: "配偶", parent: "父母", child: "子女", sibling: "兄弟姐妹", grandparent: "祖父母",
  grandchild: "孙子女", spouse_parent: "配偶的父母", child_spouse: "子女的配偶",
};

/** The best (highest) grade of a list of sources, or "" when there is none. */
export function bestGrade(sources) {
  let best = GRADES.length;
  for (const s of sources || []) best = Math.min(best, GRADES.indexOf(s.grade) < 0 ? GRADES.length : GRADES.indexOf(s.grade));
  return best < GRADES.length ? GRADES[best] : "";
}

function span(f) {
  return f.on ? [f.on, f.on] : [f.not_before, f.by];
}

/**
 * How a place has one fact: `exact` / `window` (its own file states it), `varies` (its own value,
 * widened by build.rs because its cities differ), or `inherited` (from `from_place`).
 */
export function factKind(place, own, name) {
  const f = place.facts[name];
  if (!f) return { kind: "none" };
  const [nb, by] = span(f);
  const mine = own && own.facts && own.facts[name];
  if (f.from_place !== place.id) return { kind: "inherited", from: f.from_place, nb, by, grade: bestGrade(f.sources) };
  if (mine) {
    const [mnb, mby] = span(mine);
    if (mnb !== nb || mby !== by) return { kind: "varies", nb, by, grade: bestGrade(f.sources) };
  } else {
    return { kind: "varies", nb, by, grade: bestGrade(f.sources) };
  }
  return { kind: nb === by ? "exact" : "window", nb, by, grade: bestGrade(f.sources) };
}

function dates(k) {
  return k.nb === k.by ? k.nb : `${k.nb} … ${k.by}`;
}

function factCell(k, names) {
  switch (k.kind) {
    case "exact":
      return `exact **${k.nb}** (${k.grade})`;
    case "window":
      return `window ${dates(k)} (${k.grade})`;
    case "varies":
      return `window ${dates(k)}, varies by city (${k.grade})`;
    case "inherited":
      return `inherited ← ${k.from}`;
    default:
      return "—";
  }
}

const esc = (s) => String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");

function relations(list) {
  return (list || []).map((r) => RELATION_CN[r] || r).join("、");
}

function circleText(c) {
  const what = c.items && c.items.length ? c.items.join("/") : "all items";
  const who = c.only ? `only ${relations(c.only)}` : `+${relations(c.add)}`;
  const end = c.until ? ` until ${c.until}` : c.ends ? ` ends ${c.ends.not_before} … ${c.ends.by}` : "";
  return `${what}: ${who} from ${c.from}${end} (${bestGrade(c.sources)})`;
}

function ownLists(own) {
  const parts = [];
  if (!own) return "—";
  if (own.pooling) {
    const [nb, by] = span(own.pooling);
    parts.push(`pooling ${nb === by ? nb : `${nb} … ${by}`} (${bestGrade(own.pooling.sources)})`);
  }
  for (const c of own.circles || []) parts.push(`circle ${circleText(c)}`);
  for (const s of own.shareable || []) {
    const floor = s.floor ? ` ¥${s.floor}` : "";
    parts.push(`money ${s.model}${floor} from ${s.from}${s.until ? ` until ${s.until}` : ""}${s.ordered ? ", ordered" : ""} (${bestGrade(s.sources)})`);
  }
  for (const d of own.items || []) {
    const v = [d.own ? `own ${d.own}` : "", d.shared ? `shared ${d.shared}` : ""].filter(Boolean).join("/");
    parts.push(`${d.item} ${v} from ${d.from} (${bestGrade(d.sources)})`);
  }
  if ((own.credit || []).length) parts.push(`credit ×${own.credit.length} (${bestGrade(own.credit.flatMap((c) => c.sources))})`);
  if ((own.withdrawal || []).length)
    parts.push(`withdrawal: ${own.withdrawal.map((w) => w.case).join(", ")} (${bestGrade(own.withdrawal.flatMap((w) => w.sources))})`);
  if ((own.notes || []).length) parts.push(`notes ×${own.notes.length}`);
  return parts.length ? parts.map(esc).join("; ") : "—";
}

function sourceKey(s) {
  return [s.title, s.date, s.grade, s.url || "", s.read_at || ""].join("\u0001");
}

/** Every source object anywhere in a place file. */
function* sourcesIn(x) {
  if (Array.isArray(x)) for (const y of x) yield* sourcesIn(y);
  else if (x && typeof x === "object") {
    if (typeof x.title === "string" && typeof x.grade === "string" && typeof x.date === "string") yield x;
    else for (const v of Object.values(x)) yield* sourcesIn(v);
  }
}

/** Counts of own values per field: {field: {exact, window, items}} (items: places with an own list). */
export function counts(regions, own) {
  const out = {};
  for (const f of FACTS) out[f] = { exact: 0, window: 0, varies: 0, inherited: 0 };
  for (const l of LISTS) out[l] = { places: 0 };
  for (const p of regions) {
    const o = own[p.id];
    for (const f of FACTS) {
      const k = factKind(p, o, f);
      if (k.kind in out[f]) out[f][k.kind] += 1;
    }
    for (const l of LISTS) {
      const v = o && o[l];
      if (Array.isArray(v) ? v.length : v) out[l].places += 1;
    }
  }
  return out;
}

export function render(regions, own, extra) {
  const names = Object.fromEntries(regions.map((p) => [p.id, p.name]));
  const checked = regions.map((p) => p.checked).sort().at(-1);
  const L = [];
  L.push("# Places: what is known, by place");
  L.push("");
  L.push("<!-- Generated by scripts/gen-places-md.mjs from `gongji regions`, data/places/*.json and");
  L.push("     docs/places-not-found.json. Do not edit by hand: change the data and run");
  L.push("     `node scripts/gen-places-md.mjs` (`--check` verifies this file). -->");
  L.push("");
  L.push(`Checked ${checked} from stored copies of public pages (no live web). Every value in \`data/places/*.json\``);
  L.push("carries its sources; this page only summarises them. A value is **exact** (one day), a **window** (known");
  L.push("only to lie between two days: the answer inside it is `depends`), **varies by city** (the province's value");
  L.push("widened by build.rs to the earliest and latest date of its cities, SPEC §10.1) or **inherited** from the");
  L.push("place named. The grade is the best grade among the value's sources.");
  L.push("");
  L.push("## How the windows were built (国家医保局's dated lists)");
  L.push("");
  L.push("| cutoff | published | cross-city (省内跨统筹区) | 近亲属 | sources (grade) |");
  L.push("|---|---|---|---|---|");
  for (const l of extra.lists || []) {
    const src = l.sources.map((s) => `${s.publisher} ${s.date} (${s.grade})`).join("; ");
    L.push(`| ${esc(l.cutoff)} | ${esc(l.published)} | ${esc(l.cross_city)} | ${esc(l.close_relatives)} | ${esc(src)} |`);
  }
  L.push("");
  L.push("Rules used:");
  L.push("");
  for (const r of extra.rules || []) L.push(`- ${r}`);
  L.push("");
  L.push("## Table");
  L.push("");
  L.push(`| id | name | code | ${FACTS.map((f) => `${f} (${FACT_CN[f]})`).join(" | ")} | own circles, items, money model, credit, withdrawal |`);
  L.push(`|---|---|---|${FACTS.map(() => "---").join("|")}|---|`);
  for (const p of regions) {
    const o = own[p.id];
    const code = (o && o.code) || "";
    const cells = FACTS.map((f) => factCell(factKind(p, o, f), names));
    L.push(`| ${p.id} | ${esc(p.name)} | ${code} | ${cells.join(" | ")} | ${ownLists(o)} |`);
  }
  L.push("");
  const c = counts(regions, own);
  const kinds = { national: 0, province: 0, city: 0 };
  for (const p of regions) kinds[p.kind] = (kinds[p.kind] || 0) + 1;
  L.push(`## Counts (${regions.length} places: national, ${kinds.province} provinces incl. 兵团, ${kinds.city} cities)`);
  L.push("");
  L.push("| fact | own exact | own window | varies by city | inherited |");
  L.push("|---|---|---|---|---|");
  for (const f of FACTS) L.push(`| \`${f}\` | ${c[f].exact} | ${c[f].window} | ${c[f].varies} | ${c[f].inherited} |`);
  L.push("");
  L.push("| field | places with their own value |");
  L.push("|---|---|");
  for (const l of LISTS) L.push(`| \`${l}\` | ${c[l].places} |`);
  L.push("");
  // Sources by grade (distinct sources over every place file).
  const seen = new Map();
  for (const id of Object.keys(own).sort()) for (const s of sourcesIn(own[id])) if (!seen.has(sourceKey(s))) seen.set(sourceKey(s), s);
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, []]));
  for (const s of seen.values()) (byGrade[s.grade] || (byGrade[s.grade] = [])).push(s);
  L.push("## Sources by grade");
  L.push("");
  L.push(`Distinct sources: ${GRADES.map((g) => `${g} ${byGrade[g].length}`).join(", ")}.`);
  L.push("`url` is the government original (or the news site); a copy's address is given as “read at”.");
  for (const g of GRADES) {
    L.push("");
    L.push(`### ${g} (${byGrade[g].length})`);
    L.push("");
    const list = byGrade[g].slice().sort((a, b) => (a.date + a.title < b.date + b.title ? -1 : a.date + a.title > b.date + b.title ? 1 : 0));
    for (const s of list) {
      const where = [s.url ? s.url : "", s.read_at ? `read at ${s.read_at}` : ""].filter(Boolean).join("; ");
      L.push(`- ${s.date} ${s.publisher ? `${s.publisher}: ` : ""}${s.title}${where ? ` — ${where}` : ""}`);
    }
  }
  L.push("");
  L.push(`## Searched, not found (${extra.checked || checked})`);
  L.push("");
  L.push("Only what an official page or official news states is used; what only content farms, local portals");
  L.push("(本地宝) or aggregators say is listed here as not found, never as a source.");
  L.push("");
  const nf = extra.places || {};
  const order = regions.map((p) => p.id).concat(Object.keys(nf).filter((id) => !names[id]).sort());
  for (const id of order) {
    const e = nf[id];
    if (!e) continue;
    const fields = Object.keys(e).map((k) => `${k}: ${e[k]}`);
    L.push(`- **${names[id] || id}** (${id}) — ${fields.join(" ")}`);
  }
  L.push("");
  return L.join("\n");
}

export function readOwn(dir) {
  const own = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const p = JSON.parse(readFileSync(join(dir, f), "utf8"));
    own[p.id] = p;
  }
  return own;
}

function regionsJson(fromStdin) {
  if (fromStdin) return readFileSync(0, "utf8");
  return execFileSync("cargo", ["run", "-q", "--release", "--", "regions"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
}

function main(argv) {
  const check = argv.includes("--check");
  const stdin = argv.includes("--stdin");
  const outAt = argv.indexOf("--out");
  const out = outAt >= 0 ? argv[outAt + 1] : join(ROOT, "docs", "PLACES.md");
  const regions = JSON.parse(regionsJson(stdin));
  const own = readOwn(join(ROOT, "data", "places"));
  const extraPath = join(ROOT, "docs", "places-not-found.json");
  const extra = existsSync(extraPath) ? JSON.parse(readFileSync(extraPath, "utf8")) : {};
  const text = render(regions, own, extra);
  if (check) {
    const have = existsSync(out) ? readFileSync(out, "utf8") : "";
    if (have !== text) {
      const a = have.split("\n");
      const b = text.split("\n");
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
      console.error(`${out} is out of date (first difference at line ${i + 1}); run: node scripts/gen-places-md.mjs`);
      process.exit(1);
    }
    console.log(`${out} is up to date`);
    return;
  }
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
