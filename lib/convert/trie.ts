/**
 * A trie over opencc-js's dictionary strings. opencc-js's own Trie (core.js) returns only the
 * longest match at a position; word-aware conversion needs every match there (the longest
 * one may end inside a word), and which dictionary each came from. Same data, same
 * precedence: within a group the first dictionary wins, within one the last line does.
 */
import { cpLength } from '../text/han';
import type { DictSpec } from './dicts';

export interface TrieNode {
  next: Map<number, TrieNode> | null;
  value: string | undefined;
  /** Value from a vocabulary dictionary: whole words only. */
  words: boolean;
}

export interface Trie {
  root: TrieNode;
  /** Some value differs in code-point count from its key. */
  changesLength: boolean;
}

const node = (): TrieNode => ({ next: null, value: undefined, words: false });

export function buildTrie(dicts: DictSpec[]): Trie {
  const root = node();
  let changesLength = false;
  // Last dictionary first, so that earlier ones overwrite (opencc-js's loadDictGroup).
  for (let k = dicts.length - 1; k >= 0; k--) {
    const { data, words = false } = dicts[k];
    for (const line of data.split('|')) {
      const sp = line.indexOf(' ');
      if (sp <= 0) continue;
      const key = line.slice(0, sp);
      const value = line.slice(sp + 1);
      let n = root;
      for (const ch of key) {
        const cp = ch.codePointAt(0)!;
        n.next ??= new Map();
        let m = n.next.get(cp);
        if (!m) n.next.set(cp, (m = node()));
        n = m;
      }
      n.value = value;
      n.words = words;
      if (!changesLength && cpLength(key) !== cpLength(value)) changesLength = true;
    }
  }
  return { root, changesLength };
}
