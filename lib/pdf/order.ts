/**
 * Lines → blocks in reading order, by recursive XY cuts (Nagy & Seth): a region is cut across
 * at every band of white space as wide as the page's body type is high (headline margins, the
 * space between stacked articles), else down at every column gap; top to bottom, then left to
 * right, so a newspaper page reads column by column. The gap between two ordinary lines is
 * smaller than a body em, so lines of side-by-side columns that share baselines never cut across.
 * Except under a row of headlines side by side (stories next to each other): that row and the band
 * under it are cut down first, so each story reads headline, then body.
 * A region with no cut is a block: its lines top to bottom.
 */
import type { PdfLine } from './lines';

/** Headlines are set at least this much larger than the page's body type. */
export const HEADLINE_RATIO = 1.25;

export interface Block {
  lines: PdfLine[];
  x0: number;
  x1: number;
}

interface Box {
  line: PdfLine;
  top: number;
  bottom: number;
}

/** The type size most of the page's characters are set in: the body text. */
export function bodySize(lines: PdfLine[]): number {
  const count = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.fontSize * 2) / 2;
    count.set(k, (count.get(k) ?? 0) + [...l.text].length);
  }
  let best = 0;
  let most = -1;
  for (const [k, n] of count) if (n > most) [best, most] = [k, n];
  return best;
}

export function readingBlocks(lines: PdfLine[], body = bodySize(lines)): Block[] {
  // Glyph boxes: ascent 0.9 em above the baseline, descent 0.15 em below.
  const boxes = lines.map((line): Box => ({ line, top: line.y - 0.9 * line.fontSize, bottom: line.y + 0.15 * line.fontSize }));
  const out: Block[] = [];
  cut(boxes, body, out);
  return out;
}

function cut(boxes: Box[], body: number, out: Block[]): void {
  if (!boxes.length) return;
  const across = bands(boxes, (b) => [b.top, b.bottom], body);
  const down = () => bands(boxes, (b) => [b.line.x0, b.line.x1], 0.9 * body);
  if (across.length > 1) {
    // Stories side by side have their headlines in one row: cutting across under that row would read
    // both headlines before either body. Such a row stays with the band under it, to be cut down.
    const parts: Box[][] = [];
    for (let i = 0; i < across.length; i++) {
      let row = across[i];
      if (headlinesSideBySide(row, body)) {
        const heads = new Set(row.filter((b) => b.line.fontSize >= HEADLINE_RATIO * body));
        // The row goes on down the page while the bands under it have body text and a column gap
        // still parts those headlines (a footer, a caption row or a story across the page ends it).
        while (i + 1 < across.length) {
          const next = across[i + 1];
          if (!next.some((b) => Math.abs(b.line.fontSize - body) <= 0.1 * body)) break;
          const merged = [...row, ...next];
          const split = bands(merged, (b) => [b.line.x0, b.line.x1], 0.9 * body).filter((part) => part.some((b) => heads.has(b)));
          if (split.length < 2) break;
          row = merged;
          i++;
        }
      }
      parts.push(row);
    }
    const downs = parts.length === 1 ? down() : [];
    const use = parts.length > 1 ? parts : downs.length > 1 ? downs : across;
    for (const part of use) cut(part, body, out);
    return;
  }
  const columns = down();
  if (columns.length > 1) {
    for (const part of columns) cut(part, body, out);
    return;
  }
  const sorted = boxes.slice().sort((a, b) => a.line.y - b.line.y || a.line.x0 - b.line.x0);
  out.push({ lines: sorted.map((b) => b.line), x0: Math.min(...sorted.map((b) => b.line.x0)), x1: Math.max(...sorted.map((b) => b.line.x1)) });
}

function headlinesSideBySide(band: Box[], body: number): boolean {
  const heads = band.filter((b) => b.line.fontSize >= HEADLINE_RATIO * body);
  return bands(heads, (b) => [b.line.x0, b.line.x1], 0.9 * body).length > 1;
}

/** Split boxes into groups separated by empty bands at least `minGap` wide along one axis. */
function bands(boxes: Box[], span: (b: Box) => [number, number], minGap: number): Box[][] {
  const sorted = boxes.slice().sort((a, b) => span(a)[0] - span(b)[0]);
  const groups: Box[][] = [];
  let reach = -Infinity;
  for (const b of sorted) {
    const [lo, hi] = span(b);
    if (!groups.length || lo - reach >= minGap) groups.push([b]);
    else groups[groups.length - 1].push(b);
    reach = Math.max(reach, hi);
  }
  return groups;
}
