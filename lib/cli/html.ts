// HTML input for the CLI: the extension's own article finder over linkedom's DOM.
import { findArticles } from '../dom/find-articles';
import { parsePage } from './parse-page';
import { articlePieces, piecesModel } from '../dom/text-model';
import type { TextPiece } from '../dom/walk';
import { reportArticle, type ReportArticle } from '../report';

export interface HtmlText {
  text: string;
  articles: ReportArticle[];
}

export function htmlToArticles(html: string): HtmlText {
  const found = findArticles(parsePage(html));
  let text = '';
  const articles: ReportArticle[] = [];
  const shared = new Map<Element, TextPiece[]>();
  for (const a of found) {
    if (text) text += '\n\n';
    const start = text.length;
    const body = piecesModel(articlePieces(a.root, a.span, shared)).text.trim();
    const head = a.title && !body.includes(a.title) ? a.title + '\n\n' : '';
    text += head + body;
    articles.push(reportArticle({ ...a, start, end: text.length, bodyStart: start + head.length, bodyEnd: text.length }));
  }
  return { text, articles };
}
