// Token bookkeeping shared by the reader and the name finder: which token covers an index.
import { isHanAt } from '../text/han';
import type { Span } from '../text/span';

// The name finder takes these from here.
export { isHanAt, type Span };

export interface TokenIndex {
  /** For every UTF-16 index: start and end of the token covering it (the index itself if none). */
  startAt: Int32Array;
  endAt: Int32Array;
}

export function indexTokens(text: string, tokens: readonly Span[]): TokenIndex {
  const n = text.length;
  const startAt = new Int32Array(n);
  const endAt = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    startAt[i] = i;
    endAt[i] = i + 1;
  }
  for (const t of tokens) {
    const s = Math.max(0, t.start);
    const e = Math.min(n, t.end);
    for (let i = s; i < e; i++) {
      startAt[i] = s;
      endAt[i] = e;
    }
  }
  return { startAt, endAt };
}

