/**
 * Content words and their weights: jieba's tokens, kept when they can carry content (two or
 * more characters with a Han character, not a stop word), weighted TF·IDF over the article —
 * the weighting jieba's own extract_tags uses.
 */
import type { Token } from '../segment/segmenter';
import { isHan } from '../text/han';
import type { IdfTable } from './idf';

/** Tokens (sorted by start) that lie inside [start, end). */
export function tokensIn(tokens: ReadonlyArray<Token>, start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i].start < end; i++) if (tokens[i].end <= end) out.push(tokens[i]);
  return out;
}

/** The token that starts exactly at `pos`, if any (tokens sorted by start). */
export function tokenStartingAt(tokens: ReadonlyArray<Token>, pos: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return tokens[lo]?.start === pos ? tokens[lo] : undefined;
}

// Words that survive jieba's stop list but carry no news content in this register.
const WEAK = new Set(['我们', '他们', '一个', '一些', '以来', '目前', '同时', '进一步', '相关', '有关', '方面', '工作', '进行', '开展', '实现', '推进', '推动', '加强', '全面', '持续', '不断', '积极', '切实', '主要', '重要', '已经', '正在', '今年', '去年', '本报', '记者', '通讯员']);

export function isContentWord(word: string, idf: IdfTable | null): boolean {
  if (word.length < 2 || !isHan(word)) return false;
  if (/^[\d.%０-９]+/.test(word)) return false;
  if (WEAK.has(word)) return false;
  return !(idf?.isStop(word) ?? false);
}

/** The weight of one word: its IDF, or 1 with no table (then only frequency and the graph count). */
export function wordWeight(word: string, idf: IdfTable | null): number {
  return idf ? idf.idf(word) : 1;
}

/** TF·IDF of every content word of the span, highest first. */
export function keywords(text: string, tokens: ReadonlyArray<Token>, idf: IdfTable | null): Array<{ word: string; weight: number }> {
  const tf = new Map<string, number>();
  for (const t of tokens) {
    const w = text.slice(t.start, t.end);
    if (isContentWord(w, idf)) tf.set(w, (tf.get(w) ?? 0) + 1);
  }
  return [...tf]
    .map(([word, n]) => ({ word, weight: n * wordWeight(word, idf) }))
    .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1));
}
