// HTML input for the CLI: the extension's own article finder over linkedom's DOM.
import { parseHTML } from 'linkedom';
import { findArticles } from '../dom/find-articles';
import { elementTextModel } from '../dom/text-model';
import type { ReportArticle } from '../report';

export interface HtmlText {
  text: string;
  articles: ReportArticle[];
}

export function htmlToArticles(html: string): HtmlText {
  const { document } = parseHTML(html);
  const found = findArticles(document as unknown as Document);
  let text = '';
  const articles: ReportArticle[] = [];
  for (const a of found) {
    if (text) text += '\n\n';
    const start = text.length;
    const body = elementTextModel(a.root).text.trim();
    const head = a.title && !body.includes(a.title) ? a.title + '\n\n' : '';
    text += head + body;
    articles.push({
      title: a.title,
      byline: a.byline,
      start,
      end: text.length,
      summary: [],
      people: [],
      places: [],
      figures: [],
      terms: [],
      bodyStart: start + head.length,
      bodyEnd: text.length,
    });
  }
  return { text, articles };
}
