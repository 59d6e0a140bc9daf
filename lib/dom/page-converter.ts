/**
 * Simplified ↔ traditional in place: text nodes and the title, alt, placeholder and aria-label
 * attributes, never inputs' values, textareas or editable areas. Originals are kept (not
 * re-converted) so that switching off restores the page exactly. Content added later is
 * converted in batches; our own writes never re-trigger the observer, and a value equal to the
 * one there is never written (two extensions' observers would otherwise feed each other).
 */
import { isSkipped, UI_HOST_ATTR } from './walk';
import { isHan } from '../text/han';
import { newSliceStats, runSliced, runSync, type Work } from './schedule';
import { runPerFrame } from './frame-pace';

export const CONVERTED_ATTRS = ['title', 'alt', 'placeholder', 'aria-label'] as const;

export type ConvertFn = (texts: string[]) => Promise<string[]>;

/** Elements walked, and values put back, per step of a sliced run. */
const COLLECT_PER_STEP = 200;
/**
 * Characters of text written (converted or put back) per frame: the browser lays out each frame's
 * changed text in the next frame, and a batch of 400 paragraphs at once made a frame of ~100 ms.
 */
export const CONVERT_CHARS_PER_FRAME = 12_000;

interface AttrTarget {
  el: Element;
  name: string;
}

type Target = { kind: 'text'; node: Text } | ({ kind: 'attr' } & AttrTarget);

export class PageConverter {
  private texts = new Map<Text, { original: string; written: string }>();
  private attrs = new Map<Element, Map<string, { original: string; written: string }>>();
  private observer: MutationObserver;
  private pending = new Set<Node>();
  private timer = 0;
  private running: Promise<void> = Promise.resolve();

  /** The counts runPerFrame keeps of the paced writes. */
  readonly stats = newSliceStats();

