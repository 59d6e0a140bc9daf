/**
 * Text the page adds after load (single-page sites, infinite scroll, live news): a
 * MutationObserver queues the added nodes, and the queue is drained when the browser is idle
 * (at the latest after DRAIN_WAIT_MS), in slices, into the blocks that hold new Chinese text.
 * New means: not Dubao's own (ruby, UI), not inside inputs or editable areas, and holding text
 * nodes the page index does not have yet, so nothing annotated is annotated again.
 */
import { countHan } from '../text/han';
import { isChrome } from './content-blocks';
import { isRubyNode } from './ruby';
import { runSliced, type Work } from './schedule';
import { isSkipped, textNodes, UI_HOST_ATTR } from './walk';

/** Fewer Han characters than this in a block is not text worth annotating (a time stamp, a counter). */
export const MIN_ADDED_HAN = 10;

/** The longest an addition waits for an idle moment before it is looked at. */
export const DRAIN_WAIT_MS = 100;

export interface AdditionHooks {
  /** Is this text node already annotated (in the page index)? */
  indexed(node: Text): boolean;
  /** New blocks, in the order the page added them. */
  onBlocks(blocks: Element[]): void;
}

type IdleWindow = Window & { requestIdleCallback?: (cb: () => void, opts: { timeout: number }) => number };

export class AdditionWatcher {
  private queue: Node[] = [];
  private scheduled = false;
  private observer: MutationObserver;

  constructor(
    private doc: Document,
    private hooks: AdditionHooks,
    private signal: AbortSignal,
  ) {
    const MO = (doc.defaultView as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver;
    this.observer = new MO((records) => {
      for (const r of records) r.addedNodes.forEach((n) => this.queue.push(n));
      this.schedule();
    });
    if (doc.body) this.observer.observe(doc.body, { childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      this.observer.disconnect();
      this.queue = [];
    });
  }

  private schedule(): void {
    if (this.scheduled || !this.queue.length || this.signal.aborted) return;
    this.scheduled = true;
    const win = this.doc.defaultView as IdleWindow;
    const run = () => void this.drain().catch(() => undefined);
    if (win.requestIdleCallback) win.requestIdleCallback(run, { timeout: DRAIN_WAIT_MS });
    else win.setTimeout(run, 0);
  }

  private async drain(): Promise<void> {
    this.scheduled = false;
    const nodes = this.queue;
    this.queue = [];
    const blocks = await runSliced(this.blocksOf(nodes), this.signal);
    if (blocks.length && !this.signal.aborted) this.hooks.onBlocks(blocks);
    this.schedule();
  }

  /** The blocks of new text among added nodes: the outermost new elements, split around text already annotated. */
  *blocksOf(nodes: Node[]): Work<Element[]> {
    // Text nodes stand for their element; only the outermost of nested candidates is looked at.
    const candidates = new Set<Element>();
    for (const n of nodes) {
      if (!n.isConnected || isRubyNode(n)) continue;
      const el = n.nodeType === 1 ? (n as Element) : n.nodeType === 3 ? n.parentElement : null;
      if (el) candidates.add(el);
    }
    const out: Element[] = [];
    let k = 0;
    for (const el of candidates) {
      if (++k % 50 === 0) yield;
      if (hasAncestorIn(el, candidates) || !this.mayHoldText(el)) continue;
      out.push(...(yield* this.freshParts(el)));
    }
    return out;
  }

  /** Re-check blocks just before they are annotated (the page or a rescan may have moved on). */
  *stillFresh(blocks: Element[]): Work<Element[]> {
    const out: Element[] = [];
    for (const b of blocks) if (b.isConnected && this.mayHoldText(b)) out.push(...(yield* this.freshParts(b)));
    return out;
  }

  /** Not the document itself, not ours, not in a skipped or editable subtree, not page chrome. */
  private mayHoldText(el: Element): boolean {
    const tag = el.tagName.toUpperCase();
    if (tag === 'BODY' || tag === 'HTML') return false;
    for (let e: Element | null = el; e; e = e.parentElement) {
      if (isSkipped(e) || e.hasAttribute('data-dubao') || e.hasAttribute(UI_HOST_ATTR) || isRubyNode(e)) return false;
      if ((e as HTMLElement).isContentEditable) return false;
    }
    return !isChrome(el);
  }

  /**
   * `el` itself if all its Chinese text is new; its children, looked at in turn, if some of it is
   * annotated already (the page moved an article into a new wrapper); nothing if too little is new.
   */
  private *freshParts(el: Element): Work<Element[]> {
    let fresh = 0;
    let old = false;
    let n = 0;
    for (const t of textNodes(el)) {
      if (++n % 500 === 0) yield;
      if (isRubyNode(t) || (t.parentElement && isRubyNode(t.parentElement))) continue;
      if (this.hooks.indexed(t)) old = true;
      else fresh += countHan(t.data);
    }
    if (fresh < MIN_ADDED_HAN) return [];
    if (!old) return [el];
    const out: Element[] = [];
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (!isSkipped(c)) out.push(...(yield* this.freshParts(c)));
    return out;
  }
}

function hasAncestorIn(el: Element, set: Set<Element>): boolean {
  for (let e = el.parentElement; e; e = e.parentElement) if (set.has(e)) return true;
  return false;
}

/** Run the re-check sliced (the controller's side). */
export const freshBlocks = (w: AdditionWatcher, blocks: Element[], signal: AbortSignal): Promise<Element[]> => runSliced(w.stillFresh(blocks), signal);
