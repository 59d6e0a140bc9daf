/**
 * A trie over opencc-js's dictionary strings. opencc-js's own Trie (core.js) returns only the
 * longest match at a position; word-aware conversion needs every match there (the longest
 * one may end inside a word), and which dictionary each came from. Same data, same
 * precedence: within a group the first dictionary wins, within one the last line does.
 *
 * Nodes live in typed arrays (first child / next sibling), and a value is an offset range into
 * the dictionary's own string, sliced only when a match is applied: building ~50k phrases into
 * Map nodes and value strings was most of a conversion's cost on one file (the command line
 * converts one file per process) and a good part of its garbage.
 */
import type { DictSpec } from './dicts';

const NONE = -1;
const SURROGATE = /[\uD800-\uDFFF]/;

export class Trie {
  /** Some value differs in code-point count from its key. */
  readonly changesLength: boolean;
  private readonly datas: string[];
  private readonly wordsOf: boolean[];
  /** Children of the root by code point (BMP); the rest in `astral`. */
  private readonly rootBmp = new Int32Array(0x10000).fill(NONE);
  private readonly astral = new Map<number, number>();
  private firstChild: Int32Array;
  private nextSibling: Int32Array;
  private cpOf: Int32Array;
  /** Dictionary of the node's value (index into datas), or NONE. */
  private valDict: Int8Array;
  private valStart: Int32Array;
  private valEnd: Int32Array;
  private count = 1;

  constructor(dicts: readonly DictSpec[]) {
    this.datas = dicts.map((d) => d.data);
    this.wordsOf = dicts.map((d) => d.words ?? false);
    // About one node per 4 units of dictionary text (a line is key, space, value, bar); grown if not.
    let size = 64;
    for (const { data } of dicts) size += data.length >> 2;
    this.firstChild = new Int32Array(size).fill(NONE);
    this.nextSibling = new Int32Array(size).fill(NONE);
    this.cpOf = new Int32Array(size);
    this.valDict = new Int8Array(size).fill(NONE);
    this.valStart = new Int32Array(size);
    this.valEnd = new Int32Array(size);
    let changesLength = false;
    // Last dictionary first, so that earlier ones overwrite (opencc-js's loadDictGroup).
    for (let k = dicts.length - 1; k >= 0; k--) {
      const data = dicts[k].data;
      const surrogates = SURROGATE.test(data);
      for (let s = 0; s < data.length; ) {
        let e = data.indexOf('|', s);
        if (e < 0) e = data.length;
        const sp = data.indexOf(' ', s);
        if (sp > s && sp < e) {
          this.insert(k, data, s, sp, e);
          if (!changesLength) changesLength = surrogates ? cps(data, s, sp) !== cps(data, sp + 1, e) : sp - s !== e - sp - 1;
        }
        s = e + 1;
      }
    }
    this.changesLength = changesLength;
  }

  /** The child of node `n` (0: the root) for code point `cp`, or -1. */
  child(n: number, cp: number): number {
    if (n === 0) return cp < 0x10000 ? this.rootBmp[cp] : (this.astral.get(cp) ?? NONE);
    for (let c = this.firstChild[n]; c !== NONE; c = this.nextSibling[c]) if (this.cpOf[c] === cp) return c;
    return NONE;
  }

  hasValue(n: number): boolean {
    return this.valDict[n] !== NONE;
  }

  value(n: number): string {
    return this.datas[this.valDict[n]].slice(this.valStart[n], this.valEnd[n]);
  }

  /** Value from a vocabulary dictionary: whole words only. */
  isWords(n: number): boolean {
    return this.wordsOf[this.valDict[n]];
  }

  private grow(): void {
    this.firstChild = grown(this.firstChild, NONE);
    this.nextSibling = grown(this.nextSibling, NONE);
    this.cpOf = grown(this.cpOf, null);
    this.valDict = grown(this.valDict, NONE);
    this.valStart = grown(this.valStart, null);
    this.valEnd = grown(this.valEnd, null);
  }

  private insert(k: number, data: string, s: number, sp: number, e: number): void {
    let n = 0;
    for (let i = s; i < sp; ) {
      const cp = data.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      let c = this.child(n, cp);
      if (c === NONE) {
        if (this.count === this.cpOf.length) this.grow();
        c = this.count++;
        this.cpOf[c] = cp;
        if (n === 0) {
          if (cp < 0x10000) this.rootBmp[cp] = c;
          else this.astral.set(cp, c);
        } else {
          this.nextSibling[c] = this.firstChild[n];
          this.firstChild[n] = c;
        }
      }
      n = c;
    }
    this.valDict[n] = k;
    this.valStart[n] = sp + 1;
    this.valEnd[n] = e;
  }
}

function grown<T extends Int32Array | Int8Array>(a: T, fill: number | null): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  if (fill !== null) b.fill(fill, a.length);
  b.set(a);
  return b;
}

function cps(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

export function buildTrie(dicts: DictSpec[]): Trie {
  return new Trie(dicts);
}
