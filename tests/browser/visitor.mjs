// A visitor's effort, measured: every tap (a select counts two: open + choose; typing into a field
// counts one tap for the field) and every pixel the visitor had to scroll to reach the next thing
// to tap or read. Scrolling done by the page itself (scrollIntoView after a preset) is not counted.
export class Visitor {
  constructor(page) { this.page = page; this.taps = 0; this.scrolled = 0; this.log = []; }
  async reach(sel) {
    const loc = this.page.locator(sel).first();
    await loc.waitFor({ state: 'visible', timeout: 10000 });
    const vh = await this.page.evaluate(() => window.innerHeight);
    const box = await loc.boundingBox();
    if (box && (box.y < 0 || box.y + Math.min(box.height, vh / 2) > vh)) {
      const y0 = await this.page.evaluate(() => window.scrollY);
      await this.page.evaluate((dy) => window.scrollBy(0, dy), Math.round(box.y - vh / 3));
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
