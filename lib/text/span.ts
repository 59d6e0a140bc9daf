/** A half-open range [start, end) of UTF-16 offsets in a text: a token, a term, a piece. */
export interface Span {
  start: number;
  end: number;
}
