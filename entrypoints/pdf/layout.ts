/**
 * A page's reading text and articles, from its text items, by lib/pdf (the layout reader the
 * command line uses too: columns in reading order, headlines by type size, words broken at a
 * column's edge joined), plus, for each reading character, the text item and offset it was
 * printed from: the text layer's span and the offset in it.
 */
import { charSources, pageTextOf, readPdf, type PdfjsTextContent } from '../../lib/pdf';

export interface PageArticle {
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  source: string | null;
  dateline: string | null;
  /** The body's span in the reading text. */
  bodyStart: number;
  bodyEnd: number;
  /** "下转第2版": the page the article goes on to. */
  continuedOn: number | null;
}

export interface PageText {
  /** The reading text of the page. */
  text: string;
  /** For each reading character, the text item it came from (-1: a break the layout put in). */
  item: Int32Array;
  /** …and its offset in that item's string. */
  offset: Int32Array;
  articles: PageArticle[];
}

/** `content`: pdf.js's getTextContent() of the page; `view`: the page's view box (page.view). */
export function readPage(content: PdfjsTextContent, view: readonly number[]): PageText {
  const reading = readPdf([pageTextOf(content, view)]);
  const { text } = reading;
  const { item, offset } = charSources(reading);
  const articles = reading.articles.map(
    (a): PageArticle => ({
      title: a.title,
      subtitle: a.subtitle ?? null,
      byline: a.byline,
      source: a.source ?? null,
      dateline: a.dateline ?? null,
      bodyStart: a.bodyStart ?? a.start,
      bodyEnd: a.bodyEnd ?? a.end,
      continuedOn: a.continued?.to ?? null,
    }),
  );
  return { text, item, offset, articles };
}
