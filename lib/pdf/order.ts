/**
 * Lines → blocks in reading order, by recursive XY cuts (Nagy & Seth): a region is cut across
 * at every band of white space as wide as the page's body type is high (headline margins, the
 * space between stacked articles), else down at every column gap; top to bottom, then left to
 * right, so a newspaper page reads column by column. The gap between two ordinary lines is
 * smaller than a body em, so lines of side-by-side columns that share baselines never cut across.
 * A region with no cut is a block: its lines top to bottom.
 */
import type { PdfLine } from './lines';

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
  if (across.length > 1) {
    for (const part of across) cut(part, body, out);
    return;
  }
  const down = bands(boxes, (b) => [b.line.x0, b.line.x1], 0.9 * body);
  if (down.length > 1) {
    for (const part of down) cut(part, body, out);
    return;
  }
  const sorted = boxes.slice().sort((a, b) => a.line.y - b.line.y || a.line.x0 - b.line.x0);
  out.push({ lines: sorted.map((b) => b.line), x0: Math.min(...sorted.map((b) => b.line.x0)), x1: Math.max(...sorted.map((b) => b.line.x1)) });
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