  constructor(private doc: Document, private convert: ConvertFn, private onChanged: () => void, private signal: AbortSignal) {
    this.observer = new (doc.defaultView as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver((records) => this.onMutations(records));
    signal.addEventListener('abort', () => this.restore());
  }

  /** Convert the whole page, then keep converting what the page adds. */
  async start(): Promise<void> {
    // Observe first: what the page adds while the first pass waits for the background is
    // caught by the observer instead of being missed.
    this.started = true;
    this.observe();
    await this.convertUnder(this.doc.body);
  }

  /** Put every original back (only where the value is still ours), in one go (teardown). */
  restore(): void {
    if (!this.started && !this.texts.size && !this.attrs.size) return; // nothing of ours left
    runSync(this.restoreWork());
  }

  /**
   * The same as work paced by frames (frame-pace.ts runPerFrame): a step puts back one value and
   * yields its length. Observing stops at once: what the page adds meanwhile stays as the page wrote it.
   */
  *restoreWork(): Generator<number, void, void> {
    this.started = false;
    this.observer.disconnect();
    this.doc.defaultView?.clearTimeout(this.timer);
    this.pending.clear();
    const texts = this.texts;
    const attrs = this.attrs;
    this.texts = new Map();
    this.attrs = new Map();
    for (const [node, { original, written }] of texts) {
      if (node.data === written) node.data = original;
      yield original.length;
    }
    for (const [el, m] of attrs) {
      for (const [name, { original, written }] of m) if (el.getAttribute(name) === written) el.setAttribute(name, original);
      yield 1;
    }
  }

  /** Convert now what the page added and is waiting for its batch; resolves when all batches so far are written. */
  async settle(): Promise<void> {
    const records = this.observer.takeRecords();
    if (records.length) this.onMutations(records);
    if (this.pending.size) {
      this.doc.defaultView?.clearTimeout(this.timer);
      this.flush();
    }
    await this.running;
  }

  /** Text nodes and attributes to convert under `root`: a step looks at up to COLLECT_PER_STEP elements. */
  private *collect(root: Node, nodes: Text[], attrs: AttrTarget[]): Work<void> {
    let seen = 0;
    const stack: Node[] = [];
    if (root.nodeType === 3) {
      const p = root.parentElement;
      if (p && !closestSkipped(p) && isHan((root as Text).data)) nodes.push(root as Text);
    } else if (root.nodeType === 1 && !closestSkipped((root as Element).parentElement)) stack.push(root);
    // Depth first in document order (children pushed last-first); text nodes are visited as they come.
    while (stack.length) {
      const n = stack.pop()!;
      if (n.nodeType === 3) {
        if (isHan((n as Text).data)) nodes.push(n as Text);
        continue;
      }
      const el = n as Element;
      if (++seen % COLLECT_PER_STEP === 0) yield;
      if (el.hasAttribute(UI_HOST_ATTR) || el.hasAttribute('data-dubao')) continue;
      const ce = el.getAttribute('contenteditable');
      if (ce !== null && ce !== 'false') continue;
      for (const name of CONVERTED_ATTRS) {
        const v = el.getAttribute(name);
        if (v && isHan(v)) attrs.push({ el, name });
      }
      if (isSkipped(el) || el.tagName === 'RT') continue;
      for (let c = el.lastChild; c; c = c.previousSibling) if (c.nodeType === 3 || c.nodeType === 1) stack.push(c);
    }
  }

  private async convertUnder(...roots: Node[]): Promise<void> {
    const nodes: Text[] = [];
    const attrs: AttrTarget[] = [];
    // The walk over a big page is sliced: the browser gets the thread back between slices.
    await runSliced(
      (function* (self: PageConverter) {
        for (const root of roots) yield* self.collect(root, nodes, attrs);
      })(this),
    );
    const targets: Target[] = [...nodes.map((node) => ({ kind: 'text' as const, node })), ...attrs.map((a) => ({ kind: 'attr' as const, ...a }))];
    // One message per batch of strings; written a frame's share at a time (frame-pace.ts), our
    // observer off while a share is written and on again after it (afterShare, same task).
    const BATCH = 400;
    for (let i = 0; i < targets.length; i += BATCH) {
      const slice = targets.slice(i, i + BATCH);
      const strings = slice.map((t) => (t.kind === 'text' ? this.sourceOf(t.node) : this.attrSource(t)));
      const out = await this.convert(strings);
      await runPerFrame(this.doc.defaultView!, this.writeWork(slice, strings, out), this.stats, this.signal, { budget: CONVERT_CHARS_PER_FRAME, afterShare: () => this.resume() });
    }
    if (targets.length) this.onChanged();
  }

  private sourceOf(node: Text): string {
    const kept = this.texts.get(node);
    return kept && node.data === kept.written ? kept.original : node.data;
  }

  private attrSource({ el, name }: AttrTarget): string {
    const kept = this.attrs.get(el)?.get(name);
    const v = el.getAttribute(name) ?? '';
    return kept && v === kept.written ? kept.original : v;
  }

  private writeText(node: Text, original: string, converted: string): void {
    if (!node.isConnected) return;
    if (node.data !== converted) node.data = converted;
    this.texts.set(node, { original, written: converted });
  }

  private writeAttr({ el, name }: AttrTarget, original: string, converted: string): void {
    if (el.getAttribute(name) !== converted) el.setAttribute(name, converted);
    let m = this.attrs.get(el);
    if (!m) this.attrs.set(el, (m = new Map()));
    m.set(name, { original, written: converted });
  }

  /** Write converted values, one a step (each yields its length: the frame's share is counted in characters). */
  private *writeWork(slice: Target[], strings: string[], out: string[]): Generator<number, void, void> {
    for (let j = 0; j < slice.length; j++) {
      this.pause();
      const t = slice[j];
      if (t.kind === 'text') this.writeText(t.node, strings[j], out[j]);
      else this.writeAttr(t, strings[j], out[j]);
      yield strings[j].length;
    }
  }

  private paused = false;

  /** Our observer off before our own writes (their records are not wanted); the page's changes before them are. */
  private pause(): void {
    if (this.paused) return;
    this.paused = true;
    const before = this.observer.takeRecords();
    if (before.length) this.onMutations(before);
    this.observer.disconnect();
  }

  /** Observe again after a share of our writes. */
  private resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.started) this.observe();
  }

  private started = false;

  private observe(): void {
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: [...CONVERTED_ATTRS] });
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach((n) => this.pending.add(n));
      else if (r.type === 'characterData') this.pending.add(r.target);
      else if (r.type === 'attributes') this.pending.add(r.target);
    }
    // Batch: pages that add content in bursts get one conversion per burst; a page that never
    // stops adding still gets a batch at least every 500 ms (debounce with a maximum wait).
    const win = this.doc.defaultView!;
    win.clearTimeout(this.timer);
    const now = performance.now();
    this.firstPending ??= now;
    const wait = now - this.firstPending > 500 ? 0 : 100;
    this.timer = win.setTimeout(() => this.flush(), wait);
  }

  private firstPending: number | null = null;

  private flush(): void {
    this.firstPending = null;
    const roots = [...this.pending].filter((n) => n.isConnected);
    this.pending.clear();
    // One conversion at a time: batches queue behind each other instead of piling up in parallel.
    const top = roots.filter((r) => !roots.some((o) => o !== r && o.contains(r)));
    this.running = this.running.then(() => this.convertUnder(...top));
  }
}

function closestSkipped(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) {
    if (isSkipped(e) || e.hasAttribute('data-dubao')) return true;
  }
  return false;
}
