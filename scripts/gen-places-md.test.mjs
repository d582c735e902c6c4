// Tests for scripts/gen-places-md.mjs on a small made-up data set (no cargo, no files):
//   node --test scripts/gen-places-md.test.mjs
// Whether the committed docs/PLACES.md matches the real data is `node scripts/gen-places-md.mjs --check`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { bestGrade, counts, factKind, render } from "./gen-places-md.mjs";

const src = (grade, extra = {}) => ({ title: `T ${grade}`, publisher: "P", date: "2024-01-01", grade, ...extra });
const fact = (from_place, on, nb, by, grade = "official_news") =>
  on ? { on, from_place, sources: [src(grade)] } : { not_before: nb, by, from_place, sources: [src(grade)] };

// What `gongji regions` gives: every fact resolved, with the place it comes from.
function regionsFixture() {
  const facts = (o) => ({
    sharing_from: fact("national", null, "2021-04-22", "2024-10-31", "official_copy"),
    cross_city_from: fact("national", null, "2021-04-22", "2024-10-31"),
    close_relatives_from: fact("national", null, "2024-08-01", "2024-12-09"),
    resident_premium_from: fact("national", null, "2021-04-22", "2024-12-09"),
    cross_province_from: fact("national", null, "2021-04-22", "2026-01-09"),
    ...o,
  });
  return [
    { id: "national", kind: "national", name: "全国", checked: "2026-12-04", facts: facts({}) },
    {
      id: "p1", kind: "province", name: "甲省", checked: "2026-12-04",
      facts: facts({
        sharing_from: fact("p1", null, "2016-08-01", "2017-03-01", "official_news_copy"), // widened by its city
        close_relatives_from: fact("p1", "2024-10-01", null, null, "official"),
        cross_city_from: fact("p1", null, "2021-04-22", "2024-08-27"),
      }),
    },
    {
      id: "c1", kind: "city", name: "乙市", checked: "2026-11-29",
      facts: facts({
        sharing_from: fact("c1", "2017-03-01", null, null, "official_copy"),
        close_relatives_from: fact("p1", "2024-10-01", null, null, "official"),
        cross_city_from: fact("p1", null, "2021-04-22", "2024-08-27"),
      }),
    },
  ];
}

// What the place files state themselves.
function ownFixture() {
  return {
    national: {
      id: "national",
      facts: Object.fromEntries(
        Object.entries(regionsFixture()[0].facts).map(([k, f]) => [k, { not_before: f.not_before, by: f.by, sources: f.sources }]),
      ),
    },
    p1: {
      id: "p1",
      facts: {
        sharing_from: { on: "2016-08-01", sources: [src("official_news_copy")] },
        close_relatives_from: { on: "2024-10-01", sources: [src("official")] },
        cross_city_from: { not_before: "2021-04-22", by: "2024-08-27", sources: [src("official_news")] },
      },
      circles: [{ items: ["commercial_insurance"], only: ["self", "spouse", "parent", "child"], from: "2022-07-01", sources: [src("official", { url: "https://x.gov.cn/a" })] }],
      pooling: { on: "2020-01-01", sources: [src("official_copy", { read_at: "http://copy/a|b" })] },
    },
    c1: {
      id: "c1", code: "330100",
      facts: { sharing_from: { on: "2017-03-01", sources: [src("official_copy", { read_at: "http://copy/c" })] } },
      items: [{ item: "glasses", own: "no", shared: "no", from: "2025-07-23", sources: [src("official_copy", { read_at: "http://copy/d" })] }],
      withdrawal: [{ case: "death", text: "t", sources: [src("official")] }],
    },
  };
}

const extra = {
  checked: "2026-12-04",
  lists: [{ cutoff: "2024-08-27", published: "2024-08-27", cross_city: "25个", close_relatives: "3个", sources: [src("official_news")] }],
  rules: ["规则一"],
  places: { c1: { all: "没有找到 | 任何" }, gone: { all: "不在 regions 里的地方也列出" } },
};

