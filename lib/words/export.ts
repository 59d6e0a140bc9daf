/**
 * Exports of "My words" and the import of the JSON export, pure (text in, text out).
 * - TSV for Anki (2.1.54+ reads the # header lines: tab separator, HTML fields, tags in column 3):
 *   front: the word; back: pinyin, English and the sentence with the word in bold; tags: the
 *   glossary category, or the page's site.
 * - CSV (RFC 4180, with a header row and a byte-order mark so that spreadsheets read UTF-8).
 * - JSON: every field, re-importable (merged by word).
 */
import { frequency, siteOf, type SavedWord } from './record';

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** One TSV cell: no tab or line break inside. */
const cell = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

/** The sentence as HTML, with the word's first occurrence in <b>. */
export function markedSentence(sentence: string, word: string): string {
  const at = word ? sentence.indexOf(word) : -1;
  if (at < 0) return html(sentence);
  return `${html(sentence.slice(0, at))}<b>${html(word)}</b>${html(sentence.slice(at + word.length))}`;
}

/** An Anki tag: no spaces (Anki splits tags on them). */
const tag = (s: string) => s.trim().replace(/\s+/g, '_');

export function wordsTsv(words: SavedWord[]): string {
  const head = ['#separator:tab', '#html:true', '#tags column:3'];
  const rows = words.map((w) => {
    const back = [html(w.pinyin), html(w.english), markedSentence(w.sentence, w.word)].filter(Boolean).join('<br>');
    return [cell(html(w.word)), cell(back), cell(tag(w.category ?? w.site ?? '') || 'dubao')].join('\t');
  });
  return [...head, ...rows].join('\n') + '\n';
}

export const CSV_COLUMNS = ['word', 'pinyin', 'english', 'sentence', 'page', 'url', 'site', 'category', 'added', 'updated', 'frequency'] as const;

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function wordsCsv(words: SavedWord[]): string {
  const rows = words.map((w) =>
    [w.word, w.pinyin, w.english, w.sentence, w.title, w.url, w.site, w.category ?? '', w.added, w.updated, String(frequency(w))].map(csvCell).join(','),
  );
  return '\uFEFF' + [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

export const WORDS_FORMAT = 'dubao-words';

export function wordsJson(words: SavedWord[], exported: string): string {
  return JSON.stringify({ format: WORDS_FORMAT, version: 1, exported, words }, null, 2);
}

/**
 * Read a JSON export back: the records that are words (a non-empty `word`), with missing fields
 * filled; others are counted as skipped. Throws on text that is not a Dubao word list.
 */
export function parseWordsJson(text: string): { words: SavedWord[]; skipped: number } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new Error('not JSON');
  }
  const list = Array.isArray(data) ? data : isObject(data) && data.format === WORDS_FORMAT && Array.isArray(data.words) ? data.words : null;
  if (!list) throw new Error('not a Dubao word list');
  const words: SavedWord[] = [];
  const seenWords = new Set<string>();
  let skipped = 0;
  for (const item of list) {
    const w = toWord(item);
    if (!w || seenWords.has(w.word)) {
      skipped++;
      continue;
    }
    seenWords.add(w.word);
    words.push(w);
  }
  return { words, skipped };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const str = (x: unknown) => (typeof x === 'string' ? x : '');
const date = (x: unknown, fallback: string) => (typeof x === 'string' && !Number.isNaN(Date.parse(x)) ? new Date(x).toISOString() : fallback);

function toWord(x: unknown): SavedWord | null {
  if (!isObject(x)) return null;
  const word = str(x.word).trim();
  if (!word) return null;
  const url = str(x.url);
  const seen: Record<string, number> = {};
  if (isObject(x.seen)) for (const [k, v] of Object.entries(x.seen)) if (typeof v === 'number' && v > 0) seen[k] = Math.round(v);
  if (!Object.keys(seen).length && url) seen[url] = 1;
  const updated = date(x.updated, date(x.added, new Date(0).toISOString()));
  const w: SavedWord = {
    word,
    pinyin: str(x.pinyin),
    english: str(x.english),
    source: x.source === 'glossary' ? 'glossary' : 'dictionary',
    sentence: str(x.sentence),
    title: str(x.title),
    url,
    site: str(x.site) || siteOf(url),
    added: date(x.added, updated),
    updated,
    seen,
  };
  if (typeof x.termId === 'string' && x.termId) w.termId = x.termId;
  if (typeof x.category === 'string' && x.category) w.category = x.category;
  return w;
}
