/**
 * What the hover card saves to "My words": the word or term it shows, its reading and English,
 * the sentence it stands in on the page, and the page (title, address).
 */
import type { CardContent } from '../ui/card/Card';
import type { Span } from '../text/span';
import { dictionaryEnglish, type WordDraft } from '../words/record';
import { sentenceAround } from '../words/sentence';
import { countSaved } from '../words/met';
import type { PageIndex } from './page-index';

/** `at`: where the card's word stands (null for a related term opened from a chip: no sentence). */
export function cardDraft(doc: Document, index: PageIndex, content: CardContent, at: { article: number; span: Span } | null): WordDraft | null {
  const sentence = at ? sentenceAround(index.articles[at.article].model.text, at.span.start, at.span.end) : '';
  const page = { title: doc.title.trim() || doc.location.hostname, url: doc.location.href };
  if (content.kind === 'term') {
    const e = content.info.entry;
    // Counted as "times met" counts later pages (the characters in the text), or the glossary's
    // matches where the page writes the term in another form (traditional).
    const count = Math.max(pageCount(index, e.term), index.countOf(e.id));
    return { word: e.term, pinyin: e.pinyin, english: e.english, source: 'glossary', termId: e.id, category: e.category, sentence, ...page, count };
  }
  if (content.kind === 'word') {
    const w = content.info;
    // The dictionary entry read as the word is read here (行 háng / xíng), else the first.
    const entry = w.entries.find((d) => d.pinyin.toLowerCase() === w.pinyin.toLowerCase()) ?? w.entries[0];
    return { word: w.word, pinyin: w.pinyin, english: dictionaryEnglish(entry?.definitions ?? []), source: 'dictionary', sentence, ...page, count: pageCount(index, w.word) };
  }
  return null;
}

/** Occurrences of a word in the page's article texts (as lib/words/met.ts counts them). */
export function pageCount(index: PageIndex, word: string): number {
  return countSaved(index.articles.map((a) => a.model.text), [word])[word] ?? 0;
}
