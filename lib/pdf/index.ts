/**
 * PDF e-papers, the engine side (DOM-free, no pdf.js here: page-text.ts takes pdf.js's output as
 * plain data). readPdf(pages) → the reading text, its text model (every reading offset → the pdf.js
 * item and the offset in it, for the viewer's text layer), the articles found from the layout in
 * the Report's shape, and the banners. annotate(text, { joinBreaks: false, articles }) does the rest.
 */
import { toSource } from '../text/model';
import { findPdfArticles } from './articles';
import { readPages, type PdfItemRef, type PdfText } from './reading';
import type { PdfPageText } from './page-text';
import type { ReportArticle } from '../report';

export { pageTextOf, normalizeGlyphs, readAsSimplified, type PdfPageText, type PdfTextItem, type PdfjsTextContent } from './page-text';
export type { PdfItemRef, PdfText, ReadingLine, PdfLineKind } from './reading';
export { pageNumber } from './articles';

export interface PdfReading extends PdfText {
  articles: ReportArticle[];
  banners: string[];
}

/** What the message says when no page of a PDF has text: a scan. */
export const NO_TEXT = 'this page is an image; it has no text to read';

export function readPdf(pages: PdfPageText[]): PdfReading {
  const text = readPages(pages);
  return { ...text, ...findPdfArticles(text) };
}

/**
 * Does the PDF have text to read? A scanned page has none, or only a stamp (a page number, a
 * scanner's footer): fewer than 20 characters in the whole file count as none.
 */
export function hasText(pages: PdfPageText[]): boolean {
  let n = 0;
  for (const p of pages) for (const it of p.items) if ((n += it.str.replace(/\s/g, '').length) >= 20) return true;
  return false;
}

/** The item and the offset inside its `str` that printed reading offset `offset`; null for a separator. */
export function sourceOf(reading: PdfText, offset: number): (PdfItemRef & { offset: number }) | null {
  const raw = reading.model.toRaw[offset];
  if (raw === undefined || offset >= reading.text.length) return null;
  const pt = toSource(reading.model, offset);
  if (!pt) return null;
  // toSource falls back to the previous chunk for a separator: check the character is the item's.
  const chunkStart = chunkIndexAt(reading, raw);
  if (chunkStart < 0 || reading.model.chunks[chunkStart].node === null) return null;
  return { page: pt.node.page, item: pt.node.item, offset: pt.offset };
}

/**
 * sourceOf for every reading offset at once, in one pass over the chunks: `item[i]` (-1 for a
 * character the layout put in), `offset[i]` and `page[i]`.
 */
export function charSources(reading: PdfText): { page: Int32Array; item: Int32Array; offset: Int32Array } {
  const n = reading.text.length;
  const page = new Int32Array(n).fill(-1);
  const item = new Int32Array(n).fill(-1);
  const offset = new Int32Array(n);
  // The model's raw text is its reading text (readPages joins nothing afterwards): chunk starts are reading offsets.
  reading.model.chunks.forEach((c, k) => {
    if (!c.node) return;
    const start = reading.model.chunkStarts[k];
    for (let j = 0; j < c.text.length; j++) {
      page[start + j] = c.node.page;
      item[start + j] = c.node.item;
      offset[start + j] = (c.base ?? 0) + j;
    }
  });
  return { page, item, offset };
}

/**
 * The pieces of pdf.js items that reading span [start, end) covers, in reading order: what the
 * viewer wraps in a highlight on the text layer. A span over a joined line end gives two pieces.
 */
export function itemRanges(reading: PdfText, start: number, end: number): Array<PdfItemRef & { start: number; end: number }> {
  const out: Array<PdfItemRef & { start: number; end: number }> = [];
  for (let o = start; o < end; o++) {
    const s = sourceOf(reading, o);
    if (!s) continue;
    const last = out[out.length - 1];
    if (last && last.page === s.page && last.item === s.item && last.end === s.offset) last.end = s.offset + 1;
    else out.push({ page: s.page, item: s.item, start: s.offset, end: s.offset + 1 });
  }
  return out;
}

function chunkIndexAt(reading: PdfText, raw: number): number {
  const starts = reading.model.chunkStarts;
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= raw) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
