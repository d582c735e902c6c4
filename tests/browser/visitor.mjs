// A visitor's effort, measured: every tap (a select counts two: open + choose; typing into a field
// counts one tap for the field) and every pixel the visitor had to scroll to reach the next thing
// to tap or read. Scrolling done by the page itself (scrollIntoView after a preset) is not counted.
// The screen a visitor sees is the viewport less what the sticky answer bar covers where it is
// stuck (at the top or at the bottom of the screen): a control under it has to be scrolled to.
import assert from 'node:assert/strict';

export class Visitor {
  constructor(page) { this.page = page; this.taps = 0; this.scrolled = 0; this.log = []; }
  // The part of the screen the answer bar does not cover: [top, bottom] in viewport px.
  async free(sel) {
    return this.page.evaluate((s) => {
      const vh = window.innerHeight, bar = document.getElementById('answer'), el = document.querySelector(s);
      if (!bar || !el || bar.contains(el) || getComputedStyle(bar).position !== 'sticky') return [0, vh];
      const r = bar.getBoundingClientRect();
      if (r.height <= 0) return [0, vh];
      if (r.top <= 0.5 && r.bottom > 0) return [r.bottom, vh];
      if (r.bottom >= vh - 0.5 && r.top < vh) return [0, r.top];
      return [0, vh];
    }, sel);
  }
  async reach(sel) {
    const loc = this.page.locator(sel).first();
    await loc.waitFor({ state: 'visible', timeout: 10000 });
    const box = await loc.boundingBox();
    const [top, bottom] = await this.free(sel);
    if (box && (box.y < top || box.y + Math.min(box.height, (bottom - top) / 2) > bottom)) {
      const y0 = await this.page.evaluate(() => window.scrollY);
      await this.page.evaluate((dy) => window.scrollBy(0, dy), Math.round(box.y - top - (bottom - top) / 3));
      const y1 = await this.page.evaluate(() => window.scrollY);
      this.scrolled += Math.abs(y1 - y0);
    }
    return loc;
  }
  async tap(sel) { const loc = await this.reach(sel); await loc.click(); this.taps += 1; this.log.push('tap ' + sel); }
  async type(sel, text) { const loc = await this.reach(sel); await loc.click(); await loc.fill(text); this.taps += 1; this.log.push('type ' + sel); }
  async choose(sel, value) { const loc = await this.reach(sel); await loc.selectOption(value); this.taps += 2; this.log.push('choose ' + sel); }
  async see(sel) { const loc = await this.reach(sel); return (await loc.innerText()).replace(/[\u2068\u2069]/g, ''); }
  figures() { return { taps: this.taps, scrolled: Math.round(this.scrolled) }; }
}

// The answer bar as the visitor sees it: its answer, its visible words (without the isolates
// around names), where it stands on the screen.
export async function answerShown(page) {
  const a = await page.evaluate(() => {
    const el = document.querySelector('[data-answer][role=status]'), r = el.getBoundingClientRect();
    return { answer: el.getAttribute('data-answer'), text: el.innerText, top: r.top, bottom: r.bottom, height: r.height, vh: window.innerHeight };
  });
  a.text = a.text.replace(/[\u2068\u2069]/g, '');
  return a;
}
// Waits until the bar shows `answer` with each of `words` (never a read right after a tap); after
// 15 s it returns anyway, and the caller's checks say what was shown instead.
export async function waitForAnswer(page, answer, words) {
  await page.waitForFunction(([a, ws]) => {
    const el = document.querySelector('[data-answer][role=status]'), t = el.innerText.replace(/[\u2068\u2069]/g, '');
    return el.getAttribute('data-answer') === a && ws.every((w) => t.includes(w));
  }, [answer, words], { timeout: 15000 }).catch(() => {});
}
// Waits for the answer, then checks it shows `answer` with `words`, in view: its top on the screen
// (`wholly`: the whole bar, and at most a third of the screen). Returns the headline's first line.
export async function expectAnswer(page, answer, words, label, { wholly = false } = {}) {
  await waitForAnswer(page, answer, words);
  const a = await answerShown(page);
  assert.ok(a.answer === answer, `${label}: answer ${a.answer}, expected ${answer}: ${a.text}`);
  for (const w of words) assert.ok(a.text.includes(w), `${label}: "${w}" not in "${a.text}"`);
  if (wholly) {
    assert.ok(a.top >= -1 && a.bottom <= a.vh + 1, `${label}: the answer is not (wholly) in view: ${JSON.stringify(a)}`);
    assert.ok(a.height <= a.vh / 3 + 1, `${label}: the answer bar covers more than a third of the screen: ${a.height} of ${a.vh}`);
  } else {
    assert.ok(a.top >= 0 && a.top < a.vh - 40, `${label}: the answer is not in view (top ${a.top})`);
  }
  return a.text.split('\n')[0];
}
