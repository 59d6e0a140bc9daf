/**
 * Simplified ↔ traditional, word-aware. See engine.ts for the rule, pieces.ts for writing the
 * result back node by node, and tests/fixtures/convert/README.md for what it changes against
 * plain opencc-js.
 */
import { tokenize, type Segmenter, type Token } from '../segment/segmenter';
import { convertText, segmentationText, type Conversion, type ConvertOptions } from './word-aware';
import { applyEdits, splitChanges } from './pieces';
import { prefetchSeams, wordParts } from './parts';
import type { ScriptMode } from '../settings/model';

export { convertText, segmentationText, warmUp } from './word-aware';
export type { Change, Conversion, ConvertOptions, Match } from './word-aware';
export { splitChanges, applyEdits, type Edit } from './pieces';
export { prefetchSeams, seamsOf, wordParts, type Seams, type WordParts } from './parts';
export type { TraditionalSource } from './dicts';

/**
 * Segment (the draft, for 's') and convert. `tokens`: the words of `text` when the caller has cut
 * it already (the CLI's report); not used for 's', which cuts a simplified draft instead.
 */
export function convertWith(seg: Segmenter, text: string, mode: ScriptMode, options: WordConvertOptions = {}, tokens?: readonly Token[]): Conversion {
  const draft = tokens && mode !== 's' ? text : segmentationText(text, mode, options);
  const words = tokens && mode !== 's' ? tokens : tokenize(seg, draft);
  const cut = options.wordCuts ? splitTaughtWords(draft, words, options.wordCuts) : words;
  if (!options.parts) prefetchSeams(seg, longWords(draft, cut));
  return convertText(text, cut, mode, { parts: wordParts(seg, draft), ...options });
}

export interface WordConvertOptions extends ConvertOptions {
  /**
   * Where jieba cuts a word it was taught (a glossary form such as 一个中国原则 → 一个|中国|原则)
   * when it is not taught: offsets inside the form. Teaching keeps a term whole for matching, but
   * a phrase rule must not cross the words inside it (个中 → 箇中 in 一个中国原则); see glossaryCuts.
   */
  wordCuts?: ReadonlyMap<string, readonly number[]>;
}

/** Tokens with every taught word cut where the untaught segmenter cuts it. */
export function splitTaughtWords(text: string, tokens: readonly Token[], cuts: ReadonlyMap<string, readonly number[]>): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const at = t.end - t.start > 2 ? cuts.get(text.slice(t.start, t.end)) : undefined;
    if (!at) {
      out.push(t);
      continue;
    }
    let start = t.start;
    for (const c of at) {
      out.push({ start, end: t.start + c });
      start = t.start + c;
    }
    out.push({ start, end: t.end });
  }
  return out;
}

export interface PiecesOptions extends WordConvertOptions {
  /**
   * inline[i]: piece i runs on into piece i + 1 (two text nodes of one paragraph, <b>内</b>存),
   * so words may span them. Otherwise a line break separates them for the segmenter. The page
   * converter (lib/dom/page-converter.ts) does not pass it: each text node converts on its own,
   * so a word split by markup on a page is converted as two.
   */
  inline?: readonly boolean[];
}

/**
 * Convert many strings (text nodes, attribute values) in one pass and return each converted.
 * Pieces are joined (by nothing where inline, else by '\n'), segmented and converted whole,
 * and the changes are cut back per piece: a phrase of another length that spans two inline
 * pieces is written in the first one.
 */
export function convertPieces(pieces: readonly string[], mode: ScriptMode, seg: Segmenter, options: PiecesOptions = {}): string[] {
  const ranges: { start: number; end: number }[] = [];
  let joined = '';
  pieces.forEach((p, i) => {
    if (i > 0 && !options.inline?.[i - 1]) joined += '\n';
    ranges.push({ start: joined.length, end: joined.length + p.length });
    joined += p;
  });
  const conv = convertWith(seg, joined, mode, options);
  const edits = splitChanges(conv.changes, ranges);
  return pieces.map((p, i) => applyEdits(p, edits[i]));
}

/** The words of three or more UTF-16 units among `tokens` (the only ones that can have seams). */
function* longWords(text: string, tokens: readonly Token[]): Generator<string> {
  for (const t of tokens) if (t.end - t.start >= 3) yield text.slice(t.start, t.end);
}
