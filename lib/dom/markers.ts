/**
 * Article markers: a small badge at the top of each article Dubao found. They live in one
 * shadow root appended to <html>, so the page's DOM inside <body> is never touched and page
 * CSS cannot reach them. Text goes in with textContent only.
 */
import { createUiHost } from './ui-host';

const CSS = `
:host { all: initial; }
.marker { position: absolute; z-index: 2147483646; font: 12px/1.4 system-ui, "Noto Sans CJK SC", sans-serif;
  background: #8b1e1e; color: #fff; border-radius: 4px; padding: 1px 6px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; pointer-events: none; opacity: .92;
  box-shadow: 0 1px 3px rgba(0,0,0,.25); box-sizing: border-box; }
.marker.vertical { writing-mode: vertical-rl; padding: 6px 1px; width: 18px; max-height: 12em; }
.marker.dot { width: 8px; height: 8px; padding: 0; border-radius: 4px; font-size: 0; }
@media (prefers-color-scheme: dark) { .marker { background: #e0a040; color: #1b1b1b; } }
`;

export interface Marker {
  el: Element;
  label: string;
  /** The article's headline (or '' if it has none), kept on the badge as data-title. */
  title?: string;
  /** Where the article starts, when it is a part of `el` (one of several in one text). */
  at?: Range;
}

const GAP = 4;

type Box = { left: number; top: number; width: number; height: number };

/** Is a character of page text drawn at viewport point (x, y)? (caret lookup, then the character's box) */
function textAt(doc: Document, x: number, y: number): boolean {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  let node: Node | null = null;
  let off = 0;
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    node = p?.offsetNode ?? null;
    off = p?.offset ?? 0;
  } else if (d.caretRangeFromPoint) {
    const r = d.caretRangeFromPoint(x, y);
    node = r?.startContainer ?? null;
    off = r?.startOffset ?? 0;
  }
  if (!node || node.nodeType !== 3) return false;
  const t = node as Text;
  const range = doc.createRange();
  for (const o of [off - 1, off]) {
    if (o < 0 || o >= t.length) continue;
    range.setStart(t, o);
    range.setEnd(t, o + 1);
    const b = range.getBoundingClientRect();
    if (b.width && x >= b.left - 1 && x <= b.right + 1 && y >= b.top - 1 && y <= b.bottom + 1) return true;
  }
  return false;
}

/** The box is inside the viewport and no page text is drawn in it (probed every few pixels). */
function isFree(doc: Document, box: Box): boolean {
  const win = doc.defaultView!;
  if (box.left < 0 || box.top < 0 || box.left + box.width > win.innerWidth || box.top + box.height > win.innerHeight) return false;
  for (let x = box.left + 1; x < box.left + box.width; x += 6) {
    for (let y = box.top + 2; y < box.top + box.height; y += 6) if (textAt(doc, x, y)) return false;
  }
  return true;
}

export class MarkerLayer {
  private host: HTMLElement;
  private root: ShadowRoot;
  private items: Array<{ target: Element; at?: Range; badge: HTMLElement }> = [];

  constructor(doc: Document, signal: AbortSignal) {
    ({ host: this.host, root: this.root } = createUiHost(doc, 'dubao-layer', 'markers', CSS));
    this.host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483646;';
    doc.documentElement.append(this.host);
    const onResize = () => this.place();
    doc.defaultView?.addEventListener('resize', onResize, { signal, passive: true });
    doc.defaultView?.addEventListener('scroll', () => this.onScroll(), { signal, passive: true });
    signal.addEventListener('abort', () => this.remove());
  }

  show(markers: Marker[]): void {
    for (const { badge } of this.items) badge.remove();
    this.io?.disconnect();
    this.items = markers.map((m, i) => {
      const badge = this.host.ownerDocument.createElement('div');
      badge.className = 'marker';
      badge.dataset.index = String(i);
      badge.textContent = m.label;
      badge.title = m.label;
      badge.dataset.title = m.title ?? '';
      // Off screen until placed: a badge is never drawn over the page before it has its place.
      badge.style.left = '-9999px';
      this.root.append(badge);
      return { target: m.el, at: m.at, badge };
    });
    this.place();
  }

