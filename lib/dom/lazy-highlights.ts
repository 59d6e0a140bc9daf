/**
 * Highlights for big pages: a page with tens of thousands of terms would pay for creating and
 * painting every range at once (a long task). Ranges are registered part by part (a part is
 * ≤ 20,000 characters of an article) when the part comes near the viewport, a few hundred at a
 * time. Nearness comes from an IntersectionObserver, which never forces a synchronous layout
 * (reading rects on a million-character page would). Small pages get all ranges at once.
 */
import { setHighlight } from './highlights';

const EAGER_LIMIT = 3000;

type HighlightLike = { add(r: Range): void };

export class PartHighlights {
  private highlight: HighlightLike | null = null;

  constructor(
    private win: Window,
    private name: string,
    parts: Range[][],
    signal: AbortSignal,
  ) {
    const total = parts.reduce((n, p) => n + p.length, 0);
    if (total <= EAGER_LIMIT) {
      setHighlight(win, name, parts.flat());
      return;
    }
    setHighlight(win, name, []);
    // Watch the element that holds each part's first and last term.
    const owner = new Map<Element, number[]>();
    parts.forEach((ranges, i) => {
      for (const r of [ranges[0], ranges[ranges.length - 1]]) {
        const el = r?.startContainer.parentElement;
        if (el) owner.set(el, [...(owner.get(el) ?? []), i]);
      }
    });
    const added = new Set<number>();
    const IO = (win as unknown as { IntersectionObserver: typeof IntersectionObserver }).IntersectionObserver;
    const io = new IO(
      (entries) => {
        const queue: Range[] = [];
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          for (const i of owner.get(e.target) ?? []) {
            if (added.has(i)) continue;
            added.add(i);
            queue.push(...parts[i]);
          }
        }
        if (queue.length) this.addSliced(queue);
      },
      { rootMargin: '200% 0px 200% 0px' },
    );
    for (const el of owner.keys()) io.observe(el);
    signal.addEventListener('abort', () => io.disconnect());
  }

  private addSliced(queue: Range[]): void {
    if (!this.highlight) {
      const Ctor = (this.win as unknown as { Highlight?: new () => HighlightLike }).Highlight;
      const reg = (this.win as unknown as { CSS?: { highlights?: { set(n: string, h: unknown): void } } }).CSS?.highlights;
      if (!Ctor || !reg) return;
      this.highlight = new Ctor();
      reg.set(this.name, this.highlight);
    }
    const step = () => {
      for (const r of queue.splice(0, 400)) this.highlight!.add(r);
      if (queue.length) this.win.setTimeout(step, 0);
    };
    step();
  }
}
