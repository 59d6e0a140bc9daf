/**
 * The parts of a long word. jieba keeps compounds and the glossary's terms whole (分配制度,
 * 一个中国原则, 伟大斗争); inside such a word a phrase of OpenCC's could still cross the seam
 * between its parts (配制 → 分配製度, 个中 → 一箇中國原則, 大斗 → 偉大斗爭). The parts are where
 * the segmenter cuts the word when the word itself is out of reach: it cuts the word without its
 * last character and without its first, and every seam either cut shows inside the word is a
 * seam (好干部标准: 好/干部/标 and 干部/标准 give 好|干部|标准).
 */
import type { Segmenter } from '../segment/segmenter';

/** Seams of a word, in code points from its start, strictly inside it, sorted. */
export interface Seams {
  /** Where either cut shows a seam: a match inside the word may not cross one. */
  any: readonly number[];
  /** Where both cuts agree: a match may begin or end there as at a word boundary. */
  sure: readonly number[];
}

/** Seams of the word text[start, end) (UTF-16 offsets). */
export type WordParts = (start: number, end: number) => Seams;

const MAX_CACHED = 20_000;
const NONE: Seams = { any: [], sure: [] };
const caches = new WeakMap<Segmenter, Map<string, Seams>>();

/** Seams of one word, from the segmenter; words under 3 characters, or not all Han, have none. */
export function seamsOf(seg: Segmenter, word: string): Seams {
  const cache = cacheOf(seg);
  const hit = cache.get(word);
  if (hit) return hit;
  const cps = Array.from(word);
  const out = hasSeams(word, cps) ? seamsFrom(cps, lengths(seg.cut(cps.slice(0, -1).join(''))), lengths(seg.cut(cps.slice(1).join('')))) : NONE;
  remember(cache, word, out);
  return out;
}

/**
 * Find the seams of many words with one cut of the segmenter (the shortened words joined by line
 * breaks, which jieba never cuts across: each line is cut as it would be alone), instead of two
 * calls per word; what seamsOf then answers is the same.
 */
export function prefetchSeams(seg: Segmenter, words: Iterable<string>): void {
  const cache = cacheOf(seg);
  const todo: string[][] = [];
  const seen = new Set<string>();
  for (const word of words) {
    if (cache.has(word) || seen.has(word)) continue;
    seen.add(word);
    const cps = Array.from(word);
    if (hasSeams(word, cps)) todo.push(cps);
    else remember(cache, word, NONE);
  }
  if (!todo.length) return;
  const lines = todo.flatMap((cps) => [cps.slice(0, -1).join(''), cps.slice(1).join('')]);
  const pieces = seg.cut(lines.join('\n'));
  const cuts: string[][] = [[]];
  for (const p of pieces) {
    if (p === '\n') cuts.push([]);
    else cuts[cuts.length - 1].push(p);
  }
  if (cuts.length !== lines.length) return; // not cut line by line after all: seamsOf cuts word by word
  todo.forEach((cps, i) => remember(cache, cps.join(''), seamsFrom(cps, lengths(cuts[2 * i]), lengths(cuts[2 * i + 1]))));
}

function cacheOf(seg: Segmenter): Map<string, Seams> {
  let cache = caches.get(seg);
  if (!cache) caches.set(seg, (cache = new Map()));
  return cache;
}

function remember(cache: Map<string, Seams>, word: string, seams: Seams): void {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(word, seams);
}

const hasSeams = (word: string, cps: string[]) => cps.length >= 3 && /^\p{Script=Han}+$/u.test(word);
const lengths = (pieces: string[]) => pieces.map((p) => Array.from(p).length);

/** Seams from the cut of the word without its last character (front) and without its first (back). */
function seamsFrom(cps: string[], front: number[], back: number[]): Seams {
  // A piece of several characters that reaches the cut edge may have taken the character the
  // word pairs with (试制成功 without 功: 试/制成), so the seam on its inner side is not trusted;
  // a single stranded character at the edge is (好干部标准 without 准: 好/干部/标).
  const head = new Set<number>();
  const tail = new Set<number>();
  let k = 0;
  front.forEach((len, i) => {
    if (k > 0 && !(i === front.length - 1 && len > 1)) head.add(k);
    k += len;
  });
  k = 1;
  back.forEach((len, i) => {
    k += len;
    if (k < cps.length && !(i === 0 && len > 1)) tail.add(k);
  });
  const sort = (s: Iterable<number>) => [...s].sort((a, b) => a - b);
  return { any: sort(new Set([...head, ...tail])), sure: sort([...head].filter((x) => tail.has(x))) };
}

/** The parts oracle for words of `text` (the text the segmenter cut, same offsets). */
export function wordParts(seg: Segmenter, text: string): WordParts {
  return (start, end) => seamsOf(seg, text.slice(start, end));
}
