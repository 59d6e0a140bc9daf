/**
 * Pinyin for a text, one syllable per Han character, read in context:
 *   1. pinyin-pro reads each sentence (its own word list resolves most polyphones);
 *   2. each multi-character token from segmentation (jieba) is read as a word on its own;
 *   3. lexicon words inside a token or aligned with token boundaries override: hand-kept
 *      polyphone words, place names (济宁 jǐ níng, 台州 tāi zhōu), CC-CEDICT corrections;
 *   4. people's names found from context read their surnames as surnames (单 shàn, 解 xiè);
 *   5. context rules and character defaults decide the rest (lib/pinyin/rules.ts);
 *   6. given a polyphone model (lib/pinyin/g2pm), it rereads the polyphones its policy gives it
 *      (per character and per step that decided it, chosen from data).
 * Everything is pure and synchronous; the lexicons load once on first use, the model is passed in.
 */
import { pinyin } from 'pinyin-pro';
import { cpUnits, isAllHan, isHan, isHanAt } from '../text/han';
import { lexicon } from './lexicon';
import { findNames, type FoundName } from './names';
import { applyRules } from './rules';
import type { Span } from '../text/span';
import { indexTokens, type TokenIndex } from './spans';
import { styleSyllable, type PinyinStyle } from './style';
import { SOURCE } from './sources';

export type { FoundName } from './names';
export type { PinyinStyle } from './style';
export { findNames } from './names';
export { styleSyllable, toNumbers, toZhuyin } from './style';

export interface ReadOptions {
  /** Output style (default 'marks': tone marks, as pinyin-pro writes them). */
  style?: PinyinStyle;
  /** Names already found by findNames(text, tokens) (saves finding them again). */
  names?: readonly FoundName[];
  /**
   * The polyphone model with its policy (lib/pinyin/g2pm/combine.ts): rereads, in place, the
   * characters whose reading and deciding step (`source`, lib/pinyin/sources.ts) it takes over.
   */
  polyphones?: PolyphoneReader;
}

export interface PolyphoneReader {
  /** `tokens`: the segmentation the reader used (which word covers each index). */
  reread(text: string, out: string[], source: Uint8Array, tokens: TokenIndex): void;
}

const SENTENCE = /[^。！？；\n]+[。！？；\n]?/g;
// Tone sandhi of 一 and 不 is pinyin-pro's (一个 yí gè): lexicon readings never replace them.
const SANDHI = new Set(['一', '不']);
/** A syllable, not a character pinyin-pro could not read and gave back. */
const LATIN = /^\p{Script=Latin}+$/u;

const wordCache = new Map<string, string[]>();
function readWord(word: string): string[] {
  let r = wordCache.get(word);
  if (!r) {
    r = pinyin(word, { type: 'array' });
    if (wordCache.size > 50_000) wordCache.clear();
    wordCache.set(word, r);
  }
  return r;
}

/** Tokens when the caller has none: lexicon words (longest first) and single characters. */
function fallbackTokens(text: string): Span[] {
  const lex = lexicon();
  const out: Span[] = [];
  for (let i = 0; i < text.length; ) {
    let len = 1;
    if (lex.heads.has(text.slice(i, i + 2))) {
      for (let l = Math.min(lex.maxLen, text.length - i); l >= 2; l--) {
        if (lex.words.has(text.slice(i, i + l))) { len = l; break; }
      }
    }
    out.push({ start: i, end: i + len });
    i += len;
  }
  return out;
}

/**
 * Readings for every UTF-16 index of `text`: the syllable at the index where a Han character
 * starts, '' elsewhere. `tokens` are the segmenter's words (UTF-16 offsets, in order); without
 * them Dubao segments with its lexicon only, which reads place names and names less well.
 */
export function readText(text: string, tokens?: readonly Span[], options: ReadOptions = {}): string[] {
  return readTraced(text, tokens, options).readings;
}

