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
  let cache = caches.get(seg);
  if (!cache) caches.set(seg, (cache = new Map()));
  const hit = cache.get(word);
  if (hit) return hit;
  const cps = Array.from(word);
  let out = NONE;
  if (cps.length >= 3 && /^\p{Script=Han}+$/u.test(word)) {
    // A piece of several characters that reaches the cut edge may have taken the character the
    // word pairs with (试制成功 without 功: 试/制成), so the seam on its inner side is not trusted;
    // a single stranded character at the edge is (好干部标准 without 准: 好/干部/标).
    const head = new Set<number>();
    const tail = new Set<number>();
    const front = seg.cut(cps.slice(0, -1).join('')).map((p) => Array.from(p).length);
    let k = 0;
    front.forEach((len, i) => {
      if (k > 0 && !(i === front.length - 1 && len > 1)) head.add(k);
      k += len;
    });
    const back = seg.cut(cps.slice(1).join('')).map((p) => Array.from(p).length);
    k = 1;
    back.forEach((len, i) => {
      k += len;
      if (k < cps.length && !(i === 0 && len > 1)) tail.add(k);
    });
    const sort = (s: Iterable<number>) => [...s].sort((a, b) => a - b);
    out = { any: sort(new Set([...head, ...tail])), sure: sort([...head].filter((k) => tail.has(k))) };
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(word, out);
  return out;
}

/** The parts oracle for words of `text` (the text the segmenter cut, same offsets). */
export function wordParts(seg: Segmenter, text: string): WordParts {
  return (start, end) => seamsOf(seg, text.slice(start, end));
}
