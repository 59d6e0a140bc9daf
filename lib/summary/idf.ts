/**
 * Keyword weights: jieba's IDF table (cppjieba's dict/idf.utf8, as nodejieba ships it) in a
 * compact form the extension can load. The full file is 6 MB for 259k words; most of them are
 * rare words whose IDF sits near the table's top, which tells a summariser nothing more than
 * "unknown word". So the compact table keeps the words below a cut-off, quantised to buckets,
 * and every other word reads as the full table's average — what cppjieba itself uses for an
 * unknown word.
 *
 * Format (UTF-8 text, one record a line, tab-separated):
 *   #dubao-idf 1	default=<idf>	step=<q>	cutoff=<c>
 *   stop	<word> <word> …          (jieba's stop words: weight 0)
 *   <idf>	<word> <word> …          (one line per bucket, words separated by single spaces)
 */

export interface IdfTable {
  /** IDF of a word; the table's default for a word it does not hold. */
  idf(word: string): number;
  isStop(word: string): boolean;
  /** The weight of a word not in the table (the full table's mean). */
  readonly fallback: number;
  readonly size: number;
}

export interface CompactOptions {
  /** Keep words whose IDF is below this. */
  cutoff?: number;
  /** Bucket width. */
  step?: number;
}

const HEADER = '#dubao-idf 1';

/**
 * Compile jieba's idf.utf8 ("word idf" lines) and stop_words.utf8 (one a line) into the
 * compact table text. Pure: the build script and the tests read the files, this only converts.
 */
export function compactIdf(idfText: string, stopText: string, opts: CompactOptions = {}): string {
  const cutoff = opts.cutoff ?? 10;
  const step = opts.step ?? 0.25;
  const buckets = new Map<number, string[]>();
  let sum = 0;
  let n = 0;
  for (const line of idfText.split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    const word = line.slice(0, sp).trim();
    const v = Number(line.slice(sp + 1));
    if (!word || !Number.isFinite(v) || /\s/.test(word)) continue;
    sum += v;
    n++;
    if (v >= cutoff) continue;
    const b = Math.round(v / step) * step;
    let list = buckets.get(b);
    if (!list) buckets.set(b, (list = []));
    list.push(word);
  }
  const fallback = n ? sum / n : 10;
  // Only stop words that can be a token's whole text matter (punctuation is never a keyword).
  const stops = stopText
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => /^[\p{Script=Han}A-Za-z]+$/u.test(s));
  const lines = [`${HEADER}\tdefault=${fallback.toFixed(3)}\tstep=${step}\tcutoff=${cutoff}`, `stop\t${stops.join(' ')}`];
  for (const b of [...buckets.keys()].sort((x, y) => x - y)) lines.push(`${+b.toFixed(3)}\t${buckets.get(b)!.join(' ')}`);
  return lines.join('\n') + '\n';
}

/** Read the compact table (see the format above). Throws on a text that is not one. */
export function parseIdfTable(text: string): IdfTable {
  const lines = text.split('\n');
  if (!lines[0]?.startsWith(HEADER)) throw new Error('idf table: not a dubao-idf file');
  const fallback = Number(/default=([\d.]+)/.exec(lines[0])?.[1] ?? NaN);
  if (!Number.isFinite(fallback)) throw new Error('idf table: header has no default');
  const weights = new Map<string, number>();
  const stops = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const tab = lines[i].indexOf('\t');
    if (tab < 0) continue;
    const key = lines[i].slice(0, tab);
    const words = lines[i].slice(tab + 1).split(' ');
    if (key === 'stop') for (const w of words) stops.add(w);
    else {
      const v = Number(key);
      for (const w of words) if (w) weights.set(w, v);
    }
  }
  return idfFromMap(weights, stops, fallback);
}

/** A table over an explicit map (the full idf.utf8 in benchmarks, or a hand-made one in tests). */
export function idfFromMap(weights: Map<string, number>, stops: Set<string>, fallback: number): IdfTable {
  return {
    idf: (w) => (stops.has(w) ? 0 : weights.get(w) ?? fallback),
    isStop: (w) => stops.has(w),
    fallback,
    size: weights.size,
  };
}

/** Parse jieba's own "word idf" file into a table (no compaction). */
export function parseJiebaIdf(idfText: string, stopText: string): IdfTable {
  const weights = new Map<string, number>();
  let sum = 0;
  for (const line of idfText.split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    const v = Number(line.slice(sp + 1));
    if (!Number.isFinite(v)) continue;
    weights.set(line.slice(0, sp).trim(), v);
    sum += v;
  }
  const stops = new Set(stopText.split('\n').map((s) => s.trim()).filter(Boolean));
  return idfFromMap(weights, stops, weights.size ? sum / weights.size : 10);
}
