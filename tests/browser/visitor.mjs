// A visitor's effort, measured: every tap (a select counts two: open + choose; typing into a field
// counts one tap for the field) and every pixel the visitor had to scroll to reach the next thing
// to tap or read. Scrolling done by the page itself (scrollIntoView after a preset) is not counted.
// The screen a visitor sees is the viewport less what the sticky answer bar covers where it is
// stuck (at the top or at the bottom of the screen): a control under it has to be scrolled to.
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
