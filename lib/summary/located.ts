/**
 * The summary engine (lib/summary) as the sidebar needs it: every item located in the article's
 * text, so that choosing it in the sidebar scrolls the page to it.
 */
import type { TermMatch } from '../glossary/matcher';
import type { Token } from '../segment/segmenter';
import type { IdfTable } from './idf';
import { summarizeArticle } from './summarize';
import type { ArticleDigest, Located } from '../messages';

/** First place `s` stands in `text` (as a located item), or null when it is not there verbatim. */
function locate(text: string, s: string, from = 0): Located | null {
  const at = text.indexOf(s, from);
  return at < 0 ? null : { text: s, start: at, end: at + s.length };
}

export function locatedSummary(
  text: string,
  tokens: ReadonlyArray<Token>,
  matches: ReadonlyArray<TermMatch>,
  title: string | null,
  byline: string | null,
  idf: IdfTable | null,
): Omit<ArticleDigest, 'title' | 'byline' | 'terms'> {
  const s = summarizeArticle(text, { start: 0, end: text.length, title, byline }, tokens, matches, { idf });
  const present = <T>(x: T | null): x is T => x !== null;
  return {
    sentences: s.sentences.map((x) => ({ text: x.text, start: x.start, end: x.end })),
    people: s.people
      .map((p) => {
        const at = locate(text, p.name);
        return at && { ...at, name: p.name, title: p.title };
      })
      .filter(present),
    places: s.places.map((p) => locate(text, p)).filter(present),
    figures: s.figureDetails.map((f) => ({ text: f.text, start: f.start, end: f.end })),
  };
}
