// HTML input for the CLI: the extension's own article finder over linkedom's DOM.
import { findArticles } from '../dom/find-articles';
import { parsePage } from './parse-page';
import { elementPieces, piecesModel, slicePieces } from '../dom/text-model';
import { reportArticle, type ReportArticle } from '../report';

export interface HtmlText {
  text: string;
  articles: ReportArticle[];
}

export function htmlToArticles(html: string): HtmlText {
  const found = findArticles(parsePage(html));
  let text = '';
  const articles: ReportArticle[] = [];
  for (const a of found) {
    if (text) text += '\n\n';
    const start = text.length;
    const pieces = elementPieces(a.root);
    const body = piecesModel(a.span ? slicePieces(pieces, a.span.start, a.span.end) : pieces).text.trim();
    const head = a.title && !body.includes(a.title) ? a.title + '\n\n' : '';
    text += head + body;
    articles.push(reportArticle({ ...a, start, end: text.length, bodyStart: start + head.length, bodyEnd: text.length }));
  }
  return { text, articles };
}
