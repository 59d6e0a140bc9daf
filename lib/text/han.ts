// Character classes for Chinese text. Kept as regexes over code points so that astral
// CJK extension characters (surrogate pairs) count as Han too.

export const HAN = /\p{Script=Han}/u;
export const HAN_GLOBAL = /\p{Script=Han}/gu;
/** Kana and Hangul: a page rich in these is Japanese or Korean, not Chinese. */
export const KANA_HANGUL_GLOBAL = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Chinese sentence-level and clause punctuation (full width). */
export const CJK_PUNCT_GLOBAL = /[，。、；：？！“”‘’《》（）【】…—]/g;
/**
 * Characters that end a sentence: a line ending in one of them ended on purpose. Closing quotes
 * are left out: in narrow newspaper columns “技能济宁” / 建设 breaks right after them.
 */
export const TERMINAL = /[。！？!?；;…」』：:]/;

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

export function countHan(text: string): number {
  return text.match(HAN_GLOBAL)?.length ?? 0;
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
  const kana = text.match(KANA_HANGUL_GLOBAL)?.length ?? 0;
  return kana < han * 0.05;
}
