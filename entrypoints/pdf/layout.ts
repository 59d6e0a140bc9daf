/**
 * A page's reading text and articles, from its text items. Until lib/pdf (the layout reader
 * shared with the command line) is in, this reads the items in the order the PDF holds them
 * (a line per baseline), lets the text model join words broken at a line's end, and splits the
 * text into articles with the text splitter (lib/articles/split-text.ts).
 */
import { splitArticles } from '../../lib/articles/split-text';
import { parseMeta } from '../../lib/articles/meta';
import { textModelFromString } from '../../lib/text/model';
import type { TextItem } from './pdfjs';

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

export function readPage(items: TextItem[]): PageText {
  let raw = '';
  const rawItem: number[] = [];
  const rawOffset: number[] = [];
  let lastY: number | null = null;
  const push = (ch: string, item: number, offset: number) => {
    raw += ch;
    rawItem.push(item);
    rawOffset.push(offset);
  };
  items.forEach((it, i) => {
    const y = it.transform[5];
    const size = Math.hypot(it.transform[2], it.transform[3]) || 10;
    // A new baseline is a new line.
    if (lastY !== null && Math.abs(y - lastY) > size * 0.5 && !raw.endsWith('\n')) push('\n', -1, 0);
    for (let k = 0; k < it.str.length; k++) push(it.str[k], i, k);
    if (it.str) lastY = y;
    if (it.hasEOL && !raw.endsWith('\n')) push('\n', -1, 0);
  });
  const model = textModelFromString(raw);
  const n = model.text.length;
  const item = new Int32Array(n);
  const offset = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = model.toRaw[i];
    item[i] = model.text[i] === raw[r] ? rawItem[r] : -1;
    offset[i] = rawOffset[r];
  }
  const text = model.text;
  const articles = splitArticles(text).articles.map((a): PageArticle => {
    const body = text.slice(a.bodyStart, a.bodyEnd);
    const meta = parseMeta(body.split('\n').filter((l) => l.trim()));
    const more = /下转第?\s*([0-9一二三四五六七八九十]+)\s*版/.exec(body);
    return {
      title: a.title,
      subtitle: a.subtitle,
      byline: a.byline ?? meta.byline ?? null,
      source: meta.source ?? null,
      dateline: meta.dateline ?? null,
      bodyStart: a.bodyStart,
      bodyEnd: a.bodyEnd,
      continuedOn: more ? Number(more[1]) || null : null,
    };
  });
  return { text, item, offset, articles };
}
