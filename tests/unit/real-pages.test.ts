// The article finder on 52 real Chinese news pages (../shared/fixtures/real-pages, read there,
// never copied), against the gold read off each page by hand (tests/fixtures/real-pages-gold).
import { readFileSync } from 'node:fs';
import { parsePage } from '../../lib/cli/parse-page';
import { describe, expect, it } from 'vitest';
import { findArticles } from '../../lib/dom/find-articles';
import { elementPieces, piecesModel } from '../../lib/dom/text-model';
import { htmlToArticles } from '../../lib/cli/html';
import { splitArticles } from '../../lib/articles/split-text';
import { textModelFromString } from '../../lib/text/model';
import { foldTitle } from '../../lib/articles/meta';
import { realPages, type GoldPage } from '../fixtures/real-pages';

const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

const found = new Map<GoldPage, ReturnType<typeof findArticles>>();
function find(page: GoldPage) {
  let f = found.get(page);
  if (!f) found.set(page, (f = findArticles(parsePage(page.html))));
  return f;
}

describe('articles on 52 real news pages', () => {
  const pages = realPages();

  it('has the gold of all 52 pages', () => {
    expect(pages).toHaveLength(52);
  });

  it.each(pages.map((p) => [p.gold.page, p] as const))('%s: the article count and headline', (_name, page) => {
    const found = find(page);
    expect(found.map((a) => foldTitle(a.title ?? ''))).toEqual(page.gold.articles.map((g) => foldTitle(g.headline)));
  });

  it('finds the body: the first and last sentences of at least 50 of 52 pages', () => {
    let first = 0;
    let last = 0;
    for (const page of pages) {
      const a = find(page)[0];
      const g = page.gold.articles[0];
      if (!a || !g) continue;
      const body = collapse(piecesModel(elementPieces(a.root)).text);
      if (body.includes(collapse(g.first))) first++;
      if (body.includes(collapse(g.last))) last++;
    }
    expect(first).toBeGreaterThanOrEqual(50);
    expect(last).toBeGreaterThanOrEqual(50);
  });

  it('reads the dateline of most pages and never takes a 原标题 note or a share bar for a headline', () => {
    let dated = 0;
    for (const page of pages) {
      for (const a of find(page)) {
        expect(a.title ?? '').not.toMatch(/原标题|分享到|来源：|发布日期/);
        if (a.dateline) dated++;
      }
    }
    expect(dated).toBeGreaterThanOrEqual(40);
  });
});

const seed = readFileSync(new URL('../../../shared/fixtures/jining-daily-front-page.txt', import.meta.url), 'utf8');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

describe('a page laid out as one preformatted text (an e-paper text view)', () => {
  const fromText = splitArticles(textModelFromString(seed).text).articles.map((a) => a.title);

  it.each([
    ['a style attribute', `<div style="white-space: pre-wrap">${esc(seed)}</div>`, ''],
    ['a style rule', `<div class="epaper-text">${esc(seed)}</div>`, '<style>.epaper-text { font: 16px serif; white-space: pre-line }</style>'],
  ])('finds the 5 articles of the seed through %s, as the text splitter does', (_how, body, style) => {
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>济宁日报 第01版</title>${style}</head><body>${body}</body></html>`;
    const found = findArticles(parsePage(html));
    expect(fromText).toHaveLength(5);
    expect(found.map((a) => a.title)).toEqual(fromText);
    // Each article's text is its own: the first starts with its source lead, none overlap.
    const cli = htmlToArticles(html);
    expect(cli.articles.map((a) => a.title)).toEqual(fromText);
    expect(cli.text).toContain('为济宁争先进位和高质量发展提供强有力');
  });

  it('keeps the lines of an ordinary (not preformatted) text node as one paragraph', () => {
    const html = `<html><head><title>t</title></head><body><div>${esc(seed)}</div></body></html>`;
    expect(findArticles(parsePage(html))).toHaveLength(1);
  });
});
