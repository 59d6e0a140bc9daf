/**
 * Places: a name with an administrative suffix (嘉祥县, 仲山镇, 观音阁街道, 邹城市), or a name
 * from the lexicon standing alone (济宁, 山东, 新疆). Adjacent units read as one address
 * (任城区观音阁街道). A suffixed candidate must start where jieba starts a word and must not be
 * an everyday word itself (城区, 社区, 辖区 are words, not places: the IDF table says so).
 */
import type { Token } from '../segment/segmenter';
import { isAllHan } from '../text/han';
import type { IdfTable } from './idf';
import { tokensIn } from './keywords';
import { ADMIN_SUFFIXES, PLACE_NAMES } from './lexicon';

export interface Place {
  name: string;
  start: number;
  end: number;
}

// What cannot open a place name: pronouns, quantifiers, generic modifiers (全市, 我县, 各乡镇, 城市).
const BAD_FIRST = /^[全我本各该每此其外城乡县市区省镇村农山东西南北中上下前后内大小新老第一二三四五六七八九十百千万亿几多某个跨同异两双共于在与和及的到从向对由为]/u;
const SUFFIX_RE = new RegExp(`(?:${ADMIN_SUFFIXES.join('|')})`, 'gu');

export function placesIn(text: string, start: number, end: number, tokens: ReadonlyArray<Token>, idf: IdfTable | null): Place[] {
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const t of tokens) {
    if (t.start >= start && t.end <= end) {
      starts.add(t.start);
      ends.add(t.end);
    }
  }
  const found: Place[] = [];
  const span = text.slice(start, end);

  // 1) Suffixed names: 2–4 Han characters + suffix, starting on a token boundary.
  for (const m of span.matchAll(SUFFIX_RE)) {
    const sEnd = start + (m.index ?? 0) + m[0].length;
    const sStart = sEnd - m[0].length;
    // The suffix must end a word: not 市 of 市场, 区 of 区域, 村 of 村民.
    if (!ends.has(sEnd) && tokens.length) continue;
    let best: Place | null = null;
    // Shortest stem first: 任城区 in 再回任城区, not 回任城区.
    for (let len = 2; len <= 4; len++) {
      const a = sStart - len;
      if (a < start) continue;
      const stem = text.slice(a, sStart);
      if (!isAllHan(stem) || BAD_FIRST.test(stem)) continue;
      if (!PLACE_NAMES.has(stem) && !(starts.has(a) && nameLike(text, a, sStart, sEnd, tokens, idf))) continue;
      best = { name: stem + m[0], start: a, end: sEnd };
      break;
    }
    if (best) found.push(best);
  }
  // 2) Lexicon names without a suffix (济宁, 山东 …), on token boundaries.
  for (const t of tokens) {
    if (t.start < start || t.end > end) continue;
    const w = text.slice(t.start, t.end);
    if (PLACE_NAMES.has(w)) found.push({ name: w, start: t.start, end: t.end });
    else if (w.length >= 3 && PLACE_NAMES.has(w.slice(0, -1)) && ADMIN_SUFFIXES.includes(w.slice(-1))) found.push({ name: w, start: t.start, end: t.end });
  }
  // Longest first, no overlaps; then join adjacent units into one address.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Place[] = [];
  for (const p of found) if (!kept.some((k) => p.start < k.end && k.start < p.end)) kept.push(p);
  kept.sort((a, b) => a.start - b.start);
  const joined: Place[] = [];
  for (const p of kept) {
    const last = joined[joined.length - 1];
    if (last && last.end === p.start && endsWithSuffix(last.name)) {
      last.name += p.name;
      last.end = p.end;
    } else joined.push({ ...p });
  }
  return joined;
}

/**
 * Is [a, sEnd) a proper name plus suffix? Every word jieba cut there must be a rare word
 * (仲山镇, 孟姑集镇, 观音阁街道) or a lone character that is not a stop word: 现代化强市, 强化乡村,
 * 根据县农村 hold common words. Without an IDF table only the boundaries are checked.
 */
function nameLike(text: string, a: number, sStart: number, sEnd: number, tokens: ReadonlyArray<Token>, idf: IdfTable | null): boolean {
  if (!idf) return true;
  // The caller checked that a word starts at `a` and one ends at `sEnd`.
  let covered = a;
  for (const t of tokensIn(tokens, a, sEnd)) {
    if (t.start >= sStart && t.end === sEnd && t.end - t.start <= 4) {
      covered = t.end; // the suffix itself (镇, 街道)
      continue;
    }
    const w = text.slice(t.start, t.end);
    if (idf.isStop(w)) return false;
    if (w.length > 1 && idf.idf(w) < 9) return false;
    covered = t.end;
  }
  return covered === sEnd;
}

function endsWithSuffix(name: string): boolean {
  return ADMIN_SUFFIXES.some((s) => name.endsWith(s));
}

/** One entry a place, in order of first mention; 济宁 and 济宁市, 嘉祥 and 嘉祥县 are one place (first form kept). */
export function uniquePlaces(places: Place[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of places) {
    const suffix = ADMIN_SUFFIXES.find((s) => p.name.endsWith(s) && p.name.length - s.length >= 2);
    const key = suffix ? p.name.slice(0, -suffix.length) : p.name;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p.name);
  }
  return out;
}
