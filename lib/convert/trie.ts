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

/** A dictionary line waiting in its first character's bucket: the line, and whether it is vocabulary. */
type Pending = { line: string; words: boolean };

/**
 * The root's children are built on first lookup: a text meets a fraction of the ~50k phrases'
 * first characters, and building every branch up front is most of a conversion's cost on a short
 * text (the command line converts one file per process). A bucket keeps its lines in insertion
 * order, so a branch comes out as the eager build would make it.
 */
class LazyRoot extends Map<number, TrieNode> {
  constructor(private pending: Map<number, Pending[]>) {
    super();
  }

  override get(cp: number): TrieNode | undefined {
    const built = super.get(cp);
    if (built) return built;
    const lines = this.pending.get(cp);
    if (!lines) return undefined;
    this.pending.delete(cp);
    const branch = node();
    for (const { line, words } of lines) insert(branch, line, words, true);
    super.set(cp, branch);
    return branch;
  }
}

/** Insert `key value` under `root`; `skipFirst`: root is already the first character's node. */
function insert(root: TrieNode, line: string, words: boolean, skipFirst: boolean): void {
  const sp = line.indexOf(' ');
  const key = line.slice(0, sp);
  let n = root;
  let first = skipFirst;
  for (const ch of key) {
    if (first) {
      first = false;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    n.next ??= new Map();
    let m = n.next.get(cp);
    if (!m) n.next.set(cp, (m = node()));
    n = m;
  }
  n.value = line.slice(sp + 1);
  n.words = words;
}

const SURROGATE = /[\uD800-\uDFFF]/;

export function buildTrie(dicts: DictSpec[]): Trie {
  const pending = new Map<number, Pending[]>();
  let changesLength = false;
  // Last dictionary first, so that earlier ones overwrite (opencc-js's loadDictGroup).
  for (let k = dicts.length - 1; k >= 0; k--) {
    const { data, words = false } = dicts[k];
    for (const line of data.split('|')) {
      const sp = line.indexOf(' ');
      if (sp <= 0) continue;
      const cp = line.codePointAt(0)!;
      let bucket = pending.get(cp);
      if (!bucket) pending.set(cp, (bucket = []));
      bucket.push({ line, words });
      if (!changesLength) {
        const key = line.slice(0, sp);
        const value = line.slice(sp + 1);
        changesLength = SURROGATE.test(line) ? cpLength(key) !== cpLength(value) : key.length !== value.length;
      }
    }
  }
  return { root: { next: new LazyRoot(pending), value: undefined, words: false }, changesLength };
}