  private io: IntersectionObserver | null = null;
  private pending = new Set<{ target: Element; at?: Range; badge: HTMLElement }>();

  /**
   * Put a badge beside an article's first line (viewport rect `r`), in the first place where it
   * covers no page text: the left margin, the right margin (as a vertical tab where a column gap
   * is narrow), above the line; else a dot in the margin. Measured only for articles in view.
   */
  private put(badge: HTMLElement, r: { left: number; right: number; top: number }): void {
    const doc = this.host.ownerDocument;
    const win = doc.defaultView!;
    badge.className = 'marker';
    badge.style.maxWidth = '320px';
    const w = Math.min(320, badge.offsetWidth);
    const h = badge.offsetHeight;
    badge.className = 'marker vertical';
    const vh = badge.offsetHeight;
    const candidates: Array<[Box, string]> = [
      [{ left: r.left - GAP - w, top: r.top, width: w, height: h }, ''],
      [{ left: r.right + GAP, top: r.top, width: w, height: h }, ''],
      [{ left: r.left - GAP - 18, top: r.top, width: 18, height: vh }, 'vertical'],
      [{ left: r.right + GAP, top: r.top, width: 18, height: vh }, 'vertical'],
      [{ left: r.left, top: r.top - h - 2, width: w, height: h }, ''],
    ];
    const [box, kind] = candidates.find(([b]) => isFree(doc, b)) ?? [{ left: Math.max(0, r.left - 10), top: r.top + 4, width: 8, height: 8 }, 'dot'];
    badge.className = `marker ${kind}`.trim();
    badge.style.left = `${box.left + win.scrollX}px`;
    badge.style.top = `${box.top + win.scrollY}px`;
  }

  /**
   * Position the badges of the articles in view. The targets' rects come from an
   * IntersectionObserver (delivered with the next rendering, never a forced synchronous layout,
   * which costs hundreds of ms on a million-character page); an article that starts inside a
   * text (a Range) is measured in an animation frame once its block is in view.
   */
  private place(): void {
    const win = this.host.ownerDocument.defaultView;
    if (!win) return;
    this.io?.disconnect();
    this.pending = new Set(this.items);
    const IO = (win as unknown as { IntersectionObserver: typeof IntersectionObserver }).IntersectionObserver;
    const io = new IO((entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        for (const item of this.pending) {
          if (item.target !== e.target || item.at) continue;
          this.put(item.badge, e.boundingClientRect);
          this.pending.delete(item);
        }
        if ([...this.pending].some((x) => x.target === e.target && x.at)) this.placeRanged();
        if (![...this.pending].some((x) => x.target === e.target)) io.unobserve(e.target);
      }
    });
    this.io = io;
    for (const { target } of this.items) io.observe(target);
  }

  private rangedQueued = false;

  /** Place the badges of articles that start inside a text, those whose start is in view. */
  private placeRanged(): void {
    const win = this.host.ownerDocument.defaultView;
    if (!win || this.rangedQueued) return;
    this.rangedQueued = true;
    win.requestAnimationFrame(() => {
      this.rangedQueued = false;
      for (const item of this.pending) {
        if (!item.at) continue;
        const r = item.at.getClientRects()[0] ?? item.at.getBoundingClientRect();
        if (r.bottom < 0 || r.top > win.innerHeight) continue;
        const box = item.target.getBoundingClientRect();
        // Beside the block that holds the text (its margins), at the article's first line.
        this.put(item.badge, { left: box.left, right: box.right, top: r.top });
        this.pending.delete(item);
      }
    });
  }

  /** Scrolling brings more articles into view; the observer does the rest. */
  onScroll(): void {
    // On every scroll event: a plain loop, no copies of the set.
    for (const x of this.pending) if (x.at) return this.placeRanged();
  }

  /**
   * A figure for benchmarks and tests, as data-* on our own host element (readyMs →
   * data-ready-ms): the one channel they reach the page by. The session stamps its ready time
   * and slice counts, the hover cards their latency, the controller its switch times.
   */
  stamp(key: string, value: number): void {
    this.host.dataset[key] = value.toFixed(1);
  }

  remove(): void {
    this.io?.disconnect();
    this.host.remove();
    this.items = [];
  }
}
