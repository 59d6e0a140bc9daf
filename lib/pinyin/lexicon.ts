/**
 * The lexicons Dubao reads with, from assets/lexicons/ (JSON, bundled with the engine):
 * hand-kept place names, surnames, polyphone words and character defaults, plus the words
 * derived from CC-CEDICT (scripts/cedict-words.ts). Built once, on first use.
 */
import placesJson from '../../assets/lexicons/places.json';
import surnamesJson from '../../assets/lexicons/surnames.json';
import wordsJson from '../../assets/lexicons/words.json';
import charsJson from '../../assets/lexicons/chars.json';
import cedictJson from '../../assets/lexicons/cedict-words.json';
import notNamesJson from '../../assets/lexicons/not-names.json';

export type LexiconSource = 'place' | 'word' | 'cedict';

export interface LexEntry {
  syllables: string[];
  source: LexiconSource;
}

export interface Lexicon {
  /** Words of 2+ characters → reading. Hand-kept entries win over CC-CEDICT ones. */
  words: Map<string, LexEntry>;
  /** Longest word, in UTF-16 units. */
  maxLen: number;
  /** First two UTF-16 units of every word, to skip positions quickly. */
  heads: Set<string>;
  /** Surname character → its surname reading (where it differs from the everyday one). */
  surnameReadings: Map<string, string>;
  /** Two-character surnames → readings. */
  compoundSurnames: Map<string, string[]>;
  /** Single-character surnames common enough to start a detected name. */
  commonSurnames: Set<string>;
  /** Character → reading when nothing in context decided (replaces pinyin-pro's default). */
  charDefaults: Map<string, string>;
  /** Two-character verbs and adverbs that start with a surname character (解决, 关注): not names. */
  notNames: Set<string>;
}

/** Flatten `{group: {word: reading}}` (any depth); keys starting with '_' are comments. */
function flatten(obj: unknown, into: Record<string, string> = {}): Record<string, string> {
  if (!obj || typeof obj !== 'object') return into;
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (k.startsWith('_')) continue;
    if (typeof v === 'string') into[k] = v;
    else flatten(v, into);
  }
  return into;
}

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const words = new Map<string, LexEntry>();
  const add = (table: Record<string, string>, source: LexiconSource) => {
    for (const [w, r] of Object.entries(table)) {
      const syllables = r.split(' ');
      // A reading must give one syllable per character; a bad line is skipped, not fatal.
      if (!r || syllables.length !== [...w].length || words.has(w)) continue;
      words.set(w, { syllables, source });
    }
  };
  // Order is priority: the first table that has a word keeps it.
  add(flatten((wordsJson as { words: unknown }).words), 'word');
  add(flatten(placesJson), 'place');
  add(flatten((cedictJson as { words: unknown }).words), 'cedict');
  let maxLen = 0;
  const heads = new Set<string>();
  for (const w of words.keys()) {
    maxLen = Math.max(maxLen, w.length);
    heads.add(w.slice(0, 2));
  }
  const s = surnamesJson as { readings: Record<string, string>; compound: Record<string, string>; common: string };
  cached = {
    words,
    maxLen,
    heads,
    surnameReadings: new Map(Object.entries(s.readings).filter(([, r]) => r)),
    compoundSurnames: new Map(Object.entries(s.compound).map(([k, r]) => [k, r.split(' ')])),
    commonSurnames: new Set([...s.common]),
    charDefaults: new Map(Object.entries(flatten((charsJson as { chars: unknown }).chars))),
    notNames: new Set((notNamesJson as { words: string }).words.split(' ')),
  };
  return cached;
}
