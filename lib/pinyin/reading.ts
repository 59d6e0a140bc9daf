/**
 * Pinyin for a text, one syllable per Han character, read in context. pinyin-pro does the
 * reading; it is given whole sentences so that its word list can resolve polyphones.
 */
import { pinyin } from 'pinyin-pro';
import { isHan } from '../text/han';

/**
 * Readings for every UTF-16 index of `text`: the syllable at the index where a Han character
 * starts, '' elsewhere. Long texts are read sentence by sentence.
 */
export function readText(text: string): string[] {
  const out: string[] = new Array(text.length).fill('');
  const sentence = /[^。！？；\n]+[。！？；\n]?/g;
  for (const m of text.matchAll(sentence)) {
    const base = m.index ?? 0;
    const s = m[0];
    if (!/\p{Script=Han}/u.test(s)) continue;
    const items = pinyin(s, { type: 'all', toneType: 'symbol', nonZh: 'consecutive' });
    let pos = base;
    for (const item of items) {
      const origin = item.origin;
      if (item.isZh && origin.length > 0 && isHan(origin)) out[pos] = item.pinyin;
      pos += origin.length;
    }
  }
  return out;
}

/** The syllables of the Han characters in [start, end). */
export function syllables(readings: string[], text: string, start: number, end: number): string[] {
  const out: string[] = [];
  for (let i = start; i < end; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (isHan(ch)) out.push(readings[i] ?? '');
    i += ch.length;
  }
  return out;
}
