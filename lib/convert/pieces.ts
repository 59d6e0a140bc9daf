/**
 * Writing a conversion back piece by piece (text nodes). A text is converted whole, so that
 * words split across nodes (<b>内</b>存) are seen as words; each node then gets its share of
 * the changes, in its own offsets.
 */
import type { Span } from '../text/span';
import type { Change } from './word-aware';

/** Replace local [start, end) of one piece with text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Cut `changes` (source offsets) along `pieces` (sorted, non-overlapping source ranges; text
 * between them, such as separators, gets no edits). An aligned change is cut at the piece
 * limits. A replacement (not aligned) that crosses a limit is written whole in the piece where
 * it starts and its source is deleted from the following pieces.
 */
export function splitChanges(changes: readonly Change[], pieces: readonly Span[]): Edit[][] {
  const out: Edit[][] = pieces.map(() => []);
  let p = 0;
  for (const c of changes) {
    while (p < pieces.length && pieces[p].end <= c.start) p++;
    let first = true;
    for (let q = p; q < pieces.length && pieces[q].start < c.end; q++) {
      const r = pieces[q];
      const s = Math.max(c.start, r.start);
      const e = Math.min(c.end, r.end);
      if (s >= e) continue;
      const text = c.aligned ? c.text.slice(s - c.start, e - c.start) : first ? c.text : '';
      out[q].push({ start: s - r.start, end: e - r.start, text });
      first = false;
    }
  }
  return out;
}

/** Apply sorted, non-overlapping edits to one piece. */
export function applyEdits(piece: string, edits: readonly Edit[]): string {
  if (!edits.length) return piece;
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += piece.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + piece.slice(at);
}
