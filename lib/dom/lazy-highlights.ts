/**
 * Highlights for big pages: a page with tens of thousands of terms would pay for creating and
 * painting every range at once (a long task). Ranges are registered part by part (a part is
 * ≤ 20,000 characters of an article) when the part comes near the viewport, a few hundred at a
 * time. Nearness comes from an IntersectionObserver, which never forces a synchronous layout
 * (reading rects on a million-character page would). Small pages get all ranges at once.
 *
 * Parts the page adds later join (add), and a refined answer replaces the ranges (replace)
 * without taking any shown highlight away first: the new set is built aside, then swapped in.
 */
import { setHighlight } from './highlights';

const EAGER_LIMIT = 3000;
/** Ranges added to a highlight per task. */
const PER_TASK = 400;

type HighlightLike = { add(r: Range): void };
type HighlightCtor = new () => HighlightLike;
type Registry = { set(n: string, h: unknown): void; delete(n: string): void };

export class PartHighlights {
  private highlight: HighlightLike | null = null;
  private parts: Range[][] = [];
  /** Parts whose ranges are registered (lazy mode). */
  private added = new Set<number>();
  private io: IntersectionObserver | null = null;
  private owner = new Map<Element, number[]>();
  private eager: boolean;
  /** Bumped on replace: sliced additions of an older set stop. */
  private generation = 0;

  constructor(
    private win: Window,
    private name: string,
    parts: Range[][],
    private signal: AbortSignal,
  ) {
    // (A copy: the session keeps its own list of parts, and add() must not grow that one too.)
    this.parts = [...parts];
    this.eager = parts.reduce((n, p) => n + p.length, 0) <= EAGER_LIMIT;
    if (this.eager) {
      setHighlight(win, name, parts.flat());
      this.highlight = this.registered();
      return;
    }
    setHighlight(win, name, []);
    this.watch(parts.map((_, i) => i));
    signal.addEventListener('abort', () => this.io?.disconnect());
  }

  /** The Highlight object registered under our name (null without the API). */
  private registered(): HighlightLike | null {
    const reg = (this.win as unknown as { CSS?: { highlights?: { get?(n: string): unknown } } }).CSS?.highlights;
    return (reg?.get?.(this.name) as HighlightLike | undefined) ?? null;
  }

  private api(): { Ctor: HighlightCtor; reg: Registry } | null {
    const Ctor = (this.win as unknown as { Highlight?: HighlightCtor }).Highlight;
    const reg = (this.win as unknown as { CSS?: { highlights?: Registry } }).CSS?.highlights;
    return Ctor && reg ? { Ctor, reg } : null;
  }

  /** Observe the elements that hold the first and last term of parts `ids` (lazy mode). */
  private watch(ids: number[]): void {
    if (!this.io) {
      const IO = (this.win as unknown as { IntersectionObserver: typeof IntersectionObserver }).IntersectionObserver;
      this.io = new IO(
        (entries) => {
          const queue: Range[] = [];
          for (const e of entries) {
            if (!e.isIntersecting) continue;
            for (const i of this.owner.get(e.target) ?? []) {
              if (this.added.has(i)) continue;
              this.added.add(i);
              queue.push(...this.parts[i]);
            }
          }
          if (queue.length) this.addSliced(queue);
        },
        { rootMargin: '200% 0px 200% 0px' },
      );
    }
    for (const i of ids) {
      const ranges = this.parts[i];
      for (const r of [ranges[0], ranges[ranges.length - 1]]) {
        const el = r?.startContainer.parentElement;
        if (!el) continue;
        const list = this.owner.get(el);
        if (list) list.push(i);
        else {
          this.owner.set(el, [i]);
          this.io.observe(el);
        }
      }
    }
  }

  /** Add ranges to the registered highlight, PER_TASK at a time. */
  private addSliced(queue: Range[]): void {
    if (!this.highlight) {
      const api = this.api();
      if (!api) return;
      this.highlight = new api.Ctor();
      api.reg.set(this.name, this.highlight);
    }
    const gen = this.generation;
    const step = () => {
      if (gen !== this.generation || this.signal.aborted) return;
      for (const r of queue.splice(0, PER_TASK)) this.highlight!.add(r);
      if (queue.length) this.win.setTimeout(step, 0);
    };
    step();
  }

  /** Parts the page added after load: highlighted now (small pages) or as they come near. */
  add(parts: Range[][]): void {
    if (this.signal.aborted) return;
    const first = this.parts.length;
    this.parts.push(...parts);
    if (this.eager) this.addSliced(parts.flat());
    else this.watch(parts.map((_, k) => first + k));
  }

  /**
   * The same parts with new ranges (the refined answer). What is shown is rebuilt aside and
   * swapped in whole, so a term shown in both answers never goes off in between.
   */
  replace(parts: Range[][]): void {
    const api = this.api();
    if (this.signal.aborted || !api) return;
    this.generation++;
    const gen = this.generation;
    const shown = this.eager ? parts.map((_, i) => i) : [...this.added];
    this.parts = [...parts];
    if (!this.eager) {
      // Parts not yet shown are looked up by their (new) ranges when they come near.
      this.owner.clear();
      this.io?.disconnect();
      this.watch(parts.map((_, i) => i).filter((i) => !this.added.has(i)));
    }
    const queue = shown.flatMap((i) => parts[i] ?? []);
    const next = new api.Ctor();
    const step = () => {
      if (gen !== this.generation || this.signal.aborted) return;
      for (const r of queue.splice(0, PER_TASK)) next.add(r);
      if (queue.length) return void this.win.setTimeout(step, 0);
      this.highlight = next;
      api.reg.set(this.name, next);
    };
    step();
  }
}
