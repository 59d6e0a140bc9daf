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

export class RubyLayer {
  private replaced: Array<{ original: Text; run: Element }> = [];

  constructor(private doc: Document) {}

  /**
   * Put readings over `nodes`; `readings(node)` gives one syllable per UTF-16 index ('' where
   * no Han character starts). Returns the number of characters annotated. A step makes at most
   * RUBY_PER_STEP ruby elements, so that a page's worth runs sliced (runSliced) without a long task.
   */
  *applyWork(nodes: Text[], readings: (node: Text) => string[], opts: RubyOptions): Work<number> {
    let count = 0;
    let made = 0;
    for (const node of nodes) {
      if (!node.parentNode || !node.isConnected || (node.parentNode as Element).closest?.('ruby')) continue;
      const syl = readings(node);
      const data = node.data;
      const inserted: Node[] = [];
      let plain = '';
      const flush = () => {
        if (plain) inserted.push(this.doc.createTextNode(plain));
        plain = '';
      };
      for (let i = 0; i < data.length; ) {
        const ch = cpAt(data, i);
        if (isHan(ch) && syl[i]) {
          flush();
          inserted.push(this.rubyFor(ch, syl[i], opts));
          count++;
          if (++made % RUBY_PER_STEP === 0) yield;
        } else plain += ch;
        i += ch.length;
      }
      flush();
      // The page may have moved the node while we yielded: only a node still in place is replaced.
      const parent = node.parentNode;
      if (!parent || !node.isConnected || !inserted.some((n) => n.nodeType === 1)) continue;
      const run = this.doc.createElement(RUBY_RUN_TAG);
      run.setAttribute('data-dubao', 'ruby-run');
      rubyNodes.add(run);
      for (const n of inserted) rubyNodes.add(n);
      run.append(...inserted);
      parent.replaceChild(run, node);
      this.replaced.push({ original: node, run });
    }
    return count;
  }

  /** applyWork in one go (a selection: a few nodes). */
  apply(nodes: Text[], readings: (node: Text) => string[], opts: RubyOptions): number {
    return runSync(this.applyWork(nodes, readings, opts));
  }

  private rubyFor(ch: string, syllable: string, opts: RubyOptions): HTMLElement {
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
   * text node back (run it sliced: runSliced).
   */
  *removeWork(): Work<void> {
    const replaced = this.replaced.reverse();
    this.replaced = [];
    for (const { original, run } of replaced) {
      if (!run.parentNode) continue; // the page took it away
      rubyNodes.add(original);
      run.parentNode.replaceChild(original, run);
      yield;
    }
  }

  /** removeWork in one go (teardown: the content script is going away). */
  remove(): void {
    runSync(this.removeWork());
  }

  get active(): boolean {
    return this.replaced.length > 0;
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
