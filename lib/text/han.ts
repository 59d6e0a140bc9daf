// Character classes for Chinese text. Kept as regexes over code points so that astral
// CJK extension characters (surrogate pairs) count as Han too.

export const HAN = /\p{Script=Han}/u;
// The global patterns are made on first use: creating a \p{…} pattern costs a tenth of a
// millisecond or more, and the first-stage content script, run on every page, bundles these
// helpers but needs them only where it finds Han text.
let hanGlobal: RegExp | undefined;
/** Kana and Hangul: a page rich in these is Japanese or Korean, not Chinese. */
let kanaHangulGlobal: RegExp | undefined;
const HAN_GLOBAL = () => (hanGlobal ??= /\p{Script=Han}/gu);
const KANA_HANGUL_GLOBAL = () => (kanaHangulGlobal ??= /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu);
/** Chinese sentence-level and clause punctuation (full width). */
export const CJK_PUNCT_GLOBAL = /[，。、；：？！“”‘’《》（）【】…—]/g;
/**
 * Characters that end a sentence: a line ending in one of them ended on purpose. Closing quotes
 * are left out: in narrow newspaper columns “技能济宁” / 建设 breaks right after them.
 */
export const TERMINAL = /[。！？!?；;…」』：:]/;

const ALL_HAN = /^\p{Script=Han}+$/u;

/** Does `s` hold a Han character (for one character: is it Han)? */
export function isHan(s: string): boolean {
  return HAN.test(s);
}

/** Is `s` Han and nothing else (an empty string is not)? */
export function isAllHan(s: string): boolean {
  return ALL_HAN.test(s);
}

/** Is the code point starting at UTF-16 index `i` Han? (Fast path for the basic block.) */
export function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (!(c >= 0x2e80)) return false; // also past the end (NaN); 〇 (U+3007) and the radicals are Han too
  return HAN.test(cpAt(text, i));
}

export function countHan(text: string): number {
  return text.match(HAN_GLOBAL())?.length ?? 0;
}

/** The Han characters of `text`, one string per code point. */
export function hanChars(text: string): string[] {
  return text.match(HAN_GLOBAL()) ?? [];
}

// Code points in UTF-16 strings: one home for stepping over surrogate pairs.

/** The code point starting at UTF-16 index `i`, as a string (two units for a surrogate pair). */
export function cpAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i)!);
}

/** UTF-16 units taken by the code point starting at index `i`: 2 for a surrogate pair, else 1. */
export function cpUnits(text: string, i: number): 1 | 2 {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** Length in code points (a surrogate pair counts once). */
export function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** Display width of a line: Latin-1 counts half, everything else (Han, “”, full-width) one. */
export function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += ch.charCodeAt(0) < 0x100 ? 0.5 : 1;
  return w;
}

/**
 * Is this text Chinese? Han must dominate the letters, and kana/hangul must be rare
 * (a Japanese page has plenty of Han but also kana in nearly every sentence).
 */
export function looksChinese(text: string, minHan = 20): boolean {
  const han = countHan(text);
  if (han < minHan) return false;
  const kana = text.match(KANA_HANGUL_GLOBAL())?.length ?? 0;
  return kana < han * 0.05;
}
