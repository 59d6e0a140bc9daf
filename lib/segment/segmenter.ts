/**
 * Segmentation behind one interface: jieba-wasm where a browser runs it, nodejieba in Node.
 * Both use jieba's dictionary; a unit test lists where they disagree on the fixtures.
 */
import { cpUnits } from '../text/han';
import type { Span } from '../text/span';

export interface Segmenter {
  readonly name: string;
  /** Words of `text`, in order, concatenating back to `text` exactly. */
  cut(text: string): string[];
  /** Add a word (glossary term, name) so it is kept whole. */
  addWord(word: string, freq?: number): void;
}

/** A word of the text: [start, end) in UTF-16 offsets. */
export type Token = Span;

/**
 * Cut `text` into tokens with UTF-16 offsets. Long inputs are cut paragraph by paragraph:
 * jieba's DAG is per sentence anyway, and smaller calls keep memory flat.
 */
export function tokenize(seg: Segmenter, text: string): Token[] {
  const out: Token[] = [];
  let base = 0;
  for (const part of splitForCut(text)) {
    let pos = 0;
    const gap = (to: number) => {
      // Characters the segmenter dropped or changed (lone surrogates, NULs): one token per code point.
      while (pos < to) {
        const len = cpUnits(part, pos);
        out.push({ start: base + pos, end: base + pos + len });
        pos += len;
      }
    };
    for (const w of seg.cut(part)) {
      if (!w) continue;
      const at = part.startsWith(w, pos) ? pos : part.indexOf(w, pos);
      if (at < 0) continue; // a word the segmenter normalised: resynchronise on the next one
      gap(at);
      out.push({ start: base + at, end: base + at + w.length });
      pos = at + w.length;
    }
    gap(part.length);
    base += part.length;
  }
  return out;
}

/** Split at newlines, keeping them, into pieces of at most ~4,000 characters. */
export function splitForCut(text: string, max = 4000): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      if (nl > start) end = nl + 1;
      else {
        // No newline: do not split a surrogate pair.
        const code = text.charCodeAt(end - 1);
        if (code >= 0xd800 && code <= 0xdbff) end--;
      }
    }
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}
