/**
 * Ruby pinyin over article text: each Han character of a text node becomes
 * <ruby>字<rp>(</rp><rt>zì</rt><rp>)</rp></ruby>; other characters stay text. A text node's
 * ruby is built off the page in one inline wrapper (<dubao-pinyin>, no style of its own) that
 * takes the node's place in one DOM operation, and gives it back in one: a page with thousands
 * of live ranges (highlights) pays for each insertion or removal, so one per text node, not one
 * per character. The original Text nodes are kept and put back on removal, so the DOM is
 * exactly as before. Inserted elements carry data-dubao so that our scanners and observers pass
 * over them.
 */
import { cpAt, isHan } from '../text/han';
import type { PinyinStyle } from '../settings/model';
import { splitTone, styleSyllable } from '../pinyin/style';
import { runSync, type Work } from './schedule';
import type { NodeView } from './page-index';

/** Ruby elements made per step of a sliced run (taking off is one text node's wrapper per step). */
export const RUBY_PER_STEP = 16;

/** The element that holds one text node's ruby in its place. */
export const RUBY_RUN_TAG = 'dubao-pinyin';

/**
 * Nodes ruby put into the page: the elements and text it inserts, and the originals it puts back
 * on removal. Watchers of page additions (page-additions.ts) pass over them: they are not new text.
 */
const rubyNodes = new WeakSet<Node>();

export const isRubyNode = (node: Node): boolean => rubyNodes.has(node);

export interface RubyOptions {
  style: PinyinStyle;
  toneColors: boolean;
}

/** A text node ruby took out of the page: its wrapper and the text nodes that now hold its characters. */
interface Replaced {
  original: Text;
  run: Element;
  /** The wrapper's text outside <rt>/<rp> (plain runs and base characters), in order, with where each starts in `original`. */
  pieces: Array<{ node: Text; start: number }>;
}

/**
 * Also a NodeView (page-index.ts): the page index keeps its models over the original text nodes,
 * and reads through this layer where ruby has put pieces in their place, so that highlights,
 * hover cards and the sidebar keep working without the page being scanned again.
 */
export class RubyLayer implements NodeView {
  private replaced: Replaced[] = [];
  private byOriginal = new Map<Text, Replaced>();
  private byPiece = new WeakMap<Text, { original: Text; start: number }>();

  constructor(private doc: Document) {}

  /** Has ruby replaced this text node (or is it one of ruby's own)? */
  covers(node: Text): boolean {
    return this.byOriginal.has(node) || this.byPiece.has(node);
  }

  /**
   * Put readings over `nodes`; `readings(node)` gives one syllable per UTF-16 index ('' where
   * no Han character starts). Returns the number of characters annotated. A step makes at most
   * RUBY_PER_STEP ruby elements, so that a page's worth runs sliced (runSliced) without a long task.
   * `replaced` hears of each node as its ruby takes its place (lazy-ruby.ts: whose ranges to move).
   */
  *applyWork(nodes: Text[], readings: (node: Text) => string[], opts: RubyOptions, replaced?: (node: Text) => void): Work<number> {
    let count = 0;
    let made = 0;
    for (const node of nodes) {
      if (!node.parentNode || !node.isConnected || this.covers(node) || (node.parentNode as Element).closest?.(`ruby, ${RUBY_RUN_TAG}`)) continue;
      const syl = readings(node);
      const data = node.data;
      const inserted: Node[] = [];
      const pieces: Replaced['pieces'] = [];
      let plain = '';
      let plainStart = 0;
      const flush = () => {
        if (plain) {
          const t = this.doc.createTextNode(plain);
          inserted.push(t);
          pieces.push({ node: t, start: plainStart });
        }
        plain = '';
      };
      let n = 0;
      for (let i = 0; i < data.length; ) {
        const ch = cpAt(data, i);
        if (isHan(ch) && syl[i]) {
          flush();
          const base = this.doc.createTextNode(ch);
          inserted.push(this.rubyFor(base, syl[i], opts));
          pieces.push({ node: base, start: i });
          n++;
          if (++made % RUBY_PER_STEP === 0) yield;
        } else {
          if (!plain) plainStart = i;
          plain += ch;
        }
        i += ch.length;
      }
      flush();
      // The page may have moved the node while we yielded: only a node still in place is replaced.
      const parent = node.parentNode;
      if (!parent || !node.isConnected || !n) continue;
      const run = this.doc.createElement(RUBY_RUN_TAG);
      run.setAttribute('data-dubao', 'ruby-run');
      rubyNodes.add(run);
      for (const x of inserted) rubyNodes.add(x);
      run.append(...inserted);
      parent.replaceChild(run, node);
      const entry = { original: node, run, pieces };
      this.replaced.push(entry);
      this.byOriginal.set(node, entry);
      for (const p of pieces) this.byPiece.set(p.node, { original: node, start: p.start });
      count += n;
      replaced?.(node);
    }
    return count;
  }

