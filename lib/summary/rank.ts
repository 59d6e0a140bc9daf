/**
 * Key sentences of one article: a sentence graph (TextRank: cosine similarity of the
 * sentences' TF·IDF vectors, PageRank with a lead prior as the teleport distribution), plus the
 * weight of the article's top keywords each sentence holds and its overlap with the headline.
 * The top sentences are taken greedily with a redundancy penalty (MMR) and given back in
 * reading order.
 */
import type { Token } from '../segment/segmenter';
import { countHan } from '../text/han';
import type { IdfTable } from './idf';
import { isContentWord, keywords, tokensIn, wordWeight } from './keywords';
import type { Sentence } from './sentences';

export interface RankOptions {
  /** How many sentences: default 2 for a short article (under ~8 candidates or 600 characters), else 3. */
  count?: number;
  /** Headline, subtitle and sub-headlines: words shared with them count. Omit to ignore. */
  headings?: string[];
  /** Offsets where sub-headed sections start: each section's first sentences get a lead prior too. */
  sections?: number[];
  /** Weights of the parts of the score (defaults below). */
  weights?: Partial<typeof DEFAULT_WEIGHTS>;
}

export const DEFAULT_WEIGHTS = {
  /** TextRank centrality. */
  graph: 1,
  /** Share of the article's top keywords' weight in the sentence. */
  keywords: 1,
  /**
   * Lead prior: first sentence 1, decaying with position. 1.2, with `length` 70 (were 0.8 and
   * 100), chosen among ~20 settings (lead 0.8–1.5, keyword weight 1 or 0.6, length 50–100) on
   * bench/summary-lead.ts: the best top sentence against the editors' headlines of the 52 real
   * pages, ahead of the lead on the project's own headlines, level on its written summaries.
   */
  lead: 1.2,
  /** Overlap with headings. */
  heading: 0.6,
  /** Redundancy penalty in selection (× max similarity to a chosen sentence). */
  redundancy: 0.7,
  /** Sentences longer than this many characters score × √(length / this). */
  length: 70,
};

export interface Ranked {
  index: number;
  score: number;
}

const DAMPING = 0.85;
const TOP_KEYWORDS = 12;

export function leadPrior(i: number): number {
  return 1 / (1 + 0.6 * i);
}

/** Candidates worth showing: a real sentence, not a fragment, not a wall of text. */
export function usable(s: Sentence): boolean {
  const han = countHan(s.text);
  return han >= 12 && s.text.length <= 260;
}

export function rankSentences(
  text: string,
  sentences: Sentence[],
  tokens: ReadonlyArray<Token>,
  idf: IdfTable | null,
  opts: RankOptions = {},
): Ranked[] {
  const w = { ...DEFAULT_WEIGHTS, ...opts.weights };
  const n = sentences.length;
  if (n === 0) return [];
  // Sentence vectors: word → tf·idf inside the sentence.
  const vecs = sentences.map((s) => {
    const v = new Map<string, number>();
    for (const t of tokensIn(tokens, s.start, s.end)) {
      const word = text.slice(t.start, t.end);
      if (isContentWord(word, idf)) v.set(word, (v.get(word) ?? 0) + wordWeight(word, idf));
    }
    return v;
  });
  const norms = vecs.map((v) => Math.sqrt([...v.values()].reduce((a, x) => a + x * x, 0)));
  const S = similarities(vecs, norms);

  // Personalised PageRank: teleport by lead prior.
  const prior = sentences.map((s, i) => leadPrior(position(sentences, i, opts.sections ?? [])));
  const psum = prior.reduce((a, x) => a + x, 0);
  const tele = prior.map((x) => x / psum);
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) out[j] += S[j * n + i];
  // The graph's edges row by row (j → i where S[j][i] ≠ 0), so that each iteration walks only them.
  const rowStart = new Int32Array(n + 1);
  const edgeTo: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) if (S[j * n + i]) edgeTo.push(i);
    rowStart[j + 1] = edgeTo.length;
  }
  let pr = tele.slice();
  for (let it = 0; it < 50; it++) {
    const next = tele.map((t) => (1 - DAMPING) * t);
    let dangling = 0;
    for (let j = 0; j < n; j++) {
      if (!out[j]) {
        dangling += pr[j];
        continue;
      }
      const from = DAMPING * pr[j];
      const row = j * n;
      for (let e = rowStart[j]; e < rowStart[j + 1]; e++) {
        const i = edgeTo[e];
        next[i] += (from * S[row + i]) / out[j];
      }
    }
    for (let i = 0; i < n; i++) next[i] += DAMPING * dangling * tele[i];
    const delta = next.reduce((a, x, i) => a + Math.abs(x - pr[i]), 0);
    pr = next;
    if (delta < 1e-8) break;
  }

  // Keyword coverage: the weight of the article's top keywords present in the sentence.
  const kws = keywords(text, tokens, idf).slice(0, TOP_KEYWORDS);
  const kwTotal = kws.reduce((a, k) => a + k.weight, 0) || 1;
  const kwScore = vecs.map((v) => kws.reduce((a, k) => a + (v.has(k.word) ? k.weight : 0), 0) / kwTotal);

  // Headings: share of the headings' content words the sentence repeats.
  const headWords = new Set<string>();
  for (const h of opts.headings ?? []) for (const word of headingWords(h, vecs)) headWords.add(word);
  const headScore = vecs.map((v) => {
    if (!headWords.size) return 0;
    let hit = 0;
    for (const word of headWords) if (v.has(word) || hasSubstring(v, word)) hit++;
    return hit / headWords.size;
  });

  const norm = (xs: number[]) => {
    const m = Math.max(...xs);
    return m > 0 ? xs.map((x) => x / m) : xs.map(() => 0);
  };
  const g = norm(pr);
  const k = norm(kwScore);
  const h = norm(headScore);
  const scores = sentences.map((s, i) => {
    let score = w.graph * g[i] + w.keywords * k[i] + w.lead * prior[i] + w.heading * h[i];
    // A sentence that leans on what came before reads badly alone.
    if (/^(?:但|但是|而|而且|同时|此外|因此|所以|对此|其中|这|该|他|她|它)/.test(s.text)) score *= 0.85;
    // A quotation opens with someone's words, out of context; a list of document titles is no content.
    if (/^[“「]/.test(s.text)) score *= 0.8;
    const titled = (s.text.match(/《[^》]*》/g) ?? []).join('').length;
    score *= 1 - 0.5 * Math.min(1, titled / s.text.length);
    // Long sentences hold more keywords without saying more: keep the sidebar short.
    if (s.text.length > w.length) score *= Math.sqrt(w.length / s.text.length);
    return usable(s) ? score : -Infinity;
  });

  // Greedy selection with a redundancy penalty.
  const count = opts.count ?? defaultCount(sentences);
  const chosen: number[] = [];
  const candidates = scores.map((_, i) => i).filter((i) => scores[i] > -Infinity);
  while (chosen.length < count && chosen.length < candidates.length) {
    let best = -1;
    let bestVal = -Infinity;
    for (const i of candidates) {
      if (chosen.includes(i)) continue;
      const red = chosen.length ? Math.max(...chosen.map((j) => S[i * n + j])) : 0;
      const val = scores[i] - w.redundancy * red;
      if (val > bestVal) {
        bestVal = val;
        best = i;
      }
    }
    if (best < 0) break;
    chosen.push(best);
  }
  return chosen.map((i) => ({ index: i, score: scores[i] })).sort((a, b) => a.index - b.index);
}

