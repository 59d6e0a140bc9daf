/**
 * Changes to the word list, pure: a save (a draft from a card or the sidebar), an import (records
 * from a JSON export), a delete. The word is the key: nothing is ever listed twice.
 */
import { siteOf, type SavedWord, type WordDraft } from './record';

export interface Saved {
  words: SavedWord[];
  added: number;
  updated: number;
}

/** Save drafts at time `now` (ISO): new words are added, known ones updated in place. */
export function saveDrafts(list: SavedWord[], drafts: WordDraft[], now: string): Saved {
  const words = [...list];
  const at = new Map(words.map((w, i) => [w.word, i]));
  let added = 0;
  let updated = 0;
  for (const d of drafts) {
    const word = d.word.trim();
    if (!word) continue;
    const i = at.get(word);
    const count = Math.max(1, Math.round(d.count) || 1);
    if (i === undefined) {
      at.set(word, words.push(fromDraft({ ...d, word }, now, count)) - 1);
      added++;
      continue;
    }
    const old = words[i];
    // A glossary explanation is not replaced by a dictionary one (the same characters met as a
    // plain word on another page).
    const keepMeaning = old.source === 'glossary' && d.source === 'dictionary';
    const meaning = keepMeaning
      ? { pinyin: old.pinyin, english: old.english, source: old.source, termId: old.termId, category: old.category }
      : { pinyin: d.pinyin, english: d.english, source: d.source, termId: d.termId, category: d.category };
    words[i] = clean({
      ...old,
      ...meaning,
      sentence: d.sentence || old.sentence,
      title: d.title,
      url: d.url,
      site: siteOf(d.url),
      updated: now,
      seen: withPage(old.seen, d.url, count),
    });
    updated++;
  }
  return { words, added, updated };
}

function fromDraft(d: WordDraft, now: string, count: number): SavedWord {
  return clean({
    word: d.word,
    pinyin: d.pinyin,
    english: d.english,
    source: d.source,
    termId: d.termId,
    category: d.category,
    sentence: d.sentence,
    title: d.title,
    url: d.url,
    site: siteOf(d.url),
    added: now,
    updated: now,
    seen: { [d.url]: count },
  });
}

/** No undefined fields (storage and JSON keep records the same). */
function clean(w: SavedWord): SavedWord {
  if (w.termId === undefined) delete w.termId;
  if (w.category === undefined) delete w.category;
  return w;
}

/**
 * Merge imported records by word: for a word in both, the more recently updated record's
 * fields win, the first save date is the earlier, and the per-page counts are united.
 */
export function mergeImported(list: SavedWord[], incoming: SavedWord[]): Saved {
  const words = [...list];
  const at = new Map(words.map((w, i) => [w.word, i]));
  let added = 0;
  let updated = 0;
  for (const w of incoming) {
    const i = at.get(w.word);
    if (i === undefined) {
      at.set(w.word, words.push(w) - 1);
      added++;
      continue;
    }
    const old = words[i];
    const newer = w.updated > old.updated ? w : old;
    const seen = { ...old.seen };
    for (const [url, n] of Object.entries(w.seen)) seen[url] = Math.max(seen[url] ?? 0, n);
    words[i] = clean({
      ...newer,
      added: w.added < old.added ? w.added : old.added,
      updated: newer.updated,
      seen: capSeen(seen),
    });
    updated++;
  }
  return { words, added, updated };
}

/**
 * Words met again on a page the reader opened (`counts`: saved word → occurrences there): their
 * count for that page is set; nothing else changes (not the date of the last save).
 */
export function noteMet(list: SavedWord[], url: string, counts: Record<string, number>): { words: SavedWord[]; updated: number } {
  let updated = 0;
  const words = list.map((w) => {
    const n = Math.round(counts[w.word] ?? 0);
    if (n <= 0 || w.seen[url] === n) return w;
    updated++;
    return { ...w, seen: withPage(w.seen, url, n) };
  });
  return { words, updated };
}

/** A page's count, as the newest page. */
function withPage(seen: Record<string, number>, url: string, n: number): Record<string, number> {
  const out = { ...seen };
  delete out[url];
  out[url] = n;
  return capSeen(out);
}

/** Pages counted one by one per word; older ones are summed under '' (earlier pages). */
export const SEEN_PAGES = 100;

export function capSeen(seen: Record<string, number>): Record<string, number> {
  const pages = Object.keys(seen).filter((k) => k !== '');
  if (pages.length <= SEEN_PAGES) return seen;
  // Object keys keep their insertion order: the first are the oldest (a page met again is re-added last).
  const old = pages.slice(0, pages.length - SEEN_PAGES);
  const out: Record<string, number> = { '': (seen[''] ?? 0) + old.reduce((n, k) => n + seen[k], 0) };
  for (const k of pages.slice(-SEEN_PAGES)) out[k] = seen[k];
  return out;
}

export function removeWords(list: SavedWord[], remove: string[]): SavedWord[] {
  const gone = new Set(remove);
  return list.filter((w) => !gone.has(w.word));
}
