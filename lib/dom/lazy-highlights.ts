/**
 * Highlights for big pages: a page with tens of thousands of terms would pay for creating and
 * painting every range at once (a long task). Ranges are registered part by part (a part is
 * ≤ 20,000 characters of an article) when the part comes near the viewport, a few hundred at a
 * time. Small pages get all their ranges at once.
 */
import { setHighlight } from './highlights';

const EAGER_LIMIT = 3000;

type HighlightLike = { add(r: Range): void };

export class PartHighlights {
  private added = new Set<number>();
  private highlight: HighlightLike | null = null;
  private timer = 0;

  constructor(
    private win: Window,
    private name: string,
    private parts: Range[][],
    signal: AbortSignal,
  ) {
    const total = parts.reduce((n, p) => n + p.length, 0);
    if (total <= EAGER_LIMIT) {
      setHighlight(win, name, parts.flat());
      this.parts = [];
      return;
    }
    setHighlight(win, name, []);
    const onScroll = () => {
      win.clearTimeout(this.timer);
      this.timer = win.setTimeout(() => this.addNearViewport(), 80);
    };
    win.addEventListener('scroll', onScroll, { passive: true, signal });
    win.addEventListener('resize', onScroll, { passive: true, signal });
    this.addNearViewport();
  }

  /** Register the parts within two screens of the viewport, in slices that yield. */
  private addNearViewport(): void {
    const h = this.win.innerHeight;
    const near = this.parts
      .map((ranges, i) => ({ ranges, i }))
      .filter(({ ranges, i }) => {
        if (this.added.has(i) || !ranges.length) return false;
        const top = ranges[0].getBoundingClientRect().top;
        const bottom = ranges[ranges.length - 1].getBoundingClientRect().bottom;
        return bottom > -2 * h && top < 3 * h;
      });
    if (!near.length) return;
    if (!this.highlight) {
      const Ctor = (this.win as unknown as { Highlight?: new () => HighlightLike }).Highlight;
      const reg = (this.win as unknown as { CSS?: { highlights?: { set(n: string, h: unknown): void } } }).CSS?.highlights;
      if (!Ctor || !reg) return;
      this.highlight = new Ctor();
      reg.set(this.name, this.highlight);
    }
    const queue = near.flatMap(({ ranges, i }) => (this.added.add(i), ranges));
    const step = () => {
      for (const r of queue.splice(0, 400)) this.highlight!.add(r);
      if (queue.length) this.win.setTimeout(step, 0);
    };
    step();
  }
}
