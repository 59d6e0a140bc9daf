/**
 * Text items → printed lines. pdf.js gives runs of glyphs in drawing order; a line is the run of
 * items on one baseline, at one type size, with no gap wider than a column gap between them (two
 * columns side by side share baselines but are two lines).
 */
import type { PdfPageText } from './page-text';

export interface LinePart {
  /** Index of the item in the page's items. */
  item: number;
  /** The blank before this item on its line, in ems (0 for the first item). */
  gapEm: number;
  /** A visible gap (a fifth of an em or more) that no space character fills: read as a space. */
  spaceBefore: boolean;
}

export interface PdfLine {
  parts: LinePart[];
  /** The line's text: items and inserted spaces. */
  text: string;
  x0: number;
  x1: number;
  /** Baseline, from the page's top. */
  y: number;
  fontSize: number;
}

/** A gap wider than this many ems between two items on a baseline separates two lines (columns). */
const COLUMN_GAP_EM = 1.0;

export function pageLines(page: PdfPageText): PdfLine[] {
  const order = page.items
    .map((it, i) => i)
    .filter((i) => page.items[i].str.trim() !== '' && page.items[i].fontSize > 0)
    .sort((a, b) => page.items[a].y - page.items[b].y || page.items[a].x - page.items[b].x);
  // Baseline bands: items whose baselines are within a fifth of their type size.
  const bands: number[][] = [];
  for (const i of order) {
    const it = page.items[i];
    const band = bands.length ? bands[bands.length - 1] : null;
    const ref = band ? page.items[band[0]] : null;
    if (band && ref && Math.abs(it.y - ref.y) <= 0.2 * Math.min(it.fontSize, ref.fontSize)) band.push(i);
    else bands.push([i]);
  }
  const lines: PdfLine[] = [];
  for (const band of bands) {
    band.sort((a, b) => page.items[a].x - page.items[b].x);
    let cur: PdfLine | null = null;
    for (const i of band) {
      const it = page.items[i];
      const gap = cur ? it.x - cur.x1 : 0;
      const em = cur ? Math.max(cur.fontSize, it.fontSize) : it.fontSize;
      const sameSize = cur ? Math.abs(it.fontSize - cur.fontSize) <= 0.15 * cur.fontSize : false;
      if (!cur || gap > COLUMN_GAP_EM * em || !sameSize) {
        cur = { parts: [], text: '', x0: it.x, x1: it.x + it.width, y: it.y, fontSize: it.fontSize };
        lines.push(cur);
      }
      // Whether a gap between Han characters is a word space depends on the line (reading.ts).
      const prevCh = cur.text.slice(-1);
      const nextCh = it.str[0];
      const gapEm = cur.parts.length ? gap / em : 0;
      const spaceBefore = cur.parts.length > 0 && gapEm >= 0.2 && prevCh !== ' ' && nextCh !== ' ';
      cur.parts.push({ item: i, gapEm, spaceBefore });
      cur.text += (spaceBefore ? ' ' : '') + it.str;
      cur.x1 = Math.max(cur.x1, it.x + it.width);
      cur.fontSize = Math.max(cur.fontSize, it.fontSize);
    }
  }
  return lines;
}
