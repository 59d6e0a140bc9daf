/**
 * The text model: the page's text as one reading string plus a map back to where each
 * character came from.
 *
 * Sources are chunks (a DOM text node, or a whole .txt file). Between chunks a renderer may
 * put separators (a block boundary, a <br>) that belong to no chunk. Newspaper text that was
 * extracted from a printed page carries hard line breaks inside words (高质量发 / 展): the
 * reading string drops those breaks, so segmentation, matching and pinyin see 高质量发展,
 * and every reading offset still maps back to a chunk and an offset inside it.
 */
import { TERMINAL, displayWidth, isHan } from './han';

export interface SourceChunk<N = unknown> {
  text: string;
  /** The DOM node (or anything) this text came from; null for separators. */
  node: N | null;
  /**
   * HTML whitespace rules: a newline inside this chunk is source formatting, not a line the
   * reader sees. Between two Han characters it is dropped (as CSS does for Chinese), elsewhere
   * it reads as one space.
   */
  collapse?: boolean;
  /** Where `text` starts in the node (a chunk may be the tail or middle of a text node). */
  base?: number;
}

export interface TextModel<N = unknown> {
  /** The reading text: what every offset points into. */
  text: string;
  /** The raw text: chunks concatenated, separators included. */
  raw: string;
  /** For each reading index i, the raw index it came from (length text.length + 1). */
  toRaw: Int32Array;
  chunks: SourceChunk<N>[];
  /** Start offset of each chunk in raw. */
  chunkStarts: Int32Array;
}

export interface SourcePoint<N> {
  node: N;
  offset: number;
}

const JOINABLE_BEFORE = /[\p{Script=Han}0-9A-Za-z%％、，“”‘’《》（）()—·]/u;
const JOINABLE_AFTER = /[\p{Script=Han}0-9A-Za-z%％“‘《（(—·、，。；：！？”’》）)]/u;

/**
 * Decide which line breaks in `raw` are soft (the line was cut by the column width, not by
 * the writer). Only text laid out in fixed-width columns has soft breaks: a break is soft when
 * most lines around it have the same width as its line (a column of full lines), the line does
 * not end with terminal punctuation, it is not a source line, and the text on both sides can
 * belong to one word or sentence. Blank lines inside a sentence (column breaks) count too.
 * A file of one sentence per line, of varied lengths, has no column and keeps every line.
 */
export function softBreaks(raw: string): Array<[start: number, end: number, replacement: string]> {
  const lines: Array<{ start: number; end: number; width: number }> = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === '\n') {
      const body = raw.slice(start, i).trim();
      lines.push({ start, end: i, width: displayWidth(body) });
      start = i + 1;
    }
  }
  const nonEmpty = lines.filter((l) => l.width > 0);
  const column = columnLines(nonEmpty);
  const out: Array<[number, number, string]> = [];
  for (let k = 0; k < nonEmpty.length - 1; k++) {
    const line = nonEmpty[k];
    const next = nonEmpty[k + 1];
    if (line.width < 6 || !column[k]) continue;
    const before = raw.slice(line.start, line.end).trimEnd();
    // Source lines and photo credits (■本报记者 X, ■记者 X 摄) stand on their own.
    if (before.includes('■')) continue;
    const lastCh = before[before.length - 1] ?? '';
    if (TERMINAL.test(lastCh) || !JOINABLE_BEFORE.test(lastCh)) continue;
    const after = raw.slice(next.start, next.end);
    const lead = after.trimStart();
    const firstCh = lead[0] ?? '';
    if (!JOINABLE_AFTER.test(firstCh)) continue;
    const gapStart = line.start + before.length;
    const gapEnd = next.start + (after.length - lead.length);
    const latinPair = /[A-Za-z]/.test(lastCh) && /[A-Za-z]/.test(firstCh);
    out.push([gapStart, gapEnd, latinPair ? ' ' : '']);
  }
  return out;
}

/**
 * Which lines are full lines of a fixed-width column? A line is full when its width is close to
 * the column width (the third widest line nearby: a stray wide caption must not set it; a
 * paragraph's first line is a little short, its print indent lost in extraction). It counts
 * only where exact column lines are the rule around it (half of the 41 lines centred on it)
 * and it has full neighbours: extraction from a printed column gives 17, 18, 18, 19, 18, 7 …;
 * a list of sentences gives 12, 25, 9, 31, 16 ….
 */
