/** Search and sort of the word list, as "My words" shows it. */
import { frequency, type SavedWord } from './record';

export type WordSort = 'date' | 'page' | 'frequency';
export const WORD_SORTS: readonly WordSort[] = ['date', 'page', 'frequency'];

/** Pinyin without tone marks or spaces (zhōng guó → zhongguo), for a search typed without tones. */
export function plainPinyin(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ü/g, 'v')
    .replace(/[\s'’-]+/g, '')
    .toLowerCase();
}

/** Words matching a query: in the word, its pinyin (tones optional), English, sentence or page title. */
export function searchWords(list: SavedWord[], query: string): SavedWord[] {
  const q = query.trim().toLowerCase();
  if (!q) return list;
  const py = plainPinyin(q);
  return list.filter(
    (w) =>
      w.word.includes(q) ||
      w.english.toLowerCase().includes(q) ||
      w.sentence.includes(q) ||
      w.title.toLowerCase().includes(q) ||
      (py.length > 0 && /^[a-z]+$/.test(py) && plainPinyin(w.pinyin).includes(py)),
  );
}

/**
 * Sorted copies: by date (last saved first), by page (page title, then the order of saving),
 * by frequency (most met first). Ties keep the word order of the Chinese collation.
 */
export function sortWords(list: SavedWord[], by: WordSort): SavedWord[] {
  const byWord = (a: SavedWord, b: SavedWord) => a.word.localeCompare(b.word, 'zh');
  const cmp: Record<WordSort, (a: SavedWord, b: SavedWord) => number> = {
    date: (a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : byWord(a, b)),
    page: (a, b) => a.title.localeCompare(b.title, 'zh') || a.url.localeCompare(b.url) || (a.updated < b.updated ? -1 : a.updated > b.updated ? 1 : byWord(a, b)),
    frequency: (a, b) => frequency(b) - frequency(a) || byWord(a, b),
  };
  return [...list].sort(cmp[by]);
}