test("bestGrade picks the highest grade and ignores unknown ones", () => {
  assert.equal(bestGrade([src("official_news_copy"), src("official_copy")]), "official_copy");
  assert.equal(bestGrade([src("nonsense")]), "");
  assert.equal(bestGrade([]), "");
});

test("factKind tells own exact, own window, varies by city and inherited apart", () => {
  const r = regionsFixture();
  const own = ownFixture();
  assert.deepEqual(factKind(r[1], own.p1, "close_relatives_from").kind, "exact");
  assert.deepEqual(factKind(r[1], own.p1, "cross_city_from").kind, "window");
  assert.deepEqual(factKind(r[1], own.p1, "sharing_from").kind, "varies");
  const k = factKind(r[2], own.c1, "close_relatives_from");
  assert.equal(k.kind, "inherited");
  assert.equal(k.from, "p1");
  assert.equal(factKind(r[2], own.c1, "sharing_from").kind, "exact");
});

test("counts per field", () => {
  const c = counts(regionsFixture(), ownFixture());
  assert.deepEqual(c.sharing_from, { exact: 1, window: 1, varies: 1, inherited: 0 });
  assert.deepEqual(c.cross_province_from, { exact: 0, window: 1, varies: 0, inherited: 2 });
  assert.deepEqual(c.close_relatives_from, { exact: 1, window: 1, varies: 0, inherited: 1 });
  assert.equal(c.circles.places, 1);
  assert.equal(c.pooling.places, 1);
  assert.equal(c.items.places, 1);
  assert.equal(c.withdrawal.places, 1);
});

test("render: lists, one row per place, counts, sources by grade, not found", () => {
  const md = render(regionsFixture(), ownFixture(), extra);
  assert.match(md, /^# Places: what is known, by place/);
  assert.match(md, /Do not edit by hand/);
  assert.match(md, /\| 2024-08-27 \| 2024-08-27 \| 25个 \| 3个 \|/);
  assert.match(md, /- 规则一/);
  assert.match(md, /\| p1 \| 甲省 \|  \| window 2016-08-01 … 2017-03-01, varies by city \(official_news_copy\) \| window 2021-04-22 … 2024-08-27 \(official_news\) \| exact \*\*2024-10-01\*\* \(official\) \|/);
  assert.match(md, /\| c1 \| 乙市 \| 330100 \| exact \*\*2017-03-01\*\* \(official_copy\) \| inherited ← p1 \|/);
  assert.match(md, /circle commercial_insurance: only 本人、配偶、父母、子女 from 2022-07-01 \(official\)/);
  assert.match(md, /pooling 2020-01-01 \(official_copy\)/);
  assert.match(md, /glasses own no\/shared no from 2025-07-23 \(official_copy\); withdrawal: death \(official\)/);
  assert.match(md, /## Counts \(3 places: national, 1 provinces incl\. 兵团, 1 cities\)/);
  assert.match(md, /\| `sharing_from` \| 1 \| 1 \| 1 \| 0 \|/);
  // Distinct sources are counted once, by grade; a copy's address is "read at".
  assert.match(md, /Distinct sources: official 2, official_copy 4, official_news 1, official_news_copy 1\./);
  assert.match(md, /read at http:\/\/copy\/c/);
  // A "|" inside a text never breaks a table row.
  assert.match(md, /\*\*乙市\*\* \(c1\) — all: 没有找到 \| 任何/);
  assert.match(md, /\*\*gone\*\* \(gone\)/);
  for (const line of md.split("\n").filter((l) => l.startsWith("| p1 ") || l.startsWith("| c1 "))) {
    assert.equal(line.split(/(?<!\\)\|/).length, 11, line);
  }
});

test("render is deterministic", () => {
  assert.equal(render(regionsFixture(), ownFixture(), extra), render(regionsFixture(), ownFixture(), extra));
});
