/**
 * PDF pages → the reading text: lines in reading order (order.ts), a line that runs to its
 * column's right edge joined to the next one when that one is not indented (the word broken at
 * the column's edge reads as one word, also across a column or block break), other line ends
 * kept. The text is built as text-model chunks (lib/text/model.ts): one chunk per pdf.js item,
 * separators between, so every reading offset maps back to an item and an offset in it.
 */
import { buildTextModel, type SourceChunk, type TextModel } from '../text/model';
import { readAsSimplified, type PdfPageText } from './page-text';
import { pageLines, type PdfLine } from './lines';
import { bodySize, HEADLINE_RATIO, readingBlocks, type Block } from './order';
import { BYLINE_LINE } from '../articles/patterns';

/** Where a character of the reading text was printed: the page (0-based) and the item's index on it. */
export interface PdfItemRef {
  page: number;
  item: number;
}

export type PdfLineKind = 'heading' | 'body' | 'small';

/** A line of the reading text with what layout says about it. */
export interface ReadingLine {
  page: number;
  start: number;
  end: number;
  text: string;
  kind: PdfLineKind;
  fontSize: number;
  block: number;
  /** This line's end is joined to the next line (no break in the reading text). */
  joined: boolean;
}

export interface PdfText {
  text: string;
  model: TextModel<PdfItemRef>;
  lines: ReadingLine[];
  /** Each page's span of the reading text, and its body type size (0: no text on the page). */
  pages: Array<{ start: number; end: number; bodySize: number }>;
}

/** Fine print: smaller than this much of the body type (headlines: order.ts HEADLINE_RATIO). */
const SMALL_RATIO = 0.9;

export function kindOf(fontSize: number, body: number): PdfLineKind {
  if (fontSize >= HEADLINE_RATIO * body) return 'heading';
  if (fontSize <= SMALL_RATIO * body) return 'small';
  return 'body';
}

export function readPages(input: PdfPageText[]): PdfText {
  const pages = readAsSimplified(input);
  const chunks: Array<SourceChunk<PdfItemRef>> = [];
  const lines: ReadingLine[] = [];
  const spans: PdfText['pages'] = [];
  let pos = 0;
  let built = '';
  const push = (text: string, node: PdfItemRef | null, base?: number) => {
    if (!text) return;
    chunks.push(base ? { text, node, base } : { text, node });
    pos += text.length;
    built += text;
  };
  const textSince = (start: number) => built.slice(start);
  let blockBase = 0;
  pages.forEach((page, p) => {
    if (p > 0 && pos > 0) push('\n\n', null);
    const pageStart = pos;
    const found = pageLines(page);
    const body = bodySize(found);
    const blocks = readingBlocks(found, body);
    const ordered = blocks.flatMap((b, bi) => b.lines.map((line) => ({ line, block: bi })));
    ordered.forEach(({ line, block }, k) => {
      const start = pos;
      const kind = kindOf(line.fontSize, body);
      for (const c of lineChunks(line, kind, isFull(line, blocks[block]), page, p)) push(c.text, c.node, c.base);
      const next = ordered[k + 1];
      const joinWith = next ? joinOf(line, blocks[block], next.line, blocks[next.block], kind, kindOf(next.line.fontSize, body)) : null;
      lines.push({ page: p, start, end: pos, text: textSince(start), kind, fontSize: line.fontSize, block: blockBase + block, joined: joinWith !== null });
      if (!next) return;
      if (joinWith !== null) push(joinWith, null);
      // A headline starts a new paragraph of the reading text.
      else push(kindOf(next.line.fontSize, body) === 'heading' && kind !== 'heading' ? '\n\n' : '\n', null);
    });
    blockBase += blocks.length;
    spans.push({ start: pageStart, end: pos, bodySize: found.length ? body : 0 });
  });
  const model = buildTextModel(chunks, false);
  return { text: model.text, model, lines, pages: spans };
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]/u;

interface Unit {
  ch: string;
  ref: PdfItemRef | null;
  offset: number;
}

/**
 * A line's text as chunks. Spaces between two Chinese characters are dropped in a full line of body
 * text that has several: pdf.js writes one wherever justification spreads the glyphs (截至目前 ， 全
 * 市 “ 强 校), and Chinese prose has none. Bylines keep them (本报通讯员 雷夫幸 谷雨阳), and so does a headline unless it is
 * letter-spaced throughout (a couplet: 厚植民生福祉 擦亮为民底色).
 */