function columnLines(lines: Array<{ width: number }>): boolean[] {
  const n = lines.length;
  const cols = lines.map((_, k) => {
    const near: number[] = [];
    for (let j = Math.max(0, k - 4); j <= Math.min(n - 1, k + 4); j++) near.push(lines[j].width);
    near.sort((a, b) => b - a);
    return near[Math.min(2, near.length - 1)];
  });
  // Loose: this line may be a column line (a first line is shorter by its lost indent).
  const full = lines.map((l, k) => l.width >= cols[k] * 0.75 && l.width <= cols[k] * 1.15);
  // Tight: the line is the column's width to a character or two, as print makes it. Where at
  // least half of the 41 lines around a line are that tight, the text is a printed column
  // (measured: the seed's 302 breaks all join; of the corpus reports written one sentence per
  // line, 0 of 31,577 lines join, one clause per line 1 of 90,293).
  const exact = lines.map((l, k) => Math.abs(l.width - cols[k]) <= 1.5);
  return full.map((f, k) => {
    if (!f) return false;
    let region = 0;
    let total = 0;
    let peers = 0;
    for (let j = Math.max(0, k - 20); j <= Math.min(n - 1, k + 20); j++) {
      total++;
      if (exact[j]) region++;
      if (j !== k && Math.abs(j - k) <= 3 && full[j]) peers++;
    }
    return peers >= 2 && region * 2 >= total;
  });
}

/** Build the model from chunks; `joinBreaks` removes soft line breaks (see softBreaks). */
export function buildTextModel<N>(chunks: SourceChunk<N>[], joinBreaks = true): TextModel<N> {
  const chunkStarts = new Int32Array(chunks.length);
  let raw = '';
  chunks.forEach((c, i) => {
    chunkStarts[i] = raw.length;
    raw += c.text;
  });
  // Newlines inside HTML text nodes are formatting: mask them before looking for lines.
  const inNode: Array<[number, number, string]> = [];
  let masked = raw;
  if (chunks.some((c) => c.collapse)) {
    const arr = raw.split('');
    chunks.forEach((c, ci) => {
      if (!c.collapse || c.node === null) return;
      for (const m of c.text.matchAll(/[ \t]*[\r\n][\s]*/g)) {
        const s0 = chunkStarts[ci] + (m.index ?? 0);
        const e0 = s0 + m[0].length;
        for (let i = s0; i < e0; i++) arr[i] = ' ';
        const prev = raw[s0 - 1] ?? '';
        const next = raw[e0] ?? '';
        inNode.push([s0, e0, isHan(prev) && isHan(next) ? '' : ' ']);
      }
    });
    masked = arr.join('');
  }
  const breaks = (joinBreaks ? softBreaks(masked) : []).concat(inNode).sort((a, b) => a[0] - b[0]);
  const toRaw: number[] = [];
  let text = '';
  let pos = 0;
  for (const [s, e, rep] of breaks) {
    // A soft line break and a newline inside the next text node can overlap: the first wins.
    if (s < pos) {
      pos = Math.max(pos, e);
      continue;
    }
    for (let i = pos; i < s; i++) toRaw.push(i);
    text += raw.slice(pos, s);
    if (rep) {
      text += rep;
      toRaw.push(s);
    }
    pos = e;
  }
  for (let i = pos; i < raw.length; i++) toRaw.push(i);
  text += raw.slice(pos);
  toRaw.push(raw.length);
  return { text, raw, toRaw: Int32Array.from(toRaw), chunks, chunkStarts };
}

/** A model over one plain string (a .txt file). */
export function textModelFromString(s: string): TextModel<null> {
  return buildTextModel([{ text: s, node: null }]);
}

/** Map a reading offset to the chunk it falls in. `end` offsets bind to the previous char. */
export function toSource<N>(model: TextModel<N>, offset: number, isEnd = false): SourcePoint<N> | null {
  const rawIndex = isEnd && offset > 0 ? model.toRaw[offset - 1] + 1 : model.toRaw[offset];
  // Binary search the chunk containing rawIndex.
  let lo = 0;
  let hi = model.chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (model.chunkStarts[mid] <= rawIndex - (isEnd ? 1 : 0)) lo = mid;
    else hi = mid - 1;
  }
  for (let c = lo; c >= 0; c--) {
    const chunk = model.chunks[c];
    if (chunk.node === null) continue;
    const local = rawIndex - model.chunkStarts[c];
    if (local < 0) continue;
    return { node: chunk.node, offset: (chunk.base ?? 0) + Math.min(local, chunk.text.length) };
  }
  return null;
}

/** Raw [start, end) span covered by reading [start, end). */
export function rawSpan(model: TextModel, start: number, end: number): [number, number] {
  if (end <= start) return [model.toRaw[start], model.toRaw[start]];
  return [model.toRaw[start], model.toRaw[end - 1] + 1];
}

/** Compact source map for the CLI: [readingOffset, rawCharsSkipped] at each joined break. */
export function sourceMapOf(model: TextModel): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 1; i < model.toRaw.length; i++) {
    const gap = model.toRaw[i] - model.toRaw[i - 1] - 1;
    if (gap > 0) out.push([i, gap]);
  }
  return out;
}

export { isHan };
