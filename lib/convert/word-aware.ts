/**
 * Word-aware conversion between simplified and traditional Chinese.
 *
 * OpenCC converts by longest dictionary match at each position; its phrase entries then fire
 * across word boundaries (一个中国 → 一箇中國 through 个中 → 箇中; 他的士兵 → 他計程車兵 through
 * 的士 → 計程車). Here the same dictionaries run in the same chain, but a match may not cross a
 * word boundary: it lies inside one word, or it starts and ends on word boundaries (a run of
 * whole words). Vocabulary substitutions (TWPhrases) need whole words or runs of whole words.
 * Text not covered by any token is matched as plain OpenCC does.
 *
 * Offsets are UTF-16 (as JavaScript strings and the DOM count); matching is by code point.
 */
import { cpLength } from '../text/han';
import type { Span } from '../text/span';
import { buildTrie, type Trie } from './trie';
import type { ScriptMode } from '../settings/model';
import { chainFor, type StageSpec, type TraditionalSource } from './dicts';
import type { WordParts } from './parts';

/** Source [start, end) is written as `text`. */
export interface Change {
  start: number;
  end: number;
  text: string;
  /**
   * Character for character: text.length === end - start and source offset start + k became
   * text[k], so the change may be cut anywhere (between text nodes). Otherwise it is one
   * replacement (a Taiwan phrase of another length, or a character outside the BMP on one side).
   */
  aligned: boolean;
}

export interface Conversion {
  text: string;
  /** Sorted, non-overlapping, in source offsets. */
  changes: Change[];
  /** Every change is aligned: output offsets equal source offsets. */
  sameLength: boolean;
  /**
   * When !sameLength: for each output offset k (0..text.length) the source offset it comes
   * from; characters of a replacement map to its start. Null when offsets are the same.
   */
  toSource: Int32Array | null;
}

export interface ConvertOptions {
  /** For mode 's': which traditional the page is written in (default 'tw'). */
  from?: TraditionalSource;
  /**
   * The seams inside long words (parts.ts): a match inside a word may not cross one, and a
   * match may run from seam to seam (知识|产权保护制度 holds 知识产权). Without it a word is one piece.
   */
  parts?: WordParts;
  /** Called for every dictionary match applied (for the corpus diff in bench/convert-corpus.ts). */
  onMatch?: (m: Match) => void;
}

/** A dictionary match that was applied: source units [start, end) (code points) read `key` at that stage. */
export interface Match {
  stage: string;
  start: number;
  end: number;
  key: string;
  value: string;
  /** From a vocabulary table (TWPhrases). */
  words: boolean;
}

const tries = new Map<string, Trie>();

function trieFor(stage: StageSpec): Trie {
  let t = tries.get(stage.name);
  if (!t) tries.set(stage.name, (t = buildTrie(stage.dicts)));
  return t;
}

/** Build the dictionaries of a mode now rather than on first use (~0.1–0.3 s for s→t). */
export function warmUp(mode: ScriptMode, options: ConvertOptions = {}): void {
  const chain = chainFor(mode, options.from);
  chain.forEach((stage, k) => {
    if (trieFor(stage).changesLength && k < chain.length - 1) throw new Error(`stage ${stage.name} changes length before the last stage`);
  });
}


interface Units {
  n: number;
  /** Code point of each unit (one code point). */
  cps: Int32Array;
  /** UTF-16 offset of each unit, and text.length at n. */
  offs: Int32Array;
  /** For each UTF-16 offset 0..length, the unit it falls in (a low surrogate: its pair). */
  unitAt: Int32Array;
}

function units(text: string): Units {
  const cps = new Int32Array(text.length);
  const offs = new Int32Array(text.length + 1);
  const unitAt = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    cps[n] = cp;
    offs[n] = i;
    unitAt[i] = n;
    if (cp > 0xffff) unitAt[i + 1] = n;
    i += cp > 0xffff ? 2 : 1;
    n++;
  }
  offs[n] = text.length;
  unitAt[text.length] = n;
  return { n, cps: cps.subarray(0, n), offs: offs.subarray(0, n + 1), unitAt };
}

interface Bounds {
  /** isB[u]: a word boundary lies before unit u (u = 0..n). */
  isB: Uint8Array;
  /** isS[u]: a word boundary or a sure seam between two parts of a long word lies before unit u. */
  isS: Uint8Array;
  /** isC[u]: a word boundary or any seam lies before unit u (a match inside a word may not cross one). */
  isC: Uint8Array;
  /** End (in units) of the word containing unit u. */
  wordEnd: Int32Array;
}

function bounds(u: Units, tokens: readonly Span[], length: number, parts?: WordParts): Bounds {
  const isB = new Uint8Array(u.n + 1).fill(1);
  const isS = new Uint8Array(u.n + 1).fill(1);
  const isC = new Uint8Array(u.n + 1).fill(1);
  const wordEnd = new Int32Array(u.n);
  for (let k = 0; k < u.n; k++) wordEnd[k] = k + 1;
  for (const t of tokens) {
    if (!(t.start >= 0 && t.end <= length && t.start < t.end)) continue;
    const a = u.unitAt[t.start];
    const b = t.end === length ? u.n : u.unitAt[t.end] + (u.offs[u.unitAt[t.end]] < t.end ? 1 : 0);
    for (let k = a + 1; k < b; k++) isB[k] = isS[k] = isC[k] = 0;
    for (let k = a; k < b; k++) wordEnd[k] = b;
    if (parts && b - a >= 3) {
      const seams = parts(t.start, t.end);
      for (const s of seams.any) if (a + s < b) isC[a + s] = 1;
      for (const s of seams.sure) if (a + s < b) isS[a + s] = 1;
    }
  }
  return { isB, isS, isC, wordEnd };
}