  /** applyWork in one go (a selection: a few nodes). */
  apply(nodes: Text[], readings: (node: Text) => string[], opts: RubyOptions): number {
    return runSync(this.applyWork(nodes, readings, opts));
  }

  private rubyFor(ch: Text, syllable: string, opts: RubyOptions): HTMLElement {
    const ruby = this.doc.createElement('ruby');
    ruby.setAttribute('data-dubao', 'ruby');
    ruby.className = 'dubao-ruby';
    if (opts.toneColors) ruby.classList.add(`dubao-t${splitTone(syllable).tone}`);
    const rp1 = this.doc.createElement('rp');
    rp1.textContent = '(';
    const rt = this.doc.createElement('rt');
    rt.textContent = styleSyllable(syllable, opts.style);
    const rp2 = this.doc.createElement('rp');
    rp2.textContent = ')';
    ruby.append(ch, rp1, rt, rp2);
    return ruby;
  }

  /**
   * Remove all ruby, putting the original Text nodes back where they were; a step gives one
   * text node back and yields the number of ruby elements that went with it (frame-pace.ts
   * runPerFrame paces by it); `restored` hears of each original put back.
   */
  *removeWork(restored?: (node: Text) => void): Generator<number, void, void> {
    const replaced = this.replaced.reverse();
    this.replaced = [];
    this.byOriginal.clear();
    this.byPiece = new WeakMap();
    for (const { original, run } of replaced) {
      if (!run.parentNode) continue; // the page took it away
      rubyNodes.add(original);
      run.parentNode.replaceChild(original, run);
      restored?.(original);
      yield run.childElementCount;
    }
  }

  /** removeWork in one go (teardown: the content script is going away). */
  remove(): void {
    for (const _ of this.removeWork());
  }

  get active(): boolean {
    return this.replaced.length > 0;
  }

  /** NodeView: where (original node, offset) is now; an end offset binds to the character before it. */
  forward(node: Text, offset: number, isEnd: boolean): { node: Text; offset: number } {
    const entry = this.byOriginal.get(node);
    if (!entry) return { node, offset };
    const { pieces } = entry;
    // The last piece starting before the offset (at or before it, for a start).
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (isEnd ? pieces[mid].start < offset : pieces[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const p = pieces[lo];
    return { node: p.node, offset: Math.max(0, Math.min(p.node.data.length, offset - p.start)) };
  }

  /** NodeView: the original node and offset for a point in one of ruby's pieces (null elsewhere). */
  back(node: Node, offset: number): { node: Text; offset: number } | null {
    const p = this.byPiece.get(node as Text);
    return p ? { node: p.original, offset: p.start + offset } : null;
  }
}

/**
 * Syllables given one per Han character of `text` (as the background sends them), spread to
 * the UTF-16 index where each of those characters starts ('' elsewhere).
 */
export function spreadSyllables(text: string, perHan: string[]): string[] {
  const out: string[] = new Array(text.length).fill('');
  let k = 0;
  for (let i = 0; i < text.length; ) {
    const ch = cpAt(text, i);
    if (isHan(ch)) out[i] = perHan[k++] ?? '';
    i += ch.length;
  }
  return out;
}
