// Readings per UTF-16 offset → one syllable per Han character. Apart from reading.ts so that
// callers can take syllables without loading pinyin-pro.
import { cpUnits, isHanAt } from '../text/han';

/** The syllables of the Han characters in [start, end). */
export function syllables(readings: string[], text: string, start: number, end: number): string[] {
  const out: string[] = [];
  for (let i = start; i < end; ) {
    if (isHanAt(text, i)) out.push(readings[i] ?? '');
    i += cpUnits(text, i);
  }
  return out;
}