/** readText, and for every index the step that decided its reading (SOURCE codes). */
export function readTraced(text: string, tokens?: readonly Span[], options: ReadOptions = {}): { readings: string[]; sources: Uint8Array } {
  const out: string[] = new Array(text.length).fill('');
  const source = new Uint8Array(text.length);
  const toks = tokens ?? fallbackTokens(text);
  const idx = indexTokens(text, toks);
  const locked = new Uint8Array(text.length);

  // 1. Sentences through pinyin-pro.
  for (const m of text.matchAll(SENTENCE)) {
    const s = m[0];
    if (!isHan(s)) continue;
    let pos = m.index!;
    // One item per code point ('spaced'); a character pinyin-pro does not read comes back as
    // itself. 'array' costs a fraction of 'all' (no initials, finals or polyphone lists).
    for (const r of pinyin(s, { type: 'array', nonZh: 'spaced' })) {
      const n = cpUnits(text, pos);
      if (r !== text.slice(pos, pos + n) && isHanAt(text, pos)) {
        out[pos] = r;
        source[pos] = SOURCE.sentence;
      }
      pos += n;
    }
  }

  // 2. Multi-character Han tokens as words on their own.
  for (const t of toks) {
    if (t.end - t.start < 2) continue;
    const w = text.slice(t.start, t.end);
    if (!isAllHan(w)) continue;
    const r = readWord(w);
    let pos = t.start;
    for (let k = 0; k < r.length && pos < t.end; k++) {
      // pinyin-pro gives a character it cannot read back as is: keep what step 1 had.
      // 一/不 keep the sentence's sandhi, except at a word's end (统一 yī, 第一 yī).
      const keepSandhi = SANDHI.has(text[pos]) && pos + 1 < t.end;
      if (out[pos] && !keepSandhi && !isHan(r[k])) {
        out[pos] = r[k];
        source[pos] = SOURCE.token;
      }
      pos += cpUnits(text, pos);
    }
  }

  // 3. Lexicon words, longest first: inside one token, or starting or ending on a boundary.
  const lex = lexicon();
  for (let i = 0; i < text.length; ) {
    let step = 1;
    if (lex.heads.has(text.slice(i, i + 2))) {
      const tokEnd = idx.endAt[i];
      const atStart = idx.startAt[i] === i;
      for (let l = Math.min(lex.maxLen, text.length - i); l >= 2; l--) {
        const end = i + l;
        const inside = end <= tokEnd;
        const atEnd = idx.endAt[end - 1] === end;
        if (!inside && !atStart && !atEnd) continue;
        const e = lex.words.get(text.slice(i, end));
        if (!e) continue;
        // Place names and CC-CEDICT words must agree with segmentation at both ends (单县, not
        // 简单|县城; 了|当今, not 了当); a hand-kept word may straddle one boundary, from the
        // start of a token (攒|尖顶 → 攒尖), never from inside one (名单|于 is not 单于).
        if (!inside && !(atStart && (atEnd || e.source === 'word'))) continue;
        let pos = i;
        for (const syl of e.syllables) {
          if (!SANDHI.has(text[pos])) {
            out[pos] = syl;
            source[pos] = SOURCE[e.source];
          }
          locked[pos] = 1;
          pos += cpUnits(text, pos);
        }
        step = l;
        break;
      }
    }
    i += step;
  }

  // 4. Names: surname readings, the given name read as a word; the character defaults are
  //    for exactly such free uses (媛 yuán), so they apply to given names too.
  for (const n of options.names ?? findNames(text, toks)) {
    const sLen = n.surname.length;
    const compound = lex.compoundSurnames.get(n.surname);
    const surname = compound ?? [lex.surnameReadings.get(n.surname) ?? readWord(n.surname)[0] ?? ''];
    surname.forEach((syl, k) => {
      if (LATIN.test(syl)) {
        out[n.start + k] = syl;
        source[n.start + k] = SOURCE.name;
      }
    });
    const given = readWord(text.slice(n.start + sLen, n.end));
    for (let pos = n.start + sLen, k = 0; pos < n.end; k++) {
      const syl = given[k] ?? '';
      if (LATIN.test(syl)) {
        out[pos] = lex.charDefaults.get(text[pos]) ?? syl;
        source[pos] = SOURCE.name;
      }
      pos += cpUnits(text, pos);
    }
    for (let p = n.start; p < n.end; p++) locked[p] = 1;
  }

  // 5. Context rules and character defaults for what nothing above decided.
  applyRules(text, out, locked, idx, source);

  // 6. The polyphone model where its policy says it reads better than the step that decided.
  options.polyphones?.reread(text, out, source, idx);

  const style = options.style ?? 'marks';
  if (style !== 'marks') for (let i = 0; i < out.length; i++) if (out[i]) out[i] = styleSyllable(out[i], style);
  return { readings: out, sources: source };
}

export { syllables } from './syllables';
