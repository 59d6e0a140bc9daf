/**
 * A word the reader kept ("My words"): what it is, where it was met and when. Kept in extension
 * storage as a list, one record per word (the word is the key: saving it again updates it).
 */

export interface SavedWord {
  /** The word as it stood on the page (the key). */
  word: string;
  /** Tone-marked pinyin. */
  pinyin: string;
  /** English: the glossary's rendering, or CC-CEDICT's first definitions. */
  english: string;
  /** Where the English comes from. */
  source: 'glossary' | 'dictionary';
  /** The glossary entry and its category, for glossary terms. */
  termId?: string;
  category?: string;
  /** The sentence the word stood in (last save). */
  sentence: string;
  /** The page it was last saved from: title, address, site (host). */
  title: string;
  url: string;
  site: string;
  /** First and last save, ISO 8601. */
  added: string;
  updated: string;
  /** How often the word occurs on each page it was saved from (address → count). */
  seen: Record<string, number>;
}

/** What a surface sends to save a word: the record without its site, dates and counts. */
export type WordDraft = Omit<SavedWord, 'site' | 'added' | 'updated' | 'seen'> & {
  /** Occurrences of the word on the page it is saved from (at least 1). */
  count: number;
};

/** How often the reader met the word: occurrences summed over the pages it was saved from. */
export function frequency(w: SavedWord): number {
  let n = 0;
  for (const c of Object.values(w.seen)) n += c;
  return n;
}

/** The host of an address ('' when it is not one). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** English of CC-CEDICT definitions, as kept: the first three, "; "-joined. */
export function dictionaryEnglish(definitions: string[]): string {
  return definitions.slice(0, 3).join('; ');
}
