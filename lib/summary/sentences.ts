/**
 * Chinese sentence splitting over a span of the reading text, with offsets.
 * A sentence ends at 。！？!? (and ……, ； only when asked), with closing quotes and brackets kept on
 * it. Inside “…” nothing ends: a quoted passage of several sentences stays whole. A short
 * attribution after a closing quote (“……。”孔凡亮表示。) is kept with the quote, since on its own
 * it says nothing. Lines (paragraphs) always end a sentence.
 */

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (line) inside the span, from 0. */
  paragraph: number;
}

const ENDERS = new Set(['。', '！', '？', '!', '?']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '"', '\'']);
const OPEN_Q = new Set(['“', '「', '『']);
const CLOSE_Q = new Set(['”', '」', '』']);
// “……。”孙先生说 / 孔凡亮表示 / 他说: a tail this short, ending in a speech verb, belongs to the quote.
const ATTRIBUTION = /^[\p{Script=Han}·]{1,12}(?:说|表示|介绍|指出|强调|认为|告诉记者|说道|坦言|感慨)[。！!]?$/u;

export function splitSentences(text: string, start = 0, end = text.length, opts: { semicolon?: boolean } = {}): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = -1;
  let pos = start;
  while (pos < end) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > end) nl = end;
    const lineStart = pos;
    pos = nl + 1;
    if (!text.slice(lineStart, nl).trim()) continue;
    paragraph++;
    const pieces = splitLine(text, lineStart, nl, opts.semicolon ?? false);
    for (const [s, e] of pieces) {
      // Trim spaces (full- and half-width) on both sides; keep offsets exact.
      let a = s;
      let b = e;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (b > a) out.push({ start: a, end: b, text: text.slice(a, b), paragraph });
    }
  }
  return out;
}

function splitLine(text: string, start: number, end: number, semicolon: boolean): Array<[number, number]> {
  const cuts: Array<[number, number]> = [];
  let depth = 0;
  let from = start;
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (OPEN_Q.has(ch)) depth++;
    else if (CLOSE_Q.has(ch)) depth = Math.max(0, depth - 1);
    // An opening quote that never closes on this line (an extraction slip) does not hold.
    if (depth > 0 && ENDERS.has(ch) && !hasCloser(text, i, end)) depth = 0;
    const isEnd = ENDERS.has(ch) || (semicolon && ch === '；') || (ch === '…' && text[i + 1] === '…' && depth === 0 && !/[，、。]/.test(text[i + 2] ?? ''));
    if (isEnd && depth === 0) {
      let j = i + 1;
      if (ch === '…') j++;
      while (j < end && (ENDERS.has(text[j]) || CLOSERS.has(text[j]))) j++;
      cuts.push([from, j]);
      from = j;
      i = j;
      continue;
    }
    if (isEnd && depth > 0) {
      // Ender inside a quote: if the quote closes right after, the sentence may end there.
      let j = i + 1;
      while (j < end && ENDERS.has(text[j])) j++;
      if (j < end && CLOSE_Q.has(text[j]) && depth === 1) {
        while (j < end && CLOSERS.has(text[j])) j++;
        depth = 0;
        cuts.push([from, j]);
        from = j;
        i = j;
        continue;
      }
    }
    i++;
  }
  if (from < end) cuts.push([from, end]);
  // Merge a bare attribution into the quoted sentence before it.
  const merged: Array<[number, number]> = [];
  for (const c of cuts) {
    const prev = merged[merged.length - 1];
    const body = text.slice(c[0], c[1]).trim();
    if (prev && CLOSE_Q.has(text[prev[1] - 1]) && ATTRIBUTION.test(body)) prev[1] = c[1];
    else merged.push([c[0], c[1]]);
  }
  return merged;
}

function hasCloser(text: string, from: number, end: number): boolean {
  for (let k = from; k < end; k++) if (CLOSE_Q.has(text[k])) return true;
  return false;
}