/**
 * Cosine similarities of the sentence vectors, as an n×n matrix in one typed array (row-major).
 * Words become integer ids and one sentence at a time is spread into a dense scratch array, so a
 * pair costs a pass over one sentence's words instead of map lookups: a long report has ~1,000
 * sentences and half a million pairs. Each pair is summed over the smaller vector in its
 * insertion order, as a plain two-map dot product would be (the same figures to the last bit).
 */
function similarities(vecs: ReadonlyArray<Map<string, number>>, norms: readonly number[]): Float64Array {
  const n = vecs.length;
  const S = new Float64Array(n * n);
  const ids = new Map<string, number>();
  const words = vecs.map((v) => Int32Array.from(v.keys(), (w) => ids.get(w) ?? (ids.set(w, ids.size), ids.size - 1)));
  const weights = vecs.map((v) => Float64Array.from(v.values()));
  const scratch = new Float64Array(ids.size);
  const size = Int32Array.from(vecs, (v) => v.size);
  for (let s = 0; s < n; s++) {
    if (!norms[s]) continue;
    const ws = words[s];
    for (let k = 0; k < ws.length; k++) scratch[ws[k]] = weights[s][k];
    for (let p = 0; p < n; p++) {
      if (p === s || !norms[p]) continue;
      // The pair (i < j) sums over vec i when it is strictly smaller, else over vec j.
      const i = s < p ? s : p;
      const j = s < p ? p : s;
      if ((size[i] < size[j] ? i : j) !== p) continue;
      const wp = words[p];
      const xp = weights[p];
      let dot = 0;
      for (let k = 0; k < wp.length; k++) dot += xp[k] * scratch[wp[k]];
      S[i * n + j] = S[j * n + i] = dot / (norms[i] * norms[j]);
    }
    for (let k = 0; k < ws.length; k++) scratch[ws[k]] = 0;
  }
  return S;
}

/** Position for the lead prior: in a sub-headed article, a section's first sentence counts as second. */
function position(sentences: Sentence[], i: number, sections: number[]): number {
  const sec = sections.filter((at) => at <= sentences[i].start).pop();
  if (sec === undefined) return i;
  const first = sentences.findIndex((s) => s.start >= sec);
  return Math.min(i, 1 + (i - first));
}

export function defaultCount(sentences: Sentence[]): number {
  const usableCount = sentences.filter(usable).length;
  const chars = sentences.reduce((a, s) => a + s.text.length, 0);
  return usableCount < 8 || chars < 600 ? 2 : 3;
}

/** Content words of a heading: the sentence vocabulary's words found in it (the heading is not tokenised). */
function headingWords(heading: string, vecs: Array<Map<string, number>>): Set<string> {
  const out = new Set<string>();
  for (const v of vecs) for (const word of v.keys()) if (heading.includes(word)) out.add(word);
  return out;
}

function hasSubstring(v: Map<string, number>, word: string): boolean {
  for (const k of v.keys()) if (k.includes(word)) return true;
  return false;
}
