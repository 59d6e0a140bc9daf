/**
 * Ruby pinyin over article text: each Han character of a text node becomes
 * <ruby>字<rp>(</rp><rt>zì</rt><rp>)</rp></ruby>; other characters stay text. The original
 * Text nodes are kept and put back on removal, so the DOM is exactly as before.
 * Inserted elements carry data-dubao so that our scanners and observers pass over them.
 */
import { cpAt, isHan } from '../text/han';
import type { PinyinStyle } from '../settings/model';
import { splitTone, styleSyllable } from '../pinyin/style';

export interface RubyOptions {
  style: PinyinStyle;
  toneColors: boolean;
}

export class RubyLayer {
  private replaced: Array<{ original: Text; inserted: Node[] }> = [];

  constructor(private doc: Document) {}

  /**
   * Put readings over `nodes`; `readings(node)` gives one syllable per UTF-16 index ('' where
   * no Han character starts). Returns the number of characters annotated.
   */
  apply(nodes: Text[], readings: (node: Text) => string[], opts: RubyOptions): number {
    let count = 0;
    for (const node of nodes) {
      const parent = node.parentNode;
      if (!parent || !node.isConnected || (parent as Element).closest?.('ruby')) continue;
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
        } else plain += ch;
        i += ch.length;
      }
      flush();
      if (!inserted.some((n) => n.nodeType === 1)) continue;
      const frag = this.doc.createDocumentFragment();
      frag.append(...inserted);
      parent.replaceChild(frag, node);
      this.replaced.push({ original: node, inserted });
    }
    return count;
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

  /** Remove all ruby, putting the original Text nodes back where they were. */
  remove(): void {
    for (const { original, inserted } of this.replaced.reverse()) {
      const first = inserted.find((n) => n.parentNode);
      if (first?.parentNode) first.parentNode.insertBefore(original, first);
      for (const n of inserted) n.parentNode?.removeChild(n);
    }
    this.replaced = [];
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
