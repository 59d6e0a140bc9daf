/**
 * Article markers: a small badge at the top of each article Dubao found. They live in one
 * shadow root appended to <html>, so the page's DOM inside <body> is never touched and page
 * CSS cannot reach them. Text goes in with textContent only.
 */
import { createUiHost } from './ui-host';

const CSS = `
:host { all: initial; }
.marker { position: absolute; z-index: 2147483646; font: 12px/1.4 system-ui, "Noto Sans CJK SC", sans-serif;
  background: #8b1e1e; color: #fff; border-radius: 4px; padding: 1px 6px; max-width: 320px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; pointer-events: none; opacity: .92;
  box-shadow: 0 1px 3px rgba(0,0,0,.25); transform: translateY(-100%); }
@media (prefers-color-scheme: dark) { .marker { background: #e0a040; color: #1b1b1b; } }
`;

export interface Marker {
  el: Element;
  label: string;
}

export class MarkerLayer {
  private host: HTMLElement;
  private root: ShadowRoot;
  private items: Array<{ target: Element; badge: HTMLElement }> = [];

  constructor(doc: Document, signal: AbortSignal) {
    ({ host: this.host, root: this.root } = createUiHost(doc, 'dubao-layer', 'markers', CSS));
    this.host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483646;';
    doc.documentElement.append(this.host);
    const onResize = () => this.place();
    doc.defaultView?.addEventListener('resize', onResize, { signal, passive: true });
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
      this.root.append(badge);
      return { target: m.el, badge };
    });
    this.place();
  }

  private io: IntersectionObserver | null = null;

  /**
   * Position the badges. The targets' rects come from an IntersectionObserver (delivered with
   * the next rendering, never a forced synchronous layout, which costs hundreds of ms on a
   * million-character page).
   */
  private place(): void {
    const win = this.host.ownerDocument.defaultView;
    if (!win) return;
    this.io?.disconnect();
    const IO = (win as unknown as { IntersectionObserver: typeof IntersectionObserver }).IntersectionObserver;
    const io = new IO((entries) => {
      for (const e of entries) {
        const item = this.items.find((x) => x.target === e.target);
        if (!item) continue;
        const r = e.boundingClientRect;
        item.badge.style.left = `${Math.max(0, r.left + win.scrollX)}px`;
        item.badge.style.top = `${Math.max(18, r.top + win.scrollY)}px`;
      }
      io.disconnect();
    });
    this.io = io;
    for (const { target } of this.items) io.observe(target);
  }

  /** A figure for benchmarks, as data-* on our own host element. */
  stamp(key: string, value: number): void {
    this.host.dataset[key] = value.toFixed(1);
  }

  remove(): void {
    this.io?.disconnect();
    this.host.remove();
    this.items = [];
  }
}