interface Replacement {
  end: number;
  text: string;
}

/** One stage over `cur` in place; length-changing matches go to `atomic` (last stage only). */
function runStage(trie: Trie, cur: Int32Array, n: number, b: Bounds, atomic: Map<number, Replacement> | null, onMatch?: (m: Omit<Match, 'stage'>) => void): void {
  const { isB, isS, isC, wordEnd } = b;
  for (let i = 0; i < n; ) {
    let nd = 0;
    let best = -1;
    let bestNode = -1;
    const limit = isS[i] ? n : wordEnd[i];
    for (let j = i; j < limit; ) {
      const nx = trie.child(nd, cur[j]);
      if (nx < 0) break;
      nd = nx;
      j++;
      if (!trie.hasValue(nd)) continue;
      // Whole words or parts (boundary or seam to boundary or seam), or inside the word of i
      // without crossing a seam of it. A vocabulary entry inside a word must be whole parts, or
      // begin or end the word: 前列腺|癌, 无线|通信, but not 电|视频|道.
      const inWord = j <= wordEnd[i];
      const whole = isS[i] === 1 && isS[j] === 1;
      const ok = trie.isWords(nd) ? whole || (inWord && (isB[i] === 1 || j === wordEnd[i])) : whole || (inWord && !seamWithin(isC, i, j));
      if (ok) {
        best = j;
        bestNode = nd;
      }
    }
    if (best < 0) {
      i++;
      continue;
    }
    const val = trie.value(bestNode);
    const words = trie.isWords(bestNode);
    onMatch?.({ start: i, end: best, key: String.fromCodePoint(...cur.subarray(i, best)), value: val, words });
    if (cpLength(val) === best - i) {
      let k = i;
      for (const ch of val) cur[k++] = ch.codePointAt(0)!;
    } else if (atomic) {
      atomic.set(i, { end: best, text: val });
    }
    // else unreachable: warmUp refuses a chain whose earlier stages change length.
    i = best;
  }
}

function seamWithin(isC: Uint8Array, i: number, j: number): boolean {
  for (let k = i + 1; k < j; k++) if (isC[k]) return true;
  return false;
}

/**
 * Convert `text` in `mode`. `tokens` are the words of the text the segmenter sees: of `text`
 * itself for s→t modes; for 's', of segmentationText(text, 's') (same offsets). Tokens need
 * not cover everything; uncovered text is matched without word limits.
 */
export function convertText(text: string, tokens: readonly Span[], mode: ScriptMode, options: ConvertOptions = {}): Conversion {
  const chain = chainFor(mode, options.from);
  warmUp(mode, options);
  const u = units(text);
  const b = bounds(u, tokens, text.length, options.parts);
  const cur = Int32Array.from(u.cps);
  const atomic = new Map<number, Replacement>();
  const { onMatch } = options;
  chain.forEach((stage, k) =>
    runStage(trieFor(stage), cur, u.n, b, k === chain.length - 1 ? atomic : null, onMatch && ((m) => onMatch({ stage: stage.name, ...m }))),
  );
  return collect(text, u, cur, atomic);
}

function collect(text: string, u: Units, cur: Int32Array, atomic: Map<number, Replacement>): Conversion {
  const changes: Change[] = [];
  const parts: string[] = [];
  let copied = 0;
  let sameLength = true;
  const emit = (start: number, end: number, repl: string, aligned: boolean) => {
    const last = changes[changes.length - 1];
    if (aligned && last && last.aligned && last.end === start) {
      last.end = end;
      last.text += repl;
    } else {
      changes.push({ start, end, text: repl, aligned });
    }
    if (!aligned) sameLength = false;
    if (start > copied) parts.push(text.slice(copied, start));
    parts.push(repl);
    copied = end;
  };
  for (let k = 0; k < u.n; ) {
    const at = atomic.get(k);
    if (at) {
      const s = u.offs[k];
      const e = u.offs[at.end];
      if (text.slice(s, e) !== at.text) emit(s, e, at.text, false);
      k = at.end;
      continue;
    }
    if (cur[k] !== u.cps[k]) {
      const ch = String.fromCodePoint(cur[k]);
      const s = u.offs[k];
      const e = u.offs[k + 1];
      emit(s, e, ch, ch.length === e - s);
    }
    k++;
  }
  if (copied < text.length) parts.push(text.slice(copied));
  const out = parts.join('');
  return { text: out, changes, sameLength, toSource: sameLength ? null : offsetMap(out.length, text.length, changes) };
}

function offsetMap(outLength: number, srcLength: number, changes: Change[]): Int32Array {
  const map = new Int32Array(outLength + 1);
  let o = 0;
  let s = 0;
  for (const c of changes) {
    while (s < c.start) map[o++] = s++;
    for (let k = 0; k < c.text.length; k++) map[o++] = c.aligned ? c.start + k : c.start;
    s = c.end;
  }
  while (s < srcLength) map[o++] = s++;
  map[o] = srcLength;
  return map;
}

/**
 * The text to segment for `mode`: `text` itself, or for 's' a simplified draft with the same
 * UTF-16 offsets (jieba's dictionary is simplified), whose tokens convertText then takes as the
 * words of `text`. The draft is plain OpenCC (longest match, no word limits); a change that
 * would move offsets (a character outside the BMP on one side only) is left out of it.
 */
export function segmentationText(text: string, mode: ScriptMode, options: ConvertOptions = {}): string {
  if (mode !== 's') return text;
  const conv = convertText(text, [], mode, options);
  if (conv.sameLength) return conv.text;
  let out = '';
  let at = 0;
  for (const c of conv.changes) {
    if (!c.aligned) continue;
    out += text.slice(at, c.start) + c.text;
    at = c.end;
  }
  return out + text.slice(at);
}
