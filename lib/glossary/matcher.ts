/**
 * Finding glossary terms in text: every form (simplified, variants, traditional), longest match
 * first, not inside a longer word the segmenter found. A character trie over all forms: one pass
 * over the text, a few map lookups per Han character, whatever the glossary's size.
 */
import type { GlossaryEntry } from './schema';
import { allForms } from './all-forms';

export interface TermMatch {
  id: string;
  /** The form as written on the page. */
  term: string;
  start: number;
  end: number;
}

interface Node {
  next: Map<string, Node>;
  id?: string;
}

export interface Matcher {
  match(text: string, tokens?: ReadonlyArray<{ start: number; end: number }>): TermMatch[];
  /** Number of forms indexed. */
  size: number;
}

export function buildMatcher(entries: GlossaryEntry[]): Matcher {
  const root: Node = { next: new Map() };
  let size = 0;
  for (const e of entries) {
    for (const form of allForms(e)) {
      let node = root;
      for (const ch of form) {
        let n = node.next.get(ch);
        if (!n) node.next.set(ch, (n = { next: new Map() }));
        node = n;
      }
      if (!node.id) size++;
      node.id ??= e.id;
    }
  }
  const insideAllowed = new Set(entries.filter((e) => e.match_inside_words).map((e) => e.id));

  return {
    size,
    match(text, tokens) {
      // Token boundaries: a match must start and end on one, or it sits inside a longer word
      // (考察 in 考察团 is fine as a word, but 三定 must not match inside 三定向).
      let startOk: Uint8Array | null = null;
      let endOk: Uint8Array | null = null;
      if (tokens && tokens.length) {
        startOk = new Uint8Array(text.length + 1);
        endOk = new Uint8Array(text.length + 1);
        for (const t of tokens) {
          startOk[t.start] = 1;
          endOk[t.end] = 1;
        }
      }
      const out: TermMatch[] = [];
      let i = 0;
      while (i < text.length) {
        let node = root.next.get(text[i]);
        let best: { end: number; id: string } | null = null;
        let j = i + 1;
        // Forms are BMP Han in practice; astral characters simply never match a trie edge.
        while (node) {
          if (node.id && (!startOk || insideAllowed.has(node.id) || (startOk[i] && endOk![j]))) best = { end: j, id: node.id };
          if (j >= text.length) break;
          node = node.next.get(text[j]);
          j++;
        }
        if (best) {
          out.push({ id: best.id, term: text.slice(i, best.end), start: i, end: best.end });
          i = best.end;
        } else i++;
      }
      return out;
    },
  };
}