function lineChunks(line: PdfLine, kind: PdfLineKind, full: boolean, page: PdfPageText, p: number): Array<{ text: string; node: PdfItemRef | null; base: number }> {
  // Most lines have no space at all: one chunk per item.
  if (!line.text.includes(' ')) return line.parts.map((part) => ({ text: page.items[part.item].str, node: { page: p, item: part.item }, base: 0 }));
  const units: Unit[] = [];
  for (const part of line.parts) {
    if (part.spaceBefore) units.push({ ch: ' ', ref: null, offset: 0 });
    const str = page.items[part.item].str;
    for (let k = 0; k < str.length; k++) units.push({ ch: str[k], ref: { page: p, item: part.item }, offset: k });
  }
  const trimmed = line.text.trim();
  const byline = trimmed.includes('■') || BYLINE_LINE.test(trimmed);
  const gaps: number[] = [];
  for (let i = 0; i < units.length; i++) {
    if (units[i].ch !== ' ') continue;
    let a = i - 1;
    while (a >= 0 && units[a].ch === ' ') a--;
    let b = i + 1;
    while (b < units.length && units[b].ch === ' ') b++;
    if (a >= 0 && b < units.length && CJK.test(units[a].ch) && CJK.test(units[b].ch)) gaps.push(i);
  }
  // Justification spreads only full lines, and all their glyphs alike: one or two spaces in a line
  // are the writer's (本报济宁讯（记者 宋仪凯）), a short line's too.
  let drop = !byline && kind !== 'heading' && full && gaps.length >= 3;
  if (kind === 'heading') {
    const pairs = units.filter((u, i) => i > 0 && CJK.test(u.ch) && CJK.test(units[i - 1].ch)).length;
    drop = gaps.length >= 3 && gaps.length >= pairs;
  }
  const dropped = new Set(drop ? gaps : []);
  const out: Array<{ text: string; node: PdfItemRef | null; base: number }> = [];
  let kept = -1;
  units.forEach((u, i) => {
    if (dropped.has(i)) return;
    const prev = kept === i - 1 ? units[kept] : null;
    // One chunk per unbroken run of one item's characters; separators and the rest start anew.
    if (prev && u.ref && prev.ref && u.ref.item === prev.ref.item) out[out.length - 1].text += u.ch;
    else out.push({ text: u.ch, node: u.ref, base: u.offset });
    kept = i;
  });
  return out;
}

/**
 * How a line's end reads: null keeps the break, '' or ' ' joins. Joined: both lines are body type
 * (or both fine print) of one size, the first runs to its column's right edge (isFull), the second
 * is not indented from its own column's left edge, and the first is no byline (■本报记者 X).
 */
function joinOf(a: PdfLine, ablock: Block, b: PdfLine, bblock: Block, akind: PdfLineKind, bkind: PdfLineKind): string | null {
  if (akind === 'heading' && bkind === 'heading' && stackedGlyphs(a, b)) return '';
  if (akind === 'heading' || akind !== bkind) return null;
  if (Math.abs(a.fontSize - b.fontSize) > 0.05 * a.fontSize) return null;
  const em = a.fontSize;
  const [bLeft] = edges(bblock, b.fontSize);
  if (!isFull(a, ablock)) return null;
  if (b.x0 > bLeft + 0.5 * em) return null;
  const at = a.text.trimEnd();
  if (at.includes('■') || BYLINE_LINE.test(at)) return null;
  // A column continued below: the next block starts lower on the page or in a column to the right.
  if (ablock !== bblock && !(b.x0 >= ablock.x1 - em || b.y > a.y)) return null;
  const last = at.slice(-1);
  const first = b.text.trimStart()[0] ?? '';
  return /[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(first) && /[A-Za-z]/.test(last + first) ? ' ' : '';
}

/**
 * A headline set vertically (竖排) prints one character under another: each is a "line" of one
 * glyph; read as one run of text, or its words would be cut apart.
 */
function stackedGlyphs(a: PdfLine, b: PdfLine): boolean {
  const em = a.fontSize;
  const one = (l: PdfLine) => [...l.text.trim()].length === 1;
  return one(a) && one(b) && Math.abs(a.fontSize - b.fontSize) <= 0.05 * em && Math.abs(a.x0 - b.x0) < 0.2 * em && b.y > a.y && b.y - a.y < 1.6 * em;
}

/**
 * The line runs to its column's right edge, short of it by less than a character (a line with a
 * quotation mark set half-width can stop half an em short); a block of one line has no column to tell.
 */
function isFull(line: PdfLine, block: Block): boolean {
  const peers = block.lines.filter((l) => Math.abs(l.fontSize - line.fontSize) <= 0.05 * line.fontSize).length;
  return peers >= 2 && line.x1 > edges(block, line.fontSize)[1] - 0.9 * line.fontSize;
}

/**
 * Left and right edges of a block's lines set at one type size (its column): where most lines
 * start and end (to a third of an em), not the extremes: a line may overhang by a punctuation mark.
 */
function edges(block: Block, size: number): [number, number] {
  let bySize = edgeCache.get(block);
  if (!bySize) edgeCache.set(block, (bySize = new Map()));
  let e = bySize.get(size);
  if (!e) {
    const same = block.lines.filter((l) => Math.abs(l.fontSize - size) <= 0.05 * size);
    e = [mode(same.map((l) => l.x0), size / 3), mode(same.map((l) => l.x1), size / 3)];
    bySize.set(size, e);
  }
  return e;
}
const edgeCache = new WeakMap<Block, Map<number, [number, number]>>();

function mode(xs: number[], tolerance: number): number {
  let best = xs[0] ?? 0;
  let most = 0;
  for (const x of xs) {
    const n = xs.filter((y) => Math.abs(y - x) <= tolerance).length;
    if (n > most || (n === most && x > best)) [best, most] = [x, n];
  }
  return best;
}
