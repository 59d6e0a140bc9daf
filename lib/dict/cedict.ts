/**
 * CC-CEDICT lookup over the compact TSV that scripts/cedict.ts writes (one line per headword:
 * simplified, traditional, numbered pinyin, "/"-joined definitions). Parsed once into maps.
 */
import { numberedToMarks } from './pinyin-marks';

export interface DictEntry {
  simplified: string;
  traditional: string;
  /** Tone-marked, space-separated. */
  pinyin: string;
  definitions: string[];
}

export interface Dictionary {
  /** Entries whose simplified or traditional form is exactly `word`. */
  lookup(word: string): DictEntry[];
  /** The longest headword starting at `text[at]` (at most 8 characters), with its entries. */
  longestAt(text: string, at: number): { word: string; entries: DictEntry[] } | null;
  size: number;
}

export function parseCedict(tsv: string): Dictionary {
  const bySimp = new Map<string, string[]>();
  const byTrad = new Map<string, string[]>();
  let size = 0;
  for (const line of tsv.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const simp = line.slice(0, tab);
    const trad = line.slice(tab + 1, line.indexOf('\t', tab + 1));
    (bySimp.get(simp) ?? bySimp.set(simp, []).get(simp)!).push(line);
    if (trad !== simp) (byTrad.get(trad) ?? byTrad.set(trad, []).get(trad)!).push(line);
    size++;
  }
  const decode = (line: string): DictEntry => {
    const [simplified, traditional, py, defs] = line.split('\t');
    return { simplified, traditional, pinyin: numberedToMarks(py), definitions: defs.split('/').filter(Boolean) };
  };
  const lookup = (word: string) => [...(bySimp.get(word) ?? []), ...(byTrad.get(word) ?? [])].map(decode);
  return {
    size,
    lookup,
    longestAt(text, at) {
      for (let len = Math.min(8, text.length - at); len >= 1; len--) {
        const w = text.slice(at, at + len);
        if (bySimp.has(w) || byTrad.has(w)) return { word: w, entries: lookup(w) };
      }
      return null;
    },
  };
}
